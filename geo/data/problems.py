"""What went wrong in a data file, said so that a person can fix it."""

from __future__ import annotations

import heapq
import itertools
import reprlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from geo.data.limits import MAX_LISTED

_MAX_SHOWN = 80


_SHORT = reprlib.Repr()  # nested or huge JSON values (a GeoJSON upload) are quoted in a few levels
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxother = 3, 6, 6, _MAX_SHOWN


_MAX_KEPT = 1_000  # characters of a bad value a problem keeps: a 20 MB cell is not held twice (issue 21)


class Clipped(str):
    """The start of a long text value, with the length of the whole (`length`)."""

    length: int = 0


def _clip(value: object) -> object:
    if isinstance(value, str) and len(value) > _MAX_KEPT:
        clipped = Clipped(value[:_MAX_KEPT])
        clipped.length = len(value)
        return clipped
    if isinstance(value, bytes) and len(value) > _MAX_KEPT:
        return value[:_MAX_KEPT]
    return value


def show_value(value: object) -> str:
    """Quote a bad value for a message, shortened so that a 1 MB cell stays readable.

    >>> show_value([[[[[1]]]], 2, 3, 4, 5, 6, 7, 8])
    '[[[[...]]], 2, 3, 4, 5, 6, ...]'
    >>> show_value(Problem("e.csv", "line 2", "title_en", "x" * 5_000, "too long").value)[-17:]
    '(5000 characters)'
    """
    if not isinstance(value, (str, bytes)):
        return _SHORT.repr(value)
    length = getattr(value, "length", len(value))
    text = repr(str(value[: _MAX_SHOWN + 1]) if isinstance(value, Clipped) else value[: _MAX_SHOWN + 1])
    return text if length <= _MAX_SHOWN else f"{text[:_MAX_SHOWN]}… ({length} characters)"


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is (file, CSV line or GeoJSON feature, column) and what is expected.

    >>> str(Problem("events.csv", "line 3", "start", "2023-01-09", "add the offset, e.g. -05:00"))
    "events.csv, line 3, column 'start': '2023-01-09': add the offset, e.g. -05:00"
    """

    file: str
    where: str
    column: str
    value: object  # a text over 1,000 characters is kept clipped, with its length (`Clipped`)
    expected: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _clip(self.value))

    def __str__(self) -> str:
        name = (
            self.column
            if len(self.column) <= _MAX_SHOWN
            else f"{self.column[:_MAX_SHOWN]}… ({len(self.column)} characters)"
        )
        column = f", column '{name}'" if self.column else ""
        return f"{self.file}, {self.where}{column}: {show_value(self.value)}: {self.expected}"


def unlisted_line(unlisted: int) -> str:
    """The line that ends a list of problems cut at `MAX_LISTED`.

    >>> unlisted_line(1500)
    '… and 1,500 more problem(s): only the first 1,000 are listed'
    """
    return f"… and {unlisted:,} more problem(s): only the first {MAX_LISTED:,} are listed"


class DataError(ValueError):
    """Raised by strict loading, or for a file that cannot be read: the problems found, in file order (the
    first `MAX_LISTED` of each file), and how many more were found but not listed."""

    def __init__(self, problems: Iterable[Problem], unlisted: int = 0):
        self.problems = list(problems)
        self.unlisted = unlisted
        super().__init__("\n".join([str(p) for p in self.problems] + ([unlisted_line(unlisted)] if unlisted else [])))


class Listed(list[Problem]):
    """Problems as a list, with how many more were found than it holds (`unlisted`)."""

    unlisted: int = 0


class Found:
    """The problems of one file as they are found (issue 21): the number of every refused line or feature
    is remembered, so that its row is left out, but only the first `limit` problems in file order are
    kept; the rest are counted. A file where every cell is wrong costs no more than one with 1,000 errors.

    >>> found = Found(limit=2)
    >>> for line in (9, 3, 5):
    ...     found.add(line, Problem("e.csv", f"line {line}", "", "x", "bad"))
    >>> [p.where for p in found.listed()], found.unlisted, sorted(found.refused)
    (['line 3', 'line 5'], 1, [3, 5, 9])
    """

    def __init__(self, limit: int = MAX_LISTED):
        self.limit = limit
        self.refused: set[int] = set()
        self.count = 0
        self._kept: list[tuple[int, int, Problem]] = []  # a heap of (-number, -order, problem): the last on top
        self._order = itertools.count()

    def _wanted(self, number: int, order: int) -> bool:
        return len(self._kept) < self.limit or (number, order) < (-self._kept[0][0], -self._kept[0][1])

    def add(self, number: int, problem: Problem) -> None:
        """One problem of line or feature `number`."""
        self.count += 1
        self.refused.add(number)
        order = next(self._order)
        if self._wanted(number, order):
            item = (-number, -order, problem)
            (heapq.heappush if len(self._kept) < self.limit else heapq.heapreplace)(self._kept, item)

    def add_each(self, numbers: Sequence[int], problem_at: Callable[[int], Problem]) -> None:
        """One problem for each of `numbers` (in file order), built by `problem_at(k)` for the k-th only
        if it is kept: a column that fails on 200,000 rows builds at most `limit` problems."""
        self.count += len(numbers)
        self.refused.update(numbers)
        for k, number in enumerate(numbers):
            order = next(self._order)
            if not self._wanted(number, order):
                self._order = itertools.count(order + len(numbers) - k)  # the rest come later still
                return
            item = (-number, -order, problem_at(k))
            (heapq.heappush if len(self._kept) < self.limit else heapq.heapreplace)(self._kept, item)

    def listed(self) -> Listed:
        """The problems kept, in file order (by number, then in the order they were found), and the count
        of the rest (`unlisted`)."""
        listed = Listed(problem for _, _, problem in sorted(self._kept, key=lambda item: (-item[0], -item[1])))
        listed.unlisted = self.unlisted
        return listed

    @property
    def unlisted(self) -> int:
        """How many problems were found but not kept."""
        return self.count - len(self._kept)

    def error(self) -> DataError:
        return DataError(self.listed(), self.unlisted)
