"""The Store: reads and writes of imports, units and values. All SQL lives in storage/.
Parts are mixed in from their own modules: the value reads (``queries.py``) and the
remembered column mappings (``mappings.py``).

One writer, snapshot readers: the writer connection is used only inside
:meth:`Store.transaction`, under one lock; each thread reads through its own connection
(:attr:`Store.conn`), which in WAL mode sees the last committed state, never another
thread's transaction in progress. Each import is one transaction, so a file lands whole or
not at all.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from nki_desktop.domain.municipalities import JOINT_PREFIX, Catalogue
from nki_desktop.domain.records import (
    DEFAULT_PREFERENCE,
    ImportBatch,
    ImportInfo,
    SaveResult,
)
from nki_desktop.paths import shipped_catalogue
from nki_desktop.storage.comments import save_comments
from nki_desktop.storage.db import ReadOnlyDatabase, backup_copy, connect, problem, writable
from nki_desktop.storage.mappings import MappingQueries
from nki_desktop.storage.opening import open_checked
from nki_desktop.storage.queries import ValueQueries
from nki_desktop.storage.rows import import_info, observation_insert, respondent_rows

_RESPONDENT_COLUMNS = (
    "import_id",
    "year",
    "unit",
    "area",
    "grp",
    "q1",
    "q2",
    "q3",
    "information",
    "tillganglighet",
    "bemotande",
    "kompetens",
    "rattssakerhet",
    "effektivitet",
    "background",
    "sheet",
    "row",
    "answered",
)
UNDO_BACKUP_ABOVE = 10_000  # an undo that removes more values than this is preceded by a copy


class Store(MappingQueries, ValueQueries):
    """The program's database. Open with :meth:`open`; one instance per file.

    ``readonly`` stores read through ``mode=ro`` connections and refuse every write with
    :class:`ReadOnlyDatabase` (a second window on the same file, a read-only file).
    """

    def __init__(self, path: Path, catalogue: Catalogue | None = None, *, readonly: bool = False):
        self.path = path
        self.catalogue = catalogue or shipped_catalogue()
        self.readonly = readonly
        self._lock = threading.RLock()  # the one writer
        self._writer: sqlite3.Connection | None = None
        self._readers: dict[int, sqlite3.Connection] = {}
        self._readers_lock = threading.Lock()
        self._local = threading.local()
        self.backup_path: Path | None = None  # written before a migration at opening
        self.last_backup: Path | None = None  # written before the last large undo

    @classmethod
    def open(
        cls, path: Path | str, catalogue: Catalogue | None = None, *, readonly: bool = False
    ) -> Store:
        """Open a database file: checked, and created or migrated only when it must be.

        Raises :class:`DatabaseProblem` (a Swedish message) for a folder, a file that is not
        ours, a damaged or truncated file, or one from a newer version.
        """
        path = Path(path)
        catalogue = catalogue or shipped_catalogue()
        backup = open_checked(path, catalogue)
        store = cls(path, catalogue, readonly=readonly)
        store.backup_path = backup
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's reading connection (autocommit: each query sees the last commit)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = connect(self.path, readonly=self.readonly)
                if not self.readonly:
                    conn.execute("PRAGMA query_only = ON")
            except sqlite3.Error as exc:
                raise problem(exc, self.path) from exc
            threading.current_thread()  # registers a Qt pool thread, so it counts as alive
            with self._readers_lock:
                alive = {t.ident for t in threading.enumerate()}
                for ident in [i for i in self._readers if i not in alive]:
                    self._readers.pop(ident).close()  # threads that ended
                old = self._readers.pop(threading.get_ident(), None)
                if old is not None:  # a new thread with an ended thread's id
                    old.close()
                self._readers[threading.get_ident()] = conn
            self._local.conn = conn
        return conn

    def close(self) -> None:
        with self._lock, self._readers_lock:
            for conn in self._readers.values():
                conn.close()
            self._readers.clear()
            self._local = threading.local()
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    # -- transactions -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under the writer lock; rolls back on any exception.

        Waits for another process's write (busy timeout); a database that stays locked, is
        read-only or full raises :class:`DatabaseProblem` with a Swedish message.
        """
        with self._lock:
            if self.readonly:
                raise ReadOnlyDatabase(
                    f"Databasen {self.path} är öppnad skrivskyddad (bara läsning). Inget "
                    f"ändrades. Stäng det andra fönstret som har den öppen och öppna den igen "
                    f"för att kunna ändra."
                )
            try:
                if self._writer is None:
                    self._writer = connect(self.path)
                self._writer.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise problem(exc, self.path) from exc
            try:
                yield self._writer
            except BaseException as exc:
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):
                    raise problem(exc, self.path) from exc
                raise
            try:
                self._writer.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                raise problem(exc, self.path) from exc

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The writer connection outside a transaction, under the lock (restore only)."""
        with self._lock:
            if self.readonly:
                raise ReadOnlyDatabase(
                    f"Databasen {self.path} är öppnad skrivskyddad. Inget ändrades."
                )
            if self._writer is None:
                self._writer = connect(self.path)
            yield self._writer

    def checkpoint(self) -> None:
        """Fold the WAL into the database file (tests compare file bytes after it)."""
        with self._lock:
            if self._writer is not None:
                self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_to(self, target: Path) -> Path:
        """A checked copy of the committed database at ``target`` (SQLite's backup API)."""
        return backup_copy(self.conn, target)

    # -- meta and preferences ------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def preference(self) -> tuple[str, ...]:
        """Publications in order of preference when sources disagree on a cell."""
        stored = self.get_meta("publication_preference")
        order = tuple(json.loads(stored)) if stored else DEFAULT_PREFERENCE
        return order + tuple(p for p in DEFAULT_PREFERENCE if p not in order)

    def set_preference(self, order: Sequence[str]) -> None:
        self.set_meta("publication_preference", json.dumps(list(order)))

    # -- imports -------------------------------------------------------------------------
    def find_import_by_sha(self, sha256: str) -> ImportInfo | None:
        row = self.conn.execute("SELECT * FROM imports WHERE sha256 = ?", (sha256,)).fetchone()
        return import_info(row) if row else None

    def save_import(
        self, batch: ImportBatch, progress: Any = None, chunk: int = 20_000
    ) -> SaveResult:
        """Store a batch in one transaction. The same file (sha256) twice is a no-op.

        ``progress(done, total)`` is called between chunks; any exception raised from it
        rolls everything back.
        """
        existing = self.find_import_by_sha(batch.sha256)
        if existing:
            return SaveResult(
                existing.id,
                True,
                0,
                f"Filen {batch.file_name} är redan importerad "
                f"(import {existing.id}, {existing.imported_at}). Inget ändrades.",
            )
        now = datetime.now().isoformat(timespec="seconds")
        total = len(batch.observations) + len(batch.respondents)
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM imports WHERE sha256 = ?", (batch.sha256,)
            ).fetchone()
            if row is not None:  # imported by another process meanwhile
                return SaveResult(
                    int(row[0]),
                    True,
                    0,
                    f"Filen {batch.file_name} är redan importerad (import "
                    f"{row[0]}). Inget ändrades.",
                )
            cur = conn.execute(
                "INSERT INTO imports(file_name, sha256, kind, publication, description, "
                "imported_at, sheets, rows_stored, rows_skipped, years, notes, settings) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    batch.file_name,
                    batch.sha256,
                    batch.kind,
                    batch.publication,
                    batch.description,
                    now,
                    json.dumps(batch.sheets, ensure_ascii=False),
                    len(batch.observations),
                    len(batch.skipped),
                    ",".join(str(y) for y in batch.years),
                    json.dumps(batch.notes, ensure_ascii=False),
                    batch.settings.to_json(),
                ),
            )
            import_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT OR IGNORE INTO units(key, kind, name, lan_code, members) "
                "VALUES (?, 'joint', ?, '', ?)",
                [(jb.key, jb.name, ",".join(jb.members)) for jb in batch.joint_bodies],
            )
            self._ensure_units(conn, {o.unit for o in batch.observations})
            done = 0
            obs = batch.observations
            insert, row_of = observation_insert(import_id, obs)
            for start in range(0, len(obs), chunk):
                conn.executemany(insert, map(row_of, obs[start : start + chunk]))
                done += len(obs[start : start + chunk])
                if progress:
                    progress(done, total)
            resp = batch.respondents
            columnar = getattr(resp, "table_rows", None)  # RespondentTable: tuples directly
            for start in range(0, len(resp), chunk):
                conn.executemany(
                    f"INSERT INTO respondents({','.join(_RESPONDENT_COLUMNS)}) "
                    f"VALUES ({','.join('?' * len(_RESPONDENT_COLUMNS))})",
                    columnar(import_id, start, start + chunk)
                    if columnar
                    else respondent_rows(import_id, resp[start : start + chunk]),
                )
                done += min(chunk, len(resp) - start)
                if progress:
                    progress(done, total)
            save_comments(conn, import_id, batch.comments, now)
        return SaveResult(
            import_id,
            False,
            len(batch.observations),
            f"{len(batch.observations)} värden sparade från {batch.file_name}.",
        )

    def _ensure_units(self, conn: sqlite3.Connection, units: Iterable[str]) -> None:
        known = {r[0] for r in conn.execute("SELECT key FROM units")}
        missing = [u for u in units if u not in known]
        bad = [u for u in missing if not u.startswith(JOINT_PREFIX)]
        if bad:
            raise ValueError(f"Okända enheter: {', '.join(sorted(bad)[:5])}")
        conn.executemany(
            "INSERT INTO units(key, kind, name, lan_code, members) VALUES (?, 'joint', ?, '', '')",
            [(u, u[len(JOINT_PREFIX) :]) for u in missing],
        )

    def list_imports(self) -> list[ImportInfo]:
        rows = self.conn.execute("SELECT * FROM imports ORDER BY id").fetchall()
        return [import_info(r) for r in rows]

    def get_import(self, import_id: int) -> ImportInfo | None:
        row = self.conn.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
        return import_info(row) if row else None

    def undo_import(self, import_id: int) -> bool:
        """Remove one import and exactly what it brought. False if there is no such import.

        An import of more than ``UNDO_BACKUP_ABOVE`` values (and respondent rows) is copied
        first (``nki.sqlite.undo-<id>-<time>.bak``, see :attr:`last_backup`).
        """
        self.last_backup = None
        size = self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM observations WHERE import_id = ?) + "
            "(SELECT COUNT(*) FROM respondents WHERE import_id = ?)",
            (import_id, import_id),
        ).fetchone()[0]
        if size > UNDO_BACKUP_ABOVE and not self.readonly and writable(self.path):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.last_backup = self.backup_to(
                self.path.with_name(f"{self.path.name}.undo-{import_id}-{stamp}.bak")
            )
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM imports WHERE id = ?", (import_id,)).fetchone():
                return False
            conn.execute("DELETE FROM observations WHERE import_id = ?", (import_id,))
            conn.execute("DELETE FROM respondents WHERE import_id = ?", (import_id,))
            conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))
            conn.execute(
                "DELETE FROM units WHERE kind = 'joint' AND key NOT IN "
                "(SELECT DISTINCT unit FROM observations) AND key NOT IN "
                "(SELECT DISTINCT unit FROM respondents)"
            )
        return True

    def imports_of_publication(self, publication: str) -> list[ImportInfo]:
        return [i for i in self.list_imports() if i.publication == publication]
