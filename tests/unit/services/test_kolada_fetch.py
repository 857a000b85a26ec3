"""A Kolada fetch is one import: previewed first, stored whole, undone whole."""

from __future__ import annotations

import hashlib

import pytest

from nki_desktop.kolada.client import FetchCancelled, KoladaError
from nki_desktop.services import kolada_fetch as kf
from tests.kolada_server import derived, serve

YEARS = list(range(2019, 2023))


class _Cancelled(Exception):
    """Any exception from the progress callback rolls the store back."""


@pytest.fixture(autouse=True)
def _no_system_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def request(url: str, **kw) -> kf.FetchRequest:
    return kf.FetchRequest(kw.pop("years", YEARS), base_url=url, **kw)


def no_sleep(_s: float) -> None:
    pass


def test_fetch_previews_then_stores_one_import_with_provenance(store):
    with serve() as (url, fake):
        fake.page_size = 2000
        fetched = kf.fetch(store, request(url), sleep=no_sleep)
        bodies = [b for b in fake.requests if b.startswith("/v3/data/")]
    assert store.list_imports() == []  # nothing stored by the preview
    preview = fetched.preview
    assert preview.ok and not preview.duplicate and not preview.problem
    assert preview.years == YEARS and preview.riket and preview.kommuner > 150
    assert len(fetched.urls) == len(bodies) > 1  # paged
    result = kf.save(store, fetched)
    [info] = store.list_imports()
    assert info.id == result.import_id and info.file_name == "Kolada API v3"
    assert info.publication == "kolada" and info.sha256 == fetched.sha256
    notes = store.conn.execute("SELECT notes FROM imports").fetchone()[0]
    assert fetched.urls[0] in notes and "Hämtat: " in notes and fetched.sha256 in notes
    # the real file's value, unrounded; n from the antal svar key figure
    kalix = store.values(unit="2514", year=2021, area="total", factor="nki")[0]
    assert kalix.value == pytest.approx(86.36136644)
    assert kalix.n == int(derived("U07551", 86.36136644))
    assert kalix.publication == "kolada"
    bygglov = store.values(unit="2514", year=2021, area="bygglov", factor="nki")[0]
    assert bygglov.value == pytest.approx(derived("U07447", 86.36136644))
    riket = store.values(unit="riket", year=2021, area="total", factor="nki")
    assert riket and riket[0].value == pytest.approx(fake.real[("0000", 2021)])
    assert kalix.source_ref == "Kolada API v3"  # what hover texts and tables show
    assert store.undo_import(info.id) and store.values() == []


def test_cancel_while_storing_rolls_back(store):
    with serve() as (url, _fake):
        fetched = kf.fetch(store, request(url, years=[2021]))

    def stop(_done: int, _total: int) -> None:
        raise _Cancelled()

    with pytest.raises(_Cancelled):
        kf.save(store, fetched, progress=stop)
    assert store.list_imports() == [] and store.values() == []


def test_sha256_is_of_the_combined_responses(store):
    with serve() as (url, _fake):
        client = kf.KoladaClient(url)
        fetched = kf.fetch(store, request(url), client=client)
    digest = hashlib.sha256()
    for r in client.log.responses:
        if "/data/" in r.url:
            digest.update(r.body)
    assert fetched.sha256 == digest.hexdigest()


def test_same_answers_twice_change_nothing(store):
    with serve() as (url, _fake):
        kf.save(store, kf.fetch(store, request(url)))
        again = kf.fetch(store, request(url))
    assert again.preview.duplicate and "samma svar" in again.preview.duplicate
    assert kf.save(store, again).duplicate
    assert len(store.list_imports()) == 1


def test_revised_value_is_listed_before_storing_and_both_stay(store):
    with serve() as (url, fake):
        kf.save(store, kf.fetch(store, request(url)))
        since = store.list_imports()[0].imported_at[:10]
        fake.revised[("U07451", "2514", 2021)] = 86.9
        fake.revised[("U07447", "1880", 2020)] = 55.5
        second = kf.fetch(store, request(url))
    assert len(store.list_imports()) == 1  # not stored yet
    assert [(r.year, r.unit, r.area) for r in second.revisions] == [
        (2020, "1880", "bygglov"),
        (2021, "2514", "total"),
    ]
    text = second.revision_text
    assert text.startswith(f"Kolada har ändrat 2 värden sedan {since}: ")
    assert "Kalix 2021 NKI totalt: 86,4 → 86,9" in text
    kf.save(store, second)
    both = store.alternatives(2021, "2514", "total", "nki", "foretag")
    assert [v.value for v in both] == [pytest.approx(86.9), pytest.approx(86.36136644)]
    assert store.values(unit="2514", year=2021, area="total", factor="nki")[
        0
    ].value == pytest.approx(86.9)  # the newest fetch is used


def test_500_three_times_fails_and_stores_nothing(store):
    with serve() as (url, fake):
        fake.script = [500] * 8
        with pytest.raises(KoladaError) as error:
            kf.fetch(store, request(url), sleep=no_sleep)
    assert "fel 500" in str(error.value)
    assert store.list_imports() == [] and store.values() == []


def test_empty_answer_is_a_problem_not_an_import(store):
    with serve() as (url, fake):
        fake.empty = True
        fetched = kf.fetch(store, request(url))
    assert not fetched.preview.ok and "inga värden" in fetched.preview.problem
    assert kf.save(store, fetched).import_id is None
    assert store.list_imports() == []


def test_cancel_mid_way_leaves_nothing(store):
    state = {"n": 0}

    def cancelled() -> bool:
        return state["n"] >= 3

    with serve() as (url, fake):
        fake.page_size = 1000
        fake.on_request = lambda _p: state.update(n=state["n"] + 1)
        with pytest.raises(FetchCancelled):
            kf.fetch(store, request(url), cancelled=cancelled)
    assert store.list_imports() == []


def test_new_and_renamed_kommun_are_reported(store):
    with serve() as (url, fake):
        fake.extra_units = {"2599": "Nykommun"}
        fake.renamed = {"0330": "Knivsta-Alsike"}
        fake.real[("2599", 2021)] = 70.0
        fetched = kf.fetch(store, request(url))
    notes = " ".join(fetched.unit_notes)
    assert "2599 Nykommun" in notes and "saknar" in notes
    assert 'Kolada kallar kommun 0330 "Knivsta-Alsike"' in notes
    assert any(s.text.startswith("2599") for s in fetched.preview.skipped)


def test_min_kommun_fetches_its_lan_group_and_riket(store):
    with serve() as (url, fake):
        fetched = kf.fetch(store, request(url, kommun="2514"))
        data = [r for r in fake.requests if r.startswith("/v3/data/")]
    assert all("/municipality/" in r for r in data)
    units = {o.unit for o in fetched.preview.batch.observations}
    expected = set(kf.scope_units(store, "2514")) - {"0000"} | {"riket"}
    assert "2514" in units and "2580" in units and "riket" in units  # Luleå: same län
    assert units <= expected
    assert "Kalix med län och kommungrupp" in fetched.preview.batch.description
