"""The catalogue of Sweden's 290 kommuner, their län and SKR kommungrupp, and name matching.

Files name kommuner in many ways ("Upplands Bro", "Region Gotland", "Falu kommun",
"Malung-Sälens kommun"). Matching goes by code first, then by a normalised name.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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

_RIKET_NAMES = {"riket", "sverige", "hela riket", "hela landet", "samtliga kommuner",
                "alla kommuner", "riket totalt", "riksgenomsnitt", "rikssnitt", "0000",
                "riket ovagt medel", "alla kommuner ovagt medel", "riket vagt medel"}
_JOINT_WORDS = ("forbund", "gemensam", "samverkan", "nämnd", "namnd", "forvaltning",
                "overformyndar", "kommunalforbund", "myndighetsnamnd", "miljokontor")
_SUFFIXES = ("kommun", "kommuns", "stad", "stads", "kommunen", "municipality")
# Irregular official forms: the key is a folded name-part as written in files.
_IRREGULAR = {"falu": "falun", "region gotland": "gotland", "gotlands": "gotland",
              "malung": "malung-salen", "upplands bro": "upplands-bro"}


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
        self._by_key: dict[str, Kommun] = {}
        for k in self.kommuner:
            self._by_key[name_key(k.name)] = k
        for alias, target in _IRREGULAR.items():
            match = self._by_key.get(name_key(target))
            if match:
                self._by_key[name_key(alias)] = match

    @classmethod
    def from_csv(cls, path: Path) -> Catalogue:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return cls(Kommun(r["kod"], r["namn"], r["lan_kod"], r["lan_namn"],
                          r["kommungrupp_2023"], int(r["befolkning"] or 0)) for r in rows)

    def __len__(self) -> int:
        return len(self.kommuner)

    def get(self, code: str) -> Kommun | None:
        return self.by_code.get(normalise_code(code) or "")

    def name_of(self, unit: str) -> str:
        if unit == RIKET:
            return "Riket"
        if unit.startswith(JOINT_PREFIX):
            return unit[len(JOINT_PREFIX):]
        k = self.by_code.get(unit)
        return k.name if k else unit

    def match_name(self, name: str) -> Kommun | None:
        """The kommun a written name refers to, or None (never a guess)."""
        key = name_key(name)
        if not key:
            return None
        hit = self._by_key.get(key)
        if hit:
            return hit
        code = normalise_code(name.strip()[:4])
        if code and code in self.by_code and name_key(name[4:]) in ("", name_key(
                self.by_code[code].name)):
            return self.by_code[code]
        if key.endswith("s"):  # genitive: "Kalix kommuns", "Malung-Sälens"
            hit = self._by_key.get(key[:-1])
            if hit:
                return hit
        return None

    def match(self, code: str | None = None, name: str | None = None) -> Kommun | None:
        """Match by code first, then by normalised name."""
        if code:
            hit = self.get(code)
            if hit:
                return hit
        if name:
            return self.match_name(name)
        return None

    def candidates(self, name: str, count: int = 3) -> list[Kommun]:
        """The closest kommun names, for a message about an unmatched name."""
        keys = difflib.get_close_matches(name_key(name), list(self._by_key), n=count * 2,
                                         cutoff=0.6)
        seen: list[Kommun] = []
        for key in keys:
            k = self._by_key[key]
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
            return [k for k in self.kommuner if k.code.startswith(text.zfill(2)[:len(text)])]
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


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The shipped catalogue (resources/data/kommuner.csv)."""
    from nki_desktop.paths import resource

    return Catalogue.from_csv(resource("data", "kommuner.csv"))
