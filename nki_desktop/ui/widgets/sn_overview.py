"""Översikt's box for Svenskt Näringsliv: the latest summary grade and rank beside NKI,
each with its own scale written out (grade 1–6, rank 1–290)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.sn import (
    RANK_OF,
    SCALE_TEXT,
    SN_TITLE,
    format_grade,
    grade_word,
    places,
)
from nki_desktop.ui.context import AppContext

VALUE_STYLE = "font-size:17pt; font-weight:600; color:#006B4F;"


class SnOverviewBox(QFrame):
    """Hidden when no SN value is stored for the kommun."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("sn_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#sn_box { border:1px solid #9CC9B8; background:#F3FAF7; }")
        grid = QGridLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0, 1, 3)
        self.grade_caption = QLabel(f"Sammanfattande omdöme (skala {SCALE_TEXT})")
        self.grade_value = QLabel("–")
        self.grade_value.setStyleSheet(VALUE_STYLE)
        self.grade_detail = QLabel()
        self.rank_caption = QLabel(f"Placering i rankningen (1–{RANK_OF})")
        self.rank_value = QLabel("–")
        self.rank_value.setStyleSheet(VALUE_STYLE)
        self.rank_detail = QLabel()
        for col, widgets in enumerate(
            (
                (self.grade_caption, self.grade_value, self.grade_detail),
                (self.rank_caption, self.rank_value, self.rank_detail),
            )
        ):
            for r, w in enumerate(widgets, start=1):
                w.setWordWrap(True)
                grid.addWidget(w, r, col)
        self.note = QLabel(
            "En annan undersökning än NKI (företag svarar på Svenskt Näringslivs enkät, "
            f"betyg {SCALE_TEXT}): jämför inte med NKI:s 0–100."
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#555;")
        grid.addWidget(self.note, 1, 2, 3, 1)
        for col, stretch in enumerate((2, 2, 3)):
            grid.setColumnStretch(col, stretch)
        self.hide()

    def show_for(self, kommun: str, words: list[tuple[float, str]] | None = None) -> None:
        overview = sn_analysis.load_overview(self.context.store, kommun) if kommun else None
        self.setVisible(overview is not None)
        if overview is None:
            return
        sample = " · ⚠ exempeldata (fiktiva värden)" if overview.is_sample else ""
        self.title.setText(f"<b>{SN_TITLE} {overview.year}</b>{sample}")
        word = grade_word(overview.grade, words or [])
        self.grade_value.setText(
            f"{format_grade(overview.grade)} <span style='font-size:10pt; font-weight:400;'>"
            f"av 6</span>" + (f" <span style='font-size:11pt;'>{word}</span>" if word else "")
        )
        detail = []
        if overview.n:
            detail.append(f"{fmt_number(overview.n)} svar")
        if overview.response_rate is not None:
            detail.append(f"svarsfrekvens {fmt_number(overview.response_rate)}\u00a0%")
        if overview.riket is not None:
            detail.append(f"Riket {format_grade(overview.riket)}")
        self.grade_detail.setText(" · ".join(detail))
        if overview.rank is not None:
            self.rank_value.setText(
                f"{overview.rank} <span style='font-size:10pt; font-weight:400;'>"
                f"av {RANK_OF}</span>"
            )
        else:
            self.rank_value.setText("–")
        change = overview.rank_change
        previous = overview.year - 1
        if change is None:
            text = f"ingen placering {previous}"
        elif change == 0:
            text = f"samma placering som {previous}"
        else:
            way = "uppåt" if change > 0 else "nedåt"
            text = f"{'▲' if change > 0 else '▼'} {places(abs(change))} {way} sedan {previous}"
        self.rank_detail.setText(text)
