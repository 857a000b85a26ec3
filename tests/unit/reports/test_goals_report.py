"""Goals in the report (PDF section, Excel sheet) and in the data export; nothing without
goals."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.goal_table import HEADING, build_goal_table, cell
from nki_desktop.analysis.goals import Outcome
from nki_desktop.analysis.report_data import gather
from nki_desktop.domain.goals import ACHIEVED, NO_OUTCOME
from nki_desktop.domain.rules import DEFINITION_BREAKS
from nki_desktop.reports.data_export import write_long
from nki_desktop.reports.excel import write_xlsx
from nki_desktop.reports.pdf import write_pdf
from nki_desktop.services import goals as svc
from nki_desktop.services.data import long_rows


def _pdf_text(path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    )


def test_cells_carry_word_symbol_outcome_and_the_definition_mark():
    assert cell(Outcome(2022, ACHIEVED, 77.0)) == "✓ uppnått (77)"
    assert cell(Outcome(2022, ACHIEVED, 77.0, rank=12)) == "✓ uppnått (plats 12)"
    assert cell(Outcome(2024, NO_OUTCOME, breaks=DEFINITION_BREAKS[1:])) == "– inget utfall*"
    assert cell(None) == ""
    assert build_goal_table([], 2024, 1.0) is None


def test_goals_reach_the_pdf_and_the_workbook_only_when_there_are_some(sample_store, tmp_path):
    data = gather(sample_store, "1880", 2024, "foretag")
    assert data.goals is None
    assert HEADING not in _pdf_text(write_pdf(data, tmp_path / "utan.pdf"))
    assert "Mål och utfall" not in load_workbook(write_xlsx(data, tmp_path / "u.xlsx")).sheetnames

    svc.add(sample_store, "1880", target=75, from_year=2020, source="Näringslivsstrategi")
    svc.add(sample_store, "1880", area="bygglov", direction="oka")
    svc.add(sample_store, "1880", target=60, group="privatperson")  # another group: not here
    data = gather(sample_store, "1880", 2024, "foretag")
    assert data.goals is not None and data.goals.years == [2021, 2022, 2023, 2024]
    assert [r[0] for r in data.goals.rows] == ["NKI totalt", "Bygglov"]
    assert data.goals.breaks == ["2024"]  # the target set in 2020 meets the new definition
    text = _pdf_text(write_pdf(data, tmp_path / "med.pdf"))
    assert HEADING in text and "minst 75, från 2020" in text and "Koladas färger" in text
    assert "Mål: minst 75 från 2020" in text  # the target line on the trend chart
    assert "Grön streckad linje: kommunens mål" in text
    assert "ej uppnått" in text or "uppnått" in text
    ws = load_workbook(write_xlsx(data, tmp_path / "med.xlsx"))["Mål och utfall"]
    header = [c.value for c in ws[4]]
    assert header[:3] == ["Mål-id", "Mått", "Svarsgrupp"] and "Status" in header
    statuses = [r[header.index("Status")] for r in ws.iter_rows(min_row=5, values_only=True)]
    assert statuses and set(statuses) <= {"uppnått", "nära", "ej uppnått", "inget utfall"}
    # every year up to the report year, both goals: 2020–2024 and 2016–2024
    assert len(statuses) == 5 + 9


def test_the_data_export_has_a_goals_sheet(sample_store, tmp_path):
    svc.add(sample_store, "1880", rank=50)
    path = write_long(
        long_rows(sample_store, kommun="1880"),
        tmp_path / "d.xlsx",
        goals=svc.rows(sample_store, "1880"),
    )
    book = load_workbook(path)
    assert book.sheetnames == ["Data", "Mål"]
    rows = list(book["Mål"].iter_rows(min_row=5, values_only=True))
    assert rows and all(r[3] == "bland de 50 bästa i riket" for r in rows)


def test_long_explanations_wrap_in_a_row_tall_enough_to_print(sample_store, tmp_path):
    svc.add(sample_store, "1880", target=75, from_year=2020)  # 2024 crosses a definition change
    ws = load_workbook(write_xlsx(gather(sample_store, "1880", 2024), tmp_path / "r.xlsx"))[
        "Mål och utfall"
    ]
    rows = [r for r in ws.iter_rows(min_row=5) if r[-1].value]
    long = [r for r in rows if len(r[-1].value) > 56]
    assert long and all(r[-1].alignment.wrap_text for r in rows)
    for r in long:  # as many lines as the text needs, and the row's cells at its top
        assert ws.row_dimensions[r[0].row].height >= 30
        assert {c.alignment.vertical for c in r} == {"top"}
