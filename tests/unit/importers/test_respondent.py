"""Importing respondent files (xlsx and csv) with known answers, end to end into the store."""

from __future__ import annotations

import contextlib
import io
import math
import statistics
from dataclasses import replace

import pytest

from nki_desktop import cli
from nki_desktop.domain.records import ImportSettings
from nki_desktop.importers.base import ImportOptions, read_workbook
from nki_desktop.importers.respondent import RESPONDENT_IMPORTER
from nki_desktop.services.imports import FileOutcome, import_file
from nki_desktop.services.mappings import remember_mapping
from tests.respondent_builders import make_rows, write_csv, write_xlsx

# year, area, group, q1..q3, six factors (1–6), bransch
KNOWN = [
    [1, 2023, "Bygglov", "Företag", 8, 9, 7, 5, 4, 6, 5, 4, 3, "Bygg"],
    [2, 2023, "Bygglov", "Företag", 10, 10, 9, 6, 6, 6, 6, 5, 5, "Bygg"],
    [3, 2023, "Bygglov", "Företag", 5, 4, "vet ej", 3, 2, 4, 3, 3, 2, "Handel"],
    [4, 2023, "Bygglov", "Företag", 7, 7, 7, 4, 4, 5, 4, 4, 4, "Handel"],
    [5, 2023, "Bygglov", "Företag", 9, 8, 8, 5, 5, 5, 5, 5, 4, "Bygg"],
    [6, 2023, "Bygglov", "Företag", 6, 5, 6, 99, 3, 4, 4, 3, 3, ""],
    [7, 2023, "Bygglov", "Företag", 3, 2, 2, 2, 2, 3, "Ej svar", 2, 1, "Handel"],
    [8, 2023, "Bygglov", "Företag", 10, 9, 10, 6, 5, 6, 6, 6, 5, "Bygg"],
    [9, 2023, "Bygglov", "Företag", 8, 8, 0, 5, 4, 5, 5, 4, 4, "Bygg"],
    [10, 2023, "Brandskydd", "Företag", 9, 9, 9, 5, 5, 5, 5, 5, 5, "Bygg"],
    [11, 2023, "Brandskydd", "Företag", 7, 8, 6, 4, 4, 4, 4, 4, 4, "Bygg"],
    [12, 2023, "Brandskydd", "Företag", 8, 7, 9, 5, 4, 5, 5, 5, 4, "Bygg"],
    [13, 2022, "Bygglov", "Företag", 6, 6, 6, 4, 3, 4, 4, 3, 3, "Bygg"],
    [14, 2022, "Bygglov", "Företag", 7, 6, 5, 4, 4, 4, 4, 4, 3, "Bygg"],
    [15, 2022, "Bygglov", "Företag", 5, 5, 5, None, 3, 3, 3, 3, 2, "Bygg"],
]


def _nki(row: list) -> float | None:
    answers = row[4:7]
    if any(not isinstance(a, int) or a in (0, 99) for a in answers):
        return None
    return (statistics.mean(answers) - 1) / 9 * 100


def _factor(row: list, i: int, top: int = 6) -> float | None:
    a = row[7 + i]
    if not isinstance(a, int) or a in (0, 99):
        return None
    return (a - 1) / (top - 1) * 100


def import_respondent_file(store, path, options: ImportOptions | None = None) -> FileOutcome:
    """The one import path, told that the file holds respondent rows."""
    return import_file(store, path, replace(options or ImportOptions(), kind="respondent"))


def _values(store, **filters):
    return {(v.year, v.area, v.factor, v.group): v for v in store.values(unit="1880", **filters)}


@pytest.fixture(params=["xlsx", "csv"])
def known_file(request, tmp_path):
    if request.param == "xlsx":
        return write_xlsx(tmp_path / "svar.xlsx", KNOWN, title_rows=2)
    return write_csv(tmp_path / "svar.csv", KNOWN)


