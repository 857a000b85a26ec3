"""Importing files (no Qt): preview what a file holds, then store exactly that, in one
transaction.

Shared by the Import screen and ``nki-desktop import``, for every kind of file (respondent
files included). The file is read and parsed once: the preview holds the parsed batch and
:func:`commit` stores it. A file either lands whole or not at all; problems come back as
Swedish messages naming file, sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nki_desktop.domain.municipalities import recorded_matches
from nki_desktop.domain.ranking import complete_rank_totals
from nki_desktop.domain.records import PUBLICATIONS, ImportBatch, ImportInfo, Skip, StoredValue
from nki_desktop.domain.sn import SN_AREA
from nki_desktop.importers import door, registry
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
from nki_desktop.importers.preview import ColumnNote, Parsed
from nki_desktop.importers.respondent import paused_gc
from nki_desktop.services.mappings import map_columns, remember_mapping, with_mapping
from nki_desktop.storage import Store
from nki_desktop.storage.conflicts import conflicting_cells, count_differing, differing_values

Progress = Callable[[int, int], None]
Report = Callable[[int, str], None]  # percent, Swedish text; may raise to cancel


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
    """What importing a file would do; ``batch`` is what :func:`commit` stores."""

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
    duplicate_id: int | None = None  # the earlier import of the same file
    differing: int = 0  # cells already stored from another source with another value
    name_matches: list[str] = field(default_factory=list)  # "Upplands Bro → Upplands-Bro (0139)"
    batch: ImportBatch | None = None
    path: str = ""

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


def _parse(importer: Importer, workbook: Workbook, options: ImportOptions, store: Store) -> Parsed:
    with recorded_matches() as matches:  # names matched other than by code or exact name
        parsed = importer.parse(workbook, options, store.catalogue)
    parsed.batch.name_matches = list(matches)
    complete_rank_totals(parsed.batch.observations)
    # plausibility and clean text at the door, for every importer alike
    door.admit(parsed.batch, len(store.catalogue) + len(parsed.batch.joint_bodies) + 1)
    batch = parsed.batch
    if not batch.observations and not batch.respondents:
        reasons = sorted({s.reason for s in batch.skipped})[:3]
        raise ImportProblem(
            workbook.name,
            "Filen innehåller inga värden som kan sparas"
            + (f" ({'; '.join(reasons)})" if reasons else "")
            + ".",
            hint="Kontrollera att det är rätt fil, eller koppla kolumnerna på skärmen Import.",
        )
    return parsed


def understand(
    store: Store,
    path: Path | str,
    options: ImportOptions | None = None,
    workbook: Workbook | None = None,
) -> tuple[Importer, Parsed]:
    """Read (unless ``workbook`` is given), detect and parse a file; a remembered column
    mapping is applied on the way. Raises ImportProblem (for anything wrong with the file),
    or NeedsMapping when the layout needs the user."""
    with door.guarded(Path(path).name):
        return _understand(store, path, options, workbook)


def _understand(
    store: Store, path: Path | str, options: ImportOptions | None, workbook: Workbook | None
) -> tuple[Importer, Parsed]:
    options = options or ImportOptions()
    workbook = workbook or read_workbook(path)
    formula_problem = find_uncached_formula(workbook)
    if formula_problem is not None:
        raise formula_problem
    importer = registry.by_kind(options.kind) if options.kind else None
    try:
        importer = importer or registry.detect(workbook)
        return importer, _parse(importer, workbook, options, store)
    except NeedsMapping as need:
        remembered = None if options.mapping else store.get_mapping(need.request.signature)
        if not remembered:
            raise
        options = with_mapping(options, need.request, remembered)
        importer = registry.by_kind(need.request.kind) or registry.detect(workbook)
        return importer, _parse(importer, workbook, options, store)


def preview(
    store: Store,
    path: Path | str,
    options: ImportOptions | None = None,
    workbook: Workbook | None = None,
) -> Preview:
    """What importing the file would do, without writing anything; holds the parsed batch."""
    result = Preview(Path(path).name, path=str(path))
    try:
        # No cyclic collections while the rows are read and parsed (a big file's row lists
        # would be rescanned again and again); read here, they are freed before it resumes.
        with paused_gc():
            importer, parsed = understand(store, path, options, workbook)
    except NeedsMapping as need:
        result.mapping_request = need.request
        result.problem = str(need)
        return result
    except ImportProblem as problem:
        result.problem = problem.text
        return result
    batch, layout = parsed.batch, parsed.layout
    units = {o.unit for o in batch.observations}
    result.kind, result.kind_label = importer.kind, importer.label
    result.sheet, result.header_row, result.columns = (
        layout.sheet,
        layout.header_row,
        layout.columns,
    )
    result.sheets, result.year_source = layout.sheets or batch.sheets, layout.year_source
    result.years = batch.years
    result.kommuner = sum(1 for u in units if u.isdigit())
    result.riket = "riket" in units
    result.joint_bodies = sorted(jb.name for jb in batch.joint_bodies)
    # a rank alone (Svenskt Näringsliv's ranking table) is a value too
    result.values = sum(1 for o in batch.observations if o.value is not None or o.rank is not None)
    result.missing = len(batch.observations) - result.values
    result.skipped = batch.skipped
    result.name_matches = [m.text for m in batch.name_matches]
    result.batch = batch
    existing, result.differing = preview_checks(store, batch)
    if existing:
        result.duplicate_id = existing.id
        result.duplicate = (
            f"Filen är redan importerad (import {existing.id}, "
            f"{existing.imported_at}). En ny import ändrar ingenting."
        )
    return result


def preview_checks(store: Store, batch: ImportBatch) -> tuple[ImportInfo | None, int]:
    """The earlier import of the same file, if any; else how many stored cells the batch
    gives with another value."""
    existing = store.find_import_by_sha(batch.sha256)
    if existing:
        return existing, 0
    return None, count_differing(store, _given_cells(store, batch))


def preview_with_map(
    store: Store, path: Path | str, options: ImportOptions, specs: Sequence[str]
) -> Preview:
    """A preview with the user's column assignments (``"F=information"``, ``"3=kommun_name"``,
    ``"Värde A=bygglov:nki:value"``) over the importer's own guesses; the file is read once.
    A mapping that gives a good preview is remembered for files of the same shape."""
    result = Preview(Path(path).name, path=str(path))
    try:
        with door.guarded(result.file):
            workbook = read_workbook(path)
            importer = registry.by_kind(options.kind) if options.kind else None
            try:
                importer = importer or registry.detect(workbook)
                request = importer.mapping_request(workbook, options)
            except NeedsMapping as need:
                request = need.request
        columns = map_columns(request, specs)
    except ImportProblem as problem:
        result.problem = problem.text
        return result
    except ValueError as error:
        result.problem = f"Fil: {result.file}. {error}"
        return result
    merged = {**request.initial, **columns}
    result = preview(store, path, with_mapping(options, request, {"columns": merged}), workbook)
    if result.ok:
        remember_mapping(store, request, merged)
    return result


def _given_cells(store: Store, batch: ImportBatch) -> list[tuple[int, str, str, str, str, float]]:
    """The batch's cells with a value, or none when nothing is stored for its years."""
    stored = set(store.years())
    if any(o.area == SN_AREA for o in batch.observations):  # another survey's own years
        stored |= set(store.years(area=SN_AREA))
    if not set(batch.years) & stored:
        return []
    return [
        (o.year, o.unit, o.area, o.factor, o.group, o.value)
        for o in batch.observations
        if o.value is not None
    ]


