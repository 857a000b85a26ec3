"""Analysis behind the Trend, Ranking and Jämför screens (no Qt)."""

from __future__ import annotations

import hashlib

import pytest

from nki_desktop.analysis import peers
from nki_desktop.analysis.compare import build_comparison, load_comparison
from nki_desktop.analysis.ranking import RankFilter, build_ranking, load_ranking, min_answers
from nki_desktop.analysis.trend import (
    COMPARE_GROUP,
    COMPARE_LAN,
    COMPARE_UNITS,
    comparison_members,
    trend_data,
    trend_rows,
)
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.records import ImportBatch, Observation, StoredValue
from nki_desktop.paths import shipped_catalogue

CAT = shipped_catalogue()
OREBRO, KUMLA, NORA, LEKEBERG = "1880", "1881", "1884", "1814"  # Örebro län
STOCKHOLM, UPPSALA = "0180", "0380"


def sv(
    unit: str,
    value: float | None,
    n: int | None = 50,
    year: int = 2023,
    area: str = "total",
    factor: str = "nki",
    rank: int | None = None,
) -> StoredValue:
    return StoredValue(
        year=year,
        unit=unit,
        area=area,
        factor=factor,
        group="foretag",
        value=value,
        n=n,
        rank=rank,
        rank_of=290 if rank else None,
        missing=None if value is not None else "..",
        source="fil.xlsx",
    )


def save(store, observations: list[Observation], name: str = "test") -> None:
    digest = hashlib.sha256(name.encode()).hexdigest()
    store.save_import(ImportBatch(name, digest, "template", "template", observations))


def ob(
    year: int,
    unit: str,
    value: float | None,
    area: str = "total",
    factor: str = "nki",
    group: str = "foretag",
    n: int = 40,
    **kw,
) -> Observation:
    return Observation(year, unit, area, factor, group, value, n, **kw)


# -- ranking -------------------------------------------------------------------------------
def test_ranking_shares_tied_positions_and_lists_kommuner_without_value_last():
    current = [
        sv(OREBRO, 80),
        sv(KUMLA, 75),
        sv(NORA, 75),
        sv(STOCKHOLM, 70),
        sv(UPPSALA, None, n=5),
    ]
    table = build_ranking(
        current, [], CAT, 2023, "total", "nki", "foretag", RankFilter(), mine=NORA
    )
    ranks = {r.unit: r.rank for r in table.rows}
    assert ranks[OREBRO] == 1 and ranks[KUMLA] == 2 and ranks[NORA] == 2
    assert ranks[STOCKHOLM] == 4 and ranks[UPPSALA] is None
    assert len(table.rows) == len(CAT) and table.ranked == 4
    assert [r.unit for r in table.rows[:4]] == [OREBRO, KUMLA, NORA, STOCKHOLM]
    assert table.rows[-1].rank is None
    assert table.row_of(NORA).mine and not table.row_of(KUMLA).mine


def test_values_below_the_oj_minimum_are_listed_but_never_ranked():
    """A value computed from 8 respondents is shown, but not ranked even without a filter."""
    current = [sv(OREBRO, 90, n=8), sv(KUMLA, 75), sv(NORA, 70, n=None)]
    table = build_ranking(current, [], CAT, 2023, "bygglov", "nki", "foretag", RankFilter())
    assert table.row_of(OREBRO).value == 90 and table.row_of(OREBRO).rank is None
    assert table.row_of(KUMLA).rank == 1 and table.row_of(NORA).rank == 2


