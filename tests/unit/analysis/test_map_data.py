"""The map's classes: grade bands or groups of places, and what counts as missing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nki_desktop.analysis.map_data import (
    GRADE,
    RANK,
    build_map_data,
    load_map_data,
    measure_label,
    rank_bounds,
)
from nki_desktop.analysis.ranking import RankFilter, build_ranking
from nki_desktop.domain.records import StoredValue
from nki_desktop.paths import shipped_catalogue

CAT = shipped_catalogue()
KALIX, BODEN, LULEA, PITEA, KIRUNA = "2514", "2582", "2580", "2581", "2584"


def sv(unit: str, value: float | None, n: int | None = 50) -> StoredValue:
    return StoredValue(
        year=2021,
        unit=unit,
        area="total",
        factor="nki",
        group="foretag",
        value=value,
        n=n,
        rank=None,
        rank_of=None,
        missing=None if value is not None else "..",
        source="fil.xlsx",
    )


def table(values: list[StoredValue]):
    return build_ranking(values, [], CAT, 2021, "total", "nki", "foretag", RankFilter())


VALUES = [
    sv(BODEN, 87.96),
    sv(KALIX, 86.36),
    sv(LULEA, 69.5),
    sv(PITEA, 61.4, n=8),
    sv(KIRUNA, None),
]


def test_grades_follow_the_published_whole_number():
    data = build_map_data(table(VALUES), GRADE, KALIX)
    assert len(data.entries) == 290
    assert data.entries[KALIX].grade == "●●●● Mycket högt"
    assert data.classes[data.entries[KALIX].klass].key == "mycket_hogt"
    assert data.classes[data.entries[LULEA].klass].key == "hogt"  # 69,5 is published as 70
    assert [c.count for c in data.classes] == [2, 1, 0, 0, 0]


def test_too_few_answers_and_no_value_are_missing_with_the_reason():
    data = build_map_data(table(VALUES), GRADE)
    pitea, kiruna = data.entries[PITEA], data.entries[KIRUNA]
    assert pitea.klass is None and pitea.missing == "för få svar (8)"
    assert kiruna.klass is None and kiruna.missing == "sekretess/för få svar (..)"
    assert data.missing_count == 290 - 3
    assert "Piteå" in data.describe(PITEA) and "för få svar (8)" in data.describe(PITEA)


def test_hover_text_has_name_value_n_grade_and_rank():
    text = build_map_data(table(VALUES), GRADE).describe(KALIX)
    assert text.splitlines() == [
        "Kalix (Norrbottens län)",
        "NKI totalt 2021: 86,4",
        "Betyg: ●●●● Mycket högt",
        "Antal svar: 50",
        "Plats 2 av 3 i riket (beräknad)",
    ]


def test_rank_mode_groups_places():
    data = build_map_data(table(VALUES), RANK)
    assert [c.label for c in data.classes] == ["Plats 1–1", "Plats 2–2", "Plats 3–3"]
    assert data.entries[BODEN].klass == 0 and data.entries[LULEA].klass == 2
    assert data.entries[PITEA].klass is None
    assert data.title == "Kartan: placering, NKI totalt 2021"


@pytest.mark.parametrize(
    ("ranked", "expected"),
    [
        (190, [(1, 38), (39, 76), (77, 114), (115, 152), (153, 190)]),
        (7, [(1, 2), (3, 3), (4, 5), (6, 6), (7, 7)]),
        (2, [(1, 1), (2, 2)]),
        (0, []),
    ],
)
def test_rank_bounds_cover_every_place_once(ranked, expected):
    cuts = rank_bounds(ranked)
    assert cuts == expected
    assert [p for low, high in cuts for p in range(low, high + 1)] == list(range(1, ranked + 1))


def test_titles_and_measures():
    assert build_map_data(table(VALUES)).title == "Kartan: NKI totalt 2021"
    assert measure_label("bygglov", "nki") == "NKI bygglov"
    assert measure_label("upphandling", "nui") == "NUI upphandling"
    assert measure_label("total", "bemotande") == "Bemötande, totalt"


def test_load_from_the_sample_database(sample_store):
    data = load_map_data(sample_store, 2023, mine=KALIX)
    assert data.title == "Kartan: NKI totalt 2023"
    assert data.is_sample
    assert sum(c.count for c in data.classes) + data.missing_count == 290
    assert data.mine == KALIX


CODES = [k.code for k in CAT.kommuner]


@settings(max_examples=30, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(CODES),
        st.tuples(
            st.one_of(st.none(), st.floats(0, 100)), st.one_of(st.none(), st.integers(0, 500))
        ),
        max_size=60,
    ),
    st.sampled_from([GRADE, RANK]),
)
def test_every_kommun_is_in_exactly_one_class_or_missing(values, mode):
    data = build_map_data(table([sv(c, v, n) for c, (v, n) in values.items()]), mode)
    assert len(data.entries) == 290
    assert sum(c.count for c in data.classes) + data.missing_count == 290
    for entry in data.entries.values():
        if entry.klass is None:
            assert entry.missing
        else:
            assert entry.value is not None and not entry.missing
            assert entry.n is None or entry.n >= 10
            if mode == RANK:
                low, high = rank_bounds(entry.ranked)[entry.klass]
                assert low <= entry.rank <= high
