"""Finding the report in one sentence: its cue, its speaker noun phrase, direct or indirect."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import NamedTuple

from qawl import cues, mentions, names, quotes
from qawl.memo import Memo
from qawl.normalize import normalize

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN = re.compile(
    rf"[0-9\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3A-Za-z{_MARKS}]+|[^\s{_MARKS}]"
)
PUNCTUATION = frozenset("،,:؛;.!?؟()[]{}\"«»“”'…/|<>")
_SENTENCE_END = frozenset(".؟?!")
# Words that end a speaker noun phrase: prepositions of place and time, that-clauses, adverbs,
# quantifiers that open an object (ناشدت الحكومة جميع الأطباء).
_STOP = cues.THAT | frozenset({
    "في", "خلال", "عن", "علي", "الي", "امام", "مع", "بعد", "قبل", "عبر", "منذ", "عند", "حيث", "امس", "اليوم",
    "الليله", "صباح", "مساء", "يوم", "اثناء", "لدي", "وفقا", "بحسب", "حسب", "ايضا", "كذلك", "اذ", "ان",
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "صباحا", "حين", "بينما", "لكن",
    "ولكن", "غير", "كما", "وهو", "وهي", "الذي", "التي", "الذين", "اللذين", "اللتين", "فيه", "فيها", "امامه",
    "بيان", "ببيان", "تصريح", "تصريحات", "بتصريح", "كلمه", "بكلمه", "مؤتمر", "لقاء", "حديث", "مقابله", "اتصال",
    "نقلا", "بعدما", "عقب", "الان", "ولا", "لا", "لم", "لن", "قد", "لقد", "هنا", "هناك", "اليه", "عليه",
    "بشان", "حول", "تجاه", "ضد", "دون", "بدون", "فيما", "ما", "اما", "جميع", "كل", "كافه", "بعض", "عدد", "مختلف",
    "قوله", "قولها", "قولهم", "تاكيده", "تاكيدها", "اول", "حاليا", "بشده", "بقوه", "بوضوح", "مجددا", "مرارا",
    "سابقا", "لاحقا", "اخيرا", "مؤخرا", "حينها", "وقتها", "عندما", "لما", "الا",
})
# Objects that may stand between a cue and its subject: وقال لي دارين، وقال له الوزير.
_OBJECTS = frozenset({"لي", "له", "لها", "لنا", "لهم", "لهما", "لكم", "لك", "ايضا", "كذلك", "بدوره", "بدورها"})
# "for a news outlet" after a subject: وقال الوزير لوكالة الأنباء.
_MEDIA = re.compile(r"^(?:ل|لل)(?:وكاله|صحيفه|قناه|تلفزيون|شبكه|بي|اذاعه|موقع|مراسل|رويترز|صحفيين|صحافيين|"
                    r"وسائل|فرانس|اسوشيتد|سي|صحافه|اعلام|تلفزيون|وكاله)")
_PERSONAL_PRONOUN = frozenset({"انا", "نحن", "انت", "انتم", "هو", "هي", "هم"})
# A cue after these is a relative or comparative clause (كما قال، الذين دعوا), not the report.
_RELATIVE = frozenset({"ما", "مما", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "من", "لما"})
# Clause openers a subject may follow before its verb: لكن مينغ قال، وكان السفير قد قال.
_CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "بينما", "فيما", "كان", "وكان", "كانت", "وكانت", "فكان", "فكانت", "كما",
                             "ثم", "اما", "واما", "حيث", "اذ", "بل"})
_CLOSERS = frozenset({"،", ",", ":"}) | cues.THAT
_PHRASE_PREPOSITIONS = frozenset({"في", "لدي", "عن"})
_MAX_NP = 14
_COMPLEMENT_WINDOW = 30
_DIRECT_MIN_WORDS = 4
_HEADLINE_WORDS = 22


class Token(NamedTuple):
    """A word or punctuation mark as written, once for all its occurrences: its normalized form and kind."""

    norm: str
    possessed: bool = False  # ends in a pronoun as written (شكره، حديثها), not in ة
    feminine: bool = False  # ends in ة as written (قضية): a common noun, seldom a name after a title


class Tokens(tuple):
    """The tokens of a sentence in order, with the character span of each (starts[k], ends[k])."""

    starts: list[int]
    ends: list[int]


@dataclass(frozen=True)
class Report:
    """What one sentence says about its speaker: explicit noun phrase, implicit, or by quotation."""

    kind: str  # "explicit" (a noun phrase names the source) or "implicit" (the last named source)
    cue: str  # the reporting word as written
    mention: str = ""  # the speaker noun phrase as written ("" when implicit)
    apposition: str = ""  # a title or name in apposition (كوساشيف، رئيس لجنة ...)
    quote: str = "indirect"  # "direct" when the report is a quotation


def _word(w: str) -> Token:
    if w.isascii() and w.isdigit():  # a number (most are seen once) is its own normalized form
        return Token(w)
    return Token(normalize(w), _possessed(w), w.endswith("ة"))


_WORDS: Memo[str, Token] = Memo(_word)
_TOKEN_GAPS = re.compile(f"({_TOKEN.pattern})")  # split() by it: gap, token, gap, token, …, gap


@lru_cache(maxsize=8)  # find, people and opens_new_turn tokenize the same sentence in turn
def tokens(text: str) -> Tokens:
    """Return the words and punctuation marks of text with their normalized forms and spans.

    A sentence's tokens are its words' shared records and two lists of offsets, all made in C: no
    object per token.
    """
    parts = _TOKEN_GAPS.split(text)
    toks = Tokens(map(_WORDS.__getitem__, parts[1::2]))
    offsets = list(accumulate(map(len, parts)))  # the end of each gap and of each token
    toks.starts, toks.ends = offsets[0:-1:2], offsets[1::2]
    return toks


def positions(items: Iterable[str], wanted: Container[str]) -> list[int]:
    """Return the positions of the items that are in wanted (a loop in C)."""
    return list(compress(count(), map(wanted.__contains__, items)))


_NORM = itemgetter(0)  # Token.norm


def _possessed(word: str) -> bool:
    return (len(word) > 3 and word.endswith(("ه", "ها", "هم", "هما")) and not word.startswith("ال")
            and not word.endswith("الله"))  # عبدالله، عطاالله are names


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) character offsets of the quotations in text, an unclosed one to its end."""
    return quotes.spans(text)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _is_stop(tok: Token) -> bool:
    return is_stop_word(tok.norm)


