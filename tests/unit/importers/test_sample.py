"""The sample data generator: deterministic, fictitious, following each year's rules."""

from __future__ import annotations

from collections import defaultdict

from nki_desktop.domain.rules import nki_total_areas
from nki_desktop.importers import sample
from nki_desktop.paths import shipped_catalogue


def test_sample_is_deterministic_and_marked_fictitious(sample_batch):
    again = sample.generate(shipped_catalogue())
    assert again.sha256 == sample_batch.sha256
    assert [(o.unit, o.value) for o in again.observations[:500]] == [
        (o.unit, o.value) for o in sample_batch.observations[:500]
    ]
    assert "fiktiva" in sample_batch.file_name
    assert sample_batch.years == list(range(2016, 2025))


def test_sample_total_follows_each_years_definition(sample_batch):
    n_by = defaultdict(dict)
    for o in sample_batch.observations:
        if o.factor in ("nki", "nui") and o.unit == "1880":
            n_by[(o.year, o.area)] = o.n
    for year in (2016, 2023, 2024):
        if (year, "total") not in n_by:
            continue
        expected = sum(n_by.get((year, a), 0) for a in nki_total_areas(year))
        assert n_by[(year, "total")] == expected
    # 2024: brandskydd is reported but not in the total
    assert n_by[(2024, "total")] < sum(
        v for (y, a), v in n_by.items() if y == 2024 and a not in ("total", "upphandling")
    )
