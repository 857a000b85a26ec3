"""The report's "Mål och utfall": the kommun's goals of the report's group, each with its
status in the last survey years up to the report year (word + symbol, the outcome)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from nki_desktop.analysis.goals import GoalReport, Outcome, load_goal_reports, tolerance
from nki_desktop.domain.goals import KOLADA_NOTE, NO_OUTCOME, Goal
from nki_desktop.domain.numbers import fmt_index, fmt_number
from nki_desktop.storage import Store

HEADING = "Mål och utfall"
SHOWN_YEARS = 4  # the report shows this many years per goal; the Excel sheet all of them


@dataclass
class GoalTable:
    year: int  # the report year
    years: list[int]  # the columns, oldest first
    reports: list[GoalReport]
    tolerance: float
    rows: list[list[str]] = field(default_factory=list)  # Mått, Mål, Källa, one cell a year
    breaks: list[str] = field(default_factory=list)  # "2024" … where a status says so

    @property
    def note(self) -> str:
        return (
            "Status per år: ✓ uppnått · ≈ nära (högst "
            f"{fmt_number(self.tolerance, 1)} indexenheter från målet) · ✗ ej uppnått · "
            "– inget utfall. Utfallet jämförs som SKR publicerar det, i hela tal. "
            f"{KOLADA_NOTE}"
        )

    @property
    def caption(self) -> str:
        text = "Värdet inom parentes är utfallet (placering för placeringsmål)."
        if self.breaks:
            text += (
                " * = definitionen av NKI ändrades mellan åren som jämförs "
                f"({', '.join(self.breaks)}): jämförelsen är inte likvärdig."
            )
        return text

    def series_goals(self, area: str, factor: str) -> list[Goal]:
        """The goals of one series (for target lines on the report's trend chart)."""
        return [r.goal for r in self.reports if (r.goal.area, r.goal.factor) == (area, factor)]


def cell(o: Outcome | None) -> str:
    """'✓ uppnått (77)', '✗ ej uppnått (plats 165)*', '–' for a year not followed up."""
    if o is None:
        return ""
    text = f"{o.state.symbol} {o.state.label}"
    if o.state is not NO_OUTCOME:
        text += f" ({'plats ' + str(o.rank) if o.rank else fmt_index(round(o.value or 0, 1))})"
    return text + ("*" if o.definition_changed else "")


def build_goal_table(reports: Sequence[GoalReport], year: int, tol: float) -> GoalTable | None:
    """The section's table, or None without goals."""
    if not reports:
        return None
    all_years = sorted({o.year for r in reports for o in r.outcomes if o.year <= year})
    years = all_years[-SHOWN_YEARS:]
    table = GoalTable(year, years, list(reports), tol)
    breaks: set[int] = set()
    for r in reports:
        g = r.goal
        table.rows.append(
            [g.figure_label, g.aim + (f", från {g.from_year}" if g.from_year else ""), g.source]
            + [cell(r.outcome(y)) for y in years]
        )
        breaks |= {b.year for y in years if (o := r.outcome(y)) for b in o.breaks}
    table.breaks = [str(b) for b in sorted(breaks)]
    return table


def load_goal_table(store: Store, kommun: str, group: str, year: int) -> GoalTable | None:
    """The kommun's goals of the group for a report of ``year`` (None without goals)."""
    return build_goal_table(load_goal_reports(store, kommun, group), year, tolerance(store))
