"""Sphinx configuration of vetcompare's API reference, built from the numpydoc docstrings.

    make api-docs      # writes build/api/index.html; warnings are errors
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import vetcompare  # noqa: E402

project = "vetcompare"
author = "The vetcompare developers"
release = version = vetcompare.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"undoc-members": False}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = []
language = "en"
