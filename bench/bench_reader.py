"""Benchmark: the safe reader (pre-checks + calamine in a child process) against calamine
in the program's own process, on a national ÖJ workbook and a 300 000-row respondent file.

    .venv/bin/python bench/bench_reader.py [--rows 300000] [--repeat 3]

reference = what reading cost before: calamine in-process plus the old uncached-formula
check (every sheet part read whole into memory and searched). figure = ``read_workbook``
now: streamed pre-checks (zip sizes, dimension, far cells, formulas) and calamine in a
child process with its rows sent back in chunks. Prints both, the ratio and the parts.
The fastest of --repeat runs counts (the machine may be shared).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AREAS = (
    "Brandskydd",
    "Bygglov",
    "Markupplåtelse",
    "Miljö- och hälsoskydd",
    "Livsmedelskontroll",
    "Serveringstillstånd",
)


def national_workbook(path: Path) -> Path:
    """ÖJ-like: 290 kommuner × 6 areas × (NKI, Rank, Antal svar), two header rows."""
    from openpyxl import Workbook

    from nki_desktop.storage import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "c.sqlite")
        kommuner = [(k.code, k.name) for k in store.catalogue.kommuner]
        store.close()
    rng = random.Random(3)
    book = Workbook()
    ws = book.active
    ws.title = "Rankning"
    ws.append(["Öppna jämförelser Företagsklimat 2023"])
    ws.append([])
    ws.append(
        ["Kommunkod", "Kommun", "NKI totalt", None]
        + [a for area in AREAS for a in (area, None, None)]
    )
    ws.append([None, None, "NKI", "Rank"] + ["NKI", "Rank", "Antal svar"] * len(AREAS))
    for code, name in kommuner:
        row = [code, name, rng.randint(55, 85), rng.randint(1, 290)]
        for _ in AREAS:
            row += [rng.randint(40, 95), rng.randint(1, 290), rng.randint(5, 400)]
        ws.append(row)
    book.save(path)
    return path


def old_read(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(str(path))
    [book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names]
    with zipfile.ZipFile(path) as archive:  # the old formula check: each part whole
        any(
            re.search(rb"<f[ >/]", archive.read(n))
            for n in archive.namelist()
            if n.startswith("xl/worksheets/")
        )
    return time.perf_counter() - start


def new_read(path: Path) -> tuple[float, float]:
    from nki_desktop.importers import precheck
    from nki_desktop.importers.base import read_workbook

    start = time.perf_counter()
    precheck.check(path)
    checks = time.perf_counter() - start
    start = time.perf_counter()
    read_workbook(path)  # the checks again, then the child
    return time.perf_counter() - start, checks


def measure(label: str, path: Path, repeat: int) -> None:
    new_read(path)  # start the reader's fork server once, as a running program has
    olds, news, checks = [], [], []
    for _ in range(repeat):
        olds.append(old_read(path))
        figure, check = new_read(path)
        news.append(figure)
        checks.append(check)
    old, new = min(olds), min(news)
    print(f"{label}: {path.stat().st_size / 1e3:,.0f} kB".replace(",", " "))
    print(f"  figure    read_workbook (checks + child)  {new:7.3f} s")
    print(f"  reference calamine in process (+ old formula scan) {old:7.3f} s")
    print(
        f"  ratio     {new / old:5.2f}×   overhead {new - old:+.3f} s "
        f"(of which pre-checks {min(checks):.3f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir())
    national = national_workbook(folder / "nki_bench_national.xlsx")
    measure("Nationell ÖJ-arbetsbok (290 kommuner)", national, args.repeat)
    respondents = folder / f"nki_bench_respondents_{args.rows}.xlsx"
    if not respondents.exists():
        import bench_respondent

        bench_respondent.write_file(respondents, args.rows)
    measure(f"Svarsdata, {args.rows} rader", respondents, max(1, args.repeat - 1))


if __name__ == "__main__":
    main()
