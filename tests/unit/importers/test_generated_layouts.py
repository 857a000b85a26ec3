"""Hundreds of generated ÖJ layouts through the real import path, checked cell by cell.

Each case renders a ground-truth table (kommuner × areas × NKI/rank/n, with Riket, joint
bodies, footnotes, summary rows and every missing marker) into a layout drawn by hypothesis,
writes it as xlsx, xls, ods or CSV, imports it into a fresh database and checks that every
value, n and rank comes back exactly, that nothing else is stored, and that every row that
was not stored is in the skipped list with its sheet and row.

Runs derandomized (a fixed sequence of cases) unless NKI_LAYOUTS_EXPLORE is set; the number
of cases is NKI_LAYOUTS_EXAMPLES (default 250).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop.paths import shipped_catalogue
from nki_desktop.services import imports
from nki_desktop.storage import Store
from tests.layouts.generator import Layout, Rendered, render
from tests.layouts.strategies import layouts, truths
from tests.layouts.truth import Truth
from tests.layouts.writers import write

CATALOGUE = shipped_catalogue()
_EXAMPLES = int(os.environ.get("NKI_LAYOUTS_EXAMPLES", "250"))
_COMMON = dict(
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "layouts-ci", derandomize=True, database=None, max_examples=_EXAMPLES, **_COMMON
)
settings.register_profile("layouts-explore", max_examples=_EXAMPLES, **_COMMON)
PROFILE = settings.get_profile(
    "layouts-explore"
    if os.environ.get("NKI_LAYOUTS_EXPLORE") and not os.environ.get("CI")
    else "layouts-ci"
)


@st.composite
def cases(
    draw: st.DrawFn, exclude: frozenset[str] = frozenset(), h10a: bool = False
) -> tuple[Truth, Layout]:
    truth = draw(truths(CATALOGUE, set(exclude), h10a))
    return truth, draw(layouts(truth, CATALOGUE, h10a))


def _table(rendered: Rendered) -> str:
    """The rendered sheets as text, for a failure message."""
    lines = []
    for sheet in rendered.sheets:
        lines.append(f"--- {sheet.name}")
        lines += [
            f"{r + 1:3} {role[0]:7} {row}"
            for r, (row, role) in enumerate(zip(sheet.rows, sheet.roles, strict=True))
        ]
    return "\n".join(lines)


def check_case(truth: Truth, layout: Layout, store: Store) -> None:
    """Write, import into the (empty) store, compare with the truth, undo the import."""
    rendered = render(truth, layout, CATALOGUE.lan_names())
    with tempfile.TemporaryDirectory() as folder:
        path = write(rendered, layout, Path(folder))
        outcome = imports.import_file(store, path)
    try:
        table = _table(rendered)
        assert outcome.ok, f"{outcome.message}\n{table}"
        assert outcome.kind == "oj", table
        got = {
            (v.year, v.unit, v.area, v.factor, v.group): (v.value, v.missing, v.n, v.rank)
            for v in store.values(effective=False)
        }
        expected = truth.expected()
        wrong = {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
        extra = sorted(set(got) - set(expected))
        assert not wrong and not extra, f"wrong (got, expected): {wrong}\nextra: {extra}\n{table}"
        assert store.joint_bodies() == truth.joint_bodies(), table
        _check_rank_totals(truth, store)
        _check_skipped(rendered, outcome.batch.skipped, table)
    finally:
        if outcome.import_id is not None:
            store.undo_import(outcome.import_id)
    assert not store.values(effective=False) and not store.joint_bodies()


def _check_rank_totals(truth: Truth, store: Store) -> None:
    for unit, row in zip(truth.units, truth.cells, strict=True):
        for area, cell in zip(truth.areas, row, strict=True):
            if cell.rank_of is not None:
                [v] = store.values(unit=unit.key, area=area.key, year=truth.year)
                assert (v.rank, v.rank_of) == (cell.rank, cell.rank_of)


def _check_skipped(rendered: Rendered, skipped: list, table: str) -> None:
    """Every written row that is not stored is listed, with its sheet and row."""
    located = {(s.sheet, s.row) for s in skipped}
    seen: set[str] = set()
    for sheet in rendered.sheets:
        for r, (row, (kind, detail)) in enumerate(zip(sheet.rows, sheet.roles, strict=True)):
            if kind == "unit":
                if detail in seen:  # Riket repeated on every sheet: a duplicate, skipped
                    assert (sheet.name, r + 1) in located, f"{sheet.name} row {r + 1}\n{table}"
                seen.add(detail)
            elif kind == "noise" and any(str(c).strip() for c in row):
                assert (sheet.name, r + 1) in located, (
                    f"{detail} at {sheet.name} row {r + 1} not in skipped {skipped}\n{table}"
                )
                if detail == "footnote":
                    [reason] = [
                        s.reason for s in skipped if (s.sheet, s.row) == (sheet.name, r + 1)
                    ]
                    assert "fotnot" in reason, f"{sheet.name} row {r + 1}: {reason}\n{table}"


@pytest.fixture(scope="module")
def layout_store(tmp_path_factory: pytest.TempPathFactory):
    """One database for all cases: each import is undone after its checks (cheaper than a
    new database per case, and it checks that undo leaves nothing behind)."""
    store = Store.open(tmp_path_factory.mktemp("layouts") / "nki.sqlite", CATALOGUE)
    yield store
    store.close()


@PROFILE
@given(case=cases(h10a=True))
def test_generated_layouts_import_exactly(layout_store: Store, case: tuple[Truth, Layout]) -> None:
    """Every form: Håbo and Habo by name, names with footnote marks, '- (4)' cells."""
    check_case(*case, layout_store)
