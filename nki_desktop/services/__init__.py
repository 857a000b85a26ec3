"""What the window and the command line both call (no Qt): open the store (``store``), sample
data (``sample``), stored values in long form (``data``), the import history (``history``),
the import pipeline (``imports``) and remembered column mappings (``mappings``)."""
