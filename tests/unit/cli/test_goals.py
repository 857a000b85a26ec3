"""``goals add|list|remove|restore|tolerance`` on the sample data; bad input in Swedish."""

from __future__ import annotations

import csv
import io
import json

from nki_desktop import cli


def _run(db, *args):
    out = io.StringIO()
    code = cli.run(["--db", str(db), *args], out)
    return code, out.getvalue()


def test_add_list_remove_and_restore(sample_db_copy):
    code, text = _run(
        sample_db_copy, "goals", "add", "--kommun", "1880", "--target", "75", "--from", "2022",
        "--source", "Näringslivsstrategi 2023–2026",
    )  # fmt: skip
    assert code == 0 and text.startswith("Mål 1 sparat: Örebro – NKI totalt: minst 75")
    assert _run(sample_db_copy, "goals", "add", "--kommun", "1880", "--area", "bygglov",
                "--direction", "oka")[0] == 0  # fmt: skip
    code, text = _run(sample_db_copy, "goals", "list", "--kommun", "1880", "--format", "json")
    rows = json.loads(text)
    first = [r for r in rows if r["id"] == 1]
    assert [r["year"] for r in first] == [2022, 2023, 2024]
    assert {r["status"] for r in rows} <= {"uppnått", "nära", "ej uppnått", "inget utfall"}
    assert all(r["symbol"] in "✓≈✗–" for r in rows)
    assert first[0]["source"] == "Näringslivsstrategi 2023–2026"
    # 2024 crosses the new definition of NKI totalt (set from 2022): the status says so
    assert first[-1]["definition_changed"] is True
    code, text = _run(sample_db_copy, "goals", "list", "--format", "csv")
    assert code == 0 and list(csv.DictReader(io.StringIO(text)))[0]["aim"] == "minst 75"
    code, text = _run(sample_db_copy, "goals", "list", "--kommun", "1880")
    assert "minst 75" in text and "Koladas färger" in text and "2024:" in text
    assert _run(sample_db_copy, "goals", "remove", "1")[1].startswith("Mål 1 borttaget")
    assert "NKI totalt" not in _run(sample_db_copy, "goals", "list")[1]
    assert "minst 75" in _run(sample_db_copy, "goals", "list", "--deleted")[1]
    assert _run(sample_db_copy, "goals", "restore", "1")[0] == 0
    assert "minst 75" in _run(sample_db_copy, "goals", "list")[1]


def test_tolerance_is_stored(sample_db_copy):
    assert "1,0 indexenheter" in _run(sample_db_copy, "goals", "tolerance")[1]
    assert "2,5 indexenheter" in _run(sample_db_copy, "goals", "tolerance", "2,5")[1]
    assert "2,5 indexenheter" in _run(sample_db_copy, "goals", "tolerance")[1]


def test_bad_input_is_told_in_swedish(sample_db_copy, capsys):
    cases = [
        (("add", "--kommun", "1880", "--target", "120"), "utanför 0–100"),
        (("add", "--kommun", "9999", "--target", "70"), "Okänd kommunkod: 9999"),
        (("add", "--kommun", "1880", "--area", "skola", "--rank", "5"), "Okänt område: skola"),
        (("remove", "42"), "inget mål med id 42"),
        (("restore", "42"), "inget mål med id 42"),
        (("tolerance", "12"), "0–10 indexenheter"),
    ]
    for args, words in cases:
        code, _text = _run(sample_db_copy, "goals", *args)
        assert code == 2, args
        assert words in capsys.readouterr().err
    _run(sample_db_copy, "goals", "add", "--kommun", "1880", "--rank", "50")
    assert _run(sample_db_copy, "goals", "restore", "1")[0] == 2
    assert "inte borttaget" in capsys.readouterr().err


def test_edit_changes_kind_year_and_source(sample_db_copy, capsys):
    _run(sample_db_copy, "goals", "add", "--kommun", "1880", "--target", "75", "--from", "2022")
    code, text = _run(sample_db_copy, "goals", "edit", "1", "--rank", "30", "--from", "0",
                      "--source", "Ny strategi")  # fmt: skip
    assert code == 0 and text == "Mål 1 ändrat: NKI totalt: bland de 30 bästa i riket (företag)\n"
    rows = json.loads(_run(sample_db_copy, "goals", "list", "--format", "json")[1])
    assert rows[0]["source"] == "Ny strategi" and rows[0]["year"] == 2016
    assert _run(sample_db_copy, "goals", "edit", "1")[0] == 2
    assert "Ange vad som ska ändras" in capsys.readouterr().err
    assert _run(sample_db_copy, "goals", "edit", "1", "--target", "101")[0] == 2
    assert "utanför 0–100" in capsys.readouterr().err
