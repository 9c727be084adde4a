"""HTML for Arabic text: right-to-left blocks, speaker marks, keyword highlights, concordance. Escapes everything."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from html import escape, unescape
from itertools import pairwise
from urllib.parse import urlencode

from qawl import i18n
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
.qawl-spk.carried { opacity: .6; }
.qawl-spk.corrected { outline: 2px dashed #444; outline-offset: 1px; }
.qawl-s.qawl-here { background: #fff7d6; }
.qawl-mention { text-decoration: underline dotted; text-decoration-color: #777; text-underline-offset: .25em; }
.qawl-legend { font-size: .8rem; color: #555; margin: .2rem 0 .8rem; line-height: 2; }
.qawl-legend .qawl-spk { font-size: .75rem; }
a.qawl-open { text-decoration: none; font-size: .8rem; margin-inline-start: .35rem; }
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
.qawl-kind { display: block; text-align: left; font-size: .72rem; color: #666; line-height: 1.4; }
/* A chip or option of a picker takes the direction of its own text: an Arabic title is cut on its left. */
[data-testid=stMultiSelectTagsContainer] [data-tag] span[title], [role=option] {
  unicode-bidi: plaintext; text-align: start; }
</style>
"""
# The Arabic interface: Streamlit's app, sidebar and main area right-to-left (the sidebar moves to the right); headings
# and paragraphs aligned right (Streamlit aligns them left whatever the direction).
# Charts and data grids draw their own layout (Plotly places Arabic labels itself; the grid is a canvas): they stay
# left-to-right inside, and the grid right-aligns Arabic cells by itself.
RTL_CSS = """
<style>
[data-testid=stApp], [data-testid=stAppViewContainer], [data-testid=stSidebar], [data-testid=stMain],
[data-testid=stHeader], [data-testid=stBottom], [data-baseweb=popover] { direction: rtl; }
[data-testid=stMain] .stMarkdown, [data-testid=stSidebar] .stMarkdown, [data-testid=stCaptionContainer],
[data-testid=stWidgetLabel], [data-testid=stAlertContainer], [data-testid=stExpander] summary,
:is([data-testid=stMain], [data-testid=stSidebar]) :is(h1, h2, h3, p, [data-testid=stHeadingWithActionElements]) {
  text-align: right; }
[data-testid=stPlotlyChart], [data-testid=stDataFrame], [data-testid=stImage] { direction: ltr; }
[data-testid=stPaginationPrev] [data-testid=stIconMaterial],
[data-testid=stPaginationNext] [data-testid=stIconMaterial] { display: inline-block; transform: scaleX(-1); }
</style>
"""


def css(lang: str) -> str:
    """Return the page's style sheet in the interface language (right-to-left throughout in Arabic)."""
    return CSS + (RTL_CSS if i18n.direction(lang) == "rtl" else "")


def color(speaker: str) -> str:
    """Return the colour a speaker is drawn in everywhere (stable across pages and runs)."""
    return PALETTE[zlib.crc32(speaker.encode("utf-8")) % len(PALETTE)]


def anchor(doc_index: int, sentence_id: int) -> str:
    """Return the ASCII element id of a sentence on the Reader page."""
    return f"s-{doc_index}-{sentence_id}"


def article_link(doc_id: str, sentence_id: int, lang: str = i18n.DEFAULT) -> str:
    """Return the relative URL of the Reader showing a whole article at one of its sentences."""
    params = {"doc": doc_id, "sentence": int(sentence_id)} | ({"lang": lang} if lang != i18n.DEFAULT else {})
    return "./?" + urlencode(params)


def open_link(doc_id: str, sentence_id: int, lang: str = i18n.DEFAULT) -> str:
    """Return a link (in a new tab) that opens the whole article at this sentence."""
    tip = escape(i18n.t("reader.open_article", lang))
    return (f'<a class="qawl-open" href="{escape(article_link(doc_id, sentence_id, lang))}" target="_blank" '
            f'rel="noopener" title="{tip}" aria-label="{tip}">↗</a>')


