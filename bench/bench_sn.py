"""Svenskt Näringsliv: preview a national ranking file (290 kommuner × 10 years) and a
per-question file, then read SN's ranking and a kommun's figures on the sample database.

Run: .venv/bin/python bench/bench_sn.py
Target: each preview under 1 s; the SN ranking and Översikt's SN figures under 50 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.importers import sample
from nki_desktop.services import imports
from nki_desktop.storage import Store


def _write(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _best(work, rounds: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return min(times) * 1000, statistics.median(times) * 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nki-bench-sn-"))
    store = Store.open(folder / "bench.sqlite")
    kommuner = store.catalogue.kommuner
    years = list(range(2015, 2025))
    ranking: list[list[object]] = [["Svenskt Näringsliv – Lokalt företagsklimat, ranking 2024"], []]
    ranking.append(["Kommunkod", "Kommun", *years, "Förändring"])
    for i, k in enumerate(kommuner):
        ranks = [(i + 7 * y) % 290 + 1 for y in range(len(years))]
        ranking.append([k.code, k.name, *ranks, ranks[-2] - ranks[-1]])
    questions: list[list[object]] = [["Lokalt företagsklimat 2024 – enkätresultat"], []]
    questions.append(["Kommun", "Sammanfattande omdöme", "Service och bemötande",
                      "Tillämpning av lagar och regler", "Antal svar"])  # fmt: skip
    for i, k in enumerate(kommuner):
        questions.append([k.name, 2.5 + (i % 30) / 10, 3.0 + (i % 25) / 10, 3.1, 100 + i])
    for name, rows in (("ranking", ranking), ("frågor", questions)):
        path = _write(folder / f"{name}.xlsx", rows)
        best, median = _best(lambda p=path: imports.preview(store, p), 3)
        print(f"preview SN {name} ({len(rows) - 3} rader): {best:.0f} ms (median {median:.0f})")
    store.save_import(sample.generate(store.catalogue))
    best, median = _best(lambda: sn_analysis.load_ranking(store, 2024))
    print(f"SN ranking 2024 on the sample database: {best:.1f} ms (median {median:.1f})")
    best, median = _best(lambda: sn_analysis.load_overview(store, "2514"))
    print(f"SN figures for Översikt (Kalix): {best:.1f} ms (median {median:.1f})")
    best, median = _best(lambda: store.years())
    print(f"NKI years (SN left out): {best:.2f} ms (median {median:.2f})")


if __name__ == "__main__":
    main()
