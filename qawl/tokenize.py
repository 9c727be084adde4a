"""Tokenization with one compiled regex: words (كوفيد-19 and 0.48 kept whole) and, for attribution, punctuation."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import NamedTuple

from qawl import resources as r
from qawl.memo import Memo
from qawl.normalize import normalize


def words(text: str) -> list[str]:
    """Return the words of text in order, as written."""
    return r.WORD.findall(text)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for each word of text."""
    for m in r.WORD.finditer(text):
        yield m.start(), m.end(), m.group()


class Token(NamedTuple):
    """A word or punctuation mark as written, once for all its occurrences: its normalized form and kind."""

    norm: str
    possessed: bool = False  # ends in a pronoun as written (شكره، حديثها), not in ة
    feminine: bool = False  # ends in ة as written (قضية): a common noun, seldom a name after a title
    word: bool = True  # a word as words() cuts it (not a punctuation mark)


class Tokens(tuple):
    """The tokens of a sentence in order, with the character span of each (starts[k], ends[k]) and each as written."""

    starts: list[int]
    ends: list[int]
    written: list[str]


# A word (as words() cuts it) or any other character that is neither a space nor an Arabic mark.
_TOKEN = re.compile(f"{r.WORD.pattern}|[^\\s{r.MARKS}]")
_TOKEN_GAPS = re.compile(f"({_TOKEN.pattern})")  # split() by it: gap, token, gap, token, …, gap
NORM = itemgetter(0)  # Token.norm
_WORD = itemgetter(3)  # Token.word


def possessed(word: str) -> bool:
    """Return whether a written word ends in a possessive pronoun (شكره، حديثها), not being a definite noun or a
    name in الله (عبدالله)."""
    pronoun = (len(word) > 3 and word.endswith(("ه", "ها", "هم", "هما"))) or (
        len(word) > 4 and word.endswith("هن"))  # حماسهن: their (women's)
    return pronoun and not word.startswith("ال") and not word.endswith("الله")


_new_token = tuple.__new__  # Token(...) goes through a Python-level __new__: this is the C one


def _token(w: str) -> Token:
    if w.isascii() and w.isdigit():  # a number (most are seen once) is its own normalized form
        return _new_token(Token, (w, False, False, True))
    return _new_token(Token, (normalize(w), possessed(w), w.endswith("ة"), r.WORD.match(w) is not None))


_TOKENS: Memo[str, Token] = Memo(_token)


def token(written: str) -> Token:
    """Return the shared record of one written word or mark."""
    return _TOKENS[written]


def tokens(text: str) -> Tokens:
    """Return the words and punctuation marks of text with their normalized forms and spans.

    A sentence's tokens are its words' shared records and two lists of offsets, all made in C: no
    object per token.
    """
    parts = _TOKEN_GAPS.split(text)
    written = parts[1::2]
    toks = Tokens(map(_TOKENS.__getitem__, written))
    offsets = list(accumulate(map(len, parts)))  # the end of each gap and of each token
    toks.starts, toks.ends, toks.written = offsets[0:-1:2], offsets[1::2], written
    return toks


def written_words(toks: Tokens) -> list[str]:
    """Return the words of a text as words() cuts them, from its tokens: the same strings, whose hashes the token
    lookup has worked out already (a caller that needs both cuts the text once)."""
    return list(compress(toks.written, map(_WORD, toks)))


def pieces(written: str) -> list[str]:
    """Return the tokens one written word holds (a word cut by words() is one, but may carry marks)."""
    return _TOKEN.findall(written)


def positions(items: Iterable[str], wanted: Container[str]) -> list[int]:
    """Return the positions of the items that are in wanted (a loop in C)."""
    return list(compress(count(), map(wanted.__contains__, items)))
