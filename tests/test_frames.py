"""The frame contract (columns, dtypes, consistency) and serial/parallel builds giving equal frames."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.api import types
from qawl_paths import shared_path

from qawl.corpus import CorpusError, Document, load
from qawl.frames import FRAME_NAMES, build, build_paths

CONTRACT = {
    "documents": ["doc_id", "title", "date", "source", "n_sentences"],
    "sentences": ["doc_id", "sentence_id", "text", "speaker", "speaker_mention", "cue", "attribution", "quote",
                  "date", "paragraph", "boilerplate", "statement_id"],
    "speakers": ["speaker", "aliases", "n_sentences", "n_documents", "n_direct", "n_indirect"],
    "themes": ["doc_id", "sentence_id", "theme", "terms"],
    "tokens": ["doc_id", "sentence_id", "surface", "term"],
    "mentions": ["doc_id", "sentence_id", "entity", "kind", "surface", "speaker"],
    "statements": ["statement_id", "text", "speaker", "speakers", "n_speakers", "n_sentences", "n_articles",
                   "n_outlets", "outlets", "first_doc_id", "first_sentence_id", "first_date", "first_source",
                   "last_date"],
    "repeats": ["statement_id", "doc_id", "sentence_id", "date", "source", "speaker", "similarity"],
}
INTEGER_COLUMNS = {"documents": ["n_sentences"], "sentences": ["sentence_id", "paragraph", "statement_id"],
                   "speakers": ["n_sentences", "n_documents", "n_direct", "n_indirect"],
                   "themes": ["sentence_id"], "tokens": ["sentence_id"], "mentions": ["sentence_id"],
                   "statements": ["statement_id", "n_speakers", "n_sentences", "n_articles", "n_outlets",
                                  "first_sentence_id"],
                   "repeats": ["statement_id", "sentence_id", "similarity"]}
DATE_COLUMNS = {"documents": ["date"], "sentences": ["date"], "statements": ["first_date", "last_date"],
                "repeats": ["date"]}
SPREAD_FRAMES = ("statements", "repeats")  # the seed's one article reports nothing another article does

# Small articles with reported speech, carried subjects, quotations and gazetteer names.
ARTICLES = [
    ("wam-1", "2020-03-01", "وقال وزير الخارجية الصيني وانغ يي إن الصين مستعدة للتعاون مع الأمم المتحدة.\n"
                            "وأضاف أن مكافحة فيروس كورونا تتطلب تضامنا دوليا."),
    ("spa-2", "2020-03-02", "الرياض 7 رجب 1441 هـ الموافق 2 مارس 2020 م واس\n"
                            "أكدت وزارة الصحة السعودية أن الوضع مطمئن.\n"
                            "وأوضح المتحدث الرسمي: \"نتابع الحالات على مدار الساعة\"."),
    ("bbc-3", "Mon, 02 Mar 2020 10:00:00 GMT", "قال الرئيس الأمريكي دونالد ترامب إن الاقتصاد قوي.\n"
                                               "ورد ترامب على الصحفيين في البيت الأبيض."),
    ("qna-4", "", "بحسب مصادر في الدوحة، فإن المحادثات مستمرة.\nوشدد أمير قطر على دعم الحوار في قطر."),
    ("ina-5", "2020-03-04", "وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش: \"يجب وقف القتال فورا\".\n"
                            "وتابع غوتيريش أن المساعدات الإنسانية يجب أن تصل."),
]


def documents() -> list[Document]:
    return [Document(doc_id, text, date=date, source="test") for doc_id, date, text in ARTICLES]


def assert_frames_equal(a, b) -> None:
    for (name, left), (_, right) in zip(a.items(), b.items(), strict=True):
        pd.testing.assert_frame_equal(left, right, obj=name)


@pytest.mark.parametrize("name", FRAME_NAMES)
def test_seed_frame_has_contract_columns_and_dtypes(seed_frames, name):
    frame = getattr(seed_frames, name)
    assert set(CONTRACT[name]) <= set(frame.columns)
    assert frame.empty is (name in SPREAD_FRAMES)
    for column in INTEGER_COLUMNS[name]:
        assert types.is_integer_dtype(frame[column]), column
    for column in DATE_COLUMNS.get(name, []):
        assert types.is_datetime64_dtype(frame[column]), column
    for column in set(CONTRACT[name]) - set(INTEGER_COLUMNS[name]) - set(DATE_COLUMNS.get(name, [])):
        assert types.is_string_dtype(frame[column]) or isinstance(frame[column].dtype, pd.CategoricalDtype), column


@pytest.mark.parametrize("column", ["doc_id", "surface", "term"])
def test_tokens_use_categoricals_with_sorted_categories(seed_frames, column):
    categories = seed_frames.tokens[column].cat.categories
    assert list(categories) == sorted(categories)


def test_sentence_ids_run_from_one_within_each_document(seed_frames):
    s = seed_frames.sentences
    for doc_id, group in s.groupby("doc_id"):
        assert group["sentence_id"].tolist() == list(range(1, len(group) + 1)), doc_id
    counts = s.groupby("doc_id").size()
    assert (seed_frames.documents.set_index("doc_id")["n_sentences"] == counts).all()


def test_every_speaker_of_a_sentence_is_in_the_speakers_frame(seed_frames):
    named = set(seed_frames.sentences["speaker"]) - {""}
    assert named
    assert named == set(seed_frames.speakers["speaker"])


def test_mentions_carry_the_speaker_of_their_sentence(seed_frames):
    merged = seed_frames.mentions.merge(seed_frames.sentences[["doc_id", "sentence_id", "speaker"]],
                                        on=["doc_id", "sentence_id"], suffixes=("", "_sentence"))
    assert len(merged) == len(seed_frames.mentions) > 0
    assert (merged["speaker"] == merged["speaker_sentence"]).all()


def test_empty_corpus_gives_every_frame_its_columns():
    frames = build([])
    for name, frame in frames.items():
        assert frame.empty
        assert set(CONTRACT[name]) <= set(frame.columns), name


@pytest.mark.parametrize("workers", [2, 3])
def test_parallel_build_equals_serial_build(workers):
    serial = build(documents(), workers=1)
    assert serial.sentences["speaker"].ne("").any()
    assert_frames_equal(serial, build(documents(), workers=workers))


def test_parallel_build_equals_serial_build_on_real_news():
    docs = load([shared_path("corpora")], warn=lambda _: None)[::10]
    assert len(docs) >= 10
    assert_frames_equal(build(docs, workers=1), build(docs, workers=2))


def test_a_worker_keeps_pandas_out_of_arrow_and_can_still_import_it():
    # A worker forked before its parent imported pandas: pyarrow would import it (0.4 s) at the chunk's first column.
    code = ("import sys; from qawl import articles; from qawl.corpus import Document; "
            "articles._arrow_without_pandas(); "
            "chunk = articles.analyse_chunk([Document('a', 'وقال الوزير إن الوضع مستقر.')]); "
            "print('pandas' in sys.modules, len(chunk.sentences.to_pandas()))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert run.stdout.split() == ["False", "1"]


def test_progress_reaches_every_article():
    seen: list[tuple[int, int]] = []
    build(documents(), progress=lambda done, total: seen.append((done, total)), workers=2)
    assert seen[-1] == (len(ARTICLES), len(ARTICLES))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_of_a_folder_read_while_analysing_counts_its_articles_from_the_start(tmp_path):
    # The workers get a few runs ahead and results are taken as they come: the total is the file count at once.
    for k, doc in enumerate(documents() * 10):
        (tmp_path / f"{k:03d}.txt").write_text(doc.text, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    build_paths([tmp_path], progress=lambda done, total: seen.append((done, total)), workers=2)
    n = len(ARTICLES) * 10
    assert len(seen) > 2 and {total for _, total in seen} == {n}
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (n, n)


def test_reading_while_analysing_equals_reading_first(tmp_path):
    # build_paths with workers hands each chunk over as soon as it is read; alone it reads everything first.
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc in documents() * 4:
        (folder / f"{doc.doc_id}-{len(list(folder.iterdir()))}.txt").write_text(doc.text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a warning, read in the middle of the stream
    streamed, first = build_paths([folder], workers=2), build_paths([folder], workers=1)
    assert_frames_equal(first, streamed)
    assert streamed.warnings == first.warnings and len(streamed.warnings) == 1
    assert len(streamed.documents) == len(ARTICLES) * 4


def test_nothing_readable_is_an_error_when_read_while_analysing(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n")
    with pytest.raises(CorpusError, match="empty file"):
        build_paths([tmp_path], workers=2)
