"""The layout generator: one ground-truth table rendered into the many layouts officials have.

``truth`` holds what a file says (units × areas × value/rank/n), ``generator`` renders it as
sheets of cells with a record of what every row is, ``writers`` saves those sheets as xlsx,
xls, ods or CSV, and ``strategies`` draws both with hypothesis.
"""
