"""A whole län's reports from the command line, as a whole process: ``report --lan 14``
(Västra Götaland, 49 kommuner, PDF and Excel each) on the 15-year database of
bench_screens.py, against the target of 10 s; also one kommun's report as a whole process
(start-up included) for scale. Prints wall time and the process's CPU time (the
machine is shared: wall time moves with other work, CPU time much less).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lan_reports.py [--lan 14]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TARGET_S = 10.0
CPU: list[float] = []  # CPU seconds of each timed process


def database(db: Path | None = None) -> Path:
    """The 15-year database (built when missing); ``--db`` keeps one of your own, out of
    reach of other checkouts that may migrate the shared one to a newer schema."""
    import bench_screens

    return bench_screens.database(db or bench_screens.SHARED)


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time of the whole process; its CPU time (user + system) goes to ``CPU``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nki_desktop", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"report failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lan", default="14")
    parser.add_argument("--db", type=Path, help="the database to use (built when missing)")
    args = parser.parse_args()
    db = database(args.db)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lan"
        one, _ = timed(
            [
                "report",
                "--kommun",
                "1880",
                "--pdf",
                str(Path(tmp) / "one.pdf"),
                "--xlsx",
                str(Path(tmp) / "one.xlsx"),
                "--db",
                str(db),
            ],
            env,
        )
        seconds, stdout = timed(
            ["report", "--lan", args.lan, "--out", str(out), "--db", str(db)], env
        )
        pdfs, sheets = len(list(out.glob("*.pdf"))), len(list(out.glob("*.xlsx")))
    print(stdout.strip().splitlines()[-1])
    print(
        f"Län {args.lan}: {pdfs} PDF och {sheets} Excel på {seconds:.1f} s "
        f"({seconds / max(pdfs, 1):.2f} s per kommun)"
    )
    print(f"  processorn: {CPU[-1]:.1f} s CPU (user + system; utan arbetsboksprocessen)")
    print(f"En kommun (PDF + Excel, hel process): {one:.1f} s ({CPU[0]:.1f} s CPU)")
    print(f"Mål: {TARGET_S:.0f} s   kvot {seconds / TARGET_S:.2f} (≤ 1,00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
