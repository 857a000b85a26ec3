"""``nki-desktop report``: the board summary from the command line (one kommun, or every
kommun of a län into a folder). Qt is imported only when a PDF is written."""

from __future__ import annotations

import argparse
import datetime as dt
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


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip()


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
    if args.kommun:
        code = normalise_code(args.kommun) or args.kommun
        if catalogue.get(code) is None:
            print(f"Okänd kommunkod: {args.kommun}", file=sys.stderr)
            return 2
        if not args.pdf and not args.xlsx:
            print("Ange --pdf FIL och/eller --xlsx FIL.", file=sys.stderr)
            return 2
        jobs = [
            (code, Path(args.pdf) if args.pdf else None, Path(args.xlsx) if args.xlsx else None)
        ]
    else:
        lan = str(args.lan).zfill(2)
        members = catalogue.in_lan(lan)
        if not members:
            print(f"Okänd länskod: {args.lan}", file=sys.stderr)
            return 2
        folder = Path(args.out or ".")
        folder.mkdir(parents=True, exist_ok=True)
        jobs = [
            (
                k.code,
                folder / f"{k.code} {_safe(k.name)} NKI {year}.pdf",
                folder / f"{k.code} {_safe(k.name)} NKI {year}.xlsx",
            )
            for k in members
        ]
    if any(pdf for _c, pdf, _x in jobs):
        from nki_desktop.reports.qt_env import ensure_app

        ensure_app()
    written = 0
    if args.lan:  # every kommun reads the same year: one query, filtered per kommun
        from nki_desktop.analysis.value_cache import YearValueCache

        store = YearValueCache(store)  # type: ignore[assignment]
    for number, (code, pdf, xlsx) in enumerate(jobs, 1):
        if args.lan:  # progress line: which kommun of how many
            print(f"[{number}/{len(jobs)}] {code} {catalogue.name_of(code)}", file=out, flush=True)
        try:
            data = gather(store, code, year, group, **_similar_group(args, store, code, group))
        except ReportDataError as exc:
            print(f"Hoppar över: {exc}", file=out if args.lan else sys.stderr)
            if args.kommun:
                return 2
            continue
        if pdf:
            from nki_desktop.reports.pdf import write_pdf

            write_pdf(data, pdf, options)
            print(f"Skrev {pdf}", file=out)
        if xlsx:
            from nki_desktop.reports.excel import write_xlsx

            write_xlsx(data, xlsx, options)
            print(f"Skrev {xlsx}", file=out)
        written += 1
    if args.lan:
        print(f"{written} av {len(jobs)} kommuner fick en rapport ({year}).", file=out)
    return 0 if written else 2
