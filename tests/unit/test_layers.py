"""The core (domain, importers, storage, analysis, services, cli) imports without Qt, and
layers import downward only."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nki_desktop

CORE = ("domain", "importers", "storage", "analysis", "services", "cli")


def _modules(package: str) -> list[str]:
    path = Path(nki_desktop.__file__).parent / package
    return [f"nki_desktop.{package}"] + [
        f"nki_desktop.{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])
    ]


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_without_qt(package):
    modules = _modules(package)
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
        + "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_layers_import_downward_only():
    root = Path(nki_desktop.__file__).parent
    upper = ("services", "cli", "ui", "app")
    forbidden = {
        "domain": ("importers", "storage", "analysis", "reports", "charts", "paths", *upper),
        "importers": ("storage", "analysis", "reports", "charts", *upper),
        "storage": ("importers", "analysis", "reports", "charts", *upper),
        "analysis": ("reports", "charts", *upper),
        "services": ("cli", "ui", "app"),
        "cli": ("ui", "app"),
        "reports": upper,
        "charts": ("reports", *upper),
    }
    offences = []
    for layer, above in forbidden.items():
        for path in (root / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for other in above:
                if re.search(
                    rf"nki_desktop\.{other}\b|from nki_desktop import .*\b{other}\b", text
                ):
                    offences.append(f"{path.relative_to(root)} -> {other}")
    assert offences == []
