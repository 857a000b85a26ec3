"""Finding and understanding the header of a wide table (ÖJ workbooks, Kolada exports).

A header may sit below title and note rows and span one or two rows, the upper one with
merged group cells (calamine gives a merged cell's value in its first cell and '' in the
rest, so group labels are carried rightwards). Each column is classified as kommun code,
kommun name, län, a year, or area × factor × measure. Rows are classified as kommun, Riket,
joint body, summary (län/group) or unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from nki_desktop.domain.areas import AREAS, FACTORS, GROUPS, TOTAL
from nki_desktop.domain.municipalities import (
    GROUP_CODES,
    Catalogue,
    is_riket,
    joint_body_key,
    looks_like_joint_body,
    normalise_code,
)
from nki_desktop.domain.rules import case_year_from_title
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import Sheet, cell_text, column_letter

KOMMUN_CODE, KOMMUN_NAME, LAN, VALUE, YEAR, IGNORE = (
    "kommun_code", "kommun_name", "lan", "value", "year", "ignore")
MEASURES = {"value": "värde", "n": "antal svar", "rank": "rank"}

_CODE_WORDS = {"kommunkod", "kod", "kommun kod", "kommunnr", "kommunnummer", "kommun id",
               "kommun-id", "kommunid", "id", "kkod", "lankommunkod", "kommunkod 4 siffror"}
_NAME_WORDS = {"kommun", "kommunnamn", "namn", "kommun namn", "kommuner", "enhet", "organisation",
               "kommun/forbund", "kommun/organisation", "kommun eller forbund", "omrade/kommun",
               "kommun/enhet", "deltagare", "kommun/gemensam namnd", "kommun forbund"}
_LAN_WORDS = {"lan", "lansnamn", "lanskod", "lan kod", "lan namn", "region"}
_RANK_RE = re.compile(r"\b(rank|ranking|rankning|placering|plats)\b")
_N_RE = re.compile(r"\b(antal svar|antal|svar|n|svarande|antal svarande|respondenter)\b")
_YEAR_RE = re.compile(r"(?<!\d)(19[89]\d|20[0-9]\d)(?!\d)")
_CASE_YEAR_RE = re.compile(r"arendear\w*\s*(19[89]\d|20[0-9]\d)")
# When a title was published or updated is not the year it is about: "Publicerad 2024-04-15",
# "uppdaterad 2 maj 2024" are removed before years are looked for.
_DATED_RE = re.compile(r"\b(?:publicerad|uppdaterad|hamtad|utgiven|skapad|datum)\w*[\s:]*"
                       r"(?:\d{1,2}\s+)?(?:[a-z]+\s+)?\d{4}(?:-\d\d-\d\d)?|\b\d{4}-\d\d-\d\d\b")
_TOTAL_RE = re.compile(r"\b(nki totalt|totalt|total|samtliga omraden|sammanfattande)\b")


def _alias_patterns(items: Sequence[Any]) -> list[tuple[re.Pattern[str], str]]:
    pairs: list[tuple[str, str]] = []
    for item in items:
        for name in (item.key, item.label, *item.aliases):
            folded = fold(name)
            if folded:
                pairs.append((folded, item.key))
    pairs.sort(key=lambda p: -len(p[0]))  # longest first: "miljo och halsoskydd" before "miljo"
    return [(re.compile(r"(?<![a-z0-9])" + re.escape(text) + r"(?![a-z0-9])"), key)
            for text, key in pairs]


_AREA_PATTERNS = [(p, k) for p, k in _alias_patterns(AREAS) if k != TOTAL]
_FACTOR_PATTERNS = _alias_patterns(FACTORS)
_GROUP_PATTERNS = _alias_patterns(GROUPS)


@dataclass(frozen=True)
class Label:
    """What a header text names: an area, a factor, a measure (value, n, rank), a year."""

    area: str | None = None
    factor: str | None = None
    measure: str = "value"
    year: int | None = None
    group: str | None = None


def find_area(folded: str) -> str | None:
    for pattern, key in _AREA_PATTERNS:
        if pattern.search(folded):
            return key
    if _TOTAL_RE.search(folded) or folded in ("nki", "index"):
        return TOTAL
    return None


def find_factor(folded: str) -> str | None:
    for pattern, key in _FACTOR_PATTERNS:
        if pattern.search(folded):
            return key
    return None


def find_group(folded: str) -> str | None:
    for pattern, key in _GROUP_PATTERNS:
        if key != "alla" and pattern.search(folded):
            return key
    return None


@lru_cache(maxsize=8192)
def classify_label(text: str) -> Label:
    """Read a (combined) header text: 'Bygglov NKI', 'Brandtillsyn – Antal svar', 'Rank'."""
    folded = fold(text)
    measure = "value"
    if _RANK_RE.search(folded):
        measure = "rank"
    elif _N_RE.search(folded):
        measure = "n"
    year_match = _YEAR_RE.fullmatch(folded.strip())
    year = int(year_match.group(1)) if year_match else None
    area = find_area(folded)
    rest = folded
    for pattern, key in _AREA_PATTERNS:
        if key == area:
            rest = pattern.sub(" ", rest)
    factor = find_factor(rest)
    if factor == "nki" and area == "upphandling":
        factor = "nui"
    return Label(area, factor, measure, year, find_group(folded))


@lru_cache(maxsize=8192)
def unit_column_role(text: str) -> str | None:
    folded = fold(text)
    if folded in _CODE_WORDS or (folded.startswith("kommunkod") and len(folded) < 20):
        return KOMMUN_CODE
    if folded in _NAME_WORDS or folded.startswith("kommunnamn"):
        return KOMMUN_NAME
    if folded in _LAN_WORDS or folded.startswith("lans"):
        return LAN
    return None


@dataclass
class Column:
    index: int
    header: str
    role: str  # KOMMUN_CODE, KOMMUN_NAME, LAN, VALUE, YEAR, IGNORE
    area: str | None = None
    factor: str | None = None
    measure: str = "value"
    year: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def target(self) -> str:
        """The stable mapping key of this column (as used by the mapping dialog)."""
        if self.role == VALUE:
            return f"{self.area}:{self.factor}:{self.measure}"
        return self.role


def column_from_target(index: int, header: str, target: str) -> Column:
    if target.count(":") == 2:
        area, factor, measure = target.split(":")
        return Column(index, header, VALUE, area, factor, measure)
    if target.startswith("year:"):
        return Column(index, header, YEAR, year=int(target[5:]))
    return Column(index, header, target)


@dataclass
class Header:
    sheet: Sheet
    rows: list[int]  # 0-based header rows (one or two)
    texts: list[str]  # combined header text per column
    columns: list[Column] = field(default_factory=list)
    title: str = ""  # text above the header

    @property
    def data_start(self) -> int:
        return self.rows[-1] + 1

    @property
    def row_number(self) -> int:
        """1-based row of the (last) header row, as a user sees it."""
        return self.rows[-1] + 1


def carry_right(row: Sequence[Any]) -> list[str]:
    """Group labels of merged cells carried into the empty cells to their right."""
    out: list[str] = []
    current = ""
    for cell in row:
        text = cell_text(cell)
        if text:
            current = text
        out.append(current)
    return out


def _row_texts(sheet: Sheet, index: int) -> list[str]:
    return [cell_text(c) for c in sheet.rows[index]] if index < len(sheet.rows) else []


def _row_strings(sheet: Sheet, index: int) -> list[str]:
    """The text cells of a row, and years written as numbers (a header is words and years)."""
    out = []
    for c in sheet.rows[index]:
        if isinstance(c, str):
            if c.strip():
                out.append(c.strip())
        elif isinstance(c, (int, float)) and 1990 <= c <= 2099 and float(c).is_integer():
            out.append(str(int(c)))
    return out


def _header_score(texts: list[str]) -> tuple[int, bool]:
    """How header-like a row is, and whether it names the unit column."""
    score = 0
    has_unit = False
    for text in texts:
        if not text or len(text) > 80 or (text[0].isdigit() and len(text) != 4):
            continue
        if unit_column_role(text) in (KOMMUN_CODE, KOMMUN_NAME):
            has_unit = True
            score += 2
            continue
        label = classify_label(text)
        if label.year or label.area or label.factor or label.measure != "value":
            score += 1
    return score, has_unit


def locate(sheet: Sheet, scan: int = 40) -> Header | None:
    """The header of a wide table with one row per unit, or None if none is found.

    The answer is kept on the sheet: several importers ask while sniffing.
    """
    cached = sheet.__dict__.get("_located", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    header = _locate(sheet, scan)
    sheet.__dict__["_located"] = header
    return header


def _locate(sheet: Sheet, scan: int) -> Header | None:
    best: tuple[int, int] | None = None
    for r in range(min(scan, len(sheet.rows))):
        score, has_unit = _header_score(_row_strings(sheet, r))
        if has_unit and score >= 3 and (best is None or score > best[1]):
            best = (r, score)
    if best is None:
        return None
    r = best[0]
    texts = _row_texts(sheet, r)
    width = max(len(row) for row in sheet.rows[r:r + 60])
    texts += [""] * (width - len(texts))
    rows = [r]
    combined = list(texts)
    # A group row above: merged area names over "NKI / Rank / Antal svar".
    if r > 0:
        above = carry_right(sheet.rows[r - 1])
        above += [""] * (width - len(above))
        filled_above = [cell_text(c) for c in sheet.rows[r - 1] if cell_text(c)]
        areas_above = sum(1 for t in set(above) if t and classify_label(t).area)
        if ((len(filled_above) >= 2 or _lone_group_cell(sheet.rows[r - 1], texts))
                and areas_above >= 1 and any(t and not classify_label(t).area for t in texts)):
            rows = [r - 1, r]
            combined = [f"{a} {t}".strip() if a and unit_column_role(t) is None else t
                        for a, t in zip(above, texts, strict=True)]
    # Or the group row is the one found and the measures sit below it.
    below = _row_texts(sheet, r + 1)
    if len(rows) == 1 and below and sum(1 for t in below if measure_word(t)) >= 2:
        grouped = carry_right(sheet.rows[r])
        grouped += [""] * (width - len(grouped))
        below += [""] * (width - len(below))
        rows = [r, r + 1]
        combined = [g if unit_column_role(g) else f"{g} {b}".strip()
                    for g, b in zip(grouped, below, strict=True)]
    title = " ".join(t for i in range(rows[0]) for t in _row_texts(sheet, i) if t)
    header = Header(sheet, rows, combined, title=title)
    header.columns = classify_columns(combined)
    return header


def _lone_group_cell(above: Sequence[Any], texts: Sequence[str]) -> bool:
    """A group row with a single area ("Bygglov" over "NKI | Rank"): its one cell names an
    area and stands over a measure heading, not over the unit column as a title would."""
    filled = [(i, cell_text(c)) for i, c in enumerate(above) if cell_text(c)]
    if len(filled) != 1:
        return False
    index, text = filled[0]
    below = texts[index] if index < len(texts) else ""
    return bool(below and unit_column_role(below) is None and classify_label(text).area
                and (not classify_label(below).area or measure_word(below)))


def measure_word(text: str) -> bool:
    """A heading that names a measure and no area: 'Rank', 'Antal svar', 'NKI', 'Index',
    'NKI-värde' (the lower row of a two-row header)."""
    if not text:
        return False
    label = classify_label(text)
    return (label.measure != "value" or fold(text) in ("nki", "nui", "index")
            or (label.area is None and label.factor in ("nki", "nui")))


def classify_columns(texts: Sequence[str]) -> list[Column]:
    columns: list[Column] = []
    group: Column | None = None  # the value column that measure-only headers belong to
    for index, text in enumerate(texts):
        if not text:
            continue
        if group is not None and columns and columns[-1].index == index - 1:
            label = classify_label(text)
            if not label.area and not label.factor and label.measure in ("rank", "n"):
                # "NKI totalt | Rank | Antal svar": measures follow their area's value column
                columns.append(Column(index, text, VALUE, group.area, group.factor,
                                      label.measure))
                continue
        group = None
        role = unit_column_role(text)
        if role:
            if not any(c.role == role for c in columns):
                columns.append(Column(index, text, role))
            continue
        label = classify_label(text)
        if label.year and not label.area:
            columns.append(Column(index, text, YEAR, year=label.year))
        elif label.area:
            factor = label.factor or ("nui" if label.area == "upphandling" else "nki")
            if factor == "nui" and label.area != "upphandling":
                factor = "nki"
            columns.append(Column(index, text, VALUE, label.area, factor, label.measure))
            if label.measure == "value":
                group = columns[-1]
        elif label.measure == "rank" or (label.factor in ("nki", None) and "nki" in fold(text)):
            # "Rank" or "NKI" alone next to the name: NKI totalt.
            columns.append(Column(index, text, VALUE, TOTAL, "nki", label.measure))
        else:
            columns.append(Column(index, text, IGNORE))
    _drop_duplicates(columns)
    return columns


def _drop_duplicates(columns: list[Column]) -> None:
    seen: set[str] = set()
    for column in columns:
        if column.role == VALUE:
            if column.target in seen:
                column.role = IGNORE
            seen.add(column.target)


# -- years ------------------------------------------------------------------------------
def find_year(texts: Sequence[str], oj_title: bool = False) -> int | None:
    """The case year named in a title, sheet name or file name.

    'Ärendeår 2014' is a case year as written. Otherwise, for ÖJ titles (oj_title) a
    year up to 2015 is the publication year and maps to the case year before it.
    """
    for text in texts:
        folded = fold(text)
        match = _CASE_YEAR_RE.search(folded)
        if match:
            return int(match.group(1))
    for text in texts:
        undated = _DATED_RE.sub(" ", fold(text).replace("_", " "))
        years = [int(y) for y in _YEAR_RE.findall(undated)]
        if years:
            year = max(years)
            return case_year_from_title(year) if oj_title else year
    return None


# -- rows ------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitMatch:
    kind: str  # kommun | riket | joint | summary | unknown | empty
    key: str = ""
    name: str = ""
    reason: str = ""


def _summary_reason(name: str, catalogue: Catalogue) -> str:
    folded = fold(name)
    lan = {fold(n) for n in catalogue.lan_names().values()}
    lan |= {f.removesuffix(" lan") for f in lan}
    groups = {fold(g) for g in GROUP_CODES}
    if folded in lan or folded.startswith("lan ") or folded == "lanet":
        return "länsrad (summering, inte en kommun)"
    if folded in groups or "kommungrupp" in folded or folded.removeprefix("grupp ") in groups:
        return "gruppsrad (summering, inte en kommun)"
    if any(w in folded for w in ("medel", "genomsnitt", "summa", "median", "storre kommuner")):
        return "summeringsrad (inte en kommun)"
    return ""


def match_unit(catalogue: Catalogue, code: Any, name: Any) -> UnitMatch:
    """Which unit a row is about: kommun by code and/or name, Riket, joint body, summary."""
    name_text = cell_text(name)
    code_text = cell_text(code)
    if not name_text and not code_text:
        return UnitMatch("empty")
    if code_text:
        norm = normalise_code(code_text)
        kommun = catalogue.get(norm) if norm else None
        if kommun:
            return UnitMatch("kommun", kommun.code, kommun.name)
        if norm == "0000" or is_riket(code_text):
            return UnitMatch("riket", "riket", "Riket")
    if name_text:
        if is_riket(name_text):
            return UnitMatch("riket", "riket", "Riket")
        kommun = catalogue.match_name(name_text)
        if kommun:
            return UnitMatch("kommun", kommun.code, kommun.name)
        if looks_like_joint_body(name_text):
            return UnitMatch("joint", joint_body_key(name_text), name_text)
        reason = _summary_reason(name_text, catalogue)
        if reason:
            return UnitMatch("summary", name=name_text, reason=reason)
    return UnitMatch("unknown", name=name_text or code_text)


def joint_members(name: str, catalogue: Catalogue) -> tuple[str, ...]:
    """Member kommuner named in brackets: 'Miljöförbundet X (Kalix, Haparanda)'."""
    match = re.search(r"\(([^)]*)\)", name)
    if not match:
        return ()
    members = []
    for part in re.split(r"[,;/]| och ", match.group(1)):
        kommun = catalogue.match_name(part.strip()) if part.strip() else None
        if kommun is None:
            return ()
        members.append(kommun.code)
    return tuple(members)


def looks_like_footnote(texts: Sequence[str]) -> bool:
    """A line of text under the table: source, note, asterisk explanation."""
    filled = [t for t in texts if t]
    if len(filled) != 1:
        return False
    folded = fold(filled[0])
    return (filled[0].startswith(("*", "¹", "²", "(", "Not", "Anm", "Källa", "Kalla"))
            or folded.startswith(("kalla", "not ", "anm", "fotnot", "observera", "forklaring"))
            or len(filled[0]) > 40)
