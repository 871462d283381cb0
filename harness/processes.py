"""A server's process tree and its memory, read from /proc (Linux): what the hostile-load test and the
load generator measure against a pod's memory limit.

Three sums over the tree, in MB:
- `rss`: each process's resident size added up. Chromium's processes map the same 300 MB binary and
  libraries, so this counts those shared pages once per process: an upper bound that no cgroup sees.
- `pss`: each shared page divided among the processes sharing it, so the tree counts it once: what
  the tree holds (close to what a pod's memory cgroup charges for it).
- `anon`: the part of `pss` that is not backed by a file (heaps, stacks): what cannot be dropped and
  read back under memory pressure, so what an out-of-memory kill is decided on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it, parents first (an exited one is left out)."""
    tree, todo = [], [pid]
    while todo:
        current = todo.pop(0)
        tree.append(current)
        try:
            tasks = list((PROC / str(current) / "task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return tree


@dataclass(frozen=True)
class Memory:
    """Memory of a set of processes, in MB (see the module's docstring)."""

    rss: float = 0.0
    pss: float = 0.0
    anon: float = 0.0
    processes: int = 0

    def __add__(self, other: Memory) -> Memory:
        return Memory(
            self.rss + other.rss, self.pss + other.pss, self.anon + other.anon, self.processes + other.processes
        )

    def peak(self, other: Memory) -> Memory:
        """Each figure's larger value (a running peak)."""
        return Memory(
            max(self.rss, other.rss),
            max(self.pss, other.pss),
            max(self.anon, other.anon),
            max(self.processes, other.processes),
        )


def process_memory(pid: int) -> Memory:
    """One process's memory from /proc/PID/smaps_rollup; nothing if it has exited."""
    fields = {}
    try:
        lines = (PROC / str(pid) / "smaps_rollup").read_text().splitlines()
    except OSError:
        return Memory()
    for line in lines:
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss", "Pss_Anon"):
            fields[name] = int(rest.split()[0]) / 1024
    return Memory(fields.get("Rss", 0.0), fields.get("Pss", 0.0), fields.get("Pss_Anon", 0.0), 1)


def tree_memory(pid: int) -> Memory:
    """The memory of `pid` and all its descendants (a server and its Chromium, for instance)."""
    total = Memory()
    for member in process_tree(pid):
        total = total + process_memory(member)
    return total
