"""Where the subject of a cue is: before its verb, after it (its end, its apposition, a clause that describes it),
or unwritten when the words after the verb are its object; and whether a phrase can speak."""

from __future__ import annotations

from collections.abc import Collection

from qawl import cues, dictionary, mentions, names, sources
from qawl.arabic import without_article
from qawl.lexicons import Lexicons
from qawl.normalize import normalize
from qawl.phrases import (
    COMMAS,
    PUNCTUATION,
    RESUMPTIVE,
    accusative,
    apposition,
    has_name,
    institution,
    is_stop_word,
    noun_phrase,
    noun_with_pronoun,
    quoted_name,
    starts_with_media_word,
)
from qawl.reports import SENTENCE_END, complement_at, speech_objects, surface
from qawl.tokenize import NORM, Token, Tokens

_HARD_MARKS = frozenset(".؟?!:؛;\"«»“”()")


def _hard_boundary(lex: Lexicons, n: str) -> bool:
    return n in _HARD_MARKS or n in lex.w.that


def mute_subject_before(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether a definite noun phrase that cannot speak opens the verb's clause right before it (لكن الأغلبية
    الساحقة رفضت التفكير): the verb's own subject, so it carries no earlier source."""
    for b in range(i - 1, max(-1, i - 8), -1):
        prev = toks[b - 1].norm if b > 0 else ""
        if b == 0 or prev in COMMAS or prev in lex.w.clause_opener:
            first = toks[b].norm
            if not first.startswith("ال") or without_article(first) in lex.w.time_noun:
                return False  # الأسبوع الماضي قال: a time, not a subject
            return noun_phrase(lex, toks, b) == i and not speaks(lex, toks, b, i)
    return False


