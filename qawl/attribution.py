"""Attributing every sentence of an article to its speaker: explicit, carried or none."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qawl import cues, dictionary, names, phrases, reports, sources, speech, subjects, turns
from qawl.arabic import strip_proclitics, with_pronouns, without_article
from qawl.lexicons import Lexicons
from qawl.normalize import normalize, normalize_words
from qawl.relays import is_document
from qawl.sentences import Sentence
from qawl.tokenize import Tokens, possessed, tokens

_OPENERS = ('"', "«", "“")
_CLOSERS = ('"', "»", "”")
_HEADING_WORDS = 8
_CANDIDATES = 4  # sources an unwritten subject may go back to, the last named first
_QUOTE_GAP = 3  # sentences of narration after which a quotation of its own is still the last source's


@dataclass
class Attribution:
    """The speaker columns of one sentence (speaker is resolved to a canonical name later)."""

    mention: str = ""  # the words naming the source, in this sentence or the one it is carried from
    apposition: str = ""
    cue: str = ""
    attribution: str = "none"  # explicit / carried / none
    quote: str = "none"  # direct / indirect / none
    kind: str = ""  # the source's kind (sources.KINDS), "" when nobody
    gender: str = ""  # m / f for a person whose words or verb tell, else ""
    agrees: sources.Agreement = sources.ANY_AGREEMENT  # the verb forms this source takes as an unwritten subject
    people: tuple[str, ...] = ()  # the titled people the sentence names, speaking or not (as written)
    titled: tuple[str, ...] = ()  # per person, the title set off by commas after the name (وزيرة الثقافة), or ""


def _source(lex: Lexicons, report: reports.Report) -> Attribution:
    """Return the attribution of an explicit report, with the kind, gender and agreement of its source."""
    # The same cues and sources come back sentence after sentence: each is classified once.
    kind, gender, agrees = lex.memo("explicit_source", _classify_source, bound=1 << 15)[
        report.cue, report.mention, report.apposition]
    if report.body and kind in ("", sources.UNNAMED):
        kind = sources.ORGANIZATION  # بحسب ما رصدته "العين الإخبارية": a name in quotation marks is some body's
    if report.body and kind == sources.PERSON and (_quoted_body_name(lex, report.mention) or not sources.classify(
            lex, normalize(report.mention).split()).gender):
        kind, gender = sources.ORGANIZATION, ""  # وفقا لبيانات فلان، وقالت "فيسبوك": a body, whatever its name
        # looks like (a given name is a person's; the verb's gender is a body's too)
    if report.body and normalize(report.cue) in lex.w.learned:
        kind, gender = sources.MEDIA, ""  # علمت «الأخبار» أن: the one that learned what it reports is an outlet
    apposition = report.apposition
    if report.anonymous:
        kind, gender = sources.UNNAMED, ""  # المسؤول الذي طلب عدم نشر اسمه: a source kept unnamed on purpose
        apposition = ""  # مسؤول، فضل عدم الكشف عن هويته: the clause that withholds his name is none (فضل)
    return Attribution(report.mention, apposition, report.cue, "explicit", report.quote, kind, gender, agrees)


def _quoted_body_name(lex: Lexicons, mention: str) -> bool:
    """Return whether a mention opens with a name in quotation marks that is no given name («ميرسك» الدنماركية): a
    body's name, its adjective's gender a body's too."""
    words = normalize("".join(c for c in mention if c not in cues.QUOTE_MARKS)).split()
    return mention[:1] in _OPENERS and bool(words) and words[0] not in names.given_name_set(lex)


