"""Keywords and themes over time: buckets by span, sentence positions, per-1,000-word rates, speaker splits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from dashboard_corpora import SEED, write_dated_corpus

from qawl import analysis, trends
from qawl.filters import Filters
from qawl.frames import build_paths


@pytest.fixture(scope="module")
def seed():
    """The bundled one-article undated corpus, prepared."""
    return analysis.prepare(build_paths([SEED]), "seed", "seed")


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The seed cut into three dated articles, prepared."""
    folder = write_dated_corpus(tmp_path_factory.mktemp("dated"))
    return analysis.prepare(build_paths([folder]), "dated", "dated")


@pytest.fixture(params=["seed", "dated"])
def corpus(request):
    """Each test corpus in turn."""
    return request.getfixturevalue(request.param)


def everything(corpus):
    """Return the mask that keeps every sentence."""
    return analysis.apply(corpus, Filters())


@pytest.mark.parametrize(("days", "bucket"), [(0, "D"), (30, "D"), (62, "D"), (63, "W"), (246, "W"), (550, "W"),
                                              (551, "M"), (3650, "M")])
def test_date_buckets_follow_the_span(days, bucket):
    assert trends.bucket_for_span(days) == bucket


def test_timeline_of_one_undated_article_runs_over_sentence_positions(seed):
    mask = everything(seed)
    terms = analysis.term_counts(seed, mask, 3)["term"].tolist()
    frame = trends.timeline(seed, mask, terms)
    assert frame.attrs["axis"] == "position"
    assert set(frame["x"]) == set(seed.frames.sentences["sentence_id"])
    tokens = seed.frames.tokens
    assert frame["count"].sum() == tokens["term"].isin(terms).sum()


def test_timeline_of_dated_articles_runs_over_date_buckets(dated):
    mask = everything(dated)
    terms = analysis.term_counts(dated, mask, 2)["term"].tolist()
    frame = trends.timeline(dated, mask, terms, per_thousand=True)
    assert (frame.attrs["axis"], frame.attrs["freq"]) == ("date", "W")
    assert pd.api.types.is_datetime64_any_dtype(frame["x"])
    expected = (frame["count"] * 1000 / frame["words"]).round(2)
    assert np.allclose(frame["value"], expected)
    assert frame["words"].sum() == len(terms) * dated.n_words.sum()


def test_timeline_split_by_speaker_adds_up(dated):
    mask = everything(dated)
    terms = analysis.term_counts(dated, mask, 3)["term"].tolist()
    whole = trends.timeline(dated, mask, terms)
    split = trends.timeline(dated, mask, terms, by_speaker=True)
    assert split["count"].sum() == whole["count"].sum()
    assert set(split["speaker"]) <= {*dated.frames.speakers["speaker"], trends.OTHERS}


def test_theme_timeline_shares_stay_within_bounds(corpus):
    frame = trends.theme_timeline(corpus, everything(corpus))
    assert frame["share"].between(0, 100).all()
    assert frame["sentences"].sum() == len(corpus.frames.themes)


@pytest.mark.parametrize("fn", [trends.timeline, trends.theme_timeline])
def test_an_empty_selection_has_empty_trends(seed, fn):
    nothing = analysis.apply(seed, Filters(speakers=("nobody at all",)))
    args = (["تعا"],) if fn is trends.timeline else ()
    assert fn(seed, nothing, *args).empty


def test_dated_articles_of_one_document_still_run_over_positions(dated):
    mask = analysis.apply(dated, Filters(doc="seed-b"))
    assert trends.axis(dated, mask) == ("position", "")
    assert trends.axis(dated, everything(dated), "M") == ("date", "M")