def differences(store: Store, batch: ImportBatch) -> list[tuple[str, float, StoredValue]]:
    """Cells of the batch that other imports already give with another value."""
    cells = _given_cells(store, batch)
    return [(v.unit, given, v) for given, v in differing_values(store, cells)]


def conflicts(store: Store, limit: int = 500) -> list[Conflict]:
    """Stored cells where sources disagree: the value used (by preference) and the others."""
    out: list[Conflict] = []
    for key in conflicting_cells(store, limit):
        values = store.alternatives(*key)
        out.append(Conflict(*key, used=values[0], others=values[1:]))
    return out


def refusal(result: Preview) -> FileOutcome:
    """The outcome of a file whose preview cannot be imported."""
    message = result.problem
    if result.mapping_request is not None:
        message = (
            f"{result.file}: {result.problem} Öppna filen på skärmen Import och koppla "
            "kolumnerna, ange dem med --map KOLUMN=MÅL, eller använd mallen "
            "(nki-desktop template)."
        )
    return FileOutcome(result.path, False, message, mapping_request=result.mapping_request)


def commit(store: Store, result: Preview, progress: Progress | None = None) -> FileOutcome:
    """Store exactly the batch the preview showed, in one transaction.

    ``progress(done, total)`` may raise (e.g. to cancel) to abandon the import: the
    transaction rolls back and nothing of the file is stored.
    """
    batch = result.batch
    if batch is None or not result.ok:
        return refusal(result)
    with paused_gc():  # hundreds of thousands of respondent rows: no full collections
        saved = store.save_import(batch, progress=progress)
    return FileOutcome(
        result.path,
        True,
        saved.message,
        saved.stored,
        batch,
        saved.import_id,
        saved.duplicate,
        result.kind,
    )


def import_file(
    store: Store,
    path: Path | str,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> FileOutcome:
    """Preview and commit one file (the file is read and parsed once)."""
    result = preview(store, path, options)
    return dry_run_outcome(result) if dry_run else commit(store, result, progress)


def dry_run_outcome(result: Preview) -> FileOutcome:
    """What committing the preview would do, as an outcome that stored nothing."""
    batch = result.batch
    if batch is None or not result.ok:
        return refusal(result)
    message = (
        f"{result.file}: provkörning, filen är redan importerad (import "
        f"{result.duplicate_id}); en ny import ändrar ingenting."
        if result.duplicate
        else f"{result.file}: provkörning, {len(batch.observations)} värden skulle sparas."
    )
    return FileOutcome(
        result.path, True, message, 0, batch, kind=result.kind, duplicate=bool(result.duplicate)
    )


def commit_all(
    store: Store, previews: Sequence[Preview], report: Report | None = None
) -> list[FileOutcome]:
    """Commit several previewed files, each in its own transaction. ``report(percent, text)``
    may raise to cancel: then the files already stored in this run are undone as well, so a
    cancelled run leaves nothing behind."""
    outcomes: list[FileOutcome] = []
    total = max(len(previews), 1)
    try:
        for i, result in enumerate(previews):

            def step(done: int, size: int, i: int = i, name: str = result.file) -> None:
                if report:
                    report(int(100 * (i + done / max(size, 1)) / total), f"Sparar {name}…")

            if report:
                report(int(100 * i / total), f"Sparar {result.file}…")
            outcomes.append(commit(store, result, step))
    except BaseException:
        for outcome in outcomes:
            if outcome.import_id and not outcome.duplicate:
                store.undo_import(outcome.import_id)
        raise
    return outcomes


def publication_label(key: str) -> str:
    return PUBLICATIONS.get(key, key)