def _classify_source(lex: Lexicons, key: tuple[str, str, str]) -> tuple[str, str, sources.Agreement]:
    """Return the kind, gender and agreement of the source of a (cue, mention, apposition) as written."""
    cue, mention, apposition = key
    form = cues.of(lex).forms.get(normalize(cue)) if cue else None
    cue_gender = form.gender if form is not None and form.number == "sg" else ""
    words = normalize(mention).split()
    # وقال شقيقه، وقال محاميه: one of his people, not the sister or the woman lawyer its letters also spell
    kin = len(words) == 1 and possessed(mention) and bool(sources.possessor_kind(lex, words[0]))
    source = sources.classify(lex, words, cue_gender, possessed=kin)
    if source.kind != sources.PERSON and apposition:
        named = sources.classify(lex, normalize(apposition).split(), cue_gender)
        # رئيسة الوزراء، تريزا ماي; not حزب مستقبل وطن، صاحب الأغلبية: a body's description, no one's name, nor
        # مصدر في نادي السيب، متصدر الدوري: the club's, a name no name list anchors
        name = names.split(lex, normalize(apposition).split()).name
        source = named if named.kind == sources.PERSON and (
            source.kind not in sources.BODIES or name) and (
            not (without_article(words[0]) in lex.w.anonymous or sources.unnamed_head(lex, words[0]))
            or names.anchored(lex, name)) else source
    elif source.kind == sources.PERSON and apposition and not cue_gender and not names.split(lex, words).name and (
            named := sources.classify(lex, normalize(apposition).split())).kind == sources.PERSON and named.gender:
        source = named  # وبحسب أستاذ المالية لطيفة فلان: no verb agrees, a woman's name outweighs a masculine title
    # Something the sentence says spoke, but its words tell no kind (a quoted or foreign name of a body, a bare
    # family name): its verbs agree as an unnamed source's, its kind is left to the article's other mentions of it.
    agrees = sources.agreement(lex, words, source if source.kind else sources.Source(sources.UNNAMED), cue_gender)
    return source.kind, source.gender, agrees


def _carried(lex: Lexicons, report: reports.Report, candidates: list[Attribution]) -> Attribution | None:
    """Return the source an unwritten subject takes: the most recent one whose verb forms the cue agrees with
    (وأضافت → a woman, a body named with قالت, things), or None when none agrees."""
    form = cues.of(lex).forms.get(normalize(report.cue)) if report.cue and not report.same else None
    if report.document:  # وأضاف البيان: the verb agrees with the document; its author is the last body named
        form = None
        candidates = [c for c in candidates if c is not None and c.kind != sources.PERSON]
        if not candidates:  # no body named: the letter or report the article relays is itself the source
            return Attribution(report.document, "", report.cue, "explicit", report.quote, sources.UNNAMED, "",
                               _document_agrees(lex, report.document))
    for source in reversed(candidates):
        if form is None or form.number == "du" or (form.gender, form.number) in source.agrees:
            gender = source.gender or (form.gender if form is not None and source.kind == sources.PERSON
                                       and form.number == "sg" else "")
            return Attribution(source.mention, source.apposition, report.cue, "carried", report.quote, source.kind,
                               gender, source.agrees)
    return None


def _document_agrees(lex: Lexicons, document: str) -> sources.Agreement:
    """Return the verb forms a document takes as a subject (البيان: أضاف، الرسالة: أضافت)."""
    words = normalize(document).split()
    head = without_article(words[0])
    if "ال" + head in lex.w.document:  # وبين التقرير … وأوضح: one document, its verbs in its gender
        return frozenset({("f" if head.endswith("ه") else "m", "sg")})
    return sources.agreement(lex, words, sources.Source(sources.UNNAMED), "f" if words[0].endswith("ه") else "m")


def _document_author(sentences: list[Sentence], out: list[Attribution], document: str,
                     agrees: sources.Agreement, *, forward: bool = False) -> Attribution | None:
    """Return the source of the sentence that last mentioned the document a report's subject refers back to (في
    خطاب … قالت فلانة … وذكر الخطاب → فلانة), or None when the sentence that mentioned it has no source. The verbs
    after it agree with the document (agrees), as in وأضاف الخطاب … وأضاف. forward: the first sentence after
    sentences[0] that mentions it (a headline's: دراسة: …)."""
    noun = without_article(normalize(document).split()[0])
    forms = {noun, *with_pronouns(noun)}  # رساله → رسالتها
    for k in range(1, len(out)) if forward else range(len(out) - 1, -1, -1):
        words = normalize(sentences[k].text).split()
        if any(without_article(strip_proclitics(w, lambda x: without_article(x) in forms)[1]) in forms
               for w in words):
            found = out[k]
            if found.attribution == "none" or not found.mention:
                return None
            return Attribution(found.mention, found.apposition, "", "carried", "", found.kind, found.gender,
                               agrees)
    return None


