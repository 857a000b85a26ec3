"""Option values shared by several commands, checked once (messages in Swedish)."""

from __future__ import annotations

import sys

from nki_desktop.domain.municipalities import RIKET, Catalogue, normalise_code

UNKNOWN = ""  # returned for a kommun the catalogue does not know (the message is printed)


def kommun_option(text: str | None, catalogue: Catalogue, riket: bool = False) -> str | None:
    """``--kommun``: None when not given, the kommunkod when known (``riket`` too when
    allowed), else :data:`UNKNOWN` after saying so on stderr (the command then exits 2)."""
    if not text:
        return None
    code = normalise_code(text)
    if code is not None and catalogue.get(code) is not None:
        return code
    if riket and text.strip().lower() == RIKET:
        return RIKET
    print(f"Okänd kommunkod: {text}", file=sys.stderr)
    return UNKNOWN
