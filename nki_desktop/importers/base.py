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
from nki_desktop.importers.cells import (  # the cell grammar, re-exported
    cell_text as cell_text,
)
from nki_desktop.importers.cells import (
    missing_marker as missing_marker,
)
from nki_desktop.importers.cells import (
    parse_index_with_n as parse_index_with_n,
)
from nki_desktop.importers.cells import (
    parse_number as parse_number,
)

if TYPE_CHECKING:
    from nki_desktop.importers.precheck import Budget
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

    def __init__(
        self,
        file: str,
        message: str,
        sheet: str = "",
        row: int | None = None,
        column: int | None = None,
        hint: str = "",
    ):
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


def _csv_delimiter(sample: str) -> str:
    """Tab, semicolon or comma: the one that splits most lines into the same number (> 1)
    of fields. Counting characters is not enough: a narrow table with decimal commas under
    titles with commas ('Kalix;86,4') would be split at its decimal commas."""
    lines = sample.splitlines()[:-1] or sample.splitlines()  # the last may be cut short
    best, best_score = ";", -1
    for delimiter in ("\t", ";", ","):  # preferred in this order when they tie
        counts: dict[int, int] = {}
        try:
            for row in csv.reader(lines, delimiter=delimiter):
                if len(row) > 1:
                    counts[len(row)] = counts.get(len(row), 0) + 1
        except csv.Error:  # the full read below says where and why
            continue
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_text(text: str, file: str = "") -> list[list[Any]]:
    """Rows of a delimited text; a line the csv module cannot split is a located problem."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportProblem(
            file,
            "Filen innehåller nolltecken (NUL) och är ingen vanlig textfil.",
            row=line,
            hint="Spara filen som CSV (UTF-8) i Excel och importera igen.",
        )
    delimiter = _csv_delimiter(text[:8192])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    try:
        for row in reader:  # a field over csv.field_size_limit() is a csv.Error too
            rows.append(list(row))
    except csv.Error as exc:
        raise ImportProblem(
            file,
            f"Raden kan inte delas upp i kolumner ({exc}).",
            row=reader.line_num or None,
            hint="Kontrollera citattecknen på raden (en text med radbrytning "
            'eller semikolon ska stå inom "…") och importera igen.',
        ) from exc
    return rows


def _read_json(path: Path, sha: str) -> Workbook:
    import json

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} är inget tal i JSON")

    try:
        data = json.loads(decode_text(path.read_bytes()), parse_constant=refuse)
    except RecursionError as exc:
        raise ImportProblem(
            path.name, "JSON-filen är för djupt nästlad för att vara data från Kolada."
        ) from exc
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, a number of 5 000 digits
        raise ImportProblem(path.name, f"Filen är inte giltig JSON ({exc}).") from exc
    return Workbook(path, sha, [], data)


def unreadable(path: Path, reason: str) -> ImportProblem:
    """The located message for a workbook the reader could not (or may not) read."""
    return ImportProblem(
        path.name,
        f"Filen {path.name} kunde inte läsas: den verkar skadad eller är för stor ({reason}).",
        hint="Öppna filen i Excel eller LibreOffice och spara den igen; dela "
        "upp en mycket stor fil i flera.",
    )


def _read_native(path: Path, sha: str) -> Workbook:
    """A workbook read by calamine in a child process, after the cheap checks."""
    from nki_desktop.importers import precheck, safe_reader

    try:
        budget, sheets = _checked_read(path)
    except (precheck.TooBig, precheck.Damaged, safe_reader.ReaderFailure) as exc:
        raise unreadable(path, str(exc)) from exc
    workbook = Workbook(path, sha, [Sheet(name, rows) for name, rows in sheets])
    workbook.formula_parts = budget.formula_parts
    return workbook


class _Underbudget(Exception):
    """The checks give the reader more memory or time than it was started with."""


def _checked_read(path: Path) -> tuple[Budget, list[tuple[str, list[list[Any]]]]]:
    """The pre-checks' budget and the sheets. Where the child's memory can be limited, the
    reader starts at once with an early budget (``precheck.early``) and the full check
    (about a second for 300 000 rows) runs meanwhile on the other core: a refusal still
    wins (it comes out before any message of the reader is looked at), then the child's
    limit is lowered to the checked budget, and a file that needs more than the early
    budget is read again with the checked one. Without a memory limit (Windows) the
    checks are the guard: they run first."""
    from nki_desktop.importers import precheck, safe_reader

    first = precheck.early(path) if safe_reader.memory_limited() else None
    if first is None:
        budget = precheck.check(path)
        return budget, safe_reader.read_sheets(path, budget.memory, budget.seconds)
    checked: list[precheck.Budget] = []

    def check() -> int:
        checked.append(precheck.check(path))
        if checked[0].memory > first.memory or checked[0].seconds > first.seconds:
            raise _Underbudget
        return checked[0].memory

    try:
        sheets = safe_reader.read_sheets(path, first.memory, first.seconds, meanwhile=check)
    except _Underbudget:
        sheets = safe_reader.read_sheets(path, checked[0].memory, checked[0].seconds)
    return checked[0], sheets


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
        raise ImportProblem(
            path.name,
            f"Filtypen {suffix or '(ingen)'} stöds inte.",
            hint="Använd .xlsx, .xlsm, .xls, .ods, .csv eller .json.",
        )
    try:
        sha = file_sha256(path)
    except OSError as exc:
        raise ImportProblem(path.name, f"Filen kunde inte öppnas ({exc.strerror}).") from exc
    if suffix in JSON_SUFFIXES:
        return _read_json(path, sha)
    if suffix in TEXT_SUFFIXES:
        return Workbook(
            path, sha, [Sheet(path.stem, read_csv_text(decode_text(path.read_bytes()), path.name))]
        )
    workbook = _read_native(path, sha)
    if not any(any(str(c).strip() for c in row) for s in workbook.sheets for row in s.rows):
        raise ImportProblem(path.name, "Arbetsboken är tom: inget blad innehåller data.")
    return workbook


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
