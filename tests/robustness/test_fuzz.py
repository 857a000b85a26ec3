"""A few thousand seeded malformed and hostile files through the real import path.

The corpus runs in a subprocess (``run_fuzz.py``) under an address-space cap, so a case that
killed or hung the process would end the run: the test then fails on the exit status or the
timeout. Each case must be stored (all of it plausible) or refused with a message naming
the file and the database unchanged; ``run_fuzz`` counts anything else as a failure.
``NKI_FUZZ_CASES`` changes the number of cases (10 000+ runs locally: see the module).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = int(os.environ.get("NKI_FUZZ_CASES", "2000"))


@pytest.mark.skipif(shutil.which("prlimit") is None, reason="needs prlimit (util-linux)")
def test_fuzz_corpus_is_stored_or_refused_with_a_located_message(tmp_path):
    summary_file = tmp_path / "summary.json"
    result = subprocess.run(
        [
            "prlimit",
            "--as=3221225472",
            "--",
            sys.executable,
            "-m",
            "tests.robustness.run_fuzz",
            "--cases",
            str(CASES),
            "--json",
            str(summary_file),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60 + CASES * 0.5,
    )

    assert result.returncode in (0, 1), result.stderr[-2000:]  # not killed by a signal
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert summary["failure_classes"] == {}, summary["examples"]
    assert summary["tried"] == CASES
    assert summary["refused"] > CASES // 4 and summary["stored"] > CASES // 20
    assert summary["refusal_classes"]["reader: damaged or too big"] > 0
    assert summary["refusal_classes"]["implausible value"] > 0
