"""Time each screen's refresh on a full-size database (15 years × 290 kommuner).

Builds (once, cached in a temp folder) a database with every area and factor for the case
years 2010–2024, then refreshes Översikt, Trend, Ranking and Jämför offscreen and prints
the median and worst time of the analysis alone and of the whole refresh (analysis +
model/chart update).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_screens.py [--rebuild]
"""

from __future__ import annotations

import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nki_desktop.domain.areas import SERVICE_FACTORS  # noqa: E402
from nki_desktop.domain.municipalities import RIKET  # noqa: E402
from nki_desktop.domain.ranking import shared_ranks  # noqa: E402
from nki_desktop.domain.records import ImportBatch, Observation  # noqa: E402
from nki_desktop.domain.rules import publication_rules  # noqa: E402
from nki_desktop.paths import shipped_catalogue  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402

YEARS = range(2010, 2025)
GROUP = "foretag"
BASE_AREAS = ("brandskydd", "bygglov", "markupplatelse", "miljo_halsoskydd", "serveringstillstand")
RUNS = 15


def areas_for(year: int) -> list[str]:
    areas = ["total", *BASE_AREAS]
    if year >= 2016:
        areas.append("livsmedelskontroll")
    if year >= 2019:
        areas.append("upphandling")
    if year >= 2024:
        areas += ["receptfria_lakemedel", "lantmateri", "folkol_tobak"]
    return areas


def build_batch() -> ImportBatch:
    rng = random.Random(7)
    catalogue = shipped_catalogue()
    out: list[Observation] = []
    for year in YEARS:
        need = publication_rules(year).min_answers_oj
        for area in areas_for(year):
            index = "nui" if area == "upphandling" else "nki"
            values = {
                k.code: (
                    float(round(rng.gauss(66 + (year - 2010) * 0.6, 7))),
                    max(0, int(rng.gauss(60, 40))),
                )
                for k in catalogue.kommuner
            }
            ranks = shared_ranks({u: v for u, (v, n) in values.items() if n >= need})
            for unit, (value, n) in values.items():
                shown = n >= need
                out.append(
                    Observation(
                        year,
                        unit,
                        area,
                        index,
                        GROUP,
                        value if shown else None,
                        n,
                        ranks.get(unit),
                        len(ranks) if unit in ranks else None,
                        missing=None if shown else "..",
                    )
                )
                for factor in SERVICE_FACTORS:
                    out.append(
                        Observation(
                            year,
                            unit,
                            area,
                            factor,
                            GROUP,
                            float(round(value + rng.gauss(0, 4))) if shown else None,
                            n,
                            missing=None if shown else "..",
                        )
                    )
            for factor in (index, *SERVICE_FACTORS):
                out.append(
                    Observation(
                        year,
                        RIKET,
                        area,
                        factor,
                        GROUP,
                        float(round(66 + (year - 2010) * 0.6)),
                        20_000,
                    )
                )
    digest = hashlib.sha256(b"bench-screens-1").hexdigest()
    return ImportBatch("bench", digest, "template", "template", out)


def timed(fn, runs: int = RUNS) -> tuple[float, float]:
    """Median and worst wall time in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


SHARED = Path(tempfile.gettempdir()) / "nki-bench-screens" / "bench.sqlite"


def database(db: Path = SHARED, rebuild: bool = False) -> Path:
    """The 15-year database (about 220 000 values) at ``db``, built when missing (or
    ``rebuild``) and kept: the benches share ``SHARED`` unless they write to theirs."""
    db.parent.mkdir(exist_ok=True)
    if rebuild and db.exists():
        db.unlink()
    if not db.exists():
        start = time.perf_counter()
        batch = build_batch()
        store = Store.open(db)
        store.save_import(batch)
        store.close()
        print(
            f"Byggde databasen: {len(batch.observations):,} värden på "
            f"{time.perf_counter() - start:.1f} s"
        )
    return db


def main() -> int:
    db = database(rebuild="--rebuild" in sys.argv)
    os.environ["NKI_DATA_DIR"] = str(db.parent)
    store = Store.open(db)
    count = store.conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    print(f"Databas {db}: {count:,} värden, år {store.years()[0]}–{store.years()[-1]}")

    from nki_desktop.analysis.compare import load_comparison
    from nki_desktop.analysis.overview import key_figures
    from nki_desktop.analysis.peers import comparison_sets
    from nki_desktop.analysis.ranking import RankFilter, load_ranking
    from nki_desktop.analysis.trend import trend_data
    from nki_desktop.app import build_window, create_application
    from nki_desktop.ui.settings import Settings

    app = create_application()
    settings = Settings(db.parent / "settings.ini")
    settings.set("kommun", "1880")
    settings.set("compare_set", "")
    window = build_window(store, settings, synchronous_tasks=True)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    ctx = window.context
    neighbours = comparison_sets(ctx.catalogue, "1880")
    ctx.set_compare_units(next(iter(neighbours.values())), next(iter(neighbours)))

    analyses = {
        "overview": lambda: key_figures(store, "1880", 2024, GROUP),
        "trend": lambda: trend_data(store, "1880", "total", "nki", GROUP, "lan"),
        "ranking": lambda: load_ranking(store, 2024, "total", "nki", GROUP, RankFilter(), "1880"),
        "ranking (filter)": lambda: load_ranking(
            store,
            2024,
            "bygglov",
            "information",
            GROUP,
            RankFilter(lan="18", publishable_only=True),
            "1880",
        ),
        "compare": lambda: load_comparison(store, "1880", ctx.compare_units, 2024, GROUP),
    }
    print(f"\n{'Skärm':<18}{'analys median':>15}{'max':>9}{'hel uppdatering':>18}{'max':>9}")
    for key in ("overview", "trend", "ranking", "compare"):
        window.show_page(key)
        app.processEvents()
        page = window.pages[key]

        def refresh(page=page) -> None:
            page.refresh()
            app.processEvents()

        a_med, a_max = timed(analyses[key])
        r_med, r_max = timed(refresh)
        print(f"{key:<18}{a_med:>12.1f} ms{a_max:>6.1f} ms{r_med:>15.1f} ms{r_max:>6.1f} ms")
        if key == "ranking":
            page.lan_combo.setCurrentIndex(page.lan_combo.findData("18"))
            page.rules_check.setChecked(True)
            a_med, a_max = timed(analyses["ranking (filter)"])
            r_med, r_max = timed(refresh)
            print(
                f"{'ranking (filter)':<18}{a_med:>12.1f} ms{a_max:>6.1f} ms"
                f"{r_med:>15.1f} ms{r_max:>6.1f} ms"
            )

    years = ctx.years
    window.show_page("ranking")

    def change_year() -> None:
        ctx.set_year(years[-2] if ctx.year == years[-1] else years[-1])
        app.processEvents()

    med, worst = timed(change_year)
    print(
        f"\nByte av ärendeår (Översikt + synlig Ranking): median {med:.1f} ms, max {worst:.1f} ms"
    )
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
