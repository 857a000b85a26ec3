"""`nki-desktop import --map` for every kind of file, and `nki-desktop mappings`."""

from __future__ import annotations

import io

import pytest

from nki_desktop import cli
from nki_desktop.importers.base import MappingRequest
from nki_desktop.services.mappings import column_index, map_columns
from nki_desktop.storage import Store
from tests import import_builders as b
from tests.respondent_builders import make_rows, write_xlsx


def run(db, *args: str) -> tuple[int, str, str]:
    out = io.StringIO()
    import contextlib

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.run(["--db", str(db), *args], out)
    return code, out.getvalue(), err.getvalue()


def values(db, **filters):
    store = Store.open(db)
    try:
        return store.values(**filters)
    finally:
        store.close()


def test_column_named_by_letter_number_or_header():
    headers = ["Enhetsnamn", "Värde A", "Värde B"]
    assert [column_index(s, headers) for s in ("A", "b", "3", "värde a", " Varde B ")] == [
        0,
        1,
        2,
        1,
        2,
    ]
    assert column_index("AA", headers) == 26
    with pytest.raises(ValueError, match="finns inte"):
        column_index("Värde C", headers)


def test_map_checks_targets_and_columns():
    request = MappingRequest(
        "sig",
        "oj",
        "Data",
        1,
        ["Kommun", "X"],
        [],
        [("ignore", ""), ("kommun_name", ""), ("bygglov:nki:value", "")],
    )
    assert map_columns(request, ["A=kommun_name", "X=bygglov:nki:value"]) == {
        0: "kommun_name",
        1: "bygglov:nki:value",
    }
    with pytest.raises(ValueError, match="okänt mål 'bygglov'"):
        map_columns(request, ["B=bygglov"])
    with pytest.raises(ValueError, match="bara 2 kolumner"):
        map_columns(request, ["D=kommun_name"])
    with pytest.raises(ValueError, match="KOLUMN=MÅL"):
        map_columns(request, ["kommun_name"])


def test_import_map_for_an_unknown_table_then_remembered_listed_and_cleared(tmp_path):
    db = tmp_path / "cli.sqlite"
    path = b.write_xlsx(
        tmp_path / "okand_2023.xlsx",
        {"Data": [["Enhetsnamn", "Värde A", "Värde B"], ["Kalix", 80, 12], ["Boden", 70, 9]]},
    )
    code, _out, err = run(db, "import", str(path))
    assert (
        code == 2
        and "Enhetsnamn" in err
        and "--map" in err
        and "OMRÅDE:FAKTOR:MÅTT där OMRÅDE är total, brandskydd" in err
    )
    code, out, err = run(
        db,
        "import",
        str(path),
        "--map",
        "A=kommun_name",
        "--map",
        "Värde A=bygglov:nki:value",
        "--map",
        "3=bygglov:nki:n",
    )
    assert code == 0, err
    [kalix] = values(db, unit="2514", area="bygglov")
    assert (kalix.year, kalix.value, kalix.n) == (2023, 80.0, 12)
    code, out, _err = run(db, "mappings")
    assert (
        code == 0 and "oj" in out and "A=kommun_name, B=bygglov:nki:value, C=bygglov:nki:n" in out
    )
    signature = out.splitlines()[1].split()[0]
    # Another file of the same shape goes in with the remembered mapping.
    other = b.write_xlsx(
        tmp_path / "okand2_2023.xlsx",
        {"Data": [["Enhetsnamn", "Värde A", "Värde B"], ["Örebro", 66, 140]]},
    )
    assert run(db, "import", str(other))[0] == 0
    code, out, _err = run(db, "mappings", "--clear", signature)
    assert code == 0 and "glömd" in out
    assert "Inga sparade" in run(db, "mappings")[1]
    assert run(db, "mappings", "--clear", "0123abc")[0] == 2


def test_import_map_bad_target_is_a_clear_refusal(tmp_path):
    db = tmp_path / "cli.sqlite"
    path = b.write_xlsx(
        tmp_path / "okand_2023.xlsx", {"Data": [["Enhetsnamn", "Värde A"], ["Kalix", 80]]}
    )
    code, _out, err = run(db, "import", str(path), "--map", "A=kommun", "--map", "B=nki")
    assert code == 2 and "okänt mål 'kommun'" in err
    assert "Traceback" not in err


def test_import_map_on_a_kolada_json_names_the_key_figure(tmp_path):
    db = tmp_path / "cli.sqlite"
    path = b.kolada_json(tmp_path / "kolada.json", kpi="N99999")  # an id we do not know
    code, _out, err = run(db, "import", str(path))
    assert code == 2 and "N99999" in err
    code, _out, err = run(db, "import", str(path), "--map", "N99999=bygglov:nki")
    assert code == 0, err
    assert [v.value for v in values(db, unit="2514", area="bygglov", year=2022)] == [86.3]


def test_import_map_overrides_a_respondent_guess_and_all_clears(tmp_path):
    db = tmp_path / "cli.sqlite"
    path = write_xlsx(tmp_path / "svar.xlsx", make_rows(60))
    code, out, err = run(
        db, "import", str(path), "--kommun", "1880", "--map", "Bransch=ignore", "--nki-rule", "two"
    )
    assert code == 0, err
    assert "NKI-regel: minst två av tre frågor besvarade" in out
    store = Store.open(db)
    try:
        assert store.respondents()[0]["background"] == {}
        [info] = store.list_imports()
        assert info.kind == "respondent" and info.settings.nki_rule == "two"
    finally:
        store.close()
    assert "respondent" in run(db, "mappings")[1]
    code, out, _err = run(db, "mappings", "--clear", "--all")
    assert code == 0 and "Inga sparade" in run(db, "mappings")[1]


def test_import_map_on_a_detected_table_reads_it_by_the_given_columns(tmp_path):
    """A file the program understands on its own can still be told what its columns are."""
    db = tmp_path / "cli.sqlite"
    path = b.write_xlsx(
        tmp_path / "rankning_2023.xlsx",
        {"Blad1": [["Kommun", "Bygglov", "Antal svar"], ["Kalix", 84, 31], ["Boden", 77, 25]]},
    )
    code, _out, err = run(
        db, "import", str(path), "--map", "B=bygglov:nki:value", "--map", "C=bygglov:nki:n"
    )
    assert code == 0, err
    [kalix] = values(db, unit="2514", area="bygglov")
    assert (kalix.year, kalix.value, kalix.n) == (2023, 84.0, 31)
    code, _out, err = run(
        db, "import", str(b.own_results(tmp_path / "own.xlsx")), "--map", "A=kommun_name"
    )
    assert code == 2 and "Avvisad" in err and "Traceback" not in err
