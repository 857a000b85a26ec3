"""Index arithmetic over respondent answers: respondent NKI, factor indices, means with a
95 % interval (Student t), grouped per year × area × respondent group. Pure (numpy only).

It lives in ``domain`` because both the importer (which stores the computed indices with the
import) and ``analysis.respondent`` (which recomputes any slice) need it, and importers may
not import analysis.

Rules (DOMAIN.md "Indices"):
- respondent NKI = (mean of the three answers − 1) / 9 × 100, by default only when all three
  are answered (``NKI_RULE_ALL``); ``NKI_RULE_TWO`` accepts respondents with at least two.
- factor index = (answer − min) / (max − min) × 100 on the factor's answer scale.
- interval: mean ± t(0.975, n − 1) · s / √n (the program's own estimate; SKR publishes none).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from nki_desktop.domain.areas import SERVICE_FACTORS

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

NKI_RULE_ALL = "all"  # all three NKI questions answered (default)
NKI_RULE_TWO = "two"  # at least two of three answered
NKI_RULES = {NKI_RULE_ALL: 3, NKI_RULE_TWO: 2}
NKI_SCALE = (1.0, 10.0)
FACTOR_SCALES: tuple[tuple[float, float], ...] = ((1.0, 6.0), (1.0, 10.0))
CONFIDENCE = 0.95


# -- Student t quantile -------------------------------------------------------------------
def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz's method)."""
    tiny, eps = 1e-300, 1e-15
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with df degrees of freedom."""
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log_c = math.lgamma((df + 1.0) / 2.0) - math.lgamma(df / 2.0) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1.0) / 2.0 * math.log1p(t * t / df))


def _cornish_fisher(p: float, df: float) -> float:
    """Approximate t quantile from the normal one (Abramowitz & Stegun 26.7.5)."""
    z = NormalDist().inv_cdf(p)
    z2 = z * z
    g1 = (z2 + 1) * z / 4
    g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
    g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
    g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """The p-quantile of Student's t (e.g. t_quantile(0.975, 5) = 2.5706).

    Inverts :func:`t_cdf` (the regularized incomplete beta function by its continued
    fraction) to about 1e-12: Newton steps from the Cornish–Fisher approximation, or for
    df < 3 (and as a fallback) safeguarded Newton/bisection within a bracketing interval.
    """
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError("p must be in (0, 1) and df > 0")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if df >= 3:  # Newton from the Cornish–Fisher expansion: converges in a step or two
        t = _cornish_fisher(p, df)
        for _ in range(6):
            step = (t_cdf(t, df) - p) / _t_pdf(t, df)
            t -= step
            if abs(step) <= 1e-13 * max(1.0, abs(t)):
                return t
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2.0
    t = 0.5 * (low + high)
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error < 0:
            low = t
        else:
            high = t
        step = error / _t_pdf(t, df)
        candidate = t - step
        if not low < candidate < high:  # Newton left the bracket: bisect instead
            candidate = 0.5 * (low + high)
        if abs(candidate - t) <= 1e-13 * max(1.0, abs(t)):
            return candidate
        t = candidate
    return t


def t_critical(n: int, confidence: float = CONFIDENCE) -> float | None:
    """The two-sided critical value for a mean of n answers (None when n < 2)."""
    if n < 2:
        return None
    return t_quantile(0.5 + confidence / 2.0, float(n - 1))


# -- one mean ---------------------------------------------------------------------------
@dataclass(frozen=True)
class MeanStat:
    mean: float | None
    n: int
    sd: float | None
    ci_low: float | None
    ci_high: float | None

    @property
    def half_width(self) -> float | None:
        if self.ci_low is None or self.ci_high is None:
            return None
        return (self.ci_high - self.ci_low) / 2.0


def mean_stat(
    mean: float | None, sd: float | None, n: int, confidence: float = CONFIDENCE
) -> MeanStat:
    """Mean with its t interval from summary figures."""
    if n == 0 or mean is None:
        return MeanStat(None, 0, None, None, None)
    crit = t_critical(n, confidence)
    if crit is None or sd is None:
        return MeanStat(mean, n, sd, None, None)
    half = crit * sd / math.sqrt(n)
    return MeanStat(mean, n, sd, mean - half, mean + half)


def summarise(values: npt.ArrayLike, confidence: float = CONFIDENCE) -> MeanStat:
    """Mean, sd (n − 1), n and 95 % interval of the non-missing values."""
    arr = np.asarray(values, dtype=float)
    arr = arr[~np.isnan(arr)]
    n = int(arr.size)
    if n == 0:
        return MeanStat(None, 0, None, None, None)
    sd = float(arr.std(ddof=1)) if n > 1 else None
    return mean_stat(float(arr.mean()), sd, n, confidence)


# -- respondent indices -----------------------------------------------------------------
def respondent_nki_array(answers: FloatArray, rule: str = NKI_RULE_ALL) -> FloatArray:
    """Respondent NKI per row of an (n × 3) array with NaN for "no answer"."""
    need = NKI_RULES.get(rule, 3)
    answered = (~np.isnan(answers)).sum(axis=1)
    with np.errstate(invalid="ignore"):
        total = np.nansum(answers, axis=1)
        mean = np.where(answered > 0, total / np.maximum(answered, 1), np.nan)
    low, high = NKI_SCALE
    return np.where(answered >= need, (mean - low) / (high - low) * 100.0, np.nan)


def factor_index_array(answers: FloatArray, scale: tuple[float, float]) -> FloatArray:
    """Factor indices 0–100 from answers on ``scale`` (NaN stays NaN)."""
    low, high = scale
    return (np.asarray(answers, dtype=float) - low) / (high - low) * 100.0


def choose_factor_scale(observed_max: float | None) -> tuple[float, float]:
    """1–6 when no answer exceeds 6, else 1–10 (the scale is unconfirmed: see DOMAIN.md)."""
    if observed_max is not None and observed_max > FACTOR_SCALES[0][1]:
        return FACTOR_SCALES[1]
    return FACTOR_SCALES[0]


def parse_scale(value: object) -> tuple[float, float] | None:
    """'1-6', '1–10', 6, (1, 6) → (low, high); None when not understood."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return (1.0, float(value))
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return (float(value[0]), float(value[1]))
    text = str(value).replace("–", "-").replace(" ", "")
    parts = text.split("-")
    try:
        if len(parts) == 2:
            return (float(parts[0]), float(parts[1]))
        return (1.0, float(text))
    except ValueError:
        return None


