"""``nki-desktop similar``: the kommuner most like min kommun on chosen criteria, with their
distance and the figures side by side (csv or json; the method goes with json)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, TextIO

from nki_desktop.analysis.similar import DEFAULT_COUNT, SimilarResult
from nki_desktop.analysis.similar_criteria import CriteriaError
from nki_desktop.analysis.similar_text import method_text
from nki_desktop.cli.args import kommun_option
from nki_desktop.domain.areas import group_key
from nki_desktop.domain.text import formula_safe
from nki_desktop.services import similar as svc
from nki_desktop.storage import Store


def _plain(value: Any) -> Any:
    return round(value, 6) if isinstance(value, float) else value


def records(result: SimilarResult, names: dict[str, str]) -> list[dict[str, Any]]:
    """One record per close kommun: rank, code, name, distance, criteria used, then each
    criterion's value and difference (``KEY`` and ``KEY:diff``)."""
    out = []
    for rank, match in enumerate(result.matches, 1):
        d = match.distance
        rec: dict[str, Any] = {
            "rank": rank,
            "unit": match.unit,
            "name": names.get(match.unit, match.unit),
            "distance": _plain(d.value),
            "criteria_used": d.used,
            "criteria_total": d.total,
        }
        for part in d.parts:
            rec[part.key] = _plain(part.other)
            rec[f"{part.key}:diff"] = _plain(part.difference)
        out.append(rec)
    return out


def cmd_similar(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    kommun = kommun_option(args.kommun, store.catalogue)
    if not kommun:
        return 2
    group = group_key(args.group) or args.group
    if args.n < 1:
        print("--n måste vara minst 1.", file=sys.stderr)
        return 2
    if not 0 <= args.min_coverage <= 1:
        print("--min-coverage är en andel mellan 0 och 1 (till exempel 0.5).", file=sys.stderr)
        return 2
    try:
        result = svc.find_similar(
            store, kommun, args.on, args.weights, args.n, group, args.min_coverage
        )
    except CriteriaError as error:
        print(str(error), file=sys.stderr)
        return 2
    names = svc.kommun_names(store)
    rows = records(result, names)
    if args.format == "json":
        doc = {
            "kommun": kommun,
            "name": names.get(kommun, kommun),
            "group": group,
            "criteria": [
                {"key": c.key, "label": c.label, "weight": w}
                for c, w in zip(result.criteria, result.weights, strict=True)
            ],
            "own": {k: _plain(v) for k, v in result.own.items()},
            "left_out": result.dropped + result.unusable,
            "compared": result.candidates,
            "not_comparable": result.not_ranked,
            "closest": rows,
            "method": method_text(result, names),
        }
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    columns = ["rank", "unit", "name", "distance", "criteria_used", "criteria_total"]
    for c in result.criteria:
        columns += [c.key, f"{c.key}:diff"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for rec in rows:
        writer.writerow(
            ["" if rec.get(c) is None else formula_safe(str(rec.get(c))) for c in columns]
        )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "similar",
        help="de kommuner som är mest lika min kommun (befolkning, kommungrupp, resultat)",
        description=(
            "Avstånd = viktat medel av standardiserade skillnader (|z|) över kriterierna; "
            "kommungrupp och län ger 0 om lika, annars 1. Kriterier: population, kommungrupp, "
            "lan, OMRÅDE:FAKTOR[@ÅR|@ÅR-ÅR] (total:nki, bygglov:nki@2021-2023, "
            "total:bemotande). Utan --on: population,kommungrupp,total:nki (senaste året)."
        ),
    )
    p.add_argument("--kommun", required=True, metavar="KOD", help="min kommun (kommunkod)")
    p.add_argument(
        "--n", type=int, default=DEFAULT_COUNT, help=f"antal kommuner (standard {DEFAULT_COUNT})"
    )
    p.add_argument("--on", metavar="LISTA", help="kriterier, kommaseparerade")
    p.add_argument(
        "--weights",
        metavar="LISTA",
        help="en vikt per kriterium i samma ordning, t.ex. 1,1,2 (standard: lika vikter)",
    )
    p.add_argument("--group", default="foretag", help="svarsgrupp (standard foretag)")
    p.add_argument(
        "--min-coverage",
        type=float,
        default=1.0,
        metavar="ANDEL",
        help="minsta andel av vikten en kommun måste ha värden för (standard 1 = alla)",
    )
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(func=cmd_similar)
