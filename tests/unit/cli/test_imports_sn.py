"""`import` of Svenskt Näringsliv files: recognised, or mapped with --map to SN's targets."""

from __future__ import annotations

import io

from nki_desktop import cli
from nki_desktop.domain.sn import SN_AREA
from nki_desktop.storage import Store
from tests import sn_builders as b
from tests.import_builders import write_xlsx


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(args, out)
    return code, out.getvalue()


def test_import_ranking_then_map_an_unknown_sn_layout(tmp_path):
    db = tmp_path / "cli.sqlite"
    ranking = write_xlsx(tmp_path / "ranking.xlsx", b.ranking_table().sheets)
    code, out = run(["--db", str(db), "import", str(ranking)])
    assert code == 0, out
    odd = write_xlsx(
        tmp_path / "odd.xlsx",
        {"Blad1": [["Svenskt Näringsliv 2023"], ["Kommun", "Q1", "Q2"], ["Kalix", "3,4", "4,1"]]},
    )
    code, out = run(["--db", str(db), "import", str(odd)])
    assert code != 0
    code, out = run(
        ["--db", str(db), "import", str(odd), "--map", "B=sammanfattande_omdome:value",
         "--map", "C=service_bemotande:value"]
    )  # fmt: skip
    assert code == 0, out
    code, out = run(["--db", str(db), "import", str(odd), "--map", "B=bygglov:nki:value"])
    assert code != 0  # NKI's targets are not offered for an SN file
    store = Store.open(db)
    try:
        sn = {(v.year, v.unit, v.factor) for v in store.values(area=SN_AREA)}
        assert (2023, "2514", "service_bemotande") in sn and (2024, "2514", "rank") in sn
        assert store.values() == []
    finally:
        store.close()
