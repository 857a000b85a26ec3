"""What a header text names: a unit column (kommun code, name, län), an area, a factor, a
measure (value, n, rank), a year or a respondent group. The vocabulary comes from
``domain.areas``; texts are compared folded (``domain.text.fold``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nki_desktop.domain.areas import AREAS, FACTORS, GROUPS, TOTAL
from nki_desktop.domain.text import fold

KOMMUN_CODE, KOMMUN_NAME, LAN, VALUE, YEAR, IGNORE = (
    "kommun_code",
    "kommun_name",
    "lan",
    "value",
    "year",
    "ignore",
)
MEASURES = {"value": "värde", "n": "antal svar", "rank": "rank"}

_CODE_WORDS = {
    "kommunkod",
    "kod",
    "kommun kod",
    "kommunnr",
    "kommunnummer",
    "kommun id",
    "kommun-id",
    "kommunid",
    "id",
    "kkod",
    "lankommunkod",
    "kommunkod 4 siffror",
}
_NAME_WORDS = {
    "kommun",
    "kommunnamn",
    "namn",
    "kommun namn",
    "kommuner",
    "enhet",
    "organisation",
    "kommun/forbund",
    "kommun/organisation",
    "kommun eller forbund",
    "omrade/kommun",
    "kommun/enhet",
    "deltagare",
    "kommun/gemensam namnd",
    "kommun forbund",
}
_LAN_WORDS = {"lan", "lansnamn", "lanskod", "lan kod", "lan namn", "region"}
_RANK_RE = re.compile(r"\b(rank|ranking|rankning|placering|plats)\b")
_N_RE = re.compile(r"\b(antal svar|antal|svar|n|svarande|antal svarande|respondenter)\b")
YEAR_RE = re.compile(r"(?<!\d)(19[89]\d|20[0-9]\d)(?!\d)")
CASE_YEAR_RE = re.compile(r"arendear\w*\s*(19[89]\d|20[0-9]\d)")
_TOTAL_RE = re.compile(r"\b(nki totalt|totalt|total|samtliga omraden|sammanfattande)\b")


def _alias_patterns(items: Sequence[Any]) -> list[tuple[re.Pattern[str], str]]:
    pairs: list[tuple[str, str]] = []
    for item in items:
        for name in (item.key, item.label, *item.aliases):
            folded = fold(name)
            if folded:
                pairs.append((folded, item.key))
    pairs.sort(key=lambda p: -len(p[0]))  # longest first: "miljo och halsoskydd" before "miljo"
    return [
        (re.compile(r"(?<![a-z0-9])" + re.escape(text) + r"(?![a-z0-9])"), key)
        for text, key in pairs
    ]


_AREA_PATTERNS = [(p, k) for p, k in _alias_patterns(AREAS) if k != TOTAL]
_FACTOR_PATTERNS = _alias_patterns(FACTORS)
_GROUP_PATTERNS = _alias_patterns(GROUPS)


@dataclass(frozen=True)
class Label:
    """What a header text names: an area, a factor, a measure (value, n, rank), a year."""

    area: str | None = None
    factor: str | None = None
    measure: str = "value"
    year: int | None = None
    group: str | None = None


def find_area(folded: str) -> str | None:
    for pattern, key in _AREA_PATTERNS:
        if pattern.search(folded):
            return key
    if _TOTAL_RE.search(folded) or folded in ("nki", "index"):
        return TOTAL
    return None


def find_factor(folded: str) -> str | None:
    for pattern, key in _FACTOR_PATTERNS:
        if pattern.search(folded):
            return key
    return None


def find_group(folded: str) -> str | None:
    for pattern, key in _GROUP_PATTERNS:
        if key != "alla" and pattern.search(folded):
            return key
    return None


@lru_cache(maxsize=8192)
def classify_label(text: str) -> Label:
    """Read a (combined) header text: 'Bygglov NKI', 'Brandtillsyn – Antal svar', 'Rank'."""
    folded = fold(text)
    measure = "value"
    if _RANK_RE.search(folded):
        measure = "rank"
    elif _N_RE.search(folded):
        measure = "n"
    year_match = YEAR_RE.fullmatch(folded.strip())
    year = int(year_match.group(1)) if year_match else None
    area = find_area(folded)
    rest = folded
    for pattern, key in _AREA_PATTERNS:
        if key == area:
            rest = pattern.sub(" ", rest)
    factor = find_factor(rest)
    if factor == "nki" and area == "upphandling":
        factor = "nui"
    return Label(area, factor, measure, year, find_group(folded))


@lru_cache(maxsize=8192)
def unit_column_role(text: str) -> str | None:
    folded = fold(text)
    if folded in _CODE_WORDS or (folded.startswith("kommunkod") and len(folded) < 20):
        return KOMMUN_CODE
    if folded in _NAME_WORDS or folded.startswith("kommunnamn"):
        return KOMMUN_NAME
    if folded in _LAN_WORDS or folded.startswith("lans"):
        return LAN
    return None
