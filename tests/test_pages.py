"""Every dashboard page runs (AppTest) on the bundled corpus and on dated multi-article ones; filters work."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from html import escape

import pandas as pd
import pytest
import streamlit as st
from dashboard_corpora import BBC, DATED_PARTS, REPO, SPA, XINHUA, write_dated_corpus, write_linked_corpus
from streamlit.testing.v1 import AppTest

from qawl import analysis, cache, resources
from qawl.filters import Filters
from qawl.frames import build_paths
from qawl.pandas_store import PandasStore
from ui.corpus import _registry as corpus_registry
from ui.corpus import env_paths

MAIN_AREA_PX = 816  # the main area beside the open sidebar in a 1280-px browser window (measured on screenshots)
PAGES = ["pages/reader.py", "pages/speakers.py", "pages/timelines.py", "pages/themes.py", "pages/export.py",
         "pages/sourcing.py"]
TIMEOUT = 60


@pytest.fixture(autouse=True)
def empty_streamlit_caches():
    """Start every page test without what Streamlit's process-wide caches kept from the tests before it."""
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def dated_folder(tmp_path_factory):
    """A dated three-article corpus cut from the seed."""
    return write_dated_corpus(tmp_path_factory.mktemp("dated"))


def open_app(monkeypatch, corpus=None, page=None, params=None) -> AppTest:
    """Return the app after its first run (and a run of page), on corpus (default: the bundled one)."""
    if corpus is None:
        monkeypatch.delenv("QAWL_CORPUS", raising=False)
    else:
        monkeypatch.setenv("QAWL_CORPUS", str(corpus))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    at.query_params.update(params or {})
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def html_of(at: AppTest) -> str:
    """Return every piece of HTML and Markdown the run put on the page."""
    return "\n".join([h.value for h in at.html] + [m.value for m in at.markdown])


def assert_clean(at: AppTest) -> None:
    """Fail on an exception or error element, or on Arabic presentation forms in the page."""
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert not resources.PRESENTATION_FORMS.search(html_of(at))


def reader_sentences(at: AppTest) -> int:
    """Return how many sentences the Reader shows."""
    return html_of(at).count('<p class="qawl-s')


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_bundled_corpus(monkeypatch, page):
    at = open_app(monkeypatch, page=page)
    assert_clean(at)
    assert at.title and not at.info


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_a_dated_corpus(monkeypatch, dated_folder, page):
    at = open_app(monkeypatch, dated_folder, page)
    assert_clean(at)
    assert at.date_input(key="filter_dates")


@pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/corpora (BBC sample)")
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_bbc_sample(monkeypatch, page):
    at = open_app(monkeypatch, BBC, page)
    assert_clean(at)
    assert "100 articles" in at.caption[0].value


def test_undated_corpus_has_no_date_filter(monkeypatch):
    at = open_app(monkeypatch)
    assert not at.date_input


def test_reader_marks_speakers_and_themes(monkeypatch):
    at = open_app(monkeypatch)
    frames = build_paths([REPO / "data" / "corpus"])
    page = html_of(at)
    assert reader_sentences(at) == len(frames.sentences)
    for speaker in frames.speakers["speaker"]:
        assert f">{speaker}</span>" in page
    assert 'dir="rtl"' in page and "qawl-theme" in page


def test_speaker_filter_changes_what_is_shown(monkeypatch):
    at = open_app(monkeypatch)
    before = reader_sentences(at)
    speakers = build_paths([REPO / "data" / "corpus"]).speakers
    last = speakers["speaker"].iloc[-1]
    at.multiselect(key="filter_speaker").set_value([last]).run()
    assert_clean(at)
    assert reader_sentences(at) == speakers.set_index("speaker").at[last, "n_sentences"] < before
    assert Filters.from_params(at.query_params) == Filters(speakers=(last,))


