"""Commands ``nki-desktop import FILE...`` and ``nki-desktop template OUT.xlsx``."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from nki_desktop import importing
from nki_desktop.domain.kolada import kpi_from_target
from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.importers.base import ImportOptions
from nki_desktop.importers.template import write_template
from nki_desktop.storage import Store


def _summary(outcome: importing.FileOutcome, out: TextIO) -> None:
    batch = outcome.batch
    if batch is None:
        return
    years = ", ".join(str(y) for y in batch.years) or "–"
    kommuner = len({o.unit for o in batch.observations if o.unit.isdigit()})
    print(f"  Typ: {importing.publication_label(batch.publication)} ({outcome.kind}); "
          f"år: {years}; kommuner: {kommuner}; värden: {len(batch.observations)}", file=out)
    if batch.name_matches:
        print(f"  Kommunnamn som inte stod som i kommunlistan ({len(batch.name_matches)}):",
              file=out)
        for match in batch.name_matches:
            print(f"    {match.text} ({match.how_text})", file=out)
    if batch.skipped:
        print(f"  Hoppade över {len(batch.skipped)} rader:", file=out)
        for skip in batch.skipped[:20]:
            where = f"{skip.sheet} rad {skip.row}" if skip.row else skip.sheet
            print(f"    {where}: {skip.reason}" + (f" ({skip.text[:60]})" if skip.text else ""),
                  file=out)
        if len(batch.skipped) > 20:
            print(f"    … och {len(batch.skipped) - 20} till", file=out)


def cmd_import(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = None
    if args.kommun:
        kommun = normalise_code(args.kommun)
        if kommun is None or store.catalogue.get(kommun) is None:
            print(f"Okänd kommunkod: {args.kommun}", file=sys.stderr)
            return 2
    kpi_targets: dict[str, str] = {}
    for statement in args.kpi or []:
        kpi_id, _, target = statement.partition("=")
        if not kpi_id.strip() or kpi_from_target(kpi_id, target) is None:
            print(f"Okänt --kpi '{statement}'. Skriv ID=område:faktor, t.ex. "
                  "U07451=total:nki, U07551=total:nki:antal_svar eller "
                  "U07552=total:nki:svarsfrekvens.", file=sys.stderr)
            return 2
        kpi_targets[kpi_id.strip().upper()] = target.strip()
    options = ImportOptions(year=args.year, kommun=kommun, kpi_targets=kpi_targets)
    rejected = 0
    for path in args.files:
        outcome = importing.import_file(store, path, options, dry_run=args.dry_run)
        if outcome.ok:
            print(f"{'Provkörd' if args.dry_run else 'Importerad'}: {path}", file=out)
            _summary(outcome, out)
            print(f"  {outcome.message}", file=out)
        else:
            rejected += 1
            print(f"Avvisad: {path}\n  {outcome.message}", file=sys.stderr)
    if len(args.files) > 1:
        print(f"{len(args.files) - rejected} av {len(args.files)} filer "
              f"{'godkända' if args.dry_run else 'importerade'}.", file=out)
    return 2 if rejected else 0


def cmd_template(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    path = write_template(args.out)
    print(f"Mallen är sparad: {path}. Fyll i bladet Data och importera med "
          f"nki-desktop import {path.name}", file=out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="importera filer (ÖJ, Kolada, egna resultat, mallen)")
    p.add_argument("files", nargs="+", metavar="FIL")
    p.add_argument("--dry-run", action="store_true", help="visa vad som skulle importeras")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår om filen inte anger det")
    p.add_argument("--kommun", metavar="KOD", help="kommunkod för en kommuns egna resultat")
    p.add_argument("--kpi", action="append", metavar="ID=MÅL",
                   help="vad ett Kolada-nyckeltal mäter, t.ex. U07451=total:nki eller "
                        "U07551=total:nki:antal_svar (kan upprepas)")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("template", help="spara importmallen (långt format) som .xlsx")
    p.add_argument("out", metavar="UT.xlsx")
    p.set_defaults(func=cmd_template)
