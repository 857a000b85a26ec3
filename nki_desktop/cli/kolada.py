"""Commands ``nki-desktop kolada fetch`` and ``nki-desktop kolada kpis``.

``fetch`` asks Kolada's API (only when run) and stores the answer as one import; exit 0 when
stored (or nothing new), 2 when refused or failed, with nothing changed.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TextIO

from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.areas import area_label, factor_label
from nki_desktop.domain.kolada import ANSWERS, KOLADA_KPIS, RESPONSE_RATE
from nki_desktop.kolada.client import FetchCancelled, KoladaError
from nki_desktop.services import kolada_fetch
from nki_desktop.storage import Store

_MEASURE = {ANSWERS: "antal svar", RESPONSE_RATE: "svarsfrekvens (%)"}


def parse_years(text: str) -> list[int]:
    """``2016-2024``, ``2016–2024``, ``2019,2021`` or ``2022`` → years; ValueError if not."""
    years: set[int] = set()
    for part in text.replace(" ", "").split(","):
        match = re.fullmatch(r"(\d{4})(?:[-–](\d{4}))?", part)
        if not match:
            raise ValueError(part)
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if last < first or not 2000 <= first <= 2100 or not 2000 <= last <= 2100:
            raise ValueError(part)
        years.update(range(first, last + 1))
    return sorted(years)


def cmd_fetch(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    settings = kolada_fetch.read_settings(args.url)
    if not settings.allowed:
        print(
            "Hämtning från internet är avstängd i inställningarna (Tillåt hämtning från "
            "internet). Inget hämtades.",
            file=sys.stderr,
        )
        return 2
    try:
        years = parse_years(args.years) if args.years else []
    except ValueError:
        print(
            f"Ogiltiga år: {args.years}. Skriv till exempel --years 2016-2024 eller "
            "--years 2019,2021.",
            file=sys.stderr,
        )
        return 2
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    request = kolada_fetch.FetchRequest(
        years, kommun, settings.base_url, args.proxy or settings.proxy
    )
    print(f"Hämtar från {settings.base_url} …", file=out)

    def progress(done: int, total: int, text: str) -> None:
        if args.verbose:
            print(f"  [{done}/{total}] {text}", file=out)

    try:
        fetched = kolada_fetch.fetch(store, request, progress=progress)
    except KoladaError as error:
        print(f"Hämtningen misslyckades: {error}", file=sys.stderr)
        return 2
    except FetchCancelled:
        print("Hämtningen avbröts. Inget sparades.", file=sys.stderr)
        return 2
    preview = fetched.preview
    print(
        f"  År: {', '.join(str(y) for y in preview.years) or '–'}; kommuner: "
        f"{preview.kommuner}{' och Riket' if preview.riket else ''}; värden: "
        f"{preview.values}, saknade: {preview.missing}",
        file=out,
    )
    for note in fetched.unit_notes:
        print(f"  Obs: {note}", file=out)
    for skip in preview.skipped[:10]:
        where = f"rad {skip.row}: " if skip.row else ""
        print(
            f"  Sparas inte: {where}{skip.reason}" + (f" ({skip.text})" if skip.text else ""),
            file=out,
        )
    if len(preview.skipped) > 10:
        print(f"  … och {len(preview.skipped) - 10} till", file=out)
    if fetched.revision_text:
        print(f"  {fetched.revision_text}", file=out)
    if preview.problem:
        print(f"Inget sparades: {preview.problem}", file=sys.stderr)
        return 2
    if preview.duplicate:
        print(f"  {preview.duplicate}", file=out)
        return 0
    if args.dry_run:
        print(
            f"Provkörning: {len(preview.batch.observations) if preview.batch else 0} värden "
            "skulle sparas. Inget sparades.",
            file=out,
        )
        return 0
    result = kolada_fetch.save(store, fetched)
    print(result.message, file=out)
    return 0


def cmd_kpis(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    print("Nyckeltal från Kolada som programmet känner (Källa: Kolada):", file=out)
    for kpi in sorted(KOLADA_KPIS.values(), key=lambda k: k.id):
        target = f"{area_label(kpi.area)} – {factor_label(kpi.factor)}"
        if kpi.measure in _MEASURE:
            target += f", {_MEASURE[kpi.measure]}"
        if kpi.definition:
            target += ", ny definition" if kpi.definition == "new" else ", gammal definition"
        if kpi.first_year:
            target += f", från {kpi.first_year}"
        print(f"{kpi.id}  {kpi.title}\n        → {target} ({kpi.target})", file=out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("kolada", help="hämta Insikt-nyckeltal från Koladas öppna API")
    commands = group.add_subparsers(dest="kolada_command", metavar="KOMMANDO", required=True)
    p = commands.add_parser(
        "fetch",
        help="hämta och spara som en import (bara när du ber om det; ångras som andra importer)",
    )
    p.add_argument(
        "--years", metavar="ÅR", help="t.ex. 2016-2024 eller 2019,2021 (standard: alla år)"
    )
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--kommun", metavar="KOD", help="min kommun med län och kommungrupp")
    scope.add_argument("--all", action="store_true", help="alla kommuner (standard)")
    p.add_argument("--dry-run", action="store_true", help="hämta och visa, spara inget")
    p.add_argument(
        "--url",
        metavar="BAS",
        help="API:ets adress (standard: inställningen, "
        "NKI_KOLADA_URL eller https://api.kolada.se/v3)",
    )
    p.add_argument("--proxy", metavar="URL", help="proxy, t.ex. http://proxy.kommun.se:8080")
    p.add_argument("--verbose", action="store_true", help="visa varje fråga")
    p.set_defaults(func=cmd_fetch)
    p = commands.add_parser("kpis", help="lista nyckeltalen programmet känner och vart de går")
    p.set_defaults(func=cmd_kpis)
    for command in (commands.choices["fetch"], commands.choices["kpis"]):
        command.add_argument(
            "--db",
            metavar="PATH",
            default=argparse.SUPPRESS,
            help="databasfil (som --db före kommandot)",
        )
