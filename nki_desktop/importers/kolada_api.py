"""Kolada's API answers (v2 and v3 JSON): the values in one or more pages as observations,
placed by :mod:`kolada_values` like every other Kolada shape. Used by the Kolada importer for
saved answers and by the Kolada fetch for the pages it downloads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP
from nki_desktop.domain.kolada import (
    KoladaKpi,
)
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import Observation, Skip
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import ImportOptions, ImportProblem
from nki_desktop.importers.cells import Where, cell_text, read_value
from nki_desktop.importers.kolada_values import (
    Collector,
    is_total_gender,
    place_kpi,
    unit_of,
    year_of,
)


# -- the API's JSON (v2 and v3) ---------------------------------------------------------------
@dataclass
class ApiData:
    """What :func:`observations_from_api` understood from one or more pages."""

    observations: list[Observation] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)  # every key-figure id, sorted
    placed: dict[str, KoladaKpi | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def unplaced(self) -> list[str]:
        return [k for k in self.kpis if self.placed.get(k) is None]


def api_values(pages: Any) -> tuple[list[Any], list[str]] | None:
    """The ``values`` items of one page (a dict) or several (a list of dicts), and notes;
    None when the data is not Kolada's API answer."""
    pages = [pages] if isinstance(pages, dict) else pages
    if not isinstance(pages, list) or not pages or not all(isinstance(p, dict) for p in pages):
        return None
    values: list[Any] = []
    for page in pages:
        if not isinstance(page.get("values"), list):
            return None
        values.extend(page["values"])
    notes = []
    last = pages[-1]
    if last.get("next_url") or last.get("next_page"):
        notes.append(
            "Svaret har fler sidor (next_url/next_page) än filen innehåller: bara "
            "de sparade sidorna importeras."
        )
    return values, notes


def observations_from_api(
    pages: Any,
    catalogue: Catalogue,
    options: ImportOptions | None = None,
    *,
    file: str = "Kolada API",
    titles: Mapping[str, str] | None = None,
) -> ApiData:
    """Observations from Kolada's API JSON (v2 or v3), one page (a dict) or several (a list).

    Each item ``{"kpi", "municipality", "period", "values": [{"gender", "count", "status",
    "value"}]}``: only gender T is stored; a null value is stored as missing with its status
    ("-" bortfall, "." ej tillämplig, ".." sekretess) when Kolada gives one; ``count`` is the
    number of aggregated units, not of answers, and is not used. Municipality ``0000`` (or
    ``0``) is Riket; regions and groups are skipped. ``titles`` (id → title, from the
    metadata) help place unknown ids; ``options.kpi_targets`` and ``options.mapping`` (index
    in ``kpis`` → target) override. Unplaced key figures are listed in ``unplaced`` and
    their values skipped; bad items raise ImportProblem naming the item.
    """
    options = options or ImportOptions()
    found = api_values(pages)
    if found is None:
        raise ImportProblem(
            file,
            "JSON-filen saknar listan 'values' som Kolada API ger.",
            hint="Hämta data från Koladas API (v2/v3) och spara svaret som .json.",
        )
    items, notes = found
    data = ApiData(notes=notes)
    years: dict[str, set[int]] = {}
    for item in items:
        if isinstance(item, dict):
            year = year_of(item.get("period"))
            years.setdefault(cell_text(item.get("kpi")).upper(), set()).update(
                [year] if year else []
            )
    data.kpis = sorted(years)
    targets = {k.strip().upper(): v for k, v in options.kpi_targets.items()}
    for i, kpi in enumerate(data.kpis):
        if options.mapping and i in options.mapping:
            targets.setdefault(kpi, options.mapping[i])
    for kpi in data.kpis:
        target = targets.get(kpi)
        data.placed[kpi] = (
            None
            if target == "ignore"
            else place_kpi(kpi, (titles or {}).get(kpi, ""), years[kpi], targets)
        )
    group = str(options.group or DEFAULT_GROUP)
    collector = Collector(file, group)
    other_gender = 0
    for row_no, item in enumerate(items, start=1):
        where = Where(file, "values", row_no, 0)
        if not isinstance(item, dict):
            data.skipped.append(
                Skip("values", row_no, "inte ett värde från Kolada", cell_text(item)[:60])
            )
            continue
        kpi_id = cell_text(item.get("kpi")).upper()
        placed = data.placed.get(kpi_id)
        if placed is None:
            data.skipped.append(Skip("values", row_no, "nyckeltalet används inte", kpi_id))
            continue
        unit, reason = unit_of(item.get("municipality"), catalogue)
        if unit is None:
            if not reason:
                raise where.problem(
                    f"Kommunkoden {cell_text(item.get('municipality'))} finns inte i kommunlistan.",
                    "Kontrollera filen; kommunkoder har fyra siffror.",
                )
            data.skipped.append(Skip("values", row_no, reason, cell_text(item.get("municipality"))))
            continue
        year = year_of(item.get("period"))
        if year is None:
            raise where.problem(
                f"Perioden '{cell_text(item.get('period'))}' är inget år.",
                "Kontrollera filen; perioden ska vara ett årtal.",
            )
        entries = item.get("values")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            if not is_total_gender(entry.get("gender", "T")):
                other_gender += 1
                continue
            raw = entry.get("value")
            if raw is None or raw == "":
                marker = missing_from_status(entry.get("status"))
                collector.add(placed, year, unit, None, None, marker, where)
                continue
            value, n, missing = read_value(raw, where)
            collector.add(placed, year, unit, value, n, missing, where)
    if other_gender:
        data.skipped.append(
            Skip("values", None, f"{other_gender} värden för kvinnor/män (bara totalt, T, används)")
        )
    data.observations = collector.observations()
    data.skipped.extend(collector.skipped)
    return data


def missing_from_status(status: Any) -> str | None:
    """Kolada's status of a value that is null: a missing marker, or None (nothing said)."""
    folded = fold(cell_text(status))
    if not folded:
        return None
    if "sekretess" in folded or folded == "..":
        return ".."
    if "tillampl" in folded or folded == ".":
        return "."
    return "-"
