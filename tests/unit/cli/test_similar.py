"""``nki-desktop similar`` on the sample data: closest kommuner with distances, csv and json."""

from __future__ import annotations

import csv
import io
import json

import pytest

from nki_desktop import cli
from nki_desktop.analysis.similar_text import method_text
from nki_desktop.services.similar import find_similar, kommun_names


def _run(db, *args):
    out = io.StringIO()
    code = cli.run(["--db", str(db), "similar", *args], out)
    return code, out.getvalue()


def test_csv_lists_the_closest_with_distance_and_figures(sample_db_copy):
    code, text = _run(sample_db_copy, "--kommun", "2514", "--n", "5")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5 and "2514" not in {r["unit"] for r in rows}
    distances = [float(r["distance"]) for r in rows]
    assert distances == sorted(distances) and distances[0] >= 0
    header = list(rows[0])
    assert header[:6] == ["rank", "unit", "name", "distance", "criteria_used", "criteria_total"]
    assert "population" in header and "kommungrupp:diff" in header
    assert any(h.startswith("total:nki@") for h in header)
    assert {r["criteria_used"] for r in rows} == {"3"}


def test_json_has_the_method_and_matches_the_service(sample_db_copy):
    code, text = _run(
        sample_db_copy,
        "--kommun", "1880", "--on", "population,lan,total:nki@2022-2024", "--weights", "1,2,1",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    doc = json.loads(text)
    assert [c["weight"] for c in doc["criteria"]] == [1.0, 2.0, 1.0]
    assert "standardavvikelse" in doc["method"] and "medelvärdet av de år" in doc["method"]
    from nki_desktop.storage import Store

    store = Store.open(sample_db_copy, readonly=True)
    try:
        result = find_similar(store, "1880", "population,lan,total:nki@2022-2024", "1,2,1")
        assert [r["unit"] for r in doc["closest"]] == result.units
        assert doc["closest"][0]["distance"] == pytest.approx(result.matches[0].value, abs=1e-6)
        assert doc["method"] == method_text(result, kommun_names(store))
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kommun", "9999"], "Okänd kommunkod"),
        (["--kommun", "1880", "--on", "storlek"], "Okänt kriterium"),
        (["--kommun", "1880", "--weights", "1,2"], "vikter för 3 kriterier"),
        (["--kommun", "1880", "--n", "0"], "--n"),
    ],
)
def test_bad_input_is_refused_in_swedish(sample_db_copy, capsys, args, message):
    code, _ = _run(sample_db_copy, *args)
    assert code == 2
    assert message in capsys.readouterr().err


def test_report_with_similar_group_writes_the_method(sample_db_copy, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    code = cli.run(
        ["--db", str(sample_db_copy), "report", "--kommun", "2514", "--xlsx", str(out),
         "--similar", "population,kommungrupp", "--similar-n", "3", "--sections", "method,table"],
        io.StringIO(),
    )  # fmt: skip
    assert code == 0
    notes = {r[0]: r[1] for r in load_workbook(out)["Metod"].iter_rows(values_only=True)}
    assert "mest lika Kalix" in notes["Liknande kommuner"]
    assert "befolkning (vikt 1), kommungrupp (vikt 1)" in notes["Liknande kommuner"]
    members = [r[1] for r in load_workbook(out)["Jämförelsegrupp"].iter_rows(values_only=True)]
    assert len([m for m in members if m and m != "Namn"]) == 3
    bad = cli.run(
        ["--db", str(sample_db_copy), "report", "--kommun", "2514", "--xlsx", str(out),
         "--similar", "population", "--similar-weights", "1,1"],
        io.StringIO(),
    )  # fmt: skip
    assert bad == 2 and "vikter för 1 kriterier" in capsys.readouterr().err
