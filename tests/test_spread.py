"""Quote spread: which reported sentences are one statement across articles, and the frames it makes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from pandas.api import types

from qawl import signatures, spread
from qawl.corpus import Document
from qawl.frames import build


def sentence(text: str, cue: str = "", mention: str = "", speaker: str = "", attribution: str = "explicit",
             boilerplate: str = "") -> dict:
    """Return one row of a sentences frame, as the attribution would give it."""
    return {"text": text, "cue": cue, "speaker_mention": mention, "speaker": speaker, "attribution": attribution,
            "quote": "none" if attribution == "none" else "indirect", "boilerplate": boilerplate}


def corpus(rows: list[tuple[str, dict]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the sentences and documents frames of (doc_id, sentence) rows, each document its own outlet."""
    sentences = pd.DataFrame([{"doc_id": doc, **row} for doc, row in rows])
    sentences.insert(1, "sentence_id", sentences.groupby("doc_id").cumcount() + 1)
    ids = list(dict.fromkeys(sentences["doc_id"]))
    documents = pd.DataFrame({"doc_id": ids, "date": pd.date_range("2018-10-01", periods=len(ids), freq="D"),
                              "source": [f"outlet {k}" for k in range(len(ids))]})
    return sentences, documents


def statements_of(a: dict, b: dict) -> list[int]:
    """Return the statement of two sentences, each in its own article."""
    return spread.frames(*corpus([("a", a), ("b", b)])).statement_id.tolist()


# One statement: what outlets do to a wire report (another cue and speaker phrase, other quotation marks,
# diacritics and hamza, words added or cut, spelling) leaves it one statement.
SAME = [
    pytest.param(
        sentence('قال وزير الخارجية عادل الجبير في مؤتمر صحفي إن "المملكة لن تقبل أي تدخل في شؤونها الداخلية '
                 'وستتخذ كل الإجراءات اللازمة".', "قال", "وزير الخارجية عادل الجبير", "عادل الجبير"),
        sentence("وأكد الجبير أن المملكة لن تقبل أي تدخل في شؤونها الداخلية، وستتخذ كل الإجراءات اللازمة.", "وأكد",
                 "الجبير", "عادل الجبير"),
        id="wire quote, re-attributed without quotation marks"),
    pytest.param(
        sentence("وقال المتحدث باسم الوزارة: «نتابع الوضع الصحي للمصابين على مدار الساعة مع المستشفيات الميدانية».",
                 "وقال", "المتحدث باسم الوزارة", "المتحدث باسم الوزارة"),
        sentence('وقال المتحدث الرسمي: "نتابع الوضع الصحي للمصابين على مدار الساعة مع المستشفيات الميدانية".',
                 "وقال", "المتحدث الرسمي", "المتحدث الرسمي"),
        id="other quotation marks and speaker phrase"),
    pytest.param(
        sentence("وقال المتحدث إنّ الحكومةَ ستُعلن عن إجراءاتٍ جديدة لدعم الأسر المتضررة من الفيضانات.", "وقال",
                 "المتحدث"),
        sentence("وقال المتحدث ان الحكومة ستعلن عن اجراءات جديدة لدعم الاسر المتضررة من الفيضانات", "وقال", "المتحدث"),
        id="diacritics, bare alef, no full stop"),
    pytest.param(
        sentence("وأوضح رئيس الهيئة أن المشروع سيوفر أكثر من ألفي فرصة عمل للشباب في المنطقة الشرقية.", "وأوضح",
                 "رئيس الهيئة"),
        sentence("وأوضح رئيس الهيئة العامة للاستثمار، في تصريح لوكالة الأنباء، أن المشروع سيوفر أكثر من ألفي فرصة "
                 "عمل جديدة للشباب في المنطقة الشرقية خلال العامين المقبلين.", "وأوضح", "رئيس الهيئة العامة للاستثمار"),
        id="words added"),
    pytest.param(
        sentence("وقالت الأمم المتحدة إن نحو مليوني شخص بحاجة إلى مساعدات غذائية عاجلة في المناطق المتضررة من "
                 "الجفاف والنزاع.", "وقالت", "الأمم المتحدة"),
        sentence("وقالت المنظمة الدولية إن نحو مليوني شخص بحاجة إلى مساعدات غذائية عاجلة في المناطق المتضررة.",
                 "وقالت", "المنظمة الدولية"),
        id="end cut, another name for the speaker"),
    pytest.param(
        sentence('"سنواصل العمل مع شركائنا الدوليين لإنهاء الأزمة الإنسانية في اليمن"، قال المبعوث الأممي.', "قال",
                 "المبعوث الأممي"),
        sentence("وقال المبعوث الأممي: «سنواصل العمل مع شركائنا الدوليين لإنهاء الأزمة الإنسانية في اليمن».", "وقال",
                 "المبعوث الأممي"),
        id="quotation before its cue"),
    pytest.param(
        sentence("وسيغلق المعبر أمام الشاحنات التجارية حتى إشعار آخر، بحسب مصادر أمنية.", "بحسب", "مصادر أمنية"),
        sentence("وقالت مصادر أمنية إن المعبر سيغلق أمام الشاحنات التجارية حتى إشعار آخر.", "وقالت", "مصادر أمنية"),
        id="according to, then said"),
    pytest.param(
        sentence("وقال إن الرئيس الأمريكي دونالد ترمب سيزور المنطقة الأسبوع المقبل لبحث التعاون الاقتصادي.", "وقال",
                 attribution="carried"),
        sentence("وأضاف أن الرئيس الأميركي دونالد ترامب سيزور المنطقة الأسبوع المقبل لبحث التعاون الاقتصادي.",
                 "وأضاف", attribution="carried"),
        id="carried subject, names spelled otherwise"),
]

