"""What "like ours" is measured on: the criteria of the similar-kommuner search, their keys
as the command line and the saved groups write them, and their weights.

Keys: ``population`` (inhabitants), ``kommungrupp`` (SKR 2023), ``lan``, and a stored result
as ``AREA:FACTOR`` with an optional year or year range, ``total:nki@2023`` or
``bygglov:nki@2021-2023`` (the mean of the years the kommun has a value for). A result
without a year is resolved to the default year the caller gives (the latest stored year).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from nki_desktop.domain.areas import (
    SERVICE_FACTORS,
    TOTAL,
    area_key,
    area_label,
    factor_key,
    factor_label,
    index_factor,
)
from nki_desktop.domain.errors import UserError
from nki_desktop.domain.text import fold

NUMERIC = "numeric"
CATEGORY = "category"

POPULATION = "population"
KOMMUNGRUPP = "kommungrupp"
LAN = "lan"

_ALIASES = {
    "population": POPULATION,
    "befolkning": POPULATION,
    "folkmangd": POPULATION,
    "invanare": POPULATION,
    "kommungrupp": KOMMUNGRUPP,
    "grupp": KOMMUNGRUPP,
    "lan": LAN,
}

DEFAULT_KEYS: tuple[str, ...] = (POPULATION, KOMMUNGRUPP, f"{TOTAL}:nki")


class CriteriaError(UserError, ValueError):
    """A criterion or weight the search cannot use (Swedish message, says what to write)."""


@dataclass(frozen=True)
class Criterion:
    """One thing two kommuner are compared on.

    ``kind`` is :data:`NUMERIC` (compared as a standardised difference) or :data:`CATEGORY`
    (0 when equal, 1 when not); ``log_scale`` compares log10 of the value (population).
    Result criteria carry their area, factor and years.
    """

    key: str
    label: str
    kind: str = NUMERIC
    log_scale: bool = False
    area: str = ""
    factor: str = ""
    years: tuple[int, ...] = ()

    @property
    def is_result(self) -> bool:
        return bool(self.area)

    @property
    def short(self) -> str:
        """The label without its years ("NKI totalt", "Befolkning")."""
        return result_name(self.area, self.factor) if self.is_result else self.label

    @property
    def span(self) -> str:
        """The years of a result as shown ("2024", "2022–2024 (medel)"); "" for the rest."""
        if not self.years:
            return ""
        return years_text(self.years) + (" (medel)" if len(self.years) > 1 else "")


def years_text(years: Sequence[int]) -> str:
    if not years:
        return ""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def result_name(area: str, factor: str) -> str:
    """ "NKI totalt", "Bygglov (NKI)", "Bemötande" (of NKI totalt), "Bemötande (Bygglov)"."""
    if factor == index_factor(area):
        return area_label(area) if area == TOTAL else f"{area_label(area)} ({factor_label(factor)})"
    if area == TOTAL:
        return factor_label(factor)
    return f"{factor_label(factor)} ({area_label(area)})"


def result_label(area: str, factor: str, years: Sequence[int]) -> str:
    """ "NKI totalt 2024", "Bygglov (NKI) 2021–2023 (medel)", "Bemötande 2024"."""
    name = result_name(area, factor)
    span = years_text(years)
    mean = " (medel)" if len(set(years)) > 1 else ""
    return f"{name} {span}{mean}".strip()


def result_criterion(area: str, factor: str, years: Sequence[int]) -> Criterion:
    ys = tuple(sorted(set(years)))
    span = "" if not ys else f"@{ys[0]}" if len(ys) == 1 else f"@{ys[0]}-{ys[-1]}"
    return Criterion(
        f"{area}:{factor}{span}", result_label(area, factor, ys), NUMERIC, False, area, factor, ys
    )


def fixed_criterion(key: str) -> Criterion:
    if key == POPULATION:
        return Criterion(POPULATION, "Befolkning", NUMERIC, log_scale=True)
    if key == KOMMUNGRUPP:
        return Criterion(KOMMUNGRUPP, "Kommungrupp", CATEGORY)
    if key == LAN:
        return Criterion(LAN, "Län", CATEGORY)
    raise CriteriaError(f"Okänt kriterium: {key}.")


def _years(text: str, key: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) not in (1, 2) or not all(1990 <= y <= 2100 for y in numbers):
        raise CriteriaError(
            f"Okänt år i kriteriet ”{key}”: skriv ett år (total:nki@2023) eller ett "
            "intervall (total:nki@2021-2023)."
        )
    first, last = min(numbers), max(numbers)
    return tuple(range(first, last + 1))


def parse_criterion(text: str, default_year: int | None = None) -> Criterion:
    """One key as written on the command line or saved with a group."""
    raw = text.strip()
    if not raw:
        raise CriteriaError("Ett kriterium är tomt: skriv till exempel population,total:nki.")
    word = fold(raw).replace(" ", "")
    if word in _ALIASES:
        return fixed_criterion(_ALIASES[word])
    body, _, year_part = raw.partition("@")
    area_text, _, factor_text = body.partition(":")
    area = area_key(area_text.strip())
    factor = factor_key(factor_text.strip()) if factor_text.strip() else None
    if area is None or (factor_text.strip() and factor is None):
        raise CriteriaError(
            f"Okänt kriterium: ”{raw}”. Välj population, kommungrupp, lan eller ett resultat "
            "som OMRÅDE:FAKTOR, till exempel total:nki, bygglov:nki eller total:bemotande "
            "(med år: total:nki@2021-2023)."
        )
    factor = factor or index_factor(area)
    if factor not in SERVICE_FACTORS and factor != index_factor(area):
        raise CriteriaError(
            f"Kriteriet ”{raw}” blandar {factor_label(factor)} med {area_label(area)}: "
            f"{area_label(area)} har indexet {index_factor(area)}."
        )
    if year_part.strip():
        years = _years(year_part, raw)
    elif default_year is not None:
        years = (default_year,)
    else:
        raise CriteriaError(f"Kriteriet ”{raw}” behöver ett år, till exempel {raw}@2023.")
    return result_criterion(area, factor, years)


def parse_criteria(keys: str | Sequence[str], default_year: int | None = None) -> list[Criterion]:
    """Keys separated by commas (or a list); each criterion once, in the order given."""
    items = keys.split(",") if isinstance(keys, str) else list(keys)
    found: list[Criterion] = []
    for item in items:
        if not item.strip():
            continue
        criterion = parse_criterion(item, default_year)
        if all(c.key != criterion.key for c in found):
            found.append(criterion)
    if not found:
        raise CriteriaError("Välj minst ett kriterium, till exempel population,total:nki.")
    return found


def parse_weights(text: str | Sequence[float] | None, count: int) -> tuple[float, ...]:
    """One weight per criterion, in order; none given = equal weights (1 each).

    Weights are numbers ≥ 0 (0 leaves a criterion out) with a positive sum; only their
    ratios matter (1,1,2 is the same as 0.5,0.5,1).
    """
    if text is None or (isinstance(text, str) and not text.strip()):
        return (1.0,) * count
    if isinstance(text, str):
        try:
            weights = [float(p.strip()) for p in text.split(",")]
        except ValueError:
            raise CriteriaError(
                f"Vikterna ”{text}” går inte att läsa: skriv tal med punkt som decimaltecken, "
                "ett per kriterium och åtskilda med komma (1,1,2 eller 0.5,1,1)."
            ) from None
    else:
        weights = [float(w) for w in text]
    if len(weights) != count:
        raise CriteriaError(
            f"{len(weights)} vikter för {count} kriterier: ange en vikt per kriterium, "
            "i samma ordning, eller ingen (lika vikter)."
        )
    if any(not math.isfinite(w) or w < 0 for w in weights) or sum(weights) <= 0:
        raise CriteriaError("Vikterna måste vara 0 eller större, och minst en större än 0.")
    return tuple(weights)
