"""Time goal statuses (mål) as the screens and the command line read them, against reading
the same stored values alone, in the same run.

On the 15-year database of ``bench_screens.py`` (built once into its own folder in the temp
folder): min kommun with 3 goals (a target, a direction, a rank: what a board typically sets)
and with 18 (the three kinds on NKI totalt and five areas):

- the Översikt's goal strip and the Mål… dialog: one year (``services.goals.reports(…,
  year)``), against ``Store.values`` for the kommun plus each rank goal's ranking of that year;
- ``goals list`` and the report's Excel sheet: every year, against the same reads for every
  year.

    .venv/bin/python bench/bench_goals.py [--repeat 15] [--clock cpu] [--rebuild]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_screens import database  # noqa: E402

from nki_desktop.services import goals as svc  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402
from nki_desktop.storage.goals import list_goals  # noqa: E402

KOMMUN = "1880"
GROUP = "foretag"
AREAS = ("total", "bygglov", "miljo_halsoskydd", "livsmedelskontroll", "serveringstillstand")


def median_ms(fn: Callable[[], object], repeat: int, clock: Callable[[], float]) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def reads_alone(store: Store, year: int | None) -> None:
    """The floor: the kommun's values and each rank goal's ranking (one year or all)."""
    store.values(unit=KOMMUN, group=GROUP)
    for g in list_goals(store, unit=KOMMUN, group=GROUP):
        if g.kind == "rank":
            if year is None:
                store.values(area=g.area, factor=g.factor, group=GROUP)
            else:
                store.values(year=year, area=g.area, factor=g.factor, group=GROUP)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    db = database(Path(tempfile.gettempdir()) / "nki-bench-goals" / "bench.sqlite", args.rebuild)
    os.environ["NKI_DATA_DIR"] = str(db.parent)
    store = Store.open(db)
    for g in list_goals(store):  # start from no goals
        svc.remove(store, g.id)
    year = store.years(GROUP)[-1]
    count = store.conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    print(f"Databas {db}: {count:,} värden, år {store.years()[0]}–{year}")

    svc.add(store, KOMMUN, target=75, from_year=2020)
    svc.add(store, KOMMUN, direction="oka")
    svc.add(store, KOMMUN, rank=50, from_year=2021)
    rows = []
    for label in ("3 mål", "18 mål"):
        if label == "18 mål":
            for area in AREAS[1:]:
                svc.add(store, KOMMUN, area=area, target=70)
                svc.add(store, KOMMUN, area=area, direction="bibehalla")
                svc.add(store, KOMMUN, area=area, rank=100)
        for what, y in (("ett år (Översikt, dialogen)", year), ("alla år (goals list)", None)):
            rows.append(
                (
                    f"{label}, {what}",
                    median_ms(partial(svc.reports, store, KOMMUN, GROUP, y), args.repeat, clock),
                    median_ms(partial(reads_alone, store, y), args.repeat, clock),
                )
            )
    print(f"\n{'':44} {'statusar':>9} {'bara läsa':>10} {'kvot':>6}")
    for label, ms, ref in rows:
        print(f"{label:44} {ms:7.1f} ms {ref:8.1f} ms {ms / ref:6.2f}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
