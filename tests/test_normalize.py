import pytest

from qawl import normalize as n

CASES = [
    ("أحمد", "احمد"),  # hamza on alef
    ("إسلام", "اسلام"),  # hamza under alef
    ("آمن", "امن"),  # madda
    ("ٱلله", "الله"),  # wasla
    ("مستشفى", "مستشفي"),  # alef maksura
    ("الصحة", "الصحه"),  # teh marbuta
    ("إِلْحَاحُ", "الحاح"),  # harakat
    ("رحمٰن", "رحمن"),  # superscript alef U+0670
    ("الســـلام", "السلام"),  # tatweel
    ("قال\u200fالرئيس", "قالالرئيس"),  # RLM removed
    ("ﻻ", "لا"),  # lam-alef ligature (presentation form)
    ("٢٠٢٠", "2020"),  # Arabic-Indic digits
    ("كوفيد-19", "كوفيد-19"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text, expected):
    assert n.normalize(text) == expected


def test_options_keep_yeh_and_teh():
    assert n.normalize("مستشفى الصحة", yeh=False, teh=False) == "مستشفى الصحة"


@pytest.mark.parametrize(("text", "_"), CASES)
def test_idempotent(text, _):
    once = n.normalize(text)
    assert n.normalize(once) == once


def test_no_presentation_forms_after_normalize():
    text = "ﺍﻟﺼﻴﻦ ﻭﻗﺎﺯﺍﻗﺴﺘﺎﻥ"
    out = n.normalize(text)
    assert not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in out)
    assert out == "الصين وقازاقستان"
