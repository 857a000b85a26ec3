"""Finding the header of a wide table (ÖJ workbooks, Kolada exports) and classifying its
columns.

A header may sit below title and note rows and span one or two rows, the upper one with
merged group cells (calamine gives a merged cell's value in its first cell and '' in the
rest, so group labels are carried rightwards). Each column is classified as kommun code,
kommun name, län, a year, or area × factor × measure (see ``labels``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.areas import TOTAL
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Sheet, cell_text, column_letter
from nki_desktop.importers.labels import (
    IGNORE,
    KOMMUN_CODE,
    KOMMUN_NAME,
    VALUE,
    YEAR,
    classify_label,
    unit_column_role,
)


@dataclass
class Column:
    index: int
    header: str
    role: str  # KOMMUN_CODE, KOMMUN_NAME, LAN, VALUE, YEAR, IGNORE
    area: str | None = None
    factor: str | None = None
    measure: str = "value"
    year: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def target(self) -> str:
        """The stable mapping key of this column (as used by the mapping dialog)."""
        if self.role == VALUE:
            return f"{self.area}:{self.factor}:{self.measure}"
        return self.role


def column_from_target(index: int, header: str, target: str) -> Column:
    if target.count(":") == 2:
        area, factor, measure = target.split(":")
        return Column(index, header, VALUE, area, factor, measure)
    if target.startswith("year:"):
        return Column(index, header, YEAR, year=int(target[5:]))
    return Column(index, header, target)


@dataclass
class Header:
    sheet: Sheet
    rows: list[int]  # 0-based header rows (one or two)
    texts: list[str]  # combined header text per column
    columns: list[Column] = field(default_factory=list)
    title: str = ""  # text above the header

    @property
    def data_start(self) -> int:
        return self.rows[-1] + 1

    @property
    def row_number(self) -> int:
        """1-based row of the (last) header row, as a user sees it."""
        return self.rows[-1] + 1


def carry_right(row: Sequence[Any]) -> list[str]:
    """Group labels of merged cells carried into the empty cells to their right."""
    out: list[str] = []
    current = ""
    for cell in row:
        text = cell_text(cell)
        if text:
            current = text
        out.append(current)
    return out


def _row_texts(sheet: Sheet, index: int) -> list[str]:
    return [cell_text(c) for c in sheet.rows[index]] if index < len(sheet.rows) else []


def _row_strings(sheet: Sheet, index: int) -> list[str]:
    """The text cells of a row, and years written as numbers (a header is words and years)."""
    out = []
    for c in sheet.rows[index]:
        if isinstance(c, str):
            if c.strip():
                out.append(c.strip())
        elif isinstance(c, (int, float)) and 1990 <= c <= 2099 and float(c).is_integer():
            out.append(str(int(c)))
    return out


def _header_score(texts: list[str]) -> tuple[int, bool]:
    """How header-like a row is, and whether it names the unit column."""
    score = 0
    has_unit = False
    for text in texts:
        if not text or len(text) > 80 or (text[0].isdigit() and len(text) != 4):
            continue
        if unit_column_role(text) in (KOMMUN_CODE, KOMMUN_NAME):
            has_unit = True
            score += 2
            continue
        label = classify_label(text)
        if label.year or label.area or label.factor or label.measure != "value":
            score += 1
    return score, has_unit


def locate(sheet: Sheet, scan: int = 40) -> Header | None:
    """The header of a wide table with one row per unit, or None if none is found.

    The answer is kept on the sheet: several importers ask while sniffing.
    """
    cached = sheet.__dict__.get("_located", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    header = _locate(sheet, scan)
    sheet.__dict__["_located"] = header
    return header


def _locate(sheet: Sheet, scan: int) -> Header | None:
    best: tuple[int, int] | None = None
    for r in range(min(scan, len(sheet.rows))):
        score, has_unit = _header_score(_row_strings(sheet, r))
        if has_unit and score >= 3 and (best is None or score > best[1]):
            best = (r, score)
    if best is None:
        return None
    r = best[0]
    texts = _row_texts(sheet, r)
    width = max(len(row) for row in sheet.rows[r : r + 60])
    texts += [""] * (width - len(texts))
    rows = [r]
    combined = list(texts)
    # A group row above: merged area names over "NKI / Rank / Antal svar".
    if r > 0:
        above = carry_right(sheet.rows[r - 1])
        above += [""] * (width - len(above))
        filled_above = [cell_text(c) for c in sheet.rows[r - 1] if cell_text(c)]
        areas_above = sum(1 for t in set(above) if t and classify_label(t).area)
        if (
            (len(filled_above) >= 2 or _lone_group_cell(sheet.rows[r - 1], texts))
            and areas_above >= 1
            and any(t and not classify_label(t).area for t in texts)
        ):
            rows = [r - 1, r]
            combined = [
                f"{a} {t}".strip() if a and unit_column_role(t) is None else t
                for a, t in zip(above, texts, strict=True)
            ]
    # Or the group row is the one found and the measures sit below it.
    below = _row_texts(sheet, r + 1)
    if len(rows) == 1 and below and sum(1 for t in below if measure_word(t)) >= 2:
        grouped = carry_right(sheet.rows[r])
        grouped += [""] * (width - len(grouped))
        below += [""] * (width - len(below))
        rows = [r, r + 1]
        combined = [
            g if unit_column_role(g) else f"{g} {b}".strip()
            for g, b in zip(grouped, below, strict=True)
        ]
    title = " ".join(t for i in range(rows[0]) for t in _row_texts(sheet, i) if t)
    header = Header(sheet, rows, combined, title=title)
    header.columns = classify_columns(combined)
    return header


def _lone_group_cell(above: Sequence[Any], texts: Sequence[str]) -> bool:
    """A group row with a single area ("Bygglov" over "NKI | Rank"): its one cell names an
    area and stands over a measure heading, not over the unit column as a title would."""
    filled = [(i, cell_text(c)) for i, c in enumerate(above) if cell_text(c)]
    if len(filled) != 1:
        return False
    index, text = filled[0]
    below = texts[index] if index < len(texts) else ""
    return bool(
        below
        and unit_column_role(below) is None
        and classify_label(text).area
        and (not classify_label(below).area or measure_word(below))
    )


def measure_word(text: str) -> bool:
    """A heading that names a measure and no area: 'Rank', 'Antal svar', 'NKI', 'Index',
    'NKI-värde' (the lower row of a two-row header)."""
    if not text:
        return False
    label = classify_label(text)
    return (
        label.measure != "value"
        or fold(text) in ("nki", "nui", "index")
        or (label.area is None and label.factor in ("nki", "nui"))
    )


def classify_columns(texts: Sequence[str]) -> list[Column]:
    columns: list[Column] = []
    group: Column | None = None  # the value column that measure-only headers belong to
    for index, text in enumerate(texts):
        if not text:
            continue
        if group is not None and columns and columns[-1].index == index - 1:
            label = classify_label(text)
            if not label.area and not label.factor and label.measure in ("rank", "n"):
                # "NKI totalt | Rank | Antal svar": measures follow their area's value column
                columns.append(Column(index, text, VALUE, group.area, group.factor, label.measure))
                continue
        group = None
        role = unit_column_role(text)
        if role:
            if not any(c.role == role for c in columns):
                columns.append(Column(index, text, role))
            continue
        label = classify_label(text)
        if label.year and not label.area:
            columns.append(Column(index, text, YEAR, year=label.year))
        elif label.area:
            factor = label.factor or ("nui" if label.area == "upphandling" else "nki")
            if factor == "nui" and label.area != "upphandling":
                factor = "nki"
            columns.append(Column(index, text, VALUE, label.area, factor, label.measure))
            if label.measure == "value":
                group = columns[-1]
        elif label.measure == "rank" or (label.factor in ("nki", None) and "nki" in fold(text)):
            # "Rank" or "NKI" alone next to the name: NKI totalt.
            columns.append(Column(index, text, VALUE, TOTAL, "nki", label.measure))
        else:
            columns.append(Column(index, text, IGNORE))
    _drop_duplicates(columns)
    return columns


def _drop_duplicates(columns: list[Column]) -> None:
    seen: set[str] = set()
    for column in columns:
        if column.role == VALUE:
            if column.target in seen:
                column.role = IGNORE
            seen.add(column.target)
