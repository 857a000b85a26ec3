"""The importers the program knows, and picking the right one for a file.

Add an importer with one line: ``IMPORTERS.append(MyImporter())`` (or list it below).
"""

from __future__ import annotations

from nki_desktop.importers.base import Importer, NeedsMapping, Workbook
from nki_desktop.importers.kolada import KoladaImporter
from nki_desktop.importers.oj import OjImporter, mapping_request
from nki_desktop.importers.own import OwnResultsImporter
from nki_desktop.importers.respondent import RESPONDENT_IMPORTER
from nki_desktop.importers.template import TemplateImporter

IMPORTERS: list[Importer] = [
    TemplateImporter(),
    OjImporter(),
    KoladaImporter(),
    OwnResultsImporter(),
    RESPONDENT_IMPORTER,
]
MIN_SCORE = 0.3


def by_kind(kind: str) -> Importer | None:
    return next((i for i in IMPORTERS if i.kind == kind), None)


def scores(workbook: Workbook) -> list[tuple[float, Importer]]:
    """Every importer's sniff score, best first."""
    ranked = [(importer.sniff(workbook), importer) for importer in IMPORTERS]
    return sorted(ranked, key=lambda p: -p[0])


def detect(workbook: Workbook) -> Importer:
    """The importer that understands the file best; NeedsMapping if none does."""
    ranked = scores(workbook)
    if ranked and ranked[0][0] >= MIN_SCORE:
        return ranked[0][1]
    if workbook.json_data is not None:
        from nki_desktop.importers.base import ImportProblem

        raise ImportProblem(
            workbook.name,
            "JSON-filen har inget känt format.",
            hint='Programmet läser JSON från Koladas API ({"values": [...]}).',
        )
    raise NeedsMapping(mapping_request(workbook, "oj"))
