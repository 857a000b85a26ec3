"""From the API's answers to one import batch (no Qt, no storage).

The JSON is read by the Kolada importer (``importers/kolada.py``) through one call,
:func:`parse_values`. When that reader cannot yet place key figures by id (it asks the user),
the small fallback here places them from ``domain/kolada.py``: indices through the reader
with a mapping, ``antal svar`` as the n of the index it describes. Response rates need the
database field that the Kolada reader's own version brings; until then they are listed as
not stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nki_desktop.domain.kolada import (
    ANSWERS,
    INDEX,
    KOLADA_KPIS,
    NEW_DEFINITION,
    OLD_DEFINITION,
    RESPONSE_RATE,
    KoladaKpi,
)
from nki_desktop.domain.municipalities import Catalogue, name_key
from nki_desktop.domain.records import ImportBatch, Skip
from nki_desktop.importers.base import ImportOptions, NeedsMapping, Workbook, parse_number
from nki_desktop.importers.kolada import KoladaImporter
from nki_desktop.importers.layout import Layout

SOURCE_NAME = "Kolada API v3"
SHEET = "values"
RIKET_CODE = "0000"


@dataclass
class UnitCheck:
    """Kolada's municipality list against the program's catalogue."""

    notes: list[str] = field(default_factory=list)  # new, renamed or missing kommuner
    unknown: dict[str, str] = field(default_factory=dict)  # code → Kolada's title (type K)
    regions: set[str] = field(default_factory=set)  # codes of type L (län/regioner)


def check_units(rows: Iterable[dict], catalogue: Catalogue) -> UnitCheck:
    """A new or renamed kommun in Kolada is reported, never ignored."""
    check = UnitCheck()
    seen: set[str] = set()
    for row in rows:
        code, title = str(row.get("id", "")), str(row.get("title", "")).strip()
        kind = str(row.get("type", "")).upper()
        if kind == "L":
            check.regions.add(code)
            continue
        if kind != "K" or code == RIKET_CODE:
            continue
        seen.add(code)
        kommun = catalogue.get(code)
        if kommun is None:
            check.unknown[code] = title
            check.notes.append(f"Kolada har kommunen {code} {title}, som programmets "
                               "kommunlista saknar: dess värden sparas inte. Uppdatera "
                               "programmet för att få med den.")
        elif title and name_key(title) != name_key(kommun.name):
            check.notes.append(f"Kolada kallar kommun {code} \"{title}\"; programmet kallar "
                               f"den \"{kommun.name}\". Värdena sparas på koden {code}.")
    if seen:
        for kommun in catalogue.kommuner:
            if kommun.code not in seen:
                check.notes.append(f"Kommun {kommun.code} {kommun.name} finns inte i Koladas "
                                   "kommunlista (sammanslagen eller borttagen?).")
    return check


def select_values(values: list[dict], catalogue: Catalogue,
                  check: UnitCheck) -> tuple[list[dict], list[Skip]]:
    """The values the import can place: known key figures, kommuner in the catalogue, Riket.

    A reused id (U07453 before 2024) and units outside the catalogue are listed, not lost.
    """
    kept: list[dict] = []
    skipped: list[Skip] = []
    regions = unknown = reused = 0
    for row_no, item in enumerate(values, start=1):
        kpi = KOLADA_KPIS.get(str(item.get("kpi", "")).upper())
        unit = str(item.get("municipality", ""))
        year = parse_number(item.get("period"))
        if kpi is None:
            skipped.append(Skip(SHEET, row_no, "okänt nyckeltal", str(item.get("kpi"))))
        elif kpi.first_year and (year is None or year < kpi.first_year):
            reused += 1
        elif unit == RIKET_CODE or unit in catalogue.by_code:
            kept.append(item)
        elif unit in check.regions or (unit.isdigit() and len(unit) == 4 and unit < "0100"):
            regions += 1
        else:
            unknown += 1
            skipped.append(Skip(SHEET, row_no, "enheten finns inte i programmets kommunlista",
                                f"{unit} {check.unknown.get(unit, '')}".strip()))
    if regions:
        skipped.append(Skip(SHEET, None, f"{regions} värden för regioner/län (bara kommuner "
                                         "och Riket sparas)"))
    if reused:
        skipped.append(Skip(SHEET, None, f"{reused} värden för U07453 före 2024 (id:t betydde "
                                         "då något annat)"))
    return kept, skipped


def parse_values(values: list[dict], catalogue: Catalogue, name: str,
                 sha256: str) -> tuple[ImportBatch, Layout]:
    """The API's values as one batch: the Kolada JSON reader, called once."""
    workbook = Workbook(Path(name), sha256, json_data={"values": values})
    importer = KoladaImporter()
    options = ImportOptions(settings={"kind": "kolada"})
    try:
        return importer.parse_with_layout(workbook, options, catalogue)
    except NeedsMapping:
        pass  # this reader cannot place ids yet: the fallback below
    return _parse_by_id(importer, values, catalogue, name, sha256)


