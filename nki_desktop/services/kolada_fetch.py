"""Fetching from Kolada as one import (no Qt): fetch and preview, then store on confirmation.

Shared by the "Hämta från Kolada…" dialog and ``nki-desktop kolada fetch``. Nothing is
stored by :func:`fetch`; :func:`save` stores the whole fetch in one transaction, undoable
like any import. A fetch that finds values differing from the last fetch lists them before
anything is stored; both stay stored, as with any two sources.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nki_desktop.domain.areas import area_label, factor_label
from nki_desktop.domain.kolada import KOLADA_KPIS
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.records import ImportBatch, ImportInfo, SaveResult, StoredValue
from nki_desktop.kolada.client import DEFAULT_BASE_URL, KoladaClient, values_of
from nki_desktop.kolada.convert import SOURCE_NAME, check_units, parse_values, select_values
from nki_desktop.paths import data_dir
from nki_desktop.services import imports
from nki_desktop.storage import Store

FIRST_YEAR = 2005  # Kolada's first Insikt-related year (Stockholm Business Alliance)
URL_ENV = "NKI_KOLADA_URL"
Progress = Callable[[int, int, str], None]


@dataclass
class FetchSettings:
    """The fetch's settings as stored by the window (read here without Qt)."""

    allowed: bool = True
    base_url: str = DEFAULT_BASE_URL
    proxy: str = ""


def read_settings(url: str | None = None) -> FetchSettings:
    """Settings file values, then ``NKI_KOLADA_URL``, then ``url`` (the command line's --url)."""
    result = FetchSettings()
    path = data_dir() / "settings.ini"
    if path.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            parser.clear()
        general = parser["General"] if parser.has_section("General") else {}

        def text(key: str, default: str = "") -> str:  # QSettings quotes some values
            return str(general.get(key, default) or "").strip().strip('"').strip()

        result.allowed = text("allow_internet", "true").lower() not in ("false", "0", "no")
        result.base_url = text("kolada_url") or DEFAULT_BASE_URL
        result.proxy = text("kolada_proxy")
    result.base_url = url or os.environ.get(URL_ENV) or result.base_url
    return result


def all_years() -> list[int]:
    return list(range(FIRST_YEAR, datetime.now().year + 1))


@dataclass
class FetchRequest:
    years: list[int] = field(default_factory=list)  # empty: all years
    kommun: str | None = None  # None: all kommuner; a code: it, its län, its kommungrupp, Riket
    base_url: str = DEFAULT_BASE_URL
    proxy: str = ""
    kpis: list[str] = field(default_factory=lambda: sorted(KOLADA_KPIS))


def scope_units(store: Store, kommun: str) -> list[str]:
    """A kommun, the kommuner of its län and of its kommungrupp, and Riket (Kolada's 0000)."""
    own = store.catalogue.get(kommun)
    if own is None:
        return []
    units = {own.code, "0000"}
    units.update(k.code for k in store.catalogue.in_lan(own.lan_code))
    units.update(k.code for k in store.catalogue.in_group(own.group_name))
    return sorted(units)


@dataclass
class Revision:
    """A value Kolada gives differently from the last fetch."""

    year: int
    unit: str
    unit_name: str
    area: str
    factor: str
    before: float | None
    after: float | None

    @property
    def what(self) -> str:
        """The area, and the factor unless it is the area's own index."""
        if self.factor in ("nki", "nui"):
            return area_label(self.area)
        return f"{area_label(self.area)} – {factor_label(self.factor).lower()}"

    @property
    def text(self) -> str:
        before, after = _show(self.before), _show(self.after)
        if before == after:  # a revision below the display's rounding
            before, after = _show(self.before, 3), _show(self.after, 3)
        return f"{self.unit_name} {self.year} {self.what}: {before} → {after}"


