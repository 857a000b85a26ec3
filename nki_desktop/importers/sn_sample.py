"""Fictitious Svenskt Näringsliv values for the sample data: grades 1–6 per question and a
ranking of all kommuner per year, in SN's own series (area ``sn_foretagsklimat``).

They travel in the sample import (publication ``sample``), so they are marked as sample
data wherever they are shown and removed with it in one step.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from nki_desktop.domain.municipalities import RIKET, Catalogue
from nki_desktop.domain.records import Observation
from nki_desktop.domain.sn import HEADLINE, QUESTIONS, RANK, RANK_OF, SN_AREA, SN_GROUP

SHEET = "Exempeldata SN"
# How each question tends to sit against the summary grade (SN's national means differ).
_OFFSET = {
    "sammanfattande_omdome": 0.0,
    "service_bemotande": 0.3,
    "tillampning_lagar_regler": 0.1,
    "politikers_attityder": 0.0,
    "konkurrens_kommunen": 0.6,
    "tjansteman_attityder": 0.1,
    "dialog": -0.3,
    "upphandling": -0.4,
}
SAMPLED = QUESTIONS[:5]  # the questions municipal news name; fewer rows in the sample
_NATIONAL = {2016: 3.2, 2017: 3.3, 2018: 3.3, 2019: 3.4, 2020: 3.5, 2021: 3.5, 2022: 3.4}


def _grade(value: float) -> float:
    return round(min(5.6, max(1.8, value)), 1)


def observations(
    catalogue: Catalogue, years: Sequence[int], seed: int = 20240915
) -> list[Observation]:
    """SN grades, answers and ranks for every kommun and year, and Riket's mean grades."""
    rng = random.Random(seed)
    kommuner = catalogue.kommuner
    level = {k.code: rng.gauss(0, 0.38) for k in kommuner}
    drift = {k.code: rng.gauss(0, 0.04) for k in kommuner}
    size = {k.code: rng.randint(40, 900) for k in kommuner}
    out: list[Observation] = []
    for y, year in enumerate(years):
        national = _NATIONAL.get(year, 3.5)
        grades: dict[str, dict[str, float]] = {}
        for k in kommuner:
            base = national + level[k.code] + drift[k.code] * y + rng.gauss(0, 0.04)
            grades[k.code] = {
                q.key: _grade(base + _OFFSET[q.key] + rng.gauss(0, 0.1)) for q in SAMPLED
            }
        # The ranking weighs the survey and statistics: here the grades and some noise.
        score = {
            code: sum(g.values()) / len(g) + 0.4 * level[code] + rng.gauss(0, 0.03)
            for code, g in grades.items()
        }
        order = sorted(score, key=lambda c: -score[c])
        for place, code in enumerate(order, start=1):
            for key, grade in grades[code].items():
                obs = Observation(year, code, SN_AREA, key, SN_GROUP, value=grade, sheet=SHEET)
                if key == HEADLINE:
                    obs.n = max(10, int(size[code] * rng.uniform(0.3, 0.5)))
                    obs.response_rate = round(rng.uniform(28, 55), 1)
                out.append(obs)
            out.append(
                Observation(
                    year, code, SN_AREA, RANK, SN_GROUP, rank=place, rank_of=RANK_OF, sheet=SHEET
                )
            )
        for q in SAMPLED:
            mean = sum(g[q.key] for g in grades.values()) / len(grades)
            out.append(Observation(year, RIKET, SN_AREA, q.key, SN_GROUP, value=round(mean, 1)))
    return out
