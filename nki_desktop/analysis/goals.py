"""Goal attainment (måluppfyllelse) per year: pure functions over values fetched once.

Outcomes are compared as SKR publishes them: the index rounded to a whole number (half up),
or to one decimal when the target has one ("minst 74,5"). A goal is

- a target: uppnått when the outcome is at least the target, nära when it falls short by at
  most the tolerance (index points, a stored setting), else ej uppnått;
- a direction against the previous survey year: "öka" needs at least one point more, and
  "bibehålla" at least the same, with the same tolerance for nära;
- a rank: uppnått at that place or better (the published rank, else the program's own among
  kommuner with enough answers); nära when the index is within the tolerance of the index
  that holds that place.

Without a value the status is "inget utfall". Where NKI's definition changed between the
years compared (DOMAIN: 2016, 2024), the status says so. None of this is Kolada's relative
colours (:data:`~nki_desktop.domain.goals.KOLADA_NOTE`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from nki_desktop.domain.goals import (
    ACHIEVED,
    DEFAULT_TOLERANCE,
    DIRECTION,
    INCREASE,
    NEAR,
    NO_OUTCOME,
    NOT_ACHIEVED,
    RANK,
    TARGET,
    TOLERANCE_KEY,
    Goal,
    GoalState,
)
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.ranking import shared_ranks
from nki_desktop.domain.records import StoredValue
from nki_desktop.domain.rules import DefinitionBreak, breaks_between, publication_rules
from nki_desktop.storage import Store
from nki_desktop.storage.goals import list_goals

Cell = tuple[str, str, str, str]  # unit, area, factor, group


@dataclass(frozen=True)
class Outcome:
    """A goal's status in one case year."""

    year: int
    state: GoalState
    value: float | None = None  # the kommun's index that year
    rank: int | None = None  # for rank goals: the place (published, else computed)
    rank_computed: bool = False
    previous_year: int | None = None  # for direction goals
    previous_value: float | None = None
    breaks: tuple[DefinitionBreak, ...] = ()  # definition changes between the years compared
    detail: str = ""  # the comparison in words

    @property
    def definition_changed(self) -> bool:
        return bool(self.breaks)

    @property
    def label(self) -> str:
        """'✓ uppnått', '≈ nära – ny definition 2024'."""
        text = f"{self.state.symbol} {self.state.label}"
        if self.breaks:
            text += " – ny definition " + ", ".join(str(b.year) for b in self.breaks)
        return text

    @property
    def explanation(self) -> str:
        """The detail and, where it applies, why the comparison is not like for like."""
        notes = [self.detail] if self.detail else []
        notes += [
            f"Obs: definitionen ändrades {b.year}, så jämförelsen gäller olika definitioner "
            "(se Metod)."
            for b in self.breaks
        ]
        return " ".join(notes)


