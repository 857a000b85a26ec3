"""``nki-desktop goals add|edit|list|remove|restore|tolerance``: the kommun's own goals and their
status per year (uppnått / nära / ej uppnått / inget utfall)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import TextIO

from nki_desktop.analysis.goal_rows import GOAL_COLUMNS
from nki_desktop.cli.args import UNKNOWN, kommun_option
from nki_desktop.domain.areas import area_key, factor_key, group_key
from nki_desktop.domain.goals import KOLADA_NOTE, Goal, GoalInputError
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.text import formula_safe
from nki_desktop.services import goals as svc
from nki_desktop.storage import Store

Command = Callable[[argparse.Namespace, Store, TextIO], int]


def _key(text: str | None, lookup: Callable[[str], str | None], what: str) -> str | None:
    if text is None:
        return None
    key = lookup(text)
    if key is None:
        raise GoalInputError(f"Okänt {what}: {text}.")
    return key


def cmd_add(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if not kommun:
        return 2
    goal = svc.add(
        store,
        kommun,
        area=_key(args.area, area_key, "område") or "total",
        factor=_key(args.factor, factor_key, "index"),
        group=_key(args.group, group_key, "svarsgrupp") or "foretag",
        target=args.target,
        direction=args.direction,
        rank=args.rank,
        from_year=args.from_year,
        source=args.source or "",
    )
    print(f"Mål {goal.id} sparat: {store.catalogue.name_of(kommun)} – {goal.text}", file=out)
    return 0


def _status_line(goal: Goal, reports: dict[int, svc.GoalReport]) -> str:
    report = reports.get(goal.id)
    if report is None or not report.outcomes:
        return "  inga ärendeår med värden ännu"
    return "\n".join(
        f"  {o.year}: {o.label:32} {fmt_index(o.value):>5}  {o.explanation}"
        for o in report.outcomes
    )


def cmd_list(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if kommun == UNKNOWN:
        return 2
    if args.deleted:
        gone = svc.deleted(store, kommun)
        if not gone:
            print("Papperskorgen är tom: inga borttagna mål.", file=out)
        for g in gone:
            print(f"{g.id:>4}  {g.kommun}  {g.text}  (borttaget {g.deleted_at})", file=out)
        return 0
    rows = svc.rows(store, kommun)
    if args.format == "json":
        json.dump([r.as_dict() for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([key for key, _label in GOAL_COLUMNS])
        for r in rows:
            writer.writerow(
                ["" if v is None else formula_safe(str(v)) for v in r.as_dict().values()]
            )
        return 0
    reports = {r.goal.id: r for r in svc.reports(store, kommun)}
    if not reports:
        print(
            "Inga mål ännu. Lägg till med: nki-desktop goals add --kommun KOD --target 75", file=out
        )
        return 0
    print(f"Tolerans för ”nära”: {svc.tolerance_text(store)}. {KOLADA_NOTE}", file=out)
    for report in reports.values():
        g = report.goal
        source = f" · källa: {g.source}" if g.source else ""
        print(
            f"\n{g.id:>4}  {g.kommun} {store.catalogue.name_of(g.kommun)}: {g.text}{source}",
            file=out,
        )
        print(_status_line(g, reports), file=out)
    return 0


def cmd_edit(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    changes: dict[str, object] = {}
    for kind, value in (
        ("target", args.target),
        ("direction", args.direction),
        ("rank", args.rank),
    ):
        if value is not None:
            changes.update(kind=kind, target=None, direction=None, rank=None)
            changes[kind] = value
    if args.from_year is not None:
        changes["from_year"] = args.from_year or None  # 0: every year
    if args.source is not None:
        changes["source"] = args.source
    if not changes:
        raise GoalInputError(
            "Ange vad som ska ändras: --target, --direction, --rank, --from eller --source."
        )
    goal = svc.edit(store, args.id, **changes)
    print(f"Mål {goal.id} ändrat: {goal.text}", file=out)
    return 0


def cmd_remove(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    goal = svc.remove(store, args.id)
    print(
        f"Mål {goal.id} borttaget ({goal.text}). Ångra med: nki-desktop goals restore {goal.id}",
        file=out,
    )
    return 0


def cmd_restore(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    goal = svc.restore(store, args.id)
    print(f"Mål {goal.id} återställt: {goal.text}", file=out)
    return 0


def cmd_tolerance(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    if args.points is not None:
        svc.set_tolerance(store, args.points)
    print(
        f"Tolerans för ”nära”: {svc.tolerance_text(store)} under målet räknas som nära.",
        file=out,
    )
    return 0


def _guarded(command: Command) -> Command:
    """Bad input to a goal becomes its Swedish message and exit status 2."""

    def run(args: argparse.Namespace, store: Store, out: TextIO) -> int:
        try:
            return int(command(args, store, out))
        except GoalInputError as exc:
            print(str(exc), file=sys.stderr)
            return 2

    return run


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget årtal, ange t.ex. 2024") from None


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' är inget tal, ange t.ex. 75 eller 74,5"
        ) from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är ingen placering, ange t.ex. 50") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("goals", help="kommunens mål för NKI och deras status per år")
    commands = parser.add_subparsers(dest="goals_command", metavar="DELKOMMANDO", required=True)
    add = commands.add_parser("add", help="lägg till ett mål")
    add.add_argument("--kommun", required=True, metavar="KOD", help="kommunkod (4 siffror)")
    add.add_argument("--area", metavar="OMRÅDE", help="område (standard total = NKI totalt)")
    add.add_argument("--factor", metavar="INDEX", help="nki (standard) eller ett serviceområde")
    add.add_argument("--group", metavar="GRUPP", help="svarsgrupp (standard foretag)")
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument("--target", type=_number, metavar="N", help="målvärde: minst N")
    kind.add_argument(
        "--direction", choices=("oka", "bibehalla"), help="öka eller bibehålla mot föregående år"
    )
    kind.add_argument("--rank", type=_whole, metavar="N", help="bland de N bästa i riket")
    add.add_argument("--from", dest="from_year", type=_year, metavar="ÅR", help="gäller från år")
    add.add_argument("--source", metavar="TEXT", help="var målet står, t.ex. en strategi")
    add.set_defaults(func=_guarded(cmd_add))
    edit = commands.add_parser("edit", help="ändra ett mål")
    edit.add_argument("id", type=_whole, metavar="ID")
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument("--target", type=_number, metavar="N", help="nytt målvärde: minst N")
    kind.add_argument("--direction", choices=("oka", "bibehalla"), help="ny riktning")
    kind.add_argument("--rank", type=_whole, metavar="N", help="ny placering: bland de N bästa")
    edit.add_argument("--from", dest="from_year", type=_year, metavar="ÅR", help="0 = alla år")
    edit.add_argument("--source", metavar="TEXT", help="ny källa")
    edit.set_defaults(func=_guarded(cmd_edit))
    listing = commands.add_parser("list", help="lista mål med status per år")
    listing.add_argument("--kommun", metavar="KOD", help="kommunkod")
    listing.add_argument("--format", choices=("text", "csv", "json"), default="text")
    listing.add_argument("--deleted", action="store_true", help="visa papperskorgen")
    listing.set_defaults(func=_guarded(cmd_list))
    for name, text, func in (
        ("remove", "ta bort ett mål (kan återställas)", cmd_remove),
        ("restore", "återställ ett borttaget mål", cmd_restore),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("id", type=_whole, metavar="ID")
        command.set_defaults(func=_guarded(func))
    tol = commands.add_parser("tolerance", help="visa eller ändra toleransen för ”nära”")
    tol.add_argument("points", nargs="?", type=_number, metavar="N", help="indexenheter, 0–10")
    tol.set_defaults(func=_guarded(cmd_tolerance))
