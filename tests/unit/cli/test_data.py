"""The data commands: data, imports, undo-import, sample-data."""

from __future__ import annotations

import csv
import io
import json

from nki_desktop import cli


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(args, out)
    return code, out.getvalue()


def test_cli_sample_data_then_data_for_a_kommun(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    code, out = run(["--db", db, "sample-data"])
    assert code == 0 and "Exempeldata laddad" in out
    code, out = run(["--db", db, "sample-data"])
    assert "redan" in out
    code, out = run(["--db", db, "data", "--kommun", "1880", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert list(rows[0]) == [
        "year",
        "unit",
        "unit_name",
        "area",
        "factor",
        "group",
        "value",
        "n",
        "rank",
        "ci_low",
        "ci_high",
        "source",
    ]
    assert {r["unit"] for r in rows} == {"1880"} and rows[0]["unit_name"] == "Örebro"
    totals = [r for r in rows if r["area"] == "total" and r["factor"] == "nki" and r["value"]]
    assert totals and all(40 <= float(r["value"]) <= 100 for r in totals)
    assert all(int(r["rank"]) >= 1 for r in totals if r["rank"])
    code, out = run(["--db", db, "data", "--kommun", "1880", "--year", "2023", "--format", "json"])
    data = json.loads(out)
    assert {d["year"] for d in data} == {2023}


def test_cli_imports_and_undo(sample_db_copy):
    db = str(sample_db_copy)
    code, out = run(["--db", db, "imports"])
    assert "Exempeldata" in out
    code, out = run(["--db", db, "undo-import", "1"])
    assert code == 0 and "borttagen" in out
    code, out = run(["--db", db, "data"])
    assert out.strip().count("\n") == 0  # only the header left
    assert run(["--db", db, "undo-import", "1"])[0] == 2
    assert run(["--db", db, "data", "--kommun", "12345"])[0] == 2


def test_cli_sample_remove(sample_db_copy):
    db = str(sample_db_copy)
    code, out = run(["--db", db, "sample-data", "--remove"])
    assert "borttagen" in out
    assert "Inga importer" in run(["--db", db, "imports"])[1]
