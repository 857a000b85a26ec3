"""Companies' comments and the preliminary NKI: ``comments list|pick|unpick``,
``preliminary``. Comments are printed (never exported to a file) and only masked text is
stored at all."""

from __future__ import annotations

import argparse
import csv
import json
from typing import Any, TextIO

from nki_desktop.analysis.comments import NKI_BANDS
from nki_desktop.analysis.preliminary import load_preliminary
from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.areas import area_key
from nki_desktop.domain.text import formula_safe
from nki_desktop.services import comments as svc
from nki_desktop.storage import Store

_COLUMNS = ("id", "year", "unit", "area", "answered", "nki", "picked", "column", "text")


def cmd_list(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    area = area_key(args.area) if args.area else None
    rows = svc.comments(
        store,
        kommun,
        text=args.search or "",
        year=args.year,
        area=area,
        band=args.nki or "",
        picked_only=args.picked,
    )
    records: list[dict[str, Any]] = [
        {
            "id": r.id,
            "year": r.year,
            "unit": r.unit,
            "area": r.area,
            "answered": r.answered,
            "nki": None if r.nki is None else round(r.nki, 1),
            "picked": r.picked,
            "column": r.column,
            "text": r.text,
        }
        for r in rows
    ]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for rec in records:
        writer.writerow(["" if rec[c] is None else formula_safe(str(rec[c])) for c in _COLUMNS])
    return 0


def cmd_pick(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    picked = args.comments_command == "pick"
    changed = svc.pick(store, args.ids, picked)
    verb = "tagna med i rapporten" if picked else "tagna ur rapporten"
    print(f"{changed} kommentarer {verb}.", file=out)
    return 0


def cmd_preliminary(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if not kommun:
        return 2
    p = load_preliminary(store, kommun, args.group)
    if p is None:
        print(
            "Inget preliminärt resultat: inga daterade svar för ett år utan slutligt NKI.", file=out
        )
        return 0
    print(p.text, file=out)
    if p.value is not None:
        print(
            f"Egen beräkning från svarsdata {p.first_date}–{p.last_date}: rankas inte och "
            "ersätts av det slutliga värdet när det importeras.",
            file=out,
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("comments", help="företagens kommentarer (maskerade fritextsvar)")
    commands = parser.add_subparsers(dest="comments_command", metavar="DELKOMMANDO", required=True)
    listing = commands.add_parser("list", help="lista kommentarer")
    listing.add_argument("--kommun", help="kommunkod")
    listing.add_argument("--year", type=int, help="ärendeår")
    listing.add_argument("--area", help="myndighetsområde")
    listing.add_argument("--search", help="sök i texten")
    listing.add_argument(
        "--nki", choices=[k for k in NKI_BANDS if k], help="låg eller hög NKI hos den som svarade"
    )
    listing.add_argument("--picked", action="store_true", help="bara de valda")
    listing.add_argument("--format", choices=("csv", "json"), default="csv")
    listing.set_defaults(func=cmd_list)
    for name, text in (("pick", "ta med i rapporten"), ("unpick", "ta ur rapporten")):
        command = commands.add_parser(name, help=text)
        command.add_argument("ids", type=int, nargs="+", metavar="ID")
        command.set_defaults(func=cmd_pick)
    prelim = sub.add_parser("preliminary", help="preliminärt NKI för innevarande år")
    prelim.add_argument("--kommun", required=True, help="kommunkod")
    prelim.add_argument("--group", default="foretag", help="svarsgrupp (standard foretag)")
    prelim.set_defaults(func=cmd_preliminary)
