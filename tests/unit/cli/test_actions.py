"""The actions and notes commands: add, list, done, remove, restore; Swedish refusals."""

from __future__ import annotations

import io
import json

from nki_desktop.cli import run


def _run(db, *argv):
    out = io.StringIO()
    code = run(["--db", str(db), *argv], out)
    return code, out.getvalue()


def test_actions_round_trip(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    code, text = _run(
        db, "actions", "add", "--kommun", "1880", "--title", "Telefontider", "--area",
        "bygglov", "--factor", "tillganglighet", "--status", "pagar", "--decided",
        "2024-04-01", "--owner", "Bygglovschef",
    )  # fmt: skip
    assert code == 0 and "Åtgärd 1 sparad" in text
    code, text = _run(db, "actions", "done", "1", "--date", "2024-05-02")
    assert code == 0 and "genomförd 2024-05-02" in text
    code, text = _run(db, "actions", "list", "--kommun", "1880", "--format", "json")
    [rec] = json.loads(text)
    assert rec["status"] == "genomford" and rec["factors"] == ["tillganglighet"]
    assert rec["owner"] == "Bygglovschef" and rec["done"] == "2024-05-02"
    code, text = _run(db, "actions", "remove", "1")
    assert code == 0 and "actions restore 1" in text
    code, text = _run(db, "actions", "list")
    assert text.strip() == text.splitlines()[0]  # the header only
    code, text = _run(db, "actions", "list", "--deleted")
    assert "Telefontider" in text
    assert _run(db, "actions", "restore", "1")[0] == 0
    assert "Telefontider" in _run(db, "actions", "list", "--format", "csv")[1]


def test_bad_input_exits_2_with_a_swedish_message(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    base = ("actions", "add", "--kommun", "1880", "--title", "x", "--area")
    assert _run(db, *base, "bygglov", "--done", "2024-02-30")[0] == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err
    assert _run(db, *base, "bygglov", "--status", "klar-ish")[0] == 2
    assert "Okänd status" in capsys.readouterr().err
    assert _run(db, *base, "himmel")[0] == 2
    assert "Okänt område" in capsys.readouterr().err
    assert _run(db, "actions", "add", "--kommun", "9999", "--title", "x", "--area", "total")[0] == 2
    assert "Okänd kommunkod" in capsys.readouterr().err
    assert _run(db, "actions", "done", "7")[0] == 2
    assert "ingen åtgärd med id 7" in capsys.readouterr().err


def test_notes_round_trip(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    code, text = _run(
        db, "notes", "add", "--kommun", "1880", "--text", "Få svar: 9", "--year", "2022",
        "--area", "bygglov", "--date", "2023-01-15",
    )  # fmt: skip
    assert code == 0 and "2022 · Bygglov" in text
    [rec] = json.loads(_run(db, "notes", "list", "--format", "json")[1])
    assert (rec["text"], rec["year"], rec["date"]) == ("Få svar: 9", 2022, "2023-01-15")
    assert _run(db, "notes", "list", "--year", "2021")[1].count("\n") == 1
    assert _run(db, "notes", "remove", "1")[0] == 0
    assert _run(db, "notes", "remove", "1")[0] == 2
    assert "redan i papperskorgen" in capsys.readouterr().err
    assert _run(db, "notes", "restore", "1")[0] == 0
    assert _run(db, "notes", "add", "--kommun", "1880", "--text", "x", "--date", "igår")[0] == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err
