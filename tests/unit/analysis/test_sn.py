"""Svenskt Näringsliv's values are read on their own, and never reach NKI's figures,
rankings, trends or years."""

from __future__ import annotations

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.analysis.overview import key_figures
from nki_desktop.analysis.ranking import load_ranking
from nki_desktop.analysis.trend import series
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.domain.sn import SN_AREA


def _sn_batch(values: list[Observation]) -> ImportBatch:
    return ImportBatch("sn.xlsx", "sn-sha", "sn", "sn", values)


def _obs(year, unit, factor, value=None, rank=None, n=None):
    return Observation(year, unit, SN_AREA, factor, "foretag", value=value, rank=rank, n=n)


def test_sample_data_has_sn_values_marked_as_sample(sample_store):
    overview = sn_analysis.load_overview(sample_store, "2514")
    assert overview is not None and overview.year == 2024
    assert 1.0 <= overview.grade <= 6.0
    assert 1 <= overview.rank <= 290
    assert overview.is_sample
    ranking = sn_analysis.load_ranking(sample_store, 2024)
    assert [r.rank for r in ranking.rows] == list(range(1, 291))
    assert ranking.is_sample


def test_nki_figures_unchanged_by_sn_values(sample_store):
    before = (
        key_figures(sample_store, "2514", 2024, "foretag"),
        [
            (r.unit, r.value, r.rank)
            for r in load_ranking(sample_store, 2024, "total", "nki", "foretag").rows
        ],
        series(sample_store, "2514", "total", "nki", "foretag"),
        sample_store.years("foretag"),
    )
    # An SN file with a later year, Riket, ranks and grades that would look like NKI's
    sample_store.save_import(
        _sn_batch(
            [
                _obs(2025, "2514", "sammanfattande_omdome", 4.2, n=100),
                _obs(2025, "2514", "rank", rank=3),
                _obs(2024, "2514", "service_bemotande", 1.5),
                _obs(2024, "riket", "sammanfattande_omdome", 3.5),
            ]
        )
    )
    after = (
        key_figures(sample_store, "2514", 2024, "foretag"),
        [
            (r.unit, r.value, r.rank)
            for r in load_ranking(sample_store, 2024, "total", "nki", "foretag").rows
        ],
        series(sample_store, "2514", "total", "nki", "foretag"),
        sample_store.years("foretag"),
    )
    assert after == before
    assert 2025 not in sample_store.years()
    assert all(v.area != SN_AREA for v in sample_store.values(year=2024, unit="2514"))
    assert sn_analysis.sn_years(sample_store)[-1] == 2025


def test_overview_latest_year_rank_change_and_riket():
    values = [
        _obs(2023, "2514", "rank", rank=50),
        _obs(2024, "2514", "rank", rank=42),
        _obs(2024, "2514", "sammanfattande_omdome", 3.8, n=120),
        _obs(2024, "2514", "service_bemotande", 4.1),
        _obs(2024, "riket", "sammanfattande_omdome", 3.5),
    ]
    from nki_desktop.domain.records import StoredValue

    stored = [StoredValue(**o.__dict__, publication="sn") for o in values]
    overview = sn_analysis.build_overview(stored, "2514")
    assert (overview.year, overview.grade, overview.n, overview.riket) == (2024, 3.8, 120, 3.5)
    assert (overview.rank, overview.previous_rank, overview.rank_change) == (42, 50, 8)
    assert overview.questions == [
        ("sammanfattande_omdome", 3.8, 3.5),
        ("service_bemotande", 4.1, None),
    ]
    assert not overview.is_sample
    assert sn_analysis.build_overview(stored, "1880") is None


def test_ranking_keeps_published_ranks_and_filters_by_lan(store):
    store.save_import(
        _sn_batch(
            [
                _obs(2024, "2514", "rank", rank=2),
                _obs(2024, "2584", "rank", rank=1),  # Kiruna
                _obs(2024, "1880", "rank", rank=7),
                _obs(2023, "2514", "rank", rank=9),
                _obs(2024, "2514", "sammanfattande_omdome", 4.4),
            ]
        )
    )
    ranking = sn_analysis.load_ranking(store, 2024)
    assert [(r.unit, r.rank, r.change) for r in ranking.rows] == [
        ("2584", 1, None),
        ("2514", 2, 7),
        ("1880", 7, None),
    ]
    assert ranking.rows[1].grade == 4.4
    assert [r.unit for r in sn_analysis.load_ranking(store, 2024, lan="25").rows] == [
        "2584",
        "2514",
    ]
    assert sn_analysis.series(store, "2514", "rank")[0].value == 9.0
    nki = load_ranking(store, 2024, "total", "nki", "foretag")
    assert all(r.value is None and r.rank is None for r in nki.rows)
