"""The data wing: the data folder (registry, codebook, sources, repairs, curated statements), read,
checked and enriched into the common table; safe writing of CSV and Excel cells.

It may use the text engine (:mod:`vetcompare.text`) to decode and clean sources and to read the
number a quote states; it never draws, exports or curates.
"""

from __future__ import annotations

import importlib

_MODULES = ("cells", "checks", "csvio", "enrich", "excel", "folder", "problems", "safe")


def __getattr__(name: str):
    if name in _MODULES:  # vetcompare.data.folder and the others load on first use
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'vetcompare.data' has no attribute {name!r}")
