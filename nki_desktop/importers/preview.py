"""What every importer returns: the parsed batch and what was understood of the file's layout
(the preview shows both; confirming stores exactly this batch)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nki_desktop.domain.areas import area_label, factor_label, group_label
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.domain.records import ImportBatch
from nki_desktop.importers.base import ImportOptions, MappingRequest, Workbook
from nki_desktop.importers.header import Column
from nki_desktop.importers.labels import (
    IGNORE,
    KOMMUN_CODE,
    KOMMUN_NAME,
    LAN,
    MEASURES,
    VALUE,
    YEAR,
)

_ROLE_TEXT = {
    KOMMUN_CODE: "kommunkod",
    KOMMUN_NAME: "kommunnamn",
    LAN: "län (används inte)",
    IGNORE: "används inte",
}


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


@dataclass
class Parsed:
    """One importer's result: the batch to store and the layout notes for the preview."""

    batch: ImportBatch
    layout: Layout = field(default_factory=Layout)


class LayoutImporter:
    """Shared by the table importers: the mapping request for a file's first table."""

    kind = ""

    def parse(self, workbook: Workbook, options: ImportOptions, catalogue: Catalogue) -> Parsed:
        raise NotImplementedError

    def mapping_request(self, workbook: Workbook, options: ImportOptions) -> MappingRequest:
        """Columns assigned by the user are read as a wide table (one row per unit) by the
        ÖJ importer, which is the one that honours a column mapping."""
        from nki_desktop.importers.oj import mapping_request  # oj imports this module

        return mapping_request(workbook, "oj")


def describe(column: Column, default_year: int | None = None) -> str:
    """A column's meaning in Swedish: 'Bygglov · NKI · rank'."""
    if column.role == VALUE:
        parts = [
            area_label(column.area or ""),
            factor_label(column.factor or ""),
            MEASURES.get(column.measure, column.measure),
        ]
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