def subject_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int, int, int] | None:
    """Return the spans of a subject written before its verb and of its apposition (الشرطة تقول إن، لكن محمد، وكيل
    ...، قال), or None."""
    end = i - 1 if i > 0 and toks[i - 1].norm in lex.w.perfect_particle else i  # قد، لقد، فقد
    if end < i and end > 1 and toks[end - 1].norm in lex.w.copula:
        end -= 1  # أن الشركة كانت قد أعلنت: the copula between the subject and قد
    if end > 3 and toks[end - 1].norm == ")" and (opening := next(
            (o for o in range(end - 3, max(0, end - 5), -1) if toks[o].norm == "("), -1)) > 1:
        end = opening  # وكانت منظمة الأمم المتحدة للطفولة (يونيسف) قد حذرت: the body's short name in brackets
    elif end < i and end > 3 and toks[end - 1].norm in cues.QUOTE_MARKS and (
            opening := _quoted_name_start(toks, end - 1)) > 1 and toks[opening - 1].norm not in cues.QUOTE_MARKS and (
            quoted_name(lex, toks, opening) < 0):  # صحيفة «التايمز»: the medium's name, not a short one after it
        end = opening  # وكانت وكالة أنباء الإمارات «وام» قد ذكرت: or in quotation marks
    if end > 2 and toks[end - 2].norm == "من" and toks[end - 1].norm in lex.w.turn_after_min:
        end -= 2  # المعارضة من جانبها أكدت: her turn, between the subject and its verb
    while end > 1 and end < i and toks[end - 1].norm in COMMAS:
        end -= 1  # وكانت ماي، قد عبرت: a comma before قد
    if end == i and end > 2 and i < len(toks) and toks[end - 1].norm in COMMAS and toks[i].norm[:1] not in "وف" and (
            names.is_name_word(lex, toks[end - 2].norm)):
        end -= 1  # لكن الرئيس الأمريكي دونالد ترامب، هدد: a name, a comma, then its verb
    close = -1  # the comma that closes a clause between the subject and its verb (before قد or not)
    if end > 0 and toks[end - 1].norm in COMMAS:
        close = end - 1
    elif end < i and toks[end].norm in COMMAS:
        close = end
    if close > 1:
        # وكان الوزير فلان، الذي زار المدينة، قال; وكانت فلانة، وهي حامل، قد طلبت: a clause set off by commas that
        # describes the subject is passed over
        k = next((k for k in range(close - 1, max(0, close - 30), -1) if toks[k].norm in COMMAS), 0)
        if k > 0 and (_describes(lex, toks[k + 1]) or toks[k + 1].norm in lex.w.phrase_preposition
                      or toks[k + 1].norm == "من" or toks[k + 1].norm in lex.w.headed_by
                      or withheld_clause(lex, toks, k) == close):
            # الرئيس، في خطاب أمام الكونغرس، قال؛ الشرطة، من جهتها، قالت: where or whose turn it was; اللجنة،
            # برئاسة فلانة، قد أوصت: who heads it; غير أن مسؤولا، طلب عدم ذكر اسمه، أوضح: whose name is withheld
            end = k
    start, floor = end, after_dateline(lex, toks)
    while start > floor and end - start < 24:
        if toks[start - 1].norm in cues.QUOTE_MARKS and (opening := _quoted_name_start(toks, start - 1)) > 0:
            start = opening  # صحيفة "لوباريزيان" الفرنسية: a short quoted name is part of the subject
            continue
        if _hard_boundary(lex, toks[start - 1].norm):
            break
        start -= 1
    openers, prepositions = lex.w.clause_opener, lex.w.phrase_preposition | {"من", "عن"}
    form = cues.of(lex).forms.get(toks[i].norm) if i < len(toks) else None
    for a in range(start, end):
        if a > floor and not (_hard_boundary(lex, toks[a - 1].norm) or toks[a - 1].norm in COMMAS) and not (
                form is not None and toks[a].norm[:1] == "و" and (
                    (form.number == "pl" and sources.unnamed_head(lex, toks[a].norm[1:])) or (
                        form.number == "sg" and toks[a].norm.startswith("وال")
                        and sources.head_kind(lex, toks[a].norm[1:]) in sources.BODIES))):
            # … وناشطون يتهمون، والدفاع المدني يحذر: a clause of its own, its sources or body its subject, the verb
            continue  # agreeing with it (not حقوق الإنسان والصحفيين | تنتقد: the organizations' verb)
        # وكانت وكالة أنباء الإمارات قد ذكرت: the copula opening the sentence, then its subject
        opened = toks[a].norm in openers or (a == floor and end < i and without_and(toks[a].norm) in lex.w.copula)
        b = a + 1 if opened else a
        if b >= end:
            continue
        if opened and without_and(toks[a].norm) in lex.w.copula and toks[b].norm in cues.QUOTE_MARKS and (close := next(
                (c for c in range(b + 2, min(end, b + 5)) if toks[c].norm in cues.QUOTE_MARKS), -1)) > 0:
            # وكانت «ميرسك» الدنماركية، ثاني أكبر شركة …، قد حذرت: a body's name in quotation marks, its adjectives
            stop = close + 1
            while stop < end and toks[stop].norm.startswith("ال") and toks[stop].norm.endswith(("ي", "يه")):
                stop += 1
            app_a, app_b = apposition(lex, toks, stop)
            if stop == end or (app_b > stop and app_b in (end, end - 1)):
                return (b, stop, app_a, app_b) if app_b > stop else (b, stop, stop, stop)
            continue
        first = toks[b].norm
        first = first[1:] if first[:1] in {"و", "ف"} and first[1:].startswith("ال") else first
        after_that = a > 0 and toks[a - 1].norm in lex.w.that
        # لكن مصدرا مطلعا قال: لكنّ, a sister of إنّ, puts its subject in the accusative too
        accusative = after_that or (opened and toks[a].norm in _BUT)
        if accusative and first.endswith("ا") and sources.unnamed_head(lex, first[:-1]):
            first = first[:-1]
        # بيد أن ترامب يقول، إلا أن فرنسا قالت، غير أن مصدرا أكد: a name, a place or what can speak after أن is the
        # subject of the clause it opens
        if not (first.startswith("ال") or opened or first in lex.title_words or sources.unnamed_head(lex, first)
                or first in lex.w.quantifier or (  # غالبية قادة الدول يعتقدون: the ones the quantifier counts
                after_that and not _present_verb_then_subject(lex, toks, b) and (
                    has_name(lex, toks, b, b + 1) or first in lex.places
                    or (not first[:1].isdigit() and sources.head_kind(lex, first))))):
            continue
        stop = min(noun_phrase(lex, toks, b), end)  # المعارضة | من جانبها: no phrase runs past the subject's end
        while accusative and b < stop < end and (toks[stop].norm.endswith("يا") or (
                toks[stop].norm.endswith("ا") and dictionary.participle(toks[stop].norm[:-1]))):
            stop += 1  # غير أن مصدرا دبلوماسيا مغربيا أكد، مصدرا مطلعا على المفاوضات قال: an accusative subject after
            # أن, its adjectives too
        app_a, app_b = apposition(lex, toks, stop)
        # the comma closing the apposition ends the subject, or is the one before قد that ended it already
        reach = (app_b if app_b == end else app_b + 1) if app_b > stop else stop
        if app_a == app_b and stop + 1 < end and toks[stop].norm in COMMAS and (
                toks[stop + 1].norm in lex.title_words and noun_phrase(lex, toks, stop + 1) == end):
            app_a, app_b, reach = stop + 1, end, end  # لكن فلان، وزير الخارجية أكد: the comma closing it left out
        # منظمات مدافعة عن حقوق الإنسان تقول: a participle and its complement describe the subject
        described = stop + 1 < end and is_participle(toks[stop].norm) and toks[stop + 1].norm in prepositions
        at = stop + 1 if described else stop
        # غير أن مصدرا مطلعا على المفاوضات قال: an accusative participle and what it governs
        governs = accusative and b < stop < end and toks[stop].norm in lex.w.preposition and toks[
            stop - 1].norm.endswith("ا") and dictionary.participle(toks[stop - 1].norm[:-1])
        if at < end and (toks[at].norm in prepositions or governs):
            reach = noun_phrase(lex, toks, at + 1)  # وكان سفير روسيا في لبنان قد قال
            if reach < end and toks[reach].norm in COMMAS and not described and stop > b and (
                    (named := apposition(lex, toks, reach))[1] in (end - 1, end) and named[1] > named[0]
                    and has_name(lex, toks, *named) and speaks(lex, toks, b, stop)):
                # غير أن الخبير في الشؤون البحرية، فلان، يرى أن: his field, then his name set off by commas
                return b, reach, named[0], named[1]
        if stop > b and (reach == end or stop == end) and speaks(lex, toks, b, stop):
            if at > stop and reach == end:
                return b, end, end, end  # the whole described phrase names the unnamed source
            return (b, stop, app_a, app_b) if reach == end else (b, stop, stop, stop)
    return None


