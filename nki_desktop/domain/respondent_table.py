"""Respondent rows held as columns: a read-only sequence of dicts for whoever reads a batch,
and tuples straight for the database (``table_rows``), so a 300 000-row import does not
build and take apart 300 000 dicts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import repeat
from typing import Any, overload

from nki_desktop.domain.areas import SERVICE_FACTORS

ANSWER_KEYS = ("q1", "q2", "q3", *SERVICE_FACTORS)
KEYS = ("year", "unit", "area", "group", *ANSWER_KEYS, "background", "sheet", "row", "answered")


class RespondentTable(Sequence[dict[str, Any]]):
    """Columns of equal length; ``background`` entries are dicts (shared, do not mutate).

    Answers may hold NaN for "no answer": rows read as dicts give None, and SQLite stores a
    bound NaN as NULL."""

    def __init__(
        self,
        year: list[int],
        unit: list[str],
        area: list[str],
        group: list[str],
        answers: dict[str, list[float | None]],
        background: list[dict[str, Any]],
        sheet: str,
        row: list[int],
        answered: list[str | None] | None = None,
    ):
        # ``answered``: each row's answer date as ISO text (None: the file has no dates).
        self.columns: list[list[Any]] = [
            year,
            unit,
            area,
            group,
            *(answers[k] for k in ANSWER_KEYS),
            background,
            [sheet] * len(year),
            row,
            answered or [None] * len(year),
        ]
        self.sheet = sheet

    def __len__(self) -> int:
        return len(self.columns[0])

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = dict(zip(KEYS, (c[index] for c in self.columns), strict=True))
        for key in ANSWER_KEYS:
            value = row[key]
            if value is not None and value != value:  # NaN: no answer
                row[key] = None
        return row

    def table_rows(self, import_id: int, start: int, stop: int) -> list[tuple[Any, ...]]:
        """Rows for the ``respondents`` table (storage column order), background as JSON."""
        cols = self.columns
        texts: dict[int, str] = {}
        bg = []
        for d in cols[13][start:stop]:
            text = texts.get(id(d))
            if text is None:
                text = texts[id(d)] = json.dumps(d, ensure_ascii=False) if d else ""
            bg.append(text)
        return list(
            zip(
                repeat(import_id),
                *(c[start:stop] for c in cols[:13]),
                bg,
                cols[14][start:stop],
                cols[15][start:stop],
                cols[16][start:stop],
            )
        )
