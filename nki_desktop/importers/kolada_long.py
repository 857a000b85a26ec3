"""Kolada's long tables (kommunkod, year, a value column per key figure or a ``kpi``
column) and the question asked when a key figure cannot be placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP, area_label, factor_label
from nki_desktop.domain.kolada import ANSWERS, INDEX, RESPONSE_RATE, KoladaKpi, kpi_from_target
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch, Skip
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import (
    ImportOptions,
    MappingRequest,
    NeedsMapping,
    Sheet,
    Workbook,
    cell_text,
    column_letter,
    shape_signature,
)
from nki_desktop.importers.cells import Where, read_value
from nki_desktop.importers.kolada_values import (
    KPI_ID,
    Collector,
    is_total_gender,
    kpi_from_title,
    not_ours_reason,
    place_kpi,
    unit_of,
    year_of,
)
from nki_desktop.importers.preview import ColumnNote, Layout
from nki_desktop.importers.wide import unknown_kommun

GENDER_WORDS = {"kon", "gender"}
_UNIT_WORDS = {
    "geo",
    "kommunkod",
    "kod",
    "kommun",
    "municipality",
    "municipality id",
    "kommun id",
    "kommunid",
    "kommun-id",
    "kommunnamn",
    "kommunnummer",
}
_YEAR_WORDS = {"ar", "year", "period", "arendear", "time", "tid"}
_KPI_WORDS = {"kpi", "kpi id", "nyckeltal", "nyckeltal id", "nyckeltals-id", "nyckeltalsid"}
_VALUE_WORDS = {"value", "varde", "values", "utfall"}
_TITLE_WORDS = {"titel", "title", "kpi title", "nyckeltalsnamn", "kpi namn", "namn"}
_MEASURE_TEXT = {INDEX: "värde", ANSWERS: "antal svar", RESPONSE_RATE: "svarsfrekvens"}


def kpi_targets() -> list[tuple[str, str]]:
    """The choices offered for an unknown key figure: area × factor × measure."""
    from nki_desktop.domain.areas import AREAS, SERVICE_FACTORS

    targets = [("ignore", "Används inte")]
    for area in AREAS:
        for factor in (area.index_factor, *SERVICE_FACTORS):
            targets.append((f"{area.key}:{factor}", f"{area.label} – {factor_label(factor)}"))
    for area in AREAS:
        factor = area.index_factor
        for measure in (ANSWERS, RESPONSE_RATE):
            targets.append(
                (
                    f"{area.key}:{factor}:{measure}",
                    f"{area.label} – {factor_label(factor)} – {_MEASURE_TEXT[measure]}",
                )
            )
    return targets


def ask(
    file: str, sheet: str, names: list[str], samples: list[list[str]], why: str = ""
) -> NeedsMapping:
    return NeedsMapping(
        MappingRequest(
            shape_signature("kolada", names),
            "kolada",
            sheet,
            1,
            names,
            samples,
            kpi_targets(),
            {},
            (why + " " if why else "") + f"Nyckeltalet i {file} är okänt. Ange vilket område och "
            'vilken faktor det mäter (eller --kpi "ID=område:faktor"); valet sparas för nästa '
            "fil med samma nyckeltal.",
        )
    )


def placed_text(kpi: KoladaKpi | None) -> str:
    if kpi is None:
        return "används inte"
    text = f"{area_label(kpi.area)} · {factor_label(kpi.factor)} · {_MEASURE_TEXT[kpi.measure]}"
    return text + (f" ({kpi.id})" if kpi.id else "")


def place_all(
    file: str,
    sheet: str,
    keys: list[tuple[str, str]],
    years: dict[str, set[int]],
    options: ImportOptions,
) -> dict[str, KoladaKpi | None]:
    """Placement of each (id, title) key; asks (NeedsMapping) for any that cannot be told.

    The mapping dialog's answer comes back as index (in ``keys``) → target.
    """
    placed: dict[str, KoladaKpi | None] = {}
    names = [kid or title for kid, title in keys]
    mapping = options.mapping or {}
    for i, (kid, title) in enumerate(keys):
        mapped = mapping.get(i)
        if mapped == "ignore":
            placed[names[i]] = None
        elif mapped:
            placed[names[i]] = kpi_from_target(kid, mapped)
        else:
            placed[names[i]] = place_kpi(
                kid, title, years.get(names[i], set()), options.kpi_targets
            )
    if any(placed[n] is None and mapping.get(i) != "ignore" for i, n in enumerate(names)):
        why = " ".join(
            r
            for r in (
                not_ours_reason(kid, title, years.get(kid or title, set())) for kid, title in keys
            )
            if r
        )
        raise ask(file, sheet, names, [[title for _kid, title in keys]], why)
    return placed


# -- long tables -------------------------------------------------------------------------------
@dataclass
class LongHeader:
    sheet: Sheet
    row: int  # 0-based
    unit: int
    year: int
    values: list[tuple[int, str, str]] = field(default_factory=list)  # column, id, title
    kpi: int | None = None
    value: int | None = None
    title: int | None = None
    gender: int | None = None


def find_long(sheet: Sheet, scan: int = 15) -> LongHeader | None:
    """A long table's header: a kommun column, a year column, and values named by a key
    figure (id or Insikt title) or a ``kpi`` column with a value column."""
    for r in range(min(scan, len(sheet.rows))):
        texts = [cell_text(c) for c in sheet.rows[r]]
        folded = [fold(t) for t in texts]
        unit = next((i for i, f in enumerate(folded) if f in _UNIT_WORDS), None)
        year = next((i for i, f in enumerate(folded) if f in _YEAR_WORDS), None)
        if unit is None or year is None:
            continue
        found = LongHeader(sheet, r, unit, year)
        for i, (text, f) in enumerate(zip(texts, folded, strict=True)):
            if i in (unit, year):
                continue
            if f in _KPI_WORDS and found.kpi is None:
                found.kpi = i
            elif f in _VALUE_WORDS and found.value is None:
                found.value = i
            elif f in _TITLE_WORDS and found.title is None:
                found.title = i
            elif f in GENDER_WORDS and found.gender is None:
                found.gender = i
            elif KPI_ID.fullmatch(text.strip()):
                found.values.append((i, text.strip().upper(), ""))
            elif kpi_from_title("", text) is not None and (
                KPI_ID.search(text) or "insikt" in f or "foretagsklimat" in f
            ):
                match = KPI_ID.search(text)
                found.values.append((i, match.group(1).upper() if match else "", text))
        if found.values or (found.kpi is not None and found.value is not None):
            return found
    return None


def parse_long(
    workbook: Workbook, long: LongHeader, options: ImportOptions, catalogue: Catalogue
) -> tuple[ImportBatch, Layout]:
    sheet, file = long.sheet, workbook.name
    rows = [(r + 1, sheet.rows[r]) for r in range(long.row + 1, len(sheet.rows))]

    def cell(raw: list[Any], index: int | None) -> Any:
        return raw[index] if index is not None and index < len(raw) else ""

    # A few hundred units and years repeat over thousands of rows: read each once.
    units: dict[Any, tuple[str | None, str]] = {}
    year_cells: dict[Any, int | None] = {}

    def _unit(value: Any) -> tuple[str | None, str]:
        if value not in units:
            units[value] = unit_of(value, catalogue)
        return units[value]

    def _year(value: Any) -> int | None:
        if value not in year_cells:
            year_cells[value] = year_of(value)
        return year_cells[value]

    keys: dict[str, tuple[str, str]] = {}
    years: dict[str, set[int]] = {}
    for _row_no, raw in rows:
        year = _year(cell(raw, long.year))
        if long.kpi is not None:
            kid = cell_text(cell(raw, long.kpi)).upper()
            title = cell_text(cell(raw, long.title))
            if kid or title:
                keys.setdefault(kid or title, (kid, title))
                years.setdefault(kid or title, set()).update([year] if year else [])
        for _i, kid, title in long.values:
            years.setdefault(kid or title, set()).update([year] if year else [])
    for _i, kid, title in long.values:
        keys.setdefault(kid or title, (kid, title))
    ordered = sorted(keys)
    placed = place_all(file, sheet.name, [keys[k] for k in ordered], years, options)
    group = str(options.group or DEFAULT_GROUP)
    collector = Collector(file, group)
    skipped: list[Skip] = []
    other_gender = 0
    for row_no, raw in rows:
        if all(cell_text(c) == "" for c in raw):
            continue
        if long.gender is not None and not is_total_gender(cell(raw, long.gender)):
            other_gender += 1
            continue
        unit, reason = _unit(cell(raw, long.unit))
        if unit is None:
            if reason:
                skipped.append(Skip(sheet.name, row_no, reason, cell_text(cell(raw, long.unit))))
                continue
            raise unknown_kommun(
                workbook, catalogue, sheet.name, row_no, long.unit, cell_text(cell(raw, long.unit))
            )
        year = _year(cell(raw, long.year))
        if year is None:
            raise Where(file, sheet.name, row_no, long.year).problem(
                f"Året '{cell_text(cell(raw, long.year))}' är inget årtal.",
                "Rätta cellen (ett år som 2021) och importera igen.",
            )
        columns: list[tuple[int, KoladaKpi | None]] = []
        if long.kpi is not None and long.value is not None:
            kid = cell_text(cell(raw, long.kpi)).upper()
            name = kid or cell_text(cell(raw, long.title))
            columns.append((long.value, placed.get(name)))
        columns += [(i, placed.get(kid or title)) for i, kid, title in long.values]
        for index, kpi in columns:
            if kpi is None:
                continue
            where = Where(file, sheet.name, row_no, index)
            value, n, missing = read_value(cell(raw, index), where)
            collector.add(kpi, year, unit, value, n, missing, where, column_letter(index))
    if other_gender:
        skipped.append(
            Skip(sheet.name, None, f"{other_gender} rader för kvinnor/män (bara totalt används)")
        )
    skipped += collector.skipped
    observations = collector.observations()
    described = ", ".join(k for k in ordered if placed.get(k))
    batch = ImportBatch(
        file,
        workbook.sha256,
        "kolada",
        "kolada",
        observations,
        skipped,
        [],
        [sheet.name],
        description=f"Kolada {described}".strip(),
    )
    notes = [
        ColumnNote(
            column_letter(long.unit), cell_text(sheet.rows[long.row][long.unit]), "kommunkod/kommun"
        ),
        ColumnNote(column_letter(long.year), cell_text(sheet.rows[long.row][long.year]), "år"),
    ]
    notes += [
        ColumnNote(column_letter(i), kid or title, placed_text(placed.get(kid or title)))
        for i, kid, title in long.values
    ]
    if long.kpi is not None and long.value is not None:
        notes.append(
            ColumnNote(
                column_letter(long.value),
                "värde",
                ", ".join(f"{k}: {placed_text(placed.get(k))}" for k in ordered),
            )
        )
    return batch, Layout(sheet.name, long.row + 1, notes, [sheet.name], "kolumnen år")
