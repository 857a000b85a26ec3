"""``nki-desktop --self-test``: each step, and a missing or failing module named."""

from __future__ import annotations

import io
import sys
import types
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from nki_desktop import cli, selftest
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.paths import resource

MODULES = ("nki_desktop.services.imports", "nki_desktop.reports")


@pytest.fixture(autouse=True)
def small_sample(sample_batch, monkeypatch):
    """The sample step with Örebro län only (the full national set takes seconds a run)."""
    from nki_desktop.services import sample

    batch = replace(
        sample_batch,
        sha256="small-" + sample_batch.sha256,
        observations=[
            o for o in sample_batch.observations if o.unit.startswith("18") or o.unit == "riket"
        ],
    )
    monkeypatch.setattr(sample, "load_sample", lambda store: store.save_import(batch))


def run(**kwargs) -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run_self_test(out, **kwargs)
    return code, out.getvalue()


def write_pdf(path: Path, pages: int) -> Path:
    from PySide6.QtGui import QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])  # widgets follow in the window step
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(100, 100, f"Sida {page + 1}")
    painter.end()
    return path


@dataclass
class FakeResult:
    ok: bool
    message: str
    stored: int


@pytest.fixture
def fake_modules(monkeypatch):
    """Stand-ins with the agreed interfaces of services.imports and reports."""
    calls: dict[str, tuple] = {}

    def import_file(store, path, options=None, dry_run=False, progress=None):
        calls["import"] = (Path(path).name,)
        batch = ImportBatch(
            file_name=Path(path).name,
            sha256="selftest-fake",
            kind="oj",
            publication="oj",
            observations=[Observation(2023, "1880", "total", "nki", "foretag", 72.0, 612)],
        )
        result = store.save_import(batch)
        return FakeResult(True, "ok", result.stored)

    def build_pdf(store, kommun, year, group, path, options=None):
        calls["pdf"] = (kommun, year, group)
        return write_pdf(Path(path), 2)

    def build_xlsx(store, kommun, year, group, path, options=None):
        calls["xlsx"] = (kommun, year, group)
        wb = Workbook()
        wb.active.append(["Kommun", "NKI"])
        wb.active.append(["Örebro", 72])
        wb.save(path)
        return Path(path)

    importing = types.ModuleType("nki_desktop.services.imports")
    importing.import_file = import_file
    reports = types.ModuleType("nki_desktop.reports")
    reports.build_pdf, reports.build_xlsx = build_pdf, build_xlsx
    monkeypatch.setitem(sys.modules, "nki_desktop.services.imports", importing)
    monkeypatch.setitem(sys.modules, "nki_desktop.reports", reports)
    return calls


def test_all_steps_pass_against_the_agreed_interfaces(fake_modules, tmp_path):
    code, out = run(keep=tmp_path / "st")
    assert code == 0, out
    assert "Självtestet lyckades." in out
    assert out.count(": ok – ") == len(selftest.STEPS)
    assert fake_modules == {
        "import": ("oj-2023-rankningslista.xlsx",),
        "pdf": ("1880", 2023, "foretag"),
        "xlsx": ("1880", 2023, "foretag"),
    }
    assert "2 sidor" in out and "1 värden från oj-2023-rankningslista.xlsx" in out
    assert (tmp_path / "st" / "fönster.png").stat().st_size > 10_000


def test_missing_module_fails_its_step(monkeypatch, tmp_path):
    for name in MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # import raises ModuleNotFoundError
    code, out = run(keep=tmp_path / "a")
    assert code == 1
    assert "[4/7] Import av arbetsbok (ÖJ): FEL – ModuleNotFoundError" in out
    assert (
        "Självtestet misslyckades: Import av arbetsbok (ÖJ), Nämndrapport som PDF, "
        "Nämndrapport som Excel." in out
    )


def test_failed_import_result_names_the_step(fake_modules, monkeypatch, tmp_path):
    def rejecting(store, path, options=None, dry_run=False, progress=None):
        return FakeResult(False, "Filen kunde inte läsas: blad 1, rad 5", 0)

    monkeypatch.setattr(sys.modules["nki_desktop.services.imports"], "import_file", rejecting)
    code, out = run(keep=tmp_path)
    assert code == 1
    assert "[4/7] Import av arbetsbok (ÖJ): FEL – Filen kunde inte läsas: blad 1, rad 5" in out


def test_broken_pdf_and_empty_workbook_fail(fake_modules, monkeypatch, tmp_path):
    reports = sys.modules["nki_desktop.reports"]

    def truncated_pdf(store, kommun, year, group, path, options=None):
        data = write_pdf(Path(path), 1).read_bytes()
        Path(path).write_bytes(data[: len(data) // 2])
        return Path(path)

    def empty_xlsx(store, kommun, year, group, path, options=None):
        Workbook().save(path)
        return Path(path)

    monkeypatch.setattr(reports, "build_pdf", truncated_pdf)
    monkeypatch.setattr(reports, "build_xlsx", empty_xlsx)
    code, out = run(keep=tmp_path)
    assert code == 1
    assert "Nämndrapport som PDF: FEL – filen är ingen hel PDF" in out
    assert "Nämndrapport som Excel: FEL – arbetsboken är tom" in out


def test_missing_resource_fails_first_step(monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "SELFTEST_WORKBOOK", ("selftest", "finns-inte.xlsx"))
    code, out = run(keep=tmp_path)
    assert code == 1
    assert "[1/7] Programmets resurser: FEL – saknas: selftest/finns-inte.xlsx" in out


def test_pdf_page_count(tmp_path):
    assert selftest.pdf_page_count(write_pdf(tmp_path / "a.pdf", 3).read_bytes()) == 3
    with pytest.raises(selftest.StepFailed):
        selftest.pdf_page_count(b"PK\x03\x04 not a pdf")


def test_real_modules_in_this_version(tmp_path):
    code, out = run(keep=tmp_path / "p")
    assert code == 0, out


def test_command_line_flag(monkeypatch, tmp_path):
    for name in MODULES:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setenv(selftest.KEEP_ENV, str(tmp_path))
    out = io.StringIO()
    assert cli.run(["--self-test"], out) == 1
    assert "NKI Desktop" in out.getvalue() and "självtest" in out.getvalue()
    assert not list(tmp_path.glob("nki.sqlite"))  # the user's database is never opened


def test_bundled_workbook_is_oj_shaped():
    wb = load_workbook(resource(*selftest.SELFTEST_WORKBOOK), read_only=True)
    rows = [r for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert "Öppna jämförelser" in rows[0][0] and "2023" in wb.sheetnames[0]
    header = rows[3]
    assert header[:4] == ("Kommunkod", "Kommun", "Län", "NKI totalt")
    codes = [r[0] for r in rows[4:] if r[0] and r[0].isdigit()]
    assert selftest.KOMMUN in codes and len(codes) == 12
    assert any(r[1] == "Riket" for r in rows) and any(".." in r for r in rows)


def test_runs_without_a_console(fake_modules, monkeypatch, tmp_path):
    """A windowed Windows program has sys.stdout = None: the exit status still tells."""
    monkeypatch.setattr(sys, "stdout", None)
    assert selftest.run_self_test(keep=tmp_path) == 0
    monkeypatch.setitem(sys.modules, "nki_desktop.reports", None)
    assert selftest.run_self_test(keep=tmp_path / "b") == 1
