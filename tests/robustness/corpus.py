"""A seeded corpus of malformed and hostile input files, built from valid fixtures of every
kind the program reads (xlsx, xls, ods, csv, json).

``Corpus(folder, seed).case(i)`` gives case ``i`` as (name, bytes, recipe): the same seed
and index always give the same file. Recipes: byte flips, inserts, deletes and truncation of
a whole file; the same inside one part of a zip workbook (sheet XML, shared strings,
content.xml); cell mutations (1e308, infinity, NaN, -8, 150, impossible years, '>6'); hostile
text (formula names, control characters, 10 000 characters); duplicate rows; CSV breakers
(newline in an unquoted field, NUL bytes, UTF-16); deep and odd JSON; zip bombs; huge
declared dimensions and cells far out in the sheet.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests import import_builders as ib
from tests import respondent_builders as rb

HOSTILE_NUMBERS = (
    "1e308",
    "-1e308",
    "1e400",
    "inf",
    "-inf",
    "Infinity",
    "NaN",
    "nan",
    "-8",
    "150",
    "100.0001",
    "-0",
    "2,5",
    "0.5",
    ">6",
    "9" * 400,
    "1 234 567 890",
    "12,5,3",
    "=1+1",
    "−3",
    "1e-320",
    "0x1F",
    "",
    "..",
    "77 %",
)
HOSTILE_YEARS = ("0", "150", "1989", "2022023", "3000", "-2023", "20 23", "2023.5", "99999999")
HOSTILE_TEXT = (
    '=HYPERLINK("http://x","click") Miljöförbund',
    "＝1+1 Miljöförbund",
    "\t=cmd|' /C calc'!A0",
    "\r=1",
    "@SUM(1+1)*cmd",
    "+1 förbund",
    "-1 förbund",
    "Kalix\x00kommun",
    "Kalix\x07\x1b[31m",
    "\u202eKalix\u202c",
    "A" * 10_000,
    "<script>alert(1)</script> förbund",
    "Miljö\u200bförbund",
    "'; DROP TABLE units;--",
    "Ｋａｌｉｘ",
    "\ufeffKalix",
    "Kalix\r\nkommun",
)


def _xlsx(path: Path, rows: list[list]) -> bytes:
    ib.write_xlsx(path, {"Data": rows})
    return path.read_bytes()


def valid_fixtures(folder: Path) -> list[tuple[str, bytes]]:
    """(suffix, bytes) of valid files of every kind, each importable as it is."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[tuple[str, bytes]] = []
    out.append((".xlsx", ib.oj_two_row_header(folder / "oj.xlsx").read_bytes()))
    out.append((".xlsx", ib.own_results(folder / "own.xlsx").read_bytes()))
    out.append((".xlsx", rb.write_xlsx(folder / "resp.xlsx", rb.make_rows(60)).read_bytes()))
    out.append((".xlsx", ib.write_xlsx(folder / "lan.xlsx", ib.per_lan_sheets()).read_bytes()))
    out.append((".xls", ib.write_xls(folder / "lan.xls", ib.per_lan_sheets()).read_bytes()))
    out.append((".ods", ib.write_ods(folder / "lan.ods", ib.per_lan_sheets()).read_bytes()))
    out.append((".csv", ib.write_csv(folder / "k.csv", ib.KOLADA_LINES, "cp1252").read_bytes()))
    out.append((".csv", ib.write_csv(folder / "k8.csv", ib.KOLADA_LINES, "utf-8").read_bytes()))
    out.append((".csv", rb.write_csv(folder / "resp.csv", rb.make_rows(60)).read_bytes()))
    out.append((".json", ib.kolada_json(folder / "k.json").read_bytes()))
    kolada = Path("/work/shared/data/kolada/ddf--datapoints--u07451--by--geo--year.csv")
    if kolada.is_file():
        lines = kolada.read_bytes().splitlines(keepends=True)
        out.append((".csv", b"".join(lines[:1] + lines[-400:])))
    return out


# -- byte mutations ----------------------------------------------------------------------
def flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def insert(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    junk = rng.choice(
        (
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))),
            b"<",
            b"\x00" * 16,
            b'"',
            b"\n",
            b"\xff\xfe",
            b"</row>",
            b'<c r="A1">',
        )
    )
    return data[:at] + junk + data[at:]


