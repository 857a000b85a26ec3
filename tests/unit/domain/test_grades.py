"""Grades as SKR publishes them: five bands on the value rounded to a whole number."""

from __future__ import annotations

import pytest

from nki_desktop.domain.grades import GRADE_SCALES, grade_for, grade_scale, published_index


@pytest.mark.parametrize(
    "value, published",
    [(69.9, 70), (69.5, 70), (68.5, 69), (79.5, 80), (86.36136644, 86), (61.49, 61), (0.5, 1)],
)
def test_published_index_rounds_half_up(value, published):
    assert published_index(value) == published  # round() would give 68 for 68.5


@pytest.mark.parametrize(
    "value, key",
    [
        (69.9, "hogt"),
        (79.5, "mycket_hogt"),
        (79.49, "hogt"),
        (62, "godkant"),
        (61.5, "godkant"),
        (61.4, "lagt"),
        (50, "lagt"),
        (49.5, "lagt"),
        (49.4, "mycket_lagt"),
        (86.36136644, "mycket_hogt"),
        (float("nan"), None),
        (None, None),
    ],
)
def test_five_bands(value, key):
    grade = grade_for(value)
    assert (grade.key if grade else None) == key


def test_bands_are_per_year_data():
    assert len(grade_scale(2021).grades) == 5 and grade_scale(None) is GRADE_SCALES[-1]
    assert [g.band for g in grade_scale(2012).grades] == ["≥ 80", "70–79", "62–69", "50–61", "< 50"]
    assert len({g.symbol for g in grade_scale(2021).grades}) == 5  # never colour alone
