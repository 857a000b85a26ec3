"""The PDF part of "Åtgärder och uppföljning" and "Anteckningar"; no blocks without
actions (or notes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from nki_desktop.analysis.followup import NO_CAUSE, FollowupRow, Side
from nki_desktop.analysis.tracking_report import ReportTracking
from nki_desktop.domain.actions import Note
from nki_desktop.domain.numbers import fmt_change, fmt_index, fmt_number
from nki_desktop.reports import layout as L
from nki_desktop.reports.followup_sheet import HEADING, INTRO, NOTES_HEADING, UNCERTAINTY

RIGHT = Qt.AlignmentFlag.AlignRight


def _side(s: Side | None) -> str:
    if s is None:
        return "–"
    if s.value is None:
        return f"{s.year}: för få svar"
    half = f" ±{fmt_number(s.half_width, 1)}" if s.half_width is not None else ""
    return f"{s.year}: {fmt_index(round(s.value, 1))}{half}"


def _n(s: Side | None) -> str:
    return fmt_number(s.n) if s is not None and s.n is not None else "–"


def _change(r: FollowupRow) -> str:
    if r.delta is None:
        return "–"
    half = f" ±{fmt_number(r.half_width, 1)}" if r.half_width is not None else ""
    mark = " (osäkerhet saknas)" if r.half_width is None else ""
    if r.significant is not None:
        mark = " (större än slumpen)" if r.significant else " (inom slumpen)"
    shift = f" ⚠ ny definition {r.definition_change}" if r.definition_change else ""
    return f"{fmt_change(round(r.delta, 1))}{half}{mark}{shift}"


def followup_blocks(
    t: ReportTracking, heading: QFont, body: QFont, small: QFont, bold_small: QFont
) -> list[L.Block]:
    if not t.actions:
        return []
    actions = L.Table(
        [
            L.ColumnSpec("Status", 1.6),
            L.ColumnSpec("Åtgärd", 2.7),
            L.ColumnSpec("Gäller", 2.3),
            L.ColumnSpec("Ansvarig", 1.7),
            L.ColumnSpec("Beslutad", 1.35),
            L.ColumnSpec("Genomförd", 1.55),
        ],
        [
            [
                a.status_text,
                a.title,
                a.targets_text,
                a.owner or "–",
                a.decided or "–",
                a.done or "–",
            ]
            for a in t.actions
        ],
        small,
        bold_small,
        space_after=8,
        caption=f"{len(t.actions)} åtgärder.",
        caption_font=small,
    )
    out: list[L.Block] = [
        L.Heading(HEADING, heading, space_after=6),
        L.Paragraph(INTRO, body, space_after=6),
        actions,
    ]
    if t.followup:
        out.append(
            L.Table(
                [
                    L.ColumnSpec("Åtgärd", 2.6),
                    L.ColumnSpec("Gäller", 2.3),
                    L.ColumnSpec("Före", 1.5),
                    L.ColumnSpec("n", 0.6, RIGHT),
                    L.ColumnSpec("Efter", 1.5),
                    L.ColumnSpec("n", 0.6, RIGHT),
                    L.ColumnSpec("Skillnad", 2.1),
                ],
                [
                    [
                        r.action.title,
                        r.target.label,
                        _side(r.before),
                        _n(r.before),
                        _side(r.after),
                        _n(r.after),
                        _change(r),
                    ]
                    for r in t.followup
                ],
                small,
                bold_small,
                space_after=6,
                caption="Index före och efter genomförandet (år: index ±osäkerhet, 95 %); "
                "n = antal svar.",
                caption_font=small,
            )
        )
    out += [
        L.Paragraph(NO_CAUSE, body, space_after=4),
        L.Paragraph(UNCERTAINTY, small, colour="#444444", space_after=10),
    ]
    return out


def notes_blocks(
    notes: Sequence[Note], heading: QFont, small: QFont, bold_small: QFont
) -> list[L.Block]:
    if not notes:
        return []
    return [
        L.Heading(NOTES_HEADING, heading, space_after=6),
        L.Table(
            [
                L.ColumnSpec("Datum", 1.2),
                L.ColumnSpec("Gäller", 2.4),
                L.ColumnSpec("Anteckning", 6.0),
            ],
            [[n.date, n.scope_text, n.text] for n in notes],
            small,
            bold_small,
            space_after=10,
        ),
    ]
