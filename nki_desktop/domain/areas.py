"""Authority areas (myndighetsområden), service factors and respondent groups.

Stable keys are used in the database, the command line and exports; labels are Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass

from nki_desktop.domain.sn import SN_AREA, SN_TITLE
from nki_desktop.domain.sn import measure_label as sn_measure_label
from nki_desktop.domain.text import fold

TOTAL = "total"
UPPHANDLING = "upphandling"


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    first_year: int | None = None
    note: str = ""

    @property
    def index_factor(self) -> str:
        """The key of the overall index: NUI for upphandling, NKI for the rest."""
        return "nui" if self.key == UPPHANDLING else "nki"


AREAS: tuple[Area, ...] = (
    Area(
        TOTAL,
        "NKI totalt",
        (
            "totalt",
            "nki totalt",
            "total",
            "samtliga",
            "alla områden",
            "samtliga områden",
            "nki",
            "sammanfattande nki",
        ),
    ),
    Area("brandskydd", "Brandskydd", ("brandtillsyn", "brandskyddstillsyn", "brand")),
    Area("bygglov", "Bygglov", ("bygg", "bygglovshandläggning", "plan och bygg")),
    Area("markupplatelse", "Markupplåtelse", ("markupplåtelser", "mark")),
    Area(
        "miljo_halsoskydd",
        "Miljö- och hälsoskydd",
        (
            "miljö och hälsoskydd",
            "miljö- & hälsoskydd",
            "miljötillsyn",
            "miljö",
            "miljö- och hälsoskyddstillsyn",
            "miljo halsoskydd",
            "miljö och hälsa",
        ),
    ),
    Area(
        "livsmedelskontroll",
        "Livsmedelskontroll",
        ("livsmedel", "livsmedelstillsyn"),
        first_year=2016,
    ),
    Area(
        "serveringstillstand",
        "Serveringstillstånd",
        ("servering", "alkoholtillstånd", "serveringstillstånd/alkohol"),
    ),
    Area(
        UPPHANDLING,
        "Upphandling",
        ("offentlig upphandling", "nui"),
        first_year=2019,
        note="Index NUI, redovisas separat och ingår aldrig i NKI.",
    ),
    Area(
        "receptfria_lakemedel", "Receptfria läkemedel", ("receptfria läkemedel",), first_year=2024
    ),
    Area(
        "lantmateri",
        "Lantmäteri",
        ("lantmäteriet", "kommunal lantmäterimyndighet"),
        first_year=2024,
    ),
    Area(
        "folkol_tobak",
        "Folköl och tobak",
        ("folköl och tobak", "tobak och folköl", "folköl", "tobak"),
        first_year=2024,
    ),
)
AREA_BY_KEY: dict[str, Area] = {a.key: a for a in AREAS}


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


FACTORS: tuple[Factor, ...] = (
    Factor("nki", "NKI", ("nöjd kund index", "nöjd-kund-index", "index", "nki-värde")),
    Factor("nui", "NUI", ("nöjd upphandlar index", "nöjd-upphandlare-index")),
    Factor("information", "Information", ("info",)),
    Factor("tillganglighet", "Tillgänglighet", ("tillgänglig",)),
    Factor("bemotande", "Bemötande", ()),
    Factor("kompetens", "Kompetens", ()),
    Factor("rattssakerhet", "Rättssäkerhet", ("rättsäkerhet",)),
    Factor("effektivitet", "Effektivitet", ()),
)
FACTOR_BY_KEY: dict[str, Factor] = {f.key: f for f in FACTORS}
SERVICE_FACTORS: tuple[str, ...] = (
    "information",
    "tillganglighet",
    "bemotande",
    "kompetens",
    "rattssakerhet",
    "effektivitet",
)
INDEX_FACTORS: tuple[str, ...] = ("nki", "nui")


@dataclass(frozen=True)
class RespondentGroup:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


GROUPS: tuple[RespondentGroup, ...] = (
    RespondentGroup("foretag", "Företag", ("företagare", "företag", "näringsidkare")),
    RespondentGroup("privatperson", "Privatpersoner", ("privatperson", "privat", "privata")),
    RespondentGroup(
        "forening", "Ideella föreningar", ("förening", "föreningar", "ideell förening")
    ),
    RespondentGroup(
        "offentlig",
        "Offentliga organisationer",
        ("offentlig organisation", "offentliga", "offentlig"),
    ),
    RespondentGroup("alla", "Alla grupper", ("alla", "samtliga", "totalt alla grupper")),
)
GROUP_BY_KEY: dict[str, RespondentGroup] = {g.key: g for g in GROUPS}
DEFAULT_GROUP = "foretag"


def _lookup(items: tuple[Area | Factor | RespondentGroup, ...], text: str) -> str | None:
    folded = fold(text)
    if not folded:
        return None
    for item in items:
        names = (item.key, item.label, *item.aliases)
        if folded in {fold(n) for n in names}:
            return str(item.key)
    return None


def area_key(text: str) -> str | None:
    """The area key for a label as written in a file ("Brandtillsyn" → ``brandskydd``)."""
    return _lookup(AREAS, text)


def factor_key(text: str) -> str | None:
    return _lookup(FACTORS, text)


def group_key(text: str) -> str | None:
    return _lookup(GROUPS, text)


def area_label(key: str) -> str:
    if key == SN_AREA:  # another survey's own series (never an NKI area)
        return SN_TITLE
    return AREA_BY_KEY[key].label if key in AREA_BY_KEY else key


def factor_label(key: str) -> str:
    if key in FACTOR_BY_KEY:
        return FACTOR_BY_KEY[key].label
    return sn_measure_label(key)  # a Svenskt Näringsliv question, or the key itself


def group_label(key: str) -> str:
    return GROUP_BY_KEY[key].label if key in GROUP_BY_KEY else key


def index_factor(area: str) -> str:
    """The overall index of an area key (``Area.index_factor``; NKI for an unknown key)."""
    return AREA_BY_KEY[area].index_factor if area in AREA_BY_KEY else "nki"
