"""The core (domain, importers, storage, analysis) must import without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import nki_desktop

CORE = ("domain", "importers", "storage", "analysis")


def _modules(package: str) -> list[str]:
    path = Path(nki_desktop.__file__).parent / package
    return [f"nki_desktop.{package}"] + [f"nki_desktop.{package}.{m.name}"
                                         for m in pkgutil.iter_modules([str(path)])]


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_without_qt(package):
    modules = _modules(package) + ["nki_desktop.services", "nki_desktop.cli"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
            + "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_layers_import_downward_only():
    root = Path(nki_desktop.__file__).parent
    forbidden = {"domain": ("importers", "storage", "analysis", "reports", "ui"),
                 "importers": ("storage", "analysis", "reports", "ui"),
                 "storage": ("importers", "analysis", "reports", "ui"),
                 "analysis": ("reports", "ui", "charts"), "reports": ("ui",),
                 "charts": ("ui", "reports")}
    offences = []
    for layer, above in forbidden.items():
        for path in (root / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for other in above:
                if f"nki_desktop.{other}" in text:
                    offences.append(f"{path.relative_to(root)} -> {other}")
    assert offences == []
