"""The pandas store answers the store interface from analysis.py and trends.py under one cached mask per Filters."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from dashboard_corpora import SPA, XINHUA

from qawl import analysis, store, trends
from qawl.filters import Filters
from qawl.pandas_store import PandasStore


@pytest.fixture(scope="module")
def dated_store(dated):
    """The dated three-article corpus behind the pandas store."""
    return PandasStore(dated)


def test_a_mask_is_made_once_per_filters_and_is_read_only(dated_store):
    filters = Filters(sources=(SPA,))
    mask = dated_store.mask(filters)
    assert dated_store.mask(Filters(sources=(SPA,))) is mask
    assert not mask.flags.writeable


def test_corpus_facts(dated_store, dated):
    assert dated_store.size() == len(dated.frames.sentences)
    assert dated_store.sources() == [XINHUA, SPA]
    assert [str(d) for d in dated_store.date_span()] == ["2020-03-02", "2020-05-11"]
    assert dated_store.themes() == dated.themes
    top = dated_store.speaker_counts(2)
    assert top.columns.tolist() == ["speaker", "n_sentences"] and len(top) == 2
    assert dated_store.speaker_counts(names=("nobody", top["speaker"].iloc[1]))["speaker"].tolist() == [
        top["speaker"].iloc[1]]
    assert dated_store.document_titles(ids=("seed-c", "nothing"))["doc_id"].tolist() == ["seed-c"]
    assert dated_store.document_titles(1)["doc_id"].tolist() == ["seed-a"]


def test_counts_are_sentences_and_documents(dated_store, dated):
    from_xinhua = dated.frames.sentences["doc_id"].isin(["seed-a", "seed-c"]).sum()
    assert dated_store.counts(Filters(sources=(XINHUA,))) == (from_xinhua, 2)
    assert dated_store.counts(Filters(q="كلمةلاتوجد")) == (0, 0)


def test_a_page_of_sentences_carries_its_themes_and_document(dated_store, dated):
    filters = Filters(sources=(SPA,))
    page = dated_store.sentence_page(filters, 1, 3)
    kept = dated.frames.sentences[dated_store.mask(filters)]
    assert page["sentence_id"].tolist() == kept["sentence_id"].iloc[1:4].tolist()
    assert list(page.columns[-len(store.PAGE_COLUMNS):]) == list(store.PAGE_COLUMNS)
    assert set(page["source"]) == {SPA} and set(page["doc_sentences"]) == {len(kept)}
    assert (page["doc_date"] == pd.Timestamp("2020-03-20")).all()
    themes = dated.frames.themes
    for row in page.itertuples():
        mine = themes[(themes["doc_id"] == row.doc_id) & (themes["sentence_id"] == row.sentence_id)]
        assert row.themes == mine["theme"].astype(str).tolist()
    assert dated_store.sentence_page(filters, 100, 50).empty


def test_cloud_words_are_the_term_counts_of_one_speaker(dated_store, dated):
    speaker = dated_store.speaker_counts(1)["speaker"].iloc[0]
    mine = analysis.apply(dated, Filters(speakers=(speaker,)))
    pd.testing.assert_frame_equal(dated_store.cloud_words(Filters(), speaker, 50),
                                  analysis.term_counts(dated, mine, 50))


def test_timelines_are_those_of_trends(dated_store, dated):
    terms = dated_store.default_terms(Filters(), 3)
    assert terms == trends.default_terms(dated, np.ones(dated_store.size(), dtype=bool), 3)
    frame = dated_store.timeline(Filters(), terms, by_speaker=True)
    assert frame.attrs["axis"] == "date" and set(frame["term"]) == set(terms)


@pytest.mark.parametrize("name", store.EXPORT_FRAMES)
def test_exports_count_limit_and_stream_the_same_rows(dated_store, name):
    filters = Filters(sources=(XINHUA,))
    frame = dated_store.export_frame(filters, name)
    assert dated_store.export_rows(filters, name) == len(frame)
    pd.testing.assert_frame_equal(dated_store.export_frame(filters, name, 2), frame.head(2))
    buffer = io.BytesIO()
    dated_store.write_csv(filters, name, buffer)
    assert len(pd.read_csv(io.BytesIO(buffer.getvalue()), encoding="utf-8-sig")) == len(frame)
    buffer = io.BytesIO()
    dated_store.write_parquet(filters, name, buffer)
    assert pd.read_parquet(io.BytesIO(buffer.getvalue())).columns.tolist() == frame.columns.tolist()


def test_exported_sentences_name_their_outlet_and_title(dated_store):
    sentences = dated_store.export_frame(Filters(), "sentences")
    assert list(sentences.columns[:3]) == ["doc_id", "source", "title"]  # the metadata has no url column
    assert dict(zip(sentences["doc_id"], sentences["source"], strict=True)) == {
        "seed-a": XINHUA, "seed-b": SPA, "seed-c": XINHUA}


@pytest.mark.parametrize("name", ["themes", "tokens", "mentions"])
def test_every_exported_long_frame_names_its_outlet(dated_store, name):
    frame = dated_store.export_frame(Filters(), name)
    assert frame.columns[-1] == "source" and len(frame)
    outlets = {"seed-a": XINHUA, "seed-b": SPA, "seed-c": XINHUA}
    assert frame["source"].astype(str).tolist() == frame["doc_id"].astype(str).map(outlets).tolist()
    spa = dated_store.export_frame(Filters(sources=(SPA,)), name)
    assert set(spa["source"]) == {SPA} and set(spa["doc_id"]) == {"seed-b"}
    csv_data = io.BytesIO()
    dated_store.write_csv(Filters(), name, csv_data)
    assert pd.read_csv(io.BytesIO(csv_data.getvalue()), encoding="utf-8-sig")["source"].tolist() == frame[
        "source"].astype(str).tolist()
def test_a_sentence_is_found_among_the_kept_ones(dated_store, dated):
    s = dated.frames.sentences
    assert dated_store.sentence_position(Filters(), "seed-a", 1) == 0
    assert dated_store.sentence_position(Filters(), "seed-b", 2) == int((s["doc_id"] == "seed-a").sum()) + 1
    assert dated_store.sentence_position(Filters(docs=("seed-b",)), "seed-b", 2) == 1
    assert dated_store.sentence_position(Filters(docs=("seed-a",)), "seed-b", 2) is None
    assert dated_store.sentence_position(Filters(), "no-such-doc", 1) is None
    assert dated_store.sentence_position(Filters(), "seed-a", 999) is None


def test_speaker_mentions_are_the_names_the_articles_used(dated_store, dated):
    speaker = dated_store.speaker_counts(1)["speaker"].iloc[0]
    mentions = dated_store.speaker_mentions(speaker)
    s = dated.frames.sentences
    mine = s.loc[(s["speaker"] == speaker) & (s["speaker_mention"] != ""), "speaker_mention"]
    assert dict(zip(mentions["speaker_mention"], mentions["n_sentences"], strict=True)) == mine.value_counts().to_dict()
    assert mentions["n_sentences"].is_monotonic_decreasing
    assert dated_store.speaker_mentions("nobody").empty


def test_typed_words_are_found_and_charted_as_the_search_matches_them(dated_store):
    found, missing = dated_store.find_words(Filters(), "التعاون الحوثي")
    assert found == ["التعاون"] and missing == ["الحوثي"]  # cooperation; the Houthi (not in the seed)
    frame = dated_store.timeline(Filters(), found, match="exact")
    assert set(frame["keyword"]) == {"التعاون"} and frame["count"].sum() > 0
    assert frame["count"].sum() == dated_store.timeline(Filters(q="التعاون"), found, match="exact")["count"].sum()


def test_the_store_applies_the_corrections_it_is_opened_with(dated, tmp_path):
    from qawl import corrections

    speaker = dated.frames.speakers["speaker"].iloc[0]
    path = tmp_path / corrections.FILE_NAME
    corrections.append(path, corrections.Rule("rename", speaker, "اسم مصحح"))  # a corrected name
    corrections.append(path, corrections.Rule("rename", "nobody at all", "x"))
    rules = corrections.read(path)
    opened = PandasStore.of(dated.frames, f"dated-{rules.digest}", "dated", rules)
    assert opened.corrections == rules
    assert opened.correction_notes == ["line 7: rename nobody at all matched no sentence"]
    assert speaker not in opened.speaker_counts()["speaker"].tolist()
    sentences = opened.export_frame(Filters(speakers=("اسم مصحح",)), "sentences")
    assert len(sentences) == dated.frames.speakers["n_sentences"].iloc[0] and sentences["speaker_corrected"].all()
    assert PandasStore.of(dated.frames, "plain").correction_notes == []
