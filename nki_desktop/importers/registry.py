"""The importers the program knows, and picking the right one for a file.

Add an importer with one line: ``IMPORTERS.append(MyImporter())`` (or list it below).
"""

from __future__ import annotations

from nki_desktop.importers.base import Importer, NeedsMapping, Workbook
from nki_desktop.importers.kolada import KoladaImporter
from nki_desktop.importers.oj import OjImporter, mapping_request
from nki_desktop.importers.own import OwnResultsImporter
from nki_desktop.importers.respondent import RESPONDENT_IMPORTER
from nki_desktop.importers.sn import SnImporter
from nki_desktop.importers.sn_detect import is_sn
from nki_desktop.importers.template import TemplateImporter

IMPORTERS: list[Importer] = [
    TemplateImporter(),
    OjImporter(),
    KoladaImporter(),
    OwnResultsImporter(),
    RESPONDENT_IMPORTER,
    SnImporter(),  # Svenskt Näringsliv: another survey, recognised from title and headers
]
MIN_SCORE = 0.3
SN_READERS = ("sn", "template")  # the template names the survey in each row


def by_kind(kind: str) -> Importer | None:
    return next((i for i in IMPORTERS if i.kind == kind), None)


def scores(workbook: Workbook) -> list[tuple[float, Importer]]:
    """Every importer's sniff score, best first."""
    sn_file = is_sn(workbook)  # an SN file never goes to NKI's importers (ÖJ, Kolada …)
    ranked = [
        (0.0 if sn_file and importer.kind not in SN_READERS else importer.sniff(workbook), importer)
        for importer in IMPORTERS
    ]
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
