"""Recomputing slices from stored respondent rows: tables, matrix, breakdowns, changes."""

from __future__ import annotations

import statistics

import numpy as np
import pytest

from nki_desktop.analysis import respondent as ar
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services.imports import import_file
from tests.respondent_builders import make_rows, write_xlsx

FACTOR_COLUMNS = range(7, 13)


def _valid(a) -> bool:
    return isinstance(a, int) and a not in (0, 99)


@pytest.fixture
def imported(store, tmp_path):
    rows = make_rows(900, seed=11, groups=("Företag", "Företag", "Privatperson"))
    assert import_file(
        store,
        write_xlsx(tmp_path / "svar.xlsx", rows),
        ImportOptions(kind="respondent", kommun="1880"),
    ).ok
    return store, rows


def test_index_table_matches_the_stored_import(imported):
    store, _ = imported
    frame = ar.load_frame(store, "1880")
    table = {(r.year, r.area, r.group, r.factor): r for r in ar.index_table(frame)}
    stored = store.values(unit="1880")
    assert len(stored) == len(table)
    for v in stored:
        row = table[(v.year, v.area, v.group, v.factor)]
        assert row.stat.n == v.n
        if v.value is not None:
            assert row.stat.mean == pytest.approx(v.value)
            assert row.stat.ci_low == pytest.approx(v.ci_low)
        else:
            assert not row.status.shown and row.status.reason


def test_matrix_coefficients_against_numpy_directly(imported):
    store, rows = imported
    frame = ar.load_frame(store, "1880", "foretag")
    matrix = ar.driver_matrix(frame, 2023, "foretag", "total")
    sel = [
        r for r in rows if r[1] == 2023 and r[3] == "Företag" and all(_valid(a) for a in r[4:13])
    ]
    y = np.array([(statistics.mean(r[4:7]) - 1) / 9 * 100 for r in sel])
    x = np.array([[(r[c] - 1) / 5 * 100 for c in FACTOR_COLUMNS] for r in sel])
    design = np.column_stack([np.ones(len(sel)), x])
    b = np.linalg.solve(design.T @ design, design.T @ y)
    expected = b[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)
    assert matrix.adequate and matrix.n == len(sel)
    assert [p.effect for p in matrix.points] == pytest.approx(list(expected), rel=1e-7)
    residual = y - design @ b
    assert matrix.r2 == pytest.approx(1 - residual @ residual / ((y - y.mean()) ** 2).sum())
    # x: each factor's index over everyone in the slice who answered that factor.
    info = [
        (r[7] - 1) / 5 * 100 for r in rows if r[1] == 2023 and r[3] == "Företag" and _valid(r[7])
    ]
    assert matrix.points[0].index == pytest.approx(statistics.mean(info))
    assert matrix.points[0].n == len(info)
    # Quadrants split at the means of the six points.
    assert matrix.x_split == pytest.approx(statistics.mean(p.index for p in matrix.points))
    for p in matrix.points:
        high_effect, high_index = p.effect >= matrix.y_split, p.index >= matrix.x_split
        assert p.quadrant == ar.QUADRANTS[(high_effect, high_index)]
    # The generator makes bemötande and effektivitet the strongest drivers, rättssäkerhet
    # the weakest (WEIGHTS in the builder).
    ranked = sorted(matrix.points, key=lambda p: -p.effect)
    assert {p.factor for p in ranked[:2]} == {"bemotande", "effektivitet"}
    assert ranked[-1].factor == "rattssakerhet"


def test_matrix_falls_back_to_total_when_an_area_is_too_small(imported):
    store, _ = imported
    frame = ar.load_frame(store, "1880", "privatperson")
    matrix = ar.driver_matrix_auto(frame, 2023, "privatperson", "brandskydd")
    assert matrix.area == "total" and "för få fullständiga svar" in matrix.note
    tiny = ar.driver_matrix(frame, 2023, "privatperson", "brandskydd", min_n=30)
    assert not tiny.adequate and tiny.points == []


def test_breakdown_by_background(imported):
    store, rows = imported
    frame = ar.load_frame(store, "1880", "foretag")
    assert ar.background_columns(frame) == ["bransch"]
    result = {b.category: b for b in ar.breakdown(frame, "bransch", 2022, "foretag")}
    for name in ("Bygg", "Handel", "Restaurang"):
        nkis = [
            (statistics.mean(r[4:7]) - 1) / 9 * 100
            for r in rows
            if r[1] == 2022
            and r[3] == "Företag"
            and r[13] == name
            and all(_valid(a) for a in r[4:7])
        ]
        assert result[name].stat.n == len(nkis)
        assert result[name].stat.mean == pytest.approx(statistics.mean(nkis))
        assert result[name].stat.sd == pytest.approx(statistics.stdev(nkis))


def test_change_since_last_year_from_stored_rows(imported):
    store, _ = imported
    frame = ar.load_frame(store, "1880", "foretag")
    now = ar.slice_stat(frame, 2023, "foretag", "total")
    before = ar.slice_stat(frame, 2022, "foretag", "total")
    change = ar.change_between(now, before)
    assert change is not None and change.delta == pytest.approx(now.mean - before.mean)
    assert change.low < change.delta < change.high
    assert "osäkerhet ±" in change.text
