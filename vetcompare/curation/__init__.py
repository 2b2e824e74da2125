"""The curation wing: adding a region to a data folder and proving its curation complete.

register a text (:func:`register_document`), write its curation sheet (:func:`curation_sheet`,
:func:`write_sheet`), read and import the filled sheet (:func:`read_sheet`, :func:`import_sheet`),
find offsets from quotes (:func:`fill_offsets`), and audit which numbers no row took up
(:func:`audit_document`, :func:`audit_all`, :func:`explain`). Every function takes the data
folder to work on (a :class:`~vetcompare.data.folder.DataFolder` or a path; default: the default
folder). It sits above the data wing and the text engine and never draws or exports.
"""

from __future__ import annotations

from ..lazy import lazy

_PUBLIC = {
    "NewDocument": "register", "register_document": "register", "curation_sheet": "register",
    "write_sheet": "sheet", "read_sheet": "sheet", "curated_rows": "sheet",
    "import_sheet": "importing",
    "fill_offsets": "locate",
    "audit_document": "audit", "audit_all": "audit", "explain": "audit",
}
__all__ = sorted(_PUBLIC)


__getattr__, __dir__ = lazy(__name__, _PUBLIC)