def test_known_answers_give_independently_computed_indices(store, known_file):
    result = import_respondent_file(store, known_file, ImportOptions(kommun="1880"))
    assert result.ok and not result.duplicate
    assert store.respondent_count() == len(KNOWN)
    values = _values(store)
    rows_2023 = [r for r in KNOWN if r[1] == 2023 and r[2] == "Bygglov"]
    nkis = [x for x in (_nki(r) for r in rows_2023) if x is not None]
    cell = values[(2023, "bygglov", "nki", "foretag")]
    assert cell.n == len(nkis) == 7  # "vet ej" and 0 are not scores: rows 3 and 9 drop
    assert cell.value == pytest.approx(statistics.mean(nkis))
    half = 2.447 * statistics.stdev(nkis) / math.sqrt(7)  # t(0.975, 6) from the table
    assert cell.ci_low == pytest.approx(statistics.mean(nkis) - half, abs=0.01)
    assert cell.ci_high == pytest.approx(statistics.mean(nkis) + half, abs=0.01)
    info = [x for x in (_factor(r, 0) for r in rows_2023) if x is not None]
    assert values[(2023, "bygglov", "information", "foretag")].n == 8  # 99 is no answer
    assert values[(2023, "bygglov", "information", "foretag")].value == pytest.approx(
        statistics.mean(info)
    )
    # Brandskydd 2023 has 3 answers: below the 7 needed to show, withheld with the reason.
    brand = values[(2023, "brandskydd", "nki", "foretag")]
    assert brand.value is None and brand.n == 3 and "för få svar" in brand.missing
    # NKI totalt 2023 = bygglov + brandskydd respondents (both in the 2016–2023 definition).
    total = [x for x in (_nki(r) for r in KNOWN if r[1] == 2023) if x is not None]
    assert values[(2023, "total", "nki", "foretag")].value == pytest.approx(statistics.mean(total))
    assert values[(2023, "total", "nki", "foretag")].n == 10
    # 2022 has 3 respondents: withheld.
    assert values[(2022, "bygglov", "nki", "foretag")].value is None


def test_stored_rows_keep_raw_answers_and_background(store, tmp_path):
    path = write_xlsx(tmp_path / "svar.xlsx", KNOWN)
    assert import_respondent_file(store, path, ImportOptions(kommun="1880")).ok
    rows = store.respondents(year=2023, area="bygglov")
    first = rows[0]
    assert (first["q1"], first["q2"], first["q3"], first["information"]) == (8, 9, 7, 5)
    assert first["background"] == {"bransch": "Bygg"} and first["row"] == 2
    assert rows[2]["q3"] is None  # "vet ej"
    assert rows[5]["information"] is None and rows[5]["background"] == {}
    info = store.list_imports()[0]
    assert info.settings == ImportSettings(
        factor_scale=(1.0, 6.0), nki_rule="all", sheet="Svar", header_row=1
    )


def test_no_answer_codes_are_configurable(store, tmp_path):
    rows = [r[:] for r in KNOWN]
    rows[0][4] = "kan ej bedöma"
    rows[1][4] = 98
    path = write_xlsx(tmp_path / "svar.xlsx", rows)
    batch = RESPONDENT_IMPORTER.parse(
        read_workbook(path),
        ImportOptions(
            kommun="1880",
            no_answer_codes=(98, 99, 0),
            no_answer_texts=("kan ej bedöma", "vet ej", "ej svar"),
        ),
        store.catalogue,
    ).batch
    first, second = batch.respondents[0], batch.respondents[1]
    assert first["q1"] is None and second["q1"] is None
    assert not any("inte tal" in s.reason for s in batch.skipped)
    # With the default settings "kan ej bedöma" is unreadable and 98 is out of scale.
    batch = RESPONDENT_IMPORTER.parse(
        read_workbook(path), ImportOptions(kommun="1880"), store.catalogue
    ).batch
    reasons = " ".join(s.reason for s in batch.skipped)
    assert "inte tal" in reasons and "utanför skalan" in reasons
    assert batch.respondents[1]["q1"] is None


def test_factor_scale_1_to_10_is_read_from_the_data(store, tmp_path):
    rows = make_rows(60, seed=2, factor_max=10, no_answer_rate=0)
    path = write_xlsx(tmp_path / "svar10.xlsx", rows)
    batch = RESPONDENT_IMPORTER.parse(
        read_workbook(path), ImportOptions(kommun="1880"), store.catalogue
    ).batch
    assert any("vald skala 1–10 (läst ur data)" in n for n in batch.notes)
    cell = next(
        o
        for o in batch.observations
        if (o.year, o.area, o.factor) == (2022, "total", "kompetens") and o.group == "foretag"
    )
    # Every generated area belongs to NKI totalt 2022 (the 2016–2023 definition).
    expected = [(r[10] - 1) / 9 * 100 for r in rows if r[1] == 2022]
    assert cell.value == pytest.approx(statistics.mean(expected))


def test_factor_scale_can_be_overridden(store, tmp_path):
    path = write_xlsx(tmp_path / "svar.xlsx", KNOWN)
    batch = RESPONDENT_IMPORTER.parse(
        read_workbook(path), ImportOptions(kommun="1880", factor_scale="1-10"), store.catalogue
    ).batch
    assert any("observerat 1–6, vald skala 1–10 (inställd)" in n for n in batch.notes)
    assert "faktorskala 1–10" in batch.description
    assert batch.settings.factor_scale == (1.0, 10.0)
    cell = next(
        o
        for o in batch.observations
        if (o.year, o.area, o.factor, o.group) == (2023, "bygglov", "bemotande", "foretag")
    )
    rows = [r for r in KNOWN if r[1] == 2023 and r[2] == "Bygglov"]
    assert cell.value == pytest.approx(statistics.mean((r[9] - 1) / 9 * 100 for r in rows))


