"""Text helpers shared by matching code: folding labels for comparison."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RE = re.compile(r"[\s\u00a0\u2009\u202f]+")


def fold(text: str) -> str:
    """Lower-case, strip accents (å→a, ä→a, ö→o, é→e), unify dashes and spaces."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("–", "-").replace("—", "-")
    text = re.sub(r"[^a-z0-9\-/ ]+", " ", text)
    return _SPACE_RE.sub(" ", text).strip()