def _choose(kpi: KoladaKpi, year: int) -> bool:
    """Whether the id's definition is the one used for ``year`` (new from 2024)."""
    if kpi.definition == OLD_DEFINITION:
        return year < 2024
    if kpi.definition == NEW_DEFINITION:
        return year >= 2024
    return True


# ids that share area × factor × measure with another id (old and new definition)
_TWINS = {k.id for k in KOLADA_KPIS.values() for other in KOLADA_KPIS.values()
          if other.id != k.id and (other.area, other.factor, other.measure)
          == (k.area, k.factor, k.measure)}


def _parse_by_id(importer: KoladaImporter, values: list[dict], catalogue: Catalogue,
                 name: str, sha256: str) -> tuple[ImportBatch, Layout]:
    """Place key figures by id (fallback for a reader that cannot): the smallest piece."""
    index_values: list[dict] = []
    answers: dict[tuple[int, str, str, str], int] = {}
    skipped: list[Skip] = []
    other_definition = rates = 0
    for item in values:
        kpi = KOLADA_KPIS[str(item.get("kpi", "")).upper()]
        year = int(parse_number(item.get("period")) or 0)
        if kpi.id in _TWINS and not _choose(kpi, year):
            other_definition += 1
            continue
        if kpi.measure == INDEX:
            index_values.append(item)
        elif kpi.measure == ANSWERS:
            for entry in item.get("values") or []:
                count = parse_number(entry.get("value"))
                if str(entry.get("gender", "T")).upper() == "T" and count is not None:
                    key = (year, _unit_key(str(item.get("municipality"))), kpi.area, kpi.factor)
                    answers[key] = int(round(count))
        elif kpi.measure == RESPONSE_RATE:
            rates += 1
    kpis = sorted({str(v.get("kpi", "")) for v in index_values})
    mapping = {i: f"{KOLADA_KPIS[k.upper()].area}:{KOLADA_KPIS[k.upper()].factor}"
               for i, k in enumerate(kpis)}
    workbook = Workbook(Path(name), sha256, json_data={"values": index_values})
    options = ImportOptions(mapping=mapping, settings={"kind": "kolada"})
    batch, layout = importer.parse_with_layout(workbook, options, catalogue)
    for o in batch.observations:
        o.n = answers.get((o.year, o.unit, o.area, o.factor))
    if other_definition:
        skipped.append(Skip(SHEET, None, f"{other_definition} värden med den andra "
                                         "definitionen av NKI totalt (gammal t.o.m. 2023, ny "
                                         "från 2024)"))
    if rates:
        skipped.append(Skip(SHEET, None, f"{rates} värden för svarsfrekvens sparas inte i "
                                         "den här versionen"))
    batch.skipped.extend(skipped)
    return batch, layout


def _unit_key(code: str) -> str:
    return "riket" if code == RIKET_CODE else code
