"""The import history and source preference as the Import screen and the command line see it."""

from __future__ import annotations

from nki_desktop.services import history


def test_summary_and_undo_of_the_sample_import(sample_store):
    summary = history.summary(sample_store)
    assert summary.imports == 1 and summary.has_sample and summary.values > 10_000
    [info] = history.list_imports(sample_store)
    assert history.undo_import(sample_store, info.id) == info
    assert history.undo_import(sample_store, info.id) is None  # gone: nothing to undo
    assert history.summary(sample_store) == history.HistorySummary(0, 0, False)


def test_source_preference_round_trips(store):
    order = list(reversed(history.source_preference(store)))
    history.set_source_preference(store, order)
    assert history.source_preference(store) == order
