from __future__ import annotations

import pytest

from nki_desktop.domain import rules
from nki_desktop.domain.areas import area_key, factor_key, group_key
from nki_desktop.domain.grades import grade_for
from nki_desktop.domain.municipalities import (
    is_riket,
    looks_like_joint_body,
    normalise_code,
)
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number, respondent_nki
from nki_desktop.paths import shipped_catalogue


@pytest.fixture(scope="module")
def cat():
    return shipped_catalogue()


def test_catalogue_has_290_kommuner_21_lan_and_nine_groups(cat):
    assert len(cat) == 290
    assert len(cat.lan_names()) == 21
    counts = {}
    for k in cat.kommuner:
        counts[k.group_code] = counts.get(k.group_code, 0) + 1
    assert counts == {
        "A1": 3,
        "A2": 43,
        "B3": 23,
        "B4": 63,
        "B5": 24,
        "C6": 27,
        "C7": 51,
        "C8": 35,
        "C9": 21,
    }
    assert all(k.lan_code == k.code[:2] for k in cat.kommuner)


@pytest.mark.parametrize(
    "written, code",
    [
        ("Upplands Bro", "0139"),
        ("Upplands-Bro kommun", "0139"),
        ("Region Gotland", "0980"),
        ("Gotlands kommun", "0980"),
        ("Gotland", "0980"),
        ("Falu kommun", "2080"),
        ("Falun", "2080"),
        ("Malung-Sälens kommun", "2023"),
        ("Malung-Sälen", "2023"),
        ("Kalix kommun", "2514"),
        ("ÖREBRO", "1880"),
        ("Örebro kommun", "1880"),
        ("Göteborgs stad", "1480"),
        ("Stockholms stad", "0180"),
        ("Borås Stad", "1490"),
        ("1880 Örebro", "1880"),
        ("Upplands Väsby", "0114"),
        ("Lilla Edets kommun", "1462"),
    ],
)
def test_name_matching_resolves_common_spellings(cat, written, code):
    hit = cat.match_name(written)
    assert hit is not None and hit.code == code


def test_unknown_name_gives_candidates_never_a_guess(cat):
    assert cat.match_name("Örebo") is None
    assert [k.code for k in cat.candidates("Örebo")][0] == "1880"
    assert cat.match_name("Atlantis") is None


def test_code_first_then_name(cat):
    assert cat.match(code="114", name="Fel namn").code == "0114"
    assert cat.match(code="9999", name="Kalix").code == "2514"
    assert normalise_code(1880.0) == "1880" and normalise_code("0114") == "0114"
    assert normalise_code("18.5") is None and normalise_code("abc") is None


def test_riket_and_joint_bodies_are_recognised():
    assert is_riket("Riket") and is_riket("Riket (ovägt medel)") and is_riket("Sverige")
    assert not is_riket("Rättvik")
    assert looks_like_joint_body("Miljöförbundet Blekinge Väst")
    assert looks_like_joint_body("Gemensam miljö- och byggnämnd")
    assert not looks_like_joint_body("Kalix")


def test_area_factor_group_labels_and_older_names():
    assert area_key("Brandtillsyn") == "brandskydd"
    assert area_key("Miljö- och hälsoskydd") == "miljo_halsoskydd"
    assert area_key("Miljötillsyn") == "miljo_halsoskydd"
    assert area_key("Serveringstillstånd") == "serveringstillstand"
    assert area_key("NKI totalt") == "total"
    assert factor_key("Rättssäkerhet") == "rattssakerhet"
    assert factor_key("Tillgänglighet") == "tillganglighet"
    assert group_key("Företag") == "foretag"
    assert area_key("Okänt område") is None


@pytest.mark.parametrize(
    "value, label",
    [
        (80, "Mycket högt"),
        (79.5, "Mycket högt"),
        (79.4, "Högt"),
        (70, "Högt"),
        (69.9, "Högt"),
        (69.5, "Högt"),
        (69.4, "Godkänt"),
        (62, "Godkänt"),
        (61.5, "Godkänt"),
        (61.4, "Lågt"),
        (50, "Lågt"),
        (49.5, "Lågt"),
        (49.4, "Mycket lågt"),
        (0, "Mycket lågt"),
    ],
)
def test_grade_bands(value, label):
    assert grade_for(value).label == label
    assert grade_for(value).symbol  # never colour alone


def test_nki_total_areas_follow_the_year_definition():
    assert len(rules.nki_total_areas(2015)) == 5
    assert "livsmedelskontroll" not in rules.nki_total_areas(2015)
    assert len(rules.nki_total_areas(2016)) == 6
    assert rules.nki_total_areas(2024) == (
        "bygglov",
        "miljo_halsoskydd",
        "livsmedelskontroll",
        "serveringstillstand",
    )
    assert [b.year for b in rules.breaks_between(2014, 2024)] == [2016, 2024]
    assert rules.breaks_between(2017, 2023) == []


def test_publication_rules_are_per_year():
    assert rules.publication_rules(2017).min_answers_area_rank == 12
    assert rules.publication_rules(2021).min_answers_total_rank == 20
    assert rules.publication_rules(2023).min_answers_oj == 10
    assert "serveringstillstand" not in rules.publication_rules(2018).mandatory_areas


def test_report_title_year():
    assert rules.oj_title_year(2014) == 2015
    assert rules.oj_title_year(2016) == 2016
    assert rules.case_year_from_title(2015) == 2014
    assert rules.year_caption(2014) == "2014 (ÖJ 2015)"


def test_swedish_number_format_and_nki_arithmetic():
    assert fmt_index(77.4) == "77,4"
    assert fmt_index(77.0) == "77"
    assert fmt_number(1234) == "1\u00a0234"
    assert fmt_change(-3) == "−3" and fmt_change(2.5) == "+2,5"
    assert respondent_nki((10, 10, 10)) == 100
    assert respondent_nki((1, 1, 1)) == 0
    assert respondent_nki((7, 8, 9)) == pytest.approx((8 - 1) / 9 * 100)


def test_rank_totals_completed_per_cell_and_never_overwritten():
    from nki_desktop.domain.ranking import complete_rank_totals
    from nki_desktop.domain.records import Observation

    obs = [
        Observation(2023, "1880", "total", "nki", "foretag", 72, rank=2),
        Observation(2023, "1814", "total", "nki", "foretag", 78, rank=1),
        Observation(2023, "1860", "total", "nki", "foretag", 70),  # unranked
        Observation(2023, "1880", "bygglov", "nki", "foretag", 64, rank=5, rank_of=198),
    ]
    complete_rank_totals(obs)
    assert [o.rank_of for o in obs] == [2, 2, None, 198]


def test_rank_total_stays_unknown_for_an_excerpt_of_a_larger_ranking():
    """One län of a national list: rank 150 among 2 rows cannot be "150 av 2"."""
    from nki_desktop.analysis.overview import Position
    from nki_desktop.domain.ranking import complete_rank_totals
    from nki_desktop.domain.records import Observation

    obs = [
        Observation(2023, "1880", "total", "nki", "foretag", 72, rank=150),
        Observation(2023, "1814", "total", "nki", "foretag", 78, rank=61),
    ]
    complete_rank_totals(obs)
    assert [o.rank_of for o in obs] == [None, None]
    assert Position(150, 0, False).text == "150" and Position(2, 3, False).text == "2 av 3"
