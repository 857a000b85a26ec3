"""The installer sources under build/ agree with each other and with the program: names,
folders, version source, icon and the user's data folder on Windows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nki_desktop
from nki_desktop import paths

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
SPEC = (BUILD / "nki_desktop.spec").read_text(encoding="utf-8")
ISS = (BUILD / "windows" / "nki_desktop.iss").read_text(encoding="utf-8-sig")
PS1 = (BUILD / "windows" / "build.ps1").read_text(encoding="utf-8-sig")
DEB = (BUILD / "linux" / "build_deb.sh").read_text(encoding="utf-8")
DESKTOP = (BUILD / "linux" / "nki-desktop.desktop").read_text(encoding="utf-8")


def spec_constant(name: str) -> str:
    match = re.search(rf'^{name} = "([^"]+)"', SPEC, re.M)
    assert match, name
    return match.group(1)


def iss_define(name: str) -> str:
    match = re.search(rf'^#define {name} "([^"]+)"', ISS, re.M)
    assert match, name
    return match.group(1)


def iss_setup(key: str) -> str:
    match = re.search(rf"^{key}=(.+)$", ISS, re.M)
    assert match, key
    return match.group(1).strip()


def windows_path(base: Path, relative: str) -> Path:
    return (base / relative.replace("\\", "/")).resolve()


APP_NAME = spec_constant("APP_NAME")
DIST_NAME = spec_constant("DIST_NAME")
CLI_NAME = spec_constant("CLI_NAME")


def test_spec_names_and_version_source():
    assert APP_NAME == nki_desktop.APP_NAME == "NKI Desktop"
    assert DIST_NAME == "nki-desktop"
    # the spec reads the version with this expression from nki_desktop/__init__.py
    pattern = re.search(r"re\.search\(r'(.+?)'", SPEC).group(1)
    init = (ROOT / "nki_desktop" / "__init__.py").read_text(encoding="utf-8")
    assert re.search(pattern, init, re.M).group(1) == nki_desktop.__version__
    for relative in ("build/launcher.py", "resources/icons/nki-desktop.ico", "resources"):
        assert (ROOT / relative).exists(), relative
    assert '"build" / "launcher.py"' in SPEC and '"nki-desktop.ico"' in SPEC


def test_spec_excludes_heavy_modules_but_keeps_what_pyqtgraph_needs():
    excludes = re.search(r"EXCLUDES = \[(.*?)\]", SPEC, re.S).group(1)
    for module in (
        "tkinter",
        "matplotlib",
        "pyqtgraph.opengl",
        "PySide6.QtWebEngineCore",
        "PySide6.Qt3DCore",
        "PySide6.QtQuick",
        "PySide6.QtQml",
        "PySide6.QtMultimedia",
    ):
        assert f'"{module}"' in excludes, module
    assert '"PySide6.QtPrintSupport"' not in excludes
    # QtOpenGL is left out; pyqtgraph's imports of it are answered by a runtime hook
    for module in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
        assert f'"{module}"' in excludes, module
    assert '"rthook_no_opengl.py"' in SPEC
    hook = (ROOT / "build" / "rthook_no_opengl.py").read_text(encoding="utf-8")
    assert all(f'"PySide6.{m}"' in hook for m in ("QtOpenGL", "QtOpenGLWidgets"))


def test_inno_setup_matches_the_spec():
    assert iss_define("MyAppName") == APP_NAME
    assert iss_define("MyAppExeName") == f"{DIST_NAME}.exe"
    assert iss_define("MyAppCliName") == f"{CLI_NAME}.exe"
    iss_dir = BUILD / "windows"
    assert windows_path(iss_dir, iss_define("MyDistDir")) == ROOT / "dist" / DIST_NAME
    assert windows_path(iss_dir, iss_setup("OutputDir")) == ROOT / "dist"
    assert (
        windows_path(iss_dir, iss_setup("SetupIconFile"))
        == ROOT / "resources" / "icons" / "nki-desktop.ico"
    )
    assert iss_setup("PrivilegesRequired") == "lowest"
    assert iss_setup("DefaultDirName").startswith("{autopf}\\")
    assert iss_setup("OutputBaseFilename") == "nki-desktop-{#MyAppVersion}-setup"
    assert "AppVersion={#MyAppVersion}" in ISS and "#ifndef MyAppVersion" in ISS
    assert 'Name: "desktopicon"' in ISS and "Tasks: desktopicon" in ISS
    assert "{autoprograms}\\{#MyAppName}" in ISS


def test_uninstaller_keeps_the_database_unless_asked(monkeypatch, tmp_path):
    """The [Code] section removes %LOCALAPPDATA%\\<MyDataDirName> only after a Yes (default
    No, never when silent); that folder is where paths.data_dir() puts it on Windows."""
    assert "ExpandConstant('{localappdata}\\{#MyDataDirName}')" in ISS
    code = ISS[ISS.index("[Code]") :]
    assert "MB_DEFBUTTON2" in code and "= IDYES then" in code and "UninstallSilent()" in code
    assert code.index("UninstallSilent()") < code.index("DelTree(DataDir")

    import platformdirs
    from platformdirs import windows

    calls = []

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return str(tmp_path / "data")

    monkeypatch.delenv("NKI_DATA_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", spy)
    paths.data_dir()
    ((args, kwargs),) = calls  # the arguments paths.py gives platformdirs, evaluated for Windows
    local = r"C:\Users\anna\AppData\Local"
    monkeypatch.setattr(
        windows,
        "get_win_folder",
        lambda csidl: {
            "CSIDL_LOCAL_APPDATA": local,
            "CSIDL_APPDATA": r"C:\Users\anna\AppData\Roaming",
        }[csidl],
    )
    folder = windows.Windows(*args, **kwargs).user_data_dir.replace("/", "\\")  # joined here
    assert folder == local + "\\" + iss_define("MyDataDirName")
    assert iss_define("MyDataDirName") == APP_NAME


def test_build_script_matches_spec_and_installer():
    assert r"build\nki_desktop.spec" in PS1 and r"build\windows\nki_desktop.iss" in PS1
    assert r"dist\nki-desktop" in PS1 and "--distpath dist" in PS1
    assert f'"{CLI_NAME}.exe"' in PS1 and f'"{DIST_NAME}.exe"' in PS1
    assert '"/DMyAppVersion=$Version"' in PS1
    assert r'"dist\nki-desktop-$Version-setup.exe"' in PS1
    pattern = re.search(r"-Pattern '(.+?)'", PS1).group(1)
    init = (ROOT / "nki_desktop" / "__init__.py").read_text(encoding="utf-8")
    assert re.search(pattern, init, re.M).group(1) == nki_desktop.__version__
    assert '".[build]"' in PS1 and "--self-test" in PS1


@pytest.mark.parametrize("name", ["nki_desktop.iss", "build.ps1"])
def test_windows_files_are_utf8_with_bom(name):
    """Inno Setup and Windows PowerShell 5.1 read a file without BOM as ANSI (å ä ö)."""
    assert (BUILD / "windows" / name).read_bytes().startswith(b"\xef\xbb\xbf")


def test_deb_layout_matches_spec_and_desktop_entry():
    assert "APP=dist/nki-desktop" in DEB and 'cp -a "$APP" "$STAGE/opt/nki-desktop"' in DEB
    assert "nki_desktop/__init__.py" in DEB
    wrapper = (BUILD / "linux" / "nki-desktop.sh").read_text(encoding="utf-8")
    assert "exec /opt/nki-desktop/nki-desktop" in wrapper
    entry = dict(line.split("=", 1) for line in DESKTOP.splitlines() if "=" in line)
    assert entry["Name"] == APP_NAME and entry["Exec"] == "nki-desktop"
    assert entry["Icon"] == "nki-desktop"
    for size in (16, 32, 48, 64, 128, 256):
        assert (ROOT / "resources" / "icons" / f"nki-desktop-{size}.png").is_file()
    for lib in (
        "libegl1",
        "libgl1",
        "libxkbcommon0",
        "libfontconfig1",
        "libdbus-1-3",
        "libxcb-cursor0",
    ):
        assert lib in DEB, lib


def test_icons_are_real_images():
    ico = (ROOT / "resources" / "icons" / "nki-desktop.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") >= 5
    png = (ROOT / "resources" / "icons" / "nki-desktop.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 256  # width in the IHDR chunk
