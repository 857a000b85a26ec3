"""Kommuner like ours: the distance between two kommuner over chosen criteria, and the
closest kommuner to min kommun (our version of Kolada's "likhetsutsökning").

Pure functions over *profiles* (kommunkod → criterion key → value); no store, no Qt.

The method (``analysis.similar_text.method_text`` writes it out in Swedish):

- **Numeric criteria** (population, a stored result) are standardised: the difference
  between two kommuner is divided by the criterion's standard deviation over all kommuner
  that have a value (the population standard deviation, n in the denominator). That is
  the absolute difference of their z-scores, ``|z_a − z_b| = |x_a − x_b| / sd``.
  Population is compared as log10(inhabitants), so a doubling counts the same for a small
  kommun as for a large one. If every kommun has the same value (sd 0) the difference is 0;
  if fewer than two kommuner have a value the criterion cannot be standardised and is not
  used.
- **Categorical criteria** (kommungrupp, län): 0 when equal, 1 when not (about one
  standard deviation of a numeric criterion).
- **Distance** = the weighted mean of the differences, ``Σ w·d / Σ w``, over the criteria
  both kommuner have a value for. A criterion either lacks is skipped for that pair and the
  weights of the rest are renormalised; the number of criteria used is reported with the
  distance. Weights are ≥ 0, equal by default; only their ratios matter.
- **The closest**: criteria min kommun itself lacks are left out for everyone (said so).
  A kommun is ranked when its criteria cover at least ``min_coverage`` of the weight
  (default 1: all of them); the ``n`` smallest distances are shown, ties broken by
  kommunkod.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nki_desktop.analysis.similar_criteria import CATEGORY, CriteriaError, Criterion

Value = float | str | None
Profile = Mapping[str, Value]

DEFAULT_COUNT = 7
_EPS = 1e-9


@dataclass(frozen=True)
class Part:
    """One criterion of one pair: both values, the difference (|z| or 0/1) and the weight.
    ``difference`` None: skipped for this pair (a value is missing)."""

    key: str
    mine: Value
    other: Value
    difference: float | None
    weight: float


@dataclass(frozen=True)
class Distance:
    """A pair's distance (None: no criterion in common), with its parts."""

    value: float | None
    parts: tuple[Part, ...]

    @property
    def used(self) -> int:
        return sum(1 for p in self.parts if p.difference is not None and p.weight > 0)

    @property
    def total(self) -> int:
        return sum(1 for p in self.parts if p.weight > 0)

    @property
    def coverage(self) -> float:
        """The share of the weight compared (1 = every criterion)."""
        whole = sum(p.weight for p in self.parts)
        used = sum(p.weight for p in self.parts if p.difference is not None)
        return used / whole if whole > 0 else 0.0


@dataclass(frozen=True)
class Match:
    unit: str
    distance: Distance

    @property
    def value(self) -> float:
        return self.distance.value if self.distance.value is not None else math.inf


@dataclass
class SimilarResult:
    """Min kommun's closest kommuner and everything needed to explain them."""

    mine: str
    criteria: tuple[Criterion, ...]
    weights: tuple[float, ...]
    spreads: dict[str, float | None]  # key -> sd (of log10 for population); None = unusable
    counts: dict[str, int]  # key -> kommuner with a value
    own: dict[str, Value]  # min kommun's values
    matches: list[Match]
    dropped: list[str] = field(default_factory=list)  # keys left out (min kommun lacks them)
    unusable: list[str] = field(default_factory=list)  # keys with fewer than 2 values
    candidates: int = 0  # kommuner compared (min kommun excluded)
    not_ranked: int = 0  # of those, below min_coverage
    min_coverage: float = 1.0
    n: int = DEFAULT_COUNT

    def criterion(self, key: str) -> Criterion:
        return next(c for c in self.criteria if c.key == key)

    def weight(self, key: str) -> float:
        return dict(zip((c.key for c in self.criteria), self.weights, strict=True))[key]

    @property
    def active(self) -> list[Criterion]:
        """The criteria actually compared on (weight > 0, min kommun has a value)."""
        left_out = set(self.dropped) | set(self.unusable)
        return [
            c
            for c, w in zip(self.criteria, self.weights, strict=True)
            if w > 0 and c.key not in left_out
        ]

    @property
    def units(self) -> list[str]:
        return [m.unit for m in self.matches]


def _numeric(criterion: Criterion, value: Value) -> float | None:
    """The value on the scale it is compared on (log10 for population); None if unusable."""
    if value is None or isinstance(value, str):
        return None
    x = float(value)
    if not math.isfinite(x):
        return None
    if criterion.log_scale:
        return math.log10(x) if x > 0 else None
    return x


def _scaled(criterion: Criterion, value: Value) -> float | str | None:
    """A value as it is compared: a category's text, or the number on its scale."""
    if criterion.kind == CATEGORY:
        return value if isinstance(value, str) and value else None
    return _numeric(criterion, value)


def spread(values: Sequence[float]) -> float | None:
    """Population standard deviation (n in the denominator); None for fewer than 2 values."""
    if len(values) < 2:
        return None
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((x - mean) ** 2 for x in values) / len(values))


