"""Finding the report in one sentence: its cue, its speaker noun phrase, direct or indirect."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from qawl import cues, mentions, names, quotes, sources
from qawl.lexicons import Lexicons
from qawl.normalize import normalize
from qawl.phrases import (
    COMMAS,
    PUNCTUATION,
    apposition,
    has_name,
    is_stop_word,
    noun_phrase,
    starts_with_media_word,
    through_phrase,
    trailing_name,
)
from qawl.tokenize import NORM, Tokens, positions, tokens

_SENTENCE_END = frozenset(".؟?!")
_COMPLEMENT_WINDOW = 30
_DIRECT_MIN_WORDS = 4
_HEADLINE_WORDS = 22
_HARD_MARKS = frozenset(".؟?!:؛;\"«»“”()")


@dataclass(frozen=True)
class Report:
    """What one sentence says about its speaker: explicit noun phrase, implicit, or by quotation."""

    kind: str  # "explicit" (a noun phrase names the source) or "implicit" (the last named source)
    cue: str  # the reporting word as written
    mention: str = ""  # the speaker noun phrase as written ("" when implicit)
    apposition: str = ""  # a title or name in apposition (كوساشيف، رئيس لجنة ...)
    quote: str = "indirect"  # "direct" when the report is a quotation
    document: bool = False  # the subject is a document (وأضاف البيان): its author speaks, whatever the verb's form


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) character offsets of the quotations in text, an unclosed one to its end."""
    return quotes.spans(text)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _prefixes(allowed: frozenset[str]) -> str:
    """Return the one-letter prepositions (ب، ل) among a cue's complements."""
    return "".join(p for p in ("ب", "ل") if p in allowed)


def _is_complement(lex: Lexicons, n: str, allowed: frozenset[str]) -> bool:
    return (n in lex.words("that") or n == cues.COLON or n in cues.QUOTE_MARKS or n in allowed
            or (n[:1] in _prefixes(allowed) and len(n) >= 3))


def _complement(lex: Lexicons, toks: Tokens, j: int, allowed: frozenset[str]) -> int:
    """Return the position from j on of the token that carries the report (أن، :، "، or the verb's
    preposition), or -1."""
    verbs = cues.of(lex).verbs
    for k in range(j, min(j + _COMPLEMENT_WINDOW, len(toks))):
        n = toks[k].norm
        if _is_complement(lex, n, allowed):
            return k
        if n in _SENTENCE_END or n in verbs:
            break
    k = j + 1 if j < len(toks) and toks[j].norm in COMMAS else j
    if (cues.ANY in allowed and k < len(toks) and toks[k].norm not in PUNCTUATION
            and toks[k].norm not in lex.words("no_comment")):
        return k
    return -1


