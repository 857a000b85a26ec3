"""Rules that change by case year, kept as data: NKI totalt's areas, publication minimums,
definition breaks and the ÖJ report-title year. Values marked unconfirmed in DOMAIN.md are
defaults here, documented as such.
"""

from __future__ import annotations

from dataclasses import dataclass

_AREAS_UNTIL_2015 = (
    "brandskydd",
    "bygglov",
    "markupplatelse",
    "miljo_halsoskydd",
    "serveringstillstand",
)
_AREAS_2016_2023 = (
    "brandskydd",
    "bygglov",
    "markupplatelse",
    "miljo_halsoskydd",
    "livsmedelskontroll",
    "serveringstillstand",
)
_AREAS_FROM_2024 = ("bygglov", "miljo_halsoskydd", "livsmedelskontroll", "serveringstillstand")


def nki_total_areas(year: int) -> tuple[str, ...]:
    """The areas that make up NKI totalt in a case year."""
    if year <= 2015:
        return _AREAS_UNTIL_2015
    if year <= 2023:
        return _AREAS_2016_2023
    return _AREAS_FROM_2024


@dataclass(frozen=True)
class DefinitionBreak:
    year: int  # first case year under the new definition
    areas: tuple[str, ...]  # affected area keys ("total" for NKI totalt)
    text: str


DEFINITION_BREAKS: tuple[DefinitionBreak, ...] = (
    DefinitionBreak(
        2016,
        ("total", "livsmedelskontroll", "miljo_halsoskydd"),
        "Från ärendeår 2016 är livsmedelskontroll ett eget område (ingick tidigare i miljö- och "
        "hälsoskydd) och NKI totalt består av sex områden i stället för fem.",
    ),
    DefinitionBreak(
        2024,
        ("total",),
        "Från ärendeår 2024 består NKI totalt av fyra områden: bygglov, miljö- och hälsoskydd, "
        "livsmedelskontroll och serveringstillstånd. Brandskydd och markupplåtelse redovisas "
        "separat.",
    ),
)


def breaks_between(first_year: int, last_year: int, area: str = "total") -> list[DefinitionBreak]:
    """Definition breaks that a series from first_year to last_year crosses for an area."""
    return [b for b in DEFINITION_BREAKS if first_year < b.year <= last_year and area in b.areas]


@dataclass(frozen=True)
class PublicationRules:
    """Minimum answers and ranking requirements for one case year."""

    min_answers_portal: int = 7
    min_answers_oj: int = 10
    min_answers_total_rank: int = 20
    min_answers_area_rank: int = 10
    min_response_rate_mean: float = 0.40
    min_response_rate_area: float = 0.30
    mandatory_areas: tuple[str, ...] = (
        "bygglov",
        "miljo_halsoskydd",
        "livsmedelskontroll",
        "serveringstillstand",
    )
    confirmed: bool = False


# Rules as documented for 2017 and 2021; other years use the nearest earlier documented year.
_RULES: dict[int, PublicationRules] = {
    2017: PublicationRules(
        min_answers_area_rank=12,
        mandatory_areas=("bygglov", "miljo_halsoskydd", "livsmedelskontroll"),
        confirmed=True,
    ),
    2021: PublicationRules(confirmed=True),
}


def publication_rules(year: int) -> PublicationRules:
    """The publication rules in force for a case year (nearest documented year at or before)."""
    known = sorted(y for y in _RULES if y <= year)
    if known:
        return _RULES[known[-1]]
    return _RULES[min(_RULES)]


def oj_title_year(case_year: int) -> int:
    """The year in the ÖJ report title for a case year (ÖJ 2015 = cases of 2014)."""
    return case_year + 1 if case_year <= 2014 else case_year


def case_year_from_title(title_year: int) -> int:
    """The case year of an ÖJ report titled with title_year."""
    return title_year - 1 if title_year <= 2015 else title_year


def year_caption(case_year: int) -> str:
    """'2023', or '2014 (ÖJ 2015)' where the report title differs from the case year."""
    title = oj_title_year(case_year)
    return str(case_year) if title == case_year else f"{case_year} (ÖJ {title})"
