"""The table in a Svenskt Näringsliv file: where its header is and what each column holds.

Layouts seen and expected: a ranking table (one row per kommun, years as columns, a change
column), per-question results (questions as columns, a year in the title or a year column),
questions over years in a two-row header, and a long table (kommun, år, fråga, betyg).
Title rows above, one or two header rows, kommun by code, name or "0114 Upplands Väsby".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from nki_desktop.domain.sn import HEADLINE, RANK, question_key
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Sheet, cell_text, column_letter, parse_number
from nki_desktop.importers.header import carry_right
from nki_desktop.importers.labels import KOMMUN_CODE, KOMMUN_NAME, LAN, YEAR_RE, unit_column_role

# Column roles besides the unit columns
IGNORE, ROW_YEAR, ROW_QUESTION, MEASURE = "ignore", "sn_year", "sn_question", "measure"
# Measures of a MEASURE column
VALUE, RANK_M, N, RATE, CHANGE = "value", "rank", "n", "response_rate", "change"

_RANK_RE = re.compile(r"\b(rank|ranking|rankning|rankningen|placering|plats|position)\b")
_CHANGE_RE = re.compile(r"forandr|\+/-|\bdiff|skillnad|\bupp/ner")
_N_RE = re.compile(r"\b(antal svar|antal svarande|svarande|antal)\b")
_RATE_RE = re.compile(r"svarsfrekvens|svarsandel")
_YEAR_WORDS = {"ar", "artal", "year", "undersokningsar", "matar", "enkatar"}
_QUESTION_WORDS = {"fraga", "fragor", "fragan", "indikator", "matt", "variabel", "delfraga"}
_VALUE_WORDS = {"betyg", "medelbetyg", "varde", "medel", "medelvarde", "resultat", "snitt"}
_IGNORE_WORDS = ("kommungrupp", "lan", "region", "invanare", "folkmangd")


@dataclass
class SnColumn:
    index: int
    header: str
    role: str  # KOMMUN_CODE, KOMMUN_NAME, ROW_YEAR, ROW_QUESTION, MEASURE, IGNORE
    factor: str | None = None  # question key or "rank" (None: from the row's question)
    measure: str = VALUE
    year: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def target(self) -> str:
        """The mapping key of this column (as the mapping dialog offers it)."""
        if self.role != MEASURE:
            return self.role
        base = f"{self.factor or ''}:{self.measure}"
        return base + (f"@{self.year}" if self.year else "")


def column_from_target(index: int, header: str, target: str) -> SnColumn:
    """A column from a mapping target ('service_bemotande:value', 'rank:rank@2023')."""
    if ":" not in target:
        return SnColumn(index, header, target)
    body, _, year = target.partition("@")
    factor, measure = body.split(":", 1)
    return SnColumn(index, header, MEASURE, factor or None, measure, int(year) if year else None)


@dataclass
class SnTable:
    sheet: Sheet
    header_rows: list[int]  # 0-based
    columns: list[SnColumn] = field(default_factory=list)
    title: str = ""

    @property
    def data_start(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def header_row(self) -> int:
        return self.header_rows[-1] + 1

    def texts(self) -> list[str]:
        last = self.sheet.rows[self.header_rows[-1]] if self.sheet.rows else []
        return [cell_text(c) for c in last]


def _unit_role(text: str) -> str | None:
    role = unit_column_role(text)
    if role:
        return role
    folded = fold(text)
    if folded.startswith("kommun") and len(folded) < 25 and "grupp" not in folded:
        return KOMMUN_NAME
    return None


def _year_of(text: str) -> int | None:
    match = YEAR_RE.search(fold(text))
    return int(match.group(1)) if match else None


def _bare_year(text: str) -> int | None:
    match = YEAR_RE.fullmatch(fold(text).strip())
    return int(match.group(1)) if match else None


def _factor_of(text: str) -> str | None:
    folded = fold(text)
    if _RANK_RE.search(folded):
        return RANK
    return question_key(text)


def title_factor(title: str) -> str | None:
    """What bare year columns hold, as the title says (ranking or one question), if unique."""
    folded = fold(title)
    rank = bool(_RANK_RE.search(folded))
    question = question_key(title)
    if rank and question is None:
        return RANK
    if question and not rank:
        return question
    return None


def classify(lower: str, upper: str = "") -> SnColumn:
    """One column from its header text (and the carried text above it)."""
    both = f"{upper} {lower}".strip()
    folded = fold(lower)
    role = _unit_role(lower) or (_unit_role(upper) if not lower else None)
    if role in (KOMMUN_CODE, KOMMUN_NAME):
        return SnColumn(0, lower or upper, role)
    if role == LAN or any(folded.startswith(w) for w in _IGNORE_WORDS):
        return SnColumn(0, lower, IGNORE)
    if folded in _YEAR_WORDS:
        return SnColumn(0, lower, ROW_YEAR)
    if folded in _QUESTION_WORDS:
        return SnColumn(0, lower, ROW_QUESTION)
    year = _bare_year(lower) or _year_of(both)
    fb = fold(both)
    if _CHANGE_RE.search(fb):
        return SnColumn(0, both, MEASURE, RANK, CHANGE, year)
    if _RATE_RE.search(fb):
        return SnColumn(0, both, MEASURE, HEADLINE, RATE, year)
    if _N_RE.search(fb):
        return SnColumn(0, both, MEASURE, HEADLINE, N, year)
    factor = _factor_of(lower) or _factor_of(upper)
    if factor == RANK:
        return SnColumn(0, both, MEASURE, RANK, RANK_M, year)
    if factor:
        return SnColumn(0, both, MEASURE, factor, VALUE, year)
    if folded in _VALUE_WORDS:
        return SnColumn(0, both, MEASURE, None, VALUE, year)
    if _bare_year(lower):
        return SnColumn(0, both, MEASURE, None, VALUE, year)  # factor decided per table
    return SnColumn(0, both, IGNORE)


def _row_texts(sheet: Sheet, r: int) -> list[str]:
    row = sheet.rows[r]
    out = []
    for c in row:
        if isinstance(c, (int, float)) and not isinstance(c, bool) and 1990 <= c <= 2099:
            out.append(str(int(c)) if float(c).is_integer() else "")
        else:
            out.append(cell_text(c) if isinstance(c, str) else "")
    return out


def _columns(lower: Sequence[str], upper: Sequence[str]) -> list[SnColumn]:
    out = []
    for i in range(max(len(lower), len(upper))):
        low = lower[i] if i < len(lower) else ""
        up = upper[i] if i < len(upper) else ""
        if not low and not up:
            continue
        column = classify(low, up)
        column.index = i
        out.append(column)
    return out


def guess_columns(texts: Sequence[str]) -> list[SnColumn]:
    """The columns of one header row as far as they are recognised (for the mapping dialog)."""
    return [c for c in _columns(texts, []) if c.role != IGNORE]


def _useful(columns: list[SnColumn]) -> bool:
    roles = {c.role for c in columns}
    return bool(roles & {KOMMUN_CODE, KOMMUN_NAME}) and any(c.role == MEASURE for c in columns)


def locate(sheet: Sheet, scan: int = 30) -> SnTable | None:
    """The SN table of a sheet (header rows and classified columns), or None."""
    for r in range(min(scan, len(sheet.rows))):
        lower = _row_texts(sheet, r)
        if not any(_unit_role(t) in (KOMMUN_CODE, KOMMUN_NAME) for t in lower if t):
            continue
        single = _columns(lower, [])
        rows = [r]
        columns = single
        if r > 0:
            upper_raw = _row_texts(sheet, r - 1)
            filled = [i for i, t in enumerate(upper_raw) if t]
            if filled and (len(filled) > 1 or filled[0] > 0):  # not a lone title in column A
                upper = carry_right(upper_raw)
                double = _columns(lower, upper)
                if sum(c.role == MEASURE for c in double) >= sum(
                    c.role == MEASURE for c in single
                ) and any(c.factor or c.year for c in double if c.role == MEASURE):
                    rows, columns = [r - 1, r], double
        if not _useful(columns):
            continue
        title = " ".join(cell_text(c) for row in sheet.rows[: rows[0]] for c in row if cell_text(c))
        return SnTable(sheet, rows, columns, title)
    return None


def settle_bare_years(table: SnTable, title: str) -> list[SnColumn]:
    """Give bare year columns their factor: the title's, else ranks when the cells are whole
    numbers above 6. Returns the columns still undecided."""
    bare = [c for c in table.columns if c.role == MEASURE and c.factor is None and c.year]
    if not bare:
        return []
    factor = title_factor(title)
    if factor is None:
        numbers = [
            number
            for c in bare
            for row in table.sheet.rows[table.data_start : table.data_start + 400]
            if c.index < len(row) and (number := parse_number(row[c.index])) is not None
        ]
        if numbers and all(float(n).is_integer() for n in numbers) and max(numbers) > 6:
            factor = RANK
        elif numbers and question_key(title):
            factor = question_key(title)
    if factor is None:
        return bare
    for c in bare:
        c.factor, c.measure = factor, (RANK_M if factor == RANK else VALUE)
    return []
