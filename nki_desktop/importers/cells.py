"""Reading cells: one strict number grammar, composite cells, and located Swedish errors.

A number is, and only is: an optional sign (``+``, ``-`` or the minus sign U+2212, listed
one by one), ASCII digits (optionally grouped by three with a space, no-break space, thin
space or narrow no-break space), an optional decimal part after one comma or point, and an
optional trailing ``%``. Everything else is text: ``U07451``, ``B3``, ``F1``, ``x5``, ``<5``,
``1e308``, ``inf`` and ``nan`` are never numbers, and reading them never raises anything but
:class:`~nki_desktop.importers.base.ImportProblem` with the file, sheet, row and column.

Composite cells read as what they mean: ``86 (114)`` is the value 86 with 114 answers,
``- (4)`` and ``.. (6)`` are suppressed values (too few answers) with their number of
answers, ``86*`` and ``86 ¹`` carry a footnote mark, ``77,4 %`` is 77.4. The missing markers
keep their meaning (``domain.records.MISSING_MARKERS``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from nki_desktop.domain.records import MISSING_MARKERS

if TYPE_CHECKING:
    from nki_desktop.importers.base import ImportProblem, Workbook

SIGNS = ("+", "-", "\u2212")  # plus, hyphen-minus, minus sign: a list, never a range
GROUP_SPACES = (" ", "\u00a0", "\u2009", "\u202f")  # space, no-break, thin, narrow no-break
FOOTNOTE_MARKS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"
MAX_COUNT = 10_000_000  # a number of answers or a rank above this is not one

_SIGN = "[" + "".join(re.escape(s) for s in SIGNS) + "]"
_GROUP = "[" + "".join(GROUP_SPACES) + "]"
_DIGITS = rf"(?:[0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})+|[0-9]+)"
_NUMBER_RE = re.compile(rf"(?P<sign>{_SIGN})?(?P<int>{_DIGITS})(?:[.,](?P<frac>[0-9]+))?(?:\s*%)?")
_WITH_N_RE = re.compile(rf"(?P<head>.*?)\s*\(\s*(?:n\s*[=:]?\s*)?(?P<n>{_DIGITS})\s*(?:svar)?\s*\)")
_FOOTNOTE_RE = re.compile(r"(?:\s*[" + re.escape(FOOTNOTE_MARKS) + r"])+$")
_GROUP_TABLE = str.maketrans("", "", "".join(GROUP_SPACES))
_RANK_OF = re.compile(rf"^\s*({_DIGITS})\s*(?:av|/|of)\s*({_DIGITS})\s*$")

FIX_HINT = (
    "Rätta cellen (ett tal som 77,4), lämna den tom eller skriv '..' för saknat värde, "
    "och importera igen."
)
FORMULA_HINT = (
    "Öppna filen i Excel eller LibreOffice, spara den och importera igen "
    "(då sparas de uträknade värdena)."
)


# -- the grammar (pure: no file, no location) ------------------------------------------------
def cell_text(value: Any) -> str:
    """A cell as text: whole floats without '.0', None as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def missing_marker(value: Any) -> str | None:
    """The marker when the cell says "no value" ('..', '-', '–', '—', '.', 'x', 'X', empty)."""
    if not isinstance(value, str) and value is not None:
        return None
    text = cell_text(value)
    return text if text in MISSING_MARKERS else None


def _finite(number: float) -> float | None:
    return number if math.isfinite(number) else None


