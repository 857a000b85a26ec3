"""Commands over the stored data: ``data``, ``imports``, ``undo-import``, ``sample-data``,
``export``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TextIO

from nki_desktop.analysis.long_rows import LONG_COLUMNS
from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.areas import group_key
from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.domain.text import formula_safe
from nki_desktop.services import history
from nki_desktop.services.data import long_rows
from nki_desktop.services.goals import rows as goal_rows
from nki_desktop.services.sample import load_sample, remove_sample
from nki_desktop.storage import Store


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    return str(formula_safe(value)) if isinstance(value, str) else str(value)


def cmd_data(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue, riket=True)
    if kommun == UNKNOWN:
        return 2
    rows = long_rows(store, kommun=kommun, year=args.year, area=args.area, group=args.group)
    if args.format == "json":
        json.dump([r.as_dict() for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    for r in rows:
        writer.writerow([_fmt(getattr(r, c)) for c in LONG_COLUMNS])
    return 0


def cmd_imports(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    imports = history.list_imports(store)
    if not imports:
        print("Inga importer ännu. Prova: nki-desktop sample-data", file=out)
        return 0
    print(f"{'ID':>4}  {'Importerad':19}  {'Källa':12}  {'År':12}  {'Värden':>7}  Fil", file=out)
    for i in imports:
        years = i.years.split(",")
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else i.years
        print(
            f"{i.id:>4}  {i.imported_at:19}  {i.publication:12}  {span:12}  "
            f"{i.rows_stored:>7}  {i.file_name}",
            file=out,
        )
    return 0


def cmd_undo_import(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    info = history.undo_import(store, args.id)
    if info is None:
        print(f"Det finns ingen import med id {args.id}.", file=sys.stderr)
        return 2
    print(
        f"Import {args.id} ({info.file_name}) är borttagen med sina {info.rows_stored} värden.",
        file=out,
    )
    if store.last_backup:
        print(f"En kopia av databasen från före finns i {store.last_backup}.", file=out)
    return 0


def cmd_sample_data(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.remove:
        removed = remove_sample(store)
        print("Exempeldata borttagen." if removed else "Ingen exempeldata att ta bort.", file=out)
        return 0
    result = load_sample(store)
    if result.duplicate:
        print("Exempeldata finns redan i databasen. Inget ändrades.", file=out)
    else:
        print(
            f"Exempeldata laddad: {result.stored} värden (fiktiva, 2016–2024). "
            f"Ta bort med: nki-desktop sample-data --remove",
            file=out,
        )
    return 0


def cmd_export(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    from nki_desktop.reports.data_export import write_long

    target = Path(args.out)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        print("Ange en fil som slutar på .xlsx eller .csv.", file=sys.stderr)
        return 2
    kommun = normalise_code(args.kommun) if args.kommun else None
    rows = long_rows(
        store, kommun=kommun or args.kommun, year=args.year, area=args.area, group=args.group
    )
    from nki_desktop.reports.tracking_export import sibling_path, tracking_tables
    from nki_desktop.services import actions, notes

    unit = kommun or args.kommun or None
    extra = tracking_tables(actions.actions(store, unit), notes.notes(store, unit))
    goals = goal_rows(store, kommun or None, group_key(args.group) if args.group else None)
    write_long(rows, target, extra, goals)
    print(f"{len(rows)} rader skrivna till {target}.", file=out)
    for t in extra:  # the kommun's own records: sheets of the workbook, or files beside it
        where = target if target.suffix.lower() == ".xlsx" else sibling_path(target, t)
        print(f"{t.title}: {len(t.rows)} rader i {where}.", file=out)
    if goals:
        print(
            f"{len(goals)} rader om mål i bladet Mål."
            if target.suffix.lower() == ".xlsx"
            else "Målen skrivs inte till .csv: exportera till .xlsx eller kör "
            "nki-desktop goals list --format csv.",
            file=out,
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("data", help="skriv ut lagrade värden i långt format")
    p.add_argument("--kommun", metavar="KOD", help="kommunkod (4 siffror) eller 'riket'")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår")
    p.add_argument(
        "--area",
        metavar="OMRÅDE",
        help="områdesnyckel, t.ex. bygglov, total eller sn_foretagsklimat (Svenskt Näringsliv)",
    )
    p.add_argument("--group", metavar="GRUPP", help="svarsgrupp, t.ex. foretag")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(func=cmd_data)

    p = sub.add_parser("imports", help="lista importer")
    p.set_defaults(func=cmd_imports)

    p = sub.add_parser("undo-import", help="ta bort en import och bara det den förde in")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_undo_import)

    p = sub.add_parser("sample-data", help="ladda exempeldata (fiktiva värden)")
    p.add_argument("--remove", action="store_true", help="ta bort exempeldata")
    p.set_defaults(func=cmd_sample_data)

    p = sub.add_parser("export", help="skriv lagrade värden till .xlsx eller .csv (för Excel)")
    p.add_argument("out", metavar="FIL")
    p.add_argument("--kommun", metavar="KOD")
    p.add_argument("--year", type=int, metavar="ÅR")
    p.add_argument("--area", metavar="OMRÅDE")
    p.add_argument("--group", metavar="GRUPP")
    p.set_defaults(func=cmd_export)
