"""Svenskt Näringsliv's vocabulary and display: questions by their many names, the 1–6
scale written out, no grade words unless the user sets them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.domain import sn
from nki_desktop.domain.areas import AREA_BY_KEY, FACTOR_BY_KEY


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Sammanfattande omdöme om företagsklimatet i kommunen", "sammanfattande_omdome"),
        ("Kommunens service och bemötande", "service_bemotande"),
        ("Tillämpning av lagar och regler", "tillampning_lagar_regler"),
        ("Kommunpolitikers attityder till företagande", "politikers_attityder"),
        ("Konkurrens från kommunens verksamheter", "konkurrens_kommunen"),
        ("Bygglov", None),
        ("", None),
    ],
)
def test_question_key(text, key):
    assert sn.question_key(text) == key


def test_sn_keys_are_never_nki_keys():
    assert sn.SN_AREA not in AREA_BY_KEY
    assert not set(sn.MEASURE_KEYS) & set(FACTOR_BY_KEY)
    assert sn.is_other_survey(sn.SN_AREA) and not sn.is_other_survey("total")


def test_display_has_one_decimal_and_the_scale():
    assert sn.format_grade(3.8) == "3,8"
    assert sn.format_grade(4.0) == "4,0"
    assert sn.with_scale(3.75) == "3,8 (skala 1–6)"
    assert sn.rank_text(42, 5) == "plats 42 av 290 (+5)"
    assert sn.rank_text(42, -3) == "plats 42 av 290 (−3)"


def test_no_grade_words_by_default():
    assert sn.grade_word(4.6) == ""


def test_user_grade_words():
    words = sn.parse_grade_words("4,0 bra; 3,0 godtagbart; 9 orimligt")
    assert words == [(4.0, "bra"), (3.0, "godtagbart")]
    assert sn.grade_word(4.0, words) == "bra"
    assert sn.grade_word(3.96, words) == "bra"  # graded as shown, one decimal
    assert sn.grade_word(3.5, words) == "godtagbart"
    assert sn.grade_word(2.9, words) == ""


@given(st.floats(1.0, 6.0))
def test_any_grade_on_the_scale_shows_one_decimal(value):
    text = sn.format_grade(value)
    whole, _, decimals = text.partition(",")
    assert whole.isdigit() and len(decimals) == 1