def number_from_text(text: str) -> float | None:
    """The number a text states under the strict grammar, or None."""
    text = text.strip()
    if text.isascii() and text[:1].isdigit() and text[-1:].isdigit():
        plain = text.replace(".", "", 1)
        if plain.isdigit():  # the common case, '86.36136644' or '114': no regex needed
            return _finite(float(text))
    match = _NUMBER_RE.fullmatch(text)
    if match is None:
        return None
    digits = match.group("int").translate(_GROUP_TABLE)
    frac = match.group("frac")
    sign = "-" if match.group("sign") in ("-", "\u2212") else ""
    return _finite(float(f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}"))


def parse_number(value: Any) -> float | None:
    """A number from a cell: 77.4, '77,4', '1 234', '77 %', '−3'. None if it is not one.

    Booleans, dates, infinite and not-a-number floats are not numbers.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return _finite(value)
    if isinstance(value, int):
        try:
            return _finite(float(value))
        except OverflowError:
            return None
    if not isinstance(value, str):
        return None
    return number_from_text(value)


@dataclass(frozen=True)
class CellReading:
    """What a value cell says: a value, a missing marker, and/or a number of answers."""

    value: float | None = None
    n: int | None = None
    missing: str | None = None
    footnote: bool = False


_EMPTY = CellReading(missing="")


def read_cell(value: Any) -> CellReading | None:
    """A value cell read under the grammar, or None when it is text (not a value).

    ``86`` · ``'86,4'`` · ``'86 (114)'`` · ``'- (4)'`` · ``'.. (6)'`` · ``'86*'`` ·
    ``'86 ¹'`` · ``'77,4 %'`` · ``'..'`` · ``''``.
    """
    if value is None:
        return _EMPTY
    if not isinstance(value, str):
        number = parse_number(value)
        return CellReading(number) if number is not None else None
    text = value.strip()
    if not text:
        return _EMPTY
    number = number_from_text(text)
    if number is not None:
        return CellReading(number)
    stripped = _FOOTNOTE_RE.sub("", text) if text[-1] in FOOTNOTE_MARKS else text
    footnote = stripped != text
    if footnote and not stripped:
        return None  # a lone '*' is text, not an empty cell
    text = stripped.strip()
    number = number_from_text(text)
    if number is not None:
        return CellReading(number, footnote=footnote)
    if text in MISSING_MARKERS:
        return CellReading(missing=text, footnote=footnote)
    match = _WITH_N_RE.fullmatch(text)
    if match is None:
        return None
    n = _count(match.group("n"))
    head = _FOOTNOTE_RE.sub("", match.group("head")).strip()
    if n is None or not head:
        return None
    number = number_from_text(head)
    if number is not None:
        return CellReading(number, n, footnote=footnote)
    if head in MISSING_MARKERS:
        return CellReading(missing=head, n=n, footnote=footnote)
    return None


def _count(digits: str) -> int | None:
    count = int(digits.translate(_GROUP_TABLE))
    return count if count <= MAX_COUNT else None


def parse_index_with_n(value: Any) -> tuple[float, int] | None:
    """'86 (114)' → (86.0, 114): an index with its number of answers in brackets."""
    reading = read_cell(value) if isinstance(value, str) else None
    if reading is None or reading.value is None or reading.n is None:
        return None
    return reading.value, reading.n


def whole_number(value: Any) -> int | None:
    """A count or rank: a whole number 0 … MAX_COUNT (rounded), else None."""
    number = parse_number(value.strip().rstrip(FOOTNOTE_MARKS) if isinstance(value, str) else value)
    if number is None or not 0 <= number <= MAX_COUNT:
        return None
    return int(round(number))


# -- reading with a location -----------------------------------------------------------------
class Where(NamedTuple):
    file: str
    sheet: str
    row: int  # 1-based
    column: int  # 0-based index

    def problem(self, message: str, hint: str = FIX_HINT) -> ImportProblem:
        from nki_desktop.importers.base import ImportProblem

        return ImportProblem(self.file, message, self.sheet, self.row, self.column, hint)


def _shown(value: Any) -> str:
    text = cell_text(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _formula(value: Any, where: Where) -> None:
    if isinstance(value, str) and value.strip().startswith("="):
        raise where.problem(
            f"Cellen innehåller formeln '{_shown(value.strip())}' utan sparat värde.", FORMULA_HINT
        )


def read_value(value: Any, where: Where) -> tuple[float | None, int | None, str | None]:
    """(value, n, missing marker) from an index cell: 77,4 · '86 (114)' · '- (4)' · '..' · ''."""
    if type(value) is float and math.isfinite(value):
        return value, None, None
    reading = read_cell(value)
    if reading is not None:
        return reading.value, reading.n, reading.missing
    _formula(value, where)
    raise where.problem(f"Cellen innehåller '{_shown(value)}', som inte är ett tal.")


def read_count(value: Any, where: Where) -> int | None:
    """Number of answers (a whole number ≥ 0); missing markers give None."""
    if value is None or missing_marker(value) is not None:
        return None
    count = whole_number(value)
    if count is not None:
        return count
    _formula(value, where)
    raise where.problem(f"Antal svar '{_shown(value)}' är inget antal (ett heltal, 0 eller mer).")


def read_rank(value: Any, where: Where) -> tuple[int | None, int | None]:
    """(rank, of) from '12', 12.0 or '12 av 190'; markers give (None, None)."""
    if value is None or missing_marker(value) is not None:
        return None, None
    rank = whole_number(value)
    if rank is not None:
        return rank, None
    match = _RANK_OF.match(value) if isinstance(value, str) else None
    if match:
        rank, of = _count(match.group(1)), _count(match.group(2))
        if rank is not None and of is not None:
            return rank, of
    _formula(value, where)
    raise where.problem(f"Rangen '{_shown(value)}' är inget tal.")


def find_uncached_formula(workbook: Workbook) -> ImportProblem | None:
    """A located problem for the first formula whose value was never saved, else None.

    Files written by programs (not Excel) may hold formulas without results; calamine then
    sees empty cells, which would be read as missing values. Streamed (``formulas.py``).
    """
    if workbook.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from nki_desktop.importers.formulas import first_uncached

    found = first_uncached(workbook.path, workbook.formula_parts)
    if found is None:
        return None
    sheet, row, column, formula = found
    return Where(workbook.name, sheet, row, column).problem(
        "Bladet innehåller formler utan sparade värden (här: "
        f"'{formula}'), så talen kan inte läsas.",
        FORMULA_HINT,
    )


def check_formulas(workbook: Workbook, sheet: str) -> None:
    """Raise the formula problem (called when a table yielded no values at all)."""
    problem = find_uncached_formula(workbook)
    if problem is not None:
        raise problem
