"""Which results are stored, for the similar-kommuner criteria."""

from __future__ import annotations

from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage.similar import stored_results


def test_only_results_with_a_value_in_the_years_and_group(store):
    obs = [
        Observation(2023, "1880", "total", "nki", "foretag", 71.0),
        Observation(2023, "1880", "bygglov", "nki", "foretag", None, missing=".."),
        Observation(2020, "1880", "total", "bemotande", "foretag", 70.0),
        Observation(2023, "1880", "total", "kompetens", "privatperson", 70.0),
    ]
    store.save_import(ImportBatch("t.csv", "x" * 64, "template", "template", obs))
    assert stored_results(store, "foretag", 2021, 2024) == [("total", "nki")]
    assert stored_results(store, "foretag", 2020, 2024) == [
        ("total", "bemotande"),
        ("total", "nki"),
    ]
