"""The report's content, gathered without Qt from a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from nki_desktop.analysis.overview import key_figures
from nki_desktop.analysis.report_data import ReportDataError, gather
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.records import ImportBatch, JointBody, Observation

OREBRO = "1880"


def test_gather_collects_figures_summary_and_ranking(report_store):
    kf = key_figures(report_store, OREBRO, 2023, "foretag")
    data = gather(report_store, OREBRO, 2023, today=dt.date(2024, 4, 30))
    assert data.kommun_name == "Örebro" and data.lan_name == "Örebro län"
    assert data.figures.total.value == kf.total.value
    rank = kf.rank_national
    assert f"plats {rank.rank} av {rank.of}" in data.summary_text
    national = data.ranking_national
    mine = [r for r in national.rows if r.is_self]
    assert len(mine) == 1 and mine[0].rank == rank.rank and national.of == rank.of
    assert not national.computed  # the sample data carries published ranks
    ranks = [r.rank for r in national.rows]
    assert ranks == sorted(ranks) and len(national.rows) <= 11
    lan = data.ranking_lan
    assert lan.computed and {r.unit[:2] for r in lan.rows} == {"18"}
    assert [r.rank for r in lan.rows if r.is_self] == [kf.rank_lan.rank]
    assert data.created == dt.date(2024, 4, 30)


def test_trend_table_and_comparison(report_store):
    data = gather(report_store, OREBRO, 2023)
    years = [r.year for r in data.trend]
    assert years == sorted(years) and years[-1] == 2023 and 2024 not in years
    riket = {
        v.year: v.value
        for v in report_store.values(unit=RIKET, area="total", factor="nki", group="foretag")
    }
    assert all(r.riket == riket[r.year] for r in data.trend)
    assert data.comparison_label.startswith("Kommungruppen (B3")
    assert OREBRO not in {code for code, _ in data.comparison_members}
    first = data.table[0]
    assert (first.area, first.factor) == ("total", "nki") and first.n == data.figures.total.n
    assert all(r.comparison is not None for r in data.areas)
    assert [r.factor for r in data.factors][:2] == ["information", "tillganglighet"]
    assert data.breaks == []  # 2016–2023 is one definition


def test_definition_break_and_first_year(report_store):
    data = gather(report_store, OREBRO, 2024, first_year=2020)
    assert [r.year for r in data.trend][0] == 2020
    assert [b.year for b in data.breaks] == [2024]
    notes = dict(data.method_notes)
    assert "fyra områden" in notes["Ändrade definitioner"]
    assert "1, 2, 2, 4" in notes["Placering vid lika värden"]


def test_sources_and_citations(report_store):
    batch = ImportBatch(
        "oj_2023_rankning.xlsx",
        "abc123",
        "oj",
        "oj",
        observations=[Observation(2023, OREBRO, "total", "nki", "foretag", 77.0, 400, 49, 198)],
    )
    report_store.save_import(batch)
    data = gather(report_store, OREBRO, 2023)
    files = {s.file_name: s for s in data.sources}
    assert "oj_2023_rankning.xlsx" in files
    assert files["oj_2023_rankning.xlsx"].imported_at == dt.date.today().isoformat()
    assert "Källa: SKR, Insikt" in data.citations and data.is_sample
    assert data.figures.total.value == 77.0  # ÖJ is preferred over the sample data
    assert "plats 49 av 198" in data.summary_text


def test_chosen_comparison_units_and_joint_body(report_store):
    batch = ImportBatch(
        "egna.xlsx",
        "def456",
        "own",
        "own",
        observations=[Observation(2023, "jb:Miljöförbundet", "total", "nki", "foretag", 66.0, 40)],
        joint_bodies=[JointBody("jb:Miljöförbundet", "Miljöförbundet", ("1880",))],
    )
    report_store.save_import(batch)
    data = gather(report_store, OREBRO, 2023, compare_units=["jb:Miljöförbundet"])
    assert data.comparison_label == "Jämförelsegruppen"  # counts go with each mean
    assert data.comparison_members == [("jb:Miljöförbundet", "Miljöförbundet")]
    assert data.table[0].comparison == 66.0
    assert data.table[0].comparison_text == "medel av 1 värde"


def test_no_data_raises_swedish_message(store):
    with pytest.raises(ReportDataError, match="inga lagrade värden för Örebro"):
        gather(store, OREBRO, 2023)


def test_report_reuses_the_overviews_key_figures(report_store):
    """The window builds the key figures once and hands them to the report."""
    kf = key_figures(report_store, OREBRO, 2023, "foretag")
    shared = gather(report_store, OREBRO, 2023, figures=kf, today=dt.date(2024, 4, 30))
    own = gather(report_store, OREBRO, 2023, today=dt.date(2024, 4, 30))
    assert shared.figures is kf
    assert shared.summary == own.summary and shared.table == own.table
    assert shared.trend == own.trend and shared.sources == own.sources
