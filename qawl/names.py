"""Speaker mentions: telling the title (الرئيس الصيني) from the name (شي جين بينغ) in a noun phrase."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qawl import dictionary
from qawl.lexicons import Lexicons


def is_name_part(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word may stand in a person's name: a name word or a joiner (بن، عبد)."""
    return is_name_word(lex, word) or word in lex.words("name_joiner")


@dataclass(frozen=True)
class Mention:
    """A speaker noun phrase split into its title words and its name words (both normalized)."""

    title: tuple[str, ...]
    name: tuple[str, ...]
    name_at: int = -1  # index of the name's first word in the phrase (-1 when there is no name)

    @property
    def label(self) -> str:
        """Return the name when there is one, else the title."""
        return " ".join(self.name or self.title)


def _is_name_word(lex: Lexicons, word: str) -> bool:
    heads, titles = lex.institution_heads, lex.title_words
    return (
        len(word) > 1
        and not word.startswith(("ال", "لل", "وال", "بال", "فال", "كال"))
        and word not in titles
        and word not in heads
        and not (word[:1] in "لب" and (word[1:] in heads or word[1:] in titles))
        and word not in lex.words("function_word")
        and word not in lex.places
        and not any(ch.isdigit() for ch in word)
    )


def _common_word(lex: Lexicons, word: str) -> bool:
    """Return whether the dictionary knows a word as an adjective or a common noun, and no given name is spelled so
    (كبير، آخر, but not محمد، عادل): it describes a speaker, it does not name him. Relative adjectives are family
    names as often (روحاني، موسوي): they stay name words."""
    entry = dictionary.entry(word)
    return (entry is not None and entry.kind != dictionary.RELATIVE
            and word not in lex.derived("given_name_set", _given_names))


def _given_names(lex: Lexicons) -> frozenset[str]:
    return frozenset(name for name, _ in lex.given_names)


def is_name_word(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word may be part of a personal name (not a title, place word or particle)."""
    return lex.memo("name_word", _is_name_word)[word]


def split(lex: Lexicons, words: Iterable[str]) -> Mention:
    """Return the mention of normalized words: its last run of name words is the name, the rest title."""
    # The same phrases (titles, names, the words around a cue) come back sentence after sentence: split once.
    return lex.memo("split", _split, bound=1 << 15)[tuple(words)]


def _split(lex: Lexicons, phrase: tuple[str, ...]) -> Mention:
    words = [w for w in phrase if w and w not in {"-", "–", "—"}]
    end = len(words)
    joiners, titles, places = lex.words("name_joiner"), lex.title_words, lex.places

    def in_name(i: int) -> bool:
        return is_name_word(lex, words[i]) or words[i] in joiners or (
            i > 0 and words[i - 1] in joiners and words[i].startswith("ال")
        )

    # A family name with ال closes a name (محمد الحمزي، عبد الرحمن السمحان).
    i = end - 1
    if i > 0 and words[i].startswith("ال") and words[i] not in titles and words[i - 1] in lex.honorifics:
        return Mention(tuple(words[:i]), (words[i],), i)
    if i > 0 and words[i].startswith("ال") and words[i] not in titles and in_name(i - 1):
        i -= 1
    start = i + 1
    while i >= 0 and in_name(i):
        start = i
        i -= 1
    while start < end and words[start] in joiners - {"عبد", "ابو", "ام", "ابن", "ال"}:
        start += 1
    # A clitic word right after a definite one continues the title (المدير الإقليمي للحملة | لنصرة الأشقاء).
    while (start < end and start > 0 and words[start - 1].startswith("ال") and words[start][:1] in "لبو"
           and words[start - 1] not in titles):
        start += 1
    while start < end and words[start].startswith("ال"):
        start += 1
    before = words[start - 1] if start > 0 else ""
    if start < end and before and (before.startswith("لل") or (
            before.startswith("ل") and len(before) > 3 and not is_name_word(lex, before))):
        start = end  # المعارض البارز للعقيد معمر القذافي، الرئيس السابق لحملة ترامب: someone else's name
    if start == end and words and is_name_word(lex, words[0]) and words[0] not in places:
        # a name set before its description without a comma (حسن الأزهري محام وباحث ...)
        stop = 1
        while stop < end and (in_name(stop) or (words[stop].startswith("ال") and stop == 1)):
            stop += 1
        return Mention(tuple(words[stop:]), tuple(words[:stop]), 0)
    if end - start == 1 and start > 0 and words[start].endswith("ي") and not words[start - 1].startswith("ال") and (
        words[start - 1] in titles or words[start - 1] in lex.institution_heads
    ):
        start = end  # مصدر طبي، مسؤول أمريكي: an adjective, not a name
    while end > start and _common_word(lex, words[end - 1]):
        end -= 1  # مسؤول كبير، مواطن آخر: an adjective closes the phrase, no name does (رود روزنشتاين is one)
    name = tuple(words[start:end])
    if name and (all(w in joiners for w in name) or (start > 0 and all(w in places for w in name))):
        name = ()
    if not name:
        return Mention(tuple(words), ())
    return Mention(tuple(words[:start]), name, start)

