"""The batch of a respondent import, built from a sheet whose columns are placed: answers
read as numbers (no-answer codes and texts as missing), rows keyed, scales chosen, then the
computed indices and the stored respondent table."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import numpy as np

from nki_desktop.domain.areas import DEFAULT_GROUP, SERVICE_FACTORS, area_key, group_key
from nki_desktop.domain.masking import comments_note
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.records import ImportBatch, ImportSettings, Skip
from nki_desktop.domain.respondent_stats import (
    NKI_RULE_ALL,
    NKI_SCALE,
    choose_factor_scale,
    parse_scale,
)
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import ImportOptions, ImportProblem, Sheet, Workbook, column_letter
from nki_desktop.importers.respondent_columns import (
    ANSWER_TARGETS,
    IGNORE,
    NO_ANSWER_CODES,
    NO_ANSWER_TEXTS,
    read_answers,
)
from nki_desktop.importers.respondent_keys import (
    drop_out_of_scale,
    read_keys,
    read_units,
    read_years,
)
from nki_desktop.importers.respondent_records import computed_observations, respondent_table
from nki_desktop.importers.respondent_text import read_comments, read_dates


def build_batch(
    workbook: Workbook,
    sheet: Sheet,
    header_row: int,
    headers: list[str],
    mapping: dict[int, str],
    options: ImportOptions,
    catalogue: Catalogue,
    *,
    kind: str,
    publication: str,
) -> ImportBatch:
    """The batch of a mapped respondent sheet: the respondent rows (answers outside their
    scale and unknown keys dropped, with a reason each), the indices computed from them,
    comments, answer dates and notes on the scales used."""
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
    year = read_years(columns, by_target, options, keep, row_numbers, sheet, skipped)
    area = read_keys(
        columns, by_target.get("area"), area_key, "område", keep, row_numbers, sheet, skipped
    )
    default_group = options.group or DEFAULT_GROUP
    if "group" in by_target:
        group = read_keys(
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
    unit, bodies = read_units(
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
        drop_out_of_scale(raw[target], nki_scale, target, by_target, headers, sheet, skipped)
    factor_values = np.column_stack([raw[f][keep] for f in SERVICE_FACTORS])
    observed = (
        (float(np.nanmin(factor_values)), float(np.nanmax(factor_values)))
        if np.isfinite(factor_values).any()
        else None
    )
    chosen = parse_scale(options.factor_scale)
    factor_scale = chosen or choose_factor_scale(observed[1] if observed else None)
    for f in SERVICE_FACTORS:
        drop_out_of_scale(raw[f], factor_scale, f, by_target, headers, sheet, skipped)
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
    answered = read_dates(columns[by_target["date"]], kept_index) if "date" in by_target else None
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
        kind=kind,
        publication=publication,
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
