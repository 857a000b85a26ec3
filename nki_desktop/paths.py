"""Where things live: the user's data folder and the program's resources.

Resources are found the same way from a source checkout, an installed wheel and a
PyInstaller bundle (``sys._MEIPASS``). ``NKI_DATA_DIR`` overrides the data folder.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nki_desktop.domain.municipalities import Catalogue

DB_FILE_NAME = "nki.sqlite"


def data_dir() -> Path:
    """The folder for the user's database, backups and settings."""
    override = os.environ.get("NKI_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("NKI Desktop", appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def resources_dir() -> Path:
    """The ``resources`` folder: in the bundle, beside the package, or inside it (wheel)."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir / "resources", package_dir.parent / "resources"]
    for candidate in candidates:
        if (candidate / "data" / "kommuner.csv").is_file():
            return candidate
    raise FileNotFoundError("Programmets resurser (resources/) hittades inte.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@lru_cache(maxsize=1)
def shipped_catalogue() -> Catalogue:
    """The kommun catalogue shipped in ``resources/data/kommuner.csv``, read once."""
    from nki_desktop.domain.municipalities import Catalogue

    return Catalogue.from_csv(resource("data", "kommuner.csv"))
