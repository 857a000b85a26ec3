"""Cheap checks before a workbook reaches the native reader, and the budget it gets there.

Pure Python and streamed, so a hostile file costs at most one pass over its parts:
zip entry sizes and compression ratio (zip bombs), the sheet's declared ``<dimension>`` and
cells far out in the sheet (a legal workbook with one value in XFD1048576 makes the reader
allocate 512 GiB), and the well-formedness of an OpenDocument sheet (a damaged one makes the
reader loop forever). What passes gets a memory and time budget scaled by its size, for the
child process in ``safe_reader.py``; the child is the last line for what no check foresees
(e.g. a damaged compound-file sector chain in an .xls).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from nki_desktop.importers.safe_reader import MEMORY_CEILING, READ_SECONDS, memory_budget

MAX_UNPACKED = 2 << 30  # bytes, all parts of a workbook together
MAX_RATIO = 200  # unpacked / packed, for a part over BOMB_FLOOR
BOMB_FLOOR = 32 << 20
MAX_CELLS = 64_000_000  # rows × columns the reader would hold: Excel's 1 048 576 rows × 61
BYTES_PER_CELL = 48  # the reader's dense cell plus its share of the Python row
SECONDS_PER_MB = 0.3
CHUNK = 1 << 20
HEAD = 64 << 10  # bytes of a sheet part read for its declared <dimension>

# Literal-led patterns only: they scan a 200 MB sheet part in well under a second.
_DIMENSION = re.compile(rb'dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_ROW = re.compile(rb'row r="(\d+)"')
_WIDE_CELL = re.compile(rb' r="([A-Z]{2,})(\d+)"')  # a column beyond Z (others are ≤ 26)
FORMULA_TAG = re.compile(rb"<f[ >/]")
OVERLAP = 256  # bytes kept between chunks so a tag split across them is still seen


class TooBig(Exception):
    """The workbook would need more than the reader may use; the text says what."""


class Damaged(Exception):
    """The workbook's structure is broken before any cell is read."""


@dataclass
class Budget:
    """What the child process may use, and what the checks learnt on the way."""

    memory: int
    seconds: float
    formula_parts: list[str] | None = None  # sheet parts holding formulas (None: unknown)
    cells: int = 0
    unpacked: int = 0
    notes: list[str] = field(default_factory=list)


def column_number(letters: bytes | str) -> int:
    """'A' → 1, 'XFD' → 16384."""
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        number = number * 26 + ord(ch) - 64
    return number


def check(path: Path) -> Budget:
    """Check a workbook before reading it; raise TooBig or Damaged, else give its budget."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        return _check_zip(path, suffix)
    size = path.stat().st_size
    return _budget(size, 0)


def _budget(unpacked: int, cells: int) -> Budget:
    memory = min(MEMORY_CEILING, memory_budget(unpacked) + BYTES_PER_CELL * cells)
    seconds = min(300.0, max(READ_SECONDS * 2 / 3, 20 + SECONDS_PER_MB * unpacked / (1 << 20)))
    return Budget(memory, seconds, cells=cells, unpacked=unpacked)


def early(path: Path) -> Budget | None:
    """A budget to start the reader with while :func:`check` scans the sheets (see
    ``base._read_native``): from the archive's sizes (zip bombs refused here already) and
    each sheet's declared extent (``<dimension>``), else one cell per unpacked byte, which
    a legitimate sheet does not exceed. The reader gets the checked budget once the scan
    is done. None when it cannot be known cheaply (not .xlsx, a damaged archive): then the
    checks run first."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            unpacked = _archive_size(infos)
            cells = 0
            for info in infos:
                if _is_sheet_part(info.filename):
                    with archive.open(info) as part:
                        dimension = _DIMENSION.search(part.read(HEAD))
                    if dimension and dimension.group(3):
                        rows = int(dimension.group(4))
                        cells += rows * max(column_number(dimension.group(3)), 26)
    except TooBig:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, KeyError):
        return None  # check() says what is wrong
    except (NotImplementedError, RuntimeError):
        return None
    return _budget(unpacked, max(cells, unpacked))