def test_keyword_filter_highlights_and_builds_a_concordance(monkeypatch):
    at = open_app(monkeypatch)
    at.text_input(key="filter_q").input("تعاون").run()
    assert_clean(at)
    page = html_of(at)
    assert '<mark class="qawl-hit">التعاون</mark>' in page and "qawl-kwic" in page
    assert 'href="#s-0-' in page
    assert Filters.from_params(at.query_params) == Filters(q="تعاون")


def test_query_params_restore_the_filters(monkeypatch, dated_folder):
    speakers = build_paths([dated_folder]).speakers["speaker"].tolist()
    params = {"speaker": speakers[:2], "q": "المرض", "from": "2020-03-10"}
    at = open_app(monkeypatch, dated_folder, "pages/export.py", params)
    assert_clean(at)
    assert at.multiselect(key="filter_speaker").value == speakers[:2]
    assert at.text_input(key="filter_q").value == "المرض"
    assert str(at.date_input(key="filter_dates").value[0]) == "2020-03-10"
    assert at.download_button[0].label.startswith("sentences.csv")


def test_export_url_with_a_speaker_filters_the_download(monkeypatch):
    speakers = build_paths([REPO / "data" / "corpus"]).speakers
    name, count = speakers["speaker"].iloc[-1], speakers["n_sentences"].iloc[-1]
    at = open_app(monkeypatch, page="pages/export.py", params={"speaker": name})
    assert_clean(at)
    first = at.download_button[0]
    assert first.label.startswith(f"sentences.csv ({count} ") and first.proto.url


def test_a_filter_that_keeps_nothing_says_so_on_every_page(monkeypatch):
    at = open_app(monkeypatch, params={"q": "كلمةلاتوجد"})
    for page in PAGES:
        at.switch_page(page).run()
        assert_clean(at)
        assert "No sentence matches" in at.info[0].value


def test_unknown_url_values_are_dropped_with_a_warning(monkeypatch):
    at = open_app(monkeypatch, params={"speaker": "nobody", "theme": "no such theme"})
    assert_clean(at)
    assert at.multiselect(key="filter_speaker").value == []
    assert any("nobody" in w.value for w in at.warning)


def test_clear_filters_button(monkeypatch):
    at = open_app(monkeypatch, params={"q": "المرض"})
    assert reader_sentences(at) < len(build_paths([REPO / "data" / "corpus"]).sentences)
    at.button(key="filter_clear").click().run()
    assert at.text_input(key="filter_q").value == ""
    assert "q" not in at.query_params


def test_timeline_controls(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, "pages/timelines.py")
    at.radio(key="timeline_measure").set_value("rate").run()
    at.toggle(key="timeline_by_speaker").set_value(True).run()
    at.selectbox(key="timeline_bucket").set_value("M").run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 1


def test_hostile_text_is_escaped(monkeypatch, tmp_path):
    (tmp_path / "evil.txt").write_text('قال الوزير إن <img src=x onerror="alert(1)"> التعاون مهم.\n'
                                       "وأضاف أن <script>alert(2)</script> الوضع مستقر.\n", encoding="utf-8")
    for page in PAGES:
        at = open_app(monkeypatch, tmp_path, page, {"q": "التعاون"} if page == PAGES[0] else None)
        assert_clean(at)
        raw = "\n".join(h.value for h in at.html)
        assert "<img src=x" not in raw and "<script>alert" not in raw
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html_of(open_app(monkeypatch, tmp_path))


def test_upload_adds_a_corpus_and_reports_bad_files(monkeypatch):
    at = open_app(monkeypatch)
    seed_text = next((REPO / "data" / "corpus").glob("*.txt")).read_bytes()
    at.file_uploader(key="corpus_upload").set_value([
        ("article.txt", seed_text, "text/plain"),
        ("table.csv", "title,body\nعنوان,نص\n".encode(), "text/csv"),
        ("empty.txt", b"", "text/plain"),
    ]).run()
    assert not at.exception
    assert at.selectbox(key="corpus_choice").value.startswith("upload-")
    messages = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any("table.csv" in m and "text" in m for m in messages)
    assert any("empty.txt" in m for m in messages)
    assert reader_sentences(at) == len(build_paths([REPO / "data" / "corpus"]).sentences)