_BUT = frozenset({"لكن", "ولكن"})


def _present_verb_then_subject(lex: Lexicons, toks: Tokens, b: int) -> bool:
    """Return whether toks[b], in the present's ي and no given name, is a verb before its definite subject (أن يعيد
    التلسكوب رصد الكوكب): no name, whatever no dictionary holds it."""
    word = toks[b].norm
    return (word[:1] == "ي" and word not in names.given_name_set(lex) and b + 1 < len(toks)
            and toks[b + 1].norm.startswith("ال"))


def _quoted_name_start(toks: Tokens, close: int) -> int:
    """Return the position of the mark that opens a short quoted name closed at toks[close] (one to four words),
    else -1."""
    return next((k for k in range(close - 2, max(-1, close - 6), -1) if toks[k].norm in cues.QUOTE_MARKS), -1)


def own_object(lex: Lexicons, text: str, toks: Tokens, j: int) -> bool:
    """Return whether toks[j] is the verb's own object (وختم حديثه بالقول): the subject is implicit; not one of
    his people, who speak (وقالت زوجته إن، وقال محاميه إن)."""
    word = surface(text, toks, j, j + 1)
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    return (len(word) > 4 and toks[j].possessed and word.endswith(("ه", "ها"))  # not عبدالله
            and (after in lex.w.that or after == cues.COLON or after.startswith("بال"))
            and not sources.possessor_kind(lex, toks[j].norm))


def without_and(word: str) -> str:
    """Return a normalized word without a leading و or ف (وألقى → ألقى); callers look the rest up in a lexicon."""
    return word[1:] if word[:1] in "وف" else word


