"""Comparison groups chosen as "Liknande kommuner": saved like every comparison group
(settings ``compare_sets``), with how they were chosen beside them (``similar_sets``), so the
dialog can reopen with the same choices and the report can write the method out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from nki_desktop.analysis.similar import SimilarResult
from nki_desktop.analysis.similar_criteria import years_text
from nki_desktop.analysis.similar_text import method_note
from nki_desktop.ui.context import AppContext

SETTING = "similar_sets"


def group_name(result: SimilarResult, kommun_name: str) -> str:
    """ "Liknande Örebro (3 kriterier, 2024)": short enough for the Jämför screen's list; the
    criteria themselves are in the report's method note and the reopened dialog."""
    active = result.active
    what = "1 kriterium" if len(active) == 1 else f"{len(active)} kriterier"
    years = sorted({y for c in active for y in c.years})
    if years:
        what += ", " + years_text(years)
    return f"Liknande {kommun_name} ({what})"


def recipe(
    result: SimilarResult, names: Mapping[str, str], group: str, today: dt.date | None = None
) -> dict[str, Any]:
    created = (today or dt.date.today()).isoformat()
    heading, text = method_note(result, names, created)
    return {
        "kommun": result.mine,
        "group": group,
        "criteria": [c.key for c in result.criteria],
        "weights": list(result.weights),
        "n": result.n,
        "min_coverage": result.min_coverage,
        "units": result.units,
        "created": created,
        "note": [heading, text],
    }


def save_similar(context: AppContext, name: str, entry: dict[str, Any]) -> None:
    saved = dict(context.settings.get(SETTING))
    saved[name] = entry
    context.settings.set(SETTING, saved)


def current_recipe(context: AppContext) -> dict[str, Any] | None:
    """The recipe of the chosen comparison group when it is a saved similar-kommuner group
    of min kommun whose members are unchanged."""
    name = context.compare_set
    entry = context.settings.get(SETTING).get(name) if name else None
    if not isinstance(entry, dict) or entry.get("kommun") != context.kommun:
        return None
    saved_units = context.settings.get("compare_sets").get(name)
    if saved_units is None or set(saved_units) != set(entry.get("units", [])):
        return None
    if set(context.compare_units) - {context.kommun} != set(saved_units):
        return None
    return entry


def current_note(context: AppContext) -> tuple[str, str] | None:
    """The report's method note for the chosen group, when it is a similar-kommuner group."""
    entry = current_recipe(context)
    note = entry.get("note") if entry else None
    if isinstance(note, list) and len(note) == 2:
        return str(note[0]), str(note[1])
    return None
