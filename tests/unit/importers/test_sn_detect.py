"""Which survey a file is about, from its title, headers, sheet and file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from nki_desktop.importers.base import Sheet, Workbook
from nki_desktop.importers.sn_detect import NKI, SN, is_sn, survey


def _book(rows: list[list], name: str = "fil.xlsx", sheet: str = "Blad1") -> Workbook:
    return Workbook(Path(name), "sha", [Sheet(sheet, rows)])


@pytest.mark.parametrize(
    ("rows", "name", "expected"),
    [
        (
            [["Svenskt Näringsliv – Lokalt företagsklimat 2024"], ["Kommun", 2023, 2024]],
            "a.xlsx",
            SN,
        ),
        ([["Kommun", "Sammanfattande omdöme", "Service"]], "a.xlsx", SN),
        ([["Kommun", "Kommunpolitikers attityder", "Tjänstemäns attityder"]], "a.xlsx", SN),
        ([["Kommun", 2022, 2023]], "foretagsklimat.se-ranking.xlsx", SN),
        ([["Öppna jämförelser Företagsklimat 2023"], ["Kommun", "NKI totalt"]], "a.xlsx", NKI),
        ([["Företagsklimat enl. ÖJ (Insikt) - Totalt, NKI"], ["Kommun", 2022]], "a.xlsx", NKI),
        ([["Kommun", "U07451"]], "kolada.csv", NKI),
        ([["Kommun", "Service och bemötande"]], "a.xlsx", None),  # 'service' alone says little
        ([["Kommun", 2022, 2023]], "a.xlsx", None),
        ([["Svenskt Näringsliv och NKI"], ["Kommun", 2023]], "a.xlsx", None),  # both: no claim
    ],
)
def test_survey(rows, name, expected):
    assert survey(_book(rows, name)) == expected


def test_kolada_json_is_nki_and_the_answer_is_kept():
    book = Workbook(Path("k.json"), "sha", [], {"values": []})
    assert survey(book) == NKI
    sn_book = _book([["Svenskt Näringsliv"], ["Kommun", 2024]])
    assert is_sn(sn_book) and sn_book.__dict__["_survey"] == SN
