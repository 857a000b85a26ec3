"""What an importer understood about a file's layout, for the preview (no values)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.domain.areas import area_label, factor_label, group_label
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch
from nki_desktop.importers.base import ImportOptions, Workbook
from nki_desktop.importers.header import (
    IGNORE,
    KOMMUN_CODE,
    KOMMUN_NAME,
    LAN,
    MEASURES,
    VALUE,
    YEAR,
    Column,
)

_ROLE_TEXT = {KOMMUN_CODE: "kommunkod", KOMMUN_NAME: "kommunnamn", LAN: "län (används inte)",
              IGNORE: "används inte"}


@dataclass
class ColumnNote:
    letter: str
    header: str
    meaning: str


@dataclass
class Layout:
    sheet: str = ""
    header_row: int | None = None  # 1-based
    columns: list[ColumnNote] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    year_source: str = ""


class LayoutImporter:
    """An importer that also reports its layout for the preview: ``parse`` is the batch of
    ``parse_with_layout``, which subclasses implement."""

    def parse(self, workbook: Workbook, options: ImportOptions,
              catalogue: Catalogue) -> ImportBatch:
        return self.parse_with_layout(workbook, options, catalogue)[0]

    def parse_with_layout(self, workbook: Workbook, options: ImportOptions,
                          catalogue: Catalogue) -> tuple[ImportBatch, Layout]:
        raise NotImplementedError


def describe(column: Column, default_year: int | None = None) -> str:
    """A column's meaning in Swedish: 'Bygglov · NKI · rank'."""
    if column.role == VALUE:
        parts = [area_label(column.area or ""), factor_label(column.factor or ""),
                 MEASURES.get(column.measure, column.measure)]
        if column.year:
            parts.append(str(column.year))
        return " · ".join(parts)
    if column.role == YEAR:
        return f"år {column.year}"
    return _ROLE_TEXT.get(column.role, column.role)


def note(column: Column) -> ColumnNote:
    return ColumnNote(column.letter, column.header, describe(column))


def group_text(key: str) -> str:
    return group_label(key)
