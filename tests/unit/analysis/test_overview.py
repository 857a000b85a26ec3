from __future__ import annotations

from nki_desktop.analysis import peers, trend
from nki_desktop.analysis.narrative import genitive, summary_text
from nki_desktop.analysis.overview import key_figures
from nki_desktop.domain.ranking import shared_ranks


def test_shared_ranks_give_ties_the_same_position():
    assert shared_ranks({"a": 80, "b": 75, "c": 75, "d": 70}) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert shared_ranks({"a": 74.6, "b": 75.4}, decimals=0) == {"a": 1, "b": 1}


def test_key_figures_match_stored_values(sample_store):
    kf = key_figures(sample_store, "1880", 2023)
    [total] = sample_store.values(unit="1880", year=2023, area="total", factor="nki")
    assert kf.total.value == total.value and kf.total.n == total.n
    assert kf.rank_national.rank == total.rank and not kf.rank_national.computed
    lan = [
        v
        for v in sample_store.values(year=2023, area="total", factor="nki")
        if v.unit[:2] == "18" and v.value is not None
    ]
    assert kf.rank_lan.of == len(lan)
    assert kf.rank_lan.rank == 1 + sum(1 for v in lan if v.value > total.value)
    [prev] = sample_store.values(unit="1880", year=2022, area="total", factor="nki")
    assert kf.change == total.value - prev.value
    assert kf.best_factor.value == max(f.value for f in kf.factors)
    assert key_figures(sample_store, "1880", 1999) is None


def test_summary_mentions_level_change_and_break(sample_store):
    kf = key_figures(sample_store, "1880", 2024)
    text = summary_text(kf)
    assert text.startswith("Örebros NKI för företag uppgår 2024 till")
    assert "2023" in text and "fyra områden" in text  # 2024 definition change
    assert genitive("Borås") == "Borås" and genitive("Kalix") == "Kalix"


def test_trend_series_and_group_average(sample_store):
    points = trend.series(sample_store, "1880", "total", "nki", "foretag")
    assert [p.year for p in points] == list(range(2016, 2025))
    assert [b.year for b in trend.breaks_in(points, "total")] == [2024]
    members = peers.lan_members(sample_store.catalogue, "1880")
    avg = trend.average_series(sample_store, members, "total", "nki", "foretag")
    vals_2023 = [
        v.value
        for v in sample_store.values(year=2023, area="total", factor="nki")
        if v.unit in members and v.value is not None
    ]
    [p2023] = [p for p in avg if p.year == 2023]
    assert p2023.members == len(vals_2023)
    assert abs(p2023.value - sum(vals_2023) / len(vals_2023)) < 1e-9
    assert len(peers.group_members(sample_store.catalogue, "1880")) == 23
