"""Respondent files with answer dates and free-text comments, in several layouts."""

from __future__ import annotations

import datetime as dt
import random

from tests.respondent_builders import HEADERS, make_rows

COMMENTS = (
    "Snabb och trevlig handläggning, tack!",
    "Svårt att nå handläggaren. Ring mig på 070-123 45 67.",
    "Bra bemötande men lång handläggningstid (3 veckor).",
    "Skicka beslutet till anna.svensson@foretag.se i stället.",
    "Mitt personnummer 850312-1234 stod fel i beslutet.",
    "-",
    "",
    "Informationen på webben var svår att hitta.",
    "Tack för hjälpen! Kontakta mig på +46 8 123 456 78 eller 0701234567.",
    "Avgiften på 15 000 kr kändes hög för ett litet företag.",
    "Inga synpunkter",
)
PERSONAL = frozenset(
    c for c in COMMENTS if any(s in c for s in ("070-", "@", "850312", "+46"))
)  # the comments with personal data
LAYOUTS = {
    # header names: date column, comment columns
    "svarsdatum": ("Svarsdatum", ("Synpunkter",)),
    "arendedatum": ("Ärendedatum", ("Förbättringsförslag", "Övriga synpunkter")),
    "beslutsdatum": ("Beslutsdatum", ("Kommentar",)),
    "datum": ("Datum", ("Fritext",)),
}


def dated_rows(
    count: int,
    year: int = 2024,
    seed: int = 3,
    *,
    start: dt.date | None = None,
    date_style: str = "date",
    comment_columns: int = 1,
) -> list[list]:
    """Headers and rows: answers as in ``make_rows``, then the answer date and comments.
    ``date_style``: "date" (date cells), "iso" (text), "dmy" (15/3/2024)."""
    rng = random.Random(seed)
    start = start or dt.date(year, 1, 8)
    base = make_rows(count, seed=seed, years=(year,))
    out = []
    for i, row in enumerate(base):
        day = start + dt.timedelta(days=(i * 3) % 120)
        date: object = day
        if date_style == "iso":
            date = day.isoformat()
        elif date_style == "dmy":
            date = f"{day.day}/{day.month}/{day.year}"
        comments = [
            COMMENTS[(i + k * 4) % len(COMMENTS)] if rng.random() < 0.8 else ""
            for k in range(comment_columns)
        ]
        out.append([*row[:1], date, *row[2:], *comments])
    return out


def headers_for(layout: str) -> list[str]:
    date_header, comment_headers = LAYOUTS[layout]
    return [HEADERS[0], date_header, *HEADERS[2:], *comment_headers]


def layout_rows(
    layout: str, count: int, year: int = 2024, seed: int = 3, date_style: str = "date"
) -> tuple[list[str], list[list]]:
    headers = headers_for(layout)
    rows = dated_rows(
        count, year, seed, date_style=date_style, comment_columns=len(LAYOUTS[layout][1])
    )
    return headers, rows
