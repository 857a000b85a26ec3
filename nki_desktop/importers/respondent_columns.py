"""Recognising the columns of a respondent file: the vocabulary is data, not code.

Each entry is (target key, regular expression on the folded header text, see
``domain.text.fold``: lower case, å/ä/ö → a/a/o). The first matching entry wins, and each
target except ``ignore`` and ``background:*`` is taken by one column only.
"""

from __future__ import annotations

import re

from nki_desktop.domain.areas import FACTOR_BY_KEY, SERVICE_FACTORS
from nki_desktop.domain.text import fold

VOCABULARY: tuple[tuple[str, str], ...] = (
    ("ignore", r"^(id|lopnummer|lopnr|nr|respondent ?id|svars ?id|enkat ?id|arende ?id)$"),
    ("q1", r"^(nki ?-?1|fraga ?1|q ?1|f ?1|nkifraga ?1)\b|helhet|sammantaget|totalt sett"),
    ("q2", r"^(nki ?-?2|fraga ?2|q ?2|f ?2|nkifraga ?2)\b|forvantning"),
    ("q3", r"^(nki ?-?3|fraga ?3|q ?3|f ?3|nkifraga ?3)\b|ideal|forestall"),
    ("year", r"^(ar|arendear|case ?year|year|undersokningsar|arende ?ar|ar for arendet)$"),
    ("date", r"datum|^date$|avslutad|besvarad|svarstidpunkt"),
    ("area", r"^(omrade|myndighetsomrade|verksamhet|verksamhetsomrade|area|arendetyp|"
             r"arendeomrade|tjanst)$"),
    ("group", r"svarsgrupp|respondentgrupp|kundgrupp|kundkategori|kundtyp|^grupp$|"
              r"^respondenttyp$|^kategori$"),
    ("kommun", r"^(kommun|kommunkod|kommunnamn|kommun ?kod|kommun ?nr|enhet)$"),
    ("information", r"\binfo(rmation(en)?)?\b"),
    ("tillganglighet", r"tillganglig"),
    ("bemotande", r"bemot"),
    ("kompetens", r"kompeten"),
    ("rattssakerhet", r"ratt ?s?saker"),
    ("effektivitet", r"effektiv|handlaggningstid|snabbhet"),
    ("background:bransch", r"bransch|\bsni\b"),
    ("background:storlek", r"storlek|antal anstallda|anstallda"),
    ("background:utfall", r"utfall|beslutet|fick du ja"),
    ("background:kon", r"^kon$"),
    ("background:alder", r"^alder|aldersgrupp"),
    ("background:kontaktsatt", r"kontaktsatt|kontaktvag"),
)
_COMPILED = tuple((target, re.compile(pattern)) for target, pattern in VOCABULARY)

SINGLE_TARGETS: tuple[tuple[str, str], ...] = (
    ("year", "Ärendeår"),
    ("date", "Datum (ärendeåret tas ur datumet)"),
    ("area", "Myndighetsområde"),
    ("group", "Svarsgrupp"),
    ("kommun", "Kommun (kod eller namn)"),
    ("q1", "NKI-fråga 1: nöjd sammantaget"),
    ("q2", "NKI-fråga 2: motsvarade förväntningarna"),
    ("q3", "NKI-fråga 3: nära det ideala"),
    *((f, FACTOR_BY_KEY[f].label) for f in SERVICE_FACTORS),
)
IGNORE = "ignore"
BACKGROUND = "background:"
ANSWER_TARGETS = ("q1", "q2", "q3", *SERVICE_FACTORS)

# Answers that mean "no answer" (folded text); numbers are in NO_ANSWER_CODES.
NO_ANSWER_TEXTS: tuple[str, ...] = ("vet ej", "vet inte", "ej svar", "inget svar", "ej aktuellt",
                                    "ej relevant", "vill ej svara", "ingen asikt", "-", "..",
                                    "x", "na", "n/a")
NO_ANSWER_CODES: tuple[float, ...] = (0.0, 99.0)


def recognise(header: str) -> str | None:
    """The target key a header names, or None when it is not recognised."""
    folded = fold(header)
    if not folded:
        return None
    for target, pattern in _COMPILED:
        if pattern.search(folded):
            return target
    return None


def background_name(header: str) -> str:
    """A background column's name as stored: the header as written, trimmed."""
    return " ".join(str(header).split()) or "bakgrund"


def targets_for(headers: list[str]) -> list[tuple[str, str]]:
    """The choices offered in the mapping dialog for a file with these headers."""
    choices = list(SINGLE_TARGETS)
    for header in headers:
        name = background_name(header)
        if header.strip():
            choices.append((BACKGROUND + name, f"Bakgrundsfråga: {name}"))
    choices.append((IGNORE, "Använd inte"))
    return choices
