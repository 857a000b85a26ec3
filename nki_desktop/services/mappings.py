"""Column mappings: the user's answer to a mapping request, applied, remembered, listed and
forgotten; one stored format for every kind of file::

    {"columns": {"0": "kommun_name", "3": "bygglov:nki:value"}, "sheet": ..., "header_row": ...}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from nki_desktop.domain.text import fold
from nki_desktop.importers.base import ImportOptions, MappingRequest, column_letter
from nki_desktop.storage import Store


@dataclass
class RememberedMapping:
    signature: str
    kind: str
    updated_at: str
    columns: dict[int, str]
    sheet: str | None
    header_row: int | None


def with_mapping(
    options: ImportOptions, request: MappingRequest, mapping: dict[str, Any]
) -> ImportOptions:
    """Options that carry the user's (or a remembered) answer to a mapping request."""
    columns = mapping.get("columns") or {}
    return replace(
        options,
        mapping={int(k): str(v) for k, v in columns.items()},
        sheet=mapping.get("sheet") or request.sheet,
        kind=request.kind,
        header_row=mapping.get("header_row") or request.header_row,
    )


def remember_mapping(store: Store, request: MappingRequest, columns: dict[int, str]) -> None:
    """Save the user's column mapping for files of the same shape."""
    store.save_mapping(
        request.signature,
        request.kind,
        {
            "columns": {str(k): v for k, v in columns.items()},
            "sheet": request.sheet,
            "header_row": request.header_row,
        },
    )


def remembered_mappings(store: Store) -> list[RememberedMapping]:
    """Every remembered mapping, newest first."""
    out = []
    for signature, kind, updated_at, data in store.list_mappings():
        columns = data.get("columns") or {}
        out.append(
            RememberedMapping(
                signature,
                kind,
                updated_at,
                {int(k): str(v) for k, v in columns.items()},
                data.get("sheet"),
                data.get("header_row"),
            )
        )
    return out


def column_index(spec: str, headers: Sequence[str]) -> int:
    """A column as a user names it: a letter ('F'), a 1-based number ('6') or its header
    text ('Information', case and å/ä/ö-insensitive). Raises ValueError (Swedish)."""
    text = spec.strip()
    folded = fold(text)
    by_header = [i for i, h in enumerate(headers) if h.strip() and fold(h) == folded]
    if len(by_header) == 1:
        return by_header[0]
    if len(by_header) > 1:
        raise ValueError(
            f"Rubriken {text!r} står i flera kolumner "
            f"({', '.join(column_letter(i) for i in by_header)}); ange bokstaven."
        )
    if text.isdigit() and int(text) >= 1:
        return int(text) - 1
    if text.isascii() and text.isalpha() and len(text) <= 3:
        index = 0
        for ch in text.upper():
            index = index * 26 + ord(ch) - 64
        return index - 1
    raise ValueError(
        f"Kolumnen {text!r} finns inte. Ange en bokstav (F), ett nummer (6) "
        "eller rubriken som den står i filen."
    )


def map_columns(request: MappingRequest, specs: Sequence[str]) -> dict[int, str]:
    """``["F=information", "Kommun=kommun_name"]`` → {column index: target}, checked against
    the request's columns and targets. Raises ValueError with a Swedish message."""
    keys = {k for k, _ in request.targets}
    out: dict[int, str] = {}
    for spec in specs:
        column, sep, target = spec.rpartition("=")
        target = target.strip()
        if not sep or not column.strip() or not target:
            raise ValueError(f"--map {spec!r}: skriv KOLUMN=MÅL, t.ex. F=information.")
        index = column_index(column, request.headers)
        if index >= max(len(request.headers), 1):
            raise ValueError(f"--map {spec!r}: filen har bara {len(request.headers)} kolumner.")
        free_background = target.startswith("background:") and any(
            k.startswith("background:") for k in keys
        )
        if target not in keys and not free_background:
            raise ValueError(
                f"--map {spec!r}: okänt mål {target!r}. Möjliga mål: "
                + ", ".join(sorted(k for k in keys if not k.startswith("background:")))
                + (
                    ", background:<namn>."
                    if any(k.startswith("background:") for k in keys)
                    else "."
                )
            )
        out[index] = target
    return out
