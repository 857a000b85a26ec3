"""Kolada: an exported key figure (kommun rows × year columns; CSV or Excel) and the API's JSON.

Kolada's marks "-" (bortfall), "." (ej tillämplig) and ".." (sekretess) are stored as missing
with their meaning, never as zero. A key figure is placed on area × factor from the table of
known KPIs, from its title, or by asking the user (remembered per KPI).
"""

from __future__ import annotations

import re
from typing import Any

from nki_desktop.domain.areas import (
    AREAS,
    DEFAULT_GROUP,
    SERVICE_FACTORS,
    area_label,
    factor_label,
)
from nki_desktop.domain.municipalities import Catalogue, normalise_code
from nki_desktop.domain.records import ImportBatch, Observation, Skip
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    MappingRequest,
    NeedsMapping,
    Workbook,
    cell_text,
    parse_number,
    shape_signature,
)
from nki_desktop.importers.header import (
    VALUE,
    YEAR,
    Column,
    Header,
    find_area,
    find_factor,
    find_group,
    locate,
)
from nki_desktop.importers.layout import ColumnNote, Layout, LayoutImporter, note
from nki_desktop.importers.wide import TableResult, read_rows

# Known Kolada key figures → (area, factor). Data, extended as ids are confirmed; anything
# else is placed from its title or by the user's (remembered) choice.
KNOWN_KPIS: dict[str, tuple[str, str]] = {}
_KPI_ID = re.compile(r"\b([NUM]\d{5})\b")
_GENDER_WORDS = {"kon", "gender"}
_TOTAL_GENDER = {"t", "totalt", "total", "alla", "bada konen", ""}


def kpi_targets() -> list[tuple[str, str]]:
    targets = [("ignore", "Används inte")]
    for area in AREAS:
        for factor in (area.index_factor, *SERVICE_FACTORS):
            targets.append((f"{area.key}:{factor}", f"{area.label} – {factor_label(factor)}"))
    return targets


def place_kpi(kpi: str, title: str = "") -> tuple[str, str] | None:
    """(area, factor) of a key figure by id or title, or None if it cannot be told."""
    if kpi in KNOWN_KPIS:
        return KNOWN_KPIS[kpi]
    folded = fold(title)
    if not folded:
        return None
    area = find_area(folded)
    if area is None or not any(w in folded for w in ("nki", "nojd", "index", "nui")):
        return None
    factor = find_factor(folded.replace("nojd kund index", "nki")) or "nki"
    if area == "upphandling" and factor == "nki":
        factor = "nui"
    return area, factor


def _mapped(options: ImportOptions, position: int) -> tuple[str, str] | None:
    target = (options.mapping or {}).get(position)
    if not target or target == "ignore":
        return None
    area, factor = target.split(":")[:2]
    return area, factor


def _ask(workbook: Workbook, names: list[str], samples: list[list[str]]) -> NeedsMapping:
    return NeedsMapping(MappingRequest(
        shape_signature("kolada", names), "kolada", workbook.sheets[0].name if workbook.sheets
        else "values", 1, names, samples, kpi_targets(), {},
        f"Nyckeltalet i {workbook.name} är okänt. Ange vilket område och vilken faktor det "
        "mäter; valet sparas för nästa fil med samma nyckeltal."))


def _placed_text(placed: tuple[str, str] | None) -> str:
    if placed is None:
        return "används inte"
    return f"{area_label(placed[0])} · {factor_label(placed[1])} · värde"


def _missing_from_status(status: Any) -> str:
    folded = fold(cell_text(status))
    if "sekretess" in folded or folded == "..":
        return ".."
    if "tillampl" in folded or folded == ".":
        return "."
    return "-"


