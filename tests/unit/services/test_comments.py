"""Comments for the screen and the report: search, filters, picks that survive a restart."""

from __future__ import annotations

import pytest

from nki_desktop.analysis.comments import HIGH_NKI_FROM, LOW_NKI_BELOW
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import comments as svc
from nki_desktop.services.imports import import_file
from nki_desktop.storage import Store
from tests.comment_builders import layout_rows
from tests.respondent_builders import write_xlsx


@pytest.fixture
def with_comments(store, tmp_path):
    for year, seed in ((2023, 4), (2024, 5)):
        headers, rows = layout_rows("arendedatum", 60, year=year, seed=seed)
        assert import_file(
            store,
            write_xlsx(tmp_path / f"{year}.xlsx", rows, headers=headers),
            ImportOptions(kommun="1880"),
        ).ok
    return store


def test_rows_carry_the_respondents_nki_and_factor_indices(with_comments):
    rows = svc.comments(with_comments, "1880")
    assert {r.year for r in rows} == {2023, 2024}
    assert all(r.unit == "1880" and r.area_text for r in rows)
    scored = [r for r in rows if r.nki is not None]
    assert scored and all(0 <= r.nki <= 100 for r in scored)
    assert all(v is None or 0 <= v <= 100 for r in rows for v in r.factors.values())
    assert svc.comments(with_comments, "0180") == []


def test_search_and_filters(with_comments):
    store = with_comments
    hits = svc.comments(store, "1880", text="HANDLAGGNINGSTID")
    assert hits and all("handlaggningstid" in fold(r.text) for r in hits)
    assert all(r.year == 2024 for r in svc.comments(store, "1880", year=2024))
    assert all(r.area == "bygglov" for r in svc.comments(store, "1880", area="bygglov"))
    low = svc.comments(store, "1880", band="low")
    high = svc.comments(store, "1880", band="high")
    assert low and high
    assert all(r.nki is not None and r.nki < LOW_NKI_BELOW for r in low)
    assert all(r.nki is not None and r.nki >= HIGH_NKI_FROM for r in high)
    assert svc.comments(store, "1880", text="telefonnummer bemötande") == [
        r
        for r in svc.comments(store, "1880")
        if "telefonnummer" in fold(r.text) and "bemotande" in fold(r.text)
    ]


def test_picks_survive_a_restart_and_only_picked_are_for_the_report(with_comments):
    store = with_comments
    rows = svc.comments(store, "1880")
    assert svc.picked_comments(store, "1880") == []  # nothing is exported unless picked
    chosen = [rows[0].id, rows[3].id]
    assert svc.pick(store, chosen) == 2
    assert svc.pick(store, chosen) == 0  # already picked
    path = store.path
    store.close()
    again = Store.open(path)
    assert [r.id for r in svc.picked_comments(again, "1880")] == chosen
    assert svc.pick(again, [chosen[0]], picked=False) == 1
    assert [r.id for r in svc.picked_comments(again, "1880")] == [chosen[1]]
    assert [r.id for r in svc.comments(again, "1880", picked_only=True)] == [chosen[1]]
