"""``nki-desktop map``: the map of Sweden for a year, area, index and respondent group as
PNG, SVG or a one-page PDF. Qt is imported only when the file is drawn."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from nki_desktop.analysis.map_data import GRADE, MODES, RANK, load_map_data
from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    FACTOR_BY_KEY,
    area_key,
    factor_key,
    group_key,
    index_factor,
)
from nki_desktop.storage import Store

SUFFIXES = (".png", ".svg", ".pdf")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("map", help="rita Sverigekartan (PNG, SVG eller PDF)")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="ärendeår")
    p.add_argument("--area", default="total", metavar="OMRÅDE", help="område (standard: total)")
    p.add_argument("--factor", metavar="INDEX", help="index (standard: nki, nui för upphandling)")
    p.add_argument(
        "--group", default="foretag", metavar="GRUPP", help="svarsgrupp (standard: foretag)"
    )
    p.add_argument("--lan", metavar="KOD", help="zooma till ett län (2 siffror)")
    p.add_argument(
        "--show",
        choices=(GRADE, RANK),
        default=GRADE,
        help=f"färg efter {GRADE} ({MODES[GRADE].lower()}) eller {RANK} ({MODES[RANK].lower()})",
    )
    p.add_argument("--kommun", metavar="KOD", help="min kommun, ritas med tjock kant")
    p.add_argument("--out", required=True, metavar="FIL", help="FIL.png, FIL.svg eller FIL.pdf")
    p.set_defaults(func=cmd_map)


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


def cmd_map(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    path = Path(args.out)
    if path.suffix.lower() not in SUFFIXES:
        return _fail(f"Ange en fil som slutar på .png, .svg eller .pdf (fick {args.out}).")
    area = args.area if args.area in AREA_BY_KEY else area_key(args.area)
    if area is None:
        return _fail(f"Okänt område: {args.area}. Välj bland: {', '.join(AREA_BY_KEY)}")
    factor = index_factor(area)
    if args.factor:
        found = args.factor if args.factor in FACTOR_BY_KEY else factor_key(args.factor)
        if found is None:
            return _fail(f"Okänt index: {args.factor}. Välj bland: {', '.join(FACTOR_BY_KEY)}")
        factor = found
    group = group_key(args.group) or args.group
    if args.year not in store.years(group):
        years = ", ".join(str(y) for y in store.years(group)) or "inga"
        return _fail(f"Inga lagrade värden för {args.year} ({args.group}). År med värden: {years}")
    lan = None
    if args.lan:
        lan = str(args.lan).zfill(2)
        if lan not in store.catalogue.lan_names():
            return _fail(f"Okänd länskod: {args.lan}")
    mine = kommun_option(args.kommun, store.catalogue)
    if mine == UNKNOWN:
        return 2
    data = load_map_data(store, args.year, area, factor, group, args.show, mine or "")
    if not any(e.value is not None for e in data.entries.values()):
        return _fail(f"{data.title}: inga kommuner har värde. Välj ett annat år eller index.")
    from nki_desktop.reports.qt_env import ensure_app, family

    ensure_app()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".pdf":
        from nki_desktop.reports.map_page import write_map_pdf

        write_map_pdf(data, path, lan)
    else:
        from nki_desktop.charts.map import save_map

        save_map(data, path, lan, font_family=family())
    shown = sum(c.count for c in data.classes)
    print(f"Skrev {path} ({data.title}; {shown} kommuner med värde)", file=out)
    return 0
