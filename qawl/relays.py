"""Reports made through a document, a relay or an attribution: جاء في بيان، وفقا لـ، بحسب، نقلا عن، ما ذكره،
في تصريح لـ، and a source whose name is withheld."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from qawl import cues, dictionary, names, sources
from qawl.arabic import with_pronouns, without_article
from qawl.lexicons import Lexicons
from qawl.normalize import normalize
from qawl.phrases import (
    COMMAS,
    RESUMPTIVE,
    apposition,
    called_name,
    closers,
    has_name,
    is_stop_word,
    lam_phrase,
    next_closer,
    noun_phrase,
    noun_with_pronoun,
    quoted_name,
    through_phrase,
    trailing_name,
)
from qawl.reports import Report, complement_at, quote_kind, said_at, speech_objects, surface
from qawl.subjects import is_participle, is_source, main_subject, quoted_body, speaks
from qawl.tokenize import NORM, Tokens, positions


def antecedent_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]
                       ) -> Report | None:
    """Return the report of "فلان الذي أوضح أن": the titled name right before the relative pronoun."""
    k = i - 1
    while k > 0 and toks[k - 1].norm in COMMAS:
        k -= 1  # أردوغان، الذي يصف نفسه
    start = k
    titles = lex.title_words
    while start > 0 and k - start < 10 and not is_stop_word(lex, toks[start - 1].norm) and (
            not toks[start - 1].norm.startswith("و") or toks[start - 1].norm.startswith("وال")
            or toks[start - 1].norm in titles):  # وزير، وكيل: a title spelled with و
        start -= 1  # a word with the conjunction و opens another clause (ويسعى أردوغان، الذي …)
    start = next((a for a in range(start, k) if toks[a].norm in titles), start)
    if start >= k or not (has_name(lex, toks, start, k) or is_source(lex, surface(text, toks, start, k))):
        return None
    if not speaks(lex, toks, start, k):
        return None
    table = cues.of(lex)
    allowed = table.complements(table.verbs[toks[i].norm])
    comp = complement_at(lex, toks, i + 1, allowed)
    if comp < 0 or not (toks[comp].norm in lex.w.that or toks[comp].norm == cues.COLON
                        or toks[comp].norm in cues.QUOTE_MARKS
                        or (comp == i + 1 and toks[comp].norm in allowed & lex.w.speech_preposition)):
        return None  # الرئيس الذي أكد على متانة العلاقات: a preposition of speech right after the verb (أقر بـ
        # confesses a deed)
    mention = surface(text, toks, start, k)
    if start > 0 and toks[start - 1].norm in according_words(lex):
        mention = without_lam(mention)  # وفقا لهيئة المسح الجيولوجي، التي أوضحت أن: the body, without the ل of وفقا
    return Report("explicit", surface(text, toks, i, i + 1), mention, quote=quote_kind(text, toks.starts[comp], spans))


def _closing_mark(toks: Tokens, k: int) -> int:
    """Return the position of the quotation mark that closes a short quoted name, from toks[k] on (-1 when none)."""
    return next((m for m in range(k, min(len(toks), k + 6)) if toks[m].norm in cues.QUOTE_MARKS), -1)


_QUOTED_NAME_WORDS = 4  # a name in quotation marks (the marks' positions apart): up to three words


def _source_after(lex: Lexicons, toks: Tokens, start: int) -> tuple[int, int]:
    """Return the span of the source named right after a verb at toks[start] (start, start when none can speak);
    a name in quotation marks is its name (وفق ما أفادت "الوكالة الوطنية للإعلام")."""
    if start < len(toks) and toks[start].norm in cues.QUOTE_MARKS and (close := _closing_mark(toks, start + 2)) > 0:
        # بحسب ما رصدته "العين الإخبارية": a name set in quotation marks right after the verb names its subject,
        # whatever its words spell
        return (start + 1, close) if close - start <= _QUOTED_NAME_WORDS or speaks(lex, toks, start + 1, close) else (
            start, start)
    end = noun_phrase(lex, toks, start, objects=True, after_name=True)
    return (start, end) if end > start and speaks(lex, toks, start, end) else (start, start)


def claim_about_antecedent(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]
                            ) -> Report | None:
    """Return the report of "الاتفاق الذي تقول الممثلة إنها وقعت عليه": a source named right after the verb of a
    relative clause claims, in a that-clause, something of the antecedent (the relative pronoun is the verb's
    object, not its subject)."""
    start = i + 1
    start, end = _source_after(lex, toks, start)
    if end == start:
        return None
    app_a, app_b = apposition(lex, toks, end)
    at = max(end, app_b)
    if at >= len(toks) or toks[at].norm not in lex.w.that or toks[at].norm.startswith("ب"):
        return None  # المعاهدة التي وقعت الدولتان عليها: a deed; التي اتهمت القاضي بأنه: the verb's object, not a claim
    return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, start, end),
                  surface(text, toks, app_a, app_b), quote_kind(text, toks.starts[at], spans))


def what_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of "ما ذكره السفير" / "وفق ما نشرته الصحيفة": what the source after the verb said, when it
    can speak (كما قال mid-sentence compares, and is left to the caller)."""
    start = i + 2 if i + 1 < len(toks) and toks[i + 1].norm in lex.w.object_pronoun else i + 1  # ما كشفت عنه فلان
    start = _past_time(lex, toks, start)  # حسبما أفاد به يوم الأربعاء بيان للمديرية: when, then who
    if start < len(toks) and (_described_as(lex, toks[start].norm) or toks[start].norm in lex.w.that):
        # عرض الجيش على المسلحين ما وصفه بالخروج الآمن: what the subject of the sentence described so; ونشرت
        # الوزارة ما قالت إنه صور للهجوم: what it said they are (no subject after the verb)
        first = toks[0].norm
        bare = first[1:] if first[:1] in "وف" and first[1:] in dictionary.verbs() else first
        verb = (first in cues.of(lex).verbs or bare in dictionary.verbs()) and bare not in lex.w.quantifier
        a, b, app_a, app_b = main_subject(lex, toks, i) if verb else (0, 0, 0, 0)  # أحد أهداف فلانة …: no verb
        if b > a and speaks(lex, toks, a, b):
            return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, a, b),
                          surface(text, toks, app_a, app_b), quote_kind(text, toks.ends[i], spans))
        return None
    if start + 1 < len(toks) and is_document(lex, toks[start].norm):
        # حسب ما أفاد به بلاغ للمديرية، وفق ما أورده بيان صادر عن الوزارة: the body whose document it is
        limit = next_closer(lex, toks, start + 1)
        if author := document_source(lex, text, toks, start, limit):
            return Report("explicit", surface(text, toks, i, i + 1), without_lam(surface(text, toks, *author)),
                          quote=quote_kind(text, toks.ends[i], spans))
    start, end = _source_after(lex, toks, start)
    if end == start:
        return None
    if (toks[start].norm in lex.w.figures or toks[start].norm in lex.w.report_noun) and (
            owner := figures_of_body(lex, toks, start, noun_phrase(lex, toks, start))) > start:
        # وفق ما أفادت به بيانات المعهد الوطني للإحصاء: the body's figures
        start, end = owner, noun_phrase(lex, toks, owner, objects=True, after_name=True)
    app_a, app_b = apposition(lex, toks, end)
    return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, start, end),
                  surface(text, toks, app_a, app_b), quote_kind(text, toks.ends[i], spans),
                  body=toks[start - 1].norm in cues.QUOTE_MARKS)  # بحسب ما رصدته "العين الإخبارية": a body's name


