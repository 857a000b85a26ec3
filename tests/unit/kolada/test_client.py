"""The Kolada client against a local v3 server built from the real Kolada file."""

from __future__ import annotations

import socket

import pytest

from nki_desktop.domain.kolada import KOLADA_KPIS
from nki_desktop.kolada import client as kc
from nki_desktop.kolada.client import FetchCancelled, KoladaClient, KoladaError, values_of
from tests.kolada_server import serve

YEARS = list(range(2005, 2023))


@pytest.fixture(autouse=True)
def _no_system_proxy(monkeypatch):
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "http_proxy",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fetch_all(client: KoladaClient, ids: list[str], years: list[int]) -> list[dict]:
    out: list[dict] = []
    for url in client.data_urls(ids, years):
        for response in client.pages(url):
            out.extend(values_of(response))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("next_key", ["next_url", "next_page"])
def test_pagination_follows_every_page(next_key):
    with serve() as (url, fake):
        fake.page_size, fake.next_key = 300, next_key
        client = KoladaClient(url)
        got = fetch_all(client, ["U07451"], YEARS)
    expected = fake.data(["U07451"], YEARS, None)
    assert len(expected) > 5 * 300  # several pages
    pages = [r for r in fake.requests if r.startswith("/v3/data/")]
    assert len(pages) == -(-len(expected) // 300)
    assert got == expected  # every value, in order, none twice
    kalix = next(v for v in got if v["municipality"] == "2514" and v["period"] == 2021)
    assert kalix["values"][0]["value"] == pytest.approx(86.36136644)


def test_more_than_25_ids_and_years_are_split():
    ids = sorted(KOLADA_KPIS) + [f"U99{i:03d}" for i in range(11)]
    assert len(ids) == 30
    with serve() as (url, fake):
        client = KoladaClient(url)
        urls = client.data_urls(ids, list(range(1990, 2023)))
        got = fetch_all(client, ids, YEARS)
    assert len(urls) == 4  # 2 id chunks × 2 year chunks (33 years)
    data = [r for r in fake.requests if r.startswith("/v3/data/") and "&page=" not in r]
    assert len(data) == 2  # first pages; each is paged on
    for request in data:
        assert len(request.split("/")[4].split(",")) <= 25
        assert "per_page=5000" in request
    assert {v["kpi"] for v in got} == set(ids)


def test_429_then_success_waits_as_told():
    sleeps = Sleeps()
    with serve() as (url, fake):
        fake.script = [429]
        client = KoladaClient(url, sleep=sleeps)
        got = fetch_all(client, ["U07451"], [2021])
    assert len(got) == len(fake.data(["U07451"], [2021], None)) > 150
    assert sum(sleeps) == pytest.approx(1.0)  # Retry-After: 1
    assert len([r for r in fake.requests if r.startswith("/v3/data/")]) == 2


def test_500_every_time_fails_clearly_after_three_retries():
    sleeps = Sleeps()
    with serve() as (url, fake):
        fake.script = [500] * 10
        client = KoladaClient(url, sleep=sleeps)
        with pytest.raises(KoladaError) as error:
            fetch_all(client, ["U07451"], [2021])
    assert error.value.kind == kc.HTTP
    assert "fel 500" in str(error.value) and "Inget har sparats" in str(error.value)
    assert len([r for r in fake.requests if r.startswith("/v3/data/")]) == 4
    assert sum(sleeps) == pytest.approx(1 + 2 + 4)  # back-off doubles


def test_dropped_connection_is_retried():
    with serve() as (url, fake):
        fake.script = ["reset", "reset"]
        got = fetch_all(KoladaClient(url, sleep=Sleeps()), ["U07451"], [2021])
    assert got == fake.data(["U07451"], [2021], None)


def test_timeout_is_a_clear_message():
    with serve() as (url, fake):
        fake.script, fake.slow_seconds = ["slow"], 1.5
        client = KoladaClient(url, read_timeout=0.3, sleep=Sleeps())
        with pytest.raises(KoladaError) as error:
            fetch_all(client, ["U07451"], [2021])
    assert error.value.kind == kc.TIMEOUT
    assert "svarade inte i tid" in str(error.value)


def test_malformed_json_is_refused():
    with serve() as (url, fake):
        fake.script = ["malformed"]
        with pytest.raises(KoladaError) as error:
            fetch_all(KoladaClient(url), ["U07451"], [2021])
    assert error.value.kind == kc.BAD_RESPONSE
    assert "inte JSON" in str(error.value)


def test_empty_result_is_an_empty_list():
    with serve() as (url, fake):
        fake.empty = True
        assert fetch_all(KoladaClient(url), ["U07451"], YEARS) == []


def test_no_server_means_no_connection_message():
    client = KoladaClient(f"http://127.0.0.1:{free_port()}/v3", sleep=Sleeps())
    with pytest.raises(KoladaError) as error:
        client.municipalities()
    assert error.value.kind == kc.NO_NETWORK
    assert "Ingen förbindelse med Kolada" in str(error.value)


def test_proxy_that_refuses_is_named():
    port = free_port()
    client = KoladaClient("http://kolada.invalid/v3", proxy=f"127.0.0.1:{port}", sleep=Sleeps())
    with pytest.raises(KoladaError) as error:
        client.municipalities()
    assert error.value.kind == kc.PROXY
    assert f"Proxyn 127.0.0.1:{port}" in str(error.value)


def test_proxy_asking_for_login_is_named(monkeypatch):
    with serve() as (url, fake):
        port = url.split(":")[2].split("/")[0]
        fake.script, fake.script_paths = [407], ("/v3/",)
        monkeypatch.setenv("HTTP_PROXY", f"http://user:secret@127.0.0.1:{port}")
        client = KoladaClient("http://kolada.invalid/v3")
        with pytest.raises(KoladaError) as error:
            client.municipalities()
    assert error.value.kind == kc.PROXY
    assert "407" in str(error.value) and "secret" not in str(error.value)
    assert fake.requests[0].startswith("http://kolada.invalid/v3/municipality")


def test_cancel_between_requests():
    state = {"cancel": False}
    with serve() as (url, fake):
        fake.page_size = 200
        fake.on_request = lambda path: state.update(cancel=len(fake.requests) >= 3)
        client = KoladaClient(url, cancelled=lambda: state["cancel"])
        with pytest.raises(FetchCancelled):
            fetch_all(client, ["U07451"], YEARS)
    assert len(fake.requests) == 3  # no request after the cancel


def test_next_url_forms():
    base = "http://h/v3/data/kpi/U1/year/2020?per_page=10"
    assert kc.next_url(base, {"next_url": None}) == ""
    assert kc.next_url(base, {"next_page": 3}).endswith("per_page=10&page=3")
    assert kc.next_url(base, {"next_url": "/v3/x?page=2"}) == "http://h/v3/x?page=2"
