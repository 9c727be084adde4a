"""Arabic normalization as small pure functions composed into one pipeline."""

import unicodedata

from qawl import resources as r


def diacritics(text: str) -> str:
    """Return text without harakat, Quranic marks, superscript alef and tatweel."""
    return r.DIACRITICS.sub("", text)


def alef(text: str) -> str:
    """Return text with أ إ آ ٱ written as bare alef."""
    return text.translate(r.ALEF_FORMS)


def alef_maksura(text: str) -> str:
    """Return text with ى written as ي."""
    return text.translate(r.ALEF_MAKSURA)


def teh_marbuta(text: str) -> str:
    """Return text with ة written as ه."""
    return text.translate(r.TEH_MARBUTA)


def invisible(text: str) -> str:
    """Return text without zero-width and bidi control characters."""
    return r.INVISIBLE.sub("", text)


def presentation_forms(text: str) -> str:
    """Return text with Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) decomposed to letters."""
    if not r.PRESENTATION_FORMS.search(text):
        return text
    return r.PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def digits(text: str) -> str:
    """Return text with Arabic-Indic digits as ASCII digits."""
    return text.translate(r.DIGITS)


def normalize(text: str, *, yeh: bool = True, teh: bool = True) -> str:
    """Return the search form of text: no marks or controls, one alef, ى→ي and ة→ه by default."""
    text = alef(diacritics(invisible(presentation_forms(text))))
    if yeh:
        text = alef_maksura(text)
    if teh:
        text = teh_marbuta(text)
    return digits(text)
