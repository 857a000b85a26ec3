#!/usr/bin/env bash
# Install the .deb with apt, run the installed program's self-test, take a screenshot of its
# window under Xvfb, then remove the package and check its files are gone. Needs root.
#   bash build/linux/verify_deb.sh [dist/nki-desktop_<ver>_<arch>.deb] [shot.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
DEB=${1:-$(ls -t dist/nki-desktop_*.deb | head -1)}
SHOT=${2:-dist/work/installed-window.png}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DEBIAN_FRONTEND=noninteractive NKI_DATA_DIR=$WORK/data

echo "== apt install $DEB"
apt-get install -y -qq "./$DEB" >/dev/null
test -x /opt/nki-desktop/nki-desktop && test -f /usr/share/applications/nki-desktop.desktop
test -f /usr/share/icons/hicolor/256x256/apps/nki-desktop.png
[ "$(command -v nki-desktop)" = /usr/bin/nki-desktop ]

echo "== självtest från den installerade kopian"
(cd "$WORK" && QT_QPA_PLATFORM=offscreen nki-desktop --self-test)

echo "== fönstret under Xvfb"
nki-desktop sample-data >/dev/null
printf '[General]\nkommun=1880\n' > "$NKI_DATA_DIR/settings.ini"
mkdir -p "$(dirname "$SHOT")"
xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
  env -u QT_QPA_PLATFORM nki-desktop & pid=\$!
  sleep \${NKI_SHOT_DELAY:-8}
  .venv/bin/python build/linux/grab_screen.py '$SHOT'; rc=\$?
  kill \$pid; wait \$pid 2>/dev/null; exit \$rc"
echo "Skärmbild: $SHOT"

echo "== apt remove nki-desktop"
apt-get remove -y -qq nki-desktop >/dev/null
left=""
for f in /opt/nki-desktop /usr/bin/nki-desktop /usr/share/applications/nki-desktop.desktop \
         /usr/share/icons/hicolor/256x256/apps/nki-desktop.png; do
  [ -e "$f" ] && left="$left $f"
done
if dpkg-query -W -f='${Status}' nki-desktop 2>/dev/null | grep -q "install ok installed"; then
  left="$left (paketet är fortfarande installerat)"
fi
if [ -n "$left" ]; then
  echo "FEL: kvar efter avinstallation:$left" >&2; exit 1
fi
echo "Avinstallerat: inga filer kvar."
