"""``nki-desktop map`` writes PNG, SVG and PDF, and says in Swedish what is wrong."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from nki_desktop import cli


def _run(db, *args):
    out = io.StringIO()
    code = cli.run(["--db", str(db), *args], out)
    return code, out.getvalue()


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_map_is_written_by_suffix(sample_db_copy, tmp_path, suffix):
    path = tmp_path / f"karta.{suffix}"
    code, text = _run(
        sample_db_copy, "map", "--year", "2023", "--kommun", "2514", "--out", str(path)
    )
    assert code == 0, text
    assert text.startswith(f"Skrev {path} (Kartan: NKI totalt 2023;")
    data = path.read_bytes()
    if suffix == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
    elif suffix == "svg":
        assert b"<svg" in data and b"Kartan: NKI totalt 2023" in data
    else:
        assert len(PdfReader(str(path)).pages) == 1


def test_area_factor_group_lan_and_rank(sample_db_copy, tmp_path):
    path = tmp_path / "bygglov.pdf"
    code, text = _run(
        sample_db_copy,
        "map",
        "--year",
        "2022",
        "--area",
        "bygglov",
        "--factor",
        "bemotande",
        "--lan",
        "25",
        "--show",
        "rank",
        "--out",
        str(path),
    )
    assert code == 0, text
    assert "Kartan: placering, Bemötande, bygglov 2022" in text
    assert "Norrbottens län" in " ".join(PdfReader(str(path)).pages[0].extract_text().split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2003", "--out", "k.png"], "Inga lagrade värden för 2003"),
        (["--year", "2023", "--out", "k.jpg"], "slutar på .png, .svg eller .pdf"),
        (["--year", "2023", "--area", "simhall", "--out", "k.png"], "Okänt område: simhall"),
        (["--year", "2023", "--factor", "glädje", "--out", "k.png"], "Okänt index: glädje"),
        (["--year", "2023", "--lan", "99", "--out", "k.png"], "Okänd länskod: 99"),
    ],
)
def test_mistakes_are_told_in_swedish(sample_db_copy, tmp_path, capsys, args, message):
    args = [a if not a.startswith("k.") else str(tmp_path / a) for a in args]
    code, _ = _run(sample_db_copy, "map", *args)
    assert code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("k.*"))
