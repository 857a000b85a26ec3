"""The report's pure row builders: ranking excerpts and NKI totalt over the years."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.analysis.report_rows import build_trend_rows, ranking_excerpt
from nki_desktop.analysis.trend import Point
from nki_desktop.domain.records import StoredValue


def value(unit: str, v: float | None, rank: int | None = None, of: int | None = None):
    return StoredValue(
        year=2023,
        unit=unit,
        area="total",
        factor="nki",
        group="foretag",
        value=v,
        rank=rank,
        rank_of=of,
        publication="oj",
    )


def units(count: int) -> list[str]:
    return [f"{i:04d}" for i in range(1, count + 1)]


def test_computed_excerpt_is_a_window_around_min_kommun_with_shared_ranks():
    codes = units(20)
    values = [value(u, 90.0 - i) for i, u in enumerate(codes)]
    values[3] = value(codes[3], values[2].value)  # a tie with the one above
    excerpt = ranking_excerpt(values, codes[10], set(codes), "Rankning", {}, 2, False)
    assert excerpt is not None and excerpt.computed and excerpt.of == 20
    assert [r.rank for r in excerpt.rows] == [9, 10, 11, 12, 13]
    assert [r.is_self for r in excerpt.rows] == [False, False, True, False, False]
    whole = ranking_excerpt(values, codes[2], set(codes), "Rankning", {}, 20, False)
    assert whole is not None and [r.rank for r in whole.rows[:5]] == [1, 2, 3, 3, 5]


def test_published_excerpt_uses_the_files_ranks_and_leaves_out_units_without_one():
    values = [value("0001", 80.0, 2, 198), value("0002", 85.0, 1, 198), value("0003", 99.0)]
    excerpt = ranking_excerpt(values, "0001", {"0001", "0002", "0003"}, "R", {}, 5, True)
    assert excerpt is not None and not excerpt.computed and excerpt.of == 198
    assert [(r.rank, r.unit) for r in excerpt.rows] == [(1, "0002"), (2, "0001")]
    assert ranking_excerpt(values, "0003", {"0001", "0003"}, "R", {}, 5, True) is None


def test_excerpt_is_none_without_a_value_of_min_kommun():
    values = [value("0001", 80.0), value("0002", None)]
    assert ranking_excerpt(values, "0002", {"0001", "0002"}, "R", {}, 5, False) is None


@given(
    st.lists(st.integers(50, 100), min_size=1, max_size=40),
    st.data(),
    st.integers(0, 6),
)
def test_excerpt_always_shows_min_kommun_in_rank_order(scores, data, radius):
    codes = units(len(scores))
    me = data.draw(st.sampled_from(codes))
    values = [value(u, float(s)) for u, s in zip(codes, scores, strict=True)]
    excerpt = ranking_excerpt(values, me, set(codes), "R", {}, radius, False)
    assert excerpt is not None
    assert [r.unit for r in excerpt.rows if r.is_self] == [me]
    ranks = [r.rank for r in excerpt.rows]
    assert ranks == sorted(ranks)
    # the whole ranking when it is short, else min kommun and `radius` either side at most
    assert len(excerpt.rows) == len(codes) or len(excerpt.rows) <= 2 * radius + 1


def test_trend_rows_keep_the_years_shown_with_riket_and_the_comparison_mean():
    own = [Point(y, 80.0 + y - 2020, n=100, publications=("oj",)) for y in range(2019, 2025)]
    riket = [Point(y, 75.0, publications=("kolada",)) for y in range(2018, 2025)]
    comparison = [Point(2022, 77.0, members=31, publications=("oj",))]
    rows = build_trend_rows(own, riket, comparison, 2023, 2020)
    assert [r.year for r in rows] == [2020, 2021, 2022, 2023]
    by_year = {r.year: r for r in rows}
    assert (by_year[2022].value, by_year[2022].riket, by_year[2022].comparison) == (
        82.0,
        75.0,
        77.0,
    )
    assert by_year[2022].comparison_count == 31 and by_year[2021].comparison is None
    assert by_year[2023].publication == "oj" and by_year[2023].riket_publication == "kolada"
    everything = build_trend_rows(own, riket, [], 2024, None)
    assert [r.year for r in everything] == list(range(2018, 2025))
    assert everything[0].value is None and everything[0].n is None