def verb_spelled(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word is a verb, past or present, maybe after و or ف (ويبقى، أكد، وعقد), and no
    given name (يحيى، يوسف)."""
    bare = without_and(word)
    verbs = dictionary.verbs()
    return bare not in names.given_name_set(lex) and (bare in verbs or (bare[:1] in "يتن" and bare[1:] in verbs))


def name_before(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span of the name just before position i (كلمة رئيس الجمعية عبدالعزيز السيف، أوضح فيها)."""
    end = i
    while end > 0 and toks[end - 1].norm in COMMAS:
        end -= 1
    if end > 0 and ((end == i and toks[end - 1].feminine and toks[end - 1].norm not in names.given_name_set(lex))
                    or accusative(toks[end - 1].norm) or (end == i and toks[end - 1].norm[:1] == "ب" and toks[
                        end - 1].norm in speech_objects(lex))):  # وردت الخارجية ببيان أعربت فيه
        # ونشرت الصحيفة تحليلا أشارت فيه، وكتب تغريدة قال فيها، نشرت الصحيفة تقريرا، قالت فيه: what was said in,
        # not who said it
        end -= 1
        while end > 0 and i - end < 3 and accusative(toks[end - 1].norm):
            end -= 1  # وعقد الوزير مؤتمرا صحفيا أكد فيه: the adjective, then the noun it describes
        if (body := _body_before(lex, toks, end)) is not None:
            return body
    start = _phrase_back(lex, toks, end)
    if start == 0 < end - 1 and toks[0].norm[:1] == "و" and verb_spelled(lex, toks[0].norm):
        start = 1  # وعقد الوزير مؤتمرا: the verb (a noun as well) that opens the sentence, no part of its subject
    while start + 1 < end and start > 0 and toks[start].norm in lex.places and toks[start - 1].norm in (
            lex.w.preposition):
        start += 1  # المعارض المقيم في بريطانيا ناصر الحربي، يتهم فيها: where he lives, then his name
    if start == end:
        return None
    mention = names.split(lex, map(NORM, toks[start:end]))
    given = names.given_name_set(lex)
    # A title or a given name anchors it: أدلى به فور انتهاء عملية الاقتراع، وقال فيه is no one's name
    anchored = mention.title or any(w in given for w in mention.name)
    if not mention.name and mention.title and toks[start].norm.startswith("ال") and toks[start].norm in (
            lex.title_words):
        return start, end  # وعقد الوزير مؤتمرا صحفيا أكد فيه: a definite title, the holder the article named
    return (start, end) if mention.name and anchored else None


def _phrase_back(lex: Lexicons, toks: Tokens, end: int, *, quoted: bool = False) -> int:
    """Return where the phrase that ends at toks[end] begins: back to a stop word, a verb or an object pronoun
    (quoted: a name in quotation marks within it is passed over)."""
    start = end
    while start > 0 and end - start < 8:
        word = toks[start - 1].norm
        if quoted and word in cues.QUOTE_MARKS and start > 1:
            start -= 1
            continue
        if is_stop_word(lex, word) or dictionary.verb_only(without_and(word)) or word in lex.w.object_pronoun:
            break  # وألقى الوزير فلان كلمة قال فيها: the name, not the verb it is the subject of
        start -= 1
    while start < end and toks[start].norm in cues.QUOTE_MARKS:
        start += 1
    return start


def _body_before(lex: Lexicons, toks: Tokens, end: int) -> tuple[int, int] | None:
    """Return the span of the medium or body that ends at toks[end] and published what the sentence quotes
    (ونشرت صحيفة "الغارديان" تقريرا قالت فيه، وأصدرت الوزارة بيانا أكدت فيه), or None."""
    if end > 1 and toks[end - 1].norm[:1] == "ف" and dictionary.verb_only(toks[end - 1].norm[1:]):
        end -= 1  # أما صحيفة "الغارديان" فنشرت تحقيقا كشفت فيه: the body before the verb that published it
    if end > 2 and toks[end - 1].norm in lex.w.time_adverb:
        end -= 1  # وردت الخارجية الجزائرية حينها ببيان: when, between the body and what it issued
    start = _phrase_back(lex, toks, end, quoted=True)
    words = [t.norm for t in toks[start:end]]
    bodies = (sources.MEDIA, sources.ORGANIZATION)
    if start < end and sources.head_kind(lex, words[0]) in bodies and sources.classify(lex, words).kind in bodies:
        return start, end
    return None


def quoted_subject(lex: Lexicons, toks: Tokens, j: int, allowed: frozenset[str]) -> tuple[int, int] | None:
    """Return the closing mark of a short quoted name that is the subject (وقالت "فيسبوك" يوم الأربعاء، إن) and
    where what is said begins: one to three quoted words, no pronoun, then at most a time and the that-clause or
    colon; None when the quotation is what was said (وقال "نحن مستعدون" في إشارة إلى أن)."""
    close = next((k for k in range(j + 2, min(len(toks), j + 5)) if toks[k].norm in cues.QUOTE_MARKS), -1)
    if close < 0 or close + 1 >= len(toks) or toks[j + 1].norm in lex.w.personal_pronoun or (
            toks[j + 1].norm in lex.w.pronoun_subject):
        return None
    at = complement_at(lex, toks, close + 1, allowed - {cues.ANY})
    said = toks[at].norm in lex.w.that or toks[at].norm == cues.COLON or (  # وأشارت «فيتش» إلى أن: the cue's
        toks[at].norm in allowed and at + 1 < len(toks) and toks[at + 1].norm in lex.w.that)  # preposition, then أن
    # وقالت «الفنار القابضة» في بيان لبورصة الكويت إنها: where she said it, before what she said
    aside = close + 2 < at and toks[close + 1].norm == "في" and toks[close + 2].norm in speech_objects(lex)
    if at <= close or at - close > 6 or not said or any(
            (t.norm in lex.w.preposition and not aside) or t.norm in SENTENCE_END for t in toks[close + 1 : at]):
        return None
    return close, at


def quoted_body(lex: Lexicons, toks: Tokens, k: int) -> tuple[int, int] | None:
    """Return the span inside quotation marks at toks[k] when it is a body's name (أكد "مركز إعلام دمشق" أن):
    one to four words that open with an institution's head noun, else None."""
    if k + 2 >= len(toks) or toks[k].norm not in cues.QUOTE_MARKS or not institution(lex, toks[k + 1].norm):
        return None
    close = next((m for m in range(k + 2, min(len(toks), k + 6)) if toks[m].norm in cues.QUOTE_MARKS), -1)
    return (k + 1, close) if close > 0 and speaks(lex, toks, k + 1, close) else None


def name_before_clause(lex: Lexicons, toks: Tokens, after: int, at: int) -> tuple[int, int] | None:
    """Return the span of a name set off by commas right before what is said (وقال المعارض البارز للقذافي في ذلك
    الوقت، عبد الحكيم بلحاج، إنه): the apposition of a titled subject; None when there is none."""
    close = at - 1
    if close <= after or toks[close].norm not in COMMAS:
        return None
    open_ = next((k for k in range(close - 1, max(after - 1, close - 7), -1) if toks[k].norm in COMMAS), -1)
    if open_ < 0 or open_ + 1 >= close:
        return None
    words = [t.norm for t in toks[open_ + 1 : close]]
    if without_article(words[0]) in lex.w.time_noun or not RESUMPTIVE.isdisjoint(words):
        return None  # دعت البعثة في ليبيا، مساء الإثنين، إلى: when, not who; في بيان، تلقت الصحيفة نسخة منه،: a clause
    mention = names.split(lex, words)
    # between commas a name may end in a word the lexicon reads otherwise (عبد الحكيم بالحاج: ب + الحاج)
    if mention.name_at == 0 and len(words) - 1 <= len(mention.name) >= min(2, len(words)) and names.anchored(
            lex, mention.name):
        return open_ + 1, close
    return None


def _describes(lex: Lexicons, tok: Token) -> bool:
    """Return whether a word after a comma opens a clause that describes the noun before it: a relative pronoun
    (، الذي …،), و and a third-person pronoun (، وهي حامل …،، وهو أب لثلاثة،) or و and a noun of its own (، ومقره
    لندن،، وعمرها 30 عاما،)."""
    word = tok.norm
    return word in lex.w.who or (word[:1] == "و" and (word[1:] in lex.w.personal_pronoun or (
        tok.possessed and dictionary.entry(word[1:].removesuffix("ا").removesuffix("ه")) is not None)))


def withheld_clause(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the end of a clause from toks[k] (or the comma there) that withholds the subject's name (لم يكشف عن اسمه،
    طلب عدم نشر اسمه، فضل عدم ذكر هويته): its verbs report nothing; -1 when none opens there."""
    start = k + 1 if k < len(toks) and toks[k].norm in COMMAS else k
    if start < len(toks) and toks[start].norm in {"وقد", "قد"}:
        start += 1  # أحدهم، وقد طلب عدم ذكر اسمه،
    if start >= len(toks) or (toks[start].norm not in lex.w.withheld and not (
            start + 1 < len(toks) and (toks[start + 1].norm == "عدم" or (
                toks[start].norm in lex.w.relative and (toks[start + 1].norm in lex.w.withheld or (
                    start + 2 < len(toks) and toks[start + 2].norm == "عدم"))) or (  # التي طلبت عدم ذكر اسمها
                start + 2 < len(toks) and toks[start + 1].norm in lex.w.on_condition
                and toks[start + 2].norm == "عدم")))):
        # the clause opens with its negation (لم، دون), a verb of refusing (رفض، فضل عدم، طلب عدم), a relative
        # pronoun before them (اللذان لم) or a verb on the condition of (تحدث شريطة عدم الكشف عن هويته); مسؤولون
        # أمريكيون لم تكشف أسماؤهم: the adjective before لم is the subject's
        return -1
    for m in range(start + 1, min(len(toks), start + 7)):
        n = toks[m].norm
        if n in lex.w.identity:
            return m + 1
        if n in lex.w.that or n in COMMAS or n in SENTENCE_END:
            return -1
    return -1


def past_relative_clause(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return k moved past a relative clause set off by commas after the subject (وقال المستثمرون، الذين حذروا
    من …، إنهم) or one that withholds its name (وقال مسؤول لم يكشف عن اسمه إن): its verbs are not the report."""
    if (withheld := withheld_clause(lex, toks, k)) > 0:
        return withheld
    if k + 1 < len(toks) and toks[k].norm in COMMAS and _describes(lex, toks[k + 1]):
        close = next((m for m in range(k + 2, min(len(toks), k + 40))
                      if toks[m].norm in COMMAS or toks[m].norm == cues.COLON or toks[m].norm in cues.QUOTE_MARKS), -1)
        if close > 0:
            return close  # ويقول فلان، الذي يدير المزرعة "…": the quotation closes the clause too
    if k + 2 < len(toks) and toks[k].norm in {"وهو", "وهي"} and (close := next(
            (m for m in range(k + 2, min(len(toks), k + 25)) if toks[m].norm in cues.QUOTE_MARKS
             or toks[m].norm == cues.COLON), -1)) > 0:
        return close  # ويقول فلان وهو سعودي أنشأ معهدا "…": who he is, then what he said
    if k < len(toks) and toks[k].norm in lex.w.who:
        # وأضاف المصدر الذي طلب عدم الكشف عن هويته أن: a relative clause without commas, up to what is said
        that = next((m for m in range(k + 1, min(len(toks), k + 15))
                     if toks[m].norm in lex.w.that or toks[m].norm == cues.COLON), -1)
        if that > 0:
            return that
    return k


def after_describing_clause(lex: Lexicons, toks: Tokens, j: int, k: int) -> int:
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
        if n in SENTENCE_END or n in COMMAS or n in table.verbs:
            return -1
    return -1


def described_apposition(lex: Lexicons, toks: Tokens, end: int, allowed: frozenset[str]) -> tuple[int, int]:
    """Return the span of an indefinite noun set off by commas after position end, with the clause that describes
    it (فلانة، أول امرأة تحمل هذا اللقب، إن): its verb, even a cue's, opens no report; (end, end) when there is
    none. What the verb governs (allowed: its complements) must follow the comma that closes it."""
    if end + 2 >= len(toks) or toks[end].norm not in COMMAS:
        return end, end
    k = noun_phrase(lex, toks, end + 1)
    table = cues.of(lex)
    noun = toks[k - 1]
    entry = dictionary.entry(noun.norm) if end + 1 < k < len(toks) and not noun.norm.startswith("ال") else None
    if entry is None or noun.possessed or noun.norm in names.given_name_set(lex) or not (
            toks[k].norm in table.verbs or dictionary.verb_only(toks[k].norm)):
        return end, end
    for m in range(k + 1, min(len(toks) - 1, k + 12)):
        n = toks[m].norm
        if n in COMMAS:
            return (end + 1, m) if complement_at(lex, toks, m, allowed - {cues.ANY}) >= 0 else (end, end)
        if n in SENTENCE_END or n in lex.w.that:
            break
    return end, end


def indefinite_noun(lex: Lexicons, tok: Token) -> bool:
    """Return whether a word is a common noun without the article (لافتة، تقارير), no name, title or body: a verb
    right after it opens a clause describing it."""
    if tok.norm.isdigit():
        return False  # a number (most are seen once) is no noun the dictionary knows: not learned by the memo
    return lex.memo("indefinite_noun", _is_indefinite_noun)[tok]  # asked before every cue: once per word


def _is_indefinite_noun(lex: Lexicons, tok: Token) -> bool:
    word = tok.norm
    if word[:1] in "وف" and (word[1:] in lex.w.function_word or word[1:] in lex.w.phrase_end):
        return False  # وقد، فقد: the particle after و/ف, not the noun spelled the same (وَقْد، فَقْد)
    if tok.possessed or word.startswith("ال") or word in lex.title_words or word in lex.institution_heads or (
            word in lex.places or word in lex.w.phrase_end or word in lex.w.function_word
            or word in lex.w.clause_opener or word in lex.w.that):
        return False  # إلا أنه حذر، غير أنها أكدت: the subject's pronoun on أن, not the noun أنّة
    entry = dictionary.entry(word)
    noun = entry is not None and (entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)
                                  or (entry.kind == dictionary.PARTICIPLE and tok.feminine))
    return noun and not (
        names.is_name_word(lex, word) and word in names.given_name_set(lex))


