"""The command line turns expected failures into Swedish messages, never tracebacks."""

from __future__ import annotations

import io
import sqlite3

import pytest

from nki_desktop.atomic import WriteFailed
from nki_desktop.cli.errors import message_for, run_guarded


def _raise(exc: BaseException):
    def command() -> int:
        raise exc

    return command


@pytest.mark.parametrize(
    "exc, words",
    [
        (sqlite3.OperationalError("database is locked"), "används av ett annat program"),
        (sqlite3.OperationalError("database or disk is full"), "Disken är full"),
        (sqlite3.DatabaseError("file is not a database"), "skadad"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "skrivskyddad"),
        (OSError(28, "No space left on device", "x.pdf"), "disken är full"),
        (PermissionError(13, "Permission denied", "x.pdf"), "behörighet"),
    ],
)
def test_expected_failures_become_messages_and_exit_1(exc, words):
    err = io.StringIO()
    assert run_guarded(_raise(exc), "nki.sqlite", err) == 1
    assert words in err.getvalue() and "Traceback" not in err.getvalue()


def test_a_failed_write_names_the_file():
    text = message_for(WriteFailed(__import__("pathlib").Path("r.pdf"), "disken är full"), "db")
    assert text == "Kunde inte skriva r.pdf: disken är full. Inget skrevs över."


def test_programming_errors_are_not_hidden():
    with pytest.raises(KeyError):
        run_guarded(_raise(KeyError("x")), "nki.sqlite", io.StringIO())
