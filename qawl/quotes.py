"""Quotations in a line of Arabic news: « »، “ ” and straight double quotes."""

from __future__ import annotations

import re

PAIRS = {"«": "»", "“": "”", '"': '"'}
_MARKS = re.compile('[«»“”"]')


def spans(text: str, *, unclosed: bool = True) -> list[tuple[int, int]]:
    """Return (open, close) offsets of the quotations in text; an unclosed one runs to the end when asked."""
    out: list[tuple[int, int]] = []
    opener, start = "", -1
    if '"' not in text and "«" not in text and "“" not in text:
        return out  # most sentences quote nobody: no scan
    for match in _MARKS.finditer(text):  # only quote marks change the state: skip to them
        i, ch = match.start(), match.group()
        if not opener and ch in PAIRS:
            opener, start = ch, i
        elif opener and ch == PAIRS[opener]:
            out.append((start, i))
            opener = ""
    if opener and unclosed:
        out.append((start, len(text)))
    return out
