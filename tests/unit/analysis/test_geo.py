"""Kommun polygons: all 290 read and projected, hit-testing, points inside, bad files."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.analysis.geo import (
    KommunShape,
    MapFileError,
    bounds,
    load_shapes,
    parse_geojson,
    shape_at,
    shipped_shapes,
)
from nki_desktop.domain.projection import sweref99tm
from nki_desktop.paths import shipped_catalogue

SQUARE = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
HOLE = ((4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0))


def test_every_kommun_of_the_catalogue_has_a_shape():
    shapes = shipped_shapes()
    assert [s.code for s in shapes] == [k.code for k in shipped_catalogue().kommuner]
    assert len(shapes) == 290
    assert all(s.rings and all(len(r) >= 3 for r in s.rings) for s in shapes)


def test_sweden_projected_is_taller_than_wide_in_sweref_metres():
    x0, y0, x1, y1 = bounds(shipped_shapes())
    assert 250_000 < x0 < 300_000 and 900_000 < x1 < 950_000  # eastings
    assert 6_100_000 < y0 < 6_150_000 and 7_650_000 < y1 < 7_700_000  # northings
    assert (y1 - y0) / (x1 - x0) == pytest.approx(2.4, abs=0.1)


def test_a_point_in_kalix_is_kalix():
    northing, easting = sweref99tm(65.87, 23.2)  # near Kalix town, inland of the coast
    assert shape_at(shipped_shapes(), easting, northing) == "2514"


def test_interior_points_hit_their_own_kommun_for_all_290():
    shapes = shipped_shapes()
    for shape in shapes:
        x, y = shape.interior_point()
        assert shape.contains(x, y), shape.code
        assert shape_at(shapes, x, y) == shape.code


def test_the_sea_and_vanern_belong_to_no_kommun():
    shapes = shipped_shapes()
    for lat, lon in ((58.9, 13.2), (57.0, 19.5), (63.0, 20.5)):  # Vänern, Baltic, Bothnia
        northing, easting = sweref99tm(lat, lon)
        assert shape_at(shapes, easting, northing) is None


def test_a_hole_is_outside():
    shape = KommunShape("9999", "Test", (SQUARE, HOLE))
    assert shape.contains(2, 2)
    assert not shape.contains(5, 5)
    assert not shape.contains(11, 5)
    assert shape.contains(*shape.interior_point())


@given(st.floats(-5, 15), st.floats(-5, 15))
def test_square_contains_exactly_its_inside(x, y):
    shape = KommunShape("9999", "Test", (SQUARE,))
    if 0 < x < 10 and 0 < y < 10:
        assert shape.contains(x, y)
    elif not (0 <= x <= 10 and 0 <= y <= 10):
        assert not shape.contains(x, y)


def test_polygon_features_and_codes_without_zeros_are_read():
    text = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "properties": {"kod": 114, "namn": "Upplands Väsby"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[17.9, 59.5], [18.0, 59.5], [18.0, 59.6], [17.9, 59.5]]],
                    },
                }
            ],
        }
    )
    (shape,) = parse_geojson(text)
    assert shape.code == "0114" and shape.lan == "01"
    assert len(shape.rings[0]) == 3  # the closing point is dropped


def test_a_damaged_file_is_told_in_swedish(tmp_path):
    path = tmp_path / "kommuner.geojson"
    path.write_text('{"features": [{"properties": {}}]}', encoding="utf-8")
    with pytest.raises(MapFileError, match="Kartfilen kommuner.geojson kunde inte läsas"):
        load_shapes(path)
    with pytest.raises(MapFileError, match="kunde inte öppnas"):
        load_shapes(tmp_path / "saknas.geojson")
