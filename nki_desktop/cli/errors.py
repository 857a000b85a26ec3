"""The command line's last line of defence: every expected failure becomes a Swedish message
on stderr and a non-zero exit status, never a traceback (database problems, a locked or
read-only database, a full disk, a file that cannot be written)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from nki_desktop.atomic import WriteFailed, reason_of
from nki_desktop.storage.db import DatabaseProblem, problem

FAILED = 1
INTERRUPTED = 130


def message_for(exc: BaseException, db: Path | str) -> str | None:
    """The user's message for an expected failure, None for a programming error."""
    if isinstance(exc, DatabaseProblem | WriteFailed):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return str(problem(exc, db))
    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
        name = exc.filename or db
        return f"Filen {name} kunde inte läsas eller skrivas: {reason_of(exc)}."
    if isinstance(exc, MemoryError):
        return "Minnet räckte inte till. Stäng andra program eller dela upp arbetet."
    return None


def run_guarded(command: Callable[[], int], db: Path | str, err: TextIO | None = None) -> int:
    """Run a command; an expected failure is printed as a message and exits 1."""
    try:
        return command()
    except KeyboardInterrupt:
        print("Avbrutet. Inget halvfärdigt sparades.", file=err or sys.stderr)
        return INTERRUPTED
    except Exception as exc:
        text = message_for(exc, db)
        if text is None:
            raise
        print(text, file=err or sys.stderr)
        return FAILED
