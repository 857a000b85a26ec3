"""Kolada, every shape it comes in: an exported key figure (kommun rows × year columns with
a title), a long table (kommunkod, year, a value column named by the key figure or a ``kpi``
column) and the API's JSON (v2/v3; see ``kolada_api.observations_from_api``).

Kolada's marks "-" (bortfall), "." (ej tillämplig) and ".." (sekretess) are stored as missing
with their meaning, never as zero; empty cells of long tables and the API are not stored. A
key figure is placed on area × factor × measure by ``--kpi``, its id, its title, or by asking
the user (remembered per file shape). Values are stored at full precision.
"""

from __future__ import annotations

from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP
from nki_desktop.domain.kolada import ANSWERS, INDEX, RESPONSE_RATE
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    MappingRequest,
    NeedsMapping,
    Workbook,
    cell_text,
)
from nki_desktop.importers.header import Column, Header, locate
from nki_desktop.importers.kolada_api import api_values, observations_from_api
from nki_desktop.importers.kolada_long import (
    GENDER_WORDS,
    ask,
    find_long,
    kpi_targets,
    parse_long,
    place_all,
    placed_text,
)
from nki_desktop.importers.kolada_values import KPI_ID, is_total_gender, not_ours_reason
from nki_desktop.importers.labels import VALUE, YEAR, find_group
from nki_desktop.importers.preview import ColumnNote, Layout, LayoutImporter, Parsed, note
from nki_desktop.importers.wide import TableResult, read_rows


# -- the importer ------------------------------------------------------------------------------
class KoladaImporter(LayoutImporter):
    kind = "kolada"
    label = "Kolada (export eller API)"

    def sniff(self, workbook: Workbook) -> float:
        data = workbook.json_data
        if data is not None:
            found = api_values(data)
            if found is None:
                return 0.0
            first = found[0][0] if found[0] else {}
            return 0.95 if isinstance(first, dict) and "municipality" in first else 0.5
        for sheet in workbook.sheets[:5]:
            if find_long(sheet) is not None:
                return 0.95
            header = locate(sheet)
            if header is None:
                continue
            years = sum(1 for c in header.columns if c.role == YEAR)
            if years:
                kolada = "kolada" in fold(header.title) or "kolada" in fold(workbook.name)
                return min(1.0, 0.6 + 0.05 * years + (0.2 if kolada else 0.0))
        return 0.0

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        if workbook.json_data is not None:
            return Parsed(*self._parse_json(workbook, options, catalogue))
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            long = find_long(sheet)
            if long is not None:
                return Parsed(*parse_long(workbook, long, options, catalogue))
        return Parsed(*self._parse_table(workbook, options, catalogue))

    def mapping_request(self, workbook: Workbook, options: ImportOptions) -> MappingRequest:
        """The key figures of the file, to be placed on area × factor (``--map ID=target``)."""
        try:
            self.parse(workbook, options, Catalogue([]))  # placement is asked before units
        except NeedsMapping as need:
            return need.request
        except ImportProblem:
            pass
        return super().mapping_request(workbook, options)

    # -- exported table (kommun rows × year columns) ----------------------------------------
    def _parse_table(
        self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue
    ) -> tuple[ImportBatch, Layout]:
        header: Header | None = None
        for sheet in workbook.sheets:
            if options.sheet and sheet.name != options.sheet:
                continue
            header = locate(sheet)
            if header and any(c.role == YEAR for c in header.columns):
                break
            header = None
        if header is None:
            raise ImportProblem(
                workbook.name,
                "Ingen tabell med kommuner och år hittades.",
                hint="En Kolada-export har en kolumn Kommun och en kolumn per "
                "år, eller kolumnerna kommunkod, år och nyckeltalet.",
            )
        kpi_match = KPI_ID.search(header.title)
        kid = kpi_match.group(1).upper() if kpi_match else ""
        years = {c.year for c in header.columns if c.role == YEAR and c.year}
        name = kid or header.title or workbook.name
        kpi = place_all(
            workbook.name, header.sheet.name, [(kid, header.title)], {name: years}, options
        )[name]
        assert kpi is not None  # place_all asked otherwise
        group = find_group(fold(header.title)) or str(options.group or DEFAULT_GROUP)
        measure = "n" if kpi.measure == ANSWERS else "value"
        header.columns = [
            Column(c.index, c.header, VALUE, kpi.area, kpi.factor, measure, c.year)
            if c.role == YEAR
            else c
            for c in header.columns
        ]
        gender_col = next((i for i, t in enumerate(header.texts) if fold(t) in GENDER_WORDS), None)

        def not_total(row: list[Any]) -> str | None:
            if gender_col is None or gender_col >= len(row):
                return None
            return (
                None
                if is_total_gender(row[gender_col])
                else f"kön '{cell_text(row[gender_col])}' (bara totalt används)"
            )

        result = TableResult()
        read_rows(
            workbook,
            header,
            catalogue,
            year=options.year,
            group=group,
            result=result,
            row_filter=not_total,
        )
        observations = _as_measure(result.observations, kpi.measure)
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            self.kind,
            "kolada",
            observations,
            result.skipped,
            list(result.joint_bodies.values()),
            [header.sheet.name],
            description=f"Kolada {kid} {header.title}".strip(),
        )
        layout = Layout(
            header.sheet.name,
            header.row_number,
            [note(c) for c in header.columns],
            [header.sheet.name],
            "kolumnrubrikerna",
        )
        return batch, layout

    # -- API JSON ----------------------------------------------------------------------------
    def _parse_json(
        self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue
    ) -> tuple[ImportBatch, Layout]:
        data = observations_from_api(workbook.json_data, catalogue, options, file=workbook.name)
        ignored = {
            data.kpis[i]
            for i, t in (options.mapping or {}).items()
            if t == "ignore" and i < len(data.kpis)
        }
        if [k for k in data.unplaced if k not in ignored]:
            why = " ".join(
                r
                for r in (
                    not_ours_reason(k, "", {o.year for o in data.observations})
                    for k in data.unplaced
                )
                if r
            )
            raise ask(workbook.name, "values", data.kpis, [list(data.kpis)], why)
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            self.kind,
            "kolada",
            data.observations,
            data.skipped,
            [],
            ["values"],
            description="Kolada API " + ", ".join(data.kpis),
            notes=data.notes,
        )
        columns = [ColumnNote(k, k, placed_text(data.placed.get(k))) for k in data.kpis]
        return batch, Layout("values", None, columns, ["values"], "period")


def _as_measure(observations: list[Observation], measure: str) -> list[Observation]:
    """A wide table of an ``antal svar`` or ``svarsfrekvens`` key figure: n or response rate
    of the cells, with no value of their own (so they never hide an index)."""
    if measure == INDEX:
        return observations
    out = []
    for obs in observations:
        if measure == RESPONSE_RATE:
            obs.response_rate, obs.value = obs.value, None
        if obs.n is None and obs.response_rate is None:
            continue
        obs.missing = None
        out.append(obs)
    return out


__all__ = ["KoladaImporter", "find_long", "kpi_targets", "placed_text"]
