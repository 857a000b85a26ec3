"""Masking personal data in free text (companies' comments) before anything is stored.

E-mail addresses, personnummer/samordningsnummer and Swedish telephone numbers are replaced
by a placeholder in brackets. Deliberately generous: a long digit run that could be a
personnummer or a phone number is masked; ordinary numbers (years, "NKI 74", "3 veckor",
"15 000 kr") are not, because they neither start with 0 or +46 nor have 10/12 digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EMAIL = "e-post"
PERSONNUMMER = "personnummer"
PHONE = "telefonnummer"
PLACEHOLDERS: dict[str, str] = {
    EMAIL: "[e-post]",
    PERSONNUMMER: "[personnummer]",
    PHONE: "[telefonnummer]",
}

_EMAIL = re.compile(r"[\w.+%-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# YYMMDD or YYYYMMDD, then an optional - or + (and spaces), then four digits. The day may be
# + 60 (samordningsnummer). Ten digits without a separator starting with 0 are left to the
# phone pattern (0701234567 is a mobile number far more often than someone born in 2007);
# both are masked either way.
_DAY = r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
_MONTH = r"(?:0[1-9]|1[0-2])"
_PNR = re.compile(
    rf"(?<![\w+])(?:"
    rf"(?:19|20)\d{{2}}{_MONTH}{_DAY}\s?[-+]?\s?\d{{4}}"  # YYYYMMDD(-)XXXX
    rf"|\d{{2}}{_MONTH}{_DAY}\s?[-+]\s?\d{{4}}"  # YYMMDD-XXXX / YYMMDD+XXXX
    rf"|[1-9]\d{_MONTH}{_DAY}\d{{4}}"  # YYMMDDXXXX (not starting with 0)
    rf")(?!\d)"
)
# +46 / 0046 / 0, then 6–11 more digits, each optionally after one or two separators
# (space, dash, parentheses; not / or ., which write dates): 070-123 45 67,
# +46 (0)70 123 45 67, 08-123 456 78.
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?46|0046|\(?0)(?:[\s\-()]{0,2}\d){6,11}(?!\d)")


@dataclass(frozen=True)
class Masked:
    """A text with its personal data replaced, and how many of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def mask_personal_data(text: str) -> Masked:
    """``text`` with e-mail addresses, personnummer and phone numbers replaced."""
    counts: dict[str, int] = {}
    for kind, pattern in ((EMAIL, _EMAIL), (PERSONNUMMER, _PNR), (PHONE, _PHONE)):
        text, n = pattern.subn(PLACEHOLDERS[kind], text)
        if n:
            counts[kind] = counts.get(kind, 0) + n
    return Masked(text, counts)


def describe_counts(counts: dict[str, int]) -> str:
    """ "2 telefonnummer, 1 e-post" (empty when nothing was masked)."""
    return ", ".join(f"{counts[k]} {k}" for k in (PHONE, EMAIL, PERSONNUMMER) if counts.get(k))


def comments_note(comments: int, counts: dict[str, int]) -> str:
    """The import preview's sentence about comments: how many, and what was masked."""
    if not comments:
        return ""
    what = describe_counts(counts)
    masked = (
        f"personuppgifter maskerades vid importen: {what}"
        if what
        else "inga personuppgifter hittades att maskera"
    )
    return (
        f"{comments} kommentarer (fritextsvar) hittades; {masked}. Telefonnummer, "
        "e-postadresser och personnummer sparas aldrig. Kommentarer exporteras bara om "
        "du väljer dem."
    )
