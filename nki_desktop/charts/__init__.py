"""Charts (pyqtgraph) drawn on screen and, as vectors, into PDF reports. May not import ui/."""
