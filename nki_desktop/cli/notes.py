"""Notes (anteckningar): ``notes add|list|remove|restore``."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from nki_desktop.cli.actions import _fail, write_records
from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.cli.trash_commands import add_trash_commands
from nki_desktop.domain.actions import Note
from nki_desktop.domain.errors import InputError
from nki_desktop.services import notes as svc
from nki_desktop.storage import Store

COLUMNS = ("id", "unit", "date", "year", "area", "factor", "text", "created_at", "changed_at")


def record(n: Note) -> dict[str, Any]:
    return {c: getattr(n, c) for c in COLUMNS}


def cmd_add(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if not kommun:
        return 2
    note = Note(
        unit=kommun,
        text=args.text,
        date=args.date or "",
        year=args.year,
        area=args.area,
        factor=args.factor,
    )
    try:
        stored = svc.add(store, note)
    except InputError as exc:
        return _fail(exc)
    print(f"Anteckning {stored.id} sparad ({stored.date}, {stored.scope_text}).", file=out)
    return 0


def cmd_list(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    rows = svc.deleted(store, kommun) if args.deleted else svc.notes(store, kommun, args.year)
    write_records([record(n) for n in rows], COLUMNS, args.format, out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("notes", help="anteckningar: lägg till, lista, ta bort")
    commands = parser.add_subparsers(dest="notes_command", metavar="DELKOMMANDO", required=True)
    add = commands.add_parser("add", help="lägg till en anteckning")
    add.add_argument("--kommun", required=True, help="kommunkod")
    add.add_argument("--text", required=True, help="anteckningens text")
    add.add_argument("--date", metavar="DATUM", help="ÅÅÅÅ-MM-DD (standard: i dag)")
    add.add_argument("--year", type=int, metavar="ÅR", help="ärendeår den gäller")
    add.add_argument("--area", metavar="OMRÅDE", help="område den gäller")
    add.add_argument("--factor", metavar="FAKTOR", help="serviceområde den gäller")
    add.set_defaults(func=cmd_add)
    listing = commands.add_parser("list", help="lista anteckningar")
    listing.add_argument("--kommun", help="kommunkod")
    listing.add_argument("--year", type=int, metavar="ÅR", help="bara de som gäller året")
    listing.add_argument("--deleted", action="store_true", help="de i papperskorgen")
    listing.add_argument("--format", choices=("csv", "json"), default="csv")
    listing.set_defaults(func=cmd_list)
    add_trash_commands(commands, "notes", svc.remove, svc.restore, lambda n: f"Anteckning {n.id}")
