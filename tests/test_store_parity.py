"""The DuckDB store answers every store question as the pandas store does, on the same corpus, under the same filters
and the same speaker corrections.

Both stores open the same disk-cache entry (the pandas store reads the frames, DuckDB queries the files) and every
method's answer must be equal: same rows, same order, same values, same dtypes.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pandas as pd
import pytest
from dashboard_corpora import BBC, SEED, SPA, XINHUA, write_articles, write_dated_corpus
from test_spread import ARTICLES

from qawl import cache, cli, corrections, duckdb_index, sourcing, store
from qawl.duckdb_store import DuckDBStore
from qawl.filters import Filters
from qawl.frames import build_paths
from qawl.pandas_store import PandasStore


def _stores(folder, root, corrected=False):
    frames = build_paths([folder])
    entry = cache.write(frames, "parity", root)
    assert entry is not None
    rules = rules_for(PandasStore.of(cache.read("parity", root), "plain")) if corrected else None
    pandas_store = PandasStore.of(cache.read("parity", root), "parity", "parity", rules)
    return pandas_store, DuckDBStore(entry, "parity", "parity", rules=rules)


def rules_for(reference: PandasStore) -> corrections.Rules:
    """Return corrections of every kind for a corpus: a rename then a rename of the new name (a chain), a merge into
    a name that exists, a split by mention, a sentence set to a new speaker, one set to a known speaker (who may be of
    another kind) and one cleared, rules that match nothing, and a row that is not a rule (a narration sentence is
    set when there is one)."""
    top = reference.speaker_counts()["speaker"].tolist()
    page = reference.sentence_page(Filters(), 0, reference.size())
    narration = page[page["speaker"] == ""].iloc[0] if (page["speaker"] == "").any() else page.iloc[0]
    said = page[page["speaker"] == top[1]].iloc[-1]
    moved = page[page["speaker"] == top[-1]].iloc[0]
    split = top[-1]
    mention = reference.speaker_mentions(split)["speaker_mention"].iloc[0]
    rows = [
        ["rename", top[0], "اسم جديد", "", "", "", "a new name"],
        ["rename", "اسم جديد", "اسم أخير", "", "", "", "and again"],
        ["merge", top[2], top[1], "", "", "", ""] if len(top) > 2 else ["rename", "لا أحد", "أحد", "", "", "", ""],
        ["split", split, "متحدث منفصل", mention, "", "", ""],
        ["set", "", "متحدثة جديدة", "", narration["doc_id"], str(narration["sentence_id"]), ""],
        ["clear", "", "", "", said["doc_id"], str(said["sentence_id"]), ""],
        ["set", "", top[1], "", moved["doc_id"], str(moved["sentence_id"]), "a known speaker"],
        ["rename", "لا أحد بهذا الاسم", "أحد", "", "", "", "matches nothing"],
        ["set", "", "أحد", "", "no such document", "3", ""],
        ["delete", top[0], "", "", "", "", "not an action"],
    ]
    text = io.StringIO()
    csv.writer(text).writerows([list(corrections.COLUMNS), *rows])
    return corrections.parse(text.getvalue())


# The corpora whose every question is asked under every filter; the others are asked under one filter of each
# field (ONE_OF_EACH): a filter works alike on every corpus, and a corpus's content shows under any filter.
EVERY_FILTER = frozenset({"bbc", "spread-corrected"})
ONE_OF_EACH = ("none", "speaker", "theme", "doc", "keyword", "combined", "nothing", "source", "from")


@pytest.fixture(scope="module", params=["seed", "dated", "bbc", "spread", "dated-corrected", "bbc-corrected",
                                        "spread-corrected"])
def stores(request, tmp_path_factory):
    """(pandas store, DuckDB store, filter cases) over one corpus's cache entry: the seed, the dated cut, the BBC
    sample, four articles carrying one statement (quote spread); the last three under corrections of every kind."""
    root = tmp_path_factory.mktemp(f"parity-{request.param}")
    if request.param == "seed":
        folder = SEED
    elif request.param.startswith("dated"):
        folder = write_dated_corpus(root / "corpus")
    elif request.param.startswith("spread"):
        folder = write_articles(root / "corpus", ARTICLES)
    else:
        if not BBC.is_dir():
            pytest.skip("needs ../shared/corpora (BBC sample)")
        folder = BBC
    reference, duck = _stores(folder, root / "cache", corrected=request.param.endswith("corrected"))
    return reference, duck, filter_cases(reference, every=request.param in EVERY_FILTER)


def filter_cases(reference: PandasStore, every: bool = True) -> dict[str, Filters]:
    """Return named filters for a corpus: each field alone, combined, and one that keeps nothing (every=False: one
    filter of each field, ONE_OF_EACH)."""
    top = tuple(reference.speaker_counts(2)["speaker"])
    themes = reference.themes()
    docs = reference.document_titles()["doc_id"].tolist()
    sources = reference.sources()
    span = reference.date_span()
    cases = {
        "none": Filters(),
        "speaker": Filters(speakers=top[:1]),
        "speakers": Filters(speakers=top),
        "theme": Filters(themes=tuple(themes[:1])),
        "themes": Filters(themes=tuple(themes[1:3])),
        "doc": Filters(docs=tuple(docs[:1])),
        "docs": Filters(docs=tuple(docs[-2:])),
        "keyword": Filters(q="التعاون"),  # cooperation
        "keywords": Filters(q="الرئيس قال"),  # the president, said
        "forms": Filters(q="الصين", match="forms"),  # China, and Chinese …
        "combined": Filters(speakers=top[:1], themes=tuple(themes[:2]), q="قال"),
        "nothing": Filters(speakers=("nobody at all",)),
    }
    if sources:
        cases["source"] = Filters(sources=tuple(sources[-1:]))
        cases["source-doc"] = Filters(sources=tuple(sources[:1]), docs=tuple(docs[:2]))
    if span and span[0] != span[1]:
        middle = span[0] + (span[1] - span[0]) / 2
        cases["from"] = Filters(date_from=middle)
        cases["to"] = Filters(date_to=middle, themes=tuple(themes[:1]))
    return cases if every else {name: f for name, f in cases.items() if name in ONE_OF_EACH}


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Return frame with its categorical columns as text: the pandas frames keep the tokens' columns as categories
    of the whole corpus, DuckDB gives the strings."""
    return frame.astype({c: "str" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})


