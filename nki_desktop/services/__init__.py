"""What the window and the command line both call: preview, commit, undo, sample data.

``imports`` is the import pipeline; ``data`` (the former ``services.py``) is re-exported
here until its own move (issue 12) lands.
"""

from nki_desktop.services.data import (
    LONG_COLUMNS,
    LongRow,
    load_sample,
    long_rows,
    open_store,
    remove_sample,
)

__all__ = ["LONG_COLUMNS", "LongRow", "load_sample", "long_rows", "open_store", "remove_sample"]
