"""The undo history: one entry per undo step, each the whole plan as it was after that step.

An entry is the plan pickled, or, for a step that only reordered the rank list, the index of
an earlier pickled entry plus the new order. Pickling a plan of 300 programs takes about
2.5 ms, and a move on the Rank list is its own undo step, so a move keeps just the order and
the pickle is made later, if ever (``data``: the autosave asks for it a moment after).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from rankplan.core.model import Plan


@dataclass(frozen=True)
class _Reordered:
    base: int  # an entry that is a pickle
    order: tuple[str, ...]


class History:
    def __init__(self) -> None:
        self._entries: list[bytes | _Reordered] = []
        self.pos = -1  # the entry the plan is at now

    def __len__(self) -> int:
        return len(self._entries)

    def _append(self, entry: bytes | _Reordered) -> None:
        del self._entries[self.pos + 1 :]  # a new step drops what could be redone
        self._entries.append(entry)
        self.pos = len(self._entries) - 1

    def record(self, plan: Plan) -> None:
        """A step: the whole plan as it is now."""
        self._append(pickle.dumps(plan))

    def record_order(self, order: list[str]) -> None:
        """A step that changed only the rank order since the current entry."""
        current = self._entries[self.pos]
        base = current.base if isinstance(current, _Reordered) else self.pos
        self._append(_Reordered(base, tuple(order)))

    def plan(self, index: int) -> Plan:
        """A fresh copy of the plan as it was at entry ``index``."""
        entry = self._entries[index]
        if isinstance(entry, bytes):
            return pickle.loads(entry)
        plan = pickle.loads(self._entries[entry.base])
        plan.rank_list.order = list(entry.order)
        return plan

    def data(self, index: int) -> bytes:
        """Entry ``index`` pickled (made now and kept, for an entry that holds an order)."""
        entry = self._entries[index]
        if isinstance(entry, _Reordered):
            entry = self._entries[index] = pickle.dumps(self.plan(index))
        return entry
