"""Importing a respondent file end to end (no Qt): read, map columns (remembered by file
shape), parse, compute the indices and store everything as one import.

The import screen does the same through the importer registry; this function serves the
command line, the tests and the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nki_desktop.domain.records import ImportBatch, SaveResult
from nki_desktop.importers.base import ImportOptions, NeedsMapping, read_workbook
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
    workbook = read_workbook(path)
    importer = RESPONDENT_IMPORTER
    try:
        batch = importer.parse(workbook, options, store.catalogue)
    except NeedsMapping as needs:
        remembered = store.get_mapping(needs.request.signature)
        if not remembered or options.mapping:
            raise
        options.mapping = {int(k): str(v) for k, v in remembered.items()}
        batch = importer.parse(workbook, options, store.catalogue)
    if options.mapping:
        store.save_mapping(importer.signature(workbook, options), importer.kind,
                           {str(k): v for k, v in options.mapping.items()})
    saved = store.save_import(batch, progress=progress)
    return RespondentImportResult(batch, saved)