def _columns(
    criteria: Sequence[Criterion], profiles: Mapping[str, Profile]
) -> dict[str, dict[str, float | str | None]]:
    """Every criterion's values as compared (log10 taken once per kommun), by unit."""
    return {c.key: {u: _scaled(c, p.get(c.key)) for u, p in profiles.items()} for c in criteria}


def _spreads_of(
    criteria: Sequence[Criterion], columns: Mapping[str, Mapping[str, float | str | None]]
) -> tuple[dict[str, float | None], dict[str, int]]:
    sds: dict[str, float | None] = {}
    counts: dict[str, int] = {}
    for c in criteria:
        present = [x for x in columns[c.key].values() if x is not None]
        counts[c.key] = len(present)
        # categories differ by 0 or 1: their "spread" is not used
        sds[c.key] = 1.0 if c.kind == CATEGORY else spread([float(x) for x in present])
    return sds, counts


def spreads(
    criteria: Sequence[Criterion], profiles: Mapping[str, Profile]
) -> tuple[dict[str, float | None], dict[str, int]]:
    """Each criterion's standard deviation over every profile with a value, and the count."""
    return _spreads_of(criteria, _columns(criteria, profiles))


def difference(criterion: Criterion, a: Value, b: Value, sd: float | None) -> float | None:
    """One criterion's difference for a pair: |z_a − z_b|, or 0/1 for a category; None when
    either value is missing or the criterion cannot be standardised."""
    if criterion.kind == CATEGORY:
        if not isinstance(a, str) or not isinstance(b, str) or not a or not b:
            return None
        return 0.0 if a == b else 1.0
    x, y = _numeric(criterion, a), _numeric(criterion, b)
    if x is None or y is None or sd is None:
        return None
    if sd <= _EPS:
        return 0.0
    return abs(x - y) / sd


def distance(
    a: Profile,
    b: Profile,
    criteria: Sequence[Criterion],
    weights: Sequence[float],
    sds: Mapping[str, float | None],
) -> Distance:
    """The weighted mean of the differences over the criteria both have (renormalised)."""
    parts = tuple(
        Part(
            c.key,
            a.get(c.key),
            b.get(c.key),
            difference(c, a.get(c.key), b.get(c.key), sds.get(c.key)),
            float(w),
        )
        for c, w in zip(criteria, weights, strict=True)
    )
    used = [(p.difference, p.weight) for p in parts if p.difference is not None and p.weight > 0]
    whole = math.fsum(w for _, w in used)
    if whole <= 0:
        return Distance(None, parts)
    return Distance(math.fsum(d * w for d, w in used) / whole, parts)


def closest(
    mine: str,
    profiles: Mapping[str, Profile],
    criteria: Sequence[Criterion],
    weights: Sequence[float] | None = None,
    n: int = DEFAULT_COUNT,
    min_coverage: float = 1.0,
) -> SimilarResult:
    """The ``n`` kommuner closest to ``mine`` among ``profiles`` (all kommuner, mine
    included: the standard deviations are taken over all of them)."""
    crits = tuple(criteria)
    ws = tuple(float(w) for w in (weights if weights is not None else [1.0] * len(crits)))
    if len(ws) != len(crits):
        raise CriteriaError(f"{len(ws)} vikter för {len(crits)} kriterier.")
    if mine not in profiles:
        raise CriteriaError(f"Kommunen {mine} finns inte bland kommunerna som jämförs.")
    all_columns = _columns(crits, profiles)
    sds, counts = _spreads_of(crits, all_columns)
    own = dict(profiles[mine])
    unusable = [c.key for c in crits if c.kind != CATEGORY and sds[c.key] is None]
    dropped = [
        c.key
        for c in crits
        if c.key not in unusable and difference(c, own.get(c.key), own.get(c.key), 1.0) is None
    ]
    left_out = set(dropped) | set(unusable)
    active_ws = tuple(0.0 if c.key in left_out else w for c, w in zip(crits, ws, strict=True))
    result = SimilarResult(
        mine, crits, ws, sds, counts, own, [], dropped, unusable,
        min_coverage=min_coverage, n=n,
    )  # fmt: skip
    if sum(active_ws) <= 0:
        return result
    # Rank on the values as compared (log10 taken once per kommun, not once per pair), then
    # explain the n closest with :func:`distance`, which computes the same numbers.
    active = [(c, w, sds[c.key] or 0.0) for c, w in zip(crits, active_ws, strict=True) if w > 0]
    columns = [all_columns[c.key] for c, _, _ in active]
    mine_values = [column[mine] for column in columns]
    whole = math.fsum(w for _, w, _ in active)
    ranked: list[tuple[float, str]] = []
    for unit in sorted(profiles):
        if unit == mine:
            continue
        result.candidates += 1
        total = used = 0.0
        for (c, w, sd), column, a in zip(active, columns, mine_values, strict=True):
            b = column[unit]
            if b is None:
                continue
            if c.kind == CATEGORY:
                total += w * (0.0 if a == b else 1.0)
            elif sd > _EPS and isinstance(a, float) and isinstance(b, float):
                total += w * abs(a - b) / sd
            used += w
        if used <= 0 or used / whole < min_coverage - _EPS:
            result.not_ranked += 1
            continue
        ranked.append((round(total / used, 12), unit))
    ranked.sort()
    result.matches = [
        Match(unit, distance(own, profiles[unit], crits, active_ws, sds))
        for _, unit in ranked[: max(0, n)]
    ]
    return result
