"""Real (non-sample) imports to put beside the sample data: origin tests of screens and reports."""

from __future__ import annotations

import hashlib

from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.paths import shipped_catalogue

OREBRO = "1880"
REAL_YEAR = 2014  # a year the sample data (2016–2024) does not cover


def batch(name: str, observations: list[Observation], publication: str = "oj") -> ImportBatch:
    digest = hashlib.sha256(name.encode()).hexdigest()
    return ImportBatch(name, digest, publication, publication, observations)


def one_kommun_2023(kommun: str = OREBRO) -> ImportBatch:
    """A municipality's own results for 2023: NKI totalt and two areas, nothing else."""
    return batch(
        "insikt_orebro_2023.xlsx",
        [
            Observation(
                2023, kommun, "total", "nki", "foretag", 77.0, 400, sheet="Resultat", row=5
            ),
            Observation(2023, kommun, "bygglov", "nki", "foretag", 61.0, 90),
            Observation(2023, kommun, "serveringstillstand", "nki", "foretag", 80.0, 30),
        ],
        "own",
    )


def whole_lan(year: int = REAL_YEAR, lan: str = "18") -> ImportBatch:
    """A real ranking file for every kommun of a län and Riket, in one year."""
    kommuner = shipped_catalogue().in_lan(lan)
    obs = [
        Observation(year, k.code, "total", "nki", "foretag", 60.0 + i, 40 + i)
        for i, k in enumerate(kommuner)
    ]
    obs += [
        Observation(year, k.code, "bygglov", "nki", "foretag", 55.0 + i, 20)
        for i, k in enumerate(kommuner)
    ]
    obs += [
        Observation(year, RIKET, "total", "nki", "foretag", 68.0, 9000),
        Observation(year, RIKET, "bygglov", "nki", "foretag", 60.0, 3000),
    ]
    return batch(f"oj_{year}_lan_{lan}.xlsx", obs)
