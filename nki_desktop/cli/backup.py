"""Commands ``nki-desktop backup FILE`` and ``nki-desktop restore FILE``."""

from __future__ import annotations

import argparse
from typing import TextIO

from nki_desktop.services import backup
from nki_desktop.storage import Store


def cmd_backup(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    info = backup.backup_database(store, args.file)
    print(
        f"Säkerhetskopian är sparad: {args.file} ({backup.describe(info)}). Återställ med: "
        f'nki-desktop restore "{args.file}"',
        file=out,
    )
    return 0


def cmd_restore(args: argparse.Namespace, store: Store, out: TextIO) -> int:
    restored = backup.restore_database(store, args.file)
    print(
        f"Databasen är återställd från {args.file} ({backup.describe(restored.info)}). "
        f"Den tidigare databasen finns kvar som {restored.kept}.",
        file=out,
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="spara en säkerhetskopia av databasen (medan den används)")
    p.add_argument("file", metavar="FIL")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser(
        "restore", help="återställ databasen från en säkerhetskopia (den nuvarande sparas bredvid)"
    )
    p.add_argument("file", metavar="FIL")
    p.set_defaults(func=cmd_restore)
