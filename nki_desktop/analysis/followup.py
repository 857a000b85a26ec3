"""Åtgärder och uppföljning: each done action's index before and after its done date.

For every area/factor an action addresses: the index of the last case year before the year
of the done date and of the first year after it (the year it was done in is mixed and is
counted in neither), with n, and the 95 % uncertainty where the data allow it:

- a year's interval is the stored one, else the one recomputed from respondent rows when
  they give the same index (within 0,05);
- the difference gets Welch's interval when both years come from respondent rows (their sd
  is known), else, when both years have intervals, √(h₁² + h₂²) (independent years, normal
  approximation), else none.

A before/after comparison shows a development, never a cause: every text says so.
Pure builders over plain values; ``load_followup`` reads them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from nki_desktop.analysis.respondent import Change, change_between, load_frame, slice_stat
from nki_desktop.analysis.trend import Point, series
from nki_desktop.domain.actions import CANCELLED, Action, Target
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.domain.respondent_stats import MeanStat
from nki_desktop.domain.rules import breaks_between, publication_rules
from nki_desktop.storage import Store
from nki_desktop.storage.actions import list_actions

NO_CAUSE = (
    "Jämförelsen före och efter visar hur indexet utvecklades, inte att åtgärden orsakade "
    "skillnaden: annat kan ha ändrats samtidigt (ärendenas mix, antal svar, organisation)."
)
SAME_INDEX = 0.05  # a respondent slice "is" the stored index when this close


@dataclass(frozen=True)
class Side:
    """The index of one year on one side of the done date."""

    year: int
    value: float | None  # None: too few answers to show
    n: int | None
    ci_low: float | None = None
    ci_high: float | None = None
    stat: MeanStat | None = None  # the respondent slice behind the interval, if any
    publications: tuple[str, ...] = ()  # of the stored value

    @property
    def half_width(self) -> float | None:
        if self.ci_low is None or self.ci_high is None:
            return None
        return (self.ci_high - self.ci_low) / 2.0

    @property
    def text(self) -> str:
        """'2022: 68 (n = 45, ±3,1)'."""
        if self.value is None:
            return f"{self.year}: för få svar för att visas (n = {fmt_number(self.n)})"
        extra = [f"n = {fmt_number(self.n)}"] if self.n is not None else []
        if self.half_width is not None:
            extra.append(f"±{fmt_number(self.half_width, 1)}")
        return f"{self.year}: {fmt_index(round(self.value, 1))}" + (
            f" ({', '.join(extra)})" if extra else ""
        )


@dataclass(frozen=True)
class FollowupRow:
    action: Action
    target: Target
    done_year: int
    before: Side | None
    after: Side | None
    delta: float | None
    half_width: float | None  # of the difference, 95 %
    significant: bool | None
    definition_change: int | None = None  # a year between before and after with a new definition

    @property
    def change_text(self) -> str:
        if self.delta is None:
            if self.before is None:
                return "Inget värde före åtgärden."
            if self.after is None:
                return "Inget värde efter åtgärden ännu."
            return "Skillnaden kan inte visas (för få svar)."
        head = f"Skillnad {fmt_change(round(self.delta, 1))}"
        if self.half_width is None:
            text = head + " (osäkerheten kan inte beräknas)."
        else:
            head += f" (osäkerhet ±{fmt_number(self.half_width, 1)})"
            verdict = "större än" if self.significant else "ryms inom"
            text = f"{head}: {verdict} slumpvariationen."
        if self.definition_change:
            text += (
                f" ⚠ Definitionen ändrades {self.definition_change}: åren är inte helt jämförbara."
            )
        return text

    @property
    def short_text(self) -> str:
        """'62 → 70 (+8 ±5,7)' for a table cell; '–' without both sides."""
        if self.delta is None or self.before is None or self.after is None:
            return "–"
        assert self.before.value is not None and self.after.value is not None
        half = f" ±{fmt_number(self.half_width, 1)}" if self.half_width is not None else ""
        return (
            f"{fmt_index(round(self.before.value, 1))} → {fmt_index(round(self.after.value, 1))} "
            f"({fmt_change(round(self.delta, 1))}{half})"
        )

    @property
    def text(self) -> str:
        before = self.before.text if self.before else "–"
        after = self.after.text if self.after else "–"
        return f"Före {before}. Efter {after}. {self.change_text}"


StatLookup = Callable[[int, str, str], MeanStat | None]


def side(point: Point, stat: MeanStat | None) -> Side:
    """One year's figure, with the respondent slice's interval when it is the same index."""
    rules = publication_rules(point.year)
    value = point.value
    if value is not None and point.n is not None and point.n < rules.min_answers_portal:
        value = None  # the publication rules: too few answers shows no value
    usable = (
        stat is not None
        and stat.mean is not None
        and value is not None
        and abs(stat.mean - value) <= SAME_INDEX
    )
    low: float | None = None
    high: float | None = None
    if point.ci_low is not None and point.ci_high is not None:
        low, high = point.ci_low, point.ci_high
    elif usable and stat is not None:
        low, high = stat.ci_low, stat.ci_high
    return Side(point.year, value, point.n, low, high, stat if usable else None, point.publications)


def difference(before: Side, after: Side) -> tuple[float | None, float | None, bool | None]:
    """The change after − before, its 95 % half-width and whether 0 lies outside it."""
    if before.value is None or after.value is None:
        return None, None, None
    delta = after.value - before.value
    if before.stat is not None and after.stat is not None:
        change: Change | None = change_between(after.stat, before.stat)
        if change is not None and change.half_width is not None:
            return delta, change.half_width, change.significant
    if before.half_width is not None and after.half_width is not None:
        half = math.sqrt(before.half_width**2 + after.half_width**2)
        return delta, half, abs(delta) > half
    return delta, None, None


def build_followup(
    actions: Sequence[Action],
    values: Mapping[Target, Sequence[Point]],
    stats: StatLookup | None = None,
) -> list[FollowupRow]:
    """One row per done action and target, in the order of the actions (cancelled and
    undated actions have no follow-up)."""
    out: list[FollowupRow] = []
    for action in actions:
        if not action.done or action.status == CANCELLED:
            continue
        done_year = int(action.done[:4])
        for target in action.targets:
            points = [p for p in values.get(target, ()) if p.value is not None or p.n]
            before_p = max((p for p in points if p.year < done_year), key=_year, default=None)
            after_p = min((p for p in points if p.year > done_year), key=_year, default=None)

            def make(p: Point | None, t: Target = target) -> Side | None:
                if p is None:
                    return None
                return side(p, stats(p.year, t.area, t.factor) if stats else None)

            before, after = make(before_p), make(after_p)
            delta, half, significant = (
                difference(before, after) if before and after else (None, None, None)
            )
            crossed = (
                breaks_between(before.year, after.year, target.area) if before and after else []
            )
            out.append(
                FollowupRow(
                    action,
                    target,
                    done_year,
                    before,
                    after,
                    delta,
                    half,
                    significant,
                    crossed[0].year if crossed else None,
                )
            )
    return out


def _year(p: Point) -> int:
    return p.year


def load_followup(store: Store, unit: str, group: str) -> list[FollowupRow]:
    """The follow-up of a kommun's done actions for a respondent group."""
    actions = list_actions(store, unit)
    done = [a for a in actions if a.done and a.status != CANCELLED]
    if not done:
        return []
    targets = {t for a in done for t in a.targets}
    values = {t: series(store, unit, t.area, t.factor, group) for t in targets}
    stats: StatLookup | None = None
    if store.respondent_count(unit):
        frame = load_frame(store, unit, group)

        def stats(year: int, area: str, factor: str) -> MeanStat | None:
            if not len(frame):
                return None
            stat = slice_stat(frame, year, group, area, factor)
            return stat if stat.n else None

    return build_followup(done, values, stats)
