"""The `remove` and `restore` subcommands every kind of the user's own records shares
(`actions`, `notes`): removal moves a record to the Papperskorg, restore brings it back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO, TypeVar

from nki_desktop.domain.errors import InputError
from nki_desktop.storage import Store

T = TypeVar("T")


def add_trash_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    command: str,
    remove: Callable[[Store, int], T],
    restore: Callable[[Store, int], T],
    describe: Callable[[T], str],
) -> None:
    """Register `<command> remove ID` and `<command> restore ID`; ``describe`` names the
    record in Swedish ("Åtgärd 3 (Öppet hus)"). Refusals exit 2 with their Swedish text."""

    def run(
        change: Callable[[Store, int], T], said: Callable[[T, int], str]
    ) -> Callable[[argparse.Namespace, Store, TextIO], int]:
        def cmd(args: argparse.Namespace, store: Store, out: TextIO) -> int:
            try:
                record = change(store, args.id)
            except InputError as exc:
                print(str(exc), file=sys.stderr)
                return 2
            print(said(record, args.id), file=out)
            return 0

        return cmd

    def removed(record: T, number: int) -> str:
        return (
            f"{describe(record)} ligger i papperskorgen. "
            f"Ångra med: nki-desktop {command} restore {number}"
        )

    def restored(record: T, number: int) -> str:
        return f"{describe(record)} är återställd."

    for name, func, text in (
        ("remove", run(remove, removed), "flytta till papperskorgen"),
        ("restore", run(restore, restored), "återställ från papperskorgen"),
    ):
        parser = commands.add_parser(name, help=text)
        parser.add_argument("id", type=int, metavar="ID")
        parser.set_defaults(func=func)
