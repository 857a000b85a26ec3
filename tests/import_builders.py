"""Builders of result files as officials receive them (openpyxl, xlwt, odfpy, CSV, JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

AREAS_2023 = (
    "Brandskydd",
    "Bygglov",
    "Markupplåtelse",
    "Miljö- och hälsoskydd",
    "Livsmedelskontroll",
    "Serveringstillstånd",
)

# (code, name, län, total nki, total rank, {area: (nki, rank, n)})
OJ_ROWS = [
    (
        "2514",
        "Kalix",
        "Norrbottens län",
        86,
        2,
        {"Bygglov": (84, 5, 31), "Brandskydd": ("..", "", 4)},
    ),
    (
        "2582",
        "Boden",
        "Norrbottens län",
        88,
        1,
        {"Bygglov": ("77,4", 20, 25), "Brandskydd": (91, 1, 12)},
    ),
    (
        "1880",
        "Örebro kommun",
        "Örebro län",
        "71",
        60,
        {"Bygglov": (66, "–", 140), "Brandskydd": ("-", "", "")},
    ),
    (
        "0139",
        "Upplands Bro",
        "Stockholms län",
        "x",
        "",
        {"Bygglov": ("", "", ""), "Brandskydd": (80, 3, 22)},
    ),
]


def oj_two_row_header(
    path: Path,
    title: str = "Öppna jämförelser Företagsklimat 2023",
    rows=OJ_ROWS,
    areas=("Brandskydd", "Bygglov"),
    extra_rows=(),
    sheet: str = "Rankning",
) -> Path:
    """Title + note rows, merged area cells over NKI/Rank/Antal svar, Riket, förbund, notes."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.append(["Nöjd Kund Index per myndighetsområde. Företag."])
    ws.append([])
    top = ["Kommunkod", "Kommun", "Län", "NKI totalt", None]
    sub = [None, None, None, "NKI", "Rank"]
    for area in areas:
        top += [area, None, None]
        sub += ["NKI", "Rank", "Antal svar"]
    ws.append(top)
    ws.append(sub)
    ws.merge_cells(start_row=4, start_column=4, end_row=4, end_column=5)
    for i in range(len(areas)):
        col = 6 + 3 * i
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 2)
    for code, name, lan, nki, rank, per_area in rows:
        row = [code, name, lan, nki, rank]
        for area in areas:
            row += list(per_area.get(area, ("", "", "")))
        ws.append(row)
    for row in extra_rows:
        ws.append(list(row))
    ws.append([])
    ws.append(["* Färre än 10 svar redovisas inte (..). Källa: SKR"])
    wb.save(path)
    return path


def write_csv(path: Path, lines: list[list[str]], encoding: str) -> Path:
    text = "\r\n".join(";".join(cells) for cells in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


KOLADA_LINES = [
    ["Nöjd Kund Index - Bygglov, företag (NKI)"],
    [],
    ["Kommun", "2021", "2022", "2023"],
    ["Riket", "69,5", "70", "71,2"],
    ["Alingsås", "71", "-", "73,5"],
    ["Kalix", "..", ".", "84"],
    ["Stockholms län", "70", "71", "72"],
    ["Storstäder", "68", "69", "70"],
    ["Örebro", "66", "67,0", "68"],
]


def kolada_json(path: Path, kpi: str = "U07451", extra: list | None = None) -> Path:
    values = [
        {
            "kpi": kpi,
            "municipality": "0000",
            "period": 2022,
            "values": [{"gender": "T", "count": 1, "status": "", "value": 70.2}],
        },
        {
            "kpi": kpi,
            "municipality": "2514",
            "period": 2022,
            "values": [
                {"gender": "T", "count": 1, "status": "", "value": 86.3},
                {"gender": "K", "count": 1, "status": "", "value": 88.0},
            ],
        },
        {
            "kpi": kpi,
            "municipality": "1880",
            "period": 2022,
            "values": [{"gender": "T", "count": 1, "status": "Sekretess", "value": None}],
        },
        {
            "kpi": kpi,
            "municipality": "G124009",
            "period": 2022,
            "values": [{"gender": "T", "count": 10, "status": "", "value": 71.0}],
        },
    ] + (extra or [])
    path.write_text(json.dumps({"count": len(values), "values": values}), encoding="utf-8")
    return path


def own_results(path: Path, title: str = "Insikt 2023 – Resultat för Kalix kommun") -> Path:
    """A consultant's workbook: kommun in the title, two groups, cells '86 (114)'."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Resultat"
    ws.append([title])
    ws.append([])
    ws.append(["Företag"])
    ws.append(["Område", "NKI", "Information", "Bemötande", "Effektivitet"])
    ws.append(["Bygglov", "86 (114)", "80 (110)", 90, "-"])
    ws.append(["Miljö- och hälsoskydd", "77,4 (9)", "-", "75", "70 (9)"])
    ws.append(["Totalt", "82 (123)", 79, 88, 71])
    ws.append([])
    ws.append(["Privatpersoner"])
    ws.append(["Område", "NKI", "Antal svar", "Information"])
    ws.append(["Bygglov", 71, 40, 68])
    wb.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Old Excel (.xls) with xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    """OpenDocument spreadsheet (.ods) with odfpy."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                elif value:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell()
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def per_lan_sheets() -> dict[str, list[list]]:
    """ÖJ 2015 (cases of 2014): one sheet per län, names only, old area name Brandtillsyn."""
    header = [
        "Kommun",
        "NKI totalt",
        "Ranking",
        "Brandtillsyn NKI",
        "Brandtillsyn antal svar",
        "Miljö- och hälsoskydd NKI",
    ]
    return {
        "Info": [["Öppna jämförelser Företagsklimat 2015"], ["Resultat per län."]],
        "Norrbottens län": [
            ["Öppna jämförelser Företagsklimat 2015, Norrbottens län"],
            header,
            ["Kalix kommun", 80, 12, 85, 11, "72,5"],
            ["Luleå", 68, 150, "..", 6, 70],
            ["Norrbottens län", 74, "", 80, 40, 71],
        ],
        "Dalarnas län": [
            ["Öppna jämförelser Företagsklimat 2015, Dalarnas län"],
            header,
            ["Falu kommun", 70, 90, 75, 14, 66],
            ["Malung-Sälens kommun", 73, 40, "-", "", "x"],
        ],
    }
