"""SWEREF 99 TM against known points: the meridian arc of GRS 80 on the central meridian,
and Snyder's (Redfearn's) independent transverse Mercator series off it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nki_desktop.domain.projection import sweref99tm, sweref99tm_inverse

K0 = 0.9996


@pytest.mark.parametrize(
    ("lat", "arc"),
    [  # meridian distance of GRS 80 from the equator (published tables, metres)
        (45.0, 4984944.378),
        (60.0, 6654072.819),
        (90.0, 10001965.729),
    ],
)
def test_central_meridian_is_the_scaled_meridian_arc(lat, arc):
    northing, easting = sweref99tm(lat, 15.0)
    assert northing == pytest.approx(K0 * arc, abs=0.005)
    assert easting == pytest.approx(500000.0, abs=1e-6)


def _snyder(lat: float, lon: float) -> tuple[float, float]:
    """Snyder, Map Projections – A Working Manual (1987), eqs. 8-9 to 8-10: another series."""
    a, f = 6378137.0, 1 / 298.257222101
    e2 = f * (2 - f)
    ep2 = e2 / (1 - e2)
    phi, lam = math.radians(lat), math.radians(lon - 15.0)
    n = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    t = math.tan(phi) ** 2
    c = ep2 * math.cos(phi) ** 2
    big_a = lam * math.cos(phi)
    m = a * (
        (1 - e2 / 4 - 3 * e2**2 / 64 - 5 * e2**3 / 256) * phi
        - (3 * e2 / 8 + 3 * e2**2 / 32 + 45 * e2**3 / 1024) * math.sin(2 * phi)
        + (15 * e2**2 / 256 + 45 * e2**3 / 1024) * math.sin(4 * phi)
        - (35 * e2**3 / 3072) * math.sin(6 * phi)
    )
    x = (
        K0
        * n
        * (
            big_a
            + (1 - t + c) * big_a**3 / 6
            + (5 - 18 * t + t**2 + 72 * c - 58 * ep2) * big_a**5 / 120
        )
    )
    y = K0 * (
        m
        + n
        * math.tan(phi)
        * (
            big_a**2 / 2
            + (5 - t + 9 * c + 4 * c**2) * big_a**4 / 24
            + (61 - 58 * t + t**2 + 600 * c - 330 * ep2) * big_a**6 / 720
        )
    )
    return y, x + 500000.0


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(55.6, 13.0), (59.33, 18.07), (63.8, 20.3), (65.85, 23.1), (67.85, 20.2), (57.7, 11.97)],
)
def test_agrees_with_snyders_series_within_a_decimetre(lat, lon):
    northing, easting = sweref99tm(lat, lon)
    ref_n, ref_e = _snyder(lat, lon)
    assert northing == pytest.approx(ref_n, abs=0.1)
    assert easting == pytest.approx(ref_e, abs=0.1)


def test_symmetric_about_the_central_meridian():
    west = sweref99tm(62.0, 12.0)
    east = sweref99tm(62.0, 18.0)
    assert west[0] == pytest.approx(east[0], abs=1e-6)
    assert west[1] - 500000 == pytest.approx(-(east[1] - 500000), abs=1e-6)


def test_kalix_lies_north_east_of_stockholm_in_metres():
    kalix = sweref99tm(65.85, 23.15)
    stockholm = sweref99tm(59.33, 18.07)
    assert 700_000 < kalix[0] - stockholm[0] < 760_000  # about 730 km further north
    assert kalix[1] > stockholm[1]


@given(st.floats(55.0, 69.5), st.floats(10.5, 24.5))
def test_inverse_returns_the_point(lat, lon):
    back = sweref99tm_inverse(*sweref99tm(lat, lon))
    assert back[0] == pytest.approx(lat, abs=1e-9)
    assert back[1] == pytest.approx(lon, abs=1e-9)
