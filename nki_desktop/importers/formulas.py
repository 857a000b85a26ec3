"""Formulas saved without their values in .xlsx/.xlsm, found by streaming the sheet parts.

Files written by programs (not Excel) may hold formulas without results; the reader then
sees empty cells, which would be read as missing values. Sheet parts are read in chunks and
never whole into memory (a 1,2 MB workbook can unpack to over a gigabyte): a cheap scan says
whether a part has formulas at all (the pre-check usually has said so already), and only
such parts are parsed, element by element, to name the first formula without a value.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, iterparse

from nki_desktop.importers.precheck import CHUNK, FORMULA_TAG, OVERLAP

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def has_formulas(archive: zipfile.ZipFile, part: str) -> bool:
    tail = b""
    with archive.open(part) as handle:
        while block := handle.read(CHUNK):
            data = tail + block
            if FORMULA_TAG.search(data) or b":f>" in data or b":f " in data:
                return True
            tail = data[-OVERLAP:]
    return False


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet part path → the sheet's name, from workbook.xml and its relationships."""
    try:
        targets: dict[str, str] = {}
        with archive.open("xl/_rels/workbook.xml.rels") as rels:
            for _event, element in iterparse(rels):
                if _local(element.tag) == "Relationship":
                    target = element.get("Target", "")
                    path = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join("xl", target))
                    )
                    targets[element.get("Id", "")] = path
        names: dict[str, str] = {}
        with archive.open("xl/workbook.xml") as book:
            for _event, element in iterparse(book):
                if _local(element.tag) == "sheet":
                    part = targets.get(element.get(_REL, ""))
                    if part:
                        names[part] = element.get("name", part)
        return names
    except (
        KeyError,
        SyntaxError,
        OSError,
        zipfile.BadZipFile,
        zlib.error,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ):
        return {}


def _cells(archive: zipfile.ZipFile, part: str) -> Iterator[Element]:
    """Every <c> element of a sheet part, freed once seen."""
    with archive.open(part) as handle:
        sheet_data: Element | None = None
        for event, element in iterparse(handle, events=("start", "end")):
            name = _local(element.tag)
            if event == "start":
                if name == "sheetData":
                    sheet_data = element
                continue
            if name == "c":
                yield element
            elif name == "row" and sheet_data is not None:
                sheet_data.clear()


def _coordinate(ref: str) -> tuple[int, int] | None:
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    if not letters.isalpha() or not digits:
        return None
    column = 0
    for ch in letters.upper():
        column = column * 26 + ord(ch) - 64
    return int(digits), column - 1


def first_uncached(path: Path, parts: list[str] | None = None) -> tuple[str, int, int, str] | None:
    """(sheet, row 1-based, column 0-based, formula) of the first formula without a saved
    value, or None. ``parts`` are the sheet parts known to hold formulas (None: scan)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if parts is None:
                parts = [
                    n
                    for n in archive.namelist()
                    if n.startswith("xl/worksheets/")
                    and n.endswith(".xml")
                    and has_formulas(archive, n)
                ]
            if not parts:
                return None
            names = sheet_names(archive)
            for part in parts:
                for cell in _cells(archive, part):
                    formula = value = None
                    for child in cell:
                        kind = _local(child.tag)
                        if kind == "f":
                            formula = child
                        elif kind in ("v", "is"):
                            value = child
                    cached = value is not None and (
                        value.text or len(value) or cell.get("t") == "str"
                    )
                    if formula is None or cached:
                        continue
                    where = _coordinate(cell.get("r", ""))
                    if where is None:
                        continue
                    text = "=" + (formula.text or "").strip() if formula.text else "(delad formel)"
                    return names.get(part, posixpath.basename(part)), where[0], where[1], text
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        KeyError,
        SyntaxError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ):
        return None  # the reader could read it; nothing more to say
    return None
