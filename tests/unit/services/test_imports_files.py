"""Every kind and variation of result file, imported into a fresh store, checked cell by cell."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import imports
from nki_desktop.services.mappings import remember_mapping
from tests import import_builders as b


def cell(store, unit, area, factor="nki", year=None, group="foretag"):
    values = store.values(unit=unit, area=area, factor=factor, group=group, year=year)
    assert len(values) == 1, (unit, area, factor, values)
    return values[0]


def landed(store, path, options=None):
    outcome = imports.import_file(store, path, options)
    assert outcome.ok, outcome.message
    return outcome


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_oj_two_row_merged_header_with_riket_joint_body_and_footnote(store, tmp_path, suffix):
    path = b.oj_two_row_header(
        tmp_path / f"rankning{suffix}",
        extra_rows=[
            ("", "Riket", "", 75, "", 70, "", 900, "80,5", "", 300),
            ("", "Miljöförbundet Norr (Kalix, Haparanda)", "", 79, "", "", "", "", 81, "", 40),
        ],
    )
    outcome = landed(store, path)
    assert outcome.batch.years == [2023] and outcome.kind == "oj"
    kalix = cell(store, "2514", "bygglov")
    assert (kalix.value, kalix.n, kalix.rank, kalix.missing) == (84.0, 31, 5, None)
    assert (kalix.sheet, kalix.row, kalix.column) == ("Rankning", 6, "I")
    assert cell(store, "2514", "total").rank == 2  # published rank stored as published
    brand = cell(store, "2514", "brandskydd")
    assert (brand.value, brand.missing, brand.n, brand.rank) == (None, "..", 4, None)
    assert cell(store, "2582", "bygglov").value == 77.4  # decimal comma as text
    orebro = cell(store, "1880", "bygglov")  # "Örebro kommun"; rank "–" is no rank
    assert (orebro.value, orebro.n, orebro.rank) == (66.0, 140, None)
    assert cell(store, "1880", "total").value == 71.0  # number written as text
    assert cell(store, "1880", "brandskydd").missing == "-"
    assert cell(store, "0139", "total").missing == "x"  # "Upplands Bro" → Upplands-Bro
    assert cell(store, "0139", "bygglov").missing == ""  # empty cell: stored as missing
    riket = cell(store, "riket", "bygglov")
    assert (riket.value, riket.n, riket.rank) == (80.5, 300, None)
    jb = cell(store, "jb:Miljöförbundet Norr", "bygglov")
    assert (jb.value, jb.n) == (81.0, 40)
    assert store.joint_bodies() == [
        ("jb:Miljöförbundet Norr", "Miljöförbundet Norr", ("2514", "2583"))
    ]
    assert [s.reason for s in outcome.batch.skipped] == ["fotnot/text under tabellen"]
    # No rank invented where the file has none.
    assert all(v.rank is None for v in store.values(unit="riket"))


def test_oj_xls_one_sheet_per_lan_old_names_and_title_year(store, tmp_path):
    path = b.write_xls(tmp_path / "oj2015.xls", b.per_lan_sheets())
    outcome = landed(store, path)
    assert outcome.batch.years == [2014]  # ÖJ 2015 = cases of 2014
    kalix = cell(store, "2514", "brandskydd")  # Brandtillsyn → brandskydd
    assert (kalix.value, kalix.n, kalix.sheet) == (85.0, 11, "Norrbottens län")
    assert cell(store, "2514", "miljo_halsoskydd").value == 72.5
    assert cell(store, "2580", "brandskydd").missing == ".."  # Luleå
    assert cell(store, "2080", "total").rank == 90  # Falu kommun → Falun
    assert cell(store, "2023", "brandskydd").missing == "-"  # Malung-Sälens kommun
    assert cell(store, "2023", "miljo_halsoskydd").missing == "x"
    reasons = {(s.sheet, s.reason) for s in outcome.batch.skipped}
    assert ("Norrbottens län", "länsrad (summering, inte en kommun)") in reasons
    assert ("Info", "bladet har ingen tabell med kommuner") in reasons
    assert {v.unit for v in store.values()} == {"2514", "2580", "2080", "2023"}


def test_oj_ods_code_only_year_in_sheet_name(store, tmp_path):
    path = b.write_ods(
        tmp_path / "export.ods",
        {
            "2021": [
                ["Kommunkod", "NKI totalt", "Rank", "Bygglov NKI", "Bygglov rank"],
                ["2514", 86, 2, 84, 5],
                [2582, 88, 1, "88,2", 1],
            ]
        },
    )
    landed(store, path)
    assert cell(store, "2514", "total", year=2021).rank == 2
    assert cell(store, "2582", "bygglov", year=2021).value == 88.2


def test_oj_year_in_file_name_and_spaces_percent(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "Rankningslista_2022.xlsx",
        {
            "Blad1": [
                ["Kommun", "NKI totalt", "Bygglov antal svar", "Bygglov NKI"],
                ["Kalix", "86\u00a0%", "1 234", " 84 "],
            ]
        },
    )
    landed(store, path)
    v = cell(store, "2514", "bygglov", year=2022)
    assert (v.value, v.n) == (84.0, 1234)
    assert cell(store, "2514", "total", year=2022).value == 86.0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_kolada_csv_every_encoding(store, tmp_path, encoding):
    path = b.write_csv(tmp_path / "kolada.csv", b.KOLADA_LINES, encoding)
    outcome = landed(store, path)
    assert outcome.kind == "kolada" and outcome.batch.years == [2021, 2022, 2023]
    assert cell(store, "riket", "bygglov", year=2021).value == 69.5
    assert cell(store, "1489", "bygglov", year=2022).missing == "-"  # Alingsås
    assert cell(store, "1489", "bygglov", year=2023).value == 73.5
    kalix = [cell(store, "2514", "bygglov", year=y) for y in (2021, 2022, 2023)]
    assert [(v.value, v.missing) for v in kalix] == [(None, ".."), (None, "."), (84.0, None)]
    assert cell(store, "1880", "bygglov", year=2022).value == 67.0
    reasons = [s.reason for s in outcome.batch.skipped]
    assert reasons == [
        "länsrad (summering, inte en kommun)",
        "gruppsrad (summering, inte en kommun)",
    ]
    assert all(v.publication == "kolada" for v in store.values())


def test_kolada_excel_with_gender_rows(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "kolada.xlsx",
        {
            "Kolada": [
                ["Nöjd Kund Index - Miljö- och hälsoskydd, företag"],
                ["Kommun", "Kön", 2022, 2023],
                ["Kalix", "Totalt", 80, 81.5],
                ["Kalix", "Kvinnor", 82, 83],
            ]
        },
    )
    outcome = landed(store, path)
    assert cell(store, "2514", "miljo_halsoskydd", year=2023).value == 81.5
    assert "kön 'Kvinnor'" in outcome.batch.skipped[0].reason


def test_kolada_json_asks_for_the_kpi_then_remembers(store, tmp_path):
    path = b.kolada_json(tmp_path / "kolada.json", kpi="N99999")  # an id we do not know
    outcome = imports.import_file(store, path)
    assert not outcome.ok and outcome.mapping_request is not None
    request = outcome.mapping_request
    assert request.headers == ["N99999"]
    assert ("bygglov:nki", "Bygglov – NKI") in request.targets
    remember_mapping(store, request, {0: "bygglov:nki"})
    outcome = landed(store, path)
    assert cell(store, "2514", "bygglov", year=2022).value == 86.3  # gender T only
    assert cell(store, "riket", "bygglov", year=2022).value == 70.2
    assert cell(store, "1880", "bygglov", year=2022).missing == ".."
    reasons = [s.reason for s in outcome.batch.skipped]
    assert "kommungrupp eller annan enhet än kommun" in reasons
    assert any("kvinnor/män" in r for r in reasons)
    # A second file with the same KPI needs no question.
    other = b.kolada_json(
        tmp_path / "kolada2.json",
        kpi="N99999",
        extra=[
            {
                "kpi": "N99999",
                "municipality": "2582",
                "period": 2023,
                "values": [{"gender": "T", "count": 1, "status": "", "value": 90}],
            }
        ],
    )
    landed(store, other)
    assert cell(store, "2582", "bygglov", year=2023).value == 90.0


def test_own_results_title_kommun_two_groups(store, tmp_path):
    path = b.own_results(tmp_path / "insikt.xlsx")
    outcome = landed(store, path)
    assert outcome.kind == "own"
    v = cell(store, "2514", "bygglov", year=2023)
    assert (v.value, v.n) == (86.0, 114)
    assert cell(store, "2514", "bygglov", "information", 2023).n == 110
    assert cell(store, "2514", "bygglov", "effektivitet", 2023).missing == "-"
    assert cell(store, "2514", "miljo_halsoskydd", year=2023).value == 77.4
    assert cell(store, "2514", "total", year=2023).n == 123
    p = cell(store, "2514", "bygglov", year=2023, group="privatperson")
    assert (p.value, p.n) == (71.0, 40)
    assert {v.unit for v in store.values(group=None)} == {"2514"}


def test_own_results_kommun_from_option_years_as_columns(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "portal.xlsx",
        {
            "NKI": [
                ["Resultat från Insikt-portalen"],
                ["Område", 2022, 2023],
                ["Bygglov", "70 (30)", "72 (28)"],
                ["Livsmedelskontroll", 81, "-"],
            ]
        },
    )
    assert not imports.import_file(store, path).ok  # no kommun named anywhere
    landed(store, path, ImportOptions(kommun="1880"))
    assert cell(store, "1880", "bygglov", year=2022).n == 30
    assert cell(store, "1880", "livsmedelskontroll", year=2023).missing == "-"


def test_template_round_trip(store, tmp_path):
    from openpyxl import load_workbook

    from nki_desktop.importers.template import COLUMNS, write_template

    path = write_template(tmp_path / "mall.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Data", "Instruktioner", "Nycklar"]
    keys = [row[1] for row in book["Nycklar"].iter_rows(values_only=True)]
    assert {"bygglov", "miljo_halsoskydd", "rattssakerhet", "foretag"} <= set(keys)
    data = book["Data"]
    assert [c.value for c in data[1]] == list(COLUMNS)
    for row in (
        [2023, "1880", "bygglov", "nki", "foretag", 66.5, 40],
        [2023, "Kalix", "Bygglov", "Bemötande", "Företag", "88,5", None],
        [2023, "Riket", "total", "", "", 75, None],
        [2023, "Gemensamma miljönämnden", "miljo_halsoskydd", "nki", "", "..", 8],
    ):
        data.append(row)
    book.save(path)
    outcome = landed(store, path)
    assert outcome.kind == "template"
    assert (cell(store, "1880", "bygglov").value, cell(store, "1880", "bygglov").n) == (66.5, 40)
    assert cell(store, "2514", "bygglov", "bemotande").value == 88.5
    assert cell(store, "riket", "total").value == 75.0
    jb = cell(store, "jb:Gemensamma miljönämnden", "miljo_halsoskydd")
    assert (jb.value, jb.missing, jb.n) == (None, "..", 8)


def test_template_csv(store, tmp_path):
    path = b.write_csv(
        tmp_path / "lang.csv",
        [
            ["År", "Kommun", "Område", "Faktor", "Svarsgrupp", "Värde", "Antal svar"],
            ["2020", "Boden", "bygglov", "nki", "privatperson", "70,5", "12"],
        ],
        "utf-8-sig",
    )
    landed(store, path)
    assert cell(store, "2582", "bygglov", year=2020, group="privatperson").n == 12


def test_unmapped_layout_asks_and_mapping_is_remembered(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "okant.xlsx",
        {"Data": [["Enhetsnamn", "Värde A", "Värde B"], ["Kalix", 80, 12], ["Boden", 70, 9]]},
    )
    preview = imports.preview(store, path)
    request = preview.mapping_request
    assert request is not None and request.headers == ["Enhetsnamn", "Värde A", "Värde B"]
    assert request.samples[0] == ["Kalix", "80", "12"]
    columns = {0: "kommun_name", 1: "bygglov:nki:value", 2: "bygglov:nki:n"}
    remember_mapping(store, request, columns)
    outcome = landed(store, path, ImportOptions(year=2023))
    assert outcome.kind == "oj"
    v = cell(store, "2514", "bygglov", year=2023)
    assert (v.value, v.n) == (80.0, 12)


def test_preview_describes_without_writing(store, tmp_path):
    path = b.oj_two_row_header(tmp_path / "oj.xlsx")
    before = store.list_imports()
    preview = imports.preview(store, path)
    assert preview.ok and preview.kind == "oj" and preview.sheet == "Rankning"
    assert preview.header_row == 5 and preview.years == [2023] and preview.kommuner == 4
    meanings = {c.letter: c.meaning for c in preview.columns}
    assert meanings["B"] == "kommunnamn" and meanings["H"] == "Brandskydd · NKI · antal svar"
    assert store.list_imports() == before


def test_two_sources_disagree_both_kept_preference_decides(store, tmp_path):
    oj = b.oj_two_row_header(tmp_path / "oj_2022.xlsx", title="Öppna jämförelser 2022")
    landed(store, oj)
    kolada = tmp_path / "kolada.json"
    kolada.write_text(
        json.dumps(
            {
                "values": [
                    {
                        "kpi": "X1",
                        "municipality": "2514",
                        "period": 2022,
                        "values": [{"gender": "T", "value": 84.6}],
                    }
                ]
            }
        )
    )
    request = imports.import_file(store, kolada).mapping_request
    remember_mapping(store, request, {0: "bygglov:nki"})
    assert imports.preview(store, kolada).differing == 1
    landed(store, kolada)
    assert cell(store, "2514", "bygglov", year=2022).value == 84.0  # ÖJ preferred
    alternatives = store.alternatives(2022, "2514", "bygglov", "nki", "foretag")
    assert [a.value for a in alternatives] == [84.0, 84.6]
    [conflict] = imports.conflicts(store)
    assert conflict.used.publication == "oj" and conflict.others[0].value == 84.6
    store.set_preference(["kolada", "oj"])
    assert cell(store, "2514", "bygglov", year=2022).value == 84.6


def test_numbers_in_own_row_with_formula_text_in_ods(store, tmp_path):
    wb = Workbook()
    wb.active.append(["Kommun", "NKI totalt"])
    wb.active.append(["Kalix", "=SUM(1,2)"])
    wb.save(tmp_path / "f.xlsx")
    outcome = imports.import_file(store, tmp_path / "f.xlsx", ImportOptions(year=2023))
    assert not outcome.ok and "formler utan sparade värden" in outcome.message


def test_oj_kommun_merged_over_two_header_rows_code_and_name_in_one_cell(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "ÖJ 2019"
    ws.append(["Kommun", "NKI totalt", None, "Bygglov", None])
    ws.append([None, "Index", "Placering", "Index", "Placering"])
    for cells in ("A1:A2", "B1:C1", "D1:E1"):
        ws.merge_cells(cells)
    ws.append(["1880 Örebro", 71, 60, 66, 100])
    ws.append(["2514 Kalix", 86, 2, 84, 5])
    wb.save(tmp_path / "oj.xlsx")
    landed(store, tmp_path / "oj.xlsx")
    assert cell(store, "1880", "bygglov", year=2019).rank == 100
    assert cell(store, "2514", "total", year=2019).value == 86.0


def test_own_results_transposed_with_answers_row_and_group_sheets(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "egna.xlsx",
        {
            "Privatpersoner 2022": [
                ["Örebro kommun – Insikt"],
                ["Faktor", "Bygglov", "Miljö- och hälsoskydd", "Totalt"],
                ["NKI", "70 (20)", 75, 72],
                ["Information", 66, "-", 65],
                ["Antal svar", 20, 15, 35],
            ],
            "Företag 2022": [
                ["Örebro kommun – Insikt"],
                ["Faktor", "Bygglov", "Totalt"],
                ["NKI", 60, 65],
            ],
        },
    )
    landed(store, path)
    p = cell(store, "1880", "miljo_halsoskydd", year=2022, group="privatperson")
    assert (p.value, p.n) == (75.0, 15)
    info = cell(store, "1880", "miljo_halsoskydd", "information", 2022, "privatperson")
    assert (info.value, info.missing) == (None, "-")
    assert cell(store, "1880", "total", year=2022, group="privatperson").n == 35
    assert cell(store, "1880", "bygglov", year=2022).value == 60.0  # företag


def test_flat_header_measures_follow_their_area_column(tmp_path, store):
    """'NKI totalt | Rank | Antal svar' on one header row: rank and n belong to NKI totalt,
    and "x av y" uses the number of ranked kommuner when the file does not say y."""
    from nki_desktop.analysis.overview import key_figures
    from nki_desktop.services import imports
    from tests.import_builders import write_xlsx

    path = write_xlsx(
        tmp_path / "flat.xlsx",
        {
            "Rankning 2023": [
                ["Öppna jämförelser Företagsklimat 2023"],
                [],
                [
                    "Kommunkod",
                    "Kommun",
                    "NKI totalt",
                    "Rank",
                    "Antal svar",
                    "Bygglov",
                    "Antal svar",
                ],
                ["1880", "Örebro", 72, 2, 612, 64, 120],
                ["1814", "Lekeberg", 78, 1, 34, 72, 11],
                ["1860", "Laxå", 70, 3, 22, 66, 8],
            ]
        },
    )
    assert imports.import_file(store, path).ok
    [total] = store.values(unit="1880", area="total", factor="nki")
    assert (total.value, total.rank, total.n) == (72.0, 2, 612)
    [bygg] = store.values(unit="1814", area="bygglov", factor="nki")
    assert (bygg.value, bygg.n, bygg.rank) == (72.0, 11, None)
    kf = key_figures(store, "1880", 2023)
    assert (kf.rank_national.rank, kf.rank_national.of) == (2, 3)