def test_unknown_columns_ask_for_a_mapping_that_is_then_honoured_and_remembered(store, tmp_path):
    headers = [
        "Ärendeår",
        "Verksamhet",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Q5",
        "Q6",
        "Q7",
        "Q8",
        "Q9",
        "Vet du",
    ]
    rows = [r[1:3] + r[4:13] + ["ja"] for r in KNOWN]
    path = write_xlsx(tmp_path / "q.xlsx", rows, headers=headers)
    refused = import_respondent_file(store, path, ImportOptions(kommun="1880"))
    assert not refused.ok and store.list_imports() == []
    request = refused.mapping_request
    assert request.kind == "respondent" and request.header_row == 1
    assert request.initial[2] == "q1" and 5 not in request.initial
    assert "F (" in request.message
    keys = {k for k, _ in request.targets}
    assert {
        "year",
        "date",
        "area",
        "group",
        "kommun",
        "q1",
        "information",
        "effektivitet",
        "ignore",
        "background:Vet du",
    } <= keys
    mapping = dict(request.initial)
    mapping.update(
        {
            5: "information",
            6: "tillganglighet",
            7: "bemotande",
            8: "kompetens",
            9: "rattssakerhet",
            10: "effektivitet",
            11: "background:Vet du",
        }
    )
    result = import_respondent_file(store, path, ImportOptions(kommun="1880", mapping=mapping))
    assert result.ok
    remember_mapping(store, request, mapping)  # as the mapping dialog does
    assert result.batch.respondents[0]["background"] == {"Vet du": "ja"}
    assert result.batch.respondents[0]["effektivitet"] == 3
    # The same layout again (another file) is imported with the remembered mapping.
    path2 = write_xlsx(tmp_path / "q2.xlsx", rows[:9], headers=headers)
    again = import_respondent_file(store, path2, ImportOptions(kommun="1880"))
    assert again.batch.respondents[0]["information"] == 5


def test_long_question_texts_are_recognised(store, tmp_path):
    headers = [
        "Datum",
        "Myndighetsområde",
        "Kundgrupp",
        "Hur nöjd är du sammantaget med kommunens service?",
        "Hur väl motsvarade den dina förväntningar?",
        "Hur nära ett ideal var den?",
        "Informationen",
        "Tillgänglighet",
        "Bemötandet",
        "Kompetens",
        "Rättssäkerhet",
        "Effektivitet",
        "Kommun",
    ]
    rows = [
        [f"{r[1]}-05-0{1 + i % 9}", r[2], r[3], *r[4:13], "Kalix kommun"]
        for i, r in enumerate(KNOWN)
    ]
    path = write_csv(tmp_path / "lang.csv", rows, headers=headers)
    result = import_respondent_file(store, path)
    assert {r["unit"] for r in result.batch.respondents} == {"2514"}
    assert {r["year"] for r in result.batch.respondents} == {2022, 2023}


def test_cli_data_carries_computed_intervals_and_undo_removes_everything(store, tmp_path):
    rows = make_rows(400, seed=5)
    path = write_xlsx(tmp_path / "svar.xlsx", rows)
    result = import_respondent_file(store, path, ImportOptions(kommun="1880"))
    out = io.StringIO()
    assert (
        cli.run(
            [
                "--db",
                str(store.path),
                "data",
                "--kommun",
                "1880",
                "--year",
                "2023",
                "--area",
                "total",
            ],
            out,
        )
        == 0
    )
    lines = out.getvalue().splitlines()
    header = lines[0].split(",")
    nki = next(line.split(",") for line in lines[1:] if ",nki,foretag," in line)
    record = dict(zip(header, nki, strict=True))
    nkis = []
    for r in rows:
        if r[1] == 2023 and all(isinstance(a, int) and a not in (0, 99) for a in r[4:7]):
            nkis.append((statistics.mean(r[4:7]) - 1) / 9 * 100)
    assert int(record["n"]) == len(nkis)
    assert float(record["value"]) == pytest.approx(statistics.mean(nkis), abs=1e-5)
    assert float(record["ci_low"]) < float(record["value"]) < float(record["ci_high"])
    half = 1.972 * statistics.stdev(nkis) / math.sqrt(len(nkis))  # t(0.975, ~200)
    assert float(record["ci_high"]) - float(record["value"]) == pytest.approx(half, abs=0.01)
    assert store.undo_import(result.import_id)
    assert store.respondent_count() == 0
    assert store.values(unit="1880") == []


