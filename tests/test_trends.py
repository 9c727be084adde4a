"""Keywords and themes over time: buckets by span, sentence positions, per-1,000-word rates, speaker splits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from dashboard_corpora import BBC

from qawl import analysis, trends
from qawl.filters import Filters
from qawl.frames import build_paths
from qawl.search import Keyword


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
    mask = analysis.apply(dated, Filters(docs=("seed-b",)))
    assert trends.axis(dated, mask) == ("position", "")
    assert trends.axis(dated, everything(dated), "M") == ("date", "M")


@pytest.mark.parametrize("word", [
    "العام",  # the year
    "لعام",  # for the year
    "عاما",  # years (accusative)
    "اليوم",  # today
    "وأمس",  # and yesterday
    "بالأمس",  # yesterday
    "الماضي",  # last (week, year)
    "سنوات",  # years
    "الأسبوع",  # the week
    "أكتوبر",  # October
    "تشرين",  # Tishreen (October/November in the Levant)
    "الخميس",  # Thursday
])
def test_calendar_and_time_words_are_time_words(word):
    assert trends.is_time_word(word)


@pytest.mark.parametrize("word", [
    "إيران",  # Iran (its stem is that of أيار, May: the check is on written words, not stems)
    "الصين",  # China
    "التعاون",  # cooperation
    "المرض",  # the disease
    "الانتخابات",  # the elections
    "العامة",  # public, general
    "صباح",  # morning, and the name of Kuwait's emirs
    "وزير",  # minister (begins with و)
])
def test_topical_words_are_not_time_words(word):
    assert not trends.is_time_word(word)


def test_default_terms_of_few_documents_are_the_most_frequent_non_time_words(corpus):
    mask = everything(corpus)
    counts = analysis.term_counts(corpus, mask, 300)
    topical = counts[~counts["word"].map(trends.is_time_word)]
    assert trends.default_terms(corpus, mask, 5) == topical["term"].head(5).tolist()


def test_default_terms_follow_the_filters(dated):
    speaker = dated.frames.speakers["speaker"].iloc[-1]
    mask = analysis.apply(dated, Filters(speakers=(speaker,)))
    defaults = trends.default_terms(dated, mask, 5)
    assert defaults
    assert set(defaults) <= set(analysis.term_counts(dated, mask)["term"])


@pytest.fixture(scope="module")
def bbc():
    """The BBC sample (100 dated articles), prepared; skipped where ../shared is absent."""
    if not BBC.is_dir():
        pytest.skip("needs ../shared/corpora (BBC sample)")
    return analysis.prepare(build_paths([BBC]), "bbc", "bbc")


def test_default_terms_of_many_documents_rank_by_tf_idf(bbc):
    mask = everything(bbc)
    counts = analysis.term_counts(bbc, mask, 300)
    counts = counts[~counts["word"].map(trends.is_time_word)]
    tokens = bbc.frames.tokens
    spread = tokens[tokens["term"].isin(counts["term"])].groupby("term", observed=True)["doc_id"].nunique()
    score = counts["count"] * np.log(len(bbc.frames.documents) / counts["term"].map(spread).to_numpy())
    defaults = trends.default_terms(bbc, mask, 5)
    chosen = counts["term"].isin(defaults).to_numpy()
    assert len(defaults) == 5
    assert score[chosen].min() >= score[~chosen].max()


def test_default_terms_of_real_news_leave_out_frequent_time_words(bbc):
    mask = everything(bbc)
    counts = analysis.term_counts(bbc, mask, 300)
    time_words = counts[counts["word"].map(trends.is_time_word)]
    assert time_words.index[0] < 5  # "عام" (year) is among the most frequent terms of this sample
    assert not set(time_words["term"]) & set(trends.default_terms(bbc, mask, 5))


@pytest.mark.parametrize(("forms", "match"), [(False, "exact"), (True, "forms")])
def test_real_news_words_offered_are_counted_as_their_chart_counts_them(bbc, forms, match):
    mask = everything(bbc)
    shown = trends.word_counts(bbc, mask, 300, forms=forms).set_index("word")["count"]
    assert len(shown) > 250
    charted = trends.timeline(bbc, mask, shown.index.tolist(), match=match).groupby("keyword")["count"].sum()
    assert shown.to_dict() == charted[shown.index].to_dict()
    surfaces = bbc.frames.tokens["surface"].cat.categories
    for word in shown.index[:60]:  # the index finds what a scan of every written word finds
        keyword = Keyword(word, forms=forms)
        assert (bbc.surfaces.mask(keyword) == keyword.surface_mask(surfaces)).all(), word


def test_document_frequency_counts_each_document_once(bbc, monkeypatch):
    mask = everything(bbc) & (np.arange(len(bbc.frames.sentences)) % 2 == 0)
    terms = analysis.term_counts(bbc, mask, 50)["term"].tolist()
    kept = analysis.keep(bbc, "tokens", mask)
    tokens = bbc.frames.tokens[kept]
    expected = tokens[tokens["term"].isin(terms)].groupby("term", observed=True)["doc_id"].nunique()
    assert trends._document_frequency(bbc, mask, terms).tolist() == [expected[t] for t in terms]
    # Documents numbered out of token order take the sorting path and count the same.
    shuffled = np.random.default_rng(0).permutation(int(bbc.doc_of.max()) + 1)[bbc.doc_of]
    monkeypatch.setattr(bbc, "doc_of", shuffled)
    assert trends._document_frequency(bbc, mask, terms).tolist() == [expected[t] for t in terms]


# Articles of August 2015 and of February and April 2018: a 29-month hole, and an empty March between.
GAPPED = {
    "a-2015": ("2015-08-10", "وقال الوزير إن إيران تدعم الحوار. وأضاف أن الاجتماع عقد في أيار الماضي."),
    "b-2018": ("2018-02-12", "وقال المسؤول الإيراني إن إيران لن تتراجع. وأكد أن وإيران شريك في الأمن."),
    "c-2018": ("2018-04-20", "وقال الرئيس إن الحوثي يهدد الأمن. وأضاف أن الإيرانيين يدعمون الحوثيين."),
}


@pytest.fixture(scope="module")
def gapped(tmp_path_factory):
    """Three dated articles with a gap of years and a gap of one month between them, prepared."""
    import csv

    folder = tmp_path_factory.mktemp("gapped") / "articles"
    folder.mkdir()
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "title", "source"])
        for doc_id, (date, text) in GAPPED.items():
            (folder / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
            writer.writerow([doc_id, date, doc_id, "test"])
    return analysis.prepare(build_paths([folder]), "gapped", "gapped")


def test_slots_collapse_long_empty_runs_and_keep_short_ones(gapped):
    mask = everything(gapped)
    frame = trends.timeline(gapped, mask, ["إيران"], match="exact", bucket="M")
    assert sorted(frame["x"].dt.strftime("%Y-%m")) == ["2015-08", "2018-02", "2018-04"]  # only months with data
    axis = trends.slots(frame["x"], "date", "M")
    assert axis["kind"].tolist() == ["data", "gap", "data", "empty", "data"]
    gap = axis.iloc[1]
    assert (gap["x"].strftime("%Y-%m"), gap["last"].strftime("%Y-%m"), gap["n"]) == ("2015-09", "2018-01", 29)
    assert axis.iloc[3]["x"].strftime("%Y-%m") == "2018-03"


@pytest.mark.parametrize(("values", "kinds"), [
    ([1, 2, 3], ["data"] * 3),
    ([1, 3], ["data", "empty", "data"]),
    ([1, 2 + trends.COLLAPSE_AT], ["data", "gap", "data"]),
    ([], []),
])
def test_slots_of_sentence_positions(values, kinds):
    assert trends.slots(pd.Series(values, dtype="float"), "position", "")["kind"].tolist() == kinds


def test_a_word_timeline_counts_what_the_search_matches(gapped):
    mask = everything(gapped)
    exact = trends.timeline(gapped, mask, ["إيران"], match="exact", bucket="M")
    assert exact["count"].sum() == 3  # إيران twice and وإيران; not أيار (May), which shares its stem
    assert set(exact["keyword"]) == {"إيران"}
    forms = trends.timeline(gapped, mask, ["إيران"], match="forms", bucket="M")
    assert forms["count"].sum() == 5  # and الإيراني، الإيرانيين
    from qawl.terms import term
    stems = trends.timeline(gapped, mask, [term("إيران")], bucket="M")
    assert stems["count"].sum() == 4  # the stem's grouping takes أيار in


@pytest.mark.parametrize(("forms", "match", "iran"), [(False, "exact", 3), (True, "forms", 5)])
def test_the_words_offered_are_counted_as_their_chart_counts_them(gapped, forms, match, iran):
    mask = everything(gapped)
    shown = trends.word_counts(gapped, mask, forms=forms).set_index("word")["count"]
    assert shown["إيران"] == iran  # not 4: أيار (May) shares إيران's stem, not its search
    charted = trends.timeline(gapped, mask, shown.index.tolist(), match=match).groupby("keyword")["count"].sum()
    assert shown.to_dict() == charted[shown.index].to_dict()
    assert shown.is_monotonic_decreasing


def test_any_typed_word_is_found_or_reported_missing(gapped):
    mask = everything(gapped)
    assert trends.find_words(gapped, mask, "الحوثي ايران طهران") == (["الحوثي", "ايران"], ["طهران"])
    assert trends.find_words(gapped, mask, "الإيراني", forms=False) == (["الإيراني"], [])
    only_2015 = analysis.apply(gapped, Filters(docs=("a-2015",)))
    assert trends.find_words(gapped, only_2015, "الحوثي") == ([], ["الحوثي"])


def test_theme_timeline_has_rows_only_for_periods_with_sentences(gapped):
    frame = trends.theme_timeline(gapped, everything(gapped), "M")
    assert set(frame["x"].dt.strftime("%Y-%m")) <= {"2015-08", "2018-02", "2018-04"}
