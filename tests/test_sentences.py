import pytest

from qawl.sentences import boilerplate_kind, split


def texts(article: str) -> list[str]:
    return [s.text for s in split(article)]


def test_split_on_arabic_and_latin_stops():
    article = "قال الوزير إن الوضع مستقر. وأضاف أن العمل مستمر؟ ثم غادر!\nسطر جديد"
    assert texts(article) == ["قال الوزير إن الوضع مستقر.", "وأضاف أن العمل مستمر؟", "ثم غادر!", "سطر جديد"]


def test_numbers_and_hyphens_do_not_split():
    assert texts("ارتفع المؤشر 0.48 نقطة بسبب كوفيد-19 اليوم.") == ["ارتفع المؤشر 0.48 نقطة بسبب كوفيد-19 اليوم."]


def test_quotation_that_continues_is_not_cut():
    article = 'وتابع: "لقد فشلوا. نحن سعداء لأن الجماهير رأت روسيا". ثم انصرف.'
    assert texts(article) == ['وتابع: "لقد فشلوا. نحن سعداء لأن الجماهير رأت روسيا".', "ثم انصرف."]


def test_one_letter_abbreviation_does_not_end_a_sentence():
    assert texts("وقال د. محمد إن الأمر صعب.") == ["وقال د. محمد إن الأمر صعب."]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "dateline"),
        ("// انتهى //", "end_marker"),
        ("//انتهى//", "end_marker"),
        ("// يتبع //", "end_marker"),
        ("20:26 ت م", "timestamp"),
        ("------------------------------", "separator"),
        ("_____", "separator"),
        ("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
         "advert"),
        ("قال الرئيس الصيني شي جين بينغ إنه في المعركة ضد المرض.", ""),
        ("وفي عام 2015 م قال الوزير إن الوضع مستقر", ""),
    ],
)
def test_boilerplate(line, kind):
    assert boilerplate_kind(line) == kind


def test_text_is_source_exactly_and_spans_match():
    article = "  قال شي إن المرض مؤقت.   وأضاف أن التعاون أبدي.  \n\n// انتهى //\n"
    sentences = split(article)
    assert [s.text for s in sentences] == ["قال شي إن المرض مؤقت.", "وأضاف أن التعاون أبدي.", "// انتهى //"]
    for s in sentences:
        assert article[s.start : s.end] == s.text
    assert [s.boilerplate for s in sentences] == ["", "", "end_marker"]
    assert [s.paragraph for s in sentences] == [1, 1, 2]
