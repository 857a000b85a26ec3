"""Records of a respondent import: the respondent rows as stored and the indices computed from
them (per unit, year, area and group; NKI totalt and all groups), as observations."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from typing import Any

import numpy as np

from nki_desktop.domain.areas import SERVICE_FACTORS
from nki_desktop.domain.records import Observation
from nki_desktop.domain.respondent_stats import (
    RespondentArrays,
    cell_stats,
    factor_index_array,
    respondent_nki_array,
)
from nki_desktop.domain.respondent_table import RespondentTable
from nki_desktop.domain.rules import nki_total_areas
from nki_desktop.importers.base import cell_text
from nki_desktop.importers.respondent_columns import (
    ANSWER_TARGETS,
    BACKGROUND,
    background_name,
    stat_observation,
)


def respondent_table(
    sheet_name: str,
    keep: np.ndarray,
    rows: np.ndarray,
    year: np.ndarray,
    unit: list[str],
    area: list[str],
    group: list[str],
    raw: dict[str, np.ndarray],
    columns: list[Sequence[Any]],
    mapping: dict[int, str],
    headers: list[str],
    answered: list[str | None] | None = None,
) -> RespondentTable:
    """The kept rows as stored: raw answers (NaN = no answer), background, sheet and row.
    Numbers stay numpy arrays; the table turns them into Python numbers chunk by chunk."""
    index = np.nonzero(keep)[0]
    answers = [raw[target][index] for target in ANSWER_TARGETS]  # NaN: NULL in SQLite
    background = [
        (c, t[len(BACKGROUND) :] or background_name(headers[c]))
        for c, t in sorted(mapping.items())
        if t.startswith(BACKGROUND)
    ]
    flags = keep.tolist()  # the kept rows, picked at C speed by compress()
    bgs: list[dict[str, Any]]
    if background:
        # Few distinct answer combinations: one (read-only) dict per combination.
        texts: list[list[str]] = []
        for c, _ in background:
            seen: dict[Any, str] = {}
            col = columns[c]
            texts.append(
                [
                    seen[v] if v in seen else seen.setdefault(v, cell_text(v))
                    for v in compress(col, flags)
                ]
            )
        names = [name for _, name in background]
        shared: dict[tuple[Any, ...], dict[str, Any]] = {}
        bgs = []
        for combo in zip(*texts, strict=True):
            bg = shared.get(combo)
            if bg is None:
                bg = shared[combo] = {n: t for n, t in zip(names, combo, strict=True) if t}
            bgs.append(bg)
    else:
        bgs = [{}] * len(index)
    return RespondentTable(
        year[index],
        list(compress(unit, flags)),
        list(compress(area, flags)),
        list(compress(group, flags)),
        dict(zip(ANSWER_TARGETS, answers, strict=True)),
        bgs,
        sheet_name,
        rows[index],
        answered,
    )


def computed_observations(
    keep: np.ndarray,
    year: np.ndarray,
    unit: list[str],
    area: list[str],
    group: list[str],
    q: np.ndarray,
    raw: dict[str, np.ndarray],
    factor_scale: tuple[float, float],
    nki_rule: str,
) -> list[Observation]:
    """The indices computed from the kept rows, with n and a 95 % interval, per unit."""
    nki = respondent_nki_array(q, nki_rule)
    factors = factor_index_array(np.column_stack([raw[f] for f in SERVICE_FACTORS]), factor_scale)
    kept_units = set(compress(unit, keep.tolist()))
    if len(kept_units) > 1:
        units = np.array(unit, dtype=object)
        selections = [(u, keep & (units == u)) for u in sorted(kept_units)]
    else:  # the usual file, one kommun's: no object arrays to compare
        selections = [(u, keep) for u in kept_units]
    out: list[Observation] = []
    for u, sel in selections:
        years = sorted({int(y) for y in np.unique(year[sel])})
        flags = sel.tolist()
        data = RespondentArrays(
            year[sel],
            list(compress(area, flags)),
            list(compress(group, flags)),
            nki[sel],
            factors[sel],
        )
        for cell in cell_stats(data, {y: nki_total_areas(y) for y in years}):
            out.append(
                stat_observation(u, cell.year, cell.area, cell.group, cell.factor, cell.stat)
            )
    return out
