"""Recognising and reading the columns of a respondent file; the vocabulary is data.

Each entry is (target key, regular expression on the folded header text, see
``domain.text.fold``: lower case, å/ä/ö → a/a/o, score). Every target is scored against every
column (the best matching entry's score) and the columns are assigned by the best match over
the whole header, one column per target (``ignore`` and ``background:*`` may take several):
"F1 Information" is the information factor even though "F1" alone would be NKI question 1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from nki_desktop.domain.areas import FACTOR_BY_KEY, SERVICE_FACTORS
from nki_desktop.domain.records import Observation
from nki_desktop.domain.rules import publication_rules
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Sheet, cell_text, parse_number

STRONG, NAMED, WEAK = 1.0, 0.8, 0.4
VOCABULARY: tuple[tuple[str, str, float], ...] = (
    ("ignore", r"^(id|lopnummer|lopnr|nr|respondent ?id|svars ?id|enkat ?id|arende ?id)$", STRONG),
    ("q1", r"^(nki ?-?1|fraga ?1|nki ?-?fraga ?1)\b", STRONG),
    ("q1", r"helhet|sammantaget|totalt sett", NAMED),
    ("q1", r"^(q ?1|f ?1)\b", WEAK),
    ("q2", r"^(nki ?-?2|fraga ?2|nki ?-?fraga ?2)\b", STRONG),
    ("q2", r"forvantning", NAMED),
    ("q2", r"^(q ?2|f ?2)\b", WEAK),
    ("q3", r"^(nki ?-?3|fraga ?3|nki ?-?fraga ?3)\b", STRONG),
    ("q3", r"ideal|forestall", NAMED),
    ("q3", r"^(q ?3|f ?3)\b", WEAK),
    ("year", r"^(ar|arendear|case ?year|year|undersokningsar|arende ?ar|ar for arendet)$", STRONG),
    ("date", r"datum|^date$|avslutad|besvarad|svarstidpunkt|^svarsdag$", NAMED),
    (
        "area",
        r"^(omrade|myndighetsomrade|verksamhet|verksamhetsomrade|area|arendetyp|"
        r"arendeomrade|tjanst)$",
        STRONG,
    ),
    (
        "group",
        r"svarsgrupp|respondentgrupp|kundgrupp|kundkategori|kundtyp|^grupp$|"
        r"^respondenttyp$|^kategori$",
        STRONG,
    ),
    ("kommun", r"^(kommun|kommunkod|kommunnamn|kommun ?kod|kommun ?nr|enhet)$", STRONG),
    ("information", r"\binfo(rmation(en)?)?\b", 0.9),
    ("tillganglighet", r"tillganglig", 0.9),
    ("bemotande", r"bemot", 0.9),
    ("kompetens", r"kompeten", 0.9),
    ("rattssakerhet", r"ratt ?s?saker", 0.9),
    ("effektivitet", r"effektiv|handlaggningstid|snabbhet", 0.9),
    ("background:bransch", r"bransch|\bsni\b", NAMED),
    ("background:storlek", r"storlek|antal anstallda|anstallda", NAMED),
    ("background:utfall", r"utfall|beslutet|fick du ja", NAMED),
    ("background:kon", r"^kon$", NAMED),
    ("background:alder", r"^alder|aldersgrupp", NAMED),
    ("background:kontaktsatt", r"kontaktsatt|kontaktvag", NAMED),
    (
        "comment",
        r"synpunkt|forbattring|forslag|kommentar|fri ?text|^ovrigt|oppna? svar|"
        r"fritt svar|motivera|motivering|vad kan (kommunen|vi) gora",
        NAMED,
    ),
)
_COMPILED = tuple((target, re.compile(pattern), score) for target, pattern, score in VOCABULARY)

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
COMMENT = "comment"  # free text: several columns may hold comments
ANSWER_TARGETS = ("q1", "q2", "q3", *SERVICE_FACTORS)

# Answers that mean "no answer" (folded text); numbers are in NO_ANSWER_CODES.
NO_ANSWER_TEXTS: tuple[str, ...] = (
    "vet ej",
    "vet inte",
    "ej svar",
    "inget svar",
    "ej aktuellt",
    "ej relevant",
    "vill ej svara",
    "ingen asikt",
    "-",
    "..",
    "x",
    "na",
    "n/a",
)
NO_ANSWER_CODES: tuple[float, ...] = (0.0, 99.0)


def scores(header: str) -> dict[str, float]:
    """Each target's score for one header text (targets that do not match are left out)."""
    return dict(_scores(fold(header)))