def figures_of_body(lex: Lexicons, toks: Tokens, j: int, end: int) -> int:
    """Return where the source of the phrase toks[j:end] begins: after figures or a report that open it when a body
    follows (بيانات منظمة الصحة العالمية، تقارير مكتب الأمم المتحدة: the body's), else j (تقديرات أولية: no body)."""
    if (toks[j].norm in lex.w.figures or toks[j].norm in lex.w.report_noun) and end > j + 1 and (sources.classify(
            lex, [t.norm for t in toks[j + 1 : end]]).kind in sources.BODIES or _quoted_owner(lex, toks, j + 1)):
        return j + 1
    return j


def _quoted_owner(lex: Lexicons, toks: Tokens, k: int) -> bool:
    """Return whether toks[k] opens a name in quotation marks after figures or a report (تقديرات «ساما»، بيانات
    «أرامكو»): a body's, unless it is a given name."""
    return toks[k].norm in cues.QUOTE_MARKS and quoted_name(lex, toks, k) > 0 and (
        toks[k + 1].norm not in names.given_name_set(lex))


def _past_time(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the position after a time set between a verb and its subject (يوم الأربعاء، أمس، مساء اليوم) at
    toks[k], or k when there is none."""
    if k + 1 >= len(toks) or without_article(toks[k].norm) not in lex.w.time_noun:
        return k
    return k + 2 if k + 2 < len(toks) and toks[k + 1].norm.startswith("ال") else k + 1


def _described_as(lex: Lexicons, word: str) -> bool:
    """Return whether a word is ب + what something is described as (بالخروج، بأنه، بجيل): a common noun the
    dictionary knows, no name (بوتين، باراك)."""
    if word.startswith(("بال", "بان")):
        return True
    entry = dictionary.entry(word[1:]) if word[:1] == "ب" else None
    return (entry is not None and entry.kind == dictionary.NOUN and not entry.plural
            and word not in names.given_name_set(lex))


def anonymous_if_withheld(lex: Lexicons, toks: Tokens, report: Report) -> Report:
    """Return the report, its source marked anonymous when the sentence says its name is withheld (المسؤول الذي طلب
    عدم نشر اسمه، مصدر رفض الكشف عن هويته، دون أن يكشف عن اسمه)."""
    if report.kind != "explicit" or report.body:
        return report
    withheld = lex.w.withheld
    for k in positions(map(NORM, toks), lex.w.identity):
        if any(toks[m].norm in withheld for m in range(max(0, k - 4), k)):
            return replace(report, anonymous=True)
    return report


def statement_by(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
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
    words = [without_lam(toks[a].norm), *(t.norm for t in toks[a + 1 : b])]
    return (a, b) if sources.classify(lex, words).kind == sources.PERSON else None


def document_report(lex: Lexicons, text: str, toks: Tokens, i: int, j: int, allowed: frozenset[str],
                     spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of a cue whose subject is a document (وذكر بيان صادر عن الوزارة أن، وقال بيان للجيش إن):
    its author when the phrase names one, else the last body named (implicit)."""
    at = _said_after_names(lex, toks, complement_at(lex, toks, j + 1, allowed - {cues.ANY}), allowed - {cues.ANY})
    if at < 0 and cues.ANY in allowed and (action := next((m for m in range(j + 2, min(len(toks), j + 10)) if (
            toks[m - 1].norm.startswith(("ال", "لل")) and not toks[m].norm.startswith("ال")
            and (entry := dictionary.entry(toks[m].norm)) is not None and entry.kind in (
                dictionary.NOUN, dictionary.VERBAL_NOUN))), -1)) > 0 and (
            author := document_source(lex, text, toks, j, action)) and author[1] == action:
        # وأكد بيان لوزارة الخارجية المصرية دعم مصر: the author's name, then the indefinite noun the verb governs
        return Report("explicit", surface(text, toks, i, i + 1), without_lam(surface(text, toks, *author)),
                      quote=quote_kind(text, toks.starts[action], spans))
    if at < 0:
        return None
    cue, quote = surface(text, toks, i, i + 1), quote_kind(text, toks.starts[at], spans)
    author = document_source(lex, text, toks, j, at)
    if author:
        return Report("explicit", cue, without_lam(surface(text, toks, *author)), quote=quote)
    return Report("implicit", cue, quote=quote, document=surface(text, toks, j, j + 1))


def came_in_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]],
                   according: bool = False) -> Report | None:
    """Return the report of "وجاء في بيان أصدرته الوزارة أن" / "وورد في التقرير:": the document's author when it
    names one, else the document itself (its author is the last body named); None when no document follows.
    according: the verb follows بحسب ما / وفقا لما (بحسب ما ورد في قرار المحكمة، فإن): the phrase is the report."""
    if i + 1 < len(toks) and toks[i + 1].possessed and toks[i + 1].norm in speech_objects(lex):
        return Report("implicit", surface(text, toks, i, i + 1))  # وجاءت تصريحاته: the speech of the one before
    if i + 2 < len(toks) and toks[i + 1].norm in lex.w.speech_noun:
        # وجاءت تصريحات فلان خلال لقائه، وجاء تصريح الوزير بعد: the speech came, its owner said it
        end = noun_phrase(lex, toks, i + 2)
        if end > i + 2 and speaks(lex, toks, i + 2, end) and not toks[i + 2].possessed:
            return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, i + 2, end),
                          quote=quote_kind(text, toks.ends[end - 1], spans))
        return None
    k = i + 2 if i + 2 < len(toks) and toks[i + 1].norm in {"ايضا", "كذلك"} else i + 1  # وورد أيضا في المحاضر
    if k + 1 >= len(toks) or toks[k].norm != "في" or not is_document(lex, toks[k + 1].norm):
        return None
    if according:
        at = next((m for m in range(k + 2, len(toks)) if toks[m].norm in closers(lex)), len(toks) - 1)
    elif (at := _said_after_names(lex, toks, complement_at(lex, toks, k + 2, frozenset()), frozenset())) < 0 or not (
            said_at(lex, toks, at)):
        return None
    cue = surface(text, toks, i, i + 1)
    quote = quote_kind(text, toks.starts[at], spans)
    author = document_source(lex, text, toks, k + 1, at)
    if author:
        return Report("explicit", cue, without_lam(surface(text, toks, *author)), quote=quote)
    return Report("implicit", cue, quote=quote, document=surface(text, toks, k + 1, k + 2))


