"""Finding the report in one sentence: its cue, its speaker noun phrase, direct or indirect."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from qawl import cues, dictionary, mentions, names, sources
from qawl.arabic import strip_proclitics, with_pronouns, without_article
from qawl.lexicons import Lexicons
from qawl.normalize import normalize
from qawl.phrases import (
    COMMAS,
    PUNCTUATION,
    RESUMPTIVE,
    apposition,
    bracketed_name,
    called_name,
    for_media,
    has_name,
    is_stop_word,
    lam_phrase,
    noun_phrase,
    noun_with_pronoun,
    person_noun,
    through_phrase,
    trailing_name,
)
from qawl.relays import (
    according_report,
    according_words,
    anonymous_if_withheld,
    antecedent_report,
    came_in_report,
    claim_about_antecedent,
    document_report,
    document_source,
    figures_of_body,
    in_words_of,
    is_document,
    relay_report,
    statement_by,
    what_report,
    without_lam,
)
from qawl.reports import (
    Report,
    complement_at,
    complement_prefixes,
    inside_quotes,
    is_complement,
    passive,
    quote_kind,
    quote_spans,
    said_at,
    speech_objects,
    surface,
)
from qawl.subjects import (
    accusative_head,
    accusative_noun,
    after_describing_clause,
    described_apposition,
    feminine_place,
    fronted_phrase_end,
    indefinite_noun,
    is_source,
    is_thing,
    main_subject,
    mute_subject_before,
    name_before,
    name_before_clause,
    named_opening,
    oblique_plural,
    own_object,
    past_relative_clause,
    quoted_body,
    quoted_subject,
    speaks,
    subject_before,
    titled_name,
    verb_spelled,
    withheld_clause,
    without_and,
)
from qawl.tokenize import NORM, Token, Tokens, positions, tokens

_HEADLINE_WORDS = 22




def _verb_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]],
                 known: Collection[str] = ()) -> Report | None:
    w = lex.w  # read a dozen times below
    n = toks[i].norm
    before = toks[i - 1].norm if i > 0 else ""
    table = cues.of(lex)
    stem = table.verbs[n]
    if i == 0 and stem == "كتب" and _byline(lex, toks):
        return None  # كتب فهد التركي: أعلنت الوزارة …: who wrote the article, then its first sentence
    if stem == "كتب" and i > 1 and i + 2 < len(toks) and toks[i + 1].norm in {"عليها", "عليه"} and (
            toks[i + 2].norm in cues.QUOTE_MARKS or toks[i + 2].norm == cues.COLON) and (
            main := main_subject(lex, toks, i))[1] > main[0] and sources.classify(
            lex, [t.norm for t in toks[main[0] : main[1]]]).kind == sources.UNNAMED:
        # ونفذ عدد من المستأجرين اعتصاما، رافعين لافتات كتب عليها "…": the protesters whose banners' words are quoted
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, main[0], main[1]),
                      quote=quote_kind(text, toks.ends[i + 1], spans))
    if passive(text, toks, i) and not (
            table.forms[n].present and i + 1 < len(toks) and toks[i + 1].norm not in w.that
            and sources.head_kind(lex, toks[i + 1].norm) == sources.UNNAMED):
        return None  # يُقال إن، قِيل (but يُحذر خبراء من: the damma of a derived verb's present, its subject after it)
    if (lead := _often_before(lex, toks, i)) < i:
        before = toks[lead].norm  # ودائما ما تقول إن: ما after an adverb of frequency makes one adverb of both
    if i > 0 and before in w.what:
        # ما بين 3 و 4، ما بين البادية ودير الزور: a cue spelled like a preposition is one after ما; حسبما ذكر
        # مسؤولون: an impersonal verb (ذكر، يذكر) too has a subject when one that can speak follows
        return None if n in w.ambiguous_cue else what_report(lex, text, toks, i, spans)
    if (_present_and(n) in w.impersonal or _present_and(n) in w.impersonal_source) and not (
            i > 1 and before == "قد") and not (
            i + 1 < len(toks) and speaks(lex, toks, i + 1, noun_phrase(lex, toks, i + 1))):
        # ذكر أن، ويذكر أن: it was said, it is worth saying; وكان الوزير قد ذكر: the verb of the subject before
        # قد; ذكر مصدر أمني أن: a source
        return None
    if i > 0 and before in w.relative:
        if before not in w.who:
            return None
        return claim_about_antecedent(lex, text, toks, i, spans) or antecedent_report(lex, text, toks, i, spans)
    if i > 1 and before == "كما" and toks[i - 2].norm not in PUNCTUATION:
        return None
    if (i > 1 and before == "كما" and toks[i - 2].norm in COMMAS and n not in w.ambiguous_cue
            and not table.forms[n].present and (as_said := what_report(lex, text, toks, i, spans))):
        return as_said  # …، كما أفادت الوكالة: as the source after the verb reported
    if i > 0 and before in w.preposition:
        return None  # بعد رفض أصحابها: after a preposition the word is a verbal noun, not the verb
    if i > 1 and (before in w.when or before[1:] in w.when) and toks[0].norm not in w.when and (
            without_and(toks[0].norm) not in w.when) and without_and(toks[i - 2].norm) not in w.preposition and not (
            i == 2 and toks[0].norm in {"في", "وفي"}):
        # …، بعدما وجه عضوان خطابا: a clause of time inside the sentence, not what it reports (وفي حين قال فلان إن
        # opening the sentence: whereas he said)
        return None
    if i > 2 and before in w.that and toks[i - 2].norm in w.time_conjunction and (
            without_and(toks[0].norm) not in w.time_conjunction):
        # …، بعد أن دعت المعارضة إلى احتجاجات، وجاء القرار بعد أن طالبت المعارضة: when it happened, not what the
        # sentence reports
        return None
    if i > 0 and (before in w.number or (before.isdigit() and (len(before) < 4 or (
            n[:1] in "وف" and (entry := dictionary.entry(n)) is not None and entry.kind == dictionary.NOUN)))):
        # 2016 أعربت: a year; 1200 فدان (ف + دان, a noun of its own): a counted noun
        return None  # 35 ألف طالب وطالبة: a counted noun, not the verb
    if i > 0 and len(before) > 4 and before.endswith(("ين", "ون")) and not before.startswith("ال") and (
            entry := dictionary.entry(n)) is not None and entry.plural and entry.kind == dictionary.PARTICIPLE:
        return None  # تسجيل لاعبين جدد: the plural adjective of the plural before it, spelled like the cue (جدّد)
    described = _described_noun(lex, toks, i)
    opener = toks[described - 1].norm if described > 0 else ""
    if (described > 0 and table.forms[n].present and table.forms[n].number == "pl" and i + 1 < len(toks)
            and toks[i + 1].norm in w.that and not sources.head_kind(lex, toks[described].norm)
            and (main := main_subject(lex, toks, described))[1] > main[0] and speaks(lex, toks, main[0], main[1])):
        # ويشن الحوثيون هجمات على سفن يقولون إنها: things the sentence's subject says what they are
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, main[0], main[1]),
                      surface(text, toks, main[2], main[3]), quote_kind(text, toks.starts[i + 1], spans))
    if described >= 0 and not (
            (described == 0 or opener in lex.w.clause_opener or opener in lex.w.that)
            and sources.unnamed_head(lex, toks[described].norm)):  # لكن تقارير تحدثت عن: the subject, not described
        return None  # لافتة كتب عليها، تقارير تقول، وقفة احتجاجية دعت إليها: a clause that describes the noun before
        # it (and its adjective), not a report
    if table.forms[n].present and (people := _accusative_people_after_that(lex, toks, i)) is not None:
        # غير أن سكانا في مناطق مرتفعة من عمان يؤكدون أن: people in the accusative after أن, where they live, then
        # their verb
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, *people),
                      quote=quote_kind(text, toks.ends[i], spans))
    if i > 0 and table.forms[n].present and accusative_noun(lex, before) and not (
            i > 1 and toks[i - 2].norm in w.that and sources.head_kind(lex, before[:-1]) == sources.UNNAMED):
        return None  # أصدر المجلس قرارا يدعو إلى: the resolution calls, no one reports (غير أن سكانا يؤكدون: people
        # in the accusative after أن are its subject)
    if i > 0 and not toks[i - 1].possessed and accusative_noun(lex, before) and i + 1 < len(toks) and (
            toks[i + 1].norm.startswith("بان")):
        return None  # شهدت أمطارا وصفت بأنها الأغزر: a clause that describes the noun, its verb passive
    if i > 1 and table.forms[n].present and without_and(before) in w.personal_pronoun:
        return None  # يبدو فيها نيكس وهو يقترح أساليب: a clause of state (while he proposes), its subject before it
    if i > 0 and before in w.unreal and table.forms[n].present:
        return None  # يرتقب أن يعلن، لم تصدر بيانا، لن يقول: a speech to come, or not made, reports nothing
    if before == "لا" and not table.forms[n].present:
        return None  # فائدة لا وجه لها: after لا a past form is the noun it spells (a verb there would be present)
    # A cue spelled like a noun or a preposition (بين between, عبر via, رد reply) is the verb only at the head of
    # a clause; an ambiguous one also needs that-clause, colon or quotation after its subject.
    ambiguous = n in w.ambiguous_cue
    if ((ambiguous or n in w.clause_head_cue) and i > 0
            and not (before in PUNCTUATION or before in w.clause_opener or before in {"جانبه", "جهته"})
            and not (n in w.clause_head_cue and _opened_subject(lex, toks, i))):
        return None
    allowed = table.complements(stem)
    if table.forms[n].present and 0 < i <= 4 and (opening := named_opening(lex, toks, i, known)):
        # روسيا تتهم الولايات المتحدة بـ، ترامب يطالب تركيا: a name opening the sentence is the subject of the
        # present verb after it (a headline's order); what follows the verb is its object
        if _ruling(lex, toks, 0, i + 1, table.complements(stem)) or (
                stem in w.object_sense and _object_first(lex, toks, i + 1, len(toks))):
            return None  # محكمة الاستئناف تدين رئيس جماعة: a court's ruling; خفر السواحل يعترض مهاجرين: intercepts
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, 0, opening),
                      quote=quote_kind(text, toks.ends[i], spans))
    if table.forms[n].present and (start := _quoted_opening(lex, toks, i, table.complements(stem))) >= 0:
        # "صمود" ترحب بـ، غارات على الجنوب و«اليونيفيل» تحذر من، مدرب «المرابطون» يكشف: a quoted name (a title's
        # body) opens the clause of the present verb after it: its subject
        in_marks = toks[start].norm in cues.QUOTE_MARKS
        return Report("explicit", surface(text, toks, i, i + 1),
                      surface(text, toks, start + 1, i - 1) if in_marks else surface(text, toks, start, i),
                      quote=quote_kind(text, toks.ends[i], spans), body=in_marks)
    if table.forms[n].present and i == 1 and _named_before(toks[0].norm, known):
        # البرهان يرفض أي تفاوض: a family name the article gives him, spelled as a thing, opens a headline
        at = complement_at(lex, toks, noun_phrase(lex, toks, i + 1, objects=True), allowed)
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, 0, 1),
                      quote=quote_kind(text, toks.starts[at] if at >= 0 else toks.ends[i], spans))
    if table.forms[n].present and 0 < i <= 2 and _thing_opens(lex, toks, i):
        return None  # الكهرباء تكشف سبب الانقطاع: a thing opening the sentence is the verb's subject; no one speaks
    if (i > 0 and before not in COMMAS and (subject := subject_before(lex, toks, i)) is not None
            and (subject[1] == (i - 1 if before in w.perfect_particle else i) or (  # وكانت سفيرة واشنطن لدى
                subject[1] < i and subject[2] == subject[3] and toks[subject[1]].norm in w.phrase_preposition))
            and _opens_clause(lex, toks, subject[0])):
        # لكن ماي حذرت الزعماء الأوروبيين من أنها: the subject written before its verb; what follows is the object
        if stem in w.object_before_ba and i + 1 < len(toks) and _passive_ba(lex, toks[i + 1].norm, known):
            return None  # وكان فلان اتهم بقبول هدايا: no object before what he was accused of, the verb is passive
        at = complement_at(lex, toks, noun_phrase(lex, toks, i + 1, objects=True), allowed)
        if at < 0 and cues.ANY in allowed and i + 1 < len(toks) and toks[i + 1].norm not in PUNCTUATION:
            at = i + 1
        if at >= 0 and not (stem in w.object_sense and _object_first(lex, toks, i + 1, at)):
            b, stop, app_a, app_b = subject
            return Report("explicit", surface(text, toks, i, i + 1), _subject(lex, text, toks, b, stop),
                          surface(text, toks, app_a, app_b), quote_kind(text, toks.starts[at], spans),
                          body=toks[b].norm in cues.QUOTE_MARKS)  # «ميرسك» تقول: a body's name
    j = i + 1
    objects_between = w.object_pronoun
    while j < len(toks) and toks[j].norm in objects_between:
        j += 1
    after = toks[j].norm if j < len(toks) else ""
    implicit = j < len(toks) and (
        after in w.pronoun_subject or after in w.document or after in w.personal_pronoun or after in {"فيها", "فيه"}
        or own_object(lex, text, toks, j) or _we_verb(lex, after)
        or (after in w.demonstrative and j + 1 < len(toks) and (
            toks[j + 1].norm in w.that or toks[j + 1].norm == cues.COLON
            or is_complement(lex, toks[j + 1].norm, allowed - {cues.ANY})))  # ويقول هؤلاء إن، ويشير هؤلاء إلى أن
    )
    if not implicit and after in RESUMPTIVE and i > 0 and not without_and(toks[i - 1].norm).startswith("ال") and (
            dictionary.entry(without_and(toks[i - 1].norm)) is not None and not toks[i - 1].possessed):
        return None  # ولافتات كتب عليها: what was written on the banners a relative clause describes, no one's words
    if not implicit and after[:1] == "ل" and (addressed := _told(lex, toks, j, table.forms[n].number != "sg")) > j:
        j, implicit = addressed - 1, True  # وقالوا لكوردستان24 إنهم، وأضاف للشرق الأوسط إن: whom they told, no subject
    if not implicit and after in w.same_before and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and (
            (k := noun_phrase(lex, toks, j + 1)) < len(toks)) and (
            toks[k].norm in w.that or is_complement(lex, toks[k].norm, allowed - {cues.ANY})):
        # وأوضح ذات المصدر أن، وأضاف نفس المصدر: the source named before, as المصدر ذاته
        return Report("implicit", surface(text, toks, i, i + 1), quote=quote_kind(text, toks.starts[k], spans),
                      same=True)
    if not implicit and _feminine_body_after(lex, toks, j, table.forms[n]):
        # وناشد الهيئة العليا للإغاثة "…"، وطالب الحكومة بـ: a masculine verb right before a feminine body does not
        # agree with it; the body is its object, its subject the one named before
        j, implicit = max(j, noun_phrase(lex, toks, j, objects=True) - 1), True
    if not implicit and (after in w.approximately or (after[:1] == "ب" and after[1:].isdigit())):
        return None  # يقدر بنحو 90 دولارا، يقدر بـ350 مليون: the estimate is passive, no one made it here
    if not implicit and cues.ANY in allowed and _passive_ba(lex, after, known):
        return None  # بعدما اتهم بتبديد الأموال: a verb whose object precedes its ب, with none, is passive
    if not implicit and j < len(toks) and is_document(lex, after):
        return document_report(lex, text, toks, i, j, allowed, spans)
    if after in cues.QUOTE_MARKS and (named := quoted_subject(lex, toks, j, allowed)):
        close, at = named
        # وأكد "آل مشيط" أن: a family name the article gave someone, in quotation marks, is still his
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, j + 1, close),
                      quote=quote_kind(text, toks.starts[at], spans),
                      body=not _named_before(toks[close - 1].norm, known))
    if after in cues.QUOTE_MARKS and (quoted := quoted_body(lex, toks, j)):
        # أكد "مركز إعلام دمشق" هذه الأنباء وأضاف أن: a body's name in quotation marks, not what was said
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, *quoted),
                      quote=quote_kind(text, toks.ends[quoted[1]], spans), body=True)
    if implicit:
        j += 1
        np_end = end = j
    elif j < len(toks) and is_complement(lex, after, allowed - {cues.ANY}) and not _names_subject(lex, after, known):
        np_end = end = j
        implicit = True
    else:
        # Try the subject as a plain phrase first; only a verb whose object may follow the subject
        # (أكد استعداده، وصف ترامب الاتفاق) needs the phrase cut where an object visibly begins.
        objects = cues.ANY in allowed or stem in w.own_complement_cue  # حمّل المؤسسة | الجهات … المسؤولية
        issues = cues.SPEECH in allowed
        if issues:
            allowed = allowed | speech_objects(lex)  # the subject ends where the speech it issued is named
        preps = complement_prefixes(allowed)
        np_end = noun_phrase(lex, toks, j, objects=objects, preps=preps, ends=allowed)
        if objects and (whole := noun_phrase(lex, toks, j, preps=preps, ends=allowed)) > np_end and (
                _named_in_commas(lex, toks, j, whole) or (
                    _addressed_before(lex, toks, whole) > 0 and j <= trailing_name(lex, toks, j, whole) < np_end)):
            # انتقدت الرئيسة المشاركة للحزب، فلانة، ما: her title whole, her name set off by commas; اعتبرت النائبة
            # فلانة كرم، في حديث إلى …، أن: her name whole before the interview and what she said (a name the cut
            # split, not ثمن الوزير | الدعم … في تصريح: what he praised)
            np_end = whole
        if issues and not objects and (cut := noun_phrase(lex, toks, j, objects=True, preps=preps,
                                                          ends=allowed)) < np_end and is_thing(toks[cut].norm):
            np_end = cut  # ونشرت الهيئة | صورة: a thing the dictionary knows opens what it issued (not تايمز)
        end = through_phrase(lex, toks, j, np_end)
        app_end = apposition(lex, toks, end)[1]
        comp_at = past_relative_clause(lex, toks, app_end)
        if comp_at > app_end and comp_at + 1 < len(toks) and toks[comp_at].norm in COMMAS and is_complement(
                lex, toks[comp_at + 1].norm, frozenset()):
            comp_at += 1  # فلانة، وهي عضوة في الفريق …، إن: the clause describing her closes at its comma, then إن
        # مدير فرع الوزارة بالباحة إبراهيم الزلفان، أن; الدكتور الهزوم، إلى أن: a comma closes a titled name before
        # what he said (not نفى ادعاءات الجاسوس … كريستوفر ستيل، بأنه: an object that ends in someone's name)
        closed = (comp_at == end and comp_at + 1 < len(toks) and toks[comp_at].norm in COMMAS
                  and is_complement(lex, toks[comp_at + 1].norm, allowed - {cues.ANY})
                  and titled_name(lex, toks, j, end) and speaks(lex, toks, j, end))
        if app_end > end and comp_at + 1 < len(toks) and toks[comp_at].norm in COMMAS and not any(
                t.norm[:1] == "ل" for t in toks[j + 1 : end]):
            # رئيس حزب … المعارض، محمد الأمين ولد سيدي محمود، إن: the comma that closes the apposition, then what he
            # said (not مصدر … للمحررة السياسية، لورا كنزبيرغ،: whom he told, and her name)
            comp_at += 1
        if not closed and not (comp_at < len(toks) and is_complement(lex, toks[comp_at].norm, frozenset())):
            cut = noun_phrase(lex, toks, j, objects=True, preps=preps, ends=allowed, after_name=True)
            if _addressed_before(lex, toks, comp_at) > 0:
                # قالت المحامية فلانة لبي بي سي إن: the subject closed before the medium it told, a name whole;
                # only where he is from may still end it (المواطن فلان | من سكان الحي لـ«الدستور»)
                cut = next((m for m in range(cut, np_end) if toks[m].norm in w.phrase_preposition
                            or toks[m].norm == "من"), np_end)
            elif cut < np_end and _named_in_commas(lex, toks, j, np_end):
                cut = np_end  # الرئيسة المشاركة للحزب، فلانة، ما وصفته: the holder's name closes her title
            np_end = cut
            end = through_phrase(lex, toks, j, np_end)
        if objects and (cut := _object_after_definite(lex, toks, j, np_end)) > 0:
            np_end = end = cut  # توقع المركز الوطني للأرصاد | هطول أمطار: an action opens what it expected
        if np_end == j + 1 and j + 2 < len(toks) and toks[j].norm in sources.PARENT and toks[j + 1].norm[:1] == "ل":
            np_end = end = j + 2  # وقالت أم لطفلين إن: a mother of two, no one she spoke to
        if np_end == j + 1 and toks[j].norm in w.quantifier and j + 2 < len(toks) and toks[j + 1].norm == "من":
            # وشكا عدد من الناشرين من: the من of the quantifier, before the one the verb governs
            np_end = end = noun_phrase(lex, toks, j + 2, objects=objects, preps=preps, ends=allowed)
        implicit = end == j
    if not implicit and end < len(toks) and toks[end].norm in w.phrase_preposition and (
            end + 1 < (place := noun_phrase(lex, toks, end + 1)) <= end + 5) and withheld_clause(lex, toks, place) > 0:
        end = place  # مصدر في الرئاسة | طلب عدم نشر اسمه: where he serves, then the clause that withholds his name
    if not implicit and (cut := next((m for m in range(j + 1, end) if withheld_clause(lex, toks, m) > 0), 0)):
        np_end, end = min(np_end, cut), cut  # مسؤول | فضل عدم ذكر اسمه: the clause that withholds his name ends him
    if not implicit and not w.approximately.isdisjoint(map(NORM, toks[end : end + 4])) and not speaks(
            lex, toks, j, np_end):
        return None  # ويقدر عدد اللاجئين في لبنان بنحو مليون: what is estimated and at how much, by no one here
    if not w.no_comment.isdisjoint(map(NORM, toks[j : end + 1])):
        return None  # رفضت الوزارة التعليق: refusing to comment reports nothing
    if (not implicit and np_end < len(toks) and toks[np_end].norm in w.same and (cues.ANY not in allowed or (
            np_end + 1 < len(toks) and toks[np_end + 1].norm in w.that and toks[np_end + 1].norm[:1] != "ب"))
            and not has_name(lex, toks, j, np_end)):  # وقال ترامب نفسه: the name says who, نفسه only stresses it
        # كما كشف المتحدث ذاته (أن): the source named before, whatever its title here (وتصف الجماعة نفسها بأنها: an
        # object)
        return Report("implicit", surface(text, toks, i, i + 1), quote=quote_kind(text, toks.ends[np_end], spans),
                      same=True)
    app_a, app_b = apposition(lex, toks, end)
    if app_a == app_b and not implicit and end == np_end and np_end + 1 < len(toks) and toks[
            np_end].norm in lex.places and toks[np_end + 1].norm in COMMAS and (
            (placed := apposition(lex, toks, np_end + 1))[1] > placed[0]) and has_name(lex, toks, *placed):
        np_end = end = np_end + 1  # لفريق الأهلي بنغازي، التونسي فوزي الجلاصي،: the place ends the team's name
        app_a, app_b = placed
    if app_a == app_b and (called := called_name(lex, toks, end)) is not None:
        app_a, app_b = called  # وقال رجل يدعى سامي الحداد، صاحبة مطعم في حيفا تدعى فلانة: the name he goes by
    if app_a == app_b and not implicit and end == np_end and has_name(lex, toks, j, end):
        app_a, app_b = described_apposition(lex, toks, end, allowed)  # فلانة، أول امرأة تحمل هذا اللقب، إن: who she is
    if app_a == app_b and not implicit and end == np_end and not has_name(lex, toks, j, np_end) and (
            named := _named_after_complement(lex, toks, j, np_end, allowed)) is not None:
        # وقال محامي عدد من المساهمين، المحامي فلان، إن; وقالت والدة إحدى الطالبات، فلانة، إن; اعتبر مدرب مكابي
        # حيفا، الهولندي فلان، أن: whose he is runs to the comma, his name stands after it
        end = np_end = named[0] - 1
        app_a, app_b = named
    if app_a == app_b and end > np_end and ((named_at := trailing_name(lex, toks, np_end + 1, end)) > 0 or (
            (named := bracketed_name(lex, toks, np_end)) and (named_at := named[0]) and named[1] == end)):
        app_a, app_b = named_at, end  # the name that closes a title's phrase stands as its apposition
    if not implicit and stem in w.object_before_ba and not (table.forms[n].gender == "m" and feminine_place(
            lex, toks[j].norm)) and _ba_follows(lex, toks, j, known):
        return None  # واتهم برلسكوني بممارسة …: no object before what one is accused of, so the verb is passive
    at = complement_at(lex, toks, past_relative_clause(lex, toks, max(end, app_b)), allowed)
    if at < 0 and not implicit and end > np_end and complement_at(lex, toks, np_end, allowed) == np_end:
        # وتحدثت التقارير | عن انسحاب القوات، وهو ما …: what the phrase ran through was what the verb governs
        end, app_a, app_b, at = np_end, np_end, np_end, np_end
    if at < 0 and not implicit:
        at = after_describing_clause(lex, toks, j, max(end, app_b))
    if at < 0 and not implicit and (aside := next((c for c in range(end, min(len(toks), j + 12)) if toks[
            c].norm in COMMAS and withheld_clause(lex, toks, c) > 0), -1)) > 0:
        # وقال سائق سيارة أجرة من حي الميدان، طلب عدم ذكر اسمه، لـ«الوطن» إن: what the subject's phrase runs through
        # ends at the clause that withholds his name, what he said follows it
        at = complement_at(lex, toks, withheld_clause(lex, toks, aside), allowed)
    if at < 0 and not implicit and cues.ANY in allowed and i > 0 and not speaks(lex, toks, j, np_end):
        at = j  # الرئيس ينفي الاتهامات: the object is what the verb reports, its subject is before it
    if at < 0:
        if implicit or not _after_what_is_said(lex, toks, i, max(end, app_b)) or not speaks(lex, toks, j, np_end) or (
                table.complements(stem) == {cues.SPEECH}):  # …، ألقت طهران فيها باللائمة: a speech issued is named
            return None
        # "الوضع صعب"، قال الوزير. / …، هكذا صرح محقق سابق: the cue and its subject close what was said before them
        said = "direct" if any(b <= toks.starts[i] for _, b in spans) else "indirect"
        if _how_said(lex, toks, j, np_end):
            return Report("implicit", surface(text, toks, i, i + 1), quote=said)  # "…"، تقول ضاحكة: how she said it
        while np_end > j + 1 and _manner(lex, toks[np_end - 1].norm):
            np_end -= 1  # «…»، يقول حمود بحسرة: how he said it, no part of his name
            app_a, app_b = min(app_a, np_end), min(app_b, np_end)
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, j, np_end),
                      surface(text, toks, app_a, app_b), said)
    if stem in w.asks_for and toks[at].norm == "من" and at > i + 1 and accusative_noun(lex, toks[at - 1].norm) and (
            not dictionary.participle(toks[at - 1].norm[:-1])):  # طلب مجددا من: how he asked, not what
        # وطلبت الهيئة إذنا من المحكمة: a thing asked for, no words reported (حذر مرارا من، اشتكى كثيرا من: those
        # verbs take no object before من, what follows it is what was said)
        return None
    if app_a == app_b and not implicit and not has_name(lex, toks, j, np_end) and sources.classify(
            lex, [t.norm for t in toks[j:np_end]]).kind != sources.UNNAMED:
        # a titled person, not an unnamed source (مصدر من داخل الحزب للمحررة، لورا كنزبيرغ،: the addressee's name)
        app_a, app_b = name_before_clause(lex, toks, max(end, app_b), at) or (app_a, app_b)
    if stem in w.object_sense and (_object_first(lex, toks, i + 1 if implicit else past_relative_clause(
            lex, toks, max(end, app_b)), at) or (not implicit and (cut := noun_phrase(
                lex, toks, j, objects=True)) < np_end and _object_first(lex, toks, cut, at))):
        # وأقر المجلس توزيعات أرباح بقيمة: the verb's object, no report; وعلقت مجموعة السبع | عضوية روسيا بعد
        # سيطرتها على: the object the subject's plain phrase ran into
        return None
    if stem in w.that_cue and not (toks[at].norm in w.that or (at + 1 < len(toks) and toks[at + 1].norm in w.that)):
        return None  # وتخشى السلطات من تكرار الاضطرابات، وكان المجلس قد أقر مشروع الميزانية بمصروفات: no view stated
    if not implicit and i > 1 and before in {"قد", "لقد"} and (subject := subject_before(lex, toks, i)):
        if stem in w.object_sense and _object_first(lex, toks, i + 1, at):
            return None  # وكانت الوزارة قد أقرت تدريس …: what follows the verb is its object
        # وكان القاضي كفانو قد نفى مزاعم فورد: the subject is before قد, what follows the verb its object
        b, stop, app_a, app_b = subject
        return Report("explicit", surface(text, toks, i, i + 1), _subject(lex, text, toks, b, stop),
                      surface(text, toks, app_a, app_b), quote_kind(text, toks.starts[at], spans),
                      body=toks[b].norm in cues.QUOTE_MARKS)  # وكانت «ميرسك» قد حذرت: a body's name
    comp = toks[at].norm
    if _ruling(lex, toks, j, at, allowed):
        return None  # رفضت المحكمة العليا التماسا: a court's ruling (وقالت المحكمة في حيثيات حكمها إن: its words)
    if ambiguous and not (comp in w.that or comp == cues.COLON or comp in cues.QUOTE_MARKS or _by_saying(
            lex, toks, at)):
        return None
    if stem in w.ba_action and not any(dictionary.action(without_article(word))
                                       for word in (comp[1:], toks[at + 1].norm if at + 1 < len(toks) else "")):
        return None  # تمسكت النيابة بطلب تطبيق العقوبات (وتمسك اللاعبون بالكرة: a thing held, nothing said)
    if stem in w.own_complement_cue and comp not in allowed and not (
            comp in cues.QUOTE_MARKS and at + 1 < len(toks) and toks[at + 1].norm in allowed):
        # ويحمل اسم فلان، … أن: a verb that reports only through its own complement (حمّله المسؤولية، حمّله «المسؤولية)
        return None
    quote = quote_kind(text, toks.starts[at], spans)
    cue = surface(text, toks, i, i + 1)
    if stem in w.publish_cue and (owner := _speech_owner(lex, toks, at)) is not None:
        # ونشرت الوكالة تصريحا للمتحدث باسم الوزارة: the statement is his, the agency only published it
        return Report("explicit", cue, without_lam(surface(text, toks, *owner)), quote=quote)
    if implicit and j - 1 < len(toks) and toks[j - 1].norm in {"فيها", "فيه"} and j - 1 == i + 1:
        named = name_before(lex, toks, i)
        if named:
            return Report("explicit", cue, surface(text, toks, *named), quote=quote)
        a, b, app_a, app_b = main_subject(lex, toks, i) if i > 0 and toks[i - 1].norm in speech_objects(lex) else (
            0, 0, 0, 0)
        if a < b < i - 1 and speaks(lex, toks, a, b):  # وكتب تغريدة قال فيها: no one named
            # وألقى قائد المخيم فلان خلال حفل الافتتاح، بحضور …، كلمة أوضح فيها: the speech is his who gave it
            return Report("explicit", cue, surface(text, toks, a, b), surface(text, toks, app_a, app_b), quote)
    if implicit and j - 1 > i and toks[j - 1].norm in w.document:
        if author := document_source(lex, text, toks, j - 1, at):  # وأشار التقرير الذي أعده البنك الدولي إلى أن
            return Report("explicit", cue, without_lam(surface(text, toks, *author)), quote=quote)
        return Report("implicit", cue, quote=quote, document=surface(text, toks, j - 1, j))

    if implicit or without_article(toks[j].norm) in lex.w.time_noun:
        return _implicit_report(lex, text, toks, i, cue, quote)  # قالت أوائل شهر فبراير: a time, no subject
    if _thing_subject(lex, toks, j, table.forms[n].gender) and not speaks(lex, toks, j, np_end) and not (
            _named_before(toks[j].norm, known)):  # وقالت الكيلة after وزيرة الصحة مي الكيلة: her family name
        return None  # وأوضحت المادة (30) أنه: a text, not a source, is the verb's subject
    if _things_of(lex, toks, j, np_end):
        return _implicit_report(lex, text, toks, i, cue, quote)  # ووصفت تصريحات بومبيو بأنها: what the source spoke of
    if toks[j].norm in w.demonstrative and np_end > j + 1 and toks[j + 1].norm.startswith("ال") and not (
            (entry := dictionary.entry(toks[j + 1].norm[2:])) and entry.plural):
        j += 1  # وأضاف هذا المسؤول: the one the article just named, by his title (هذه الدول: the several it named)
    if (figures_at := figures_of_body(lex, toks, j, np_end)) > j:
        # وتشير بيانات منظمة الصحة العالمية، تقارير مكتب الأمم المتحدة: the body's (تقديرات أولية: no body)
        j = figures_at
    elif without_article(toks[j].norm) in w.figures and (author := document_source(lex, text, toks, j, next(
            (m for m in range(j + 1, len(toks)) if toks[m].norm in w.that or toks[m].norm in COMMAS), len(toks)))) and (
            sources.classify(lex, [t.norm for t in toks[author[0] : author[1]]]).kind in sources.BODIES):
        # وتشير إحصائيات الادعاء العام، كشفت معطيات رسمية صادرة عن الوزارة، التقديرات الأولية للمرصد: whose figures
        return Report("explicit", cue, without_lam(surface(text, toks, *author)), quote=quote)
    if toks[j].possessed and np_end > j + 1 and has_name(lex, toks, j + 1, np_end) and sources.possessor_kind(
            lex, toks[j].norm):
        j += 1  # وقال شقيقه عبدالله: the name, not the kinship word, names the source (وجدد تحذيره لكافة: no one)
        while j + 1 < np_end and toks[j].norm.startswith("ال") and toks[j].norm not in lex.title_words and (
                toks[j].norm not in names.given_name_set(lex)) and has_name(lex, toks, j + 1, np_end):
            j += 1  # قالت ابنته الكبرى ريم فلان: the kin's adjective, then her name
    elif toks[j].possessed and np_end > j + 1 and sources.classify(
            lex, [toks[j].norm], possessed=True).kind == sources.UNNAMED:
        np_end = j + 1  # ودعا بعضهم الرئيس …: some of those just named, the name after them is the object
    elif ((oblique_plural(toks[j].norm) and toks[j].norm not in names.given_name_set(lex))  # كاثرين: a name
          or accusative_head(lex, toks, j)
          or not (said_at(lex, toks, max(end, app_b)) or speaks(lex, toks, j, np_end)
                  or (_addressed(lex, toks, max(end, app_b), at) and not is_thing(toks[j].norm))
                  or (app_b > app_a and (has_name(lex, toks, app_a, app_b) or _addressed_before(lex, toks, app_b) > 0))
                  or (np_end == j + 1 and _named_before(toks[j].norm, known)))):  # وأشاد الرجوب after جبريل الرجوب
        # وقالت فلانة، الخبيرة المصرفية، في تصريحات لـ"…"، إن: described by commas, then whom she told what
        # وأكد أهمية …، وأبلغ اجتماعا لأنصاره: the phrase is the object
        return _implicit_report(lex, text, toks, i, cue, quote)
    elif table.forms[n].gender == "m" and table.forms[n].number == "sg" and _feminine_plural(lex, toks[j].norm):
        return _implicit_report(lex, text, toks, i, cue, quote)  # ودعا الأسر إلى، وحث السلطات على: a plural of
        # things or of feminine nouns takes a feminine verb (دعت الأسر), so after a masculine one it is the object
    elif np_end == j + 1 and table.forms[n].gender == "m" and feminine_place(lex, toks[j].norm):
        return _implicit_report(lex, text, toks, i, cue, quote)  # واتهم إيران: a state's verb is feminine
    elif table.forms[n].gender == "f" and (_masculine_noun(lex, toks[j].norm, known) or (
            table.forms[n].number == "sg" and without_article(toks[j].norm) in w.male_plural)):
        # وحثت المجتمع الدولي على: his verb would be حث; ونصحت كبار السن، ودعت الآباء: men take a masculine verb
        return _implicit_report(lex, text, toks, i, cue, quote)
    age = next((m for m in range(j, np_end) if _aged(lex, toks, m)), -1)
    if age == j:
        return _implicit_report(lex, text, toks, i, cue, quote)  # وأضاف صاحب الـ33 عاما: the one the article is about
    if age > j:
        np_end = age  # وقال اللاعب | البالغ 30 عاما: his age describes him, no part of his title
    if np_end == j + 2 and cues.ANY in allowed and _family_then_name(lex, toks[j].norm, toks[j + 1].norm, known):
        np_end = j + 1  # ووصف ترامب | كومي: the family name the article gave him, then the one he described
    if app_b > app_a + 2 and toks[app_a].norm in w.represented and toks[app_a + 1].norm == "في" and has_name(
            lex, toks, app_a + 2, app_b):
        # طالبت هيئة الدفاع، ممثلة في المحامية فلانة، بالبراءة: the one who speaks for the body
        return Report("explicit", cue, surface(text, toks, app_a + 2, app_b), quote=quote)
    # وأوضحت البيانات أن: figures an earlier sentence named speak for whoever issued them, else for themselves
    figures = surface(text, toks, j, j + 1) if np_end == j + 1 and toks[j].norm[2:] in w.figures and toks[
        j].norm.startswith("ال") else ""
    return Report("explicit", cue, surface(text, toks, j, np_end), surface(text, toks, app_a, app_b), quote,
                  document=figures, body=toks[j].norm in cues.QUOTE_MARKS)  # تقديرات «ساما»: a body's name


def _accusative_people_after_that(lex: Lexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """Return the span from an unnamed plural in the accusative right after أن (سكانا، مواطنين) up to the verb at
    toks[i], through a prepositional phrase and no comma or verb, or None."""
    for k in range(i - 2, max(-1, i - 10), -1):
        word = toks[k].norm
        if word in COMMAS or dictionary.verb_only(word):
            return None
        if word in lex.w.that:
            head = toks[k + 1].norm
            accusative = accusative_noun(lex, head) or head.endswith("ين")
            bare = head[:-1] if head.endswith("ا") else head
            if k + 2 < i and accusative and sources.head_kind(lex, bare) == sources.UNNAMED and (
                    toks[k + 2].norm in lex.w.preposition):
                return k + 1, i
            return None
    return None


def _feminine_body_after(lex: Lexicons, toks: Tokens, j: int, form: cues.Form) -> bool:
    """Return whether toks[j] is a definite body written with ة (الحكومة، الهيئة) or bodies in the plural
    (المؤسسات) after a masculine singular cue: no subject, as a verb right before its subject agrees with it."""
    if j >= len(toks) or form.gender != "m" or form.number != "sg":
        return False
    word = toks[j].norm
    if word.startswith("ال") and word.endswith("ات") and len(word) > 5 and word not in lex.places and (
            sources.head_kind(lex, word) in (sources.ORGANIZATION, sources.UNNAMED)):
        return True  # وناشد المؤسسات الدولية التدخل: bodies in the plural take a feminine verb too
    return toks[j].feminine and word.startswith("ال") and sources.head_kind(lex, word) == sources.ORGANIZATION


def _named_after_complement(lex: Lexicons, toks: Tokens, j: int, end: int,
                            allowed: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of the name set off by commas after a person noun or title at toks[j] and the words that
    say whose he is (محامي عدد من المساهمين، المحامي فلان،; مدرب مكابي حيفا، الهولندي فلان،), the phrase read up to
    toks[end]; or None. Past a short indefinite one, the name must close with what he said and no other person be
    named before it (not مع نظيره، فلان،: the one he met)."""
    head = toks[j].norm
    bare = without_article(head)
    # محافظة مهرجان وهران، فلانة،: the feminine of a title the lexicon holds only as a man's (a governorate too)
    if not (bare in lex.title_words or bare in lex.w.person_noun or (bare.endswith("ه") and bare[:-1] in lex.roles)):
        return None
    short = not head.startswith("ال") and end <= j + 2
    if not short and (bare in lex.w.anonymous or sources.unnamed_head(lex, bare)):
        return None  # مصدر من داخل الحزب للمحررة في بي بي سي، فلانة،: a source kept unnamed, her name is another's
    comma = next((c for c in range(max(j + 2, end), min(len(toks), j + (7 if short else 13)))
                  if toks[c].norm in COMMAS), -1)
    if comma < 0 or any(t.norm in lex.w.that or t.norm in COMMAS or t.norm in cues.QUOTE_MARKS
                        or dictionary.verb_only(t.norm) for t in toks[j + 1 : comma]):
        return None
    if not short and any(
            (word := without_lam(t.norm)) in lex.title_words or word in lex.honorifics
            or without_article(word) in lex.title_words or without_article(word) in lex.w.person_noun
            for t in toks[j + 1 : comma]):
        return None  # المعارض البارز للعقيد معمر القذافي، عبد الحكيم بلحاج،: another one named on the way
    a, b = apposition(lex, toks, comma)
    if not (a < b and has_name(lex, toks, a, b)):
        return None
    if not short and not (b < len(toks) and (toks[b].norm in lex.w.that or (
            toks[b].norm in COMMAS and b + 1 < len(toks) and is_complement(lex, toks[b + 1].norm, (
                allowed - {cues.ANY}) | {"ان"})))):
        return None  # … فلانة، عن تفاصيل: the verb's own preposition after the name
    return a, b


