"""`data` shows Svenskt Näringsliv's values under area sn_foretagsklimat, the question as
factor, never under NKI's keys."""

from __future__ import annotations

import csv
import io

from nki_desktop import cli
from tests import sn_builders as b
from tests.import_builders import write_xlsx


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(args, out)
    return code, out.getvalue()


def test_data_lists_sn_values_under_their_own_area(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    path = write_xlsx(tmp_path / "sn.xlsx", b.question_table(2024).sheets)
    code, out = run(["--db", db, "import", str(path)])
    assert code == 0, out
    code, out = run(["--db", db, "data", "--kommun", "2514"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {r["area"] for r in rows} == {"sn_foretagsklimat"}
    assert {r["factor"] for r in rows} == set(b.QUESTION_HEADERS)
    omdome = next(r for r in rows if r["factor"] == "sammanfattande_omdome")
    assert (omdome["value"], omdome["n"]) == ("3.7", "122")
    code, out = run(["--db", db, "data", "--area", "total"])
    assert list(csv.DictReader(io.StringIO(out))) == []


def test_data_after_sample_has_both_surveys_apart(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    run(["--db", db, "sample-data"])
    code, out = run(["--db", db, "data", "--kommun", "2514", "--year", "2024"])
    rows = list(csv.DictReader(io.StringIO(out)))
    sn_rows = [r for r in rows if r["area"] == "sn_foretagsklimat"]
    assert {r["factor"] for r in sn_rows} >= {"sammanfattande_omdome", "rank"}
    rank = next(r for r in sn_rows if r["factor"] == "rank")
    assert rank["value"] == "" and 1 <= int(rank["rank"]) <= 290
    assert not {r["factor"] for r in rows if r["area"] != "sn_foretagsklimat"} & {"rank"}
