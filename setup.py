"""Put the top-level ``resources/`` folder (the source of truth) into the wheel as
``nki_desktop/resources`` so an installed program finds it like a checkout or a frozen bundle
(see nki_desktop/paths.py). Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class build_py_with_resources(build_py):  # noqa: N801 - setuptools command naming
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ beside the package
        target = Path(self.build_lib) / "nki_desktop" / "resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "resources", target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


# build/ holds the installer sources: setuptools' own work folder goes under dist/ instead.
setup(cmdclass={"build_py": build_py_with_resources},
      options={"build": {"build_base": "dist/work/setuptools"},
               "bdist_wheel": {"bdist_dir": "dist/work/setuptools/bdist"}})
