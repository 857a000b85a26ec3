#!/usr/bin/env bash
# Check that every dependency of the program and of its Windows build (PyInstaller), with
# everything they pull in, has a binary wheel for Windows x64 and the chosen Python, so
# build.ps1 never has to compile anything on the build PC.
#   bash build/windows/check_wheels.sh [python-version]     (default 3.11)
set -euo pipefail
cd "$(dirname "$0")/../.."
PYVER=${1:-3.11}
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] && PY=.venv/bin/python
DEST=dist/work/win-wheels-$PYVER
rm -rf "$DEST" && mkdir -p "$DEST"
mapfile -t DEPS < <("$PY" - <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for dep in project["dependencies"] + project["optional-dependencies"]["build"]:
    print(dep.split("#")[0].strip())
PY
)
echo "Kontrollerar win_amd64-hjul för Python $PYVER: ${DEPS[*]}"
download() {
  "$PY" -m pip download -q --only-binary=:all: --platform win_amd64 --python-version "$PYVER" \
    --implementation cp -d "$DEST" "$@" 2>&1 | grep -v "^WARNING: Location" || true
}
download "${DEPS[@]}"
# pip evaluates environment markers for this machine, not for Windows: requirements marked
# sys_platform == 'win32' (PyInstaller's pefile, pywin32-ctypes …) are fetched here.
for _ in 1 2 3; do
  mapfile -t MORE < <("$PY" - "$DEST" "$PYVER" <<'PY'
import sys, zipfile
from pathlib import Path
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
dest, pyver = Path(sys.argv[1]), sys.argv[2]
env = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
       "platform_machine": "AMD64", "python_version": pyver, "python_full_version": pyver + ".0",
       "implementation_name": "cpython", "platform_python_implementation": "CPython",
       "extra": ""}
have = {canonicalize_name(w.name.split("-")[0]) for w in dest.glob("*.whl")}
for wheel in dest.glob("*.whl"):
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        for line in z.read(meta).decode("utf-8").splitlines():
            if line.startswith("Requires-Dist:"):
                req = Requirement(line.split(":", 1)[1].strip())
                if req.marker and "extra" not in str(req.marker) and req.marker.evaluate(env) \
                        and canonicalize_name(req.name) not in have:
                    print(str(req).split(";")[0])
PY
  )
  [ ${#MORE[@]} -eq 0 ] && break
  echo "Krävs bara på Windows: ${MORE[*]}"
  download "${MORE[@]}"
done
status=0
for dep in "${DEPS[@]}"; do
  name=$(echo "$dep" | sed 's/[<>=!~ ;\[].*//' | tr 'A-Z-' 'a-z_')
  file=$(ls "$DEST" | tr 'A-Z' 'a-z' | grep -E "^${name}-[0-9]" | head -1 || true)
  if [ -z "$file" ]; then
    echo "SAKNAS: $dep" >&2; status=1
  else
    echo "ok  $dep  →  $file"
  fi
done
bad=$(ls "$DEST" | grep -v -E "\.whl$" || true)
[ -z "$bad" ] || { echo "Inte hjul (skulle byggas från källkod): $bad" >&2; status=1; }
echo "Alla hämtade filer ($(ls "$DEST" | wc -l)):"; ls "$DEST" | sed 's/^/    /'
exit $status