def _stop_word(n: str) -> bool:
    """Return whether a normalized word ends a speaker phrase (a preposition, cue, particle or punctuation)."""
    return (
        (n in PUNCTUATION and n not in "-–")
        or n in _STOP
        or n in cues.VERBS
        or n in cues.PARTICIPLES
        or n in cues.ACCORDING_TO
        or bool(_MEDIA.match(n))
    )


_STOP_WORDS: Memo[str, bool] = Memo(_stop_word)


def is_stop_word(n: str) -> bool:
    """Return whether a normalized word ends a speaker phrase (a preposition, cue, particle or punctuation)."""
    return _STOP_WORDS[n]


def _object_starts(prev: str, word: str, *, after_name: bool, follows: str = "", feminine: bool = False) -> bool:
    """Return whether word opens a verb's object after a finished subject (الحكومة اليمنية | جميع الأطباء).

    after_name also ends the subject at a definite noun phrase right after a name (حذر ترامب | الحكومة
    السورية), told from a family name (بدر السمحان إلى) by its ة or by the definite word after it;
    callers use it only when no that-clause follows the subject.
    """
    if word in names.NAME_JOINERS or prev in names.NAME_JOINERS:
        return False
    if word.endswith(("ها", "هم", "هما")):
        return True
    prev_bare = prev[1:] if prev.startswith("وال") else prev
    if prev in names.places() and not word.startswith("ال"):
        return True
    if word in names.places() and not prev.startswith("ال") and prev not in names.title_words():
        return True
    definite = prev_bare.startswith("ال")
    closed = _closed(prev)
    if word.startswith("ال"):
        if word in names.title_entries() or word.endswith(("ي", "يه", "يين", "يون")):
            return False
        return closed or (after_name and names.is_name_word(prev) and (feminine or follows.startswith("ال")))
    return definite and not closed