# -- grouped figures --------------------------------------------------------------------
@dataclass(frozen=True)
class CellStat:
    """One computed index: year × area × respondent group × factor."""

    year: int
    area: str
    group: str
    factor: str  # nki, nui or a service factor key
    stat: MeanStat


@dataclass
class RespondentArrays:
    """Respondent answers as columns: one entry per respondent.

    ``nki`` is the respondent NKI (NaN when not computed); ``factors`` an (n × 6) array of
    factor indices 0–100 in SERVICE_FACTORS order.
    """

    year: IntArray
    area: list[str]
    group: list[str]
    nki: FloatArray
    factors: FloatArray

    def __len__(self) -> int:
        return int(self.year.size)


def grouped_means(
    keys: IntArray, values: FloatArray, size: int
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Per key (0..size−1): count, mean and sd (n − 1) of the non-NaN values (two passes)."""
    valid = ~np.isnan(values)
    k, v = keys[valid], values[valid]
    count = np.bincount(k, minlength=size).astype(np.int64)
    sums = np.bincount(k, weights=v, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, sums / np.maximum(count, 1), np.nan)
        squares = np.bincount(k, weights=(v - mean[k]) ** 2, minlength=size)
        sd = np.where(count > 1, np.sqrt(squares / np.maximum(count - 1, 1)), np.nan)
    return count, mean, sd


def cell_stats(
    data: RespondentArrays,
    total_areas: dict[int, tuple[str, ...]],
    include_all_groups: bool = True,
    confidence: float = CONFIDENCE,
) -> list[CellStat]:
    """Every index per year × area × group, plus ``total`` (areas of the year's NKI totalt)
    and, when there is more than one group, group ``alla``.

    ``total_areas`` maps a year to the areas that make up NKI totalt that year. Upphandling's
    overall index is NUI and is never part of the total.
    """
    if len(data) == 0:
        return []
    years = sorted({int(y) for y in np.unique(data.year)})
    areas = sorted(set(data.area))
    groups = sorted(set(data.group))
    area_ix = {a: i for i, a in enumerate(areas)}
    group_ix = {g: i for i, g in enumerate(groups)}
    year_ix = {y: i for i, y in enumerate(years)}
    y_code = np.searchsorted(np.array(years), data.year).astype(np.int64)
    a_code = np.fromiter(map(area_ix.__getitem__, data.area), np.int64, len(data.area))
    g_code = np.fromiter(map(group_ix.__getitem__, data.group), np.int64, len(data.group))
    in_total = np.zeros((len(years), len(areas)), dtype=bool)
    for y in years:
        for a in total_areas.get(y, ()):
            if a in area_ix:
                in_total[year_ix[y], area_ix[a]] = True
    # An extra area slot for "total" and an extra group slot for "alla".
    n_area, n_group = len(areas) + 1, len(groups) + 1
    size = len(years) * n_area * n_group
    passes = [(a_code, g_code)]
    total_rows = in_total[y_code, a_code]
    passes.append((np.where(total_rows, len(areas), -1), g_code))
    if include_all_groups and len(groups) > 1:
        passes.append((a_code, np.full_like(g_code, len(groups))))
        passes.append((np.where(total_rows, len(areas), -1), np.full_like(g_code, len(groups))))
    metrics = [("nki", data.nki)] + [(f, data.factors[:, i]) for i, f in enumerate(SERVICE_FACTORS)]
    area_names = areas + ["total"]
    group_names = groups + ["alla"]
    out: dict[tuple[int, str, str, str], CellStat] = {}
    for a_c, g_c in passes:
        keep = a_c >= 0
        keys = ((y_code * n_area + a_c) * n_group + g_c)[keep]
        for factor, values in metrics:
            count, mean, sd = grouped_means(keys, values[keep], size)
            for key in np.nonzero(count)[0]:
                yi, rest = divmod(int(key), n_area * n_group)
                ai, gi = divmod(rest, n_group)
                area = area_names[ai]
                name = "nui" if factor == "nki" and area == "upphandling" else factor
                n = int(count[key])
                stat = mean_stat(float(mean[key]), None if n < 2 else float(sd[key]), n, confidence)
                out[(years[yi], area, group_names[gi], name)] = CellStat(
                    years[yi], area, group_names[gi], name, stat
                )
    return [out[k] for k in sorted(out)]
