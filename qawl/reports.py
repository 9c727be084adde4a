"""A report and where what it says begins: the Report record, the quotations of a sentence, a cue's complement
(أن، إن، a colon, a quotation) and the words as written."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from qawl import cues, dictionary, quotes, sources
from qawl.arabic import with_pronouns
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.phrases import (
    COMMAS,
    PUNCTUATION,
    closing_bracket,
)
from qawl.tokenize import Tokens

SENTENCE_END = frozenset(".؟?!")


_COMPLEMENT_WINDOW = 30


_DIRECT_MIN_WORDS = 4


@dataclass(frozen=True)
class Report:
    """What one sentence says about its speaker: explicit noun phrase, implicit, or by quotation."""

    kind: str  # "explicit" (a noun phrase names the source) or "implicit" (the last named source)
    cue: str  # the reporting word as written
    mention: str = ""  # the speaker noun phrase as written ("" when implicit)
    apposition: str = ""  # a title or name in apposition (كوساشيف، رئيس لجنة ...)
    quote: str = "indirect"  # "direct" when the report is a quotation
    document: str = ""  # the document that is the subject, as written (وأضاف البيان): its author speaks, whatever the
    # verb's form
    relayer: str = ""  # who relays the source (وأوضحت الصحيفة نقلا عن مصادر …): the subject of what follows
    anonymous: bool = False  # the sentence withholds the source's name (طلب عدم نشر اسمه): an unnamed source
    body: bool = False  # a body, whatever its name looks like: the owner of figures cited (وفقا لبيانات فلان), a
    # quoted name (وقالت "فيسبوك")
    same: bool = False  # the source named before, whatever the verb's form (المصدر ذاته، ذات المصدر: the verb agrees
    # with the noun that points back, not with the source)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) character offsets of the quotations in text, an unclosed one to its end."""
    return quotes.spans(text)


