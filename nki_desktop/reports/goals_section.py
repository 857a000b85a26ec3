"""The PDF part of the report section "Mål och utfall" (see ``goals_sheet`` for Excel): the
kommun's goals with word-and-symbol status per year. No blocks without goals."""

from __future__ import annotations

from PySide6.QtGui import QFont

from nki_desktop.analysis.goal_table import HEADING, GoalTable
from nki_desktop.reports import layout as L


def pdf_blocks(
    table: GoalTable | None, heading: QFont, body: QFont, small: QFont, bold_small: QFont
) -> list[L.Block]:
    """The section's blocks for the PDF document (none without goals)."""
    if table is None:
        return []
    year_share = 1.45 if len(table.years) > 3 else 1.8
    cols = [
        L.ColumnSpec("Mått", 1.4),
        L.ColumnSpec("Mål", 1.6),
        L.ColumnSpec("Källa", 2.1),
        *(L.ColumnSpec(str(y), year_share) for y in table.years),
    ]
    rows = [r[: 3 + len(table.years)] for r in table.rows]
    return [
        L.Heading(HEADING, heading, space_after=6),
        L.Paragraph(table.note, body, space_after=6, keep=True),
        L.Table(
            cols,
            rows,
            small,
            bold_small,
            space_after=10,
            splittable=len(rows) > 6,  # a few goals stay together, with their heading
            caption=table.caption,
            caption_font=small,
        ),
    ]
