"""Entry point of the frozen program (PyInstaller): the window, or a command line."""

import multiprocessing
import sys

from nki_desktop.__main__ import main

if __name__ == "__main__":
    # The workbook reader runs in a child process started with "spawn": in the frozen
    # program that child is this executable again, and freeze_support() turns it into the
    # reader (and returns at once in the program itself). Needed on every platform.
    multiprocessing.freeze_support()
    sys.exit(main())
