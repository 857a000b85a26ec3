"""Recognising and reading the columns of a respondent file; the vocabulary is data.

Each entry is (target key, regular expression on the folded header text, see
``domain.text.fold``: lower case, å/ä/ö → a/a/o). The first matching entry wins, and each
target except ``ignore`` and ``background:*`` is taken by one column only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from nki_desktop.domain.areas import FACTOR_BY_KEY, SERVICE_FACTORS
from nki_desktop.domain.records import Observation
from nki_desktop.domain.rules import publication_rules
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Sheet, cell_text, parse_number

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


# -- reading cells and headers ----------------------------------------------------------
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\b")
_YEAR_IN_TEXT = re.compile(r"\b(19[89]\d|20\d\d)\b")


def find_header(sheet: Sheet) -> tuple[int, dict[int, str]]:
    """The header row (0-based) among the first 20 rows: the one with most recognised cells."""
    best, best_hits, best_map = 0, -1, {}
    for r, row in enumerate(sheet.rows[:20]):
        found = {c: recognise(cell_text(v)) for c, v in enumerate(row)}
        hits = {c: t for c, t in found.items() if t}
        if len(hits) > best_hits:
            best, best_hits, best_map = r, len(hits), hits
    return best, best_map


def assign_columns(headers: list[str], guesses: dict[int, str]) -> tuple[dict[int, str], list[int]]:
    """Each single target to its first column; returns the mapping and unplaced columns."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for col in range(len(headers)):
        target = guesses.get(col)
        if target and (target == IGNORE or target.startswith(BACKGROUND) or target not in taken):
            mapping[col] = target
            taken.add(target)
    unplaced = [c for c, h in enumerate(headers) if c not in mapping and h.strip()]
    return mapping, unplaced


def read_answers(column: Sequence[Any], codes: set[float], texts: set[str]
                 ) -> tuple[np.ndarray, int]:
    """Answers as floats with NaN for no answer; also the count of unreadable cells."""
    cache: dict[Any, float] = {}
    bad = 0

    def slow(value: Any) -> float:
        nonlocal bad
        if value in cache:
            return cache[value]
        text = cell_text(value)
        result = float("nan")
        if text and fold(text) not in texts and text not in texts:
            number = parse_number(text)
            if number is None:
                match = _LEADING_NUMBER.match(text)  # "10 Mycket nöjd"
                number = float(match.group(1).replace(",", ".")) if match else None
            if number is None:
                bad += 1
            else:
                result = number
        cache[value] = result
        return result

    values = np.array([v if type(v) is float else slow(v) for v in column], dtype=float)
    if codes:
        values[np.isin(values, list(codes))] = np.nan
    return values, bad


class Memo(dict[Any, Any]):
    """value → fn(value), computed once per distinct cell value (map() at C speed)."""

    def __init__(self, fn: Any):
        super().__init__()
        self.fn = fn

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self.fn(value)
        return result


def year_of(value: Any) -> int | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    number = parse_number(value)
    if number is not None and number.is_integer() and 1980 <= number <= 2100:
        return int(number)
    match = _YEAR_IN_TEXT.search(cell_text(value))
    return int(match.group(1)) if match else None


# -- computed indices as observations ----------------------------------------------------
SCALE_NOTE = re.compile(r"faktorskala (\d+(?:[.,]\d+)?)–(\d+(?:[.,]\d+)?)")


def stat_observation(unit: str, year: int, area: str, group: str, factor: str,
                     stat: Any) -> Observation:
    """A computed index as an observation; below the year's minimum for showing it at all
    the value is withheld (``missing`` says why), so it can never enter a ranking."""
    rules = publication_rules(year)
    if stat.n < rules.min_answers_portal:
        return Observation(year, unit, area, factor, group, None, stat.n,
                           missing=f"för få svar (n = {stat.n} < {rules.min_answers_portal})",
                           sheet="beräknat")
    return Observation(year, unit, area, factor, group, stat.mean, stat.n,
                       ci_low=stat.ci_low, ci_high=stat.ci_high, sheet="beräknat")


def factor_scale_of(description: str) -> tuple[float, float] | None:
    """The factor scale recorded in an import's description ("… faktorskala 1–6 …")."""
    match = SCALE_NOTE.search(description or "")
    if not match:
        return None
    return (float(match.group(1).replace(",", ".")), float(match.group(2).replace(",", ".")))
