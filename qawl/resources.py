"""Character tables and regexes compiled once; data apart from the functions that use them."""

import re

# Harakat, Quranic marks, superscript alef (U+0670) and tatweel (U+0640).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
DIACRITICS = re.compile(f"[{MARKS}]")
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
ALEF_MAKSURA = str.maketrans({"ى": "ي"})
TEH_MARBUTA = str.maketrans({"ة": "ه"})
# Eastern Arabic and Persian digits to ASCII, so years and counts match either way.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Zero-width and bidi control characters: invisible, they split words that look whole.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
# Arabic presentation forms (ligatures, contextual glyphs) that must never leave Qawl.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# A word: Arabic letters with their marks, Latin letters or digits, joined by an inner hyphen
# (كوفيد-19) or an inner dot/comma in numbers (0.48). No joiner is a letter, so the repeats are possessive (++, *+):
# the same words, without the engine keeping a way back at every letter.
WORD = re.compile(
    r"[0-9\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06fa-\u06ffA-Za-z"
    f"{MARKS}]++"
    r"(?:[-.,٫][0-9\u0621-\u063a\u0641-\u064a\u066e-\u06d3A-Za-z\u0660-\u0669]++)*+"
)