def _show(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "saknas"
    return fmt_index(value) if decimals == 1 else f"{value:.{decimals}f}".replace(".", ",")


@dataclass
class KoladaFetch:
    """A finished fetch, not yet stored: the preview and everything needed to store it."""

    preview: imports.Preview
    fetched_at: str
    urls: list[str]
    sha256: str
    unit_notes: list[str] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    since: str = ""  # when the last fetch was stored (for the revision message)

    @property
    def revision_text(self) -> str:
        if not self.since:
            return ""
        if not self.revisions:
            return f"Kolada har inte ändrat några värden sedan förra hämtningen {self.since}."
        n = len(self.revisions)
        shown = "; ".join(r.text for r in self.revisions[:5])
        more = f"; och {n - 5} till" if n > 5 else ""
        return (
            f"Kolada har ändrat {n} {'värde' if n == 1 else 'värden'} sedan "
            f"{self.since}: {shown}{more}."
        )


def _scope_text(store: Store, request: FetchRequest) -> str:
    if not request.kommun:
        return "alla kommuner"
    own = store.catalogue.get(request.kommun)
    return f"{own.name} med län och kommungrupp" if own else request.kommun


def fetch(
    store: Store,
    request: FetchRequest,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
    client: KoladaClient | None = None,
) -> KoladaFetch:
    """Fetch and preview; raises KoladaError (message for the user) or FetchCancelled."""
    client = client or KoladaClient(
        request.base_url, request.proxy, sleep=sleep, cancelled=cancelled
    )
    years = sorted(request.years) or all_years()
    units = scope_units(store, request.kommun) if request.kommun else []
    urls = client.data_urls(request.kpis, years, units)
    total = len(urls) + 1
    done = 0

    def step(text: str) -> None:
        if progress:
            progress(done, total, text)

    step("Hämtar Koladas kommunlista…")
    unit_check = check_units(client.municipalities(), store.catalogue)
    done += 1
    values: list[dict[str, Any]] = []
    for number, url in enumerate(urls, start=1):
        for page, response in enumerate(client.pages(url), start=1):
            values.extend(values_of(response))
            if page > 1:
                total += 1
            done += 1
            step(
                f"Hämtar värden (fråga {number} av {len(urls)}, sida {page}, {len(values)} värden)…"
            )
    fetched_at = datetime.now().isoformat(timespec="seconds")
    digest = hashlib.sha256()
    data_urls = []
    for response in client.log.responses:
        if "/data/" in response.url:
            digest.update(response.body)
            data_urls.append(response.url)
    sha = digest.hexdigest()
    kept, skipped = select_values(values, store.catalogue, unit_check)
    batch, layout = parse_values(kept, store.catalogue, SOURCE_NAME, sha)
    for o in batch.observations:  # a place in the API's list means nothing to a reader:
        o.sheet, o.row = "", None  # the source shows as "Kolada API v3"
    batch.skipped[:0] = skipped
    batch.description = (
        f"{SOURCE_NAME}, hämtat {fetched_at.replace('T', ' ')}: "
        f"{len(request.kpis)} nyckeltal, {years[0]}–{years[-1]}, "
        f"{_scope_text(store, request)}"
    )
    batch.notes = [
        "Källa: Kolada (" + SOURCE_NAME + ")",
        f"Hämtat: {fetched_at}",
        f"sha256 av svaren: {sha}",
        *(f"URL: {u}" for u in data_urls),
        *unit_check.notes,
    ]
    preview = imports.Preview(SOURCE_NAME, kind="kolada", kind_label="Kolada (API v3)")
    preview.columns, preview.sheet, preview.sheets = layout.columns, "API-svar", ["API-svar"]
    preview.year_source = "Koladas period"
    preview.years = batch.years
    found = {o.unit for o in batch.observations}
    preview.kommuner = sum(1 for u in found if u.isdigit())
    preview.riket = "riket" in found
    preview.values = sum(1 for o in batch.observations if o.value is not None)
    preview.missing = sum(1 for o in batch.observations if o.value is None)
    preview.skipped = batch.skipped
    preview.batch = batch
    if not batch.observations:
        preview.problem = (
            "Kolada gav inga värden för de valda åren och kommunerna. Inget "
            "finns att spara; välj fler år eller alla kommuner."
        )
    existing = store.find_import_by_sha(sha)
    if existing:
        preview.duplicate = (
            f"Exakt samma svar hämtades redan (import {existing.id}, "
            f"{existing.imported_at.replace('T', ' ')}). En ny import ändrar "
            "ingenting."
        )
    result = KoladaFetch(preview, fetched_at, data_urls, sha, unit_check.notes)
    last = last_fetch(store)
    if last is not None and not existing:
        result.since = last.imported_at[:10]
        result.revisions = revisions(store, batch, last.id)
    preview.differing = len(imports.differences(store, batch)) - len(result.revisions)
    preview.differing = max(preview.differing, 0)
    return result


def last_fetch(store: Store) -> ImportInfo | None:
    fetches = [i for i in store.imports_of_publication("kolada") if i.file_name == SOURCE_NAME]
    return fetches[-1] if fetches else None


def revisions(store: Store, batch: ImportBatch, import_id: int) -> list[Revision]:
    """Cells of the batch that the given earlier fetch stored with another value."""
    if not batch.years:
        return []
    before: dict[tuple[Any, ...], StoredValue] = {}
    for v in store.values(
        years=batch.years, units=sorted({o.unit for o in batch.observations}), effective=False
    ):
        if v.import_id == import_id:
            before[(v.year, v.unit, v.area, v.factor, v.group)] = v
    names = store.unit_names()
    out = []
    for o in batch.observations:
        old = before.get((o.year, o.unit, o.area, o.factor, o.group))
        if old is None:
            continue
        same = (old.value is None and o.value is None) or (
            old.value is not None and o.value is not None and abs(old.value - o.value) < 1e-9
        )
        if not same:
            out.append(
                Revision(
                    o.year, o.unit, names.get(o.unit, o.unit), o.area, o.factor, old.value, o.value
                )
            )
    return sorted(out, key=lambda r: (r.year, r.unit_name, r.area, r.factor))


def save(
    store: Store, fetched: KoladaFetch, progress: Callable[[int, int], None] | None = None
) -> SaveResult:
    """Store the fetch as one import (one transaction); ``progress`` may raise to cancel."""
    batch = fetched.preview.batch
    if batch is None or not fetched.preview.ok:
        return SaveResult(None, False, 0, fetched.preview.problem or "Inget att spara.")
    result = store.save_import(batch, progress=progress)
    if not result.duplicate:
        result.message = (
            f"{result.stored} värden från Kolada sparade som import "
            f"{result.import_id}. Källa: Kolada."
        )
    return result