def test_ranking_filters_rerank_within_the_selection():
    current = [
        sv(STOCKHOLM, 90),
        sv(UPPSALA, 85),
        sv(OREBRO, 80),
        sv(KUMLA, 60, n=12),
        sv(NORA, 70),
    ]
    lan = build_ranking(current, [], CAT, 2023, "total", "nki", "foretag", RankFilter(lan="18"))
    assert {r.unit for r in lan.rows} == {k.code for k in CAT.in_lan("18")}
    assert lan.row_of(OREBRO).rank == 1 and lan.row_of(NORA).rank == 2
    assert lan.row_of(KUMLA).rank == 3
    strict = build_ranking(
        current,
        [],
        CAT,
        2023,
        "total",
        "nki",
        "foretag",
        RankFilter(lan="18", publishable_only=True),
    )
    assert strict.row_of(KUMLA).rank is None and not strict.row_of(KUMLA).enough_answers
    assert strict.min_answers == min_answers(2023, "total") == 20
    large = build_ranking(
        current, [], CAT, 2023, "total", "nki", "foretag", RankFilter(large_only=True)
    )
    assert all(CAT.get(r.unit).is_large for r in large.rows)
    assert large.row_of(STOCKHOLM).rank == 1 and large.row_of(NORA) is None
    group = CAT.get(OREBRO).group_name
    by_group = build_ranking(
        current, [], CAT, 2023, "total", "nki", "foretag", RankFilter(kommungrupp=group)
    )
    assert all(r.group_name == group for r in by_group.rows)
    assert RankFilter().admits(CAT.get(OREBRO)) and RankFilter().is_national
    assert not RankFilter(large_only=True).is_national


def test_rank_change_compares_last_years_rank_in_the_same_selection():
    previous = [sv(OREBRO, 70, year=2022), sv(KUMLA, 80, year=2022), sv(NORA, 75, year=2022)]
    current = [sv(OREBRO, 82), sv(KUMLA, 78), sv(NORA, 60)]
    table = build_ranking(
        current,
        previous,
        CAT,
        2023,
        "total",
        "nki",
        "foretag",
        RankFilter(lan="18"),
        previous_year=2022,
    )
    assert table.row_of(OREBRO).rank_change == 2  # 3rd -> 1st
    assert table.row_of(KUMLA).rank_change == -1
    assert table.row_of(NORA).rank_change == -1
    assert table.row_of(OREBRO).value_change == 12
    assert table.row_of(LEKEBERG).rank_change is None


def test_load_ranking_reads_published_ranks_and_previous_year(sample_store):
    table = load_ranking(sample_store, 2023, "total", "nki", "foretag", mine=OREBRO)
    assert table.previous_year == 2022
    [stored] = sample_store.values(year=2023, unit=OREBRO, area="total", factor="nki")
    row = table.row_of(OREBRO)
    assert row.mine and row.value == stored.value and row.published_rank == stored.rank
    # the sample's published ranks use the same tie rule over kommuner with enough answers
    strict = load_ranking(
        sample_store, 2023, "total", "nki", "foretag", RankFilter(publishable_only=True)
    )
    for r in strict.rows:
        if r.published_rank is not None:
            assert r.rank == r.published_rank


# -- comparison ----------------------------------------------------------------------------
def test_comparison_sets_neighbours_similar_and_saved():
    sets = peers.comparison_sets(CAT, OREBRO, {"Mina": [KUMLA, OREBRO, STOCKHOLM]})
    assert sets[peers.NEIGHBOURS] == sorted(k.code for k in CAT.in_lan("18") if k.code != OREBRO)
    group = CAT.get(OREBRO).group_name
    assert set(sets[peers.SIMILAR]) == {k.code for k in CAT.in_group(group)} - {OREBRO}
    assert sets["Mina"] == [KUMLA, STOCKHOLM]
    assert peers.comparison_sets(CAT, "9999") == {}


def test_comparison_rows_means_and_differences():
    values = [
        sv(OREBRO, 70),
        sv(KUMLA, 80),
        sv(NORA, None, n=3),
        sv(RIKET, 75),
        sv(OREBRO, 66, area="bygglov"),
        sv(KUMLA, 60, area="bygglov"),
        sv(OREBRO, 72, factor="bemotande"),
        sv(KUMLA, 76, factor="bemotande"),
        sv(OREBRO, 50, area="upphandling", factor="nui"),
    ]
    cmp = build_comparison(values, OREBRO, [KUMLA, NORA, OREBRO], 2023, "foretag", CAT)
    assert cmp.units == [OREBRO, KUMLA, NORA]
    assert [r.label for r in cmp.areas] == ["NKI totalt", "Bygglov", "Upphandling (NUI)"]
    total = cmp.areas[0]
    assert total.riket == 75 and total.others_mean(OREBRO) == 80  # Nora has no value
    assert total.difference(OREBRO) == -10
    assert cmp.areas[1].difference(OREBRO) == 6
    assert cmp.areas[2].factor == "nui" and cmp.areas[2].others_mean(OREBRO) is None
    assert [r.label for r in cmp.factors] == ["Bemötande"]
    assert cmp.names[KUMLA] == "Kumla"


