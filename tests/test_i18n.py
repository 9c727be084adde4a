"""The label catalog: both languages for every key, matching placeholders, plural forms, numbers and dates."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from qawl_paths import ROOT

from qawl import i18n, resources

ARABIC_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# A call of the catalog in code: t("key" …) or i18n.t("key" …).
_CALL = re.compile(r"""\bt\(\s*["']([A-Za-z0-9_.]+)["']""")
CODE = [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("qawl/*.py"), ROOT / "app.py"]


def test_the_catalog_is_read_and_large():
    assert len(i18n.catalog()) >= 150


@pytest.mark.parametrize("key", sorted(i18n.catalog()))
def test_every_label_has_both_languages_with_the_same_placeholders(key):
    entry = i18n.catalog()[key]
    en, ar = entry["en"], entry["ar"]
    assert all(text.strip() for _, text in en.forms) and all(text.strip() for _, text in ar.forms)
    # The count may be written out in a form ("مقال واحد", "مقالين"), every other field must be in both.
    assert en.fields() - {i18n.PLURAL_FIELD} == ar.fields() - {i18n.PLURAL_FIELD}
    assert en.plural == ar.plural
    if en.plural:
        assert {c for c, _ in en.forms} == {"one", "other"}
        assert {c for c, _ in ar.forms} == ARABIC_CATEGORIES  # Arabic needs every form
        assert i18n.PLURAL_FIELD in en.fields()


def test_catalog_text_has_no_presentation_forms_or_bidi_controls():
    text = i18n.CATALOG.read_text(encoding="utf-8")
    assert not resources.PRESENTATION_FORMS.search(text)
    assert not resources.INVISIBLE.search(text)


def test_catalog_keys_are_unique():
    with open(i18n.CATALOG, encoding="utf-8", newline="") as f:
        keys = [row["key"] for row in csv.DictReader(f)]
    assert len(keys) == len(set(keys))


def test_every_key_the_code_uses_is_in_the_catalog():
    used = {key for path in CODE for key in _CALL.findall(path.read_text(encoding="utf-8"))}
    assert not used - set(i18n.catalog())


def test_every_theme_of_the_lexicon_has_an_arabic_name():
    with open(ROOT / "data" / "themes.csv", encoding="utf-8", newline="") as f:
        themes = {row["theme"] for row in csv.DictReader(f)}
    labels = i18n.theme_labels()
    assert themes == set(labels)
    assert all(re.search("[\u0621-\u064a]", labels[t]) for t in themes)
    assert i18n.theme("security & conflict", "ar") == "الأمن والنزاعات"
    assert i18n.theme("security & conflict", "en") == "security & conflict"
    assert i18n.theme("a theme added later", "ar") == "a theme added later"


@pytest.mark.parametrize(("n", "lang", "expected"), [
    (1, "en", "in 1 article"),
    (2, "en", "in 2 articles"),
    (0, "en", "in 0 articles"),
    (1_234, "en", "in 1,234 articles"),
    (1, "ar", "في مقال واحد"),
    (2, "ar", "في مقالين"),
    (3, "ar", "في 3 مقالات"),
    (10, "ar", "في 10 مقالات"),
    (11, "ar", "في 11 مقالا"),
    (99, "ar", "في 99 مقالا"),
    (100, "ar", "في 100 مقال"),
    (103, "ar", "في 103 مقالات"),
    (111, "ar", "في 111 مقالا"),
    (1_000, "ar", "في 1,000 مقال"),
])
def test_plurals_follow_each_language(n, lang, expected):
    assert i18n.t("header.in_articles", lang, n=n) == expected


@pytest.mark.parametrize(("key", "lang", "fields", "expected"), [
    ("header.sentences", "en", {"shown": 12, "n": 1_340}, "12 of 1,340 sentences"),
    ("header.sentences", "ar", {"shown": 12, "n": 340}, "12 من 340 جملة"),
    ("header.sentences", "ar", {"shown": 1, "n": 5}, "1 من 5 جمل"),
    ("export.button", "en", {"file": "sentences.csv", "n": 1}, "sentences.csv (1 row)"),
    ("export.button", "ar", {"file": "sentences.csv", "n": 2}, "sentences.csv (صفان)"),
    ("page.reader", "ar", {}, "القارئ"),
    ("no.such.key", "ar", {}, "no.such.key"),
])
def test_labels_fill_their_fields(key, lang, fields, expected):
    assert i18n.t(key, lang, **fields) == expected


@pytest.mark.parametrize(("value", "lang", "decimals", "expected"), [
    (1_234_567, "en", None, "1,234,567"),
    (1_234_567, "ar", None, "1,234,567"),  # Western digits in Arabic too
    (12.345, "ar", 1, "12.3"),
    (0.5, "en", 2, "0.50"),
])
def test_numbers_are_formatted_for_the_language(value, lang, decimals, expected):
    assert i18n.number(value, lang, decimals) == expected


@pytest.mark.parametrize(("style", "lang", "expected"), [
    ("day", "en", "5 March 2018"),
    ("day", "ar", "5 مارس 2018"),
    ("M", "en", "Mar 2018"),
    ("M", "ar", "مارس 2018"),
    ("W", "ar", "5 مارس 2018"),
])
def test_dates_are_formatted_for_the_language(style, lang, expected):
    assert i18n.date(dt.date(2018, 3, 5), lang, style) == expected


def test_a_moment_keeps_its_time():
    assert i18n.date(dt.datetime(2018, 3, 5, 14, 7), "ar", "time") == "5 مارس 2018 14:07"


@pytest.mark.parametrize(("value", "lang"), [("ar", "ar"), (" AR ", "ar"), ("en", "en"), ("fr", "en"), ("", "en"),
                                             (["ar"], "ar"), ([], "en"), (None, "en")])
def test_the_language_comes_from_the_url(value, lang):
    assert i18n.lang_of(value) == lang
    assert i18n.direction(lang) == ("rtl" if lang == "ar" else "ltr")


def test_a_cell_with_a_bar_but_no_categories_is_plain():
    assert not i18n.Message.parse("a | b").plural
    assert i18n.Message.parse("one: x | other: y").text("few") == "y"
