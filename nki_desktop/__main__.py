"""``python -m nki_desktop`` / ``nki-desktop``: the window, or a headless command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # Windows consoles default to cp1252
    window, db = _window_only(argv)
    if window:  # the window: start without importing the command line (and the importers)
        import gc

        gc.disable()  # collected on the GUI thread once it runs (ui/gui_gc.py)
        from nki_desktop.app import run_gui

        return run_gui(db=db)
    from nki_desktop import cli

    parser = cli.build_parser()
    args, _ = parser.parse_known_args(argv)
    if (
        getattr(args, "command", None) is None
        and "--help" not in argv
        and "-h" not in argv
        and "--version" not in argv
        and not args.self_test
    ):
        from nki_desktop.app import run_gui

        return run_gui(db=args.db)
    return cli.run(argv)


def _window_only(argv: list[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` is a plain window start (nothing, or only ``--db PATH``), and the db."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0][len("--db=") :]
    return False, None


def main_gui() -> int:
    return main([])


def _main_script() -> int:
    try:
        return main()
    except BrokenPipeError:  # `nki-desktop data | head`: the reader left; not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(_main_script())
