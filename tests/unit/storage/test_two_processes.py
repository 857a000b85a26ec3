"""Two processes, one database: two first imports into one new file at once.

Each child opens the (not yet existing) file and imports its own batch as soon as a start
signal appears, so both race on creating the schema. Every trial must end with both imports
stored, a whole file at the latest schema version, and no error in either process.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from nki_desktop.storage import migrations

ROOT = Path(__file__).resolve().parents[3]
TRIALS = int(__import__("os").environ.get("NKI_TRIALS", "20"))
CHILD = r"""
import hashlib, sys, time
from pathlib import Path
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage import Store
db, name, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
obs = [Observation(2000 + i // 290, f"{i % 290:04d}", "total", "nki", "foretag", 60.0)
       for i in range(2000)]
Path(f"{go}.{name}.ready").touch()
while not go.exists():
    time.sleep(0.001)
store = Store.open(db)
units = sorted(k.code for k in store.catalogue.kommuner)
obs = [Observation(o.year, units[i % len(units)], o.area, o.factor, o.group, o.value)
       for i, o in enumerate(obs)]
result = store.save_import(ImportBatch(file_name=name, sha256=hashlib.sha256(name.encode())
                                       .hexdigest(), kind="oj", publication="oj",
                                       observations=obs))
store.close()
print(result.stored)
"""


def test_two_first_imports_into_one_new_file_at_once(tmp_path):
    failures = []
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.sqlite"
        go = tmp_path / f"go{trial}"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, str(db), f"fil{n}.xlsx", str(go)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in (1, 2)
        ]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob(f"go{trial}.*.ready"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)  # both children started and waiting
        go.touch()
        outputs = [c.communicate(timeout=120) for c in children]
        for child, (out, err) in zip(children, outputs, strict=True):
            if child.returncode != 0 or out.strip() != "2000":
                failures.append((trial, child.returncode, out, err[-500:]))
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        names = sorted(r[0] for r in conn.execute("SELECT file_name FROM imports"))
        count = conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
        conn.close()
        if names != ["fil1.xlsx", "fil2.xlsx"] or count != 4000:
            failures.append((trial, names, count))
    assert failures == []
