"""Plain-Swedish sentences about the key figures, in the style of a tjänsteskrivelse."""

from __future__ import annotations

from nki_desktop.analysis.overview import KeyFigures
from nki_desktop.domain.areas import area_label, factor_label, group_label
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.domain.rules import breaks_between


def genitive(name: str) -> str:
    """Swedish genitive of a name: Örebros, Borås, Kalix."""
    return name if name[-1:].lower() in "sxz" else name + "s"


def units(delta: float) -> str:
    """'1 enhet', '4 enheter', '2,5 enheter' (absolute value)."""
    amount = abs(delta)
    return f"{fmt_index(amount)} {'enhet' if amount == 1 else 'enheter'}"


def summary_sentences(kf: KeyFigures) -> list[str]:
    """A few sentences: level and grade, change, rank, strongest and weakest factor."""
    group = group_label(kf.group).lower()
    out: list[str] = []
    if kf.total.value is None:
        out.append(f"{kf.kommun_name} har inget publicerat NKI totalt för {group} {kf.year}.")
    else:
        grade = kf.total.grade
        sentence = (
            f"{genitive(kf.kommun_name)} NKI för {group} uppgår {kf.year} till "
            f"{fmt_index(kf.total.value)}"
        )
        if grade:
            sentence += f", vilket är betyget ”{grade.label.lower()}”"
        out.append(sentence + ".")
        if kf.change is not None and kf.previous_year is not None:
            if kf.change == 0:
                out.append(f"Det är samma nivå som {kf.previous_year}.")
            else:
                word = "en ökning" if kf.change > 0 else "en minskning"
                out.append(f"Det är {word} med {units(kf.change)} jämfört med {kf.previous_year}.")
            for brk in breaks_between(kf.previous_year, kf.year):
                out.append(f"Observera: {brk.text}")
        if kf.total.riket is not None:
            diff = kf.total.value - kf.total.riket
            rel = "över" if diff > 0 else ("under" if diff < 0 else "i nivå med")
            amount = f"{units(diff)} " if diff else ""
            out.append(
                f"Riket ligger på {fmt_index(kf.total.riket)}; kommunen ligger "
                f"{amount}{rel} rikets värde.".replace("  ", " ")
            )
    if kf.rank_national:
        r = kf.rank_national
        label = "den nationella rankningen" if not r.computed else "programmets egen rangordning"
        out.append(f"På {label} placerar sig kommunen på plats {r.text}.")
    best, weakest = kf.best_factor, kf.weakest_factor
    if best and weakest and best is not weakest:
        out.append(
            f"Bästa serviceområde är {factor_label(best.key).lower()} "
            f"({fmt_index(best.value)}) och svagaste är "
            f"{factor_label(weakest.key).lower()} ({fmt_index(weakest.value)})."
        )
    shown = [a for a in kf.areas if a.value is not None and a.key != "upphandling"]
    if len(shown) >= 2:
        top = max(shown, key=lambda a: a.value or 0)
        low = min(shown, key=lambda a: a.value or 0)
        out.append(
            f"Högst NKI har {area_label(top.key).lower()} ({fmt_index(top.value)}), "
            f"lägst {area_label(low.key).lower()} ({fmt_index(low.value)})."
        )
    return out


def summary_text(kf: KeyFigures) -> str:
    return " ".join(summary_sentences(kf))
