"""Hypothesis strategies: a ground-truth table and a plausible layout to render it in."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from nki_desktop.domain.municipalities import Catalogue, Kommun, joint_body_key, name_key
from tests.layouts.generator import UNIT_COLUMNS, Layout, Line, SheetPlan
from tests.layouts.truth import AreaColumns, Cell, Truth, Unit

MARKERS = ("", "-", "–", "—", ".", "..", "x")
NOTE_MARKS = ("*", " *", "¹", " ¹", "²")  # after a value or a name, pointing to a footnote
NAME_MARKS = ("*", " *")
# Forms the importer does not read yet; h10a's cell grammar and name matching (issue 10,
# items 1 and 2) are to make them pass. Drawn only when ``h10a`` is asked for.
H10A_NAME_MARKS = ("¹", " ¹", "²")
RIKET_LABELS = (
    "Riket",
    "RIKET",
    "Hela riket",
    "Riket (samtliga kommuner)",
    "Sverige",
    "Samtliga kommuner",
    "Riket totalt",
    "Riksgenomsnitt",
)
JOINT_NAMES = (
    "Miljöförbundet Norr",
    "Södra Roslagens miljö- och hälsoskyddsförbund",
    "Gemensamma miljönämnden",
    "Kommunalförbundet Norra Skaraborg",
    "Bergslagens miljö- och byggförvaltning",
    "Miljö- och byggnadsnämnden Östra Skaraborg",
    "Samhällsbyggnadsförbundet Bergslagen",
    "Miljösamverkan Östra Skaraborg",
    "Gemensam nämnd för bygg och miljö",
)
FOOTNOTES = (
    "* Färre än 10 svar redovisas inte.",
    "Källa: SKR, Öppna jämförelser Företagsklimat",
    "Not: Rankningen omfattar kommuner med minst 20 svar.",
    "Anm.: .. = uppgift saknas, - = för få svar",
    "¹ Gemensam nämnd för miljö- och hälsoskydd, redovisas för sig.",
    "Observera att förbund och gemensamma nämnder inte rankas.",
    "(x) För få svar för att redovisa.",
)
HEADINGS = ("Förbund och gemensamma nämnder", "Gemensamma nämnder", "Kommuner", "Riket och län")
SUMMARIES = ("Medelvärde", "Genomsnitt", "Median", "Storstäder", "Större kommuner", "Länet")
TITLES = (
    "Nöjd Kund Index (NKI) per kommun och myndighetsområde",
    "Respondentgrupp: företag",
    "Källa: Sveriges Kommuner och Regioner (SKR) och Stockholm Business Alliance",
    "Kommuner med färre än 10 svar redovisas inte.",
    "Resultat för företag",
    "Nöjd Kund Index, företag, samtliga myndighetsområden, SKR",
)
YEAR_TITLES = (
    "Öppna jämförelser Företagsklimat {}",
    "ÖJ Företagsklimat {} – rankningslista",
    "Ärendeår {}",
    "Insikt – Nöjd Kund Index {}",
)
PUBLISHED = ("Publicerad {}-04-15", "Uppdaterad {}-05-02")  # the year after the case year
AREA_WORDS = {
    "total": ("NKI totalt", "Totalt", "NKI Totalt", "Samtliga områden"),
    "brandskydd": ("Brandskydd", "Brandtillsyn"),
    "bygglov": ("Bygglov",),
    "markupplatelse": ("Markupplåtelse",),
    "miljo_halsoskydd": (
        "Miljö- och hälsoskydd",
        "Miljö och hälsoskydd",
        "Miljö- & hälsoskydd",
        "Miljötillsyn",
    ),
    "livsmedelskontroll": ("Livsmedelskontroll", "Livsmedel"),
    "serveringstillstand": ("Serveringstillstånd", "Servering"),
    "upphandling": ("Upphandling",),
}
# Official and common forms of some names (DOMAIN.md); others get generic variants.
SPELLINGS = {
    "0139": ("Upplands Bro", "Upplands-Bro kommun"),
    "2080": ("Falu kommun",),
    "0980": ("Region Gotland", "Gotlands kommun"),
    "2023": ("Malung-Sälens kommun",),
    "0180": ("Stockholms stad",),
    "1480": ("Göteborgs Stad",),
    "1280": ("Malmö stad",),
}


def spellings(kommun: Kommun) -> tuple[str, ...]:
    """How a kommun's name is written in files: as listed, 'X kommun', genitive, capitals."""
    name = kommun.name
    out = [name, f"{name} kommun", name.upper()]
    if name[-1] not in "sxzaeiouyåäö":
        out.append(f"{name}s kommun")
    return tuple(out) + SPELLINGS.get(kommun.code, ())


