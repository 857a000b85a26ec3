"""Kolada's Insikt key figures (KPIs): what each id measures, as data.

Ids are stable, titles changed over the years (see DOMAIN.md, "Kolada: the real key
figures"). ``U07453`` was reused: before 2024 it meant something else entirely, so it is
placed as NKI only when its title says Insikt/Företagsklimat or the year is 2024 or later.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# What a key figure's value is: an index (NKI/NUI), the number of answers behind the
# index of the same area × factor, or the response rate (%) of those answers.
INDEX = "index"
ANSWERS = "antal_svar"
RESPONSE_RATE = "svarsfrekvens"
MEASURES = (INDEX, ANSWERS, RESPONSE_RATE)

OLD_DEFINITION = "old"  # NKI totalt as defined up to case year 2023
NEW_DEFINITION = "new"  # NKI totalt from case year 2024 (four areas)

KOLADA_SOURCE = "Källa: Kolada"


@dataclass(frozen=True)
class KoladaKpi:
    """One Insikt key figure: where its values go (area × factor) and what they measure."""

    id: str
    area: str
    factor: str
    measure: str = INDEX
    definition: str = ""  # OLD_DEFINITION / NEW_DEFINITION where the id is tied to one
    first_year: int | None = None  # the id means this only from this case year on
    title: str = ""  # the newest known title

    @property
    def target(self) -> str:
        """``area:factor`` (plus ``:measure`` when not an index), as the command line says it."""
        base = f"{self.area}:{self.factor}"
        return base if self.measure == INDEX else f"{base}:{self.measure}"


_PREFIX = "Företagsklimat Insikt - "

KOLADA_KPIS: dict[str, KoladaKpi] = {
    k.id: k
    for k in (
        KoladaKpi(
            "U07451",
            "total",
            "nki",
            definition=OLD_DEFINITION,
            title=_PREFIX + "Totalt, Index, gammal definition (-2024)",
        ),
        KoladaKpi(
            "U07453",
            "total",
            "nki",
            definition=NEW_DEFINITION,
            first_year=2024,
            title=_PREFIX + "Totalt, Index, ny definition",
        ),
        KoladaKpi("U07446", "brandskydd", "nki", title=_PREFIX + "Brandskydd - Index"),
        KoladaKpi("U07447", "bygglov", "nki", title=_PREFIX + "Bygglov - Index"),
        KoladaKpi("U07448", "markupplatelse", "nki", title=_PREFIX + "Markupplåtelse - Index"),
        KoladaKpi(
            "U07449", "miljo_halsoskydd", "nki", title=_PREFIX + "Miljö- och hälsoskydd - Index"
        ),
        KoladaKpi(
            "U07450", "serveringstillstand", "nki", title=_PREFIX + "Serveringstillstånd - Index"
        ),
        KoladaKpi(
            "U07455", "livsmedelskontroll", "nki", title=_PREFIX + "Livsmedelskontroll - Index"
        ),
        KoladaKpi("U07459", "upphandling", "nui", title=_PREFIX + "Upphandling - Index"),
        KoladaKpi("U07508", "total", "tillganglighet", title=_PREFIX + "Tillgänglighet - Index"),
        KoladaKpi("U07509", "total", "information", title=_PREFIX + "Information - Index"),
        KoladaKpi("U07510", "total", "bemotande", title=_PREFIX + "Bemötande - Index"),
        KoladaKpi("U07511", "total", "kompetens", title=_PREFIX + "Kompetens - Index"),
        KoladaKpi("U07512", "total", "rattssakerhet", title=_PREFIX + "Rättssäkerhet - Index"),
        KoladaKpi("U07513", "total", "effektivitet", title=_PREFIX + "Effektivitet - Index"),
        KoladaKpi("U07551", "total", "nki", ANSWERS, OLD_DEFINITION, title=_PREFIX + "antal svar"),
        KoladaKpi(
            "U07554",
            "total",
            "nki",
            ANSWERS,
            NEW_DEFINITION,
            first_year=2024,
            title=_PREFIX + "antal svar, ny definition",
        ),
        KoladaKpi(
            "U07552", "total", "nki", RESPONSE_RATE, OLD_DEFINITION, title=_PREFIX + "svarsfrekvens"
        ),
        KoladaKpi(
            "U07553",
            "total",
            "nki",
            RESPONSE_RATE,
            NEW_DEFINITION,
            first_year=2024,
            title=_PREFIX + "svarsfrekvens, ny definition",
        ),
    )
}

# Kolada's groups holding the Insikt key figures (for the fetch's metadata check).
KOLADA_GROUPS = {
    "GKPI294": "Öppna jämförelser - Företagsklimat (Insikt)",
    "G2KPI145939": "Näringsliv",
}


def kolada_kpi(kpi_id: str) -> KoladaKpi | None:
    """The known key figure for an id (any case: ``u07451`` as in file headers)."""
    return KOLADA_KPIS.get(kpi_id.strip().upper())


_INSIKT_WORDS = ("insikt", "foretagsklimat")


def says_insikt(title: str) -> bool:
    """Whether a key-figure title is one of Insikt's ("Företagsklimat …", "… (Insikt) …")."""
    from nki_desktop.domain.text import fold

    folded = fold(title)
    return any(word in folded for word in _INSIKT_WORDS)


def kpi_applies(kpi: KoladaKpi, title: str = "", years: Iterable[int] = ()) -> bool:
    """Whether a known id means what the table says in this data.

    An id tied to a first year (U07453 was reused: before 2024 it measured something else)
    counts only when the title says Insikt/Företagsklimat, or, without a title, when every
    year is at or after that first year. Any id whose title is given but is not Insikt's is
    not ours.
    """
    if title.strip():
        return says_insikt(title)
    if kpi.first_year is None:
        return True
    years = list(years)
    return bool(years) and min(years) >= kpi.first_year


def kpi_from_target(kpi_id: str, target: str) -> KoladaKpi | None:
    """A key figure as the user states it: ``total:nki``, ``bygglov:nki:antal_svar``,
    ``total:nki:svarsfrekvens`` (area and factor keys as in ``domain.areas``)."""
    from nki_desktop.domain.areas import AREA_BY_KEY, FACTORS

    parts = [p.strip() for p in target.strip().split(":")]
    if len(parts) == 3 and parts[2] in ("", INDEX, "value", "varde"):
        parts = parts[:2]
    if len(parts) not in (2, 3) or parts[0] not in AREA_BY_KEY:
        return None
    if parts[1] not in {f.key for f in FACTORS}:
        return None
    measure = parts[2] if len(parts) == 3 else INDEX
    if measure not in MEASURES:
        return None
    return KoladaKpi(kpi_id.strip().upper(), parts[0], parts[1], measure)
