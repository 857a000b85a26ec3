"""The similar-kommuner method and the figures side by side, in Swedish."""

from __future__ import annotations

from nki_desktop.analysis.similar import closest
from nki_desktop.analysis.similar_criteria import parse_criteria
from nki_desktop.analysis.similar_text import fmt_value, method_note, method_text, why_text

CRITERIA = parse_criteria("population,kommungrupp,total:nki@2021-2023")
NKI = CRITERIA[2].key
PROFILES = {
    "A": {"population": 10_000.0, "kommungrupp": "C8", NKI: 70.0},
    "B": {"population": 100_000.0, "kommungrupp": "C8", NKI: 74.0},
    "C": {"population": 1_000.0, "kommungrupp": "B3", NKI: None},
    "D": {"population": 10_000.0, "kommungrupp": "B3", NKI: 66.0},
}
NAMES = {"A": "Ankeby", "B": "Bstad", "C": "Cby", "D": "Dala"}


def test_method_text_says_what_was_done():
    result = closest("A", PROFILES, CRITERIA, weights=(1, 1, 2))
    text = method_text(result, NAMES)
    assert (
        "befolkning (vikt 1), kommungrupp (vikt 1), NKI totalt 2021–2023 (medel) (vikt 2)" in text
    )
    assert "standardavvikelse" in text and "logaritmisk" in text
    assert "0 om de är lika och 1" in text
    assert "medelvärdet av de år" in text
    assert "värden för alla kriterier" in text
    assert "1 av 3 kommuner saknade värden" in text
    assert "31 december 2020" in text  # where the population comes from


def test_method_text_names_a_criterion_min_kommun_lacks():
    text = method_text(closest("C", PROFILES, CRITERIA, min_coverage=0.5), NAMES)
    assert "Cby saknar värde för NKI totalt 2021–2023 (medel): kriteriet används inte." in text
    assert "minst 50 % av vikten" in text


def test_why_puts_the_figures_side_by_side():
    result = closest("A", PROFILES, CRITERIA, min_coverage=0.5)
    c = next(m for m in result.matches if m.unit == "C")
    text = why_text(result, c, NAMES)
    assert text.startswith("Cby: avstånd 1,21 på 2 av 3 kriterier.")
    assert "Befolkning: Cby 1\u00a0000, Ankeby 10\u00a0000 (skillnad 1,41)" in text
    assert "Kommungrupp: Cby B3, Ankeby C8 (skillnad 1,00)" in text
    assert "Cby –, Ankeby 70,0 (skillnad hoppas över)" in text


def test_report_note_lists_the_group_with_distances():
    result = closest("A", PROFILES, CRITERIA)
    heading, text = method_note(result, NAMES, "2026-12-07")
    assert heading == "Liknande kommuner"
    assert text.startswith("Jämförelsegruppen är de kommuner som är mest lika Ankeby")
    assert "Dala (0,74), Bstad (0,88). Gruppen valdes 2026-12-07." in text


def test_values_are_shown_swedish_style():
    assert fmt_value(CRITERIA[0], 15_800.0) == "15\u00a0800"
    assert fmt_value(CRITERIA[2], 73.6666) == "73,7"
    assert fmt_value(CRITERIA[1], None) == "–"
