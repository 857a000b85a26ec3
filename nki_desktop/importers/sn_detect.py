"""Which survey a file is about: Svenskt Näringsliv's Lokalt företagsklimat or NKI (Insikt).

Read from the words above and in the header rows of each sheet, the sheet names and the file
name. A file that names both surveys, or neither, is not claimed for Svenskt Näringsliv:
an SN file never goes to the ÖJ or Kolada importer, and an NKI file never to the SN one.
"""

from __future__ import annotations

import re

from nki_desktop.domain.sn import question_key
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Workbook, cell_text

SN, NKI = "sn", "nki"
SCAN_ROWS = 12  # title and header rows

# Words only Svenskt Näringsliv's files use.
_SN_WORDS = re.compile(
    r"svenskt naringsliv|lokalt foretagsklimat|foretagsklimat se|sammanfattande omdome"
    r"|kommunpolitikers? attityd|kommunpolitikernas attityd|tillampning av lagar och regler"
    r"|konkurrens fran kommunen|\bsn[ -]ranking"
)
# Words only NKI's files (SKR, SBA, Kolada) use.
_NKI_WORDS = re.compile(
    r"\bnki\b|\bnui\b|insikt|oppna jamforelser|\boj\b|\bskr\b|kolada|\bu07\d{3}\b"
    r"|nojd[ -]kund|myndighetsutovning|arendear"
)


def _texts(workbook: Workbook) -> list[str]:
    texts = [workbook.path.stem.replace("_", " ")]
    for sheet in workbook.sheets[:25]:
        texts.append(sheet.name)
        for row in sheet.rows[:SCAN_ROWS]:
            texts.extend(t for c in row if isinstance(c, str) and (t := cell_text(c)))
    return texts


def survey(workbook: Workbook) -> str | None:
    """``"sn"`` for a Svenskt Näringsliv file, ``"nki"`` for an NKI file, else None."""
    if workbook.json_data is not None:
        return NKI if isinstance(workbook.json_data, dict) else None
    texts = _texts(workbook)
    folded = " | ".join(fold(t) for t in texts)
    sn = bool(_SN_WORDS.search(folded))
    questions = {q for t in texts if len(t) <= 120 and (q := question_key(t))}
    # Two or more SN question headers (besides the generic 'service'/'konkurrens') also tell
    sn = sn or len(questions - {"service_bemotande", "konkurrens_kommunen", "upphandling"}) >= 2
    nki = bool(_NKI_WORDS.search(folded))
    if sn and not nki:
        return SN
    if nki and not sn:
        return NKI
    return None


def is_sn(workbook: Workbook) -> bool:
    """True when the file is recognisably Svenskt Näringsliv's (and names no NKI word)."""
    cached = workbook.__dict__.get("_survey", False)
    if cached is False:
        cached = survey(workbook)
        workbook.__dict__["_survey"] = cached
    return bool(cached == SN)