def assert_same(left, right, what):
    """Fail unless two answers are equal: frames in rows, order, values, dtypes and attrs; others by ==."""
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(as_text(left), right, obj=what)
        assert left.attrs == right.attrs, what
    else:
        assert left == right, what


def questions(reference: PandasStore, filters: Filters) -> dict[str, tuple[str, tuple, dict]]:
    """Return every store method with the arguments the pages give it (and a few more)."""
    table = reference.speaker_table(filters)
    speakers = table["speaker"].head(15).tolist() or reference.speaker_counts(3)["speaker"].tolist()
    speaker = speakers[0] if speakers else "nobody"
    terms = reference.term_counts(Filters(), 4)["term"].tolist()
    typed = ["الصين", "التعاون", "قال", "كلمةلاتوجد"]  # China, cooperation, said, a word no text has
    asked = {
        "counts": ("counts", (), {}),
        "speaker_table": ("speaker_table", (), {}),
        "speaker_theme": ("speaker_theme", (speakers,), {}),
        "speaker_theme_share": ("speaker_theme", (speakers,), {"share": True}),
        "who_mentions_whom": ("who_mentions_whom", (200,), {}),
        "quotes": ("quotes", (speaker, 200), {}),
        "distinctive_terms": ("distinctive_terms", (speaker, 30), {}),
        "term_counts": ("term_counts", (300,), {}),
        "term_counts_all": ("term_counts", (), {}),
        "word_counts": ("word_counts", (300,), {}),
        "word_counts_forms": ("word_counts", (300,), {"forms": True}),
        "cloud_words": ("cloud_words", (speaker,), {}),
        "default_terms": ("default_terms", (), {"pool": 300}),
        "axis": ("axis", (), {}),
        "axis_month": ("axis", ("M",), {}),
        "timeline": ("timeline", (terms,), {}),
        "timeline_rate_speakers": ("timeline", (terms,), {"per_thousand": True, "by_speaker": True}),
        "timeline_week": ("timeline", (terms[:2],), {"bucket": "W"}),
        "timeline_no_terms": ("timeline", ([],), {}),
        "timeline_exact": ("timeline", (typed,), {"match": "exact"}),
        "timeline_forms_rate_speakers": ("timeline", (typed,), {"match": "forms", "per_thousand": True,
                                                                "by_speaker": True}),
        "timeline_forms_month": ("timeline", (typed[:2],), {"match": "forms", "bucket": "M"}),
        "find_words": ("find_words", (" ".join(typed),), {}),
        "find_words_forms": ("find_words", ("صيني التعاون",), {"forms": True}),
        "theme_timeline": ("theme_timeline", (), {}),
        "theme_timeline_day": ("theme_timeline", ("D",), {}),
        "theme_shares": ("theme_shares", (), {}),
        "sentence_page": ("sentence_page", (0, 50), {}),
        "sentence_page_later": ("sentence_page", (3, 4), {}),
        "sentence_page_past_the_end": ("sentence_page", (10**6, 50), {}),
        "unnamed_by_source": ("unnamed_by_source", (), {}),
        "quoted_women": ("quoted_women", (), {}),
        "quoted_women_one": ("quoted_women", (1,), {}),
        "sourcing_shares_week": ("sourcing_shares", ("gender", "period", "W"), {}),
    }
    for name, (method, kwargs) in store.SOURCING_TABLES.items():
        asked[name] = (method, (), kwargs)
    corpus = reference.sentence_page(Filters(), 0, reference.size())
    kept = reference.sentence_page(filters, 0, 3)
    for i, (doc_id, sentence_id) in enumerate([*zip(kept["doc_id"], kept["sentence_id"], strict=True),
                                               *zip(corpus["doc_id"].iloc[[0, -1]], corpus["sentence_id"].iloc[[0, -1]],
                                                    strict=True), ("no such document", 1),
                                               (corpus["doc_id"].iloc[0], 10**6)]):
        asked[f"sentence_position_{i}"] = ("sentence_position", (doc_id, int(sentence_id)), {})
    for name in store.EXPORT_FRAMES:
        asked[f"export_rows_{name}"] = ("export_rows", (name,), {})
        asked[f"export_frame_{name}"] = ("export_frame", (name,), {})
    asked["export_preview"] = ("export_frame", ("sentences", 200), {})
    return asked


