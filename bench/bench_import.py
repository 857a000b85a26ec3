"""Import of a 290-kommun ÖJ national workbook against python-calamine alone reading it.

Run: .venv/bin/python bench/bench_import.py [--repeat 7] [--clock wall|cpu]
Both are measured in the same run. The import is what the window does: preview (read, detect,
parse once) and confirm (store exactly the previewed batch). Prints the best-of-N times,
their ratio (target: at most 2×), where the time goes (read, detect, parse, preview checks,
store) and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from nki_desktop.domain import text as domain_text  # noqa: E402
from nki_desktop.domain.areas import AREAS, TOTAL  # noqa: E402
from nki_desktop.domain.ranking import complete_rank_totals  # noqa: E402
from nki_desktop.importers import registry, sample  # noqa: E402
from nki_desktop.importers.base import ImportOptions, read_workbook  # noqa: E402
from nki_desktop.paths import shipped_catalogue  # noqa: E402
from nki_desktop.services import imports  # noqa: E402
from nki_desktop.storage import Store  # noqa: E402

AREA_LABELS = [a.label for a in AREAS if a.key != TOTAL]
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter  # --clock cpu: this process's CPU time, steady on a busy machine


def build(path: Path) -> int:
    """Title, two-row header (merged areas over NKI/Rank/Antal svar), 290 kommuner, Riket."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Rankningslista"
    ws.append(["Öppna jämförelser Företagsklimat 2023 – rankningslista"])
    ws.append(["Nöjd Kund Index, företag. '..' = färre än 10 svar."])
    top = ["Kommunkod", "Kommun", "Län", "NKI totalt", None, None]
    sub = [None, None, None, "NKI", "Rank", "Antal svar"]
    for label in AREA_LABELS:
        top += [label, None, None]
        sub += ["NKI", "Rank", "Antal svar"]
    ws.append(top)
    ws.append(sub)
    for col in range(4, len(top), 3):
        ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + 2)
    kommuner = shipped_catalogue().kommuner
    for i, k in enumerate(kommuner):
        row = [k.code, k.name, k.lan_name, 60 + (i * 7) % 35 + 0.4, i + 1, 40 + i % 200]
        for j, _label in enumerate(AREA_LABELS):
            if (i + j) % 11 == 0:
                row += ["..", None, 5]
            else:
                row += [55 + (i * 3 + j * 5) % 40, (i + j) % 290 + 1, 10 + (i + j) % 90]
        ws.append(row)
    ws.append(["0000", "Riket", None, 75, None, 25000] + [72, None, 3000] * len(AREA_LABELS))
    ws.append([])
    ws.append(["Källa: SKR, Öppna jämförelser Företagsklimat."])
    wb.save(path)
    return len(kommuner)


