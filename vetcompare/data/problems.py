"""What is wrong with a data file: one :class:`Problem` per mistake, all raised together in a :class:`DataError`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: where (file, row as an editor shows it, column), what, and the fix."""

    file: str
    row: int | None  # line number (the header is line 1); None for the whole file
    column: str | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        text = f"{where}: {self.message}"
        return f"{text} (fix: {self.fix})" if self.fix else text


class DataError(ValueError):
    """A data file is wrong; ``problems`` lists every problem found.

    The loaders check a whole file (and every curated file) before they raise, so one error names
    every mistake at once, each with its file, row, column and fix. It is a ValueError.

    Parameters
    ----------
    problems : list of Problem
        What is wrong, one :class:`~vetcompare.data.problems.Problem` per mistake.

    Attributes
    ----------
    problems : list of Problem
        The same problems, in the order found; the message lists them one a line.

    Examples
    --------
    >>> print(DataError([Problem("codebook.csv", 3, "unit", "unknown unit 'kg'", "use a unit of the schema")]))
    1 problem(s) in the data:
    - codebook.csv, row 3, column 'unit': unknown unit 'kg' (fix: use a unit of the schema)
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the data:"
        super().__init__("\n".join([head] + [f"- {p}" for p in self.problems]))


class UnknownName(KeyError, ValueError):
    """A document, region or metric that does not exist; the message lists what does."""

    def __init__(self, kind: str, name: str, known, hint: str = ""):
        self.message = f"unknown {kind} {name!r}; {hint + ' ' if hint else ''}known: {', '.join(map(str, known))}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class BadInput(ValueError):
    """A file that cannot be read at all (not a workbook, not text): one line naming it and the fix."""
