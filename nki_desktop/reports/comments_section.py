"""The PDF part of the report section "Företagens kommentarer (urval)": only the comments the
user picked (see ``comments_sheet`` for the Excel part). No blocks when none is picked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from nki_desktop.analysis.comments import CommentRow
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.reports import layout as L
from nki_desktop.reports.comments_sheet import HEADING, NOTE


def cells(row: CommentRow) -> list[str]:
    return [
        str(row.year),
        row.area_text,
        row.answered or "–",
        fmt_index(row.nki) if row.nki is not None else "–",
        row.text,
    ]


def pdf_blocks(
    rows: Sequence[CommentRow], heading: QFont, body: QFont, small: QFont, bold_small: QFont
) -> list[L.Block]:
    """The section's blocks for the PDF document (none without picked comments)."""
    if not rows:
        return []
    cols = [
        L.ColumnSpec("År", 0.55),
        L.ColumnSpec("Område", 2.1),
        L.ColumnSpec("Datum", 1.45),
        L.ColumnSpec("NKI", 0.7, Qt.AlignmentFlag.AlignRight),
        L.ColumnSpec("Kommentar", 5.6),
    ]
    return [
        L.Heading(HEADING, heading, space_after=6),
        L.Paragraph(NOTE, body, space_after=6),
        L.Table(
            cols,
            [cells(r) for r in rows],
            small,
            bold_small,
            space_after=10,
            caption=f"{len(rows)} valda kommentarer. NKI: den svarandes eget index.",
            caption_font=small,
        ),
    ]