def _speech_owner(lex: Lexicons, toks: Tokens, at: int) -> tuple[int, int] | None:
    """Return the span of whose a speech a verb of publishing names as its object is (ونشرت الوكالة تصريحا للمتحدث
    باسم الوزارة): the ل-phrase right after it, when it can speak; None when there is none (after وجه or قدم, ل
    names whom the speech was for)."""
    if not (at + 1 < len(toks) and toks[at].norm in speech_objects(lex) and toks[at + 1].norm[:1] == "ل"
            and len(toks[at + 1].norm) > 3):
        return None
    end = lam_phrase(lex, toks, at + 1)
    words = [without_lam(toks[at + 1].norm), *(t.norm for t in toks[at + 2 : end])]
    return (at + 1, end) if end > at + 1 and sources.classify(lex, words).kind in (
        sources.PERSON, sources.ORGANIZATION, sources.COUNTRY) else None


def _thing_opens(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether the words before the verb at toks[i] are a definite common noun that opens the sentence and
    cannot speak (الكهرباء، الأسعار): the verb's subject, so what follows it is its object, no source."""
    first = toks[0].norm
    return (first.startswith("ال") and first not in lex.title_words and not any(
        t.norm in PUNCTUATION or is_stop_word(lex, t.norm) for t in toks[:i]) and not speaks(lex, toks, 0, i))


def _described_noun(lex: Lexicons, toks: Tokens, i: int) -> int:
    """Return the position of the indefinite noun right before the verb at toks[i], past one indefinite adjective
    (وقفة احتجاجية | دعت إليها), or -1."""
    k = i - 1
    if (k > 0 and i + 1 < len(toks) and toks[i + 1].norm in RESUMPTIVE
            and _indefinite_adjective(toks[k]) and indefinite_noun(lex, toks[k - 1])):
        k -= 1  # the verb's preposition takes a pronoun of the noun described (دعت إليها، كتب عليها)
    return k if k >= 0 and indefinite_noun(lex, toks[k]) else -1


def _indefinite_adjective(tok: Token) -> bool:
    """Return whether a word is an indefinite adjective the dictionary knows: a relative adjective or a participle
    (احتجاجية، مقتضبة), no article, no pronoun."""
    word = tok.norm
    if tok.possessed or word.startswith("ال"):
        return False
    entry = dictionary.entry(word)
    if dictionary.participle(word) or (entry is not None and entry.kind == dictionary.RELATIVE):
        return True
    base = word[:-2] if word.endswith("يه") else word[:-1] if word.endswith("ي") else ""
    return len(base) > 2 and dictionary.entry(base) is not None  # احتجاجية: the adjective of a noun, ـي or ـية


def _opened_subject(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether the verb at i has its subject before it, right after the clause opener that begins the
    sentence (وكان الإعلام الحربي نشر بيانا): the head of its clause, whatever its spelling."""
    subject = subject_before(lex, toks, i)
    return subject is not None and subject[0] == 1 and toks[0].norm in lex.w.clause_opener

def _aged(lex: Lexicons, toks: Tokens, m: int) -> bool:
    """Return whether toks[m] opens a person's age (البالغ 30 عاما، البالغة من العمر، صاحب الـ33 عاما): a description
    of someone the article names, no part of a name or title."""
    word = toks[m].norm
    return word in lex.w.aged or (word == "صاحب" and m + 1 < len(toks) and toks[m + 1].norm[:2] == "ال"
                                  and toks[m + 1].norm[2:3].isdigit())


def _named_in_commas(lex: Lexicons, toks: Tokens, j: int, end: int) -> bool:
    """Return whether a title heads toks[j:end] and a personal name set off by commas follows it (الرئيسة المشاركة
    للحزب الاشتراكي، بيربل باس،), or a personal name is toks[j:end] and a title set off by commas follows it (نزار
    بركة، وزير التجهيز والماء،): the title's holder, so no word of the phrase opens the verb's object."""
    start, close = apposition(lex, toks, end)
    if not (start < close < len(toks) and toks[close].norm in COMMAS):
        return False
    if toks[start].norm in lex.roles and not has_name(lex, toks, start, close):
        # a given name opens the name that ends the phrase: one person (not ووصف ترامب كومي، مدير …،: the one he
        # described)
        at = j if toks[j].norm in names.given_name_set(lex) else trailing_name(lex, toks, j, end)
        return at >= j and toks[at].norm in names.given_name_set(lex) and end - at <= 4 and has_name(lex, toks, at, end)
    if not (toks[j].norm in lex.roles or (toks[j].norm.startswith("ال") and person_noun(lex, toks[j].norm))):
        return False  # not مصدر من داخل الحزب للمحررة، فلانة،: an unnamed source's addressee
    return has_name(lex, toks, start, close)


def _addressed_before(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the position of what was said after a medium addressed right after the subject (قالت المحامية فلانة
    لبي بي سي إن، فلان، عضو الهيئة، لـ«الوطن»، إن), else -1: the subject closed before the addressee, whole."""
    if k < len(toks) and toks[k].norm in COMMAS:
        k += 1
    table = cues.of(lex)
    if k + 2 < len(toks) and toks[k].norm == "في" and _interview(lex, toks[k + 1].norm):
        k += 1  # فلانة في حديث لموقع بانيت، فلان، في حديث تلفزيوني، أن، في حديث إلى الـLBCI: the interview, the medium
    elif k + 1 >= len(toks) or toks[k].norm[:1] != "ل" or toks[k].norm in table.verbs or not (
            toks[k].norm == "ل" or for_media(lex, toks[k].norm) or toks[k + 1].norm in cues.QUOTE_MARKS
            or dictionary.entry(toks[k].norm[1:]) is None):
        return -1
    for m in range(k + 1, min(len(toks), k + 10)):
        word = toks[m].norm
        if _says_what(lex, word):
            return m
        if word in table.verbs or word in table.participles or dictionary.verb_only(word):
            return -1  # not والد أحد الشهداء، في تصريح لإذاعة، عن ارتياحه …، قائلا: what the participle says
    return -1


def _says_what(lex: Lexicons, word: str) -> bool:
    """Return whether a word opens what was said: أن/إن or a colon (not a preposition the verb governs)."""
    return word in lex.w.that or word == cues.COLON


def _interview(lex: Lexicons, word: str) -> bool:
    """Return whether a word is an interview or a statement given, maybe its giver's (حديث، حديثها، مقابلته)."""
    return word in lex.derived("interview_forms", lambda lex: frozenset(
        form for noun in lex.w.interview for form in (noun, *with_pronouns(noun))))


def _told(lex: Lexicons, toks: Tokens, j: int, plural: bool) -> int:
    """Return the end of ل + a medium or people right after a cue and right before what was said (وأضاف للشرق
    الأوسط إن، قالت لكوردستان24 إن), else -1; after a plural verb (قالوا لصحيفة إنهم) any one ل-word not a name's:
    its subject went before it. A subject opens with no ل but its own (لبنان، ليلى، لوران فابيوس)."""
    word = toks[j].norm
    if not word.startswith("لل"):
        if word in lex.places or word in names.given_name_set(lex) or not (plural or any(c.isdigit() for c in word)):
            return -1
        end = j + 1
    else:
        end = max(noun_phrase(lex, toks, j), j + 1)
    return end if end < len(toks) and (toks[end].norm in lex.w.that or toks[end].norm == cues.COLON) else -1


def _feminine_plural(lex: Lexicons, word: str) -> bool:
    """Return whether a definite word is a plural a masculine singular verb does not take as its subject: a sound
    feminine plural (السلطات، الحكومات) or a broken plural of only feminine singulars (الأسر ← أسرة، الدول ← دولة)."""
    if not word.startswith("ال"):
        return False
    bare = word[2:]
    if bare.endswith("ات") and len(bare) >= 5:
        return dictionary.entry(bare) is not None or dictionary.entry(bare[:-2] + "ه") is not None
    # not a doer spelled the same (المزارع: the farmer, or the farms)
    return bare in dictionary.feminine_plurals() and bare not in lex.title_words and bare not in lex.w.person_noun and (
        not dictionary.participle(bare, plural=False))


def _masculine_noun(lex: Lexicons, word: str, known: Collection[str]) -> bool:
    """Return whether a definite word is a masculine singular body or medium (المجلس، الجيش، التلفزيون): no feminine
    verb's subject, so its object. Not a name the article gave, nor a word shaped as a feminine (ـة، ـى، ـاء) or as
    a plural (ـات؛ كتائب، جمارك: فعائل، مفاعل), nor one no dictionary holds (قالت اليونيسف: منظمة is meant)."""
    if not word.startswith("ال") or _named_before(word, known):
        return False
    bare = word[2:]
    if bare not in lex.w.body and bare not in lex.w.media_noun and bare not in lex.w.community:
        return False
    if bare.endswith(("ه", "ات", "ى", "اء", "ت", "ي", "ا")) or (len(bare) == 5 and bare[2] == "ا" and bare[0] != "ت"):
        return False
    found = dictionary.entry(bare)
    return found is not None and not found.plural


def _by_saying(lex: Lexicons, toks: Tokens, at: int) -> bool:
    """Return whether the complement at toks[at] leads to "by saying" and what was said (رد المدرب على سؤال حول
    مستقبله بالقول: "…"): the reply reports, whatever it replied to."""
    for m in range(at + 1, min(at + 10, len(toks) - 1)):
        word = toks[m].norm
        if word in lex.w.saying or (word[:1] == "ب" and word[1:] in lex.w.saying):
            after = toks[m + 1].norm
            return after in lex.w.that or after == cues.COLON or after in cues.QUOTE_MARKS
    return False


def _opens_clause(lex: Lexicons, toks: Tokens, b: int) -> bool:
    """Return whether toks[b] opens the sentence or a clause (after لكن، و، أن or a comma)."""
    return b == 0 or toks[b - 1].norm in lex.w.clause_opener or toks[b - 1].norm in COMMAS or (
        toks[b - 1].norm in lex.w.that)


def _thing_subject(lex: Lexicons, toks: Tokens, j: int, gender: str) -> bool:
    """Return whether the word after a feminine cue is a definite feminine thing (وأكدت المادة، وأوضحت الورقة): the
    verb's subject, not its object (وأكد أهمية …, indefinite, is the object of an unwritten subject)."""
    word = toks[j].norm
    if not word.startswith("ال") or not is_thing(word[2:]) or is_document(lex, word):
        return False
    # Only the feminine tells: a masculine definite word may be a family name (وأكد الصدر) or the object (ودعا الشعب).
    return gender == "f" and word.endswith("ه")


def _things_of(lex: Lexicons, toks: Tokens, j: int, b: int) -> bool:
    """Return whether toks[j:b] is an indefinite thing in construct with a name and the ب of what it is called right
    after it (ووصفت هجمات ترامب | بأنها): the verb's object, someone's deeds, which cannot speak; the source is the
    verb's unwritten subject (وكشفت وثائق ويكيليكس | أن: documents that tell)."""
    word = toks[j].norm
    return (j + 1 < b < len(toks) and toks[b].norm[:1] == "ب" and not word.startswith("ال") and is_thing(word)
            and not is_document(lex, word) and not speaks(lex, toks, j, b) and has_name(lex, toks, j + 1, b))


def _passive_ba(lex: Lexicons, word: str, known: Collection[str]) -> bool:
    """Return whether a word right after a cue is ب + an action (بتبديد، بالتلاعب): the verb's ب-complement with no
    object before it, no name (بوتين and the names the article gave stay names)."""
    if word[:1] != "ب" or len(word) < 5 or word in names.given_name_set(lex) or _named_before(word, known):
        return False
    rest = word[1:]
    if rest.startswith("ال"):  # بالتلاعب: no name opens with بال and a word the dictionary knows as an action
        entry = dictionary.entry(rest[2:])  # وصف بالضعيف، بالإيجابي: or as what it was described as
        return entry is not None and entry.kind in (dictionary.VERBAL_NOUN, dictionary.PARTICIPLE, dictionary.RELATIVE)
    if len(rest) == 5 and rest[0] == "ت" and rest[3] == "ي":
        return True  # the تفعيل of an action: بتبديد، بتحويل
    # بقبول هدايا، باختلاس: an action the dictionary knows, of five letters or of the فعول / فعال shape (not بوتين:
    # ب + a rare وتين)
    entry = dictionary.entry(rest)
    return (len(rest) >= 5 or (len(rest) == 4 and rest[2] in "وا")) and entry is not None and (
        entry.kind == dictionary.VERBAL_NOUN)


def _reply_adverb(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether a cue spelled as a dual past verb is an accusative of purpose written without tanween (in reply
    to): opening the sentence, its preposition after it and a comma closing it (وردا على سؤال …، قال الوزير), or after
    a verb (أنه جاء ردا على)."""
    form = cues.of(lex).forms[toks[i].norm]
    if form.number != "du" or form.present or i + 1 >= len(toks) or toks[i + 1].norm not in lex.w.preposition:
        return False
    if i <= 1:
        return any(t.norm in COMMAS for t in toks[i + 2 : i + 10])
    before = toks[i - 1].norm  # جاء ردا على، وذلك ردا على: in reply to, after the verb or the word it describes
    return before in dictionary.verbs() or before in {"ذلك", "وذلك"}


def _subject(lex: Lexicons, text: str, toks: Tokens, b: int, stop: int) -> str:
    """Return a subject written before its verb as written, without the و that joins its clause (والشرطة قد أعلنت،
    وناشطون يتهمون)."""
    phrase = surface(text, toks, b, stop)
    first = toks[b].norm
    joined = first.startswith("وال") or (first[:1] == "و" and sources.unnamed_head(lex, first[1:]))
    return phrase[1:] if joined else phrase


def _ba_follows(lex: Lexicons, toks: Tokens, j: int, known: Collection[str]) -> bool:
    """Return whether the preposition ب follows the phrase that opens at toks[j], its appositions and the phrases
    joined to it by و (برلسكوني | بممارسة، الرئيس السابق، بول مانافورت، ونائبه، | بغسل): no object comes between."""
    k = j
    for _ in range(3):
        k = noun_phrase(lex, toks, k, objects=True, preps="ب", after_name=True)
        k = max(k, apposition(lex, toks, k)[1])
        k += 1 if k < len(toks) and toks[k].norm in COMMAS else 0
        if k >= len(toks) or not (toks[k].norm[:1] == "و" and toks[k].norm[:2] != "وب"):
            break  # ونائبه ريك غيتس: another one accused with him
    if k >= len(toks):
        return False
    word = toks[k].norm
    return word in {"ب", "بـ"} or (word[:1] == "ب" and len(word) > 3 and not _names_subject(lex, word, known))


def _names_subject(lex: Lexicons, word: str, known: Collection[str]) -> bool:
    """Return whether a word right after a cue that governs ب or ل is a name, its subject, not the preposition and a
    word: a place (ورحبت بريطانيا بـ، وطالبت بغداد بـ), a given name (وتعهد بشار) or a name the article gave (بوتين)."""
    if word in lex.w.that:
        return False  # بأن، لأن
    return word in lex.places or word in names.given_name_set(lex) or _named_before(word, known) or (
        word in lex.w.body)  # ورحبت بعثة الأمم المتحدة بـ: a body's head noun that opens with ب


def _named_before(word: str, known: Collection[str]) -> bool:
    """Return whether a word is a family name the article gave someone before (known: their skeletons, as in find)."""
    return bool(known) and names.skeleton(word) in known


def _family_then_name(lex: Lexicons, word: str, after: str, known: Collection[str]) -> bool:
    """Return whether word is a family name the article gave before, foreign (no dictionary, no given name), and after
    a name word no given name nor definite (ترامب | كومي): a family name closes a name, the next one is another's."""
    given = names.given_name_set(lex)
    return (_named_before(word, known) and dictionary.entry(word) is None and word not in given
            and names.is_name_word(lex, after) and not after.startswith("ال") and after not in given
            and after not in lex.w.name_joiner)


def _present_and(word: str) -> str:
    """Return a present verb without its و or ف (ويذكر → يذكر); a past one as it is (وذكر: and he said)."""
    return word[1:] if word[:1] in "وف" and word[1:2] == "ي" else word


def _impersonal_source(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]
                       ) -> Report | None:
    """Return the unnamed source of a verb said of no one (ويعتقد أن، ويشتبه في، أفيد بـ، قيل إن): the verb itself is
    its label; None when a subject that can speak follows it (ويعتقد ترامب أن)."""
    after = toks[i + 1].norm if i + 1 < len(toks) else ""
    if after and not (after[:1] == "ب" and dictionary.entry(after[1:]) is not None) and speaks(
            lex, toks, i + 1, noun_phrase(lex, toks, i + 1)):
        return None  # (أفيد بوقوع: the ب of what was reported, no one's name)
    label = surface(text, toks, i, i + 1)
    label = label[1:] if label[:1] in "وف" and toks[i].norm not in lex.w.impersonal_source else label
    return Report("explicit", surface(text, toks, i, i + 1), label, quote=quote_kind(text, toks.ends[i], spans),
                  anonymous=True)


def _we_verb(lex: Lexicons, word: str) -> bool:
    """Return whether a word is a verb in the first person plural (نتوقع، نريد): after a cue it opens what was said
    (وأضافت نتوقع أن …), it names no one."""
    return (word[:1] == "ن" and len(word) >= 4 and word[1:] in dictionary.verbs() and dictionary.entry(word) is None
            and word not in names.given_name_set(lex)
            and not mentions.span_at([word], mentions.gazetteer_index(lex), 0))  # وأوضحت ناسا: a body's name


def _addressed(lex: Lexicons, toks: Tokens, k: int, at: int) -> bool:
    """Return whether what is said begins at toks[at] right after a short ل-phrase at toks[k] (قال بوتين | لحشد متهلل
    | إنه): whom the subject told, so the phrase before it is the subject whatever its words, as before a
    that-clause."""
    return k < at <= k + 3 and toks[k].norm[:1] == "ل" and toks[at].norm in lex.w.that


def _after_what_is_said(lex: Lexicons, toks: Tokens, i: int, after: int) -> bool:
    """Return whether the cue at i follows what was said (after a comma or هكذا, past the sentence's first words)
    and its subject closes the sentence, an addressee or a time aside: "…"، قال الوزير للصحفيين."""
    if i < 3 or toks[i].norm[:1] in "وف" or not (toks[i - 1].norm in COMMAS or toks[i - 1].norm in lex.w.so_said):
        return False  # …، وقال: a new clause, no cue closing the one before
    rest = [t.norm for t in toks[after:]]
    while rest and rest[-1] in PUNCTUATION:
        rest.pop()
    # …، يقول فلان، مدير فندق مصنف بمراكش: who he is may close the sentence too
    titled = len(rest) > 1 and rest[0] in COMMAS and (rest[1] in lex.title_words or without_article(
        rest[1]) in lex.w.person_noun)
    if len(rest) > 2 and rest[0] in COMMAS and rest[1] in lex.w.relative and rest[1].startswith("ال"):
        return True  # …، تقول فلانة، التي نقلت إلى العربية ثلاثين كتابا: who she is, a relative clause, closes it
    return len(rest) <= (10 if titled else 4) and not any(w in lex.w.that or w in cues.of(lex).verbs for w in rest)


def _how_said(lex: Lexicons, toks: Tokens, j: int, end: int) -> bool:
    """Return whether the one word after a cue, closing the sentence, says how the words were said (تقول ضاحكة،
    قال مبتسما): an indefinite participle no human noun, title or source is spelled as, not its subject."""
    word = toks[j].norm
    if end != j + 1 or word.startswith("ال") or not word.endswith(("ه", "ا")) or (
            end < len(toks) and toks[end].norm not in PUNCTUATION):
        return False  # تقول حداد، التي …: a family name spelled as a doer, without the ending a manner takes
    bare = word[:-1]
    return (dictionary.participle(word) or dictionary.participle(bare)) and not any(
        w in lex.w.person_noun or w in lex.title_words or w in lex.w.anonymous or w in lex.w.collective_source
        for w in (word, bare))


def _often_before(lex: Lexicons, toks: Tokens, i: int) -> int:
    """Return where the adverb of frequency before a verb's ما starts (ودائما ما تقول، كثيرا ما يقول: ما makes
    one adverb of both, and the verb is the clause's own), else the verb's position i."""
    return i - 2 if i > 1 and toks[i - 1].norm in lex.w.what and without_and(toks[i - 2].norm) in lex.w.often else i


def _implicit_report(lex: Lexicons, text: str, toks: Tokens, i: int, cue: str, quote: str) -> Report | None:
    """Return the report of a cue whose subject is not after it: written before it (الشرطة تقول إن), the subject
    of the sentence's first verb (ويجري ترامب زيارة، حيث جدد …), else the last source named (implicit); None when
    the subject opening the sentence cannot speak."""
    before = subject_before(lex, toks, i)
    if before:
        b, stop, app_a, app_b = before
        return Report("explicit", cue, _subject(lex, text, toks, b, stop), surface(text, toks, app_a, app_b), quote,
                      body=toks[b].norm in cues.QUOTE_MARKS)  # وكانت «ميرسك» …، قد حذرت: a body's name
    if (i > 2 and toks[i - 1].norm in lex.w.that and without_and(toks[0].norm) in lex.w.already
            and toks[1].norm[:1] == "ل" and lam_phrase(lex, toks, 1) == i - 1):
        # وسبق للمؤسسة الوطنية للنفط أن طالبت: the one it already happened to
        lam = without_lam(surface(text, toks, 1, i - 1))
        if speaks(lex, toks, 1, i - 1) or is_source(lex, lam):
            return Report("explicit", cue, lam, quote=quote)
    then = i - 1 if i > 3 and toks[i - 1].norm == "فقد" else i  # أما الجيش، فقد أعلن
    if (then > 2 and toks[0].norm == "اما" and (then < i or toks[i].norm[:1] == "ف") and toks[then - 1].norm in COMMAS
            and speaks(lex, toks, 1, topic := noun_phrase(lex, toks, 1))):
        # أما برلين، فدعت إلى …: what is said of the one the sentence turns to; أما النائبة فلانة، عضو تكتل «…»، فقالت:
        # her apposition between
        app_a, app_b = apposition(lex, toks, topic)
        if topic == then - 1 or (app_b > app_a and app_b == then - 1):
            return Report("explicit", cue, surface(text, toks, 1, topic), surface(text, toks, app_a, app_b),
                          quote=quote)
        if then - 1 <= 12 and has_name(lex, toks, 1, then - 1) and not any(
                t.norm in COMMAS or t.norm in lex.w.that for t in toks[topic : then - 1]):
            # أما الباحث في المعهد الملكي للخدمات المتحدة توماس وارد، فرأى: where he works, then his name
            return Report("explicit", cue, surface(text, toks, 1, then - 1), quote=quote)
    if mute_subject_before(lex, toks, i):
        return None
    tok = toks[i]
    opener = toks[0].norm
    if (i > 2 and toks[i - 1].norm in COMMAS and opener in lex.w.clause_opener and tok.norm[:1] not in "وف"
            and not speaks(lex, toks, 1, noun_phrase(lex, toks, 1))):
        return None  # وكانت اختبارات، أجريت على …، أفادت بوجود: the subject opening the sentence, which cannot speak
    if (by := statement_by(lex, toks, i)) is not None:
        return Report("explicit", cue, without_lam(surface(text, toks, *by)), quote=quote)
    when = opener in lex.w.when or (opener[:1] in "وف" and opener[1:] in lex.w.when)
    # وكتبت فلانة على تويتر تقول إن: يقول with no و after a sentence that opens with a cue says what its subject
    # wrote or answered
    table = cues.of(lex)
    circumstantial = (tok.norm[:1] in "يت" and table.verbs.get(tok.norm) == "قال" and table.forms[tok.norm].present
                      and toks[0].norm in table.verbs and not table.forms[toks[0].norm].present)
    # وأوقف الرئيس ترامب فصل الأسر، لكنه يقول إنه: "but he" goes back to the subject of the sentence's first verb
    but_he = i > 3 and toks[i - 1].norm in lex.w.but_pronoun and toks[i - 2].norm in COMMAS
    lead = toks[_often_before(lex, toks, i)].norm  # ودائما ما تقول: the و of the adverb that opens the clause
    if circumstantial or but_he or (i > 2 and (toks[i - 1].norm in {"حيث", "اذ"} or lead.startswith(("و", "ف"))
                                                 or when)):  # ثم تحدث فلان، فأكد أن: he who spoke, then affirmed
        # …، وقال فيه إن: what he said in the statement the sentence spoke of, after a fronted phrase too (في غضون
        # ذلك، تراجع المتحدث … عن تصريح …، وقال فيه)
        in_it = i + 1 < len(toks) and toks[i + 1].norm in {"فيه", "فيها"}
        a, b, app_a, app_b = main_subject(lex, toks, i - 1 if toks[i - 1].norm in {"حيث", "اذ"} else i, fronted=in_it)
        subject = surface(text, toks, a, b)
        counted = b < len(toks) and (toks[b].norm.isdigit() or toks[b].norm in lex.w.number)  # وحددت أسماء 11 متهما
        if subject and not counted and (has_name(lex, toks, a, b) or is_source(lex, subject) or circumstantial) and (
                speaks(lex, toks, a, b)):
            return Report("explicit", cue, subject, surface(text, toks, app_a, app_b), quote)
    return Report("implicit", cue, quote=quote)


def _object_after_definite(lex: Lexicons, toks: Tokens, j: int, end: int) -> int:
    """Return where an indefinite verbal noun followed by an indefinite word opens the object inside toks[j:end],
    right after a definite word (المركز الوطني للأرصاد | هطول أمطار; not هيئة تنظيم الإعلام, nor the given name of
    حسام الدين علاء), else 0."""
    for m in range(j + 1, min(end, len(toks) - 1)):
        before, word, after = toks[m - 1].norm, toks[m].norm, toks[m + 1].norm
        if (before.startswith(("ال", "لل")) and not word.startswith("ال") and not after.startswith("ال")
                and word not in names.given_name_set(lex) and dictionary.action(word)):
            return m
    return 0


def _shown_by(lex: Lexicons, text: str, toks: Tokens, i: int) -> Report | None:
    """Return the report of figures or a study that show something (أظهرت البيانات الصادرة عن المركز، أظهرت دراسة
    أجرتها جامعة أكسفورد، تظهر أرقام البنك الدولي): the body named as theirs; None when none is (أظهرت الصور)."""
    j = i + 1
    if i > 2 and toks[i - 1].norm == "قد" and without_and(toks[0].norm) in lex.w.copula:
        j = 1  # وكانت دراسة أجرتها جامعة أكسفورد قد أظهرت: the study before قد
    if j + 1 >= len(toks) or not (toks[j].norm in lex.w.figures or without_article(toks[j].norm) in lex.w.figures
                                  or is_document(lex, toks[j].norm)):
        return None
    limit = i - 1 if j < i else next((m for m in range(j + 1, len(toks)) if toks[m].norm in lex.w.that
                                      or toks[m].norm in COMMAS), len(toks))
    if (end := noun_phrase(lex, toks, j + 1)) > j + 1 and sources.classify(
            lex, [t.norm for t in toks[j + 1 : end]]).kind in sources.BODIES:
        by: tuple[int, int] | None = (j + 1, end)  # أرقام البنك الدولي، بيانات رابطة الدوري السعودي للمحترفين
    else:  # (the body they belong to, before any word after it is read as who issued them)
        by = document_source(lex, text, toks, j, limit)
    if by is not None:  # المركز الوطني | ارتفاع عدد: an indefinite verbal noun opens what they show
        by = by[0], next((m for m in range(by[0] + 1, by[1]) if dictionary.action(toks[m].norm)), by[1])
    elif j > i and (label := _unowned_figures(lex, toks, j, limit)) > j:
        # أظهرت دراسة سويدية واسعة أن: a study no body is named for speaks as an unnamed source
        return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, j, label),
                      quote=quote_kind(text, toks.ends[i], quote_spans(text)), anonymous=True)
    if by is None:
        return None
    return Report("explicit", surface(text, toks, i, i + 1), without_lam(surface(text, toks, *by)),
                  quote=quote_kind(text, toks.ends[i], quote_spans(text)))


