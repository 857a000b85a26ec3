"""Builders of respondent files with known answers (xlsx via openpyxl, csv via csv)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from openpyxl import Workbook

HEADERS = (
    "Löpnummer",
    "Ärendeår",
    "Område",
    "Svarsgrupp",
    "NKI1 Helhet",
    "NKI2 Förväntningar",
    "NKI3 Ideal",
    "Information",
    "Tillgänglighet",
    "Bemötande",
    "Kompetens",
    "Rättssäkerhet",
    "Effektivitet",
    "Bransch",
)
AREAS = (
    "Bygglov",
    "Miljö- och hälsoskydd",
    "Livsmedelskontroll",
    "Serveringstillstånd",
    "Brandskydd",
)
WEIGHTS = (0.15, 0.10, 0.25, 0.20, 0.05, 0.25)  # how strongly each factor drives NKI


def make_rows(
    count: int,
    seed: int = 7,
    years: tuple[int, ...] = (2022, 2023),
    areas: tuple[str, ...] = AREAS,
    groups: tuple[str, ...] = ("Företag",),
    factor_max: int = 6,
    no_answer_rate: float = 0.04,
) -> list[list]:
    """Rows of answers where NKI depends on the factors (plus noise); some "no answer"."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        year = years[i % len(years)]
        level = rng.gauss(0, 1)
        factors = []
        for _ in range(6):
            z = 0.7 * level + 0.7 * rng.gauss(0, 1)
            factors.append(
                max(1, min(factor_max, round(1 + 0.68 * (factor_max - 1) + z * factor_max / 5)))
            )
        drive = sum(w * (f - 1) / (factor_max - 1) for w, f in zip(WEIGHTS, factors, strict=True))
        nki = []
        for _ in range(3):
            nki.append(max(1, min(10, round(1 + 9 * drive + rng.gauss(0, 1.0)))))
        answers: list = nki + factors
        for j in range(len(answers)):
            r = rng.random()
            if r < no_answer_rate / 3:
                answers[j] = "vet ej"
            elif r < 2 * no_answer_rate / 3:
                answers[j] = 99
            elif r < no_answer_rate:
                answers[j] = None
        rows.append(
            [
                i + 1,
                year,
                areas[i % len(areas)],
                groups[i % len(groups)],
                *answers,
                rng.choice(("Bygg", "Handel", "Restaurang")),
            ]
        )
    return rows


def write_xlsx(
    path: Path,
    rows: list[list],
    headers: tuple[str, ...] | list[str] = HEADERS,
    title_rows: int = 0,
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Svar"
    for t in range(title_rows):
        sheet.append([f"Svarsdata Insikt, export {t + 1}"])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(
    path: Path,
    rows: list[list],
    headers: tuple[str, ...] | list[str] = HEADERS,
    delimiter: str = ";",
) -> Path:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path
