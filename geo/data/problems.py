"""What went wrong in a data file, said so that a person can fix it."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass

_MAX_SHOWN = 80


_SHORT = reprlib.Repr()  # nested or huge JSON values (a GeoJSON upload) are quoted in a few levels
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxother = 3, 6, 6, _MAX_SHOWN


def show_value(value: object) -> str:
    """Quote a bad value for a message, shortened so that a 1 MB cell stays readable.

    >>> show_value([[[[[1]]]], 2, 3, 4, 5, 6, 7, 8])
    '[[[[...]]], 2, 3, 4, 5, 6, ...]'
    """
    if not isinstance(value, (str, bytes)):
        return _SHORT.repr(value)
    text = repr(value[:_MAX_SHOWN + 1])
    return text if len(value) <= _MAX_SHOWN else f"{text[:_MAX_SHOWN]}… ({len(value)} characters)"


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is (file, CSV line or GeoJSON feature, column) and what is expected.

    >>> str(Problem("events.csv", "line 3", "start", "2023-01-09", "add the offset, e.g. -05:00"))
    "events.csv, line 3, column 'start': '2023-01-09': add the offset, e.g. -05:00"
    """

    file: str
    where: str
    column: str
    value: object
    expected: str

    def __str__(self) -> str:
        name = self.column if len(self.column) <= _MAX_SHOWN else f"{self.column[:_MAX_SHOWN]}… ({len(self.column)} characters)"
        column = f", column '{name}'" if self.column else ""
        return f"{self.file}, {self.where}{column}: {show_value(self.value)}: {self.expected}"


class DataError(ValueError):
    """Raised by strict loading; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
