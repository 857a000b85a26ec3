"""Trend series: never one unmarked line across a change of source or definition (no Qt)."""

from __future__ import annotations

from nki_desktop.analysis.trend import (
    COMPARE_UNITS,
    Point,
    segments,
    trend_data,
    trend_rows,
)
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.records import Observation
from tests.origin_builders import OREBRO, batch

KUMLA, NORA = "1881", "1884"


def ob(year: int, unit: str, value: float | None, row: int | None = None) -> Observation:
    return Observation(year, unit, "total", "nki", "foretag", value, 40, sheet="Blad1", row=row)


def test_a_change_of_publication_or_definition_breaks_the_line(store):
    store.save_import(
        batch("kolada_u07451.csv", [ob(2014, OREBRO, 70.2, 3), ob(2015, OREBRO, 71.0, 3)], "kolada")
    )
    store.save_import(
        batch(
            "oj_2016_2022.xlsx",
            [ob(y, OREBRO, v, 7) for y, v in ((2016, 80.0), (2021, 86.0), (2022, 86.0))],
        )
    )
    store.save_import(batch("svar_2023.xlsx", [ob(2023, OREBRO, 67.1)], "respondent"))
    data = trend_data(store, OREBRO, "total", "nki", "foretag")
    parts, breaks = data.segments(data.lines[0])
    assert [[p.year for p in part] for part in parts] == [[2014, 2015], [2016, 2021, 2022], [2023]]
    assert [(b.kind, b.previous_year, b.year) for b in breaks] == [
        ("definition", 2015, 2016),
        ("source", 2015, 2016),
        ("source", 2022, 2023),
    ]
    assert (breaks[1].before, breaks[1].after) == ("Kolada", "SKR, Öppna jämförelser")
    assert breaks[2].before == "SKR, Öppna jämförelser"
    assert breaks[2].after == "Beräknat från svarsdata"
    kolada_to_oj, note = data.source_notes()
    assert kolada_to_oj.startswith("Örebro: 2015 kommer från Kolada, 2016 från SKR")
    assert note.startswith(
        "Örebro: 2022 kommer från SKR, Öppna jämförelser, 2023 från Beräknat från svarsdata."
    )
    rows = {r.year: r for r in trend_rows(data)}
    assert rows[2021].values["mine"].origin == "SKR, Öppna jämförelser"
    assert rows[2021].values["mine"].source == "oj_2016_2022.xlsx (Blad1 rad 7)"
    assert rows[2014].values["mine"].origin == "Kolada"


def test_kolada_then_oj_in_one_definition_is_two_segments():
    points = [
        Point(2019, 74.0, publications=("kolada",)),
        Point(2020, 75.0, publications=("kolada",)),
        Point(2021, 86.0, publications=("oj",)),
        Point(2022, None, missing=".."),
        Point(2023, 84.0, publications=("oj",)),
    ]
    parts, breaks = segments(points, "total")
    assert [[p.year for p in part] for part in parts] == [[2019, 2020], [2021, 2023]]
    assert [(b.kind, b.before, b.after) for b in breaks] == [
        ("source", "Kolada", "SKR, Öppna jämförelser")
    ]
    # an area that the 2024 change does not concern stays one line across 2023→2024
    same = [Point(2023, 60.0, publications=("oj",)), Point(2024, 62.0, publications=("oj",))]
    assert len(segments(same, "bygglov")[0]) == 1 and len(segments(same, "total")[0]) == 2


def test_an_average_counts_its_values_and_breaks_when_its_sources_change(store):
    store.save_import(
        batch(
            "oj.xlsx",
            [
                ob(2021, KUMLA, 70.0),
                ob(2021, NORA, 74.0),
                ob(2022, KUMLA, 72.0),
                ob(2021, RIKET, 74.0),
            ],
        )
    )
    store.save_import(batch("kolada.csv", [ob(2022, NORA, 76.0)], "kolada"))
    data = trend_data(
        store, OREBRO, "total", "nki", "foretag", COMPARE_UNITS, [KUMLA, NORA, "1882"]
    )  # three chosen, two with values
    compare = data.lines[2]
    assert compare.label == "Medel valda kommuner"  # not "(3)": not every one has a value
    assert [(p.year, p.value, p.members) for p in compare.points] == [
        (2021, 72.0, 2),
        (2022, 74.0, 2),
    ]
    assert compare.points[1].publications == ("kolada", "oj")
    assert len(data.segments(compare)[0]) == 2