def _closes_quote(text: str) -> bool:
    """Return whether a sentence ends a quotation it does not open (عرفت في الحال … فوقنا".): the words of the
    speaker before, run on from a quotation the writer closed too early or never opened."""
    body = text.rstrip().rstrip(".،,!؟?").rstrip()
    return (body.endswith('"') and text.count('"') == 1) or (body.endswith(("»", "”")) and not any(
        opener in text for opener in ("«", "“")))


def _quoted_heading(text: str) -> bool:
    """Return whether a sentence is only a few quoted words with no full stop: a subheading ("وجوب محاسبة
    المسؤولين"), not the quotation of the speaker before running on (which ends its sentence)."""
    text = text.strip()
    closed = text[-1:] in _CLOSERS or (  # "عدد قياسي" من الصحفيين خلف القضبان: a quoted phrase heads it
        any(closer in text[1:] for closer in _CLOSERS) and text[-1:] not in ".!?؟،,:")
    return len(text.split()) <= _HEADING_WORDS and closed and not any(mark in text[1:-1] for mark in ".!?؟")


def _quoted_paragraph(text: str) -> bool:
    """Return whether a sentence is a quotation of its own, opened at its start and closed at its end, long enough to
    be someone's words rather than a subheading."""
    text = text.strip()
    body = text.rstrip(".").rstrip()
    return (text.startswith(_OPENERS) and body.endswith(_CLOSERS) and len(text.split()) > _HEADING_WORDS
            and not any(closer in body[1:-1] for closer in _CLOSERS))


def _unclosed_quote(text: str, spans: list[tuple[int, int]] | None = None) -> bool:
    spans = reports.quote_spans(text) if spans is None else spans
    return bool(spans) and spans[-1][1] == len(text) and text.rstrip()[-1:] not in _CLOSERS


def _actor(lex: Lexicons, text: str, toks: Tokens | None) -> Attribution | None:
    """Return the person who is the subject of a sentence of narration that opens with its verb (ورفع المحامي، فلان،
    دعوى قضائية): the doer an unwritten subject right after it most likely goes on with, or None (toks: the
    sentence's tokens, when the caller has them)."""
    toks = tokens(text) if toks is None else toks
    first = subjects.after_dateline(lex, toks)  # عمّان- لم تعد أم خالد قادرة: after the dateline, a negation (a
    # verb follows it, whatever its mood's spelling), maybe after a phrase of place or time (وفي مخيم للنازحين، وقفت)
    first = subjects.fronted_phrase_end(lex, toks, first, len(toks))
    if first >= len(toks) or not (toks[first].norm in subjects.NEGATION
                                  or subjects.without_and(toks[first].norm) in dictionary.verbs()):
        return None
    a, b, app_a, app_b = subjects.main_subject(lex, toks, len(toks), fronted=True)
    if b <= a:
        return None
    words = [t.norm for t in toks[a:b]]
    head = sources.stem(lex, words[0])
    titled = head in lex.title_words or without_article(head) in lex.w.person_noun
    if sources.classify(lex, words).kind != sources.PERSON or not (
            titled or names.anchored(lex, names.split(lex, words).name)):
        return None  # وأظهرت أعداد …: no one the article names or titles
    actor = _person(lex, reports.surface(text, toks, a, b))
    actor.apposition = reports.surface(text, toks, app_a, app_b)
    return actor


