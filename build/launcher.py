"""Entry point of the frozen program (PyInstaller): the window, or a command line."""

import sys

from nki_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
