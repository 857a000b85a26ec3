"""Svenskt Näringsliv files in several layouts land in their own series (area
``sn_foretagsklimat``, publication "sn"), never under NKI's keys, and are recognised apart
from NKI files in both directions."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop.domain.sn import SN_AREA, SN_PUBLICATION
from nki_desktop.importers import registry
from nki_desktop.importers.base import ImportOptions, NeedsMapping, read_workbook
from nki_desktop.services import imports
from tests import sn_builders as b
from tests.import_builders import write_csv, write_xlsx

LAYOUTS = {
    "ranking": b.ranking_table(),
    "ranking_names_two_rows": b.ranking_table(by_code=False, two_header_rows=True),
    "ranking_codes_only": b.ranking_table(by_name=False, title_rows=3, marker=".."),
    "ranking_code_and_name_in_one": b.ranking_table(code_and_name_in_one=True),
    "questions": b.question_table(),
    "questions_numbers": b.question_table(2023, decimal_comma=False, with_counts=False),
    "questions_over_years": b.questions_over_years(),
    "long": b.long_table(),
}


def _stored(store) -> dict[tuple[int, str, str], float]:
    return {
        (v.year, v.unit, v.factor): (v.rank if v.factor == "rank" else v.value)
        for v in store.values(area=SN_AREA)
        if v.value is not None or v.rank is not None
    }


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_lands_in_its_own_series(store, tmp_path, name):
    built = LAYOUTS[name]
    path = write_xlsx(tmp_path / f"{name}.xlsx", built.sheets)
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert outcome.kind == "sn"
    assert _stored(store) == built.truth
    assert {v.publication for v in store.values(area=SN_AREA)} == {SN_PUBLICATION}
    assert store.values() == []  # nothing under NKI's areas, nothing in NKI's reads
    assert store.years() == []
    assert store.years(area=SN_AREA) == sorted({y for y, _u, _f in built.truth})


def test_counts_and_response_rate_go_with_the_summary_grade(store, tmp_path):
    path = write_xlsx(tmp_path / "q.xlsx", b.question_table(2024).sheets)
    assert imports.import_file(store, path).ok
    [kalix] = store.values(area=SN_AREA, unit="2514", factor="sammanfattande_omdome")
    assert (kalix.value, kalix.n, kalix.response_rate) == (3.7, 122, 42.0)


def test_ranking_csv_with_semicolons(store, tmp_path):
    built = b.ranking_table(by_name=False)
    lines = [[str(c) for c in row] for row in built.sheets["Ranking"]]
    path = write_csv(tmp_path / "ranking.csv", lines, "utf-8-sig")
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert _stored(store) == built.truth


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    by_code=st.booleans(),
    two_rows=st.booleans(),
    title_rows=st.integers(1, 4),
    marker=st.sampled_from(["–", "-", "..", "x", ""]),
    first_year=st.integers(2012, 2022),
    span=st.integers(2, 4),
)
def test_ranking_tables_in_any_shape(
    tmp_path_factory, by_code, two_rows, title_rows, marker, first_year, span
):
    from nki_desktop.paths import shipped_catalogue

    built = b.ranking_table(
        by_code=by_code,
        by_name=not by_code or two_rows,
        two_header_rows=two_rows,
        title_rows=title_rows,
        marker=marker,
        years=tuple(range(first_year, first_year + span)),
    )
    path = write_xlsx(tmp_path_factory.mktemp("sn") / "r.xlsx", built.sheets)
    workbook = read_workbook(path)
    importer = registry.detect(workbook)
    assert importer.kind == "sn"
    parsed = importer.parse(workbook, ImportOptions(), shipped_catalogue())
    got = {(o.year, o.unit, o.factor): o.rank for o in parsed.batch.observations if o.rank}
    assert got == built.truth
    assert {o.area for o in parsed.batch.observations} == {SN_AREA}


def test_an_oj_file_never_goes_to_the_sn_importer(tmp_path):
    path = write_xlsx(
        tmp_path / "oj.xlsx",
        {
            "Rankning": [
                ["Öppna jämförelser Företagsklimat 2023 – företagsklimat i kommunen"],
                ["Kommun", "NKI totalt", "Rank", "Bygglov"],
                ["Kalix", 86, 2, 84],
            ]
        },
    )
    assert registry.detect(read_workbook(path)).kind == "oj"


def test_a_kolada_like_year_table_from_sn_never_goes_to_kolada(tmp_path):
    """Years as columns look like a Kolada export; the SN title decides."""
    built = b.ranking_table()
    path = write_xlsx(tmp_path / "r.xlsx", built.sheets)
    ranked = registry.scores(read_workbook(path))
    assert ranked[0][1].kind == "sn"
    assert all(score == 0.0 for score, imp in ranked if imp.kind not in ("sn", "template"))


def test_grade_outside_the_scale_is_refused_at_its_cell(store, tmp_path):
    built = b.question_table(2024)
    built.sheets["Enkät 2024"][3][3] = "7,2"
    outcome = imports.import_file(store, write_xlsx(tmp_path / "q.xlsx", built.sheets))
    assert not outcome.ok
    assert "7,2" in outcome.message and "1–6" in outcome.message
    assert "rad: 4" in outcome.message and "kolumn: D" in outcome.message


def test_unknown_columns_ask_for_an_sn_mapping(store, tmp_path):
    sheets = {
        "Blad1": [
            ["Svenskt Näringsliv, Lokalt företagsklimat 2024"],
            ["Kommun", "A", "B"],
            ["Kalix", "3,9", 41],
        ]
    }
    path = write_xlsx(tmp_path / "okand.xlsx", sheets)
    with pytest.raises(NeedsMapping) as raised:
        imports.understand(store, path)
    request = raised.value.request
    assert request.kind == "sn"
    assert ("service_bemotande:value", "SN – Service och bemötande (betyg 1–6)") in request.targets
    options = ImportOptions(
        mapping={0: "kommun_name", 1: "service_bemotande:value", 2: "rank:rank"},
        kind="sn",
        sheet="Blad1",
        header_row=2,
    )
    outcome = imports.import_file(store, path, options)
    assert outcome.ok, outcome.message
    assert _stored(store) == {(2024, "2514", "service_bemotande"): 3.9, (2024, "2514", "rank"): 41}


def test_template_source_column_puts_rows_in_the_sn_series(store, tmp_path):
    from nki_desktop.importers.template import COLUMNS

    rows = [
        list(COLUMNS),
        [2024, "Kalix", "", "service_bemotande", "", "4,1", 130, "Svenskt Näringsliv"],
        [2024, "Kalix", "", "rank", "", 41, None, "SN"],
        [2024, "1880", "", "Sammanfattande omdöme", "", "3,6", None, "Svenskt Näringsliv"],
    ]
    outcome = imports.import_file(store, write_xlsx(tmp_path / "mall.xlsx", {"Data": rows}))
    assert outcome.ok, outcome.message
    assert outcome.kind == "template"
    assert _stored(store) == {
        (2024, "2514", "service_bemotande"): 4.1,
        (2024, "2514", "rank"): 41,
        (2024, "1880", "sammanfattande_omdome"): 3.6,
    }
    assert {v.publication for v in store.values(area=SN_AREA)} == {SN_PUBLICATION}
    assert store.values() == []


def test_template_mixing_the_surveys_is_refused(store, tmp_path):
    from nki_desktop.importers.template import COLUMNS

    rows = [
        list(COLUMNS),
        [2024, "Kalix", "bygglov", "nki", "", 80, 30, "NKI"],
        [2024, "Kalix", "", "service_bemotande", "", "4,1", 130, "Svenskt Näringsliv"],
    ]
    outcome = imports.import_file(store, write_xlsx(tmp_path / "mix.xlsx", {"Data": rows}))
    assert not outcome.ok
    assert "blandar NKI och Svenskt Näringsliv" in outcome.message
    assert store.values(other_surveys=True) == []


def test_a_second_sn_file_with_other_values_is_flagged(store, tmp_path):
    first = b.question_table(2024)
    assert imports.import_file(store, write_xlsx(tmp_path / "a.xlsx", first.sheets)).ok
    second = b.question_table(2024)
    second.sheets["Enkät 2024"][3][2] = "2,0"  # Upplands Väsby's summary grade differs
    result = imports.preview(store, write_xlsx(tmp_path / "b.xlsx", second.sheets))
    assert result.ok and result.differing == 1


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    questions=st.lists(st.sampled_from(sorted(b.QUESTION_HEADERS)), min_size=2, unique=True),
    unit=st.sampled_from(["code", "name", "both"]),
    year_in=st.sampled_from(["title", "column", "sheet"]),
    comma=st.booleans(),
    title_rows=st.integers(0, 3),
    year=st.integers(2010, 2025),
    gap=st.booleans(),
)
def test_question_tables_in_any_shape(
    tmp_path_factory, questions, unit, year_in, comma, title_rows, year, gap
):
    from nki_desktop.paths import shipped_catalogue

    titles = [[f"Svenskt Näringsliv – Lokalt företagsklimat {year if year_in == 'title' else ''}"]]
    titles += [["Källa: foretagsklimat.se"]] * max(0, title_rows - 1)
    if title_rows == 0 and year_in == "title":
        year_in = "sheet"
    rows = titles if title_rows else []
    head = {"code": ["Kommunkod"], "name": ["Kommun"], "both": ["Kod", "Kommun"]}[unit]
    head = head + (["År"] if year_in == "column" else [])
    rows.append(head + [b.QUESTION_HEADERS[q] for q in questions])
    truth = {}
    for i, (code, name) in enumerate(b.KOMMUNER):
        ids = {"code": [code], "name": [name], "both": [code, name]}[unit]
        cells: list = []
        for k, q in enumerate(questions):
            grade = round(2.0 + 0.4 * i + 0.3 * k, 1)
            if gap and i == 1 and k == 0:
                cells.append("..")
                continue
            truth[(year, code, q)] = grade
            cells.append(f"{grade:.1f}".replace(".", ",") if comma else grade)
        rows.append(ids + ([year] if year_in == "column" else []) + cells)
    sheet = f"Resultat {year}" if year_in == "sheet" else "Resultat"
    path = write_xlsx(tmp_path_factory.mktemp("snq") / "q.xlsx", {sheet: rows})
    workbook = read_workbook(path)
    importer = registry.detect(workbook)
    assert importer.kind == "sn"
    parsed = importer.parse(workbook, ImportOptions(), shipped_catalogue())
    got = {
        (o.year, o.unit, o.factor): o.value
        for o in parsed.batch.observations
        if o.value is not None
    }
    assert got == truth
    assert {o.area for o in parsed.batch.observations} == {SN_AREA}
