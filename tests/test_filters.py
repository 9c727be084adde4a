"""Filter state round-trips through the URL; the keyword matcher ignores spelling variants and clitics."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs

import pandas as pd
import pytest

from qawl.filters import Filters, Keyword, kwic

ROUND_TRIPS = [
    Filters(),
    Filters(speakers=("شي جين بينغ",)),
    Filters(speakers=("شي جين بينغ", "توكاييف"), themes=("health & epidemics",)),
    Filters(docs=("xinhua_xi_tokayev_call",), q="التعاون"),
    Filters(date_from=dt.date(2018, 3, 1), date_to=dt.date(2018, 9, 30)),
    Filters(speakers=("دونالد ترامب",), themes=("security & conflict",), docs=("BB-1",), q="إدلب",
            date_from=dt.date(2018, 1, 1)),
    Filters(sources=("BBC Arabic",)),
    Filters(sources=("واس", "BBC Arabic", "a&b=c"), themes=("security & conflict", "health & epidemics"),
            docs=("BB-1", "SPA 2#3")),  # SPA (واس), and values with URL-special characters
]


@pytest.mark.parametrize("filters", ROUND_TRIPS)
def test_filters_round_trip_through_params(filters):
    assert Filters.from_params(filters.to_params()) == filters


@pytest.mark.parametrize("filters", ROUND_TRIPS)
def test_filters_round_trip_through_a_query_string(filters):
    assert Filters.from_params(parse_qs(filters.query_string())) == filters


@pytest.mark.parametrize(("params", "expected"), [
    ({"speaker": ["شي", "توكاييف", "شي"]}, Filters(speakers=("شي", "توكاييف"))),
    ({"speaker": "شي"}, Filters(speakers=("شي",))),
    ({"q": "  التعاون  "}, Filters(q="التعاون")),
    ({"from": "2020-13-45", "to": "2020-05-11"}, Filters(date_to=dt.date(2020, 5, 11))),
    ({"from": "2018-09-02T18:16:44"}, Filters(date_from=dt.date(2018, 9, 2))),
    ({"theme": ["", "  "], "page": "3"}, Filters()),
    # An old single-valued URL opens the same view; repeated values are alternatives, kept once, in order.
    ({"theme": "health & epidemics"}, Filters(themes=("health & epidemics",))),
    ({"doc": "a"}, Filters(docs=("a",))),
    ({"doc": ["a", "b", "a"]}, Filters(docs=("a", "b"))),
    ({"source": "واس"}, Filters(sources=("واس",))),
    ({"source": [" واس ", "", "BBC", "واس"]}, Filters(sources=("واس", "BBC"))),
    ({"source": [f"s{i}" for i in range(80)]}, Filters(sources=tuple(f"s{i}" for i in range(50)))),
    ({"theme": ["x" * 400]}, Filters(themes=("x" * 300,))),
])
def test_filters_read_messy_params(params, expected):
    assert Filters.from_params(params) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("theme=health+%26+epidemics", Filters(themes=("health & epidemics",))),
    ("doc=a&doc=b&source=%D9%88%D8%A7%D8%B3", Filters(docs=("a", "b"), sources=("واس",))),
    ("source=&source=BBC&theme=", Filters(sources=("BBC",))),
])
def test_filters_read_raw_query_strings(query, expected):
    assert Filters.from_params(parse_qs(query, keep_blank_values=True)) == expected


@pytest.mark.parametrize(("filters", "active"), [(Filters(), False), (Filters(q="  "), False),
                                                 (Filters(themes=("health & epidemics",)), True),
                                                 (Filters(sources=("BBC",)), True)])
def test_active_means_something_in_the_url(filters, active):
    assert filters.active is active
    assert bool(filters.to_params()) is active


def test_describe_names_every_filter():
    text = Filters(speakers=("شي",), sources=("واس", "BBC"), themes=("health & epidemics",), docs=("a", "b"),
                   q="التعاون").describe()
    for part in ("speaker شي", "outlet واس / BBC", "theme health & epidemics", "document a / b", "keyword التعاون"):
        assert part in text


# (query, written word, hit?)
WORD_CASES = [
    ("التعاون", "التعاون", True),
    ("التعاون", "والتعاون", True),  # and the cooperation
    ("التعاون", "بالتعاون", True),  # with the cooperation
    ("التعاون", "للتعاون", True),  # for the cooperation
    ("التعاون", "تعاون", True),  # cooperation (no article)
    ("التعاون", "التَّعاوُن", True),  # diacritics
    ("التعاون", "التعـــاون", True),  # tatweel
    ("تعاون", "التعاون", True),
    ("والتعاون", "التعاون", True),
    ("أزمة", "ازمه", True),  # crisis: hamza on alef, teh marbuta
    ("ازمه", "أزمة", True),
    ("مستشفى", "مستشفي", True),  # hospital: alef maksura
    ("إعلان", "الإعلان", True),  # announcement
    ("قازاقستان", "قازقستان", True),  # Kazakhstan: spelling variant merged by the alias table
    ("كوفيد-19", "كوفيد-١٩", True),  # Arabic-Indic digits
    ("شي", "شي", True),  # Xi
    ("شي", "شيء", False),  # thing: not the name Xi
    ("شي", "مشيرا", False),  # pointing out
    ("التعاون", "التعاطف", False),  # sympathy
    ("الصين", "الصينية", False),  # Chinese (fem.): another word
]


@pytest.mark.parametrize(("query", "word", "hit"), WORD_CASES)
def test_keyword_matches_words_whatever_their_spelling_and_clitics(query, word, hit):
    assert Keyword(query).matches_word(word) is hit


@pytest.mark.parametrize(("query", "word", "hit"), [c for c in WORD_CASES if c[0] != "قازاقستان"])
def test_text_pattern_agrees_in_python_re_and_pyarrow(query, word, hit):
    """The sentence-level regex (run by pyarrow's RE2) finds the same words as Python's re."""
    keyword = Keyword(query)
    text = f"وقال إن {word} مهم."
    by_python = bool(re.search(keyword.text_pattern(0), text))
    by_arrow = bool(pd.Series([text], dtype="str").str.contains(keyword.text_pattern(0), regex=True)[0])
    assert by_python == by_arrow
    if keyword.terms[0] != Keyword(word).terms[0]:
        assert by_python is hit


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("وقال إن التعاون مهم والتعاون ممكن.", "التعاون", ["التعاون", "والتعاون"]),
    ("أكد شي أن الشيء المهم هو الدعم.", "شي", ["شي"]),
    ("لا شيء هنا.", "التعاون", []),
    ("التعاون مع قازقستان", "تعاون قازاقستان", ["التعاون", "قازقستان"]),
])
def test_hits_are_the_spans_of_matching_words(text, query, expected):
    assert [text[a:b] for a, b in Keyword(query).hits(text)] == expected


@pytest.mark.parametrize("query", ["", "   ", "؟!", "..."])
def test_a_query_without_words_matches_nothing(query):
    keyword = Keyword(query)
    assert keyword.words == ()
    assert keyword.hits("وقال إن التعاون مهم.") == []


def test_kwic_keeps_reading_order_around_each_hit():
    text = "قال الرئيس إن التعاون بين البلدين يعزز التعاون الدولي."
    lines = kwic([("d", 3, text)], Keyword("التعاون"))
    assert [(ln.doc_id, ln.sentence_id, ln.hit) for ln in lines] == [("d", 3, "التعاون"), ("d", 3, "التعاون")]
    for line in lines:
        assert f"{line.before} {line.hit} {line.after}".strip() in text


def test_kwic_cuts_long_contexts_at_words_and_marks_the_cut():
    words = ["كلمة"] * 40
    text = " ".join([*words, "التعاون", *words])
    line = kwic([("d", 1, text)], Keyword("التعاون"), width=30)[0]
    assert line.before.startswith("… ") and line.after.endswith(" …")
    assert len(line.before) <= 32 and len(line.after) <= 32
    assert set(line.before[2:].split()) == {"كلمة"} and set(line.after[:-2].split()) == {"كلمة"}


def test_kwic_stops_at_the_limit():
    rows = [("d", i, "التعاون والتعاون") for i in range(1, 50)]
    assert len(kwic(rows, Keyword("التعاون"), limit=7)) == 7
