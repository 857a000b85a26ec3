"""NKI Desktop: follow Insikt / Nöjd Kund Index results for a Swedish kommun, offline."""

__version__ = "0.1.0"
APP_NAME = "NKI Desktop"
ORG_NAME = "NKI Desktop"
