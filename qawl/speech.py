"""Finding the report in one sentence: its cue, its speaker noun phrase, direct or indirect."""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, replace

from qawl import cues, dictionary, mentions, names, quotes, sources
from qawl.arabic import without_article
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize
from qawl.phrases import (
    COMMAS,
    PUNCTUATION,
    accusative,
    apposition,
    closers,
    has_name,
    institution,
    is_stop_word,
    noun_phrase,
    starts_with_media_word,
    through_phrase,
    trailing_name,
)
from qawl.tokenize import NORM, Token, Tokens, positions, tokens

_SENTENCE_END = frozenset(".؟?!")
_COMPLEMENT_WINDOW = 30
_DIRECT_MIN_WORDS = 4
_HEADLINE_WORDS = 22
_CALLED = frozenset({"يدعي", "تدعي", "يسمي", "تسمي"})  # (ي/ت)دعى، (ي/ت)سمى as normalized: is called
_HARD_MARKS = frozenset(".؟?!:؛;\"«»“”()")


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


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) character offsets of the quotations in text, an unclosed one to its end."""
    return quotes.spans(text)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (pos,)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _prefix_letters(allowed: frozenset[str]) -> str:
    return "".join(p for p in ("ب", "ل") if p in allowed)


_PREFIXES: Memo[frozenset[str], str] = Memo(_prefix_letters)  # a cue's prepositions, asked of every word after it


def _prefixes(allowed: frozenset[str]) -> str:
    """Return the one-letter prepositions (ب، ل) among a cue's complements."""
    return _PREFIXES[allowed]


def _complement_words(lex: Lexicons, allowed: frozenset[str]) -> tuple[frozenset[str], str]:
    """Return the words that carry the report of a cue with these complements (a that-clause, a colon, a quotation
    mark, its prepositions, and the speech nouns of a cue that issues one), and the prepositions (ب، ل) a word that
    carries it may open with."""
    words = lex.w.that | {cues.COLON} | cues.QUOTE_MARKS | allowed
    if cues.SPEECH in allowed:
        words |= speech_objects(lex)
    return words, _prefixes(allowed)


def _complements(lex: Lexicons, allowed: frozenset[str]) -> tuple[frozenset[str], str]:
    """Return _complement_words of a cue's complements, worked out once per set of complements."""
    return lex.memo("complement_words", _complement_words)[allowed]


def _carries(n: str, complements: tuple[frozenset[str], str]) -> bool:
    """Return whether a normalized word carries a report, given the _complements of its cue."""
    words, prefixes = complements
    return n in words or (n[:1] in prefixes and len(n) >= 3)


def _is_complement(lex: Lexicons, n: str, allowed: frozenset[str]) -> bool:
    return _carries(n, _complements(lex, allowed))


def speech_objects(lex: Lexicons) -> frozenset[str]:
    """Return the written forms of the speech nouns of the lexicon as a verb's object: بيانا، بيان، ببيان،
    بالبيان، نداء، رسالة، شكره، تصريحاته (a verb like أصدر or وجه reports through them)."""
    def forms(lex: Lexicons) -> frozenset[str]:
        out = set()
        for noun in lex.w.speech_noun:
            stem = noun[:-1] + "ت" if noun.endswith("ه") else noun  # رساله → رسالت + ه (رسالته)
            for word in (noun, noun + "ا", "ال" + noun, stem + "ه", stem + "ها", stem + "هم"):
                out.update({word, "ب" + word, "و" + word})
            out.add("بال" + noun)
        return frozenset(out)
    return lex.derived("speech_objects", forms)


def _complement(lex: Lexicons, toks: Tokens, j: int, allowed: frozenset[str]) -> int:
    """Return the position from j on of the token that carries the report (أن، :، "، or the verb's
    preposition), or -1."""
    verbs, complements = cues.of(lex).verbs, _complements(lex, allowed)
    for k in range(j, min(j + _COMPLEMENT_WINDOW, len(toks))):
        n = toks[k].norm
        if _carries(n, complements):
            return k
        if n in _SENTENCE_END or (n in verbs and not _preposition_like(lex, toks, k)):
            break
    k = j + 1 if j < len(toks) and toks[j].norm in COMMAS else j
    if (cues.ANY in allowed and k < len(toks) and toks[k].norm not in PUNCTUATION
            and toks[k].norm not in lex.w.no_comment):
        return k
    return -1


def _preposition_like(lex: Lexicons, toks: Tokens, k: int) -> bool:
    """Return whether a cue's spelling at toks[k] is the noun or preposition it shares (سالفيني عبر حسابه: via):
    not at the head of a clause."""
    n = toks[k].norm
    return ((n in lex.w.ambiguous_cue or n in lex.w.clause_head_cue) and k > 0
            and not (toks[k - 1].norm in PUNCTUATION or toks[k - 1].norm in lex.w.clause_opener))


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
    return n in _HARD_MARKS or n in lex.w.that


def _subject_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int, int, int] | None:
    """Return the spans of a subject written before its verb and of its apposition (الشرطة تقول إن، لكن محمد، وكيل
    ...، قال), or None."""
    end = i - 1 if i > 0 and toks[i - 1].norm in {"قد", "لقد"} else i
    while end > 1 and end < i and toks[end - 1].norm in COMMAS:
        end -= 1  # وكانت ماي، قد عبرت: a comma before قد
    close = -1 if end < 1 else end - 1 if toks[end - 1].norm in COMMAS else end if end < i and toks[
        end].norm in COMMAS else -1
    if close > 1:
        # وكان الوزير فلان، الذي زار المدينة، قال; وكانت فلانة، وهي حامل، قد طلبت: a clause set off by commas that
        # describes the subject is passed over
        k = next((k for k in range(close - 1, max(0, close - 30), -1) if toks[k].norm in COMMAS), 0)
        if k > 0 and _describes(lex, toks[k + 1].norm):
            end = k
    start = end
    while start > 0 and end - start < 24:
        if toks[start - 1].norm in cues.QUOTE_MARKS and (opening := _quoted_name_start(toks, start - 1)) > 0:
            start = opening  # صحيفة "لوباريزيان" الفرنسية: a short quoted name is part of the subject
            continue
        if _hard_boundary(lex, toks[start - 1].norm):
            break
        start -= 1
    openers, prepositions = lex.w.clause_opener, lex.w.phrase_preposition | {"من", "عن"}
    for a in range(start, end):
        if a > 0 and not (_hard_boundary(lex, toks[a - 1].norm) or toks[a - 1].norm in COMMAS):
            continue
        opened = toks[a].norm in openers
        b = a + 1 if opened else a
        if b >= end:
            continue
        first = toks[b].norm
        first = first[1:] if first[:1] in {"و", "ف"} and first[1:].startswith("ال") else first
        if not (first.startswith("ال") or opened or first in lex.title_words or sources.unnamed_head(lex, first) or (
                a > 0 and toks[a - 1].norm in lex.w.that and (has_name(lex, toks, b, b + 1) or first in lex.places))):
            continue  # بيد أن ترامب يقول، إلا أن فرنسا قالت: a name after أن is the subject of the clause it opens
        stop = noun_phrase(lex, toks, b)
        app_a, app_b = apposition(lex, toks, stop)
        reach = app_b + 1 if app_b > stop else stop
        at = stop + 1 if stop + 1 < end and _participle(toks[stop].norm) and toks[stop + 1].norm in prepositions else (
            stop)  # منظمات مدافعة عن حقوق الإنسان تقول: a participle and its complement describe the subject
        if at < end and toks[at].norm in prepositions:
            reach = noun_phrase(lex, toks, at + 1)  # وكان سفير روسيا في لبنان قد قال
        if stop > b and (reach == end or stop == end) and _speaks(lex, toks, b, stop):
            if at > stop and reach == end:
                return b, end, end, end  # the whole described phrase names the unnamed source
            return (b, stop, app_a, app_b) if reach == end else (b, stop, stop, stop)
    return None


