from __future__ import annotations

from nki_desktop.charts.bars import Bar, IndexBarChart
from nki_desktop.reports import chart_pool
from nki_desktop.reports.qt_env import ensure_app


def test_charts_are_reused_only_inside_a_batch_and_for_the_same_role():
    ensure_app()
    first = chart_pool.take(IndexBarChart, ("areas", 3))
    chart_pool.give_back([first])  # outside a batch: not kept
    assert chart_pool.take(IndexBarChart, ("areas", 3)) is not first
    with chart_pool.reusing():
        a = chart_pool.take(IndexBarChart, ("areas", 3))
        b = chart_pool.take(IndexBarChart, ("factors", 6))
        chart_pool.give_back([a, b])
        assert not a.isVisible()
        assert chart_pool.take(IndexBarChart, ("areas", 3)) is a
        assert chart_pool.take(IndexBarChart, ("areas", 4)) is not a
        assert chart_pool.take(IndexBarChart, ("factors", 6)) is b
        chart_pool.give_back([a])
    with chart_pool.reusing():  # a new batch starts empty
        assert chart_pool.take(IndexBarChart, ("areas", 3)) is not a


def test_a_reused_chart_forgets_its_axis_size():
    ensure_app()
    with chart_pool.reusing():
        chart = chart_pool.take(IndexBarChart, "bars")
        chart.set_bars([Bar("x", 50.0)])
        bottom = chart.getPlotItem().getAxis("bottom")
        bottom.textHeight = 27  # as a previous report's tick labels left it
        chart_pool.give_back([chart])
        again = chart_pool.take(IndexBarChart, "bars")
        assert again is chart
        assert again.getPlotItem().getAxis("bottom").textHeight == 18
