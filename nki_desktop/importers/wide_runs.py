"""Reading a wide table's row when each cell's columns stand side by side (NKI, rank, antal
svar): the common layout, read with the measures in locals and one Observation per cell.
The same reading as ``wide._read_row`` (a Hypothesis test in test_wide.py compares them)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from nki_desktop.domain.records import Observation, Skip
from nki_desktop.importers.base import ImportProblem
from nki_desktop.importers.cells import MAX_COUNT, Where, read_count, read_rank, read_value

if TYPE_CHECKING:
    from nki_desktop.importers.wide import TableResult, _Plan

_Cells = list[tuple[int, str, str]]  # index, measure, letter
# value column, its letter, rank column, n column (-1: none), rank read before n
_Shape = tuple[int, str, int, int, bool]
_Run = tuple[tuple[int, str, str], bool, _Cells, _Shape | None]  # key, has value, cells, shape


def _runs(plan: _Plan, value_keys: set[tuple[int, str, str]]) -> list[_Run] | None:
    """The plan as runs of adjacent columns of one cell (NKI, rank, antal svar side by
    side), or None when a cell's columns are apart (then ``wide._read_row`` reads it)."""
    grouped: list[tuple[tuple[int, str, str], _Cells]] = []
    for index, cell_year, area, factor, measure, letter in plan:
        key = (cell_year, area, factor)
        if grouped and grouped[-1][0] == key:
            grouped[-1][1].append((index, measure, letter))
        elif any(k == key for k, _cells in grouped):
            return None
        else:
            grouped.append((key, [(index, measure, letter)]))
    return [(key, key in value_keys, cells, _shape(cells)) for key, cells in grouped]


def _shape(cells: _Cells) -> _Shape | None:
    """The usual run: the value first, then at most one rank and one n column."""
    measures = [m for _i, m, _l in cells]
    if measures[0] != "value" or len(set(measures)) != len(measures):
        return None
    rank = next((i for i, m, _l in cells if m == "rank"), -1)
    n = next((i for i, m, _l in cells if m == "n"), -1)
    rank_first = "rank" in measures and ("n" not in measures or measures.index("rank") == 1)
    return cells[0][0], cells[0][2], rank, n, rank_first


def _read_runs(
    file: str,
    sheet: str,
    raw: list[Any],
    row_no: int,
    unit: str,
    runs: list[_Run],
    group: str,
    cells: dict[tuple[int, str, str, str], tuple[Observation, int]],
    result: TableResult,
) -> None:
    """:func:`_read_row` for a plan of adjacent runs: the same reading, cell by cell in
    the plan's order, with the measures in locals and one Observation built per cell."""
    width = len(raw)
    isfinite = math.isfinite
    kept = result.observations
    for key, valued, columns, shape in runs:
        value: float | None = None
        n: int | None = None
        rank: int | None = None
        rank_of: int | None = None
        missing: str | None = None
        if shape is not None:
            v, letter, r, c, rank_first = shape
            cell = raw[v] if v < width else ""
            if type(cell) is float and isfinite(cell):
                value = cell
            else:
                value, n, missing = read_value(cell, Where(file, sheet, row_no, v))
            if value is not None:
                result.values += 1
            elif missing is None:
                missing = ""  # only n/rank columns for this cell: the value is absent
            if rank_first and r >= 0:
                cell = raw[r] if r < width else ""
                if type(cell) is float and 0 <= cell <= MAX_COUNT:
                    rank = int(round(cell))
                else:
                    rank, rank_of = read_rank(cell, Where(file, sheet, row_no, r))
            if c >= 0 and n is None:
                cell = raw[c] if c < width else ""
                n = (
                    int(round(cell))
                    if type(cell) is float and 0 <= cell <= MAX_COUNT
                    else read_count(cell, Where(file, sheet, row_no, c))
                )
            if not rank_first and r >= 0:
                cell = raw[r] if r < width else ""
                if type(cell) is float and 0 <= cell <= MAX_COUNT:
                    rank = int(round(cell))
                else:
                    rank, rank_of = read_rank(cell, Where(file, sheet, row_no, r))
            year, area, factor = key
            obs = Observation(
                year, unit, area, factor, group, value, n, rank, rank_of, None, None, missing,
                sheet, row_no, letter,
            )  # fmt: skip
            cell_key = (year, unit, area, factor)
            if cell_key in cells:
                _keep(obs, key, file, sheet, row_no, unit, cells, result)
            else:
                cells[cell_key] = (obs, row_no)
                kept.append(obs)
            continue
        letter_of_value = ""
        for index, measure, letter in columns:
            cell = raw[index] if index < width else ""
            if measure == "value":
                if type(cell) is float and isfinite(cell):
                    value = cell
                else:
                    value, count, missing = read_value(cell, Where(file, sheet, row_no, index))
                    if count is not None:
                        n = count
                letter_of_value = letter
                if value is not None:
                    result.values += 1
            elif measure == "n":
                if n is None:
                    n = (
                        int(round(cell))
                        if type(cell) is float and 0 <= cell <= MAX_COUNT
                        else read_count(cell, Where(file, sheet, row_no, index))
                    )
            elif measure == "rank":
                if type(cell) is float and 0 <= cell <= MAX_COUNT:
                    rank = int(round(cell))
                else:
                    rank, rank_of = read_rank(cell, Where(file, sheet, row_no, index))
        if value is None and missing is None:
            missing = ""  # only n/rank columns for this cell: the value is absent
        if value is None and n is None and rank is None and not valued:
            continue
        year, area, factor = key
        obs = Observation(
            year, unit, area, factor, group, value, n, rank, rank_of, None, None, missing,
            sheet, row_no, letter_of_value,
        )  # fmt: skip
        cell_key = (year, unit, area, factor)
        if cell_key in cells:
            _keep(obs, key, file, sheet, row_no, unit, cells, result)  # names the duplicate
        else:
            cells[cell_key] = (obs, row_no)
            kept.append(obs)


def _keep(
    obs: Observation,
    key: tuple[int, str, str],
    file: str,
    sheet: str,
    row_no: int,
    unit: str,
    cells: dict[tuple[int, str, str, str], tuple[Observation, int]],
    result: TableResult,
) -> None:
    """Add a row's observation, unless the file gave its cell before (the same values: a
    skipped duplicate row; others: a located problem)."""
    cell_key = (key[0], unit, key[1], key[2])
    if cell_key in cells:
        earlier, earlier_row = cells[cell_key]
        if (earlier.value, earlier.n, earlier.rank) == (obs.value, obs.n, obs.rank):
            result.skipped.append(Skip(sheet, row_no, f"dubblett av rad {earlier_row}", unit))
            return
        raise ImportProblem(
            file,
            f"Samma kommun ({unit}) förekommer två gånger med olika värden "
            f"(rad {earlier_row} och rad {row_no}).",
            sheet,
            row_no,
            hint="Ta bort den felaktiga raden och importera igen.",
        )
    cells[cell_key] = (obs, row_no)
    result.observations.append(obs)
