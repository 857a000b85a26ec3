"""``nki-desktop --self-test``: proof that an installation or a frozen bundle is complete.

Creates a temporary database, loads the sample data, imports the bundled ÖJ-style workbook,
renders the board PDF and Excel workbook into a temporary folder, checks them and builds the
main window offscreen. Each step is printed in Swedish; the exit status is 0 when every step
passed and 1 otherwise (the failing step is named).
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from nki_desktop import __version__

SELFTEST_WORKBOOK = ("selftest", "oj-2023-rankningslista.xlsx")
KOMMUN, YEAR, GROUP = "1880", 2023, "foretag"  # Örebro: in the sample data and the workbook
KEEP_ENV = "NKI_SELFTEST_DIR"  # keep the test files in this folder instead of a temporary one


class StepFailed(Exception):
    """A check failed; the message says what (Swedish)."""


@dataclass
class Run:
    folder: Path
    store: Any = None
    results: list[tuple[str, str, str]] = field(default_factory=list)  # label, status, text


def step_resources(run: Run) -> str:
    from nki_desktop.paths import resource, resources_dir

    needed = [
        ("data", "kommuner.csv"),
        ("data", "lan.csv"),
        ("data", "kommungrupper_2023.csv"),
        ("fonts", "DejaVuSans.ttf"),
        ("fonts", "DejaVuSans-Bold.ttf"),
        ("icons", "nki-desktop.png"),
        SELFTEST_WORKBOOK,
    ]
    missing = ["/".join(p) for p in needed if not resource(*p).is_file()]
    if missing:
        raise StepFailed("saknas: " + ", ".join(missing))
    return str(resources_dir())


def step_database(run: Run) -> str:
    from nki_desktop.services.store import open_store

    path = run.folder / "självtest.sqlite"
    for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        old.unlink(missing_ok=True)  # a kept folder from an earlier run
    run.store = open_store(path)
    if run.store.catalogue.get(KOMMUN) is None:
        raise StepFailed(f"kommunkatalogen saknar {KOMMUN}")
    return path.name


def step_sample(run: Run) -> str:
    from nki_desktop.services.sample import load_sample

    result = load_sample(run.store)
    if not result.stored:
        raise StepFailed("inga värden lagrades")
    return f"{result.stored} värden"


def step_import(run: Run) -> str:
    from nki_desktop.paths import resource
    from nki_desktop.services.imports import import_file

    before = len(run.store.list_imports())
    result = import_file(run.store, resource(*SELFTEST_WORKBOOK))
    if not result.ok:
        raise StepFailed(str(result.message))
    if not result.stored or len(run.store.list_imports()) != before + 1:
        raise StepFailed("filen lästes men inga värden lagrades")
    return f"{result.stored} värden från {SELFTEST_WORKBOOK[1]}"


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF (page objects; enough to tell an empty or truncated file)."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise StepFailed("filen är ingen hel PDF")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def step_pdf(run: Run) -> str:
    from nki_desktop.reports import build_pdf

    path = Path(build_pdf(run.store, KOMMUN, YEAR, GROUP, run.folder / "nämndrapport.pdf"))
    pages = pdf_page_count(path.read_bytes())
    if pages < 1:
        raise StepFailed("PDF-filen har inga sidor")
    return f"{path.name}, {pages} sidor, {path.stat().st_size // 1024} kB"


def step_xlsx(run: Run) -> str:
    from openpyxl import load_workbook

    from nki_desktop.reports import build_xlsx

    path = Path(build_xlsx(run.store, KOMMUN, YEAR, GROUP, run.folder / "nämndrapport.xlsx"))

    workbook = load_workbook(path, read_only=True)
    try:
        sheets = workbook.sheetnames
        cells = sum(
            1
            for ws in workbook.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v not in (None, "")
        )
    finally:
        workbook.close()
    if not sheets or not cells:
        raise StepFailed("arbetsboken är tom")
    return f"{path.name}, {len(sheets)} blad, {cells} ifyllda celler"


def step_window(run: Run) -> str:
    from PySide6.QtWidgets import QApplication

    from nki_desktop.app import build_window, create_application
    from nki_desktop.ui.settings import Settings

    app = create_application()
    if not isinstance(app, QApplication):
        raise StepFailed("Qt körs redan utan stöd för fönster (QGuiApplication)")
    settings = Settings(run.folder / "settings.ini")
    settings.set("kommun", KOMMUN)
    window = build_window(run.store, settings, synchronous_tasks=True)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    image = window.grab()
    shot = run.folder / "fönster.png"
    saved = image.save(str(shot))
    window.close()
    window.deleteLater()
    app.processEvents()
    if image.isNull() or not saved:
        raise StepFailed("fönstret kunde inte ritas")
    return f"{image.width()}×{image.height()} bildpunkter"


STEPS: tuple[tuple[str, Callable[[Run], str]], ...] = (
    ("Programmets resurser", step_resources),
    ("Tillfällig databas", step_database),
    ("Exempeldata", step_sample),
    ("Import av arbetsbok (ÖJ)", step_import),
    ("Nämndrapport som PDF", step_pdf),
    ("Nämndrapport som Excel", step_xlsx),
    ("Programfönstret", step_window),
)


def run_self_test(out: TextIO | None = None, keep: Path | None = None) -> int:
    """Run every step, print a line per step; 0 when all passed, 1 otherwise."""
    out = out or sys.stdout or io.StringIO()  # a windowed Windows program has no stdout
    keep = keep or (Path(os.environ[KEEP_ENV]) if os.environ.get(KEEP_ENV) else None)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # reports and window: never on screen
    print(f"NKI Desktop {__version__} – självtest", file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="nki-självtest-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        run = Run(folder=folder)
        try:
            failed = _run_steps(run, out)
        finally:
            if run.store is not None:
                run.store.close()
    if failed:
        print(f"Självtestet misslyckades: {', '.join(failed)}.", file=out, flush=True)
        return 1
    print("Självtestet lyckades.", file=out, flush=True)
    return 0


def _run_steps(run: Run, out: TextIO) -> list[str]:
    failed: list[str] = []
    total = len(STEPS)
    for number, (label, step) in enumerate(STEPS, 1):
        prefix = f"[{number}/{total}] {label}:"
        needs_store = step not in (step_resources, step_database)
        if needs_store and run.store is None:
            status, text = "fail", "hoppas över (databasen saknas)"
        else:
            started = time.perf_counter()
            try:
                detail = step(run)
                status, text = "ok", f"ok – {detail} ({time.perf_counter() - started:.1f} s)"
            except StepFailed as error:
                status, text = "fail", f"FEL – {error}"
            except Exception as error:  # noqa: BLE001 - the self-test reports every failure
                status, text = "fail", f"FEL – {type(error).__name__}: {error}"
                traceback.print_exc(file=out)
        if status == "fail" and not text.startswith("FEL"):
            text = f"FEL – {text}"
        run.results.append((label, status, text))
        print(f"{prefix} {text}", file=out, flush=True)
        if status == "fail":
            failed.append(label)
    return failed