def test_corpus_facts_are_the_same(stores):
    reference, duck, _ = stores
    for method, args in [("size", ()), ("themes", ()), ("sources", ()), ("date_span", ()),
                         ("speaker_counts", ()), ("speaker_counts", (5,)), ("document_titles", ()),
                         ("document_titles", (2,))]:
        assert_same(getattr(reference, method)(*args), getattr(duck, method)(*args), f"{method}{args}")
    names = (*reference.speaker_counts(3)["speaker"], "nobody")
    assert_same(reference.speaker_counts(names=names), duck.speaker_counts(names=names), "speaker_counts(names)")
    ids = (*reference.document_titles(2)["doc_id"], "no such document")
    assert_same(reference.document_titles(ids=ids), duck.document_titles(ids=ids), "document_titles(ids)")
    for speaker in [*reference.speaker_counts()["speaker"], "nobody"]:
        assert_same(reference.speaker_mentions(speaker), duck.speaker_mentions(speaker), f"speaker_mentions {speaker}")
    assert reference.corrections == duck.corrections
    assert_same(reference.correction_notes, duck.correction_notes, "correction_notes")


def test_corrections_change_the_answers(tmp_path):
    """The corrected stores are no copies of the plain ones: every kind of rule moved sentences, said once per rule
    that did nothing, and both stores show it alike."""
    folder = write_dated_corpus(tmp_path / "corpus")
    plain, _ = _stores(folder, tmp_path / "plain")
    _, duck = _stores(folder, tmp_path / "corrected", corrected=True)
    speakers = set(duck.speaker_table(Filters())["speaker"])
    assert {"اسم أخير", "متحدث منفصل", "متحدثة جديدة"} <= speakers
    assert "اسم جديد" not in speakers and plain.speaker_counts(1)["speaker"].iloc[0] not in speakers
    notes = duck.correction_notes
    assert notes[0].startswith("line ") and "unknown action" in notes[0]
    assert [n.split(": ", 1)[1] for n in notes[-2:]] == ["rename لا أحد بهذا الاسم matched no sentence",
                                                       "set no such document §3 matched no sentence"]
    rows = duck.export_frame(Filters(), "sentences")
    assert rows["speaker_corrected"].sum() > 3
    cleared = rows[rows["speaker_corrected"] & (rows["speaker"] == "")]
    assert len(cleared) == 1 and (cleared[["speaker_kind", "speaker_gender"]] == "").all(axis=None)
    assert plain.export_frame(Filters(), "sentences")["speaker_corrected"].sum() == 0
    assert list(rows.columns[:4]) == ["doc_id", "source", "title", "sentence_id"]


