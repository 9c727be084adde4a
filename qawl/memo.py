"""A dictionary that fills itself: per-word facts worked out once, looked up at C speed afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict, Generic[K, V]):
    """memo[key] is fn(key), computed on first use; the memo empties itself when it reaches `bound` keys.

    Words repeat (Zipf), so a corpus costs one dictionary lookup per word; a hit never leaves C, where an
    lru_cache'd function call or a .get() plus a fallback costs a Python call per word. The bound keeps a
    worker's memory flat on corpora of millions of distinct words (numbers, names): the 65,536 most
    frequent words cover nearly every token, and the ones that come back after a clear are relearned.
    """

    def __init__(self, fn: Callable[[K], V], bound: int = 1 << 16) -> None:
        super().__init__()
        self.fn, self.bound = fn, bound

    def __missing__(self, key: K) -> V:
        if len(self) >= self.bound:
            self.clear()
        value = self[key] = self.fn(key)
        return value
