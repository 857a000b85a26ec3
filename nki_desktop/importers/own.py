"""A kommun's own results (Insikt portal, consultant): area × factor tables for one kommun.

The kommun is named in a title (or given with --kommun). Tables have areas as rows and
factors as columns (or the other way round, or years as columns); cells hold an index,
'86 (114)' (index with number of answers), or '-' for too few answers; n may sit in
columns of its own. Rows of text between tables set the year and respondent group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP, TOTAL
from nki_desktop.domain.municipalities import Catalogue, Kommun
from nki_desktop.domain.records import ImportBatch, Observation, Skip
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    Workbook,
    cell_text,
    column_letter,
    parse_number,
)
from nki_desktop.importers.cells import Where, check_formulas, read_count, read_value
from nki_desktop.importers.header import Label, classify_label, find_group, find_year, locate
from nki_desktop.importers.layout import ColumnNote, Layout, LayoutImporter
from nki_desktop.importers.oj import usable


@dataclass
class _Col:
    index: int
    header: str
    kind: str  # "factor" | "area" | "year" | "n"
    key: str = ""  # factor or area key
    year: int | None = None
    of: int | None = None  # for an n column: the value column it belongs to


def _is_year(value: Any) -> int | None:
    number = parse_number(value)
    if number is not None and number.is_integer() and 1995 <= number <= 2099:
        return int(number)
    return None


def _header_columns(row: list[Any]) -> list[_Col] | None:
    cols: list[_Col] = []
    for i, cell in enumerate(row[1:], start=1):
        text = cell_text(cell)
        if not text:
            continue
        year = _is_year(cell)
        if year:
            cols.append(_Col(i, text, "year", year=year))
            continue
        if isinstance(cell, float) or parse_number(cell) is not None:
            return None
        label = classify_label(text)
        if label.measure == "n":
            cols.append(_Col(i, text, "n"))
        elif label.area and label.area != TOTAL and not label.factor:
            cols.append(_Col(i, text, "area", label.area))
        elif label.factor:
            cols.append(_Col(i, text, "factor", label.factor))
        elif label.area == TOTAL:
            cols.append(_Col(i, text, "area", TOTAL))
    kinds = [c.kind for c in cols if c.kind != "n"]
    if len(kinds) < 2 and not (kinds and any(c.kind == "n" for c in cols)):
        return None
    value_cols = [c for c in cols if c.kind != "n"]
    for c in cols:  # an n column belongs to the value column on its left
        if c.kind == "n":
            left = [v for v in value_cols if v.index < c.index]
            c.of = left[-1].index if left else None
    return cols


def find_kommun(texts: list[str], catalogue: Catalogue) -> Kommun | None:
    """A kommun named somewhere in titles: 'Insikt 2023 – Kalix kommun, företag'."""
    for text in texts:
        words = fold(text).replace(",", " ").replace(":", " ").split()
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start:start + size])
                if part.isdigit() or len(part) < 3:
                    continue
                hit = catalogue.match_name(part)
                if hit:
                    return hit
    return None


class OwnResultsImporter(LayoutImporter):
    kind = "own"
    label = "Egna resultat (Insikt-portal/konsult)"

    def sniff(self, workbook: Workbook) -> float:
        if workbook.json_data is not None:
            return 0.0
        for sheet in workbook.sheets[:10]:
            if usable(locate(sheet)):
                return 0.1
            for r, row in enumerate(sheet.rows[:60]):
                cols = _header_columns(row)
                if cols and any(c.kind in ("factor", "area") for c in cols):
                    return 0.7
                below = sheet.rows[r + 1] if r + 1 < len(sheet.rows) else []
                if cols and below and classify_label(cell_text(below[0])).area:
                    return 0.6
        return 0.0

    def parse_with_layout(self, workbook: Workbook, options: ImportOptions,
                          catalogue: Catalogue) -> tuple[ImportBatch, Layout]:
        titles = [cell_text(c) for s in workbook.sheets for row in s.rows[:40] for c in row
                  if isinstance(c, str) and c.strip() and _header_columns([""] + [c]) is None]
        kommun = (catalogue.get(options.kommun) if options.kommun else None) or find_kommun(
            titles + [s.name for s in workbook.sheets] + [workbook.path.stem], catalogue)
        if kommun is None:
            raise ImportProblem(workbook.name, "Det framgår inte vilken kommun resultaten gäller.",
                                hint="Ange kommunen i förhandsvisningen eller med --kommun KOD.")
        observations: list[Observation] = []
        skipped: list[Skip] = []
        seen: dict[tuple[Any, ...], int] = {}
        layout = Layout()
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            year = options.year or find_year([sheet.name]) or find_year(
                titles[:3] + [workbook.path.stem])
            group = find_group(fold(sheet.name)) or str(options.settings.get("group")
                                                          or DEFAULT_GROUP)
            cols: list[_Col] | None = None
            before = sum(1 for o in observations if o.value is not None)
            for r, row in enumerate(sheet.rows):
                texts = [cell_text(c) for c in row]
                if not any(texts):
                    cols = None
                    continue
                header = _header_columns(row)
                if header:
                    cols = header
                    if not layout.sheet:
                        layout = Layout(sheet.name, r + 1, [
                            ColumnNote(column_letter(c.index), c.header, _describe(c))
                            for c in header], [sheet.name], "rubrik eller blad")
                    continue
                label = classify_label(next((t for t in texts if t), ""))
                if cols is None:
                    year = find_year([t for t in texts if t]) or year
                    group = find_group(fold(" ".join(texts))) or group
                    continue
                self._row(workbook, sheet.name, row, r + 1, cols, label, kommun.code,
                          year, group, observations, skipped, seen)
            if sum(1 for o in observations if o.value is not None) == before:
                check_formulas(workbook, sheet.name)
        if not observations:
            raise ImportProblem(workbook.name, "Inga resultattabeller (område × faktor) "
                                "hittades.", hint="Använd mallen (Ladda ner mall) för andra "
                                "upplägg.")
        batch = ImportBatch(workbook.name, workbook.sha256, self.kind, "own", observations,
                            skipped, [], [s.name for s in workbook.sheets],
                            description=f"Egna resultat för {kommun.name}")
        return batch, layout

    def _row(self, workbook: Workbook, sheet: str, row: list[Any], row_no: int, cols: list[_Col],
             label: Label, unit: str, year: int | None, group: str,
             observations: list[Observation], skipped: list[Skip],
             seen: dict[tuple[Any, ...], int]) -> None:
        texts = [cell_text(c) for c in row]
        first = texts[0] if texts else ""
        row_area = label.area if label.area else None
        row_factor = label.factor
        if label.measure == "n" and not row_area:  # "Antal svar" row under area columns
            for c in cols:
                if c.kind == "area" and c.index < len(row):
                    n = read_count(row[c.index], Where(workbook.name, sheet, row_no, c.index))
                    for o in observations:
                        if (o.area, o.year, o.group, o.unit) == (c.key, year, group, unit) \
                                and o.n is None:
                            o.n = n
            return
        if not row_area and not row_factor:
            skipped.append(Skip(sheet, row_no, "raden är inget område eller faktor", first))
            return
        by_index: dict[int, Observation] = {}
        for c in cols:
            if c.kind == "n" or c.index >= len(row):
                continue
            area = c.key if c.kind == "area" else (row_area or TOTAL)
            factor = c.key if c.kind == "factor" else (row_factor or "nki")
            if area == "upphandling" and factor == "nki":
                factor = "nui"
            cell_year = c.year or year
            if cell_year is None:
                raise ImportProblem(workbook.name, "Året framgår inte av filen.", sheet, row_no,
                                    hint="Ange ärendeåret i förhandsvisningen eller med --year.")
            where = Where(workbook.name, sheet, row_no, c.index)
            value, n, missing = read_value(row[c.index], where)
            key = (cell_year, area, factor, group)
            if key in seen:
                raise ImportProblem(workbook.name, f"Samma värde förekommer två gånger (rad "
                                    f"{seen[key]} och rad {row_no}).", sheet, row_no, c.index,
                                    hint="Ta bort dubbletten och importera igen.")
            seen[key] = row_no
            obs = Observation(cell_year, unit, area, factor, group, value=value, n=n,
                              missing=missing, sheet=sheet, row=row_no,
                              column=column_letter(c.index))
            by_index[c.index] = obs
            observations.append(obs)
        n_cols = [c for c in cols if c.kind == "n" and c.index < len(row)]
        for c in n_cols:
            n = read_count(row[c.index], Where(workbook.name, sheet, row_no, c.index))
            targets = list(by_index.values()) if len(n_cols) == 1 else (
                [by_index[c.of]] if c.of in by_index else [])
            for obs in targets:
                if obs.n is None:
                    obs.n = n


def _describe(c: _Col) -> str:
    from nki_desktop.domain.areas import area_label, factor_label

    if c.kind == "factor":
        return f"faktor {factor_label(c.key)}"
    if c.kind == "area":
        return f"område {area_label(c.key)}"
    if c.kind == "year":
        return f"år {c.year}"
    return "antal svar"