def _own_subject(lex: Lexicons, text: str, toks: Tokens, report: reports.Report) -> Attribution | None:
    """Return the source that is the subject of the verb opening a sentence whose cue, later in it, has no subject of
    its own (وفرضت واشنطن عقوبات على مصارف، قالت إنها متورطة; واعتقلت الشرطة ثلاثة أشخاص قالت إنهم): the one who acted
    says what the clause after reports, else None."""
    if report.kind != "implicit" or report.document or not report.cue:
        return None
    cue = normalize(report.cue)
    at = next((k for k in range(1, len(toks)) if toks[k].norm == cue), -1)
    if at < 0 or not any(t.norm in lex.w.that or t.norm == cues.COLON or t.norm in cues.QUOTE_MARKS
                         for t in toks[at + 1 : at + 4]):
        return None  # عبر تقديمه للخدمات، تقدم نفسها ممثلة: no clause of what was said
    first = subjects.after_dateline(lex, toks)
    if first >= at or toks[first].norm in cues.of(lex).verbs:
        return None
    a, b, app_a, app_b = subjects.main_subject(lex, toks, at)
    if not a < b < at or not (first < a <= first + 3) or any(t.norm in lex.w.clause_opener for t in toks[b:at]):
        return None  # ولم تعلق السلطات …، لكن مصدرا قال: a clause of its own, whose subject is someone else
    source = _source(lex, reports.Report("explicit", report.cue, reports.surface(text, toks, a, b),
                                         reports.surface(text, toks, app_a, app_b)))
    return source if source.kind in sources.BODIES else None  # a person acting is _actor's


def _person(lex: Lexicons, mention: str) -> Attribution:
    """Return a titled person the article mentions (اللواء فلان) as a source an unwritten subject may take."""
    words = normalize(mention).split()
    source = sources.classify(lex, words)
    if source.kind != sources.PERSON:
        source = sources.Source(sources.PERSON, source.gender)
    return Attribution(mention, kind=source.kind, gender=source.gender, agrees=sources.agreement(lex, words, source))


def _family_names(lex: Lexicons, people: list[str]) -> list[str]:
    """Return the skeletons of the last words of the names of people mentioned (الرئيس فلاديمير بوتن → بتن)."""
    out = []
    for person in people:
        name = names.split(lex, normalize_words(person.split())).name
        if name:
            out.append(names.skeleton(name[-1]))
    return out