@dataclass
class GoalReport:
    """A goal with its status in each survey year from its first year on."""

    goal: Goal
    outcomes: list[Outcome] = field(default_factory=list)

    def outcome(self, year: int) -> Outcome | None:
        return next((o for o in self.outcomes if o.year == year), None)

    @property
    def latest(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None


@dataclass
class GoalValues:
    """What the statuses are computed from, fetched once (see :func:`fetch_goal_values`)."""

    years: dict[str, list[int]]  # group -> survey years stored, ascending
    cells: dict[Cell, dict[int, StoredValue]]  # the goals' own cells, by year
    ranked: dict[tuple[str, str, str], dict[int, list[StoredValue]]] = field(
        default_factory=dict
    )  # (area, factor, group) -> year -> every kommun's value, for rank goals
    kommuner: frozenset[str] = frozenset()  # the units that take part in a ranking
    only: frozenset[int] | None = None  # follow up these years only (a screen showing one)


def _published(value: float, decimals: int = 0) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def _decimals(target: float) -> int:
    return 0 if float(target).is_integer() else 1


def _grade(shortfall: Decimal, tolerance: float) -> GoalState:
    if shortfall <= 0:
        return ACHIEVED
    if shortfall <= Decimal(repr(float(tolerance))):
        return NEAR
    return NOT_ACHIEVED


def _missing_detail(v: StoredValue | None, year: int) -> str:
    if v is not None and v.missing:
        return f"Inget publicerat värde {year} ({v.missing}: för få svar)."
    return f"Inget värde för {year}."


def _cell(goal: Goal) -> Cell:
    return (goal.kommun, goal.area, goal.factor, goal.group)


def goal_years(goal: Goal, values: GoalValues) -> list[int]:
    """The survey years a goal is followed up in: from its first year on."""
    years = values.years.get(goal.group, [])
    return [
        y
        for y in years
        if (goal.from_year is None or y >= goal.from_year)
        and (values.only is None or y in values.only)
    ]


def evaluate(goal: Goal, values: GoalValues, tolerance: float = DEFAULT_TOLERANCE) -> GoalReport:
    """A goal's status in every survey year from its first year on."""
    return GoalReport(goal, [outcome(goal, y, values, tolerance) for y in goal_years(goal, values)])


def outcome(goal: Goal, year: int, values: GoalValues, tolerance: float) -> Outcome:
    """A goal's status in one case year."""
    mine = values.cells.get(_cell(goal), {})
    v = mine.get(year)
    if goal.kind == DIRECTION:
        return _direction(goal, year, values, mine, tolerance)
    breaks = tuple(breaks_between(goal.from_year, year, goal.area)) if goal.from_year else ()
    if v is None or v.value is None:
        return Outcome(year, NO_OUTCOME, breaks=breaks, detail=_missing_detail(v, year))
    if goal.kind == TARGET and goal.target is not None:
        decimals = _decimals(goal.target)
        shown = _published(v.value, decimals)
        state = _grade(Decimal(repr(float(goal.target))) - shown, tolerance)
        detail = (
            f"Utfall {fmt_number(float(shown), decimals)} mot målet minst "
            f"{fmt_number(goal.target, decimals)}."
        )
        return Outcome(year, state, v.value, breaks=breaks, detail=detail)
    if goal.kind == RANK and goal.rank is not None:
        return _rank(goal, year, v, values, tolerance, breaks)
    return Outcome(year, NO_OUTCOME, v.value, breaks=breaks, detail="Målet saknar värde.")


def _direction(
    goal: Goal, year: int, values: GoalValues, mine: dict[int, StoredValue], tolerance: float
) -> Outcome:
    earlier = [y for y in values.years.get(goal.group, []) if y < year]
    v = mine.get(year)
    own = v.value if v is not None else None
    if not earlier:
        return Outcome(
            year, NO_OUTCOME, own, detail=f"Inget tidigare år än {year} att jämföra med."
        )
    prev_year = earlier[-1]
    prev = mine.get(prev_year)
    breaks = tuple(breaks_between(prev_year, year, goal.area))
    if v is None or v.value is None or prev is None or prev.value is None:
        detail = (
            _missing_detail(v, year)
            if own is None
            else "Inget att jämföra med: " + _missing_detail(prev, prev_year).lower()
        )
        return Outcome(year, NO_OUTCOME, own, previous_year=prev_year, breaks=breaks, detail=detail)
    now, then = _published(v.value), _published(prev.value)
    needed = then + (1 if goal.direction == INCREASE else 0)
    change = now - then
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return Outcome(
        year,
        _grade(needed - now, tolerance),
        v.value,
        previous_year=prev_year,
        previous_value=prev.value,
        breaks=breaks,
        detail=(
            f"{fmt_number(float(now))} mot {fmt_number(float(then))} år {prev_year} "
            f"({sign}{abs(change)})."
        ),
    )


def _rank(
    goal: Goal,
    year: int,
    v: StoredValue,
    values: GoalValues,
    tolerance: float,
    breaks: tuple[DefinitionBreak, ...],
) -> Outcome:
    wanted = goal.rank or 0
    everyone = values.ranked.get((goal.area, goal.factor, goal.group), {}).get(year, [])
    minimum = publication_rules(year).min_answers_oj
    scores = {
        x.unit: x.value
        for x in everyone
        if x.unit in values.kommuner and x.value is not None and (x.n is None or x.n >= minimum)
    }
    computed = not v.rank
    rank = v.rank or shared_ranks(scores).get(goal.kommun)
    if rank is None:
        return Outcome(
            year,
            NO_OUTCOME,
            v.value,
            breaks=breaks,
            detail=f"Ingen placering {year} (för få svar eller ingen rankning).",
        )
    # the index that holds the wanted place: the wanted-th best of the other kommuner
    others = sorted((s for u, s in scores.items() if u != goal.kommun), reverse=True)
    if rank <= wanted:
        state = ACHIEVED
    elif len(others) >= wanted and v.value is not None:
        gap = _published(others[wanted - 1]) - _published(v.value)
        state = NEAR if gap <= Decimal(repr(float(tolerance))) else NOT_ACHIEVED
    else:
        state = NOT_ACHIEVED
    of = f" av {len(scores)}" if computed and scores else ""
    detail = (
        f"Plats {rank}{of}{' (beräknad)' if computed else ''} mot målet bland de {wanted} bästa."
    )
    return Outcome(year, state, v.value, rank, computed, breaks=breaks, detail=detail)


# -- reading ----------------------------------------------------------------------------


def tolerance(store: Store) -> float:
    """The stored tolerance for "nära" (index points), or the default."""
    text = store.get_meta(TOLERANCE_KEY)
    try:
        return float(text) if text is not None else DEFAULT_TOLERANCE
    except ValueError:
        return DEFAULT_TOLERANCE


def fetch_goal_values(
    store: Store, goals: Iterable[Goal], only: Sequence[int] | None = None
) -> GoalValues:
    """Read once what :func:`evaluate` needs for these goals (in the years ``only``, when
    given: a rank goal's ranking is read for those years alone)."""
    goals = list(goals)
    values = GoalValues(
        years={g: store.years(g) for g in sorted({x.group for x in goals})},
        cells=defaultdict(dict),
        kommuner=frozenset(k.code for k in store.catalogue.kommuner),
        only=frozenset(only) if only is not None else None,
    )
    for unit, group in sorted({(g.kommun, g.group) for g in goals}):
        for v in store.values(unit=unit, group=group):
            values.cells[(v.unit, v.area, v.factor, v.group)][v.year] = v
    for area, factor, group in sorted(
        {(g.area, g.factor, g.group) for g in goals if g.kind == RANK}
    ):
        by_year: dict[int, list[StoredValue]] = defaultdict(list)
        if only is not None and len(only) == 1:  # one year: the (year, area, …) index
            ranked = store.values(year=only[0], area=area, factor=factor, group=group)
        else:
            ranked = store.values(years=only, area=area, factor=factor, group=group)
        for v in ranked:
            by_year[v.year].append(v)
        values.ranked[(area, factor, group)] = dict(by_year)
    values.cells = dict(values.cells)
    return values


def load_goal_reports(
    store: Store,
    kommun: str | None = None,
    group: str | None = None,
    tolerance_points: float | None = None,
    only: Sequence[int] | None = None,
) -> list[GoalReport]:
    """The goals (of a kommun, a group) with their status per year (or in the years
    ``only``): one read, then pure."""
    goals = list_goals(store, unit=kommun, group=group)
    if not goals:
        return []
    values = fetch_goal_values(store, goals, only)
    tol = tolerance(store) if tolerance_points is None else tolerance_points
    return [evaluate(g, values, tol) for g in goals]


def for_figure(
    reports: Sequence[GoalReport], area: str, factor: str, year: int
) -> list[tuple[Goal, Outcome]]:
    """The goals of one figure (area, factor) with their status in a year."""
    out = []
    for r in reports:
        if (r.goal.area, r.goal.factor) == (area, factor):
            o = r.outcome(year)
            if o is not None:
                out.append((r.goal, o))
    return out