def _find(text: str, part: str, taken: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Return the span of the first occurrence of part in text outside the taken span (None when absent)."""
    at = text.find(part) if part else -1
    while at >= 0 and taken and at < taken[1] and at + len(part) > taken[0]:
        at = text.find(part, at + 1)
    return (at, at + len(part)) if at >= 0 else None


def marked(text: str, keyword: Keyword | None, cue: str = "", mention: str = "") -> str:
    """Return text escaped for HTML with the keyword hits wrapped in <mark>, the cue verb underlined and the words
    that named the speaker underlined with dots (where the sentence holds them)."""
    layers: list[tuple[int, int, str]] = []
    cue_span = _find(text, cue)
    if cue_span:
        layers.append((*cue_span, "qawl-cue"))
    mention_span = _find(text, mention, cue_span)
    if mention_span:
        layers.append((*mention_span, "qawl-mention"))
    if keyword is not None and keyword.words:
        layers += [(a, b, "qawl-hit") for a, b in keyword.hits(text)]
    if not layers:
        return escape(text)
    cuts = sorted({0, len(text), *(a for a, _, _ in layers), *(b for _, b, _ in layers)})
    out = []
    for a, b in pairwise(cuts):
        classes = [name for name in ("qawl-hit", "qawl-cue", "qawl-mention")
                   if any(x <= a and b <= y and n == name for x, y, n in layers)]
        piece = escape(text[a:b])
        if not classes:
            out.append(piece)
        elif classes[0] == "qawl-hit":
            out.append(f'<mark class="{" ".join(classes)}">{piece}</mark>')
        else:
            out.append(f'<span class="{" ".join(classes)}">{piece}</span>')
    return "".join(out)


def badge(row: Mapping, lang: str = i18n.DEFAULT) -> str:
    """Return the speaker mark of a sentence: faded when carried from an earlier sentence, outlined and ✎ when
    corrected by hand, the cue and the mention in its tooltip."""
    speaker = str(row["speaker"])
    corrected = bool(row.get("speaker_corrected", False))
    if not speaker:
        return ""
    # A speaker corrected by hand is no longer carried from an earlier sentence, whatever the attribution said.
    kinds = " corrected" if corrected else " carried" if row["attribution"] == "carried" else ""
    tip = i18n.t("reader.tooltip", lang, quote=i18n.t(f"quote.{row['quote']}", lang), cue=row["cue"] or "—",
                 attribution=i18n.t(f"attribution.{row['attribution']}", lang), mention=row["speaker_mention"] or "—")
    if corrected:
        tip += " · " + i18n.t("reader.legend_corrected", lang)
    marks = ("↩ " if "carried" in kinds else "") + escape(speaker) + (" ✎" if corrected else "")
    return (f'<span class="qawl-spk{kinds}" style="background:{color(speaker)}" title="{escape(tip)}">'
            f"{marks}</span>")


def sentence(row: Mapping, element_id: str, themes: Iterable[str], keyword: Keyword | None,
             lang: str = i18n.DEFAULT, *, here: bool = False) -> str:
    """Return one sentence as a right-to-left paragraph marked with its speaker (cue and mention underlined) and
    themes, and a link to its whole article; here: the sentence a link asked for, highlighted."""
    speaker = str(row["speaker"])
    style = f' style="border-inline-start-color:{color(speaker)}"' if speaker else ""
    classes = "qawl-s" + (" qawl-boiler" if row["boilerplate"] else "") + (" qawl-here" if here else "")
    text = marked(str(row["text"]), keyword, str(row["cue"]) if speaker else "",
                  str(row["speaker_mention"]) if speaker and row["attribution"] != "carried" else "")
    chips = "".join(f'<span class="qawl-theme" dir="auto">{escape(i18n.theme(t, lang))}</span>' for t in themes)
    return (f'<p class="{classes}" id="{element_id}" dir="rtl"{style}>'
            f'<span class="qawl-n">{int(row["sentence_id"])}</span>{badge(row, lang)}{text}{chips}'
            f'{open_link(str(row["doc_id"]), int(row["sentence_id"]), lang)}</p>')


def legend(lang: str = i18n.DEFAULT) -> str:
    """Return the key to the Reader's marks: a speaker named in the sentence, carried from an earlier one,
    corrected by hand; the cue verb and the speaker's mention."""
    t = i18n.t
    sample = "#0072B2"
    return (f'<div class="qawl-legend" dir="{i18n.direction(lang)}">{escape(t("reader.legend", lang))}: '
            f'<span class="qawl-spk" style="background:{sample}">{escape(t("reader.legend_explicit", lang))}</span>'
            f'<span class="qawl-spk carried" style="background:{sample}">↩ '
            f'{escape(t("reader.legend_carried", lang))}</span>'
            f'<span class="qawl-spk corrected" style="background:{sample}">'
            f'{escape(t("reader.legend_corrected", lang))} ✎</span> '
            f'<span class="qawl-cue">{escape(t("reader.cue", lang))}</span> · '
            f'<span class="qawl-mention">{escape(t("reader.mention", lang))}</span> · '
            f'↗ {escape(t("reader.open_article", lang))}</div>')


def title(raw: str) -> str:
    """Return a document title as plain text to show (never to store or export): its HTML entities decoded.

    Wire metadata often carries its titles HTML-encoded (&#39;سول&#39;); shown as is, the entities read as noise.
    """
    return unescape(raw)


def isolated(text: str) -> str:
    """Return text escaped in an element of its own direction (<bdi>): beside text of the other direction, its
    numbers and punctuation stay with it."""
    return f'<bdi dir="auto">{escape(text)}</bdi>'


def article(raw_title: str, meta: Iterable[str], sentences_html: list[str]) -> str:
    """Return an article block: title (entities decoded, then escaped), a meta line (its parts isolated from each
    other) and its sentences, right-to-left."""
    parts = " · ".join(isolated(str(p)) for p in ([meta] if isinstance(meta, str) else meta) if p)
    return (f'<div class="qawl-doc" dir="rtl"><div class="qawl-title">{escape(title(raw_title))}</div>'
            f'<div class="qawl-meta">{parts}</div>{"".join(sentences_html)}</div>')


def kwic(lines: list[KwicLine], anchors: dict[tuple[str, int], str], lang: str = i18n.DEFAULT) -> str:
    """Return a right-to-left concordance table: words before, the hit, words after, a link to the sentence on this
    page and one that opens its whole article."""
    rows = []
    for line in lines:
        target = anchors.get((line.doc_id, line.sentence_id), "")
        link = f'<a href="#{target}" target="_self">§{line.sentence_id}</a>' if target else ""
        rows.append(f'<tr><td class="before"><bdi dir="rtl">{escape(line.before)}</bdi></td>'
                    f'<td class="hit" dir="rtl">{escape(line.hit)}</td>'
                    f'<td class="after" dir="rtl">{escape(line.after)}</td>'
                    f'<td class="go">{link}{open_link(line.doc_id, line.sentence_id, lang)}</td></tr>')
    return f'<table class="qawl-kwic" dir="rtl"><tbody>{"".join(rows)}</tbody></table>'


def quote(row: Mapping, lang: str = i18n.DEFAULT) -> str:
    """Return one quoted sentence (a row of Store.quotes) right-to-left with its cue verb underlined, its quote and
    attribution kinds noted, a link that opens its whole article at it, and the other outlets that reported it."""
    quoted, attribution = i18n.t(f"quote.{row['quote']}", lang), i18n.t(f"attribution.{row['attribution']}", lang)
    kind = f"{quoted}, {attribution}"
    where = f"{row['doc_id']} §{row['sentence_id']}"
    outlets = [isolated(o) for o in str(row.get("also_reported") or "").split(" | ") if o]  # quote spread
    also = (f'<div class="qawl-kind qawl-also" dir="{i18n.direction(lang)}">'
            f'{i18n.t("quote.also_reported", lang, outlets=i18n.listing(outlets, lang))}</div>' if outlets else "")
    return (f'<div class="qawl-quote" dir="rtl">{marked(str(row["text"]), None, str(row["cue"]))}'
            f'<div class="qawl-kind" dir="{i18n.direction(lang)}">{escape(kind)} · <bdi dir="auto">{escape(where)}'
            f'</bdi>{open_link(str(row["doc_id"]), int(row["sentence_id"]), lang)}</div>{also}</div>')


def rtl(text: str) -> str:
    """Return escaped text in a right-to-left block."""
    return f'<div class="qawl-rtl" dir="rtl">{escape(text)}</div>'


def scroll_to(element_id: str) -> str:
    """Return a script that scrolls the page to an element (an ASCII id made here, never corpus text) once drawn.

    No "<" before a letter or digit in it: Streamlit's sanitizer (DOMPurify) drops an element whose text holds one.
    """
    safe = "".join(c for c in element_id if c.isascii() and (c.isalnum() or c == "-"))
    return ("<script>(function(){let n=0;const go=function(){const el=document.getElementById('" + safe + "');"
            "if(el){el.scrollIntoView({block:'center'});window.qawlScrolledTo=el.id;}"
            "else if(n++ < 40){setTimeout(go,250);}};go();})();</script>")