def attribute(lex: Lexicons, sentences: list[Sentence], keyed: list[bool] | None = None,
              toks: list[Tokens] | None = None) -> list[Attribution]:
    """Return one attribution per sentence of one article, carrying implicit subjects and quotations.

    An implicit subject (وأضاف أن) takes the last named source; before any, the last titled person the
    article mentioned (برئاسة اللواء فلان ... وأكد أن). A sentence opening with من جانبه / بدوره hands
    the turn to the person it names. A quotation that runs on takes the speaker of the sentence before.
    keyed: per sentence, False when it holds no word of turns.key_words() (its words are not looked at). toks: the
    tokens of each sentence, when the caller has cut them already.
    """
    out: list[Attribution] = []
    named: list[Attribution] = []  # the sources named so far, the last one last
    salient: Attribution | None = None  # the last titled person mentioned, speaking or not
    previous: Attribution | None = None  # the attribution of the previous story sentence
    previous_at = -1  # and its position
    open_quote = False
    spoke = 0  # how many sentences had been read when a source last spoke
    known: set[str] = set()  # the family names of the people mentioned so far (their skeletons)
    for sentence in sentences:
        if sentence.boilerplate:
            out.append(Attribution())
            continue
        text = sentence.text
        report, people, taker, spans = None, [], "", None
        titled: list[str] = []  # per person of people, the title after the name, or ""
        in_commas: list[str] = []  # الرئيس السوري، بشار الأسد،: family names too
        if keyed is None or keyed[len(out)]:
            cut = tokens(text) if toks is None else toks[len(out)]
            spans = reports.quote_spans(text)  # find's, and whether a quotation runs on
            report = speech.find(lex, text, cut, known, spans)
            people = turns.people(lex, text, cut, in_commas, titled)
            known.update(_family_names(lex, people + in_commas))
            taker = turns.turn_taker(lex, text, cut) if not report else ""
        result = Attribution()
        own: Attribution | None = None  # the subject of the verb that opens the sentence, when an unwritten one follows
        if report and report.document and (author := _document_author(
                sentences, out, report.document, _document_agrees(lex, report.document))):
            # the letter a sentence before spoke of, the figures it named (وأوضحت البيانات أن): the source of that
            # sentence wrote or issued them
            result = author
            result.cue, result.quote = report.cue, report.quote
            named.append(result)
        elif report and report.kind == "explicit":
            result = _source(lex, report)
            if result.kind == sources.PERSON and not result.apposition and (
                    holder := _holder_set_off(lex, text, cut, report.mention)):
                # من جهته، أوضح رئيس البعثة، البروفيسور فلان، أن: the title's holder, set off by a comma after it
                result = _source(lex, replace(report, apposition=holder))
            named.append(result)
            if result.kind == sources.PERSON:  # دافع عبد اللطيف وهبي: a family name the article gave, with no title
                known.update(_family_names(lex, [result.mention, result.apposition]))  # أستاذ المالية، لطيفة فلان
            if report.relayer:  # the outlet that relays the source speaks on in the sentences after
                named.append(_source(lex, reports.Report("explicit", report.cue, report.relayer)))
                people, titled = [*people, report.relayer], [*titled, ""]
        elif report and (named or salient or report.document or (
                report.kind == "implicit" and previous is not None and previous.attribution == "none") or (
                own := _own_subject(lex, text, cut, report)) is not None):
            # عمّان- لم تعد أم خالد قادرة … وتقول: the first source may be the one the narration just told of
            candidates = named[-_CANDIDATES:] if named else [salient] if salient else []
            if own is not None or (own := _own_subject(lex, text, cut, report)) is not None:
                # وفرضت واشنطن عقوبات على مصارف، قالت إنها: the sentence's own subject, tried first (the condition
                # above asks for it only when no source came before)
                candidates = [*candidates, own]
            actor = None
            if report.kind == "implicit" and previous is not None and previous.attribution == "none" and (
                    actor := _actor(lex, sentences[previous_at].text, None if toks is None else toks[previous_at])):
                candidates = [*candidates, actor]  # ورفع المحامي فلان دعوى … وطالب أيضا: the one who just acted
            result = _carried(lex, report, candidates) or Attribution()
            if result.attribution == "explicit":
                named.append(result)  # a document that speaks for itself: what follows may carry it
            elif actor is not None and result.mention == actor.mention:
                named.append(actor)  # … وتقول …، وأضافت: once she speaks, what follows may carry her
        elif previous is not None and previous.attribution != "none" and (
                open_quote or (text.startswith(_OPENERS) and not _quoted_heading(text)) or _closes_quote(text)):
            result = Attribution(previous.mention, previous.apposition, "", "carried", "direct", previous.kind,
                                 previous.gender, previous.agrees)
        elif named and len(out) - spoke <= _QUOTE_GAP and _quoted_paragraph(text):
            # "كنت أبدأ تدريباتي …". after a sentence or two about her: the words of the source the article quotes
            last = named[-1]
            result = Attribution(last.mention, last.apposition, "", "carried", "direct", last.kind, last.gender,
                                 last.agrees)
        if people:
            salient = _person(lex, people[-1])
            result.people, result.titled = tuple(people), tuple(titled)
        if taker:
            named.append(_person(lex, taker))
        open_quote = (_unclosed_quote(text, spans) and not _closes_quote(text)
                      if result.attribution != "none" or open_quote else False)
        if open_quote and result.attribution != "none" and result.quote == "indirect":
            result.quote = "direct"
        out.append(result)
        previous, previous_at = result, len(out) - 1
        if result.attribution != "none":
            spoke = len(out)
    first = next((k for k, sentence in enumerate(sentences) if not sentence.boilerplate), -1)
    for k, sentence in enumerate(sentences) if known else ():
        if out[k].attribution != "none" or sentence.boilerplate or (k != first and ":" not in sentence.text[:40]):
            continue
        # ترامب: "…"، وهبي يدافع عن …: a headline's one-word name is a source once the article has named him, which
        # its body does after the headline; so is a subheading's (ليبرمان: تدمير المفاعل درس للمنطقة), the paragraphs
        # after it naming him
        cut = tokens(sentence.text) if toks is None else toks[k]
        if k != first and speech.headline_colon(cut) != 1:
            continue
        report = speech.find(lex, sentence.text, cut, known)
        if report is not None and report.kind == "explicit":
            out[k] = _keeping_people(out[k], _source(lex, report))
    if first >= 0 and out[first].attribution == "none" and (short := _quoted_short_name(sentences[first].text)) and (
            body := _body_of_short_name(short, out[first + 1 :], sentences[first + 1 :])):
        # «الصحة»: تطعيم 11 مليون طفل …: a body's short name in quotation marks before a headline's colon, which the
        # article then names in full (وزارة الصحة، الهيئة العامة للإحصاء)
        out[first] = _keeping_people(out[first], replace(body, cue="", attribution="explicit", quote="direct"))
    elif first >= 0 and out[first].attribution == "explicit" and (short := _short_body_name(
            lex, out[first].mention)) and (
            body := _body_of_short_name(short, out[first + 1 :], sentences[first + 1 :])):
        # الموارد المائية تعلن خطة …: a headline's subject that is the short name of a body the article names in full
        out[first] = _keeping_people(out[first], replace(body, cue=out[first].cue, quote=out[first].quote))
    elif first >= 0 and _one_unnamed(lex, out[first]) and (
            outlet := speech.told_outlet(lex, tokens(sentences[first].text) if toks is None else toks[first])) and (
            teller := _teller(outlet, sentences, out, first, toks)):
        # نائب لـ(بغداد اليوم): … وقال الياسري في حديث لـ(بغداد اليوم): a headline's unnamed source (one, not
        # عقاريون or مصادر) or nameless title (عميد بلدية غات) is the person the body quotes speaking to that outlet
        out[first] = _keeping_people(out[first], replace(teller, cue=out[first].cue, attribution="explicit",
                                                         quote=out[first].quote))
    elif first >= 0 and (out[first].attribution == "none" or sentences[first].text.lstrip()[:1] in _OPENERS) and (
            short := _acting_short_name(lex, tokens(sentences[first].text) if toks is None else toks[first])) and (
            body := _body_of_short_name(short, out[first + 1 :], sentences[first + 1 :])):
        # "الصحة" تنفي …، الكهرباء تكشف …: a headline's body by its domain word, reporting what the article then
        # tells it said; a quoted opening is the subject whatever follows the verb («الوطنية للنفط» تعلن حالة …)
        out[first] = _keeping_people(out[first], replace(body, cue="", attribution="explicit"))
    elif first >= 0 and out[first].attribution == "none" and (document := _headline_document(
            lex, sentences[first].text, toks[first] if toks is not None else tokens(sentences[first].text))):
        # دراسة: …، تقرير: …: the study or report the headline gives is its author's whom the article then names
        # (أظهرت دراسة أجرتها جامعة …، كشف تقرير حديث لرئاسة النيابة العامة), else an unnamed source of its own
        author = _document_author(sentences[first:], out[first:], document, _document_agrees(lex, document),
                                  forward=True)
        out[first] = _keeping_people(out[first], replace(author, cue="", attribution="explicit", quote="direct") if (
            author is not None) else _source(lex, reports.Report("explicit", "", document, quote="direct")))
    return out


