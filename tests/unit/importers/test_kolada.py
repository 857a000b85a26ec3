"""Kolada in every shape: the real file, long tables, exports, API JSON, key figures placed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop import cli
from nki_desktop.analysis.overview import key_figures
from nki_desktop.analysis.ranking import load_ranking
from nki_desktop.domain.kolada import ANSWERS, INDEX, RESPONSE_RATE
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.importers.base import ImportOptions
from nki_desktop.importers.kolada_api import observations_from_api
from nki_desktop.importers.kolada_values import place_kpi
from nki_desktop.paths import shipped_catalogue
from nki_desktop.services import imports
from tests import import_builders as b

REAL = Path("/work/shared/data/kolada/ddf--datapoints--u07451--by--geo--year.csv")
needs_real = pytest.mark.skipif(not REAL.exists(), reason="shared Kolada file not present")


def landed(store, path, options=None):
    outcome = imports.import_file(store, path, options)
    assert outcome.ok, outcome.message
    return outcome


def one(store, unit, year, area="total", factor="nki"):
    values = store.values(unit=unit, year=year, area=area, factor=factor, group="foretag")
    assert len(values) == 1, values
    return values[0]


@needs_real
def test_real_kolada_file_lands_whole_and_exact(tmp_path):
    db = tmp_path / "k.sqlite"
    out = io.StringIO()
    assert cli.run(["--db", str(db), "import", str(REAL)], out) == 0, out.getvalue()
    from nki_desktop.storage import Store

    store = Store.open(db)
    stored = {(v.unit, v.year): v.value for v in store.values(area="total", factor="nki")}
    expected = {}
    with open(REAL, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["u07451"]:
                unit = "riket" if row["geo"] == "0000" else row["geo"]
                expected[(unit, int(row["year"]))] = float(row["u07451"])
    assert len(expected) == 1788
    assert stored == expected  # every non-empty cell, exactly; no empty cell stored
    kalix = key_figures(store, "2514", 2021)
    assert kalix.total.value == 86.36136644
    assert fmt_index(kalix.total.value) == "86,4"
    assert kalix.total.grade.label == "Mycket högt"
    assert kalix.rank_national.text == "2 av 190"  # ranked among kommuner with a value
    assert key_figures(store, "2514", 2020).rank_national.text == "114 av 181"
    table = load_ranking(store, 2021, "total", "nki", "foretag")
    assert table.ranked == 190 and table.row_of("2582").rank == 1  # Boden
    assert one(store, "riket", 2021).value == pytest.approx(73.92, abs=0.01)
    store.close()


def test_long_table_geo_year_kpi_column_any_case(store, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(
        "geo,year,u07451\n2514,2021,86.36136644\n0000,2021,73.9\n"
        "0,2022,75.1\n1880,2021,\n0305,2021,70\n",
        encoding="utf-8",
    )
    outcome = landed(store, path)
    assert outcome.kind == "kolada"
    assert one(store, "2514", 2021).value == 86.36136644
    assert one(store, "riket", 2021).value == 73.9 and one(store, "riket", 2022).value == 75.1
    assert store.values(unit="1880") == []  # empty cell: nothing stored
    assert one(store, "0305", 2021).value == 70.0  # Håbo by code


def test_long_table_semicolon_decimal_comma_cp1252_names_and_title_column(store, tmp_path):
    text = (
        "Kommun;År;Företagsklimat Insikt - Bygglov - Index\r\nHåbo;2024;71,5\r\n"
        "Habo;2024;60\r\nRiket;2024;74,2\r\n"
    )
    path = tmp_path / "lång.csv"
    path.write_bytes(text.encode("cp1252"))
    landed(store, path)
    assert one(store, "0305", 2024, "bygglov").value == 71.5
    assert one(store, "0643", 2024, "bygglov").value == 60.0
    assert one(store, "riket", 2024, "bygglov").value == 74.2


def test_long_table_with_kpi_column_n_and_response_rate(store, tmp_path):
    rows = [
        "kommunkod;år;kpi;kön;värde",
        "2514;2022;U07451;T;86,3",
        "2514;2022;U07451;K;88",
        "2514;2022;U07551;T;114",
        "2514;2022;U07552;T;45,5",
        "1880;2022;U07451;T;- (4)",
        "1880;2022;U07551;T;4",
    ]
    path = tmp_path / "kpi.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    outcome = landed(store, path)
    kalix = one(store, "2514", 2022)
    assert (kalix.value, kalix.n, kalix.response_rate) == (86.3, 114, 45.5)
    orebro = one(store, "1880", 2022)
    assert (orebro.value, orebro.missing, orebro.n) == (None, "-", 4)
    assert any("kvinnor/män" in s.reason for s in outcome.batch.skipped)
    # never stored as an index of their own
    assert {(v.area, v.factor) for v in store.values()} == {("total", "nki")}


def test_wide_export_with_b3_group_rows_and_codes(store, tmp_path):
    lines = [
        ["Företagsklimat enl. ÖJ (Insikt) - Bygglov - Totalt, NKI (U07447)"],
        [],
        ["Kommun", "2021", "2022"],
        ["Riket", "69,5", "70"],
        ["B3 Större stad", "70", "71"],
        ["2514 Kalix", "80,25", "81"],
        ["Håbo", "60", ".."],
    ]
    path = b.write_csv(tmp_path / "kolada.csv", lines, "utf-8-sig")
    outcome = landed(store, path)
    assert one(store, "2514", 2021, "bygglov").value == 80.25
    assert one(store, "0305", 2022, "bygglov").missing == ".."
    assert [s.reason for s in outcome.batch.skipped] == ["gruppsrad (summering, inte en kommun)"]


def test_text_in_a_value_cell_is_refused_located_never_a_traceback(tmp_path, capsys):
    for bad in ("x5", "<5", "U07451", "1e308"):
        path = tmp_path / f"bad{bad[0]}.csv"
        path.write_text(f"geo,year,u07451\n2514,2021,{bad}\n", encoding="utf-8")
        out = io.StringIO()
        assert cli.run(["--db", str(tmp_path / "x.sqlite"), "import", str(path)], out) == 2
        err = capsys.readouterr().err
        assert "rad: 2, kolumn: C" in err and "inte är ett tal" in err
        assert "Traceback" not in err


@pytest.mark.parametrize(
    "kpi, title, years, target",
    [
        ("U07451", "", [2021], "total:nki"),
        ("u07447", "", [2021], "bygglov:nki"),
        ("U07510", "", [2022], "total:bemotande"),
        ("U07459", "", [2022], "upphandling:nui"),
        ("U07551", "", [2022], "total:nki:antal_svar"),
        ("U07552", "", [2022], "total:nki:svarsfrekvens"),
        ("U07453", "", [2024, 2025], "total:nki"),
        ("U07453", "Företagsklimat Insikt - Totalt, Index, ny definition", [2023], "total:nki"),
        ("", "Företagsklimat enl. ÖJ (Insikt) - Bygglov - Totalt, NKI", [2020], "bygglov:nki"),
        ("", "Företagsklimat enl. ÖJ (Insikt) - Bygglov - Index", [2024], "bygglov:nki"),
        ("", "Företagsklimat Insikt - Bygglov - Index", [2025], "bygglov:nki"),
        ("", "Företagsklimat Insikt - Bemötande - Index", [2025], "total:bemotande"),
        (
            "",
            "Företagsklimat enl. ÖJ (Insikt) - Totalt - Tillgänglighet, NKI",
            [2020],
            "total:tillganglighet",
        ),
        (
            "",
            "Företagsklimat Insikt - Miljö- och hälsoskydd - Index",
            [2025],
            "miljo_halsoskydd:nki",
        ),
        ("", "Företagsklimat enl. ÖJ (Insikt) - Upphandling, NUI", [2021], "upphandling:nui"),
        ("", "Företagsklimat Insikt - antal svar", [2021], "total:nki:antal_svar"),
        ("", "Företagsklimat Insikt - svarsfrekvens", [2021], "total:nki:svarsfrekvens"),
    ],
)
def test_real_key_figures_placed_by_id_and_every_eras_title(kpi, title, years, target):
    placed = place_kpi(kpi, title, years)
    assert placed is not None and placed.target == target


def test_u07453_is_not_ours_before_2024_unless_insikt():
    assert place_kpi("U07453", "", [2015, 2016]) is None
    assert place_kpi("U07453", "", [2023, 2024]) is None
    assert (
        place_kpi(
            "U07453", "Invånare som upplevt oro för bostadsinbrott, andel (%) (-2016)", [2015]
        )
        is None
    )


def test_u07453_old_years_asks_never_stores_as_nki(store, tmp_path):
    path = tmp_path / "u07453.csv"
    path.write_text("geo,year,U07453\n2514,2015,12.5\n", encoding="utf-8")
    outcome = imports.import_file(store, path)
    assert not outcome.ok and outcome.mapping_request is not None
    assert "2024" in outcome.message and store.values() == []


def _page(values, **extra):
    return dict({"values": values}, **extra)


def _item(kpi, unit, year, value, gender="T", status=""):
    return {
        "kpi": kpi,
        "municipality": unit,
        "period": year,
        "values": [{"gender": gender, "count": 1, "status": status, "value": value}],
    }


def test_api_pages_v2_v3_into_observations():
    pages = [
        _page(
            [
                _item("U07451", "2514", 2021, 86.36136644),
                _item("U07451", "0000", 2021, 73.9),
                _item("U07451", "0001", 2021, 75.0),
                _item("U07551", "2514", 2021, 120),
            ],
            next_url="https://api.kolada.se/v3/data?page=2",
        ),
        _page(
            [
                _item("U07552", "2514", 2021, 47.5),
                _item("U07451", "1880", 2021, None, status="Sekretess"),
                _item("U07451", "2514", 2021, 90.0, gender="K"),
                _item("U07451", "G124009", 2021, 71.0),
                _item("U07451", "0305", 2021, None),
            ],
            next_page=None,
        ),
    ]
    data = observations_from_api(pages, shipped_catalogue())
    cells = {(o.unit, o.year): o for o in data.observations}
    kalix = cells[("2514", 2021)]
    assert (kalix.value, kalix.n, kalix.response_rate) == (86.36136644, 120, 47.5)
    assert cells[("riket", 2021)].value == 73.9
    assert cells[("1880", 2021)].missing == ".."
    assert ("0305", 2021) not in cells  # a null without status is nothing
    reasons = " ".join(s.reason for s in data.skipped)
    assert "län/region" in reasons and "kommungrupp" in reasons and "kvinnor/män" in reasons
    assert data.kpis == ["U07451", "U07551", "U07552"] and data.unplaced == []
    single = observations_from_api(pages[0] | {"next_url": "x"}, shipped_catalogue())
    assert single.notes  # says that pages are missing


def test_api_json_file_and_kpi_option(store, tmp_path):
    path = tmp_path / "api.json"
    path.write_text(
        json.dumps(_page([_item("N00001", "2514", 2022, 81.5), _item("N00002", "2514", 2022, 33)])),
        encoding="utf-8",
    )
    assert imports.import_file(store, path).mapping_request is not None
    options = ImportOptions(
        kpi_targets={"n00001": "bygglov:nki", "N00002": "bygglov:nki:antal_svar"}
    )
    landed(store, path, options)
    v = one(store, "2514", 2022, "bygglov")
    assert (v.value, v.n) == (81.5, 33)


def test_kpi_option_on_the_command_line(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("geo,year,N12345\n2514,2021,77.25\n", encoding="utf-8")
    db = str(tmp_path / "c.sqlite")
    out = io.StringIO()
    assert cli.run(["--db", db, "import", str(path)], out) == 2
    assert cli.run(["--db", db, "import", str(path), "--kpi", "N12345=nope"], out) == 2
    assert cli.run(["--db", db, "import", str(path), "--kpi", "N12345=bygglov:nki"], out) == 0
    assert cli.run(["--db", db, "data", "--kommun", "2514", "--format", "csv"], out) == 0
    assert "bygglov,nki,foretag,77.25" in out.getvalue()


def test_measures_table_is_consistent():
    from nki_desktop.domain.kolada import KOLADA_KPIS

    assert {k.measure for k in KOLADA_KPIS.values()} == {INDEX, ANSWERS, RESPONSE_RATE}
    assert KOLADA_KPIS["U07453"].first_year == 2024


def test_national_position_counts_kommuner_with_a_publishable_value(store):
    from nki_desktop.domain.records import ImportBatch, Observation

    obs = [
        Observation(2021, code, "total", "nki", "foretag", value=value, n=n)
        for code, value, n in (
            ("2582", 87.96, None),
            ("2514", 86.36, 120),
            ("1880", 90.0, 5),
            ("0305", 70.0, None),
        )
    ]
    store.save_import(ImportBatch("k.csv", "s", "kolada", "kolada", obs))
    # Örebro's 90 rests on 5 answers (ÖJ publishes from 10): not ranked, as on Ranking
    assert key_figures(store, "2514", 2021).rank_national.text == "2 av 3"
    table = load_ranking(store, 2021, "total", "nki", "foretag")
    assert table.ranked == 3 and table.row_of("2514").rank == 2
    assert key_figures(store, "1880", 2021).rank_national is None


_ANY_CELL = st.one_of(
    st.text(max_size=12),
    st.floats(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.booleans(),
    st.none(),
    st.datetimes(),
    st.sampled_from(
        [
            "U07451",
            "B3",
            "F1",
            "x5",
            "<5",
            "- (4)",
            "..",
            "0000",
            "0",
            "2514",
            "Håbo",
            "Riket",
            "2021",
            "86,4",
            "1e308",
            "nan",
        ]
    ),
)


@settings(
    max_examples=80,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(_ANY_CELL, _ANY_CELL, _ANY_CELL), min_size=1, max_size=6), st.booleans())
def test_no_cell_in_a_kolada_table_raises_anything_but_the_located_problem(rows, wide):
    from nki_desktop.importers.base import ImportProblem, NeedsMapping, Sheet, Workbook
    from nki_desktop.importers.kolada import KoladaImporter

    if wide:
        head = [["Företagsklimat Insikt - Bygglov - Index"], [], ["Kommun", "2021", "2022"]]
    else:
        head = [["geo", "year", "u07451"]]
    book = Workbook(Path("k.csv"), "sha", [Sheet("k", head + [list(r) for r in rows])])
    try:
        batch = KoladaImporter().parse(book, ImportOptions(), shipped_catalogue()).batch
    except ImportProblem as problem:
        assert problem.file == "k.csv" and problem.message
        return
    except NeedsMapping:
        return
    assert all(o.value is None or o.value == o.value for o in batch.observations)


def test_wide_exports_of_answers_and_response_rate_describe_the_index(store, tmp_path):
    def export(name, title, cells):
        lines = [[title], [], ["Kommun", "2021", "2022"], *cells]
        return b.write_csv(tmp_path / name, lines, "utf-8")

    landed(
        store,
        export(
            "nki.csv",
            "Företagsklimat enl. ÖJ (Insikt) - Totalt, NKI (U07451)",
            [["Kalix", "86,36", "83,9"], ["Håbo", "70", ""]],
        ),
    )
    landed(
        store,
        export(
            "n.csv",
            "Företagsklimat enl. ÖJ (Insikt) - antal svar (U07551)",
            [["Kalix", "120", "110"], ["Håbo", "", "9"]],
        ),
    )
    landed(
        store,
        export(
            "rate.csv", "Företagsklimat Insikt - svarsfrekvens (U07552)", [["Kalix", "47,5", ".."]]
        ),
    )
    kalix = one(store, "2514", 2021)
    assert (kalix.value, kalix.publication) == (86.36, "kolada")  # never hidden by n-only rows
    assert {
        (v.value, v.n, v.response_rate)
        for v in store.values(unit="2514", year=2021, effective=False)
    } == {(86.36, None, None), (None, 120, None), (None, None, 47.5)}
    assert {(v.area, v.factor) for v in store.values()} == {("total", "nki")}


def test_suppressed_answers_or_rate_store_nothing_of_their_own(store, tmp_path):
    path = tmp_path / "kpi.csv"
    path.write_text(
        "kommunkod;år;kpi;värde\n2514;2022;U07551;..\n2514;2022;U07552;-\n1880;2022;U07451;71\n"
        "1880;2022;U07551;..\n",
        encoding="utf-8",
    )
    landed(store, path)
    assert store.values(unit="2514") == []
    orebro = one(store, "1880", 2022)
    assert (orebro.value, orebro.n, orebro.missing) == (71.0, None, None)
