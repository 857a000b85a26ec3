"""Fictitious respondent rows of the current year so far, with answer dates and comments, for a
few kommuner of the sample data: they give the Kommentarer screen and the preliminary NKI
something to show. Same output for the same seed; personal data in the comments is masked
like any import's."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from nki_desktop.domain.areas import SERVICE_FACTORS
from nki_desktop.domain.masking import mask_personal_data
from nki_desktop.domain.records import Comment

YEAR = 2025  # the year after the sample's last final year: still running
KOMMUNER = (
    "1880",
    "2514",
    "2582",
    "2081",
    "0180",
    "1480",
    "1280",
    "0380",
    "1715",
    "1781",
    "0139",
    "1885",
)
AREAS = ("bygglov", "miljo_halsoskydd", "livsmedelskontroll", "serveringstillstand", "brandskydd")
SHEET = "Exempeldata, svar"
COLUMN = "Synpunkter"
COMMENTS = (
    "Snabb och trevlig handläggning, tack!",
    "Svårt att nå handläggaren på telefon. Ring mig gärna på 070-123 45 67.",
    "Bra bemötande men lång handläggningstid, nästan 3 veckor.",
    "Skicka gärna beslutet till info@exempelforetaget.se nästa gång.",
    "Informationen på webben var svår att hitta och delvis inaktuell.",
    "Kunnig inspektör som förklarade vad som gällde.",
    "Avgiften på 15 000 kr kändes hög för ett litet företag.",
    "Mitt personnummer 850312-1234 stod fel i beslutet.",
    "Tydliga besked och bra dialog hela vägen.",
    "Olika besked från olika handläggare, det skapar osäkerhet.",
    "Bra att man kunde boka möte digitalt.",
    "Önskar att kommunen hör av sig när ärendet dröjer.",
)


def generate(seed: int = 2025) -> tuple[list[dict[str, Any]], list[Comment]]:
    """Respondent rows (dicts as a batch holds them) and their comments, masked."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    comments: list[Comment] = []
    row_number = 1
    for code in KOMMUNER:
        level = rng.gauss(0, 1)
        for i in range(rng.randint(24, 48)):
            row_number += 1
            mood = 0.4 * level + rng.gauss(0, 0.9)
            nki = [max(1, min(10, round(7.9 + 1.2 * mood + rng.gauss(0, 0.7)))) for _ in range(3)]
            factors = {
                f: max(1, min(6, round(4.6 + 0.9 * mood + rng.gauss(0, 0.7))))
                for f in SERVICE_FACTORS
            }
            day = dt.date(YEAR, 1, 7) + dt.timedelta(days=int(i * 110 / 48))
            rows.append(
                {
                    "year": YEAR,
                    "unit": code,
                    "area": AREAS[i % len(AREAS)],
                    "group": "foretag",
                    "q1": nki[0],
                    "q2": nki[1],
                    "q3": nki[2],
                    **factors,
                    "background": {},
                    "sheet": SHEET,
                    "row": row_number,
                    "answered": day.isoformat(),
                }
            )
            if rng.random() < 0.45:
                text = COMMENTS[rng.randrange(len(COMMENTS))]
                masked = mask_personal_data(text)
                comments.append(Comment(row_number, COLUMN, masked.text, masked.total))
    return rows, comments
