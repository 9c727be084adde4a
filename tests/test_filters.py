"""Filter state round-trips through the URL (the keyword matcher has its own tests: test_search.py)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pytest

from qawl.filters import Filters

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
    Filters(q="إيران", match="forms"),
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


@pytest.mark.parametrize(("params", "match", "forms"), [
    ({"q": "إيران"}, "exact", False),
    ({"q": "إيران", "match": "forms"}, "forms", True),
    ({"q": "إيران", "match": "stems"}, "exact", False),  # unknown modes are exact
    ({"match": "forms"}, "exact", False),  # no keyword, no mode
])
def test_match_mode_comes_from_the_url(params, match, forms):
    filters = Filters.from_params(params)
    assert filters.match == match
    assert filters.keyword.forms is forms
    assert Filters.from_params(filters.to_params()) == filters


@pytest.mark.parametrize(("filters", "lang", "expected"), [
    (Filters(), "en", "no filter"),
    (Filters(), "ar", "بلا مرشحات"),
    (Filters(themes=("security & conflict",), q="إيران", match="forms"), "en",
     "theme security & conflict, keyword إيران (derived forms)"),
    (Filters(themes=("security & conflict",), q="إيران", match="forms"), "ar",
     "الموضوع الأمن والنزاعات، الكلمة إيران (مع الصيغ المشتقة)"),
    (Filters(date_from=dt.date(2018, 3, 5)), "en", "dates 5 March 2018 to …"),
    (Filters(date_from=dt.date(2018, 3, 5)), "ar", "التواريخ من 5 مارس 2018 إلى …"),
])
def test_filters_describe_themselves_in_both_languages(filters, lang, expected):
    assert filters.describe(lang) == expected
