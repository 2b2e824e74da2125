"""``python -m vetcompare``: see :mod:`vetcompare.cli`."""

import sys

from .cli import main

sys.exit(main())
