"""What the user is told when something fails: always Swedish, never an exception's own
(English) text. The technical details stay available for a "Visa detaljer" box."""

from __future__ import annotations

import errno
import sqlite3

from nki_desktop.domain.errors import UserError

_OS_ERRORS = {
    errno.ENOSPC: "Disken är full. Frigör utrymme eller välj en annan plats och försök igen.",
    errno.EACCES: "Programmet saknar behörighet att skriva eller läsa där. Välj en annan "
    "mapp, eller stäng programmet som har filen öppen.",
    errno.EPERM: "Programmet saknar behörighet för filen. Välj en annan mapp.",
    errno.ENOENT: "Filen eller mappen finns inte (längre). Kontrollera sökvägen.",
    errno.EROFS: "Platsen är skrivskyddad. Välj en annan mapp.",
    errno.EISDIR: "Sökvägen är en mapp, inte en fil. Ange ett filnamn.",
}


def user_message(exc: BaseException) -> str:
    """A Swedish sentence for the user about ``exc`` (what happened and what to do)."""
    # imported here: the window starts without the importers (they load with the first import)
    from nki_desktop.importers.base import ImportProblem, NeedsMapping

    if isinstance(exc, ImportProblem):
        return exc.text
    if isinstance(exc, NeedsMapping):
        return str(exc)
    if isinstance(exc, UserError):  # ReportDataError and the other report errors too
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        text = _OS_ERRORS.get(exc.errno or 0, "Filen kunde inte läsas eller skrivas.")
        return text.rstrip(".") + where + "." if where else text
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return (
            "Databasen används just nu av ett annat fönster eller program. Vänta en "
            "stund och försök igen."
        )
    if isinstance(exc, sqlite3.DatabaseError):
        return (
            "Databasen kunde inte läsas: den verkar skadad. Återställ från en "
            "säkerhetskopia eller starta med en ny databas."
        )
    if isinstance(exc, MemoryError):
        return "Datorn fick slut på minne. Stäng andra program och försök igen."
    return (
        f"Ett oväntat fel inträffade ({type(exc).__name__}). Inget har sparats till "
        "hälften; försök igen, och kontakta support om felet kvarstår."
    )