# Not one statement: a bare cue, a stock phrase, another statement of the same speaker, the same template with
# other facts, narration, boilerplate.
APART = [  # (id, a, b)
    ("a bare cue", sentence("وأضاف أن", "وأضاف", attribution="carried"),
     sentence("وأضاف أن", "وأضاف", attribution="carried")),
    ("a stock phrase", sentence("وأضاف أن ذلك يأتي في إطار حرص المملكة.", "وأضاف", attribution="carried"),
     sentence("وأضاف أن ذلك يأتي في إطار حرص المملكة.", "وأضاف", attribution="carried")),
    ("same speaker, another statement",
        sentence("وقال الوزير إن المملكة ستستضيف القمة العربية المقبلة في الرياض خلال شهر مارس.", "وقال", "الوزير"),
        sentence("وقال الوزير إن المملكة ستدعم جهود الأمم المتحدة لإحلال السلام الدائم في اليمن.", "وقال", "الوزير")),
    ("same template, other facts",
        sentence("وأشار إلى أن عدد الزوار بلغ خلال الأسبوع الأول أكثر من خمسين ألف زائر من داخل المملكة.", "وأشار",
                 attribution="carried"),
        sentence("وأشار إلى أن عدد الزوار بلغ خلال الأسبوع الثاني أكثر من ثمانين ألف زائر من خارج المملكة.", "وأشار",
                 attribution="carried")),
    ("same stock opening, other statement",
        sentence("وأكد أن المملكة تقف إلى جانب الشعب اليمني الشقيق في مواجهة الميليشيات الحوثية.", "وأكد",
                 attribution="carried"),
        sentence("وأكد أن المملكة تقف إلى جانب الشعب السوري الشقيق في محنته حتى يستعيد أمنه واستقراره.", "وأكد",
                 attribution="carried")),
    ("same quoted name, other reports",
        sentence('وذكرت صحيفة "وول ستريت جورنال" أن الشركة تدرس بيع وحدتها للإلكترونيات في آسيا.', "وذكرت", "صحيفة"),
        sentence('وذكرت صحيفة "وول ستريت جورنال" أن البنك المركزي سيرفع أسعار الفائدة الشهر المقبل.', "وذكرت",
                 "صحيفة")),
    ("narration",
        sentence("وافتتح أمير المنطقة المعرض الدولي للكتاب بمشاركة أكثر من خمسمائة دار نشر.", attribution="none"),
        sentence("وافتتح أمير المنطقة المعرض الدولي للكتاب بمشاركة أكثر من خمسمائة دار نشر.", attribution="none")),
    ("boilerplate",
        sentence("وقال المصدر إن الاجتماع سيعقد في موعده المحدد بحضور جميع الأعضاء.", "وقال", "المصدر",
                 boilerplate="advert"),
        sentence("وقال المصدر إن الاجتماع سيعقد في موعده المحدد بحضور جميع الأعضاء.", "وقال", "المصدر",
                 boilerplate="advert")),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_reworded_reports_are_one_statement(a, b):
    assert statements_of(a, b) == [1, 1]


@pytest.mark.parametrize(("a", "b"), [pytest.param(a, b, id=name) for name, a, b in APART])
def test_other_reports_are_no_statement(a, b):
    assert statements_of(a, b) == [0, 0]


def test_repeats_within_one_article_are_not_spread():
    text = sentence("وقال المصدر إن الاجتماع سيعقد في موعده المحدد بحضور جميع الأعضاء.", "وقال", "المصدر")
    assert spread.frames(*corpus([("a", text), ("a", text)])).statement_id.tolist() == [0, 0]


# The key: the quotation when it is the report, else the report after أن/إن, else the sentence less its cue and
# speaker phrase; in search form, without و.
KEYS = [
    ('وقال الوزير للصحفيين: "سنبني ألف مدرسة جديدة هذا العام".', "وقال", "الوزير",
     "سنبني الف مدرسه جديده هذا العام"),
    ("وقال وزير الخارجية في بيان صحفي أصدره اليوم إن الحكومة ستفتح المعابر أمام المساعدات.", "وقال",
     "وزير الخارجية", "الحكومه ستفتح المعابر امام المساعدات"),
    ("وأغلقت الطرق المؤدية إلى المدينة، بحسب الدفاع المدني.", "بحسب", "الدفاع المدني",
     "اغلقت الطرق المؤديه الي المدينه"),
    ('وذكرت صحيفة "التايمز" أن الشرطة اعتقلت ثلاثة أشخاص.', "وذكرت", "صحيفة", "الشرطه اعتقلت ثلاثه اشخاص"),
    ('وقال المحلل إن التضخم قد يرتفع بسبب ما وصفه بـ"السياسات النقدية المتساهلة" خلال الأشهر المقبلة.', "وقال",
     "المحلل", "التضخم قد يرتفع بسبب ما صفه ب السياسات النقديه المتساهله خلال الاشهر المقبله"),
]


@pytest.mark.parametrize(("text", "cue", "mention", "key"), KEYS)
def test_key_words(text, cue, mention, key):
    assert " ".join(signatures.key_words(text, cue, mention)) == key


CHANGES = [
    ("المشروع سيوفر الفي فرصه عمل للشباب في المنطقه الشرقيه", "المشروع سيوفر الفي فرصه عمل جديده للشباب في المنطقه",
     False),
    ("الرئيس ترمب سيزور المنطقه الاسبوع المقبل", "الرئيس ترامب سيزور المنطقه الاسبوع المقبل", False),
    ("قتل 15 شخصا في الهجوم علي السوق المركزي", "قتل 17 شخصا في الهجوم علي السوق المركزي", False),
    ("عدد الزوار بلغ خلال الاسبوع الاول خمسين الف زائر", "عدد الزوار بلغ خلال الاسبوع الثاني ثمانين الف زائر", True),
]


@pytest.mark.parametrize(("a", "b", "changed"), CHANGES)
def test_changed_facts(a, b, changed):
    assert spread.changed_facts(a, b) is changed
    assert spread.changed_facts(b, a) is changed


def test_minhash_is_datasketchs():
    datasketch = pytest.importorskip("datasketch")
    keys = [signatures.key_words(t, c, m) for t, c, m, _ in KEYS] + [[], ["وحيد"]]
    for key, ours in zip(keys, signatures.minhashes(keys), strict=True):
        theirs = datasketch.MinHash(num_perm=signatures.NUM_PERM, seed=signatures.SEED, hashfunc=signatures.word_hash)
        theirs.update_batch(key)
        np.testing.assert_array_equal(ours, theirs.hashvalues)
    lsh = datasketch.MinHashLSH(threshold=signatures.THRESHOLD, num_perm=signatures.NUM_PERM,
                                weights=signatures.WEIGHTS)
    assert (lsh.b, lsh.r) == (signatures.BANDS, signatures.ROWS)


def test_signatures_do_not_depend_on_chunks():
    sentences = pd.DataFrame([row for a, b in [*(p.values for p in SAME), *((a, b) for _, a, b in APART)]
                              for row in (a, b)])
    whole = spread.sketch_frame(sentences)
    half = len(sentences) // 2
    parts = [spread.shift_rows(spread.sketch_frame(sentences.iloc[:half]), 0),
             spread.shift_rows(spread.sketch_frame(sentences.iloc[half:]), half)]
    assert pa.concat_tables(parts).equals(whole)
    said = [signatures.words(t) for t in sentences["text"]]
    given = signatures.sketch(*(sentences[c].tolist() for c in ("text", "cue", "speaker_mention", "attribution")),
                              sentences["boilerplate"].tolist(), said=said)
    assert given.equals(whole)


def test_signatures_import_no_pandas():
    code = "import sys, qawl.signatures; print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


# A statement carried by two outlets and repeated days later; an undated copy comes last.
ARTICLES = [
    ("wire-1", "2018-10-02", "وكالة", "قال وزير الصحة محمد العلي إن \"الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق "
                                      "الريفية قبل نهاية العام\".\nوأضاف أن الحكومة خصصت ميزانية إضافية للقطاع الصحي."),
    ("paper-2", "2018-10-01", "صحيفة", "أكد الوزير العلي أن الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق الريفية "
                                       "قبل نهاية العام.\nوتحدث الوزير أيضا عن برامج التدريب."),
    ("paper-3", "2018-10-06", "صحيفة", "وقالت المتحدثة باسم الوزارة إن الوزارة ستفتتح عشرة مستشفيات جديدة في "
                                       "المناطق الريفية قبل نهاية العام الجاري."),
    ("blog-4", "", "مدونة", "قال وزير الصحة محمد العلي إن الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق الريفية "
                           "قبل نهاية العام."),
]


@pytest.fixture(scope="module")
def built():
    frames = build([Document(doc_id, text, date=date, source=source) for doc_id, date, source, text in ARTICLES])
    return frames, spread.frames(frames.sentences, frames.documents)


def test_frames_columns_and_dtypes(built):
    frames, result = built
    assert list(result.statements.columns) == spread.STATEMENT_COLUMNS
    assert list(result.repeats.columns) == spread.REPEAT_COLUMNS
    assert len(result.statement_id) == len(frames.sentences)
    statements, repeats = result.statements, result.repeats
    for frame, ints, dates in ((statements, ["statement_id", "n_speakers", "n_sentences", "n_articles", "n_outlets",
                                             "first_sentence_id"], ["first_date", "last_date"]),
                               (repeats, ["statement_id", "sentence_id", "similarity"], ["date"])):
        for column in ints:
            assert types.is_integer_dtype(frame[column]), column
        for column in dates:
            assert types.is_datetime64_dtype(frame[column]), column
    assert types.is_bool_dtype(statements["agree"]) and types.is_bool_dtype(repeats["first"])


def test_the_build_gives_the_statements_of_its_sentences(built):
    """The build groups the signatures its workers made chunk by chunk: the same as grouping its frames again."""
    frames, result = built
    np.testing.assert_array_equal(frames.sentences["statement_id"].to_numpy(), result.statement_id)
    pd.testing.assert_frame_equal(frames.statements, result.statements)
    pd.testing.assert_frame_equal(frames.repeats, result.repeats)


def test_frames_first_seen_and_repeats(built):
    frames, result = built
    [statement] = result.statements.to_dict("records")
    assert (statement["statement_id"], statement["n_articles"], statement["n_sentences"]) == (1, 4, 4)
    assert (statement["first_doc_id"], statement["first_sentence_id"], statement["first_source"]) == ("paper-2", 1,
                                                                                                       "صحيفة")
    assert statement["first_date"] == pd.Timestamp("2018-10-01")
    assert statement["last_date"] == pd.Timestamp("2018-10-06") and statement["days"] == 5
    assert (statement["n_outlets"], statement["outlets"]) == (3, "صحيفة | وكالة | مدونة")
    assert statement["text"].startswith("أكد الوزير العلي")
    repeats = result.repeats
    assert repeats["doc_id"].tolist() == ["paper-2", "wire-1", "paper-3", "blog-4"]  # by date, undated last
    assert repeats["first"].tolist() == [True, False, False, False]
    assert repeats["similarity"].iloc[0] == 100 and (repeats["similarity"] >= spread.RATIO).all()
    spread_rows = frames.sentences[result.statement_id > 0]
    assert sorted(zip(spread_rows["doc_id"], spread_rows["sentence_id"], strict=True)) == sorted(
        zip(repeats["doc_id"], repeats["sentence_id"], strict=True))


def test_frames_speakers_and_agreement(built):
    frames, result = built
    [statement] = result.statements.to_dict("records")
    given = frames.sentences.loc[result.statement_id > 0, "speaker"]
    assert statement["n_speakers"] == given[given != ""].nunique()
    assert statement["agree"] is (statement["n_speakers"] <= 1)
    assert statement["speaker"] == given.mode().iloc[0]


def test_frames_without_reported_speech():
    sentences, documents = corpus([("a", sentence("وافتتح الأمير المعرض.", attribution="none"))])
    result = spread.frames(sentences, documents)
    assert result.statement_id.tolist() == [0]
    assert list(result.statements.columns) == spread.STATEMENT_COLUMNS and result.statements.empty
    assert list(result.repeats.columns) == spread.REPEAT_COLUMNS and result.repeats.empty


def test_grouping_reads_signatures_from_a_memory_mapped_file(built, tmp_path):
    # A corpus larger than memory keeps its signatures on disk: the grouping reads them mapped, not loaded.
    frames, result = built
    table = spread.sketch_frame(frames.sentences)
    with pa.OSFile(str(tmp_path / "signatures.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    mapped = pa.ipc.open_file(pa.memory_map(str(tmp_path / "signatures.arrow"))).read_all()
    again = spread.frames(frames.sentences, frames.documents, mapped)
    np.testing.assert_array_equal(again.statement_id, result.statement_id)
    pd.testing.assert_frame_equal(again.repeats, result.repeats)