def test_switching_corpus_keeps_the_filters_that_still_apply(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, params={"q": "المرض"})
    at.selectbox(key="corpus_choice").set_value("bundled").run()
    assert_clean(at)
    assert at.text_input(key="filter_q").value == "المرض"
    assert not at.date_input


def test_upload_of_a_zip_with_folders(monkeypatch, tmp_path):
    archive = tmp_path / "articles.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in (REPO / "data" / "corpus").glob("*.txt"):
            z.write(path, f"folder/inner/{path.name}")
        z.writestr("folder/picture.png", b"\x89PNG\r\n")
    at = open_app(monkeypatch)
    at.file_uploader(key="corpus_upload").set_value([("articles.zip", archive.read_bytes(), "application/zip")]).run()
    assert_clean(at)
    assert at.selectbox(key="corpus_choice").value.startswith("upload-")
    assert reader_sentences(at) == len(build_paths([REPO / "data" / "corpus"]).sentences)


def test_downloads_are_bom_csv_and_parquet_of_the_filtered_rows(dated_folder):
    from ui import downloads

    store = PandasStore(analysis.prepare(build_paths([dated_folder]), "dated"))
    speaker = store.speaker_counts()["speaker"].iloc[-1]
    filters = Filters(speakers=(speaker,))
    csv_data = downloads.data(store, filters, "sentences", "csv")
    assert csv_data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(csv_data), encoding="utf-8-sig")
    assert set(table["speaker"]) == {speaker} and len(table) == store.counts(filters)[0]
    assert set(table["source"]) <= {XINHUA, SPA} and table["source"].notna().all()  # every sentence's outlet
    parquet = pd.read_parquet(io.BytesIO(downloads.data(store, filters, "sentences", "parquet")))
    assert parquet["text"].tolist() == table["text"].tolist()
    assert parquet["source"].tolist() == table["source"].tolist()


def test_reader_pages_through_long_corpora(monkeypatch, tmp_path):
    seed = next((REPO / "data" / "corpus").glob("*.txt")).read_bytes()
    for copy in ("one", "two"):
        (tmp_path / f"{copy}.txt").write_bytes(seed)
    n = 2 * len(build_paths([REPO / "data" / "corpus"]).sentences)
    at = open_app(monkeypatch, tmp_path)
    at.selectbox(key="reader_page_size").set_value(25).run()
    assert reader_sentences(at) == 25
    at.pagination(key="reader_page").select(2).run()
    assert_clean(at)
    assert reader_sentences(at) == n - 25
    theme = analysis.prepare(build_paths([tmp_path]), "copies").themes[0]
    at.multiselect(key="filter_theme").set_value([theme]).run()
    assert at.pagination(key="reader_page").value == 1 and reader_sentences(at) == 25


def test_a_bad_corpus_path_is_reported_and_the_bundled_corpus_shown(monkeypatch, tmp_path):
    at = open_app(monkeypatch, tmp_path / "missing")
    assert not at.exception
    assert any("missing" in e.value for e in at.error)
    assert reader_sentences(at) == len(build_paths([REPO / "data" / "corpus"]).sentences)


TITLES = {"pages/reader.py": "Reader", "pages/speakers.py": "Speakers", "pages/timelines.py": "Keyword timelines",
          "pages/themes.py": "Themes", "pages/export.py": "Export", "pages/sourcing.py": "Sourcing"}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_url_opened_first_shows_that_page_through_app_py(monkeypatch, page):
    """A fresh server's first request for …/export?speaker=…: Streamlit runs pages/export.py alone (taking pages/
    for an old-style multipage app); ui.context reruns it through app.py, so the sidebar, corpus and filters are on."""
    monkeypatch.delenv("QAWL_CORPUS", raising=False)
    speaker = build_paths([REPO / "data" / "corpus"]).speakers["speaker"].iloc[-1]
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    at.query_params.update({"speaker": speaker})
    at.switch_page(page).run()  # before any run: resolved by file name, as a first request resolves its URL path
    assert_clean(at)
    assert at.title[0].value == TITLES[page]
    assert at.multiselect(key="filter_speaker").value == [speaker]


