"""The text engine's vocabulary as data, read once: the files in ``vocabulary/`` beside this module.

``traditional.tsv`` maps traditional characters to simplified ones (generated from OpenCC by
``scripts/make_traditional.py``; see its header line). Code holds the logic that reads the words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "vocabulary"


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``vocabulary/<name>``, without its comment lines and header."""
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    return [line.split("\t") for line in body[1:]]


@lru_cache(maxsize=None)
def traditional() -> dict[str, str]:
    """Traditional → simplified, one character for one character."""
    return {trad: simp for trad, simp in rows("traditional.tsv")}
