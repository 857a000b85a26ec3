"""``nki-desktop report``: the board summary from the command line (one kommun, or every
kommun of a län into a folder). Qt is imported only when a PDF is written."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from nki_desktop.domain.areas import group_key
from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.storage import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="skriv rapport för nämnden som PDF och/eller Excel")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--kommun", metavar="KOD", help="kommunkod (4 siffror)")
    who.add_argument("--lan", metavar="KOD", help="länskod (2 siffror): en rapport per kommun")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår (standard: senaste)")
    p.add_argument(
        "--group", default="foretag", metavar="GRUPP", help="svarsgrupp (standard: foretag)"
    )
    p.add_argument("--pdf", metavar="FIL", help="PDF-fil att skriva (med --kommun)")
    p.add_argument("--xlsx", metavar="FIL", help="Excel-fil att skriva (med --kommun)")
    p.add_argument("--out", metavar="MAPP", help="mapp för rapporterna (med --lan)")
    p.add_argument(
        "--sections", metavar="LISTA", help="avsnitt, kommaseparerade: " + ",".join(SECTIONS)
    )
    p.add_argument("--logo", metavar="BILD", help="logotyp i sidhuvudet (PNG/JPG)")
    p.add_argument(
        "--similar",
        nargs="?",
        const="",
        metavar="KRITERIER",
        help="jämför med de mest lika kommunerna (som 'similar --on'; utan värde: "
        "population,kommungrupp,total:nki); metoden skrivs i rapporten",
    )
    p.add_argument("--similar-weights", metavar="LISTA", help="vikter till --similar")
    p.add_argument("--similar-n", type=int, default=7, metavar="N", help="antal (standard 7)")
    p.set_defaults(func=cmd_report)


def _similar_group(
    args: argparse.Namespace, store: Store, kommun: str, group: str
) -> dict[str, Any]:
    """``--similar``: the kommun's closest kommuner as the comparison group, with the method
    note for the report (nothing without ``--similar``)."""
    if args.similar is None:
        return {}
    from nki_desktop.analysis.similar_text import method_note
    from nki_desktop.services.similar import find_similar, kommun_names

    result = find_similar(
        store, kommun, args.similar or None, args.similar_weights, args.similar_n, group
    )
    note = method_note(result, kommun_names(store), dt.date.today().isoformat())
    return {"compare_units": result.units, "comparison_note": note}


def cmd_report(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    from nki_desktop.analysis.report_data import ReportDataError, gather

    group = group_key(args.group) or args.group
    years = store.years(group)
    if not years:
        print(
            "Det finns inga lagrade värden. Importera filer eller kör: nki-desktop sample-data",
            file=sys.stderr,
        )
        return 2
    year = args.year or years[-1]
    options = ReportOptions(logo_path=args.logo)
    if args.sections:
        chosen = tuple(s.strip() for s in args.sections.split(",") if s.strip())
        unknown = [s for s in chosen if s not in SECTIONS]
        if unknown:
            print(
                f"Okända avsnitt: {', '.join(unknown)}. Välj bland: {', '.join(SECTIONS)}",
                file=sys.stderr,
            )
            return 2
        options.sections = chosen
    catalogue = store.catalogue
    if args.similar is not None:
        from nki_desktop.analysis.similar_criteria import CriteriaError, parse_weights
        from nki_desktop.services.similar import criteria_for

        try:
            parse_weights(args.similar_weights, len(criteria_for(store, args.similar, group)))
        except CriteriaError as error:
            print(str(error), file=sys.stderr)
            return 2
    if args.lan:
        return _report_lan(args, store, out, year, group, options)
    code = normalise_code(args.kommun) or args.kommun
    if catalogue.get(code) is None:
        print(f"Okänd kommunkod: {args.kommun}", file=sys.stderr)
        return 2
    if not args.pdf and not args.xlsx:
        print("Ange --pdf FIL och/eller --xlsx FIL.", file=sys.stderr)
        return 2
    try:
        data = gather(store, code, year, group, **_similar_group(args, store, code, group))
    except ReportDataError as exc:
        print(f"Hoppar över: {exc}", file=sys.stderr)
        return 2
    if args.pdf:
        from nki_desktop.reports.pdf import write_pdf
        from nki_desktop.reports.qt_env import ensure_app

        ensure_app()
        write_pdf(data, Path(args.pdf), options)
        print(f"Skrev {args.pdf}", file=out)
    if args.xlsx:
        from nki_desktop.reports.excel import write_xlsx

        write_xlsx(data, Path(args.xlsx), options)
        print(f"Skrev {args.xlsx}", file=out)
    return 0


def _report_lan(
    args: argparse.Namespace,
    store: Store,
    out: TextIO,
    year: int,
    group: str,
    options: ReportOptions,
) -> int:
    """Every kommun of a län into a folder, with a progress line per kommun."""
    from nki_desktop.services.lan_reports import LanJob, plan, write_reports

    jobs = plan(store.catalogue, str(args.lan), year, Path(args.out or "."))
    if not jobs:
        print(f"Okänd länskod: {args.lan}", file=sys.stderr)
        return 2

    def progress(number: int, total: int, job: LanJob) -> None:  # which kommun of how many
        print(f"[{number}/{total}] {job.code} {job.name}", file=out, flush=True)

    two_cores = (os.cpu_count() or 1) > 1  # workbooks in a second process beside the PDFs
    result = write_reports(
        store,
        jobs,
        year,
        group,
        options,
        progress=progress,
        workbooks_apart=two_cores,
        gather_options=lambda values, code: _similar_group(args, values, code, group),
    )
    for _code, reason in result.skipped:
        print(f"Hoppar över: {reason}", file=out)
    print(result.summary(), file=out)
    return 0 if result.reported else 2