def test_export_preview_keeps_the_start_of_each_sentence_in_view(monkeypatch):
    at = open_app(monkeypatch, page="pages/export.py")
    assert_clean(at)
    preview = at.dataframe[0].proto
    shown = list(preview.column_order)
    widths = {name: column["width"] for name, column in json.loads(preview.columns).items() if name in shown}
    assert set(shown) == set(widths) >= {"text", "speaker", "cue", "quote", "doc_id", "sentence_id"}
    assert max(widths, key=widths.get) == "text"
    assert sum(widths.values()) <= MAIN_AREA_PX  # no column runs past the grid's right edge


@pytest.mark.parametrize(("top", "dtick"), [(1, 1), (3, 1), (10, 1), (40, None)])
def test_count_axes_tick_whole_numbers(top, dtick):
    from ui import charts

    table = pd.DataFrame({"speaker": ["شي جين بينغ", "قاسم جومارت توكاييف"], "n_sentences": [top, 1],
                          "n_direct": [0, 0], "n_indirect": [top, 1]})
    axis = charts.speaker_bars(table).layout.xaxis
    assert axis.tickformat == "d" and axis.dtick == dtick
    frame = pd.DataFrame({"x": [1, 2, 3], "value": [0, top, 1], "keyword": ["التعاون"] * 3})
    assert charts.trend(frame, "value", "keyword", "t", "occurrences", counts=True).layout.yaxis.dtick == dtick
    assert charts.trend(frame, "value", "keyword", "t", "per 1,000 words").layout.yaxis.tickformat is None


def test_theme_bars_are_labelled_in_percent_with_counts_on_hover():
    from ui import charts

    shares = pd.DataFrame({"theme": ["health & epidemics", "cooperation & partnership"], "sentences": [11, 7],
                           "share": [64.7, 41.2]})
    bars = charts.theme_bars(shares).data[0]
    assert "%" in bars.texttemplate and "%{x" in bars.texttemplate
    assert "customdata[0]" in bars.hovertemplate and list(bars.customdata[:, 0]) == [11, 7]


@pytest.mark.parametrize(("raw", "shown"), [
    ("سياسي / &#39;سول&#39; تدين &#39;بيونجيانج&#39;", "سياسي / 'سول' تدين 'بيونجيانج'"),  # SPA metadata
    ("الأمن &amp; السلام", "الأمن & السلام"),  # security & peace
    ("&lt;img src=x onerror=alert(1)&gt; عنوان", "<img src=x onerror=alert(1)> عنوان"),  # a title
    ("قال الوزير", "قال الوزير"),  # the minister said
])
def test_titles_are_shown_with_their_entities_decoded_and_escaped_again(raw, shown):
    from ui import html

    assert html.title(raw) == shown
    block = html.article(raw, "meta", [])
    assert f'<div class="qawl-title">{escape(shown)}</div>' in block
    assert "<img" not in block


def test_a_quote_keeps_its_meta_line_on_a_line_of_its_own():
    from ui import html

    row = {"text": "وقال الوزير إن التعاون مهم.", "cue": "وقال", "quote": "direct", "attribution": "explicit",
           "doc_id": "doc", "sentence_id": 3}  # the minister said cooperation matters
    block = html.quote(row)
    assert '<div class="qawl-kind" dir="ltr">direct, explicit · <bdi dir="auto">doc §3</bdi>' in block
    assert ".qawl-kind {" in html.CSS and "display: block" in html.CSS.split(".qawl-kind {")[1].split("}")[0]


