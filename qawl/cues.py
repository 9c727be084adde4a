"""Reporting cues of Arabic news, in normalized spelling (أ→ا, ى→ي, ة→ه), with their complements.

A cue verb only reports speech when a complement follows its subject: أن/إن clauses, a colon or a
quotation, or the preposition the verb governs (أعرب عن، دعا إلى، شدد على، حذر من). `ANY` marks
verbs whose object is itself the report (نفى الاتهامات).
"""

from __future__ import annotations

ANY = "*"
THAT = frozenset({"ان", "انه", "انها", "انهم", "انهما", "انهن", "انني", "اننا", "بان", "بانه", "بانها", "بانهم",
                  "لان", "انما", "بانهما"})
QUOTE_MARKS = frozenset({'"', "«", "“", "”", "»", "'"})
COLON = ":"

# past stem -> prepositions (normalized, without clitics) that may carry its report besides THAT / : / "
_PAST: dict[str, frozenset[str]] = {
    "قال": frozenset(), "اضاف": frozenset(), "اكد": frozenset({"علي", ANY}), "اوضح": frozenset(),
    "اشار": frozenset({"الي"}), "لفت": frozenset({"الي"}), "شدد": frozenset({"علي"}),
    "اعرب": frozenset({"عن"}), "صرح": frozenset(), "ذكر": frozenset(), "اعلن": frozenset({"عن", ANY}),
    "حذر": frozenset({"من"}), "طالب": frozenset({"ب"}), "اعتبر": frozenset({ANY}), "تابع": frozenset(),
    "ابان": frozenset(), "بين": frozenset(), "نوه": frozenset({"الي", "ب"}), "كشف": frozenset({"عن"}),
    "افاد": frozenset(), "اردف": frozenset(), "استطرد": frozenset(), "اختتم": frozenset(), "ختم": frozenset(),
    "عبر": frozenset({"عن"}), "ناشد": frozenset({ANY}), "عد": frozenset({ANY}), "اقر": frozenset({"ب"}),
    "اعترف": frozenset({"ب"}), "زعم": frozenset(), "اتهم": frozenset({ANY}), "نبه": frozenset({"الي"}),
    "اجاب": frozenset(), "علق": frozenset({"علي"}), "جدد": frozenset({ANY}), "اشاد": frozenset({"ب"}),
    "حث": frozenset({"علي"}), "ثمن": frozenset({ANY}), "رحب": frozenset({"ب"}), "ادان": frozenset({ANY}),
    "استنكر": frozenset({ANY}), "طمان": frozenset(), "اوصي": frozenset({"ب"}), "افصح": frozenset({"عن"}),
    "لمح": frozenset({"الي"}), "اعتقد": frozenset(), "راي": frozenset(), "دعا": frozenset({"الي", ANY}),
    "نفي": frozenset({ANY}), "ادعي": frozenset(), "تساءل": frozenset(), "رد": frozenset({"علي"}),
    "اقترح": frozenset({ANY}), "وعد": frozenset({"ب"}), "تعهد": frozenset({"ب"}), "رفض": frozenset({ANY}),
    "اعلم": frozenset(), "ابلغ": frozenset({ANY}), "ابدي": frozenset({ANY}), "امتدح": frozenset({ANY}),
    "مدح": frozenset({ANY}), "استهل": frozenset(), "حض": frozenset({"علي"}), "اخبر": frozenset({ANY}),
    "طلب": frozenset({"من"}), "اعترض": frozenset({"علي"}), "توعد": frozenset({"ب"}), "انتقد": frozenset({ANY}),
    "اعتذر": frozenset({"ل", "عن"}), "ندد": frozenset({"ب"}), "وصف": frozenset({ANY}), "اصر": frozenset({"علي"}),
    "هدد": frozenset({"ب"}), "قلل": frozenset({"من"}),
    "استبعد": frozenset({ANY}), "رجح": frozenset({ANY}), "توقع": frozenset(),
}
# Past forms whose feminine/plural drop the final weak letter: دعا → دعت، دعوا.
_WEAK = {"دعا": "دع", "نفي": "نف", "راي": "را", "ادعي": "ادع", "اوصي": "اوص", "ابدي": "ابد"}
# Present stems (after the ي/ت person prefix) -> past stem, for يقول / تقول / يقولون.
_PRESENT = {
    "قول": "قال", "ضيف": "اضاف", "ؤكد": "اكد", "وضح": "اوضح", "شير": "اشار", "لفت": "لفت", "شدد": "شدد",
    "عرب": "اعرب", "صرح": "صرح", "علن": "اعلن", "حذر": "حذر", "طالب": "طالب", "عتبر": "اعتبر",
    "تابع": "تابع", "كشف": "كشف", "فيد": "افاد", "عتقد": "اعتقد", "ري": "راي", "دعو": "دعا", "نفي": "نفي",
    "تساءل": "تساءل", "رد": "رد", "عترف": "اعترف", "تهم": "اتهم", "زعم": "زعم", "ؤمن": "اعتقد",
    "عبر": "عبر", "بين": "بين", "نوه": "نوه", "رفض": "رفض", "قترح": "اقترح", "صر": "اصر", "طلب": "طلب",
    "نتقد": "انتقد", "صف": "وصف", "توقع": "توقع", "رجح": "رجح",
}
# Adverbial participles (مضيفا) report for the subject of the sentence's main verb.
_PARTICIPLES = {
    "مضيفا": "اضاف", "مشيرا": "اشار", "مؤكدا": "اكد", "موضحا": "اوضح", "قائلا": "قال", "معربا": "اعرب",
    "لافتا": "لفت", "مشددا": "شدد", "منوها": "نوه", "داعيا": "دعا", "محذرا": "حذر", "مطالبا": "طالب",
    "معتبرا": "اعتبر", "متابعا": "تابع", "مبينا": "بين", "كاشفا": "كشف", "مردفا": "اردف",
    "مستطردا": "استطرد", "معلنا": "اعلن", "نافيا": "نفي", "مفيدا": "افاد", "معبرا": "عبر", "مثمنا": "ثمن",
    "مشيدا": "اشاد", "مجددا": "جدد", "حاثا": "حث", "متسائلا": "تساءل", "مختتما": "اختتم", "مبديا": "ابدي",
    "مذكرا": "ذكر", "متهما": "اتهم", "مرحبا": "رحب", "مستنكرا": "استنكر",
}
# "according to" phrases: the source is the noun phrase that follows.
ACCORDING_TO = frozenset({"بحسب", "حسب", "وفقا", "وفق", "طبقا", "نقلا"})
# Verbs of relaying: نقلت الوكالة عن الوزير → the source is after عن.
RELAY = frozenset({"نقل", "نقلت", "نقلوا", "ونقل", "ونقلت", "ينقل", "تنقل"})
# Pronoun subjects: وأوضح سموه، وأضاف معاليه → the last named source.
PRONOUN_SUBJECTS = frozenset({
    "سموه", "سموها", "معاليه", "معاليها", "سيادته", "سيادتها", "فضيلته", "سعادته", "سعادتها", "جلالته",
    "فخامته", "دولته", "هو", "هي", "هم", "بدوره", "بدورها", "بدورهم", "حينها", "ايضا", "كذلك",
})
# Impersonal and passive uses that are narration: يذكر أن، يشار إلى، تجدر الإشارة.
IMPERSONAL = frozenset({"يذكر", "يشار", "تجدر", "يقال", "ذكر", "يعتقد"})

