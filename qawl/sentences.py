"""Splitting Arabic news into sentences, and telling wire boilerplate from the story.

The rule is the same whether an article keeps its line breaks or comes on one line (a CSV or JSONL cell):

- a sentence ends at . ! ? ؟ … (or a run of them, closing quotes and brackets kept) followed by white space,
  unless more of a quotation follows the mark (a quotation that closes within MAX_QUOTE characters, at the end
  of a sentence or clause), or the mark ends a one-letter abbreviation (د. = Dr);
- wire boilerplate inside running text is a sentence of its own: an end marker (`// انتهى //`) and the time
  stamp after it, a separator run (`-----`), and a dateline that opens a line or follows that boilerplate
  (`الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`);
- a line break ends a sentence too (a paragraph break is a sentence break). A line that ends without an end
  mark (a heading, a list item) is thus a sentence of its own; in one-line text nothing marks where it ends,
  and it runs on into the sentence after it;
- no sentence is longer than MAX_CHARS: a longer run (a text without punctuation) is cut at the last space
  before the limit.

So an article with its lines joined by spaces gives the same sentences, except that a sentence its line break
ended without an end mark runs on into the next one (unless either is boilerplate cut out in place).
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_CHARS = 2000  # the longest sentence of the shared corpora has 959 characters
# A quotation protects its end marks only when it closes within this many characters (the longest that does
# in the shared corpora: 394). Past it, a stray quote mark would swallow the rest of a one-line article.
MAX_QUOTE = 600

# A sentence ends at . ! ? ؟ (or a run of them, or an ellipsis) followed by white space,
# so 0.48 and كوفيد-19 stay whole. Closing quotes and brackets stay with their sentence.
# The first end mark is matched before the look-behind (no end mark before it): a pattern that opens with
# a character class lets the engine skip to candidates at C speed, twice as fast on news text.
_END = re.compile(r"[.!?؟…](?<![.!?؟…]{2})[.!?؟…]*[\"'»”’)\]]*(?=\s)")
# One-letter abbreviations (د. = Dr, م. = AD) do not end a sentence.
_ABBREVIATION = re.compile(r"(?:^|\s)[\u0621-\u064a]\.$")
_QUOTE_MARKS = re.compile('[«»“”"]')
_CLOSERS = {"«": "»", "“": "”"}
# Before a straight quote that opens: nothing, a space or an opening sign; after one that closes: nothing, a
# space or punctuation.
_BEFORE_OPENING = frozenset(" \t\n\r\u00a0(:[«—-–،,/")
_AFTER_CLOSING = frozenset(" \t\n\r\u00a0.,،؛;:!?؟…)]»”'/-–—")
_END_MARKS = frozenset(".!?؟…")
_AFTER_QUOTATION = frozenset(".!?؟…،,؛;")

# A whole line or sentence of wire boilerplate, named by its kind; the first alternative that matches names it.
_WHOLE = re.compile(r"(?P<separator>[\W_]+$)"
                    r"|(?P<end_marker>\W*(?:انتهى|انتهي|يتبع|تم|نهاية)\W*$)"
                    r"|(?P<timestamp>\W*\d{1,2}[:.]\d{2}(?:\s*(?:ت\s*[مغ]|ص|م|مساء|صباحا|GMT|UTC))?\W*$)")
_HIJRI_OR_CE = re.compile(r"(?:\d{3,4}\s*هـ|الموافق|\d{4}\s*م\b)")
_AGENCY_NAMES = ("واس", "قنا", "وام", "بنا", "كونا", "سبأ", "شينخوا", "رويترز", "أ ف ب")
_AGENCIES = "|".join(name.replace(" ", r"\s*") for name in _AGENCY_NAMES)
_AGENCY = re.compile(rf"\((?:[^()]{{1,20}})\)\s*[-–—]?\s*$|\b(?:{_AGENCIES})\s*$")
_TEASER = re.compile(r"^\W*(?:اقرأ|إقرأ|اقرا|شاهد|اقرأ أيضا|للمزيد)\s*(?:أيضا|ايضا|أيضاً|ايضاً)?\s*[:：]")
# Every advert names what to follow or install: lines without one of these words skip the regex.
_ADVERT_WORDS = ("تطبيق", "قناتنا", "صفحتنا", "حسابنا", "النشرة")
_ADVERT = re.compile(r"(?:حمّ?ل|تحميل|نزّ?ل|اشترك|تابعونا|تابعوا|اضغط|انقر).{0,80}(?:تطبيق|قناتنا|صفحتنا|حسابنا|النشرة)|"
                     r"(?:تطبيق|قناتنا|صفحتنا|حسابنا).{0,80}(?:حمّ?ل|تحميل|هاتفكم|تابعونا|اشترك)")
# Boilerplate found inside running text: an end marker (and the time stamp after it), a separator run.
_INLINE = re.compile(r"(?P<marker>/{2,}\s*(?:انتهى|انتهي|يتبع)\s*/{2,})"
                     r"(?:\s*(?P<time>\d{1,2}[:.]\d{2}\s*(?:ت\s*[مغ]|ص\b|م\b|مساء|صباحا|GMT|UTC)))?"
                     r"|(?P<separator>(?<!\S)[-_=*~]{3,}(?!\S)|[-_=*~]{5,})")
_INLINE_HINT = re.compile(r"[-_=*~/][-_=*~/]")  # a character class first, not a repeat: scanned at C speed
# A dateline opening a sentence: a place, a date with its year (هـ / م), then the agency right after the year.
_DATELINE_HEAD = 160  # characters: a dateline has at most 16 words
_DATELINE = re.compile(rf"[^\n]{{0,{_DATELINE_HEAD}}}?\d{{3,4}}\s*(?:هـ|ه|م)?\s*\.?\s*"
                       rf"(?:\([^()]{{1,20}}\)|(?:{_AGENCIES})(?!\w))(?:\s*[-–—](?=\s))?")
_DATELINE_WORDS = 16
_AGENCY_TAIL = 32  # characters: the longest ending _AGENCY matches
_AGENCY_LAST = frozenset(")-–—" + "".join(name[-1] for name in _AGENCY_NAMES))  # the last character it matches
_YEAR = re.compile(r"[0-9][0-9][0-9]")  # likewise
# Every date _HIJRI_OR_CE finds holds هـ, الموافق or a lone م right after a number or a space (2015 م). Most lines
# hold some number, few any of these: they skip that search, which tries every character of the line's head.
_LONE_M = re.compile(r"م(?<=[\d\s]م)\b")  # a letter first: the engine skips to each م at C speed
_TEASER_WORDS = 40  # an advert or teaser has at most this many words
_ADVERT_CHARS = 600  # ... so at most this many characters


class Sentence(NamedTuple):
    """A sentence: its position in the article, its exact text span and its kind."""

    start: int
    end: int
    text: str
    paragraph: int
    boilerplate: str  # "" for story text, else dateline / end_marker / timestamp / separator / advert / teaser


_new_sentence = tuple.__new__  # Sentence(...) goes through a Python-level __new__: this is the C one


def boilerplate_kind(line: str) -> str:
    """Return the kind of wire boilerplate a whole line (or sentence) is, or "" for story text."""
    stripped = line.strip()
    whole = _WHOLE.match(stripped)
    if whole:
        return whole.lastgroup or ""
    size = len(stripped)
    if size > _ADVERT_CHARS:  # story text: no need to count its words
        return ""
    # The agency closes a dateline: only the tail is searched, and only when the last character may end it (the
    # sentences of a story are many, and most end with an end mark).
    if (stripped[-1:] in _AGENCY_LAST and _AGENCY.search(stripped, max(0, size - _AGENCY_TAIL))
            and _HIJRI_OR_CE.search(stripped)
            and len(stripped.split()) <= _DATELINE_WORDS):
        return "dateline"
    if (any(map(stripped.__contains__, _ADVERT_WORDS)) and _ADVERT.search(stripped)
            and len(stripped.split()) <= _TEASER_WORDS):
        return "advert"
    if _TEASER.match(stripped) and len(stripped.split()) <= _TEASER_WORDS:
        return "teaser"
    return ""


def _straight_quote(text: str, i: int) -> str:
    """Return whether the " at i opens ("open"), closes ("close") or may do either ("") by its neighbours."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _BEFORE_OPENING and after not in _AFTER_CLOSING:
        return "open"
    if before not in _BEFORE_OPENING and after in _AFTER_CLOSING:
        return "close"
    return ""


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (open, close) offsets of the closed quotations in text[start:end], none longer than MAX_QUOTE.

    A straight quote is read by its neighbours: one that can only close opens nothing, one that can only open
    starts afresh when another is open (the one before never closed), so one stray mark does not pair every
    quote after it the wrong way round.
    """
    out: list[tuple[int, int]] = []
    opener, at = "", -1
    for match in _QUOTE_MARKS.finditer(text, start, end):
        i, mark = match.start(), match.group()
        if opener and i - at > MAX_QUOTE:
            opener = ""
        if mark == '"':
            role = _straight_quote(text, i)
            if opener == '"' and role != "open":
                out.append((at, i))
                opener = ""
            elif (not opener and role != "close") or (opener == '"' and role == "open"):
                opener, at = mark, i
        elif mark in _CLOSERS:
            if not opener or opener == mark:
                opener, at = mark, i
        elif opener and mark == _CLOSERS.get(opener):
            out.append((at, i))
            opener = ""
    return out


def _protects(text: str, close: int) -> bool:
    """Return whether the quotation closing at close ends a sentence or clause there: its closing mark follows an
    end mark, or an end mark or comma follows it. A mark closing in the middle of a clause is more likely a
    stray one (a quotation never closed, or never opened) than the end of a quotation of several sentences."""
    return text[close - 1] in _END_MARKS or text[close + 1 : close + 2] in _AFTER_QUOTATION


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Return where sentences end in text[start:end] (a run without boilerplate): at end marks outside closed
    quotations that end a sentence or clause, not after a one-letter abbreviation."""
    quotes = ([q for q in _quotations(text, start, end) if _protects(text, q[1])]
              if '"' in text or "«" in text or "“" in text else [])
    cuts, q = [], 0
    for m in _END.finditer(text, start, end):
        while q < len(quotes) and quotes[q][1] < m.start():
            q += 1
        if q < len(quotes) and quotes[q][0] < m.start() and m.end() <= quotes[q][1]:
            continue  # more of the quotation follows: the closing mark would have been taken into the match
        if m.end() - m.start() == 1 and _ABBREVIATION.search(text, max(0, m.start() - 2), m.end()):
            continue
        cuts.append(m.end())
    return cuts