_PERSON_NOUNS = frozenset({"اسطوره", "نجم", "لاعب", "مدرب", "مشجع", "عضو", "مصدر", "متحدث", "متحدثه", "ناطق",
                           "مراسل", "امير", "مسؤول"})


def _institution(word: str) -> bool:
    """Return whether a word heads an institution's name (اللجنة، الحكومة), which no personal name follows."""
    bare = word[2:] if word.startswith("ال") else word
    return (bare in names.INSTITUTION_HEADS and bare not in _PERSON_NOUNS and word not in names.roles()
            and bare not in names.roles())


def _purpose(prev: str, word: str) -> bool:
    """Return whether word is ل + a verbal noun after a name (ترامب | لمطالبة بوتين): a purpose, not a name."""
    return (word.startswith("ل") and not word.startswith("لل") and len(word) >= 6 and word[1] in "مت"
            and names.is_name_word(prev) and prev not in names.title_words())


def _closed(word: str) -> bool:
    """Return whether a word closes a noun phrase: a definite adjective or title (الهندية، الرئيس)."""
    bare = word[1:] if word.startswith("وال") else word
    return bare.startswith("ال") and (bare.endswith(("ي", "يه")) or word in names.title_words())


def _adverbial(prev: str, word: str) -> bool:
    """Return whether word is an accusative participle after a finished name (روحاني | موجها حديثه)."""
    return (len(word) >= 5 and word.startswith("م") and word.endswith("ا") and prev not in names.title_words()
            and prev not in names.NAME_JOINERS)


def _noun_phrase(toks: Tokens, i: int, *, objects: bool = False, preps: str = "",
                 ends: frozenset[str] = frozenset(), after_name: bool = False) -> int:
    """Return the end index of the noun phrase starting at toks[i] (i itself when there is none).

    With objects=True the phrase also ends where a verb's object visibly begins; preps are the
    one-letter prepositions (ب، ل) of the verb's complement, which end it unless they follow a title;
    ends are the verb's prepositions (طلبت الإدارة من السائقين).
    """
    titles, places, stop = names.title_words(), names.places(), _STOP_WORDS
    last = min(len(toks), i + _MAX_NP)
    j = i
    while j < last:
        tok = toks[j]
        word = tok.norm
        if stop[word]:
            break
        if j > i:
            prev = toks[j - 1].norm
            if word in ends or _adverbial(prev, word) or tok.possessed or _purpose(prev, word) or (objects and (
                _object_starts(prev, word, after_name=after_name,
                               follows=toks[j + 1].norm if j + 1 < len(toks) else "", feminine=tok.feminine)
                or (tok.feminine and _closed(prev) and word[:1] not in "البو")
                or (_institution(toks[i].norm) and _closed(prev) and not word.startswith("ال"))
            )):
                break
            if word[:1] in preps and len(word) > 3 and prev not in titles:
                break
            if word in places and not prev.startswith(("ال", "لل")) and prev not in titles:
                break  # توعد ترامب إيران: a country right after a name is the object
            if word.startswith("وال") and not prev.startswith(("ال", "وال", "لل", "بال")):
                break  # ترامب والفرنسي ماكرون: a second subject, not a part of the first
        j += 1
    while j > i and toks[j - 1].norm in "-–":
        j -= 1
    return j