def _quoted_name_start(toks: Tokens, close: int) -> int:
    """Return the position of the mark that opens a short quoted name closed at toks[close] (one to four words),
    else -1."""
    return next((k for k in range(close - 2, max(-1, close - 6), -1) if toks[k].norm in cues.QUOTE_MARKS), -1)


def _antecedent_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]
                       ) -> Report | None:
    """Return the report of "فلان الذي أوضح أن": the titled name right before the relative pronoun."""
    k = i - 1
    while k > 0 and toks[k - 1].norm in COMMAS:
        k -= 1  # أردوغان، الذي يصف نفسه
    start = k
    while start > 0 and k - start < 10 and not is_stop_word(lex, toks[start - 1].norm) and (
            not toks[start - 1].norm.startswith("و") or toks[start - 1].norm.startswith("وال")):
        start -= 1  # a word with the conjunction و opens another clause (ويسعى أردوغان، الذي …)
    titles = lex.title_words
    start = next((a for a in range(start, k) if toks[a].norm in titles), start)
    if start >= k or not (has_name(lex, toks, start, k) or _is_source(lex, _surface(text, toks, start, k))):
        return None
    if not _speaks(lex, toks, start, k):
        return None
    table = cues.of(lex)
    comp = _complement(lex, toks, i + 1, table.complements(table.verbs[toks[i].norm]))
    if comp < 0 or not (toks[comp].norm in lex.w.that or toks[comp].norm == cues.COLON
                        or toks[comp].norm in cues.QUOTE_MARKS):
        return None
    return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, start, k),
                  quote=_quote_kind(text, toks.starts[comp], spans))


def _what_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of "ما ذكره السفير" / "وفق ما نشرته الصحيفة": what the source after the verb said, when it
    can speak (كما قال mid-sentence compares, and is left to the caller)."""
    start = i + 2 if i + 1 < len(toks) and toks[i + 1].norm in lex.w.object_pronoun else i + 1  # ما كشفت عنه فلان
    end = noun_phrase(lex, toks, start, objects=True, after_name=True)
    if end == start or not _speaks(lex, toks, start, end):
        return None
    app_a, app_b = apposition(lex, toks, end)
    return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, start, end),
                  _surface(text, toks, app_a, app_b), _quote_kind(text, toks.ends[i], spans))


def _own_object(lex: Lexicons, text: str, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] is the verb's own object (وختم حديثه بالقول): the subject is implicit."""
    word = _surface(text, toks, j, j + 1)
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return (len(word) > 4 and toks[j].possessed and word.endswith(("ه", "ها"))  # not عبدالله
            and (after in lex.w.that or after == cues.COLON or after.startswith("بال")))


def _without_and(word: str) -> str:
    """Return a normalized word without a leading و or ف (وألقى → ألقى); callers look the rest up in a lexicon."""
    return word[1:] if word[:1] in "وف" else word


def _withheld(lex: Lexicons, toks: Tokens, report: Report) -> Report:
    """Return the report, its source marked anonymous when the sentence says its name is withheld (المسؤول الذي طلب
    عدم نشر اسمه، مصدر رفض الكشف عن هويته، دون أن يكشف عن اسمه)."""
    if report.kind != "explicit" or report.body:
        return report
    withheld = lex.w.withheld
    for k in positions(map(NORM, toks), lex.w.identity):
        if any(toks[m].norm in withheld for m in range(max(0, k - 4), k)):
            return replace(report, anonymous=True)
    return report


