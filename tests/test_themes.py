import pytest

from qawl import lexicons, themes
from qawl.terms import is_stopword, term
from qawl.tokenize import words

REQUIRED = {"health & epidemics", "cooperation & partnership", "economy, trade & digital", "security & conflict",
            "diplomacy & international organizations", "governance & leadership", "humanitarian & solidarity"}


def themes_of(sentence: str) -> dict[str, list[str]]:
    return themes.match(themes.index(lexicons.current()), [term(w) for w in words(sentence) if not is_stopword(w)])


def test_lexicon_has_the_required_themes():
    assert {theme for theme, _ in lexicons.load().themes} >= REQUIRED


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("ضد تفشي مرض فيروس كورونا الجديد", "health & epidemics"),
        ("لتعزيز التعاون الدولي ضد المرض", "cooperation & partnership"),
        ("توسيع التعاون في مجالات الاقتصاد الرقمي", "economy, trade & digital"),
        ("قصفت الطائرات مواقع المسلحين", "security & conflict"),
        ("في إطار الأمم المتحدة ومنظمة شانغهاي للتعاون", "diplomacy & international organizations"),
        ("تحت القيادة الحكيمة للرئيس", "governance & leadership"),
        ("قدمت الحملة مساعدات إنسانية للاجئين", "humanitarian & solidarity"),
    ],
)
def test_sentence_theme(sentence, theme):
    assert theme in themes_of(sentence)


def test_matched_terms_are_recorded():
    found = themes_of("ضد تفشي مرض فيروس كورونا")
    assert "مرض" in found["health & epidemics"]


def test_most_seed_sentences_carry_a_theme(seed_frames):
    story = seed_frames.sentences[seed_frames.sentences["boilerplate"] == ""]
    themed = seed_frames.themes[["doc_id", "sentence_id"]].drop_duplicates()
    assert len(themed) / len(story) > 0.8
