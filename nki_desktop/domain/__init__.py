"""Pure domain: areas, factors, respondent groups, grades, year rules, kommuner, arithmetic.

Nothing here imports Qt, SQL or file-format libraries.
"""
