#!/usr/bin/env bash
# Build the frozen one-folder program dist/nki-desktop/ with PyInstaller (Linux).
# Output only under dist/ (work folder dist/work/pyinstaller). About 1–2 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup-venv
stamp=.venv/.build-extra-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q -e ".[dev,build]"
  rm -f .venv/.build-extra-* && touch "$stamp"
fi
rm -rf dist/nki-desktop
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
  --workpath dist/work/pyinstaller build/nki_desktop.spec
echo "Byggt: dist/nki-desktop ($(du -sh dist/nki-desktop | cut -f1))"
