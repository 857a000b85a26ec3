"""A typed settings registry over QSettings (INI file in the data folder)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    doc: str = ""


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("kommun", str, "", "Min kommun (kommunkod)"),
        Setting("year", int, 0, "Valt ärendeår (0 = senaste)"),
        Setting("group", str, "foretag", "Vald svarsgrupp"),
        Setting("compare_units", list, [], "Valda jämförelsekommuner"),
        Setting("compare_sets", dict, {}, "Sparade jämförelsegrupper: namn → kommunkoder"),
        Setting("compare_set", str, "", "Vald jämförelsegrupp (namn), tom = egna val"),
        Setting(
            "similar_sets",
            dict,
            {},
            "Jämförelsegrupper valda som liknande kommuner: namn → kriterier, vikter, metod",
        ),
        Setting("trend_series", str, "total/nki", "Trend: område/faktor"),
        Setting("trend_compare", str, "lan", "Trend: jämförelse (lan, kommungrupp, large, units)"),
        Setting("page", str, "overview", "Senast visade skärm"),
        Setting("geometry", bytes, b"", "Fönstrets läge och storlek"),
        Setting("window_state", bytes, b"", "Verktygsfält och paneler"),
        Setting("last_import_dir", str, "", "Senaste mapp för import"),
        Setting("last_export_dir", str, "", "Senaste mapp för export"),
        Setting("recent_files", list, [], "Senast importerade filer (nyast först)"),
        Setting(
            "trend_zoom",
            str,
            "auto",
            "Trend: förstorad axel (auto = när alla värden ligger långt över 0, on, off)",
        ),
        Setting("report_logo", str, "", "Logotyp i rapportens sidhuvud"),
        Setting(
            "respondent_nki_rule",
            str,
            "all",
            "Svarsdata: en svarandes NKI kräver alla tre frågor (all) eller minst två (two)",
        ),
        Setting(
            "respondent_matrix_min_n",
            int,
            30,
            "Svarsdata: minsta antal fullständiga svar för en prioriteringsmatris",
        ),
        Setting(
            "allow_internet",
            bool,
            True,
            "Tillåt hämtning från internet (av: Hämta från Kolada visas inte)",
        ),
        Setting("kolada_url", str, "https://api.kolada.se/v3", "Koladas API-adress"),
        Setting("kolada_proxy", str, "", "Proxy för hämtning från internet (tom = datorns)"),
        Setting(
            "sn_grade_words",
            str,
            "",
            "Svenskt Näringsliv: egna betygsord, t.ex. '4,0 bra' (tomt = inga ord, bara talet)",
        ),
    )
}


class Settings:
    """Typed access: ``settings.get("kommun")``, ``settings.set("year", 2023)``."""

    def __init__(self, path: Path):
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        if int(cast(Any, self._qs.value("settings_version", 0)) or 0) < SETTINGS_VERSION:
            self._qs.setValue("settings_version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        spec = REGISTRY[key]
        raw = self._qs.value(key, None)
        if raw is None or raw == "":
            return spec.default
        try:
            if spec.type in (list, dict):
                return json.loads(raw) if isinstance(raw, str) else spec.default
            if spec.type is bytes:
                return bytes(cast(Any, raw))
            if spec.type is bool:  # the INI file holds "true"/"false"
                return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
            return spec.type(raw)
        except (TypeError, ValueError):
            return spec.default

    def set(self, key: str, value: Any) -> None:
        spec = REGISTRY[key]
        if spec.type in (list, dict):
            value = json.dumps(value, ensure_ascii=False)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
