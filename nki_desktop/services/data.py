"""Stored values in long form, as ``nki-desktop data`` prints and ``export`` writes them."""

from __future__ import annotations

from nki_desktop.analysis.long_rows import LongRow, build_long_rows
from nki_desktop.storage import Store


def long_rows(
    store: Store,
    kommun: str | None = None,
    year: int | None = None,
    area: str | None = None,
    group: str | None = None,
) -> list[LongRow]:
    """Stored values one row per value, as printed by ``nki-desktop data``: Svenskt
    Näringsliv's too, under their own area ``sn_foretagsklimat`` (never NKI's keys)."""
    values = store.values(unit=kommun, year=year, area=area, group=group, other_surveys=True)
    return build_long_rows(values, store.unit_names())


def has_data(store: Store) -> bool:
    """True when any value is stored (the screens' empty state asks)."""
    return store.has_data()


def years_with_data(store: Store, group: str) -> list[int]:
    """The case years with values for a respondent group, oldest first."""
    return store.years(group)


def respondent_count(store: Store, kommun: str) -> int:
    """How many respondent rows are stored for a kommun (0: the Svarsdata screen is empty)."""
    return store.respondent_count(kommun)


def unit_names(store: Store) -> dict[str, str]:
    """Display names of every stored unit (kommuner, Riket, joint bodies)."""
    return store.unit_names()