def _prefix_letters(allowed: frozenset[str]) -> str:
    return "".join(p for p in ("ب", "ل") if p in allowed)


_PREFIXES: Memo[frozenset[str], str] = Memo(_prefix_letters)  # a cue's prepositions, asked of every word after it


def _prefixes(allowed: frozenset[str]) -> str:
    return _PREFIXES[allowed]


def _is_complement(n: str, allowed: frozenset[str]) -> bool:
    return (n in cues.THAT or n == cues.COLON or n in cues.QUOTE_MARKS or n in allowed
            or (n[:1] in _prefixes(allowed) and len(n) >= 3))


def _complement(toks: Tokens, j: int, allowed: frozenset[str]) -> int:
    """Return the position from j on of the token that carries the report (أن، :، "، or the verb's
    preposition), or -1."""
    for k in range(j, min(j + _COMPLEMENT_WINDOW, len(toks))):
        n = toks[k].norm
        if _is_complement(n, allowed):
            return k
        if n in _SENTENCE_END or n in cues.VERBS:
            break
    k = j + 1 if j < len(toks) and toks[j].norm in {"،", ","} else j
    if cues.ANY in allowed and k < len(toks) and toks[k].norm not in PUNCTUATION | cues.NO_COMMENT:
        return k
    return -1


def _quote_kind(text: str, after: int, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        if b > after and len(text[max(a, after) : b].split()) >= _DIRECT_MIN_WORDS:
            return "direct"
    return "indirect"


def _has_name(toks: Tokens, a: int, b: int) -> bool:
    return bool(names.split(map(_NORM, toks[a:b])).name)


def _through_phrase(toks: Tokens, a: int, k: int) -> int:
    """Return k moved over a short phrase that completes a bare title: up to a comma (مستشار السياسة
    الخارجية في الكرملين،) or up to the name it ends with (نائب الممثل في العراق جورجي بوستن)."""
    if k < len(toks) and toks[k].norm in _PHRASE_PREPOSITIONS and not _has_name(toks, a, k):
        m = _noun_phrase(toks, k + 1)
        if m > k + 1 and m - k <= 5 and m < len(toks) and toks[m].norm in {"،", ","}:
            return m
        if toks[a].norm in names.roles() and m > k + 2 and m - k <= 7 and _trailing_name(toks, k + 1, m) > k + 1:
            return m
    return k


def _trailing_name(toks: Tokens, a: int, b: int) -> int:
    """Return where a person's name starts inside toks[a:b] when it ends the span, else -1."""
    mention = names.split(map(_NORM, toks[a:b]))
    if (len(mention.name) > 1 and mention.name_at > 0 and not set(mention.name) & names.places()
            and not any(t.possessed for t in toks[a:b])):
        return a + mention.name_at
    return -1


def _apposition(toks: Tokens, j: int) -> tuple[int, int]:
    """Return the span of a noun phrase set off by commas right after position j (j, j when none)."""
    if j + 1 < len(toks) and toks[j].norm in {"،", ","}:
        start = j + 1
        head = toks[start].norm
        if head.startswith("و") and (head.startswith("وال") or head.endswith(("ه", "ها", "هم"))):
            return j, j
        k = _through_phrase(toks, start, _noun_phrase(toks, start))
        if k < len(toks) and toks[k].norm in _PHRASE_PREPOSITIONS:
            k2 = _noun_phrase(toks, k + 1)
            k = k2 if k2 - k <= 6 and k2 < len(toks) and toks[k2].norm in _CLOSERS else k
        if k > start and (k >= len(toks) or toks[k].norm in _CLOSERS):
            return start, k
    return j, j


def _surface(text: str, toks: Tokens, a: int, b: int) -> str:
    return text[toks.starts[a] : toks.ends[b - 1]] if b > a else ""


def _passive(text: str, toks: Tokens, i: int) -> bool:
    """Return whether a vocalized verb is passive (دُعوا، قِيل): a damma or kasra on its first letter."""
    word = _surface(text, toks, i, i + 1)
    if len(word) > 3 and word[0] in "وف" and not ("\u064b" <= word[1] <= "\u0652"):
        word = word[1:]
    return len(word) > 1 and word[1] in "\u064f\u0650"


_HARD_BOUNDARY = frozenset(".؟?!:؛;\"«»“”()") | cues.THAT


def _subject_before(toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of a subject written before its verb (الشرطة تقول إن، لكن محمد، وكيل ...، قال), or None."""
    end = i - 1 if i > 0 and toks[i - 1].norm in {"قد", "لقد"} else i
    start = end
    while start > 0 and end - start < 24 and toks[start - 1].norm not in _HARD_BOUNDARY:
        start -= 1
    for a in range(start, end):
        if a > 0 and toks[a - 1].norm not in _HARD_BOUNDARY | {"،", ","}:
            continue
        opened = toks[a].norm in _CLAUSE_OPENERS
        b = a + 1 if opened else a
        if b >= end:
            continue
        first = toks[b].norm
        first = first[1:] if first[:1] in {"و", "ف"} and first[1:].startswith("ال") else first
        if not (first.startswith("ال") or opened or first in names.title_words()):
            continue
        stop = _noun_phrase(toks, b)
        app_b = _apposition(toks, stop)[1]
        reach = app_b + 1 if app_b > stop else stop
        if stop < end and toks[stop].norm in _PHRASE_PREPOSITIONS | {"من"}:
            reach = _noun_phrase(toks, stop + 1)  # وكان سفير روسيا في لبنان قد قال
        if stop > b and (reach == end or stop == end):
            return b, stop
    return None


_WHO = frozenset({"الذي", "التي", "الذين"})


def _antecedent_report(text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of "فلان الذي أوضح أن": the titled name right before the relative pronoun."""
    k = i - 1
    start = k
    while start > 0 and k - start < 10 and not _is_stop(toks[start - 1]):
        start -= 1
    titles = names.title_words()
    start = next((a for a in range(start, k) if toks[a].norm in titles), start)
    if start >= k or not _has_name(toks, start, k):
        return None
    comp = _complement(toks, i + 1, cues.complements(cues.VERBS[toks[i].norm]))
    if comp < 0 or toks[comp].norm not in cues.THAT | {cues.COLON} | cues.QUOTE_MARKS:
        return None
    return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, start, k),
                  quote=_quote_kind(text, toks.starts[comp], spans))


