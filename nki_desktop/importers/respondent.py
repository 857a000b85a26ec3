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
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import numpy as np

from nki_desktop.domain.areas import DEFAULT_GROUP, SERVICE_FACTORS, area_key, group_key
from nki_desktop.domain.masking import comments_note
from nki_desktop.domain.municipalities import Catalogue, joint_body_key, looks_like_joint_body
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.records import ImportBatch, ImportSettings, JointBody, Skip
from nki_desktop.domain.respondent_stats import (
    NKI_RULE_ALL,
    NKI_SCALE,
    choose_factor_scale,
    parse_scale,
)
from nki_desktop.domain.text import fold
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
from nki_desktop.importers.respondent_columns import (
    ANSWER_TARGETS,
    BACKGROUND,
    IGNORE,
    NO_ANSWER_CODES,
    NO_ANSWER_TEXTS,
    Memo,
    background_name,
    find_header,
    is_shared,
    read_answers,
    targets_for,
    unplaced_columns,
    year_of,
)
from nki_desktop.importers.respondent_records import computed_observations, respondent_table
from nki_desktop.importers.respondent_text import read_comments, read_dates

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
            batch = self._build(workbook, sheet, header_row, headers, mapping, options, catalogue)
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

    def _build(
        self,
        workbook: Workbook,
        sheet: Sheet,
        header_row: int,
        headers: list[str],
        mapping: dict[int, str],
        options: ImportOptions,
        catalogue: Catalogue,
    ) -> ImportBatch:
        file = workbook.name
        data = sheet.rows[header_row + 1 :]
        width = max(len(headers), max(mapping, default=0) + 1)
        if data and min(map(len, data)) < width:  # ragged (csv): pad short rows
            data = [r if len(r) >= width else list(r) + [""] * (width - len(r)) for r in data]
        # Only the columns in use, each pulled out at C speed.
        columns: list[Sequence[Any]] = [
            list(map(itemgetter(c), data)) if mapping.get(c, IGNORE) != IGNORE else ()
            for c in range(width)
        ]
        by_target = {t: c for c, t in mapping.items()}
        skipped: list[Skip] = []
        notes: list[str] = []
        row_numbers = np.arange(header_row + 2, header_row + 2 + len(data))

        # Answers: no-answer codes and texts become NaN.
        codes = {
            float(c)
            for c in (
                options.no_answer_codes if options.no_answer_codes is not None else NO_ANSWER_CODES
            )
        }
        texts = {
            fold(t)
            for t in (
                options.no_answer_texts if options.no_answer_texts is not None else NO_ANSWER_TEXTS
            )
        } | {""}
        raw: dict[str, np.ndarray] = {}
        for target in ANSWER_TARGETS:
            if target in by_target:
                col = by_target[target]
                values, bad = read_answers(columns[col], codes, texts)
                if bad:
                    skipped.append(
                        Skip(
                            sheet.name,
                            None,
                            f"{bad} svar i kolumn "
                            f"{column_letter(col)} ({headers[col]}) är inte tal och "
                            "räknas som ej svar.",
                        )
                    )
                raw[target] = values
            else:
                raw[target] = np.full(len(data), np.nan)

        # Which rows are respondents: year, area, group and kommun must be known.
        keep = np.ones(len(data), dtype=bool)
        year = self._years(columns, by_target, options, keep, row_numbers, sheet, skipped)
        area = self._keys(
            columns, by_target.get("area"), area_key, "område", keep, row_numbers, sheet, skipped
        )
        default_group = options.group or DEFAULT_GROUP
        if "group" in by_target:
            group = self._keys(
                columns,
                by_target["group"],
                group_key,
                "svarsgrupp",
                keep,
                row_numbers,
                sheet,
                skipped,
            )
        else:
            group = [default_group] * len(data)
            notes.append(f"Filen anger ingen svarsgrupp: alla svar räknas som {default_group}.")
        unit, bodies = self._units(
            file,
            columns,
            by_target.get("kommun"),
            options,
            catalogue,
            keep,
            row_numbers,
            sheet,
            skipped,
        )
        empty = np.all(np.isnan(np.column_stack([raw[t] for t in ANSWER_TARGETS])), axis=1)
        if empty.any():
            skipped.append(
                Skip(
                    sheet.name,
                    int(row_numbers[np.argmax(empty & keep)]) if (empty & keep).any() else None,
                    f"{int((empty & keep).sum())} rader utan något svar hoppades över.",
                )
            )
        keep &= ~empty

        if not keep.any():
            raise ImportProblem(
                file,
                "Inga svar kunde läsas ur filen.",
                sheet=sheet.name,
                hint=" ".join(s.reason for s in skipped[:3]),
            )
        # Scales (observed before answers outside them are dropped): NKI 1–10; the factor
        # scale from the data unless set.
        q_raw = np.column_stack([raw[t][keep] for t in ("q1", "q2", "q3")])
        nki_seen = (np.nanmin(q_raw), np.nanmax(q_raw)) if np.isfinite(q_raw).any() else None
        nki_scale = NKI_SCALE
        for target in ("q1", "q2", "q3"):
            self._out_of_scale(raw[target], nki_scale, target, by_target, headers, sheet, skipped)
        factor_values = np.column_stack([raw[f][keep] for f in SERVICE_FACTORS])
        observed = (
            (float(np.nanmin(factor_values)), float(np.nanmax(factor_values)))
            if np.isfinite(factor_values).any()
            else None
        )
        chosen = parse_scale(options.factor_scale)
        factor_scale = chosen or choose_factor_scale(observed[1] if observed else None)
        for f in SERVICE_FACTORS:
            self._out_of_scale(raw[f], factor_scale, f, by_target, headers, sheet, skipped)
        q = np.column_stack([raw[t] for t in ("q1", "q2", "q3")])
        lo, hi = (fmt_number(v) for v in factor_scale)
        scale_text = f"faktorskala {lo}–{hi}"
        notes.append(
            "NKI-frågor: "
            + (
                f"observerat {fmt_number(nki_seen[0])}–{fmt_number(nki_seen[1])}"
                if nki_seen
                else "inga svar"
            )
            + ", skala 1–10."
        )
        notes.append(
            "Faktorfrågor: "
            + (
                f"observerat {fmt_number(observed[0])}–{fmt_number(observed[1])}"
                if observed
                else "inga svar"
            )
            + f", vald skala {lo}–{hi}"
            + (" (inställd)." if chosen else " (läst ur data).")
        )
        nki_rule = options.nki_rule or NKI_RULE_ALL

        # Answer dates (for preliminary in-year results) and comments, masked here.
        kept_index = np.nonzero(keep)[0]
        answered = (
            read_dates(columns[by_target["date"]], kept_index) if "date" in by_target else None
        )
        comments, maskings = read_comments(columns, mapping, headers, kept_index, row_numbers)
        if comments:
            notes.append(comments_note(len(comments), maskings))
        # The indices first: their temporary arrays are gone before the stored table is built
        observations = computed_observations(
            keep, year, unit, area, group, q, raw, factor_scale, nki_rule
        )
        respondents = respondent_table(
            sheet.name,
            keep,
            row_numbers,
            year,
            unit,
            area,
            group,
            raw,
            columns,
            mapping,
            headers,
            answered,
        )
        kept = int(keep.sum())
        years = sorted({int(y) for y in year[keep]})
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
        description = (
            f"Svarsdata: {fmt_number(kept)} svar {span}; {scale_text}; NKI-regel: "
            + ("minst två av tre frågor" if nki_rule == "two" else "alla tre frågor")
            + " besvarade"
        )
        return ImportBatch(
            file_name=file,
            sha256=workbook.sha256,
            kind=KIND,
            publication=self.publication,
            observations=observations,
            skipped=skipped,
            joint_bodies=bodies,
            sheets=[sheet.name],
            description=description,
            notes=notes,
            respondents=respondents,
            comments=comments,
            maskings=maskings,
            settings=ImportSettings(
                factor_scale=factor_scale,
                nki_rule=nki_rule,
                sheet=sheet.name,
                header_row=header_row + 1,
            ),
        )

    # -- columns --------------------------------------------------------------------------
    @staticmethod
    def _years(
        columns: list[Sequence[Any]],
        by_target: dict[str, int],
        options: ImportOptions,
        keep: np.ndarray,
        rows: np.ndarray,
        sheet: Sheet,
        skipped: list[Skip],
    ) -> np.ndarray:
        col = by_target.get("year", by_target.get("date"))
        if col is None:
            return np.full(len(keep), int(options.year or 0), dtype=np.int64)
        fallback = int(options.year or 0)
        memo = Memo(lambda v: year_of(v) or fallback)
        out = np.fromiter(map(memo.__getitem__, columns[col]), dtype=np.int64, count=len(keep))
        missing = out == 0
        if missing.any():
            keep &= ~missing
            skipped.append(
                Skip(
                    sheet.name,
                    int(rows[np.argmax(missing)]),
                    f"{int(missing.sum())} rader saknar ärendeår och hoppades över.",
                )
            )
        return out

    @staticmethod
    def _keys(
        columns: list[Sequence[Any]],
        col: int | None,
        lookup: Any,
        what: str,
        keep: np.ndarray,
        rows: np.ndarray,
        sheet: Sheet,
        skipped: list[Skip],
    ) -> list[str]:
        if col is None:
            return [""] * len(keep)
        memo = Memo(lambda v: lookup(cell_text(v)) or "")
        out = list(map(memo.__getitem__, columns[col]))
        bad = np.fromiter(map("".__eq__, out), dtype=bool, count=len(out))
        if bad.any():
            keep &= ~bad
            bad_rows = np.nonzero(bad)[0].tolist()
            unknown = Counter(cell_text(columns[col][i]) for i in bad_rows)
            for text, count in unknown.most_common():
                first = int(rows[next(i for i in bad_rows if cell_text(columns[col][i]) == text)])
                skipped.append(
                    Skip(
                        sheet.name,
                        first,
                        f"Okänt {what} {text!r} ({count} rader hoppades över).",
                        text,
                    )
                )
        return out

    @staticmethod
    def _units(
        file: str,
        columns: list[Sequence[Any]],
        col: int | None,
        options: ImportOptions,
        catalogue: Catalogue,
        keep: np.ndarray,
        rows: np.ndarray,
        sheet: Sheet,
        skipped: list[Skip],
    ) -> tuple[list[str], list[JointBody]]:
        if col is None:
            if not options.kommun:
                raise ImportProblem(
                    file,
                    "Filen anger inte vilken kommun svaren gäller.",
                    sheet=sheet.name,
                    hint="Välj kommun i importen (min kommun används annars).",
                )
            return [options.kommun] * len(keep), []
        cache: dict[Any, str] = {}
        bodies: dict[str, JointBody] = {}
        out = []
        for value in columns[col]:
            unit = cache.get(value)
            if unit is None:
                text = cell_text(value)
                hit = catalogue.match(text, text)
                unit = hit.code if hit else ""
                if not hit and text and looks_like_joint_body(text):
                    unit = joint_body_key(text)
                    bodies[unit] = JointBody(unit, text)
                if not unit and not text and options.kommun:
                    unit = options.kommun
                cache[value] = unit
            out.append(unit)
        bad = np.array([u == "" for u in out], dtype=bool)
        if bad.any():
            keep &= ~bad
            skipped.append(
                Skip(
                    sheet.name,
                    int(rows[np.argmax(bad)]),
                    f"{int(bad.sum())} rader med okänd kommun hoppades över.",
                )
            )
        return out, list(bodies.values())

    @staticmethod
    def _out_of_scale(
        values: np.ndarray,
        scale: tuple[float, float],
        target: str,
        by_target: dict[str, int],
        headers: list[str],
        sheet: Sheet,
        skipped: list[Skip],
    ) -> None:
        with np.errstate(invalid="ignore"):
            outside = (values < scale[0]) | (values > scale[1])
        if outside.any() and target in by_target:
            col = by_target[target]
            skipped.append(
                Skip(
                    sheet.name,
                    None,
                    f"{int(outside.sum())} svar i kolumn {column_letter(col)} "
                    f"({headers[col]}) ligger utanför skalan "
                    f"{scale[0]:g}–{scale[1]:g} och räknas som ej svar.",
                )
            )
            values[outside] = np.nan


RESPONDENT_IMPORTER = RespondentImporter()
