"""Finding the report in one sentence: its cue, its speaker noun phrase, direct or indirect."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qawl import cues
from qawl.normalize import normalize

_TOKEN = re.compile(
    r"[0-9\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3A-Za-z\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+"
    r"|[^\s\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
)
PUNCTUATION = frozenset("،,:؛;.!?؟()[]{}\"«»“”'…/|")
# Words that end a speaker noun phrase: prepositions of place and time, that-clauses, adverbs.
_STOP = cues.THAT | frozenset({
    "في", "خلال", "عن", "علي", "الي", "امام", "مع", "بعد", "قبل", "عبر", "منذ", "عند", "حيث", "امس", "اليوم",
    "الليله", "صباح", "مساء", "يوم", "اثناء", "لدي", "وفقا", "بحسب", "حسب", "ايضا", "كذلك", "اذ", "ان",
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "صباحا", "حين", "بينما", "لكن",
    "ولكن", "غير", "كما", "وهو", "وهي", "الذي", "التي", "الذين", "اللذين", "اللتين", "فيه", "فيها", "امامه",
    "بيان", "ببيان", "تصريح", "تصريحات", "بتصريح", "كلمه", "بكلمه", "مؤتمر", "لقاء", "حديث", "مقابله", "اتصال",
    "نقلا", "مضيفا", "بعدما", "عقب", "الان", "ولا", "لا", "لم", "لن", "قد", "لقد", "هنا", "هناك", "اليه", "عليه",
    "بشان", "حول", "تجاه", "ضد", "دون", "بدون", "فيما", "ما", "اما",
})
# Objects that may stand between a cue and its subject: وقال لي دارين، وقال له الوزير.
_OBJECTS = frozenset({"لي", "له", "لها", "لنا", "لهم", "لهما", "لكم", "لك", "ايضا", "كذلك", "بدوره", "بدورها"})
# "for a news outlet" after a subject: وقال الوزير لوكالة الأنباء.
_MEDIA = re.compile(r"^(?:ل|ل?ل)(?:وكاله|صحيفه|قناه|تلفزيون|شبكه|بي|اذاعه|موقع|مراسل|رويترز|الصحفيين|الصحافيين|"
                    r"الصحفيين|للصحفيين|وسائل|لوسائل|فرانس|اسوشيتد|سي|الصحافه|الاعلام|التلفزيون|الوكاله)")
_PERSONAL_PRONOUN = frozenset({"انا", "نحن", "انت", "انتم", "هو", "هي", "هم"})
_MAX_NP = 14
_COMPLEMENT_WINDOW = 30
_DIRECT_MIN_WORDS = 4


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark: its normalized form and character span in the sentence."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Report:
    """What one sentence says about its speaker: explicit noun phrase, implicit, or by quotation."""

    kind: str  # "explicit" (a noun phrase names the source) or "implicit" (the last named source)
    cue: str  # the reporting word as written
    mention: str = ""  # the speaker noun phrase as written ("" when implicit)
    apposition: str = ""  # a title or name in apposition (كوساشيف، رئيس لجنة ...)
    quote: str = "indirect"  # "direct" when the report is a quotation


def tokens(text: str) -> list[Token]:
    """Return the words and punctuation marks of text with their normalized forms."""
    return [Token(normalize(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) character offsets of the quotations in text, an unclosed one to its end."""
    spans, opener, start = [], "", -1
    pairs = {"«": "»", "“": "”", '"': '"'}
    for i, ch in enumerate(text):
        if not opener and ch in pairs:
            opener, start = ch, i
        elif opener and ch == pairs[opener]:
            spans.append((start, i))
            opener = ""
    if opener:
        spans.append((start, len(text)))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in spans)


def _is_stop(tok: Token) -> bool:
    n = tok.norm
    return (
        n in PUNCTUATION and n not in "-–"
        or n in _STOP
        or n in cues.VERBS
        or n in cues.PARTICIPLES
        or n in cues.ACCORDING_TO
        or bool(_MEDIA.match(n))
    )