def delete(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 64) :]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, max(0, len(data) - 1))]


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip,
    insert,
    delete,
    truncate,
)


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    mutation = rng.choice(BYTE_MUTATIONS)
    return mutation(rng, data), mutation.__name__


# -- mutations inside a zip workbook -----------------------------------------------------
def rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    """The archive with each member passed through ``change(name, content)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return out.getvalue()


def _parts(data: bytes) -> list[str]:
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    wanted = [
        n
        for n in names
        if n.startswith("xl/worksheets/")
        or n in ("xl/sharedStrings.xml", "content.xml", "xl/workbook.xml", "xl/styles.xml")
    ]
    return wanted or names


_NUMBER_IN_XML = re.compile(rb"(<v>|office:value=\"|<text:p>)(-?\d+(?:[.,]\d+)?)")
_NAME_IN_XML = re.compile(rb"(Kalix|Boden|Lule\xc3\xa5|Falu kommun|Bygglov)")


def mutate_inside(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    part = rng.choice(_parts(data))
    recipe = rng.choice(("bytes", "number", "year", "text"))

    def change(name: str, content: bytes) -> bytes:
        if name != part:
            return content
        if recipe == "bytes":
            return mutate_bytes(rng, content)[0]
        if recipe == "text":
            hostile = rng.choice(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
            hostile = hostile.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
            return _NAME_IN_XML.sub(lambda m: hostile, content, count=rng.randint(1, 3))
        values = HOSTILE_YEARS if recipe == "year" else HOSTILE_NUMBERS
        matches = list(_NUMBER_IN_XML.finditer(content))
        if not matches:
            return content
        m = rng.choice(matches)
        new = rng.choice(values).encode()
        return content[: m.start(2)] + new + content[m.end(2) :]

    return rezip(data, change), f"inside:{part}:{recipe}"


# -- text and JSON mutations -------------------------------------------------------------
_CSV_NUMBER = re.compile(rb"(?<=[;,\n])(-?\d+(?:[.,]\d+)?)(?=[;,\r\n])")


def mutate_csv(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    recipe = rng.choice(
        ("number", "year", "text", "duplicate", "newline", "nul", "utf16", "quote", "bytes")
    )
    if recipe in ("number", "year"):
        matches = list(_CSV_NUMBER.finditer(data))
        if matches:
            m = rng.choice(matches)
            new = rng.choice(HOSTILE_YEARS if recipe == "year" else HOSTILE_NUMBERS).encode()
            return data[: m.start()] + new + data[m.end() :], f"csv:{recipe}"
    if recipe == "text":
        hostile = rng.choice(HOSTILE_TEXT).encode("utf-8")
        return _NAME_IN_XML.sub(lambda m: hostile, data), "csv:text"
    lines = data.splitlines(keepends=True)
    if recipe == "duplicate" and len(lines) > 2:
        i = rng.randrange(1, len(lines))
        return b"".join(lines[: i + 1] + [lines[i]] + lines[i + 1 :]), "csv:duplicate"
    if recipe == "newline":
        at = rng.randrange(len(data) or 1)
        return data[:at] + b'x"y\rz' + data[at:], "csv:newline"
    if recipe == "nul":
        at = rng.randrange(len(data) or 1)
        return data[:at] + b"\x00" + data[at:], "csv:nul"
    if recipe == "utf16":
        return data.decode("utf-8", "replace").encode("utf-16"), "csv:utf16"
    if recipe == "quote":
        return b'"' + data, "csv:quote"
    return mutate_bytes(rng, data)


def random_json(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(9 if depth < 6 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice((True, False, 0, -1, 1e308, 2023, 70.5, 10**30))
    if kind == 2:
        return rng.choice(("", "0000", "2514", "U07451", "T", "K", "..", *HOSTILE_TEXT[:4]))
    if kind in (3, 4):
        return rng.random()
    if kind in (5, 6):
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ("values", "kpi", "municipality", "period", "gender", "value", "status", "count")
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def mutate_json(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    recipe = rng.choice(("shape", "value", "deep", "constant", "bytes", "bigint", "item"))
    doc = json.loads(data)
    if recipe == "deep":
        depth = rng.choice((100, 1000, 100_000))
        return (b"[" * depth + b"]" * depth) if rng.random() < 0.5 else (
            b'{"values":' * depth + b"1" + b"}" * depth
        ), f"json:deep{depth}"
    if recipe == "shape":
        return json.dumps(random_json(rng)).encode(), "json:shape"
    if recipe == "item":
        doc["values"][rng.randrange(len(doc["values"]))] = random_json(rng)
        return json.dumps(doc).encode(), "json:item"
    if recipe == "constant":
        text = json.dumps(doc).replace("86.3", rng.choice(("NaN", "Infinity", "-Infinity")))
        return text.encode(), "json:constant"
    if recipe == "bigint":
        return json.dumps(doc).replace("2022", "9" * 5000, 1).encode(), "json:bigint"
    if recipe == "value":
        item = doc["values"][1]
        field = rng.choice(("value", "period", "municipality", "gender"))
        new = rng.choice((*HOSTILE_NUMBERS, *HOSTILE_YEARS, None, [], {}, 1e308, -8, 150))
        if field == "value":
            item["values"][0]["value"] = new
        else:
            item[field] = new
        return json.dumps(doc).encode(), f"json:value:{field}"
    return mutate_bytes(rng, data)


# -- special files -----------------------------------------------------------------------
def zip_bomb(megabytes: int = 300) -> bytes:
    """An .xlsx whose sheet part unpacks to ``megabytes`` of rows (ratio far over 200)."""
    out = io.BytesIO()
    row = b'<row r="1"><c r="A1"><v>1</v></c></row>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(b"<worksheet><sheetData>")
            block = row * (1 << 14)
            for _ in range((megabytes << 20) // len(block)):
                part.write(block)
            part.write(b"</sheetData></worksheet>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


def far_out(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A valid .xlsx with a declared dimension or one cell far out in the sheet."""
    declared = rng.random() < 0.5
    # A1048576 as a real cell is legal and is read (a million rows: seconds, not a fuzz case)
    cell = rng.choice(
        ("XFD1048576", "ZZ1048576", "XFD1", "AAA99999", "A99999999")
        + (("A1048576",) if declared else ())
    )

    def change(name: str, content: bytes) -> bytes:
        if not name.startswith("xl/worksheets/"):
            return content
        if declared:
            return re.sub(
                rb'<dimension ref="[^"]*"', f'<dimension ref="A1:{cell}"'.encode(), content
            )
        row = re.sub(r"\D", "", cell)
        return content.replace(
            b"</sheetData>",
            f'<row r="{row}"><c r="{cell}" t="inlineStr">'
            f"<is><t>x</t></is></c></row></sheetData>".encode(),
        )

    return rezip(data, change), f"far:{'dimension' if declared else 'cell'}:{cell}"


class Corpus:
    """Case ``i`` of a seeded corpus: (file name, bytes, recipe)."""

    def __init__(self, folder: Path, seed: int = 11):
        self.seed = seed
        self.fixtures = valid_fixtures(folder)
        self._bomb: bytes | None = None

    def case(self, index: int) -> tuple[str, bytes, str]:
        rng = random.Random(self.seed * 1_000_003 + index)
        suffix, data = self.fixtures[index % len(self.fixtures)]
        roll = rng.random()
        if index % 997 == 0:
            if self._bomb is None:
                self._bomb = zip_bomb()
            return f"case{index}.xlsx", self._bomb, "zipbomb"
        if suffix == ".xlsx" and roll < 0.08:
            new, recipe = far_out(data, rng)
        elif suffix in (".xlsx", ".ods") and roll < 0.6:
            new, recipe = mutate_inside(rng, data)
        elif suffix == ".csv" and roll < 0.8:
            new, recipe = mutate_csv(rng, data)
        elif suffix == ".json" and roll < 0.8:
            new, recipe = mutate_json(rng, data)
        else:
            new, recipe = mutate_bytes(rng, data)
        return f"case{index}{suffix}", new, f"{suffix[1:]}:{recipe}"
