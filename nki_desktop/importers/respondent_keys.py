"""The keys of respondent rows, read column by column: the case year, area and group, the
kommun (or a joint body), and answers outside their scale. Each reader drops the rows it
cannot key from ``keep`` and says why in ``skipped``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from nki_desktop.domain.municipalities import Catalogue, joint_body_key, looks_like_joint_body
from nki_desktop.domain.records import JointBody, Skip
from nki_desktop.importers.base import ImportOptions, ImportProblem, Sheet, cell_text, column_letter
from nki_desktop.importers.respondent_columns import Memo, year_of


def read_years(
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


def read_keys(
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


def read_units(
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


def drop_out_of_scale(
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
