"""Plain records passed from importers to storage and from storage to analysis."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nki_desktop.domain.municipalities import NameMatch

# Publications, in the default order of preference when two give the same cell.
PUBLICATIONS: dict[str, str] = {
    "oj": "SKR, Öppna jämförelser",
    "kolada": "Kolada",
    "own": "Egna resultat (Insikt-portal/konsult)",
    "template": "Egen mall",
    "respondent": "Beräknat från svarsdata",
    "sample": "Exempeldata – fiktiva värden",
    "sn": "Svenskt Näringsliv",  # another survey (domain/sn.py): never part of NKI
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

    ``value`` is the index; ``missing`` holds the marker when the source suppressed it
    (``None`` with no value: the source gave only the number of answers or response rate).
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
    response_rate: float | None = None  # svarsfrekvens in per cent (0–100), where published


_year = attrgetter("year")


@dataclass
class Skip:
    """Something in a file that was not stored, and why (shown in the preview)."""

    sheet: str
    row: int | None
    reason: str
    text: str = ""


@dataclass(frozen=True)
class Comment:
    """A respondent's free-text answer, personal data already masked (``maskings`` counts
    the replacements). ``row`` is the respondent's 1-based sheet row; ``column`` the header."""

    row: int
    column: str
    text: str
    maskings: int = 0


@dataclass
class JointBody:
    key: str
    name: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportSettings:
    """How an import was made, as typed data (stored as JSON beside the import, never parsed
    back out of its description)."""

    factor_scale: tuple[float, float] | None = None  # respondent factor questions' scale
    nki_rule: str | None = None  # respondent NKI: "all" or "two" answers needed
    sheet: str | None = None  # the sheet a mapping was given for
    header_row: int | None = None  # 1-based header row of a mapped table

    def to_json(self) -> str:
        return json.dumps(
            {k: v for k, v in asdict(self).items() if v is not None}, ensure_ascii=False
        )

    @classmethod
    def from_json(cls, text: str | None) -> ImportSettings:
        data: dict[str, Any] = json.loads(text) if text else {}
        scale = data.get("factor_scale")
        return cls(
            factor_scale=(float(scale[0]), float(scale[1])) if scale else None,
            nki_rule=data.get("nki_rule"),
            sheet=data.get("sheet"),
            header_row=data.get("header_row"),
        )


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
    settings: ImportSettings = field(default_factory=ImportSettings)
    name_matches: list[NameMatch] = field(default_factory=list)  # names matched not exactly
    comments: list[Comment] = field(default_factory=list)  # respondents' free text, masked
    maskings: dict[str, int] = field(default_factory=dict)  # personal data masked, by kind

    @property
    def years(self) -> list[int]:
        return sorted(set(map(_year, self.observations)))  # map in C: asked thrice per import


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
    settings: ImportSettings = field(default_factory=ImportSettings)


@dataclass
class SaveResult:
    import_id: int | None
    duplicate: bool
    stored: int
    message: str = ""
