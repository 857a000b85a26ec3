"""The native workbook reader (python-calamine) in a child process with limits.

A damaged or hostile workbook can make the native reader abort the process (a failed
allocation of hundreds of gigabytes), raise a ``PanicException`` (not an ``Exception``),
loop forever, or eat all memory. None of that may reach the program: the reader runs in a
child process started with the ``spawn`` method (which also works in the PyInstaller-frozen
program, whose entry calls ``multiprocessing.freeze_support()``), under a time limit and, on
Linux and macOS, an address-space limit (``RLIMIT_AS``). Windows has no such limit without
pywin32 (a Job object); there the pre-checks in ``precheck.py`` and the time limit stand
guard. The child sends plain rows back in chunks; any way it can fail becomes
:class:`ReaderFailure`, which ``base.read_workbook`` turns into a located Swedish message.

This module must stay light: the child imports it before anything else.
"""

from __future__ import annotations

import gc
import sys
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

READ_SECONDS = 30.0
MEMORY_FLOOR = 640 << 20  # bytes of address space every read may use (Python + calamine)
MEMORY_CEILING = 3 << 30
MEMORY_PER_BYTE = 4  # of the unpacked size (a 186 MB sheet part peaked at 443 MB resident)
CHUNK_ROWS = 4000


class ReaderFailure(Exception):
    """The child could not read the file; ``reason`` is a short Swedish explanation."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason, self.detail = reason, detail
        super().__init__(f"{reason} {detail}".strip())


def memory_budget(unpacked_bytes: int) -> int:
    """Address space for reading a workbook whose parts unpack to ``unpacked_bytes``."""
    return max(MEMORY_FLOOR, min(MEMORY_CEILING, MEMORY_FLOOR + MEMORY_PER_BYTE * unpacked_bytes))


def memory_limited() -> bool:
    """Whether the child's address space can be limited here (not on Windows)."""
    try:
        import resource
    except ImportError:
        return False
    return hasattr(resource, "RLIMIT_AS")


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the pre-checks and the time limit remain
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def start_method() -> str:
    """'forkserver' where there is one and the program runs from source (a read then costs
    about 10 ms instead of about 300 ms, calamine being loaded once in the server); 'spawn'
    in the frozen program and on Windows (PyInstaller's multiprocessing support is for
    spawn; Windows has nothing else)."""
    import multiprocessing

    if getattr(sys, "frozen", False) or "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "forkserver"


def _quiet() -> None:
    """The reader's own panic and abort reports go nowhere: the parent says what happened."""
    import os

    os.environ["RUST_BACKTRACE"] = "0"
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def _child(path: str, memory: int, conn: Connection) -> None:
    """Child process body: read every sheet and send ('sheet', name), ('rows', [...]), …"""
    try:
        _quiet()
        _limit_memory(memory)
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            conn.send(("sheet", str(name)))
            # Rows are turned into Python values a chunk at a time and sent at once, so the
            # parent unpacks one chunk while the next is made. iter_rows() starts at row 1
            # but at the first used column: pad to column A, as to_python(skip_empty_area=
            # False) does, so column letters stay right.
            pad = [""] * (sheet.start[1] if sheet.start else 0)
            chunk: list[list[Any]] = []
            for row in sheet.iter_rows():
                chunk.append(pad + row if pad else row)
                if len(chunk) == CHUNK_ROWS:
                    conn.send(("rows", chunk))
                    chunk = []
            if chunk:
                conn.send(("rows", chunk))
            del sheet
        conn.send(("done", None))
    except MemoryError:
        conn.send(("error", "MemoryError", ""))
    except BaseException as exc:  # noqa: BLE001 - PanicException is a BaseException
        conn.send(("error", type(exc).__name__, str(exc)[:300]))
    finally:
        conn.close()


def read_sheets(
    path: Path | str,
    memory: int = MEMORY_FLOOR,
    seconds: float = READ_SECONDS,
    meanwhile: Callable[[], int] | None = None,
) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet of a workbook as (name, rows), read in a child process.

    ``meanwhile`` runs in this process once the child has started (on the other core while
    the child parses); whatever it raises stops the child and comes out of here first; it
    returns the child's memory limit from then on (lowered where the system can do that).
    Raises :class:`ReaderFailure` when the child fails, dies, runs out of memory or time.
    """
    import multiprocessing

    ctx = multiprocessing.get_context(start_method())
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["nki_desktop.importers.safe_reader", "python_calamine"])
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(  # type: ignore[attr-defined]
        target=_child, args=(str(path), memory, sender), daemon=True, name="nki-reader"
    )
    try:
        with _main_hidden(ctx.get_start_method() == "forkserver"):
            process.start()
    except (OSError, RuntimeError) as exc:
        receiver.close()
        sender.close()
        raise ReaderFailure("läsprocessen kunde inte startas", str(exc)) from exc
    sender.close()
    sheets: list[tuple[str, list[list[Any]]]] = []
    deadline = time.monotonic() + seconds
    # Hundreds of thousands of row lists arrive: without the cyclic collector paused, they
    # set off collections that rescan every row received so far (rows hold no cycles).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if meanwhile is not None:
            _lower_limit(process.pid, meanwhile())
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not receiver.poll(remaining):
                raise ReaderFailure(f"läsningen tog mer än {seconds:.0f} sekunder")
            try:
                message = receiver.recv()
            except (EOFError, OSError) as exc:
                process.join(5)
                raise ReaderFailure(_death(process.exitcode)) from exc
            if message[0] == "sheet":
                sheets.append((message[1], []))
            elif message[0] == "rows" and sheets:
                sheets[-1][1].extend(message[1])
            elif message[0] == "done":
                return sheets
            elif message[0] == "error" and message[1] == "MemoryError":
                raise ReaderFailure("minnet tog slut")
            else:
                raise ReaderFailure(f"läsaren stötte på ett fel i filen: {message[1]}")
    finally:
        if collecting:
            gc.enable()
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
        if hasattr(process, "close") and not process.is_alive():
            process.close()


def _lower_limit(pid: int | None, limit: int) -> None:
    """Lower a running child's address-space limit (Linux; elsewhere it keeps its own)."""
    if not pid:  # never 0: that would be this process
        return
    try:
        import resource

        _soft, hard = resource.prlimit(pid, resource.RLIMIT_AS)
        resource.prlimit(pid, resource.RLIMIT_AS, (limit, hard))
    except (ImportError, AttributeError, OSError, ValueError):
        pass


@contextmanager
def _main_hidden(hide: bool) -> Iterator[None]:
    """Start a forkserver child without the parent's main module.

    The child needs only this module, but multiprocessing would run the parent's main
    script again in every child (Python 3.11's forkserver does not keep a preloaded
    ``__main__``: a bench or test script's imports cost a second per read). While the
    child's preparation data is taken, ``__main__`` is a bare module.
    """
    if not hide:
        yield
        return
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"läsaren avbröts (signal {-exitcode}), troligen för att minnet tog slut"
    return f"läsaren avslutades oväntat (kod {exitcode})"
