"""A kommun's own results (Insikt portal, consultant): area × factor tables for one kommun.

The kommun is named in a title (or given with --kommun); a joint body (förbund, gemensam
nämnd) named in a title is its own unit. Tables have areas as rows and factors as columns
(or the other way round, or years as columns); cells hold an index, '86 (114)' (index with
number of answers), or '-' for too few answers; n may sit in columns of its own. Columns
may also be units, with or without a year ("Kalix 2023", "Riket 2023", "Riket"), and a row
may name Riket beside its area ("Bygglov, riket"). Rows of text between tables set the year
and respondent group; every other row is stored or listed as skipped with its row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP, TOTAL
from nki_desktop.domain.municipalities import (
    RIKET,
    Catalogue,
    Kommun,
    is_riket,
    joint_body_key,
    looks_like_joint_body,
)
from nki_desktop.domain.records import ImportBatch, JointBody, Observation, Skip
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
from nki_desktop.importers.header import locate
from nki_desktop.importers.labels import Label, classify_label, find_group
from nki_desktop.importers.oj import usable
from nki_desktop.importers.preview import ColumnNote, Layout, LayoutImporter, Parsed
from nki_desktop.importers.years import find_year


@dataclass
class _Col:
    index: int
    header: str
    kind: str  # "factor" | "area" | "year" | "n" | "unit"
    key: str = ""  # factor or area key; for a unit column the unit (kommunkod, 'riket')
    year: int | None = None
    of: int | None = None  # for an n column: the value column it belongs to


def _is_year(value: Any) -> int | None:
    number = parse_number(value)
    if number is not None and number.is_integer() and 1995 <= number <= 2099:
        return int(number)
    return None


_YEAR_AT_END = re.compile(r"^(.*?)[\s,:–-]*\b((?:19|20)\d\d)$")


def _unit_column(text: str, catalogue: Catalogue | None) -> tuple[str, int | None] | None:
    """A column headed by a unit, with or without a year: 'Riket', 'Kalix 2023' (kommuner
    only with a catalogue: sniffing a file has none)."""
    match = _YEAR_AT_END.match(text.strip())
    name, year = (match.group(1), int(match.group(2))) if match else (text, None)
    if not name.strip():
        return None
    if is_riket(name):
        return RIKET, year
    if catalogue is None:  # sniffing: a name with a year ("Kalix 2023") looks like a unit
        return ("", year) if year is not None else None
    kommun = catalogue.match_name(name)
    return (kommun.code, year) if kommun else None


def _header_columns(row: list[Any], catalogue: Catalogue | None = None) -> list[_Col] | None:
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
        unit = None if label.area or label.factor else _unit_column(text, catalogue)
        if unit:
            cols.append(_Col(i, text, "unit", unit[0], year=unit[1]))
        elif label.measure == "n":
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


def find_joint_body(texts: list[str]) -> str | None:
    """A joint body named in a title: 'Insikt 2023 – Miljöförbundet Norr, företag'."""
    for text in texts:
        for part in re.split(r"\s[–—-]\s|[,:;]", text):
            part = re.sub(r"(?i)^\s*(resultat|rapport)\s+(för|från)\s+", "", part).strip()
            if part and looks_like_joint_body(part) and not any(ch.isdigit() for ch in part):
                return part
    return None


def find_kommun(texts: list[str], catalogue: Catalogue) -> Kommun | None:
    """A kommun named somewhere in titles: 'Insikt 2023 – Kalix kommun, företag'."""
    for text in texts:
        words = text.replace(",", " ").replace(":", " ").split()  # å/ä/ö kept: Håbo ≠ Habo
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
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

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        titles = [
            cell_text(c)
            for s in workbook.sheets
            for row in s.rows[:40]
            for c in row
            if isinstance(c, str) and c.strip() and _header_columns([""] + [c]) is None
        ]
        named = titles + [s.name for s in workbook.sheets] + [workbook.path.stem]
        kommun = (catalogue.get(options.kommun) if options.kommun else None) or find_kommun(
            named, catalogue
        )
        joint = None if kommun else find_joint_body(named)
        if kommun is None and joint is None:
            raise ImportProblem(
                workbook.name,
                "Det framgår inte vilken kommun resultaten gäller.",
                hint="Ange kommunen i förhandsvisningen eller med --kommun KOD.",
            )
        unit = kommun.code if kommun else joint_body_key(str(joint))
        unit_name = kommun.name if kommun else str(joint)
        observations: list[Observation] = []
        skipped: list[Skip] = []
        seen: dict[tuple[Any, ...], tuple[int, Observation]] = {}
        layout = Layout()
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            year = (
                options.year
                or find_year([sheet.name])
                or find_year(titles[:3] + [workbook.path.stem])
            )
            group = find_group(fold(sheet.name)) or (options.group or DEFAULT_GROUP)
            cols: list[_Col] | None = None
            before = sum(1 for o in observations if o.value is not None)
            for r, row in enumerate(sheet.rows):
                texts = [cell_text(c) for c in row]
                if not any(texts):
                    cols = None
                    continue
                header = _header_columns(row, catalogue)
                if header:
                    cols = header
                    if not layout.sheet:
                        layout = Layout(
                            sheet.name,
                            r + 1,
                            [
                                ColumnNote(column_letter(c.index), c.header, _describe(c))
                                for c in header
                            ],
                            [sheet.name],
                            "rubrik eller blad",
                        )
                    continue
                label = classify_label(next((t for t in texts if t), ""))
                if cols is None:
                    year = find_year([t for t in texts if t]) or year
                    group = find_group(fold(" ".join(texts))) or group
                    continue
                self._row(
                    workbook,
                    sheet.name,
                    row,
                    r + 1,
                    cols,
                    label,
                    unit,
                    year,
                    group,
                    observations,
                    skipped,
                    seen,
                )
            if sum(1 for o in observations if o.value is not None) == before:
                check_formulas(workbook, sheet.name)
        if not observations:
            raise ImportProblem(
                workbook.name,
                "Inga resultattabeller (område × faktor) hittades.",
                hint="Använd mallen (Ladda ner mall) för andra upplägg.",
            )
        joint_bodies = [] if kommun else [JointBody(unit, unit_name)]
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            self.kind,
            "own",
            observations,
            skipped,
            joint_bodies,
            [s.name for s in workbook.sheets],
            description=f"Egna resultat för {unit_name}",
        )
        return Parsed(batch, layout)

    def _row(
        self,
        workbook: Workbook,
        sheet: str,
        row: list[Any],
        row_no: int,
        cols: list[_Col],
        label: Label,
        unit: str,
        year: int | None,
        group: str,
        observations: list[Observation],
        skipped: list[Skip],
        seen: dict[tuple[Any, ...], tuple[int, Observation]],
    ) -> None:
        texts = [cell_text(c) for c in row]
        first = next((t for t in texts if t), "")
        row_area = label.area if label.area else None
        row_factor = label.factor
        riket_row = _names_riket(first)  # "Riket", "Bygglov, riket": Riket beside the kommun
        if riket_row:
            unit = RIKET
        if label.measure == "n" and not row_area:  # "Antal svar" row under area/unit columns
            placed = False
            for c in cols:
                if c.kind in ("area", "unit") and c.index < len(row):
                    n = read_count(row[c.index], Where(workbook.name, sheet, row_no, c.index))
                    for o in observations:
                        if o.n is None and _answers_of(o, c, year, group, unit, sheet, row_no):
                            o.n, placed = n, True
            if not placed and any(texts[c.index] for c in cols if c.index < len(texts)):
                skipped.append(
                    Skip(
                        sheet,
                        row_no,
                        "antal svar som inte hör till något värde i tabellen; sparas inte",
                        first,
                    )
                )
            return
        if not row_area and not row_factor and not riket_row:
            skipped.append(Skip(sheet, row_no, "raden är inget område eller faktor", first))
            return
        by_index: dict[int, Observation] = {}
        for c in cols:
            if c.kind == "n" or c.index >= len(row):
                continue
            area = c.key if c.kind == "area" else (row_area or TOTAL)
            factor = c.key if c.kind == "factor" else (row_factor or "nki")
            cell_unit = c.key if c.kind == "unit" and not riket_row else unit
            if c.kind == "unit" and riket_row and not texts[c.index]:
                continue  # a Riket row's empty cell under a unit column says nothing
            if area == "upphandling" and factor == "nki":
                factor = "nui"
            cell_year = c.year or year
            if cell_year is None:
                raise ImportProblem(
                    workbook.name,
                    "Året framgår inte av filen.",
                    sheet,
                    row_no,
                    hint="Ange ärendeåret i förhandsvisningen eller med --year.",
                )
            where = Where(workbook.name, sheet, row_no, c.index)
            value, n, missing = read_value(row[c.index], where)
            key = (cell_year, cell_unit, area, factor, group)
            if key in seen:
                first_row, earlier = seen[key]
                if (earlier.value, earlier.missing) == (value, missing):
                    skipped.append(
                        Skip(
                            sheet,
                            row_no,
                            f"dubblett av rad {first_row} (kolumn {column_letter(c.index)})",
                            first,
                        )
                    )
                    continue
                raise ImportProblem(
                    workbook.name,
                    f"Samma värde förekommer två gånger med "
                    f"olika innehåll (rad {first_row} och rad {row_no}).",
                    sheet,
                    row_no,
                    c.index,
                    hint="Ta bort dubbletten och importera igen.",
                )
            obs = Observation(
                cell_year,
                cell_unit,
                area,
                factor,
                group,
                value=value,
                n=n,
                missing=missing,
                sheet=sheet,
                row=row_no,
                column=column_letter(c.index),
            )
            seen[key] = (row_no, obs)
            by_index[c.index] = obs
            observations.append(obs)
        n_cols = [c for c in cols if c.kind == "n" and c.index < len(row)]
        for c in n_cols:
            n = read_count(row[c.index], Where(workbook.name, sheet, row_no, c.index))
            targets = (
                list(by_index.values())
                if len(n_cols) == 1
                else ([by_index[c.of]] if c.of in by_index else [])
            )
            for obs in targets:
                if obs.n is None:
                    obs.n = n


def _answers_of(
    o: Observation, c: _Col, year: int | None, group: str, unit: str, sheet: str, row_no: int
) -> bool:
    """Whether an 'Antal svar' row's cell in column c gives the n of observation o: under an
    area column every value of that area, under a unit column the value in the row above."""
    if c.kind == "area":
        return (o.area, o.year, o.group, o.unit) == (c.key, year, group, unit)
    return (o.sheet, o.row, o.column) == (sheet, row_no - 1, column_letter(c.index))


def _names_riket(label: str) -> bool:
    """A row label that names Riket beside an area or alone: 'Riket', 'Bygglov, riket'."""
    words = fold(label).replace("-", " ").split()
    return is_riket(label) or "riket" in words or "samtliga kommuner" in " ".join(words)


def _describe(c: _Col) -> str:
    from nki_desktop.domain.areas import area_label, factor_label

    if c.kind == "factor":
        return f"faktor {factor_label(c.key)}"
    if c.kind == "area":
        return f"område {area_label(c.key)}"
    if c.kind == "year":
        return f"år {c.year}"
    if c.kind == "unit":
        return (
            "Riket" + (f" {c.year}" if c.year else "")
            if c.key == RIKET
            else (f"kommun {c.key}" + (f" {c.year}" if c.year else ""))
        )
    return "antal svar"
