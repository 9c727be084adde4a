"""Dashboard views of the frames: filtering, counts, keyness, timelines, theme shares, exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from dashboard_corpora import SPA, XINHUA

from qawl import analysis, export, resources, store
from qawl.corpus import Document
from qawl.filters import Filters, Keyword
from qawl.frames import build


def everything(corpus):
    """Return the mask that keeps every sentence."""
    return analysis.apply(corpus, Filters())


def test_row_lookups_point_at_the_same_sentence(corpus):
    s = corpus.frames.sentences
    index = pd.MultiIndex.from_arrays([s["doc_id"].astype(str), s["sentence_id"]])
    for name in analysis.LONG_FRAMES:
        frame = getattr(corpus.frames, name)
        keys = pd.MultiIndex.from_arrays([frame["doc_id"].astype(str), frame["sentence_id"]])
        assert np.array_equal(corpus.rows[name], index.get_indexer(keys))


def test_no_filter_keeps_everything(corpus):
    assert everything(corpus).all()


def test_speaker_filter_keeps_only_that_speaker(corpus):
    speaker = corpus.frames.speakers["speaker"].iloc[0]
    mask = analysis.apply(corpus, Filters(speakers=(speaker,)))
    kept = corpus.frames.sentences[mask]
    assert len(kept) == int((corpus.frames.sentences["speaker"] == speaker).sum()) > 0
    assert set(kept["speaker"]) == {speaker}


def test_theme_filter_keeps_the_sentences_carrying_any_of_its_themes(corpus):
    themes = corpus.frames.themes
    for chosen in ((corpus.themes[0],), tuple(corpus.themes[:2])):
        mask = analysis.apply(corpus, Filters(themes=chosen))
        kept = corpus.frames.sentences[mask][["doc_id", "sentence_id"]]
        tagged = themes[themes["theme"].isin(chosen)][["doc_id", "sentence_id"]].drop_duplicates()
        assert sorted(map(tuple, kept.astype(str).to_numpy())) == sorted(map(tuple, tagged.astype(str).to_numpy()))


def test_document_source_and_date_filters(dated):
    def docs_of(mask):
        return set(dated.frames.sentences[mask]["doc_id"])

    assert docs_of(analysis.apply(dated, Filters(docs=("seed-b",)))) == {"seed-b"}
    assert docs_of(analysis.apply(dated, Filters(docs=("seed-a", "seed-c", "nothing")))) == {"seed-a", "seed-c"}
    assert not analysis.apply(dated, Filters(docs=("no-such-document",))).any()
    assert docs_of(analysis.apply(dated, Filters(sources=(SPA,)))) == {"seed-b"}
    assert docs_of(analysis.apply(dated, Filters(sources=(SPA, XINHUA)))) == {"seed-a", "seed-b", "seed-c"}
    assert not analysis.apply(dated, Filters(sources=(SPA,), docs=("seed-a",))).any()
    late = analysis.apply(dated, Filters(date_from=dt.date(2020, 3, 20)))
    early = analysis.apply(dated, Filters(date_to=dt.date(2020, 3, 19)))
    assert docs_of(late) == {"seed-b", "seed-c"}
    assert docs_of(early) == {"seed-a"}
    assert not (late & early).any() and (late | early).all()


@pytest.mark.parametrize("variants", [
    ("التعاون", "تعاون", "والتعاون", "التَّعاوُن"),  # cooperation: article, clitic, diacritics
    ("قازاقستان", "قازقستان"),  # Kazakhstan: spelling variants
    ("أزمة", "ازمه"),  # crisis: hamza, teh marbuta
])
def test_keyword_filter_ignores_spelling_variants(corpus, variants):
    masks = [analysis.apply(corpus, Filters(q=v)) for v in variants]
    assert masks[0].any()
    for mask in masks[1:]:
        assert np.array_equal(mask, masks[0])


def test_keyword_filter_needs_every_word(seed):
    both = analysis.apply(seed, Filters(q="التعاون الصين"))
    one = analysis.apply(seed, Filters(q="التعاون"))
    other = analysis.apply(seed, Filters(q="الصين"))
    assert np.array_equal(both, one & other) and both.sum() < one.sum()


def test_keyword_filter_and_highlight_agree(corpus):
    keyword = Keyword("التعاون")
    mask = analysis.apply(corpus, Filters(q=keyword.query))
    for text, kept in zip(corpus.frames.sentences["text"], mask, strict=True):
        assert bool(keyword.hits(text)) == kept


def test_speaker_table_counts_quotes(corpus):
    table = analysis.speaker_table(corpus, everything(corpus))
    s = corpus.frames.sentences
    for row in table.itertuples():
        mine = s[s["speaker"] == row.speaker]
        assert row.n_sentences == len(mine)
        assert row.n_direct == (mine["quote"] == "direct").sum()
        assert row.n_indirect == (mine["quote"] == "indirect").sum()
    assert list(table["n_sentences"]) == sorted(table["n_sentences"], reverse=True)


def test_term_counts_show_written_words_not_stems(seed):
    counts = analysis.term_counts(seed, everything(seed), 20)
    surfaces = set(seed.frames.tokens["surface"].astype(str))
    assert set(counts["word"]) <= surfaces
    cooperation = counts[counts["word"].str.contains("تعاون")]
    assert len(cooperation) == 1 and cooperation["term"].iloc[0] != cooperation["word"].iloc[0]
    assert counts["count"].sum() <= len(seed.frames.tokens)


@pytest.mark.parametrize(("a", "b", "c", "d"), [(10, 1, 100, 1000), (3, 30, 50, 500), (1, 0, 20, 300),
                                                (0, 5, 40, 60), (25, 25, 200, 200)])
def test_keyness_is_rayson_log_likelihood_and_hardie_log_ratio(a, b, c, d):
    target = np.array([a, c - a])
    reference = np.array([b, d - b])
    g2, ratio = analysis.keyness(target, reference)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    expected = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
    assert g2[0] == pytest.approx(expected)
    assert ratio[0] == pytest.approx(math.log2(((a or 0.5) / c) / ((b or 0.5) / d)))
    assert (g2 >= 0).all()


def test_distinctive_terms_are_overused_by_the_speaker(seed):
    speaker = seed.frames.speakers["speaker"].iloc[0]
    words = analysis.distinctive_terms(seed, everything(seed), speaker, 15)
    assert len(words) > 0
    assert (words["log_ratio"] > 0).all()
    assert list(words["log_likelihood"]) == sorted(words["log_likelihood"], reverse=True)


def test_theme_shares_are_shares_of_story_sentences(corpus):
    mask = everything(corpus)
    shares = analysis.theme_shares(corpus, mask)
    story = int(corpus.story.sum())
    assert shares["sentences"].sum() == len(corpus.frames.themes)
    assert np.allclose(shares["share"], (shares["sentences"] * 100 / story).round(1))


def test_speaker_theme_table(seed):
    mask = everything(seed)
    speakers = seed.frames.speakers["speaker"].tolist()
    counts = analysis.speaker_theme(seed, mask, speakers)
    shares = analysis.speaker_theme(seed, mask, speakers, share=True)
    assert list(counts.index) == speakers
    spoken = seed.frames.themes.merge(seed.frames.sentences[["doc_id", "sentence_id", "speaker"]],
                                      on=["doc_id", "sentence_id"])
    assert counts.to_numpy().sum() == spoken["speaker"].isin(speakers).sum()
    assert ((shares >= 0) & (shares <= 100)).all().all()


def test_who_mentions_whom_leaves_out_self_mentions(corpus):
    pairs = analysis.who_mentions_whom(corpus, everything(corpus), 100)
    assert len(pairs) > 0
    assert (pairs["speaker"] != "").all() and (pairs["speaker"] != pairs["entity"]).all()


@pytest.mark.parametrize("fn", [analysis.speaker_table, analysis.theme_shares, analysis.who_mentions_whom,
                                analysis.term_counts])
def test_views_of_an_empty_selection_are_empty_not_errors(seed, fn):
    nothing = analysis.apply(seed, Filters(speakers=("nobody at all",)))
    assert not nothing.any()
    assert fn(seed, nothing).empty


def test_an_empty_selection_has_empty_exports(seed):
    nothing = np.zeros(len(seed.frames.sentences), dtype=bool)
    for name in store.EXPORT_FRAMES:
        assert analysis.export_frame(seed, nothing, name).empty


def test_export_of_a_speaker_holds_only_that_speaker(dated):
    speaker = dated.frames.speakers["speaker"].iloc[0]
    mask = analysis.apply(dated, Filters(speakers=(speaker,)))
    sentences = analysis.export_frame(dated, mask, "sentences")
    assert "speaker" in sentences.columns and set(sentences["speaker"]) == {speaker}
    documents = analysis.export_frame(dated, mask, "documents")
    assert set(documents["doc_id"]) == set(sentences["doc_id"])
    assert set(analysis.export_frame(dated, mask, "speakers")["speaker"]) == {speaker}
    data = export.csv_bytes(sentences)
    assert data.startswith(b"\xef\xbb\xbf") and speaker in data.decode("utf-8-sig")


def test_presentation_forms_never_leave_the_corpus():
    # "قال الوزير" typed with Arabic presentation forms (as PDFs extract it)
    text = "ﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﺘﻌﺎﻭﻥ ﻣﻬﻢ.\nوقال الوزير إن التعاون مهم."
    corpus = analysis.prepare(build([Document("pf", text)]), "pf")
    for frame in (corpus.frames.sentences, corpus.frames.tokens, corpus.frames.documents):
        for column in frame.columns:
            values = frame[column].astype(str)
            assert not values.str.contains(resources.PRESENTATION_FORMS.pattern, regex=True).any(), column
    assert "قال الوزير" in corpus.frames.sentences["text"].iloc[0]


@pytest.mark.parametrize("name", store.EXPORT_FRAMES)
def test_export_rows_counts_the_export_without_making_it(dated, name):
    speaker = dated.frames.speakers["speaker"].iloc[0]
    for mask in (everything(dated), analysis.apply(dated, Filters(speakers=(speaker,))),
                 np.zeros(len(dated.frames.sentences), dtype=bool)):
        assert analysis.export_rows(dated, mask, name) == len(analysis.export_frame(dated, mask, name))


def test_sentences_in_any_order_are_put_in_document_order(dated):
    frames = dated.frames
    shuffled = dataclasses.replace(frames, sentences=frames.sentences.sample(frac=1, random_state=3))
    corpus = analysis.prepare(shuffled, "shuffled")
    pd.testing.assert_frame_equal(corpus.frames.sentences.reset_index(drop=True),
                                  frames.sentences.sort_values(["doc_id", "sentence_id"], ignore_index=True))
    assert (corpus.doc_of >= 0).all()
    for name in analysis.LONG_FRAMES:
        assert (corpus.rows[name] >= 0).all()


def test_a_sentence_numbering_with_a_gap_is_refused(dated):
    frames = dated.frames
    gap = frames.sentences[frames.sentences["sentence_id"] != 2]
    with pytest.raises(ValueError, match="must number"):
        analysis.prepare(dataclasses.replace(frames, sentences=gap), "gap")


def test_a_page_of_sentences_comes_in_row_order(dated):
    positions = np.array([0, 3, 7])
    page = analysis.sentences_at(dated, positions)
    pd.testing.assert_frame_equal(page.reset_index(drop=True),
                                  dated.frames.sentences.iloc[positions].reset_index(drop=True))


@pytest.mark.parametrize("name", ["sentences", *analysis.LONG_FRAMES, "documents"])
def test_select_gives_what_a_boolean_mask_gives(dated, name):
    frame = getattr(dated.frames, name)
    for mask in (np.ones(len(frame), dtype=bool), np.arange(len(frame)) % 3 == 1, np.zeros(len(frame), dtype=bool)):
        pd.testing.assert_frame_equal(analysis.select(frame, mask), frame[mask])
