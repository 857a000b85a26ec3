"""The child-process reader, the pre-checks before it and the streamed formula check."""

from __future__ import annotations

import io
import random
import sys
import zipfile

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook

from nki_desktop.importers import precheck, safe_reader
from nki_desktop.importers.base import ImportProblem, read_workbook
from nki_desktop.importers.cells import find_uncached_formula
from tests import import_builders as ib
from tests.robustness import corpus


def test_child_reader_gives_the_same_rows_as_calamine(tmp_path):
    from python_calamine import CalamineWorkbook

    path = ib.write_xlsx(tmp_path / "lan.xlsx", ib.per_lan_sheets())
    book = CalamineWorkbook.from_path(str(path))
    expected = [
        (n, book.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in book.sheet_names
    ]

    assert safe_reader.read_sheets(path) == expected


def test_more_rows_than_one_chunk_arrive_whole(tmp_path):
    rows = [[i, f"rad {i}"] for i in range(safe_reader.CHUNK_ROWS * 2 + 7)]
    path = ib.write_xlsx(tmp_path / "big.xlsx", {"Data": rows})

    ((name, got),) = safe_reader.read_sheets(path)

    assert (
        name == "Data"
        and len(got) == len(rows)
        and got[-1] == [float(len(rows) - 1), f"rad {len(rows) - 1}"]
    )


def test_no_time_left_is_a_reader_failure(tmp_path):
    path = ib.write_xlsx(tmp_path / "lan.xlsx", ib.per_lan_sheets())
    with pytest.raises(safe_reader.ReaderFailure, match="tog mer än"):
        safe_reader.read_sheets(path, seconds=0)


def test_too_little_memory_is_a_reader_failure_not_a_dead_program(tmp_path):
    path = ib.write_xlsx(tmp_path / "lan.xlsx", ib.per_lan_sheets())
    with pytest.raises(safe_reader.ReaderFailure):
        safe_reader.read_sheets(path, memory=8 << 20)


def test_memory_budget_grows_with_the_file_within_bounds():
    assert safe_reader.memory_budget(0) == safe_reader.MEMORY_FLOOR
    assert safe_reader.memory_budget(10 << 30) == safe_reader.MEMORY_CEILING
    assert precheck._budget(5_000, 0).memory < 1 << 30  # a small file: under 1 GB


def _far(tmp_path, declared: bool, cell: str) -> object:
    data = ib.write_xlsx(tmp_path / "ok.xlsx", {"Data": [["Kommun", "NKI"], ["Kalix", 80]]})
    rng = random.Random(0 if declared else 1)
    while True:
        new, recipe = corpus.far_out(data.read_bytes(), rng)
        if recipe == f"far:{'dimension' if declared else 'cell'}:{cell}":
            path = tmp_path / "far.xlsx"
            path.write_bytes(new)
            return path


@pytest.mark.parametrize("declared", [True, False])
@pytest.mark.parametrize("cell", ["XFD1048576", "ZZ1048576"])
def test_a_sheet_reaching_far_out_is_refused_before_the_reader(tmp_path, declared, cell):
    path = _far(tmp_path, declared, cell)
    with pytest.raises(precheck.TooBig, match=cell):
        precheck.check(path)
    with pytest.raises(
        ImportProblem,
        match="kunde inte läsas: den verkar skadad eller är för "
        f"stor \\(bladet sträcker sig till cell {cell}",
    ):
        read_workbook(path)


def test_a_zip_bomb_is_refused_from_its_declared_sizes(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(corpus.zip_bomb(40))
    with pytest.raises(precheck.TooBig, match="packas upp"):
        precheck.check(path)


def test_a_damaged_opendocument_sheet_is_refused_without_reading_it(tmp_path):
    path = ib.write_ods(tmp_path / "lan.ods", ib.per_lan_sheets())

    def unclosed(name: str, content: bytes) -> bytes:
        return content.replace(b"</table:table-cell>", b"", 1) if name == "content.xml" else content

    path.write_bytes(corpus.rezip(path.read_bytes(), unclosed))
    with pytest.raises(precheck.Damaged, match="content.xml"):
        precheck.check(path)


def test_normal_workbook_gets_an_ordinary_budget_and_its_formula_parts(tmp_path):
    path = ib.oj_two_row_header(tmp_path / "oj.xlsx")
    budget = precheck.check(path)
    assert budget.formula_parts == [] and 0 < budget.cells < 1000
    assert budget.memory < 1 << 30 and budget.seconds <= safe_reader.READ_SECONDS


def test_uncached_formula_is_found_by_streaming_and_located(tmp_path):
    book = OpenpyxlWorkbook()
    sheet = book.active
    sheet.title = "Rankning"
    sheet.append(["Kommun", "NKI"])
    sheet.append(["Kalix", 80])
    sheet.append(["Boden", "=B2+1"])  # openpyxl saves formulas without values
    path = tmp_path / "f.xlsx"
    book.save(path)

    problem = find_uncached_formula(read_workbook(path))

    assert problem is not None
    assert (problem.sheet, problem.row, problem.column) == ("Rankning", 3, 1)
    assert "=B2+1" in problem.message


def test_a_formula_with_its_value_saved_is_not_a_problem(tmp_path):
    path = ib.write_xlsx(tmp_path / "v.xlsx", {"Data": [["Kommun", "NKI"], ["Kalix", 80]]})

    def cached(name: str, content: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            return content.replace(b"<v>80</v>", b"<f>40*2</f><v>80</v>")
        return content

    path.write_bytes(corpus.rezip(path.read_bytes(), cached))
    workbook = read_workbook(path)
    assert workbook.formula_parts and find_uncached_formula(workbook) is None


def test_workbook_that_is_no_zip_is_refused_as_damaged(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(ImportProblem, match="Filen x.xlsx kunde inte läsas: den verkar skadad"):
        read_workbook(path)
    assert zipfile.is_zipfile(io.BytesIO(path.read_bytes())) is False


# -- the reader started while the full check runs (base._checked_read) ---------------------
def _rows_file(tmp_path, rows: int = 300):
    data = [["Kommun", "NKI"], *([f"K{i}", i] for i in range(rows))]
    return ib.write_xlsx(tmp_path / "rows.xlsx", {"Data": data}), data


def test_early_budget_is_at_least_the_checked_one(tmp_path):
    path, _ = _rows_file(tmp_path)
    early, checked = precheck.early(path), precheck.check(path)
    assert early is not None
    assert early.memory >= checked.memory and early.seconds >= checked.seconds


def test_early_budget_is_only_for_xlsx_archives(tmp_path):
    ods = ib.write_ods(tmp_path / "lan.ods", ib.per_lan_sheets())
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    assert precheck.early(ods) is None and precheck.early(broken) is None


@pytest.mark.parametrize("declared", [True, False])
def test_a_refusal_of_the_check_wins_over_the_started_reader(tmp_path, declared):
    from nki_desktop.importers import base

    path = _far(tmp_path, declared, "XFD1048576")
    assert precheck.early(path) is not None  # the reader does start before the check ends
    with pytest.raises(precheck.TooBig, match="XFD1048576"):
        base._checked_read(path)


def test_a_file_needing_more_than_the_early_budget_is_read_with_the_checked_one(
    tmp_path, monkeypatch
):
    from nki_desktop.importers import base

    path, data = _rows_file(tmp_path)
    started: list[int] = []
    read = safe_reader.read_sheets

    def spy(path, memory=safe_reader.MEMORY_FLOOR, seconds=30.0, meanwhile=None):
        started.append(memory)
        return read(path, memory, seconds, meanwhile)

    small = precheck.Budget(memory=safe_reader.MEMORY_FLOOR // 2, seconds=60.0)
    monkeypatch.setattr(precheck, "early", lambda _path: small)
    monkeypatch.setattr(safe_reader, "read_sheets", spy)

    budget, ((name, rows),) = base._checked_read(path)

    assert started == [small.memory, budget.memory] and budget.memory > small.memory
    assert name == "Data" and len(rows) == len(data)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prlimit is Linux only")
def test_the_started_readers_memory_limit_is_lowered_to_the_checked_budget():
    import resource
    import subprocess

    own = resource.getrlimit(resource.RLIMIT_AS)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        safe_reader._lower_limit(child.pid, 900 << 20)
        assert resource.prlimit(child.pid, resource.RLIMIT_AS)[0] == 900 << 20
    finally:
        child.kill()
        child.wait()
    safe_reader._lower_limit(None, 1 << 20)  # no child: this process keeps its limit
    safe_reader._lower_limit(child.pid, 1 << 20)  # a child gone: nothing happens
    assert resource.getrlimit(resource.RLIMIT_AS) == own


def test_rows_arrive_with_the_cyclic_collector_paused_and_it_resumes(tmp_path):
    import gc

    path, data = _rows_file(tmp_path)
    seen: list[bool] = []

    def meanwhile() -> int:
        seen.append(gc.isenabled())
        return safe_reader.MEMORY_FLOOR

    assert gc.isenabled()
    ((_, rows),) = safe_reader.read_sheets(path, meanwhile=meanwhile)
    assert seen == [False] and gc.isenabled() and len(rows) == len(data)
    gc.disable()
    try:
        safe_reader.read_sheets(path)
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()
