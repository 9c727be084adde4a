"""Who holds the floor in an article: titled people a sentence names, and sentences that hand the turn over."""

from __future__ import annotations

from qawl import cues, speech
from qawl.lexicons import Lexicons
from qawl.phrases import COMMAS, apposition, has_name, noun_phrase
from qawl.tokenize import NORM, Tokens, pieces, positions, token, tokens


def people(lex: Lexicons, text: str, toks: Tokens | None = None, in_commas: list[str] | None = None,
           titled: list[str] | None = None) -> list[str]:
    """Return the titled names a sentence mentions (اللواء إبراهيم الحمزي), as written, in order.

    in_commas: where to add the names it sets off by commas after a title without one (الرئيس السوري، بشار الأسد،):
    no titled person of their own, but family names the article may use alone later (وتعهد الأسد). titled: where to
    add, per name found, the title it sets off by commas after it (الدكتورة فلانة، وزيرة الثقافة،), or ""."""
    toks = tokens(text) if toks is None else toks
    titles = lex.title_words
    found, free = [], 0  # free: the first token no earlier name covers
    for i in positions(map(NORM, toks), titles):
        if i < free or (i > 0 and toks[i - 1].norm in titles):
            continue
        end = noun_phrase(lex, toks, i, objects=True, after_name=True)
        if has_name(lex, toks, i, end):
            found.append(text[toks.starts[i] : toks.ends[end - 1]])
            free = end
            if titled is not None:
                start, close = apposition(lex, toks, end)
                titled.append(text[toks.starts[start] : toks.ends[close - 1]] if start < close and (
                    toks[start].norm in titles) and not has_name(lex, toks, start, close) else "")
        elif in_commas is not None and end < len(toks) and toks[end].norm in COMMAS and (
                named := apposition(lex, toks, end))[1] > named[0] and has_name(lex, toks, *named):
            in_commas.append(text[toks.starts[named[0]] : toks.ends[named[1] - 1]])
    return found


def turn_taker(lex: Lexicons, text: str, toks: Tokens | None = None) -> str:
    """Return the person a sentence opening with من جانبه / من جهته / بدوره hands the turn to, or ""."""
    toks = tokens(text) if toks is None else toks
    if not opens_new_turn(lex, toks):
        return ""
    found = people(lex, text, toks)
    return found[0] if found else ""


def opens_new_turn(lex: Lexicons, toks: Tokens) -> bool:
    """Return whether a sentence opens with من جانبه / من جهته / بدوره: another participant takes over."""
    head = [t.norm for t in toks[:3]]
    return ((len(head) > 1 and head[0] == "من" and head[1] in lex.w.turn_after_min)
            or (bool(head) and head[0] in lex.w.turn_opener))


def key_words(lex: Lexicons) -> frozenset[str]:
    """Return every normalized word that speech.find(), people() and turn_taker() act on. A sentence with none of
    them and no colon reports nothing and names no titled person: attribution skips it at once."""
    return lex.derived("key_words", lambda lex: (speech.triggers(lex) | lex.title_words | lex.w.turn_after_min
                                                 | lex.w.turn_opener | lex.w.online_voice | {cues.COLON}))


def has_key_word(lex: Lexicons, written: str) -> bool:
    """Return whether a written word (as tokenize.words cuts it) holds a token in key_words()."""
    keys = key_words(lex)
    return any(token(t).norm in keys for t in pieces(written))