def accusative_noun(lex: Lexicons, word: str) -> bool:
    """Return whether a word is an indefinite noun in the accusative (قرارا، تحليلا): its base, not itself, is in the
    dictionary, as a noun, a verbal noun or a participle."""
    if dictionary.entry(word) is not None or not accusative(word) or word in lex.places:
        return False
    entry = dictionary.entry(word[:-1])
    return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN, dictionary.PARTICIPLE)


def accusative_head(lex: Lexicons, toks: Tokens, j: int) -> bool:
    """Return whether the word after a cue is an indefinite noun in the accusative (وأبلغ اجتماعا لأنصاره، أخبرت
    موظفا بأنها): the verb's object. A name that ends like one (جوانا هندون) goes on with a name no dictionary
    holds."""
    word = toks[j].norm
    if not accusative(word) or word in lex.places or word in lex.title_words:
        return False  # بابا الفاتيكان: a title ending in ا
    if toks[j].possessed and word.endswith("ها") and (word[:-2] in lex.title_words or noun_with_pronoun(word)):
        return False  # وقال مديرها، فلان، إن: her director (not اتجاها, the accusative of اتجاه)
    if "\u064b" in toks.written[j]:
        return True  # تقترح انسحاباً تدريجياً: the tanween writes the accusative
    after = toks[j + 1].norm if j + 1 < len(toks) else ""
    if word in names.given_name_set(lex) and after[:1] not in "بل":
        return False  # وقالت لينا الحسن: a given name the dictionary reads as a noun with tanween
    if not after or after in PUNCTUATION or after in lex.w.preposition or accusative(after):
        return True  # يرصد غلافا جويا حول كوكب: its adjective in the accusative too, or a preposition after it
    if after in cues.of(lex).verbs or dictionary.verb_only(after):
        return True  # فنشرت تحقيقا كشفت فيه: a verb after it, which no family name is
    # a preposition on the next word (لأنصاره، بأنها) tells the object: a family name seldom starts with ب or ل
    return not (names.is_name_word(lex, after) and dictionary.entry(after) is None and after[:1] not in "بل")


