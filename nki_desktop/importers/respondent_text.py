"""Free-text comments and answer dates of respondent rows.

Comments are masked (``domain.masking``) here, before they enter a batch: nothing unmasked
is ever stored. Dates are kept as ISO text ("2024-03-15") per respondent row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from nki_desktop.domain.masking import mask_personal_data
from nki_desktop.domain.records import Comment
from nki_desktop.domain.text import clean_text, fold
from nki_desktop.importers.base import cell_text
from nki_desktop.importers.respondent_columns import COMMENT

COMMENT_LIMIT = 4000  # characters kept of one comment
# Comment cells that say nothing (folded); other text is kept.
EMPTY_COMMENTS: frozenset[str] = frozenset(
    {
        "",
        "-",
        "--",
        "..",
        ".",
        "x",
        "na",
        "n/a",
        "inget",
        "inga",
        "nej",
        "ingen kommentar",
        "inga kommentarer",
        "inga synpunkter",
        "ingen synpunkt",
        "vet ej",
        "0",
    }
)

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.-](\d{4})")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def date_of(value: Any) -> dt.date | None:
    """A cell as a date: a date cell, ISO text ("2024-03-15 10:22"), 20240315, 15/3/2024, or
    an Excel day number (as a csv export may carry it); None when it is none of these."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and 20000 <= value <= 80000:  # 1954..2119 as Excel days
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = cell_text(value)
    for pattern, order in ((_ISO, (0, 1, 2)), (_COMPACT, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return dt.date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                return None
    return None


def read_dates(column: Sequence[Any], index: np.ndarray) -> list[str | None]:
    """The answer date of each kept row (``index``) as ISO text, None where unreadable."""
    seen: dict[Any, str | None] = {}
    out: list[str | None] = []
    for i in index.tolist():
        value = column[i]
        if value not in seen:
            day = date_of(value)
            seen[value] = day.isoformat() if day else None
        out.append(seen[value])
    return out


def read_comments(
    columns: Sequence[Sequence[Any]],
    mapping: dict[int, str],
    headers: Sequence[str],
    index: np.ndarray,
    row_numbers: np.ndarray,
) -> tuple[list[Comment], dict[str, int]]:
    """Every non-empty comment of the kept rows, masked, and the maskings by kind."""
    comment_columns = [c for c, t in sorted(mapping.items()) if t == COMMENT]
    comments: list[Comment] = []
    counts: dict[str, int] = {}
    names = {c: " ".join(str(headers[c]).split()) or "Kommentar" for c in comment_columns}
    for i in index.tolist():  # in file order: row by row, then column by column
        for c in comment_columns:
            text = clean_text(cell_text(columns[c][i]), COMMENT_LIMIT)
            if fold(text) in EMPTY_COMMENTS:
                continue
            masked = mask_personal_data(text)
            for kind, n in masked.counts.items():
                counts[kind] = counts.get(kind, 0) + n
            comments.append(Comment(int(row_numbers[i]), names[c], masked.text, masked.total))
    return comments, counts
