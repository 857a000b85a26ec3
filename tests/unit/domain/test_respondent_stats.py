"""Index arithmetic over respondent answers: t quantiles, intervals, grouping, rules."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from nki_desktop.analysis.respondent import (
    Change,
    change_between,
    publication_status,
    standardised_regression,
)
from nki_desktop.domain.respondent_stats import (
    RespondentArrays,
    cell_stats,
    choose_factor_scale,
    parse_scale,
    respondent_nki_array,
    summarise,
    t_cdf,
    t_quantile,
)
from nki_desktop.domain.rules import publication_rules

# Student t table (two-sided 95 %, i.e. p = 0.975; and a few other levels).
T_TABLE = [
    (0.975, 1, 12.706),
    (0.975, 2, 4.303),
    (0.975, 3, 3.182),
    (0.975, 5, 2.571),
    (0.975, 10, 2.228),
    (0.975, 30, 2.042),
    (0.975, 120, 1.980),
    (0.95, 10, 1.812),
    (0.995, 20, 2.845),
    (0.99, 4, 3.747),
    (0.9, 1, 3.078),
]


@pytest.mark.parametrize(("p", "df", "expected"), T_TABLE)
def test_t_quantile_matches_printed_tables(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, abs=6e-4)


def test_t_quantile_symmetry_and_normal_limit():
    assert t_quantile(0.025, 5) == pytest.approx(-t_quantile(0.975, 5))
    assert t_quantile(0.5, 3) == 0.0
    assert t_quantile(0.975, 1e7) == pytest.approx(1.959964, abs=1e-5)
    # df = 1 is the Cauchy distribution: the quantile is tan(pi (p − 1/2)).
    assert t_quantile(0.9, 1) == pytest.approx(math.tan(math.pi * 0.4), rel=1e-9)
    assert t_cdf(t_quantile(0.975, 7.5), 7.5) == pytest.approx(0.975, abs=1e-10)
    with pytest.raises(ValueError):
        t_quantile(1.0, 3)


def test_summarise_against_statistics_module():
    values = [80.0, 55.5, 100.0, 66.7, float("nan"), 77.8, 44.4]
    stat = summarise(values)
    clean = [v for v in values if not math.isnan(v)]
    assert stat.n == 6
    assert stat.mean == pytest.approx(statistics.mean(clean))
    assert stat.sd == pytest.approx(statistics.stdev(clean))
    half = 2.571 * statistics.stdev(clean) / math.sqrt(6)  # t(0.975, 5) from the table
    assert stat.ci_low == pytest.approx(statistics.mean(clean) - half, abs=5e-3)
    assert stat.ci_high == pytest.approx(statistics.mean(clean) + half, abs=5e-3)
    one = summarise([50.0])
    assert (one.n, one.mean, one.ci_low) == (1, 50.0, None)


def test_respondent_nki_rules():
    answers = np.array([[10, 10, 10], [1, 1, 1], [8, np.nan, 6], [np.nan, np.nan, 5]], dtype=float)
    all_three = respondent_nki_array(answers, "all")
    assert all_three[0] == 100 and all_three[1] == 0
    assert np.isnan(all_three[2]) and np.isnan(all_three[3])
    two = respondent_nki_array(answers, "two")
    assert two[2] == pytest.approx((7 - 1) / 9 * 100)
    assert np.isnan(two[3])


def test_scales():
    assert choose_factor_scale(6) == (1.0, 6.0)
    assert choose_factor_scale(5) == (1.0, 6.0)
    assert choose_factor_scale(7) == (1.0, 10.0)
    assert parse_scale("1–10") == (1.0, 10.0)
    assert parse_scale(6) == (1.0, 6.0)
    assert parse_scale("nonsense") is None


def test_cell_stats_groups_totals_and_upphandling():
    data = RespondentArrays(
        year=np.array([2023, 2023, 2023, 2023, 2024, 2024], dtype=np.int64),
        area=["bygglov", "brandskydd", "upphandling", "bygglov", "brandskydd", "bygglov"],
        group=["foretag", "foretag", "foretag", "privatperson", "foretag", "foretag"],
        nki=np.array([80.0, 60.0, 50.0, 40.0, 90.0, 70.0]),
        factors=np.full((6, 6), 50.0),
    )
    totals = {2023: ("brandskydd", "bygglov"), 2024: ("bygglov",)}
    cells = {(c.year, c.area, c.group, c.factor): c.stat for c in cell_stats(data, totals)}
    assert cells[(2023, "total", "foretag", "nki")].mean == pytest.approx(70.0)
    assert cells[(2023, "total", "foretag", "nki")].n == 2  # upphandling is never in NKI
    assert cells[(2023, "upphandling", "foretag", "nui")].mean == 50.0
    assert (2023, "upphandling", "foretag", "nki") not in cells
    assert cells[(2024, "total", "foretag", "nki")].mean == 70.0  # 2024: brandskydd is out
    assert cells[(2023, "total", "alla", "nki")].mean == pytest.approx(60.0)
    assert cells[(2023, "bygglov", "alla", "nki")].n == 2


@pytest.mark.parametrize(
    ("year", "portal", "oj", "area_rank"), [(2017, 7, 10, 12), (2021, 7, 10, 10), (2023, 7, 10, 10)]
)
def test_publication_status_follows_the_years_rules(year, portal, oj, area_rank):
    rules = publication_rules(year)
    assert (rules.min_answers_portal, rules.min_answers_oj, rules.min_answers_area_rank) == (
        portal,
        oj,
        area_rank,
    )
    assert not publication_status(portal - 1, year, "bygglov").shown
    assert "För få svar" in publication_status(portal - 1, year, "bygglov").reason
    low = publication_status(portal, year, "bygglov")
    assert low.shown and not low.oj and "eget bruk" in low.reason
    assert publication_status(area_rank, year, "bygglov").rankable
    assert not publication_status(area_rank - 1, year, "bygglov").rankable
    total = publication_status(19, year, "total")
    assert total.oj and not total.rankable and "NKI totalt" in total.reason
    assert publication_status(20, year, "total").reason == ""


def test_welch_change_against_hand_computation():
    a = [70.0, 80.0, 90.0, 85.0, 75.0, 95.0, 60.0, 88.0]
    b = [60.0, 65.0, 70.0, 72.0, 58.0, 66.0]
    change = change_between(summarise(a), summarise(b))
    assert isinstance(change, Change)
    v1 = statistics.variance(a) / len(a)
    v2 = statistics.variance(b) / len(b)
    df = (v1 + v2) ** 2 / (v1**2 / (len(a) - 1) + v2**2 / (len(b) - 1))
    assert change.delta == pytest.approx(statistics.mean(a) - statistics.mean(b))
    assert change.df == pytest.approx(df)
    # df ≈ 10.5 here: the multiplier lies between the table's t(0.975, 11) and t(0.975, 10).
    assert 2.201 < change.half_width / math.sqrt(v1 + v2) < 2.228
    assert change.significant is True
    assert change.text.startswith("ökning med 15 enheter (osäkerhet ±")
    assert change.text.endswith("större än slumpvariationen")
    small = change_between(summarise([70.0, 72.0, 68.0]), summarise([69.0, 71.0, 67.0]))
    assert small is not None and small.significant is False
    assert "minskning" not in small.text and "ryms inom slumpvariationen" in small.text


def test_standardised_regression_against_normal_equations():
    rng = np.random.default_rng(3)
    x = rng.normal(60, 15, size=(200, 6))
    y = x @ np.array([0.3, 0.1, 0.0, 0.5, 0.2, 0.05]) + rng.normal(0, 5, size=200)
    coef, r2 = standardised_regression(y, x)
    # Unstandardised OLS by the normal equations, then scaled by sd(x)/sd(y).
    design = np.column_stack([np.ones(200), x])
    b = np.linalg.solve(design.T @ design, design.T @ y)
    expected = b[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    assert coef == pytest.approx(expected, rel=1e-8)
    fitted = design @ b
    assert r2 == pytest.approx(np.corrcoef(fitted, y)[0, 1] ** 2, rel=1e-8)