def _said_after_names(lex: Lexicons, toks: Tokens, at: int, allowed: frozenset[str]) -> int:
    """Return where what a document says begins, past the quoted names its search for a complement met first
    (بيان أصدره "مركز إعلام الغوطة"، "…"؛ تقرير لصحيفة "التايمز" أن): a quoted name is no quotation."""
    while at >= 0:
        if toks[at].norm in cues.QUOTE_MARKS and (close := quoted_name(lex, toks, at)) > 0:
            at = complement_at(lex, toks, close + 1, allowed)
        elif quoted := quoted_body(lex, toks, at):
            at = complement_at(lex, toks, quoted[1] + 1, allowed)
        else:
            return at
    return at


def without_lam(phrase: str) -> str:
    """Return a source phrase without the ل of "for" (للجيش → الجيش، لوزارة الخارجية → وزارة الخارجية)."""
    if phrase.startswith("لل"):
        return "ال" + phrase[2:]
    if phrase.startswith("ل") and len(phrase.split()[0]) > 3:
        return phrase[1:]
    return phrase


def according_report(lex: Lexicons, text: str, toks: Tokens, i: int, known: Collection[str] = ()) -> Report | None:
    """Return the source of بحسب / وفقا لـ / نقلا عن / حسب, or None (بحسب ما قال → the verb decides); known: the
    skeletons of the family names the article has given people so far (بحسب الخليفي)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in {"ل", "عن"}:
        j += 1
    if j >= len(toks) or toks[j].norm in {"ما", "لما", "حسبما"}:
        return None  # وفقا at the end of a sentence names no source
    if j + 1 < len(toks) and (without_lam(toks[j].norm) in lex.w.demonstrative or (
            toks[j].norm in lex.w.same_before and toks[j + 1].norm.startswith("ال"))):
        j += 1  # وفقا لهذه التقارير، بحسب هذه المصادر، حسب ذات المصادر: the sources it just named
    if j + 1 < len(toks) and without_lam(toks[j].norm) in lex.w.latest and (
            toks[j + 1].norm in lex.w.figures or is_document(lex, toks[j + 1].norm)):
        j += 1  # وبحسب أحدث بيانات الجهاز، وفقا لآخر تقرير للمنظمة: the latest figures are still whose they are
    quoted = j + 1 < len(toks) and toks[j].norm in cues.QUOTE_MARKS
    if quoted:
        j += 1  # وفقا لـ"ميرور": quotation marks make it a name
    cue = surface(text, toks, i, i + 1)
    if own_words(lex, without_lam(toks[i].norm)) or (not quoted and own_words(lex, without_lam(toks[j].norm))):
        return Report("implicit", cue)  # بحسب قوله، وفقا لتعبيرها، على حد قوله: in the words of the one speaking
    owned = without_lam(toks[j].norm)
    if not quoted and toks[j].possessed and noun_with_pronoun(owned) and owned not in names.given_name_set(lex) and (
            not sources.possessor_kind(lex, owned)):  # بحسب محاميه: his lawyer speaks
        return None  # بحسب قوائمها المالية: its own papers, whose owner the pronoun leaves to be guessed; no person
    limit = next_closer(lex, toks, j + 1)
    if j + 1 < len(toks) and not quoted and is_document(lex, without_lam(toks[j].norm)):
        # ووفقا لبيان للإدارة الأمريكية، بحسب بيان صدر عن الرئاسة: the document's author; وحسب الشكوى: the last body
        if toks[j + 1].norm == "بين":
            return None  # وفق اتفاق بين بغداد وواشنطن: the parties to it, no one who tells what it says
        if j + 2 < len(toks) and toks[j + 1].norm in cues.of(lex).with_object and toks[j + 2].norm in (
                lex.w.preposition) and (own := main_subject(lex, toks, i))[1] > own[0] and speaks(lex, toks, *own[:2]):
            # قرر البنك المركزي …، بحسب بيان نشره على موقعه: the sentence's subject published it
            return Report("explicit", cue, surface(text, toks, own[0], own[1]))
        author = document_source(lex, text, toks, j, limit)
        if author:
            return Report("explicit", cue, without_lam(surface(text, toks, *author)))
        if (seen := _seen_document(lex, toks, j, limit)) > j:
            # بحسب وثيقة رسمية اطلعت عليها الصحيفة: a document the outlet saw, whoever wrote it: an unnamed source
            return Report("explicit", cue, without_lam(surface(text, toks, j, seen)))
        definite = without_lam(toks[j].norm).startswith("ال")  # وحسب الشكوى فإن: the document the article relays
        return Report("implicit", cue, document=without_lam(surface(text, toks, j, j + 1))) if (
            definite or _document_head(lex, toks[j].norm) or limit == j + 1) else None
    if j + 1 < len(toks) and not quoted and without_lam(toks[j].norm) in lex.w.figures and (
            author := document_source(lex, text, toks, j, limit)) and sources.classify(
            lex, [without_lam(t.norm) for t in toks[author[0] : author[1]]]).kind in sources.BODIES:
        # وبحسب إحصاءات رسمية أعلنتها الداخلية: figures speak for the body that published them
        return Report("explicit", cue, without_lam(surface(text, toks, *author)))
    if (by := _issuer(lex, toks, j)) is not None:
        # وبحسب أمر الإحالة الصادر عن النيابة العامة، الجدول الذي تصدره الوزارة: whatever the text is called, the
        # body that issued it
        return Report("explicit", cue, surface(text, toks, *by))
    if not quoted and (figures := without_lam(toks[j].norm)).startswith("ال") and figures[2:] in lex.w.figures and (
            end := noun_phrase(lex, toks, j)) > j and sources.classify(
            lex, [t.norm for t in toks[j + 1 : end]]).kind not in sources.BODIES:
        # وفق البيانات الشهرية المنشورة، ووفقا للبيانات: figures a sentence before named speak for whoever issued them
        return Report("explicit", cue, without_lam(surface(text, toks, j, end)),
                      document=without_lam(surface(text, toks, j, j + 1)))
    body = False
    if j + 3 < len(toks) and _document_head(lex, toks[j].norm) and toks[j + 1].norm in cues.QUOTE_MARKS:
        j, quoted = j + 2, True  # وفقا لبيانات "ماركت": the quoted name whose data they are
        body = without_lam(toks[j - 2].norm) in lex.w.figures
    elif j + 2 < len(toks) and _document_head(lex, toks[j].norm):
        after = noun_phrase(lex, toks, j + 1)
        if after > j + 1 and speaks(lex, toks, j + 1, after) and not (
                _adjective(toks[j + 1].norm) and (sources.head_kind(lex, toks[j + 1].norm) not in sources.BODIES or (
                    (entry := dictionary.entry(toks[j + 1].norm)) is not None
                    and entry.kind == dictionary.RELATIVE))):
            # وفقا لبيانات تريد ويب: the source is who the data are of (وفق تقديرات أولية: the estimates; وثائق
            # داخلية: internal documents, not the ministry الداخلية)
            j += 1
            body = without_lam(toks[j - 1].norm) in lex.w.figures  # figures come from a body, not a person
    head = toks[i].norm
    head = head[1:] if head[:1] in "وف" and head[1:] in lex.w.according_to else head
    # وفقا لوزارة → وزارة، وفقا للوزارة → الوزارة: the لـ of وفقا, not a medium spoken to (وفقا لمراسل الوكالة)
    lam = head in {"وفقا", "وفق", "طبقا"} and toks[j].norm.startswith("ل") and (
        len(toks[j].norm) > 3 or toks[j].norm[1:] in lex.w.son_of)  # وفقا لبن سالم
    # طالبت على لسان المتحدث باسم الخارجية | قوات الدعم السريع بوقف: the verb's object may follow whose tongue it was
    end = noun_phrase(lex, toks, j, objects=toks[i].norm == "لسان")
    if quoted and (close := _closing_mark(toks, j + 1)) > end:
        end = close  # بحسب معلومات "لبنان 24": the whole name in the marks
    if end == j and lam:
        end = lam_phrase(lex, toks, j)
    if end == j:
        return None
    end = next((m for m in range(j + 2, end) if toks[m].norm == "من" and has_name(lex, toks, j, m)), end)
    end = next((m for m in range(j + 1, end) if toks[m].norm[:1] == "ب" and (
        toks[m].norm[1:] in lex.w.saying or toks[m].norm in speech_objects(lex))), end)
    # على لسان متحدثة باسم الوزارة | بالقول إن: what she said opens there
    mention = surface(text, toks, j, end)  # بحسب لوسيا فرنانديث | من مستشفى …: where she works
    if lam:
        mention = mention[1:] if toks[j].norm[1:] in lex.w.son_of else without_lam(mention)  # لبن سالم
    words = [normalize(w) for w in mention.split()]
    if not (quoted or names.anchored(lex, names.split(lex, words).name) or is_source(lex, mention)
            or sources.unnamed_head(lex, words[0]) or sources.bodies(lex, words[0])
            or (len(words) == 1 and names.skeleton(words[0]) in known)):
        return None  # بحسب المواعيد المقررة: according to a schedule, not to a source (تقارير صحفية، منظمات حقوقية are)
    app_a, app_b = apposition(lex, toks, end)  # على لسان المتحدث باسمها، فلان، بأن: the name of the one titled
    if app_a == app_b and not has_name(lex, toks, j, end) and (through := through_phrase(lex, toks, j, end)) > end and (
            named_at := trailing_name(lex, toks, end + 1, through)) > 0:
        app_a, app_b = named_at, through  # بحسب الباحثة في علم الاجتماع منى عبد الرحمن: the name closing her title
    return Report("explicit", cue, mention, surface(text, toks, app_a, app_b), body=body)


def _issuer(lex: Lexicons, toks: Tokens, j: int) -> tuple[int, int] | None:
    """Return the span of the source that issued the text named at toks[j] (أمر الإحالة الصادر عن النيابة، الجدول
    الشهري الذي تصدره الوزارة), or None."""
    table = cues.of(lex)
    for m in range(j + 1, min(len(toks) - 2, j + 4)):
        n = toks[m].norm
        after = toks[m + 1].norm
        made = m == j + 1 and n in lex.w.authored  # حسابات أجرتها "رويترز": an indefinite text, who made it
        if not ((n in lex.w.issued and after == "عن") or made
                or (n in lex.w.who and (after in table.with_object or after in lex.w.authored))):
            continue
        start = m + 1 if made else m + 2
        if start < len(toks) and toks[start].norm in cues.QUOTE_MARKS and (close := _closing_mark(toks, start + 2)) > 0:
            return start + 1, close  # its name in quotation marks
        end = noun_phrase(lex, toks, start)
        return (start, end) if end > start and speaks(lex, toks, start, end) else None
    return None


def _adjective(word: str) -> bool:
    """Return whether a normalized word is shaped like an adjective (أولية، صحفية، أمني): not after the ل of a
    genitive (للمديرية: the body the document is of)."""
    return word.endswith(("ي", "يه", "يون", "يين")) and not word.startswith("لل")


def is_document(lex: Lexicons, word: str) -> bool:
    """Return whether a normalized word is a document or a speech (البيان، بيان، تقرير، رسالة) as a noun."""
    bare = word[2:] if word.startswith("ال") else word
    return ("ال" + bare) in lex.w.document or bare in lex.w.speech_noun


def document_source(lex: Lexicons, text: str, toks: Tokens, a: int, limit: int) -> tuple[int, int] | None:
    """Return the span of the source a document phrase starting at toks[a] names: بيان الوزارة، بيان للجيش، بيان
    صادر عن الوزارة، بيان أصدرته الوزارة (what follows the document word, up to limit), or None."""
    table = cues.of(lex)
    k = a + 1
    while k < min(limit, a + 4) and (_adjective(toks[k].norm) or toks[k].norm in lex.w.issued
                                     or toks[k].norm in lex.w.document_adjective or (
            not toks[k].norm.startswith("ال") and is_participle(toks[k].norm))):
        k += 1  # بيان رسمي، بيان مقتضب، بيان صادر، بيان صدر عن، تقرير حديث لـ
    if k + 1 < limit and toks[k].norm.startswith("لل") and (toks[k + 1].norm in table.with_object or toks[
            k + 1].norm in table.verbs or toks[k + 1].norm in lex.w.authored):
        k += 1  # استطلاع للرأي نشرته الصحيفة: what the document is of, then who made it
    if k < limit and toks[k].norm == "عن":
        k += 1
    else:
        k += 1 if k + 1 < limit and toks[k].norm in lex.w.who else 0  # التقرير الذي أصدره البنك
        if k < limit and (toks[k].norm in table.with_object or toks[k].norm in table.verbs
                          or toks[k].norm in lex.w.authored):
            k += 1  # بيان أصدرته الوزارة، تقرير أعده البنك الدولي، استطلاع أجرته الشركة
    if k + 1 < limit and toks[k].norm == "ما" and toks[k + 1].norm in lex.w.called:
        k += 3 if k + 2 < limit and toks[k + 2].norm == "ب" else 2  # أصدره ما يسمى بـ "مركز …": the so-called body
    if k >= limit or (k == a + 1 and toks[a].norm.startswith("ال") and toks[k].norm.startswith("ال")):
        return None  # ودعا البلاغ البرلمان إلى: a definite document heads no genitive, the word after is the object
    if (quoted := quoted_body(lex, toks, k)) and quoted[1] <= limit:
        return quoted  # بيان أصدره "مركز إعلام الغوطة"
    if dictionary.verb_only(toks[k].norm):
        return None  # وثيقة اطلعت عليها الصحيفة: a verb describing the document, not who wrote it
    start = k
    end = min(noun_phrase(lex, toks, start), limit)  # للجيش، لوزارة الخارجية: the caller drops the ل
    end = next((m for m in range(start + 1, end) if without_article(toks[m].norm) in lex.w.time_noun and not (
        without_article(toks[m].norm) == "عام" and (m + 1 >= end or not toks[m + 1].norm.startswith("ال")))), end)
    # أعلنتها الداخلية | الشهر الماضي: when, no part of who (الادعاء العام: the public one)
    if end == start and toks[start].norm[:1] == "ل":
        end = min(lam_phrase(lex, toks, start), limit)  # تقرير لصحيفة التايمز: the outlet that published it
    if end > start and speaks(lex, toks, start, end):
        return start, end
    # تقرير التجارة الخارجية الصادر عن دائرة الإحصاءات: what the document is about, then who issued it
    issued = next((m for m in range(a + 2, min(limit - 2, a + 7)) if toks[m].norm in lex.w.issued
                   and toks[m + 1].norm == "عن"), -1)
    if issued > 0 and (end := min(noun_phrase(lex, toks, issued + 2), limit)) > issued + 2 and speaks(
            lex, toks, issued + 2, end):
        return issued + 2, end
    return None


def _seen_document(lex: Lexicons, toks: Tokens, a: int, limit: int) -> int:
    """Return the end of an indefinite document phrase at toks[a] and its adjectives when a verb follows them that
    opens a clause describing it (وثيقة رسمية | اطلعت عليها، تقرير | حصلت عليه), else a."""
    if toks[a].norm.startswith(("ال", "لل")):
        return a
    k = a + 1
    while k < min(limit, a + 3) and _adjective(toks[k].norm):
        k += 1
    described = k + 1 < limit and toks[k + 1].norm in RESUMPTIVE  # عليها، عليه: the pronoun of the document
    return k if described and dictionary.verb_only(toks[k].norm) else a


def _document_head(lex: Lexicons, word: str) -> bool:
    """Return whether a word (maybe after ل) heads a document or data phrase (بيانات، تقرير، أرقام) whose source
    follows it."""
    bare = word[1:] if word.startswith("ل") and not word.startswith("لل") else word
    return bare in lex.w.data_noun or ("ال" + bare) in lex.w.document


def _ascribed_to(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the end of the phrase at toks[k] (ل + a source) that words are ascribed to (نسبت الصحيفة لفلان القول
    إن), the saying and a time after it aside; k when what follows is no saying."""
    end = noun_phrase(lex, toks, k)
    say = next((m for m in range(k + 1, min(end + 2, len(toks))) if toks[m].norm in lex.w.saying), -1)
    if say < 0 or not said_at(lex, toks, say + 1):
        return k
    end = min(end, say)
    while end > k + 1 and toks[end - 1].norm in lex.w.time_adverb:
        end -= 1  # رئيس الاستخبارات حينئذ
    return end


