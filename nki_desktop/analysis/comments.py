"""Companies' comments as rows for the screen and the report: each with its respondent's
year, area, NKI and factor indices (0–100, on the scale of the respondent's import)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from nki_desktop.domain.areas import SERVICE_FACTORS, area_label, group_label
from nki_desktop.domain.records import ImportSettings
from nki_desktop.domain.respondent_stats import (
    NKI_RULE_ALL,
    choose_factor_scale,
    respondent_nki_array,
)
from nki_desktop.domain.text import fold
from nki_desktop.storage import Store
from nki_desktop.storage.comments import StoredComment, list_comments

# Bands of the respondent's own NKI for the filter, after SKR's short grading (< 62 lågt,
# ≥ 70 högt); kept as data.
LOW_NKI_BELOW = 62.0
HIGH_NKI_FROM = 70.0
NKI_BANDS: dict[str, str] = {
    "": "Alla",
    "low": f"Låg NKI (under {LOW_NKI_BELOW:g})",
    "high": f"Hög NKI ({HIGH_NKI_FROM:g} och över)",
}


@dataclass(frozen=True)
class CommentRow:
    id: int
    year: int
    unit: str
    area: str
    group: str
    answered: str  # ISO date or ""
    column: str
    text: str
    maskings: int
    picked: bool
    nki: float | None  # the respondent's NKI, 0–100
    factors: dict[str, float | None] = field(default_factory=dict)  # 0–100

    @property
    def area_text(self) -> str:
        return area_label(self.area)

    @property
    def group_text(self) -> str:
        return group_label(self.group)


def comment_rows(
    stored: Sequence[StoredComment], settings: dict[int, ImportSettings]
) -> list[CommentRow]:
    """The stored comments with their respondent's indices."""
    out = []
    for c in stored:
        s = settings.get(c.import_id, ImportSettings())
        q = np.array(
            [
                [
                    np.nan if c.answers.get(k) is None else float(c.answers[k] or 0)
                    for k in ("q1", "q2", "q3")
                ]
            ],
            dtype=float,
        )
        nki = float(respondent_nki_array(q, s.nki_rule or NKI_RULE_ALL)[0])
        low, high = s.factor_scale or choose_factor_scale(None)
        factors: dict[str, float | None] = {}
        for f in SERVICE_FACTORS:
            raw = c.answers.get(f)
            factors[f] = None if raw is None else (float(raw) - low) / (high - low) * 100.0
        out.append(
            CommentRow(
                c.id,
                c.year,
                c.unit,
                c.area,
                c.group,
                c.answered or "",
                c.column,
                c.text,
                c.maskings,
                c.picked,
                None if nki != nki else nki,
                factors,
            )
        )
    return out


def filter_rows(
    rows: Iterable[CommentRow],
    *,
    text: str = "",
    year: int | None = None,
    area: str | None = None,
    band: str = "",
    picked_only: bool = False,
) -> list[CommentRow]:
    """Rows matching a free-text search (case and å/ä/ö folded, all words), a year, an area,
    an NKI band ("low", "high") and, optionally, only the picked ones."""
    words = fold(text).split()
    out = []
    for r in rows:
        if year is not None and r.year != year:
            continue
        if area and r.area != area:
            continue
        if picked_only and not r.picked:
            continue
        if band == "low" and not (r.nki is not None and r.nki < LOW_NKI_BELOW):
            continue
        if band == "high" and not (r.nki is not None and r.nki >= HIGH_NKI_FROM):
            continue
        if words:
            haystack = fold(f"{r.text} {r.column}")
            if not all(w in haystack for w in words):
                continue
        out.append(r)
    return out


def load_comment_rows(
    store: Store, unit: str | None = None, *, picked_only: bool = False
) -> list[CommentRow]:
    """A kommun's comments (all kommuner's when ``unit`` is None) as rows."""
    stored = list_comments(store, unit=unit, picked_only=picked_only)
    settings = {i.id: i.settings for i in store.list_imports()}
    return comment_rows(stored, settings)
