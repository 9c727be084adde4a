"""Keyword search: a table of Arabic search cases (true and false matches) in both modes, both regex engines."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from qawl.search import Keyword, Surfaces, kwic, text_mask
from qawl.tokenize import words

EXACT, FORMS, BOTH = "exact", "forms", "both"

# (query, text, mode, match?): "both" means the same answer with and without derived forms.
CASES = [
    # Iran is not May; typed without hamza it is still Iran; "Iranian" is a derived form.
    ("إيران", "وقال في أيار الماضي", BOTH, False),  # in May
    ("إيران", "وصل الوفد إلى إيران أمس", BOTH, True),
    ("ايران", "وصل الوفد إلى إيران أمس", BOTH, True),  # typed without hamza
    ("إيران", "وصل الوفد إلى ايران أمس", BOTH, True),  # written without hamza
    ("إيران", "قال المسؤول الإيراني", EXACT, False),  # the Iranian official
    ("إيران", "قال المسؤول الإيراني", FORMS, True),
    ("إيران", "اتهم الإيرانيين بالتدخل", EXACT, False),  # the Iranians
    ("إيران", "اتهم الإيرانيين بالتدخل", FORMS, True),
    ("الإيراني", "قال الرئيس الإيراني", BOTH, True),
    ("الإيراني", "وصل الوفد إلى إيران", BOTH, False),  # forms do not go back to the stem
    # Proclitics و، ف، ب، ل، ك، ال and their combinations.
    ("إيران", "العلاقات بين الرياض وإيران", BOTH, True),  # and Iran
    ("إيران", "زار الوزير بإيران مصنعا", BOTH, True),  # in Iran
    ("إيران", "دعم لإيران في الملف", BOTH, True),  # for Iran
    ("حكومة", "وقالت للحكومة إن الخطة جاهزة", BOTH, True),  # to the government
    ("حكومة", "التزمت الحكومة بالخطة", BOTH, True),  # the government
    ("الحكومة", "شكّل حكومة جديدة", BOTH, True),  # the query's article is dropped
    ("حكومة", "رحب وبالحكومة الجديدة", BOTH, True),  # and with the government
    ("حكومة", "أعلن فالحكومة ستعمل", BOTH, True),  # so the government
    ("للحكومة", "التزمت الحكومة بالخطة", BOTH, True),  # query with ل + ال
    # Attached pronouns (ة written ت before them), but not ي (my = the adjective ending).
    ("حكومة", "وأكد أن حكومته ستعمل", BOTH, True),  # his government
    ("حكومة", "انتقد حكومتها", BOTH, True),  # her government
    ("حكومة", "وقال إن حكومتنا جاهزة", BOTH, True),  # our government
    ("حكومة", "ناقش الوزراء خطط الحكومات", EXACT, False),  # the governments
    ("حكومة", "ناقش الوزراء خطط الحكومات", FORMS, True),
    ("حكومة", "رفضت الجهات الحكومية التعليق", EXACT, False),  # governmental
    ("حكومة", "رفضت الجهات الحكومية التعليق", FORMS, True),
    ("حكومة", "تشكيل الحكومتين", FORMS, True),  # the two governments (dual, ة → ت)
    ("أمن", "قال إن الأمن مستتب", BOTH, True),  # security
    ("أمن", "وأكد حرصه على أمنها", BOTH, True),  # her security
    ("أمن", "عقد اجتماع الأمني", EXACT, False),  # a word inside another word: the security (adj.)
    ("أمن", "عقد الاجتماع الأمني", FORMS, True),
    ("أمن", "هذا مكان آمن للأطفال", BOTH, False),  # safe: a typed hamza is not a madda
    ("امن", "هذا مكان آمن للأطفال", BOTH, True),  # a bare alef stands for every alef
    ("أمن", "اخترق أمنستي الشبكة", BOTH, False),  # Amnesty
    # Teh marbuta / heh, alef maksura / yeh, diacritics, tatweel.
    ("حكومه", "التزمت الحكومة بالخطة", BOTH, True),
    ("حكومة", "التزمت الحكومه بالخطة", BOTH, True),
    ("عام", "قال إن الصحة العامة أولوية", EXACT, False),  # public (fem.), not "year"
    ("عام", "خلال العام الماضي", BOTH, True),
    ("حكم", "رفض حكمة القرار", EXACT, False),  # wisdom: ة is not the pronoun ه (a form of it with forms)
    ("حكم", "رفض حكمه القاضي", BOTH, True),  # his ruling
    ("مستشفى", "نقل إلى مستشفي المدينة", BOTH, True),
    ("مستشفي", "نقل إلى المستشفى", BOTH, True),
    ("مستشفى", "زار مستشفاه الخاص", BOTH, True),  # his hospital (ى written ا before a pronoun)
    ("مستشفى", "زار المستشفيات", FORMS, True),  # the hospitals
    ("مستشفى", "زار المستشفيات", EXACT, False),
    ("التعاون", "أكد أهمية التَّعَاوُنِ بين البلدين", BOTH, True),  # diacritics
    ("التعاون", "أكد أهمية التعـــاون بين البلدين", BOTH, True),  # tatweel
    ("التعاون", "أبدى التعاطف مع الضحايا", BOTH, False),  # sympathy
    ("قازاقستان", "زار قازقستان أمس", BOTH, True),  # spelling variants of the alias table
    ("كازاخستان", "زار قازقستان أمس", BOTH, True),
    # Short words take only و/ف/ال: Xi is not a thing, a cheque or "to Xi"; بن is not a bank.
    ("شي", "قال الرئيس شي إن", BOTH, True),
    ("شي", "لا شيء هنا", BOTH, False),
    ("شي", "وصل شيك بالمبلغ", BOTH, False),
    ("شي", "وقال مشيرا إلى", BOTH, False),
    ("بن", "قال محمد بن سلمان", BOTH, True),
    ("بن", "أعلن البنك المركزي", BOTH, False),
    ("الآن", "وقال إن الوضع الآن هادئ", BOTH, True),
    ("الآن", "وقال ان الوضع هادئ", BOTH, False),  # الآن keeps its article: not "ان"
    # Digits (ASCII, Arabic-Indic, Persian), Latin words, hyphenated words.
    ("2018", "في عام ٢٠١٨ وقع الاتفاق", BOTH, True),
    ("٢٠١٨", "في عام 2018 وقع الاتفاق", BOTH, True),
    ("2018", "في عام 20185 وقع", BOTH, False),
    ("كوفيد-19", "انتشار كوفيد-١٩ في المدن", BOTH, True),
    ("كوفيد", "انتشار كوفيد-19 في المدن", BOTH, True),
    ("CNN", "نقلت شبكة cnn الأمريكية", BOTH, True),
    ("CNN", "نقلت شبكة CNNI الأمريكية", BOTH, False),
    ("trump", "قال Trump إن", BOTH, True),
    # Several words: all of them, in any order; a quoted phrase: in a row.
    ("ترامب إيران", "قال ترامب إن إيران تهدد", BOTH, True),
    ("ترامب إيران", "قال ترامب إن الاتفاق سيئ", BOTH, False),
    ("إيران ترامب", "قال ترامب إن إيران تهدد", BOTH, True),
    ('"وزير الخارجية"', "وقال وزير الخارجية إن", BOTH, True),
    ('"وزير الخارجية"', "وقال ووزير الخارجية إن", BOTH, True),  # proclitics on the first word
    ('"وزير الخارجية"', "وقال الخارجية إن وزير", BOTH, False),  # not in a row
    ('"وزير الخارجية"', "وقال وزير الدفاع والخارجية", BOTH, False),
    ("«الأمم المتحدة»", "أعلنت الأمم المتحدة أن", BOTH, True),
    ("«الأمم المتحدة»", "أعلنت للأمم المتحدة أن", BOTH, True),
    ('"الأمم المتحدة" إيران', "أعلنت الأمم المتحدة أن إيران", BOTH, True),
    ('"الأمم المتحدة" إيران', "أعلنت الأمم المتحدة أن", BOTH, False),
]


def _keyword(query: str, mode: str) -> Keyword:
    return Keyword(query, forms=mode == FORMS)


def _expanded() -> list[tuple[str, str, str, bool]]:
    return [(q, t, m, hit) for q, t, mode, hit in CASES for m in ([EXACT, FORMS] if mode == BOTH else [mode])]


def test_the_table_has_forty_cases_with_true_and_false_matches():
    assert len(CASES) >= 40
    assert {hit for *_, hit in CASES} == {True, False}


@pytest.mark.parametrize(("query", "text", "mode", "hit"), _expanded())
def test_search_cases(query, text, mode, hit):
    assert _keyword(query, mode).matches(text) is hit


@pytest.mark.parametrize(("query", "text", "mode", "hit"), _expanded())
def test_python_re_and_re2_agree_on_every_case(query, text, mode, hit):
    """The patterns (run by pyarrow's RE2, as DuckDB would) find what Python's re finds."""
    keyword = _keyword(query, mode)
    by_python = all(re.search(p, text) for p in keyword.patterns)
    assert by_python is hit
    assert text_mask(pd.Series([text]), keyword).tolist() == [hit]


@pytest.mark.parametrize(("query", "text", "mode", "hit"), _expanded())
def test_hits_are_marked_where_the_sentence_matches(query, text, mode, hit):
    keyword = _keyword(query, mode)
    if hit or len(keyword.groups) == 1:  # a sentence holding only some parts is not shown, marked or not
        assert bool(keyword.hits(text)) is hit


@pytest.mark.parametrize(("query", "word", "hit"), [
    ("إيران", "وإيران", True), ("إيران", "أيار", False), ("الحكومة", "حكومته", True), ("أمن", "الأمني", False),
    ('"وزير الخارجية"', "وزير", False),  # a phrase is no one-word hit
])
def test_one_written_word_matches_a_one_word_part(query, word, hit):
    assert Keyword(query).matches_word(word) is hit


def test_indexed_written_words_hit_as_surface_mask_says():
    """Surfaces tests only the words holding a query's first letters: it must find every hit all the same."""
    written = sorted({w for _, text, *_ in CASES for w in words(text)} | {"وَإيـران", "٢٠١٨", "2018", "COVID", "شي"})
    index = Surfaces(written)
    queries = {q for q, *_ in CASES} | {"2018", "covid", "ايران", "مستشفي", "سنه", "شي"}
    for query in sorted(queries):
        for forms in (False, True):
            keyword = Keyword(query, forms=forms)
            assert index.mask(keyword).tolist() == keyword.surface_mask(written).tolist(), (query, forms)


@pytest.mark.parametrize(("text", "query", "forms", "expected"), [
    ("وقال إن التعاون مهم والتعاون ممكن.", "التعاون", False, ["التعاون", "والتعاون"]),
    ("أكد شي أن الشيء المهم هو الدعم.", "شي", False, ["شي"]),
    ("لا شيء هنا.", "التعاون", False, []),
    ("التعاون مع قازقستان", "تعاون قازاقستان", False, ["التعاون", "قازقستان"]),
    ("قال ترامب إن إيران والإيرانيين", "إيران", True, ["إيران", "والإيرانيين"]),
    ("قال وزير الخارجية الإيراني", '"وزير الخارجية" الخارجية', False, ["وزير الخارجية"]),
])
def test_hits_are_the_spans_of_matching_words_and_phrases(text, query, forms, expected):
    assert [text[a:b] for a, b in Keyword(query, forms=forms).hits(text)] == expected


@pytest.mark.parametrize("query", ["", "   ", "؟!", "...", '""', "«»"])
def test_a_query_without_words_matches_nothing(query):
    keyword = Keyword(query)
    assert keyword.words == () and keyword.patterns == ()
    assert keyword.hits("وقال إن التعاون مهم.") == []
    assert not keyword.matches("وقال إن التعاون مهم.")
    assert text_mask(pd.Series(["وقال إن التعاون مهم."]), keyword).tolist() == [False]


def test_repeated_words_are_one_part():
    assert len(Keyword("إيران إيرانَ  إيران").groups) == 1


def test_terms_are_the_query_words_stems():
    keyword = Keyword('"وزير الخارجية" إيران')
    assert len(keyword.terms) == len(keyword.words) == 3


def test_text_mask_runs_over_a_column_with_missing_cells():
    texts = pd.Series(["قال ترامب إن إيران", None, "لا شيء"], dtype="str")
    assert np.array_equal(text_mask(texts, Keyword("إيران")), [True, False, False])


def test_kwic_keeps_reading_order_around_each_hit():
    text = "قال الرئيس إن التعاون بين البلدين يعزز التعاون الدولي."
    lines = kwic([("d", 3, text)], Keyword("التعاون"))
    assert [(ln.doc_id, ln.sentence_id, ln.hit) for ln in lines] == [("d", 3, "التعاون"), ("d", 3, "التعاون")]
    for line in lines:
        assert f"{line.before} {line.hit} {line.after}".strip() in text


def test_kwic_cuts_long_contexts_at_words_and_marks_the_cut():
    words = ["كلمة"] * 40
    text = " ".join([*words, "التعاون", *words])
    line = kwic([("d", 1, text)], Keyword("التعاون"), width=30)[0]
    assert line.before.startswith("… ") and line.after.endswith(" …")
    assert len(line.before) <= 32 and len(line.after) <= 32
    assert set(line.before[2:].split()) == {"كلمة"} and set(line.after[:-2].split()) == {"كلمة"}


def test_kwic_stops_at_the_limit():
    rows = [("d", i, "التعاون والتعاون") for i in range(1, 50)]
    assert len(kwic(rows, Keyword("التعاون"), limit=7)) == 7
