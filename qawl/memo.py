"""A dictionary that fills itself: per-word facts worked out once, looked up at C speed afterwards."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict, Generic[K, V]):
    """memo[key] is fn(key), computed on first use; at `bound` keys the memo forgets its newer half.

    Words repeat (Zipf), so a corpus costs one dictionary lookup per word; a hit never leaves C, where an
    lru_cache'd function call or a .get() plus a fallback costs a Python call per word. The bound keeps a
    worker's memory flat on corpora of millions of distinct words (numbers, names). The words learned first
    are mostly the frequent ones (a frequent word turns up early), and the words learned last mostly the
    ones seen once: forgetting the newer half keeps the frequent ones, where emptying the memo would make
    every later sentence relearn them.
    """

    def __init__(self, fn: Callable[[K], V], bound: int = 1 << 16) -> None:
        super().__init__()
        self.fn, self.bound = fn, bound

    def __missing__(self, key: K) -> V:
        if len(self) >= self.bound:
            for newer in list(islice(reversed(self.keys()), len(self) // 2)):
                del self[newer]
        value = self[key] = self.fn(key)
        return value
