"""Word tokenization with one compiled regex (keeps كوفيد-19 and 0.48 whole)."""

from collections.abc import Iterator

from qawl import resources as r


def words(text: str) -> list[str]:
    """Return the words of text in order, as written."""
    return r.WORD.findall(text)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for each word of text."""
    for m in r.WORD.finditer(text):
        yield m.start(), m.end(), m.group()