def _own_object(text: str, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] is the verb's own object (وختم حديثه بالقول): the subject is implicit."""
    word = _surface(text, toks, j, j + 1)
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return (len(word) > 4 and word.endswith(("ه", "ها")) and not word.startswith("ال")
            and (after in cues.THAT or after == cues.COLON or after.startswith("بال")))


def _name_before(toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of the name just before position i (كلمة رئيس الجمعية عبدالعزيز السيف، أوضح فيها)."""
    end = i
    while end > 0 and toks[end - 1].norm in {"،", ","}:
        end -= 1
    start = end
    while start > 0 and end - start < 6 and not _is_stop(toks[start - 1]):
        start -= 1
    return (start, end) if start < end and _has_name(toks, start, end) else None


def _verb_report(text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    tok = toks[i]
    stem = cues.VERBS[tok.norm]
    if tok.norm in cues.IMPERSONAL or _passive(text, toks, i):
        return None
    if i > 0 and toks[i - 1].norm in _RELATIVE:
        return _antecedent_report(text, toks, i, spans) if toks[i - 1].norm in _WHO else None
    if i > 1 and toks[i - 1].norm == "كما" and toks[i - 2].norm not in PUNCTUATION:
        return None
    ambiguous = tok.norm in cues.AMBIGUOUS
    if ambiguous and i > 0 and toks[i - 1].norm not in PUNCTUATION | _CLAUSE_OPENERS | {"جانبه", "جهته"}:
        return None
    allowed = cues.complements(stem)
    j = i + 1
    while j < len(toks) and toks[j].norm in _OBJECTS:
        j += 1
    implicit = j < len(toks) and (
        toks[j].norm in cues.PRONOUN_SUBJECTS or toks[j].norm in cues.DOCUMENTS or toks[j].norm in _PERSONAL_PRONOUN
        or toks[j].norm in {"فيها", "فيه"} or _own_object(text, toks, j)
    )
    if implicit:
        j += 1
        np_end = end = j
    elif j < len(toks) and _is_complement(toks[j].norm, allowed - {cues.ANY}):
        np_end = end = j
        implicit = True
    else:
        # Try the subject as a plain phrase first; only a verb whose object may follow the subject
        # (أكد استعداده، وصف ترامب الاتفاق) needs the phrase cut where an object visibly begins.
        objects = cues.ANY in allowed
        np_end = _noun_phrase(toks, j, objects=objects, preps=_prefixes(allowed), ends=allowed)
        end = _through_phrase(toks, j, np_end)
        comp_at = _apposition(toks, end)[1] if _apposition(toks, end)[1] > end else end
        if not (comp_at < len(toks) and _is_complement(toks[comp_at].norm, frozenset())):
            np_end = _noun_phrase(toks, j, objects=True, preps=_prefixes(allowed), ends=allowed, after_name=True)
            end = _through_phrase(toks, j, np_end)
        implicit = end == j
    if any(t.norm in cues.NO_COMMENT for t in toks[j : end + 1]):
        return None  # رفضت الوزارة التعليق: refusing to comment reports nothing
    app_a, app_b = _apposition(toks, end)
    if app_a == app_b and end > np_end and (named_at := _trailing_name(toks, np_end + 1, end)) > 0:
        app_a, app_b = named_at, end  # the name that closes a title's phrase stands as its apposition
    at = _complement(toks, max(end, app_b), allowed)
    if at < 0:
        return None
    comp = toks[at].norm
    if ambiguous and not (comp in cues.THAT or comp == cues.COLON or comp in cues.QUOTE_MARKS):
        return None
    quote = _quote_kind(text, toks.starts[at], spans)
    cue = _surface(text, toks, i, i + 1)
    if implicit and j - 1 < len(toks) and toks[j - 1].norm in {"فيها", "فيه"} and j - 1 == i + 1:
        named = _name_before(toks, i)
        if named:
            return Report("explicit", cue, _surface(text, toks, *named), quote=quote)
    if implicit:
        before = _subject_before(toks, i)
        if before:
            return Report("explicit", cue, _surface(text, toks, *before), quote=quote)
        if i > 2 and (toks[i - 1].norm in {"حيث", "اذ"} or tok.norm.startswith("و")):
            a, b, app_a, app_b = _main_subject(toks, i - 1 if toks[i - 1].norm in {"حيث", "اذ"} else i)
            subject = _surface(text, toks, a, b)
            if subject and (_has_name(toks, a, b) or _is_source(subject)):
                return Report("explicit", cue, subject, _surface(text, toks, app_a, app_b), quote)
        return Report("implicit", cue, quote=quote)
    if toks[j].possessed and np_end > j + 1 and _has_name(toks, j + 1, np_end):
        j += 1  # وقال شقيقه عبدالله: the name, not the kinship word, names the source
    return Report("explicit", cue, _surface(text, toks, j, np_end), _surface(text, toks, app_a, app_b), quote)


def _according_to(text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source of بحسب / وفقا لـ / نقلا عن / حسب, or None (بحسب ما قال → the verb decides)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in {"ل", "عن"}:
        j += 1
    if j < len(toks) and toks[j].norm in {"ما", "لما", "حسبما"}:
        return None
    end = _noun_phrase(toks, j)
    if end == j:
        return None
    mention = _surface(text, toks, j, end)
    if not (_has_name(toks, j, end) or _is_source(mention)):
        return None  # بحسب المواعيد المقررة: according to a schedule, not to a source
    if toks[i].norm in {"وفقا", "وفق", "طبقا"} and toks[j].norm.startswith("ل") and len(toks[j].norm) > 3:
        mention = mention[2:] if toks[j].norm.startswith("لل") else mention[1:]  # وفقا لوزارة → وزارة
        mention = ("ال" + mention) if toks[j].norm.startswith("لل") else mention
    return Report("explicit", _surface(text, toks, i, i + 1), mention)


def _is_source(phrase: str) -> bool:
    """Return whether a phrase names a possible source: a title, institution, place or news outlet."""
    words = [normalize(w) for w in phrase.split()[:6]]
    if any(pos == 0 for _, _, pos in mentions.find(words, mentions.gazetteer_index())):
        return True
    for head in words[:1]:
        bare = head[2:] if head.startswith("ال") else head[1:] if head[:1] in "لو" else head
        if ({head, bare, "ال" + bare} & (names.title_words() | names.INSTITUTION_HEADS | names.places())
                or bare in names.INSTITUTION_HEADS or bool(_MEDIA.match("ل" + bare))):
            return True
    return False


def _relay(text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source quoted by نقلت X عن Y, or None."""
    for k in range(i + 1, min(len(toks), i + 12)):
        if toks[k].norm == "عن":
            end = _noun_phrase(toks, k + 1)
            if end > k + 1:
                return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, k + 1, end))
            return None
    return None


