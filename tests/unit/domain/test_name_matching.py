"""Kommun names: code, exact name (å/ä/ö kept), known variants, folded only when unique."""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from nki_desktop.domain.municipalities import (
    CODE,
    EXACT,
    FOLDED,
    VARIANT,
    recorded_matches,
)
from nki_desktop.domain.text import fold
from nki_desktop.paths import shipped_catalogue
from nki_desktop.services import imports


@pytest.fixture(scope="module")
def cat():
    return shipped_catalogue()


def test_habo_and_habo_are_two_kommuner(cat):
    assert cat.match_name("Håbo").code == "0305"
    assert cat.match_name("Habo").code == "0643"
    assert cat.match_name("HÅBO kommun").code == "0305"
    assert cat.match_name("habo kommun").code == "0643"
    assert cat.match_name("Håbos kommun").code == "0305"
    assert cat.match_name("Hàbo") is None  # folds to both: never a guess


def _strip_marks(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def test_every_pair_of_names_that_collide_when_folded(cat):
    pairs = [
        (a, b) for a, b in itertools.combinations(cat.kommuner, 2) if fold(a.name) == fold(b.name)
    ]
    assert pairs, "the catalogue has colliding names (Håbo/Habo)"
    for a, b in pairs:
        for kommun in (a, b):
            for written in (kommun.name, kommun.name.upper(), kommun.name + " kommun"):
                found = cat.resolve(written)
                assert found is not None and found.kommun == kommun, written
                assert found.how == EXACT
        # a spelling that folds to both and is neither's own name is not matched
        for kommun in (a, b):
            stripped = _strip_marks(kommun.name)
            if stripped not in (a.name, b.name):
                assert cat.resolve(stripped) is None
        folded = fold(a.name)
        vowel = next(c for c in folded if c in "aeiouy")
        other = unicodedata.normalize("NFC", folded.replace(vowel, vowel + "\u0300", 1))
        assert other not in (a.name.lower(), b.name.lower())
        assert cat.resolve(other) is None and cat.resolve(other.title()) is None


def test_folded_only_when_unique_and_how_is_said(cat):
    found = cat.resolve("Orebro")
    assert found.kommun.code == "1880" and found.how == FOLDED and found.listed
    assert cat.resolve("Örebro").how == EXACT and not cat.resolve("Örebro").listed
    found = cat.resolve("Upplands Bro")
    assert (found.kommun.code, found.how) == ("0139", VARIANT)
    assert found.text == "Upplands Bro → Upplands-Bro (0139)"
    assert cat.resolve("Region Gotland").how == VARIANT
    assert cat.resolve("1880 Örebro").how == CODE
    assert cat.resolve("0305 Habo") is None  # code and name disagree


def test_matches_are_recorded_once_each(cat):
    with recorded_matches() as found:
        for name in ("Upplands Bro", "Upplands Bro", "Örebro", "Orebro", "Kalix kommun"):
            cat.match_name(name)
    assert [m.text for m in found] == [
        "Upplands Bro → Upplands-Bro (0139)",
        "Orebro → Örebro (1880)",
    ]
    assert cat.match_name("Orebro").code == "1880"  # outside the block: nothing recorded


def test_habo_row_never_takes_habo_values(store, tmp_path):
    path = tmp_path / "oj.csv"
    path.write_text("Kommun;NKI totalt\nHåbo;72\n", encoding="utf-8")
    outcome = imports.import_file(store, path, imports.ImportOptions(year=2021))
    assert outcome.ok, outcome.message
    assert [(v.unit, v.value) for v in store.values()] == [("0305", 72.0)]
    path = tmp_path / "oj2.csv"
    path.write_text("Kommun;NKI totalt\nHåbo;72\nHabo;60\n", encoding="utf-8")
    outcome = imports.import_file(store, path, imports.ImportOptions(year=2022))
    assert outcome.ok, outcome.message  # not a duplicate any more
    assert {v.unit: v.value for v in store.values(year=2022)} == {"0305": 72.0, "0643": 60.0}


def test_preview_and_import_output_list_non_exact_matches(store, tmp_path):
    path = tmp_path / "oj.csv"
    path.write_text("Kommun;NKI totalt\nUpplands Bro;70\nOrebro;71\nKalix;80\n", encoding="utf-8")
    preview = imports.preview(store, path, imports.ImportOptions(year=2021))
    assert preview.name_matches == ["Upplands Bro → Upplands-Bro (0139)", "Orebro → Örebro (1880)"]
    import io

    from nki_desktop import cli

    out = io.StringIO()
    assert (
        cli.run(["--db", str(tmp_path / "c.sqlite"), "import", str(path), "--year", "2021"], out)
        == 0
    )
    assert "Upplands Bro → Upplands-Bro (0139)" in out.getvalue()
    assert "Orebro → Örebro (1880)" in out.getvalue() and "Kalix →" not in out.getvalue()
