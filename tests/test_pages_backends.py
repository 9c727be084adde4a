"""Every page shows the same thing whichever store answers it (QAWL_BACKEND=pandas or duckdb): filters, Arabic,
speaker corrections, page links and page settings; a built dataset folder opens as a corpus with either store."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
import streamlit as st
import test_pages
from dashboard_corpora import XINHUA, write_articles
from streamlit.testing.v1 import AppTest
from test_pages import PAGES, assert_clean, open_app, reader_sentences
from test_spread import ARTICLES

from qawl import analysis, cache, corrections
from qawl.frames import build_paths
from qawl.pandas_store import PandasStore
from ui.corpus import _registry as corpus_registry

STORES = {"pandas": "PandasStore", "duckdb": "DuckDBStore"}
# The page tests' fixtures: a dated corpus folder, Streamlit's caches emptied before every test.
dated_folder = test_pages.dated_folder
empty_streamlit_caches = test_pages.empty_streamlit_caches


def shown(at: AppTest) -> dict[str, object]:
    """Return what a run showed in the main area: texts, HTML, tables (as frames) and chart figures (as JSON)."""
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {
        "text": [e.value for kind in ("title", "caption", "markdown", "info", "subheader", "warning")
                 for e in getattr(at, kind)],
        "html": [h.value for h in at.html], "tables": [d.value for d in at.dataframe], "charts": charts,
        "downloads": [b.label for b in at.get("download_button")],
        "options": [w.options for w in at.multiselect if w.key and not w.key.startswith("filter_")],
    }


def assert_shown_alike(pandas_view: dict, duckdb_view: dict, where: str) -> None:
    """Fail unless two runs showed the same texts, HTML, tables and charts."""
    for kind in ("text", "html", "charts", "downloads", "options"):
        assert pandas_view[kind] == duckdb_view[kind], f"{where}: {kind}"
    assert len(pandas_view["tables"]) == len(duckdb_view["tables"]), where
    for left, right in zip(pandas_view["tables"], duckdb_view["tables"], strict=True):
        pd.testing.assert_frame_equal(left, right, obj=where)


def opened(monkeypatch, backend: str, corpus, page=None, params=None) -> AppTest:
    """Return the app opened on corpus (at page, with params) by the store QAWL_BACKEND names, checked clean."""
    monkeypatch.setenv("QAWL_BACKEND", backend)
    at = open_app(monkeypatch, corpus, page, params)
    assert_clean(at)
    assert type(next(reversed(corpus_registry().values()))).__name__ == STORES[backend]
    return at


@pytest.fixture(scope="module")
def corrected_folder(tmp_path_factory, dated_folder):
    """The dated corpus with a corrections file: its top speaker renamed, a sentence cleared, a rule that does
    nothing (the pages name it)."""
    folder = shutil.copytree(dated_folder, tmp_path_factory.mktemp("corrected") / "articles")
    top = PandasStore(analysis.prepare(build_paths([folder]), "dated")).speaker_counts(1)["speaker"].iloc[0]
    path = folder / corrections.FILE_NAME
    for rule in (corrections.Rule("rename", top, "اسم مصحح"), corrections.Rule("set", doc_id="seed-b", sentence_id=2),
                 corrections.Rule("rename", "لا أحد", "أحد")):
        corrections.append(path, rule)
    return folder


@pytest.mark.parametrize("params", [{}, {"speaker": "__top__"}, {"source": XINHUA, "theme": "__first__"},
                                    {"q": "التعاون", "from": "2020-03-10"}, {"lang": "ar", "speaker": "__top__"},
                                    {"lang": "ar", "q": "الصين", "match": "forms"}, "corrected"],
                         ids=["none", "speaker", "source", "q", "ar-speaker", "ar-forms", "corrected"])
def test_the_duckdb_backend_shows_every_page_as_the_pandas_backend_does(monkeypatch, dated_folder, corrected_folder,
                                                                       params):
    folder = corrected_folder if params == "corrected" else dated_folder
    params = {"lang": "ar"} if params == "corrected" else params
    store = PandasStore(analysis.prepare(build_paths([dated_folder]), "dated"))
    wanted = {"__top__": store.speaker_counts(1)["speaker"].iloc[0], "__first__": store.themes()[0]}
    params = {k: wanted.get(v, v) for k, v in params.items()}
    views: dict[str, dict] = {}
    for backend in STORES:
        at = opened(monkeypatch, backend, folder, params=params)
        for page in PAGES:
            at.switch_page(page).run()
            assert_clean(at)
            views[f"{backend} {page}"] = shown(at)
    for page in PAGES:
        assert_shown_alike(views[f"pandas {page}"], views[f"duckdb {page}"], page)


@pytest.mark.parametrize(("page", "params", "widgets"), [
    ("pages/reader.py", {"doc": "seed-b", "sentence": "3", "size": "25", "lang": "ar"}, {}),
    ("pages/timelines.py", {"term": ["الصين", "قال", "كلمةلاتوجد"], "tmatch": "forms", "split": "1"}, {}),
    ("pages/timelines.py", {"term": ["التعاون"], "measure": "rate", "bucket": "M", "lang": "ar"}, {}),
    ("pages/sourcing.py", {"lang": "ar"}, {"sourcing_dimension": "gender", "sourcing_bucket": "M"}),
    ("pages/speakers.py", {"focus": "__top__"}, {}),
], ids=["reader-link", "timeline-forms", "timeline-rate", "sourcing-gender", "speaker-focus"])
def test_page_links_and_settings_show_alike_on_both_backends(monkeypatch, corrected_folder, page, params, widgets):
    top = PandasStore(analysis.prepare(build_paths([corrected_folder]), "x")).speaker_counts(1)["speaker"].iloc[0]
    params = {k: top if v == "__top__" else v for k, v in params.items()}
    views = {}
    for backend in STORES:
        at = opened(monkeypatch, backend, corrected_folder, page, params)
        for key, value in widgets.items():
            at.selectbox(key=key).set_value(value).run() if key.endswith("bucket") else \
                at.radio(key=key).set_value(value).run()
            assert_clean(at)
        views[backend] = shown(at)
    assert_shown_alike(views["pandas"], views["duckdb"], page)


@pytest.mark.parametrize("backend", STORES)
def test_a_built_dataset_folder_opens_as_a_corpus(monkeypatch, tmp_path, dated_folder, backend):
    """QAWL_CORPUS may name a folder of the frames as Parquet (a built dataset): it is opened, not analysed again."""
    frames = build_paths([dated_folder])
    dataset = cache.write(frames, "built", tmp_path)
    at = opened(monkeypatch, backend, dataset, "pages/speakers.py")
    n = len(frames.sentences)
    assert at.caption[0].value.startswith(f'<bdi dir="auto">{dataset.name}</bdi> · <bdi dir="auto">{n} of {n} ')
    at.switch_page("pages/reader.py").run()
    assert reader_sentences(at) == len(frames.sentences)


@pytest.fixture(scope="module")
def spread_folder(tmp_path_factory):
    """Four articles carrying one statement (quote spread: tests/test_spread.py)."""
    return write_articles(tmp_path_factory.mktemp("spread"), ARTICLES)


@pytest.mark.parametrize("page", ["pages/speakers.py", "pages/export.py"])
def test_quote_spread_shows_alike_on_both_backends(monkeypatch, spread_folder, page):
    """The Speakers page names the other outlets of a quote's statement, the Export page counts the statements
    and repeats: the same with either store."""
    views = {}
    for backend in STORES:
        at = opened(monkeypatch, backend, spread_folder, page, {"focus": "محمد العلي", "lang": "ar"})
        views[backend] = shown(at)
    assert_shown_alike(views["pandas"], views["duckdb"], page)
    if page == "pages/speakers.py":
        assert "\n".join(views["duckdb"]["html"]).count("qawl-also") == 2


def test_the_speakers_page_takes_its_first_answers_from_disk_and_still_filters(monkeypatch, tmp_path, dated_folder):
    """A fresh process's Speakers page reads the unfiltered answers an earlier one kept beside the index
    (qawl/answers.py); a speaker filter is still answered by DuckDB, as the pandas store answers it."""
    folder = shutil.copytree(dated_folder, tmp_path / "articles")
    opened(monkeypatch, "duckdb", folder, "pages/speakers.py")
    kept = next(reversed(corpus_registry().values())).disk_answers.folder
    written = {p.name: p.stat().st_mtime_ns for p in kept.glob("*.parquet")}
    assert len(written) >= 5  # speaker table, themes, mentions, quotes, keywords, cloud words
    views = {}
    for backend in STORES:
        st.cache_data.clear()  # another process, as far as Streamlit's caches go
        st.cache_resource.clear()
        at = opened(monkeypatch, backend, folder, "pages/speakers.py")
        unfiltered = shown(at)
        top = at.multiselect(key="filter_speaker").options[0]
        at.multiselect(key="filter_speaker").set_value([top]).run()
        assert_clean(at)
        views[backend] = (unfiltered, shown(at))
    assert {p.name: p.stat().st_mtime_ns for p in kept.glob("*.parquet")} == written  # read, not computed again
    assert_shown_alike(views["pandas"][0], views["duckdb"][0], "unfiltered")
    assert_shown_alike(views["pandas"][1], views["duckdb"][1], "one speaker")
    assert views["duckdb"][0]["text"] != views["duckdb"][1]["text"]
