"""The program's own long template (one value per row), for anything else: writer and reader.

Columns: År, Kommun (code or name; 'Riket'; a joint body's name), Område, Faktor,
Svarsgrupp, Värde, Antal svar, Undersökning (the survey: NKI, or Svenskt Näringsliv whose
rows go to their own series, see ``template_sn``). Area, factor and group take the stable
keys or the Swedish labels. The writer adds an instructions sheet and the lists of keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nki_desktop.atomic import save_workbook
from nki_desktop.domain.areas import (
    AREAS,
    DEFAULT_GROUP,
    FACTORS,
    GROUPS,
    area_key,
    factor_key,
    group_key,
)
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import MISSING_MARKERS, ImportBatch, JointBody, Observation, Skip
from nki_desktop.domain.sn import QUESTIONS as SN_QUESTIONS
from nki_desktop.domain.sn import RANK, SN_PUBLICATION, SN_TITLE
from nki_desktop.domain.sn import SN_AREA as SN_AREA_KEY
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    Workbook,
    cell_text,
    column_letter,
)
from nki_desktop.importers.cells import Where, check_formulas, read_count, read_value
from nki_desktop.importers.preview import ColumnNote, Layout, LayoutImporter, Parsed
from nki_desktop.importers.rows import joint_members, match_unit
from nki_desktop.importers.template_sn import NKI_SOURCE, SN_SOURCE, names_sn, sn_row, source_of
from nki_desktop.importers.wide import unknown_kommun

COLUMNS = (
    "År",
    "Kommun",
    "Område",
    "Faktor",
    "Svarsgrupp",
    "Värde",
    "Antal svar",
    "Undersökning",
)
KEYS = ("year", "kommun", "area", "factor", "group", "value", "n", "source")
_ALIASES = {fold(c): k for c, k in zip(COLUMNS, KEYS, strict=True)}
_ALIASES |= {k: k for k in KEYS} | {
    "ar": "year",
    "kommunkod": "kommun",
    "omrade": "area",
    "grupp": "group",
    "varde": "value",
    "antal": "n",
    "kalla": "source",
    "enkat": "source",
}
SHEET = "Data"

INSTRUCTIONS = (
    "Mall för import till NKI Desktop",
    "",
    "Skriv ett värde per rad på bladet Data och importera filen på skärmen Import "
    "(eller: nki-desktop import fil.xlsx).",
    "År: ärendeåret (t.ex. 2023).",
    "Kommun: kommunkod (1880) eller namn (Örebro). 'Riket' för riket. Ett förbund eller en "
    "gemensam nämnd skrivs med sitt namn.",
    "Område, Faktor, Svarsgrupp: nyckel eller namn enligt bladet Nycklar. Tom svarsgrupp = "
    "företag.",
    "Värde: index 0–100, decimalkomma går bra (77,4). Saknat värde: lämna tomt eller skriv "
    "'..' (sekretess/för få svar), '-' (bortfall) eller '.' (ej tillämplig).",
    "Antal svar: antal svarande bakom värdet (kan lämnas tomt).",
    "Undersökning: NKI (eller tomt) för Insikt/NKI. 'Svenskt Näringsliv' för Lokalt "
    "företagsklimat: Område lämnas tomt, Faktor är frågan (t.ex. service_bemotande) eller "
    "rank, Värde är betyget 1–6 eller placeringen 1–290. En fil innehåller en undersökning.",
    "Samma fil två gånger ändrar ingenting; en import kan ångras på skärmen Import.",
)


def write_template(path: Path | str) -> Path:
    """Write the downloadable template .xlsx (Data, Instruktioner, Nycklar)."""
    from openpyxl import Workbook as XlsxWorkbook
    from openpyxl.styles import Font

    path = Path(path)
    book = XlsxWorkbook()
    data = book.active
    data.title = SHEET
    data.append(list(COLUMNS))
    for cell in data[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (8, 22, 22, 16, 14, 10, 12, 20), strict=True):
        data.column_dimensions[letter].width = width
    data.freeze_panes = "A2"
    info = book.create_sheet("Instruktioner")
    for line in INSTRUCTIONS:
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 110
    keys = book.create_sheet("Nycklar")
    keys.append(["Typ", "Nyckel", "Namn"])
    for cell in keys[1]:
        cell.font = Font(bold=True)
    for kind, items in (("Område", AREAS), ("Faktor", FACTORS), ("Svarsgrupp", GROUPS)):
        for item in items:
            keys.append([kind, item.key, item.label])
    keys.append(["Undersökning", "NKI", "NKI (Insikt), SKR/SBA"])
    keys.append(["Undersökning", "Svenskt Näringsliv", SN_TITLE])
    for question in SN_QUESTIONS:
        keys.append(["Fråga (Svenskt Näringsliv)", question.key, question.label])
    keys.append(["Fråga (Svenskt Näringsliv)", RANK, "Placering i rankningen (1–290)"])
    for marker, meaning in MISSING_MARKERS.items():
        if marker:
            keys.append(["Saknat värde", marker, meaning])
    for letter, width in zip("ABC", (14, 24, 40), strict=True):
        keys.column_dimensions[letter].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    return save_workbook(book, path)


def _header(row: list[Any]) -> dict[str, int] | None:
    found = {}
    for i, cell in enumerate(row):
        key = _ALIASES.get(fold(cell_text(cell)))
        if key and key not in found:
            found[key] = i
    needed = {"year", "kommun", "area", "value"}
    return found if needed <= set(found) else None


class TemplateImporter(LayoutImporter):
    kind = "template"
    label = "NKI Desktops mall (långt format)"

    def sniff(self, workbook: Workbook) -> float:
        for sheet in workbook.sheets:
            for row in sheet.rows[:5]:
                found = _header(row)
                if found:
                    return 0.9 + 0.01 * len(found)
        return 0.0

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        observations: list[Observation] = []
        skipped: list[Skip] = []
        joint: dict[str, JointBody] = {}
        seen: dict[tuple[Any, ...], int] = {}
        layout = Layout()
        for sheet in workbook.sheets:
            start = next(
                ((r, h) for r, row in enumerate(sheet.rows[:5]) if (h := _header(row))), None
            )
            if start is None:
                continue
            header_row, cols = start
            if not layout.sheet:
                layout = Layout(
                    sheet.name,
                    header_row + 1,
                    [
                        ColumnNote(column_letter(i), COLUMNS[KEYS.index(k)], k)
                        for k, i in sorted(cols.items(), key=lambda p: p[1])
                    ],
                    [sheet.name],
                    "",
                )
            for r in range(header_row + 1, len(sheet.rows)):
                row = sheet.rows[r]
                if not any(cell_text(c) for c in row):
                    continue
                obs = self._row(workbook, sheet.name, row, r + 1, cols, options, catalogue, joint)
                key = (obs.year, obs.unit, obs.area, obs.factor, obs.group)
                if key in seen:
                    raise ImportProblem(
                        workbook.name,
                        f"Samma värde står två gånger (rad {seen[key]} och rad {r + 1}).",
                        sheet.name,
                        r + 1,
                        hint="Ta bort dubbletten och importera igen.",
                    )
                seen[key] = r + 1
                observations.append(obs)
            if observations and all(o.value is None for o in observations):
                check_formulas(workbook, sheet.name)
        if not layout.sheet:
            raise ImportProblem(
                workbook.name,
                "Mallens rubrikrad (År, Kommun, Område, Värde …) hittades inte.",
                hint="Ladda ner mallen och klistra in värdena under rubrikerna.",
            )
        sn_rows = [o for o in observations if o.area == SN_AREA_KEY]
        if sn_rows and len(sn_rows) < len(observations):
            first_nki = next(o for o in observations if o.area != SN_AREA_KEY)
            raise ImportProblem(
                workbook.name,
                "Mallen blandar NKI och Svenskt Näringsliv (rad "
                f"{first_nki.row} och rad {sn_rows[0].row}). De är olika undersökningar.",
                layout.sheet,
                hint="Dela upp raderna i två filer, en per undersökning, och importera båda.",
            )
        batch = ImportBatch(
            workbook.name,
            workbook.sha256,
            self.kind,
            SN_PUBLICATION if sn_rows else "template",
            observations,
            skipped,
            list(joint.values()),
            [layout.sheet],
            description="Egen mall" + (", Svenskt Näringsliv" if sn_rows else ""),
        )
        return Parsed(batch, layout)

    def _row(
        self,
        workbook: Workbook,
        sheet: str,
        row: list[Any],
        row_no: int,
        cols: dict[str, int],
        options: ImportOptions,
        catalogue: Catalogue,
        joint: dict[str, JointBody],
    ) -> Observation:
        def cell(key: str) -> object:
            i = cols.get(key)
            return row[i] if i is not None and i < len(row) else ""

        def where(key: str) -> Where:
            return Where(workbook.name, sheet, row_no, cols.get(key, 0))

        year_value = read_count(cell("year"), where("year")) or options.year
        if not year_value:
            raise where("year").problem("Året saknas.", "Skriv ärendeåret, t.ex. 2023.")
        unit = match_unit(catalogue, cell("kommun"), cell("kommun"))
        if unit.kind in ("unknown", "summary", "empty"):
            raise unknown_kommun(
                workbook, catalogue, sheet, row_no, cols["kommun"], cell_text(cell("kommun"))
            )
        if unit.kind == "joint":
            joint.setdefault(
                unit.key, JointBody(unit.key, unit.name, joint_members(unit.name, catalogue))
            )
        source = (
            source_of(cell_text(cell("source")), where("source"))
            if "source" in cols
            else NKI_SOURCE
        )
        if source == SN_SOURCE or names_sn(cell_text(cell("area"))):
            count = read_count(cell("n"), where("n")) if "n" in cols else None
            return sn_row(
                int(year_value),
                unit.key,
                cell_text(cell("factor")),
                cell("value"),
                count,
                where,
                sheet,
                row_no,
                column_letter(cols["value"]),
            )
        area = area_key(cell_text(cell("area")))
        if area is None:
            raise where("area").problem(
                f"Området '{cell_text(cell('area'))}' är okänt.",
                "Använd en nyckel eller ett namn från bladet Nycklar.",
            )
        factor_text = cell_text(cell("factor"))
        factor = (
            factor_key(factor_text) if factor_text else ("nui" if area == "upphandling" else "nki")
        )
        if factor is None:
            raise where("factor").problem(
                f"Faktorn '{factor_text}' är okänd.",
                "Använd en nyckel eller ett namn från bladet Nycklar.",
            )
        group_text = cell_text(cell("group"))
        group = group_key(group_text) if group_text else DEFAULT_GROUP
        if group is None:
            raise where("group").problem(
                f"Svarsgruppen '{group_text}' är okänd.",
                "Använd en nyckel eller ett namn från bladet Nycklar.",
            )
        value, n, missing = read_value(cell("value"), where("value"))
        count = read_count(cell("n"), where("n")) if "n" in cols else None
        return Observation(
            int(year_value),
            unit.key,
            area,
            factor,
            group,
            value=value,
            n=count if count is not None else n,
            missing=missing,
            sheet=sheet,
            row=row_no,
            column=column_letter(cols["value"]),
        )