@pytest.mark.parametrize("dimension", sorted(sourcing.DIMENSIONS))
def test_an_unknown_share_is_refused_alike(stores, dimension):
    reference, duck, _ = stores
    for store_ in (reference, duck):
        with pytest.raises(ValueError, match="no share"):
            store_.sourcing_shares(Filters(), dimension, "weekday")
    with pytest.raises(ValueError, match="no share"):
        duck.sourcing_shares(Filters(), "age")


def test_every_question_gets_the_same_answer_under_every_filter(stores):
    reference, duck, cases = stores
    for case, filters in cases.items():
        for label, (method, args, kwargs) in questions(reference, filters).items():
            expected = getattr(reference, method)(filters, *args, **kwargs)
            assert_same(expected, getattr(duck, method)(filters, *args, **kwargs), f"{case}: {label}")


def test_exports_are_the_same_bytes(stores):
    reference, duck, cases = stores
    for case, filters in cases.items():
        for name in store.EXPORT_FRAMES:
            expected, got = io.BytesIO(), io.BytesIO()
            reference.write_csv(filters, name, expected)
            duck.write_csv(filters, name, got)
            assert expected.getvalue() == got.getvalue(), f"{case}: {name}.csv"
            expected, got = io.BytesIO(), io.BytesIO()
            reference.write_parquet(filters, name, expected)
            duck.write_parquet(filters, name, got)
            frames = [pd.read_parquet(io.BytesIO(b.getvalue())) for b in (expected, got)]
            frames = [as_text(f) for f in frames]
            pd.testing.assert_frame_equal(*frames, check_dtype=False, obj=f"{case}: {name}.parquet")