def _quote_kind(text: str, after: int, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        if b > after and len(text[max(a, after) : b].split()) >= _DIRECT_MIN_WORDS:
            return "direct"
    return "indirect"


def _surface(text: str, toks: Tokens, a: int, b: int) -> str:
    return text[toks.starts[a] : toks.ends[b - 1]] if b > a else ""


def _passive(text: str, toks: Tokens, i: int) -> bool:
    """Return whether a vocalized verb is passive (دُعوا، قِيل): a damma or kasra on its first letter."""
    word = _surface(text, toks, i, i + 1)
    if len(word) > 3 and word[0] in "وف" and not ("\u064b" <= word[1] <= "\u0652"):
        word = word[1:]
    return len(word) > 1 and word[1] in "\u064f\u0650"


def _hard_boundary(lex: Lexicons, n: str) -> bool:
    return n in _HARD_MARKS or n in lex.words("that")


def _subject_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of a subject written before its verb (الشرطة تقول إن، لكن محمد، وكيل ...، قال), or None."""
    end = i - 1 if i > 0 and toks[i - 1].norm in {"قد", "لقد"} else i
    start = end
    while start > 0 and end - start < 24 and not _hard_boundary(lex, toks[start - 1].norm):
        start -= 1
    openers, prepositions = lex.words("clause_opener"), lex.words("phrase_preposition") | {"من"}
    for a in range(start, end):
        if a > 0 and not (_hard_boundary(lex, toks[a - 1].norm) or toks[a - 1].norm in COMMAS):
            continue
        opened = toks[a].norm in openers
        b = a + 1 if opened else a
        if b >= end:
            continue
        first = toks[b].norm
        first = first[1:] if first[:1] in {"و", "ف"} and first[1:].startswith("ال") else first
        if not (first.startswith("ال") or opened or first in lex.title_words):
            continue
        stop = noun_phrase(lex, toks, b)
        app_b = apposition(lex, toks, stop)[1]
        reach = app_b + 1 if app_b > stop else stop
        if stop < end and toks[stop].norm in prepositions:
            reach = noun_phrase(lex, toks, stop + 1)  # وكان سفير روسيا في لبنان قد قال
        if stop > b and (reach == end or stop == end) and _speaks(lex, toks, b, stop):
            return b, stop
    return None


def _antecedent_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]
                       ) -> Report | None:
    """Return the report of "فلان الذي أوضح أن": the titled name right before the relative pronoun."""
    k = i - 1
    start = k
    while start > 0 and k - start < 10 and not is_stop_word(lex, toks[start - 1].norm):
        start -= 1
    titles = lex.title_words
    start = next((a for a in range(start, k) if toks[a].norm in titles), start)
    if start >= k or not has_name(lex, toks, start, k):
        return None
    table = cues.of(lex)
    comp = _complement(lex, toks, i + 1, table.complements(table.verbs[toks[i].norm]))
    if comp < 0 or not (toks[comp].norm in lex.words("that") or toks[comp].norm == cues.COLON
                        or toks[comp].norm in cues.QUOTE_MARKS):
        return None
    return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, start, k),
                  quote=_quote_kind(text, toks.starts[comp], spans))


def _own_object(lex: Lexicons, text: str, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] is the verb's own object (وختم حديثه بالقول): the subject is implicit."""
    word = _surface(text, toks, j, j + 1)
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return (len(word) > 4 and word.endswith(("ه", "ها")) and not word.startswith("ال")
            and (after in lex.words("that") or after == cues.COLON or after.startswith("بال")))


def _name_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of the name just before position i (كلمة رئيس الجمعية عبدالعزيز السيف، أوضح فيها)."""
    end = i
    while end > 0 and toks[end - 1].norm in COMMAS:
        end -= 1
    start = end
    while start > 0 and end - start < 6 and not is_stop_word(lex, toks[start - 1].norm):
        start -= 1
    return (start, end) if start < end and has_name(lex, toks, start, end) else None


def _verb_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    tok = toks[i]
    table = cues.of(lex)
    stem = table.verbs[tok.norm]
    if tok.norm in lex.words("impersonal") or _passive(text, toks, i):
        return None
    if i > 0 and toks[i - 1].norm in lex.words("relative"):
        return _antecedent_report(lex, text, toks, i, spans) if toks[i - 1].norm in lex.words("who") else None
    if i > 1 and toks[i - 1].norm == "كما" and toks[i - 2].norm not in PUNCTUATION:
        return None
    if i > 0 and toks[i - 1].norm in lex.words("preposition"):
        return None  # بعد رفض أصحابها: after a preposition the word is a verbal noun, not the verb
    # A cue spelled like a noun or a preposition (بين between, عبر via, رد reply) is the verb only at the head of
    # a clause; an ambiguous one also needs that-clause, colon or quotation after its subject.
    ambiguous = tok.norm in lex.words("ambiguous_cue")
    if ((ambiguous or tok.norm in lex.words("clause_head_cue")) and i > 0
            and not (toks[i - 1].norm in PUNCTUATION or toks[i - 1].norm in lex.words("clause_opener")
                     or toks[i - 1].norm in {"جانبه", "جهته"})):
        return None
    allowed = table.complements(stem)
    j = i + 1
    objects_between = lex.words("object_pronoun")
    while j < len(toks) and toks[j].norm in objects_between:
        j += 1
    implicit = j < len(toks) and (
        toks[j].norm in lex.words("pronoun_subject") or toks[j].norm in lex.words("document")
        or toks[j].norm in lex.words("personal_pronoun") or toks[j].norm in {"فيها", "فيه"}
        or _own_object(lex, text, toks, j)
    )
    if implicit:
        j += 1
        np_end = end = j
    elif j < len(toks) and _is_complement(lex, toks[j].norm, allowed - {cues.ANY}):
        np_end = end = j
        implicit = True
    else:
        # Try the subject as a plain phrase first; only a verb whose object may follow the subject
        # (أكد استعداده، وصف ترامب الاتفاق) needs the phrase cut where an object visibly begins.
        objects = cues.ANY in allowed
        np_end = noun_phrase(lex, toks, j, objects=objects, preps=_prefixes(allowed), ends=allowed)
        end = through_phrase(lex, toks, j, np_end)
        app_end = apposition(lex, toks, end)[1]
        comp_at = app_end if app_end > end else end
        if not (comp_at < len(toks) and _is_complement(lex, toks[comp_at].norm, frozenset())):
            np_end = noun_phrase(lex, toks, j, objects=True, preps=_prefixes(allowed), ends=allowed, after_name=True)
            end = through_phrase(lex, toks, j, np_end)
        implicit = end == j
    if any(t.norm in lex.words("no_comment") for t in toks[j : end + 1]):
        return None  # رفضت الوزارة التعليق: refusing to comment reports nothing
    app_a, app_b = apposition(lex, toks, end)
    if app_a == app_b and end > np_end and (named_at := trailing_name(lex, toks, np_end + 1, end)) > 0:
        app_a, app_b = named_at, end  # the name that closes a title's phrase stands as its apposition
    at = _complement(lex, toks, max(end, app_b), allowed)
    if at < 0:
        return None
    comp = toks[at].norm
    if ambiguous and not (comp in lex.words("that") or comp == cues.COLON or comp in cues.QUOTE_MARKS):
        return None
    quote = _quote_kind(text, toks.starts[at], spans)
    cue = _surface(text, toks, i, i + 1)
    if implicit and j - 1 < len(toks) and toks[j - 1].norm in {"فيها", "فيه"} and j - 1 == i + 1:
        named = _name_before(lex, toks, i)
        if named:
            return Report("explicit", cue, _surface(text, toks, *named), quote=quote)
    if implicit and j - 1 > i and toks[j - 1].norm in lex.words("document"):
        return Report("implicit", cue, quote=quote, document=True)
    if implicit:
        return _implicit_report(lex, text, toks, i, cue, quote)
    if toks[j].possessed and np_end > j + 1 and has_name(lex, toks, j + 1, np_end):
        j += 1  # وقال شقيقه عبدالله: the name, not the kinship word, names the source
    elif not (_said_at(lex, toks, max(end, app_b)) or _speaks(lex, toks, j, np_end)
              or (app_b > app_a and has_name(lex, toks, app_a, app_b))):
        return _implicit_report(lex, text, toks, i, cue, quote)  # وأكد أهمية …: the phrase is the object
    return Report("explicit", cue, _surface(text, toks, j, np_end), _surface(text, toks, app_a, app_b), quote)


def _said_at(lex: Lexicons, toks: Tokens, k: int) -> bool:
    """Return whether what is said begins at toks[k], a comma before it aside (أن، a colon, a quotation): the phrase
    before it, right after the cue, is the verb's subject whatever its words (وأكد الصدر أن)."""
    if k < len(toks) and toks[k].norm in COMMAS:
        k += 1
    return k < len(toks) and (toks[k].norm in lex.words("that") or toks[k].norm == cues.COLON
                              or toks[k].norm in cues.QUOTE_MARKS)


def _speaks(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] names a source that can speak (sources.classify)."""
    return b > a and bool(sources.classify(lex, [t.norm for t in toks[a:b]], possessed=toks[a].possessed).kind)


def _implicit_report(lex: Lexicons, text: str, toks: Tokens, i: int, cue: str, quote: str) -> Report:
    """Return the report of a cue whose subject is not after it: written before it (الشرطة تقول إن), the subject
    of the sentence's first verb (ويجري ترامب زيارة، حيث جدد …), else the last source named (implicit)."""
    before = _subject_before(lex, toks, i)
    if before:
        return Report("explicit", cue, _surface(text, toks, *before), quote=quote)
    tok = toks[i]
    if i > 2 and (toks[i - 1].norm in {"حيث", "اذ"} or tok.norm.startswith("و")):
        a, b, app_a, app_b = _main_subject(lex, toks, i - 1 if toks[i - 1].norm in {"حيث", "اذ"} else i)
        subject = _surface(text, toks, a, b)
        if subject and (has_name(lex, toks, a, b) or _is_source(lex, subject)) and _speaks(lex, toks, a, b):
            return Report("explicit", cue, subject, _surface(text, toks, app_a, app_b), quote)
    return Report("implicit", cue, quote=quote)


def _according_to(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source of بحسب / وفقا لـ / نقلا عن / حسب, or None (بحسب ما قال → the verb decides)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in {"ل", "عن"}:
        j += 1
    if j < len(toks) and toks[j].norm in {"ما", "لما", "حسبما"}:
        return None
    end = noun_phrase(lex, toks, j)
    if end == j:
        return None
    mention = _surface(text, toks, j, end)
    if not (has_name(lex, toks, j, end) or _is_source(lex, mention)):
        return None  # بحسب المواعيد المقررة: according to a schedule, not to a source
    if toks[i].norm in {"وفقا", "وفق", "طبقا"} and toks[j].norm.startswith("ل") and len(toks[j].norm) > 3:
        mention = mention[2:] if toks[j].norm.startswith("لل") else mention[1:]  # وفقا لوزارة → وزارة
        mention = ("ال" + mention) if toks[j].norm.startswith("لل") else mention
    return Report("explicit", _surface(text, toks, i, i + 1), mention)


def _is_source(lex: Lexicons, phrase: str) -> bool:
    """Return whether a phrase names a possible source: a title, institution, place or news outlet."""
    words = [normalize(w) for w in phrase.split()[:6]]
    if any(pos == 0 for _, _, pos in mentions.find(words, mentions.gazetteer_index(lex))):
        return True
    heads = lex.institution_heads
    for head in words[:1]:
        bare = head[2:] if head.startswith("ال") else head[1:] if head[:1] in "لو" else head
        if (any(w in lex.title_words or w in heads or w in lex.places for w in (head, bare, "ال" + bare))
                or bare in heads or starts_with_media_word(lex, bare)):
            return True
    return False


def _relay(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source quoted by نقلت X عن Y, or None."""
    for k in range(i + 1, min(len(toks), i + 12)):
        if toks[k].norm == "عن":
            end = noun_phrase(lex, toks, k + 1)
            if end > k + 1:
                return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, k + 1, end))
            return None
    return None


_LEADING = frozenset({"ثم", "كما", "و", "قد", "وقد", "فقد", "لقد"})


def _main_subject(lex: Lexicons, toks: Tokens, limit: int) -> tuple[int, int, int, int]:
    """Return the token spans of the subject and its apposition after a sentence-initial verb
    (ومدح أسطورة الكرة ... قائلا); empty spans when the sentence opens otherwise."""
    i = 0
    while i < limit and (toks[i].norm in PUNCTUATION or toks[i].norm in _LEADING):
        i += 1
    if i >= limit:
        return 0, 0, 0, 0
    first = toks[i].norm
    word = first[1:] if first[:1] in {"و", "ف"} else first
    if (word.startswith("ال") or word in lex.words("phrase_end") or word in lex.words("that") or len(word) < 3
            or first.startswith(("ب", "ل", "ك"))):
        return 0, 0, 0, 0
    end = min(noun_phrase(lex, toks, i + 1, objects=True, after_name=True), limit)
    app_a, app_b = apposition(lex, toks, end)
    return i + 1, end, app_a, min(app_b, limit)


def _participle_reports(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether a participle (مضيفا، مشيرة) introduces a report: its complement follows at once."""
    table = cues.of(lex)
    allowed = table.complements(table.participles[toks[i].norm]) - {cues.ANY}
    return any(_is_complement(lex, t.norm, allowed) for t in toks[i + 1 : i + 3])


def triggers(lex: Lexicons) -> frozenset[str]:
    """Return every word a branch of find() acts on; any other token is skipped at once."""
    def make(lex: Lexicons) -> frozenset[str]:
        table = cues.of(lex)
        return (lex.words("relay") | {"نقلا"} | frozenset(table.verbs) | lex.words("according_to")
                | frozenset(table.participles))
    return lex.derived("speech_triggers", make)


def find(lex: Lexicons, text: str, toks: Tokens | None = None) -> Report | None:
    """Return the report a sentence makes, or None for narration.

    The first reporting verb outside quotations decides (a later one sits in its reported clause);
    a relayed source (نقلت ... عن فلان) outranks it, and بحسب / وفقا لـ and participles (مضيفا) are fallbacks.
    """
    toks = tokens(text) if toks is None else toks
    spans = quote_spans(text)
    table = cues.of(lex)
    relay_words, according_words = lex.words("relay"), lex.words("according_to")
    relay = verb = according = None
    participle = ""
    for i in positions(map(NORM, toks), triggers(lex)):
        tok = toks[i]
        n = tok.norm
        if spans and _inside(toks.starts[i], spans):
            continue
        if n in relay_words and relay is None:
            relay = _relay(lex, text, toks, i)
        elif n == "نقلا" and relay is None:
            relay = _according_to(lex, text, toks, i)
        elif n in table.verbs and verb is None:
            verb = _verb_report(lex, text, toks, i, spans)
        elif n in according_words and according is None:
            according = _according_to(lex, text, toks, i)
        elif n in table.participles and not participle and verb is None and _participle_reports(lex, toks, i):
            participle = _surface(text, toks, i, i + 1)
            a, b, app_a, app_b = _main_subject(lex, toks, i)
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
    return _headline(lex, text, toks)


def _headline(lex: Lexicons, text: str, toks: Tokens) -> Report | None:
    """Return the source of a headline quote "الصليب الأحمر: الوضع في اليمن كارثي", or None."""
    colon = next((k for k, t in enumerate(toks[:6]) if t.norm == cues.COLON), -1)
    if (colon < 1 or len(toks) - colon < 4 or noun_phrase(lex, toks, 0) != colon
            or len(text.split()) > _HEADLINE_WORDS):
        return None
    mention = names.split(lex, map(NORM, toks[:colon]))
    person = len(mention.name) >= 2 and all(w in lex.title_words for w in mention.title)
    institution = toks[0].norm not in lex.places and _is_source(lex, _surface(text, toks, 0, colon))
    if not (person or institution):
        return None
    return Report("explicit", "", _surface(text, toks, 0, colon), quote="direct")
