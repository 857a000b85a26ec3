#!/bin/sh
# /usr/bin/nki-desktop: start NKI Desktop installed under /opt/nki-desktop.
exec /opt/nki-desktop/nki-desktop "$@"
