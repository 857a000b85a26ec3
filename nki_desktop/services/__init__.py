"""What the window and the command line both call (no Qt): open the store, sample data,
stored values in long form. Imports live in ``nki_desktop.importing`` until they move here."""
