"""Benchmark: import 300 000 respondent rows against python-calamine alone reading them.

    .venv/bin/python bench/bench_respondent.py [--rows 300000] [--file PATH]

Writes the workbook once (openpyxl write-only mode; reused when it exists), then runs each
phase in its own process so peak memory (ru_maxrss) belongs to that phase:
  read    python-calamine opens the file and reads the sheet to Python values
  read-nogc  the same with Python's garbage collector off (as the import runs)
  import  the full import: read + parse + compute every index + store (fresh database)
Each phase runs --repeat times (default 2, alternating) and the fastest run counts.
Prints both times, the ratio (target ≤ 1,3×) and peak memory with its ratio (target ≤ 1,2×;
the import's own process: the reader's child process is measured apart, as it holds only
calamine's read).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADERS = (
    "Löpnummer",
    "Ärendeår",
    "Område",
    "Svarsgrupp",
    "NKI1 Helhet",
    "NKI2 Förväntningar",
    "NKI3 Ideal",
    "Information",
    "Tillgänglighet",
    "Bemötande",
    "Kompetens",
    "Rättssäkerhet",
    "Effektivitet",
    "Bransch",
    "Företagsstorlek",
)
AREAS = (
    "Bygglov",
    "Miljö- och hälsoskydd",
    "Livsmedelskontroll",
    "Serveringstillstånd",
    "Brandskydd",
    "Markupplåtelse",
)
GROUPS = ("Företag", "Företag", "Företag", "Privatperson")


def write_file(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(1)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Svar")
    sheet.append(HEADERS)
    for i in range(rows):
        level = rng.random()
        answers: list = [max(1, min(10, round(4 + 6 * level + rng.gauss(0, 1)))) for _ in range(3)]
        answers += [max(1, min(6, round(2 + 4 * level + rng.gauss(0, 0.8)))) for _ in range(6)]
        if rng.random() < 0.05:
            answers[rng.randrange(9)] = rng.choice(("vet ej", 99, None))
        sheet.append(
            [
                i + 1,
                2018 + i % 7,
                AREAS[i % len(AREAS)],
                GROUPS[i % 4],
                *answers,
                rng.choice(("Bygg", "Handel", "Restaurang", "Tjänster")),
                rng.choice(("0–9", "10–49", "50+")),
            ]
        )
    book.save(path)


def phase_read(path: Path, gc_off: bool = False) -> dict:
    import gc

    from python_calamine import CalamineWorkbook

    if gc_off:
        gc.disable()
    start = time.perf_counter()
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    return {"seconds": time.perf_counter() - start, "rows": len(rows)}


def phase_import(path: Path) -> dict:
    from nki_desktop.importers.base import ImportOptions
    from nki_desktop.services.imports import import_file
    from nki_desktop.storage import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.sqlite")
        start = time.perf_counter()
        result = import_file(store, path, ImportOptions(kind="respondent", kommun="1880"))
        assert result.ok and result.batch is not None, result.message
        seconds = time.perf_counter() - start
        count = store.respondent_count()
        store.close()
    return {"seconds": seconds, "rows": count, "indices": len(result.batch.observations)}


def run_phase(name: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--file", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--phase", choices=("read", "read-nogc", "import"))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    path = args.file or Path(tempfile.gettempdir()) / f"nki_bench_respondents_{args.rows}.xlsx"
    if args.phase:
        result = (
            phase_import(path)
            if args.phase == "import"
            else phase_read(path, args.phase == "read-nogc")
        )
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if not path.exists():
        start = time.perf_counter()
        write_file(path, args.rows)
        print(f"Skrev {args.rows} rader till {path} på {time.perf_counter() - start:.1f} s")
    print(f"Fil: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    # The machine may be shared: run each phase twice, alternating, and keep the faster run.
    reads, reads_nogc, fulls = [], [], []
    for _ in range(args.repeat):
        reads.append(run_phase("read", path))
        reads_nogc.append(run_phase("read-nogc", path))
        fulls.append(run_phase("import", path))
    read = min(reads, key=lambda r: r["seconds"])
    read_nogc = min(reads_nogc, key=lambda r: r["seconds"])
    full = min(fulls, key=lambda r: r["seconds"])
    print(
        f"python-calamine läser filen:  {read['seconds']:6.2f} s  "
        f"(toppminne {read['peak_mb']:.0f} MB, {read['rows']} rader)"
    )
    print(
        f"  … med skräpsamlaren avstängd: {read_nogc['seconds']:6.2f} s  (importen "
        "stänger av den under läsning, tolkning och lagring)"
    )
    print(
        f"Full import:                  {full['seconds']:6.2f} s  "
        f"(toppminne {full['peak_mb']:.0f} MB, {full['rows']} svar, "
        f"{full['indices']} index)"
    )
    print(
        f"Kvot import/läsning: {full['seconds'] / read['seconds']:.2f}× (mål ≤ 1,3×); "
        f"mot läsning utan skräpsamlare: {full['seconds'] / read_nogc['seconds']:.2f}×"
    )
    print(f"Kvot toppminne import/läsning: {full['peak_mb'] / read['peak_mb']:.2f}× (mål ≤ 1,2×)")


if __name__ == "__main__":
    main()
