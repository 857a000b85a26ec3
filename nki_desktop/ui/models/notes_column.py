"""A table column with the kommun's notes of each row's year (Trend and other year tables);
no column at all when there are no notes."""

from __future__ import annotations

from typing import Any

from nki_desktop.analysis.timeline import Tracking
from nki_desktop.ui.models.columns import TableColumn


def notes_column(tracking: Tracking, year_of: str = "year") -> list[TableColumn]:
    """[the column] when there are notes, else []; rows need a ``year`` attribute."""
    if not tracking.notes:
        return []

    def text(row: Any) -> str:
        return " · ".join(n.text for n in tracking.notes_for(getattr(row, year_of)))

    return [
        TableColumn(
            "Anteckningar",
            lambda r: ("✎ " + text(r)) if text(r) else "",
            sort=text,
            export=text,
            tooltip=lambda r: "\n".join(
                f"{n.date}: {n.text}" for n in tracking.notes_for(getattr(r, year_of))
            ),
            header_tip="Kommunens egna anteckningar för året (skärmen Åtgärder).",
        )
    ]
