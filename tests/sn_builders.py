"""Svenskt Näringsliv files in the layouts we expect (their exact layout is not known to us):
a ranking table with years as columns, per-question results, questions over years in two
header rows, and a long table. Each builder returns the sheets and the values it wrote."""

from __future__ import annotations

from dataclasses import dataclass, field

SN_TITLE = "Svenskt Näringsliv – Lokalt företagsklimat"

KOMMUNER = (("0114", "Upplands Väsby"), ("0139", "Upplands-Bro"), ("2514", "Kalix"))


@dataclass
class Built:
    sheets: dict[str, list[list]]
    # (year, kommun code, factor) → grade, or rank for factor "rank"
    truth: dict[tuple[int, str, str], float] = field(default_factory=dict)


def ranking_table(
    *,
    by_code: bool = True,
    by_name: bool = True,
    two_header_rows: bool = False,
    title_rows: int = 1,
    marker: str = "–",
    years: tuple[int, ...] = (2022, 2023, 2024),
    code_and_name_in_one: bool = False,
) -> Built:
    """One row per kommun, years as columns, a change column; the last kommun lacks a year."""
    built = Built({})
    rows: list[list] = [[f"{SN_TITLE}, ranking {years[-1]}"]] + [["Källa: foretagsklimat.se"]] * (
        title_rows - 1
    )
    unit_head: list = []
    if code_and_name_in_one:
        unit_head = ["Kommun"]
    else:
        unit_head = (["Kommunkod"] if by_code else []) + (["Kommun"] if by_name else [])
    if two_header_rows:
        rows.append([""] * len(unit_head) + ["Ranking"] + [""] * (len(years) - 1) + [""])
        rows.append(unit_head + [str(y) for y in years] + ["Förändring"])
    else:
        rows.append(unit_head + list(years) + ["Förändring"])
    for i, (code, name) in enumerate(KOMMUNER):
        ranks: list = [10 + 37 * i + 5 * k for k in range(len(years))]
        if i == len(KOMMUNER) - 1:
            ranks[0] = marker
        for year, rank in zip(years, ranks, strict=True):
            if isinstance(rank, int):
                built.truth[(year, code, "rank")] = rank
        change = ranks[-2] - ranks[-1] if isinstance(ranks[-2], int) else marker
        if code_and_name_in_one:
            unit = [f"{code} {name}"]
        else:
            unit = ([code] if by_code else []) + ([name] if by_name else [])
        rows.append(unit + ranks + [change])
    rows.append(["Källa: Svenskt Näringsliv, foretagsklimat.se"])
    built.sheets["Ranking"] = rows
    return built


QUESTION_HEADERS = {
    "sammanfattande_omdome": "Sammanfattande omdöme om företagsklimatet i kommunen",
    "service_bemotande": "Kommunens service och bemötande",
    "tillampning_lagar_regler": "Tillämpning av lagar och regler",
    "politikers_attityder": "Kommunpolitikers attityder till företagande",
    "konkurrens_kommunen": "Konkurrens från kommunens verksamheter",
}


def question_table(
    year: int = 2024, *, decimal_comma: bool = True, with_counts: bool = True
) -> Built:
    """One row per kommun, one column per question (1–6), the year in the title."""
    built = Built({})
    head = ["Kommunkod", "Kommun", *QUESTION_HEADERS.values()]
    if with_counts:
        head += ["Antal svar", "Svarsfrekvens"]
    rows: list[list] = [[f"Lokalt företagsklimat {year} – enkätresultat per fråga"], [], head]
    for i, (code, name) in enumerate(KOMMUNER):
        grades = [round(3.1 + 0.3 * i + 0.1 * k, 1) for k in range(len(QUESTION_HEADERS))]
        for key, grade in zip(QUESTION_HEADERS, grades, strict=True):
            built.truth[(year, code, key)] = grade
        cells = [f"{g:.1f}".replace(".", ",") if decimal_comma else g for g in grades]
        extra = [120 + i, f"{40 + i} %"] if with_counts else []
        rows.append([code, name, *cells, *extra])
    built.sheets[f"Enkät {year}"] = rows
    return built


def questions_over_years(years: tuple[int, ...] = (2023, 2024)) -> Built:
    """Two header rows: the question merged over its years."""
    built = Built({})
    questions = list(QUESTION_HEADERS.items())[:3]
    upper: list = ["", ""]
    lower: list = ["Kod", "Kommun"]
    for _key, text in questions:
        upper += [text] + [""] * (len(years) - 1)
        lower += list(years)
    rows: list[list] = [[SN_TITLE], upper, lower]
    for i, (code, name) in enumerate(KOMMUNER):
        row: list = [code, name]
        for q, (key, _t) in enumerate(questions):
            for k, year in enumerate(years):
                grade = round(2.8 + 0.2 * i + 0.3 * q + 0.1 * k, 1)
                built.truth[(year, code, key)] = grade
                row.append(grade)
        rows.append(row)
    built.sheets["Frågor"] = rows
    return built


def long_table() -> Built:
    """Kommun, År, Fråga, Betyg: one value per row."""
    built = Built({})
    rows: list[list] = [["Kommun", "År", "Fråga", "Betyg"]]
    for i, (_code, name) in enumerate(KOMMUNER):
        for k, (key, text) in enumerate(QUESTION_HEADERS.items()):
            grade = round(3.0 + 0.2 * i + 0.1 * k, 1)
            built.truth[(2023, KOMMUNER[i][0], key)] = grade
            rows.append([name, 2023, text, grade])
    built.sheets["Svenskt Näringsliv"] = rows
    return built
