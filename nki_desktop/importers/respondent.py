"""Respondent-level files: one row per answered questionnaire.

Columns are assigned by the best match in ``respondent_columns``; anything it cannot place
is put to the user through :class:`~nki_desktop.importers.base.NeedsMapping` and comes back
as ``ImportOptions.mapping``. The batch carries the respondent rows (stored in the table
``respondents``) and the indices computed from them (per year × area × group, NKI totalt and
all groups), with n and a 95 % interval, as observations of the same import.

Options used (typed fields of ``ImportOptions``): ``no_answer_codes`` (numbers meaning no
answer, default 0 and 99), ``no_answer_texts``, ``factor_scale`` ("1-6", "1-10"; default: read
from the data), ``nki_rule`` ("all" or "two"), ``group`` (when the file has no group column).
The factor scale and NKI rule used are stored as the import's settings.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.importers.base import (
    ImportOptions,
    ImportProblem,
    MappingRequest,
    NeedsMapping,
    Sheet,
    Workbook,
    cell_text,
    column_letter,
    shape_signature,
)
from nki_desktop.importers.preview import ColumnNote, Layout, Parsed
from nki_desktop.importers.respondent_build import build_batch
from nki_desktop.importers.respondent_columns import (
    ANSWER_TARGETS,
    BACKGROUND,
    background_name,
    find_header,
    is_shared,
    targets_for,
    unplaced_columns,
)

KIND = "respondent"


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector around bulk work: hundreds of thousands of
    new row objects otherwise trigger full collections that rescan them all (about a
    quarter of the parse time for 300 000 rows). Nothing here creates cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


REQUIRED = ("area", "q1", "q2", "q3")


class RespondentImporter:
    """Respondent rows (one per answered questionnaire) → respondents + computed indices."""

    kind = KIND
    label = "Svarsdata (en rad per svar)"
    publication = "respondent"

    def sniff(self, workbook: Workbook) -> float:
        if not workbook.sheets:
            return 0.0
        best = 0.0
        for sheet in workbook.sheets:
            row, hits = find_header(sheet)
            targets = set(hits.values())
            answers = len(targets & set(ANSWER_TARGETS))
            data_rows = len(sheet.rows) - row - 1
            score = 0.0
            if {"q1", "q2", "q3"} <= targets:
                score = 0.6 + 0.05 * min(answers - 3, 6)
            elif answers >= 3:
                score = 0.3
            if score and data_rows >= 30:
                score += 0.05
            best = max(best, min(score, 1.0))
        return best

    # -- parse -----------------------------------------------------------------------------
    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        sheet = self._sheet(workbook, options)
        header_row, mapping = find_header(sheet)
        headers = [cell_text(v) for v in sheet.rows[header_row]]
        if options.mapping:  # the user's choices win over the guesses
            given = {int(c): str(t) for c, t in options.mapping.items()}
            claimed = {t for t in given.values() if not is_shared(t)}
            mapping = {c: t for c, t in mapping.items() if c not in given and t not in claimed}
            mapping.update(given)
        unplaced = unplaced_columns(headers, mapping)
        placed = set(mapping.values())
        lacking = [t for t in REQUIRED if t not in placed]
        if "year" not in placed and "date" not in placed and options.year is None:
            lacking.append("year")
        if unplaced or lacking:
            raise NeedsMapping(
                self._request(
                    sheet,
                    header_row,
                    headers,
                    mapping,
                    self._mapping_message(headers, unplaced, lacking),
                )
            )
        with paused_gc():
            batch = build_batch(
                workbook,
                sheet,
                header_row,
                headers,
                mapping,
                options,
                catalogue,
                kind=KIND,
                publication=self.publication,
            )
        labels = dict(targets_for(headers))
        notes = [
            ColumnNote(
                column_letter(c),
                headers[c],
                labels.get(t)
                or (
                    "Bakgrundsfråga: " + (t[len(BACKGROUND) :] or background_name(headers[c]))
                    if t.startswith(BACKGROUND)
                    else t
                ),
            )
            for c, t in sorted(mapping.items())
        ]
        return Parsed(
            batch,
            Layout(
                sheet.name,
                header_row + 1,
                notes,
                [sheet.name],
                "kolumnen med år eller datum" if {"year", "date"} & placed else "angivet",
            ),
        )

    def mapping_request(self, workbook: Workbook, options: ImportOptions) -> MappingRequest:
        sheet = self._sheet(workbook, options)
        header_row, mapping = find_header(sheet)
        headers = [cell_text(v) for v in sheet.rows[header_row]]
        return self._request(sheet, header_row, headers, mapping, "")

    @staticmethod
    def _request(
        sheet: Sheet, header_row: int, headers: list[str], mapping: dict[int, str], message: str
    ) -> MappingRequest:
        return MappingRequest(
            signature=shape_signature(KIND, headers),
            kind=KIND,
            sheet=sheet.name,
            header_row=header_row + 1,
            headers=headers,
            samples=[
                [cell_text(v) for v in r] for r in sheet.rows[header_row + 1 : header_row + 6]
            ],
            targets=targets_for(headers),
            initial=dict(mapping),
            message=message,
        )

    def _sheet(self, workbook: Workbook, options: ImportOptions) -> Sheet:
        if not workbook.sheets:
            raise ImportProblem(workbook.name, "Filen innehåller inga blad med svar.")
        if options.sheet:
            for sheet in workbook.sheets:
                if sheet.name == options.sheet:
                    return sheet
            raise ImportProblem(workbook.name, f"Bladet {options.sheet!r} finns inte.")
        return max(workbook.sheets, key=lambda s: (len(find_header(s)[1]), len(s.rows)))

    @staticmethod
    def _mapping_message(headers: list[str], unplaced: list[int], lacking: list[str]) -> str:
        parts = []
        if unplaced:
            names = ", ".join(f"{column_letter(c)} ({headers[c]!r})" for c in unplaced[:6])
            parts.append(f"Kolumner som inte känns igen: {names}.")
        if lacking:
            labels = dict(targets_for([]))
            parts.append("Saknas: " + ", ".join(labels.get(t, t) for t in lacking) + ".")
        return " ".join(parts) + " Ange vad kolumnerna innehåller."


RESPONDENT_IMPORTER = RespondentImporter()
