"""Goals and their yearly status as flat rows: for ``goals list``, the data export and the
report's "Mål och utfall" (one row per goal and year)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nki_desktop.analysis.goals import GoalReport, Outcome
from nki_desktop.domain.areas import group_label
from nki_desktop.domain.goals import NO_OUTCOME

GOAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "Mål-id"),
    ("kommun", "Kommunkod"),
    ("kommun_name", "Kommun"),
    ("figure", "Mått"),
    ("group", "Svarsgrupp"),
    ("aim", "Mål"),
    ("from_year", "Från år"),
    ("source", "Källa för målet"),
    ("year", "Ärendeår"),
    ("status", "Status"),
    ("symbol", "Symbol"),
    ("value", "Utfall"),
    ("rank", "Placering"),
    ("definition_changed", "Ny definition"),
    ("detail", "Förklaring"),
)


@dataclass(frozen=True)
class GoalRow:
    id: int
    kommun: str
    kommun_name: str
    figure: str
    group: str
    aim: str
    from_year: int | None
    source: str
    year: int | None  # None: a goal with no survey year yet
    status: str
    symbol: str
    value: float | None
    rank: int | None
    definition_changed: bool
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {key: getattr(self, key) for key, _label in GOAL_COLUMNS}


def build_goal_rows(
    reports: Sequence[GoalReport], names: Mapping[str, str], until: int | None = None
) -> list[GoalRow]:
    """One row per goal and year (up to ``until``); a goal without years gets one row."""
    rows: list[GoalRow] = []
    for r in reports:
        g = r.goal
        shown: list[Outcome | None] = [o for o in r.outcomes if until is None or o.year <= until]
        for o in shown or [None]:
            rows.append(
                GoalRow(
                    id=g.id,
                    kommun=g.kommun,
                    kommun_name=names.get(g.kommun, g.kommun),
                    figure=g.figure_label,
                    group=group_label(g.group),
                    aim=g.aim,
                    from_year=g.from_year,
                    source=g.source,
                    year=o.year if o else None,
                    status=(o.state if o else NO_OUTCOME).label,
                    symbol=(o.state if o else NO_OUTCOME).symbol,
                    value=None if o is None or o.value is None else round(o.value, 1),
                    rank=o.rank if o else None,
                    definition_changed=bool(o and o.definition_changed),
                    detail=o.explanation
                    if o
                    else "Inga ärendeår med värden från målets första år.",
                )
            )
    return rows
