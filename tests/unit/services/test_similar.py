"""The similar-kommuner service on the sample data: criteria, choices and profiles."""

from __future__ import annotations

import pytest

from nki_desktop.analysis.similar_criteria import CriteriaError
from nki_desktop.services import similar as svc


def test_default_criteria_use_the_latest_year(sample_store):
    year = svc.latest_year(sample_store, "foretag")
    keys = [c.key for c in svc.criteria_for(sample_store, None, "foretag")]
    assert keys == ["population", "kommungrupp", f"total:nki@{year}"]


def test_without_results_the_default_is_population_and_group(store):
    assert [c.key for c in svc.criteria_for(store, None, "foretag")] == [
        "population",
        "kommungrupp",
    ]
    with pytest.raises(CriteriaError, match="inga lagrade resultat"):
        svc.criteria_for(store, "total:nki", "foretag")
    result = svc.find_similar(store, "2514", n=3)
    assert len(result.matches) == 3
    assert all(m.distance.parts[1].other == "C8" for m in result.matches)  # Kalix is C8


def test_profiles_hold_every_kommun_and_only_kommuner(sample_store):
    criteria = svc.criteria_for(sample_store, "population,total:nki@2023", "foretag")
    profiles = svc.load_profiles(sample_store, criteria, "foretag")
    assert len(profiles) == 290 and "riket" not in profiles
    [stored] = sample_store.values(year=2023, unit="1880", area="total", factor="nki")
    assert profiles["1880"]["total:nki@2023"] == pytest.approx(stored.value)


def test_choices_are_the_stored_results_in_program_order(sample_store):
    choices = svc.result_choices(sample_store, "foretag", 2023, 2024)
    keys = [c.key for c in choices]
    assert keys[0] == "total:nki@2023-2024"
    assert "total:bemotande@2023-2024" in keys and "bygglov:nki@2023-2024" in keys