def _noun_phrase(toks: list[Token], i: int) -> int:
    """Return the end index of the noun phrase starting at toks[i] (i itself when there is none)."""
    j = i
    while j < len(toks) and j - i < _MAX_NP and not _is_stop(toks[j]):
        j += 1
    while j > i and toks[j - 1].norm in "-–":
        j -= 1
    return j


def _complement(toks: list[Token], j: int, stem: str) -> Token | None:
    """Return the token after position j that carries the report of cue stem, or None."""
    allowed = cues.complements(stem)
    for tok in toks[j : j + _COMPLEMENT_WINDOW]:
        n = tok.norm
        if n in cues.THAT or n == cues.COLON or n in cues.QUOTE_MARKS:
            return tok
        if n in allowed or ("ب" in allowed and n.startswith("ب") and len(n) > 3):
            return tok
        if n in {".", "؟", "?", "!"}:
            break
    if cues.ANY in allowed and j < len(toks) and toks[j].norm not in PUNCTUATION:
        return toks[j]
    return None


def _quote_kind(text: str, after: int, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        if b > after and len(text[max(a, after) : b].split()) >= _DIRECT_MIN_WORDS:
            return "direct"
    colon = text.find(":", after)
    if colon >= 0 and any(a >= colon for a, _ in spans):
        return "direct"
    return "indirect"


_CLOSERS = frozenset({"،", ",", ":"}) | cues.THAT
_PHRASE_PREPOSITIONS = frozenset({"في", "ب", "لدي", "عن"})


def _through_phrase(toks: list[Token], k: int) -> int:
    """Return k moved over a short prepositional phrase that closes at a comma (في الكرملين،)."""
    if k < len(toks) and toks[k].norm in _PHRASE_PREPOSITIONS:
        m = _noun_phrase(toks, k + 1)
        if m > k + 1 and m - k <= 6 and m < len(toks) and toks[m].norm in _CLOSERS:
            return m
    return k


def _apposition(toks: list[Token], j: int) -> tuple[int, int]:
    """Return the span of a noun phrase set off by commas right after position j (j, j when none)."""
    if j < len(toks) and toks[j].norm in {"،", ","}:
        k = _through_phrase(toks, _noun_phrase(toks, j + 1))
        if k > j + 1 and (k >= len(toks) or toks[k].norm in _CLOSERS):
            return j + 1, k
    return j, j


def _surface(text: str, toks: list[Token], a: int, b: int) -> str:
    return text[toks[a].start : toks[b - 1].end] if b > a else ""


# A cue after these is a relative or comparative clause (كما قال، الذين دعوا), not the report.
_RELATIVE = frozenset({"ما", "مما", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "من", "لما"})


def _passive(text: str, tok: Token) -> bool:
    """Return whether a vocalized verb is passive (دُعوا، قِيل): a damma or kasra on its first letter."""
    word = text[tok.start : tok.end]
    first = 1 if word[:1] in {"و", "ف"} and len(word) > 3 and word[1] not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651" else 0
    return word[first + 1 : first + 2] in {"\u064f", "\u0650"} if len(word) > first + 1 else False


def _verb_report(text: str, toks: list[Token], i: int, spans: list[tuple[int, int]]) -> Report | None:
    tok = toks[i]
    stem = cues.VERBS[tok.norm]
    if tok.norm in cues.IMPERSONAL or _passive(text, tok) or (i > 0 and toks[i - 1].norm in _RELATIVE):
        return None
    if i > 1 and toks[i - 1].norm == "كما" and toks[i - 2].norm not in PUNCTUATION:
        return None
    j = i + 1
    while j < len(toks) and toks[j].norm in _OBJECTS:
        j += 1
    if j < len(toks) and toks[j].norm in cues.PRONOUN_SUBJECTS:
        j += 1
        end = j
    else:
        end = _through_phrase(toks, _noun_phrase(toks, j))
    app_a, app_b = _apposition(toks, end)
    comp = _complement(toks, max(end, app_b), stem if end > j or stem else stem)
    if comp is None:
        return None
    ambiguous = tok.norm in cues.AMBIGUOUS
    if ambiguous and not (comp.norm in cues.THAT or comp.norm == cues.COLON or comp.norm in cues.QUOTE_MARKS):
        return None
    quote = _quote_kind(text, comp.start, spans)
    cue = text[tok.start : tok.end]
    if end == j or toks[j].norm in _PERSONAL_PRONOUN:
        before = _subject_before(toks, i)
        if before:
            a, b = before
            return Report("explicit", cue, _surface(text, toks, a, b), quote=quote)
        return Report("implicit", cue, quote=quote)
    return Report("explicit", cue, _surface(text, toks, j, end), _surface(text, toks, app_a, app_b), quote)


def _subject_before(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Return the span of a subject written before its verb (الشرطة الهندية تقول إن), or None."""
    start = i
    while start > 0 and toks[start - 1].norm not in PUNCTUATION:
        start -= 1
    if start == i or i - start > 8:
        return None
    first = toks[start].norm
    first = first[1:] if first[:1] in {"و", "ف"} and first[1:].startswith("ال") else first
    if not first.startswith("ال"):
        return None
    end = _noun_phrase(toks, start)
    return (start, end) if start < end <= i else None


def _according_to(text: str, toks: list[Token], i: int) -> Report | None:
    """Return the source of بحسب / وفقا لـ / نقلا عن / حسب, or None (بحسب ما قال → the verb decides)."""
    j = i + 1
    if j < len(toks) and toks[j].norm in {"ل", "عن", "لما"}:
        j += 1
    if j < len(toks) and toks[j].norm in {"ما", "لما"}:
        return None
    end = _noun_phrase(toks, j)
    if end == j:
        return None
    return Report("explicit", text[toks[i].start : toks[i].end], _surface(text, toks, j, end))


def _relay(text: str, toks: list[Token], i: int) -> Report | None:
    """Return the source quoted by نقلت X عن Y, or None."""
    for k in range(i + 1, min(len(toks), i + 12)):
        if toks[k].norm == "عن":
            end = _noun_phrase(toks, k + 1)
            if end > k + 1:
                return Report("explicit", text[toks[i].start : toks[i].end], _surface(text, toks, k + 1, end))
            return None
    return None


def _main_subject(text: str, toks: list[Token], limit: int) -> str:
    """Return the subject after a sentence-initial verb (ومدح أسطورة الكرة ... قائلا), or ""."""
    i = 0
    while i < limit and toks[i].norm in PUNCTUATION | {"ثم", "كما", "و"}:
        i += 1
    if i >= limit:
        return ""
    first = toks[i].norm
    word = first[1:] if first[:1] in {"و", "ف"} else first
    if word.startswith("ال") or word in _STOP or len(word) < 3 or first.startswith(("ب", "ل", "ك")):
        return ""
    end = min(_noun_phrase(toks, i + 1), limit)
    return _surface(text, toks, i + 1, end)


def find(text: str) -> Report | None:
    """Return the report a sentence makes, or None for narration."""
    toks = tokens(text)
    spans = quote_spans(text)
    relay = verb = implicit = according = None
    participle = ""
    for i, tok in enumerate(toks):
        if _inside(tok.start, spans):
            continue
        n = tok.norm
        if n in cues.RELAY and relay is None:
            relay = _relay(text, toks, i)
        elif n == "نقلا" and relay is None:
            relay = _according_to(text, toks, i)
        elif n in cues.VERBS and verb is None:
            found = _verb_report(text, toks, i, spans)
            if found and found.kind == "explicit":
                verb = found
            elif found and implicit is None:
                implicit = found
        elif n in cues.ACCORDING_TO and according is None:
            according = _according_to(text, toks, i)
        elif n in cues.PARTICIPLES and not participle and verb is None:
            subject = _main_subject(text, toks, i)
            participle = text[tok.start : tok.end]
            if subject:
                verb = Report("explicit", participle, subject, quote=_quote_kind(text, tok.end, spans))
    if relay:
        return relay
    if verb:
        return verb
    if implicit:
        return implicit
    if according:
        return according
    if participle:
        return Report("implicit", participle, quote=_quote_kind(text, 0, spans))
    return None
