"""The long template's ``Undersökning`` (source) column: which survey a row belongs to.

Empty, "NKI" or "Insikt" is NKI (the template's areas and factors). "Svenskt Näringsliv"
(or "SN", "Lokalt företagsklimat") puts the row in Svenskt Näringsliv's own series: area
``sn_foretagsklimat``, the question (or ``rank``) as factor, a grade 1–6 or a rank 1–290.
One file holds one survey: a template that mixes them is refused (split it in two).
"""

from __future__ import annotations

from collections.abc import Callable

from nki_desktop.domain.records import Observation
from nki_desktop.domain.sn import (
    RANK,
    RANK_OF,
    SCALE_TEXT,
    SN_AREA,
    SN_GROUP,
    in_scale,
    question_key,
)
from nki_desktop.domain.text import fold
from nki_desktop.importers.cells import Where, read_rank, read_value

NKI_SOURCE, SN_SOURCE = "nki", "sn"
_SN_NAMES = {"sn", "svenskt naringsliv", "lokalt foretagsklimat", "sn foretagsklimat", SN_AREA}
_NKI_NAMES = {"", "nki", "insikt", "skr", "oppna jamforelser", "oj", "sba", "nki insikt"}
_RANK_NAMES = {"rank", "ranking", "rankning", "placering", "plats"}


def source_of(text: str, where: Where) -> str:
    """``nki`` or ``sn`` for the text of an Undersökning cell; a located problem otherwise."""
    folded = fold(text).replace("-", " ")
    if folded in _SN_NAMES:
        return SN_SOURCE
    if folded in _NKI_NAMES:
        return NKI_SOURCE
    raise where.problem(
        f"Undersökningen '{text}' är okänd.",
        "Skriv NKI (eller lämna tomt) eller Svenskt Näringsliv.",
    )


def names_sn(text: str) -> bool:
    """True when an Område cell names Svenskt Näringsliv's survey instead of an NKI area."""
    folded = fold(text).replace("-", " ")
    return bool(folded) and folded in _SN_NAMES


def sn_row(
    year: int,
    unit: str,
    factor_text: str,
    value: object,
    n: int | None,
    where: Callable[[str], Where],
    sheet: str,
    row_no: int,
    column: str,
) -> Observation:
    """One template row of Svenskt Näringsliv's survey as an observation of its own series."""
    folded = fold(factor_text)
    factor = RANK if folded in _RANK_NAMES else question_key(factor_text) or None
    if not factor_text:
        factor = "sammanfattande_omdome"
    if factor is None:
        raise where("factor").problem(
            f"Frågan '{factor_text}' finns inte i Svenskt Näringslivs enkät.",
            "Skriv frågans nyckel (t.ex. service_bemotande) eller rank; se bladet Nycklar.",
        )
    obs = Observation(year, unit, SN_AREA, factor, SN_GROUP, n=n)
    obs.sheet, obs.row, obs.column = sheet, row_no, column
    if factor == RANK:
        rank, _of = read_rank(value, where("value"))
        if rank is not None and not 1 <= rank <= RANK_OF:
            raise where("value").problem(f"Placeringen {rank} ligger utanför 1–{RANK_OF}.")
        obs.rank, obs.rank_of = rank, (RANK_OF if rank is not None else None)
        obs.missing = None if rank is not None else (str(value).strip() or None)
        return obs
    grade, cell_n, missing = read_value(value, where("value"))
    if grade is not None and not in_scale(grade):
        raise where("value").problem(
            f"Betyget {grade:g} ligger utanför Svenskt Näringslivs skala {SCALE_TEXT}."
        )
    obs.value, obs.missing = grade, missing
    obs.n = n if n is not None else cell_n
    return obs
