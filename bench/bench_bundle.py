"""Size of the frozen bundle on disk (dist/nki-desktop, built by build/linux/build_app.sh)
against the target of 150 MB and the size before pruning (187 MB, measured on the same
machine before issue 17's cuts), with the largest parts.

    .venv/bin/python bench/bench_bundle.py [--top 12]

MB here are MiB (1024 × 1024 bytes), as ``du -sh`` prints them. Symbolic links count as
links, not as the files they point to.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "nki-desktop"
TARGET_MB = 150.0
BEFORE_MB = 187.0  # du -sh of the bundle at the start of issue 17 (same spec minus the cuts)
MB = 1024 * 1024


def disk_size(path: Path) -> int:
    """Bytes allocated on disk (as du counts them)."""
    st = path.lstat()
    return st.st_blocks * 512


def tree_size(path: Path) -> int:
    total = disk_size(path)
    if path.is_dir() and not path.is_symlink():
        for folder, dirs, files in os.walk(path):
            for name in dirs + files:
                total += disk_size(Path(folder) / name)
    return total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    if not args.bundle.is_dir():
        raise SystemExit(f"No bundle at {args.bundle}: run bash build/linux/build_app.sh first")
    size = tree_size(args.bundle) / MB
    internal = args.bundle / "_internal"
    parts: list[tuple[int, str]] = []
    for child in internal.iterdir():
        if child.name == "PySide6":
            parts += [
                (tree_size(p), f"PySide6/{p.name}") for p in child.iterdir() if p.name != "Qt"
            ]
            parts += [
                (tree_size(p), f"PySide6/Qt/lib/{p.name}") for p in (child / "Qt" / "lib").iterdir()
            ]
            parts += [
                (tree_size(child / "Qt" / name), f"PySide6/Qt/{name}")
                for name in ("plugins", "translations")
                if (child / "Qt" / name).exists()
            ]
        else:
            parts.append((tree_size(child), child.name))
    print(f"Största delar av {args.bundle.name}/_internal:")
    for nbytes, name in sorted(parts, reverse=True)[: args.top]:
        print(f"  {nbytes / MB:6.1f} MB  {name}")
    print(f"\nBundle på disk: {size:.1f} MB (MiB)")
    print(f"Mål:            {TARGET_MB:.1f} MB   kvot {size / TARGET_MB:.2f} (≤ 1,00)")
    print(f"Före issue 17:  {BEFORE_MB:.1f} MB   kvot {size / BEFORE_MB:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