def colliding_codes(catalogue: Catalogue) -> set[str]:
    """Kommuner whose names are equal once å/ä/ö are folded (Håbo/Habo): h10a's matching."""
    keys: dict[str, list[str]] = {}
    for k in catalogue.kommuner:
        keys.setdefault(name_key(k.name), []).append(k.code)
    return {code for codes in keys.values() if len(codes) > 1 for code in codes}


@st.composite
def cells(draw: st.DrawFn, area: AreaColumns, kind: str, h10a: bool = False) -> Cell:
    has_n, has_rank = "n" in area.measures, "rank" in area.measures
    if draw(st.integers(0, 4)) == 0:
        marker = draw(st.sampled_from(MARKERS))
        n = draw(st.one_of(st.none(), st.integers(1, 9))) if has_n else None
        if h10a and marker and not has_n and draw(st.booleans()):
            return Cell(None, marker, draw(st.integers(1, 9)), n_in_cell=True)  # "- (4)"
        return Cell(None, marker, n)
    value = draw(
        st.one_of(
            st.integers(20, 100).map(float),
            st.integers(200, 1000).map(lambda v: v / 10),
            st.integers(20_000_000, 99_999_999).map(lambda v: v / 1_000_000),
        )
    )
    n_range = (1000, 30_000) if kind == "riket" else (1, 700)
    n = draw(st.integers(*n_range)) if has_n else None
    n_in_cell = False
    if not has_n and kind == "kommun" and draw(st.integers(0, 6)) == 0:
        n, n_in_cell = draw(st.integers(10, 400)), True
    rank = rank_of = None
    if has_rank and kind == "kommun" and draw(st.integers(0, 9)):
        rank = draw(st.integers(1, 290))
        if draw(st.integers(0, 7)) == 0:
            rank_of = draw(st.integers(rank, 290))
    mark = "" if n_in_cell or draw(st.integers(0, 9)) else draw(st.sampled_from(NOTE_MARKS))
    return Cell(value, "", n, rank, rank_of, n_in_cell, mark)


@st.composite
def area_columns(draw: st.DrawFn, year: int) -> tuple[AreaColumns, ...]:
    keys = ["brandskydd", "bygglov", "markupplatelse", "miljo_halsoskydd", "serveringstillstand"]
    keys += ["livsmedelskontroll"] + (["upphandling"] if year >= 2019 else [])
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
    if draw(st.integers(0, 4)):
        chosen.insert(0, "total")
    out = []
    for key in chosen:
        extra = draw(st.sampled_from([(), ("rank",), ("n",), ("rank", "n"), ("n", "rank")]))
        out.append(AreaColumns(key, "nui" if key == "upphandling" else "nki", ("value", *extra)))
    return tuple(out)