def _main_subject(toks: Tokens, limit: int) -> tuple[int, int, int, int]:
    """Return the token spans of the subject and its apposition after a sentence-initial verb
    (ومدح أسطورة الكرة ... قائلا); empty spans when the sentence opens otherwise."""
    i = 0
    while i < limit and toks[i].norm in PUNCTUATION | {"ثم", "كما", "و", "قد", "وقد", "فقد", "لقد"}:
        i += 1
    if i >= limit:
        return 0, 0, 0, 0
    first = toks[i].norm
    word = first[1:] if first[:1] in {"و", "ف"} else first
    if word.startswith("ال") or word in _STOP or len(word) < 3 or first.startswith(("ب", "ل", "ك")):
        return 0, 0, 0, 0
    end = min(_noun_phrase(toks, i + 1, objects=True, after_name=True), limit)
    app_a, app_b = _apposition(toks, end)
    return i + 1, end, app_a, min(app_b, limit)


def _participle_reports(toks: Tokens, i: int) -> bool:
    """Return whether a participle (مضيفا، مشيرة) introduces a report: its complement follows at once."""
    allowed = cues.complements(cues.PARTICIPLES[toks[i].norm]) - {cues.ANY}
    return any(_is_complement(t.norm, allowed) for t in toks[i + 1 : i + 3])


