"""Svenskt Näringsliv's Lokalt företagsklimat files: ranking tables and per-question results.

Values go to their own series (area ``sn_foretagsklimat``, the question or ``rank`` as
factor, publication "Svenskt Näringsliv"), never under NKI's keys. Grades must lie on the
1–6 scale and ranks in 1–290; anything else is refused at its cell. The change column of a
ranking table is not stored: the change is computed from the ranks of two years.
"""

from __future__ import annotations

from typing import Any

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch, Observation, Skip
from nki_desktop.domain.sn import (
    HEADLINE,
    QUESTIONS,
    RANK,
    RANK_OF,
    SCALE_TEXT,
    SN_AREA,
    SN_GROUP,
    SN_PUBLICATION,
    in_scale,
    measure_label,
    question_key,
)
from nki_desktop.importers import sn_detect
from nki_desktop.importers.base import (
    ImportOptions,
    MappingRequest,
    NeedsMapping,
    Sheet,
    Workbook,
    cell_text,
    parse_number,
    shape_signature,
)
from nki_desktop.importers.cells import Where, read_count, read_rank, read_value
from nki_desktop.importers.labels import KOMMUN_CODE, KOMMUN_NAME
from nki_desktop.importers.preview import ColumnNote, Layout, Parsed
from nki_desktop.importers.rows import looks_like_footnote, match_unit
from nki_desktop.importers.sn_layout import (
    CHANGE,
    IGNORE,
    MEASURE,
    RANK_M,
    RATE,
    ROW_QUESTION,
    ROW_YEAR,
    N,
    SnColumn,
    SnTable,
    column_from_target,
    guess_columns,
    locate,
    settle_bare_years,
)
from nki_desktop.importers.years import find_year

KIND = "sn"
_MEASURE_TEXT = {"value": "betyg 1–6", RANK_M: "placering", N: "antal svar", RATE: "svarsfrekvens"}


def targets(years: list[int] | tuple[int, ...] = ()) -> list[tuple[str, str]]:
    """The mapping dialog's choices for a column of an SN file."""
    out = [
        (IGNORE, "Används inte"),
        (KOMMUN_CODE, "Kommunkod"),
        (KOMMUN_NAME, "Kommunnamn"),
        (ROW_YEAR, "År (per rad)"),
        (ROW_QUESTION, "Fråga (per rad)"),
        (":value", "SN – betyg 1–6 för radens fråga"),
        (f"{RANK}:{RANK_M}", "SN – placering i rankningen (1–290)"),
        (f"{RANK}:{CHANGE}", "SN – förändring av placering (används inte)"),
        (f"{HEADLINE}:{N}", "SN – antal svar"),
        (f"{HEADLINE}:{RATE}", "SN – svarsfrekvens (%)"),
    ]
    out += [(f"{q.key}:value", f"SN – {q.label} (betyg 1–6)") for q in QUESTIONS]
    for year in sorted(set(years)):
        out.append((f"{RANK}:{RANK_M}@{year}", f"SN – placering {year}"))
        out += [(f"{q.key}:value@{year}", f"SN – {q.label} {year}") for q in QUESTIONS]
    return out


def describe(column: SnColumn) -> str:
    if column.role != MEASURE:
        return {
            KOMMUN_CODE: "kommunkod",
            KOMMUN_NAME: "kommunnamn",
            ROW_YEAR: "år",
            ROW_QUESTION: "fråga",
        }.get(column.role, "används inte")
    if column.measure == CHANGE:
        return "förändring (används inte: räknas från åren)"
    parts = [
        "SN",
        measure_label(column.factor) if column.factor else "radens fråga",
        _MEASURE_TEXT.get(column.measure, column.measure),
    ]
    return " · ".join(parts) + (f" · {column.year}" if column.year else "")


def _split_unit(value: Any) -> tuple[Any, Any]:
    """'0114 Upplands Väsby' → ('0114', 'Upplands Väsby'); anything else as it is."""
    text = cell_text(value)
    head, _, rest = text.partition(" ")
    if head.isdigit() and len(head) == 4 and rest.strip():
        return head, rest.strip()
    return value, value