def oblique_plural(word: str) -> bool:
    """Return whether a word is a sound masculine plural in its object form (المشاهدين، المواطنين): right after a
    verb it is the object, since a subject would read المشاهدون."""
    bare = word[2:] if word.startswith("ال") else word
    return (len(bare) > 5 and bare.endswith("ين") and not bare.endswith("يين")
            and dictionary.entry(bare[:-2]) is not None)  # مشاهد: a known singular, not بوتين or روزنشتاين


def speaks(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] names a source that can speak (sources.classify)."""
    return b > a and bool(sources.classify(lex, [t.norm for t in toks[a:b]], possessed=toks[a].possessed).kind)


def feminine_place(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a state or city, which takes a feminine verb (قالت إيران، أعلنت موسكو): one without
    the article, not one of the few masculine ones (لبنان)."""
    return word in lex.places and not word.startswith("ال") and word not in lex.w.masculine_place


def titled_name(lex: Lexicons, toks: Tokens, a: int, b: int) -> bool:
    """Return whether toks[a:b] ends in a person's name after a title (الدكتور الهزوم، مدير الفرع فلان الفلاني)."""
    mention = names.split(lex, map(NORM, toks[a:b]))
    return bool(mention.name) and mention.name_at > 0 and mention.name_at + len(mention.name) == b - a


