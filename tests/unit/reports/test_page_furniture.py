"""The PDF footer: the source line never runs into "Sida x av y" or off the page."""

from __future__ import annotations

from nki_desktop.reports.page_furniture import footer_sources

CITATIONS = [
    "Källa: SKR, Insikt",
    "Källa: SKR, Insikt (egen beräkning från svarsdata)",
    "Källa: Kolada",
    "Källa: egen sammanställning",
    "Exempeldata – fiktiva värden, inte SKR:s siffror",
]


def width(text: str) -> float:
    return 4.0 * len(text)  # a monospaced stand-in for the font's metrics


def test_one_source_is_cited_as_it_is():
    assert footer_sources(CITATIONS[2:3], width, 400) == "Källa: Kolada"


def test_several_sources_share_one_line_when_they_fit():
    text = footer_sources(CITATIONS[:3], width, 1000)
    assert text == ("Källor: SKR, Insikt; SKR, Insikt (egen beräkning från svarsdata); Kolada")


def test_too_many_sources_point_to_the_method_page():
    room = 300.0
    text = footer_sources(CITATIONS, width, room)
    assert text == "Källor: se avsnittet ”Metod och källor”" and width(text) <= room


def test_without_a_method_page_the_line_is_cut_within_its_room():
    for room in (80.0, 200.0, 420.0):
        text = footer_sources(CITATIONS, width, room, method_page=False)
        assert width(text) <= room and text.endswith("…") and text.startswith("Källor")


def test_no_sources_names_the_program():
    assert footer_sources([], width, 100) == "NKI Desktop"
