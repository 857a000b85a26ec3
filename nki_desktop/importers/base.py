"""What every importer shares: reading a file into sheets of cells, parsing cells, the error
that names file/sheet/row/column, the importer protocol and the column-mapping request.

Cells arrive as python-calamine gives them: whole numbers as floats, empty cells as ''.
Row and column numbers in messages are 1-based and columns are letters, as in Excel.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import MISSING_MARKERS, ImportBatch

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
    formula_parts: list[str] | None = None  # .xlsx parts with formulas, if the checks know

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
    """UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), else
    Windows-1252 (Swedish Excel's CSV)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv_text(text: str, file: str = "") -> list[list[Any]]:
    """Rows of a delimited text; a line the csv module cannot split is a located problem."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    if sample.count("\t") > max(sample.count(";"), sample.count(",")):
        delimiter = "\t"
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportProblem(file, "Filen innehåller nolltecken (NUL) och är ingen vanlig "
                            "textfil.", row=line, hint="Spara filen som CSV (UTF-8) i Excel "
                            "och importera igen.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    try:
        for row in reader:  # a field over csv.field_size_limit() is a csv.Error too
            rows.append(list(row))
    except csv.Error as exc:
        raise ImportProblem(file, f"Raden kan inte delas upp i kolumner ({exc}).",
                            row=reader.line_num or None,
                            hint="Kontrollera citattecknen på raden (en text med radbrytning "
                                 "eller semikolon ska stå inom \"…\") och importera igen."
                            ) from exc
    return rows


def _read_json(path: Path, sha: str) -> Workbook:
    import json

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} är inget tal i JSON")

    try:
        data = json.loads(decode_text(path.read_bytes()), parse_constant=refuse)
    except RecursionError as exc:
        raise ImportProblem(path.name, "JSON-filen är för djupt nästlad för att vara data "
                            "från Kolada.") from exc
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, a number of 5 000 digits
        raise ImportProblem(path.name, f"Filen är inte giltig JSON ({exc}).") from exc
    return Workbook(path, sha, [], data)


def unreadable(path: Path, reason: str) -> ImportProblem:
    """The located message for a workbook the reader could not (or may not) read."""
    return ImportProblem(
        path.name, f"Filen {path.name} kunde inte läsas: den verkar skadad eller är för stor "
        f"({reason}).", hint="Öppna filen i Excel eller LibreOffice och spara den igen; dela "
        "upp en mycket stor fil i flera.")


def _read_native(path: Path, sha: str) -> Workbook:
    """A workbook read by calamine in a child process, after the cheap checks."""
    from nki_desktop.importers import precheck, safe_reader

    try:
        budget = precheck.check(path)
        sheets = safe_reader.read_sheets(path, budget.memory, budget.seconds)
    except (precheck.TooBig, precheck.Damaged, safe_reader.ReaderFailure) as exc:
        raise unreadable(path, str(exc)) from exc
    workbook = Workbook(path, sha, [Sheet(name, rows) for name, rows in sheets])
    workbook.formula_parts = budget.formula_parts
    return workbook


def read_workbook(path: Path | str) -> Workbook:
    """Read any supported file; raise ImportProblem with a clear message otherwise.

    Workbooks are read by the native reader in a child process with limits
    (``safe_reader.py``), so no file can take the program down.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportProblem(path.name, "Filen finns inte.")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportProblem(path.name, f"Filtypen {suffix or '(ingen)'} stöds inte.",
                            hint="Använd .xlsx, .xlsm, .xls, .ods, .csv eller .json.")
    try:
        sha = file_sha256(path)
    except OSError as exc:
        raise ImportProblem(path.name, f"Filen kunde inte öppnas ({exc.strerror}).") from exc
    if suffix in JSON_SUFFIXES:
        return _read_json(path, sha)
    if suffix in TEXT_SUFFIXES:
        return Workbook(path, sha, [Sheet(path.stem, read_csv_text(decode_text(
            path.read_bytes()), path.name))])
    workbook = _read_native(path, sha)
    if not any(any(str(c).strip() for c in row) for s in workbook.sheets for row in s.rows):
        raise ImportProblem(path.name, "Arbetsboken är tom: inget blad innehåller data.")
    return workbook


# -- cells ------------------------------------------------------------------------------
_NUMBER_RE = re.compile(r"^[+-−]?\d+(?:[.,]\d+)?$")
_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f'")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def missing_marker(value: Any) -> str | None:
    """The marker when the cell says "no value" ('..', '-', '–', 'x', '.', empty), else None."""
    text = cell_text(value)
    return text if text in MISSING_MARKERS else None


def parse_number(value: Any) -> float | None:
    """A number from a cell: 77.4, '77,4', '1 234', '77 %', '−3'. None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = cell_text(value).translate(_SPACES).rstrip("%").replace("−", "-")
    if not text or not _NUMBER_RE.match(text):
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return float(text)


_INDEX_WITH_N = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*\(\s*([0-9 \u00a0]+)\s*\)\s*$")


def parse_index_with_n(value: Any) -> tuple[float, int] | None:
    """'86 (114)' → (86.0, 114): an index with its number of answers in brackets."""
    match = _INDEX_WITH_N.match(cell_text(value))
    if not match:
        return None
    return float(match.group(1).replace(",", ".")), int(match.group(2).translate(_SPACES))


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
    year: int | None = None  # override when the file does not say
    kommun: str | None = None  # for a single kommun's own results
    sheet: str | None = None
    mapping: dict[int, str] | None = None  # column index → target key (from the dialog)
    settings: dict[str, Any] = field(default_factory=dict)


class Importer(Protocol):
    kind: str
    label: str

    def sniff(self, workbook: Workbook) -> float:
        """0–1: how sure this importer is that it understands the file."""

    def parse(self, workbook: Workbook, options: ImportOptions,
              catalogue: Catalogue) -> ImportBatch:
        """Records from the file; raises ImportProblem or NeedsMapping."""


def shape_signature(kind: str, headers: Sequence[str]) -> str:
    """A stable key for a file's layout (kind + folded header texts)."""
    from nki_desktop.domain.text import fold

    return hashlib.sha1((kind + "|" + "|".join(fold(h) for h in headers)).encode()).hexdigest()
