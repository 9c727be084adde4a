"""Attribution across an article: carried subjects, quotations that run on, turn-taking."""

from qawl import lexicons
from qawl.attribution import attribute
from qawl.sentences import split


def run(article: str) -> list[tuple[str, str, str]]:
    sentences = split(article)
    return [(a.attribution, a.mention, a.quote) for a in attribute(lexicons.current(), sentences)]


def test_implicit_subject_takes_the_last_named_source():
    out = run("وقال الوزير إن الوضع مستقر.\nوأضاف أن العمل مستمر.\nوأوضح سموه أن الأمن أولوية.")
    assert out == [("explicit", "الوزير", "indirect"), ("carried", "الوزير", "indirect"),
                   ("carried", "الوزير", "indirect")]


def test_a_new_source_takes_over():
    out = run("قال شي إن المرض مؤقت.\nومن جانبه، قال توكاييف إنه ممتن.\nوقال إن العالم شهد الأداء الرائع.")
    assert [m for _, m, _ in out] == ["شي", "توكاييف", "توكاييف"]


def test_quotation_running_on_takes_the_speaker():
    article = 'وقال كوساشيف: "إن المشكلة لم نصنعها.\n"لقد صنعتها دول أخرى من خلال الأكاذيب".\nوغادر الجميع القاعة.'
    out = run(article)
    assert out[0] == ("explicit", "كوساشيف", "direct")
    assert out[1] == ("carried", "كوساشيف", "direct")
    assert out[2] == ("none", "", "none")


def test_narration_between_reports_stays_narration():
    out = run("وقال الوزير إن الوضع مستقر.\nوشارك في الحفل عدد من المسؤولين.\nوأضاف أن العمل مستمر.")
    assert [a for a, _, _ in out] == ["explicit", "none", "carried"]
    assert out[2][1] == "الوزير"


def test_implicit_subject_before_any_source_takes_the_titled_person_mentioned():
    article = ("عقد المديرون اجتماعهم برئاسة مدير عام السجون اللواء إبراهيم بن محمد الحمزي.\n"
               "وأكد أن التوجيهات واضحة.")
    out = run(article)
    assert out[0][0] == "none"
    assert out[1][0] == "carried" and "الحمزي" in out[1][1]


def test_turn_taking_opener_hands_over_the_implicit_subject():
    article = ("وقال رئيس الجمعية عبدالعزيز السيف إن الجمعية ناجحة.\n"
               "من جانبه قدم الدكتور سعد الشثري شكره للحضور.\n"
               "ونوه بما تقوم به الجمعية من جهود.")
    out = run(article)
    assert "الشثري" in out[2][1]


def test_boilerplate_is_never_attributed():
    article = "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nقال الوزير إن الوضع مستقر.\n// انتهى //"
    assert [a for a, _, _ in run(article)] == ["none", "explicit", "none"]