def _name_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of the name just before position i (كلمة رئيس الجمعية عبدالعزيز السيف، أوضح فيها)."""
    end = i
    while end > 0 and toks[end - 1].norm in COMMAS:
        end -= 1
    if end == i and end > 0 and ((toks[end - 1].feminine and toks[end - 1].norm not in names.given_name_set(lex))
                                 or accusative(toks[end - 1].norm)):
        end -= 1  # ونشرت الصحيفة تحليلا أشارت فيه، وكتب تغريدة قال فيها: what was said in, not who said it
    start = end
    while start > 0 and end - start < 6 and not is_stop_word(lex, toks[start - 1].norm) and not dictionary.verb_only(
            _without_and(toks[start - 1].norm)) and toks[start - 1].norm not in lex.w.object_pronoun:
        start -= 1  # وألقى الوزير فلان كلمة قال فيها: the name, not the verb it is the subject of
    if start == end:
        return None
    mention = names.split(lex, map(NORM, toks[start:end]))
    given = names.given_name_set(lex)
    # A title or a given name anchors it: أدلى به فور انتهاء عملية الاقتراع، وقال فيه is no one's name
    anchored = mention.title or any(w in given for w in mention.name)
    return (start, end) if mention.name and anchored else None


def _verb_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]],
                 known: Collection[str] = ()) -> Report | None:
    w = lex.w  # read a dozen times below
    n = toks[i].norm
    before = toks[i - 1].norm if i > 0 else ""
    table = cues.of(lex)
    stem = table.verbs[n]
    if _passive(text, toks, i):
        return None
    if i > 0 and before in w.what:
        # ما بين 3 و 4، ما بين البادية ودير الزور: a cue spelled like a preposition is one after ما; حسبما ذكر
        # مسؤولون: an impersonal verb (ذكر، يذكر) too has a subject when one that can speak follows
        return None if n in w.ambiguous_cue else _what_report(lex, text, toks, i, spans)
    if n in w.impersonal and not (i > 1 and before == "قد") and not (
            i + 1 < len(toks) and _speaks(lex, toks, i + 1, noun_phrase(lex, toks, i + 1))):
        # ذكر أن: it was said; وكان الوزير قد ذكر: the verb of the subject before قد; ذكر مصدر أمني أن: a source
        return None
    if i > 0 and before in w.relative:
        return _antecedent_report(lex, text, toks, i, spans) if before in w.who else None
    if i > 1 and before == "كما" and toks[i - 2].norm not in PUNCTUATION:
        return None
    if (i > 1 and before == "كما" and toks[i - 2].norm in COMMAS and n not in w.ambiguous_cue
            and not table.forms[n].present and (as_said := _what_report(lex, text, toks, i, spans))):
        return as_said  # …، كما أفادت الوكالة: as the source after the verb reported
    if i > 0 and before in w.preposition:
        return None  # بعد رفض أصحابها: after a preposition the word is a verbal noun, not the verb
    if i > 0 and (before in w.number or (before.isdigit() and len(before) < 4)):  # 2016 أعربت: a year
        return None  # 35 ألف طالب وطالبة: a counted noun, not the verb
    if i > 0 and _indefinite_noun(lex, toks[i - 1]) and not (
            (i == 1 or toks[i - 2].norm in lex.w.clause_opener or toks[i - 2].norm in lex.w.that)
            and sources.unnamed_head(lex, toks[i - 1].norm)):  # لكن تقارير تحدثت عن: the subject, not described
        return None  # لافتة كتب عليها، تقارير تقول: a clause that describes the noun before it, not a report
    if i > 0 and table.forms[n].present and _accusative_noun(lex, before):
        return None  # أصدر المجلس قرارا يدعو إلى: the resolution calls, no one reports
    if i > 0 and before in w.unreal and table.forms[n].present:
        return None  # يرتقب أن يعلن، لم تصدر بيانا، لن يقول: a speech to come, or not made, reports nothing
    # A cue spelled like a noun or a preposition (بين between, عبر via, رد reply) is the verb only at the head of
    # a clause; an ambiguous one also needs that-clause, colon or quotation after its subject.
    ambiguous = n in w.ambiguous_cue
    if ((ambiguous or n in w.clause_head_cue) and i > 0
            and not (before in PUNCTUATION or before in w.clause_opener or before in {"جانبه", "جهته"})):
        return None
    allowed = table.complements(stem)
    if table.forms[n].present and 0 < i <= 4 and (opening := _named_opening(lex, toks, i)):
        # روسيا تتهم الولايات المتحدة بـ، ترامب يطالب تركيا: a name opening the sentence is the subject of the
        # present verb after it (a headline's order); what follows the verb is its object
        return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, 0, opening),
                      quote=_quote_kind(text, toks.ends[i], spans))
    j = i + 1
    objects_between = w.object_pronoun
    while j < len(toks) and toks[j].norm in objects_between:
        j += 1
    after = toks[j].norm if j < len(toks) else ""
    implicit = j < len(toks) and (
        after in w.pronoun_subject or after in w.document or after in w.personal_pronoun or after in {"فيها", "فيه"}
        or _own_object(lex, text, toks, j)
    )
    if not implicit and j < len(toks) and _is_document(lex, after):
        return _document_report(lex, text, toks, i, j, allowed, spans)
    if after in cues.QUOTE_MARKS and (named := _quoted_subject(lex, toks, j, allowed)):
        close, at = named
        return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, j + 1, close),
                      quote=_quote_kind(text, toks.starts[at], spans), body=True)
    if after in cues.QUOTE_MARKS and (quoted := _quoted_body(lex, toks, j)):
        # أكد "مركز إعلام دمشق" هذه الأنباء وأضاف أن: a body's name in quotation marks, not what was said
        return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, *quoted),
                      quote=_quote_kind(text, toks.ends[quoted[1]], spans), body=True)
    if implicit:
        j += 1
        np_end = end = j
    elif j < len(toks) and _is_complement(lex, after, allowed - {cues.ANY}) and not (
            known and names.skeleton(after) in known):  # وتعهد بوتين بأن: a name the article gave, not ب + وتين
        np_end = end = j
        implicit = True
    else:
        # Try the subject as a plain phrase first; only a verb whose object may follow the subject
        # (أكد استعداده، وصف ترامب الاتفاق) needs the phrase cut where an object visibly begins.
        objects = cues.ANY in allowed
        issues = cues.SPEECH in allowed
        if issues:
            allowed = allowed | speech_objects(lex)  # the subject ends where the speech it issued is named
        np_end = noun_phrase(lex, toks, j, objects=objects, preps=_prefixes(allowed), ends=allowed)
        if issues and not objects and (cut := noun_phrase(lex, toks, j, objects=True, preps=_prefixes(allowed),
                                                          ends=allowed)) < np_end and _thing(toks[cut].norm):
            np_end = cut  # ونشرت الهيئة | صورة: a thing the dictionary knows opens what it issued (not تايمز)
        end = through_phrase(lex, toks, j, np_end)
        app_end = apposition(lex, toks, end)[1]
        comp_at = _past_relative_clause(lex, toks, app_end) if app_end > end else end
        # مدير فرع الوزارة بالباحة إبراهيم الزلفان، أن; الدكتور الهزوم، إلى أن: a comma closes a titled name before
        # what he said (not نفى ادعاءات الجاسوس … كريستوفر ستيل، بأنه: an object that ends in someone's name)
        closed = (comp_at == end and comp_at + 1 < len(toks) and toks[comp_at].norm in COMMAS
                  and _is_complement(lex, toks[comp_at + 1].norm, allowed - {cues.ANY})
                  and _titled_name(lex, toks, j, end) and _speaks(lex, toks, j, end))
        if not closed and not (comp_at < len(toks) and _is_complement(lex, toks[comp_at].norm, frozenset())):
            np_end = noun_phrase(lex, toks, j, objects=True, preps=_prefixes(allowed), ends=allowed, after_name=True)
            end = through_phrase(lex, toks, j, np_end)
        implicit = end == j
    if not w.no_comment.isdisjoint(map(NORM, toks[j : end + 1])):
        return None  # رفضت الوزارة التعليق: refusing to comment reports nothing
    if not implicit and np_end < len(toks) and toks[np_end].norm in w.same and cues.ANY not in allowed:
        # كما كشف المتحدث ذاته: the source named before, whatever its title here (وتصف الجماعة نفسها: an object)
        return Report("implicit", _surface(text, toks, i, i + 1), quote=_quote_kind(text, toks.ends[np_end], spans))
    app_a, app_b = apposition(lex, toks, end)
    if app_a == app_b and end + 1 < len(toks) and toks[end].norm in _CALLED and has_name(
            lex, toks, end + 1, called := noun_phrase(lex, toks, end + 1)):
        app_a, app_b = end + 1, called  # وقال رجل يدعى سامي الحداد: the name he goes by
    if app_a == app_b and end > np_end and (named_at := trailing_name(lex, toks, np_end + 1, end)) > 0:
        app_a, app_b = named_at, end  # the name that closes a title's phrase stands as its apposition
    at = _complement(lex, toks, _past_relative_clause(lex, toks, max(end, app_b)), allowed)
    if at < 0 and not implicit:
        at = _after_describing_clause(lex, toks, j, max(end, app_b))
    if at < 0 and not implicit and cues.ANY in allowed and i > 0 and not _speaks(lex, toks, j, np_end):
        at = j  # الرئيس ينفي الاتهامات: the object is what the verb reports, its subject is before it
    if at < 0:
        if implicit or not _after_what_is_said(lex, toks, i, max(end, app_b)) or not _speaks(lex, toks, j, np_end):
            return None
        # "الوضع صعب"، قال الوزير. / …، هكذا صرح محقق سابق: the cue and its subject close what was said before them
        said = "direct" if any(b <= toks.starts[i] for _, b in spans) else "indirect"
        return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, j, np_end),
                      _surface(text, toks, app_a, app_b), said)
    if app_a == app_b and not implicit and not has_name(lex, toks, j, np_end) and sources.classify(
            lex, [t.norm for t in toks[j:np_end]]).kind != sources.UNNAMED:
        # a titled person, not an unnamed source (مصدر من داخل الحزب للمحررة، لورا كنزبيرغ،: the addressee's name)
        app_a, app_b = _name_before_clause(lex, toks, max(end, app_b), at) or (app_a, app_b)
    if not implicit and i > 1 and before in {"قد", "لقد"} and (subject := _subject_before(lex, toks, i)):
        # وكان القاضي كفانو قد نفى مزاعم فورد: the subject is before قد, what follows the verb its object
        b, stop, app_a, app_b = subject
        return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, b, stop),
                      _surface(text, toks, app_a, app_b), _quote_kind(text, toks.starts[at], spans))
    comp = toks[at].norm
    if ambiguous and not (comp in w.that or comp == cues.COLON or comp in cues.QUOTE_MARKS):
        return None
    quote = _quote_kind(text, toks.starts[at], spans)
    cue = _surface(text, toks, i, i + 1)
    if implicit and j - 1 < len(toks) and toks[j - 1].norm in {"فيها", "فيه"} and j - 1 == i + 1:
        named = _name_before(lex, toks, i)
        if named:
            return Report("explicit", cue, _surface(text, toks, *named), quote=quote)
    if implicit and j - 1 > i and toks[j - 1].norm in w.document:
        return Report("implicit", cue, quote=quote, document=_surface(text, toks, j - 1, j))

    if implicit or without_article(toks[j].norm) in lex.w.time_noun:
        return _implicit_report(lex, text, toks, i, cue, quote)  # قالت أوائل شهر فبراير: a time, no subject
    if toks[j].possessed and np_end > j + 1 and has_name(lex, toks, j + 1, np_end):
        j += 1  # وقال شقيقه عبدالله: the name, not the kinship word, names the source
    elif ((_oblique_plural(toks[j].norm) and toks[j].norm not in names.given_name_set(lex))  # كاثرين: a name
          or _accusative_head(lex, toks, j)
          or not (_said_at(lex, toks, max(end, app_b)) or _speaks(lex, toks, j, np_end)
                  or (app_b > app_a and has_name(lex, toks, app_a, app_b)))):
        # وأكد أهمية …، وأبلغ اجتماعا لأنصاره: the phrase is the object
        return _implicit_report(lex, text, toks, i, cue, quote)
    elif np_end == j + 1 and table.forms[n].gender == "m" and _feminine_place(lex, toks[j].norm):
        return _implicit_report(lex, text, toks, i, cue, quote)  # واتهم إيران: a state's verb is feminine
    return Report("explicit", cue, _surface(text, toks, j, np_end), _surface(text, toks, app_a, app_b), quote)


def _quoted_subject(lex: Lexicons, toks: Tokens, j: int, allowed: frozenset[str]) -> tuple[int, int] | None:
    """Return the closing mark of a short quoted name that is the subject (وقالت "فيسبوك" يوم الأربعاء، إن) and
    where what is said begins: one to three quoted words, no pronoun, then at most a time and the that-clause or
    colon; None when the quotation is what was said (وقال "نحن مستعدون" في إشارة إلى أن)."""
    close = next((k for k in range(j + 2, min(len(toks), j + 5)) if toks[k].norm in cues.QUOTE_MARKS), -1)
    if close < 0 or close + 1 >= len(toks) or toks[j + 1].norm in lex.w.personal_pronoun or (
            toks[j + 1].norm in lex.w.pronoun_subject):
        return None
    at = _complement(lex, toks, close + 1, allowed - {cues.ANY})
    if at <= close or at - close > 6 or not (toks[at].norm in lex.w.that or toks[at].norm == cues.COLON) or any(
            t.norm in lex.w.preposition or t.norm in _SENTENCE_END for t in toks[close + 1 : at]):
        return None
    return close, at


def _quoted_body(lex: Lexicons, toks: Tokens, k: int) -> tuple[int, int] | None:
    """Return the span inside quotation marks at toks[k] when it is a body's name (أكد "مركز إعلام دمشق" أن):
    one to four words that open with an institution's head noun, else None."""
    if k + 2 >= len(toks) or toks[k].norm not in cues.QUOTE_MARKS or not institution(lex, toks[k + 1].norm):
        return None
    close = next((m for m in range(k + 2, min(len(toks), k + 6)) if toks[m].norm in cues.QUOTE_MARKS), -1)
    return (k + 1, close) if close > 0 and _speaks(lex, toks, k + 1, close) else None