def dated_sentences(folder, doc_ids) -> int:
    """Return how many sentences the dated corpus's documents doc_ids have."""
    sentences = build_paths([folder]).sentences
    return int(sentences["doc_id"].isin(doc_ids).sum())


def test_outlet_filter_widget_and_url(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder)
    outlets = at.multiselect(key="filter_source")
    assert outlets.options == [XINHUA, SPA]  # most documents first
    outlets.set_value([SPA]).run()
    assert_clean(at)
    assert Filters.from_params(at.query_params) == Filters(sources=(SPA,))
    assert reader_sentences(at) == dated_sentences(dated_folder, ["seed-b"])
    assert '<bdi dir="auto">SPA</bdi> · <bdi dir="auto">seed-b</bdi>' in html_of(at)  # each article's outlet
    again = open_app(monkeypatch, dated_folder, params={"source": [SPA, XINHUA]})
    assert again.multiselect(key="filter_source").value == [SPA, XINHUA]
    assert reader_sentences(again) == dated_sentences(dated_folder, [p[0] for p in DATED_PARTS])


def test_outlet_filter_is_absent_without_outlets_and_unknown_outlets_are_dropped(monkeypatch):
    at = open_app(monkeypatch, params={"source": "nowhere"})
    assert_clean(at)
    assert not [w for w in at.multiselect if w.key == "filter_source"]
    assert any("outlet nowhere" in w.value for w in at.warning)
    assert "source" not in at.query_params


def test_theme_filter_takes_several_themes_and_an_old_single_theme_url(monkeypatch, dated_folder):
    store = PandasStore(analysis.prepare(build_paths([dated_folder]), "dated"))
    first, second = store.themes()[:2]
    at = open_app(monkeypatch, dated_folder, params={"theme": first})  # a URL from before themes were multi-valued
    assert at.multiselect(key="filter_theme").value == [first]
    assert reader_sentences(at) == store.counts(Filters(themes=(first,)))[0]
    at.multiselect(key="filter_theme").set_value([first, second]).run()
    assert_clean(at)
    assert list(at.query_params["theme"]) == [first, second]
    assert reader_sentences(at) == store.counts(Filters(themes=(first, second)))[0] > 0


def test_document_filter_takes_several_documents(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, params={"doc": "seed-b"})
    assert at.multiselect(key="filter_doc").value == ["seed-b"]
    assert reader_sentences(at) == dated_sentences(dated_folder, ["seed-b"])
    at.multiselect(key="filter_doc").set_value(["seed-a", "seed-c"]).run()
    assert_clean(at)
    assert list(at.query_params["doc"]) == ["seed-a", "seed-c"]
    assert reader_sentences(at) == dated_sentences(dated_folder, ["seed-a", "seed-c"])
    at.multiselect(key="filter_source").set_value([SPA]).run()  # fields narrow together: nothing left
    assert "No sentence matches" in at.info[0].value


