"""Preliminary in-year results: the running NKI of the current case year so far.

The current case year is the latest year of a kommun's respondent data that has no final
NKI yet (a value from any publication but the program's own computation from respondent
rows). Only rows with an answer date count; the figure says up to which date. A preliminary
figure is its own thing: never ranked, never a point of the final series, and gone as soon
as the final figure of its year is imported. The publication rule applies: fewer than the
year's minimum (7) answers show no value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from nki_desktop.domain.areas import TOTAL
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.rules import nki_total_areas, publication_rules
from nki_desktop.storage import Store
from nki_desktop.storage.answer_dates import latest_dated_rows

if TYPE_CHECKING:  # the trend module loads with the Trend screen, not with Översikt
    from nki_desktop.analysis.trend import TrendData

COMPUTED = "respondent"  # the publication of indices computed from respondent rows
NOT_FINAL = frozenset({COMPUTED})


@dataclass(frozen=True)
class Preliminary:
    """The running NKI of ``year`` for one unit, area and group."""

    unit: str
    year: int
    area: str
    group: str
    value: float | None  # None when withheld (too few answers)
    n: int
    ci_low: float | None
    ci_high: float | None
    first_date: str  # ISO dates of the first and last answer counted
    last_date: str
    withheld: str | None = None  # why no value is shown

    @property
    def label(self) -> str:
        """'preliminärt, t.o.m. 2024-05-10'."""
        return f"preliminärt, t.o.m. {self.last_date}"

    @property
    def text(self) -> str:
        """The whole figure in words, e.g. 'NKI 2024: 78 (n = 81, 95 % KI 74–82),
        preliminärt, t.o.m. 2024-05-10'."""
        head = f"NKI {self.year}: "
        if self.value is None:
            return f"{head}inget värde visas ({self.withheld}), {self.label}"
        interval = (
            f", 95 % KI {fmt_index(self.ci_low)}–{fmt_index(self.ci_high)}"
            if self.ci_low is not None and self.ci_high is not None
            else ""
        )
        return f"{head}{fmt_index(self.value)} (n = {self.n}{interval}), {self.label}"


def current_year(rows: Sequence[dict[str, Any]], final_years: Iterable[int]) -> int | None:
    """The latest year of the rows, unless its final figure is in (then there is none)."""
    years = {int(r["year"]) for r in rows if r.get("answered")}
    if not years:
        return None
    latest = max(years)
    return None if latest in set(final_years) else latest


def build_preliminary(
    rows: Sequence[dict[str, Any]],
    final_years: Iterable[int],
    unit: str,
    group: str,
    area: str = TOTAL,
    rules: dict[int, str] | None = None,
) -> Preliminary | None:
    """The preliminary NKI from dated respondent rows (dicts with year, area, group, q1–q3,
    answered and, for ``rules``, import_id → NKI rule), or None when there is none."""
    rows = [r for r in rows if r.get("group") == group and r.get("answered")]
    year = current_year(rows, final_years)
    if year is None:
        return None
    areas = set(nki_total_areas(year)) if area == TOTAL else {area}
    rows = [r for r in rows if int(r["year"]) == year and r["area"] in areas]
    if not rows:
        return None
    # numpy only here: most starts show no running year, and Översikt is the first screen
    import numpy as np

    from nki_desktop.domain.respondent_stats import (
        NKI_RULE_ALL,
        respondent_nki_array,
        summarise,
    )

    rules = rules or {}
    q = np.array(
        [[np.nan if r.get(k) is None else float(r[k]) for k in ("q1", "q2", "q3")] for r in rows],
        dtype=float,
    )
    by_rule = np.array([rules.get(r.get("import_id", 0), NKI_RULE_ALL) for r in rows])
    nki = np.full(len(rows), np.nan)
    for rule in set(by_rule.tolist()):
        sel = by_rule == rule
        nki[sel] = respondent_nki_array(q[sel], rule)
    stat = summarise(nki)
    dates = sorted(str(r["answered"]) for r, v in zip(rows, nki, strict=True) if v == v)
    if stat.n == 0 or not dates:
        return None
    minimum = publication_rules(year).min_answers_portal
    if stat.n < minimum:
        return Preliminary(
            unit,
            year,
            area,
            group,
            None,
            stat.n,
            None,
            None,
            dates[0],
            dates[-1],
            f"för få svar: n = {stat.n} < {minimum}",
        )
    return Preliminary(
        unit, year, area, group, stat.mean, stat.n, stat.ci_low, stat.ci_high, dates[0], dates[-1]
    )


def load_preliminary(store: Store, unit: str, group: str, area: str = TOTAL) -> Preliminary | None:
    """The kommun's preliminary NKI for ``area`` and ``group`` from the stored rows."""
    rows = latest_dated_rows(store, unit, group)
    if not rows:
        return None
    final = {
        v.year
        for v in store.values(unit=unit, area=area, factor="nki", group=group, effective=False)
        if v.value is not None and v.publication not in NOT_FINAL
    }
    rules = {  # imports without a stored rule take the default (all three answered)
        i.id: i.settings.nki_rule
        for i in store.list_imports()
        if i.kind == COMPUTED and i.settings.nki_rule
    }
    return build_preliminary(rows, final, unit, group, area, rules)


def separate_from_trend(data: TrendData, preliminary: Preliminary | None) -> TrendData:
    """The trend without the program's own computed value of the preliminary year in min
    kommun's line: that year is shown only as the preliminary marker, never as a point of
    the final series. Published values of the year (there are none while it is
    preliminary) would stay."""
    if preliminary is None:
        return data
    lines = [
        replace(
            line,
            points=[
                p
                for p in line.points
                if not (p.year == preliminary.year and set(p.publications) <= NOT_FINAL)
            ],
        )
        if line.key == "mine"
        else line
        for line in data.lines
    ]
    return replace(data, lines=lines)


def trend_note(preliminary: Preliminary) -> str:
    """The sentence under the Trend chart that explains the open marker."""
    if preliminary.value is None:
        return (
            f"◌ {preliminary.year}: inget preliminärt värde visas ({preliminary.withheld}), "
            f"{preliminary.label}."
        )
    return (
        f"◌ Öppen ring: {preliminary.text}. Egen beräkning från daterade svar; inte en "
        "del av linjen, rankas inte och ersätts av det slutliga värdet när det importeras."
    )


def overview_text(preliminary: Preliminary) -> str:
    """The Översikt's line (rich text) for the running year, apart from the final figures."""
    p = preliminary
    if p.value is None:
        body = f"inget värde visas ({p.withheld}), {p.label}"
    else:
        interval = (
            f", 95 % KI {fmt_index(p.ci_low)}–{fmt_index(p.ci_high)}"
            if p.ci_low is not None and p.ci_high is not None
            else ""
        )
        body = f"<b>{fmt_index(p.value)}</b> (n = {p.n}{interval}), <i>{p.label}</i>"
    return (
        f"◌ <b>Preliminärt NKI {p.year}</b>: {body}. Egen beräkning från de svar som "
        "hittills kommit in; rankas inte och ersätts av det slutliga värdet när det "
        "importeras."
    )
