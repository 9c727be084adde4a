"""Filter state round-trips through the URL (the keyword matcher has its own tests: test_search.py)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pytest

from qawl.filters import Filters

ROUND_TRIPS = [
    Filters(),
    Filters(speakers=("شي جين بينغ",)),
    Filters(speakers=("شي جين بينغ", "توكاييف"), theme="health & epidemics"),
    Filters(doc="xinhua_xi_tokayev_call", q="التعاون"),
    Filters(date_from=dt.date(2018, 3, 1), date_to=dt.date(2018, 9, 30)),
    Filters(speakers=("دونالد ترامب",), theme="security & conflict", doc="BB-1", q="إدلب",
            date_from=dt.date(2018, 1, 1)),
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
    ({"doc": ["a", "b"]}, Filters(doc="b")),
])
def test_filters_read_messy_params(params, expected):
    assert Filters.from_params(params) == expected


@pytest.mark.parametrize(("filters", "active"), [(Filters(), False), (Filters(q="  "), False),
                                                 (Filters(theme="health & epidemics"), True)])
def test_active_means_something_in_the_url(filters, active):
    assert filters.active is active
    assert bool(filters.to_params()) is active


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
    (Filters(theme="security & conflict", q="إيران", match="forms"), "en",
     "theme security & conflict, keyword إيران (derived forms)"),
    (Filters(theme="security & conflict", q="إيران", match="forms"), "ar",
     "الموضوع الأمن والنزاعات، الكلمة إيران (مع الصيغ المشتقة)"),
    (Filters(date_from=dt.date(2018, 3, 5)), "en", "dates 5 March 2018 to …"),
    (Filters(date_from=dt.date(2018, 3, 5)), "ar", "التواريخ من 5 مارس 2018 إلى …"),
])
def test_filters_describe_themselves_in_both_languages(filters, lang, expected):
    assert filters.describe(lang) == expected
