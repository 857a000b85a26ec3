"""The help texts shown in the window (Hjälp → Kom igång, Om siffrorna, F1 on a screen).

"Om siffrorna" is built from the same method notes as the report's method page, so the
window and the PDF never say different things.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from nki_desktop.analysis.method import method_notes
from nki_desktop.domain.rules import DEFINITION_BREAKS, publication_rules

GETTING_STARTED = """
<h2 id="kom-igang">Kom igång</h2>
<ol>
<li><b>Välj min kommun.</b> Programmet frågar vid första starten; byt när som helst med
<i>Arkiv → Byt kommun…</i> (Ctrl+K). Skriv namnet eller kommunkoden och tryck Enter.</li>
<li><b>Hämta in siffror.</b> <i>Arkiv → Importera…</i> (Ctrl+O) eller dra filer till
fönstret: SKR:s rankningslista (Öppna jämförelser Företagsklimat), Kolada-exporter,
kommunens egna resultat från Insikt-portalen eller svarsdata. Förhandsvisningen visar vad
programmet förstod innan något sparas. Vill du bara prova: <i>Arkiv → Ladda exempeldata</i>
(fiktiva värden, tydligt märkta, tas bort med <i>Arkiv → Ta bort exempeldata</i>).</li>
<li><b>Läs Översikt.</b> NKI totalt med betyg, förändring mot året före och placering i
riket, länet och kommungruppen; staplarna visar områden och serviceområden mot riket.</li>
<li><b>Gräv vidare.</b> <i>Trend</i> visar alla år, <i>Rankning</i> alla kommuner,
<i>Jämför</i> grannkommuner eller egna grupper, <i>Svarsdata</i> osäkerhet och
prioriteringsmatris.</li>
<li><b>Gör rapporten.</b> På <i>Rapport</i> väljer du avsnitt och skriver om
sammanfattningen om du vill (texten sparas per kommun, år och svarsgrupp). Spara som PDF
eller Excel, förhandsgranska eller skriv ut (Ctrl+P).</li>
</ol>
<p>Tryck <b>F1</b> på en skärm för hjälp om just den skärmen.</p>
"""

SCREENS: dict[str, tuple[str, str]] = {
    "overview": (
        "Översikt",
        """
<p>Nyckeltalen för min kommun ett ärendeår och en svarsgrupp: NKI totalt med betyg (ord och
symbol), förändringen mot året före, placering i riket, länet och kommungruppen, och
staplar per myndighetsområde och serviceområde jämfört med riket (det lodräta strecket).
En stjärna (*) vid en placering betyder att programmet räknat fram den bland de kommuner
som har värden; den är inte SKR:s publicerade rankning.</p>
<p>Raden <b>Mål</b> visar kommunens egna mål för året med ord och symbol: ✓ uppnått,
≈ nära (inom toleransen), ✗ ej uppnått, – inget utfall. Lägg till och ändra mål med
knappen Mål… eller Arkiv → Mål…. Målstatus är inte Koladas röd/gul/grön, som bara jämför
kommuner med varandra.</p>""",
    ),
    "trend": (
        "Trend",
        """
<p>Alla år för valt område eller serviceområde, tillsammans med riket och ett
jämförelsemedelvärde (länet, kommungruppen, större kommuner eller din jämförelsegrupp).
Lodräta streckade linjer markerar år då NKI totalt bytte definition; jämför inte värden
rakt över dem. Axeln är inzoomad när alla värden ligger långt över noll, och det står då
vid axeln. Håll muspekaren över en punkt för värde, antal svar och källa. Har kommunen
ett målvärde för serien visas det som en streckad grön linje från målets första år.</p>""",
    ),
    "ranking": (
        "Rankning",
        """
<p>Alla kommuner ett år för valt område och index. <i>Beräknad placering</i> räknas av
programmet inom urvalet (län, kommungrupp, storlek); <i>Publicerad placering</i> är källans
egen. Lika värden delar placering. ▲ och ▼ visar hur många placeringar kommunen flyttat
jämfört med året före. Värden med för få svar visas men rankas aldrig.</p>""",
    ),
    "compare": (
        "Jämför",
        """
