"""Reading the date column of a corpus: one day/month order for the whole column, Arabic month names, Hijri dates
converted to Gregorian, and every value that could not be read named.

A column reads numeric dates day first (25/12/2015) when any of its dates says so (a first field over 12), or
when none says either way (Arabic sources write the day first); month first only when its dates say so (a second
field over 12). Values that contradict the column's order are not read, so no date is read one way and its
neighbour the other. Hijri dates (25 شوال 1436 هـ, 1436/10/25 هـ) are converted with hijridate (Umm al-Qura
calendar); `... هـ الموافق 10 أغسطس 2015 م` is read from its Gregorian half.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NamedTuple

import pandas as pd
from hijridate import Hijri

from qawl.normalize import normalize

Warn = Callable[[str], None]

MAX_WARNINGS = 5  # values named one by one; the rest are counted
_MAX_SHOWN = 60  # characters of a value quoted in a warning

# Month names as written in Arabic news (the Gulf and Egypt, the Levant and Iraq, the Maghreb), matched once
# normalized (أ/إ/آ → ا, ى → ي, ة → ه): month number, names.
GREGORIAN_MONTHS = (
    (1, "يناير", "كانون الثاني", "جانفي", "جانفييه"),
    (2, "فبراير", "شباط", "فيفري", "فبراير"),
    (3, "مارس", "آذار"),
    (4, "أبريل", "إبريل", "نيسان", "أفريل"),
    (5, "مايو", "أيار", "ماي"),
    (6, "يونيو", "يونيه", "حزيران", "جوان"),
    (7, "يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    (8, "أغسطس", "آب", "أوت", "غشت"),
    (9, "سبتمبر", "أيلول", "شتنبر"),
    (10, "أكتوبر", "تشرين الأول"),
    (11, "نوفمبر", "تشرين الثاني", "نونبر"),
    (12, "ديسمبر", "كانون الأول", "دجنبر"),
)
HIJRI_MONTHS = (
    (1, "محرم", "المحرم"),
    (2, "صفر"),
    (3, "ربيع الأول", "ربيع أول"),
    (4, "ربيع الآخر", "ربيع الثاني", "ربيع آخر", "ربيع ثاني"),
    (5, "جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    (6, "جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    (7, "رجب"),
    (8, "شعبان"),
    (9, "رمضان"),
    (10, "شوال"),
    (11, "ذو القعدة", "ذي القعدة"),
    (12, "ذو الحجة", "ذي الحجة"),
)
_HIJRI_YEARS = range(1300, 1501)  # a year-last numeric date in these years is Hijri even without هـ
_CORRESPONDING = "الموافق"  # "corresponding to": a Hijri date followed by its Gregorian one


def _month_table() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """Return a pattern of every month name (normalized, longest first) and name -> (calendar, month)."""
    names: dict[str, tuple[str, int]] = {}
    for calendar, table in (("hijri", HIJRI_MONTHS), ("gregorian", GREGORIAN_MONTHS)):
        for number, *spellings in table:
            for spelling in spellings:
                for form in {normalize(spelling), normalize(spelling).replace(" ", "")}:  # ذوالقعدة
                    names[form] = (calendar, number)
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:ال)?(?P<name>{alternatives})(?!\w)"), names


_MONTHS, _MONTH_OF = _month_table()
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(ص|م|صباحا|مساء|am|pm)?", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})(?:\s*(ه|م))?$")
_WEEKDAY_AND_MARKS = re.compile(r"(?<!\w)(?:يوم\s+)?(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)(?!\w)|[،,]")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


class _Read(NamedTuple):
    """One value read: its datetime, or None and why not."""

    when: datetime | None
    reason: str = ""


def _evidence(form: str) -> tuple[bool, bool, bool]:
    """Return whether a value's date part (normalized) puts the day first, puts the month first, or is read
    otherwise in either order (01/02/2015): a year-last numeric date with two different fields."""
    m = _NUMERIC.match(form)
    if not m or len(m.group(1)) > 2:
        return False, False, False
    first, second = int(m.group(1)), int(m.group(2))
    return first > 12 >= second, second > 12 >= first, first != second


def _time(text: str) -> tuple[str, tuple[int, int, int]]:
    """Return text without its time of day, and that time (0:00 when it has none)."""
    m = _TIME.search(text)
    if not m:
        return text, (0, 0, 0)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if (m.group(4) or "").lower() in {"م", "مساء", "pm"} and hour < 12:
        hour += 12
    return text[: m.start()] + " " + text[m.end() :], (hour, minute, second)


def _make(calendar: str, year: int, month: int, day: int, clock: tuple[int, int, int]) -> _Read:
    """Return the Gregorian datetime of a date in either calendar, or why there is no such date."""
    try:
        if calendar == "hijri":
            gregorian = Hijri(year, month, day).to_gregorian()
            year, month, day = gregorian.year, gregorian.month, gregorian.day
        return _Read(datetime(year, month, day, *clock))
    except (ValueError, OverflowError) as exc:
        return _Read(None, f"no such {'Hijri ' if calendar == 'hijri' else ''}date: {exc}")


def _named(text: str, clock: tuple[int, int, int]) -> _Read | None:
    """Read a date with a month name (10 أغسطس 2015, 25 شوال 1436 هـ); None when it names no month."""
    found = {_MONTH_OF[m.group("name")] for m in _MONTHS.finditer(text)}
    if not found:
        return None
    if len(found) > 1:
        return _Read(None, "names more than one month")
    (calendar, month), = found
    rest = _MONTHS.sub(" ", text)
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if len(years) != 1 or len(days) != 1:
        return _Read(None, "not one day and one year beside the month")
    return _make(calendar, years[0], month, days[0], clock)


def _numbers(text: str, day_first: bool, clock: tuple[int, int, int]) -> _Read | None:
    """Read a numeric date (25/12/2015, 2015/12/25, 1436/10/25 هـ); None when text is not one."""
    m = _NUMERIC.match(text)
    if not m:
        return None
    a, b, c = (int(g) for g in m.group(1, 2, 3))
    if len(m.group(1)) > 2:  # year first
        year, month, day = a, b, c
    else:
        year = c if len(m.group(3)) > 2 else c + (2000 if c < 69 else 1900)  # as strptime's %y
        day, month = (a, b) if day_first else (b, a)
        if month > 12:
            order = "day" if day_first else "month"
            return _Read(None, f"no month {month}: the column gives the {order} first")
    hijri = m.group(4) == "ه" or (m.group(4) != "م" and year in _HIJRI_YEARS)
    return _make("hijri" if hijri else "gregorian", year, month, day, clock)


def _read(value: str, day_first: bool) -> _Read | None:
    """Read one date written the Arabic way (month names, Hijri, numeric); None to leave it to pandas."""
    text = normalize(value)
    if _CORRESPONDING in text:  # Hijri الموافق Gregorian: the Gregorian half, else the Hijri one
        hijri, gregorian = text.split(_CORRESPONDING, 1)
        read = _read(gregorian, day_first)
        return read if read is not None and read.when is not None else _read(hijri, day_first)
    text, clock = _time(_WEEKDAY_AND_MARKS.sub(" ", text))
    text = " ".join(text.split())
    named = _named(text, clock)
    return named if named is not None else _numbers(text, day_first, clock)


class Column:
    """A date column read whole or in parts (a dataset built chunk by chunk), in one day/month order: the order its
    year-last numeric dates say (the most distinct values of either kind), else day first, unless one is given.

    A column read in parts reads each part in the order the dates so far say; `overturned` tells when later dates
    said otherwise after a part whose dates read differently in the two orders (then read it again with the
    order given). The warnings come once for the whole column (`messages`).
    """

    def __init__(self, day_first: bool | None = None, day: int = 0, month: int = 0) -> None:
        self.given = day_first
        self.day: set[str] = set()  # distinct values that put the day first
        self.month: set[str] = set()
        self.before = (day, month)  # counts from parts read earlier (a dataset's former batches)
        self.read_with: set[bool] = set()  # the orders parts holding dates read otherwise in the other were read in
        self.example = ""  # a value read otherwise in the other order, while no date settles the order
        self.example_read: datetime | None = None
        self.unread: list[tuple[str, str, str]] = []  # (document, value, reason): the first MAX_WARNINGS
        self.n_unread = 0

    def counts(self) -> tuple[int, int]:
        """Return how many distinct values put the day first and how many the month."""
        return self.before[0] + len(self.day), self.before[1] + len(self.month)

    def day_first(self) -> bool:
        """Return the order the column is read in now."""
        if self.given is not None:
            return self.given
        day, month = self.counts()
        return day >= month

    def settled(self) -> bool:
        """Return whether an order was given or some date says one."""
        return self.given is not None or any(self.counts())

    def overturned(self) -> bool:
        """Return whether a part was read in an order other than the one the column's dates now say."""
        return any(order != self.day_first() for order in self.read_with)

    def parse(self, values: Sequence[str], ids: Sequence[str]) -> pd.Series:
        """Return naive UTC datetimes for a part's date strings (NaT where empty or unreadable), noting the values
        that could not be read (ids: the document of each value)."""
        strings = [str(v).strip() if v is not None else "" for v in values]
        unique = sorted({s for s in strings if s})
        either = ambiguous = ""
        for s in unique:
            day, month, sensitive = _evidence(_time(normalize(s))[0].strip())
            if day:
                self.day.add(s)
            elif month:
                self.month.add(s)
            either = either or (s if sensitive else "")
            ambiguous = ambiguous or (s if sensitive and not (day or month) else "")
        day_first = self.day_first()
        if either:
            self.read_with.add(day_first)
        found: dict[str, datetime] = {}
        reasons: dict[str, str] = {}
        rest = []
        for s in unique:
            read = _read(s, day_first)
            if read is None:
                rest.append(s)
            elif read.when is None:
                reasons[s] = read.reason
            else:
                found[s] = read.when
        found.update(_pandas(rest, day_first, reasons))
        if not self.example and ambiguous in found:
            self.example, self.example_read = ambiguous, found[ambiguous]
        for doc_id, s in zip(ids, strings, strict=True):
            if s in reasons:
                self.n_unread += 1
                if len(self.unread) < MAX_WARNINGS:
                    self.unread.append((doc_id, s, reasons[s]))
        parsed = pd.to_datetime(pd.Series([found.get(s) for s in strings], dtype="object"), utc=True)
        return parsed.dt.tz_localize(None).astype("datetime64[us]")

    def messages(self) -> list[str]:
        """Return the warnings of the column: an order of day and month that no value settled (when it mattered),
        and each document whose date could not be read (the first MAX_WARNINGS by name, the rest counted)."""
        out = []
        if self.example and not self.settled():
            out.append(f"dates such as {self.example} read day first, as {self.example_read:%d %B %Y}: no date says "
                       "whether the day or the month comes first")
        for doc_id, s, reason in self.unread:
            shown = s if len(s) <= _MAX_SHOWN else s[: _MAX_SHOWN - 1] + "…"
            out.append(f"{doc_id}: date '{shown}' not understood ({reason}), left empty")
        if self.n_unread > MAX_WARNINGS:
            out.append(f"{self.n_unread - MAX_WARNINGS} more dates not understood, left empty")
        return out


