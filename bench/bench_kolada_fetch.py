"""A full Kolada fetch against a local v3 server, and its import against the JSON parse alone.

Run: .venv/bin/python bench/bench_kolada_fetch.py [--repeat 3]
The server (tests/kolada_server.py, 127.0.0.1) serves the 14 Insikt index key figures for
290 kommuner and Riket over 15 years (2008–2022): the real U07451 file's values where it has
them, the remaining cells filled, so every unit × year has a value. Nothing leaves the machine.
Prints the fetch's wall time, and the import (conversion + one-transaction store) against
``json.loads`` of the same answers: figure, reference, ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nki_desktop.domain.kolada import INDEX, KOLADA_KPIS  # noqa: E402
from nki_desktop.kolada.client import KoladaClient, values_of  # noqa: E402
from nki_desktop.kolada.convert import (  # noqa: E402
    SOURCE_NAME,
    check_units,
    parse_values,
    select_values,
)
from nki_desktop.paths import shipped_catalogue  # noqa: E402
from nki_desktop.services import kolada_fetch  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402
from tests.kolada_server import serve  # noqa: E402

YEARS = list(range(2008, 2023))
KPIS = sorted(k.id for k in KOLADA_KPIS.values() if k.measure == INDEX and not k.first_year)


def full_grid(real: dict[tuple[str, int], float]) -> dict[tuple[str, int], float]:
    units = ["0000"] + [k.code for k in shipped_catalogue().kommuner]
    grid = {}
    for unit in units:
        for year in YEARS:
            grid[(unit, year)] = real.get((unit, year), 60.0 + (int(unit) * 7 + year) % 25)
    return grid


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, serve() as (url, fake):
        fake.real = full_grid(fake.real)
        store = Store.open(Path(folder) / "fetch.sqlite")
        request = kolada_fetch.FetchRequest(YEARS, None, url, kpis=KPIS)
        client = KoladaClient(url)
        start = time.perf_counter()
        fetched = kolada_fetch.fetch(store, request, client=client)
        fetch_s = time.perf_counter() - start
        start = time.perf_counter()
        kolada_fetch.save(store, fetched)
        save_s = time.perf_counter() - start
        store.close()
        data = [r for r in client.log.responses if "/data/" in r.url]
        units = [r for r in client.log.responses if "/municipality" in r.url]
        bodies = [r.body for r in data]
        values = [v for r in data for v in values_of(r)]
        megabytes = sum(len(b) for b in bodies) / 1e6

        def parse_json() -> None:
            for body in bodies:
                json.loads(body)

        counter = iter(range(10_000))

        def import_all() -> None:
            target = Store.open(Path(folder) / f"import-{next(counter)}.sqlite")
            check = check_units(values_of(units[0]), target.catalogue)
            kept, _skipped = select_values(values, target.catalogue, check)
            batch, _layout = parse_values(kept, target.catalogue, SOURCE_NAME, fetched.sha256)
            target.save_import(batch)
            target.close()

        reference = best(parse_json, args.repeat)
        figure = best(import_all, args.repeat)
    stored = fetched.preview.values
    print(
        f"Kolada fetch, local server: {len(KPIS)} key figures × "
        f"{fetched.preview.kommuner} kommuner + Riket × {len(YEARS)} years"
    )
    print(
        f"  requests: {len(client.log.responses)} ({len(data)} data pages of ≤ 5000), "
        f"{megabytes:.1f} MB JSON, {len(values)} rows, {stored} values stored"
    )
    print(f"  full fetch (requests + preview): {fetch_s:.2f} s; store on confirm: {save_s:.2f} s")
    print(f"  import (convert + store), best of {args.repeat}: {figure:.3f} s")
    print(f"  reference, json.loads of the same answers: {reference:.3f} s")
    print(f"  ratio: {figure / reference:.1f}×")


if __name__ == "__main__":
    main()