@st.composite
def truths(draw: st.DrawFn, catalogue: Catalogue, exclude: set[str], h10a: bool = False) -> Truth:
    """A table: kommuner from one to three län, maybe Riket, maybe joint bodies.

    ``exclude``: kommuner never drawn (the tests leave out names that h10a's matching is to
    tell apart, Håbo/Habo); ``h10a``: also draw cells only h10a's grammar reads ("- (4)").
    """
    year = draw(st.integers(2016, 2023))
    areas = draw(area_columns(year))
    lans = sorted(catalogue.lan_names())
    chosen_lans = draw(st.lists(st.sampled_from(lans), min_size=1, max_size=3, unique=True))
    units: list[Unit] = []
    for lan in sorted(chosen_lans):
        pool = [k for k in catalogue.in_lan(lan) if k.code not in exclude]
        picked = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=True))
        units += [
            Unit("kommun", k.code, k.code, k.name, lan, group=k.group_name, population=k.population)
            for k in sorted(picked, key=lambda k: k.code)
        ]
    if draw(st.booleans()):
        units.append(Unit("riket", "riket", name="Riket"))
    names = draw(st.lists(st.sampled_from(JOINT_NAMES), max_size=2, unique=True))
    members_pool = [k for k in catalogue.kommuner if k.code not in exclude]
    for name in names:
        members: Sequence[Kommun] = ()
        if draw(st.booleans()):
            members = draw(
                st.lists(st.sampled_from(members_pool), min_size=2, max_size=3, unique=True)
            )
        units.append(
            Unit(
                "joint",
                joint_body_key(name),
                name=name,
                members=tuple(k.code for k in members),
                member_names=tuple(k.name for k in members),
            )
        )
    table = tuple(_something(u, tuple(draw(cells(a, u.kind, h10a)) for a in areas)) for u in units)
    return Truth(year, areas, tuple(units), table)


