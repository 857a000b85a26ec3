"""The Översikt's goal badges: for each figure with a goal of the kommun and group, the goal
and its status in the year shown, as a word and a symbol (colour only supports them)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from nki_desktop.analysis.goals import GoalReport
from nki_desktop.domain.goals import KOLADA_NOTE, NO_OUTCOME
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.services import goals as svc
from nki_desktop.storage import Store


def badge_html(r: GoalReport, year: int) -> str | None:
    """'<b>NKI totalt</b> minst 75: ✗ ej uppnått (71)', or None when not followed up."""
    o = r.outcome(year)
    if o is None:
        return None
    g = r.goal
    outcome = ""
    if o.state is not NO_OUTCOME:
        outcome = f" ({'plats ' + str(o.rank) if o.rank else fmt_index(o.value)})"
    return (
        f"<b>{escape(g.figure_label)}</b> {escape(g.aim)}: "
        f"<span style='color:{o.state.colour}; font-weight:600'>{escape(o.label)}</span>"
        f"{outcome}"
    )


class GoalStrip(QFrame):
    """A line of goal badges with a "Mål…" button; hidden parts say when there are none."""

    edit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("goals")
        self.setStyleSheet(
            "QFrame#goals { border:1px solid #BBBBBB; border-radius:4px; background:#FAFAFA; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        column = QVBoxLayout()
        self.title = QLabel("<b>Mål</b>")
        self.badges = QLabel()
        self.badges.setWordWrap(True)
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        self.badges.setToolTip(KOLADA_NOTE)
        column.addWidget(self.title)
        column.addWidget(self.badges)
        layout.addLayout(column, 1)
        self.button = QPushButton("Mål…")
        self.button.setToolTip("Lägg till, ändra eller ta bort kommunens mål")
        self.button.clicked.connect(self.edit_requested.emit)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.reports: list[GoalReport] = []

    def show_for(self, store: Store, kommun: str, group: str, year: int) -> None:
        self.reports = svc.reports(store, kommun, group, year)
        badges = [b for r in self.reports if (b := badge_html(r, year))]
        later = len(self.reports) - len(badges)
        if not self.reports:
            self.title.setText("<b>Mål</b>")
            self.badges.setText(
                "Inga mål för den här svarsgruppen. Lägg till kommunens mål (t.ex. "
                "”NKI minst 75”) med Mål… så visas här om de nås."
            )
            return
        self.title.setText(f"<b>Mål {year}</b> – kommunens egna mål, inte Koladas färger")
        text = " &nbsp;·&nbsp; ".join(badges) or "Inget av målen följs upp detta år."
        if later and badges:
            text += f" &nbsp;·&nbsp; {later} mål gäller från ett senare år."
        self.badges.setText(text)
