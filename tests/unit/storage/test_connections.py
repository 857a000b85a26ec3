"""One writer, snapshot readers: a thread reads only what has been committed."""

from __future__ import annotations

import hashlib
import threading

import pytest

from nki_desktop.domain.records import ImportBatch, Observation


class _Cancelled(Exception):
    """Any exception from the progress callback rolls the import back."""


def _batch(name: str, count: int) -> ImportBatch:
    units = [f"{code:04d}" for code in (114, 115, 117, 120, 123, 125, 126, 127, 128, 136)]
    obs = [
        Observation(
            2000 + i // len(units), units[i % len(units)], "total", "nki", "foretag", 50.0 + i % 40
        )
        for i in range(count)
    ]
    return ImportBatch(
        file_name=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        kind="oj",
        publication="oj",
        observations=obs,
    )


def _read_in_other_thread(fn):
    out: list = []
    worker = threading.Thread(target=lambda: out.append(fn()))
    worker.start()
    worker.join(30)
    assert out, "the reading thread did not finish"
    return out[0]


def test_another_thread_never_reads_an_import_that_is_rolled_back(store):
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        # halfway through the transaction: another thread counts what it can see
        seen.append(_read_in_other_thread(lambda: len(store.values(effective=False))))
        seen.append(_read_in_other_thread(lambda: len(store.list_imports())))
        raise _Cancelled()

    with pytest.raises(_Cancelled):
        store.save_import(_batch("rolled-back.xlsx", 40), progress=progress, chunk=10)
    assert seen == [0, 0]  # not the 10 uncommitted rows, not the uncommitted import
    assert store.values(effective=False) == [] and store.list_imports() == []


def test_readers_see_the_last_committed_state(store):
    first = store.save_import(_batch("first.xlsx", 20))
    assert _read_in_other_thread(lambda: len(store.values(effective=False))) == 20
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        if not seen:
            seen.append(_read_in_other_thread(lambda: len(store.values(effective=False))))

    store.save_import(_batch("second.xlsx", 20), progress=progress, chunk=10)
    assert seen == [20]  # the first import, none of the second while it was written
    assert _read_in_other_thread(lambda: len(store.values(effective=False))) == 40
    store.undo_import(first.import_id)
    assert len(store.values(effective=False)) == 20
