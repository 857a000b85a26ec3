"""From the API's answers to one import batch (no Qt, no storage).

The JSON is read by the Kolada importer (``importers/kolada.py``) through one call,
:func:`parse_values`: key figures placed by id from ``domain/kolada.py``, ``antal svar`` as
the n and ``svarsfrekvens`` as the response rate of the index they describe. What is chosen
before it (kommuner and Riket only, U07453 only from 2024) is :func:`select_values`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nki_desktop.domain.kolada import (
    KOLADA_KPIS,
)
from nki_desktop.domain.municipalities import Catalogue, name_key
from nki_desktop.domain.records import ImportBatch, Skip
from nki_desktop.importers.base import ImportOptions, Workbook, parse_number
from nki_desktop.importers.kolada import KoladaImporter
from nki_desktop.importers.preview import Layout

SOURCE_NAME = "Kolada API v3"
SHEET = "values"
RIKET_CODE = "0000"


@dataclass
class UnitCheck:
    """Kolada's municipality list against the program's catalogue."""

    notes: list[str] = field(default_factory=list)  # new, renamed or missing kommuner
    unknown: dict[str, str] = field(default_factory=dict)  # code → Kolada's title (type K)
    regions: set[str] = field(default_factory=set)  # codes of type L (län/regioner)


def check_units(rows: Iterable[dict[str, Any]], catalogue: Catalogue) -> UnitCheck:
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
            check.notes.append(
                f"Kolada har kommunen {code} {title}, som programmets "
                "kommunlista saknar: dess värden sparas inte. Uppdatera "
                "programmet för att få med den."
            )
        elif title and name_key(title) != name_key(kommun.name):
            check.notes.append(
                f'Kolada kallar kommun {code} "{title}"; programmet kallar '
                f'den "{kommun.name}". Värdena sparas på koden {code}.'
            )
    if seen:
        for kommun in catalogue.kommuner:
            if kommun.code not in seen:
                check.notes.append(
                    f"Kommun {kommun.code} {kommun.name} finns inte i Koladas "
                    "kommunlista (sammanslagen eller borttagen?)."
                )
    return check


def select_values(
    values: list[dict[str, Any]], catalogue: Catalogue, check: UnitCheck
) -> tuple[list[dict[str, Any]], list[Skip]]:
    """The values the import can place: known key figures, kommuner in the catalogue, Riket.

    A reused id (U07453 before 2024) and units outside the catalogue are listed, not lost.
    """
    kept: list[dict[str, Any]] = []
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
            skipped.append(
                Skip(
                    SHEET,
                    row_no,
                    "enheten finns inte i programmets kommunlista",
                    f"{unit} {check.unknown.get(unit, '')}".strip(),
                )
            )
    if regions:
        skipped.append(
            Skip(SHEET, None, f"{regions} värden för regioner/län (bara kommuner och Riket sparas)")
        )
    if reused:
        skipped.append(
            Skip(SHEET, None, f"{reused} värden för U07453 före 2024 (id:t betydde då något annat)")
        )
    return kept, skipped


def parse_values(
    values: list[dict[str, Any]], catalogue: Catalogue, name: str, sha256: str
) -> tuple[ImportBatch, Layout]:
    """The API's values as one batch: the Kolada JSON reader (ids placed from the key-figure
    table, antal svar as n, svarsfrekvens as response rate, gender T only), called once."""
    workbook = Workbook(Path(name), sha256, json_data={"values": values})
    parsed = KoladaImporter().parse(workbook, ImportOptions(kind="kolada"), catalogue)
    return parsed.batch, parsed.layout


def _unit_key(code: str) -> str:
    return "riket" if code == RIKET_CODE else code
