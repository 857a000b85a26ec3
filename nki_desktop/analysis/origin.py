"""Where shown values come from: sample data (fictitious) or a real publication.

Screens, the PDF and the workbook decide whether to warn by the publications of the values
they actually show, never by a file name or by whether any real file was imported.
"""

from __future__ import annotations

from collections.abc import Iterable

from nki_desktop.domain.records import PUBLICATIONS

SAMPLE = "sample"
SAMPLE_WARNING = "Exempeldata – fiktiva värden, inte SKR:s siffror"


def is_fictitious(publications: Iterable[str]) -> bool:
    """True when any of the publications is the sample data."""
    return any(p == SAMPLE for p in publications)


def sample_warning(parts: Iterable[str] = ()) -> str:
    """The warning shown beside fictitious values, naming what is fictitious when known."""
    named = list(dict.fromkeys(p for p in parts if p))
    if not named:
        return f"{SAMPLE_WARNING}."
    return f"{SAMPLE_WARNING}: {', '.join(named)}."


def publication_label(publication: str) -> str:
    """'Kolada', 'SKR, Öppna jämförelser' …; the key itself when unknown."""
    return PUBLICATIONS.get(publication, publication)


def source_text(publication: str, source: str) -> str:
    """Publication and file as one line: 'Kolada – kolada.csv (Blad1 rad 4)'."""
    return join_source(publication_label(publication) if publication else "", source)


def join_source(label: str, source: str) -> str:
    """'label – file', without saying the same thing twice (the sample data's file is named
    by its label)."""
    if label and source.startswith(label):
        return source
    return " – ".join(x for x in (label, source) if x)


def mean_text(count: int) -> str:
    """How many values a mean is taken over: 'medel av 31 värden'."""
    return f"medel av {count} {'värde' if count == 1 else 'värden'}"
