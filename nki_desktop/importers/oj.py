"""SKR's Öppna jämförelser Företagsklimat workbook: one row per kommun, one case year.

Variation handled: title/note rows, one- or two-row headers with merged area cells, kommun
by code, name or both, a län column or one sheet per län, a Riket row, joint bodies,
footnotes, old area names, the year in the title, sheet name or file name. Published ranks
are stored as published; none is invented.
"""

from __future__ import annotations

from nki_desktop.domain.areas import AREAS, DEFAULT_GROUP, SERVICE_FACTORS, TOTAL, factor_label
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch, Skip
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    MappingRequest,
    NeedsMapping,
    Sheet,
    Workbook,
    cell_text,
    shape_signature,
)
from nki_desktop.importers.header import Header, column_from_target, locate
from nki_desktop.importers.labels import KOMMUN_CODE, KOMMUN_NAME, LAN, MEASURES, VALUE, YEAR
from nki_desktop.importers.preview import Layout, LayoutImporter, Parsed, note
from nki_desktop.importers.wide import TableResult, read_rows
from nki_desktop.importers.years import find_year


def value_targets() -> list[tuple[str, str]]:
    """Mapping targets for a column of a wide table: area × index factor × measure."""
    targets = [
        ("ignore", "Används inte"),
        (KOMMUN_CODE, "Kommunkod"),
        (KOMMUN_NAME, "Kommunnamn"),
        (LAN, "Län (används inte)"),
    ]
    for area in AREAS:
        for measure, text in MEASURES.items():
            factor = area.index_factor
            targets.append(
                (
                    f"{area.key}:{factor}:{measure}",
                    f"{area.label} – {factor_label(factor)} – {text}",
                )
            )
        if area.key == TOTAL:
            targets += [
                (f"{TOTAL}:{f}:value", f"{area.label} – {factor_label(f)} – värde")
                for f in SERVICE_FACTORS
            ]
    return targets


def _guess_header_row(sheet: Sheet) -> int:
    best, best_count = 0, -1
    for r in range(min(30, len(sheet.rows))):
        count = sum(1 for c in sheet.rows[r] if isinstance(c, str) and c.strip())
        if count > best_count:
            best, best_count = r, count
    return best


def mapping_request(workbook: Workbook, kind: str = "oj", message: str = "") -> MappingRequest:
    """Ask the user to assign the columns of the first sheet with data."""
    sheet = next(
        (s for s in workbook.sheets if any(any(cell_text(c) for c in row) for row in s.rows)),
        workbook.sheets[0],
    )
    guess = locate(sheet)
    r = guess.rows[-1] if guess else _guess_header_row(sheet)
    headers = (
        list(guess.texts)
        if guess
        else ([cell_text(c) for c in sheet.rows[r]] if sheet.rows else [])
    )
    samples = [[cell_text(c) for c in row] for row in sheet.rows[r + 1 : r + 6]]
    initial = {c.index: c.target for c in guess.columns} if guess else {}
    return MappingRequest(
        shape_signature(kind, headers),
        kind,
        sheet.name,
        r + 1,
        headers,
        samples,
        value_targets(),
        initial,
        message
        or f"Programmet känner inte igen kolumnerna i {workbook.name}. Ange vad varje "
        "kolumn innehåller (kommun och minst ett värde).",
    )


def _mapped_header(sheet: Sheet, options: ImportOptions) -> Header | None:
    header_row = (options.header_row or 1) - 1
    if header_row >= len(sheet.rows):
        return None
    texts = [cell_text(c) for c in sheet.rows[header_row]]
    mapping = options.mapping or {}
    header = Header(sheet, [header_row], texts)
    header.columns = [
        column_from_target(i, texts[i] if i < len(texts) else "", t)
        for i, t in sorted(mapping.items())
        if t != "ignore"
    ]
    header.title = " ".join(
        cell_text(c) for row in sheet.rows[:header_row] for c in row if cell_text(c)
    )
    return header


def usable(header: Header | None) -> bool:
    if header is None:
        return False
    roles = {c.role for c in header.columns}
    return bool(roles & {KOMMUN_CODE, KOMMUN_NAME}) and any(
        c.role == VALUE and c.area and c.year is None for c in header.columns
    )


class OjImporter(LayoutImporter):
    kind = "oj"
    label = "Öppna jämförelser (SKR), rankningslista"

    def sniff(self, workbook: Workbook) -> float:
        best = 0.0
        for sheet in workbook.sheets[:25]:
            header = locate(sheet)
            if not usable(header):
                continue
            assert header is not None
            areas = {c.area for c in header.columns if c.role == VALUE}
            years = sum(1 for c in header.columns if c.role == YEAR)
            score = 0.55 + 0.1 * min(3, len(areas)) - (0.3 if years else 0.0)
            best = max(best, score)
        return best

    def headers(
        self, workbook: Workbook, options: ImportOptions
    ) -> tuple[list[Header], list[Skip]]:
        headers: list[Header] = []
        skipped: list[Skip] = []
        mapped_shape = None
        if options.mapping:
            first = next(
                (s for s in workbook.sheets if s.name == options.sheet), workbook.sheets[0]
            )
            mapped = _mapped_header(first, options)
            mapped_shape = mapped.texts if mapped else None
        for sheet in workbook.sheets:
            if options.sheet and not options.mapping and sheet.name != options.sheet:
                continue
            header = locate(sheet)
            if mapped_shape is not None:
                candidate = _mapped_header(sheet, options)
                header = candidate if candidate and candidate.texts == mapped_shape else None
            if usable(header):
                assert header is not None
                headers.append(header)
            elif any(any(cell_text(c) for c in row) for row in sheet.rows):
                skipped.append(Skip(sheet.name, None, "bladet har ingen tabell med kommuner"))
        return headers, skipped

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        headers, skipped = self.headers(workbook, options)
        if not headers:
            raise NeedsMapping(mapping_request(workbook, self.kind))
        year = options.year
        year_source = "angivet"
        if year is None:
            for source, texts in (
                ("rubriken", [h.title for h in headers]),
                ("bladnamnet", [h.sheet.name for h in headers]),
                ("filnamnet", [workbook.path.stem]),
            ):
                year = find_year(texts, oj_title=True)
                if year:
                    year_source = source
                    break
        if year is None:
            raise ImportProblem(
                workbook.name,
                "Ärendeåret framgår inte av rubriken, bladnamnet eller filnamnet.",
                headers[0].sheet.name,
                hint="Ange året i förhandsvisningen eller med --year.",
            )
        group = options.group or DEFAULT_GROUP
        result = TableResult(skipped=skipped)
        for header in headers:
            read_rows(workbook, header, catalogue, year=year, group=group, result=result)
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            self.kind,
            "oj",
            result.observations,
            result.skipped,
            list(result.joint_bodies.values()),
            [h.sheet.name for h in headers],
            description=f"Öppna jämförelser, ärendeår {year}",
        )
        first = headers[0]
        layout = Layout(
            first.sheet.name,
            first.row_number,
            [note(c) for c in first.columns],
            [h.sheet.name for h in headers],
            year_source,
        )
        return Parsed(batch, layout)