class KoladaImporter(LayoutImporter):
    kind = "kolada"
    label = "Kolada (export eller API)"

    def sniff(self, workbook: Workbook) -> float:
        data = workbook.json_data
        if isinstance(data, dict) and isinstance(data.get("values"), list):
            first = data["values"][0] if data["values"] else {}
            return 0.95 if isinstance(first, dict) and "municipality" in first else 0.5
        for sheet in workbook.sheets[:5]:
            header = locate(sheet)
            if header is None:
                continue
            years = sum(1 for c in header.columns if c.role == YEAR)
            if years:
                kolada = "kolada" in fold(header.title) or "kolada" in fold(workbook.name)
                return min(1.0, 0.6 + 0.05 * years + (0.2 if kolada else 0.0))
        return 0.0

    def parse_with_layout(self, workbook: Workbook, options: ImportOptions,
                          catalogue: Catalogue) -> tuple[ImportBatch, Layout]:
        if workbook.json_data is not None:
            return self._parse_json(workbook, options, catalogue)
        return self._parse_table(workbook, options, catalogue)

    # -- exported table ------------------------------------------------------------------
    def _parse_table(self, workbook: Workbook, options: ImportOptions,
                     catalogue: Catalogue) -> tuple[ImportBatch, Layout]:
        header: Header | None = None
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            header = locate(sheet)
            if header and any(c.role == YEAR for c in header.columns):
                break
            header = None
        if header is None:
            raise ImportProblem(workbook.name, "Ingen tabell med kommuner och år hittades.",
                                hint="En Kolada-export har en kolumn Kommun och en kolumn per "
                                     "år.")
        kpi_match = _KPI_ID.search(header.title)
        kpi = kpi_match.group(1) if kpi_match else ""
        placed = _mapped(options, 0) if options.mapping else place_kpi(kpi, header.title)
        if placed is None:
            raise _ask(workbook, [kpi or header.title or workbook.name], [[header.title]])
        area, factor = placed
        group = find_group(fold(header.title)) or str(options.settings.get("group")
                                                      or DEFAULT_GROUP)
        header.columns = [Column(c.index, c.header, VALUE, area, factor, "value", c.year)
                          if c.role == YEAR else c for c in header.columns]
        gender_col = next((i for i, t in enumerate(header.texts) if fold(t) in _GENDER_WORDS),
                          None)

        def not_total(row: list[Any]) -> str | None:
            if gender_col is None or gender_col >= len(row):
                return None
            text = fold(cell_text(row[gender_col]))
            return None if text in _TOTAL_GENDER else f"kön '{cell_text(row[gender_col])}' " \
                "(bara totalt används)"

        result = TableResult()
        read_rows(workbook, header, catalogue, year=options.year, group=group, result=result,
                  row_filter=not_total)
        batch = ImportBatch(workbook.name, workbook.sha256, self.kind, "kolada",
                            result.observations, result.skipped,
                            list(result.joint_bodies.values()), [header.sheet.name],
                            description=f"Kolada {kpi} {header.title}".strip())
        layout = Layout(header.sheet.name, header.row_number, [note(c) for c in header.columns],
                        [header.sheet.name], "kolumnrubrikerna")
        return batch, layout

    # -- API JSON ------------------------------------------------------------------------
    def _parse_json(self, workbook: Workbook, options: ImportOptions,
                    catalogue: Catalogue) -> tuple[ImportBatch, Layout]:
        data = workbook.json_data
        values = data.get("values") if isinstance(data, dict) else None
        if not isinstance(values, list):
            raise ImportProblem(workbook.name, "JSON-filen saknar listan 'values' som Kolada "
                                "API ger.", hint="Hämta data från Koladas API (v2/v3) och "
                                "spara svaret som .json.")
        kpis = sorted({str(v.get("kpi", "")) for v in values if isinstance(v, dict)})
        placement: dict[str, tuple[str, str] | None] = {}
        for i, kpi in enumerate(kpis):
            placement[kpi] = _mapped(options, i) if options.mapping else place_kpi(kpi)
        if not options.mapping and any(p is None for p in placement.values()):
            raise _ask(workbook, kpis, [[k for k in kpis]])
        group = str(options.settings.get("group") or DEFAULT_GROUP)
        observations: list[Observation] = []
        skipped: list[Skip] = []
        other_gender = 0
        for row_no, item in enumerate(values, start=1):
            placed = placement.get(str(item.get("kpi", "")))
            if placed is None:
                skipped.append(Skip("values", row_no, "nyckeltalet används inte",
                                    str(item.get("kpi"))))
                continue
            unit = self._unit(workbook, catalogue, item, row_no, skipped)
            if unit is None:
                continue
            year = int(parse_number(item.get("period")) or 0)
            for entry in item.get("values") or []:
                if str(entry.get("gender", "T")).upper() != "T":
                    other_gender += 1
                    continue
                value = entry.get("value")
                number = parse_number(value) if value is not None else None
                observations.append(Observation(
                    year, unit, placed[0], placed[1], group, value=number,
                    missing=None if number is not None else _missing_from_status(
                        entry.get("status")), sheet="values", row=row_no))
        if other_gender:
            skipped.append(Skip("values", None, f"{other_gender} värden för kvinnor/män "
                                "(bara totalt, T, används)"))
        batch = ImportBatch(workbook.name, workbook.sha256, self.kind, "kolada", observations,
                            skipped, [], ["values"], description="Kolada API " + ", ".join(kpis))
        columns = [ColumnNote(k, k, _placed_text(placement[k])) for k in kpis]
        return batch, Layout("values", None, columns, ["values"], "period")

    @staticmethod
    def _unit(workbook: Workbook, catalogue: Catalogue, item: dict[str, Any], row_no: int,
              skipped: list[Skip]) -> str | None:
        municipality = str(item.get("municipality", ""))
        if municipality == "0000":
            return "riket"
        code = normalise_code(municipality)
        if code is None or len(municipality) != 4:
            skipped.append(Skip("values", row_no, "kommungrupp eller annan enhet än kommun",
                                municipality))
            return None
        if catalogue.get(code) is None:
            raise ImportProblem(workbook.name, f"Kommunkoden {municipality} finns inte i "
                                "kommunlistan.", "values", row_no,
                                hint="Kontrollera filen; kommunkoder har fyra siffror.")
        return code
