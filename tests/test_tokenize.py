import pytest

from qawl.tokenize import spans, tokens, words, written_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الرئيس الصيني", ["قال", "الرئيس", "الصيني"]),
        ("مرض فيروس كورونا الجديد (كوفيد-19)،", ["مرض", "فيروس", "كورونا", "الجديد", "كوفيد-19"]),
        ("ارتفع المؤشر 0.48% اليوم", ["ارتفع", "المؤشر", "0.48", "اليوم"]),
        ('وقال: "الوضع مستقر"', ["وقال", "الوضع", "مستقر"]),
        ("إِلْحَاحُ", ["إِلْحَاحُ"]),  # marks stay inside the word
        ("عام ٢٠٢٠م", ["عام", "٢٠٢٠م"]),
        ("BBC عربي", ["BBC", "عربي"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert written_words(tokens(text)) == expected  # the words again, from the tokens of the text


def test_spans_point_into_text():
    text = "وأضاف شي أن الدعم المتبادل"
    for start, end, word in spans(text):
        assert text[start:end] == word
