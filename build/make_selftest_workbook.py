"""Write the small ÖJ-style workbook that ``nki-desktop --self-test`` imports.

The file is committed at resources/selftest/oj-2023-rankningslista.xlsx; run this from the
repository root to make it again (the values are fixed, so the output is the same each time):
    .venv/bin/python build/make_selftest_workbook.py
Layout as in SKR's national workbook: title and note rows above a header, one row per kommun
with code, name and län, NKI totalt with rank and number of answers, NKI per area, a Riket
row, a suppressed value ("..") and a footnote below the table.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = (Path(__file__).resolve().parent.parent / "resources" / "selftest"
       / "oj-2023-rankningslista.xlsx")
YEAR = 2023
HEADER = ["Kommunkod", "Kommun", "Län", "NKI totalt", "Rank", "Antal svar", "Bygglov",
          "Miljö- och hälsoskydd", "Livsmedelskontroll", "Serveringstillstånd", "Brandskydd",
          "Markupplåtelse"]
# kod, namn, NKI totalt, rank, antal svar, then one NKI per area (same order as HEADER)
ROWS: list[tuple] = [
    ("1814", "Lekeberg", 78, 61, 34, 72, 81, "..", 85, 86, 80),
    ("1860", "Laxå", 74, 118, 22, 66, 77, 80, "..", 84, 79),
    ("1861", "Hallsberg", 76, 88, 58, 70, 79, 81, 83, 85, 77),
    ("1862", "Degerfors", 71, 162, 41, 63, 74, 76, 79, 80, 74),
    ("1863", "Hällefors", 80, 35, 27, 75, 82, 84, "..", 88, 83),
    ("1864", "Ljusnarsberg", 73, 135, 21, 68, 75, 77, "..", 83, 76),
    ("1880", "Örebro", 72, 150, 612, 64, 75, 78, 80, 81, 73),
    ("1881", "Kumla", 77, 74, 96, 71, 80, 82, 84, 85, 79),
    ("1882", "Askersund", 79, 48, 63, 73, 82, 83, 86, 87, 81),
    ("1883", "Karlskoga", 75, 102, 140, 68, 77, 80, 82, 84, 75),
    ("1884", "Nora", 81, 27, 52, 76, 83, 85, 87, 89, 82),
    ("1885", "Lindesberg", 73, 140, 118, 66, 76, 78, 81, 82, 74),
]
RIKET = ("", "Riket", 75, "", 45210, 69, 77, 80, 82, 84, 77)


def build(path: Path = OUT) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Rankningslista {YEAR}"
    ws.append([f"Öppna jämförelser Företagsklimat {YEAR} – Rankningslista, NKI (ärendeår "
               f"{YEAR}), företag"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Källa: SKR, Insikt. Rankning bland kommuner med minst 20 svar. "
               "Självtestfil för NKI Desktop med påhittade värden för Örebro län."])
    ws.append([])
    ws.append(HEADER)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for kod, namn, *rest in ROWS:
        ws.append([kod, namn, "Örebro län", *rest])
    riket = list(RIKET)
    ws.append([riket[0], riket[1], "", *riket[2:]])
    ws.append([])
    ws.append([".. = färre än 10 svar, redovisas inte."])
    stamp = dt.datetime(2024, 4, 1, 8, 0, 0)
    wb.properties.creator = "NKI Desktop"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


if __name__ == "__main__":
    print(f"Skrev {build()}")
    sys.exit(0)
