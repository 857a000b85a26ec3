"""The kommun's own records in the data export: actions and notes as extra sheets of the
.xlsx, or as .csv files beside the values' .csv (same Swedish Excel conventions)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nki_desktop.atomic import atomic_target
from nki_desktop.domain.actions import Action, Note
from nki_desktop.domain.text import formula_safe


@dataclass(frozen=True)
class ExportTable:
    title: str  # the sheet's name; also the .csv file's suffix (ASCII)
    file_suffix: str
    headers: tuple[str, ...]
    rows: list[list[Any]]


def tracking_tables(actions: Sequence[Action], notes: Sequence[Note]) -> list[ExportTable]:
    """Tables for what exists (none for an empty kind)."""
    out: list[ExportTable] = []
    if actions:
        out.append(
            ExportTable(
                "Åtgärder",
                "atgarder",
                (
                    "Id",
                    "Enhet",
                    "Åtgärd",
                    "Beskrivning",
                    "Områden",
                    "Serviceområden",
                    "Ansvarig",
                    "Status",
                    "Beslutad",
                    "Genomförd",
                    "Förväntad effekt",
                    "Skapad",
                    "Ändrad",
                ),  # fmt: skip
                [
                    [
                        a.id,
                        a.unit,
                        a.title,
                        a.description,
                        ", ".join(a.areas),
                        ", ".join(a.factors),
                        a.owner,
                        a.status_label,
                        a.decided,
                        a.done,
                        a.expected_effect,
                        a.created_at,
                        a.changed_at,
                    ]  # fmt: skip
                    for a in actions
                ],
            )
        )
    if notes:
        out.append(
            ExportTable(
                "Anteckningar",
                "anteckningar",
                (
                    "Id",
                    "Enhet",
                    "Datum",
                    "Ärendeår",
                    "Område",
                    "Serviceområde",
                    "Anteckning",
                    "Skapad",
                    "Ändrad",
                ),  # fmt: skip
                [
                    [
                        n.id,
                        n.unit,
                        n.date,
                        n.year,
                        n.area,
                        n.factor,
                        n.text,
                        n.created_at,
                        n.changed_at,
                    ]  # fmt: skip
                    for n in notes
                ],
            )
        )
    return out


def add_sheets(wb: Any, tables: Sequence[ExportTable]) -> None:
    """One sheet per table in an openpyxl workbook (text never becomes a formula)."""
    from nki_desktop.reports.excel import put

    for t in tables:
        ws = wb.create_sheet(t.title)
        for col, head in enumerate(t.headers, start=1):
            put(ws, 1, col, head)
        for r, row in enumerate(t.rows, start=2):
            for col, value in enumerate(row, start=1):
                put(ws, r, col, value)
        ws.freeze_panes = "A2"


def sibling_path(path: Path, table: ExportTable) -> Path:
    return path.with_name(f"{path.stem}-{table.file_suffix}{path.suffix}")


def write_csv_siblings(path: Path, tables: Sequence[ExportTable]) -> list[Path]:
    """Each table as '<name>-atgarder.csv' beside ``path`` (semicolon, BOM)."""
    written = []
    for t in tables:
        target = sibling_path(path, t)
        with atomic_target(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(t.headers)
            for row in t.rows:
                writer.writerow(["" if v is None else formula_safe(str(v)) for v in row])
        written.append(target)
    return written