def calamine_only(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def full_import(path: Path, db: Path) -> int:
    store = Store.open(db)
    try:
        outcome = imports.commit(store, imports.preview(store, path))
        assert outcome.ok, outcome.message
        return outcome.stored
    finally:
        store.close()


def cold_labels() -> None:
    """Forget the folded labels (``domain.text.fold`` caches them), so each timed import
    is a process's first: the repeated file would otherwise find them all folded."""
    domain_text._fold_cached.cache_clear()


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def phases(path: Path, store: Store) -> dict[str, float]:
    """The import's steps one by one, as services.imports runs them."""
    times: dict[str, float] = {}
    cold_labels()
    start = clock()
    workbook = read_workbook(path)
    times["läsa (calamine + sha256)"] = clock() - start
    start = clock()
    importer = registry.detect(workbook)
    times["känna igen (sniff, rubrik)"] = clock() - start
    start = clock()
    parsed = importer.parse(workbook, ImportOptions(), store.catalogue)
    complete_rank_totals(parsed.batch.observations)
    times["tolka (rader → värden)"] = clock() - start
    start = clock()
    imports.preview_checks(store, parsed.batch)
    times["förhandsvisningens kontroller"] = clock() - start
    start = clock()
    store.save_import(parsed.batch)
    times["spara (en transaktion)"] = clock() - start
    return times


FLOOR_COLUMNS = (
    "import_id, year, unit, area, factor, grp, value, n, rank, rank_of, missing, sheet, row, col"
)


def storage_floor(db: Path, folder: Path, repeat: int) -> dict[str, float]:
    """The least SQLite itself needs to store the workbook's rows: the rows ``db``'s import
    stored, inserted again by a bare ``executemany`` in one transaction into copies of the
    same database (so the same schema, pages and foreign-key targets), with the table's
    secondary indexes and the foreign keys in turn left out. No Python of the program runs."""
    import shutil
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"SELECT {FLOOR_COLUMNS} FROM observations").fetchall()
        indexes = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'observations' AND sql IS NOT NULL"
            )
        ]
    rows = [(r[0], r[1] + 100, *r[2:]) for r in rows]  # another year: no unique clash
    marks = ",".join("?" * len(FLOOR_COLUMNS.split(",")))
    variants = {
        "med index och främmande nycklar": (True, True),
        "med främmande nycklar, utan index": (False, True),
        "utan index och främmande nycklar": (False, False),
    }
    floors: dict[str, float] = {}
    for label, (keep_indexes, foreign_keys) in variants.items():
        times = []
        for i in range(repeat):
            copy = folder / f"floor-{len(floors)}-{i}.sqlite"
            shutil.copyfile(db, copy)
            conn = sqlite3.connect(copy, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if not keep_indexes:
                for name in indexes:
                    conn.execute(f'DROP INDEX "{name}"')
            start = clock()
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO observations({FLOOR_COLUMNS}) VALUES ({marks})", rows)
            conn.execute("COMMIT")
            times.append(clock() - start)
            conn.close()
        floors[label] = min(times)
    return floors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--clock",
        choices=CLOCKS,
        default="wall",
        help="wall (default) or cpu: the process's CPU time, for a machine busy with other work",
    )
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "oj_2023.xlsx"
        kommuner = build(path)
        size = path.stat().st_size
        counter = iter(range(10_000))

        def fresh_db() -> Path:
            return folder / f"bench{next(counter)}.sqlite"

        read_t = best(lambda: calamine_only(path), args.repeat)
        # Store.open of a fresh file (schema, 290 units) is set-up, timed apart from the import.
        open_t = best(lambda: Store.open(fresh_db()).close(), args.repeat)
        stores = [Store.open(fresh_db()) for _ in range(args.repeat)]
        import_times = []
        stored = 0
        for store in stores:
            cold_labels()
            start = clock()
            outcome = imports.commit(store, imports.preview(store, path))
            import_times.append(clock() - start)
            assert outcome.ok, outcome.message
            stored = outcome.stored
            store.close()
        import_t = min(import_times)
        breakdown: dict[str, float] = {}
        for _ in range(args.repeat):
            store = Store.open(fresh_db())
            for step, seconds in phases(path, store).items():
                breakdown[step] = min(breakdown.get(step, seconds), seconds)
            store.close()
        with_open_t = best(lambda: full_import(path, fresh_db()), args.repeat)
        # A newcomer's database holds the sample data: the preview then compares the file
        # with the stored values of its year and kommuner.
        populated = Store.open(fresh_db())
        populated.save_import(sample.generate(populated.catalogue))
        populated.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        populated_times = []
        for _ in range(args.repeat):
            cold_labels()
            start = clock()
            shown = imports.preview(populated, path)
            preview_t = clock() - start
            outcome = imports.commit(populated, shown)
            populated_times.append((clock() - start, preview_t, shown.differing))
            assert outcome.ok and outcome.import_id, outcome.message
            populated.undo_import(outcome.import_id)
        populated.close()
        populated_t, populated_preview_t, differing = min(populated_times)
        floor_db = fresh_db()
        full_import(path, floor_db)
        floors = storage_floor(floor_db, folder, args.repeat)
        tracemalloc.start()
        full_import(path, fresh_db())
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Arbetsbok: {kommuner} kommuner + Riket, {len(AREA_LABELS) + 1} områden × "
        f"(NKI, rank, antal svar), {size / 1024:.0f} KiB, {stored} värden sparade"
    )
    print(f"Klocka: {args.clock}")
    print(f"python-calamine läser filen:          {read_t * 1000:8.1f} ms (bäst av {args.repeat})")
    print(f"hel import (förhandsvisning + bekräfta): {import_t * 1000:7.1f} ms")
    print(f"  kvot import / calamine:              {import_t / read_t:8.2f}×  (mål ≤ 2×)")
    for step, seconds in breakdown.items():
        print(f"  {step:36} {seconds * 1000:8.1f} ms ({seconds / read_t:.2f}× calamine)")
    print(
        f"hel import bredvid exempeldata:        {populated_t * 1000:8.1f} ms "
        f"({populated_t / read_t:.2f}× calamine; varav förhandsvisning "
        f"{populated_preview_t * 1000:.1f} ms, {differing} celler skiljer sig)"
    )
    print("golv: SQLite lagrar samma rader med en bar executemany (ingen programkod):")
    for label, seconds in floors.items():
        print(f"  {label:36} {seconds * 1000:8.1f} ms ({seconds / read_t:.2f}× calamine)")
    print(f"ny databas (Store.open, schema):       {open_t * 1000:8.1f} ms")
    print(
        f"hel import inkl. ny databas:          {with_open_t * 1000:8.1f} ms "
        f"({with_open_t / read_t:.2f}× calamine)"
    )
    print(f"toppminne import (tracemalloc):        {peak / 1024 / 1024:8.1f} MiB")
    print(f"max RSS för processen:                 {maxrss:8.1f} MiB")


if __name__ == "__main__":
    main()