# Every word a branch of find() acts on; any other token is skipped at once.
_TRIGGERS = cues.RELAY | {"نقلا"} | frozenset(cues.VERBS) | cues.ACCORDING_TO | frozenset(cues.PARTICIPLES)


def find(text: str, toks: Tokens | None = None) -> Report | None:
    """Return the report a sentence makes, or None for narration.

    The first reporting verb outside quotations decides (a later one sits in its reported clause);
    a relayed source (نقلت ... عن فلان) outranks it, and بحسب / وفقا لـ and participles (مضيفا) are fallbacks.
    """
    toks = tokens(text) if toks is None else toks
    spans = quote_spans(text)
    relay = verb = according = None
    participle = ""
    for i in positions(map(_NORM, toks), _TRIGGERS):
        tok = toks[i]
        n = tok.norm
        if spans and _inside(toks.starts[i], spans):
            continue
        if n in cues.RELAY and relay is None:
            relay = _relay(text, toks, i)
        elif n == "نقلا" and relay is None:
            relay = _according_to(text, toks, i)
        elif n in cues.VERBS and verb is None:
            verb = _verb_report(text, toks, i, spans)
        elif n in cues.ACCORDING_TO and according is None:
            according = _according_to(text, toks, i)
        elif n in cues.PARTICIPLES and not participle and verb is None and _participle_reports(toks, i):
            participle = _surface(text, toks, i, i + 1)
            a, b, app_a, app_b = _main_subject(toks, i)
            if b > a:
                verb = Report("explicit", participle, _surface(text, toks, a, b), _surface(text, toks, app_a, app_b),
                              _quote_kind(text, toks.ends[i], spans))
    if relay:
        return relay
    if verb and (verb.kind == "explicit" or according is None):
        return verb
    if according:
        return according
    if participle:
        return Report("implicit", participle, quote=_quote_kind(text, 0, spans))
    return _headline(text, toks)


