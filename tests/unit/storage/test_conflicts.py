"""Stored values that differ from a file's cells, found in one indexed read."""

from __future__ import annotations

from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage.conflicts import count_differing, differing_values


def test_only_cells_stored_with_another_value_are_returned(store):
    store.save_import(
        ImportBatch(
            "a.xlsx",
            "a",
            "oj",
            "oj",
            observations=[
                Observation(2023, "2514", "bygglov", "nki", "foretag", 84.0),
                Observation(2023, "2514", "brandskydd", "nki", "foretag", 80.0),
                Observation(2023, "1880", "bygglov", "nki", "foretag", None, missing=".."),
                Observation(2022, "2514", "bygglov", "nki", "foretag", 70.0),
            ],
        )
    )
    cells = [
        (2023, "2514", "bygglov", "nki", "foretag", 84.6),  # differs
        (2023, "2514", "brandskydd", "nki", "foretag", 80.0),  # same
        (2023, "1880", "bygglov", "nki", "foretag", 66.0),  # stored as missing
        (2023, "2514", "bygglov", "nki", "privatperson", 50.0),  # not stored
        (2021, "2514", "bygglov", "nki", "foretag", 70.5),
    ]  # another year
    [(given, stored)] = differing_values(store, cells)
    assert given == 84.6 and (stored.year, stored.unit, stored.area, stored.value) == (
        2023,
        "2514",
        "bygglov",
        84.0,
    )
    assert stored.source == "a.xlsx" and stored.publication == "oj"
    assert count_differing(store, cells) == 1
    assert differing_values(store, []) == [] and count_differing(store, []) == 0
