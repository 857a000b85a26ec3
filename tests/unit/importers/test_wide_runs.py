"""The reader of adjacent runs (``importers/wide_runs.py``) against the general one."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nki_desktop.importers import wide, wide_runs
from nki_desktop.importers.base import ImportProblem

_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", "..", "-", "x", "86 (114)", ".. (6)", "12 av 190", "77,4", "abc", "12"]),
    st.floats(min_value=-3, max_value=400),
    st.sampled_from([float("nan"), float("inf"), 12.0, 1e9]),
    st.integers(min_value=0, max_value=300),
)


@settings(max_examples=500, deadline=None)
# a value cell with its answers, "86 (114)", wins over an empty n column beside it
@example(cells=["86 (114)", 12.0, None, *[None] * 6], groups=[["value", "rank", "n"]])
@example(
    cells=[".. (6)", "..", 7.0, 80.0, "5 av 9", *[None] * 4], groups=[["value", "n", "rank"]] * 2
)
@given(
    cells=st.lists(_CELLS, min_size=9, max_size=9),
    groups=st.lists(
        st.lists(st.sampled_from(["value", "n", "rank"]), min_size=1, max_size=3),
        min_size=1,
        max_size=3,
    ),
)
def test_adjacent_runs_read_as_the_cell_by_cell_reading(cells, groups):
    # The fast reading of adjacent runs gives exactly what the general one gives: the same
    # observations, values counted, duplicates and problems. Runs of one to three columns
    # (value, rank, n in any order, repeated or not) hit the usual-run path and the loop.
    measures = [(k, m) for k, group in zip("abc", groups, strict=False) for m in group]
    plan = [(i, 2023, k, "nki", m, "ABCDEFGHI"[i]) for i, (k, m) in enumerate(measures)]
    value_keys = {(2023, k, "nki") for _i, _y, k, _f, m, _l in plan if m == "value"}
    runs = wide_runs._runs(plan, value_keys)
    assert runs is not None

    def outcome(read):
        result = wide.TableResult()
        try:
            for row_no in (5, 6):  # the second row is a duplicate of the first
                read(result, row_no)
        except ImportProblem as problem:
            return ("problem", str(problem))
        return (result.observations, result.values, result.skipped)

    general = outcome(
        lambda r, row: wide._read_row(
            "f.xlsx", "Blad1", cells, row, "1880", plan, value_keys, "foretag", r.cells, r
        )
    )
    fast = outcome(
        lambda r, row: wide_runs._read_runs(
            "f.xlsx", "Blad1", cells, row, "1880", runs, "foretag", r.cells, r
        )
    )
    assert fast == general


def test_the_usual_run_has_a_shape_and_a_split_cell_has_no_runs():
    plan = [(3, 2023, "a", "nki", "value", "D"), (4, 2023, "a", "nki", "rank", "E")]
    plan.append((5, 2023, "a", "nki", "n", "F"))
    [(_key, valued, _cells, shape)] = wide_runs._runs(plan, {(2023, "a", "nki")})
    assert valued and shape == (3, "D", 4, 5, True)
    apart = [*plan[:1], (6, 2023, "b", "nki", "value", "G"), *plan[1:]]
    assert wide_runs._runs(apart, set()) is None
