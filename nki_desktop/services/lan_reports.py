"""A whole län's reports: one PDF and one Excel workbook per kommun, into one folder.

The command line (``report --lan``) and the window's batch both call :func:`write_reports`.
The year's values are read once for the whole län (``YearValueCache``); progress is told
before each kommun and a stop asked for is honoured between files, so a stopped batch
leaves only whole files and says which. No Qt here: the PDF writer is passed in (the window
draws PDFs on its GUI thread) or imported when the first PDF is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nki_desktop.analysis.report_data import ReportData, ReportDataError, gather
from nki_desktop.analysis.value_cache import YearValueCache
from nki_desktop.domain.municipalities import Catalogue
from nki_desktop.storage import Store

Writer = Callable[[ReportData, Path, Any], Any]


@dataclass(frozen=True)
class LanJob:
    """One kommun's report files (None: that kind is not written)."""

    code: str
    name: str
    pdf: Path | None
    xlsx: Path | None


@dataclass
class LanResult:
    """What a batch wrote: files in the order written, kommuner skipped and why."""

    year: int
    total: int
    reported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        """One Swedish line for the user: how many kommuner got a report, stopped or not."""
        head = f"{len(self.reported)} av {self.total} kommuner fick en rapport ({self.year})."
        if self.cancelled:
            files = "1 fil skriven" if len(self.files) == 1 else f"{len(self.files)} filer skrivna"
            head = (
                f"Avbrutet: {len(self.reported)} av {self.total} kommuner hann få en rapport "
                f"({files}, de står kvar)."
            )
        if self.skipped:
            head += f" {len(self.skipped)} hoppades över (inga värden)."
        return head


def safe_name(name: str) -> str:
    """A kommun name usable in a file name on every system."""
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip()


def plan(
    catalogue: Catalogue,
    lan: str,
    year: int,
    folder: Path,
    *,
    pdf: bool = True,
    xlsx: bool = True,
) -> list[LanJob]:
    """One job per kommun of the län (empty for an unknown län code)."""
    jobs = []
    for k in catalogue.in_lan(str(lan).zfill(2)):
        stem = f"{k.code} {safe_name(k.name)} NKI {year}"
        jobs.append(
            LanJob(
                k.code,
                k.name,
                folder / f"{stem}.pdf" if pdf else None,
                folder / f"{stem}.xlsx" if xlsx else None,
            )
        )
    return jobs


def _default_pdf_writer() -> tuple[Writer, AbstractContextManager[None]]:
    from nki_desktop.reports.chart_pool import reusing
    from nki_desktop.reports.pdf import write_pdf
    from nki_desktop.reports.qt_env import ensure_app

    ensure_app()
    return write_pdf, reusing()


def write_reports(
    store: Store,
    jobs: list[LanJob],
    year: int,
    group: str,
    options: Any,
    *,
    write_pdf: Writer | None = None,
    progress: Callable[[int, int, LanJob], None] | None = None,
    stop_requested: Callable[[], bool] | None = None,
    result: LanResult | None = None,
    workbooks_apart: bool = False,
    gather_options: Callable[[Any, str], dict[str, Any]] | None = None,
) -> LanResult:
    """Write every job's files; ``progress(number, total, job)`` before each kommun;
    ``stop_requested()`` is asked before each file. Errors other than "nothing to report"
    propagate; a caller that passes ``result`` still knows the files written by then.

    ``gather_options(values, code)``: more arguments for one kommun's report data (the
    command line's ``--similar`` comparison group), given the batch's value cache.
    ``workbooks_apart``: the workbooks are written by a second process while this one
    draws the PDFs (two cores: about 40 % less time); they are counted once all are done.
    """
    result = result or LanResult(year=year, total=len(jobs))
    batch: AbstractContextManager[None] = nullcontext()
    if write_pdf is None and any(job.pdf for job in jobs):
        write_pdf, batch = _default_pdf_writer()
    from nki_desktop.reports.excel import write_xlsx

    cached = YearValueCache(store)  # every kommun reads the same year: one query
    stopped = stop_requested or (lambda: False)
    with batch, _WorkbookWriter(write_xlsx, workbooks_apart, result) as workbooks:
        for number, job in enumerate(jobs, 1):
            if stopped():
                result.cancelled = True
                break
            if progress is not None:
                progress(number, len(jobs), job)
            try:
                more = gather_options(cached, job.code) if gather_options else {}
                data = gather(cached, job.code, year, group, **more)  # type: ignore[arg-type]
            except ReportDataError as exc:
                result.skipped.append((job.code, str(exc)))
                continue
            for path, writer in _files(job, write_pdf, workbooks.write):
                if stopped():
                    result.cancelled = True
                    return result
                path.parent.mkdir(parents=True, exist_ok=True)
                if writer(data, path, options) is not _LATER:
                    result.files.append(path)
            result.reported.append(job.code)
    return result


_LATER = object()  # a workbook handed to the second process, counted when it is written


class _WorkbookWriter:
    """Writes workbooks here, or in one worker process (``apart``) whose files are added
    to the result when the batch ends; a stopped batch drops the ones not yet begun."""

    def __init__(self, write_xlsx: Writer, apart: bool, result: LanResult):
        self.write_xlsx, self.result = write_xlsx, result
        self.pending: list[tuple[Any, Path]] = []
        self.pool: Any = None
        if apart:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from nki_desktop.importers.safe_reader import start_method

            context = multiprocessing.get_context(start_method())
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)

    def write(self, data: ReportData, path: Path, options: Any) -> Any:
        if self.pool is None:
            return self.write_xlsx(data, path, options)
        self.pending.append((self.pool.submit(self.write_xlsx, data, path, options), path))
        return _LATER

    def __enter__(self) -> _WorkbookWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is None:
            return
        try:
            for future, path in self.pending:
                if self.result.cancelled or exc[0] is not None:
                    future.cancel()  # not begun: not written
                if not future.cancelled():
                    future.result()  # a workbook that failed raises here
                    self.result.files.append(path)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _files(
    job: LanJob, write_pdf: Writer | None, write_xlsx: Writer
) -> Iterator[tuple[Path, Writer]]:
    if job.pdf is not None and write_pdf is not None:
        yield job.pdf, write_pdf
    if job.xlsx is not None:
        yield job.xlsx, write_xlsx
