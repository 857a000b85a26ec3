"""A kommun's own goals (mål) for an index, and the words and symbols of their status.

A goal is what a board decided ("NKI ska vara minst 75", "bibehålls jämfört med föregående
år", "bland de 50 bästa"). Its status compares the outcome with the kommun's own goal; it is
never Kolada's red/yellow/green, which ranks kommuner against each other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    FACTOR_BY_KEY,
    GROUP_BY_KEY,
    TOTAL,
    area_label,
    factor_label,
    group_label,
    index_factor,
)
from nki_desktop.domain.errors import UserError
from nki_desktop.domain.numbers import fmt_number

TARGET = "target"  # "minst 75"
DIRECTION = "direction"  # "öka" / "bibehålla" against the previous year
RANK = "rank"  # "bland de 50 bästa"
KINDS = (TARGET, DIRECTION, RANK)

INCREASE = "oka"
KEEP = "bibehalla"
DIRECTIONS = {INCREASE: "öka", KEEP: "bibehålla"}

DEFAULT_TOLERANCE = 1.0  # index points: "nära" when this close to the goal
TOLERANCE_KEY = "goal_tolerance"  # the stored setting (meta table)
FIRST_YEAR, LAST_YEAR = 2005, 2100

KOLADA_NOTE = (
    "Målstatus jämför utfallet med kommunens eget mål. Det är inte Koladas färger "
    "(röd/gul/grön), som bara visar kommunens placering i förhållande till andra kommuner."
)


class GoalInputError(UserError):
    """A goal that cannot be stored as given (the message says what to change)."""


@dataclass(frozen=True)
class Goal:
    """One goal as stored. Exactly one of ``target``, ``direction`` and ``rank`` is set,
    as ``kind`` says. ``deleted_at`` is set when it lies in the wastebasket (restorable)."""

    id: int
    kommun: str
    area: str
    factor: str
    group: str
    kind: str
    target: float | None = None
    direction: str | None = None
    rank: int | None = None
    from_year: int | None = None
    source: str = ""
    created_at: str = ""
    changed_at: str = ""
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def figure_label(self) -> str:
        """'NKI totalt', 'Bygglov', 'Bygglov – bemötande', 'NKI totalt – information'."""
        if self.factor == index_factor(self.area):
            return area_label(self.area) + (" (NUI)" if self.factor == "nui" else "")
        return f"{area_label(self.area)} – {factor_label(self.factor).lower()}"

    @property
    def aim(self) -> str:
        """The goal in words: 'minst 75', 'öka jämfört med föregående år', 'bland de 50 bästa'."""
        if self.kind == TARGET and self.target is not None:
            decimals = 0 if float(self.target).is_integer() else 1
            return f"minst {fmt_number(self.target, decimals)}"
        if self.kind == DIRECTION and self.direction:
            return f"{DIRECTIONS.get(self.direction, self.direction)} jämfört med föregående år"
        if self.kind == RANK and self.rank is not None:
            return f"bland de {self.rank} bästa i riket"
        return "okänt mål"

    @property
    def text(self) -> str:
        """'NKI totalt: minst 75 (företag, från 2022)'."""
        parts = [group_label(self.group).lower()]
        if self.from_year:
            parts.append(f"från {self.from_year}")
        return f"{self.figure_label}: {self.aim} ({', '.join(parts)})"


@dataclass(frozen=True)
class GoalState:
    """A status as a word and a symbol (never colour alone); ``colour`` only supports them."""

    key: str
    label: str
    symbol: str
    colour: str


ACHIEVED = GoalState("uppnatt", "uppnått", "✓", "#009E73")
NEAR = GoalState("nara", "nära", "≈", "#E69F00")
NOT_ACHIEVED = GoalState("ej_uppnatt", "ej uppnått", "✗", "#D55E00")
NO_OUTCOME = GoalState("inget_utfall", "inget utfall", "–", "#777777")
STATES = (ACHIEVED, NEAR, NOT_ACHIEVED, NO_OUTCOME)
STATE_BY_KEY = {s.key: s for s in STATES}


def new_goal(
    kommun: str,
    *,
    area: str = TOTAL,
    factor: str | None = None,
    group: str = "foretag",
    target: float | None = None,
    direction: str | None = None,
    rank: int | None = None,
    from_year: int | None = None,
    source: str = "",
) -> Goal:
    """A checked goal not yet stored (id 0). Raises :class:`GoalInputError` in Swedish."""
    factor = factor or index_factor(area)
    if area not in AREA_BY_KEY:
        raise GoalInputError(
            f"Okänt område: {area}. Välj bland: {', '.join(AREA_BY_KEY)} (total = NKI totalt)."
        )
    if factor not in FACTOR_BY_KEY:
        raise GoalInputError(f"Okänt index: {factor}. Välj bland: {', '.join(FACTOR_BY_KEY)}.")
    if factor in ("nki", "nui") and factor != index_factor(area):
        raise GoalInputError(
            f"{area_label(area)} har index {index_factor(area).upper()}, inte "
            f"{factor.upper()}. Ange --factor {index_factor(area)} eller ett serviceområde."
        )
    if group not in GROUP_BY_KEY:
        raise GoalInputError(f"Okänd svarsgrupp: {group}. Välj bland: {', '.join(GROUP_BY_KEY)}.")
    given = [
        k for k, v in ((TARGET, target), (DIRECTION, direction), (RANK, rank)) if v is not None
    ]
    if len(given) != 1:
        raise GoalInputError(
            "Ange exakt ett slags mål: ett målvärde (--target 75), en riktning "
            "(--direction oka eller bibehalla) eller en placering (--rank 50)."
        )
    kind = given[0]
    if target is not None and not 0 <= target <= 100:
        raise GoalInputError(
            f"Målvärdet {fmt_number(target, 1)} ligger utanför 0–100. Ange ett index mellan "
            "0 och 100, t.ex. 75."
        )
    if direction is not None and direction not in DIRECTIONS:
        raise GoalInputError(
            f"Okänd riktning: {direction}. Ange oka (öka) eller bibehalla (bibehålla)."
        )
    if rank is not None and not 1 <= rank <= 290:
        raise GoalInputError(
            f"Placeringen {rank} går inte: ange en placering mellan 1 och 290, t.ex. 50."
        )
    if from_year is not None and not FIRST_YEAR <= from_year <= LAST_YEAR:
        raise GoalInputError(
            f"Året {from_year} går inte: ange ett ärendeår mellan {FIRST_YEAR} och {LAST_YEAR}."
        )
    return Goal(
        0,
        kommun,
        area,
        factor,
        group,
        kind,
        target=None if target is None else float(target),
        direction=direction,
        rank=rank,
        from_year=from_year,
        source=(source or "").strip(),
    )


def edited(goal: Goal, **changes: object) -> Goal:
    """The goal with changes applied and checked again (same id and times)."""
    merged = replace(goal, **changes)  # type: ignore[arg-type]
    checked = new_goal(
        merged.kommun,
        area=merged.area,
        factor=merged.factor,
        group=merged.group,
        target=merged.target if merged.kind == TARGET else None,
        direction=merged.direction if merged.kind == DIRECTION else None,
        rank=merged.rank if merged.kind == RANK else None,
        from_year=merged.from_year,
        source=merged.source,
    )
    return replace(
        checked,
        id=goal.id,
        created_at=goal.created_at,
        changed_at=goal.changed_at,
        deleted_at=goal.deleted_at,
    )


def check_tolerance(value: float) -> float:
    """A tolerance in index points, 0–10 (raises :class:`GoalInputError` otherwise)."""
    if not 0 <= value <= 10:
        raise GoalInputError(
            f"Toleransen {fmt_number(value, 1)} går inte: ange 0–10 indexenheter, t.ex. 1."
        )
    return float(value)
