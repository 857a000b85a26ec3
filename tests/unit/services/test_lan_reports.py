from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from nki_desktop.reports.options import ReportOptions
from nki_desktop.services.lan_reports import LanResult, plan, safe_name, write_reports

NORRBOTTEN = "25"


def _fake_pdf(calls: list[str]):
    def write(data, path: Path, _options) -> Path:
        calls.append(data.kommun)
        path.write_bytes(b"%PDF-1.4 fake")
        return path

    return write


def _with_data(store, year: int) -> set[str]:
    return {
        v.unit
        for v in store.values(year=year, area="total", factor="nki", group="foretag")
        if v.unit[:2] == NORRBOTTEN
    }


def test_plan_names_one_pdf_and_workbook_per_kommun(report_store, tmp_path):
    jobs = plan(report_store.catalogue, NORRBOTTEN, 2023, tmp_path)
    assert len(jobs) == 14
    lulea = next(j for j in jobs if j.code == "2580")
    assert lulea.pdf == tmp_path / "2580 Luleå NKI 2023.pdf"
    assert lulea.xlsx == tmp_path / "2580 Luleå NKI 2023.xlsx"
    assert plan(report_store.catalogue, "99", 2023, tmp_path) == []
    assert all(j.pdf is None for j in plan(report_store.catalogue, "25", 2023, tmp_path, pdf=False))
    assert safe_name("Upplands/Väsby: *") == "Upplands_Väsby_ _"


def test_a_whole_lan_gets_reports_and_progress(report_store, tmp_path):
    year = report_store.years()[-1]
    jobs = plan(report_store.catalogue, NORRBOTTEN, year, tmp_path / "ut")
    told: list[tuple[int, int, str]] = []
    pdfs: list[str] = []
    result = write_reports(
        report_store,
        jobs,
        year,
        "foretag",
        ReportOptions(),
        write_pdf=_fake_pdf(pdfs),
        progress=lambda n, total, job: told.append((n, total, job.code)),
    )
    assert [t[0] for t in told] == list(range(1, 15)) and {t[1] for t in told} == {14}
    assert set(result.reported) == _with_data(report_store, year) == set(pdfs)
    assert {code for code, _why in result.skipped} == {j.code for j in jobs} - set(pdfs)
    assert len(result.files) == 2 * len(result.reported)
    assert all(f.exists() for f in result.files)
    workbook = next(f for f in result.files if f.suffix == ".xlsx")
    assert load_workbook(workbook).sheetnames[0] == "Sammanfattning"
    assert not result.cancelled
    assert f"{len(pdfs)} av 14 kommuner fick en rapport ({year})." in result.summary()


def test_a_stop_leaves_whole_files_and_says_so(report_store, tmp_path):
    year = report_store.years()[-1]
    jobs = [j for j in plan(report_store.catalogue, NORRBOTTEN, year, tmp_path / "ut") if j.code in
            _with_data(report_store, year)]  # fmt: skip
    asked = {"n": 0}

    def stop() -> bool:  # stop after the first kommun's PDF is written
        asked["n"] += 1
        return asked["n"] > 2

    pdfs: list[str] = []
    result = write_reports(
        report_store, jobs, year, "foretag", ReportOptions(), write_pdf=_fake_pdf(pdfs),
        stop_requested=stop,
    )  # fmt: skip
    assert result.cancelled
    assert result.files == [jobs[0].pdf]  # the workbook was not begun
    assert result.reported == []
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == [jobs[0].pdf.name]
    assert result.summary().startswith("Avbrutet: 0 av")
    assert "1 fil skriven" in result.summary()


def test_summary_counts_skipped_kommuner():
    result = LanResult(year=2023, total=3, reported=["2580"], skipped=[("2581", "x")])
    assert (
        result.summary() == "1 av 3 kommuner fick en rapport (2023). 1 hoppades över (inga värden)."
    )


def test_workbooks_written_by_a_second_process_are_all_there(report_store, tmp_path):
    year = report_store.years()[-1]
    jobs = plan(report_store.catalogue, NORRBOTTEN, year, tmp_path / "ut", pdf=False)
    result = write_reports(
        report_store, jobs, year, "foretag", ReportOptions(), workbooks_apart=True
    )
    assert set(result.reported) == _with_data(report_store, year)
    assert sorted(result.files) == sorted(j.xlsx for j in jobs if j.code in result.reported)
    assert sorted((tmp_path / "ut").iterdir()) == sorted(result.files)
    for path in result.files:
        assert load_workbook(path).sheetnames[0] == "Sammanfattning"
