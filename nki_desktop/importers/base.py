"""What every importer shares: reading a file into sheets of cells, parsing cells, the error
that names file/sheet/row/column, the importer protocol and the column-mapping request.

Cells arrive as python-calamine gives them: whole numbers as floats, empty cells as ''.
Row and column numbers in messages are 1-based and columns are letters, as in Excel.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.importers.cells import (  # noqa: F401 - the cell grammar, re-exported
    cell_text,
    missing_marker,
    parse_index_with_n,
    parse_number,
)

if TYPE_CHECKING:
    from nki_desktop.importers.preview import Parsed

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
JSON_SUFFIXES = {".json"}
SUPPORTED_SUFFIXES = EXCEL_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class ImportProblem(Exception):
    """A file that cannot be imported; the message is Swedish and says where and what to do."""

    def __init__(self, file: str, message: str, sheet: str = "", row: int | None = None,
                 column: int | None = None, hint: str = ""):
        self.file, self.sheet, self.row, self.column = file, sheet, row, column
        self.message, self.hint = message, hint
        super().__init__(self.text)

    @property
    def where(self) -> str:
        parts = [f"Fil: {self.file}"]
        if self.sheet:
            parts.append(f"blad: {self.sheet}")
        if self.row is not None:
            parts.append(f"rad: {self.row}")
        if self.column is not None:
            parts.append(f"kolumn: {column_letter(self.column)}")
        return ", ".join(parts)

    @property
    def text(self) -> str:
        return f"{self.where}. {self.message}" + (f" {self.hint}" if self.hint else "")


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]

    def cell(self, row: int, col: int) -> Any:
        """0-based access that tolerates ragged rows."""
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return ""


@dataclass
class Workbook:
    path: Path
    sha256: str
    sheets: list[Sheet] = field(default_factory=list)
    json_data: Any = None  # for .json files

    @property
    def name(self) -> str:
        return self.path.name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (Swedish Excel's CSV)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_delimiter(sample: str) -> str:
    """Tab, semicolon or comma: the one that splits most lines into the same number (> 1)
    of fields. Counting characters is not enough: a narrow table with decimal commas under
    titles with commas ('Kalix;86,4') would be split at its decimal commas."""
    lines = sample.splitlines()[:-1] or sample.splitlines()  # the last may be cut short
    best, best_score = ";", -1
    for delimiter in ("\t", ";", ","):  # preferred in this order when they tie
        counts: dict[int, int] = {}
        for row in csv.reader(lines, delimiter=delimiter):
            if len(row) > 1:
                counts[len(row)] = counts.get(len(row), 0) + 1
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_text(text: str) -> list[list[Any]]:
    delimiter = _csv_delimiter(text[:8192])
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_workbook(path: Path | str) -> Workbook:
    """Read any supported file; raise ImportProblem with a clear message otherwise."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportProblem(path.name, "Filen finns inte.")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportProblem(path.name, f"Filtypen {suffix or '(ingen)'} stöds inte.",
                            hint="Använd .xlsx, .xlsm, .xls, .ods, .csv eller .json.")
    sha = file_sha256(path)
    if suffix in JSON_SUFFIXES:
        import json

        try:
            data = json.loads(decode_text(path.read_bytes()))
        except ValueError as exc:
            raise ImportProblem(path.name, f"Filen är inte giltig JSON ({exc}).") from exc
        return Workbook(path, sha, [], data)
    if suffix in TEXT_SUFFIXES:
        return Workbook(path, sha, [Sheet(path.stem, read_csv_text(decode_text(
            path.read_bytes())))])
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = [Sheet(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
                  for name in book.sheet_names]
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for bad files
        raise ImportProblem(
            path.name, "Filen kunde inte läsas som ett Excel-/kalkylark "
            f"({type(exc).__name__}: {exc}).",
            hint="Kontrollera att filen inte är skadad eller avkortad; öppna och spara om "
                 "den i Excel.") from exc
    if not any(any(str(c).strip() for c in row) for s in sheets for row in s.rows):
        raise ImportProblem(path.name, "Arbetsboken är tom: inget blad innehåller data.")
    return Workbook(path, sha, sheets)


# -- importer protocol and column mapping -----------------------------------------------
@dataclass
class MappingRequest:
    """The importer could not place some columns: ask the user (mapping dialog).

    ``targets`` are (key, Swedish label) choices; ``initial`` is the importer's guess
    per column index; the answer is stored under ``signature`` (the file's shape) and
    passed back as ``ImportOptions.mapping``.
    """

    signature: str
    kind: str
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    samples: list[list[str]]
    targets: list[tuple[str, str]]
    initial: dict[int, str] = field(default_factory=dict)
    message: str = ""


class NeedsMapping(Exception):
    def __init__(self, request: MappingRequest):
        self.request = request
        super().__init__(request.message or "Kolumnerna behöver kopplas manuellt.")


@dataclass
class ImportOptions:
    """What the user (dialog, command line) tells the importer; every field typed."""

    year: int | None = None  # override when the file does not say
    kommun: str | None = None  # for a single kommun's own results
    sheet: str | None = None
    mapping: dict[int, str] | None = None  # column index → target key (from the dialog)
    kind: str | None = None  # the importer to use instead of detecting one
    header_row: int | None = None  # 1-based header row of a mapped table
    group: str | None = None  # respondent group when the file names none
    factor_scale: str | None = None  # respondent factor questions: "1-6", "1-10" (None: data)
    nki_rule: str | None = None  # respondent NKI: "all" three answers (default) or "two"
    no_answer_codes: tuple[float, ...] | None = None  # respondent answers meaning no answer
    no_answer_texts: tuple[str, ...] | None = None
    # Kolada key figure id → "area:factor[:antal_svar|:svarsfrekvens]" (``--kpi``)
    kpi_targets: dict[str, str] = field(default_factory=dict)


class Importer(Protocol):
    kind: str
    label: str

    def sniff(self, workbook: Workbook) -> float:
        """0–1: how sure this importer is that it understands the file."""

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        """The records of the file and what was understood of its layout; raises
        ImportProblem or NeedsMapping."""

    def mapping_request(self, workbook: Workbook, options: ImportOptions) -> MappingRequest:
        """The columns of the file as the mapping dialog (or ``--map``) would assign them."""


def shape_signature(kind: str, headers: Sequence[str]) -> str:
    """A stable key for a file's layout (kind + folded header texts)."""
    from nki_desktop.domain.text import fold

    return hashlib.sha1((kind + "|" + "|".join(fold(h) for h in headers)).encode()).hexdigest()
