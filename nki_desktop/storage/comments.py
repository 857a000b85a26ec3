"""Companies' comments: free text of respondent rows (masked before it gets here), each linked
to its respondent row, with the user's pick for the report. Rows go with their import: a
trigger (schema v8) deletes them when the import is undone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nki_desktop.domain.areas import SERVICE_FACTORS
from nki_desktop.domain.records import Comment

if TYPE_CHECKING:  # the Store imports save_comments from here
    from nki_desktop.storage.repository import Store

_ANSWERS = ("q1", "q2", "q3", *SERVICE_FACTORS)


@dataclass(frozen=True)
class StoredComment:
    """A comment as stored, with its respondent's year, unit, area, group and raw answers."""

    id: int
    import_id: int
    year: int
    unit: str
    area: str
    group: str
    answered: str | None  # ISO date of the answer, where the file had one
    column: str
    text: str
    maskings: int
    picked: bool
    created_at: str
    changed_at: str
    answers: dict[str, float | None]  # q1..q3 and the factors, raw (None: no answer)


def save_comments(
    conn: sqlite3.Connection, import_id: int, comments: Sequence[Comment], now: str
) -> int:
    """Store an import's comments inside its transaction (``conn`` holds it); returns how
    many. Each is linked to the respondent row of the same import and sheet row."""
    if not comments:
        return 0
    ids = dict(
        conn.execute("SELECT row, id FROM respondents WHERE import_id = ?", (import_id,)).fetchall()
    )
    rows = [
        (import_id, ids.get(c.row), c.row, c.column, c.text, c.maskings, now, now)
        for c in comments
        if c.row in ids
    ]
    conn.executemany(
        "INSERT INTO comments(import_id, respondent_id, row, col, text, maskings, "
        "picked, created_at, changed_at) VALUES (?,?,?,?,?,?,0,?,?)",
        rows,
    )
    return len(rows)


def list_comments(
    store: Store,
    *,
    unit: str | None = None,
    year: int | None = None,
    area: str | None = None,
    picked_only: bool = False,
) -> list[StoredComment]:
    """Comments with their respondents, oldest case year first, in file order."""
    where, params = [], []
    for column, value in (("r.unit", unit), ("r.year", year), ("r.area", area)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if picked_only:
        where.append("c.picked = 1")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = store.conn.execute(
        "SELECT c.id, c.import_id, r.year, r.unit, r.area, r.grp, r.answered, c.col, c.text, "
        "c.maskings, c.picked, c.created_at, c.changed_at, "
        f"{', '.join('r.' + a for a in _ANSWERS)} "
        f"FROM comments c JOIN respondents r ON r.id = c.respondent_id {clause} "
        "ORDER BY r.year, c.import_id, c.row, c.id",
        params,
    ).fetchall()
    return [_comment(r) for r in rows]


def _comment(r: Any) -> StoredComment:
    return StoredComment(
        id=r[0],
        import_id=r[1],
        year=r[2],
        unit=r[3],
        area=r[4],
        group=r[5],
        answered=r[6],
        column=r[7] or "",
        text=r[8] or "",
        maskings=r[9] or 0,
        picked=bool(r[10]),
        created_at=r[11] or "",
        changed_at=r[12] or "",
        answers=dict(zip(_ANSWERS, r[13:], strict=True)),
    )


def set_picked(store: Store, ids: Iterable[int], picked: bool) -> int:
    """Pick (or unpick) comments for the report; returns how many rows changed."""
    now = datetime.now().isoformat(timespec="seconds")
    wanted = [(int(picked), now, int(i)) for i in ids]
    with store.transaction() as conn:
        before = conn.total_changes
        conn.executemany(
            "UPDATE comments SET picked = ?, changed_at = ? WHERE id = ? AND picked != ?",
            [(*w, w[0]) for w in wanted],
        )
        return conn.total_changes - before


def comment_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0])
