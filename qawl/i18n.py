"""The interface's words in English and Arabic: one label catalog (data/labels.csv), plurals, numbers and dates.

A catalog cell is a message with `{field}` placeholders, or plural forms `category: text | category: text`
chosen by the CLDR category of the field `n` (English one/other; Arabic zero/one/two/few/many/other: في مقال
واحد، في مقالين، في 3 مقالات، في 11 مقالا، في 100 مقال). Numbers and dates are formatted by Babel (CLDR).

Arabic uses Western digits (CLDR's default for `ar`): the corpora write their numbers that way (SPA, BBC and
Sky News Arabia: 4,270 Western digits, no Arabic-Indic one), and Plotly's axes can only draw Western digits, so
a page never mixes two digit systems.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from babel import Locale
from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CATALOG = DATA_DIR / "labels.csv"
THEME_LABELS = DATA_DIR / "theme_labels.csv"
LANGS = ("en", "ar")
DEFAULT = "en"
LANG_PARAM = "lang"  # URL parameter: ?lang=ar
PLURAL_FIELD = "n"
_FORM = re.compile(r"^\s*(zero|one|two|few|many|other)\s*:\s*(.*?)\s*$", re.S)
# Date patterns (CLDR) per date bucket: a day, a week (by its first day), a month; and a moment.
DATE_FORMATS = {"D": "d MMM y", "W": "d MMM y", "M": "MMM y", "day": "d MMMM y", "time": "d MMMM y HH:mm"}


class CatalogError(ValueError):
    """The label catalog is malformed (a missing language, an unknown plural category)."""


@dataclass(frozen=True)
class Message:
    """One catalog entry in one language: plain text, or plural forms by CLDR category."""

    forms: tuple[tuple[str, str], ...]  # (category, text); one ("", text) pair for a plain message

    @classmethod
    def parse(cls, cell: str) -> Message:
        """Return the message a catalog cell holds (plural forms when every part names a CLDR category)."""
        parts = cell.split("|")
        matched = [_FORM.match(p) for p in parts]
        if len(parts) > 1 and all(matched):
            return cls(tuple((m.group(1), m.group(2)) for m in matched if m))
        return cls((("", cell),))  # as written: a separator may be ", "

    @property
    def plural(self) -> bool:
        """Return whether the message has plural forms."""
        return self.forms[0][0] != ""

    def text(self, category: str) -> str:
        """Return the form of a plural category (else 'other'), or the plain text."""
        found = dict(self.forms)
        return found.get(category) or found.get("other") or self.forms[0][1]

    def fields(self) -> set[str]:
        """Return the placeholder names used in any form."""
        return {name for _, text in self.forms for _, name, _, _ in string.Formatter().parse(text) if name}


@cache
def catalog(path: Path = CATALOG) -> dict[str, dict[str, Message]]:
    """Return key -> language -> message, read once from the catalog CSV (key,en,ar)."""
    out: dict[str, dict[str, Message]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row.get("key") or "").strip()
            if key and not key.startswith("#"):
                out[key] = {lang: Message.parse(row.get(lang) or "") for lang in LANGS}
    return out


def lang_of(value: object) -> str:
    """Return the interface language a URL value asks for ("ar" or the default "en")."""
    text = value if isinstance(value, str) else next(iter(value), "") if isinstance(value, list | tuple) else ""
    return text.strip().lower() if text.strip().lower() in LANGS else DEFAULT


def direction(lang: str) -> str:
    """Return the writing direction of a language: "rtl" for Arabic, else "ltr"."""
    return "rtl" if lang == "ar" else "ltr"


def plural_category(n: float, lang: str) -> str:
    """Return the CLDR plural category of a count in a language (ar: zero/one/two/few/many/other)."""
    return Locale.parse(lang).plural_form(abs(n))


def number(value: float, lang: str = DEFAULT, decimals: int | None = None) -> str:
    """Return a number written for the language (grouped thousands, Western digits; decimals when given)."""
    if decimals is not None:
        return format_decimal(round(value, decimals), format=f"#,##0.{'0' * decimals}" if decimals else "#,##0",
                              locale=lang, numbering_system="latn")
    return format_decimal(value, locale=lang, numbering_system="latn")


def date(value: dt.date | dt.datetime, lang: str = DEFAULT, style: str = "day") -> str:
    """Return a date written for the language in a DATE_FORMATS style (D, W, M buckets; day; time)."""
    pattern = DATE_FORMATS.get(style, style)
    if isinstance(value, dt.datetime) and style == "time":
        return format_datetime(value, pattern, locale=lang)
    return format_date(value.date() if isinstance(value, dt.datetime) else value, pattern, locale=lang)


def _shown(value: object, lang: str) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | np.integer):
        return number(int(value), lang)
    return value


def listing(items: list[str], lang: str = DEFAULT) -> str:
    """Return items as the language lists them (BBC, Sky and SPA; BBC وSky وSPA)."""
    return format_list(items, locale=lang) if items else ""


def t(key: str, lang: str = DEFAULT, **fields: object) -> str:
    """Return the label of key in lang with its fields filled in (numbers formatted, plural form chosen by n).

    An unknown key comes back as itself, so a missing label shows rather than breaks a page; a test checks
    that every key the code uses is in the catalog.
    """
    entry = catalog().get(key)
    if entry is None:
        return key
    message = entry.get(lang) or entry[DEFAULT]
    category = plural_category(float(fields.get(PLURAL_FIELD, 0)), lang) if message.plural else ""
    text = message.text(category)
    return text.format_map({k: _shown(v, lang) for k, v in fields.items()}) if fields else text




@cache
def theme_labels(path: Path = THEME_LABELS) -> dict[str, str]:
    """Return English theme name (data/themes.csv) -> its Arabic name."""
    with open(path, encoding="utf-8", newline="") as f:
        return {row["theme"].strip(): row["ar"].strip() for row in csv.DictReader(f) if row.get("theme")}


def theme(name: str, lang: str = DEFAULT) -> str:
    """Return a theme's name in the language (the lexicon's English name when no Arabic one is known)."""
    return theme_labels().get(name, name) if lang == "ar" else name
