"""Every file the program writes goes through :func:`atomic_target`.

The content is written to a temporary name in the target's folder, checked, flushed to disk
and only then renamed over the target, so a full disk, a crash or a writer that fails
silently (Qt's PDF writer) never leaves a 0-byte or half file where the user expects one,
and never damages the file that was there before.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nki_desktop.domain.errors import UserError

_REASONS = {
    errno.ENOSPC: "disken är full. Frigör utrymme eller välj en annan plats",
    errno.EDQUOT: "diskkvoten är slut. Frigör utrymme eller välj en annan plats",
    errno.EROFS: "platsen är skrivskyddad. Välj en annan mapp",
    errno.EACCES: "du saknar behörighet att skriva där, eller så är filen öppen i ett "
    "annat program. Stäng den eller välj en annan plats",
    errno.EPERM: "du saknar behörighet att skriva där. Välj en annan plats",
    errno.ENOENT: "mappen finns inte. Välj en befintlig mapp",
    errno.ENOTDIR: "sökvägen går genom något som inte är en mapp",
    errno.EISDIR: "det finns en mapp med det namnet. Välj ett filnamn",
    errno.ENAMETOOLONG: "namnet är för långt. Välj ett kortare",
}


class WriteFailed(OSError, UserError):
    """A file could not be written; ``str()`` is a Swedish message naming it."""

    def __init__(self, target: Path, reason: str, code: int = errno.EIO):
        super().__init__(code, reason, str(target))
        self.target = target
        self.reason = reason

    def __str__(self) -> str:
        return f"Kunde inte skriva {self.target}: {self.reason}. Inget skrevs över."


def reason_of(exc: OSError) -> str:
    """The Swedish reason for an operating-system error (falls back on its own text)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def written(target: Path, exc: OSError) -> WriteFailed:
    """An OSError from writing ``target`` as a :class:`WriteFailed` (kept if it is one)."""
    if isinstance(exc, WriteFailed):
        return (
            exc if exc.target == target else WriteFailed(target, exc.reason, exc.errno or errno.EIO)
        )
    return WriteFailed(target, reason_of(exc), exc.errno or errno.EIO)


def check_pdf(path: Path) -> None:
    """Qt's PDF writer fails silently on a full disk: the file must end like a PDF."""
    with open(path, "rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, path.stat().st_size - 1024))
        tail = handle.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise WriteFailed(path, "PDF-filen blev ofullständig (är disken full?)", errno.EIO)


@contextmanager
def atomic_target(
    target: Path | str, check: Callable[[Path], None] | None = None
) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` when complete.

    The temporary file exists (empty) when the block starts and keeps the target's suffix
    (writers that choose the format by suffix still work). An empty result, a failing
    ``check(tmp)`` or any exception removes it and leaves ``target`` as it was. OS errors
    come out as :class:`WriteFailed` with a Swedish reason.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp{target.suffix}")
    try:
        with open(tmp, "xb"):  # honours the umask, unlike mkstemp's 0600
            pass
    except OSError as exc:
        raise written(target, exc) from exc
    try:
        yield tmp
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise WriteFailed(target, "filen blev tom (är disken full?)", errno.EIO)
        if check is not None:
            check(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())  # a full disk may only show here
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise written(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically (see :func:`atomic_target`)."""
    target = Path(target)
    with atomic_target(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
    return target


def save_workbook(workbook: Any, target: Path | str) -> Path:
    """Save an openpyxl workbook atomically.

    It is built in memory first: openpyxl failing half-way on a full disk leaves an open zip
    file that complains again when collected.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_bytes(target, buffer.getvalue())