def _headline_document(lex: Lexicons, text: str, toks: Tokens) -> str:
    """Return the document or study a headline opens with before its colon (دراسة: …، تقرير: …، وثيقة مسربة: …), as
    written, or ""."""
    colon = speech.headline_colon(toks)
    if not 0 < colon <= 2 or toks[0].norm.startswith("ال") or not is_document(lex, toks[0].norm):
        return ""
    return reports.surface(text, toks, 0, colon)


def _holder_set_off(lex: Lexicons, text: str, toks: Tokens, mention: str) -> str:
    """Return the name a comma sets off right after a sentence's subject, a bare title, and what completes the title
    (رئيسة بعثة الصندوق إلى الأردن، فلانة،; الناطق باسم الحكومة، وزير الثقافة، فلان،; …، البروفيسور فلان،), or "":
    the title's holder."""
    words = normalize(mention).split()
    if names.split(lex, words).name or (end := text.find(mention)) < 0:
        return ""
    end += len(mention)
    j = next((k for k in range(len(toks)) if toks.starts[k] >= end), len(toks))
    if j < len(toks) and not (toks[j].norm in phrases.COMMAS or toks[j].norm in lex.w.preposition or toks[
            j].norm in lex.w.phrase_preposition or (toks[j].norm[:1] in "بل" and toks[j].norm[1:2] != "ي")):
        return ""  # ورفض الوزير التعليق …، مكتفيا: what he did, not what completes his title
    for k in range(j, min(len(toks), j + _HOLDER_GAP)):
        t = toks[k]
        if t.norm in phrases.COMMAS:
            start, close = phrases.apposition(lex, toks, k)
            if start < close and phrases.has_name(lex, toks, start, close):
                return reports.surface(text, toks, start, close)
        elif (t.norm in lex.w.that or (t.norm in cues.QUOTE_MARKS and not (  # بنك "ناتيكسيس": a quoted name
                (k + 2 < len(toks) and toks[k + 2].norm in cues.QUOTE_MARKS) or toks[k - 2].norm in cues.QUOTE_MARKS))
              or t.norm == cues.COLON
              or t.norm in lex.w.clause_opener or t.possessed or dictionary.verb_only(t.norm)):
            break
    return ""


