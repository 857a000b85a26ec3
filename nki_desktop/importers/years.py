"""The case year a table is about, from its title, sheet name or file name."""

from __future__ import annotations

from collections.abc import Sequence

from nki_desktop.domain.rules import case_year_from_title
from nki_desktop.domain.text import fold
from nki_desktop.importers.labels import CASE_YEAR_RE, YEAR_RE


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
        years = [int(y) for y in YEAR_RE.findall(fold(text).replace("_", " "))]
        if years:
            year = max(years)
            return case_year_from_title(year) if oj_title else year
    return None
