"""The headless command line: ``nki-desktop data|imports|undo-import|sample-data|…``.

One module per command group, each with ``register(subparsers)``; every command calls the
same services as the window. Messages are Swedish.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from nki_desktop import __version__
from nki_desktop.cli import (
    actions,
    backup,
    comments,
    data,
    goals,
    imports,
    kolada,
    notes,
    report,
    similar,
)
from nki_desktop.cli import map as map_cmd
from nki_desktop.services.store import open_store
from nki_desktop.storage import Store

Command = Callable[[argparse.Namespace, Store, TextIO], int]

# Modules that add commands register here, in the order the help lists them.
_COMMAND_GROUPS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    data.register,
    imports.register,
    report.register,
    kolada.register,
    backup.register,
    comments.register,
    goals.register,
    similar.register,
    map_cmd.register,
    actions.register,
    notes.register,
]

# Commands that only read: the database is opened read-only (created or upgraded only when
# it must be, see storage.opening), so they never wait for or disturb a writer.
READING_COMMANDS = frozenset(
    {"data", "imports", "export", "report", "backup", "preliminary", "similar", "map"}
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nki-desktop",
        description="NKI Desktop – följ Insikt/NKI för din kommun. Utan kommando öppnas fönstret.",
    )
    parser.add_argument("--version", action="version", version=f"NKI Desktop {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="databasfil (standard: användarens datamapp; NKI_DATA_DIR ändrar den)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="kontrollera att installationen är hel (tillfällig databas, import, rapporter)",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for register in _COMMAND_GROUPS:
        register(sub)
    for command in sub.choices.values():  # --db also after the command
        command.add_argument(
            "--db",
            metavar="PATH",
            default=argparse.SUPPRESS,
            help="databasfil (som --db före kommandot)",
        )
    return parser


def run(argv: list[str], out: TextIO | None = None) -> int:
    """Run a command line; returns the exit status (0 ok, 2 rejected input)."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from nki_desktop.selftest import run_self_test

        return run_self_test(out)
    if not getattr(args, "func", None):
        parser.print_help(out)
        return 0
    from nki_desktop.cli.errors import run_guarded
    from nki_desktop.paths import DB_FILE_NAME

    def dispatch() -> int:
        store = open_store(args.db, readonly=args.command in READING_COMMANDS)
        try:
            return int(args.func(args, store, out))
        finally:
            store.close()

    return run_guarded(dispatch, args.db or DB_FILE_NAME)