def _something(unit: Unit, row: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A Riket or joint-body row says something: with every cell empty it reads as a heading
    ("Förbund och gemensamma nämnder") and is rightly not stored."""
    if unit.kind == "kommun" or any(c.value is not None or c.marker or c.n for c in row):
        return row
    return (Cell(None, ".."), *row[1:])


@st.composite
def layouts(draw: st.DrawFn, truth: Truth, catalogue: Catalogue, h10a: bool = False) -> Layout:
    fmt = draw(st.sampled_from(["xlsx", "xls", "ods", "csv"]))
    unit_columns = draw(st.sampled_from(["code", "name", "both", "name_code", "combined"]))
    lan_column = draw(st.sampled_from(["none", "none", "first", "after"]))
    lead_column = draw(st.integers(0, 3)) == 0
    per_lan = fmt != "csv" and draw(st.booleans())
    n_titles = draw(st.integers(0, 5))
    places = ["sheet", "file"] + (["title", "title"] if n_titles else [])
    year_place = draw(st.sampled_from(places))
    titles = list(draw(st.lists(st.sampled_from(TITLES), min_size=n_titles, max_size=n_titles)))
    if year_place == "title":
        titles[draw(st.integers(0, n_titles - 1))] = draw(st.sampled_from(YEAR_TITLES)).format(
            truth.year
        )
        if n_titles > 1 and draw(st.integers(0, 3)) == 0:
            at = draw(
                st.sampled_from([i for i, t in enumerate(titles) if str(truth.year) not in t])
            )
            titles[at] = draw(st.sampled_from(PUBLISHED)).format(truth.year + 1)
    stem = (
        f"rankningslista_{truth.year}"
        if year_place == "file" or (year_place == "sheet" and fmt == "csv")
        else draw(st.sampled_from(["rankningslista", "oj_foretagsklimat", "export"]))
    )
    label_cols = (["lead"] if lead_column else []) + (["lan"] if lan_column != "none" else [])
    label_cols += UNIT_COLUMNS[unit_columns]
    # kommun rows, sheet by sheet
    lan_names = catalogue.lan_names()
    groups: dict[str, list[Line]] = {}
    for i, unit in enumerate(truth.units):
        if unit.kind == "kommun":
            kommun = catalogue.get(unit.code)
            assert kommun is not None
            label = draw(st.sampled_from(spellings(kommun)))
            if draw(st.integers(0, 9)) == 0:
                label += draw(st.sampled_from(NAME_MARKS + (H10A_NAME_MARKS if h10a else ())))
            groups.setdefault(unit.lan if per_lan else "", []).append(
                Line("unit", i, label, "name")
            )
    if per_lan and any(u.kind != "kommun" for u in truth.units) and draw(st.booleans()):
        groups["riket"] = []  # Riket and joint bodies on a sheet of their own
    sheets = [list(lines) for lines in groups.values()]
    sheet_lans = list(groups)
    own_sheet = sheet_lans.index("riket") if "riket" in sheet_lans else None

    def insert(line: Line, sheet: int | None = None) -> None:
        index = draw(st.integers(0, len(sheets) - 1)) if sheet is None else sheet
        lines = sheets[index]
        # A header repeated right under itself reads as a two-row header: not a page break.
        first = 1 if line.kind == "repeated_header" else 0
        lines.insert(draw(st.integers(min(first, len(lines)), len(lines))), line)

    riket_every_sheet = draw(st.booleans())
    for i, unit in enumerate(truth.units):
        if unit.kind == "kommun":
            continue
        column = draw(st.sampled_from(label_cols))
        if unit.kind == "riket":
            label = draw(st.sampled_from(RIKET_LABELS + (("0000",) if column == "code" else ())))
        else:
            label = unit.name + (f" ({', '.join(unit.member_names)})" if unit.members else "")
        targets = range(len(sheets)) if unit.kind == "riket" and riket_every_sheet else [own_sheet]
        for target in targets:
            insert(Line("unit", i, label, column), target)
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(
            st.sampled_from(
                ["footnote", "footnote", "heading", "summary", "blank", "repeated_header"]
            )
        )
        column = draw(st.sampled_from(label_cols))
        if kind == "summary":
            index = draw(st.integers(0, len(sheets) - 1))
            lan = (
                sheet_lans[index] if sheet_lans[index] not in ("", "riket") else truth.units[0].lan
            )
            label = draw(st.sampled_from(SUMMARIES + (lan_names[lan],)))
            insert(
                Line("summary", draw(st.integers(0, len(truth.units) - 1)), label, column), index
            )
        else:
            text = {"footnote": FOOTNOTES, "heading": HEADINGS}.get(kind, ("",))
            if kind == "footnote" and draw(st.integers(0, 3)) == 0:
                column = "value"  # a note typed into the first value column
            insert(Line(kind, label=draw(st.sampled_from(text)), column=column))
    plans = []
    for lan, lines in zip(sheet_lans, sheets, strict=True):
        name = (
            lan_names.get(lan, "Riket och förbund")
            if lan
            else draw(st.sampled_from(["Rankning", "Blad1", "Data"]))
        )
        if year_place == "sheet" and fmt != "csv":
            name = f"{name} {truth.year}"
        plans.append(
            SheetPlan(name if fmt != "csv" else stem, lan_names.get(lan, ""), tuple(lines))
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    return Layout(
        fmt=fmt,
        encoding=encoding,
        delimiter=delimiter,
        titles=tuple(titles),
        blank_before_header=bool(n_titles) and draw(st.booleans()),
        file_stem=stem,
        two_row_header=draw(st.booleans()),
        unit_headers_low=draw(st.booleans()),
        flat_measures=draw(st.booleans()),
        unit_columns=unit_columns,
        code_header=draw(st.sampled_from(["Kommunkod", "Kod", "Kommunnr", "Kommun-ID"])),
        name_header=(
            "Kommun"
            if unit_columns == "combined"
            else draw(
                st.sampled_from(
                    ["Kommun", "Kommunnamn", "Kommun/förbund", "Enhet", "Kommun eller förbund"]
                )
            )
        ),
        lan_column=lan_column,
        lan_as_code=draw(st.booleans()),
        lead_column=lead_column,
        extra_column=draw(st.sampled_from(["", "", "Kommungrupp", "Befolkning"])),
        area_words=tuple(draw(st.sampled_from(AREA_WORDS[a.key])) for a in truth.areas),
        value_word=draw(st.sampled_from(["NKI", "Index", "NKI-värde"])),
        rank_word=draw(st.sampled_from(["Rank", "Ranking", "Placering", "Rankning", "Plats"])),
        n_word=draw(st.sampled_from(["Antal svar", "Antal", "Antal svarande", "Svar"])),
        separator=draw(st.sampled_from([" ", " – ", ", ", "\n", " - "])),
        upper_headers=draw(st.integers(0, 5)) == 0,
        decimal=draw(st.sampled_from([",", "."])),
        numbers_as_text=draw(st.booleans()),
        code_as_number=draw(st.booleans()),
        thousands=draw(st.sampled_from(["", " ", "\u00a0"])),
        info_sheet=per_lan and draw(st.booleans()),
        sheets=tuple(plans),
    )