_PREFIXES = ("", "و", "ف")
_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا")


def _past_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem in _PAST:
        weak = _WEAK.get(stem)
        for suffix in _PAST_SUFFIXES:
            forms[(weak or stem) + suffix if weak and suffix in {"ت", "وا", "تا"} else stem + suffix] = stem
    return forms


def _present_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for stem, past in _PRESENT.items():
        for person in ("ي", "ت"):
            forms[person + stem] = past
            forms[person + stem + "ون"] = past
            forms[person + stem + "ان"] = past
    return forms


def _with_prefixes(forms: dict[str, str]) -> dict[str, str]:
    return {p + f: s for f, s in forms.items() for p in _PREFIXES}


# Forms that collide with common words of other meaning: اقرا (read! in "اقرأ أيضا"), the dual of اقر.
_COLLISIONS = frozenset({"اقرا", "واقرا", "فاقرا"})
VERBS: dict[str, str] = {
    form: stem for form, stem in _with_prefixes(_past_forms() | _present_forms()).items() if form not in _COLLISIONS
}
PARTICIPLES: dict[str, str] = _with_prefixes(
    _PARTICIPLES | {p[:-1] + "ه": s for p, s in _PARTICIPLES.items()} | {p + "ً": s for p, s in _PARTICIPLES.items()}
)
# Spellings shared with common nouns and prepositions (بين between, وعد promise, رد reply): cues only at
# the head of a clause with a that-clause, colon or quotation right after their subject.
AMBIGUOUS = frozenset({"بين", "وبين", "فبين", "رد", "ورد", "فرد", "وردت", "وعد", "فعد", "عد", "وعدت"})
# Nouns for a document that speaks for its author (وأضاف البيان): the source is the author named before.
DOCUMENTS = frozenset({"البيان", "التقرير", "الخطاب", "الرساله", "البلاغ", "الوثيقه", "المذكره", "النص", "الاعلان",
                       "التغريده", "المنشور", "الكتاب", "القرار", "الاتفاق", "التصريح", "المقال", "الدراسه"})


# Objects that make a cue verb say that nothing was said: رفضت الوزارة التعليق.
NO_COMMENT = frozenset({"التعليق", "الادلاء", "الافصاح", "الكشف", "الرد", "الحديث"})


def complements(stem: str) -> frozenset[str]:
    """Return the prepositions (besides that-clauses, colons and quotes) a cue's report may follow."""
    return _PAST.get(stem, frozenset())
