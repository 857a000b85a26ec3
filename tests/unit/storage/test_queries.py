"""The Store's value reads (storage/queries.py): years, groups and other surveys' areas."""

from __future__ import annotations

import hashlib
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.domain.sn import SN_AREA
from nki_desktop.storage import Store

GROUPS = ("foretag", "privatperson")
_FILES = itertools.count()


def save(store: Store, name: str, obs: list[Observation]) -> None:
    store.save_import(
        ImportBatch(
            file_name=name,
            sha256=hashlib.sha256(name.encode()).hexdigest(),
            kind="oj",
            publication="oj",
            observations=obs,
        )
    )


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.tuples(st.integers(2005, 2030), st.sampled_from(GROUPS)), max_size=12))
def test_years_match_a_plain_distinct_per_group(store, cells):
    fresh = Store.open(store.path.with_name(f"q{next(_FILES)}.sqlite"))  # one per example
    try:
        save(fresh, "a.xlsx", [Observation(y, "1880", "total", "nki", g, 80.0) for y, g in cells])
        assert fresh.years() == sorted({y for y, _ in cells})
        for g in GROUPS:
            assert fresh.years(g) == sorted({y for y, grp in cells if grp == g})
        assert sorted(fresh.groups()) == sorted({g for _, g in cells})
        assert fresh.has_data() == bool(cells)
    finally:
        fresh.close()


def test_other_surveys_stay_out_unless_named(store):
    save(
        store,
        "a.xlsx",
        [
            Observation(2023, "1880", "total", "nki", "foretag", 80.0),
            Observation(2019, "1880", SN_AREA, "nki", "foretag", 3.4),
        ],
    )
    assert store.years() == [2023] and store.years(area=SN_AREA) == [2019]
    assert [v.area for v in store.values(unit="1880")] == ["total"]
    assert {v.area for v in store.values(unit="1880", other_surveys=True)} == {"total", SN_AREA}
    assert [v.value for v in store.values(area=SN_AREA)] == [3.4]
