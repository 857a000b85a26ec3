"""The case year a table is about, from its title, sheet name or file name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nki_desktop.domain.rules import case_year_from_title
from nki_desktop.domain.text import fold
from nki_desktop.importers.labels import CASE_YEAR_RE, YEAR_RE

# When a title was published or updated is not the year it is about: "Publicerad 2024-04-15",
# "uppdaterad 2 maj 2024" are removed before years are looked for.
_DATED_RE = re.compile(
    r"\b(?:publicerad|uppdaterad|hamtad|utgiven|skapad|datum)\w*[\s:]*"
    r"(?:\d{1,2}\s+)?(?:[a-z]+\s+)?\d{4}(?:-\d\d-\d\d)?|\b\d{4}-\d\d-\d\d\b"
)


def find_year(texts: Sequence[str], oj_title: bool = False) -> int | None:
    """The case year named in a title, sheet name or file name.

    'Ärendeår 2014' is a case year as written. Otherwise, for ÖJ titles (oj_title) a
    year up to 2015 is the publication year and maps to the case year before it.
    """
    for text in texts:
        folded = fold(text)
        match = CASE_YEAR_RE.search(folded)
        if match:
            return int(match.group(1))
    for text in texts:
        undated = _DATED_RE.sub(" ", fold(text).replace("_", " "))
        years = [int(y) for y in YEAR_RE.findall(undated)]
        if years:
            year = max(years)
            return case_year_from_title(year) if oj_title else year
    return None
