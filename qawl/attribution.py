"""Attributing every sentence of an article to its speaker: explicit, carried or none."""

from __future__ import annotations

from dataclasses import dataclass

from qawl import speech, turns
from qawl.lexicons import Lexicons
from qawl.sentences import Sentence
from qawl.tokenize import tokens

_OPENERS = ('"', "«", "“")


@dataclass
class Attribution:
    """The speaker columns of one sentence (speaker is resolved to a canonical name later)."""

    mention: str = ""  # the words naming the source, in this sentence or the one it is carried from
    apposition: str = ""
    cue: str = ""
    attribution: str = "none"  # explicit / carried / none
    quote: str = "none"  # direct / indirect / none


def _unclosed_quote(text: str) -> bool:
    spans = speech.quote_spans(text)
    return bool(spans) and spans[-1][1] == len(text) and text.rstrip()[-1:] not in {'"', "»", "”"}


def attribute(lex: Lexicons, sentences: list[Sentence], keyed: list[bool] | None = None) -> list[Attribution]:
    """Return one attribution per sentence of one article, carrying implicit subjects and quotations.

    An implicit subject (وأضاف أن) takes the last named source; before any, the last titled person the
    article mentioned (برئاسة اللواء فلان ... وأكد أن). A sentence opening with من جانبه / بدوره hands
    the turn to the person it names. A quotation that runs on takes the speaker of the sentence before.
    keyed: per sentence, False when it holds no word of turns.key_words() (its words are not looked at).
    """
    out: list[Attribution] = []
    last: Attribution | None = None  # the last explicitly named source
    salient: Attribution | None = None  # the last titled person mentioned, speaking or not
    previous: Attribution | None = None  # the attribution of the previous story sentence
    open_quote = False
    for sentence in sentences:
        if sentence.boilerplate:
            out.append(Attribution())
            continue
        text = sentence.text
        report, people, taker = None, [], ""
        if keyed is None or keyed[len(out)]:
            toks = tokens(text)
            report = speech.find(lex, text, toks)
            people = turns.people(lex, text, toks)
            taker = turns.turn_taker(lex, text, toks) if not report else ""
        result = Attribution()
        if report and report.kind == "explicit":
            result = Attribution(report.mention, report.apposition, report.cue, "explicit", report.quote)
            last = result
        elif report and (last or salient):
            source = last or salient
            result = Attribution(source.mention, source.apposition, report.cue, "carried", report.quote)
        elif previous is not None and previous.attribution != "none" and (open_quote or text.startswith(_OPENERS)):
            result = Attribution(previous.mention, previous.apposition, "", "carried", "direct")
        if people:
            salient = Attribution(people[-1])
        if taker:
            last = Attribution(taker)
        open_quote = _unclosed_quote(text) if result.attribution != "none" or open_quote else False
        if open_quote and result.attribution != "none" and result.quote == "indirect":
            result.quote = "direct"
        out.append(result)
        previous = result
    return out
