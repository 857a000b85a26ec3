"""Columns of the Åtgärder screen's tables: actions (with their follow-up) and notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nki_desktop.analysis.followup import NO_CAUSE, FollowupRow
from nki_desktop.domain.actions import STATUSES, Action, Note
from nki_desktop.ui.models.columns import TableColumn


def _followup(rows: Sequence[FollowupRow]) -> str:
    if not rows:
        return "–"
    if len(rows) == 1:
        return rows[0].short_text
    return "; ".join(f"{r.target.label}: {r.short_text}" for r in rows)


def _followup_tip(rows: Sequence[FollowupRow]) -> str:
    if not rows:
        return "Följs upp när åtgärden är genomförd (datum) och det finns värden före och efter."
    return "\n".join(f"{r.target.label}: {r.text}" for r in rows) + "\n\n" + NO_CAUSE


def action_columns(followup: Mapping[int, Sequence[FollowupRow]]) -> list[TableColumn]:
    def rows(a: Action) -> Sequence[FollowupRow]:
        return followup.get(a.id or 0, ())

    return [
        TableColumn("Status", lambda a: a.status_text, lambda a: list(STATUSES).index(a.status)),
        TableColumn(
            "Åtgärd",
            lambda a: a.title,
            lambda a: a.title.lower(),
            tooltip=lambda a: "\n".join(x for x in (a.title, a.description) if x),
        ),
        TableColumn("Gäller", lambda a: a.targets_text, lambda a: a.targets_text),
        TableColumn("Ansvarig", lambda a: a.owner or "–", lambda a: a.owner),
        TableColumn("Beslutad", lambda a: a.decided or "–", lambda a: a.decided or ""),
        TableColumn("Genomförd", lambda a: a.done or "–", lambda a: a.done or ""),
        TableColumn(
            "Före → efter",
            lambda a: _followup(rows(a)),
            lambda a: rows(a)[0].delta if rows(a) else None,
            tooltip=lambda a: _followup_tip(rows(a)),
            header_tip="Index året före och året efter genomförandet, med osäkerhet. "
            "Visar utveckling, inte orsak.",
        ),
        TableColumn(
            "Förväntad effekt", lambda a: a.expected_effect or "–", lambda a: a.expected_effect
        ),
    ]


def note_columns() -> list[TableColumn]:
    return [
        TableColumn("Datum", lambda n: n.date, lambda n: n.date),
        TableColumn("Gäller", lambda n: n.scope_text, lambda n: n.scope_text),
        TableColumn("Anteckning", lambda n: n.text, lambda n: n.text, tooltip=lambda n: n.text),
    ]


def notes_text(notes: Sequence[Note]) -> str:
    """Notes as lines for a tooltip or a table cell: '2023-01-10: Få svar: 9'."""
    return "\n".join(f"✎ {n.date}: {n.text}" for n in notes)
