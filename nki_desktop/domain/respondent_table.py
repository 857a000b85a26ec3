"""Respondent rows held as columns: a read-only sequence of dicts for whoever reads a batch,
and tuples straight for the database (``table_rows``), so a 300 000-row import does not
build and take apart 300 000 dicts. Numeric columns (year, answers, row) may be numpy arrays:
they are turned into Python numbers a chunk at a time, never all at once (300 000 × 9
answers as Python floats would be about 90 MB more at the import's peak)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import repeat
from typing import Any, overload

from nki_desktop.domain.areas import SERVICE_FACTORS

NumberColumn = Any  # a list of numbers or a one-dimensional numpy array
ANSWER_KEYS = ("q1", "q2", "q3", *SERVICE_FACTORS)
KEYS = ("year", "unit", "area", "group", *ANSWER_KEYS, "background", "sheet", "row", "answered")


class RespondentTable(Sequence[dict[str, Any]]):
    """Columns of equal length; ``background`` entries are dicts (shared, do not mutate).

    Answers may hold NaN for "no answer": rows read as dicts give None, and SQLite stores a
    bound NaN as NULL."""

    def __init__(
        self,
        year: NumberColumn,
        unit: list[str],
        area: list[str],
        group: list[str],
        answers: dict[str, NumberColumn],
        background: list[dict[str, Any]],
        sheet: str,
        row: NumberColumn,
        answered: list[str | None] | None = None,
    ):
        # ``answered``: each row's answer date as ISO text (None: the file has no dates).
        self.columns: list[Sequence[Any]] = [
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
        row = dict(zip(KEYS, (_plain(c[index]) for c in self.columns), strict=True))
        for key in ANSWER_KEYS:
            value = row[key]
            if value is not None and value != value:  # NaN: no answer
                row[key] = None
        return row

    def table_rows(self, import_id: int, start: int, stop: int) -> list[tuple[Any, ...]]:
        """Rows for the ``respondents`` table (storage column order), background as JSON."""
        cols = self.columns
        part = cols[13][start:stop]
        ids = list(map(id, part))
        # Few distinct (shared) dicts: each serialised once, then looked up at C speed.
        texts = {
            key: json.dumps(d, ensure_ascii=False) if d else ""
            for key, d in dict(zip(ids, part, strict=True)).items()
        }
        bg = list(map(texts.__getitem__, ids))
        return list(
            zip(
                repeat(import_id),
                *(_chunk(c, start, stop) for c in cols[:13]),
                bg,
                _chunk(cols[14], start, stop),
                _chunk(cols[15], start, stop),
                _chunk(cols[16], start, stop),
            )
        )


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python number it holds; anything else as it is."""
    return value.item() if hasattr(value, "item") else value


def _chunk(column: Sequence[Any], start: int, stop: int) -> Sequence[Any]:
    part = column[start:stop]
    return part.tolist() if hasattr(part, "tolist") else part  # numpy: Python numbers