def test_a_dataset_of_partitioned_files_gives_the_same_answers(tmp_path):
    """A dataset folder of hive-partitioned files per frame (DIR/<frame>/source=…/part-*.parquet) reads as one frame
    in file order (the pandas store over the same rows in that order answers the same). A partition key the files
    lack (the documents' source here) becomes a column; one they hold is read from them."""
    frames = build_paths([write_dated_corpus(tmp_path / "corpus")])
    outlet = dict(zip(frames.documents["doc_id"], frames.documents["source"], strict=True))
    dataset, pieces = tmp_path / "dataset", {}
    for name, frame in frames.items():
        if "doc_id" not in frame.columns or frame.empty:  # the statements; no repeats in this corpus
            parts = [("", frame)]
        else:
            sources = frame["doc_id"].astype(str).map(outlet).to_numpy()
            parts = [(f"source={source}", frame[sources == source]) for source in sorted(set(sources))]
        for folder, part in parts:
            (dataset / name / folder).mkdir(parents=True, exist_ok=True)
            kept = part.drop(columns="source") if name == "documents" else part
            kept.to_parquet(dataset / name / folder / "part-0.parquet", index=False)
        pieces[name] = pd.concat([part for _, part in parts], ignore_index=True)
    documents = pieces["documents"]
    pieces["documents"] = documents[[c for c in documents.columns if c != "source"] + ["source"]]
    reference = PandasStore.of(dataclasses.replace(frames, **pieces), "partitioned")
    duck = DuckDBStore(dataset, "partitioned")
    assert duck.size() == reference.size()
    assert duck.document_titles()["doc_id"].tolist() == ["seed-b", "seed-a", "seed-c"]  # SPA's folder first
    assert duck.sources() == [XINHUA, SPA]
    for case, filters in filter_cases(reference, every=False).items():
        for label, (method, args, kwargs) in questions(reference, filters).items():
            expected = getattr(reference, method)(filters, *args, **kwargs)
            assert_same(expected, getattr(duck, method)(filters, *args, **kwargs), f"{case}: {label}")


def test_extra_columns_pass_through(tmp_path):
    """Columns beyond the contract (speaker_kind in sentences, kind in speakers) reach the pages and exports."""
    frames = build_paths([SEED])
    kinds = frames.sentences["speaker"].map(lambda s: "person" if s else "")
    frames = dataclasses.replace(frames, sentences=frames.sentences.assign(speaker_kind=kinds),
                                 speakers=frames.speakers.assign(kind="person"))
    entry = cache.write(frames, "extra", tmp_path)
    reference = PandasStore.of(cache.read("extra", tmp_path), "extra")
    duck = DuckDBStore(entry, "extra")
    for filters in (Filters(), Filters(q="التعاون")):
        for name in ("sentences", "speakers"):
            assert_same(reference.export_frame(filters, name), duck.export_frame(filters, name), name)
        assert "speaker_kind" in duck.sentence_page(filters, 0, 5).columns


def test_dates_pick_the_same_documents(tmp_path):
    folder = write_dated_corpus(tmp_path / "corpus")
    reference, duck = _stores(folder, tmp_path / "cache")
    for day in (dt.date(2020, 3, 19), dt.date(2020, 3, 20), dt.date(2020, 5, 11)):
        for filters in (Filters(date_from=day), Filters(date_to=day)):
            assert reference.counts(filters) == duck.counts(filters), filters


@pytest.mark.parametrize("corrected", [False, True], ids=["plain", "corrected"])
def test_a_built_dataset_gives_the_same_answers(tmp_path, capsys, corrected):
    """The dataset `python -m qawl frames --format parquet` writes (partitioned by outlet and month, the quote spread
    frames corpus-wide) is queried in place: the pandas store over the same files answers every question alike."""
    folders = [str(write_dated_corpus(tmp_path / "dated")), str(write_articles(tmp_path / "spread", ARTICLES))]
    out = tmp_path / "dataset"
    assert cli.main(["frames", *folders, "--out", str(out), "--format", "parquet"]) == 0
    capsys.readouterr()
    assert duckdb_index.is_dataset(out)
    frames = duckdb_index.Dataset(out).frames()
    rules = rules_for(PandasStore.of(frames, "plain")) if corrected else None
    reference, duck = PandasStore.of(frames, "built", rules=rules), DuckDBStore(out, "built", rules=rules)
    assert reference.export_rows(Filters(), "repeats") == 4
    for case, filters in filter_cases(reference, every=not corrected).items():
        for label, (method, args, kwargs) in questions(reference, filters).items():
            expected = getattr(reference, method)(filters, *args, **kwargs)
            assert_same(expected, getattr(duck, method)(filters, *args, **kwargs), f"{case}: {label}")
        for name in store.EXPORT_FRAMES:
            expected, got = io.BytesIO(), io.BytesIO()
            reference.write_csv(filters, name, expected)
            duck.write_csv(filters, name, got)
            assert expected.getvalue() == got.getvalue(), f"{case}: {name}.csv"