def named_opening(lex: Lexicons, toks: Tokens, i: int, known: Collection[str] = ()) -> int:
    """Return i when the words before toks[i] are a state, a body or a person's name that opens the sentence, else 0
    (known: the skeletons of the family names the article gave, which may begin with و: وهبي يدافع)."""
    if any(t.norm in PUNCTUATION or (t.norm[:1] in "وف" and names.skeleton(t.norm) not in known
                                     and not institution(lex, t.norm)  # وزارة، وكالة: a body's head
                                     and t.norm not in lex.places)  # واشنطن، فرنسا: a place, no و or ف
           or is_stop_word(lex, t.norm) for t in toks[:i]) or (
            toks[0].norm in lex.w.clause_opener or not speaks(lex, toks, 0, i)):  # لكن، بيد أن: no name
        return 0
    return i if toks[0].norm in lex.places or has_name(lex, toks, 0, i) or sources.classify(
        lex, [t.norm for t in toks[:i]]).kind in sources.BODIES else 0  # سلطنة عُمان ترحب، وزارة التربية تكشف


def is_thing(word: str) -> bool:
    """Return whether the dictionary knows a word as a common noun or verbal noun only (قمة، زيارة)."""
    entry = dictionary.entry(word)
    return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)


def is_participle(word: str) -> bool:
    """Return whether a word is a participle in the dictionary (مقتضب، مشترك): after a noun, its adjective."""
    return dictionary.participle(word)


def is_source(lex: Lexicons, phrase: str) -> bool:
    """Return whether a phrase names a possible source: a title, institution, place or news outlet."""
    words = [normalize(w) for w in phrase.split()[:6]]
    if any(pos == 0 for _, _, pos in mentions.find(words, mentions.gazetteer_index(lex))):
        return True
    heads = lex.institution_heads
    for head in words[:1]:
        bare = head[2:] if head.startswith("ال") else head[1:] if head[:1] in "لو" else head
        titled = bare not in dictionary.elatives()  # الأعلى qualifies a title, أعلى المعايير heads none
        if (any((titled and w in lex.roles) or w in heads or w in lex.places for w in (head, bare, "ال" + bare))
                or bare in heads or starts_with_media_word(lex, bare)):
            return True
    return False


NEGATION = frozenset({"لم", "ولم", "لن", "ولن"})
_LEADING = frozenset({"ثم", "كما", "و", "قد", "وقد", "فقد", "لقد", "فيما", "بينما"}) | NEGATION  # فيما: whereas
_DATELINE_MARKS = frozenset({"-", "–", "/"})