_HOLDER_GAP = 12  # tokens between a title and its holder's name: what completes the title, a second title, commas


def _keeping_people(old: Attribution, new: Attribution) -> Attribution:
    """Return new with the people old's sentence names (and their titles): a headline's source found again."""
    return replace(new, people=old.people, titled=old.titled)


def _acting_short_name(lex: Lexicons, toks: Tokens) -> list[str]:
    """Return the normalized words of the one or two definite words (maybe in quotation marks) that open a headline
    before the present of a cue and what it governs (الكهرباء تكشف سبب …، «الصحة» تنفي، الأرصاد تحذر من), or []."""
    words = [t.norm for t in toks[:8]]
    if words and words[0] in cues.QUOTE_MARKS:
        close = next((k for k in range(1, min(len(words), 4)) if words[k] in cues.QUOTE_MARKS), -1)
        if close < 2:
            return []
        short, at = words[1:close], close + 1
    else:
        short = words[:2] if len(words) > 2 and words[1].startswith("ال") else words[:1]
        at = len(short)
    if at + 1 >= len(words) or not _short_body_name(lex, " ".join(short)):
        return []
    form = cues.of(lex).forms.get(words[at])
    if (form is None or not form.present) and words[at][:1] in "يت" and subjects.verb_spelled(lex, words[at]):
        # المركزي التركي يبقي الفائدة … ويتعهد بمواصلة التشديد: what the body does, then what it says
        forms = cues.of(lex).forms
        at = next((k for k in range(at + 1, len(toks) - 1) if toks[k].norm[:1] == "و" and (
            (form := forms.get(toks[k].norm)) is not None and form.present)), -1)
        if at < 0:
            return []
        words = [t.norm for t in toks]  # the cue may lie past the first eight words
    if form is None or not form.present:
        return []
    # what follows the verb is what it reports (تكشف سبب، تحذر من، : …), not what it acts on (يقر قانون: a cue of ب)
    allowed = cues.of(lex).complements(form.stem)
    then = words[at + 1]
    return short if cues.ANY in allowed or then == cues.COLON or reports.is_complement(lex, then, allowed) else []


