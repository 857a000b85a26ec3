"""Property tests: any cell text and any JSON shape end stored-and-plausible or refused with
a located message; cleaned text is clean; escaped text is never a formula."""

from __future__ import annotations

import json
import math
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nki_desktop.domain import plausibility
from nki_desktop.domain.text import TEXT_LIMIT, clean_text, formula_safe, looks_like_formula
from nki_desktop.services import imports
from nki_desktop.storage import Store
from tests import import_builders as ib

CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "1e308",
            "-1e308",
            "inf",
            "NaN",
            "-8",
            "150",
            ">6",
            "0,5",
            "77 %",
            "..",
            "−3",
            "1 234",
            "86 (114)",
            "=A1",
            "2,5,3",
            "9" * 400,
            "u07451",
        ]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _import(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        store = Store.open(Path(tmp) / "db.sqlite")
        try:
            outcome = imports.import_file(store, path)
            rows = store.conn.execute(
                "SELECT year, unit, area, factor, grp, value, n, rank, rank_of, ci_low, "
                "ci_high FROM observations"
            ).fetchall()
            count = store.conn.execute("SELECT count(*) FROM imports").fetchone()[0]
        finally:
            store.close()
    from nki_desktop.domain.records import Observation

    stored = [Observation(*r) for r in rows]
    if outcome.ok:
        assert not list(plausibility.findings(stored, units=400))
    else:
        assert name in outcome.message and "Traceback" not in outcome.message
        assert count == 0 and not stored
    return outcome


@SETTINGS
@given(value=CELLS, n=CELLS, year=st.sampled_from(["2023", "1989", "0", "2022023", "x"]))
def test_any_cell_is_stored_plausibly_or_refused_at_a_place(value, n, year):
    lines = [
        ["Öppna jämförelser Företagsklimat 2023"],
        [],
        ["Kommunkod", "Kommun", "Bygglov NKI", "Bygglov antal svar", "Ärendeår"],
        ["2514", "Kalix", value, n, year],
        ["2582", "Boden", "70", "20", "2023"],
    ]
    text = "\r\n".join(";".join(c.replace(";", ",") for c in cells) for cells in lines)
    _import("cells.csv", text.encode("utf-8", "surrogatepass"))


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.sampled_from(["", "0000", "2514", "U07451", "T", "K", "..", "Sekretess", "2022"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["values", "kpi", "municipality", "period", "gender", "value", "status", "count"]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@SETTINGS
@given(doc=JSON)
def test_json_of_any_shape_is_stored_plausibly_or_refused(doc):
    _import("doc.json", json.dumps(doc).encode())


@SETTINGS
@given(item=JSON)
def test_one_odd_item_in_a_kolada_file_is_stored_plausibly_or_refused(item):
    with tempfile.TemporaryDirectory() as tmp:
        data = json.loads(ib.kolada_json(Path(tmp) / "k.json").read_text(encoding="utf-8"))
    data["values"].append(item)
    _import("k.json", json.dumps(data).encode())


@given(st.text())
def test_cleaned_text_is_clean_short_and_stable(text):
    cleaned = clean_text(text)
    assert len(cleaned) <= TEXT_LIMIT
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)
    assert clean_text(cleaned) == cleaned


@given(st.text())
def test_escaped_text_never_starts_a_formula(text):
    safe = formula_safe(text)
    assert isinstance(safe, str) and not looks_like_formula(safe)
    assert safe == text or safe == "'" + text


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_an_index_outside_0_to_100_is_never_plausible(value):
    from nki_desktop.domain.records import Observation

    o = Observation(2023, "2514", "bygglov", "nki", "foretag", value=value)
    ok = plausibility.problem(o, 290, 2027) is None
    assert ok == (math.isfinite(value) and 0 <= value <= 100)