class SnImporter:
    kind = KIND
    label = "Svenskt Näringsliv, Lokalt företagsklimat"

    def sniff(self, workbook: Workbook) -> float:
        if not sn_detect.is_sn(workbook):
            return 0.0
        return 0.98 if any(locate(s) for s in workbook.sheets[:25]) else 0.5

    def tables(self, workbook: Workbook, options: ImportOptions) -> list[SnTable]:
        if options.mapping:
            sheet = next((s for s in workbook.sheets if s.name == options.sheet), None)
            sheet = sheet or workbook.sheets[0]
            r = (options.header_row or 1) - 1
            texts = [cell_text(c) for c in sheet.rows[r]] if r < len(sheet.rows) else []
            columns = [
                column_from_target(i, texts[i] if i < len(texts) else "", t)
                for i, t in sorted(options.mapping.items())
                if t != IGNORE
            ]
            title = " ".join(cell_text(c) for row in sheet.rows[:r] for c in row if cell_text(c))
            return [SnTable(sheet, [r], columns, title)]
        found = []
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            table = locate(sheet)
            if table is not None:
                found.append(table)
        return found

    def mapping_request(self, workbook: Workbook, options: ImportOptions) -> MappingRequest:
        filled = [s for s in workbook.sheets if any(any(cell_text(c) for c in r) for r in s.rows)]
        sheet = filled[0] if filled else workbook.sheets[0]
        table = locate(sheet)
        r = table.header_rows[-1] if table else _widest_row(sheet)
        headers = [cell_text(c) for c in sheet.rows[r]] if sheet.rows else []
        years = [c.year for c in table.columns if c.year] if table else []
        years += [y for h in headers if (y := find_year([h]))]
        columns = table.columns if table else guess_columns(headers)
        initial = {c.index: c.target for c in columns}
        return MappingRequest(
            shape_signature(KIND, headers),
            KIND,
            sheet.name,
            r + 1,
            headers,
            [[cell_text(c) for c in row] for row in sheet.rows[r + 1 : r + 6]],
            targets(years),
            initial,
            f"Filen {workbook.name} är från Svenskt Näringsliv (Lokalt företagsklimat), men "
            "alla kolumner gick inte att känna igen. Ange vad varje kolumn innehåller "
            "(kommun och minst ett betyg eller en placering).",
        )

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        tables = self.tables(workbook, options)
        if not tables:
            raise NeedsMapping(self.mapping_request(workbook, options))
        observations: list[Observation] = []
        skipped: list[Skip] = []
        for table in tables:
            title = " ".join([table.title, table.sheet.name, workbook.path.stem])
            if settle_bare_years(table, title):
                raise NeedsMapping(self.mapping_request(workbook, options))
            year = options.year or find_year([table.title, table.sheet.name, workbook.path.stem])
            _read_table(workbook, table, year, catalogue, observations, skipped)
        changes = [c for t in tables for c in t.columns if c.measure == CHANGE]
        notes = (
            ["Förändringskolumnen sparas inte: förändringen räknas fram ur placeringarna."]
            if changes
            else []
        )
        years = sorted({o.year for o in observations})
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            KIND,
            SN_PUBLICATION,
            observations,
            skipped,
            [],
            [t.sheet.name for t in tables],
            description="Svenskt Näringsliv, Lokalt företagsklimat "
            + ("–".join(str(y) for y in (years[0], years[-1])) if len(years) > 1 else "")
            + (str(years[0]) if len(years) == 1 else ""),
            notes=notes,
        )
        first = tables[0]
        layout = Layout(
            first.sheet.name,
            first.header_row,
            [ColumnNote(c.letter, c.header, describe(c)) for c in first.columns],
            [t.sheet.name for t in tables],
            "kolumnerna" if any(c.year for c in first.columns) else "rubriken",
        )
        return Parsed(batch, layout)


def _widest_row(sheet: Sheet) -> int:
    counts = [sum(1 for c in row if cell_text(c)) for row in sheet.rows[:30]]
    return counts.index(max(counts)) if counts else 0


