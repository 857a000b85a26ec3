"""SWEREF 99 TM (EPSG:3006): Gauss–Krüger projection of GRS 80 latitude/longitude to metres.

Transverse Mercator with central meridian 15° E, scale 0.9996 on it, false easting 500 000 m,
false northing 0. The formulas are Krüger's series as Lantmäteriet writes them ("Gauss
konforma projektion"), accurate to well under a millimetre across Sweden. A transverse
Mercator is conformal: Norrland keeps its shape (a plate carrée squashes it east–west).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class TransverseMercator:
    """A Gauss–Krüger projection on an ellipsoid (defaults: SWEREF 99 TM on GRS 80)."""

    a: float = 6378137.0  # GRS 80 semi-major axis, metres
    f: float = 1 / 298.257222101  # GRS 80 flattening
    central_meridian: float = 15.0
    scale: float = 0.9996
    false_northing: float = 0.0
    false_easting: float = 500000.0

    def _constants(self) -> tuple[float, float, float, float, float, float]:
        n = self.f / (2 - self.f)
        a_hat = self.a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
        e2 = self.f * (2 - self.f)
        return n, a_hat, e2, e2**2, e2**3, e2**4

    def forward(self, lat: float, lon: float) -> tuple[float, float]:
        """(northing, easting) in metres of a latitude and longitude in degrees."""
        n, a_hat, e2, e4, e6, e8 = self._constants()
        big_a = e2
        big_b = (5 * e4 - e6) / 6
        big_c = (104 * e6 - 45 * e8) / 120
        big_d = 1237 * e8 / 1260
        beta = (
            n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180,
            13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440,
            61 * n**3 / 240 - 103 * n**4 / 140,
            49561 * n**4 / 161280,
        )
        phi = math.radians(lat)
        dlam = math.radians(lon - self.central_meridian)
        s, c = math.sin(phi), math.cos(phi)
        phi_star = phi - s * c * (big_a + big_b * s**2 + big_c * s**4 + big_d * s**6)
        xi = math.atan2(math.tan(phi_star), math.cos(dlam))
        eta = math.atanh(math.cos(phi_star) * math.sin(dlam))
        x = xi + sum(
            b * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, b in enumerate(beta, 1)
        )
        y = eta + sum(
            b * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, b in enumerate(beta, 1)
        )
        k = self.scale * a_hat
        return k * x + self.false_northing, k * y + self.false_easting

    def inverse(self, northing: float, easting: float) -> tuple[float, float]:
        """(latitude, longitude) in degrees of a northing and easting in metres."""
        n, a_hat, e2, e4, e6, e8 = self._constants()
        big_a = e2 + e4 + e6 + e8
        big_b = -(7 * e4 + 17 * e6 + 30 * e8) / 6
        big_c = (224 * e6 + 889 * e8) / 120
        big_d = -(4279 * e8) / 1260
        delta = (
            n / 2 - 2 * n**2 / 3 + 37 * n**3 / 96 - n**4 / 360,
            n**2 / 48 + n**3 / 15 - 437 * n**4 / 1440,
            17 * n**3 / 480 - 37 * n**4 / 840,
            4397 * n**4 / 161280,
        )
        k = self.scale * a_hat
        xi = (northing - self.false_northing) / k
        eta = (easting - self.false_easting) / k
        xi_p = xi - sum(
            d * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, d in enumerate(delta, 1)
        )
        eta_p = eta - sum(
            d * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, d in enumerate(delta, 1)
        )
        phi_star = math.asin(math.sin(xi_p) / math.cosh(eta_p))
        dlam = math.atan2(math.sinh(eta_p), math.cos(xi_p))
        s, c = math.sin(phi_star), math.cos(phi_star)
        phi = phi_star + s * c * (big_a + big_b * s**2 + big_c * s**4 + big_d * s**6)
        return math.degrees(phi), self.central_meridian + math.degrees(dlam)


SWEREF99_TM = TransverseMercator()


def sweref99tm(lat: float, lon: float) -> tuple[float, float]:
    """SWEREF 99 TM (northing, easting) in metres of a GRS 80 / WGS 84 lat/lon in degrees."""
    return SWEREF99_TM.forward(lat, lon)


def sweref99tm_inverse(northing: float, easting: float) -> tuple[float, float]:
    """Latitude and longitude in degrees of a SWEREF 99 TM northing and easting."""
    return SWEREF99_TM.inverse(northing, easting)