def _unowned_figures(lex: Lexicons, toks: Tokens, j: int, limit: int) -> int:
    """Return the end of the label of indefinite figures or a study at toks[j] that only adjectives follow up to a
    that-clause at limit (دراسة سويدية واسعة | أن، بيانات رسمية | أن): the noun and the adjectives of where it is from
    (دراسة سويدية), not of what it is like; j when something else follows (a body, who made it)."""
    if toks[j].norm.startswith("ال") or not (limit < len(toks) and toks[limit].norm in lex.w.that) or not all(
            _indefinite_adjective(t) or (t.norm.endswith("يه") and len(t.norm) > 4) for t in toks[j + 1 : limit]):
        return j  # (سويدية: of a place no dictionary holds)
    return next((m for m in range(j + 1, limit) if not toks[m].norm.endswith("يه")), limit)


def _crowd_before(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether the subject of the sentence a plural participle ends is an unnamed group (أغلق المحتجون الطريق،
    مطالبين بـ; احتفى ناشطون بالفوز، معتبرين إياه): what they demand or call it is what they say."""
    a, b, _, _ = main_subject(lex, toks, i)
    return b > a and sources.classify(lex, [t.norm for t in toks[a:b]]).kind == sources.UNNAMED


def _manner(lex: Lexicons, word: str) -> bool:
    """Return whether a word is ب and a noun the dictionary knows (بحسرة، بغضب، بفخر): the manner of a saying, which
    no name is (not بن، بثينة or a place)."""
    rest = word[1:]
    return (word[:1] == "ب" and len(rest) > 2 and not word.startswith("بن") and word not in names.given_name_set(lex)
            and rest not in lex.places and dictionary.entry(rest) is not None)


def _names_someone(lex: Lexicons, phrase: str) -> bool:
    """Return whether a phrase holds a personal name: a word names.split reads as one that is no noun with its
    pronoun (سفارتها، مندوبتها: her embassy, her envoy; تامي بروس، عباس عراقجي: names)."""
    return not all(map(noun_with_pronoun, names.split(lex, normalize(phrase).split()).name))


def _participle_reports(lex: Lexicons, toks: Tokens, i: int) -> bool:
    """Return whether a participle (مضيفا، مشيرة) introduces a report: its complement follows at once, or, after a
    comma, the object of a verb whose object is what it reports (…، مؤكدا أهمية التنسيق)."""
    table = cues.of(lex)
    if table.forms[toks[i].norm].number == "pl" and not _crowd_before(lex, toks, i):
        return any(t.norm in lex.w.that for t in toks[i + 1 : i + 3])  # معتقدين أنها: a that-clause
    complements = table.complements(table.participles[toks[i].norm])
    allowed = complements - {cues.ANY}
    if any(is_complement(lex, t.norm, allowed) for t in toks[i + 1 : i + 3]):
        return True
    return (cues.ANY in complements and i > 0 and toks[i - 1].norm in COMMAS and i + 1 < len(toks)
            and ((entry := dictionary.entry(without_article(toks[i + 1].norm))) is None
                 or entry.kind != dictionary.PARTICIPLE))  # أهمية، هطول: a thing; المواطنين: whom he addressed


def triggers(lex: Lexicons) -> frozenset[str]:
    """Return every word a branch of find() acts on; any other token is skipped at once."""
    def make(lex: Lexicons) -> frozenset[str]:
        table = cues.of(lex)
        return (lex.w.relay | {"نقلا"} | frozenset(table.verbs) | according_words(lex) | lex.w.impersonal_source
                | frozenset("و" + w for w in lex.w.impersonal_source)
                | frozenset(table.participles) | frozenset(table.with_object) | lex.w.came_in | lex.w.shows
                | lex.w.manner_verb | frozenset(p + w for p in "وف" for w in lex.w.manner_verb)
                | lex.w.manner_participle
                | {"حد", "لسان"})
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
        return _headline(lex, text, toks, known) or _online_voices(lex, text, toks)
    if online := _online_voices(lex, text, toks):
        return online  # وتداول ناشطون صورا قالوا إنها: the voices that opened the sentence, whatever it relays
    spans = quote_spans(text) if spans is None else spans
    table = cues.of(lex)
    relay_words, according_to, came_in = lex.w.relay, according_words(lex), lex.w.came_in
    relay: Report | None = None
    verb: Report | None = None
    according: Report | None = None
    tongue = False  # according is the one on whose tongue the words came (ردت طهران على لسان المتحدث باسمها)
    participle = ""
    opens = False  # the verb opens the sentence
    according_at = verb_at = participle_at = -1
    then_said: Report | None = None
    for i in found:
        tok = toks[i]
        n = tok.norm
        if spans and inside_quotes(toks.starts[i], spans):
            continue
        if n in relay_words and relay is None and i > 0 and toks[i - 1].norm in lex.w.what:
            # بحسب ما نقلت الوكالة: what the outlet relayed; … عن الوزير: the one it relayed
            relayed = what_report(lex, text, toks, i, spans)
            relay = relay_report(lex, text, toks, i) if relayed else None
            relay = replace(relay, relayer=relayed.mention) if relay and relayed else None
            verb = verb or relayed
        elif n in relay_words and relay is None:
            relay = relay_report(lex, text, toks, i)
        elif n == "حد" and according is None and in_words_of(lex, toks, i):
            according = according_report(lex, text, toks, i + 1)  # على حد قول الوزير، على حد تعبيره
        elif n == "لسان" and according is None and i > 0 and toks[i - 1].norm == "علي":
            according = according_report(lex, text, toks, i)  # كما جاء على لسان الوزير: in the words he said
            tongue = according is not None
        elif n == "نقلا" and relay is None:
            relay = according_report(lex, text, toks, i)
        elif (without_and(n) in lex.w.impersonal_source and verb is None and (
                i == 0 or (i == 1 and toks[0].norm in lex.w.negation) or i == fronted_phrase_end(lex, toks, 0, i + 1))
              and (impersonal := _impersonal_source(lex, text, toks, i, spans)) is not None):
            verb = impersonal  # ويعتقد أن …: it is believed, by no one named
        elif n in came_in and verb is None and i > 0 and (toks[i - 1].norm.endswith("حسبما") or (
                i > 1 and toks[i - 1].norm in lex.w.what and toks[i - 2].norm in according_to)) and (
                came := came_in_report(lex, text, toks, i, spans, according=True)):
            verb = came  # بحسب ما ورد في قرار المحكمة، فإن: the court that issued it
        elif n in table.verbs and verb is None and not _TANWEEN.intersection(toks.written[i]) and not (
                _reply_adverb(lex, toks, i)):
            # وطلباً: a noun written with tanween, not the verb طلبا
            verb = _verb_report(lex, text, toks, i, spans, known)
            opens, verb_at = i == 0, i
        elif n in table.with_object and verb is None and i > 0 and toks[i - 1].norm in lex.w.what:
            verb = what_report(lex, text, toks, i, spans)
        elif (n in table.verbs and verb is not None and verb.kind == "explicit" and verb_at >= 0 and not then_said
              and _then_said(lex, toks, verb_at, i)
              and (said := _verb_report(lex, text, toks, i, spans, known)) is not None and said.kind == "explicit"
              and _names_someone(lex, said.mention)):
            then_said = said  # أكدت بريطانيا تمسكها …، وقالت مندوبتها فلانة إن: the one whose words the sentence gives
        elif (n in table.with_object and verb is not None and i > 1 and toks[i - 1].norm in lex.w.what
              and toks[i - 2].norm in according_to and (told := what_report(lex, text, toks, i, spans))):
            return told  # واعترف فلان بكذا، وفقا لما ذكرته الصحيفة: the outlet tells the whole sentence
        elif n in according_to and according is None:
            according = according_report(lex, text, toks, i, known)
            according_at = i
        elif n in came_in and verb is None:
            verb = came_in_report(lex, text, toks, i, spans)
        elif without_and(n) in lex.w.manner_verb and verb is None and (
                manner := _speech_act_report(lex, text, toks, i, spans)) is not None:
            verb = manner  # اكتفت واشنطن بالإشارة إلى أن، سارعت الجزائر إلى التعبير عن: the speech act the verb names
        elif n in lex.w.shows and verb is None and (shown := _shown_by(lex, text, toks, i)) is not None:
            verb = shown  # أظهرت البيانات الصادرة عن المركز أن: the body whose figures show it
        elif not participle and verb is None and (
                (n in table.participles and _participle_reports(lex, toks, i))
                or (n in lex.w.manner_participle and _speech_act(lex, toks, i + 1) > 0)):
            # مضيفا أن; رفض فلان التعليق، مكتفيا بالقول إن: what he would only say
            participle, participle_at = surface(text, toks, i, i + 1), i
            a, b, app_a, app_b = main_subject(lex, toks, i, fronted=True)
            # وقرأت بن عمار التوصيات …، داعية: the family name the article gave ends her name, the thing after it is
            # what she read
            b = next((m + 1 for m in range(a, b - 1) if _named_before(toks[m].norm, known) and toks[
                m + 1].norm.startswith("ال") and is_thing(toks[m + 1].norm[2:])), b)
            # وهذه هي أول مرة …، قائلا; واستكمل حديثه قائلا، وتأتي هذه الخطوة …، مشيرة: no one who speaks
            if b > a and not (b == a + 1 and toks[a].norm in lex.w.personal_pronoun) and speaks(lex, toks, a, b):
                verb = Report("explicit", participle, surface(text, toks, a, b), surface(text, toks, app_a, app_b),
                              quote_kind(text, toks.ends[i], spans))
    if participle_at == 0 and verb_at > 0 and relay is None and according is None:
        # مشيرا إلى أن فحوصات المختبر أكدت …: a participle opening the sentence goes on with the one before; a verb in
        # what it reports is no report of its own
        return Report("implicit", participle, quote=quote_kind(text, 0, spans))
    if then_said is not None and relay is None and according is None and then_said.mention != (verb and verb.mention):
        verb = then_said
    if relay:
        # نقلت الصحيفة عن طبيب، طلب عدم الكشف عن هويته، قوله: a relayed source whose name is withheld stays unnamed
        relay = anonymous_if_withheld(lex, toks, relay)
        if verb is not None and verb.kind == "explicit" and verb.mention != relay.mention:
            return replace(relay, relayer=verb.mention)
        return relay
    if verb and according and tongue:
        if verb.kind == "explicit" and verb.mention and not according.mention.startswith("ال") and not any(
                _names_someone(lex, phrase) for phrase in (according.mention, according.apposition) if phrase
        ) and sources.classify(
                lex, normalize(verb.mention).split()).kind == sources.COUNTRY:
            # نفت موسكو على لسان سفارتها، جددت واشنطن على لسان مندوبتها: no one named (a definite title may be the
            # holder the article named before), the state speaks
            return verb
        return according  # ردت طهران على لسان فلان بأن: the words are his, for the state (whose gender the verb shows)
    if verb and according and verb.document and according.kind == "explicit":
        return according  # وتشير الأرقام، بحسب الخليفي، إلى أن: the figures are hers
    if verb and according and 0 <= according_at < verb_at and (any(
            t.norm in _SO_THAT for t in toks[according_at + 1 : verb_at]) or (
            according_at <= 1 and cues.of(lex).forms[toks[verb_at].norm].present
            and any(t.norm in COMMAS for t in toks[according_at + 1 : verb_at]))):
        # وبحسب الصحيفة، يصر الجيش على: what the outlet that opens the sentence says is the case
        return anonymous_if_withheld(lex, toks, according)  # وبحسب القناة، فإن نتنياهو يرفض: what the channel reports
    if verb and verb.kind == "implicit" and according is None and 0 < headline_colon(toks) < verb_at and (
            head := _headline(lex, text, toks, known)) is not None and head.kind == "explicit":
        return head  # تيتيه أمام مجلس الأمن: الانقسام … يهدد: the headline's speaker, the verb in what she said
    if verb and (verb.kind == "explicit" or according is None or opens):
        # وأضاف أن …، بحسب الوكالة: the one who added it speaks; the outlet after only relays his words
        return anonymous_if_withheld(lex, toks, verb)
    if according:
        return anonymous_if_withheld(lex, toks, according)
    if participle:
        return Report("implicit", participle, quote=quote_kind(text, 0, spans))
    return _headline(lex, text, toks, known)


def _then_said(lex: Lexicons, toks: Tokens, at: int, i: int) -> bool:
    """Return whether the cue verb at i, after a comma and و, says what the sentence reports while the cue at `at`
    before it took a noun (أعلنت واشنطن دعمها، وقالت فلانة إن): no that-clause, colon or quotation between them, one
    after the later verb."""
    if not (toks[i].norm[:1] == "و" and toks[i - 1].norm in COMMAS):
        return False
    if any(_says_what(lex, t.norm) or t.norm in cues.QUOTE_MARKS for t in toks[at + 1 : i]):
        return False
    return any(_says_what(lex, t.norm) for t in toks[i + 1 : i + 16])


_SO_THAT = frozenset({"فان", "فانه", "فانها", "فانهم"})  # بحسب فلان، فإن …: what follows is what he tells


def _speech_act(lex: Lexicons, toks: Tokens, k: int) -> int:
    """Return the position after the verbal noun of a speech act at toks[k] (بالإشارة، إلى التعبير، بالقول), or -1."""
    if k + 1 < len(toks) and toks[k].norm in {"الي", "علي"}:
        k += 1  # سارع إلى التعبير، حرص على التأكيد
    if k >= len(toks):
        return -1
    # بالإشارة، للتعبير، التأكيد: the definite verbal noun, maybe after ب or ل
    _, word = strip_proclitics(toks[k].norm, lambda w: without_article(w) in lex.w.speech_act)
    return k + 1 if word.startswith("ال") and word[2:] in lex.w.speech_act else -1


def _speech_act_report(lex: Lexicons, text: str, toks: Tokens, i: int, spans: list[tuple[int, int]]) -> Report | None:
    """Return the report of a verb of manner whose complement is a speech act (اكتفت الناطقة بالقول إن، سارعت
    الجزائر إلى التعبير عن أسفها): its subject speaks; None when the complement is no speech (اكتفى الفريق بالتعادل)."""
    # The subject runs up to the speech act (اكتفت الناطقة باسم البيت الأبيض فلانة | بالقول)
    end = next((k for k in range(i + 2, min(len(toks), i + 12)) if _speech_act(lex, toks, k) > 0
                or toks[k].norm in PUNCTUATION), -1)
    if end < 0 or (after := _speech_act(lex, toks, end)) < 0 or not speaks(lex, toks, i + 1, end):
        return None
    return Report("explicit", surface(text, toks, i, i + 1), surface(text, toks, i + 1, end),
                  quote=quote_kind(text, toks.starts[after - 1], spans))


def _byline(lex: Lexicons, toks: Tokens) -> bool:
    """Return whether a sentence opens with a byline (كتب فهد التركي: أعلنت، كتبت - فاطمة عبدالله: أكدت): a name
    with no preposition before a colon, and a verb after it that opens the story."""
    colon = next((m for m in range(2, min(len(toks), 7)) if toks[m].norm == cues.COLON), -1)
    if colon < 0 or colon + 1 >= len(toks) or any(t.norm in lex.w.preposition for t in toks[1:colon]):
        return False
    after = toks[colon + 1].norm
    return after in cues.of(lex).verbs or dictionary.verb_only(after)


def _circulated(lex: Lexicons) -> frozenset[str]:
    return frozenset(v + end for v in lex.w.circulate for end in ("", "ت", "وا", "ون"))


def _online_voices(lex: Lexicons, text: str, toks: Tokens) -> Report | None:
    """Return the report of a sentence whose subject is voices online sharing or mocking something (وتداول ناشطون
    صورا، وسخر مغردون من، وكان نشطاء قد أطلقوا وسما): what they post is what they say, an unnamed source; else None."""
    voices, acts = lex.w.online_voice, lex.derived("circulated", _circulated)
    # فيما تداول ناشطون; على مدار الأيام الماضية تداول مستخدمو مواقع التواصل: a time may open the sentence
    k = next((k for k in range(min(len(toks) - 1, 7)) if toks[k + 1].norm in voices
              and without_and(toks[k].norm) in acts), -1)
    if k < 0 and (k := next((k for k in range(min(len(toks) - 2, 7)) if without_and(toks[k].norm) in acts and (
            _unnamed_people(lex, toks[k + 1].norm)) and not lex.w.social_medium.isdisjoint(
            t.norm for t in toks[k + 2 : k + 6])), -1)) >= 0:
        return Report("explicit", surface(text, toks, k, k + 1), surface(text, toks, k + 1, k + 2))  # وتداول مواطنون
        # عبر صفحات التواصل: any unnamed people posting online are voices online
    if k >= 0:
        at = k + 1
    elif len(toks) > 3 and without_and(toks[0].norm) in lex.w.copula and toks[1].norm in voices and (m := next(
            (m for m in range(2, min(len(toks) - 1, 10)) if toks[m].norm == "قد" and toks[m + 1].norm in acts), 0)):
        k, at = m + 1, 1  # وكان نشطاء … قد أطلقوا: the verb after قد
    else:
        return None
    if any(t.norm == "عن" for t in toks[at + 1 : at + 7]) and without_and(toks[k].norm) in lex.w.relay:
        return None  # ونقل ناشطون عن شهود عيان: the ones they relay speak
    end = at + 1
    if toks[at].norm.endswith("و") and end < len(toks) and toks[end].word:
        end += 1  # مستخدمو مواقع التواصل الاجتماعي: the construct, with what they use and its definite words
        while end < min(len(toks), at + 5) and toks[end].norm.startswith("ال"):
            end += 1
    while end < len(toks) and toks[end].norm.endswith(("يون", "يين", "يات")):
        end += 1  # ناشطون سوريون: the voices and the adjectives of where they are from, not what they shared
    return Report("explicit", surface(text, toks, k, k + 1), surface(text, toks, at, end))


def _unnamed_people(lex: Lexicons, word: str) -> bool:
    """Return whether an indefinite word names several people, none by name (مواطنون، سكان، أهال)."""
    return not word.startswith("ال") and sources.head_kind(lex, word) == sources.UNNAMED


def _quoted_headline(lex: Lexicons, text: str, toks: Tokens, known: Collection[str]) -> Report | None:
    """Return the source of a headline made of a source and what it said in quotation marks, with no colon (ترامب
    "لن أستقيل"، ممثلة أفلام "تعرضت لتهديد"), or None."""
    np_end = noun_phrase(lex, toks, 0)
    last = len(toks) - 1
    while last > np_end and toks[last].norm in PUNCTUATION and toks[last].norm not in cues.QUOTE_MARKS:
        last -= 1
    if not (0 < np_end < last and toks[np_end].norm in cues.QUOTE_MARKS and toks[last].norm in cues.QUOTE_MARKS
            and last - np_end > 3 and len(text.split()) <= _HEADLINE_WORDS
            and not any(t.norm in cues.QUOTE_MARKS for t in toks[np_end + 1 : last])):
        return None
    if not (has_name(lex, toks, 0, np_end) or is_source(lex, surface(text, toks, 0, np_end)) or (
            np_end == 1 and names.skeleton(toks[0].norm) in known)) or not speaks(
            lex, toks, 0, np_end):
        return None
    return Report("explicit", "", surface(text, toks, 0, np_end), quote="direct")


_MEDIUM_MARKS = cues.QUOTE_MARKS | {"(", ")"}  # لـ(بغداد اليوم): brackets set off an outlet's name as quotes do


def headline_colon(toks: Tokens) -> int:
    """Return the position of a headline's colon among its first twelve tokens, or -1."""
    return next((k for k, t in enumerate(toks[:12]) if t.norm == cues.COLON), -1)


def _medium_words(toks: Tokens, k: int, colon: int) -> list[str]:
    """Return the normalized words of toks[k:colon] after their ل, marks left out (لسكاي نيوز → سكاي نيوز)."""
    words = [t.norm for t in toks[k:colon] if t.norm not in _MEDIUM_MARKS and t.norm not in {"ل", "لـ"}]
    if words and words[0] == toks[k].norm:
        words[0] = words[0][1:]  # لسكاي → سكاي
    return words


def _told_medium(lex: Lexicons, toks: Tokens, k: int, colon: int) -> bool:
    """Return whether toks[k:colon] is the outlet a headline's speaker told it to (لسكاي نيوز عربية، لـ"رويترز")."""
    if not (0 < k < colon <= k + 7) or toks[k].norm[:1] != "ل":
        return False
    words = _medium_words(toks, k, colon)
    quoted = toks[colon - 1].norm in _MEDIUM_MARKS  # لـ«الشرق الأوسط»: a name in quotation marks, an outlet's
    # لـ الراية، لراديو سوا: whatever the one or two words after ل, the headline's speaker told them (not its name)
    return bool(words) and (quoted or len(words) <= 2 or sources.classify(lex, words).kind == sources.MEDIA)


def told_outlet(lex: Lexicons, toks: Tokens) -> list[str]:
    """Return the normalized words of the outlet a headline's source told (نائب لـ(بغداد اليوم): … → بغداد اليوم),
    or [] when the headline names none before its colon."""
    colon = headline_colon(toks)
    k = _told_at(lex, toks, 0, colon)
    return _medium_words(toks, k, colon) if k > 0 else []


def _told_at(lex: Lexicons, toks: Tokens, start: int, colon: int) -> int:
    """Return where the outlet a headline's source told opens, in ل, between toks[start] and the colon: the last word
    in ل that opens one (not للفيلم in مهرجان وهران للفيلم), or -1."""
    return next((k for k in range(colon - 1, start, -1) if toks[k].norm[:1] == "ل"
                 and toks[k - 1].norm not in _MEDIUM_MARKS and _told_medium(lex, toks, k, colon)), -1)


def _headline(lex: Lexicons, text: str, toks: Tokens, known: Collection[str] = ()) -> Report | None:
    """Return the source of a headline quote "الصليب الأحمر: الوضع في اليمن كارثي", or None; a one-word name
    heads one when the article has named that person already (known: as in find)."""
    if cues.COLON not in text:  # the colon token is the colon as written
        return _quoted_headline(lex, text, toks, known)
    if (len(toks) > 3 and toks[1].norm == cues.COLON and toks[2].norm in cues.QUOTE_MARKS
            and without_and(toks[0].norm) in dictionary.verbs()):
        # وواصل: "…"، وتابع: "…": a verb that opens a quotation with a colon says it, whatever verb it is
        return Report("implicit", surface(text, toks, 0, 1), quote="direct")
    colon = headline_colon(toks)
    if colon > 2 and colon + 2 < len(toks) and toks[colon + 1].norm in cues.QUOTE_MARKS and (
            without_and(toks[0].norm) in dictionary.verbs()):
        # حددت أمل الهدف من عملها: "…": what someone the article named did, then in quotation marks what she said
        a, b, _, _ = main_subject(lex, toks, colon)
        while b > a + 1 and toks[b - 1].norm.startswith("ال") and is_thing(toks[b - 1].norm[2:]):
            b -= 1  # أمل | الهدف: the thing she set is the verb's object, no family name
        if b > a and (has_name(lex, toks, a, b) or any(_named_before(t.norm, known) for t in toks[a:b])) and speaks(
                lex, toks, a, b):
            return Report("explicit", surface(text, toks, 0, 1), surface(text, toks, a, b), quote="direct")
    if colon > 2 and toks[0].norm in cues.QUOTE_MARKS and toks[colon - 1].norm in cues.QUOTE_MARKS and (
            is_source(lex, surface(text, toks, 1, colon - 1))):
        return Report("explicit", "", surface(text, toks, 1, colon - 1), quote="direct")  # "العفو الدولية": …
    np_end = noun_phrase(lex, toks, 0)
    if np_end == colon and (verb := next((k for k in range(2, colon) if toks[k].norm[:1] in "يت" and verb_spelled(
            lex, toks[k].norm)), 0)) and speaks(lex, toks, 0, verb):
        np_end = colon = verb  # وزارة التجهيز والماء تدق ناقوس الخطر: …: the body, then what it does
    if 0 < np_end < colon and toks[np_end].norm in {"في", "امام"} and noun_phrase(lex, toks, np_end + 1) == colon and (
            toks[np_end + 1].norm in lex.places or toks[np_end].norm == "امام"):
        colon = np_end  # الموفد الفرنسي في بيروت: …، وزير الكهرباء أمام مجلس الشعب: …: where he speaks
    elif 0 < np_end < colon and toks[np_end].norm in {"في", "من"} and (
            ((where := _where_ends(lex, toks, np_end + 1, colon)) < colon and _told_medium(lex, toks, where, colon))
            or (where == colon and without_article(toks[0].norm) in lex.w.person_noun)) and (
            sources.classify(lex, [t.norm for t in toks[:np_end]]).kind in (sources.UNNAMED, sources.PERSON)):
        # مصدر في الأهلي لـ"يلا كورة": …، مدير الأسعار في «وزارة الاقتصاد» لـ«الوطن»: …: a source or a title, where
        # he serves, then the outlet he told; طبيبة في مدينة الطب: …: someone by her occupation and where she works
        np_end = where
    elif 0 < np_end < colon <= np_end + 6 and (toks[np_end].norm in lex.w.time_conjunction or (
            toks[np_end].norm == "عن")) and (toks[0].norm in lex.title_words or toks[0].norm in lex.w.person_noun or (
            has_name(lex, toks, 0, np_end))):
        # مدرب الأهلي بعد الفوز على سيراميكا: …، فلانة بعد التتويج: …: when he spoke; فلان عن تكاليف الزواج: …: what
        # he spoke about
        colon = np_end
    elif 0 < np_end < colon <= np_end + 6 and toks[np_end].norm == "في" and toks[0].norm not in lex.title_words and (
            has_name(lex, toks, 0, np_end) or any(names.skeleton(t.norm) in known for t in toks[:np_end])):
        colon = np_end  # أردوغان في ذكرى الزلزال: …: a named person, then when or where he spoke
    elif 0 < np_end < colon <= np_end + 5 and toks[np_end].norm in cues.QUOTE_MARKS and toks[
            colon - 1].norm in cues.QUOTE_MARKS and toks[0].norm in lex.title_words:
        np_end = colon  # مديرة مهرجان «تيميتار»: …: the body whose title she holds, by its quoted name
    if np_end < colon and toks[0].norm in lex.title_words:
        np_end = max(np_end, _title_reach(lex, toks, colon))
    told = np_end < colon and _told_medium(lex, toks, np_end, colon)
    if (colon < 1 or len(toks) - colon < 4 or not (np_end == colon or told)
            or len(text.split()) > _HEADLINE_WORDS):
        return None
    colon = np_end  # قرقاش لـ"سكاي نيوز عربية": … — the medium he told it is no part of his name
    mention = names.split(lex, map(NORM, toks[:colon]))
    person = ((len(mention.name) >= 2 or (len(mention.name) == 1 and not mention.title and names.skeleton(
        mention.name[0]) in known)) and _person_title(lex, mention.title) and not (is_thing(
        mention.name[0]) and not (len(mention.name) >= 2 and mention.name[0] in names.given_name_set(lex)))
        and not verb_spelled(lex, mention.name[0])) or (  # قمة ترامب وبوتين: a summit, not a person (نور
        # الشربيني: a given name a thing spells); ترامب: after the article named him; ويبقى السؤال: a verb
        colon == 1 and names.skeleton(toks[0].norm) in known) or (  # الناصر: a family name with ال the article gave
        2 <= colon <= 3 and toks[0].norm in lex.w.name_joiner and names.skeleton(toks[colon - 1].norm) in known)
    # أبي راشد:، ولد سيدي محمود: a family name opening with its joiner, the last word of a name the article gave
    # واشنطن بوست: … — a name the gazetteer holds that begins with a place is the outlet's, not the place's
    # الكرملين: …: a body the gazetteer holds, though it is a place too (looked up for a place only)
    institution = (toks[0].norm not in lex.places or (
        gazetted := mentions.name_at([t.norm for t in toks[:colon]], mentions.gazetteer_index(lex), 0))[0] > 1 or (
        gazetted == (colon, "organization"))) and is_source(lex, surface(text, toks, 0, colon))
    # الموفد الفرنسي في بيروت: …، الوزير: …: a definite title speaks (the article names its holder)
    titled = toks[0].norm.startswith("ال") and toks[0].norm in lex.title_words and not mention.name
    # مدرب الأهلي بنغازي: …، رئيس «الرمال للطاقة» لـ«عرب نيوز»: …: a title in construct with the body or team he
    # serves is as definite (the article names its holder)
    titled = titled or (colon >= 2 and toks[0].norm in lex.title_words and (
        toks[1].norm.startswith("ال") or toks[1].norm in cues.QUOTE_MARKS or toks[1].norm in lex.places
        or (toks[1].norm[:1] == "ل" and colon >= 3 and toks[2].norm in cues.QUOTE_MARKS)) and sources.classify(
        lex, [t.norm for t in toks[:colon]]).kind == sources.PERSON)
    # مواطنون لـ الراية: …، ناشطة سودانية لراديو سوا: …، مصرفي لـ«المال»: …: unnamed sources or a described person
    # who told an outlet
    told_source = told and sources.classify(lex, [t.norm for t in toks[:colon]]).kind in (sources.UNNAMED,
                                                                                        sources.PERSON)
    # موسكو: لن نسمح بتكرار الهجوم على قواتنا: a state that speaks in the first person (سوريا: مقتل 20 …: a topic)
    state = (colon <= 2 and toks[0].norm in lex.places and np_end == colon
             and any(_we_word(lex, t.norm) for t in toks[colon + 1 :]))
    # تقارير دولية: …، مندوبون: …، خبراء: …: several sources the headline does not name (أرقام: … gives figures;
    # تقرير: … is one document, whose author the article names)
    head = toks[0].norm
    several = not head.startswith("ال") and sources.several(lex, head) and head not in lex.w.figures and (
        not is_document(lex, head)) and sources.classify(lex, [t.norm for t in toks[:colon]]).kind == sources.UNNAMED
    if not (person or institution or titled or told_source or state or several):
        return None
    return Report("explicit", "", surface(text, toks, 0, colon), quote="direct")


def _title_reach(lex: Lexicons, toks: Tokens, colon: int) -> int:
    """Return where a headline's title phrase ends before its colon: through the definite words, places and quoted
    names of the body or team it serves (مدرب الأهلي بنغازي، رئيس «الرمال للطاقة»، الرئيس التنفيذي لـ"رواسي"، مدير
    "البيئة" بجازان), up to the outlet its holder told (لـ«عرب نيوز»)."""
    k = 1
    while k < colon:
        n = toks[k].norm
        if n[:1] == "ل" and _told_medium(lex, toks, k, colon):
            break
        if n == "ل" and k + 1 < colon and toks[k + 1].norm in cues.QUOTE_MARKS:
            k += 1  # لـ"رواسي": the body's quoted name after its ل
            n = toks[k].norm
        if n in cues.QUOTE_MARKS:
            close = next((m for m in range(k + 2, min(colon, k + 6)) if toks[m].norm in cues.QUOTE_MARKS), -1)
            if close < 0:
                break
            k = close + 1
        elif n.startswith("ال") or n in lex.places or (n[:1] == "ب" and n[1:] in lex.places):
            k += 1
        else:
            break
    return k


def _person_title(lex: Lexicons, title: tuple[str, ...]) -> bool:
    """Return whether the words before a headline's name are a person's title: title words, a human noun opening
    them, and the adjectives of where he is from (الكاتبة السورية فلانة: …); none at all too."""
    return all(w in lex.title_words or (k == 0 and without_article(w) in lex.w.person_noun)
               or (k > 0 and w.startswith("ال") and w.endswith(("ي", "يه"))) for k, w in enumerate(title))


def _ruling(lex: Lexicons, toks: Tokens, j: int, at: int, allowed: frozenset[str]) -> bool:
    """Return whether the verb's subject at toks[j] is a court and what it governs at toks[at] is its object, not a
    that-clause, a colon, a quotation or the verb's preposition: the court ruled (أدانت، رفضت التماسا، تدين), it did
    not speak (كشفت المحكمة عن: it did)."""
    head = without_article(without_and(toks[j].norm)) if j < len(toks) else ""
    return head in lex.w.court and at < len(toks) and not (
        toks[at].norm in lex.w.that or toks[at].norm == cues.COLON or toks[at].norm in cues.QUOTE_MARKS
        or is_complement(lex, toks[at].norm, allowed - {cues.ANY}))


def _object_first(lex: Lexicons, toks: Tokens, k: int, at: int) -> bool:
    """Return whether a noun the verb takes as its object comes at toks[k], or after asides (a comma, a number, a
    preposition's or a time's phrase), before what carries the report at toks[at]: a cue of the class object_sense
    is then the other verb it spells (وعلقت الإدارة الدراسة بناء على: suspended; خفر السواحل يعترض أكثر من 300
    مهاجر: intercepts; not وعلق الوزير ساخرا على، وعلقت الوزارة الأحد على، اعترض والد أحد الطلاب، في تصريح، على)."""
    w = lex.w
    while k < at:
        n = toks[k].norm
        if n in COMMAS or n.isdigit() or (n[:1] in "بلك" and dictionary.entry(without_article(n[1:])) is not None):
            k += 1  # لإذاعة محلية، بسخرية: a preposition's word
        elif n in w.preposition or without_article(n) in w.time_noun or (n[:2] == "ال" and n[2:] in w.weekday):
            k = max(k + 1, noun_phrase(lex, toks, k + 1))
        else:
            word = without_article(n)
            if word == n and k > 0 and not toks[k - 1].norm.startswith("ال") and not toks[k - 1].possessed and (
                    dictionary.entry(toks[k - 1].norm) is not None):
                return False  # والد أحد الشهداء: an indefinite noun's genitive, still its phrase
            if word == n and k + 1 == at:
                return False  # وعلق ضمنا على: one indefinite word right before the complement says how
            if n in names.given_name_set(lex) or word in lex.title_words or word in w.person_noun:
                return False  # a name or a title the subject's phrase goes on with (وعلق الرئيس … جمال فلان)
            entry = dictionary.entry(word) or (dictionary.entry(word[:-1]) if word.endswith("ا") else None)
            # a definite word is no manner of saying (ساخرا، قائلا: indefinite participles); أكثر من: how many
            return word in dictionary.elatives() or (entry is not None and (
                entry.kind in (dictionary.NOUN, dictionary.VERBAL_NOUN) or word != n
                or (entry.kind == dictionary.RELATIVE and word.endswith("يه"))))  # عضوية روسيا: membership
    return False


def _quoted_opening(lex: Lexicons, toks: Tokens, i: int, allowed: frozenset[str]) -> int:
    """Return where the subject of the present verb at toks[i] begins when a quoted name of one to four words ends
    right before it and opens the sentence, a clause after و, or a title's phrase (مدرب «المرابطون»); else -1. Not
    when a speaker follows the verb (allowed: its complements, which no speaker opens): then the quotation is what
    was said («الوضع صعب» يقول الوزير)."""
    if i < 3 or toks[i - 1].norm not in cues.QUOTE_MARKS:
        return -1
    k = next((m for m in range(i - 2, max(i - 6, -1), -1) if toks[m].norm in cues.QUOTE_MARKS), -1)
    if k < 0 or k + 1 == i - 1 or any(t.norm in PUNCTUATION for t in toks[k + 1 : i - 1]) or (
            i + 1 < len(toks) and not is_complement(lex, toks[i + 1].norm, allowed - {cues.ANY})
            and speaks(lex, toks, i + 1, noun_phrase(lex, toks, i + 1))):
        return -1
    if k == 0 or (k > 1 and toks[k - 1].norm == "و" and not any(
            dictionary.verb_only(without_and(t.norm)) for t in toks[: k - 1])):
        return k  # a clause after و in a sentence with no verb before it (a headline's two clauses)
    return 0 if k == 1 and toks[0].norm in lex.title_words else -1


def _where_ends(lex: Lexicons, toks: Tokens, k: int, colon: int) -> int:
    """Return where the phrase at toks[k] that says where a headline's speaker serves ends: its noun phrase, or past
    the closing quotation mark of a quoted name («وزارة الاقتصاد»)."""
    if k < colon and toks[k].norm in cues.QUOTE_MARKS:
        return next((m + 1 for m in range(k + 1, colon) if toks[m].norm in cues.QUOTE_MARKS), colon)
    end = noun_phrase(lex, toks, k)
    # في وزارة المالية لرووداو: the outlet told, in ل, is no part of where he serves
    return told if end == colon and (told := _told_at(lex, toks, k, colon)) > 0 else end


def _we_word(lex: Lexicons, word: str) -> bool:
    """Return whether a word speaks in the first person plural: a verb (لن نسمح، ونستهدف), نحن, or a noun with our
    pronoun (قواتنا، بلادنا)."""
    word = without_and(word)
    derived = word[:1] == "ن" and len(word) >= 5 and "ا" + word[1:] in dictionary.verbs() and (
        dictionary.entry(word) is None)  # نستهدف، نلتزم: the present of استهدف، التزم
    return word == "نحن" or derived or _we_verb(lex, word) or (
        len(word) >= 5 and word.endswith("نا") and dictionary.entry(word[:-2]) is not None)