def _read_table(
    workbook: Workbook,
    table: SnTable,
    year: int | None,
    catalogue: Catalogue,
    out: list[Observation],
    skipped: list[Skip],
) -> None:
    sheet = table.sheet
    code_col = next((c.index for c in table.columns if c.role == KOMMUN_CODE), None)
    name_col = next((c.index for c in table.columns if c.role == KOMMUN_NAME), None)
    year_col = next((c.index for c in table.columns if c.role == ROW_YEAR), None)
    question_col = next((c.index for c in table.columns if c.role == ROW_QUESTION), None)
    measures = [c for c in table.columns if c.role == MEASURE and c.measure != CHANGE]

    def at(row: list[Any], index: int | None) -> Any:
        return row[index] if index is not None and index < len(row) else ""

    for r in range(table.data_start, len(sheet.rows)):
        row = sheet.rows[r]
        texts = [cell_text(c) for c in row]
        if not any(texts):
            continue
        code, name = at(row, code_col), at(row, name_col)
        if code_col is None or name_col is None:
            code, name = _split_unit(code if code_col is not None else name)
        unit = match_unit(catalogue, code, name)
        if unit.kind not in ("kommun", "riket"):
            footnote = looks_like_footnote(texts)
            reason = "fotnot eller anmärkning" if footnote else (unit.reason or "okänd kommun")
            skipped.append(Skip(sheet.name, r + 1, reason, " ".join(t for t in texts if t)[:80]))
            continue
        row_year = year
        if year_col is not None:
            year_where = Where(workbook.name, sheet.name, r + 1, year_col)
            row_year = read_count(at(row, year_col), year_where) or year
        row_question = (
            question_key(cell_text(at(row, question_col))) if question_col is not None else None
        )
        if question_col is not None and row_question is None:
            skipped.append(Skip(sheet.name, r + 1, "okänd fråga", cell_text(at(row, question_col))))
            continue
        cells: dict[tuple[int, str], Observation] = {}
        for column in measures:
            where = Where(workbook.name, sheet.name, r + 1, column.index)
            cell_year = column.year or row_year
            if cell_year is None:
                raise where.problem(
                    "Året framgår inte av kolumnen, raden, rubriken eller filnamnet.",
                    "Ange året i förhandsvisningen eller med --year.",
                )
            factor = column.factor or row_question or HEADLINE
            key = (cell_year, factor)
            obs = cells.get(key)
            if obs is None:
                obs = Observation(cell_year, unit.key, SN_AREA, factor, SN_GROUP)
                obs.sheet, obs.row = sheet.name, r + 1
                cells[key] = obs
            _read_cell(at(row, column.index), column, obs, where)
        out.extend(
            o
            for o in cells.values()
            if o.value is not None or o.rank is not None or o.missing is not None
            or o.n is not None or o.response_rate is not None
        )  # fmt: skip


def _read_cell(value: Any, column: SnColumn, obs: Observation, where: Where) -> None:
    if column.measure == RANK_M:
        rank, _of = read_rank(value, where)
        if rank is not None and not 1 <= rank <= RANK_OF:
            raise where.problem(
                f"Placeringen {rank} ligger utanför 1–{RANK_OF}.",
                "Rätta cellen i filen och importera igen.",
            )
        if rank is not None:
            obs.rank, obs.rank_of = rank, RANK_OF
            obs.column = column.letter
        elif cell_text(value):
            obs.missing = cell_text(value)
    elif column.measure == N:
        obs.n = read_count(value, where)
    elif column.measure == RATE:
        number = parse_number(value)
        if number is not None:
            fraction = 0 < number < 1  # 0,42 is 42 %
            obs.response_rate = number * 100 if fraction else number
    else:
        grade, n, missing = read_value(value, where)
        if grade is not None and not in_scale(grade):
            raise where.problem(
                f"Betyget {cell_text(value)} ligger utanför skalan {SCALE_TEXT}.",
                "Svenskt Näringslivs frågor besvaras 1–6; rätta cellen eller koppla kolumnen "
                "till något annat.",
            )
        obs.value, obs.missing = grade, ((missing or None) if grade is None else None)
        obs.n = obs.n if n is None else n
        obs.column = column.letter
