"""Text helpers shared by matching code: folding labels for comparison."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE_RE = re.compile(r"[\s\u00a0\u2009\u202f]+")


def fold(text: str) -> str:
    """Lower-case, strip accents (å→a, ä→a, ö→o, é→e), unify dashes and spaces."""
    if type(text) is str and len(text) <= _CACHED_UP_TO:
        return _fold_cached(text)
    return _fold(str(text))


_CACHED_UP_TO = 200  # labels and names; a long free text is folded each time


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    # Detection and parsing fold the same labels (areas, measures, kommun names) hundreds
    # of times per file: about 0,03 ms each.
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("–", "-").replace("—", "-")
    text = re.sub(r"[^a-z0-9\-/ ]+", " ", text)
    return _SPACE_RE.sub(" ", text).strip()


# -- text from files: cleaned at the door, never a formula on the way out ------------------
TEXT_LIMIT = 200  # characters kept of a name or label read from a file
_CONTROL_RE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
# What Excel, LibreOffice and Google Sheets may read as the start of a formula; full-width
# forms too, which some spreadsheet programs fold to ASCII on input.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def clean_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """Text read from a file as stored: control and direction characters become spaces,
    runs of space one, and at most ``limit`` characters (an ellipsis marks a cut)."""
    text = _SPACE_RE.sub(" ", _CONTROL_RE.sub(" ", str(text))).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def looks_like_formula(text: object) -> bool:
    """Whether a spreadsheet program could take the text for a formula ('-' alone is not)."""
    return isinstance(text, str) and len(text) > 1 and text.startswith(FORMULA_START)


def formula_safe(value: object) -> object:
    """The value for a text output (CSV, clipboard) that a spreadsheet opens: text that could
    be read as a formula gets a leading apostrophe, so it stays text. Others unchanged."""
    return "'" + value if looks_like_formula(value) else value  # type: ignore[operator]
