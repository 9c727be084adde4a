"""Quote spread on the dashboard side: a speaker's quotes name the other outlets of their statement (store, page,
both languages), statements and repeats export under the filters, corrections rename their speakers."""

from __future__ import annotations

from html import escape

import pandas as pd
import pytest
import streamlit as st
from dashboard_corpora import write_articles
from qawl_paths import ROOT
from streamlit.testing.v1 import AppTest
from test_spread import ARTICLES

from qawl import corrections
from qawl.corpus import Document
from qawl.filters import Filters
from qawl.frames import build
from qawl.pandas_store import PandasStore
from qawl.store import EXPORT_FRAMES

HOSTILE = "<b>مدونة</b>"  # an outlet name that must show as text


def articles() -> list[tuple[str, str, str, str]]:
    """Return the statement carried by four articles, the blog's outlet named with markup."""
    return [(doc_id, date, HOSTILE if doc_id == "blog-4" else source, text) for doc_id, date, source, text in ARTICLES]


@pytest.fixture(scope="module")
def frames():
    return build([Document(doc_id, text, date=date, source=source) for doc_id, date, source, text in articles()])


@pytest.fixture(scope="module")
def store(frames):
    return PandasStore.of(frames, "spread")


def test_quotes_name_the_other_outlets_of_their_statement(store):
    quotes = store.quotes(Filters(), "محمد العلي")  # the health minister, as the wire and the blog call him
    assert dict(zip(quotes["doc_id"] + "/" + quotes["sentence_id"].astype(str), quotes["also_reported"],
                    strict=True)) == {"wire-1/1": f"صحيفة | {HOSTILE}", "wire-1/2": "", "blog-4/1": "صحيفة | وكالة"}


def test_statements_and_repeats_export_under_the_filters(store):
    assert {"statements", "repeats"} <= set(EXPORT_FRAMES)
    everything = store.export_frame(Filters(), "repeats")
    assert everything["doc_id"].tolist() == ["paper-2", "wire-1", "paper-3", "blog-4"]
    wire = Filters(sources=("وكالة",))  # the agency
    assert store.export_frame(wire, "repeats")["doc_id"].tolist() == ["wire-1"]
    assert store.export_frame(wire, "statements")["n_articles"].tolist() == [4]  # the statement as the corpus has it
    nobody = Filters(speakers=("المتحدثة باسم الوزارة",), sources=("وكالة",))  # the ministry's spokeswoman
    for name in ("statements", "repeats"):
        assert store.export_rows(nobody, name) == 0 and store.export_frame(nobody, name).empty


def test_corrections_rename_the_speakers_of_statements(frames):
    rules = [corrections.Rule("rename", "محمد العلي", "وزير الصحة")]  # the health minister
    corrected, _ = corrections.apply(frames, rules)
    assert "محمد العلي" not in set(corrected.repeats["speaker"]) and "وزير الصحة" in set(corrected.repeats["speaker"])
    [statement] = corrected.statements.to_dict("records")
    assert "وزير الصحة" in statement["speakers"].split(" | ") and "محمد العلي" not in statement["speakers"]
    pd.testing.assert_frame_equal(corrected.statements.drop(columns=["speaker", "speakers"]),
                                  frames.statements.drop(columns=["speaker", "speakers"]))


@pytest.fixture
def corpus_folder(tmp_path):
    """The four articles as a folder with its metadata.csv."""
    return write_articles(tmp_path, articles())


def bdi(text: str) -> str:
    return f'<bdi dir="auto">{text}</bdi>'


@pytest.mark.parametrize(("lang", "said", "and_"), [("en", "Also reported by ", " and "), ("ar", "نقلته أيضا ", " و")])
def test_the_speakers_page_says_who_else_reported_a_quote(monkeypatch, corpus_folder, lang, said, and_):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("QAWL_CORPUS", str(corpus_folder))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"focus": "محمد العلي", "lang": lang})
    at.run()
    at.switch_page("pages/speakers.py").run()
    assert not at.exception, [e.message for e in at.exception]
    page = "\n".join(h.value for h in at.html)
    assert at.selectbox(key="speaker_focus").value == "محمد العلي"
    assert f"{said}{bdi('صحيفة')}{and_}{bdi(escape(HOSTILE))}" in page and HOSTILE not in page  # the paper, the blog
    assert page.count("qawl-also") == 2  # the wire's and the blog's report; the wire's second sentence is its own
