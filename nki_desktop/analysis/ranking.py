"""Rankings for the screens and reports; the tie rule itself lives in domain.ranking."""

from __future__ import annotations

from nki_desktop.domain.ranking import TIES_NOTE, shared_ranks

__all__ = ["TIES_NOTE", "shared_ranks"]