def _after_what_is_said(lex: Lexicons, toks: Tokens, i: int, after: int) -> bool:
    """Return whether the cue at i follows what was said (after a comma or هكذا, past the sentence's first words)
    and its subject closes the sentence, an addressee or a time aside: "…"، قال الوزير للصحفيين."""
    if i < 3 or toks[i].norm[:1] in "وف" or not (toks[i - 1].norm in COMMAS or toks[i - 1].norm in lex.w.so_said):
        return False  # …، وقال: a new clause, no cue closing the one before
    rest = [t.norm for t in toks[after:]]
    while rest and rest[-1] in PUNCTUATION:
        rest.pop()
    return len(rest) <= 4 and not any(w in lex.w.that or w in cues.of(lex).verbs for w in rest)


def _name_before_clause(lex: Lexicons, toks: Tokens, after: int, at: int) -> tuple[int, int] | None:
    """Return the span of a name set off by commas right before what is said (وقال المعارض البارز للقذافي في ذلك
    الوقت، عبد الحكيم بلحاج، إنه): the apposition of a titled subject; None when there is none."""
    close = at - 1
    if close <= after or toks[close].norm not in COMMAS:
        return None
    open_ = next((k for k in range(close - 1, max(after - 1, close - 7), -1) if toks[k].norm in COMMAS), -1)
    if open_ < 0 or open_ + 1 >= close:
        return None
    words = [t.norm for t in toks[open_ + 1 : close]]
    mention = names.split(lex, words)
    # between commas a name may end in a word the lexicon reads otherwise (عبد الحكيم بالحاج: ب + الحاج)
    if mention.name_at == 0 and len(words) - 1 <= len(mention.name) >= min(2, len(words)) and names.anchored(
            lex, mention.name):
        return open_ + 1, close
    return None


def _said_at(lex: Lexicons, toks: Tokens, k: int) -> bool:
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


