"""The headless command line, one module per command group (``main`` is the dispatcher)."""

from nki_desktop.cli.main import build_parser, run

__all__ = ["build_parser", "run"]
