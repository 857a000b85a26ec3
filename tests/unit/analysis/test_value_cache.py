from __future__ import annotations

from nki_desktop.analysis.value_cache import YearValueCache
from nki_desktop.domain.municipalities import RIKET
from nki_desktop.domain.sn import SN_AREA


def test_cached_year_answers_as_the_store_does(sample_store):
    cache = YearValueCache(sample_store)
    year = sample_store.years()[-1]
    asks = [
        dict(year=year, group="foretag"),
        dict(year=year, units=["1480", "1880", RIKET], group="foretag"),
        dict(year=year, area="total", factor="nki", group="foretag"),
        dict(year=year, unit="1480", group="foretag"),
        dict(year=year, unit="1480", areas=["total", "bygglov"], factors=["nki"]),
        dict(year=year - 1, unit="1880", area="total", factor="nki", group="foretag"),
        dict(area="total", factor="nki", group="foretag", units=["1880", RIKET, "1480"]),
        dict(area="total", factor="nki", group="foretag", unit="1480"),
        dict(area="total", factor="nki", units=["0180", "1480"]),
        dict(area="bygglov", factor="nki", group="foretag"),
    ]
    for ask in asks:
        expected = sample_store.values(**ask)
        assert expected, ask
        assert cache.values(**ask) == expected, ask
    # other calls and other filters go to the store
    assert cache.values(unit="1480", area="total", factor="nki") == sample_store.values(
        unit="1480", area="total", factor="nki"
    )
    assert cache.years() == sample_store.years()


def test_the_year_is_fetched_once(sample_store, monkeypatch):
    calls = []
    original = sample_store.values
    monkeypatch.setattr(sample_store, "values", lambda **kw: calls.append(kw) or original(**kw))
    cache = YearValueCache(sample_store)
    year = sample_store.years()[-1]
    for unit in ("1480", "1880", "0180"):
        assert cache.values(year=year, unit=unit, group="foretag")
    assert len(calls) == 1


def test_a_cell_over_every_year_is_fetched_once(sample_store, monkeypatch):
    calls = []
    original = sample_store.values
    monkeypatch.setattr(sample_store, "values", lambda **kw: calls.append(kw) or original(**kw))
    cache = YearValueCache(sample_store)
    for unit in ("1480", "1880", RIKET):
        assert cache.values(unit=unit, area="total", factor="nki", group="foretag")
    assert cache.values(units=["1480", "1880"], area="total", factor="nki", group="foretag")
    assert len(calls) == 1


def test_other_surveys_are_read_as_the_store_reads_them(sample_store):
    cache = YearValueCache(sample_store)
    years = sample_store.years(area=SN_AREA)
    assert years  # the sample has Svenskt Näringsliv's values
    year = years[-1]
    asks = [
        dict(year=year, area=SN_AREA),
        dict(year=year, areas=[SN_AREA, "total"], unit="1480"),
        dict(year=year, unit="1480", other_surveys=True),
    ]
    for ask in asks:
        expected = sample_store.values(**ask)
        assert any(v.area == SN_AREA for v in expected), ask
        assert cache.values(**ask) == expected, ask
    assert not any(v.area == SN_AREA for v in cache.values(year=year, unit="1480"))