def _after_preposition(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether toks[i] follows a preposition, or a preposition and the indefinite noun it governs (قبل نقل،
    من أجل نقل): a verb's spelling there is its verbal noun."""
    before = toks[i - 1].norm if i > 0 else ""
    if before in lex.w.preposition:
        return True
    if i < 2 or toks[i - 2].norm not in lex.w.preposition or before.startswith("ال") or toks[i - 1].possessed:
        return False
    entry = dictionary.entry(before)
    return entry is not None and entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN)


def relay_report(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the source quoted by نقلت X عن Y (نسبت X إلى Y، علمت X من Y), or None."""
    if i > 0 and toks[i - 1].norm in lex.w.relative and toks[i - 1].norm.startswith("ال"):
        return None  # تقول فلانة، التي نقلت إلى العربية ثلاثين كتابا عن الفرنسية: her work, a relative clause
    if _after_preposition(lex, toks, i):
        return None  # من أجل نقل معلومات عن الأحوال الجوية: the verbal noun (transfer), no relay
    ascribed = toks[i].norm in lex.w.ascribe
    learned = toks[i].norm in lex.w.learned  # وعلمت «الراي» من مصادر حكومية أن: whom the outlet learned it from
    for k in range(i + 1, min(len(toks), i + 12)):
        n = toks[k].norm
        if ascribed and n.startswith("ل") and len(n) > 3 and (end := _ascribed_to(lex, toks, k)) > k:
            # ونسبت الصحيفة لعاموس يادلين القول إن: the one the words are ascribed to
            return Report("explicit", surface(text, toks, i, i + 1), without_lam(surface(text, toks, k, end)))
        if learned and n != "من":
            continue
        if n == ("الي" if ascribed else "من" if learned else "عن"):
            cue = surface(text, toks, i, i + 1)
            if k + 1 < len(toks) and is_document(lex, toks[k + 1].norm):
                # نقلت وسائل إعلام عن بيان للكرملين: the document's author is the source
                limit = next_closer(lex, toks, k + 2)
                author = document_source(lex, text, toks, k + 1, limit)
                return Report("explicit", cue, without_lam(surface(text, toks, *author))) if author else None
            end = noun_phrase(lex, toks, k + 1)
            if end > k + 1 and not (learned and not (speaks(lex, toks, k + 1, end) and any(
                    t.norm in lex.w.that for t in toks[end : end + 2]))):
                app_a, app_b = apposition(lex, toks, end)  # عن عضو مجلس الإدارة، رنا فلان، قولها: her name
                if app_a == app_b and (called := called_name(lex, toks, end)) is not None:
                    app_a, app_b = called  # عن صاحبة مطعم في حيفا تدعى فلانة قولها: the name she goes by
                return Report("explicit", cue, surface(text, toks, k + 1, end), surface(text, toks, app_a, app_b))
            return None
    if learned:
        return _outlet_learned(lex, text, toks, i)
    if ascribed or (i > 0 and toks[i - 1].norm not in lex.w.clause_opener):
        return None
    # ونقلت صحيفة "الأهرام" في عددها الصادر اليوم أن: relayed from no one named, the outlet reports it
    end = noun_phrase(lex, toks, i + 1)
    at = complement_at(lex, toks, end, frozenset()) if end > i + 1 else -1
    if at < 0 or toks[at].norm not in lex.w.that or not speaks(lex, toks, i + 1, end) or any(
            t.norm == "لسان" or t.norm in according_words(lex) for t in toks[end:at]):
        return None  # ونقلت الصحيفة على لسان مصدر مطلع أن: the one on whose tongue
    return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, i + 1, end))


def _outlet_learned(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the outlet that learned what it reports from no one named (علمت «الأخبار» أن، وعلمت صحيفة الوطن أن): a
    name in quotation marks or a medium's phrase, then a that-clause; None else (علم الوزير أن: he learned it)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in cues.QUOTE_MARKS and (close := _closing_mark(toks, j + 2)) > 0:
        start, end, after = j + 1, close, close + 1
    else:
        start = j
        end = after = noun_phrase(lex, toks, j)
        if end <= j or sources.classify(lex, [t.norm for t in toks[j:end]]).kind != sources.MEDIA:
            return None
    if after >= len(toks) or toks[after].norm not in lex.w.that:
        return None
    return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, start, end), body=True)


def according_words(lex: Lexicons) -> frozenset[str]:
    """Return the "according to" words with و/ف or without (بحسب، وبحسب، ووفقا)."""
    return lex.derived("according", lambda lex: frozenset(p + w for w in lex.w.according_to
                                                          for p in ("", "و", "ف")))


_WORDS_OF = frozenset({"قول", "تعبير", "وصف"})


def in_words_of(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether toks[i] (حد) opens "على حد قول / تعبير / وصف فلان" or "على حد قوله": in the words of a
    source."""
    return i > 0 and toks[i - 1].norm == "علي" and i + 1 < len(toks) and (
        (i + 2 < len(toks) and toks[i + 1].norm in _WORDS_OF) or own_words(lex, toks[i + 1].norm))


def own_words(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a source's words with its pronoun (قوله، تعبيرها، تصريحاته، روايتهم): after بحسب or
    على حد, the source the sentences before named goes on speaking."""
    return word in lex.derived("own_words", lambda lex: frozenset().union(*map(with_pronouns, lex.w.own_words)))
