"""Importing a respondent file end to end (no Qt): read, map columns (remembered by file
shape), parse, compute the indices and store everything as one import.

The import screen does the same through the importer registry; this function serves the
command line, the tests and the benchmark.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from nki_desktop import importing
from nki_desktop.domain.municipalities import normalise_code
from nki_desktop.domain.records import ImportBatch, SaveResult
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    NeedsMapping,
    column_letter,
    read_workbook,
)
from nki_desktop.importers.respondent import RESPONDENT_IMPORTER, paused_gc
from nki_desktop.storage import Store


@dataclass
class RespondentImportResult:
    batch: ImportBatch
    saved: SaveResult

    @property
    def import_id(self) -> int | None:
        return self.saved.import_id


def import_respondent_file(store: Store, path: str | Path, options: ImportOptions | None = None,
                           progress: Callable[[int, int], None] | None = None
                           ) -> RespondentImportResult:
    """Import one respondent file; raises ImportProblem, or NeedsMapping when the columns
    need the user (a mapping given in ``options.mapping`` is remembered for the next file
    of the same shape)."""
    options = options or ImportOptions()
    with paused_gc():
        return _import(store, path, options, progress)


def _import(store: Store, path: str | Path, options: ImportOptions,
            progress: Callable[[int, int], None] | None) -> RespondentImportResult:
    # the shared path: read, remembered mapping, parse (importing.understand)
    given = dict(options.mapping) if options.mapping else None
    options = replace(options, settings=dict(options.settings, kind=RESPONDENT_IMPORTER.kind))
    workbook = read_workbook(path)  # once: parsing and the mapping's signature both need it
    _importer, batch, _layout = importing.understand(store, path, options, workbook)
    if given:
        store.save_mapping(RESPONDENT_IMPORTER.signature(workbook, options),
                           RESPONDENT_IMPORTER.kind, {str(k): v for k, v in given.items()})
    saved = store.save_import(batch, progress=progress)
    return RespondentImportResult(batch, saved)


# -- command line: nki-desktop import-respondents FILE ------------------------------------
def _column_index(text: str) -> int:
    """'F' → 5, '6' → 5 (1-based number), as a user names a column."""
    text = text.strip().upper()
    if text.isdigit():
        return int(text) - 1
    index = 0
    for ch in text:
        index = index * 26 + ord(ch) - 64
    return index - 1


def cmd_import_respondents(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    settings: dict = {}
    if args.factor_scale:
        settings["factor_scale"] = args.factor_scale
    if args.nki_rule:
        settings["nki_rule"] = args.nki_rule
    mapping = None
    if args.map:
        mapping = {}
        for item in args.map:
            column, _, target = item.partition("=")
            mapping[_column_index(column)] = target.strip()
    kommun = normalise_code(args.kommun) if args.kommun else None
    options = ImportOptions(kommun=kommun, year=args.year, mapping=mapping, settings=settings)
    try:
        result = import_respondent_file(store, args.file, options)
    except ImportProblem as problem:
        print(problem.text, file=sys.stderr)
        return 2
    except NeedsMapping as needs:
        request = needs.request
        print(request.message, file=sys.stderr)
        for col, header in enumerate(request.headers):
            guess = request.initial.get(col, "?")
            print(f"  {column_letter(col)}  {header!r:40}  {guess}", file=sys.stderr)
        print("Ange kolumnerna med --map, t.ex. --map F=information --map G=ignore. Mål: "
              + ", ".join(k for k, _ in request.targets if not k.startswith("background:"))
              + ", background:<namn>.", file=sys.stderr)
        return 2
    print(result.saved.message, file=out)
    print(result.batch.description, file=out)
    for note in result.batch.notes:
        if "=" not in note:
            print(f"  {note}", file=out)
    for skip in result.batch.skipped:
        print(f"  Hoppade över: {skip.reason}", file=out)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import-respondents",
                              help="importera svarsdata (en rad per besvarad enkät)")
    p.add_argument("file", help="xlsx, xls, ods eller csv")
    p.add_argument("--kommun", metavar="KOD", help="kommunkod när filen inte anger kommun")
    p.add_argument("--year", type=int, metavar="ÅR", help="ärendeår när filen inte anger det")
    p.add_argument("--factor-scale", metavar="SKALA", help="faktorfrågornas skala, 1-6 eller "
                   "1-10 (standard: läses ur data)")
    p.add_argument("--nki-rule", choices=("all", "two"), help="NKI kräver alla tre frågor "
                   "(all, standard) eller minst två (two)")
    p.add_argument("--map", action="append", metavar="KOLUMN=MÅL",
                   help="koppla en kolumn, t.ex. F=information (kan upprepas)")
    p.set_defaults(func=cmd_import_respondents)