def _describes(lex: Lexicons, word: str) -> bool:
    """Return whether a word after a comma opens a clause that describes the noun before it: a relative pronoun
    (، الذي …،) or و and a third-person pronoun (، وهي حامل …،، وهو أب لثلاثة،)."""
    return word in lex.w.who or (word[:1] == "و" and word[1:] in {"هو", "هي", "هم"})


def _past_relative_clause(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return k moved past a relative clause set off by commas after the subject (وقال المستثمرون، الذين حذروا
    من …، إنهم): its verbs are not the report."""
    if k + 1 < len(toks) and toks[k].norm in COMMAS and _describes(lex, toks[k + 1].norm):
        close = next((m for m in range(k + 2, min(len(toks), k + 40))
                      if toks[m].norm in COMMAS or toks[m].norm == cues.COLON), -1)
        if close > 0:
            return close
    if k < len(toks) and toks[k].norm in lex.w.who:
        # وأضاف المصدر الذي طلب عدم الكشف عن هويته أن: a relative clause without commas, up to what is said
        that = next((m for m in range(k + 1, min(len(toks), k + 15))
                     if toks[m].norm in lex.w.that or toks[m].norm == cues.COLON), -1)
        if that > 0:
            return that
    return k


def _after_describing_clause(lex: Lexicons, toks: Tokens, j: int, k: int) -> int:
    """Return the position of أن/إن past a clause that describes an indefinite subject (وقالت وكالة سفر تقدم
    خدمات للعمالة في قطر إن): its verb right after the noun opens no report; -1 when there is none."""
    table = cues.of(lex)
    if k >= len(toks) or toks[j].norm.startswith("ال") or not (
            toks[k].norm in table.verbs or dictionary.verb_only(toks[k].norm)):
        return -1
    for m in range(k + 1, min(len(toks), k + 15)):
        n = toks[m].norm
        if n in lex.w.that:
            return m
        if n in _SENTENCE_END or n in COMMAS or n in table.verbs:
            return -1
    return -1


def _indefinite_noun(lex: Lexicons, tok: Token) -> bool:
    """Return whether a word is a common noun without the article (لافتة، تقارير), no name, title or body: a verb
    right after it opens a clause describing it."""
    return lex.memo("indefinite_noun", _is_indefinite_noun)[tok]  # asked before every cue: once per word


def _is_indefinite_noun(lex: Lexicons, tok: Token) -> bool:
    word = tok.norm
    if word[:1] in "وف" and (word[1:] in lex.w.function_word or word[1:] in lex.w.phrase_end):
        return False  # وقد، فقد: the particle after و/ف, not the noun spelled the same (وَقْد، فَقْد)
    if tok.possessed or word.startswith("ال") or word in lex.title_words or word in lex.institution_heads or (
            word in lex.places or word in lex.w.phrase_end or word in lex.w.function_word
            or word in lex.w.clause_opener):
        return False
    entry = dictionary.entry(word)
    noun = entry is not None and (entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)
                                  or (entry.kind == dictionary.PARTICIPLE and tok.feminine))
    return noun and not (
        names.is_name_word(lex, word) and word in names.given_name_set(lex))


def _accusative_noun(lex: Lexicons, word: str) -> bool:
    """Return whether a word is an indefinite noun in the accusative (قرارا، تحليلا): its base, not itself, is in the
    dictionary, as a noun, a verbal noun or a participle."""
    if dictionary.entry(word) is not None or not accusative(word) or word in lex.places:
        return False
    entry = dictionary.entry(word[:-1])
    return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN, dictionary.PARTICIPLE)


def _accusative_head(lex: Lexicons, toks: Tokens, j: int) -> bool:
    """Return whether the word after a cue is an indefinite noun in the accusative (وأبلغ اجتماعا لأنصاره، أخبرت
    موظفا بأنها): the verb's object. A name that ends like one (جوانا هندون) goes on with a name no dictionary
    holds."""
    word = toks[j].norm
    if not accusative(word) or word in lex.places:
        return False
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    # a preposition on the next word (لأنصاره، بأنها) tells the object: a family name seldom starts with ب or ل
    return not (names.is_name_word(lex, after) and dictionary.entry(after) is None and after[:1] not in "بل")


def _oblique_plural(word: str) -> bool:
    """Return whether a word is a sound masculine plural in its object form (المشاهدين، المواطنين): right after a
    verb it is the object, since a subject would read المشاهدون."""
    bare = word[2:] if word.startswith("ال") else word
    return (len(bare) > 5 and bare.endswith("ين") and not bare.endswith("يين")
            and dictionary.entry(bare[:-2]) is not None)  # مشاهد: a known singular, not بوتين or روزنشتاين


def _speaks(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] names a source that can speak (sources.classify)."""
    return b > a and bool(sources.classify(lex, [t.norm for t in toks[a:b]], possessed=toks[a].possessed).kind)


_BUT_HE = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها"})


def _implicit_report(lex: Lexicons, text: str, toks: Tokens, i: int, cue: str, quote: str) -> Report | None:
    """Return the report of a cue whose subject is not after it: written before it (الشرطة تقول إن), the subject
    of the sentence's first verb (ويجري ترامب زيارة، حيث جدد …), else the last source named (implicit); None when
    the subject opening the sentence cannot speak."""
    before = _subject_before(lex, toks, i)
    if before:
        b, stop, app_a, app_b = before
        return Report("explicit", cue, _surface(text, toks, b, stop), _surface(text, toks, app_a, app_b), quote)
    tok = toks[i]
    opener = toks[0].norm
    if (i > 2 and toks[i - 1].norm in COMMAS and opener in lex.w.clause_opener and tok.norm[:1] not in "وف"
            and not _speaks(lex, toks, 1, noun_phrase(lex, toks, 1))):
        return None  # وكانت اختبارات، أجريت على …، أفادت بوجود: the subject opening the sentence, which cannot speak
    if (by := _statement_by(lex, toks, i)) is not None:
        return Report("explicit", cue, _without_lam(_surface(text, toks, *by)), quote=quote)
    when = opener in lex.w.when or (opener[:1] in "وف" and opener[1:] in lex.w.when)
    # وكتبت فلانة على تويتر تقول إن: يقول with no و after a sentence that opens with a cue says what its subject
    # wrote or answered
    table = cues.of(lex)
    circumstantial = (tok.norm[:1] in "يت" and table.verbs.get(tok.norm) == "قال" and table.forms[tok.norm].present
                      and toks[0].norm in table.verbs and not table.forms[toks[0].norm].present)
    # وأوقف الرئيس ترامب فصل الأسر، لكنه يقول إنه: "but he" goes back to the subject of the sentence's first verb
    but_he = i > 3 and toks[i - 1].norm in _BUT_HE and toks[i - 2].norm in COMMAS
    if circumstantial or but_he or (i > 2 and (toks[i - 1].norm in {"حيث", "اذ"} or tok.norm.startswith("و")
                                                 or when)):
        a, b, app_a, app_b = _main_subject(lex, toks, i - 1 if toks[i - 1].norm in {"حيث", "اذ"} else i)
        subject = _surface(text, toks, a, b)
        counted = b < len(toks) and (toks[b].norm.isdigit() or toks[b].norm in lex.w.number)  # وحددت أسماء 11 متهما
        if subject and not counted and (has_name(lex, toks, a, b) or _is_source(lex, subject) or circumstantial) and (
                _speaks(lex, toks, a, b)):
            return Report("explicit", cue, subject, _surface(text, toks, app_a, app_b), quote)
    return Report("implicit", cue, quote=quote)


def _statement_by(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of the person whose statement opens the sentence before its cue (وفي تصريح لفلانة، رئيسة
    اللجنة، لموقع بي بي سي … قالت:), or None: "في تصريح لـ" names its speaker when a person follows, its
    addressee when a medium does (في حديث لبي بي سي)."""
    first = 1 if toks[0].norm in {"وفي", "في"} else -1
    if first < 0 or i < first + 2 or toks[first].norm not in lex.w.speech_noun:
        return None
    a = first + 1
    if not toks[a].norm.startswith("ل") or toks[a].possessed or toks[a].norm in lex.w.object_pronoun:
        return None
    b = noun_phrase(lex, toks, a)
    if not a < b <= i:
        return None
    words = [_without_lam(toks[a].norm), *(t.norm for t in toks[a + 1 : b])]
    return (a, b) if sources.classify(lex, words).kind == sources.PERSON else None


def _document_report(lex: Lexicons, text: str, toks: Tokens, i: int, j: int, allowed: frozenset[str],
                     spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of a cue whose subject is a document (وذكر بيان صادر عن الوزارة أن، وقال بيان للجيش إن):
    its author when the phrase names one, else the last body named (implicit)."""
    at = _complement(lex, toks, j + 1, allowed - {cues.ANY})
    if at < 0:
        return None
    cue, quote = _surface(text, toks, i, i + 1), _quote_kind(text, toks.starts[at], spans)
    author = _document_source(lex, text, toks, j, at)
    if author:
        return Report("explicit", cue, _without_lam(_surface(text, toks, *author)), quote=quote)
    return Report("implicit", cue, quote=quote, document=_surface(text, toks, j, j + 1))


def _came_in(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of "وجاء في بيان أصدرته الوزارة أن" / "وورد في التقرير:": the document's author when it
    names one, else the document itself (its author is the last body named); None when no document follows."""
    if i + 1 < len(toks) and toks[i + 1].possessed and toks[i + 1].norm in speech_objects(lex):
        return Report("implicit", _surface(text, toks, i, i + 1))  # وجاءت تصريحاته: the speech of the one before
    if i + 2 < len(toks) and toks[i + 1].norm in lex.w.speech_noun:
        # وجاءت تصريحات فلان خلال لقائه، وجاء تصريح الوزير بعد: the speech came, its owner said it
        end = noun_phrase(lex, toks, i + 2)
        if end > i + 2 and _speaks(lex, toks, i + 2, end) and not toks[i + 2].possessed:
            return Report("explicit", _surface(text, toks, i, i + 1), _surface(text, toks, i + 2, end),
                          quote=_quote_kind(text, toks.ends[end - 1], spans))
        return None
    if i + 2 >= len(toks) or toks[i + 1].norm != "في" or not _is_document(lex, toks[i + 2].norm):
        return None
    at = _complement(lex, toks, i + 3, frozenset())
    if at >= 0 and (quoted := _quoted_body(lex, toks, at)):
        at = _complement(lex, toks, quoted[1] + 1, frozenset())  # أصدره "مركز إعلام الغوطة"، "…": its name, then
    if at < 0 or not _said_at(lex, toks, at):
        return None
    cue = _surface(text, toks, i, i + 1)
    quote = _quote_kind(text, toks.starts[at], spans)
    author = _document_source(lex, text, toks, i + 2, at)
    if author:
        return Report("explicit", cue, _without_lam(_surface(text, toks, *author)), quote=quote)
    return Report("implicit", cue, quote=quote, document=_surface(text, toks, i + 2, i + 3))


def _without_lam(phrase: str) -> str:
    """Return a source phrase without the ل of "for" (للجيش → الجيش، لوزارة الخارجية → وزارة الخارجية)."""
    if phrase.startswith("لل"):
        return "ال" + phrase[2:]
    if phrase.startswith("ل") and len(phrase.split()[0]) > 3:
        return phrase[1:]
    return phrase


def _according_to(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source of بحسب / وفقا لـ / نقلا عن / حسب, or None (بحسب ما قال → the verb decides)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in {"ل", "عن"}:
        j += 1
    if j < len(toks) and toks[j].norm in {"ما", "لما", "حسبما"}:
        return None
    quoted = j + 1 < len(toks) and toks[j].norm in cues.QUOTE_MARKS
    if quoted:
        j += 1  # وفقا لـ"ميرور": quotation marks make it a name
    cue = _surface(text, toks, i, i + 1)
    if j + 1 < len(toks) and not quoted and _is_document(lex, _without_lam(toks[j].norm)):
        # ووفقا لبيان للإدارة الأمريكية، بحسب بيان صدر عن الرئاسة: the document's author; وحسب الشكوى: the last body
        limit = next((m for m in range(j + 1, len(toks)) if toks[m].norm in closers(lex)), len(toks))
        author = _document_source(lex, text, toks, j, limit)
        if author:
            return Report("explicit", cue, _without_lam(_surface(text, toks, *author)))
        definite = _without_lam(toks[j].norm).startswith("ال")  # وحسب الشكوى فإن: the document the article relays
        return Report("implicit", cue, document=_without_lam(_surface(text, toks, j, j + 1))) if (
            definite or _document_head(lex, toks[j].norm) or limit == j + 1) else None
    body = False
    if j + 3 < len(toks) and _document_head(lex, toks[j].norm) and toks[j + 1].norm in cues.QUOTE_MARKS:
        j, quoted = j + 2, True  # وفقا لبيانات "ماركت": the quoted name whose data they are
        body = _without_lam(toks[j - 2].norm) in lex.w.figures
    elif j + 2 < len(toks) and _document_head(lex, toks[j].norm):
        after = noun_phrase(lex, toks, j + 1)
        if after > j + 1 and _speaks(lex, toks, j + 1, after) and not _adjective(toks[j + 1].norm):
            j += 1  # وفقا لبيانات تريد ويب: the source is who the data are of (وفق تقديرات أولية: the estimates)
            body = _without_lam(toks[j - 1].norm) in lex.w.figures  # figures come from a body, not a person
    head = toks[i].norm
    head = head[1:] if head[:1] in "وف" and head[1:] in lex.w.according_to else head
    # وفقا لوزارة → وزارة، وفقا للوزارة → الوزارة: the لـ of وفقا, not a medium spoken to (وفقا لمراسل الوكالة)
    lam = head in {"وفقا", "وفق", "طبقا"} and toks[j].norm.startswith("ل") and len(toks[j].norm) > 3
    end = noun_phrase(lex, toks, j)
    if end == j and lam:
        end = max(j + 1, noun_phrase(lex, toks, j + 1))
    if end == j:
        return None
    mention = _surface(text, toks, j, end)
    if lam:
        mention = _without_lam(mention)
    words = [normalize(w) for w in mention.split()]
    if not (quoted or names.anchored(lex, names.split(lex, words).name) or _is_source(lex, mention)
            or sources.unnamed_head(lex, words[0])):
        return None  # بحسب المواعيد المقررة: according to a schedule, not to a source (تقارير صحفية are one)
    return Report("explicit", cue, mention, body=body)


def _adjective(word: str) -> bool:
    """Return whether a normalized word is shaped like an adjective (أولية، صحفية، أمني)."""
    return word.endswith(("ي", "يه", "يون", "يين"))


def _is_document(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word is a document or a speech (البيان، بيان، تقرير، رسالة) as a noun."""
    bare = word[2:] if word.startswith("ال") else word
    return ("ال" + bare) in lex.w.document or bare in lex.w.speech_noun


def _feminine_place(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a state or city, which takes a feminine verb (قالت إيران، أعلنت موسكو): one without
    the article, not one of the few masculine ones (لبنان)."""
    return word in lex.places and not word.startswith("ال") and word not in lex.w.masculine_place


def _titled_name(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] ends in a person's name after a title (الدكتور الهزوم، مدير الفرع فلان الفلاني)."""
    mention = names.split(lex, map(NORM, toks[a:b]))
    return bool(mention.name) and mention.name_at > 0 and mention.name_at + len(mention.name) == b - a


def _named_opening(lex: Lexicons, toks: Tokens, i: int) -> int:
    """Return i when the words before toks[i] are a state or a person's name that opens the sentence, else 0."""
    if any(t.norm in PUNCTUATION or t.norm[:1] in "وف" or is_stop_word(lex, t.norm) for t in toks[:i]) or (
            toks[0].norm in lex.w.clause_opener or not _speaks(lex, toks, 0, i)):  # لكن، بيد أن: no name
        return 0
    return i if toks[0].norm in lex.places or has_name(lex, toks, 0, i) else 0


def _thing(word: str) -> bool:
    """Return whether the dictionary knows a word as a common noun or verbal noun only (قمة، زيارة)."""
    entry = dictionary.entry(word)
    return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)


def _participle(word: str) -> bool:
    """Return whether a word is a participle in the dictionary (مقتضب، مشترك): after a noun, its adjective."""
    entry = dictionary.entry(word)
    return entry is not None and entry.kind == dictionary.PARTICIPLE


def _document_source(lex: Lexicons, text: str, toks: Tokens, a: int, limit: int) -> tuple[int, int] | None:
    """Return the span of the source a document phrase starting at toks[a] names: بيان الوزارة، بيان للجيش، بيان
    صادر عن الوزارة، بيان أصدرته الوزارة (what follows the document word, up to limit), or None."""
    table = cues.of(lex)
    k = a + 1
    while k < min(limit, a + 4) and (_adjective(toks[k].norm) or toks[k].norm in lex.w.issued or (
            not toks[k].norm.startswith("ال") and _participle(toks[k].norm))):
        k += 1  # بيان رسمي، بيان مقتضب، بيان صادر، بيان صدر عن
    if k < limit and toks[k].norm == "عن":
        k += 1
    elif k < limit and (toks[k].norm in table.with_object or toks[k].norm in table.verbs):
        k += 1  # بيان أصدرته الوزارة
    if k + 1 < limit and toks[k].norm == "ما" and toks[k + 1].norm in {"يسمي", "تسمي"}:
        k += 3 if k + 2 < limit and toks[k + 2].norm == "ب" else 2  # أصدره ما يسمى بـ "مركز …": the so-called body
    if k >= limit:
        return None
    if (quoted := _quoted_body(lex, toks, k)) and quoted[1] <= limit:
        return quoted  # بيان أصدره "مركز إعلام الغوطة"
    start = k
    end = min(noun_phrase(lex, toks, start), limit)  # للجيش، لوزارة الخارجية: the caller drops the ل
    if end > start and _speaks(lex, toks, start, end):
        return start, end
    return None


def _document_head(lex: Lexicons, word: str) -> bool:
    """Return whether a word (maybe after ل) heads a document or data phrase (بيانات، تقرير، أرقام) whose source
    follows it."""
    bare = word[1:] if word.startswith("ل") and not word.startswith("لل") else word
    return bare in lex.w.data_noun or ("ال" + bare) in lex.w.document


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


def _ascribed_to(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the end of the phrase at toks[k] (ل + a source) that words are ascribed to (نسبت الصحيفة لفلان القول
    إن), the saying and a time after it aside; k when what follows is no saying."""
    end = noun_phrase(lex, toks, k)
    say = next((m for m in range(k + 1, min(end + 2, len(toks))) if toks[m].norm in lex.w.saying), -1)
    if say < 0 or not _said_at(lex, toks, say + 1):
        return k
    end = min(end, say)
    while end > k + 1 and toks[end - 1].norm in lex.w.time_adverb:
        end -= 1  # رئيس الاستخبارات حينئذ
    return end


def _relay(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source quoted by نقلت X عن Y (نسبت X إلى Y), or None."""
    ascribed = toks[i].norm in lex.w.ascribe
    for k in range(i + 1, min(len(toks), i + 12)):
        n = toks[k].norm
        if ascribed and n.startswith("ل") and len(n) > 3 and (end := _ascribed_to(lex, toks, k)) > k:
            # ونسبت الصحيفة لعاموس يادلين القول إن: the one the words are ascribed to
            return Report("explicit", _surface(text, toks, i, i + 1), _without_lam(_surface(text, toks, k, end)))
        if n == ("الي" if ascribed else "عن"):
            cue = _surface(text, toks, i, i + 1)
            if k + 1 < len(toks) and _is_document(lex, toks[k + 1].norm):
                # نقلت وسائل إعلام عن بيان للكرملين: the document's author is the source
                limit = next((m for m in range(k + 2, len(toks)) if toks[m].norm in closers(lex)), len(toks))
                author = _document_source(lex, text, toks, k + 1, limit)
                return Report("explicit", cue, _without_lam(_surface(text, toks, *author))) if author else None
            end = noun_phrase(lex, toks, k + 1)
            if end > k + 1:
                return Report("explicit", cue, _surface(text, toks, k + 1, end))
            return None
    return None


_LEADING = frozenset({"ثم", "كما", "و", "قد", "وقد", "فقد", "لقد"})


def _main_subject(lex: Lexicons, toks: Tokens, limit: int) -> tuple[int, int, int, int]:
    """Return the token spans of the subject and its apposition after a sentence-initial verb
    (ومدح أسطورة الكرة ... قائلا), or after the verb of a clause of time that opens it (وحينما سئل فلان … قال);
    empty spans when the sentence opens otherwise."""
    i = 0
    while i < limit and (toks[i].norm in PUNCTUATION or toks[i].norm in _LEADING):
        i += 1
    if i >= limit:
        return 0, 0, 0, 0
    first = toks[i].norm
    word = _without_and(first)
    if (word in lex.w.when or first in lex.w.when) and i + 1 < limit:
        i += 1  # وحينما سئل فلان عن القرار قال: the subject of the clause of time says what the sentence reports
        first = word = toks[i].norm
    if (word.startswith("ال") or word in lex.w.phrase_end or word in lex.w.that
            or (len(word) < 3 and not (first != word and word in dictionary.verbs()))  # وشن: a doubled verb
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


def according_words(lex: Lexicons) -> frozenset[str]:
    """Return the "according to" words with و/ف or without (بحسب، وبحسب، ووفقا)."""
    return lex.derived("according", lambda lex: frozenset(p + w for w in lex.w.according_to
                                                          for p in ("", "و", "ف")))


_WORDS_OF = frozenset({"قول", "تعبير", "وصف"})


def _in_words_of(toks: Tokens, i: int) -> bool:
    """Return whether toks[i] (حد) opens "على حد قول / تعبير / وصف فلان": in the words of a source."""
    return i > 0 and toks[i - 1].norm == "علي" and i + 2 < len(toks) and toks[i + 1].norm in _WORDS_OF


def triggers(lex: Lexicons) -> frozenset[str]:
    """Return every word a branch of find() acts on; any other token is skipped at once."""
    def make(lex: Lexicons) -> frozenset[str]:
        table = cues.of(lex)
        return (lex.w.relay | {"نقلا"} | frozenset(table.verbs) | according_words(lex)
                | frozenset(table.participles) | frozenset(table.with_object) | lex.w.came_in | {"حد"})
    return lex.derived("speech_triggers", make)


_TANWEEN = frozenset("\u064b\u064c\u064d")


def find(lex: Lexicons, text: str, toks: Tokens | None = None, known: Collection[str] = (),
         spans: list[tuple[int, int]] | None = None) -> Report | None:
    """Return the report a sentence makes, or None for narration (toks, spans: its tokens and quote_spans when the
    caller has them).

    The first reporting verb outside quotations decides (a later one sits in its reported clause);
    a relayed source (نقلت ... عن فلان) outranks it, and بحسب / وفقا لـ and participles (مضيفا) are fallbacks.
    known: the skeletons (names.skeleton) of the family names the article has given people so far.
    """
    toks = tokens(text) if toks is None else toks
    found = positions(map(NORM, toks), triggers(lex))
    if not found:  # a sentence without a cue (one in six) can only be a headline
        return _headline(lex, text, toks)
    spans = quote_spans(text) if spans is None else spans
    table = cues.of(lex)
    relay_words, according_to, came_in = lex.w.relay, according_words(lex), lex.w.came_in
    relay = verb = according = None
    participle = ""
    for i in found:
        tok = toks[i]
        n = tok.norm
        if spans and _inside(toks.starts[i], spans):
            continue
        if n in relay_words and relay is None and i > 0 and toks[i - 1].norm in lex.w.what:
            # بحسب ما نقلت الوكالة: what the outlet relayed; … عن الوزير: the one it relayed
            relayed = _what_report(lex, text, toks, i, spans)
            relay = _relay(lex, text, toks, i) if relayed else None
            relay = replace(relay, relayer=relayed.mention) if relay else None
            verb = verb or relayed
        elif n in relay_words and relay is None:
            relay = _relay(lex, text, toks, i)
        elif n == "حد" and according is None and _in_words_of(toks, i):
            according = _according_to(lex, text, toks, i + 1)  # على حد قول الوزير، على حد تعبيره
        elif n == "نقلا" and relay is None:
            relay = _according_to(lex, text, toks, i)
        elif n in table.verbs and verb is None and not _TANWEEN.intersection(toks.written[i]):
            # وطلباً: a noun written with tanween, not the verb طلبا
            verb = _verb_report(lex, text, toks, i, spans, known)
        elif n in table.with_object and verb is None and i > 0 and toks[i - 1].norm in lex.w.what:
            verb = _what_report(lex, text, toks, i, spans)
        elif (n in table.with_object and verb is not None and i > 1 and toks[i - 1].norm in lex.w.what
              and toks[i - 2].norm in according_to and (told := _what_report(lex, text, toks, i, spans))):
            return told  # واعترف فلان بكذا، وفقا لما ذكرته الصحيفة: the outlet tells the whole sentence
        elif n in according_to and according is None:
            according = _according_to(lex, text, toks, i)
        elif n in came_in and verb is None:
            verb = _came_in(lex, text, toks, i, spans)
        elif n in table.participles and not participle and verb is None and _participle_reports(lex, toks, i):
            participle = _surface(text, toks, i, i + 1)
            a, b, app_a, app_b = _main_subject(lex, toks, i)
            if b > a and not (b == a + 1 and toks[a].norm in lex.w.personal_pronoun):  # وهذه هي أول مرة …، قائلا
                verb = Report("explicit", participle, _surface(text, toks, a, b), _surface(text, toks, app_a, app_b),
                              _quote_kind(text, toks.ends[i], spans))
    if relay:
        if verb is not None and verb.kind == "explicit" and verb.mention != relay.mention:
            return replace(relay, relayer=verb.mention)
        return relay
    if verb and (verb.kind == "explicit" or according is None):
        return _withheld(lex, toks, verb)
    if according:
        return _withheld(lex, toks, according)
    if participle:
        return Report("implicit", participle, quote=_quote_kind(text, 0, spans))
    return _headline(lex, text, toks)


def _headline(lex: Lexicons, text: str, toks: Tokens) -> Report | None:
    """Return the source of a headline quote "الصليب الأحمر: الوضع في اليمن كارثي", or None."""
    if cues.COLON not in text:  # the colon token is the colon as written
        return None
    if (len(toks) > 3 and toks[1].norm == cues.COLON and toks[2].norm in cues.QUOTE_MARKS
            and _without_and(toks[0].norm) in dictionary.verbs()):
        # وواصل: "…"، وتابع: "…": a verb that opens a quotation with a colon says it, whatever verb it is
        return Report("implicit", _surface(text, toks, 0, 1), quote="direct")
    colon = next((k for k, t in enumerate(toks[:6]) if t.norm == cues.COLON), -1)
    if (colon < 1 or len(toks) - colon < 4 or noun_phrase(lex, toks, 0) != colon
            or len(text.split()) > _HEADLINE_WORDS):
        return None
    mention = names.split(lex, map(NORM, toks[:colon]))
    person = len(mention.name) >= 2 and all(w in lex.title_words for w in mention.title) and not _thing(
        mention.name[0])  # قمة ترامب وبوتين: a summit, not a person
    institution = toks[0].norm not in lex.places and _is_source(lex, _surface(text, toks, 0, colon))
    if not (person or institution):
        return None
    return Report("explicit", "", _surface(text, toks, 0, colon), quote="direct")
