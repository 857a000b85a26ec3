"""Which shown values are sample data: decided by publication, value by value (no Qt)."""

from __future__ import annotations

from nki_desktop.analysis.compare import load_comparison
from nki_desktop.analysis.origin import is_fictitious, mean_text, sample_warning, source_text
from nki_desktop.analysis.overview import key_figures
from nki_desktop.analysis.peers import comparison_sets, means
from nki_desktop.analysis.ranking import load_ranking
from nki_desktop.analysis.report_data import gather
from nki_desktop.analysis.trend import COMPARE_LAN, trend_data
from nki_desktop.paths import shipped_catalogue
from nki_desktop.services.sample import remove_sample
from tests.origin_builders import OREBRO, REAL_YEAR, one_kommun_2023, whole_lan

CAT = shipped_catalogue()


def _neighbours() -> list[str]:
    return comparison_sets(CAT, OREBRO)["Grannkommuner (samma län)"]


def test_texts():
    assert is_fictitious(["oj", "sample"]) and not is_fictitious(["oj", "kolada", ""])
    assert sample_warning(["Riket"]) == "Exempeldata – fiktiva värden, inte SKR:s siffror: Riket."
    assert source_text("kolada", "k.csv (Blad1 rad 4)") == "Kolada – k.csv (Blad1 rad 4)"
    assert mean_text(31) == "medel av 31 värden" and mean_text(1) == "medel av 1 värde"


def test_a_real_import_beside_sample_data_keeps_the_warning_where_sample_values_show(sample_store):
    sample_store.save_import(one_kommun_2023())
    kf = key_figures(sample_store, OREBRO, 2023)
    assert kf.total.value == 77.0 and kf.total.publication == "own"
    parts = kf.sample_parts()
    # min kommun's NKI is real, but Riket, its ranks and its other areas are still sample
    assert {
        "Riket",
        "placering i länet",
        "placering i kommungruppen",
        "en del av kommunens värden",
        "föregående år",
    } <= set(parts)
    assert "Riket" in gather(sample_store, OREBRO, 2023).figures.sample_parts()
    ranking = load_ranking(sample_store, 2023, "total", "nki", "foretag", mine=OREBRO)
    assert ranking.row_of(OREBRO).publication == "own"
    assert ranking.sample_parts() == ["värden och placeringar", "förändring sedan föregående år"]
    trend = trend_data(sample_store, OREBRO, "total", "nki", "foretag", COMPARE_LAN)
    assert trend.sample_parts() == ["Örebro", "Riket", "Medel Örebro län"]
    cmp = load_comparison(sample_store, OREBRO, _neighbours(), 2023, "foretag")
    assert "Riket" in cmp.sample_parts("areas")


def test_no_warning_where_only_real_values_show(sample_store):
    sample_store.save_import(whole_lan())
    kf = key_figures(sample_store, OREBRO, REAL_YEAR)
    assert kf.total.publication == "oj" and kf.rank_lan is not None
    assert kf.sample_parts() == []
    assert load_ranking(sample_store, REAL_YEAR, "total", "nki", "foretag").sample_parts() == []
    cmp = load_comparison(sample_store, OREBRO, _neighbours(), REAL_YEAR, "foretag")
    assert cmp.sample_parts("areas") == []
    report = gather(sample_store, OREBRO, REAL_YEAR)
    assert report.sample_sections() == set() and not report.is_sample
    # the trend runs over every stored year: sample years show, until the sample is removed
    trend = trend_data(sample_store, OREBRO, "total", "nki", "foretag", COMPARE_LAN)
    assert trend.sample_parts()
    remove_sample(sample_store)
    trend = trend_data(sample_store, OREBRO, "total", "nki", "foretag", COMPARE_LAN)
    assert trend.sample_parts() == [] and [p.year for p in trend.lines[0].points] == [2014]


def test_report_sections_with_sample_values(sample_store):
    sample_store.save_import(one_kommun_2023())
    report = gather(sample_store, OREBRO, 2023)
    assert report.sample_sections() == {
        "cover",
        "summary",
        "trend",
        "areas",
        "factors",
        "ranking",
        "map",  # every other kommun on the map is sample
        "table",
    }
    total = report.table[0]
    assert (total.area, total.factor) == ("total", "nki") and total.value == 77.0
    assert "sample" in total.publications  # Riket and the comparison mean are sample


def test_group_means_count_values_not_members(store):
    real = whole_lan(2013)
    real.observations = [o for o in real.observations if o.unit not in {"1881", "1882"}]
    store.save_import(real)  # Örebro län: 12 kommuner, two of them without a value
    members = {k.code for k in CAT.in_lan("18")} - {OREBRO}
    mean = means(store.values(year=2013), members)[("total", "nki")]
    assert len(members) == 11 and mean.count == 9 and mean.publications == ("oj",)
    cmp = load_comparison(store, OREBRO, sorted(members), 2013, "foretag")
    total = next(r for r in cmp.areas if r.area == "total")
    assert total.others_count(OREBRO) == 9
    trend = trend_data(store, OREBRO, "total", "nki", "foretag", COMPARE_LAN)
    assert trend.lines[2].label == "Medel Örebro län" and trend.lines[2].points[0].members == 9
