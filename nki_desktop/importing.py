"""Importing files (no Qt): preview what a file holds, then store it in one transaction.

Shared by the Import screen and ``nki-desktop import``. A file either lands whole or not at
all; problems come back as Swedish messages naming file, sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from nki_desktop.domain.ranking import complete_rank_totals
from nki_desktop.domain.records import PUBLICATIONS, ImportBatch, Skip, StoredValue
from nki_desktop.importers import registry
from nki_desktop.importers.base import (
    Importer,
    ImportOptions,
    ImportProblem,
    MappingRequest,
    NeedsMapping,
    Workbook,
    read_workbook,
)
from nki_desktop.importers.cells import find_uncached_formula
from nki_desktop.importers.layout import ColumnNote, Layout
from nki_desktop.storage import Store
from nki_desktop.storage.conflicts import conflicting_cells

Progress = Callable[[int, int], None]


@dataclass
class Conflict:
    """One cell given differently by two sources: the value used and the others."""

    year: int
    unit: str
    area: str
    factor: str
    group: str
    used: StoredValue
    others: list[StoredValue]


@dataclass
class Preview:
    file: str
    kind: str = ""
    kind_label: str = ""
    sheet: str = ""
    header_row: int | None = None
    columns: list[ColumnNote] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    year_source: str = ""
    kommuner: int = 0  # matched kommuner
    riket: bool = False
    joint_bodies: list[str] = field(default_factory=list)
    values: int = 0
    missing: int = 0
    skipped: list[Skip] = field(default_factory=list)
    mapping_request: MappingRequest | None = None
    problem: str = ""
    duplicate: str = ""
    differing: int = 0  # cells already stored from another source with another value
    batch: ImportBatch | None = None

    @property
    def ok(self) -> bool:
        return self.batch is not None and not self.problem


@dataclass
class FileOutcome:
    path: str
    ok: bool
    message: str
    stored: int = 0
    batch: ImportBatch | None = None
    import_id: int | None = None
    duplicate: bool = False
    kind: str = ""
    mapping_request: MappingRequest | None = None


def _parse(importer: Importer, workbook: Workbook, options: ImportOptions,
           store: Store) -> tuple[ImportBatch, Layout]:
    with_layout = getattr(importer, "parse_with_layout", None)
    if with_layout is not None:
        batch, layout = with_layout(workbook, options, store.catalogue)
    else:
        batch, layout = importer.parse(workbook, options, store.catalogue), Layout()
    complete_rank_totals(batch.observations)
    return batch, layout


def understand(store: Store, path: Path | str, options: ImportOptions | None = None,
               workbook: Workbook | None = None) -> tuple[Importer, ImportBatch, Layout]:
    """Read, detect and parse a file; a remembered column mapping is applied on the way.

    ``workbook`` is the file already read, for callers that need it afterwards.
    Raises ImportProblem, or NeedsMapping when the layout needs the user.
    """
    options = options or ImportOptions()
    workbook = workbook or read_workbook(path)
    formula_problem = find_uncached_formula(workbook)
    if formula_problem is not None:
        raise formula_problem
    kind = options.settings.get("kind")
    importer = registry.by_kind(str(kind)) if kind else None
    try:
        importer = importer or registry.detect(workbook)
        batch, layout = _parse(importer, workbook, options, store)
    except NeedsMapping as need:
        remembered = None if options.mapping else store.get_mapping(need.request.signature)
        if not remembered:
            raise
        options = with_mapping(options, need.request, remembered)
        importer = registry.by_kind(need.request.kind) or registry.detect(workbook)
        batch, layout = _parse(importer, workbook, options, store)
    return importer, batch, layout


def with_mapping(options: ImportOptions, request: MappingRequest, mapping: dict
                 ) -> ImportOptions:
    """Options that carry the user's (or a remembered) answer to a mapping request."""
    columns = mapping.get("columns", mapping) if isinstance(mapping, dict) else {}
    settings = dict(options.settings, kind=request.kind,
                    header_row=mapping.get("header_row", request.header_row))
    return replace(options, mapping={int(k): str(v) for k, v in columns.items()},
                   sheet=mapping.get("sheet", request.sheet), settings=settings)


def remember_mapping(store: Store, request: MappingRequest, columns: dict[int, str]) -> None:
    """Save the user's column mapping for files of the same shape."""
    store.save_mapping(request.signature, request.kind, {
        "columns": {str(k): v for k, v in columns.items()}, "sheet": request.sheet,
        "header_row": request.header_row})


