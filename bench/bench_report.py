"""Time one board summary (PDF + Excel) for one kommun on the sample database.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_report.py [KOMMUNKOD] [ÅR]
Target: under 1 s for one kommun (PDF and Excel together, warm).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from nki_desktop.analysis.report_data import gather
from nki_desktop.importers import sample
from nki_desktop.reports.excel import write_xlsx
from nki_desktop.reports.pdf import write_pdf
from nki_desktop.reports.qt_env import ensure_app
from nki_desktop.storage import Store


def main() -> None:
    kommun = sys.argv[1] if len(sys.argv) > 1 else "1880"
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2023
    folder = Path(tempfile.mkdtemp(prefix="nki-bench-report-"))
    store = Store.open(folder / "bench.sqlite")
    t = time.perf_counter()
    store.save_import(sample.generate(store.catalogue))
    print(f"sample database: {time.perf_counter() - t:.2f} s (not part of the report)")
    t = time.perf_counter()
    ensure_app()
    print(f"Qt application + font: {time.perf_counter() - t:.3f} s (once per process)")
    rounds: list[tuple[float, float, float]] = []
    for i in range(6):
        t0 = time.perf_counter()
        data = gather(store, kommun, year)
        t1 = time.perf_counter()
        pdf = write_pdf(data, folder / f"r{i}.pdf")
        t2 = time.perf_counter()
        xlsx = write_xlsx(data, folder / f"r{i}.xlsx")
        t3 = time.perf_counter()
        rounds.append((t1 - t0, t2 - t1, t3 - t2))
    first, warm = rounds[0], rounds[1:]
    total = [sum(r) for r in warm]
    print(f"kommun {kommun} ({data.kommun_name}), ärendeår {year}")
    print(
        f"first report: data {first[0]:.3f} s, PDF {first[1]:.3f} s, Excel {first[2]:.3f} s, "
        f"total {sum(first):.3f} s"
    )
    for name, index in (("data", 0), ("PDF", 1), ("Excel", 2)):
        print(f"warm median {name}: {statistics.median(r[index] for r in warm):.3f} s")
    print(f"warm median total (data + PDF + Excel): {statistics.median(total):.3f} s")
    from pypdf import PdfReader

    print(
        f"PDF: {len(PdfReader(str(pdf)).pages)} pages, {pdf.stat().st_size / 1024:.0f} kB; "
        f"Excel: {xlsx.stat().st_size / 1024:.0f} kB"
    )
    store.close()


if __name__ == "__main__":
    main()