<p>Min kommun mot grannkommuner, kommuner i samma kommungrupp eller en egen sparad grupp,
per område eller serviceområde. Medelvärdet anger hur många värden det bygger på.
<i>Liknande kommuner…</i> hittar de kommuner som är mest lika din på det du väljer
(befolkning, kommungrupp, län, resultat) med vikter: avståndet är ett viktat medel av
standardiserade skillnader, och metoden står i dialogen och i rapporten när gruppen
används.</p>""",
    ),
    "respondent": (
        "Svarsdata",
        """
<p>När du importerat svar på enkätnivå (en rad per besvarad enkät) räknar programmet fram
index, antal svar och ett 95 %-intervall (programmets egen skattning, inte SKR:s).
<i>Prioriteringsmatrisen</i> visar varje serviceområdes index mot hur starkt det hänger
ihop med NKI: förbättringar högt upp till vänster lönar sig mest. Grå kursiva rader har för
få svar för att visas enligt årets publiceringsregler.</p>""",
    ),
    "import": (
        "Import",
        """
<p>Lägg till filer med <i>Lägg till filer…</i> (Ctrl+O) eller dra dem hit. Förhandsvisningen
visar blad, rubrikrad, hur varje kolumn tolkades, vilka kommuner som matchades och vilka
rader som hoppades över och varför. Känner programmet inte igen upplägget kopplar du
kolumnerna själv (<i>Koppla kolumner…</i>); kopplingen sparas för filer med samma upplägg.
Varje fil sparas helt eller inte alls och en import kan ångras under <i>Historik</i>.</p>""",
    ),
    "report": (
        "Rapport",
        """
<p>Nämndrapporten för min kommun: välj avsnitt, lägg till logotyp och skriv om
sammanfattningen. Din text sparas för kommunen, året och svarsgruppen;
<i>Återställ genererad text</i> tar fram programmets text igen. Spara som PDF eller Excel,
förhandsgranska eller skriv ut.</p>""",
    ),
    "actions": (
        "Åtgärder",
        """
<p>Kommunens egna åtgärder och anteckningar. En åtgärd har rubrik, de områden och
serviceområden den gäller, ansvarig (en roll), status (○ planerad, ◐ pågår, ● genomförd,
✕ avbruten), beslutad och genomförd dag och en förväntad effekt. För en genomförd åtgärd
visas indexet året före och året efter genomförandet med antal svar och osäkerhet: det
visar en utveckling, inte att åtgärden orsakade den. Åtgärderna syns som gröna lodräta
linjer i <i>Trend</i>; anteckningar i Trend och på Översikt. Prioriteringsmatrisen under
<i>Svarsdata</i> har knappen <i>Ny åtgärd för …</i>. Det du tar bort hamnar i
<i>Papperskorg…</i> och kan återställas.</p>""",
    ),
}


def about_numbers_html(year: int | None = None) -> str:
    """'Om siffrorna': what NKI is, grades, minimum answers, definition changes, sources."""
    year = year or dt.date.today().year - 1
    notes = method_notes(
        publication_rules(year), year, list(DEFINITION_BREAKS), "Jämförelsegruppens medelvärde"
    )
    parts = ['<h2 id="om-siffrorna">Om siffrorna</h2>']
    for heading, text in notes:
        parts.append(f"<h3>{escape(heading)}</h3><p>{escape(text)}</p>")
    parts.append(
        "<h3>Källor</h3><p>Värden från SKR:s Öppna jämförelser anges som "
        "”Källa: SKR, Öppna jämförelser Företagsklimat”, värden från Kolada som "
        "”Källa: Kolada”. Det programmet själv räknar fram (placeringar inom ett "
        "urval, medelvärden, index och intervall från svarsdata) är märkt som "
        "programmets beräkning och tillskrivs aldrig någon källa.</p>"
    )
    return "\n".join(parts)


def help_html(year: int | None = None) -> str:
    """The whole help document: getting started, each screen, about the numbers."""
    screens = "".join(
        f'<h2 id="{key}">{escape(title)}</h2>{body}' for key, (title, body) in SCREENS.items()
    )
    return GETTING_STARTED + screens + about_numbers_html(year)
