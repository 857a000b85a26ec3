"""Cold start, whole processes: NKI Desktop's window on a 15-year database (about 220 000
values) until its first screen has painted with real figures, against a minimal PySide6
window holding one pyqtgraph plot until it has painted. Runs alternate, medians and peak
memory (maximum resident set) of each side; the ratio is the target (≤ 1,3).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_start.py [--runs 7] [--app-root DIR]

``--app-root`` times another checkout's code (for a before/after figure); it must know
NKI_EXIT_AFTER_FIRST_PAINT. The database is the one bench_screens.py builds (cached).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REFERENCE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([1, 2, 3, 4, 5], [66, 68, 67, 70, 71])
window.setCentralWidget(plot)
window.resize(1280, 760)


class Watcher(QObject):
    done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint and (
                watched is plot.viewport()):
            self.done = True
            QTimer.singleShot(0, lambda: app.exit(0))
        return False


watcher = Watcher()
app.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) and stdout of one whole process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        text = out.read().decode(errors="replace")
        if code != 0:
            message = f"{' '.join(cmd[:3])} exited {code}"
            if "first-paint" not in text:
                raise SystemExit(f"{message}: {err.read().decode(errors='replace')[-2000:]}")
            # an older checkout (--app-root) may crash while tearing down after the paint:
            # the start itself was timed; say so
            print(f"({message} after its first paint)", file=sys.stderr)
        return seconds, usage.ru_maxrss / 1024, text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app-root", type=Path, default=ROOT)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "nki-bench-start"
    folder.mkdir(exist_ok=True)
    from bench_screens import database

    db = database()
    from nki_desktop.ui.settings import Settings

    settings = Settings(folder / "settings.ini")
    settings.set("kommun", "1880")
    settings.set("page", "overview")
    settings.sync()
    env = dict(
        os.environ,
        NKI_DATA_DIR=str(folder),
        NKI_EXIT_AFTER_FIRST_PAINT="1",
        PYTHONPATH=str(args.app_root.resolve()),
    )
    # as installed: byte-code compiled (the libraries on both sides already are; this
    # environment may set PYTHONDONTWRITEBYTECODE, which would recompile the program each run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(args.app_root / "nki_desktop")],
        check=True,
        env=env,
    )
    reference = folder / "minimal_window.py"
    reference.write_text(REFERENCE, encoding="utf-8")
    app_cmd = [sys.executable, "-m", "nki_desktop", "--db", str(db)]
    ref_cmd = [sys.executable, str(reference)]
    # one warm-up each: the file cache holds the libraries, as on a second start of the day
    run_measured(ref_cmd, env, args.app_root)
    first = run_measured(app_cmd, env, args.app_root)[2].strip()
    if "content=figures" not in first:
        raise SystemExit(f"the first screen showed no figures: {first}")
    app_times, app_mem, ref_times, ref_mem = [], [], [], []
    for _ in range(args.runs):
        seconds, mem, _ = run_measured(ref_cmd, env, args.app_root)
        ref_times.append(seconds)
        ref_mem.append(mem)
        seconds, mem, _ = run_measured(app_cmd, env, args.app_root)
        app_times.append(seconds)
        app_mem.append(mem)
    app_s, ref_s = statistics.median(app_times), statistics.median(ref_times)
    print(f"Kod: {args.app_root}  ({args.runs} körningar var, median; {first})")
    print(f"NKI Desktop till första ritade skärm:  {app_s:.2f} s   toppminne {max(app_mem):.0f} MB")
    print(f"Minimalt PySide6-fönster med en plot: {ref_s:.2f} s   toppminne {max(ref_mem):.0f} MB")
    print(f"Kvot: {app_s / ref_s:.2f} (mål ≤ 1,3); minne {max(app_mem) / max(ref_mem):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
