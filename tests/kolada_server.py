"""A local stand-in for Kolada's API v3 (127.0.0.1, a free port, a thread in the process).

It serves v3-shaped answers built from the real file
``/work/shared/data/kolada/ddf--datapoints--u07451--by--geo--year.csv`` (NKI totalt, U07451,
all kommuner and Riket, 2005–2022). The other Insikt key figures are derived from it
(index ± a fixed offset per id, antal svar and svarsfrekvens as whole numbers), so every
value a test expects can be computed from the file. Tests script failures per request.
"""

from __future__ import annotations

import csv
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from nki_desktop.domain.kolada import ANSWERS, INDEX, KOLADA_KPIS, RESPONSE_RATE
from nki_desktop.paths import shipped_catalogue

REAL_FILE = Path("/work/shared/data/kolada/ddf--datapoints--u07451--by--geo--year.csv")
REGIONS = {"0001": "Region Stockholm", "0003": "Region Uppsala"}


def real_rows() -> dict[tuple[str, int], float]:
    """(geo, year) → U07451 from the real file (only cells with a value)."""
    out = {}
    with open(REAL_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["u07451"].strip():
                out[(row["geo"], int(row["year"]))] = float(row["u07451"])
    return out


def derived(kpi: str, base: float) -> float:
    """The value the fake server gives for ``kpi`` where U07451 is ``base``."""
    spec = KOLADA_KPIS[kpi]
    offset = (int(kpi[1:]) % 7) - 3
    if spec.measure == ANSWERS:
        return float(40 + int(base) % 60)
    if spec.measure == RESPONSE_RATE:
        return float(30 + int(base) % 40)
    return base if kpi == "U07451" else round(base + offset * 0.5, 6)


def build_values(
    kpis: list[str],
    years: list[int],
    real: dict[tuple[str, int], float],
    units: list[str] | None = None,
) -> list[dict]:
    """Kolada v3 data rows: one per key figure × unit × year that has a value."""
    out = []
    for kpi in kpis:
        for (geo, year), base in real.items():
            if year not in years or (units is not None and geo not in units):
                continue
            if kpi not in KOLADA_KPIS:
                value: float | None = base
            else:
                value = derived(kpi, base)
            entries = [{"gender": "T", "count": 1, "status": "", "value": value}]
            if KOLADA_KPIS.get(kpi) is not None and KOLADA_KPIS[kpi].measure == INDEX:
                entries += [
                    {"gender": "K", "count": 1, "status": "", "value": value},
                    {"gender": "M", "count": 1, "status": "", "value": None},
                ]
            out.append({"kpi": kpi, "municipality": geo, "period": year, "values": entries})
    return out


class FakeKolada:
    """The server's state: scripted answers and the log of requests."""

    def __init__(self) -> None:
        self.real = real_rows()
        self.page_size = 5000
        self.next_key = "next_url"
        self.script: list[object] = []  # per request, FIFO: status code, "malformed", "slow",
        # "reset" or "ok"; empty means ok
        self.script_paths = ("/v3/data/",)  # requests the script applies to
        self.empty = False
        self.revised: dict[tuple[str, str, int], float] = {}  # (kpi, geo, year) → value
        self.extra_units: dict[str, str] = {}  # more kommuner (type K) in /municipality
        self.renamed: dict[str, str] = {}
        self.slow_seconds = 2.0
        self.requests: list[str] = []
        self.on_request = None  # callable(path) for tests that act mid-way
        self.lock = threading.Lock()
        self.cache: dict[tuple, list[dict]] = {}

    def municipalities(self) -> list[dict]:
        rows = [
            {"id": k.code, "title": self.renamed.get(k.code, k.name), "type": "K"}
            for k in shipped_catalogue().kommuner
        ]
        rows += [{"id": c, "title": t, "type": "K"} for c, t in self.extra_units.items()]
        rows += [{"id": c, "title": t, "type": "L"} for c, t in REGIONS.items()]
        rows.append({"id": "0000", "title": "Riket", "type": "L"})
        return rows

    def data(self, kpis: list[str], years: list[int], units: list[str] | None) -> list[dict]:
        if self.empty:
            return []
        values = build_values(kpis, years, self.real, units)
        for item in values:
            key = (item["kpi"], item["municipality"], item["period"])
            if key in self.revised:
                item["values"][0]["value"] = self.revised[key]
        if units is None:  # regions give values too: they are not stored
            values += [
                {
                    "kpi": kpis[0],
                    "municipality": c,
                    "period": years[0],
                    "values": [{"gender": "T", "count": 1, "status": "", "value": 70.0}],
                }
                for c in REGIONS
            ]
        return values


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        fake = self.server.fake
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        with fake.lock:
            fake.requests.append(self.path)
            action: object = "ok"
            if fake.script and parts.path.startswith(fake.script_paths):
                action = fake.script.pop(0)
        if fake.on_request is not None:
            fake.on_request(self.path)
        if isinstance(action, int) and action != 200:
            self._send(
                action, b'{"error": "scripted"}', {"Retry-After": "1"} if action == 429 else {}
            )
            return
        if action == "reset":
            self.connection.close()
            return
        if action == "slow":
            time.sleep(fake.slow_seconds)
        if action == "malformed":
            self._send(200, b'{"values": [ {"kpi": "U07451", "munic')
            return
        path = parts.path.removeprefix("/v3")
        if path == "/municipality":
            rows = fake.municipalities()
        elif path.startswith("/data/kpi/"):
            bits = path.split("/")
            kpis = bits[3].split(",")
            units = bits[5].split(",") if bits[4] == "municipality" else None
            years = [int(y) for y in bits[-1].split(",")]
            key = (path, fake.empty, tuple(sorted(fake.revised.items())))
            if key not in fake.cache:
                fake.cache[key] = fake.data(kpis, years, units)
            rows = fake.cache[key]
        else:
            self._send(404, b'{"error": "not found"}')
            return
        size = min(int(query.get("per_page", 5000)), fake.page_size)
        page = int(query.get("page", 1))
        chunk = rows[(page - 1) * size : page * size]
        body: dict = {"values": chunk, "count": len(chunk)}
        if page * size < len(rows):
            query["page"] = str(page + 1)
            nxt = (
                f"http://127.0.0.1:{self.server.server_port}{parts.path}?"
                + urllib.parse.urlencode(query)
            )
            body[fake.next_key] = nxt if fake.next_key == "next_url" else page + 1
        else:
            body[fake.next_key] = None
        self._send(200, json.dumps(body).encode())

    def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeKolada


@contextmanager
def serve() -> Iterator[tuple[str, FakeKolada]]:
    """(base URL, state) of a fake Kolada on 127.0.0.1 at a free port, for the block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.fake = FakeKolada()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v3", server.fake
    finally:
        server.shutdown()
        server.server_close()
