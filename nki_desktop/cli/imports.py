"""Commands ``import FILE…`` (every kind of file, respondent files included; alias
``import-respondents``), ``mappings`` (remembered column mappings) and ``template OUT.xlsx``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.kolada import kpi_from_target
from nki_desktop.importers.base import ImportOptions, MappingRequest, column_letter
from nki_desktop.importers.template import write_template
from nki_desktop.services import imports
from nki_desktop.services.mappings import remembered_mappings
from nki_desktop.storage import Store


def _summary(outcome: imports.FileOutcome, out: TextIO) -> None:
    batch = outcome.batch
    if batch is None:
        return
    years = ", ".join(str(y) for y in batch.years) or "–"
    kommuner = len({o.unit for o in batch.observations if o.unit.isdigit()})
    print(
        f"  Typ: {imports.publication_label(batch.publication)} ({outcome.kind}); "
        f"år: {years}; kommuner: {kommuner}; värden: {len(batch.observations)}",
        file=out,
    )
    if batch.name_matches:
        print(
            f"  Kommunnamn som inte stod som i kommunlistan ({len(batch.name_matches)}):",
            file=out,
        )
        for match in batch.name_matches:
            print(f"    {match.text} ({match.how_text})", file=out)
    if batch.respondents:
        print(f"  {batch.description}", file=out)
    for note in batch.notes:
        print(f"  {note}", file=out)
    if batch.skipped:
        print(f"  Hoppade över {len(batch.skipped)} rader:", file=out)
        for skip in batch.skipped[:20]:
            where = f"{skip.sheet} rad {skip.row}" if skip.row else skip.sheet
            print(
                f"    {where}: {skip.reason}" + (f" ({skip.text[:60]})" if skip.text else ""),
                file=out,
            )
        if len(batch.skipped) > 20:
            print(f"    … och {len(batch.skipped) - 20} till", file=out)


def _targets_text(targets: list[str]) -> str:
    """The targets in short: plain keys as they are, composite keys by their parts."""
    plain = [t for t in targets if ":" not in t and not t.startswith("background")]
    text = ", ".join(plain)
    for size, names in ((3, ("OMRÅDE", "FAKTOR", "MÅTT")), (2, ("OMRÅDE", "FAKTOR"))):
        split = [
            t.split(":")
            for t in targets
            if t.count(":") == size - 1 and not t.startswith("background")
        ]
        if not split:
            continue
        parts = [list(dict.fromkeys(s[i] for s in split)) for i in range(size)]
        text += (
            (", " if text else "")
            + ":".join(names)
            + " där "
            + "; ".join(
                f"{name} är {', '.join(values)}" for name, values in zip(names, parts, strict=True)
            )
        )
    if any(t.startswith("background:") for t in targets):
        text += ", background:<namn>"
    return text


def _explain_mapping(request: MappingRequest, err: TextIO) -> None:
    """The columns as the program read them and how to assign them with --map."""
    for col, header in enumerate(request.headers):
        guess = request.initial.get(col, "?")
        print(f"  {column_letter(col):>3}  {header[:40]!r:42}  {guess}", file=err)
    print(
        "Ange kolumnerna med --map KOLUMN=MÅL (kolumnen som bokstav, nummer eller rubrik), "
        f"t.ex. --map F=information. Mål: {_targets_text([k for k, _ in request.targets])}.",
        file=err,
    )


def _kpi_targets(args: argparse.Namespace) -> dict[str, str] | None:
    """``--kpi ID=area:factor[:measure]`` as a dict; None (after a message) when one is wrong."""
    targets: dict[str, str] = {}
    for statement in getattr(args, "kpi", None) or []:
        kpi_id, _, target = statement.partition("=")
        if not kpi_id.strip() or kpi_from_target(kpi_id, target) is None:
            print(
                f"Okänt --kpi '{statement}'. Skriv ID=område:faktor, t.ex. "
                "U07451=total:nki, U07551=total:nki:antal_svar eller "
                "U07552=total:nki:svarsfrekvens.",
                file=sys.stderr,
            )
            return None
        targets[kpi_id.strip().upper()] = target.strip()
    return targets


def _options(
    args: argparse.Namespace, kommun: str | None, kpi_targets: dict[str, str] | None = None
) -> ImportOptions:
    return ImportOptions(
        year=args.year,
        kommun=kommun,
        kind=args.kind,
        sheet=args.sheet,
        factor_scale=args.factor_scale,
        nki_rule=args.nki_rule,
        kpi_targets=kpi_targets or {},
    )


def cmd_import(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    kpi_targets = _kpi_targets(args)
    if kpi_targets is None:
        return 2
    options = _options(args, kommun, kpi_targets)
    rejected = 0
    for path in args.files:
        result = (
            imports.preview_with_map(store, path, options, args.map)
            if args.map
            else imports.preview(store, path, options)
        )
        outcome = imports.dry_run_outcome(result) if args.dry_run else imports.commit(store, result)
        if outcome.ok:
            print(f"{'Provkörd' if args.dry_run else 'Importerad'}: {path}", file=out)
            _summary(outcome, out)
            print(f"  {outcome.message}", file=out)
        else:
            rejected += 1
            print(f"Avvisad: {path}\n  {outcome.message}", file=sys.stderr)
            if outcome.mapping_request is not None:
                _explain_mapping(outcome.mapping_request, sys.stderr)
    if len(args.files) > 1:
        print(
            f"{len(args.files) - rejected} av {len(args.files)} filer "
            f"{'godkända' if args.dry_run else 'importerade'}.",
            file=out,
        )
    return 2 if rejected else 0


def cmd_mappings(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.clear is not None or args.all:
        if args.all:
            args.clear = "all"
        elif args.clear == "":
            print(
                "Ange vilken koppling som ska glömmas (ID från nki-desktop mappings) eller --all.",
                file=sys.stderr,
            )
            return 2
        removed = store.clear_mappings(None if args.clear == "all" else args.clear)
        if not removed and args.clear != "all":
            print(
                f"Ingen sparad koppling har ID {args.clear} (eller flera börjar så).",
                file=sys.stderr,
            )
            return 2
        print(
            f"{removed} sparade kopplingar glömda."
            if removed != 1
            else "Den sparade kopplingen är glömd.",
            file=out,
        )
        return 0
    mappings = remembered_mappings(store)
    if not mappings:
        print("Inga sparade kolumnkopplingar.", file=out)
        return 0
    print(f"{'ID':12}  {'Sparad':19}  {'Typ':10}  Kolumner", file=out)
    for m in mappings:
        columns = ", ".join(
            f"{column_letter(c)}={t}" for c, t in sorted(m.columns.items()) if t != "ignore"
        )
        print(f"{m.signature[:12]:12}  {m.updated_at:19}  {m.kind:10}  {columns}", file=out)
    print("Glöm en koppling: nki-desktop mappings --clear ID (eller --all).", file=out)
    return 0


def cmd_template(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    path = write_template(args.out)
    print(
        f"Mallen är sparad: {path}. Fyll i bladet Data och importera med "
        f"nki-desktop import {path.name}",
        file=out,
    )
    return 0


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="visa vad som skulle importeras")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår om filen inte anger det")
    p.add_argument("--kommun", metavar="KOD", help="kommunkod när filen inte anger kommun")
    p.add_argument(
        "--kpi",
        action="append",
        metavar="ID=MÅL",
        help="vad ett Kolada-nyckeltal mäter, t.ex. U07451=total:nki eller "
        "U07551=total:nki:antal_svar (kan upprepas)",
    )
    p.add_argument("--sheet", metavar="BLAD", help="bladet att läsa")
    p.add_argument(
        "--map",
        action="append",
        metavar="KOLUMN=MÅL",
        default=[],
        help="koppla en kolumn (bokstav, nummer eller rubrik) till ett mål, t.ex. "
        'F=information eller "Värde A=bygglov:nki:value" (kan upprepas; '
        "kopplingen sparas för filer med samma upplägg)",
    )
    p.add_argument(
        "--factor-scale",
        metavar="SKALA",
        help="svarsdata: faktorfrågornas skala, 1-6 eller 1-10 (standard: läses ur data)",
    )
    p.add_argument(
        "--nki-rule",
        choices=("all", "two"),
        help="svarsdata: NKI kräver alla tre frågor (all, standard) eller minst två (two)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import", help="importera filer (ÖJ, Kolada, egna resultat, svarsdata, mallen)"
    )
    p.add_argument("files", nargs="+", metavar="FIL")
    p.add_argument(
        "--kind",
        choices=("oj", "kolada", "own", "template", "respondent"),
        help="filens typ, om programmet inte ska avgöra den",
    )
    _import_arguments(p)
    p.set_defaults(func=cmd_import)
    p = sub.add_parser(
        "import-respondents",
        help="importera svarsdata (en rad per besvarad enkät); samma som import --kind respondent",
    )
    p.add_argument("files", nargs="+", metavar="FIL")
    _import_arguments(p)
    p.set_defaults(func=cmd_import, kind="respondent")
    p = sub.add_parser("mappings", help="lista eller glöm sparade kolumnkopplingar")
    p.add_argument(
        "--clear",
        nargs="?",
        const="",
        metavar="ID",
        help="glöm kopplingen med detta ID (de första tecknen räcker)",
    )
    p.add_argument("--all", action="store_true", help="med --clear: glöm alla kopplingar")
    p.set_defaults(func=cmd_mappings)
    p = sub.add_parser("template", help="spara importmallen (långt format) som .xlsx")
    p.add_argument("out", metavar="UT.xlsx")
    p.set_defaults(func=cmd_template)
