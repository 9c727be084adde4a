"""One canonical name per source: titles, short names and full names merged."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qawl import lexicons, names
from qawl.normalize import normalize
from qawl.speakers import _ending_as, canonical_names, merge_keys, resolve_article

LEX = lexicons.current()


@pytest.mark.parametrize(
    ("phrase", "title", "name"),
    [
        ("الرئيس الصيني شي جين بينغ", "الرئيس الصيني", "شي جين بينغ"),
        ("شي", "", "شي"),
        ("الرئيس الصيني", "الرئيس الصيني", ""),
        ("مدير عام السجون اللواء إبراهيم بن محمد الحمزي", "مدير عام السجون اللواء", "إبراهيم بن محمد الحمزي"),
        ("بدر عبد الرحمن السمحان", "", "بدر عبد الرحمن السمحان"),
        ("الدكتور الشثري", "الدكتور", "الشثري"),
        ("وزارة الخارجية", "وزارة الخارجية", ""),
        ("المتحدث باسم وزارة الخارجية الصينية تشاو لي جيان", "المتحدث باسم وزارة الخارجية الصينية", "تشاو لي جيان"),
        ("مصدر طبي", "مصدر طبي", ""),
        ("المعارض البارز للعقيد معمر القذافي", "المعارض البارز للعقيد معمر القذافي", ""),
    ],
)
def test_split_title_and_name(phrase, title, name):
    mention = names.split(LEX, normalize(phrase).split())
    assert mention.title == tuple(normalize(title).split())
    assert mention.name == tuple(normalize(name).split())


def resolve(mentions):
    indices, entities = resolve_article(LEX, [(m, "") for m in mentions])
    return indices, entities


def test_full_name_short_name_and_title_are_one_source():
    indices, _ = resolve(["الرئيس الصيني شي جين بينغ", "شي", "الرئيس الصيني", "توكاييف", "شي"])
    assert indices[0] == indices[1] == indices[2] == indices[4] != indices[3]


def test_bare_title_before_the_full_name_joins_it():
    indices, _ = resolve(["رئيسة الوزراء البريطانية", "رئيسة الوزراء البريطانية تيريزا ماي"])
    assert indices[0] == indices[1]


def test_family_name_with_article_joins_the_full_name():
    indices, _ = resolve(["محمد الغول", "الغول"])
    assert indices[0] == indices[1]


def test_institution_and_its_head_noun():
    indices, _ = resolve(["الهيئة العامة للغذاء والدواء", "الهيئة"])
    assert indices[0] == indices[1]


def test_spokesperson_of_an_institution_is_not_the_institution():
    indices, _ = resolve(["المتحدثة باسم لجنة الإغاثة الدولية ماري فغالي", "لجنة الإغاثة الدولية"])
    assert indices[0] != indices[1]


def test_apposition_gives_the_name():
    indices, entities = resolve_article(LEX, [("رئيس الاتحاد الدولي لكرة القدم", "جياني إنفانتينو"),
                                         ("إنفانتينو", "")])
    assert indices[0] == indices[1]
    assert canonical_names(LEX, [entities]) == [["جياني إنفانتينو"]]


def test_short_names_merge_across_articles_when_unambiguous():
    target = merge_keys(LEX, [("دونالد", "ترامب"), ("دونالد", "ترامب"), ("ترامب",), ("محامي", "ترامب"), ("بوتين",),
                         ("فلاديمير", "بوتين"), ("محمد",), ("محمد", "الغول"), ("محمد", "بن", "سلمان")])
    assert target[("ترامب",)] == ("دونالد", "ترامب")
    assert target[("بوتين",)] == ("فلاديمير", "بوتين")
    assert target[("محمد",)] == ("محمد",)  # a first name alone could be anyone


def test_given_names_alone_join_no_fuller_name_across_articles():
    # عبد الرحمن ends رامي عبد الرحمن, but an article that says only عبد الرحمن may mean anyone of that name.
    target = merge_keys(LEX, [("رامي", "عبد", "الرحمن"), ("عبد", "الرحمن"), ("قاسم",), ("حازم", "قاسم")])
    assert target[("عبد", "الرحمن")] == ("عبد", "الرحمن")
    assert target[("قاسم",)] == ("قاسم",)


def test_a_womans_family_name_joins_no_mans_fuller_name():
    # الساعدي quoted with وأضافت in one article is not علي حسين الساعدي (قال) of another; a name of no gender told
    # still joins it
    keys = [("علي", "حسين", "الساعدي"), ("الساعدي",), ("الربيعي",), ("سهى", "الربيعي")]
    genders = {("علي", "حسين", "الساعدي"): Counter(m=2), ("الساعدي",): Counter(f=3), ("سهى", "الربيعي"): Counter(f=1)}
    target = merge_keys(LEX, keys, genders=genders)
    assert target[("الساعدي",)] == ("الساعدي",)
    assert target[("الربيعي",)] == ("سهى", "الربيعي")
    assert merge_keys(LEX, keys)[("الساعدي",)] == ("علي", "حسين", "الساعدي")


def test_countries_are_not_short_names_of_people():
    target = merge_keys(LEX, [("ايران",), ("دونالد", "ترامب", "ايران")])
    assert target[("ايران",)] == ("ايران",)


def test_canonical_name_is_the_same_across_articles():
    _, first = resolve(["الرئيس الروسي فلاديمير بوتين"])
    _, second = resolve(["بوتين"])
    assert canonical_names(LEX, [first, second]) == [["فلاديمير بوتين"], ["فلاديمير بوتين"]]


def test_a_gazetteer_body_is_shown_as_the_corpus_writes_it():
    # the gazetteer holds two names of one body that share no word: a corpus that never writes the gazetteer's
    # shows the one its articles write, in every article; once one writes it, the gazetteer's
    _, first = resolve(["وكالة غوث وتشغيل اللاجئين الفلسطينيين"])
    _, second = resolve(["وكالة غوث وتشغيل اللاجئين الفلسطينيين"])
    _, third = resolve(["الأونروا"])
    assert canonical_names(LEX, [first, second]) == [["وكالة غوث وتشغيل اللاجئين الفلسطينيين"]] * 2
    assert canonical_names(LEX, [first, third]) == [["الأونروا"]] * 2


def test_one_word_name_takes_the_fuller_form_the_article_writes():
    text = "جرت محادثة هاتفية مع نظيره القازاقي قاسم - جومارت توكاييف.\nوقال توكاييف إن التعاون مهم."
    _, entities = resolve_article(LEX, [("توكاييف", "")], text)
    assert canonical_names(LEX, [entities]) == [["قاسم جومارت توكاييف"]]


def test_fuller_form_needs_a_title_or_adjective_before_it():
    text = "قبل عام استقالت أمل من عملها.\nوتقول أمل إن الرياضة حياتها."
    _, entities = resolve_article(LEX, [("أمل", "")], text)
    assert canonical_names(LEX, [entities]) == [["أمل"]]


def test_short_name_joins_the_full_name_with_the_same_role_across_articles():
    _, first = resolve(["الرئيس الصيني شي جين بينغ", "شي"])
    _, second = resolve(["شي", "الرئيس الصيني"])
    names_used = canonical_names(LEX, [first, second])
    assert {name for article in names_used for name in article} == {"شي جين بينغ"}


_LETTERS = st.text(alphabet="ابتوين", max_size=5)  # few letters: words often share their first and last ones


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, max_size=30), _LETTERS)
def test_words_ending_as_a_shape_are_the_ones_a_plain_loop_finds(norm, shape):
    # the regex over the joined words stands for this loop in the search for a fuller name (_fuller_names)
    assert list(_ending_as(norm, shape)) == [k for k, w in enumerate(norm)
                                              if w[:1] == shape[:1] and w[-1:] == shape[-1:]]