def preview(store: Store, path: Path | str, options: ImportOptions | None = None) -> Preview:
    """What importing the file would do, without writing anything."""
    result = Preview(Path(path).name)
    try:
        importer, batch, layout = understand(store, path, options)
    except NeedsMapping as need:
        result.mapping_request = need.request
        result.problem = str(need)
        return result
    except ImportProblem as problem:
        result.problem = problem.text
        return result
    units = {o.unit for o in batch.observations}
    result.kind, result.kind_label = importer.kind, importer.label
    result.sheet, result.header_row, result.columns = layout.sheet, layout.header_row, \
        layout.columns
    result.sheets, result.year_source = layout.sheets or batch.sheets, layout.year_source
    result.years = batch.years
    result.kommuner = sum(1 for u in units if u.isdigit())
    result.riket = "riket" in units
    result.joint_bodies = sorted(jb.name for jb in batch.joint_bodies)
    result.values = sum(1 for o in batch.observations if o.value is not None)
    result.missing = sum(1 for o in batch.observations if o.value is None)
    result.skipped = batch.skipped
    result.batch = batch
    existing = store.find_import_by_sha(batch.sha256)
    if existing:
        result.duplicate = (f"Filen är redan importerad (import {existing.id}, "
                            f"{existing.imported_at}). En ny import ändrar ingenting.")
    result.differing = len(differences(store, batch))
    return result


def differences(store: Store, batch: ImportBatch) -> list[tuple[str, float, StoredValue]]:
    """Cells of the batch that other imports already give with another value."""
    if not batch.years:
        return []
    stored: dict[tuple, list[StoredValue]] = {}
    for v in store.values(years=batch.years, units=sorted({o.unit for o in batch.observations}),
                          effective=False):
        stored.setdefault((v.year, v.unit, v.area, v.factor, v.group), []).append(v)
    out = []
    for o in batch.observations:
        for v in stored.get((o.year, o.unit, o.area, o.factor, o.group), []):
            if o.value is not None and v.value is not None and abs(v.value - o.value) > 1e-9:
                out.append((o.unit, o.value, v))
    return out


def conflicts(store: Store, limit: int = 500) -> list[Conflict]:
    """Stored cells where sources disagree: the value used (by preference) and the others."""
    out: list[Conflict] = []
    for key in conflicting_cells(store, limit):
        values = store.alternatives(*key)
        out.append(Conflict(*key, used=values[0], others=values[1:]))
    return out


def import_file(store: Store, path: Path | str, options: ImportOptions | None = None,
                dry_run: bool = False, progress: Progress | None = None) -> FileOutcome:
    """Import one file in one transaction; a rejected file leaves the database as it was.

    ``progress(done, total)`` may raise (as the task runner's cancel does) to abandon the
    import.
    """
    name = Path(path).name
    try:
        importer, batch, _layout = understand(store, path, options)
    except NeedsMapping as need:
        return FileOutcome(str(path), False, f"{name}: {need} Öppna filen på skärmen Import "
                           "och koppla kolumnerna, eller använd mallen (nki-desktop template).",
                           mapping_request=need.request)
    except ImportProblem as problem:
        return FileOutcome(str(path), False, problem.text)
    if dry_run:
        existing = store.find_import_by_sha(batch.sha256)
        message = (f"{name}: provkörning, filen är redan importerad (import {existing.id}); "
                   "en ny import ändrar ingenting." if existing else
                   f"{name}: provkörning, {len(batch.observations)} värden skulle sparas.")
        return FileOutcome(str(path), True, message, 0, batch, kind=importer.kind,
                           duplicate=existing is not None)
    result = store.save_import(batch, progress=progress)
    return FileOutcome(str(path), True, result.message, result.stored, batch,
                       result.import_id, result.duplicate, importer.kind)


def import_files(store: Store, paths: Sequence[Path | str], options: ImportOptions | None = None,
                 dry_run: bool = False, progress: Progress | None = None) -> list[FileOutcome]:
    """Each file in its own transaction: a rejected file does not stop the others."""
    return [import_file(store, p, options, dry_run, progress) for p in paths]


def publication_label(key: str) -> str:
    return PUBLICATIONS.get(key, key)
