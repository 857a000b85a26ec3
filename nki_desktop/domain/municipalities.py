"""The catalogue of Sweden's 290 kommuner, their län and SKR kommungrupp, and name matching.

Files name kommuner in many ways ("Upplands Bro", "Region Gotland", "Falu kommun",
"Malung-Sälens kommun"). Matching goes by code first, then by the exact name (å/ä/ö kept),
then by a known variant, and by the name without diacritics only when that is unique:
Håbo (0305) is not Habo (0643).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from nki_desktop.domain.text import fold

RIKET = "riket"
JOINT_PREFIX = "jb:"
LARGE_KOMMUN_POPULATION = 40_000

GROUP_CODES: dict[str, str] = {
    "Storstäder": "A1",
    "Pendlingskommun nära storstad": "A2",
    "Större stad": "B3",
    "Pendlingskommun nära större stad": "B4",
    "Lågpendlingskommun nära större stad": "B5",
    "Mindre stad/tätort": "C6",
    "Pendlingskommun nära mindre tätort": "C7",
    "Landsbygdskommun": "C8",
    "Landsbygdskommun med besöksnäring": "C9",
}

_RIKET_NAMES = {
    "riket",
    "sverige",
    "hela riket",
    "hela landet",
    "samtliga kommuner",
    "alla kommuner",
    "riket totalt",
    "riksgenomsnitt",
    "rikssnitt",
    "0000",
    "riket ovagt medel",
    "alla kommuner ovagt medel",
    "riket vagt medel",
}
_JOINT_WORDS = (
    "forbund",
    "gemensam",
    "samverkan",
    "nämnd",
    "namnd",
    "forvaltning",
    "overformyndar",
    "kommunalforbund",
    "myndighetsnamnd",
    "miljokontor",
)
_SUFFIXES = ("kommun", "kommuns", "stad", "stads", "kommunen", "municipality")
# Irregular official forms, written as in files (å/ä/ö kept) → the catalogue name.
_VARIANTS = {
    "Falu": "Falun",
    "Region Gotland": "Gotland",
    "Gotlands": "Gotland",
    "Malung": "Malung-Sälen",
    "Upplands Bro": "Upplands-Bro",
}


@dataclass(frozen=True)
class Kommun:
    code: str
    name: str
    lan_code: str
    lan_name: str
    group_name: str
    population: int

    @property
    def group_code(self) -> str:
        return GROUP_CODES.get(self.group_name, "")

    @property
    def is_large(self) -> bool:
        return self.population > LARGE_KOMMUN_POPULATION


# footnote marks written after a name in published tables ("Heby¹", "Orsa*")
_FOOTNOTE_MARKS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"


def name_key(name: str) -> str:
    """Normalised name for matching: folded, hyphens as spaces, suffixes like 'kommun' removed."""
    text = fold(name)
    text = re.sub(r"\(.*?\)", " ", text)
    text = re.sub(r"^\d{4}\s+", "", text)  # "1880 Örebro"
    words = text.replace("-", " ").split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    if words and words[0] == "region" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


CODE, EXACT, VARIANT, FOLDED = "code", "exact", "variant", "folded"
_HOW_TEXT = {CODE: "kod", EXACT: "namn", VARIANT: "namnvariant", FOLDED: "utan å/ä/ö"}


@dataclass(frozen=True)
class NameMatch:
    """A written unit name matched to a kommun, and how (code / exact / variant / folded)."""

    written: str
    kommun: Kommun
    how: str

    @property
    def listed(self) -> bool:
        """Whether the match is shown to the user (anything but code or exact name)."""
        return self.how in (VARIANT, FOLDED)

    @property
    def text(self) -> str:
        """'Upplands Bro → Upplands-Bro (0139)'."""
        return f"{self.written} → {self.kommun.name} ({self.kommun.code})"

    @property
    def how_text(self) -> str:
        return _HOW_TEXT.get(self.how, self.how)


_RECORDER: ContextVar[list[NameMatch] | None] = ContextVar("name_matches", default=None)


@contextmanager
def recorded_matches() -> Iterator[list[NameMatch]]:
    """Collect, while the block runs, every name matched by variant or folding (once each).

    The importers match names in many places; the preview and the ``import`` command list
    the collected matches so the user sees every name that was not written as in the
    catalogue ("Upplands Bro → Upplands-Bro (0139)").
    """
    found: list[NameMatch] = []
    token = _RECORDER.set(found)
    try:
        yield found
    finally:
        _RECORDER.reset(token)


def _found(match: NameMatch) -> NameMatch:
    recorder = _RECORDER.get()
    if (
        recorder is not None
        and match.listed
        and not any(m.written == match.written and m.kommun == match.kommun for m in recorder)
    ):
        recorder.append(match)
    return match


def _add(index: dict[str, list[Kommun]], key: str, kommun: Kommun) -> None:
    hits = index.setdefault(key, [])
    if kommun not in hits:
        hits.append(kommun)


def exact_key(name: str) -> str:
    """A name compared exactly: case-insensitive, å/ä/ö kept, dashes and spaces unified."""
    text = unicodedata.normalize("NFC", str(name)).casefold()
    for dash in ("–", "—", "\u2011", "\u2010"):
        text = text.replace(dash, "-")
    text = re.sub(r"[^\w\- ]+", " ", text.replace("_", " "))
    words = (w.strip("-") for w in text.split())
    return " ".join(w for w in words if w)


def variant_key(name: str) -> str:
    """A name with the known variations removed, å/ä/ö kept: hyphens as spaces, a bracket,
    a trailing 'kommun'/'stad', a leading 'Region'."""
    text = re.sub(r"\(.*?\)", " ", str(name))
    words = exact_key(text).replace("-", " ").split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    if words and words[0] == "region" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def is_riket(name: str) -> bool:
    text = fold(name).replace("-", " ")
    text = re.sub(r"[()]", "", text).strip()
    return text in _RIKET_NAMES or text.startswith("riket")


def looks_like_joint_body(name: str) -> bool:
    """Whether a unit name reads as a joint body (förbund, gemensam förvaltning …)."""
    text = fold(name).replace(" ", "")
    return any(word in text for word in _JOINT_WORDS)


def joint_body_key(name: str) -> str:
    return JOINT_PREFIX + re.sub(r"\s+", " ", str(name)).strip()


class Catalogue:
    """All kommuner, with look-ups by code and by any common spelling of the name."""

    def __init__(self, kommuner: Iterable[Kommun]):
        self.kommuner: tuple[Kommun, ...] = tuple(sorted(kommuner, key=lambda k: k.code))
        self.by_code: dict[str, Kommun] = {k.code: k for k in self.kommuner}
        self._exact: dict[str, Kommun] = {}
        self._variant: dict[str, list[Kommun]] = {}
        self._folded: dict[str, list[Kommun]] = {}
        for k in self.kommuner:
            key = exact_key(k.name)
            self._exact[key] = k
            self._exact[key + " kommun"] = k
            self._exact[key + " stad"] = k
            _add(self._variant, variant_key(k.name), k)
            _add(self._folded, name_key(k.name), k)
        for alias, target in _VARIANTS.items():
            hits = self._variant.get(variant_key(target), [])
            if len(hits) == 1:
                _add(self._variant, variant_key(alias), hits[0])
                _add(self._folded, name_key(alias), hits[0])

    @classmethod
    def from_csv(cls, path: Path) -> Catalogue:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return cls(
            Kommun(
                r["kod"],
                r["namn"],
                r["lan_kod"],
                r["lan_namn"],
                r["kommungrupp_2023"],
                int(r["befolkning"] or 0),
            )
            for r in rows
        )

    def __len__(self) -> int:
        return len(self.kommuner)

    def get(self, code: str) -> Kommun | None:
        return self.by_code.get(normalise_code(code) or "")

    def name_of(self, unit: str) -> str:
        if unit == RIKET:
            return "Riket"
        if unit.startswith(JOINT_PREFIX):
            return unit[len(JOINT_PREFIX) :]
        k = self.by_code.get(unit)
        return k.name if k else unit

    def resolve(self, name: str) -> NameMatch | None:
        """The kommun a written name refers to, and how it was matched; None when the name
        matches nothing or more than one kommun (never a guess).

        Order: a leading kommunkod ("1880 Örebro"); the exact name (case-insensitive,
        å/ä/ö kept, "X kommun"); a known variant (hyphen or space, genitive "Xs kommun",
        "Region Gotland", "Falu kommun"); the name without diacritics, only when exactly
        one kommun has that folded name ("Orebro" is Örebro; "Habo" is Habo, never Håbo).
        """
        text = str(name).strip().rstrip(_FOOTNOTE_MARKS).rstrip()  # "Heby¹", "Kalix *"
        key = exact_key(text)
        if not key:
            return None
        hit = self._exact.get(key)
        if hit is not None:
            return _found(NameMatch(text, hit, EXACT))
        code = normalise_code(text[:4]) if text[:4].isdigit() else None
        if code and code in self.by_code and (text[4:5] in ("", " ", "\t")):
            rest = text[4:].strip()
            kommun = self.by_code[code]
            if not rest or self.resolve_quietly(rest) is kommun:
                return _found(NameMatch(text, kommun, CODE))
            return None
        variant = variant_key(text)
        for candidate in (variant, variant[:-1] if variant.endswith("s") else ""):
            hits = self._variant.get(candidate, [])
            if len(hits) == 1:
                return _found(NameMatch(text, hits[0], VARIANT))
            if hits:
                return None
        folded = name_key(text)
        for candidate in (folded, folded[:-1] if folded.endswith("s") else ""):
            hits = self._folded.get(candidate, [])
            if len(hits) == 1:
                return _found(NameMatch(text, hits[0], FOLDED))
            if hits:
                return None
        return None

    def resolve_quietly(self, name: str) -> Kommun | None:
        """Like :meth:`resolve`, without recording the match."""
        token = _RECORDER.set(None)
        try:
            found = self.resolve(name)
        finally:
            _RECORDER.reset(token)
        return found.kommun if found else None

    def match_name(self, name: str) -> Kommun | None:
        """The kommun a written name refers to, or None (never a guess): see :meth:`resolve`."""
        found = self.resolve(name)
        return found.kommun if found else None

    def match(self, code: str | None = None, name: str | None = None) -> Kommun | None:
        """Match by code first, then by name."""
        if code:
            hit = self.get(code)
            if hit:
                return hit
        if name:
            return self.match_name(name)
        return None

    def candidates(self, name: str, count: int = 3) -> list[Kommun]:
        """The closest kommun names, for a message about an unmatched name."""
        import difflib  # only for this message

        keys = difflib.get_close_matches(
            name_key(name), list(self._folded), n=count * 2, cutoff=0.6
        )
        seen: list[Kommun] = []
        for key in keys:
            for k in self._folded[key]:
                if k not in seen:
                    seen.append(k)
        return seen[:count]

    def search(self, text: str) -> list[Kommun]:
        """Kommuner whose code starts with, or whose name contains, the text (for pickers):
        exact name first, then names that start with the text, then the rest."""
        text = text.strip()
        if not text:
            return list(self.kommuner)
        if text.isdigit():
            return [k for k in self.kommuner if k.code.startswith(text.zfill(2)[: len(text)])]
        key = name_key(text)
        exact = text.casefold()

        def order(kommun: Kommun) -> int:
            name, plain = name_key(kommun.name), kommun.name.casefold()
            if plain == exact:
                return 0
            if name == key:
                return 1
            if plain.startswith(exact):  # "ör" finds Örebro before Orsa
                return 2
            return 3 if name.startswith(key) else 4

        # exact name first ("kalix" is Kalix, not Överkalix; "håbo" before "habo"), then
        # names that start with the text, then names containing it; stable within each
        return sorted((k for k in self.kommuner if key in name_key(k.name)), key=order)

    def lan_names(self) -> dict[str, str]:
        return {k.lan_code: k.lan_name for k in self.kommuner}

    def in_lan(self, lan_code: str) -> list[Kommun]:
        return [k for k in self.kommuner if k.lan_code == lan_code]

    def in_group(self, group_name: str) -> list[Kommun]:
        return [k for k in self.kommuner if k.group_name == group_name]


def normalise_code(value: object) -> str | None:
    """A 4-digit kommunkod from '1880', 1880.0, '0114', 114 or '114'; None otherwise."""
    if value is None:
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit() or not 3 <= len(text) <= 4:
        return None
    return text.zfill(4)