def _pieces(line: str) -> list[tuple[int, int, bool]]:
    """Return (start, end, boilerplate) of the runs of a line: story text, and the boilerplate found inside
    running text (end markers, their time stamps, separators)."""
    if not _INLINE_HINT.search(line):
        return [(0, len(line), False)]
    out, at = [], 0
    for m in _INLINE.finditer(line):
        out.append((at, m.start(), False))
        out.extend((m.start(kind), m.end(kind), True) for kind in ("marker", "time", "separator") if m.group(kind))
        at = m.end()
    out.append((at, len(line), False))
    return out


def _dateline(text: str, start: int, end: int) -> int:
    """Return where a dateline opening text[start:end] ends, or start when it does not open with one."""
    head = text[start : start + _DATELINE_HEAD + 40]
    if not _YEAR.search(head) or not _may_be_dated(head) or not _HIJRI_OR_CE.search(head):  # cheap tests first
        return start
    m = _DATELINE.match(text, start, end)
    if m is None or (m.end() < end and not text[m.end()].isspace()):
        return start
    return m.end() if boilerplate_kind(m.group()) == "dateline" else start


def _may_be_dated(text: str) -> bool:
    """Return False when _HIJRI_OR_CE cannot find a date in text (no هـ, الموافق or lone م)."""
    return "هـ" in text or "الموافق" in text or _LONE_M.search(text) is not None


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return text[start:end] cut into runs of at most MAX_CHARS, each cut at the last space before the limit."""
    out = []
    while end - start > MAX_CHARS:
        limit = start + MAX_CHARS
        space = max(text.rfind(" ", start + 1, limit + 1), text.rfind("\t", start + 1, limit + 1))
        cut = space if space > start else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _spans(line: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a line (or of a text on one line), spaces around them included."""
    spans: list[tuple[int, int]] = []
    for a, b, boilerplate in _pieces(line):
        if boilerplate:
            spans.append((a, b))
            continue
        while a < b and line[a].isspace():
            a += 1
        head = _dateline(line, a, b)  # a dateline opens a line, or follows the boilerplate of the article before
        if head > a:
            spans.append((a, head))
        start = head
        for end in [*_cuts(line, head, b), b]:
            if end - start > MAX_CHARS:
                spans.extend(_capped(line, start, end))
            else:
                spans.append((start, end))
            start = end
    return spans


def split(text: str) -> list[Sentence]:
    """Return the sentences of an article in order (the rule: see the module); boilerplate comes back marked,
    not dropped."""
    sentences: list[Sentence] = []
    offset, paragraph = 0, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            paragraph += 1
            for start, end in _spans(line):
                piece = line[start:end]
                body = piece.strip()
                if not body:
                    continue
                lead = len(piece) - len(piece.lstrip())
                a = offset + start + lead
                sentences.append(_new_sentence(Sentence, (a, a + len(body), body, paragraph,
                                                          boilerplate_kind(body))))
        offset += len(line)
    return sentences
