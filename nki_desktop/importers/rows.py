"""What a row of a wide table is about: a kommun (by code and/or name), Riket, a joint body,
a summary row (län, kommungrupp, mean) or a footnote under the table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nki_desktop.domain.municipalities import (
    GROUP_CODES,
    Catalogue,
    is_riket,
    joint_body_key,
    looks_like_joint_body,
    normalise_code,
)
from nki_desktop.domain.text import fold
from nki_desktop.importers.base import cell_text


@dataclass(frozen=True)
class UnitMatch:
    kind: str  # kommun | riket | joint | summary | unknown | empty
    key: str = ""
    name: str = ""
    reason: str = ""


def _summary_reason(name: str, catalogue: Catalogue) -> str:
    folded = fold(name)
    if re.match(r"^[abc][1-9]( |$)", folded):  # "B3 Större stad": SKR's group code first
        return "gruppsrad (summering, inte en kommun)"
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
    return (
        filled[0].startswith(("*", "¹", "²", "(", "Not", "Anm", "Källa", "Kalla"))
        or folded.startswith(("kalla", "not ", "anm", "fotnot", "observera", "forklaring"))
        or len(filled[0]) > 40
    )
