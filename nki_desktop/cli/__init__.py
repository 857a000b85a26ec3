"""The headless command line: ``nki-desktop data|imports|undo-import|sample-data|…``.

Each command calls the same services as the window. Messages are Swedish.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import TextIO

from nki_desktop import __version__, import_cli, respondent_service, services
from nki_desktop.cli.kolada import register as register_kolada
from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.reports.cli import register as register_report
from nki_desktop.storage import Store

Command = Callable[[argparse.Namespace, Store, TextIO], int]


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    return str(value)


def cmd_data(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = None
    if args.kommun:
        kommun = normalise_code(args.kommun) or args.kommun
        if store.catalogue.get(kommun) is None and kommun != "riket":
            print(f"Okänd kommunkod: {args.kommun}", file=sys.stderr)
            return 2
    rows = services.long_rows(store, kommun=kommun, year=args.year, area=args.area,
                              group=args.group)
    if args.format == "json":
        json.dump([r.as_dict() for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(services.LONG_COLUMNS)
    for r in rows:
        writer.writerow([_fmt(getattr(r, c)) for c in services.LONG_COLUMNS])
    return 0


def cmd_imports(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    imports = store.list_imports()
    if not imports:
        print("Inga importer ännu. Prova: nki-desktop sample-data", file=out)
        return 0
    print(f"{'ID':>4}  {'Importerad':19}  {'Källa':12}  {'År':12}  {'Värden':>7}  Fil", file=out)
    for i in imports:
        years = i.years.split(",")
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else i.years
        print(f"{i.id:>4}  {i.imported_at:19}  {i.publication:12}  {span:12}  "
              f"{i.rows_stored:>7}  {i.file_name}", file=out)
    return 0


def cmd_undo_import(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    info = store.get_import(args.id)
    if info is None or not store.undo_import(args.id):
        print(f"Det finns ingen import med id {args.id}.", file=sys.stderr)
        return 2
    print(f"Import {args.id} ({info.file_name}) är borttagen med sina {info.rows_stored} "
          f"värden.", file=out)
    return 0


def cmd_sample_data(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.remove:
        removed = services.remove_sample(store)
        print("Exempeldata borttagen." if removed else "Ingen exempeldata att ta bort.",
              file=out)
        return 0
    result = services.load_sample(store)
    if result.duplicate:
        print("Exempeldata finns redan i databasen. Inget ändrades.", file=out)
    else:
        print(f"Exempeldata laddad: {result.stored} värden (fiktiva, 2016–2024). "
              f"Ta bort med: nki-desktop sample-data --remove", file=out)
    return 0


def cmd_export(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    from pathlib import Path

    from nki_desktop.reports.data_export import write_long

    target = Path(args.out)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        print("Ange en fil som slutar på .xlsx eller .csv.", file=sys.stderr)
        return 2
    kommun = normalise_code(args.kommun) if args.kommun else None
    rows = services.long_rows(store, kommun=kommun or args.kommun, year=args.year,
                              area=args.area, group=args.group)
    write_long(rows, target)
    print(f"{len(rows)} rader skrivna till {target}.", file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nki-desktop",
        description="NKI Desktop – följ Insikt/NKI för din kommun. Utan kommando öppnas "
                    "fönstret.")
    parser.add_argument("--version", action="version", version=f"NKI Desktop {__version__}")
    parser.add_argument("--db", metavar="PATH", help="databasfil (standard: användarens "
                        "datamapp; NKI_DATA_DIR ändrar den)")
    parser.add_argument("--self-test", action="store_true", help="kontrollera att "
                        "installationen är hel (tillfällig databas, import, rapporter)")
    parser.add_argument("--self-test-partial", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    p = sub.add_parser("data", help="skriv ut lagrade värden i långt format")
    p.add_argument("--kommun", metavar="KOD", help="kommunkod (4 siffror) eller 'riket'")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår")
    p.add_argument("--area", metavar="OMRÅDE", help="områdesnyckel, t.ex. bygglov eller total")
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

    for register in _EXTENSIONS:
        register(sub)
    for command in sub.choices.values():  # --db also after the command
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                             help="databasfil (som --db före kommandot)")
    return parser


# Modules that add commands (import, report, export, …) register here.
_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = [
    import_cli.register,
    register_report,
    respondent_service.register,
    register_kolada,
]


def run(argv: list[str], out: TextIO | None = None) -> int:
    """Run a command line; returns the exit status (0 ok, 2 rejected input)."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test or args.self_test_partial:
        from nki_desktop.selftest import run_self_test

        return run_self_test(out, partial=args.self_test_partial or None)
    if not getattr(args, "func", None):
        parser.print_help(out)
        return 0
    store = services.open_store(args.db)
    try:
        return int(args.func(args, store, out))
    finally:
        store.close()
