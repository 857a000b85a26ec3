"""The similar-kommuner search in words (Swedish): the method as shown on screen and in the
report, each criterion's figures side by side, and why a kommun came out close."""

from __future__ import annotations

from collections.abc import Mapping

from nki_desktop.analysis.similar import Match, SimilarResult, Value
from nki_desktop.analysis.similar_criteria import CATEGORY, POPULATION, Criterion
from nki_desktop.analysis.similar_profiles import POPULATION_SOURCE
from nki_desktop.domain.numbers import fmt_number

METHOD_HEADING = "Liknande kommuner"


def fmt_distance(value: float | None) -> str:
    return fmt_number(value, 2)


def fmt_weight(weight: float) -> str:
    return fmt_number(weight, 0 if float(weight).is_integer() else 2)


def fmt_value(criterion: Criterion, value: Value) -> str:
    """A criterion's value as shown: population in whole inhabitants, results with one
    decimal, categories as written."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if criterion.key == POPULATION:
        return fmt_number(value, 0)
    return fmt_number(round(value, 1), 1)


def criteria_summary(result: SimilarResult) -> str:
    """ "befolkning (vikt 1), kommungrupp (vikt 1), NKI totalt 2024 (vikt 2)"."""
    items = [
        f"{c.label if c.is_result else c.label.lower()} (vikt {fmt_weight(w)})"
        for c, w in zip(result.criteria, result.weights, strict=True)
        if w > 0
    ]
    return ", ".join(items)


def _weights_text(result: SimilarResult) -> str:
    positive = [w for w in result.weights if w > 0]
    if len(set(positive)) <= 1:
        return "Alla kriterier väger lika."
    return (
        "Vikterna bestämmer hur mycket varje kriterium betyder; bara förhållandet mellan "
        "dem spelar roll."
    )


def method_text(result: SimilarResult, names: Mapping[str, str]) -> str:
    """The method for this search, in plain Swedish (screen, report, command line)."""
    mine = names.get(result.mine, result.mine)
    has_population = any(c.key == POPULATION for c in result.active)
    has_category = any(c.kind == CATEGORY for c in result.active)
    results = [c for c in result.active if c.is_result]
    parts = [
        f"{mine} jämförs med var och en av de andra {result.candidates} kommunerna på: "
        f"{criteria_summary(result)}. {_weights_text(result)}",
        "Sifferkriterier standardiseras: skillnaden mellan två kommuner delas med "
        "kriteriets standardavvikelse bland alla kommuner som har ett värde (skillnaden i "
        "z-värde). En skillnad på 1 är alltså en standardavvikelse.",
    ]
    if has_population:
        parts.append(
            "Befolkningen jämförs på logaritmisk skala (tiologaritmen), så att en fördubbling "
            "räknas lika mycket för en liten som för en stor kommun. " + POPULATION_SOURCE
        )
    if has_category:
        parts.append("Kommungrupp och län ger skillnaden 0 om de är lika och 1 om de inte är det.")
    if any(len(c.years) > 1 for c in results):
        parts.append(
            "Ett resultat över flera år är medelvärdet av de år kommunen har ett värde för."
        )
    parts.append(
        "Avståndet är det viktade medelvärdet av skillnaderna (summan av vikt × skillnad "
        "delat med summan av vikterna). 0 betyder lika i allt som jämförs. Saknar någon av "
        "två kommuner ett värde hoppas kriteriet över för det paret och vikterna räknas om "
        "för de övriga; antalet kriterier som användes står vid varje avstånd."
    )
    if result.min_coverage >= 1:
        parts.append("Bara kommuner som har värden för alla kriterier tas med.")
    else:
        share = fmt_number(result.min_coverage * 100, 0)
        parts.append(
            f"Kommuner tas med om de har värden för minst {share} % av vikten; de andra "
            "kriterierna hoppas då över."
        )
    for key in result.dropped:
        parts.append(
            f"{mine} saknar värde för {result.criterion(key).label}: kriteriet används inte."
        )
    for key in result.unusable:
        parts.append(
            f"{result.criterion(key).label} har värden för färre än två kommuner och kan inte "
            "jämföras: kriteriet används inte."
        )
    if result.not_ranked:
        parts.append(
            f"{result.not_ranked} av {result.candidates} kommuner saknade värden och kunde "
            "inte jämföras."
        )
    parts.append(
        f"De {len(result.matches)} kommuner med minst avstånd visas; vid lika avstånd går "
        "lägst kommunkod först."
    )
    return " ".join(parts)


def why_text(result: SimilarResult, match: Match, names: Mapping[str, str]) -> str:
    """The figures side by side for one match: "Befolkning 14 300 mot 15 100 (0,05); …"."""
    mine = names.get(result.mine, result.mine)
    other = names.get(match.unit, match.unit)
    items = []
    for part in match.distance.parts:
        if part.weight <= 0:
            continue
        c = result.criterion(part.key)
        diff = "hoppas över" if part.difference is None else fmt_distance(part.difference)
        items.append(
            f"{c.label}: {other} {fmt_value(c, part.other)}, {mine} {fmt_value(c, part.mine)} "
            f"(skillnad {diff})"
        )
    d = match.distance
    return (
        f"{other}: avstånd {fmt_distance(d.value)} på {d.used} av {d.total} kriterier. "
        + "; ".join(items)
        + "."
    )


def method_note(
    result: SimilarResult, names: Mapping[str, str], created: str = ""
) -> tuple[str, str]:
    """The report's method note for a comparison group chosen as similar kommuner."""
    listed = ", ".join(
        f"{names.get(m.unit, m.unit)} ({fmt_distance(m.distance.value)})" for m in result.matches
    )
    when = f" Gruppen valdes {created}." if created else ""
    return (
        METHOD_HEADING,
        f"Jämförelsegruppen är de kommuner som är mest lika {names.get(result.mine, result.mine)}"
        f" (avstånd inom parentes): {listed}.{when} " + method_text(result, names),
    )
