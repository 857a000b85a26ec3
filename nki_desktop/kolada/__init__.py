"""Kolada's open API v3: the client and the conversion of its answers (no Qt).

Nothing here runs at start-up or in the background; only an explicit fetch calls it.
"""
