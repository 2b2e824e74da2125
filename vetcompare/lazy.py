"""Names of a package that load their module on first use, so importing the package stays cheap."""

from __future__ import annotations

import importlib


def lazy(package: str, names: dict[str, str]):
    """``__getattr__`` and ``__dir__`` for ``package``: each name in ``names`` comes from its module."""

    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f".{names[name]}", package), name)

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
