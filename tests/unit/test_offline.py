"""Offline by design: no module opens a socket (only the future Kolada fetch may), and with
the network cut off the self-test and the commands pass."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "nki_desktop"
ALLOWED = PACKAGE / "kolada"  # the Kolada fetch, on the user's request
NETWORK = (
    "socket",
    "ssl",
    "urllib.request",
    "http.client",
    "http.server",
    "requests",
    "httpx",
    "urllib3",
    "aiohttp",
    "ftplib",
    "smtplib",
    "xmlrpc.client",
    "PySide6.QtNetwork",
    "websocket",
    "websockets",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _network(name: str) -> bool:
    return any(name == n or name.startswith(n + ".") for n in NETWORK)


def test_no_module_outside_the_kolada_fetch_imports_a_network_library():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if ALLOWED in path.parents:
            continue
        bad = sorted(n for n in _imports(path) if _network(n))
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}


def test_the_check_sees_a_network_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import urllib.request\nfrom http import client\nfrom socket import socket\n")
    assert {n for n in _imports(probe) if _network(n)} == {
        "urllib.request",
        "socket",
        "socket.socket",
        "http.client",
    }


def _unshare_works() -> str:
    if not shutil.which("unshare"):
        return "unshare finns inte"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"unshare -n går inte här: {probe.stderr.strip()}"


def _offline(args: list[str], tmp_path: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NKI_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "nki_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


@pytest.mark.skipif(bool(_unshare_works()), reason=_unshare_works() or "ok")
def test_self_test_and_commands_pass_without_a_network(tmp_path):
    cut = subprocess.run(
        [
            "unshare",
            "-n",
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('192.0.2.1', 80), 2)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cut.returncode != 0  # the network really is cut off
    run = _offline(["--self-test"], tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Självtestet lyckades" in run.stdout
    db = str(tmp_path / "nki.sqlite")
    commands = [
        ["sample-data"],
        ["imports"],
        ["data", "--kommun", "1880", "--year", "2023"],
        ["export", str(tmp_path / "ut.csv")],
        [
            "report",
            "--kommun",
            "1880",
            "--pdf",
            str(tmp_path / "r.pdf"),
            "--xlsx",
            str(tmp_path / "r.xlsx"),
        ],
        ["template", str(tmp_path / "mall.xlsx")],
        ["backup", str(tmp_path / "kopia.sqlite")],
        ["restore", str(tmp_path / "kopia.sqlite")],
        ["undo-import", "1"],
    ]
    for command in commands:
        run = _offline(["--db", db, *command], tmp_path)
        assert run.returncode == 0, (command, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr
    for name in ("ut.csv", "r.pdf", "r.xlsx", "mall.xlsx", "kopia.sqlite"):
        assert (tmp_path / name).stat().st_size > 0