@lru_cache(maxsize=4096)
def _scores(folded: str) -> tuple[tuple[str, float], ...]:
    out: dict[str, float] = {}
    if folded:
        for target, pattern, score in _COMPILED:
            if score > out.get(target, 0.0) and pattern.search(folded):
                out[target] = score
    return tuple(out.items())


def recognise(header: str) -> str | None:
    """The best-scoring target of one header on its own, or None when nothing matches."""
    found = scores(header)
    return max(found, key=lambda t: found[t]) if found else None


def is_shared(target: str) -> bool:
    """Targets several columns may take: ignored, background questions, comments."""
    return target in (IGNORE, COMMENT) or target.startswith(BACKGROUND)


def best_assignment(headers: Sequence[str]) -> dict[int, str]:
    """Columns to targets by the best match over the whole header: every (column, target)
    pair is scored, and pairs are taken best first, each column once and each single target
    once (greedy over the score matrix; ties go to the leftmost column)."""
    pairs = sorted(
        (
            (score, col, target)
            for col, header in enumerate(headers)
            for target, score in scores(header).items()
        ),
        key=lambda p: (-p[0], p[1]),
    )
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _score, col, target in pairs:
        if col in mapping or (target in taken and not is_shared(target)):
            continue
        mapping[col] = target
        taken.add(target)
    return mapping


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
    choices.append((COMMENT, "Kommentar (fritext; personuppgifter maskeras)"))
    choices.append((IGNORE, "Används inte"))
    return choices


# -- reading cells and headers ----------------------------------------------------------
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\b")
_YEAR_IN_TEXT = re.compile(r"\b(19[89]\d|20\d\d)\b")


def find_header(sheet: Sheet) -> tuple[int, dict[int, str]]:
    """The header row (0-based) among the first 20 rows: the one with most recognised cells,
    and its columns assigned by :func:`best_assignment`. Kept on the sheet: sniffing,
    choosing the sheet and parsing all ask."""
    cached = sheet.__dict__.get("_respondent_header")
    if cached is not None:
        return cached[0], dict(cached[1])
    best, best_hits, best_map = 0, -1, {}
    for r, row in enumerate(sheet.rows[:20]):
        # Only text is a header: numbers and dates are answers (cell_text of them is not).
        texts = [v if isinstance(v, str) else "" for v in row]
        mapping = best_assignment(texts) if any(texts) else {}
        if len(mapping) > best_hits:
            best, best_hits, best_map = r, len(mapping), mapping
    sheet.__dict__["_respondent_header"] = (best, best_map)
    return best, dict(best_map)


def unplaced_columns(headers: Sequence[str], mapping: dict[int, str]) -> list[int]:
    """Columns with a header that no target was assigned to."""
    return [c for c, h in enumerate(headers) if c not in mapping and h.strip()]


def read_answers(
    column: Sequence[Any], codes: set[float], texts: set[str]
) -> tuple[np.ndarray, int]:
    """Answers as floats with NaN for no answer; also the count of unreadable cells."""
    cache: dict[tuple[type, Any], float] = {}  # keyed by type too: True == 1 == 1.0 in a dict
    bad = 0

    def slow(value: Any) -> float:
        nonlocal bad
        key = (type(value), value)
        if key in cache:
            return cache[key]
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
        cache[key] = result
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
def stat_observation(
    unit: str, year: int, area: str, group: str, factor: str, stat: Any
) -> Observation:
    """A computed index as an observation; below the year's minimum for showing it at all
    the value is withheld (``missing`` says why), so it can never enter a ranking."""
    rules = publication_rules(year)
    if stat.n < rules.min_answers_portal:
        return Observation(
            year,
            unit,
            area,
            factor,
            group,
            None,
            stat.n,
            missing=f"för få svar (n = {stat.n} < {rules.min_answers_portal})",
            sheet="beräknat",
        )
    # An index lies in 0–100; a t interval of few high answers can reach past it.
    low = None if stat.ci_low is None else max(0.0, stat.ci_low)
    high = None if stat.ci_high is None else min(100.0, stat.ci_high)
    return Observation(
        year,
        unit,
        area,
        factor,
        group,
        stat.mean,
        stat.n,
        ci_low=low,
        ci_high=high,
        sheet="beräknat",
    )
