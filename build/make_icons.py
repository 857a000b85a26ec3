"""Render resources/icons/nki-desktop.svg to the PNG and ICO files the app and installers use.

Run from the repository root after changing the SVG (the outputs are committed):
    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make_icons.py
Writes nki-desktop.png (256 px, the window icon), nki-desktop-<size>.png for the Linux hicolor
theme and nki-desktop.ico (16–256 px, PNG-compressed entries) for Windows.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file with one PNG entry per size (Qt's ICO writer stores a single size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "nki-desktop.svg"))
    if not renderer.isValid():
        print("Ogiltig SVG", file=sys.stderr)
        return 1
    (ICONS / "nki-desktop.png").write_bytes(png_bytes(render(renderer, 256)))
    for size in HICOLOR_SIZES:
        (ICONS / f"nki-desktop-{size}.png").write_bytes(png_bytes(render(renderer, size)))
    ico = ico_bytes([(s, png_bytes(render(renderer, s))) for s in ICO_SIZES])
    (ICONS / "nki-desktop.ico").write_bytes(ico)
    print(f"Ikoner skrivna till {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
