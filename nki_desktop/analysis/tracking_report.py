"""The report's part of the kommun's own records: its actions with their follow-up and its
notes (sections "Åtgärder och uppföljning" and "Anteckningar")."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.analysis.followup import FollowupRow, load_followup
from nki_desktop.analysis.origin import is_fictitious
from nki_desktop.domain.actions import Action, Note
from nki_desktop.storage import Store
from nki_desktop.storage.actions import list_actions
from nki_desktop.storage.notes import list_notes


@dataclass
class ReportTracking:
    actions: list[Action] = field(default_factory=list)
    followup: list[FollowupRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def fictitious(self) -> bool:
        """True when a before/after figure is sample data (its pages carry the warning)."""
        sides = [s for r in self.followup for s in (r.before, r.after) if s is not None]
        return any(is_fictitious(s.publications) for s in sides)


def load_report_tracking(
    store: Store, unit: str, group: str, first_year: int | None = None, year: int | None = None
) -> ReportTracking:
    """Actions (every status), the follow-up of the done ones, and the notes of the report's
    years (``first_year``…``year``; notes on no year by the year of their date)."""
    notes = [
        n
        for n in list_notes(store, unit)
        if (first_year is None or n.case_year >= first_year)
        and (year is None or n.case_year <= year)
    ]
    return ReportTracking(list_actions(store, unit), load_followup(store, unit, group), notes)
