"""Qt's own Swedish translations, so standard dialogs say "Avbryt", "Ja" and "Nej"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nki_desktop.paths import resource

# Qt's catalogues, in the order Qt documents them: qtbase holds the standard buttons and the
# file, print and message dialogs.
CATALOGUES = ("qtbase_sv", "qt_sv")


def translation_folders() -> list[str]:
    """Where Qt's .qm files may be: the Qt installation (wheel or frozen app), then ours."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    bundled = resource("translations")
    if bundled.is_dir():
        folders.append(str(bundled))
    return folders


def install_swedish(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's Swedish catalogues on the application; returns the installed translators.

    The translators are parented to the application so they live as long as it does.
    """
    if app.property("nki_swedish_installed"):
        return []
    app.setProperty("nki_swedish_installed", True)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    installed: list[QTranslator] = []
    for name in CATALOGUES:
        for folder in translation_folders():
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                installed.append(translator)
                break
            translator.deleteLater()
    return installed
