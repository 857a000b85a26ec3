"""Column mappings remembered by the shape of a file (its signature), so a file laid out
like one the user has mapped before imports without asking again. A part of the Store."""

from __future__ import annotations

import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any


class MappingQueries:
    """The Store's reads and writes of ``column_mappings`` (mixed into :class:`Store`)."""

    @property
    def conn(self) -> sqlite3.Connection:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def get_mapping(self, signature: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT mapping FROM column_mappings WHERE signature = ?", (signature,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def save_mapping(self, signature: str, kind: str, mapping: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO column_mappings(signature, kind, mapping, updated_at) "
                "VALUES (?,?,?,?)",
                (
                    signature,
                    kind,
                    json.dumps(mapping, ensure_ascii=False),
                    datetime.now().isoformat(timespec="seconds"),
                ),
            )

    def list_mappings(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Every remembered mapping: (signature, kind, updated_at, mapping), newest first."""
        rows = self.conn.execute(
            "SELECT signature, kind, updated_at, mapping FROM "
            "column_mappings ORDER BY updated_at DESC, signature"
        )
        return [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def clear_mappings(self, signature: str | None = None) -> int:
        """Forget one remembered mapping (by signature or a unique prefix of it), or all."""
        with self.transaction() as conn:
            if signature is None:
                return conn.execute("DELETE FROM column_mappings").rowcount
            matches = [
                r[0]
                for r in conn.execute(
                    "SELECT signature FROM column_mappings WHERE signature LIKE ? || '%'",
                    (signature,),
                )
            ]
            if len(matches) != 1:
                return 0
            return conn.execute(
                "DELETE FROM column_mappings WHERE signature = ?", (matches[0],)
            ).rowcount