def _short_body_name(lex: Lexicons, mention: str) -> list[str]:
    """Return the normalized words of a mention made of one to three definite words, none a title (الموارد المائية،
    المالية الاتحادية), which may be the short name of a body; else []."""
    words = normalize(mention).split()
    return words if 0 < len(words) <= _SHORT_NAME_WORDS and words[0].startswith("ال") and all(
        (w.startswith("ال") or w.startswith("لل")) and w not in lex.title_words for w in words) else []  # الوطنية للنفط


_SHORT_NAME_WORDS = 3
_TOLD = re.compile(r"\s+لـ\s*\S.*$")


_BRACKETED = "«»\"“”()،,:."  # the marks around a body's short name after its full one, and a comma after them


def _quoted_short_name(text: str) -> list[str]:
    """Return the normalized words of a headline's opening name before a colon, in quotation marks («الصحة»: …) or one
    definite word (التخطيط: …), or []."""
    head, colon, rest = text.partition(":")
    head = head.strip()
    if not colon or not rest.strip():
        return []
    if head[:1] in _OPENERS and head[-1:] in _CLOSERS:
        words = normalize(head[1:-1]).split()
        return words if 0 < len(words) <= _SHORT_NAME_WORDS else []
    head = _TOLD.sub("", head)  # المياه لـ عمون: the outlet the body told
    words = normalize(head).split()  # التخطيط: انخفاض نسبة الفقر، المالية الاتحادية: definite words, no quotation marks
    return words if 0 < len(words) <= 2 and all(w.startswith("ال") for w in words) else []


def _one_unnamed(lex: Lexicons, a: Attribution) -> bool:
    """Return whether an explicit source is one unnamed source (نائب، not عقاريون or مصادر) or a title with no given
    name and no apposition (عميد بلدية غات، مصرفي): someone the article may name later."""
    words = normalize(a.mention).split()
    return a.attribution == "explicit" and bool(words) and not sources.several(lex, words[0]) and (
        a.kind == sources.UNNAMED or (a.kind == sources.PERSON and not a.apposition
                                      and names.given_name_set(lex).isdisjoint(words)))


def _teller(outlet: list[str], sentences: list[Sentence], out: list[Attribution], first: int,
            toks: list[Tokens] | None) -> Attribution | None:
    """Return the first source after sentence `first` whose sentence names the outlet after its opening words (في
    حديث لـ«الوطن»، في حديث خصت به «الوطن»: not a dateline, الوطن - بيروت) when it is a person, else None (قال
    مسؤول لـ«الوطن»: the headline's source stays unnamed)."""
    n = len(outlet)
    for k in range(first + 1, len(out)):
        if out[k].attribution != "explicit":
            continue
        words = [t.norm for t in (tokens(sentences[k].text) if toks is None else toks[k])]
        if any(words[at + 1 : at + n] == outlet[1:] and words[at] in (outlet[0], "ل" + outlet[0]) and (
                at + n == len(words) or words[at + n] not in {"-", "–", cues.COLON})
               for at in range(3, len(words) - n + 1)):
            return out[k] if out[k].kind == sources.PERSON else None
    return None


def _body_of_short_name(short: list[str], later: list[Attribution], texts: list[Sentence]) -> Attribution | None:
    """Return the first later explicit source whose name holds the short name's words (الصحة in وزارة الصحة
    والسكان، الإحصاء in الهيئة العامة للإحصاء) or is followed by it in quotation marks or brackets (هيئة الرقابة
    ومكافحة الفساد «نزاهة»), or None; texts: the later sentences."""
    for attribution, sentence in zip(later, texts, strict=True):
        if attribution.attribution != "explicit" or attribution.kind not in sources.BODIES:
            continue
        words = normalize(attribution.mention).split()
        if len(words) > len(short) and all(w in words or ("ل" + w[1:] if w.startswith("ال") else "") in words
                                           for w in short):
            return attribution
        written = normalize(sentence.text).split()
        at = next((k for k in range(len(written) - len(words)) if written[k : k + len(words)] == words), -1)
        if at >= 0 and [w.strip(_BRACKETED) for w in written[at + len(words) : at + len(words) + len(short)]] == short:
            return attribution
    return None
