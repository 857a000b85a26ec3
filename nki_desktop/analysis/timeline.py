"""Actions and notes placed on a trend's time axis (no Qt): which apply to a chart of one
area and factor, where on the axis a date falls, and the texts shown on hover."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from nki_desktop.domain.actions import CANCELLED, DONE, Action, Note, Target
from nki_desktop.domain.areas import index_factor
from nki_desktop.storage import Store
from nki_desktop.storage.actions import list_actions
from nki_desktop.storage.notes import list_notes

LABEL_MAX = 28


@dataclass(frozen=True)
class ActionMark:
    """A dated vertical marker: ``x`` is the case year axis (a year's point at its middle)."""

    action_id: int
    date: str
    x: float
    label: str
    tooltip: str
    done: bool


@dataclass
class Tracking:
    """What a trend chart of one area and factor shows of the kommun's own records."""

    marks: list[ActionMark] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def notes_for(self, year: int) -> list[Note]:
        """Notes on that case year; a note on no year belongs to the year of its date."""
        return [n for n in self.notes if n.case_year == year]

    def lines(self) -> list[str]:
        """Lines for the text under the chart."""
        out = (
            [
                "Gröna lodräta linjer: kommunens åtgärder (heldragen = genomförd, prickad = "
                "beslutad/pågår), placerade på sitt datum inom ärendeåret."
            ]  # fmt: skip
            if self.marks
            else []
        )
        out += [f"│ Åtgärd {m.date}: {m.tooltip.splitlines()[0]}" for m in self.marks]
        out += [f"✎ {n.date} ({n.scope_text}): {n.text}" for n in self.notes]
        return out


def date_x(date: str) -> float:
    """A date on the case-year axis: year Y spans Y − 0.5 … Y + 0.5."""
    day = dt.date.fromisoformat(date)
    length = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return day.year - 0.5 + (day.timetuple().tm_yday - 0.5) / length


def applies(action: Action, area: str, factor: str) -> bool:
    """An action shows on the charts of the area/factor it addresses: a factor's action on
    that factor's and the area's index chart, a whole area's on all of the area's charts."""
    index = index_factor(area)
    return any(
        t.area == area and index in (factor, t.factor) or t == Target(area, factor)
        for t in action.targets
    )


def action_marks(actions: Sequence[Action], area: str, factor: str) -> list[ActionMark]:
    out: list[ActionMark] = []
    for a in actions:
        date = a.marker_date
        if a.status == CANCELLED or not date or a.id is None or not applies(a, area, factor):
            continue
        done = bool(a.done) and a.status == DONE
        short = a.title if len(a.title) <= LABEL_MAX else a.title[: LABEL_MAX - 1] + "…"
        when = f"genomförd {a.done}" if done else f"{a.status_label.lower()}, beslutad {date}"
        tip = [f"{a.title} ({when})", f"Gäller: {a.targets_text}"]
        if a.owner:
            tip.append(f"Ansvarig: {a.owner}")
        if a.expected_effect:
            tip.append(f"Förväntad effekt: {a.expected_effect}")
        out.append(
            ActionMark(
                a.id, date, date_x(date), ("✓ " if done else "") + short, "\n".join(tip), done
            )
        )
    return out


def chart_notes(notes: Sequence[Note], area: str, factor: str) -> list[Note]:
    return [n for n in notes if n.applies_to(None, area, factor)]


def load_tracking(store: Store, unit: str, area: str, factor: str) -> Tracking:
    return Tracking(
        action_marks(list_actions(store, unit), area, factor),
        chart_notes(list_notes(store, unit), area, factor),
    )


def note_tooltip(notes: Sequence[Note]) -> str:
    """Notes appended to a point's hover text."""
    return "\n".join(f"✎ Anteckning {n.date}: {n.text}" for n in notes)
