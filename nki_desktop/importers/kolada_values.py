"""Kolada's values, whatever the shape: placing key figures, units, and the API's JSON.

Shared by the Kolada importer (exported tables, long tables, saved API answers) and the
Kolada fetch, which calls :func:`kolada_api.observations_from_api` on the pages it downloads.

A key figure is placed by the user's ``--kpi`` target, then by its id (the table in
``domain.kolada``; U07453 only when its title says Insikt or every year is ≥ 2024), then by
its title in any era's wording ("Företagsklimat enl. ÖJ (Insikt) - Bygglov - Totalt, NKI",
"… - Bygglov - Index", "Företagsklimat Insikt - Bemötande - Index": no area word means the
total). ``antal svar`` and ``svarsfrekvens`` key figures become the number of answers and
the response rate of the index they describe, never an index themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nki_desktop.domain.areas import DEFAULT_GROUP, TOTAL
from nki_desktop.domain.kolada import (
    ANSWERS,
    INDEX,
    NEW_DEFINITION,
    OLD_DEFINITION,
    RESPONSE_RATE,
    KoladaKpi,
    kolada_kpi,
    kpi_applies,
    kpi_from_target,
    says_insikt,
)
from nki_desktop.domain.municipalities import RIKET, Catalogue, is_riket, normalise_code
from nki_desktop.domain.records import Observation, Skip
from nki_desktop.domain.text import fold
from nki_desktop.importers.cells import Where, cell_text, whole_number
from nki_desktop.importers.labels import find_area, find_factor

KPI_ID = re.compile(r"\b([NUMnum]\d{5})\b")
_GROUP_UNIT = re.compile(r"^(?:[ABC][1-9]\b|G\d+|kommungrupp)", re.IGNORECASE)
_TOTAL_GENDER = {"t", "totalt", "total", "alla", "bada konen", ""}


# -- key figures -----------------------------------------------------------------------------
def kpi_from_title(kpi_id: str, title: str) -> KoladaKpi | None:
    """A key figure placed from its title, in the wording of 2020/2023, 2024 or 2026."""
    folded = fold(title)
    if not folded:
        return None
    nki_words = any(w in folded for w in ("nki", "nui", "nojd kund", "index"))
    if not (says_insikt(title) or nki_words):
        return None
    if "antal svar" in folded:
        measure = ANSWERS
    elif "svarsfrekvens" in folded:
        measure = RESPONSE_RATE
    elif nki_words:
        measure = INDEX
    else:
        return None
    area = find_area(folded) or TOTAL
    factor = find_factor(folded.replace("nojd kund index", "nki")) or "nki"
    if area == "upphandling" and factor == "nki":
        factor = "nui"
    definition = (
        NEW_DEFINITION
        if "ny definition" in folded
        else OLD_DEFINITION
        if "gammal definition" in folded
        else ""
    )
    return KoladaKpi(kpi_id.strip().upper(), area, factor, measure, definition, title=title)


def place_kpi(
    kpi_id: str,
    title: str = "",
    years: Iterable[int] = (),
    targets: Mapping[str, str] | None = None,
) -> KoladaKpi | None:
    """Where a key figure's values go, or None when it cannot be told (then ask).

    ``targets`` are the user's statements (``{"U07451": "total:nki"}``, from ``--kpi``).
    """
    kid = kpi_id.strip().upper()
    for key, target in (targets or {}).items():
        if kid and key.strip().upper() == kid:
            return kpi_from_target(kid, target)
    known = kolada_kpi(kid) if kid else None
    if known is not None:
        return known if kpi_applies(known, title, years) else None
    return kpi_from_title(kid, title)


def not_ours_reason(kpi_id: str, title: str, years: Iterable[int]) -> str:
    """Why a known id was not placed (U07453 before 2024 is another key figure)."""
    known = kolada_kpi(kpi_id)
    if known is None or kpi_applies(known, title, years):
        return ""
    return (
        f"{known.id} betyder {known.title!r} bara från ärendeår {known.first_year} "
        "eller när titeln säger Insikt/Företagsklimat; före dess var det ett annat "
        "nyckeltal."
    )


def target_of(kpi: KoladaKpi | None) -> str:
    return "ignore" if kpi is None else kpi.target


# -- units ------------------------------------------------------------------------------------
def unit_of(value: Any, catalogue: Catalogue) -> tuple[str | None, str]:
    """(unit key, '') for a kommun or Riket; (None, reason) for something to skip;
    (None, '') when the text names nothing known (the caller refuses it, located)."""
    text = cell_text(value)
    if text in ("0", "00", "000", "0000") or (text and is_riket(text)):
        return RIKET, ""
    code = normalise_code(value)
    if code is not None:
        if catalogue.get(code) is not None:
            return code, ""
        if code.startswith("00"):
            return None, "län/region, inte en kommun"
        return None, ""
    if not text:
        return None, "saknar kommun"
    if _GROUP_UNIT.match(text):
        return None, "kommungrupp eller annan enhet än kommun"
    kommun = catalogue.match_name(text)
    return (kommun.code, "") if kommun is not None else (None, "")


def year_of(value: Any) -> int | None:
    """A case year from 2021, 2021.0 or '2021' (1990–2099), else None."""
    number = whole_number(value)
    return number if number is not None and 1990 <= number <= 2099 else None


def is_total_gender(value: Any) -> bool:
    return fold(cell_text(value)) in _TOTAL_GENDER


# -- collecting values of several key figures into observations ------------------------------
Cell = tuple[int, str, str, str]


@dataclass
class Collector:
    """Observations of one file: index, n and response rate of a cell meet in one record."""

    file: str
    group: str = DEFAULT_GROUP
    cells: dict[Cell, Observation] = field(default_factory=dict)
    index_from: dict[Cell, tuple[KoladaKpi, int | None]] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)

    def add(
        self,
        kpi: KoladaKpi,
        year: int,
        unit: str,
        value: float | None,
        n: int | None,
        missing: str | None,
        where: Where,
        column: str = "",
    ) -> None:
        """One value of a key figure; empty cells (no value, no marker, no n) are nothing,
        and a missing number of answers or response rate says nothing about the index."""
        if value is None and n is None and not missing:
            return
        if kpi.measure != INDEX and value is None:
            return
        key = (year, unit, kpi.area, kpi.factor)
        obs = self.cells.get(key)
        if obs is None:
            obs = Observation(
                year,
                unit,
                kpi.area,
                kpi.factor,
                self.group,
                missing=None,
                sheet=where.sheet,
                row=where.row,
                column=column,
            )
            self.cells[key] = obs
        if kpi.measure == INDEX:
            self._index(key, obs, kpi, value, n, missing, where, column)
        elif kpi.measure == ANSWERS:
            count = whole_number(value) if value is not None else None
            if count is not None:
                obs.n = count
        elif kpi.measure == RESPONSE_RATE and value is not None:
            obs.response_rate = value

    def _index(
        self,
        key: Cell,
        obs: Observation,
        kpi: KoladaKpi,
        value: float | None,
        n: int | None,
        missing: str | None,
        where: Where,
        column: str,
    ) -> None:
        earlier = self.index_from.get(key)
        if earlier is not None:
            first, row = earlier
            if first.id == kpi.id or not (first.definition and kpi.definition):
                if (obs.value, obs.missing) == (value, missing or None):
                    self.skipped.append(
                        Skip(
                            where.sheet,
                            where.row,
                            f"dubblett av rad {row}",
                            f"{kpi.id} {unit_name(key)}",
                        )
                    )
                    return
                raise where.problem(
                    f"Samma värde ({kpi.id or kpi.target}, {key[1]}, {key[0]}) förekommer två "
                    f"gånger med olika värden (rad {row} och rad {where.row}).",
                    "Ta bort den felaktiga raden och importera igen.",
                )
            wanted = NEW_DEFINITION if key[0] >= 2024 else OLD_DEFINITION
            if first.definition == wanted:
                self.skipped.append(
                    Skip(
                        where.sheet,
                        where.row,
                        f"{kpi.id} används inte för {key[0]}: {first.id} har årets definition",
                        unit_name(key),
                    )
                )
                return
            self.skipped.append(
                Skip(
                    where.sheet,
                    row,
                    f"{first.id} används inte för {key[0]}: {kpi.id} har årets definition",
                    unit_name(key),
                )
            )
        self.index_from[key] = (kpi, where.row)
        obs.value, obs.missing = value, (missing if value is None else None)
        if value is None and obs.missing is None:
            obs.missing = ""
        if n is not None:
            obs.n = n
        obs.sheet, obs.row, obs.column = where.sheet, where.row, column

    def observations(self) -> list[Observation]:
        return [
            o
            for o in self.cells.values()
            if o.value is not None
            or o.missing is not None
            or o.n is not None
            or o.response_rate is not None
        ]


def unit_name(key: Cell) -> str:
    return f"{key[1]} {key[0]}"
