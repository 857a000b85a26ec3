"""Actions (åtgärder): ``actions add|list|done|remove|restore``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, TextIO

from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.cli.trash_commands import add_trash_commands
from nki_desktop.domain.actions import STATUSES, Action
from nki_desktop.domain.errors import InputError
from nki_desktop.domain.text import formula_safe
from nki_desktop.services import actions as svc
from nki_desktop.storage import Store

COLUMNS = (
    "id",
    "unit",
    "title",
    "status",
    "areas",
    "factors",
    "owner",
    "decided",
    "done",
    "expected_effect",
    "description",
    "created_at",
    "changed_at",
)


def record(a: Action) -> dict[str, Any]:
    return {
        "id": a.id,
        "unit": a.unit,
        "title": a.title,
        "status": a.status,
        "areas": list(a.areas),
        "factors": list(a.factors),
        "owner": a.owner,
        "decided": a.decided,
        "done": a.done,
        "expected_effect": a.expected_effect,
        "description": a.description,
        "created_at": a.created_at,
        "changed_at": a.changed_at,
    }


def write_records(
    records: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, out: TextIO
) -> None:
    """JSON, or CSV with lists joined by ';' and text made safe for spreadsheets."""
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for rec in records:
        cells = []
        for c in columns:
            value = rec[c]
            if isinstance(value, list):
                value = ";".join(value)
            cells.append("" if value is None else formula_safe(str(value)))
        writer.writerow(cells)


def _fail(exc: InputError) -> int:
    print(str(exc), file=sys.stderr)
    return 2


def cmd_add(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if not kommun:
        return 2
    action = Action(
        unit=kommun,
        title=args.title,
        areas=tuple(args.area),
        factors=tuple(args.factor or ()),
        description=args.description or "",
        owner=args.owner or "",
        status=args.status,
        decided=args.decided,
        done=args.done,
        expected_effect=args.effect or "",
    )
    try:
        stored = svc.add(store, action)
    except InputError as exc:
        return _fail(exc)
    print(f"Åtgärd {stored.id} sparad: {stored.title} ({stored.status_label}).", file=out)
    return 0


def cmd_list(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    rows = svc.deleted(store, kommun) if args.deleted else svc.actions(store, kommun)
    write_records([record(a) for a in rows], COLUMNS, args.format, out)
    return 0


def cmd_done(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    try:
        action = svc.mark_done(store, args.id, args.date)
    except InputError as exc:
        return _fail(exc)
    print(f"Åtgärd {action.id} genomförd {action.done}: {action.title}.", file=out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("actions", help="åtgärder: lägg till, lista, genomför, ta bort")
    commands = parser.add_subparsers(dest="actions_command", metavar="DELKOMMANDO", required=True)
    add = commands.add_parser("add", help="lägg till en åtgärd")
    add.add_argument("--kommun", required=True, help="kommunkod")
    add.add_argument("--title", required=True, help="rubrik")
    add.add_argument(
        "--area", required=True, action="append", help="område (total för alla; flera går)"
    )
    add.add_argument("--factor", action="append", help="serviceområde, t.ex. tillganglighet")
    add.add_argument("--status", default="planerad", help="|".join(STATUSES))
    add.add_argument("--decided", metavar="DATUM", help="beslutsdatum ÅÅÅÅ-MM-DD")
    add.add_argument("--done", metavar="DATUM", help="genomförd ÅÅÅÅ-MM-DD")
    add.add_argument("--owner", help="ansvarig (roll)")
    add.add_argument("--description", help="beskrivning")
    add.add_argument("--effect", help="förväntad effekt")
    add.set_defaults(func=cmd_add)
    listing = commands.add_parser("list", help="lista åtgärder")
    listing.add_argument("--kommun", help="kommunkod")
    listing.add_argument("--deleted", action="store_true", help="de i papperskorgen")
    listing.add_argument("--format", choices=("csv", "json"), default="csv")
    listing.set_defaults(func=cmd_list)
    done = commands.add_parser("done", help="markera som genomförd")
    done.add_argument("id", type=int, metavar="ID")
    done.add_argument("--date", metavar="DATUM", help="ÅÅÅÅ-MM-DD (standard: i dag)")
    done.set_defaults(func=cmd_done)
    add_trash_commands(
        commands, "actions", svc.remove, svc.restore, lambda a: f"Åtgärd {a.id} ({a.title})"
    )