def after_dateline(lex: Lexicons, toks: Tokens) -> int:
    """Return where a sentence's own words begin after a dateline (عمّان- لم تعد، أنقرة/ الأناضول أعلن، الرياض - واس -
    قال، البصرة ـ الصباح أعلنت، مسقط في 2 يونيو /العمانية/ أظهرت، الشارقة: «الخليج» شهدت، الرياض: الوطن كشفت): a
    place, maybe a date, a dash, slash or colon, maybe the outlet's name; 0 when none opens the sentence."""
    if len(toks) < 3 or toks[0].norm not in lex.places:
        return 0
    k = 1
    if k + 3 < len(toks) and toks[k].norm == "في" and toks[k + 1].norm.isdigit():
        k += 3  # في 2 يونيو: the date
    if toks[k].norm not in _DATELINE_MARKS and toks[k].norm not in {"", cues.COLON}:  # "": a tatweel as a dash
        return 0
    colon = toks[k].norm == cues.COLON
    k += 1
    if k + 1 >= len(toks):
        return 0  # الرياض: النهاية: nothing after the mark, no dateline
    if k + 2 < len(toks) and toks[k].norm in cues.QUOTE_MARKS and toks[k + 2].norm in cues.QUOTE_MARKS:
        return k + 3  # الشارقة: «الخليج» شهدت
    after_tatweel = toks[k - 1].norm == "" and toks[k].norm.startswith("ال")  # البصرة ـ الصباح أعلنت
    verb_next = colon and (toks[k + 1].norm in cues.of(lex).verbs or dictionary.verb_only(toks[k + 1].norm))
    if k + 1 < len(toks) and (toks[k + 1].norm in _DATELINE_MARKS or sources.classify(
            lex, [toks[k].norm]).kind == sources.MEDIA or after_tatweel or verb_next):
        k += 2 if toks[k + 1].norm in _DATELINE_MARKS else 1  # the outlet's name (الرياض: الوطن كشفت، البصرة ـ الصباح)
    return k if not colon or k > 2 else 0  # موسكو: اجتماع …: a headline's speaker, no dateline


def fronted_phrase_end(lex: Lexicons, toks: Tokens, i: int, limit: int) -> int:
    """Return where a sentence goes on after the short phrase of time or place a preposition fronts at toks[i] and
    the comma that closes it (في المقابل، ومنذ عام 2013، وفي الأثناء،), or i when none opens there."""
    first = toks[i].norm if i < limit else ""
    if not (first in lex.w.preposition or without_and(first) in lex.w.preposition):
        return i
    comma = next((k for k in range(i + 2, min(i + 9, limit - 1)) if toks[k].norm in COMMAS), 0)
    return comma + 1 if comma and not any(t.norm in PUNCTUATION for t in toks[i + 1 : comma]) else i


def main_subject(lex: Lexicons, toks: Tokens, limit: int, *, fronted: bool = False) -> tuple[int, int, int, int]:
    """Return the token spans of the subject and its apposition after a sentence-initial verb
    (ومدح أسطورة الكرة ... قائلا), or after the verb of a clause of time that opens it (وحينما سئل فلان … قال);
    empty spans when the sentence opens otherwise. fronted: also after a short prepositional phrase and a comma
    (في المقابل، دفعت المحامية فلانة …، مؤكدة)."""
    i = after_dateline(lex, toks)
    while i < limit and (toks[i].norm in PUNCTUATION or toks[i].norm in _LEADING):
        i += 1
    if i + 1 < limit and ((toks[i].norm == "من" and toks[i + 1].norm in lex.w.turn_after_min) or (
            toks[i].norm in lex.w.turn_opener)):
        # من جانبه، أهدى رئيس الاتحاد …، مؤكدا; بدوره، دعا فلان …: the turn taken, then the verb and its subject
        i += 2 if toks[i].norm == "من" else 1
        while i < limit and toks[i].norm in PUNCTUATION:
            i += 1
    if i + 1 < limit and toks[i].norm in {"في", "وفي"} and toks[i + 1].norm == "حين":
        i += 2  # في حين دفع محامي المتهم …، مؤكدا: whereas
    if i >= limit:
        return 0, 0, 0, 0
    if without_article(without_and(toks[i].norm)) in lex.w.time_noun or without_and(toks[i].norm) in (
            lex.w.time_conjunction):
        # يوم الإثنين، رفعت فلانة دعوى …، زاعمة; وبعد نحو ثلاث ساعات، أعاد المحتجون …: a time fronted before the
        # verb, a comma after it
        comma = next((k for k in range(i + 1, min(i + 6, limit)) if toks[k].norm in COMMAS), limit)
        i = comma + 1
        if i >= limit:
            return 0, 0, 0, 0
    elif fronted and (after := fronted_phrase_end(lex, toks, i, limit)) > i and toks[after].norm in dictionary.verbs():
        i = after  # في المقابل، دفعت المحامية فلانة …، مؤكدة: a fronted adverbial phrase, then the verb
    first = toks[i].norm
    word = without_and(first)
    if (word in lex.w.when or first in lex.w.when) and i + 1 < limit:
        i += 1  # وحينما سئل فلان عن القرار قال: the subject of the clause of time says what the sentence reports
        first = word = toks[i].norm
    if ((word.startswith("ال") and not dictionary.verb_only(word))  # والتقى، والتزم: a verb, not a definite noun
            or word in lex.w.phrase_end or word in lex.w.that
            or (len(word) < 3 and not (first != word and word in dictionary.verbs()))  # وشن: a doubled verb
            or first.startswith(("ب", "ل", "ك"))):
        return 0, 0, 0, 0
    end = min(noun_phrase(lex, toks, i + 1, objects=True, after_name=True), limit)
    app_a, app_b = apposition(lex, toks, end)
    return i + 1, end, app_a, min(app_b, limit)