def inside_quotes(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Return whether a character offset falls inside one of a sentence's quotations (spans: quote_spans)."""
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _prefix_letters(allowed: frozenset[str]) -> str:
    return "".join(p for p in ("ب", "ل") if p in allowed)


_PREFIXES: Memo[frozenset[str], str] = Memo(_prefix_letters)  # a cue's prepositions, asked of every word after it


def complement_prefixes(allowed: frozenset[str]) -> str:
    """Return the one-letter prepositions (ب، ل) among a cue's complements."""
    return _PREFIXES[allowed]


def _complement_words(lex: Lexicons, allowed: frozenset[str]) -> tuple[frozenset[str], str]:
    """Return the words that carry the report of a cue with these complements (a that-clause, a colon, a quotation
    mark, its prepositions, and the speech nouns of a cue that issues one), and the prepositions (ب، ل) a word that
    carries it may open with."""
    words = lex.w.that | {cues.COLON} | cues.QUOTE_MARKS | allowed
    if cues.SPEECH in allowed:
        words |= speech_objects(lex)
    return words, complement_prefixes(allowed)


def _complements(lex: Lexicons, allowed: frozenset[str]) -> tuple[frozenset[str], str]:
    """Return _complement_words of a cue's complements, worked out once per set of complements."""
    return lex.memo("complement_words", _complement_words)[allowed]


def _carries(n: str, complements: tuple[frozenset[str], str]) -> bool:
    """Return whether a normalized word carries a report, given the _complements of its cue."""
    words, prefixes = complements
    return n in words or (n[:1] in prefixes and len(n) >= 3)


def is_complement(lex: Lexicons, n: str, allowed: frozenset[str]) -> bool:
    """Return whether a normalized word opens what a cue with these complements reports (أن، إن، بأن، إلى)."""
    return _carries(n, _complements(lex, allowed))


def speech_objects(lex: Lexicons) -> frozenset[str]:
    """Return the written forms of the speech nouns of the lexicon as a verb's object: بيانا، بيان، ببيان،
    بالبيان، نداء، رسالة، شكره، تصريحاته (a verb like أصدر or وجه reports through them)."""
    def forms(lex: Lexicons) -> frozenset[str]:
        out = set()
        for noun in lex.w.speech_noun:
            for word in (noun, noun + "ا", "ال" + noun, *with_pronouns(noun, ("ه", "ها", "هم"))):  # رسالته
                out.update({word, "ب" + word, "و" + word})
            out.add("بال" + noun)
        return frozenset(out)
    return lex.derived("speech_objects", forms)


def complement_at(lex: Lexicons, toks: Tokens, j: int, allowed: frozenset[str]) -> int:
    """Return the position from j on of the token that carries the report (أن، :، "، or the verb's
    preposition), or -1."""
    verbs, complements = cues.of(lex).verbs, _complements(lex, allowed)
    if (close := closing_bracket(toks, j)) > 0:
        j = close + 1  # أعلن البنك المركزي السعودي (ساما) في نشرته: the body's short name in brackets
    for k in range(j, min(j + _COMPLEMENT_WINDOW, len(toks))):
        n = toks[k].norm
        if _carries(n, complements) and not (n == "ان" and k > j and toks[k - 1].norm in lex.w.time_conjunction) and (
                not any(_quoted_name(lex, toks, m, k) for m in range(max(0, k - 3), k + 1))) and not (
                n[:1] == "ب" and n in lex.places):
            # not بعد أن، قبل أن: a clause of time, not what was said; not بيونغيانغ، بريطانيا: a place, no ب
            return k
        if n in SENTENCE_END or (n in verbs and not _preposition_like(lex, toks, k)):
            break
    k = j + 1 if j < len(toks) and toks[j].norm in COMMAS else j
    if k + 2 < len(toks) and toks[k].norm == "في" and _speech(lex, toks[k + 1].norm):
        # وأوضح الشيخ فلان في كلمة له مدى اهتمام …: said in a speech, whatever the verb's object
        k += 3 if toks[k + 2].norm in lex.w.object_pronoun else 2
        if k < len(toks) and toks[k].norm in COMMAS:
            k += 1  # وأعلنت الوزارة، في بيان، تفكيك شبكة: the aside closed by a comma
        allowed = frozenset({cues.ANY})
    if (cues.ANY in allowed and k < len(toks) and (toks[k].norm not in PUNCTUATION or _quoted_name(lex, toks, k, k))
            and toks[k].norm not in lex.w.no_comment):
        return k  # وانتقد سياسة | "التهدئة": the object goes on in the name the marks set apart
    return -1


def _quoted_name(lex: Lexicons, toks: Tokens, k: int, at: int) -> bool:
    """Return whether the quotation mark at k opens a word or two in quotation marks that name what the noun before
    them is (صندوق تنمية الموارد البشرية «هدف» دعما), and the mark at `at` opens or closes them: the sentence goes
    on after it, so nothing is quoted."""
    if k == 0 or toks[k].norm not in cues.QUOTE_MARKS or k + 2 >= len(toks):
        return False
    before = toks[k - 1].norm
    close = next((c for c in range(k + 2, min(len(toks), k + 4)) if toks[c].norm in cues.QUOTE_MARKS), -1)
    return (close > 0 and at in (k, close) and close + 1 < len(toks)
            and toks[close + 1].norm not in PUNCTUATION and _names_thing(lex, before)
            and before not in lex.w.clause_opener and before not in lex.w.relative)  # not مازال "متزوجا"، الذي "هددها"


def _names_thing(lex: Lexicons, word: str) -> bool:
    """Return whether a noun before a word or two in quotation marks is what they name: a definite one (الصندوق
    «هدف»), or an indefinite one that cannot speak (منظومة "مسار"، منصة "أبشر"), not مسؤول "كبير"."""
    return word.startswith("ال") or (dictionary.entry(word) is not None and not (
        word in lex.title_words or word in lex.w.person_noun or sources.unnamed_head(lex, word)))


def _speech(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a speech, maybe the speaker's own (كلمة، تصريح، كلمته، تصريحاتها)."""
    for suffix in ("ها", "ه", ""):
        if word.endswith(suffix):
            bare = word[: len(word) - len(suffix)]
            if bare in lex.w.speech_noun or (suffix and bare.endswith("ت") and bare[:-1] + "ه" in lex.w.speech_noun):
                return True
    return False


def _preposition_like(lex: Lexicons, toks: Tokens, k: int) -> bool:
    """Return whether a cue's spelling at toks[k] is the noun or preposition it shares (سالفيني عبر حسابه: via;
    دون ذكر: mentioning): not at the head of a clause."""
    n = toks[k].norm
    if k > 0 and toks[k - 1].norm in lex.w.preposition:
        return True  # …، دون ذكر الحكومة بالاسم، عن: a verbal noun after a preposition, no verb
    if not (n in lex.w.ambiguous_cue or n in lex.w.clause_head_cue) or k == 0:
        return False
    if toks[k - 1].norm in COMMAS and k + 1 < len(toks) and toks[k + 1].norm not in PUNCTUATION and (
            not sources.head_kind(lex, toks[k + 1].norm) or (
                toks[k + 1].possessed and not sources.possessor_kind(lex, toks[k + 1].norm)) or any(
                toks[c].norm in COMMAS and (toks[c + 1].norm in {"عن", "الي", "ان", "بان"} or (n == "عبر" and all(
                    t.norm != "عن" for t in toks[k + 1 : c]))) for c in range(k + 2, min(len(toks) - 1, k + 7)))):
        # وعبر أولياء الأمور، عبر صفحات التواصل، عن غضبهم; وطالب ناشطون، عبر مواقع التواصل، وزارة الصحة بـ: an aside
        # (via what cannot speak, or closed by a comma before what the verb governs, with no عن of its own), no verb;
        # عبر حسابه: via one's own thing (not one's kin, who may speak)
        return True
    return not (toks[k - 1].norm in PUNCTUATION or toks[k - 1].norm in lex.w.clause_opener)


def quote_kind(text: str, after: int, spans: list[tuple[int, int]]) -> str:
    """Return "direct" when a quotation of a few words or more follows the offset, else "indirect"."""
    for a, b in spans:
        if b > after and len(text[max(a, after) : b].split()) >= _DIRECT_MIN_WORDS:
            return "direct"
    return "indirect"


def surface(text: str, toks: Tokens, a: int, b: int) -> str:
    """Return the text of tokens a to b as written ("" when the span is empty)."""
    return text[toks.starts[a] : toks.ends[b - 1]] if b > a else ""


def passive(text: str, toks: Tokens, i: int) -> bool:
    """Return whether a vocalized verb is passive (دُعوا، قِيل): a damma or kasra on its first letter."""
    word = surface(text, toks, i, i + 1)
    if len(word) > 3 and word[0] in "وف" and not ("\u064b" <= word[1] <= "\u0652"):
        word = word[1:]
    return len(word) > 1 and word[1] in "\u064f\u0650"


def said_at(lex: Lexicons, toks: Tokens, k: int) -> bool:
    """Return whether what is said begins at toks[k], a comma before it aside (أن، a colon, a quotation): the phrase
    before it, right after the cue, is the verb's subject whatever its words (وأكد الصدر أن)."""
    if k < len(toks) and toks[k].norm in COMMAS:
        k += 1
    return k < len(toks) and (toks[k].norm in lex.w.that or toks[k].norm == cues.COLON
                              or (toks[k].norm in cues.QUOTE_MARKS and not _quoted_term(toks, k)))


def _quoted_term(toks: Tokens, k: int) -> bool:
    """Return whether the quotation opening at toks[k] is a term of one to three words the sentence goes on after
    (وانتقد سياسة "التهدئة" الأوروبية): a word set apart, not what someone said."""
    close = next((m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].norm in cues.QUOTE_MARKS), -1)
    return close > k + 1 and close + 1 < len(toks) and toks[close + 1].norm not in PUNCTUATION
