"""Actions (åtgärder) and notes (anteckningar): the municipality's own follow-up records.

Plain records and the checks of what the user types; no storage, no Qt. Messages are
Swedish and say what to write instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nki_desktop.domain.areas import (
    AREA_BY_KEY,
    FACTOR_BY_KEY,
    area_key,
    area_label,
    factor_key,
    factor_label,
)
from nki_desktop.domain.errors import InputError

PLANNED, ONGOING, DONE, CANCELLED = "planerad", "pagar", "genomford", "avbruten"
STATUSES: dict[str, str] = {
    PLANNED: "Planerad",
    ONGOING: "Pågår",
    DONE: "Genomförd",
    CANCELLED: "Avbruten",
}
STATUS_SYMBOLS: dict[str, str] = {PLANNED: "○", ONGOING: "◐", DONE: "●", CANCELLED: "✕"}
_STATUS_WORDS = {
    "planerad": PLANNED,
    "pagar": ONGOING,
    "pågår": ONGOING,
    "genomford": DONE,
    "genomförd": DONE,
    "klar": DONE,
    "avbruten": CANCELLED,
}
TITLE_MAX = 200


@dataclass(frozen=True)
class Target:
    """What an action addresses: an area (``total`` for all) and a factor (nki: the index)."""

    area: str
    factor: str

    @property
    def label(self) -> str:
        what = area_label(self.area)
        if self.factor in ("nki", "nui"):
            return what
        return f"{what} – {factor_label(self.factor).lower()}"


@dataclass
class Action:
    """One action; ``id`` is None before it is stored. Dates are ISO (YYYY-MM-DD)."""

    unit: str
    title: str
    areas: tuple[str, ...]
    factors: tuple[str, ...] = ()
    description: str = ""
    owner: str = ""
    status: str = PLANNED
    decided: str | None = None
    done: str | None = None
    expected_effect: str = ""
    id: int | None = None
    created_at: str = ""
    changed_at: str = ""
    deleted_at: str | None = None

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def status_text(self) -> str:
        """The status as symbol and word (never colour alone)."""
        return f"{STATUS_SYMBOLS.get(self.status, '')} {self.status_label}".strip()

    @property
    def targets(self) -> list[Target]:
        """Each area with each factor (or the area's own index when no factor is named)."""
        out: list[Target] = []
        for area in self.areas:
            index = "nui" if area == "upphandling" else "nki"
            for factor in self.factors or (index,):
                out.append(Target(area, index if factor in ("nki", "nui") else factor))
        return out

    @property
    def targets_text(self) -> str:
        return ", ".join(t.label for t in self.targets)

    @property
    def marker_date(self) -> str | None:
        """The date shown on a time axis: done, else decided."""
        return self.done or self.decided

    def years(self) -> set[int]:
        return {int(d[:4]) for d in (self.decided, self.done) if d}


@dataclass
class Note:
    """A dated note on a kommun, optionally on one year, area or factor."""

    unit: str
    text: str
    date: str
    year: int | None = None
    area: str | None = None
    factor: str | None = None
    id: int | None = None
    created_at: str = ""
    changed_at: str = ""
    deleted_at: str | None = None

    @property
    def case_year(self) -> int:
        """The case year the note belongs to: its year, else the year of its date."""
        return self.year or int(self.date[:4])

    @property
    def scope_text(self) -> str:
        """'2022 · Bygglov – bemötande', or 'Hela kommunen'."""
        parts = [str(self.year)] if self.year else []
        if self.area or self.factor:
            what = area_label(self.area) if self.area else "Alla områden"
            if self.factor and self.factor not in ("nki", "nui"):
                what += f" – {factor_label(self.factor).lower()}"
            parts.append(what)
        return " · ".join(parts) or "Hela kommunen"

    def applies_to(self, year: int | None, area: str | None, factor: str | None) -> bool:
        """True when the note concerns this year, area and factor (unset parts match all)."""
        if self.year is not None and year is not None and self.year != year:
            return False
        if self.area is not None and area is not None and self.area != area:
            return False
        return not (
            self.factor is not None
            and factor is not None
            and self.factor not in ("nki", "nui")
            and self.factor != factor
        )


# -- checks of typed input ------------------------------------------------------------------
def parse_date(text: str | None, what: str = "datum") -> str | None:
    """'2024-05-02' (also 2024-5-2 or 20240502) → ISO date; '' or None → None."""
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip()
    candidates = [raw]
    if raw.isdigit() and len(raw) == 8:
        candidates.append(f"{raw[:4]}-{raw[4:6]}-{raw[6:]}")
    parts = raw.replace("/", "-").replace(".", "-").split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        candidates.append(f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}")
    for candidate in candidates:
        try:
            day = dt.date.fromisoformat(candidate)
        except ValueError:
            continue
        if 1990 <= day.year <= 2100:
            return day.isoformat()
    raise InputError(
        f"Ogiltigt {what}: ”{raw}”. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-02."
    )


def parse_status(text: str | None) -> str:
    if text is None or not str(text).strip():
        return PLANNED
    key = _STATUS_WORDS.get(str(text).strip().lower())
    if key is None:
        raise InputError(
            f"Okänd status: ”{text}”. Välj planerad, pagar (pågår), genomford (genomförd) "
            "eller avbruten."
        )
    return key


def parse_area(text: str) -> str:
    key = area_key(text) if text not in AREA_BY_KEY else text
    if key is None:
        known = ", ".join(AREA_BY_KEY)
        raise InputError(f"Okänt område: ”{text}”. Välj bland: {known}.")
    return key


def parse_factor(text: str) -> str:
    key = factor_key(text) if text not in FACTOR_BY_KEY else text
    if key is None:
        known = ", ".join(FACTOR_BY_KEY)
        raise InputError(f"Okänd faktor: ”{text}”. Välj bland: {known}.")
    return key


def checked_action(action: Action) -> Action:
    """The action with its texts trimmed and its parts checked; raises InputError."""
    title = action.title.strip()
    if not title:
        raise InputError("Åtgärden behöver en rubrik. Skriv vad som ska göras, t.ex. ”Öppet hus”.")
    if len(title) > TITLE_MAX:
        raise InputError(f"Rubriken är för lång ({len(title)} tecken); högst {TITLE_MAX}.")
    if not action.areas:
        raise InputError(
            "Ange minst ett område som åtgärden gäller (t.ex. bygglov, eller total för alla)."
        )
    areas = tuple(dict.fromkeys(parse_area(a) for a in action.areas))
    factors = tuple(dict.fromkeys(parse_factor(f) for f in action.factors))
    status = parse_status(action.status)
    decided = parse_date(action.decided, "beslutsdatum")
    done = parse_date(action.done, "datum för genomförande")
    if decided and done and done < decided:
        raise InputError(
            f"Datum för genomförande ({done}) ligger före beslutsdatum ({decided}). "
            "Rätta något av datumen."
        )
    return Action(
        unit=action.unit,
        title=title,
        areas=areas,
        factors=factors,
        description=action.description.strip(),
        owner=action.owner.strip(),
        status=status,
        decided=decided,
        done=done,
        expected_effect=action.expected_effect.strip(),
        id=action.id,
        created_at=action.created_at,
        changed_at=action.changed_at,
        deleted_at=action.deleted_at,
    )


def checked_note(note: Note) -> Note:
    text = note.text.strip()
    if not text:
        raise InputError("Anteckningen är tom. Skriv en text, t.ex. ”Omorganisation av bygglov”.")
    date = parse_date(note.date, "datum") or dt.date.today().isoformat()
    if note.year is not None and not 1990 <= note.year <= 2100:
        raise InputError(f"Ogiltigt år: {note.year}. Ange ett ärendeår, till exempel 2023.")
    return Note(
        unit=note.unit,
        text=text,
        date=date,
        year=note.year,
        area=parse_area(note.area) if note.area else None,
        factor=parse_factor(note.factor) if note.factor else None,
        id=note.id,
        created_at=note.created_at,
        changed_at=note.changed_at,
        deleted_at=note.deleted_at,
    )
