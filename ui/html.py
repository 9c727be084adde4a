"""HTML for Arabic text: right-to-left blocks, speaker marks, keyword highlights, concordance. Escapes everything."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from html import escape, unescape

from qawl.filters import Keyword, KwicLine

# Colour-blind-safe palette (Okabe-Ito + Tableau), dark enough for white text.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#6F4E7C", "#B8860B", "#1F77B4", "#8C564B", "#E15759",
           "#4E79A7", "#59A14F", "#AF7AA1")

CSS = """
<style>
.qawl-rtl { direction: rtl; text-align: right; }
.qawl-doc { direction: rtl; text-align: right; margin: 0 0 1.6rem; }
.qawl-title { font-size: 1.3rem; font-weight: 700; margin: .2rem 0; }
.qawl-meta { color: #6b6b6b; font-size: .8rem; margin-bottom: .4rem; }
.qawl-s { font-size: 1.08rem; line-height: 1.95; margin: .3rem 0; padding: .1rem .7rem;
          border-inline-start: 4px solid #e3e3e3; }
.qawl-s:target { background: #fff7d6; }
.qawl-boiler { color: #9a9a9a; font-size: .9rem; }
.qawl-n { color: #a0a0a0; font-size: .72rem; margin-inline-end: .35rem; }
.qawl-spk { display: inline-block; color: #fff; border-radius: .7rem; padding: 0 .55rem; font-size: .85rem;
            margin-inline-end: .4rem; line-height: 1.6; }
.qawl-spk.carried { opacity: .75; }
.qawl-theme { display: inline-block; background: #eef1f8; color: #3b4a6b; border-radius: .4rem;
              padding: 0 .4rem; font-size: .72rem; margin-inline-start: .3rem; line-height: 1.5; }
mark.qawl-hit { background: #ffe066; padding: 0 .1rem; border-radius: .15rem; }
table.qawl-kwic { direction: rtl; width: 100%; border-collapse: collapse; font-size: 1rem; table-layout: fixed; }
table.qawl-kwic td { padding: .2rem .45rem; border-bottom: 1px solid #f0f0f0; white-space: nowrap;
                     overflow: hidden; }
/* The words before a hit end next to it: an LTR cell starts its line at the keyword side and clips the far end. */
table.qawl-kwic td.before { direction: ltr; text-align: left; width: 42%; }
table.qawl-kwic td.hit { text-align: center; font-weight: 700; background: #fff3bf; width: 12%; }
table.qawl-kwic td.after { direction: rtl; text-align: right; width: 40%; }
table.qawl-kwic td.go { direction: ltr; text-align: center; font-size: .8rem; width: 6%; }
.qawl-quote { direction: rtl; text-align: right; line-height: 1.9; margin: .35rem 0; padding: .2rem .7rem;
              border-inline-start: 4px solid #ccc; }
.qawl-cue { font-weight: 700; text-decoration: underline; text-decoration-color: #999; }
/* Its own line, at the far end of the quote: inline, it would trail a short last line of Arabic as if part of it. */
.qawl-kind { direction: ltr; display: block; text-align: left; font-size: .72rem; color: #666; line-height: 1.4; }
</style>
"""


def color(speaker: str) -> str:
    """Return the colour a speaker is drawn in everywhere (stable across pages and runs)."""
    return PALETTE[zlib.crc32(speaker.encode("utf-8")) % len(PALETTE)]


def anchor(doc_index: int, sentence_id: int) -> str:
    """Return the ASCII element id of a sentence on the Reader page."""
    return f"s-{doc_index}-{sentence_id}"


def marked(text: str, keyword: Keyword | None) -> str:
    """Return text escaped for HTML with the keyword hits wrapped in <mark>."""
    if keyword is None or not keyword.words:
        return escape(text)
    out, last = [], 0
    for a, b in keyword.hits(text):
        out += [escape(text[last:a]), f'<mark class="qawl-hit">{escape(text[a:b])}</mark>']
        last = b
    out.append(escape(text[last:]))
    return "".join(out)


def sentence(row: Mapping, element_id: str, themes: Iterable[str], keyword: Keyword | None) -> str:
    """Return one sentence as a right-to-left paragraph marked with its speaker and themes."""
    speaker = str(row["speaker"])
    style = ""
    mark = ""
    if speaker:
        tip = f"{row['quote']} quote · cue {row['cue'] or '—'} · {row['attribution']} · as «{row['speaker_mention']}»"
        kind = " carried" if row["attribution"] == "carried" else ""
        mark = (f'<span class="qawl-spk{kind}" style="background:{color(speaker)}" title="{escape(tip)}">'
                f"{escape(speaker)}</span>")
        style = f' style="border-inline-start-color:{color(speaker)}"'
    boiler = " qawl-boiler" if row["boilerplate"] else ""
    chips = "".join(f'<span class="qawl-theme" dir="ltr">{escape(t)}</span>' for t in themes)
    return (f'<p class="qawl-s{boiler}" id="{element_id}" dir="rtl"{style}>'
            f'<span class="qawl-n">{int(row["sentence_id"])}</span>{mark}{marked(str(row["text"]), keyword)}'
            f"{chips}</p>")


def title(raw: str) -> str:
    """Return a document title as plain text to show (never to store or export): its HTML entities decoded.

    Wire metadata often carries its titles HTML-encoded (&#39;سول&#39;); shown as is, the entities read as noise.
    """
    return unescape(raw)


def article(raw_title: str, meta: str, sentences_html: list[str]) -> str:
    """Return an article block: title (entities decoded, then escaped), a meta line and its sentences, right-to-left."""
    return (f'<div class="qawl-doc" dir="rtl"><div class="qawl-title">{escape(title(raw_title))}</div>'
            f'<div class="qawl-meta"><bdi dir="auto">{escape(meta)}</bdi></div>{"".join(sentences_html)}</div>')


def kwic(lines: list[KwicLine], anchors: dict[tuple[str, int], str]) -> str:
    """Return a right-to-left concordance table: words before, the hit, words after, and a link to the sentence."""
    rows = []
    for line in lines:
        target = anchors.get((line.doc_id, line.sentence_id), "")
        link = f'<a href="#{target}" target="_self">§{line.sentence_id}</a>' if target else ""
        rows.append(f'<tr><td class="before"><bdi dir="rtl">{escape(line.before)}</bdi></td>'
                    f'<td class="hit" dir="rtl">{escape(line.hit)}</td>'
                    f'<td class="after" dir="rtl">{escape(line.after)}</td><td class="go">{link}</td></tr>')
    return f'<table class="qawl-kwic" dir="rtl"><tbody>{"".join(rows)}</tbody></table>'


def quote(text: str, cue: str, kind: str, where: str) -> str:
    """Return one quoted sentence right-to-left with its cue verb emphasised and its quote kind noted."""
    at = text.find(cue) if cue else -1
    body = escape(text) if at < 0 else (escape(text[:at]) + f'<span class="qawl-cue">{escape(cue)}</span>'
                                        + escape(text[at + len(cue):]))
    return (f'<div class="qawl-quote" dir="rtl">{body}<div class="qawl-kind" dir="ltr">{escape(kind)} · '
            f'<bdi dir="auto">{escape(where)}</bdi></div></div>')


def rtl(text: str) -> str:
    """Return escaped text in a right-to-left block."""
    return f'<div class="qawl-rtl" dir="rtl">{escape(text)}</div>'

# The main area right to left for an Arabic page: Streamlit aligns headings and captions left whatever the direction.
RTL_MAIN = ("<style>[data-testid=stMain] { direction: rtl; } [data-testid=stMain] :is(h1, h2, h3, p, "
            "[data-testid=stHeadingWithActionElements], [data-testid=stCaptionContainer]) { text-align: right; }"
            "</style>")
