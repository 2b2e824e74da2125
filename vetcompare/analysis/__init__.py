"""The analysis wing: compare regions (select, describe, side by side), draw charts for reports,
export workbooks, build the full report, and explore in Jupyter.

It reads the data through :mod:`vetcompare.data` and never writes to a data folder.
"""