def test_nki_rule_at_least_two_of_three_is_a_setting(store, tmp_path):
    path = write_xlsx(tmp_path / "svar.xlsx", KNOWN)
    batch = RESPONDENT_IMPORTER.parse(
        read_workbook(path), ImportOptions(kommun="1880", nki_rule="two"), store.catalogue
    ).batch
    cell = next(
        o
        for o in batch.observations
        if (o.year, o.area, o.factor, o.group) == (2023, "bygglov", "nki", "foretag")
    )
    rows = [r for r in KNOWN if r[1] == 2023 and r[2] == "Bygglov"]
    values = []
    for r in rows:  # row 3 ("vet ej") and row 9 (0) now count with their two answers
        answers = [a for a in r[4:7] if isinstance(a, int) and a not in (0, 99)]
        values.append((statistics.mean(answers) - 1) / 9 * 100)
    assert cell.n == 9 and cell.value == pytest.approx(statistics.mean(values))
    assert "minst två av tre" in batch.description and batch.settings.nki_rule == "two"


def test_sniff_tells_respondent_files_from_others(tmp_path, store, sample_batch):
    respondent = read_workbook(write_xlsx(tmp_path / "svar.xlsx", make_rows(40)))
    assert RESPONDENT_IMPORTER.sniff(respondent) >= 0.6
    ranking = tmp_path / "rank.csv"
    ranking.write_text("Kommun;Län;NKI totalt;Placering\nKalix;Norrbotten;86;2\n", encoding="utf-8")
    assert RESPONDENT_IMPORTER.sniff(read_workbook(ranking)) < 0.3


def test_cli_import_respondents_with_mapping_and_settings(store, tmp_path):
    headers = ["Ärendeår", "Verksamhet", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9"]
    rows = [r[1:3] + r[4:13] for r in KNOWN]
    path = write_csv(tmp_path / "q.csv", rows, headers=headers)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.run(
            ["--db", str(store.path), "import-respondents", str(path), "--kommun", "1880"],
            io.StringIO(),
        )
    assert status == 2 and "Q4" in err.getvalue() and "--map" in err.getvalue()
    out = io.StringIO()
    maps = [
        f"--map={c}={t}"
        for c, t in zip(
            "FGHIJK",
            (
                "information",
                "tillganglighet",
                "bemotande",
                "kompetens",
                "rattssakerhet",
                "effektivitet",
            ),
            strict=True,
        )
    ]
    assert (
        cli.run(
            [
                "--db",
                str(store.path),
                "import-respondents",
                str(path),
                "--kommun",
                "1880",
                "--factor-scale",
                "1-10",
                *maps,
            ],
            out,
        )
        == 0
    )
    assert "faktorskala 1–10" in out.getvalue() and "vald skala 1–10 (inställd)" in out.getvalue()
    assert store.respondents(year=2023, area="bygglov")[0]["effektivitet"] == 3


def test_a_file_without_readable_answers_is_a_located_problem(store, tmp_path):
    rows = [[1, 2023, "Okänt område", "Företag", 8, 8, 8, 5, 5, 5, 5, 5, 5, "Bygg"]]
    path = write_xlsx(tmp_path / "tom.xlsx", rows)
    outcome = import_respondent_file(store, path, ImportOptions(kommun="1880"))
    assert not outcome.ok
    assert "Inga svar" in outcome.message and "blad: Svar" in outcome.message
    assert "Okänt område 'Okänt område'" in outcome.message
    assert store.list_imports() == []


def test_generic_import_path_detects_respondent_files(store, known_file):
    """Without being told its kind, a respondent file is recognised on the one import path
    and gives the same indices."""
    outcome = import_file(store, known_file, ImportOptions(kommun="1880"))
    assert outcome.ok, outcome.message
    [info] = store.list_imports()
    assert info.kind == "respondent" and store.respondent_count() == len(KNOWN)
    values = _values(store, year=2023, area="brandskydd", factor="nki")
    assert values[(2023, "brandskydd", "nki", "foretag")].n == 3
    assert values[(2023, "brandskydd", "nki", "foretag")].missing  # n = 3 < 7: not shown
    bygg = _values(store, year=2023, area="bygglov", factor="nki")[
        (2023, "bygglov", "nki", "foretag")
    ]
    answered = [_nki(r) for r in KNOWN if r[1] == 2023 and r[2] == "Bygglov"]
    answered = [a for a in answered if a is not None]
    assert bygg.n == len(answered) and math.isclose(bygg.value, statistics.mean(answered))
