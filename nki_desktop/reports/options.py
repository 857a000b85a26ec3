"""What the user chose for a report: sections, edited summary, logo, comparison units."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

# Section keys in document order, with their Swedish headings.
SECTIONS: dict[str, str] = {
    "cover": "Nyckeltal",
    "summary": "Sammanfattning",
    "trend": "Utveckling över tid",
    "areas": "Myndighetsområden",
    "factors": "Serviceområden",
    "ranking": "Rankning",
    "map": "Kartan",
    "goals": "Mål och utfall",
    "table": "Alla värden",
    "matrix": "Prioriteringsmatris",
    "comments": "Företagens kommentarer (urval)",
    "followup": "Åtgärder och uppföljning",
    "notes": "Anteckningar",
    "sn": "Svenskt Näringslivs företagsklimat",  # another survey: its own section, never mixed
    "method": "Metod och källor",
}
# Sections left out unless chosen (the report page's box starts unticked). Svenskt
# Näringsliv is another survey than the board's NKI: the user adds it.
OFF_BY_DEFAULT: frozenset[str] = frozenset({"map", "notes", "sn"})


@dataclass
class ReportOptions:
    """Choices for :func:`build_pdf` and :func:`build_xlsx`; the defaults make a full report.

    ``summary_text`` None means the generated text; ``compare_units`` None means the
    kommun's SKR kommungrupp; ``first_year`` None means every stored year.
    """

    sections: tuple[str, ...] = tuple(k for k in SECTIONS if k not in OFF_BY_DEFAULT)
    summary_text: str | None = None
    logo_path: str | Path | None = None
    compare_units: list[str] | None = None
    comparison_note: tuple[str, str] | None = None  # how the group was chosen (method page)
    first_year: int | None = None
    organisation: str = ""  # e.g. "Näringslivsenheten", shown under the title
    report_date: dt.date | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def has(self, section: str) -> bool:
        return section in self.sections
