"""PDF, print and Excel workbook of the board summary, read back from the files written."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart
from pypdf import PdfReader

from nki_desktop import cli
from nki_desktop.analysis.overview import key_figures
from nki_desktop.analysis.report_data import gather
from nki_desktop.domain.grades import GRADES
from nki_desktop.domain.records import ImportBatch, JointBody, Observation
from nki_desktop.reports import ReportOptions, build_pdf, build_xlsx

OREBRO = "1880"


def _text(path) -> list[str]:
    """Each page's text, whitespace collapsed and ligatures unfolded."""
    pages = []
    for page in PdfReader(str(path)).pages:
        text = unicodedata.normalize("NFKC", page.extract_text())
        pages.append(" ".join(text.split()))
    return pages


def _images(path) -> int:
    count = 0
    for page in PdfReader(str(path)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_pdf_contains_figures_summary_and_page_numbers(report_store, tmp_path):
    kf = key_figures(report_store, OREBRO, 2023, "foretag")
    path = build_pdf(report_store, OREBRO, 2023, "foretag", tmp_path / "rapport.pdf")
    pages = _text(path)
    text = " ".join(pages)
    assert len(pages) >= 3
    assert f"plats {kf.rank_national.rank} av {kf.rank_national.of}" in text
    assert f"NKI för företag uppgår 2023 till {int(kf.total.value)}" in text
    assert "Nöjd Kund Index – företag" in text and "Örebro län" in text
    assert "Förändring" in text and "Myndighetsområden" in text and "Serviceområden" in text
    assert "Rättssäkerhet" in text and "Placering vid lika värden" in text
    assert "Exempeldata – fiktiva värden" in text
    assert all(f"Sida {i} av {len(pages)}" in p for i, p in enumerate(pages, start=1))
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert _images(path) == 0  # charts and symbols are vectors, not pictures
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # embedded TrueType
        assert "DejaVu" in str(ref.get_object()["/BaseFont"])


def test_pdf_options_sections_summary_and_logo(report_store, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from nki_desktop.reports.qt_env import ensure_app

    ensure_app()
    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#225588"))
    assert image.save(str(logo))
    options = ReportOptions(
        sections=("cover", "summary"),
        logo_path=logo,
        summary_text="Nämnden föreslås notera rapporten. Åtgärder: öka tillgängligheten.",
    )
    path = build_pdf(report_store, OREBRO, 2023, "foretag", tmp_path / "kort.pdf", options)
    text = " ".join(_text(path))
    assert "Nämnden föreslås notera rapporten. Åtgärder: öka tillgängligheten." in text
    assert "uppgår 2023" not in text  # the generated text was replaced
    assert "Alla värden" not in text and "Rankning i riket" not in text
    assert _images(path) == 1  # the logo, on the single page
    assert len(PdfReader(str(path)).pages) == 1


def test_print_path_draws_the_same_document(report_store, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from nki_desktop.reports.pdf import render_report, write_pdf

    data = gather(report_store, OREBRO, 2023)
    pdf = write_pdf(data, tmp_path / "a.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = render_report(printer, data)
    del printer
    assert pages == len(PdfReader(str(pdf)).pages)
    assert _text(tmp_path / "printed.pdf") == _text(pdf)


def test_workbook_sheets_tables_formats_and_charts(report_store, tmp_path):
    kf = key_figures(report_store, OREBRO, 2023, "foretag")
    path = build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "rapport.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Sammanfattning",
        "Trend",
        "Områden",
        "Serviceområden",
        "Rankning riket",
        "Rankning län",
        "Alla värden",
        "Jämförelsegrupp",
        "Metod",
        "Källor",
    ]
    summary = wb["Sammanfattning"]
    assert summary["B6"].value == kf.total.value and summary["C6"].value.endswith("Högt")
    assert summary["B6"].fill.fill_type == "solid"
    assert summary["B10"].value == f"{kf.rank_national.rank} av {kf.rank_national.of}"
    texts = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    rank = kf.rank_national
    assert any(f"plats {rank.rank} av {rank.of}" in t for t in texts)
    # sample data only: every sheet with values starts with the warning row, its table below
    trend = wb["Trend"]
    assert trend["A1"].value.startswith("⚠ Exempeldata – fiktiva värden")
    assert list(trend.tables) == ["Trend"] and trend.freeze_panes == "A4"
    assert trend.tables["Trend"].ref == f"A3:G{3 + 8}"
    assert [c.value for c in trend[3]] == [
        "År",
        "Örebro",
        "Antal svar",
        "Riket",
        "Kommungruppen (B3 Större stad)",
        "Medel av antal värden",
        "Källa Örebro",
    ]
    assert trend["B11"].value == kf.total.value and trend["B11"].number_format == "0.0"
    assert trend["G11"].value == "Exempeldata – fiktiva värden (Exempeldata)"
    assert isinstance(trend._charts[0], LineChart) and len(trend._charts[0].series) == 3
    areas = wb["Områden"]
    assert areas["A1"].value.startswith("⚠ Exempeldata")
    assert areas["A4"].value == "Brandskydd" and areas["C4"].number_format == "0.0"
    assert areas["D4"].value in {f"{g.symbol} {g.label}" for g in GRADES}
    assert areas["C4"].fill.fill_type == "solid"
    # columns in table order, legend below in series order (Örebro, Riket, the group)
    assert isinstance(areas._charts[0], BarChart) and areas._charts[0].type == "col"
    assert areas._charts[0].legend.position == "b"
    assert [s.tx.strRef.f for s in areas._charts[0].series] == [
        "'Områden'!C3",
        "'Områden'!F3",
        "'Områden'!G3",
    ]
    assert isinstance(wb["Serviceområden"]._charts[0], BarChart)
    ranking = wb["Rankning riket"]
    mine = [row for row in ranking.iter_rows(min_row=4, values_only=True) if row[6] == "Ja"]
    assert mine and mine[0][0] == kf.rank_national.rank and mine[0][2] == OREBRO
    everything = wb["Alla värden"]
    assert everything.tables["AllaVarden"].ref == f"A3:K{3 + 56}"
    assert wb["Källor"]["A2"].value == "Exempeldata – fiktiva värden"
    assert wb["Källor"]["A1"].value == "Fil"  # no values there: no warning


def test_imported_text_is_never_a_formula(report_store, tmp_path):
    evil_unit = '=HYPERLINK("http://evil.example","Klicka")'
    evil_file = "+cmd|' /C calc'!A0.xlsx"
    batch = ImportBatch(
        evil_file,
        "evil",
        "own",
        "own",
        observations=[Observation(2023, f"jb:{evil_unit}", "total", "nki", "foretag", 70.0, 30)],
        joint_bodies=[JointBody(f"jb:{evil_unit}", evil_unit, ())],
    )
    report_store.save_import(batch)
    batch2 = ImportBatch(
        "@SUM(1+1)*cmd.xlsx",
        "evil2",
        "own",
        "own",
        observations=[Observation(2023, OREBRO, "total", "information", "foretag", 60.0, 30)],
    )
    report_store.save_import(batch2)
    options = ReportOptions(compare_units=[f"jb:{evil_unit}"])
    path = build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "x.xlsx", options)
    wb = load_workbook(path)
    group = wb["Jämförelsegrupp"]
    assert group["B2"].value == evil_unit and group["B2"].data_type == "s"
    sources = [c for c in wb["Källor"]["A"][1:]]
    assert {c.value for c in sources} >= {"@SUM(1+1)*cmd.xlsx"}
    assert all(c.data_type == "s" for c in sources)
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any("<f>" in z.read(n).decode() for n in sheets)


def test_cli_report_for_one_kommun(report_store, tmp_path, capsys):
    db = report_store.path
    report_store.close()
    pdf, xlsx = tmp_path / "out" / "r.pdf", tmp_path / "out" / "r.xlsx"
    status = cli.run(
        [
            "--db",
            str(db),
            "report",
            "--kommun",
            OREBRO,
            "--year",
            "2023",
            "--pdf",
            str(pdf),
            "--xlsx",
            str(xlsx),
        ]
    )
    assert status == 0
    assert "plats 178 av 280" in " ".join(_text(pdf))
    assert load_workbook(xlsx).sheetnames[0] == "Sammanfattning"
    assert cli.run(["--db", str(db), "report", "--kommun", "9999", "--pdf", str(pdf)]) == 2
    assert "Okänd kommunkod" in capsys.readouterr().err


def test_cli_report_for_a_lan_writes_one_report_per_kommun(report_store, tmp_path):
    db = report_store.path
    with_data = {
        v.unit
        for v in report_store.values(year=2023, area="total", factor="nki", group="foretag")
        if v.unit[:2] == "25"
    }
    report_store.close()
    folder = tmp_path / "norrbotten"
    assert (
        cli.run(
            [
                "--db",
                str(db),
                "report",
                "--lan",
                "25",
                "--year",
                "2023",
                "--out",
                str(folder),
                "--sections",
                "cover,summary",
            ]
        )
        == 0
    )
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(pdfs) == len(with_data) == len(list(folder.glob("*.xlsx")))
    assert {name[:4] for name in pdfs} == with_data
    boden = next(folder.glob("2582 Boden*.pdf"))
    assert "Boden" in _text(boden)[0]


@pytest.mark.parametrize("bad", ["cover,nope"])
def test_cli_rejects_unknown_sections(report_store, tmp_path, bad, capsys):
    db = report_store.path
    report_store.close()
    assert (
        cli.run(
            [
                "--db",
                str(db),
                "report",
                "--kommun",
                OREBRO,
                "--sections",
                bad,
                "--xlsx",
                str(tmp_path / "a.xlsx"),
            ]
        )
        == 2
    )
    assert "Okända avsnitt: nope" in capsys.readouterr().err


def test_pagination_never_runs_into_the_footer(report_store):
    from nki_desktop.reports import layout as L
    from nki_desktop.reports.document import ReportDocument
    from nki_desktop.reports.qt_env import ensure_app, font

    ensure_app()
    rows = [[f"Rad {i}", "åäö " * (i % 7)] for i in range(200)]
    long_table = L.Table(
        [L.ColumnSpec("A", 1), L.ColumnSpec("B", 3)],
        rows,
        font(8.5),
        font(8.5, bold=True),
        caption="Not under tabellen.",
    )
    blocks = ReportDocument(gather(report_store, OREBRO, 2023)).blocks()
    pages = L.paginate([L.Heading("Lång tabell", font(13)), long_table] + blocks)
    assert len(pages) >= 7
    for page in pages:
        for block, y in page:
            assert (
                y + block.height(L.CONTENT_W) - getattr(block, "space_after", 0)
                <= L.BODY_BOTTOM + 0.01
            )
    parts = [
        b
        for page in pages
        for b, _ in page
        if isinstance(b, L.Table) and b.rows and b.rows[0][0].startswith("Rad")
    ]
    assert sum(len(p.rows) for p in parts) == 200
    assert [bool(p.caption) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert isinstance(pages[0][0][0], L.Heading) and pages[0][1][0] is parts[0]


def test_workbook_prints_one_page_wide_with_repeated_headers(report_store, tmp_path):
    path = build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "rapport.xlsx")
    wb = load_workbook(path)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.print_title_rows, ws.title
        assert "&P" in ws.oddFooter.right.text
    assert wb["Trend"].page_setup.orientation == "landscape"
    assert wb["Sammanfattning"].page_setup.orientation == "portrait"
    trend = wb["Trend"]
    [chart] = trend._charts
    assert all(s.smooth is False for s in chart.series)  # straight lines between years
    last = trend.tables["Trend"].ref.split(":")[1]
    last_row = int("".join(ch for ch in last if ch.isdigit()))
    assert chart.anchor._from.row >= last_row  # under the table: it prints with it
    area_end = trend.print_area.split(":")[-1]
    assert int("".join(ch for ch in area_end if ch.isdigit())) > last_row + 10  # chart in it
    everything = wb["Alla värden"]
    head = int(everything.tables["AllaVarden"].ref.split(":")[0][1:])  # below a sample warning
    assert everything[f"E{head + 1}"].number_format == "#,##0"  # grouping follows the locale
