"""The definite article and the proclitics of a normalized Arabic word, told apart from letters of the word.

و، ف (and), ب، ل، ك (prepositions) and ال (the) attach to the word they precede: والحكومة، بالحكومة، للحكومة
(ل + الحكومة). A word may also just begin with those letters (ليبيا، لندن، وليد، بلال): a clitic is split off
only when what is left is a word the lexicons or the dictionary know and the whole is not.
"""

from __future__ import annotations

from collections.abc import Callable


def without_article(word: str) -> str:
    """Return a normalized word without the definite article (الوزير → وزير); other words as they are."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


# Runs of proclitics a word may open with, longest first: و/ف, then ب/ل/ك; لل is ل + ال (the alef unwritten).
_HEADS = ("ولل", "فلل", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "و", "ف", "ب", "ل", "ك")
_CLITIC_LETTERS = "وفبلك"  # what every run of _HEADS begins with


def strip_proclitics(word: str, known: Callable[[str], bool]) -> tuple[str, str]:
    """Return (proclitics, rest) of a normalized word: للحكومة → ("لل", "الحكومة"), وبالحكومة → ("وب", "الحكومة").

    A clitic is split off only when known(rest) holds and known(word) does not: ليبيا and وليد stay whole.
    """
    if word[:1] not in _CLITIC_LETTERS:
        return "", word  # no clitic opens it (a number, most words): whatever known() says, it stays whole
    if known(word):
        return "", word
    for head in _HEADS:
        if not word.startswith(head) or len(word) - len(head) < 2:
            continue
        rest = word[len(head):]
        if head.endswith("لل"):
            rest = "ال" + rest
        if known(rest) or known(without_article(rest)):
            return head, rest
    return "", word


POSSESSIVE = ("ه", "ها", "هم", "هما")  # his, her, their, their two: the pronouns a noun takes for its owner


def with_pronouns(noun: str, suffixes: tuple[str, ...] = POSSESSIVE) -> frozenset[str]:
    """Return a normalized noun's forms with a possessive pronoun, ة and a final hamza on their seats (رساله →
    رسالته، ادعاء → ادعائه، قول → قولها)."""
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun[:-1] + "ئ" if noun.endswith("ء") else noun
    return frozenset(stem + suffix for suffix in suffixes)

