"""Plain records passed from importers to storage and from storage to analysis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Publications, in the default order of preference when two give the same cell.
PUBLICATIONS: dict[str, str] = {
    "oj": "SKR, Öppna jämförelser",
    "kolada": "Kolada",
    "own": "Egna resultat (Insikt-portal/konsult)",
    "template": "Egen mall",
    "respondent": "Beräknat från svarsdata",
    "sample": "Exempeldata – fiktiva värden",
}
DEFAULT_PREFERENCE: tuple[str, ...] = ("oj", "kolada", "own", "template", "respondent", "sample")

# Missing-value markers and what they mean (Kolada's marks and SKR's suppressions).
MISSING_MARKERS: dict[str, str] = {
    "..": "sekretess/för få svar",
    "-": "bortfall/för få svar",
    "–": "för få svar",
    "—": "för få svar",
    ".": "ej tillämplig",
    "x": "för få svar",
    "X": "för få svar",
    "": "tomt",
}


@dataclass
class Observation:
    """One cell: case year × unit × area × factor × respondent group, with its measures.

    ``value`` is the index; ``missing`` holds the marker when the source suppressed it.
    ``unit`` is a 4-digit kommunkod, ``riket`` or ``jb:<name>`` for a joint body.
    """

    year: int
    unit: str
    area: str
    factor: str
    group: str
    value: float | None = None
    n: int | None = None
    rank: int | None = None
    rank_of: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    missing: str | None = None
    sheet: str = ""
    row: int | None = None  # 1-based row in the sheet, as a user sees it
    column: str = ""  # column letter(s) of the value


@dataclass
class Skip:
    """Something in a file that was not stored, and why (shown in the preview)."""

    sheet: str
    row: int | None
    reason: str
    text: str = ""


@dataclass
class JointBody:
    key: str
    name: str
    members: tuple[str, ...] = ()


@dataclass
class ImportBatch:
    """What an importer understood from one file, ready to be stored in one transaction."""

    file_name: str
    sha256: str
    kind: str  # oj | kolada | own | template | respondent | sample
    publication: str  # a key of PUBLICATIONS
    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    joint_bodies: list[JointBody] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    description: str = ""
    notes: list[str] = field(default_factory=list)
    respondents: Sequence[dict[str, Any]] = field(default_factory=list)  # list or RespondentTable

    @property
    def years(self) -> list[int]:
        return sorted({o.year for o in self.observations})


@dataclass
class StoredValue(Observation):
    """An observation as stored, with where it came from."""

    import_id: int = 0
    source: str = ""  # file name
    publication: str = ""
    imported_at: str = ""

    @property
    def source_ref(self) -> str:
        """File name and sheet/row, as shown in tooltips and the command line."""
        where = self.sheet + (f" rad {self.row}" if self.row else "")
        return f"{self.source} ({where})" if where.strip() else self.source


@dataclass
class ImportInfo:
    id: int
    file_name: str
    sha256: str
    kind: str
    publication: str
    description: str
    imported_at: str
    rows_stored: int
    rows_skipped: int
    years: str


@dataclass
class SaveResult:
    import_id: int | None
    duplicate: bool
    stored: int
    message: str = ""
