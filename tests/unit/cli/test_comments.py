"""``comments list|pick|unpick`` and ``preliminary`` on the sample data."""

from __future__ import annotations

import csv
import io
import json

from nki_desktop import cli


def _run(db, *args):
    out = io.StringIO()
    code = cli.run(["--db", str(db), *args], out)
    return code, out.getvalue()


def test_list_search_pick_and_preliminary(sample_db_copy):
    code, text = _run(sample_db_copy, "comments", "list", "--kommun", "1880")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["unit"] for r in rows} == {"1880"}
    assert not any("070-123" in r["text"] or "@" in r["text"] for r in rows)
    code, text = _run(
        sample_db_copy,
        "comments",
        "list",
        "--kommun",
        "1880",
        "--search",
        "handläggare",
        "--format",
        "json",
    )
    found = json.loads(text)
    assert found and all("handläggare" in r["text"].lower() for r in found)
    ids = [str(r["id"]) for r in found[:2]]
    assert _run(sample_db_copy, "comments", "pick", *ids) == (
        0,
        "2 kommentarer tagna med i rapporten.\n",
    )
    code, text = _run(sample_db_copy, "comments", "list", "--picked", "--format", "json")
    assert [str(r["id"]) for r in json.loads(text)] == ids
    assert _run(sample_db_copy, "comments", "unpick", ids[0])[0] == 0
    code, text = _run(sample_db_copy, "preliminary", "--kommun", "1880")
    assert code == 0 and "preliminärt, t.o.m. 2025-" in text and "(n = " in text
    assert _run(sample_db_copy, "comments", "list", "--kommun", "9999")[0] == 2
