"""Stored values in long form, as ``nki-desktop data`` prints and ``export`` writes them."""

from __future__ import annotations

from nki_desktop.analysis.long_rows import LongRow, build_long_rows
from nki_desktop.storage import Store


def long_rows(store: Store, kommun: str | None = None, year: int | None = None,
              area: str | None = None, group: str | None = None) -> list[LongRow]:
    """Stored values one row per value, as printed by ``nki-desktop data``."""
    values = store.values(unit=kommun, year=year, area=area, group=group)
    return build_long_rows(values, store.unit_names())
