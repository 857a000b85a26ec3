"""Time the similar-kommuner search over all 290 kommuner, against references measured in
the same run.

On the 15-year database of ``bench_screens.py`` (built once, cached in the temp folder),
with five criteria (population, kommungrupp, NKI totalt 2022–2024, bygglov 2024,
bemötande 2024):

- the whole search as the window and ``nki-desktop similar`` run it (read the stored values,
  build 290 profiles, distances to all 289 others, the closest 7), against reading the same
  stored values alone (``Store.values``, the floor any search has to pay);
- the distance part alone (``analysis.similar.closest`` on loaded profiles), against a plain
  hand-written loop computing the same weighted mean of |z|-differences and sorting;
- every kommun's closest 7 (290 searches on profiles loaded once).

    .venv/bin/python bench/bench_similar.py [--repeat 15] [--clock cpu] [--rebuild]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_screens import database  # noqa: E402

from nki_desktop.analysis.similar import closest  # noqa: E402
from nki_desktop.services.similar import criteria_for, find_similar, load_profiles  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402

KOMMUN = "1880"
KEYS = "population,kommungrupp,total:nki@2022-2024,bygglov:nki@2024,total:bemotande@2024"
GROUP = "foretag"


def best(fn: Callable[[], object], repeat: int, clock: Callable[[], float]) -> float:
    """Best of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return min(times)


def plain_loop(mine: str, profiles: dict, keys: list[str], categorical: set[str]) -> list[str]:
    """The same distances written as plainly as possible: the reference for the pure part."""
    sds: dict[str, float] = {}
    for key in keys:
        if key in categorical:
            continue
        xs = [p[key] for p in profiles.values() if p[key] is not None]
        if key == "population":
            xs = [math.log10(x) for x in xs]
        mean = sum(xs) / len(xs)
        sds[key] = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
    own = profiles[mine]
    found = []
    for unit, p in profiles.items():
        if unit == mine:
            continue
        total, used = 0.0, 0
        for key in keys:
            a, b = own[key], p[key]
            if a is None or b is None:
                break
            if key in categorical:
                total += 0.0 if a == b else 1.0
            elif key == "population":
                total += abs(math.log10(a) - math.log10(b)) / sds[key]
            else:
                total += abs(a - b) / sds[key]
            used += 1
        else:
            found.append((total / used, unit))
    found.sort()
    return [u for _, u in found[:7]]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    db = database(Path(tempfile.gettempdir()) / "nki-bench-similar" / "bench.sqlite", args.rebuild)
    os.environ["NKI_DATA_DIR"] = str(db.parent)
    store = Store.open(db)
    count = store.conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    print(f"Databas {db}: {count:,} värden, år {store.years()[0]}–{store.years()[-1]}")

    criteria = criteria_for(store, KEYS, GROUP)
    profiles = load_profiles(store, criteria, GROUP)
    result = find_similar(store, KOMMUN, KEYS)
    keys = [c.key for c in criteria]
    reference_units = plain_loop(KOMMUN, profiles, keys, {"kommungrupp"})
    assert result.units == reference_units, (result.units, reference_units)
    print(
        f"{len(profiles)} kommuner, {len(criteria)} kriterier; närmast {KOMMUN}: "
        + ", ".join(result.units)
        + " (samma som referensloopen)"
    )

    def read_only() -> None:
        for c in criteria:
            if c.is_result:
                store.values(years=list(c.years), area=c.area, factor=c.factor, group=GROUP)

    rows = [
        (
            "hela sökningen (läs, profiler, avstånd)",
            best(lambda: find_similar(store, KOMMUN, KEYS), args.repeat, clock),
            "läsa samma värden (Store.values)",
            best(read_only, args.repeat, clock),
        ),
        (
            "avstånden (closest, 289 par)",
            best(lambda: closest(KOMMUN, profiles, criteria), args.repeat, clock),
            "enkel loop, samma räkning",
            best(lambda: plain_loop(KOMMUN, profiles, keys, {"kommungrupp"}), args.repeat, clock),
        ),
        (
            "alla 290 kommuners närmaste 7",
            best(lambda: [closest(u, profiles, criteria) for u in profiles], 3, clock),
            "enkel loop × 290",
            best(
                lambda: [plain_loop(u, profiles, keys, {"kommungrupp"}) for u in profiles],
                3,
                clock,
            ),
        ),
    ]
    print(f"\n{'mätning':<42} {'ms':>9}   {'referens':<34} {'ms':>9}  kvot")
    for name, figure, ref_name, ref in rows:
        print(f"{name:<42} {figure:9.2f}   {ref_name:<34} {ref:9.2f}  {figure / ref:4.1f}×")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
