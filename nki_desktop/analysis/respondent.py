"""Indices, intervals, changes, breakdowns and the prioriteringsmatris from respondent rows.

Pure functions over arrays (numpy; no Qt, no SQL). The arithmetic of one index and its
interval is in ``domain.respondent_stats`` (shared with the importer, which stores the
computed indices with the import); this module recomputes any slice from the stored rows.

- NKI rule: a respondent's NKI needs all three NKI answers by default; ``nki_rule="two"``
  accepts at least two of three (see ``domain.respondent_stats``).
- Interval: 95 %, mean ± t(0.975, n − 1)·s/√n — the program's own estimate, not SKR's.
- Change: difference of the two years' means with a Welch interval (unequal variances,
  Welch–Satterthwaite degrees of freedom); "larger than the noise" when 0 lies outside it.
- Prioriteringsmatris: ordinary least squares of respondent NKI on the six factor indices,
  all standardised (z-scores), over respondents who answered everything; the coefficient is
  the factor's effect, R² the explained share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nki_desktop.domain.areas import SERVICE_FACTORS, TOTAL, area_label, factor_label
from nki_desktop.domain.numbers import fmt_number
from nki_desktop.domain.respondent_stats import (
    NKI_RULE_ALL,
    FloatArray,
    IntArray,
    MeanStat,
    RespondentArrays,
    cell_stats,
    factor_index_array,
    respondent_nki_array,
    summarise,
    t_quantile,
)
from nki_desktop.domain.rules import nki_total_areas, publication_rules
from nki_desktop.storage import Store

MIN_N_REGRESSION = 30  # complete answers needed before the matrix is drawn (a setting)
QUADRANTS = {
    (True, False): "Förbättra i första hand",
    (True, True): "Bevara",
    (False, False): "Lägre prioritet",
    (False, True): "Vårda",
}
NO_CATEGORY = "(ej svar)"


@dataclass
class RespondentFrame:
    """Respondent rows of one unit as columns: year, area, group, NKI and factor indices."""

    year: IntArray
    area: list[str]
    group: list[str]
    nki: FloatArray
    factors: FloatArray  # n × 6, SERVICE_FACTORS order, 0–100
    background: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.year.size)

    def arrays(self, mask: np.ndarray | None = None) -> RespondentArrays:
        if mask is None:
            return RespondentArrays(self.year, self.area, self.group, self.nki, self.factors)
        idx = np.nonzero(mask)[0]
        return RespondentArrays(
            self.year[idx],
            [self.area[i] for i in idx],
            [self.group[i] for i in idx],
            self.nki[idx],
            self.factors[idx],
        )

    def mask(
        self, year: int | None = None, group: str | None = None, area: str | None = None
    ) -> np.ndarray:
        """Rows of a year, group and area (``total``: the areas of that year's NKI totalt)."""
        keep = np.ones(len(self), dtype=bool)
        if year is not None:
            keep &= self.year == year
        if group is not None and group != "alla":
            keep &= np.array([g == group for g in self.group], dtype=bool)
        if area is not None:
            wanted = (
                set(nki_total_areas(year))
                if area == TOTAL and year is not None
                else (None if area == TOTAL else {area})
            )
            if wanted is not None:
                keep &= np.array([a in wanted for a in self.area], dtype=bool)
            elif area == TOTAL:  # all years: each row against its own year's definition
                keep &= np.array(
                    [
                        a in nki_total_areas(int(y))
                        for a, y in zip(self.area, self.year.tolist(), strict=True)
                    ],
                    dtype=bool,
                )
        return keep


def frame_from_rows(
    rows: list[dict[str, Any]], scales: dict[int, tuple[float, float]], nki_rule: str = NKI_RULE_ALL
) -> RespondentFrame:
    """Rows as stored (``Store.respondents``) → a frame; ``scales`` per import id."""
    n = len(rows)
    q = np.array([[r["q1"], r["q2"], r["q3"]] for r in rows], dtype=float).reshape(n, 3)
    raw = np.array([[r[f] for f in SERVICE_FACTORS] for r in rows], dtype=float).reshape(n, 6)
    factors = np.empty_like(raw)
    imports = np.array([r.get("import_id", 0) for r in rows], dtype=np.int64)
    for imp in np.unique(imports):
        sel = imports == imp
        factors[sel] = factor_index_array(raw[sel], scales.get(int(imp), (1.0, 6.0)))
    return RespondentFrame(
        np.array([r["year"] for r in rows], dtype=np.int64),
        [r["area"] for r in rows],
        [r["group"] for r in rows],
        respondent_nki_array(q, nki_rule),
        factors,
        [r.get("background") or {} for r in rows],
    )


def load_frame(
    store: Store, unit: str, group: str | None = None, nki_rule: str = NKI_RULE_ALL
) -> RespondentFrame:
    """The stored respondent rows of a unit (all years), with each import's factor scale."""
    rows = store.respondents(unit=unit, group=None if group in (None, "alla") else group)
    scales: dict[int, tuple[float, float]] = {}
    for imp in {r["import_id"] for r in rows}:
        info = store.get_import(imp)
        scales[imp] = (info.settings.factor_scale if info else None) or (1.0, 6.0)
    return frame_from_rows(rows, scales, nki_rule)


# -- publication rules ------------------------------------------------------------------
@dataclass(frozen=True)
class PublicationStatus:
    shown: bool  # enough answers to be shown at all (portal / municipal reports)
    oj: bool  # enough for Öppna jämförelser
    rankable: bool  # enough for a ranking (area or NKI totalt)
    reason: str  # Swedish; empty when nothing limits the figure


def publication_status(n: int, year: int, area: str) -> PublicationStatus:
    """What the year's publication rules allow for a figure built on n answers."""
    rules = publication_rules(year)
    rank_min = rules.min_answers_total_rank if area == TOTAL else rules.min_answers_area_rank
    shown = n >= rules.min_answers_portal
    oj = n >= rules.min_answers_oj
    rankable = n >= rank_min
    if not shown:
        reason = (
            f"För få svar för att visas: {n} svar, minst {rules.min_answers_portal} "
            f"krävs (regler {year}). Ingår inte i rankning."
        )
    elif not oj:
        reason = (
            f"Bara för eget bruk: {n} svar, Öppna jämförelser kräver minst "
            f"{rules.min_answers_oj}. Ingår inte i rankning."
        )
    elif not rankable:
        what = "NKI totalt" if area == TOTAL else "ett område"
        reason = (
            f"Under gränsen för rankning av {what}: {n} svar, minst {rank_min} krävs. "
            "Ingår inte i rankning."
        )
    else:
        reason = ""
    return PublicationStatus(shown, oj, rankable, reason)


# -- indices ----------------------------------------------------------------------------
@dataclass(frozen=True)
class IndexRow:
    year: int
    area: str
    group: str
    factor: str
    stat: MeanStat
    status: PublicationStatus


def index_table(frame: RespondentFrame, include_all_groups: bool = True) -> list[IndexRow]:
    """Every index per year × area × group (+ NKI totalt and all groups) with its status."""
    years = sorted({int(y) for y in frame.year.tolist()})
    cells = cell_stats(frame.arrays(), {y: nki_total_areas(y) for y in years}, include_all_groups)
    return [
        IndexRow(
            c.year, c.area, c.group, c.factor, c.stat, publication_status(c.stat.n, c.year, c.area)
        )
        for c in cells
    ]


def slice_stat(
    frame: RespondentFrame, year: int, group: str | None, area: str, factor: str = "nki"
) -> MeanStat:
    """One index recomputed for a slice."""
    mask = frame.mask(year, group, area)
    values = (
        frame.nki if factor in ("nki", "nui") else frame.factors[:, SERVICE_FACTORS.index(factor)]
    )
    return summarise(values[mask])


# -- change since last year -------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    delta: float
    half_width: float | None
    df: float | None
    significant: bool | None  # None when the interval cannot be computed

    @property
    def low(self) -> float | None:
        return None if self.half_width is None else self.delta - self.half_width

    @property
    def high(self) -> float | None:
        return None if self.half_width is None else self.delta + self.half_width

    @property
    def text(self) -> str:
        """'ökning med 4 enheter (osäkerhet ±3) – större än slumpvariationen'."""
        size = abs(self.delta)
        amount = fmt_number(size, 0 if round(size) >= 1 else 1)
        word = "ökning" if self.delta > 0 else "minskning"
        unit = "enhet" if amount == "1" else "enheter"
        head = "oförändrat" if amount in ("0", "0,0") else f"{word} med {amount} {unit}"
        if self.half_width is None:
            return head + " (osäkerheten kan inte beräknas)"
        head += f" (osäkerhet ±{fmt_number(self.half_width, 0 if self.half_width >= 1 else 1)})"
        if self.significant:
            return head + " – större än slumpvariationen"
        return head + " – ryms inom slumpvariationen"


def change_between(
    current: MeanStat, previous: MeanStat, confidence: float = 0.95
) -> Change | None:
    """Difference of two independent means with Welch's interval."""
    if current.mean is None or previous.mean is None:
        return None
    delta = current.mean - previous.mean
    if current.sd is None or previous.sd is None or current.n < 2 or previous.n < 2:
        return Change(delta, None, None, None)
    v1, v2 = current.sd**2 / current.n, previous.sd**2 / previous.n
    se2 = v1 + v2
    if se2 == 0:
        return Change(delta, 0.0, None, delta != 0)
    df = se2**2 / (v1**2 / (current.n - 1) + v2**2 / (previous.n - 1))
    half = t_quantile(0.5 + confidence / 2, df) * math.sqrt(se2)
    return Change(delta, half, df, abs(delta) > half)


# -- prioriteringsmatris ----------------------------------------------------------------
@dataclass(frozen=True)
class DriverPoint:
    factor: str
    label: str
    index: float  # x: the factor's index in the slice
    effect: float  # y: standardised regression coefficient on NKI
    n: int  # answers behind the factor's index
    quadrant: str


@dataclass
class DriverMatrix:
    year: int
    area: str
    group: str
    n: int  # respondents with NKI and all six factors answered
    r2: float | None
    points: list[DriverPoint]
    x_split: float | None
    y_split: float | None
    adequate: bool
    note: str = ""

    @property
    def title(self) -> str:
        return f"Prioriteringsmatris – {area_label(self.area)} {self.year}"


def standardised_regression(y: FloatArray, x: FloatArray) -> tuple[FloatArray, float]:
    """Coefficients of z(y) on z(x) (with intercept) by least squares, and R²."""

    def z(a: FloatArray) -> FloatArray:
        sd = a.std(axis=0, ddof=1)
        sd = np.where(sd > 0, sd, 1.0)
        return np.asarray((a - a.mean(axis=0)) / sd, dtype=float)

    zx, zy = z(x), z(y)
    design = np.column_stack([np.ones(len(zy)), zx])
    coef, *_ = np.linalg.lstsq(design, zy, rcond=None)
    residual = zy - design @ coef
    total = float(((zy - zy.mean()) ** 2).sum())
    r2 = 1.0 - float((residual**2).sum()) / total if total > 0 else 0.0
    return np.asarray(coef[1:], dtype=float), r2


def driver_matrix(
    frame: RespondentFrame,
    year: int,
    group: str | None,
    area: str = TOTAL,
    min_n: int = MIN_N_REGRESSION,
) -> DriverMatrix:
    """Each factor's index against its effect on NKI for one slice."""
    mask = frame.mask(year, group, area)
    nki, factors = frame.nki[mask], frame.factors[mask]
    complete = ~np.isnan(nki) & ~np.isnan(factors).any(axis=1)
    n = int(complete.sum())
    label = group or "alla"
    if n < max(min_n, len(SERVICE_FACTORS) + 2):
        return DriverMatrix(
            year,
            area,
            label,
            n,
            None,
            [],
            None,
            None,
            False,
            f"För få fullständiga svar för en prioriteringsmatris: {n} "
            f"(minst {max(min_n, 8)} behövs).",
        )
    coef, r2 = standardised_regression(nki[complete], factors[complete])
    indices = [summarise(factors[:, i]) for i in range(len(SERVICE_FACTORS))]
    xs = [s.mean if s.mean is not None else float("nan") for s in indices]
    x_split, y_split = float(np.nanmean(xs)), float(np.mean(coef))
    points = [
        DriverPoint(
            f,
            factor_label(f),
            xs[i],
            float(coef[i]),
            indices[i].n,
            QUADRANTS[(float(coef[i]) >= y_split, xs[i] >= x_split)],
        )
        for i, f in enumerate(SERVICE_FACTORS)
    ]
    return DriverMatrix(year, area, label, n, r2, points, x_split, y_split, True)


def driver_matrix_auto(
    frame: RespondentFrame,
    year: int,
    group: str | None,
    area: str = TOTAL,
    min_n: int = MIN_N_REGRESSION,
) -> DriverMatrix:
    """The matrix for an area when it has enough answers, else for NKI totalt (with a note)."""
    matrix = driver_matrix(frame, year, group, area, min_n)
    if matrix.adequate or area == TOTAL:
        return matrix
    fallback = driver_matrix(frame, year, group, TOTAL, min_n)
    fallback.note = (
        f"{area_label(area)} har för få fullständiga svar ({matrix.n}); matrisen visar NKI totalt."
    )
    return fallback


# -- breakdowns by background ----------------------------------------------------------
@dataclass(frozen=True)
class BreakdownRow:
    category: str
    stat: MeanStat
    status: PublicationStatus


def background_columns(frame: RespondentFrame) -> list[str]:
    """Background question names present, most answered first."""
    counts: dict[str, int] = {}
    for bg in frame.background:
        for name in bg:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))


def breakdown(
    frame: RespondentFrame,
    column: str,
    year: int,
    group: str | None,
    area: str = TOTAL,
    factor: str = "nki",
) -> list[BreakdownRow]:
    """The index per category of a background column (missing answers as their own row)."""
    mask = frame.mask(year, group, area)
    values = (
        frame.nki if factor in ("nki", "nui") else frame.factors[:, SERVICE_FACTORS.index(factor)]
    )
    categories: dict[str, list[int]] = {}
    for i in np.nonzero(mask)[0].tolist():
        text = str(frame.background[i].get(column, "")).strip() or NO_CATEGORY
        categories.setdefault(text, []).append(i)
    rows = []
    for name in sorted(categories, key=lambda c: (c == NO_CATEGORY, c)):
        stat = summarise(values[categories[name]])
        rows.append(BreakdownRow(name, stat, publication_status(stat.n, year, area)))
    return rows
