"""Reading value, n and rank cells with a located, Swedish error for anything else."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from nki_desktop.importers.base import (
    ImportProblem,
    Workbook,
    cell_text,
    missing_marker,
    parse_index_with_n,
    parse_number,
)

_FOOTNOTE_MARKS = "*¹²³⁴"
_RANK_OF = re.compile(r"^\s*(\d+)\s*(?:av|/|of)\s*(\d+)\s*$")
FIX_HINT = ("Rätta cellen (ett tal som 77,4), lämna den tom eller skriv '..' för saknat värde, "
            "och importera igen.")
FORMULA_HINT = ("Öppna filen i Excel eller LibreOffice, spara den och importera igen "
                "(då sparas de uträknade värdena).")


class Where(NamedTuple):
    file: str
    sheet: str
    row: int  # 1-based
    column: int  # 0-based index

    def problem(self, message: str, hint: str = FIX_HINT) -> ImportProblem:
        return ImportProblem(self.file, message, self.sheet, self.row, self.column, hint)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().rstrip(_FOOTNOTE_MARKS).strip()
    return value


def _formula(value: Any, where: Where) -> None:
    if isinstance(value, str) and value.strip().startswith("="):
        raise where.problem(f"Cellen innehåller formeln '{value.strip()}' utan sparat värde.",
                            FORMULA_HINT)


def read_value(value: Any, where: Where) -> tuple[float | None, int | None, str | None]:
    """(value, n, missing marker) from an index cell: 77,4 · '86 (114)' · '..' · ''."""
    if type(value) is float:
        return value, None, None
    value = _clean(value)
    number = parse_number(value)
    if number is not None:
        return number, None, None
    marker = missing_marker(value)
    if marker is not None:
        return None, None, marker
    with_n = parse_index_with_n(value)
    if with_n:
        return with_n[0], with_n[1], None
    _formula(value, where)
    raise where.problem(f"Cellen innehåller '{cell_text(value)}', som inte är ett tal.")


def read_count(value: Any, where: Where) -> int | None:
    """Number of answers; missing markers give None."""
    if type(value) is float:
        return int(round(value))
    value = _clean(value)
    number = parse_number(value)
    if number is not None:
        return int(round(number))
    if missing_marker(value) is not None:
        return None
    _formula(value, where)
    raise where.problem(f"Antal svar '{cell_text(value)}' är inget tal.")


def read_rank(value: Any, where: Where) -> tuple[int | None, int | None]:
    """(rank, of) from '12', 12.0 or '12 av 190'; markers give (None, None)."""
    if type(value) is float:
        return int(round(value)), None
    value = _clean(value)
    number = parse_number(value)
    if number is not None:
        return int(round(number)), None
    if missing_marker(value) is not None:
        return None, None
    match = _RANK_OF.match(cell_text(value))
    if match:
        return int(match.group(1)), int(match.group(2))
    _formula(value, where)
    raise where.problem(f"Rangen '{cell_text(value)}' är inget tal.")


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
        f"'{formula}'), så talen kan inte läsas.", FORMULA_HINT)


def check_formulas(workbook: Workbook, sheet: str) -> None:
    """Raise the formula problem (called when a table yielded no values at all)."""
    problem = find_uncached_formula(workbook)
    if problem is not None:
        raise problem
