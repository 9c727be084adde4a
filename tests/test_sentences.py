import dataclasses
import re

import pandas as pd
import pytest
from qawl_paths import BUNDLED, shared_path

from qawl.corpus import load
from qawl.decode import decode
from qawl.frames import build
from qawl.sentences import MAX_CHARS, boilerplate_kind, split

# Boilerplate the splitter cuts out of running text; a sentence that ends with an end mark (quotes after it).
CUT_IN_PLACE = {"dateline", "end_marker", "timestamp", "separator"}
TERMINATED = re.compile(r"[.!?؟…][\"'»”’)\]]*$")


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


# --- One-line articles (CSV and JSONL cells): the same sentences as with line breaks -----------------------------

SPA_ONE_LINE = ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس قال الوزير إن الوضع مستقر. وأضاف: \"العمل مستمر. "
                "والنتائج طيبة\". // انتهى // 07:35 ت م")


def test_one_line_wire_article_keeps_its_boilerplate_apart():
    sentences = split(SPA_ONE_LINE)
    assert [(s.text, s.boilerplate) for s in sentences] == [
        ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "dateline"),
        ("قال الوزير إن الوضع مستقر.", ""),
        ('وأضاف: "العمل مستمر. والنتائج طيبة".', ""),  # a quotation of two sentences stays whole
        ("// انتهى //", "end_marker"),
        ("07:35 ت م", "timestamp"),
    ]
    assert all(SPA_ONE_LINE[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation ending a sentence ends it, on one line as at a line end.
        ('وقال :"عثر على 14 جثة". وأضاف: "سوف تجرى أعمال بحث." ثم غادر.',
         ['وقال :"عثر على 14 جثة".', 'وأضاف: "سوف تجرى أعمال بحث."', "ثم غادر."]),
        # A stray quote mark (never closed) does not pair every quote after it the wrong way round.
        ('قالت الشرطة إن "الرجل باع صفيحة بدعوى أن "لها خصائص". وقال الرجل: "لم أفعل". ثم غادر.',
         ['قالت الشرطة إن "الرجل باع صفيحة بدعوى أن "لها خصائص".', 'وقال الرجل: "لم أفعل".', "ثم غادر."]),
        # A quote mark closing mid-clause is a stray one, not the end of a quotation of several sentences.
        ('وأضاف: "أعتقد أن القصف يختبر نقطتين. وقال التلفزيون إن الجيش استهدف أوكارهم" في المنطقة.',
         ['وأضاف: "أعتقد أن القصف يختبر نقطتين.', 'وقال التلفزيون إن الجيش استهدف أوكارهم" في المنطقة.']),
        # A year and an agency inside a story sentence are no dateline.
        ("وفي 25 شوال 1436 هـ قالت واس إن الوضع مستقر.", ["وفي 25 شوال 1436 هـ قالت واس إن الوضع مستقر."]),
        # A separator and the advert after it, on one line.
        ("قال الوزير إن الوضع مستقر. ----------- يمكنكم تسلم إشعارات بعد تحميل تطبيق بي بي سي على هاتفكم.",
         ["قال الوزير إن الوضع مستقر.", "-----------", "يمكنكم تسلم إشعارات بعد تحميل تطبيق بي بي سي على هاتفكم."]),
    ],
    ids=["quotation-ends-a-sentence", "stray-quote-mark", "closed-mid-clause", "no-dateline", "separator-advert"],
)
def test_one_line_sentences(text, expected):
    assert texts(text) == expected


def test_no_sentence_is_longer_than_the_cap():
    words = ("قال", "الوزير", "إن", "التعاون", "مستمر", "والعمل", "كوفيد-19")
    text = " ".join(words[i % len(words)] for i in range(300_000))  # 2 MB, not one end mark
    sentences = split(text)
    assert max(len(s.text) for s in sentences) <= MAX_CHARS
    assert " ".join(s.text for s in sentences) == text  # cut between words, none lost
    assert [s.text for s in split("ا" * (MAX_CHARS + 10))] == ["ا" * MAX_CHARS, "ا" * 10]  # one word too long


@pytest.mark.parametrize("stray", ["", '"', "«"])
def test_a_long_one_line_text_gives_sentences_of_news_length(stray):
    article = next(BUNDLED.glob("*.txt")).read_text(encoding="utf-8")
    one_line = " ".join(article.split())
    text = stray + " ".join([one_line] * (2_000_000 // len(one_line.encode()) + 1))  # 2 MB with full stops
    assert max(len(s.text) for s in split(text)) <= max(len(s.text) for s in split(article))


def _runs_on(sentence) -> bool:
    """Whether a sentence its line break ended runs on into the next one when the lines are joined."""
    return sentence.boilerplate not in CUT_IN_PLACE and not TERMINATED.search(sentence.text)


def _joined_lines(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _as_one_line(sentences) -> list[str]:
    """Return the texts the sentences of an article give once its lines are joined (the module's rule)."""
    out: list[str] = []
    runs_on = False
    for sentence in sentences:
        if out and runs_on and sentence.boilerplate not in CUT_IN_PLACE:
            out[-1] += " " + sentence.text
        else:
            out.append(sentence.text)
        runs_on = _runs_on(sentence)
    return out


def test_shared_articles_give_the_same_sentences_on_one_line():
    paths = sorted(shared_path("corpora").glob("*/articles/*.txt"))
    assert len(paths) > 200
    for path in paths:
        text = decode(path.read_bytes())
        assert texts(_joined_lines(text)) == _as_one_line(split(text)), path.name


def test_shared_articles_give_the_same_speakers_on_one_line():
    """Every article gives the same speakers on one line; where a heading runs on into the next sentence (39 of
    260 articles), up to that heading."""
    docs = load([shared_path("corpora")], warn=lambda message: None)
    first_run_on = {d.doc_id: next((i for i, s in enumerate(split(d.text)) if _runs_on(s)), None) for d in docs}
    one_line = [dataclasses.replace(d, text=_joined_lines(d.text)) for d in docs]
    for comparable in (True, False):
        chosen = [i for i, d in enumerate(docs) if (first_run_on[d.doc_id] is None) is comparable]
        assert len(chosen) > 30
        before = build([docs[i] for i in chosen], workers=1)
        after = build([one_line[i] for i in chosen], workers=1)
        if comparable:
            one_paragraph = after.sentences.assign(paragraph=before.sentences["paragraph"])  # one line: one paragraph
            pd.testing.assert_frame_equal(before.sentences, one_paragraph)
            pd.testing.assert_frame_equal(before.speakers, after.speakers)
            continue
        for doc_id, rows in before.sentences.groupby("doc_id", sort=False):
            n = first_run_on[doc_id]
            same = after.sentences[after.sentences["doc_id"] == doc_id]
            for column in ("text", "speaker", "speaker_mention", "cue", "attribution", "quote", "boilerplate"):
                assert list(rows[column][:n]) == list(same[column][:n]), (doc_id, column)
