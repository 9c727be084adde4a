"""Dates of a corpus: one day/month order per column, Arabic month names, Hijri dates, every unread value named."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hijridate import Hijri

from qawl import dates

SPA_DATELINE = "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"  # the SPA sample's own dateline


def parse(values: list[str]) -> tuple[list[pd.Timestamp | None], list[str]]:
    """Return the dates read from a column (None for NaT) and the warnings met."""
    warnings: list[str] = []
    parsed = dates.parse(values, [f"doc{i}" for i in range(len(values))], warnings.append)
    assert str(parsed.dtype) == "datetime64[us]"
    return [None if pd.isna(d) else d for d in parsed], warnings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-10 20:27:03", "2015-08-10 20:27:03"),  # SPA metadata
        ("2018-02-18T17:56:31+00:00", "2018-02-18 17:56:31"),  # Sky News Arabia
        ("2018-02-18T19:56:31+02:00", "2018-02-18 17:56:31"),  # kept in UTC
        ("Sun, 02 Sep 2018 18:16:44 GMT", "2018-09-02 18:16:44"),  # BBC Arabic
        ("13/02/2015", "2015-02-13"),
        ("13.02.2015", "2015-02-13"),
        ("2015/02/13", "2015-02-13"),
        ("١٣/٠٢/٢٠١٥", "2015-02-13"),  # Arabic-Indic digits
        ("10 أغسطس 2015", "2015-08-10"),  # 10 August
        ("الاثنين 10 اغسطس 2015 م", "2015-08-10"),  # Monday ..., CE
        ("10 آب 2015", "2015-08-10"),  # the Levant's name of August
        ("5 نوفمبر/تشرين الثاني 2018", "2018-11-05"),  # BBC Arabic writes both
        ("10 اغسطس 2015 10:30 م", "2015-08-10 22:30"),  # p.m.
        ("25 شوال 1436 هـ", "2015-08-10"),  # Hijri, as the SPA dateline pairs them
        ("26 شوال 1436هـ", "2015-08-11"),
        ("1436/10/25 هـ", "2015-08-10"),
        ("25/10/1436", "2015-08-10"),  # a Hijri year needs no هـ
        ("1 رمضان 1436", "2015-06-18"),  # Ramadan began on Thursday 18 June 2015 in Saudi Arabia
        (SPA_DATELINE, "2015-08-10"),
    ],
)
def test_one_value(value, expected):
    assert parse([value]) == ([pd.Timestamp(expected)], [])


@pytest.mark.parametrize(("number", "names"), [(row[0], row[1:]) for row in dates.HIJRI_MONTHS])
def test_every_hijri_month_name(number, names):
    expected = pd.Timestamp(Hijri(1437, number, 1).to_gregorian())
    for name in names:
        assert parse([f"1 {name} 1437 هـ"])[0] == [expected], name


@pytest.mark.parametrize(("number", "names"), [(row[0], row[1:]) for row in dates.GREGORIAN_MONTHS])
def test_every_gregorian_month_name(number, names):
    for name in names:
        assert parse([f"5 {name} 2016"])[0] == [pd.Timestamp(dt.date(2016, number, 5))], name


def test_a_column_reads_day_first_when_a_date_says_so():
    assert parse(["01/02/2015", "13/02/2015"])[0] == [pd.Timestamp("2015-02-01"), pd.Timestamp("2015-02-13")]


def test_a_column_reads_month_first_when_its_dates_say_so():
    assert parse(["01/02/2015", "02/13/2015"])[0] == [pd.Timestamp("2015-01-02"), pd.Timestamp("2015-02-13")]


def test_a_date_against_the_column_order_is_not_read_but_named():
    read, warnings = parse(["13/02/2015", "14/02/2015", "02/15/2015"])
    assert read == [pd.Timestamp("2015-02-13"), pd.Timestamp("2015-02-14"), None]
    assert warnings == ["doc2: date '02/15/2015' not understood (no month 15: the column gives the day first), "
                        "left empty"]


def test_an_order_no_date_settles_is_day_first_and_said():
    read, warnings = parse(["01/02/2015", "03/04/2015"])
    assert read == [pd.Timestamp("2015-02-01"), pd.Timestamp("2015-04-03")]
    assert warnings == ["dates such as 01/02/2015 read day first, as 01 February 2015: no date says whether the day "
                        "or the month comes first"]


def test_unreadable_dates_are_named_and_empty_ones_are_not():
    read, warnings = parse(["31/02/2015", "yesterday", "", "30 صفر 1600", "2015-08-10"])
    assert read == [None, None, None, None, pd.Timestamp("2015-08-10")]
    assert warnings == [
        "doc0: date '31/02/2015' not understood (no such date: day is out of range for month), left empty",
        "doc1: date 'yesterday' not understood (no year), left empty",
        "doc3: date '30 صفر 1600' not understood (no such Hijri date: year must be in 1343-1500, got '1600'), "
        "left empty",
    ]


def test_many_unreadable_dates_are_counted():
    _, warnings = parse(["nonsense"] * 12)
    assert len(warnings) == dates.MAX_WARNINGS + 1
    assert warnings[-1] == f"{12 - dates.MAX_WARNINGS} more dates not understood, left empty"