def parse(values: Sequence[str], ids: Sequence[str], warn: Warn) -> pd.Series:
    """Return naive UTC datetimes for the date strings of a column (NaT where empty or unreadable); warn(message)
    names each value that could not be read (ids: the document of each value) and an order of day and month
    that no value settled."""
    column = Column()
    parsed = column.parse(values, ids)
    for message in column.messages():
        warn(message)
    return parsed


def _pandas(values: list[str], day_first: bool, reasons: dict[str, str]) -> dict[str, datetime]:
    """Return the values pandas reads (ISO 8601 first, then RFC 2822 and English month names), naive UTC; the rest
    get a reason. A value without a four-digit year is not guessed at (dateutil would fill in today's)."""
    if not values:
        return {}
    series = pd.Series(values, dtype="str")
    parsed = pd.to_datetime(series, format="ISO8601", errors="coerce", utc=True)
    loose = parsed.isna() & series.str.contains(_YEAR)
    if loose.any():
        parsed[loose] = pd.to_datetime(series[loose], format="mixed", dayfirst=day_first, errors="coerce", utc=True)
    out = {}
    for value, when in zip(values, parsed.dt.tz_localize(None), strict=True):
        if pd.isna(when):
            reasons[value] = "not a date" if _YEAR.search(value) else "no year"
        else:
            out[value] = when.to_pydatetime()
    return out
