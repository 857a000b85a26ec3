"""Preliminary in-year NKI from dated respondent rows; replaced by the final figure."""

from __future__ import annotations

import datetime as dt
import math
import statistics

import pytest
from openpyxl import Workbook

from nki_desktop.analysis.preliminary import build_preliminary, load_preliminary
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.rules import nki_total_areas
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services.imports import import_file
from tests.comment_builders import headers_for
from tests.respondent_builders import make_rows, write_xlsx


def _rows(year, answers, start=dt.date(2025, 1, 10), area="bygglov", group="foretag"):
    return [
        {
            "year": year,
            "area": area,
            "group": group,
            "q1": a[0],
            "q2": a[1],
            "q3": a[2],
            "answered": (start + dt.timedelta(days=7 * i)).isoformat(),
            "import_id": 1,
        }
        for i, a in enumerate(answers)
    ]


def _nki(a):
    return (sum(a) / 3 - 1) / 9 * 100


def test_running_nki_with_n_interval_and_last_date():
    answers = [
        (8, 9, 7),
        (10, 10, 9),
        (5, 4, 6),
        (7, 7, 7),
        (9, 8, 8),
        (6, 5, 6),
        (8, 8, 9),
        (9, 9, 9),
    ]
    rows = _rows(2025, answers) + _rows(2024, [(1, 1, 1)] * 9, dt.date(2024, 3, 1))
    p = build_preliminary(rows, final_years={2023, 2024}, unit="1880", group="foretag")
    assert p is not None and p.year == 2025 and p.n == 8
    values = [_nki(a) for a in answers]
    assert p.value == pytest.approx(statistics.mean(values))
    half = 2.3646 * statistics.stdev(values) / math.sqrt(8)  # t(0.975, 7)
    assert p.ci_low == pytest.approx(p.value - half, abs=1e-3)
    assert p.ci_high == pytest.approx(p.value + half, abs=1e-3)
    assert p.last_date == "2025-02-28" and p.first_date == "2025-01-10"
    assert p.label == "preliminärt, t.o.m. 2025-02-28"
    assert p.text.startswith(f"NKI 2025: {fmt_index(p.value)} (n = 8, 95 % KI ")
    assert "," in fmt_index(p.value)  # Swedish decimal comma
    assert p.text.endswith("preliminärt, t.o.m. 2025-02-28")


def test_fewer_than_seven_answers_show_no_value():
    p = build_preliminary(_rows(2025, [(8, 8, 8)] * 6), set(), "1880", "foretag")
    assert p is not None and p.value is None and p.n == 6 and p.ci_low is None
    assert "för få svar: n = 6 < 7" in p.text and "78" not in p.text
    seven = build_preliminary(_rows(2025, [(8, 8, 8)] * 7), set(), "1880", "foretag")
    assert seven is not None and seven.value == pytest.approx(_nki((8, 8, 8)))


def test_a_final_figure_for_the_year_means_no_preliminary():
    rows = _rows(2025, [(8, 8, 8)] * 10)
    assert build_preliminary(rows, {2025}, "1880", "foretag") is None
    # Undated rows and other groups do not count.
    undated = [dict(r, answered=None) for r in rows]
    assert build_preliminary(undated, set(), "1880", "foretag") is None
    assert build_preliminary(rows, set(), "1880", "privatperson") is None


def test_total_counts_only_the_years_nki_areas():
    rows = _rows(2025, [(9, 9, 9)] * 8, area="bygglov") + _rows(
        2025, [(1, 1, 1)] * 8, area="brandskydd"
    )
    assert "brandskydd" not in nki_total_areas(2025)
    p = build_preliminary(rows, set(), "1880", "foretag")
    assert p is not None and p.n == 8 and p.value == pytest.approx(_nki((9, 9, 9)))
    area = build_preliminary(rows, set(), "1880", "foretag", area="brandskydd")
    assert area is not None and area.value == pytest.approx(0.0)


def _template(path, year, value):
    book = Workbook()
    sheet = book.active
    sheet.append(["År", "Kommun", "Område", "Faktor", "Svarsgrupp", "Värde", "Antal svar"])
    sheet.append([year, "1880", "total", "nki", "foretag", value, 120])
    book.save(path)
    return path


def test_from_an_imported_file_and_replaced_by_the_final_import(store, tmp_path):
    headers = headers_for("svarsdatum")
    final = write_xlsx(
        tmp_path / "2024.xlsx",
        [[r[0], dt.date(2024, 2, 1), *r[2:], ""] for r in make_rows(40, years=(2024,))],
        headers=headers,
    )
    assert import_file(store, final, ImportOptions(kommun="1880")).ok
    running = [
        [r[0], dt.date(2025, 1, 2) + dt.timedelta(days=i), *r[2:], ""]
        for i, r in enumerate(make_rows(50, seed=9, years=(2025,)))
    ]
    assert import_file(
        store,
        write_xlsx(tmp_path / "2025.xlsx", running, headers=headers),
        ImportOptions(kommun="1880"),
    ).ok
    p = load_preliminary(store, "1880", "foretag")
    assert p is not None and p.year == 2025
    counted = [
        r
        for r in running
        if r[2] in ("Bygglov", "Miljö- och hälsoskydd", "Livsmedelskontroll", "Serveringstillstånd")
    ]
    complete = [r for r in counted if all(isinstance(v, int) and v not in (0, 99) for v in r[4:7])]
    assert p.n == len(complete)
    assert p.value == pytest.approx(statistics.mean(_nki(r[4:7]) for r in complete))
    assert p.last_date == max(r[1] for r in complete).isoformat()
    # The computed values of 2024 and 2025 are the program's own, not final: 2025 stays
    # preliminary until a published figure arrives.
    assert import_file(
        store, _template(tmp_path / "final.xlsx", 2025, 77.0), ImportOptions(kommun="1880")
    ).ok
    assert load_preliminary(store, "1880", "foretag") is None


def test_the_sample_data_has_a_running_year_with_comments(sample_store):
    from nki_desktop.services.comments import comments

    p = load_preliminary(sample_store, "1880", "foretag")
    assert p is not None and p.year == 2025 and p.value is not None and p.n >= 7
    assert p.last_date.startswith("2025-0")
    assert load_preliminary(sample_store, "0114", "foretag") is None  # no answers there
    rows = comments(sample_store, "1880")
    assert rows and all(r.year == 2025 and r.nki is not None for r in rows)
    assert not any("070-123" in r.text for r in comments(sample_store))
