"""The report's method notes and source references (no Qt): what the method page says and
how each publication is cited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nki_desktop.domain.grades import GRADES
from nki_desktop.domain.ranking import TIES_NOTE
from nki_desktop.domain.records import PUBLICATIONS, ImportInfo, StoredValue
from nki_desktop.domain.rules import DefinitionBreak, PublicationRules

# How each publication is cited under a figure or table.
CITATIONS: dict[str, str] = {
    "oj": "Källa: SKR, Insikt",
    "own": "Källa: SKR, Insikt",
    "respondent": "Källa: SKR, Insikt (egen beräkning från svarsdata)",
    "kolada": "Källa: Kolada",
    "template": "Källa: egen sammanställning",
    "sample": "Exempeldata – fiktiva värden, inte SKR:s siffror",
}


@dataclass
class SourceRef:
    import_id: int
    file_name: str
    imported_at: str  # date, YYYY-MM-DD
    publication: str
    citation: str

    @property
    def publication_label(self) -> str:
        return PUBLICATIONS.get(self.publication, self.publication)


def build_sources(imports: Sequence[ImportInfo], used: Sequence[StoredValue]) -> list[SourceRef]:
    """Pure: the imports the shown values came from, each with its citation."""
    ids = {v.import_id for v in used}
    return [
        SourceRef(
            info.id,
            info.file_name,
            info.imported_at[:10],
            info.publication,
            CITATIONS.get(info.publication, "Källa: " + info.publication),
        )
        for info in imports
        if info.id in ids
    ]


def method_notes(
    rules: PublicationRules, year: int, breaks: list[DefinitionBreak], comparison_label: str
) -> list[tuple[str, str]]:
    """Short notes on method, each a (heading, text) pair."""
    bands = "; ".join(f"{g.symbol} {g.label.lower()} {g.band}" for g in GRADES)
    notes = [
        (
            "Vad NKI är",
            "Nöjd Kund Index (NKI) mäter hur nöjda de som haft ett ärende hos kommunens "
            "myndighetsutövning är. Det bygger på tre frågor om helhetsintrycket (nöjdhet, "
            "förväntningar, ideal) som besvaras på en skala 1–10 och räknas om till ett index "
            "0–100. Undersökningen heter Insikt och genomförs av SKR tillsammans med Stockholm "
            "Business Alliance. Serviceområdena (information, tillgänglighet, bemötande, "
            "kompetens, rättssäkerhet, effektivitet) redovisas som index på samma sätt. "
            "Upphandling mäts med NUI och ingår aldrig i NKI totalt.",
        ),
        (
            "Betyg",
            f"SKR:s betygsskala: {bands}. Betyget anges alltid med ord och symbol, "
            f"så att det går att läsa även i svartvitt.",
        ),
        (
            "Minsta antal svar",
            f"För ärendeår {year} gäller: minst {rules.min_answers_portal} svar för att ett "
            f"resultat ska visas, minst {rules.min_answers_oj} svar i Öppna jämförelser och "
            f"minst {rules.min_answers_total_rank} svar för att rankas på NKI totalt"
            + ("" if rules.confirmed else " (regler enligt närmast dokumenterade år)")
            + ".",
        ),
        (
            "Jämförelser",
            f"Riket är SKR:s värde för hela landet. {comparison_label} är ett "
            f"ovägt medelvärde av de kommuner i gruppen som har ett värde; "
            f"antalet värden står vid varje medel (”medel av 31 värden”).",
        ),
        ("Placering vid lika värden", TIES_NOTE),
    ]
    if breaks:
        notes.append(("Ändrade definitioner", " ".join(b.text for b in breaks)))
    else:
        notes.append(("Ändrade definitioner", "Inga definitionsändringar berör de år som visas."))
    return notes
