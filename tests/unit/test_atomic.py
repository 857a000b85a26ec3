"""Every output is written whole or not at all (nki_desktop/atomic.py)."""

from __future__ import annotations

import os
import stat

import pytest

from nki_desktop.atomic import WriteFailed, atomic_target, check_pdf, save_workbook, write_bytes


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_a_failure_inside_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "rapport.csv"
    target.write_text("gammal")
    with pytest.raises(ValueError), atomic_target(target) as tmp:
        tmp.write_text("halv")
        raise ValueError("avbrutet")
    assert target.read_text() == "gammal" and _leftovers(tmp_path) == []


def test_an_empty_result_is_refused(tmp_path):
    target = tmp_path / "rapport.pdf"
    with pytest.raises(WriteFailed, match="tom"), atomic_target(target):
        pass
    assert not target.exists() and _leftovers(tmp_path) == []


def test_a_pdf_that_does_not_end_like_one_is_refused(tmp_path):
    target = tmp_path / "rapport.pdf"
    with (
        pytest.raises(WriteFailed, match="ofullständig") as caught,
        atomic_target(target, check=check_pdf) as tmp,
    ):
        tmp.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    assert str(target) in str(caught.value)  # names the file the user chose, not the temp
    assert not target.exists() and _leftovers(tmp_path) == []


def test_the_temporary_keeps_the_suffix_and_the_result_the_usual_permissions(tmp_path):
    target = tmp_path / "bild.png"
    with atomic_target(target) as tmp:
        assert tmp.suffix == ".png" and tmp.parent == tmp_path
        tmp.write_bytes(b"\x89PNG")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_a_missing_folder_is_a_swedish_message(tmp_path):
    with pytest.raises(WriteFailed, match="mappen finns inte"):
        write_bytes(tmp_path / "saknas" / "x.csv", b"a")


def test_a_workbook_is_saved_whole(tmp_path):
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    book.active["A1"] = "Örebro"
    path = save_workbook(book, tmp_path / "b.xlsx")
    assert load_workbook(path).active["A1"].value == "Örebro"
