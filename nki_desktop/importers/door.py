"""The door every import passes, whatever importer read it: text cleaned, cells checked.

``admit`` is applied once to each parsed batch by the shared import path: texts from the file
are cleaned of control characters and cut to length, a cell given twice in one file is
refused with both places named, and an implausible value (``domain.plausibility``) refuses
the file at its cell. ``guarded`` turns anything unforeseen while understanding a file into
a located message, so no exception type ever reaches a user from an input file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from nki_desktop.domain import plausibility
from nki_desktop.domain.municipalities import JOINT_PREFIX
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.domain.text import clean_text
from nki_desktop.importers.base import ImportProblem, NeedsMapping

REFUSED_HINT = "Rätta cellen i filen (eller ta bort raden) och importera igen."
DUPLICATE_HINT = "Ta bort den ena raden (eller ge raderna olika svarsgrupp/år) och importera igen."
UNEXPECTED_HINT = (
    "Kontrollera att det är rätt fil och att den inte är skadad; öppna och spara "
    "om den i Excel, eller använd mallen (nki-desktop template)."
)
SHOWN = 3  # findings named in the message


def _place(o: Observation) -> str:
    parts = [
        f"blad {o.sheet}" if o.sheet else "",
        f"rad {o.row}" if o.row else "",
        f"kolumn {o.column}" if o.column else "",
    ]
    return ", ".join(p for p in parts if p) or "okänd plats"


def _column_index(letters: str) -> int | None:
    if not letters or not letters.isalpha() or not letters.isascii():
        return None
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number - 1


def _problem(file: str, o: Observation, message: str, hint: str) -> ImportProblem:
    return ImportProblem(file, message, o.sheet, o.row, _column_index(o.column), hint)


def _unit_key(unit: str) -> str:
    if unit.startswith(JOINT_PREFIX):
        return JOINT_PREFIX + clean_text(unit[len(JOINT_PREFIX) :])
    return unit


def clean(batch: ImportBatch) -> None:
    """Clean every text the batch would store (in place)."""
    for body in batch.joint_bodies:
        body.key, body.name = _unit_key(body.key), clean_text(body.name)
    # A sheet name, column letter or marker repeats in thousands of cells: cleaned once each.
    sheets: dict[str, str] = {}
    columns: dict[str, str] = {}
    markers: dict[str, str] = {}
    for o in batch.observations:
        if o.unit.startswith(JOINT_PREFIX):
            o.unit = _unit_key(o.unit)
        sheet = sheets.get(o.sheet)
        if sheet is None:
            sheet = sheets[o.sheet] = clean_text(o.sheet, 100)
        column = columns.get(o.column)
        if column is None:
            column = columns[o.column] = clean_text(o.column, 10)
        o.sheet, o.column = sheet, column
        if o.missing is not None:
            missing = markers.get(o.missing)
            if missing is None:
                missing = markers[o.missing] = clean_text(o.missing, 40)
            o.missing = missing
    for skip in batch.skipped:
        skip.sheet, skip.reason = clean_text(skip.sheet, 100), clean_text(skip.reason, 400)
        skip.text = clean_text(skip.text)
    _clean_respondents(batch)
    batch.sheets = [clean_text(s, 100) for s in batch.sheets]
    batch.description = clean_text(batch.description, 400)
    batch.notes = [clean_text(n, 400) for n in batch.notes]


def _clean_background(background: object, done: dict[int, dict[str, Any]]) -> object:
    """Background answers (shared dicts) cleaned once each."""
    if not isinstance(background, dict):
        return background
    cleaned = done.get(id(background))
    if cleaned is None:
        cleaned = done[id(background)] = {
            clean_text(str(k), 100): clean_text(str(v)) for k, v in background.items()
        }
    return cleaned


def _clean_respondents(batch: ImportBatch) -> None:
    respondents = batch.respondents
    done: dict[int, dict[str, Any]] = {}
    columns = getattr(respondents, "columns", None)
    if columns is not None:  # RespondentTable: columns in KEYS order
        from nki_desktop.domain.respondent_table import KEYS

        unit, background = columns[KEYS.index("unit")], columns[KEYS.index("background")]
        if any(u.startswith(JOINT_PREFIX) for u in unit):
            unit[:] = [_unit_key(u) for u in unit]
        background[:] = [_clean_background(b, done) for b in background]
        return
    for row in respondents:
        if isinstance(row, dict):
            if str(row.get("unit", "")).startswith(JOINT_PREFIX):
                row["unit"] = _unit_key(row["unit"])
            if "background" in row:
                row["background"] = _clean_background(row["background"], done)


def check_duplicates(batch: ImportBatch) -> None:
    """Refuse a file that gives one cell (year, unit, area, factor, group) twice."""
    seen: dict[tuple[int, str, str, str, str], Observation] = {}
    for o in batch.observations:
        key = (o.year, o.unit, o.area, o.factor, o.group)
        first = seen.setdefault(key, o)
        if first is not o:
            raise _problem(
                batch.file_name,
                o,
                (
                    f"Samma cell finns två gånger i filen: {o.unit}, år {o.year}, {o.area}, "
                    f"{o.factor}, {o.group} står både på {_place(first)} och på {_place(o)}."
                ),
                DUPLICATE_HINT,
            )


def check_plausible(batch: ImportBatch, units: int) -> None:
    """Refuse a file with an implausible value, naming its cell (and how many more)."""
    found = list(plausibility.findings(batch.observations, units))
    if not found:
        return
    first = found[0]
    more = ""
    if len(found) > 1:
        others = "; ".join(f"{_place(f.observation)}: {f.reason}" for f in found[1:SHOWN])
        more = f" Även {others}" + (
            f" (och {len(found) - SHOWN} till)." if len(found) > SHOWN else "."
        )
    raise _problem(
        batch.file_name,
        first.observation,
        f"Cellen kan inte stämma: {first.reason} Filen importerades inte.{more}",
        REFUSED_HINT,
    )


def admit(batch: ImportBatch, units: int) -> ImportBatch:
    """Clean and check a parsed batch before anything is stored; raise ImportProblem."""
    clean(batch)
    check_duplicates(batch)
    check_plausible(batch, units)
    return batch


_REASONS: dict[type[BaseException], str] = {
    RecursionError: "den är för djupt nästlad",
    OverflowError: "ett tal i den är för stort eller oändligt",
    MemoryError: "den är för stor för minnet",
    UnicodeError: "en text i den har en teckenkodning som inte kan läsas",
}


@contextmanager
def guarded(file: str) -> Iterator[None]:
    """Anything unforeseen while understanding ``file`` becomes a located ImportProblem."""
    try:
        yield
    except (ImportProblem, NeedsMapping, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the reader's PanicException included
        reason = next(
            (text for kind, text in _REASONS.items() if isinstance(exc, kind)),
            "innehållet har en form som programmet inte känner igen",
        )
        raise ImportProblem(
            file,
            f"Filen {file} kunde inte tolkas: {reason} ({type(exc).__name__}).",
            hint=UNEXPECTED_HINT,
        ) from exc
