"""A deterministic, plausible national data set for 2016–2024, clearly marked as fictitious.

It lets a newcomer see a living program within a minute. Everything it makes is labelled
"Exempeldata – fiktiva värden" and is removed in one step (it is one import).
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict

from nki_desktop.domain.areas import SERVICE_FACTORS, index_factor
from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.ranking import shared_ranks
from nki_desktop.domain.records import ImportBatch, ImportSettings, Observation
from nki_desktop.domain.rules import PublicationRules, nki_total_areas, publication_rules
from nki_desktop.importers import sample_comments, sn_sample

SAMPLE_LABEL = "Exempeldata – fiktiva värden"
SAMPLE_VERSION = "3"  # 2: answers of the running year with dates and comments; 3: SN values
YEARS = tuple(range(2016, 2025))
GROUP = "foretag"
SHEET = "Exempeldata"

_NATIONAL_NKI = {
    2016: 70,
    2017: 71,
    2018: 72,
    2019: 73,
    2020: 74,
    2021: 74,
    2022: 75,
    2023: 75,
    2024: 75,
}
_NATIONAL_NUI = {2019: 62, 2020: 63, 2021: 63, 2022: 64, 2023: 65, 2024: 65}
_AREA_OFFSET = {
    "brandskydd": 5,
    "bygglov": -6,
    "markupplatelse": 2,
    "miljo_halsoskydd": 0,
    "livsmedelskontroll": 3,
    "serveringstillstand": 4,
    "receptfria_lakemedel": 3,
    "lantmateri": -2,
    "folkol_tobak": 2,
}
_AREA_VOLUME = {
    "brandskydd": 0.5,
    "bygglov": 1.6,
    "markupplatelse": 0.5,
    "miljo_halsoskydd": 1.0,
    "livsmedelskontroll": 1.1,
    "serveringstillstand": 0.35,
    "upphandling": 0.4,
    "receptfria_lakemedel": 0.1,
    "lantmateri": 0.25,
    "folkol_tobak": 0.15,
}
_FACTOR_OFFSET = {
    "information": -3,
    "tillganglighet": -1,
    "bemotande": 6,
    "kompetens": 3,
    "rattssakerhet": 2,
    "effektivitet": -5,
}


def _areas_for(year: int, optional: bool) -> list[str]:
    areas = [
        "brandskydd",
        "bygglov",
        "markupplatelse",
        "miljo_halsoskydd",
        "livsmedelskontroll",
        "serveringstillstand",
    ]
    if year >= 2019:
        areas.append("upphandling")
    if year >= 2024 and optional:
        areas += ["receptfria_lakemedel", "lantmateri", "folkol_tobak"]
    return areas


def _clip(value: float) -> float:
    return max(20.0, min(98.0, value))


def generate(catalogue: Catalogue, seed: int = 20240401) -> ImportBatch:
    """The sample data set as one import batch (same output for the same seed)."""
    rng = random.Random(seed)
    kommuner = catalogue.kommuner
    level = {k.code: rng.gauss(0, 5) for k in kommuner}
    area_level = {(k.code, a): rng.gauss(0, 3) for k in kommuner for a in _AREA_VOLUME}
    factor_level = {(k.code, f): rng.gauss(0, 2) for k in kommuner for f in SERVICE_FACTORS}
    drift = {k.code: rng.gauss(0, 0.6) for k in kommuner}
    joined = {k.code: rng.choice([2016] * 7 + [2017, 2018, 2019, 2020, 2022]) for k in kommuner}
    optional = {k.code: rng.random() < 0.12 for k in kommuner}
    out: list[Observation] = []

    for year in YEARS:
        rules = publication_rules(year)
        totals: dict[str, tuple[float, int]] = {}
        area_values: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)
        for k in kommuner:
            if joined[k.code] > year or (k.population < 15_000 and rng.random() < 0.08):
                continue
            scale = max(0.25, min(6.0, (k.population / 20_000) ** 0.6))
            kommun_level = level[k.code] + drift[k.code] * (year - 2016)
            weighted, answers = 0.0, 0
            for area in _areas_for(year, optional[k.code]):
                n = max(0, int(rng.gauss(30 * _AREA_VOLUME[area] * scale, 6)))
                if n == 0:
                    continue
                base = (
                    _NATIONAL_NUI.get(year, 62)
                    if area == "upphandling"
                    else _NATIONAL_NKI[year] + _AREA_OFFSET[area]
                )
                value = _clip(
                    base
                    + kommun_level
                    + area_level[(k.code, area)]
                    + rng.gauss(0, 7 / max(n, 4) ** 0.5 * 3)
                )
                area_values[area][k.code] = (value, n)
                if area in nki_total_areas(year):
                    weighted += value * n
                    answers += n
            if answers:
                totals[k.code] = (weighted / answers, answers)

        def emit(
            unit: str,
            area: str,
            value: float,
            n: int,
            rank: int | None,
            rank_of: int | None,
            min_n: int,
            year: int = year,
            rules: PublicationRules = rules,
        ) -> None:
            index = index_factor(area)
            shown = n >= rules.min_answers_oj
            out.append(
                Observation(
                    year,
                    unit,
                    area,
                    index,
                    GROUP,
                    float(round(value)) if shown else None,
                    n,
                    rank if shown and n >= min_n else None,
                    rank_of if shown and n >= min_n else None,
                    missing=None if shown else "..",
                    sheet=SHEET,
                )
            )
            for factor in SERVICE_FACTORS:
                fv = _clip(
                    value
                    + _FACTOR_OFFSET[factor]
                    + factor_level.get((unit, factor), 0.0)
                    + rng.gauss(0, 1.5)
                )
                out.append(
                    Observation(
                        year,
                        unit,
                        area,
                        factor,
                        GROUP,
                        float(round(fv)) if shown else None,
                        n,
                        missing=None if shown else "..",
                        sheet=SHEET,
                    )
                )

        eligible_total = {
            u: round(v) for u, (v, n) in totals.items() if n >= rules.min_answers_total_rank
        }
        total_rank = shared_ranks(eligible_total)
        for unit, (value, n) in totals.items():
            emit(
                unit,
                "total",
                value,
                n,
                total_rank.get(unit),
                len(total_rank),
                rules.min_answers_total_rank,
            )
        for area, per_unit in area_values.items():
            eligible = {
                u: round(v) for u, (v, n) in per_unit.items() if n >= rules.min_answers_area_rank
            }
            ranks = shared_ranks(eligible)
            for unit, (value, n) in per_unit.items():
                emit(unit, area, value, n, ranks.get(unit), len(ranks), rules.min_answers_area_rank)
            national = sum(v * n for v, n in per_unit.values()) / sum(
                n for _, n in per_unit.values()
            )
            emit(RIKET, area, national, sum(n for _, n in per_unit.values()), None, None, 0)
        emit(
            RIKET,
            "total",
            float(_NATIONAL_NKI[year]),
            sum(n for _, n in totals.values()),
            None,
            None,
            0,
        )

    out += sn_sample.observations(catalogue, YEARS)  # Svenskt Näringsliv: its own series
    digest = hashlib.sha256(f"nki-desktop-sample-{SAMPLE_VERSION}-{seed}".encode()).hexdigest()
    # A few kommuner's answers of the running year, with dates and comments (preliminary NKI).
    respondents, comments = sample_comments.generate()
    return ImportBatch(
        file_name=SAMPLE_LABEL,
        sha256=digest,
        kind="sample",
        publication="sample",
        observations=out,
        sheets=[SHEET],
        description=f"{SAMPLE_LABEL} ({YEARS[0]}–{YEARS[-1]}, alla kommuner)",
        notes=["Fiktiva värden, genererade av programmet. Använd inte i beslut."],
        respondents=respondents,
        comments=comments,
        settings=ImportSettings(factor_scale=(1.0, 6.0)),
    )
