"""Texts the user typed that belong to the data: the report summary edited per kommun, year
and respondent group, kept in the database so they survive a change of year or a restart."""

from __future__ import annotations

import json
from datetime import datetime

from nki_desktop.storage.repository import Store

_PREFIX = "summary_edit"


def _key(kommun: str, year: int, group: str) -> str:
    return f"{_PREFIX}:{kommun}:{year}:{group}"


def summary_edit(store: Store, kommun: str, year: int, group: str) -> str | None:
    """The user's edited summary for this kommun, year and group, or None if not edited."""
    raw = store.get_meta(_key(kommun, year, group))
    if not raw:
        return None
    try:
        text = json.loads(raw).get("text")
    except (ValueError, AttributeError):
        return None
    return text if isinstance(text, str) and text.strip() else None


def save_summary_edit(store: Store, kommun: str, year: int, group: str, text: str | None) -> None:
    """Keep the edited summary (None or blank forgets it: the generated text applies)."""
    value = {
        "text": text if text and text.strip() else None,
        "changed_at": datetime.now().isoformat(timespec="seconds"),
    }
    store.set_meta(_key(kommun, year, group), json.dumps(value, ensure_ascii=False))
