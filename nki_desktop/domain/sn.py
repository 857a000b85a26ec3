"""Svenskt Näringsliv's "Lokalt företagsklimat": a different survey from NKI, kept apart.

Its values are stored like any observation but under their own area key
(:data:`SN_AREA`), with the question as the factor (or ``rank``) and the publication
``sn`` ("Svenskt Näringsliv"). Nothing that computes NKI figures or rankings reads that area:
``Store.values`` leaves it out unless asked for it by name. Questions are graded 1–6 (mean,
one decimal); the ranking places all 290 kommuner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.text import fold

SN_AREA = "sn_foretagsklimat"
SN_PUBLICATION = "sn"
SN_PUBLICATION_LABEL = "Svenskt Näringsliv"
SN_TITLE = "Svenskt Näringslivs företagsklimat"
SN_GROUP = "foretag"  # the survey asks companies
RANK = "rank"
SCALE = (1.0, 6.0)
SCALE_TEXT = "1–6"
RANK_OF = 290  # the ranking places every kommun
# Areas that belong to other surveys: never part of NKI figures, rankings or years.
OTHER_SURVEY_AREAS: tuple[str, ...] = (SN_AREA,)

SOURCE_LINE = "Källa: Svenskt Näringsliv, Lokalt företagsklimat (enkät till företag)."
METHOD_NOTE = (
    "Svenskt Näringslivs enkät Lokalt företagsklimat besvaras av företag varje vår. Frågorna "
    "besvaras på en skala 1–6 och redovisas som medelbetyg med en decimal. Rankningen "
    "(1–290) väger samman enkätsvaren (sammanfattande omdöme väger en tredjedel) med "
    "statistik. Det är en annan undersökning än NKI (Insikt): annan skala, andra svarande, "
    "annan metod. Siffrorna jämförs därför aldrig med NKI."
)


@dataclass(frozen=True)
class SnQuestion:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


QUESTIONS: tuple[SnQuestion, ...] = (
    SnQuestion(
        "sammanfattande_omdome",
        "Sammanfattande omdöme",
        (
            "sammanfattande omdöme om företagsklimatet i kommunen",
            "sammanfattande omdöme om företagsklimatet",
            "omdöme om företagsklimatet",
            "omdöme",
            "företagsklimatet i kommunen",
        ),
    ),
    SnQuestion(
        "service_bemotande",
        "Service och bemötande",
        ("kommunens service och bemötande", "service och bemötande till företagen", "service"),
    ),
    SnQuestion(
        "tillampning_lagar_regler",
        "Tillämpning av lagar och regler",
        ("kommunens tillämpning av lagar och regler", "tillämpning lagar och regler"),
    ),
    SnQuestion(
        "politikers_attityder",
        "Kommunpolitikernas attityder",
        (
            "kommunpolitikers attityder till företagande",
            "kommunpolitikernas attityder till företagande",
            "politikers attityder",
            "kommunpolitikers attityder",
        ),
    ),
    SnQuestion(
        "konkurrens_kommunen",
        "Konkurrens från kommunens verksamheter",
        ("konkurrens från kommunen", "kommunens konkurrens med företag", "konkurrens"),
    ),
    SnQuestion(
        "tjansteman_attityder",
        "Tjänstemännens attityder",
        ("kommunens tjänstemäns attityder till företagande", "tjänstemäns attityder"),
    ),
    SnQuestion(
        "dialog",
        "Dialog mellan företag och kommunens beslutsfattare",
        ("dialog mellan företag och kommunens beslutsfattare", "dialog med beslutsfattare"),
    ),
    SnQuestion(
        "upphandling",
        "Kommunens upphandling",
        ("kommunens upphandlingsarbete", "upphandlingsarbete"),
    ),
)
QUESTION_BY_KEY: dict[str, SnQuestion] = {q.key: q for q in QUESTIONS}
MEASURE_KEYS: tuple[str, ...] = (*(q.key for q in QUESTIONS), RANK)
HEADLINE = "sammanfattande_omdome"


@cache  # compiled when first used (an import), not when the window starts
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(fold(n), q.key) for q in QUESTIONS for n in (q.key, q.label, *q.aliases)]
    pairs.sort(key=lambda p: -len(p[0]))  # longest first: "service och bemötande" first
    return [(re.compile(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])"), k) for t, k in pairs]


def question_key(text: str) -> str | None:
    """The question a header or cell names ("Service och bemötande" → ``service_bemotande``)."""
    folded = fold(text)
    if not folded:
        return None
    for pattern, key in _patterns():
        if pattern.search(folded):
            return key
    return None


def measure_label(key: str) -> str:
    """Swedish label of a stored SN factor: a question or the ranking."""
    if key == RANK:
        return "Placering i rankningen"
    return QUESTION_BY_KEY[key].label if key in QUESTION_BY_KEY else key


def is_other_survey(area: str) -> bool:
    """True for an area of another survey than NKI (kept out of NKI figures)."""
    return area in OTHER_SURVEY_AREAS


def in_scale(value: float) -> bool:
    return SCALE[0] <= value <= SCALE[1]


def format_grade(value: float | None) -> str:
    """'3,8' (one decimal, Swedish); '–' when there is none."""
    return "–" if value is None else fmt_number(value, 1)


def grade_word(value: float | None, words: Sequence[tuple[float, str]] = ()) -> str:
    """The user's own word for a grade (``words``: (lower limit, word), any order); none by
    default, since Svenskt Näringsliv publishes no bands of its own."""
    if value is None or not words:
        return ""
    passed = [(limit, word) for limit, word in words if round(value, 1) >= limit]
    return max(passed)[1] if passed else ""


def parse_grade_words(text: str) -> list[tuple[float, str]]:
    """'4,0 bra; 3,0 godtagbart' → [(4.0, 'bra'), (3.0, 'godtagbart')]; unreadable parts out."""
    out: list[tuple[float, str]] = []
    for part in re.split(r"[;\n]", text or ""):
        match = re.match(r"\s*(\d+(?:[.,]\d+)?)\s*[:=]?\s*(\S.*?)\s*$", part)
        if match:
            limit = float(match.group(1).replace(",", "."))
            if in_scale(limit):
                out.append((limit, match.group(2)))
    return out


def with_scale(value: float | None) -> str:
    """'3,8 (skala 1–6)': the number with its scale written out."""
    return f"{format_grade(value)} (skala {SCALE_TEXT})"


def places(count: int) -> str:
    """'1 placering', '3 placeringar'."""
    return f"{count} placering" + ("" if abs(count) == 1 else "ar")


def rank_text(rank: int | None, change: int | None = None) -> str:
    """'plats 42 av 290 (+5)': the position with its change (positive = climbed)."""
    if rank is None:
        return "–"
    text = f"plats {rank} av {RANK_OF}"
    if change:
        text += f" ({'+' if change > 0 else '−'}{abs(change)})"
    return text
