"""Masking personal data in comments: phone numbers, e-mail addresses, personnummer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.domain.masking import describe_counts, mask_personal_data

PHONES = [
    "070-123 45 67",
    "0701234567",
    "070-1234567",
    "070 123 45 67",
    "+46 70 123 45 67",
    "+46701234567",
    "+46 (0)70-123 45 67",
    "0046 70 123 45 67",
    "08-123 456 78",
    "08-12345678",
    "08 123 456 78",
    "(08) 123 45 67",
    "031-123 45 67",
    "0911-123 45",
    "0480-45 67 89",
    "073-12 34 567",
]
PERSONNUMMER = [
    "19850312-1234",
    "850312-1234",
    "850312+1234",
    "198503121234",
    "8503121234",
    "850372-1234",  # samordningsnummer: day + 60
    "19850372-1234",
    "20010315-1234",
    "010315-1234",
]
EMAILS = [
    "anna.svensson@foretag.se",
    "info@bygg-ab.com",
    "k+nki@kommun.example.org",
    "Per_Olsson@mail.se",
]


@pytest.mark.parametrize("number", PHONES)
def test_phone_numbers_are_masked_whole(number):
    masked = mask_personal_data(f"Ring mig på {number} om ärendet.")
    assert masked.text == "Ring mig på [telefonnummer] om ärendet."
    assert masked.counts == {"telefonnummer": 1}


@pytest.mark.parametrize("number", PERSONNUMMER)
def test_personnummer_are_masked_whole(number):
    masked = mask_personal_data(f"Mitt personnummer är {number}, tack.")
    assert masked.text == "Mitt personnummer är [personnummer], tack."
    assert masked.total == 1


@pytest.mark.parametrize("address", EMAILS)
def test_email_addresses_are_masked(address):
    masked = mask_personal_data(f"Skriv till {address}.")
    assert masked.text == "Skriv till [e-post]."
    assert masked.counts == {"e-post": 1}


def test_several_kinds_in_one_comment_are_counted():
    masked = mask_personal_data(
        "Hör av er på 0701234567 eller anna@ab.se (pnr 850312-1234). "
        "Handläggaren på 08-123 456 78 var bra."
    )
    assert masked.counts == {"e-post": 1, "personnummer": 1, "telefonnummer": 2}
    assert not re.search(r"\d", masked.text)
    assert describe_counts(masked.counts) == "2 telefonnummer, 1 e-post, 1 personnummer"


@pytest.mark.parametrize(
    "text",
    [
        "NKI 74 är bättre än 2023.",
        "Det tog 3 veckor och kostade 15 000 kr.",
        "Avgiften var 1 500 000 kronor",
        "Ärende 2023-1234 tog 2 månader.",
        "Vi har 12 anställda sedan 1998.",
        "Besöket 2024-03-15 kl 10.30 gick bra.",
        "Handläggningstiden 10 veckor, betyg 4 av 6.",
        "den 05/03/2024 fick vi beslut",
        "0 fel, 100 % nöjd",
    ],
)
def test_ordinary_numbers_are_left_alone(text):
    assert mask_personal_data(text).text == text


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=0, max_size=40)


def _phone(digits: list[int], style: int) -> str:
    local = "".join(map(str, digits))  # 8 digits after 07x
    if style == 0:
        return f"07{local[0]}-{local[1:4]} {local[4:6]} {local[6:8]}"
    if style == 1:
        return f"07{local}"
    if style == 2:
        return f"+46 7{local[0]} {local[1:4]} {local[4:6]} {local[6:8]}"
    return f"08-{local[:3]} {local[3:6]} {local[6:8]}"


@given(_WORDS, _WORDS, st.lists(st.integers(0, 9), min_size=8, max_size=8), st.integers(0, 3))
def test_no_digit_of_a_masked_phone_number_survives(before, after, digits, style):
    text = f"{before} {_phone(digits, style)} {after}"
    masked = mask_personal_data(text)
    assert not re.search(r"\d", masked.text)
    assert "[telefonnummer]" in masked.text


@given(
    _WORDS,
    _WORDS,
    st.integers(1930, 2024),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 9999),
    st.sampled_from(["-", "+", "", "long", "long-"]),
    st.booleans(),
)
def test_no_digit_of_a_masked_personnummer_survives(
    before, after, year, month, day, last, sep, coordination
):
    dd = day + 60 if coordination else day
    short = f"{year % 100:02d}{month:02d}{dd:02d}"
    if sep.startswith("long"):
        number = f"{year}{month:02d}{dd:02d}{sep[4:]}{last:04d}"
    else:
        number = f"{short}{sep}{last:04d}"
    masked = mask_personal_data(f"{before} {number} {after}")
    assert not re.search(r"\d", masked.text), (number, masked.text)


@given(
    _WORDS,
    st.integers(1900, 2100),
    st.integers(0, 100),
    st.integers(1, 52),
    st.integers(1, 9_999_999),
)
def test_ordinary_numbers_survive(words, year, nki, weeks, amount):
    amount_text = f"{amount:,}".replace(",", " ")
    text = f"{words} år {year}, NKI {nki}, {weeks} veckor, {amount_text} kr"
    assert mask_personal_data(text).text == text
