"""Replace the bundle's ICU data library (31 MB, every locale of the world) with one holding
what a Swedish program needs: the root, Swedish and English locales, collation, break rules
and the small converters. Qt uses ICU for collation, case mapping and codecs; the program
shows Swedish only. Linux only; called by build/nki_desktop.spec after COLLECT.

    python build/linux/slim_icu.py dist/nki-desktop/_internal/PySide6/Qt/lib/libicudata.so.73

Needs objcopy (binutils), icupkg and genccode (icu-devtools) and gcc; without them the
library is left as it is (a warning, not an error).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
KEPT_LOCALES = re.compile(r"^(root|sv(_[A-Za-z0-9]+)*|en|en_US|en_GB|en_001|en_150)\.res$")
SMALL_CONVERTER = 20_000  # bytes: single-byte code pages stay, the CJK tables go
TOOLS = ("objcopy", "icupkg", "genccode", "gcc")


def _dropped(items: list[str], folder: Path) -> set[str]:
    drop = set()
    for item in items:
        base = item.rsplit("/", 1)[-1]
        if LOCALE_FILE.match(base) and not KEPT_LOCALES.match(base):
            drop.add(item)
        elif item.startswith("translit/"):  # Qt never transliterates
            drop.add(item)
        elif base.endswith(".cnv") and (folder / item).stat().st_size > SMALL_CONVERTER:
            drop.add(item)
    return drop


def _pack(data: Path, drop: set[str], target: Path) -> None:
    """icupkg refuses a package with dangling references: drop the referrers too, except the
    break-iterator root, which keeps its (optional) dictionaries."""
    for _ in range(6):
        listing = data.parent / "drop.txt"
        listing.write_text("\n".join(sorted(drop)) + "\n", encoding="utf-8")
        target.unlink(missing_ok=True)
        run = subprocess.run(
            ["icupkg", "-r", str(listing), str(data), str(target)], capture_output=True, text=True
        )
        missing = re.findall(r"Item (\S+) depends on missing item (\S+)", run.stderr)
        if not missing:
            if run.returncode:
                raise RuntimeError(run.stderr)
            return
        for item, needed in missing:
            if item == "brkitr/root.res":
                drop.discard(needed)
            else:
                drop.add(item)
    raise RuntimeError("icupkg: dependencies did not settle")


def slim(library: Path) -> bool:
    if not all(shutil.which(tool) for tool in TOOLS):
        print(f"slim_icu: {', '.join(TOOLS)} needed; {library.name} left whole", file=sys.stderr)
        return False
    match = re.search(r"libicudata\.so\.(\d+)", library.name)
    if not match:
        raise ValueError(f"not an ICU data library: {library}")
    version = match.group(1)
    name = f"icudt{version}l"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / f"{name}.dat"
        subprocess.run(
            ["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(data)],
            check=True,
        )
        items = subprocess.run(
            ["icupkg", "-l", str(data)], check=True, capture_output=True, text=True
        ).stdout.split()
        (work / "x").mkdir()
        (work / "items.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
        subprocess.run(
            ["icupkg", "-x", str(work / "items.txt"), "-d", str(work / "x"), str(data)], check=True
        )
        out = work / "out"
        out.mkdir()
        _pack(data, _dropped(items, work / "x"), out / f"{name}.dat")
        subprocess.run(
            ["genccode", "-d", str(out), str(out / f"{name}.dat")], check=True, capture_output=True
        )
        source = out / f"{name}_dat.c"
        # ICU's libicuuc looks the data up by the symbol icudt<version>_dat
        source.write_text(
            source.read_text(encoding="ascii").replace(f"{name}_dat", f"icudt{version}_dat"),
            encoding="ascii",
        )
        built = out / library.name
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-fPIC",
                f"-Wl,-soname,{library.name}",
                "-o",
                str(built),
                str(source),
            ],
            check=True,
        )
        before = library.stat().st_size
        shutil.copyfile(built, library)
    after = library.stat().st_size
    print(f"slim_icu: {library.name} {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
    return True


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        slim(Path(arg))
