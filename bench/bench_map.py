"""Time a full redraw of the map of Sweden (290 kommuner, fill + pattern + outlines + legend).

Prints the median of repeated redraws into a 700 × 760 image (the Karta tab's size) and, as
reference measured in the same run, a minimal QPainter fill of 290 rectangles and of the
same 290 cached kommun paths in one colour; then the ratios. Target: a full redraw under
100 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_map.py [--runs 30]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter  # noqa: E402

from nki_desktop.analysis.map_data import RANK, build_map_data  # noqa: E402
from nki_desktop.analysis.ranking import RankFilter, build_ranking  # noqa: E402
from nki_desktop.charts.map import MapRenderer  # noqa: E402
from nki_desktop.domain.records import StoredValue  # noqa: E402
from nki_desktop.paths import shipped_catalogue  # noqa: E402

W, H = 700, 760


def _data(mode: str = "grade"):
    rng = random.Random(15)
    cat = shipped_catalogue()
    values = [
        StoredValue(2023, k.code, "total", "nki", "foretag", rng.uniform(55, 88),
                    rng.randint(5, 300), source="bench")
        for k in cat.kommuner
        if rng.random() < 0.7
    ]  # fmt: skip
    table = build_ranking(values, [], cat, 2023, "total", "nki", "foretag", RankFilter())
    return build_map_data(table, mode, "2514")


def _median_ms(draw, runs: int) -> float:
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(runs):
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        start = time.perf_counter()
        draw(painter)
        painter.end()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 30
    QGuiApplication.instance() or QGuiApplication([])
    start = time.perf_counter()
    renderer = MapRenderer()
    build_ms = (time.perf_counter() - start) * 1000
    data, ranks = _data(), _data(RANK)
    target = QRectF(0, 0, W, H)

    def full(painter: QPainter) -> None:
        renderer.paint(painter, target, data)

    def remapped(painter: QPainter) -> None:
        renderer._mapped_key = None  # as after a resize or a change of län: paths re-mapped
        renderer.paint(painter, target, ranks)

    def lan(painter: QPainter) -> None:
        renderer.paint(painter, target, data, lan="25")

    paths = renderer.mapped(renderer.transform(renderer.view_bounds(), renderer.layout(target).map))

    def reference_paths(painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for path in paths.values():
            painter.fillPath(path, QColor("#009E73"))

    rects = [QRectF(10 + (i % 17) * 40, 10 + (i // 17) * 42, 36, 38) for i in range(290)]

    def reference_rects(painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect in rects:
            painter.fillRect(rect, QColor("#009E73"))

    _median_ms(full, 1)  # warm up: fonts, first mapping of the paths
    figures = {
        "map, full redraw (Sweden, grades, legend)": _median_ms(full, runs),
        "map, full redraw after resize (paths re-mapped)": _median_ms(remapped, runs),
        "map, full redraw zoomed to Norrbottens län (names)": _median_ms(lan, runs),
        "reference: 290 cached kommun paths, one colour": _median_ms(reference_paths, runs),
        "reference: 290 rectangles filled": _median_ms(reference_rects, runs),
    }
    print(f"Map redraw into {W} × {H}, median of {runs} (target < 100 ms)")
    print(f"  building 290 QPainterPaths from the polygons (once): {build_ms:8.1f} ms")
    for name, ms in figures.items():
        print(f"  {name:<52} {ms:8.1f} ms")
    full_ms = figures["map, full redraw (Sweden, grades, legend)"]
    for ref in (
        "reference: 290 cached kommun paths, one colour",
        "reference: 290 rectangles filled",
    ):
        print(
            f"  ratio full redraw / {ref.removeprefix('reference: '):<37} "
            f"{full_ms / figures[ref]:6.1f}×"
        )
    print("  target met" if max(list(figures.values())[:3]) < 100 else "  TARGET NOT MET")


if __name__ == "__main__":
    main()
