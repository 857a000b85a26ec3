"""The shared remove/restore subcommands: what they print, and a refusal's exit code."""

from __future__ import annotations

import argparse
import io

from nki_desktop.cli.trash_commands import add_trash_commands
from nki_desktop.domain.errors import InputError


def _parser(bin_: set[int]) -> argparse.ArgumentParser:
    def remove(store, number):
        if number in bin_:
            raise InputError(f"Posten {number} ligger redan i papperskorgen.")
        bin_.add(number)
        return f"post-{number}"

    def restore(store, number):
        if number not in bin_:
            raise InputError(f"Posten {number} är inte i papperskorgen.")
        bin_.discard(number)
        return f"post-{number}"

    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(required=True)
    add_trash_commands(commands, "things", remove, restore, lambda r: f"Sak {r}")
    return parser


def _run(parser, *argv):
    args = parser.parse_args(argv)
    out = io.StringIO()
    return args.func(args, None, out), out.getvalue()


def test_remove_then_restore_and_refusals(capsys):
    bin_: set[int] = set()
    parser = _parser(bin_)
    code, text = _run(parser, "remove", "4")
    assert code == 0 and bin_ == {4}
    assert text == "Sak post-4 ligger i papperskorgen. Ångra med: nki-desktop things restore 4\n"
    code, text = _run(parser, "remove", "4")
    assert code == 2 and text == "" and "redan i papperskorgen" in capsys.readouterr().err
    code, text = _run(parser, "restore", "4")
    assert (code, text, bin_) == (0, "Sak post-4 är återställd.\n", set())
    assert _run(parser, "restore", "4")[0] == 2