def _is_sheet_part(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _archive_size(infos: list[zipfile.ZipInfo]) -> int:
    """All parts unpacked, in bytes; TooBig for too much in all or a zip bomb part."""
    unpacked = sum(max(0, i.file_size) for i in infos)
    if unpacked > MAX_UNPACKED:
        raise TooBig(f"delarna packas upp till {unpacked >> 20} MB")
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > BOMB_FLOOR and ratio > MAX_RATIO:
            raise TooBig(f"delen {info.filename} packas upp {ratio:.0f} gånger")
    return unpacked


def _check_zip(path: Path, suffix: str) -> Budget:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Damaged("arkivet (zip) i filen är trasigt eller avkortat") from exc
    with archive:
        infos = archive.infolist()
        unpacked = _archive_size(infos)
        try:
            if suffix in (".xlsx", ".xlsm"):
                return _check_sheets(archive, infos, unpacked)
            if suffix == ".ods":
                _check_well_formed(archive, "content.xml")
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            KeyError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise Damaged(f"en del av filen kan inte packas upp ({type(exc).__name__})") from exc
    return _budget(unpacked, 0)


def _check_sheets(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], unpacked: int) -> Budget:
    cells = 0
    formula_parts: list[str] = []
    for info in infos:
        name = info.filename
        if not _is_sheet_part(name):
            continue
        rows, columns, has_formula = _scan_sheet(archive, info)
        sheet_cells = rows * columns
        if sheet_cells > MAX_CELLS:
            raise TooBig(
                f"bladet sträcker sig till cell {_cell_name(rows, columns)}, "
                f"{sheet_cells:,} celler".replace(",", " ")
            )
        cells += sheet_cells
        if has_formula:
            formula_parts.append(name)
    budget = _budget(unpacked, cells)
    budget.formula_parts = formula_parts
    return budget


def _scan_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int, bool]:
    """(last row, last column, has formulas) of a sheet part, streamed in chunks."""
    rows = columns = 0
    has_formula = False
    tail = b""
    seen = 0
    with archive.open(info) as part:
        while True:
            block = part.read(CHUNK)
            if not block:
                break
            seen += len(block)
            if seen > info.file_size + CHUNK:  # more than the archive declared: a lie
                raise TooBig(f"delen {info.filename} är större än arkivet anger")
            data = tail + block
            if seen == len(block):
                dimension = _DIMENSION.search(data)
                if dimension and dimension.group(3):
                    declared = (int(dimension.group(4)), column_number(dimension.group(3)))
                    if declared[0] * declared[1] > MAX_CELLS:
                        return declared[0], declared[1], has_formula
            last_row = data.rfind(b"<row ")  # rows come in order; the last one is the extent
            match = _ROW.match(data, last_row + 1) if last_row >= 0 else None
            if match:
                rows = max(rows, int(match.group(1)))
            wide = _WIDE_CELL.findall(data)
            if wide:  # every cell of a wide sheet: convert each distinct column and row once
                columns = max(columns, max(map(column_number, {c for c, _r in wide})))
                rows = max(rows, max(map(int, {r for _c, r in wide})))
            if not has_formula and (FORMULA_TAG.search(data) or b":f>" in data or b":f " in data):
                has_formula = True
            tail = data[-OVERLAP:]
    return rows, max(columns, 26 if rows else 0), has_formula


def _check_well_formed(archive: zipfile.ZipFile, name: str) -> None:
    from xml.parsers import expat

    parser = expat.ParserCreate()
    try:
        with archive.open(name) as part:
            while True:
                block = part.read(CHUNK)
                parser.Parse(block, not block)
                if not block:
                    break
    except expat.ExpatError as exc:
        raise Damaged(f"{name} är inte hel XML (rad {exc.lineno})") from exc


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"
