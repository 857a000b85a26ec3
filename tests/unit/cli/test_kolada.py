"""``nki-desktop kolada fetch|kpis`` against a local server (and with the network cut off)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nki_desktop import cli
from nki_desktop.cli.kolada import parse_years
from nki_desktop.paths import data_dir
from nki_desktop.storage import Store
from tests.kolada_server import serve

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _no_system_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NKI_KOLADA_URL"):
        monkeypatch.delenv(name, raising=False)


def run(args: list[str], capsys) -> tuple[int, str, str]:
    out = io.StringIO()
    code = cli.run(args, out)
    return code, out.getvalue(), capsys.readouterr().err


def test_fetch_stores_one_import(tmp_path, capsys):
    db = str(tmp_path / "k.sqlite")
    with serve() as (url, _fake):
        code, out, err = run(
            ["kolada", "fetch", "--url", url, "--years", "2020-2021", "--db", db], capsys
        )
    assert code == 0, err
    assert "Källa: Kolada" in out and "År: 2020, 2021" in out
    store = Store.open(db)
    try:
        [info] = store.list_imports()
        assert info.file_name == "Kolada API v3" and info.years == "2020,2021"
        assert store.values(unit="2514", year=2021, area="total", factor="nki")[
            0
        ].value == pytest.approx(86.36136644)
    finally:
        store.close()


def test_dry_run_and_environment_url(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "k.sqlite")
    with serve() as (url, fake):
        monkeypatch.setenv("NKI_KOLADA_URL", url)
        code, out, _err = run(
            ["kolada", "fetch", "--kommun", "2514", "--years", "2021", "--dry-run", "--db", db],
            capsys,
        )
        assert fake.requests  # the environment's URL was used
    assert code == 0 and "Provkörning" in out
    store = Store.open(db)
    assert store.list_imports() == []
    store.close()


def test_failure_exits_2_and_stores_nothing(tmp_path, capsys):
    db = str(tmp_path / "k.sqlite")
    with serve() as (url, fake):
        fake.script = ["malformed"]
        code, _out, err = run(["kolada", "fetch", "--url", url, "--db", db], capsys)
    assert code == 2 and "inte JSON" in err
    store = Store.open(db)
    assert store.list_imports() == []
    store.close()


def test_setting_off_refuses(tmp_path, capsys):
    (data_dir() / "settings.ini").write_text("[General]\nallow_internet=false\n", encoding="utf-8")
    with serve() as (url, fake):
        code, _out, err = run(
            ["kolada", "fetch", "--url", url, "--db", str(tmp_path / "k.sqlite")], capsys
        )
        assert fake.requests == []
    assert code == 2 and "avstängd" in err


def test_url_and_proxy_from_the_settings_file(tmp_path, capsys):
    with serve() as (url, fake):
        (data_dir() / "settings.ini").write_text(
            f'[General]\nallow_internet=true\nkolada_url="{url}"\n'
            "kolada_proxy=http://proxy.example:8080\n",
            encoding="utf-8",
        )
        code, out, _err = run(
            ["kolada", "fetch", "--years", "2021", "--dry-run", "--db", str(tmp_path / "k.sqlite")],
            capsys,
        )
        assert fake.requests  # local addresses never go through a proxy
    assert code == 0 and url in out


def test_bad_years_and_kommun_are_refused(tmp_path, capsys):
    db = str(tmp_path / "k.sqlite")
    assert run(["kolada", "fetch", "--years", "2024-2016", "--db", db], capsys)[0] == 2
    assert run(["kolada", "fetch", "--kommun", "9999", "--db", db], capsys)[0] == 2
    assert parse_years("2016-2018,2021") == [2016, 2017, 2018, 2021]


def test_kpis_lists_titles_and_targets(capsys):
    code, out, _err = run(["kolada", "kpis"], capsys)
    assert code == 0
    assert "U07451  Företagsklimat Insikt - Totalt, Index, gammal definition (-2024)" in out
    assert "(total:nki:antal_svar)" in out and "U07553" in out


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        return (
            subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(
    not _unshare_works(), reason="unshare -n is not available (needs root or user namespaces)"
)
def test_network_cut_off_gives_a_clear_message_and_the_rest_works(tmp_path):
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.pop("NKI_KOLADA_URL", None)
    env["NKI_DATA_DIR"] = str(tmp_path)
    db = str(tmp_path / "offline.sqlite")

    def offline(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["unshare", "-n", sys.executable, "-m", "nki_desktop", *args, "--db", db],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )

    fetched = offline("kolada", "fetch", "--years", "2021")
    assert fetched.returncode == 2
    assert "Ingen förbindelse med Kolada (api.kolada.se)" in fetched.stderr
    assert "Inget har sparats" in fetched.stderr and "Traceback" not in fetched.stderr
    assert offline("sample-data").returncode == 0
    shown = offline("data", "--kommun", "1880", "--year", "2023")
    assert shown.returncode == 0 and shown.stdout.count("\n") > 10