def _headline(text: str, toks: Tokens) -> Report | None:
    """Return the source of a headline quote "الصليب الأحمر: الوضع في اليمن كارثي", or None."""
    colon = next((k for k, t in enumerate(toks[:6]) if t.norm == cues.COLON), -1)
    if colon < 1 or len(toks) - colon < 4 or _noun_phrase(toks, 0) != colon or len(text.split()) > _HEADLINE_WORDS:
        return None
    mention = names.split(map(_NORM, toks[:colon]))
    person = len(mention.name) >= 2 and all(w in names.title_words() for w in mention.title)
    institution = toks[0].norm not in names.places() and _is_source(_surface(text, toks, 0, colon))
    if not (person or institution):
        return None
    return Report("explicit", "", _surface(text, toks, 0, colon), quote="direct")


def people(text: str, toks: Tokens | None = None) -> list[str]:
    """Return the titled names a sentence mentions (اللواء إبراهيم الحمزي), as written, in order."""
    toks = tokens(text) if toks is None else toks
    titles = names.title_words()
    found, free = [], 0  # free: the first token no earlier name covers
    for i in positions(map(_NORM, toks), titles):
        if i < free or (i > 0 and toks[i - 1].norm in titles):
            continue
        end = _noun_phrase(toks, i, objects=True)
        if _has_name(toks, i, end):
            found.append(_surface(text, toks, i, end))
            free = end
    return found


def turn_taker(text: str, toks: Tokens | None = None) -> str:
    """Return the person a sentence opening with من جانبه / من جهته / بدوره hands the turn to, or ""."""
    toks = tokens(text) if toks is None else toks
    if not opens_new_turn(toks):
        return ""
    found = people(text, toks)
    return found[0] if found else ""


_AFTER_MIN = frozenset({"جانبه", "جهته", "جانبها", "جهتها"})  # من جانبه …
_IN_TURN = frozenset({"بدوره", "وبدوره", "بدورها", "وبدورها"})


def opens_new_turn(toks: Tokens) -> bool:
    """Return whether a sentence opens with من جانبه / من جهته / بدوره: another participant takes over."""
    head = [t.norm for t in toks[:3]]
    return (len(head) > 1 and head[0] == "من" and head[1] in _AFTER_MIN) or (bool(head) and head[0] in _IN_TURN)


@cache
def key_words() -> frozenset[str]:
    """Return every normalized word that find(), people() and turn_taker() act on. A sentence with none of
    them and no colon reports nothing and names no titled person: attribution skips it at once."""
    return _TRIGGERS | names.title_words() | _AFTER_MIN | _IN_TURN | {cues.COLON}


def has_key_word(written: str) -> bool:
    """Return whether a written word (as tokenize.words cuts it) holds a token in key_words()."""
    keys = key_words()
    return any(_WORDS[t][0] in keys for t in _TOKEN.findall(written))