def test_pages_and_ui_ask_only_the_store():
    """The pages and ui/ reach the corpus only through qawl.store's interface: no frames, masks or analysis calls."""
    import ast

    forbidden = {"qawl.analysis", "qawl.trends", "numpy"}
    for path in [*REPO.glob("pages/*.py"), *REPO.glob("ui/*.py"), REPO / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {f"qawl.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "qawl"
                     for a in n.names}
        attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not imported & forbidden, (path.name, imported & forbidden)
        assert not attributes & {"frames", "mask"}, (path.name, attributes & {"frames", "mask"})


def test_a_corpus_with_a_symlink_loop_opens_with_its_linked_folder(monkeypatch, tmp_path):
    """The app reads a linked folder once and names the links it skipped (a -> . once left the page blank)."""
    at = open_app(monkeypatch, write_linked_corpus(tmp_path, up=True))
    assert_clean(at)
    assert "3 articles" in at.caption[0].value
    assert sum("leads to a folder read already" in c.value for c in at.caption) == 4


def test_an_unwritable_cache_is_named_once_per_session(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("QAWL_CACHE", str(blocker / "cache"))
    at = open_app(monkeypatch)
    assert_clean(at)
    assert [w.value for w in at.warning if "cannot be written" in w.value] == [
        f"The disk cache ({blocker / 'cache'}) cannot be written (Not a directory): corpora cached there open at "
        "once, others are built again each time the app starts."]
    at.run()
    assert not [w for w in at.warning if "cannot be written" in w.value]


def test_a_corpus_that_cannot_be_opened_is_named_and_the_picker_says_what_is_shown(monkeypatch, tmp_path):
    """The reason once hid in a collapsed box while the picker still showed the corpus that failed as chosen."""
    at = open_app(monkeypatch, tmp_path / "nope")
    assert not at.exception
    assert at.selectbox(key="corpus_choice").value == "bundled"
    notice = f"Could not open nope: {tmp_path / 'nope'}: skipped (no such file or folder). Showing the bundled " \
             "corpus instead."  # the corpus is called by its folder
    assert [e.value for e in at.error] == [notice]
    assert reader_sentences(at) == len(build_paths([REPO / "data" / "corpus"]).sentences)
    at.run()
    assert [e.value for e in at.error] == [notice]  # until another corpus is picked
    at.selectbox(key="corpus_choice").set_value("env").run()  # picked again: refused again, said once
    assert at.selectbox(key="corpus_choice").value == "bundled"
    assert [e.value for e in at.error] == [notice]


def test_a_qawl_corpus_path_holding_a_colon_is_one_path(monkeypatch, tmp_path):
    folder = tmp_path / "news:2020"
    shutil.copytree(REPO / "data" / "corpus", folder)
    other = write_dated_corpus(tmp_path / "dated")
    assert env_paths(f"{folder}{os.pathsep}{other}") == (str(folder), str(other))
    at = open_app(monkeypatch, folder)
    assert_clean(at)
    assert at.selectbox(key="corpus_choice").value == "env"
    assert reader_sentences(at) == len(build_paths([REPO / "data" / "corpus"]).sentences)


def test_opening_a_corpus_says_so_in_the_main_area_from_the_start(monkeypatch, tmp_path):
    """Checking a large corpus's files and reading its cached frames takes seconds: the page once stayed blank."""
    real = cache.open_paths

    def open_paths(*args, **kwargs):
        st.caption("checking the files")  # lands in whatever the main area shows meanwhile
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "open_paths", open_paths)
    at = open_app(monkeypatch, shutil.copytree(REPO / "data" / "corpus", tmp_path / "corpus"))
    assert_clean(at)
    (status,) = at.main.status
    assert [c.value for c in status.caption] == ["checking the files"]
    assert status.label.endswith("sentences ready")


def test_page_tests_start_with_streamlit_caches_empty(monkeypatch):
    """Streamlit's caches live as long as the process: each page test starts without the corpora earlier ones left
    in memory, so what it exercises (a build, a cache read) does not hang on the order the tests run in."""
    assert dict(corpus_registry()) == {}
    open_app(monkeypatch)
    assert len(corpus_registry()) == 1


def test_a_large_frame_is_made_only_when_its_button_is_pressed(monkeypatch):
    # Above EAGER_ROWS a frame's bytes are not made with the page (a speaker of a 1M corpus: 1.8 s a rerun): the
    # button carries a deferred file, the labels and row counts are the same.
    eager = open_app(monkeypatch, page="pages/export.py")
    monkeypatch.setattr("ui.downloads.EAGER_ROWS", 0)
    lazy = open_app(monkeypatch, page="pages/export.py")
    assert_clean(lazy)
    labels = [b.label for b in lazy.download_button]
    assert labels == [b.label for b in eager.download_button] and labels[0].startswith("sentences.csv")
    assert eager.download_button[0].proto.url and not lazy.download_button[0].proto.url
