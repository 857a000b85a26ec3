"""The top bullets of issue 10 that concern cells, names and Kolada, end to end through the
command line and the import service only (so the same tests ran, and failed, on the code
before the fix)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from nki_desktop import cli
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import imports
from nki_desktop.storage import Store

REAL = Path("/work/shared/data/kolada/ddf--datapoints--u07451--by--geo--year.csv")


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(["--db", str(tmp_path / "b.sqlite"), *args], out)
    return code, out.getvalue()


@pytest.mark.parametrize("text", ["U07451", "B3", "F1", "x5", "<5"])
def test_a_text_cell_never_crashes_the_import(tmp_path, capsys, text):
    path = tmp_path / "k.csv"
    path.write_text(
        f"Nöjd Kund Index - Bygglov, företag (NKI)\n\nKommun;2021;2022\nKalix;80;{text}\n",
        encoding="utf-8",
    )
    code, _out = _run(tmp_path, "import", str(path))
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "rad: 4, kolumn: C" in err and text in err


@pytest.mark.skipif(not REAL.exists(), reason="shared Kolada file not present")
def test_the_real_kolada_file_imports(tmp_path):
    code, out = _run(tmp_path, "import", str(REAL))
    assert code == 0, out
    store = Store.open(tmp_path / "b.sqlite")
    [kalix] = store.values(unit="2514", year=2021)
    assert (kalix.area, kalix.factor, kalix.value) == ("total", "nki", 86.36136644)
    store.close()


def test_long_table_geo_year_u07451(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("geo,year,u07451\n2514,2021,86.36136644\n0000,2021,73.92\n", encoding="utf-8")
    code, out = _run(tmp_path, "import", str(path))
    assert code == 0, out
    store = Store.open(tmp_path / "b.sqlite")
    assert {v.unit: v.value for v in store.values()} == {"2514": 86.36136644, "riket": 73.92}
    store.close()


def test_habo_values_never_land_on_habo(store, tmp_path):
    path = tmp_path / "oj.csv"
    path.write_text("Kommun;NKI totalt\nHåbo;72\nHabo;60\nKalix;80\n", encoding="utf-8")
    outcome = imports.import_file(store, path, ImportOptions(year=2021))
    assert outcome.ok, outcome.message
    assert {v.unit: v.value for v in store.values()} == {"0305": 72.0, "0643": 60.0, "2514": 80.0}


def test_portal_cell_too_few_answers(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Insikt 2023 – Resultat för Kalix kommun"])
    ws.append([])
    ws.append(["Företag"])
    ws.append(["Område", "NKI", "Information"])
    ws.append(["Bygglov", "86 (114)", "80 (110)"])
    ws.append(["Serveringstillstånd", "- (4)", ".. (4)"])
    wb.save(tmp_path / "portal.xlsx")
    outcome = imports.import_file(store, tmp_path / "portal.xlsx")
    assert outcome.ok, outcome.message
    [cell] = store.values(unit="2514", area="serveringstillstand", factor="nki")
    assert (cell.value, cell.n, cell.missing) == (None, 4, "-")


@pytest.mark.parametrize(
    "title, area, factor",
    [
        ("Företagsklimat Insikt - Bemötande - Index", "total", "bemotande"),
        ("Företagsklimat enl. ÖJ (Insikt) - Bygglov - Index", "bygglov", "nki"),
        ("Företagsklimat Insikt - Totalt, Index, ny definition", "total", "nki"),
    ],
)
def test_real_key_figure_titles_are_placed(store, tmp_path, title, area, factor):
    path = tmp_path / "k.csv"
    path.write_text(f"{title}\n\nKommun;2024;2025\nKalix;80,5;81\n", encoding="utf-8")
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert {(v.area, v.factor, v.value) for v in store.values(unit="2514")} == {
        (area, factor, 80.5),
        (area, factor, 81.0),
    }


def test_real_key_figure_ids_are_placed(store, tmp_path):
    import json

    values = [
        {
            "kpi": kpi,
            "municipality": "2514",
            "period": 2022,
            "values": [{"gender": "T", "count": 1, "status": "", "value": value}],
        }
        for kpi, value in (("U07447", 81.5), ("U07510", 77.25), ("U07451", 86.4))
    ]
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"values": values}), encoding="utf-8")
    outcome = imports.import_file(store, path)
    assert outcome.ok, outcome.message
    assert {(v.area, v.factor): v.value for v in store.values()} == {
        ("bygglov", "nki"): 81.5,
        ("total", "bemotande"): 77.25,
        ("total", "nki"): 86.4,
    }
