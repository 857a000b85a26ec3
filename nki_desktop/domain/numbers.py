"""Swedish number display and NKI arithmetic."""

from __future__ import annotations

import math


def fmt_number(value: float | None, decimals: int = 0, missing: str = "–") -> str:
    """Swedish display: decimal comma, thin grouping (77,4; 1 234)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text


def fmt_index(value: float | None, missing: str = "–") -> str:
    """An index shown as published: whole numbers without decimals, else one decimal."""
    if value is None:
        return missing
    return fmt_number(value, 0 if float(value).is_integer() else 1, missing)


def fmt_change(delta: float | None, decimals: int | None = None) -> str:
    """A change with its sign (+3, −1,5, ±0); ``decimals`` fixes the number of decimals."""
    if delta is None:
        return "–"
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    if decimals is not None:
        return sign + fmt_number(abs(delta), decimals)
    return sign + fmt_index(abs(delta))


def rescale(answer: float, low: float, high: float) -> float:
    """Linear rescaling of an answer on [low, high] to 0–100."""
    return (answer - low) / (high - low) * 100.0


def respondent_nki(answers: tuple[float, float, float]) -> float:
    """A respondent's NKI: (mean of the three answers − 1) / 9 × 100 (answers on 1–10)."""
    return rescale(sum(answers) / len(answers), 1.0, 10.0)