def test_load_comparison_matches_the_store(sample_store):
    cmp = load_comparison(sample_store, OREBRO, [KUMLA, NORA], 2023, "foretag")
    [kumla] = sample_store.values(year=2023, unit=KUMLA, area="bygglov", factor="nki")
    bygglov = next(r for r in cmp.areas if r.area == "bygglov")
    assert bygglov.value(KUMLA) == kumla.value
    assert len(cmp.factors) == 6


# -- trend ---------------------------------------------------------------------------------
def test_trend_lines_averages_and_definition_breaks(store):
    obs = []
    for year, (mine, kumla, nora, riket) in {
        2015: (60, 70, 80, 68),
        2016: (62, 72, None, 70),
        2017: (64, 74, 78, 71),
    }.items():
        obs += [
            ob(year, OREBRO, mine, ci_low=mine - 3, ci_high=mine + 3),
            ob(year, KUMLA, kumla),
            ob(year, NORA, nora),
            ob(year, RIKET, riket),
        ]
    obs += [ob(2016, OREBRO, 81, group="privatperson")]  # other group: never mixed in
    save(store, obs)
    data = trend_data(store, OREBRO, "total", "nki", "foretag", COMPARE_LAN)
    mine, riket, lan = data.lines
    assert [p.value for p in mine.points] == [60, 62, 64] and mine.has_intervals
    assert [p.value for p in riket.points] == [68, 70, 71]
    assert lan.average and lan.label == "Medel Örebro län"
    assert [(p.year, p.value, p.members) for p in lan.points] == [
        (2015, 75, 2),
        (2016, 72, 1),
        (2017, 76, 2),
    ]
    assert [b.year for b in data.breaks] == [2016]
    rows = trend_rows(data)
    assert rows[0].diff("mine", "riket") == -8 and rows[1].value("compare") == 72
    chosen = trend_data(store, OREBRO, "total", "nki", "foretag", COMPARE_UNITS, [KUMLA])
    assert chosen.lines[2].label == "Medel valda kommuner"  # counts go with each mean
    assert [p.value for p in chosen.lines[2].points] == [70, 72, 74]
    # bygglov is not affected by the 2016 change of NKI totalt
    save(store, [ob(2015, OREBRO, 50, "bygglov"), ob(2017, OREBRO, 55, "bygglov")], "b")
    assert trend_data(store, OREBRO, "bygglov", "nki", "foretag").breaks == []


def test_comparison_members_exclude_min_kommun():
    label, members = comparison_members(CAT, OREBRO, COMPARE_GROUP)
    assert OREBRO not in members and label.startswith("Medel kommungrupp")
    assert comparison_members(CAT, OREBRO, "none") == ("", set())


# -- storage reads used by the screens -----------------------------------------------------
def test_years_per_group_and_read_index(store):
    save(
        store,
        [
            ob(2012, OREBRO, 60),
            ob(2020, OREBRO, 70, group="privatperson"),
            ob(2016, OREBRO, 65),
            ob(2016, KUMLA, 66),
        ],
    )
    assert store.years() == [2012, 2016, 2020]
    assert store.years("foretag") == [2012, 2016]
    assert store.years("privatperson") == [2020]
    assert store.years("forening") == []
    names = {r["name"] for r in store.conn.execute("PRAGMA index_list(observations)")}
    assert "idx_observations_unit_year_area_factor_grp" in names  # unit and year (v11)


@pytest.mark.parametrize("area,expected", [("total", 20), ("bygglov", 10)])
def test_min_answers_follow_the_years_rules(area, expected):
    assert min_answers(2023, area) == expected
