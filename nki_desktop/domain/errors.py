"""Errors whose message is written for the user (Swedish, saying what to do).

Anything else that goes wrong is reported to the user in general Swedish terms, never with an
exception's own (English) text.
"""

from __future__ import annotations


class UserError(Exception):
    """An error whose ``str()`` is a complete Swedish message for the user."""


class InputError(UserError, ValueError):
    """Input the user typed (a date, a status, an id) that cannot be used as it is."""
