"""A researcher's workflow in the pages (AppTest): the Arabic interface, derived forms, any typed word on a timeline,
why a sentence was attributed, corrections that stick, page settings in the URL, exports and pickers."""

from __future__ import annotations

import io
import json
import re
import shutil

import pandas as pd
import pytest
from dashboard_corpora import SEED, write_dated_corpus
from test_pages import PAGES, assert_clean, html_of, open_app, reader_sentences

from qawl import corrections, i18n
from qawl.filters import Filters
from qawl.frames import build_paths
from qawl.normalize import normalize
from qawl.pandas_store import PandasStore
from qawl.search import FORMS
from ui import downloads, html

ARABIC = re.compile("[\u0621-\u064a]")
XI, TOKAYEV = "شي جين بينغ", "قاسم جومارت توكاييف"  # the seed's two speakers
TITLES_AR = {"pages/reader.py": "القارئ", "pages/speakers.py": "المتحدثون", "pages/timelines.py": "الكلمات عبر الزمن",
             "pages/themes.py": "الموضوعات", "pages/sourcing.py": "المصادر", "pages/export.py": "التصدير"}


@pytest.fixture(autouse=True)
def bundled_corpus_left_alone():
    """Fail a test that writes corrections beside the bundled corpus (the repository's own folder)."""
    yield
    assert not (SEED / corrections.FILE_NAME).exists()


@pytest.fixture(scope="module")
def dated_folder(tmp_path_factory):
    """A dated three-article corpus cut from the seed."""
    return write_dated_corpus(tmp_path_factory.mktemp("dated"))


@pytest.fixture
def own_corpus(tmp_path):
    """A copy of the seed in a folder of its own: its corrections file is written beside it."""
    folder = tmp_path / "my_corpus"
    shutil.copytree(SEED, folder)
    return folder


def caption(at) -> str:
    """Return the page's first caption (what is shown) as text, its HTML isolates left out."""
    return re.sub("<[^>]+>", "", at.caption[0].value)


def param(at, key: str) -> list[str]:
    """Return the values of a URL parameter after the run."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def widget_labels(at) -> list[str]:
    """Return the labels of every widget the run drew."""
    kinds = ("multiselect", "selectbox", "text_input", "toggle", "button", "radio", "date_input", "expander")
    return [w.label for kind in kinds for w in getattr(at, kind) if getattr(w, "label", "")]


# 1. The Arabic interface


@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_arabic_with_lang_ar(monkeypatch, dated_folder, page):
    at = open_app(monkeypatch, dated_folder, page, {"lang": "ar"})
    assert_clean(at)
    assert at.title[0].value == TITLES_AR[page]
    assert at.query_params["lang"] == "ar"
    labels = widget_labels(at)
    assert labels and [label for label in labels if not ARABIC.search(label)] == []
    assert html.RTL_CSS.strip() in html_of(at)  # the layout's style sheet


def test_the_language_switch_is_kept_in_the_url(monkeypatch):
    at = open_app(monkeypatch)
    assert at.title[0].value == "Reader" and "lang" not in at.query_params
    assert html.RTL_CSS.strip() not in html_of(at)
    at.segmented_control(key="ui_lang").set_value("ar").run()
    assert_clean(at)
    assert at.title[0].value == "القارئ" and at.query_params["lang"] == "ar"
    assert "17 من 17 جملة في مقال واحد" in caption(at)
    at.segmented_control(key="ui_lang").set_value("en").run()
    assert at.title[0].value == "Reader" and "lang" not in at.query_params
    assert open_app(monkeypatch, params={"lang": "en"}).title[0].value == "Reader"
    assert open_app(monkeypatch, params={"lang": "xx"}).title[0].value == "Reader"


def test_counts_say_article_or_articles(monkeypatch, dated_folder):
    assert "in 1 article ·" in caption(open_app(monkeypatch))
    assert "in 3 articles ·" in caption(open_app(monkeypatch, dated_folder))
    assert "في 3 مقالات" in caption(open_app(monkeypatch, dated_folder, params={"lang": "ar"}))


def test_theme_names_and_quote_kinds_are_arabic(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, params={"lang": "ar"})
    themes = at.multiselect(key="filter_theme").options
    assert themes and set(themes) <= set(i18n.theme_labels().values())
    page = html_of(at)
    assert 'class="qawl-theme" dir="auto">' in page and "security &amp; conflict" not in page
    assert "اقتباس غير مباشر" in page  # the tooltip of a speaker mark: an indirect quote


def test_the_corpus_is_called_by_its_folder(monkeypatch, tmp_path):
    articles = tmp_path / "my_news" / "articles"
    shutil.copytree(SEED, articles)
    at = open_app(monkeypatch, articles)
    assert caption(at).startswith("my_news ·")
    assert at.selectbox(key="corpus_choice").options[0] == "my_news"


# 2. Search: exact or derived forms


def test_derived_forms_toggle_and_url(monkeypatch):
    at = open_app(monkeypatch, params={"q": "الصين"})  # China
    exact = reader_sentences(at)
    assert at.toggle(key="filter_match").value is False
    assert '<mark class="qawl-hit">الصيني</mark>' not in html_of(at)  # Chinese: a derived form
    at.toggle(key="filter_match").set_value(True).run()
    assert_clean(at)
    assert at.query_params["match"] == FORMS
    assert reader_sentences(at) > exact and '<mark class="qawl-hit">الصيني</mark>' in html_of(at)
    again = open_app(monkeypatch, params={"q": "الصين", "match": FORMS})
    assert again.toggle(key="filter_match").value is True and reader_sentences(again) == reader_sentences(at)
    assert "(derived forms)" in caption(again)


# 3. Timelines of any word


def test_any_typed_word_is_charted_and_missing_words_are_said(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, "pages/timelines.py")
    at.multiselect(key="timeline_terms").set_value(["التعاون", "الحوثي"]).run()  # cooperation; the Houthi
    assert_clean(at)
    assert [w.value for w in at.warning] == ["No “الحوثي” in the shown sentences."]
    assert len(at.get("plotly_chart")) == 1
    assert param(at, "term") == ["التعاون", "الحوثي"]
    table = at.dataframe[0].value
    assert set(table["keyword"]) == {"التعاون"} and "term" not in table.columns
    at.multiselect(key="timeline_terms").set_value(["الحوثي"]).run()
    assert "Choose at least one keyword" in at.info[0].value


def test_each_offered_word_shows_the_count_its_chart_shows_in_both_modes(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, "pages/timelines.py", {"term": ["الصين", "المرض"]})  # China; disease
    count = i18n.t("column.count", "en")
    for forms, expected in ((False, {"الصين": 10, "المرض": 12}), (True, {"الصين": 15, "المرض": 12})):
        at.toggle(key="timeline_forms").set_value(forms).run()
        assert_clean(at)
        table = at.dataframe[0].value
        charted = table.groupby(i18n.t("column.keyword", "en"))[count].sum().to_dict()
        assert charted == expected  # المرض's stem has 13 tokens: the picker said so before
        offered = at.multiselect(key="timeline_terms").options
        assert {f"{w} ({n})" for w, n in expected.items()} <= set(offered)


def test_timeline_settings_come_from_the_url_and_go_back_to_it(monkeypatch, dated_folder):
    params = {"term": ["التعاون", "الصيني"], "measure": "rate", "bucket": "M", "split": "1", "tmatch": FORMS}
    at = open_app(monkeypatch, dated_folder, "pages/timelines.py", params)
    assert_clean(at)
    assert at.multiselect(key="timeline_terms").value == ["التعاون", "الصيني"]
    assert at.radio(key="timeline_measure").value == "rate"
    assert at.selectbox(key="timeline_bucket").value == "M"
    assert at.toggle(key="timeline_by_speaker").value is True and at.toggle(key="timeline_forms").value is True
    assert {k: param(at, k) for k in params} == {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    at.radio(key="timeline_measure").set_value("count").run()
    at.toggle(key="timeline_forms").set_value(False).run()
    assert "measure" not in at.query_params and "tmatch" not in at.query_params
    bad = open_app(monkeypatch, dated_folder, "pages/timelines.py", {"measure": "lots", "bucket": "year"})
    assert_clean(bad)
    assert bad.radio(key="timeline_measure").value == "count" and bad.selectbox(key="timeline_bucket").value == "auto"


def test_timeline_charts_in_arabic(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, "pages/timelines.py", {"lang": "ar", "bucket": "W"})
    assert_clean(at)
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["xaxis"]["title"]["text"] == "الأسبوع" and layout["yaxis"]["side"] == "right"
    # Plotly draws left to right: a date that starts with its day gets a leading Arabic letter mark.
    assert "\u061c2 مارس 2020" in layout["xaxis"]["ticktext"]


# 4. Why was this sentence attributed


def test_the_reader_shows_cue_mention_legend_and_links(monkeypatch):
    at = open_app(monkeypatch)
    page = html_of(at)
    assert '<span class="qawl-cue">قال</span>' in page  # said
    assert '<span class="qawl-mention">الرئيس الصيني شي جين بينغ</span>' in page  # the mention of sentence 1
    assert 'class="qawl-spk carried"' in page and "↩ " + XI in page
    assert page.count('class="qawl-legend"') == 1 and "carried from an earlier sentence" in page
    assert page.count('href="./?doc=xinhua_xi_tokayev_call&amp;sentence=') == 17


def test_a_link_opens_the_article_at_its_sentence(monkeypatch, tmp_path):
    for copy in ("one", "two", "three"):
        (tmp_path / f"{copy}.txt").write_bytes(next(SEED.glob("*.txt")).read_bytes())
    at = open_app(monkeypatch, tmp_path, params={"doc": "two", "sentence": "16", "size": "25"})
    assert_clean(at)
    assert reader_sentences(at) == 17  # one page: no pagination
    page = html_of(at)
    assert page.count('class="qawl-s qawl-here"') == 1 and re.search(r'class="qawl-s qawl-here" id="s-0-16"', page)
    assert "scrollIntoView" in page and "s-0-16" in page
    assert at.selectbox(key="fix_sentence").value == "two §16"
    assert at.query_params["sentence"] == "16"
    missing = open_app(monkeypatch, tmp_path, params={"doc": "two", "sentence": "99"})
    assert_clean(missing)
    assert 'class="qawl-s qawl-here"' not in html_of(missing) and "sentence" not in missing.query_params


def test_speaker_quotes_link_to_their_articles(monkeypatch):
    at = open_app(monkeypatch, page="pages/speakers.py", params={"lang": "ar"})
    quotes = next(h.value for h in at.html if "qawl-quote" in h.value)
    assert quotes.count('href="./?doc=xinhua_xi_tokayev_call&amp;sentence=') == 12
    assert "&amp;lang=ar" in quotes and 'target="_blank"' in quotes


# 5. Corrections that stick


def rules_file(folder):
    return folder / corrections.FILE_NAME


def test_rename_round_trip_written_reopened_and_exported(monkeypatch, own_corpus):
    at = open_app(monkeypatch, own_corpus, "pages/speakers.py", {"focus": TOKAYEV})
    frames = build_paths([own_corpus])
    new = "الرئيس توكاييف"  # President Tokayev
    at.text_input(key="fix_rename_to").input(new).run()
    at.button(key="fix_rename").click().run()
    assert_clean(at)
    rules = corrections.read(rules_file(own_corpus))
    assert [(r.action, r.speaker, r.new_speaker) for r in rules.rules] == [("rename", TOKAYEV, new)]
    assert at.selectbox(key="speaker_focus").value == new and at.query_params["focus"] == new
    assert not any(o.startswith(TOKAYEV) for o in at.selectbox(key="speaker_focus").options)
    assert any("Saved" in s.value for s in at.success)
    reopened = open_app(monkeypatch, own_corpus, "pages/export.py", {"speaker": new})  # a new session
    assert_clean(reopened)
    assert reopened.multiselect(key="filter_speaker").value == [new]
    assert reopened.download_button[0].label == "sentences.csv (5 rows)"
    reopened.switch_page("pages/reader.py").run()
    assert reader_sentences(reopened) == 5 and f"{new} ✎" in html_of(reopened)
    assert reader_sentences(open_app(monkeypatch, own_corpus)) == len(frames.sentences)  # the file is no article
    store = PandasStore.of(frames, "renamed", "my_corpus", rules)
    exported = pd.read_csv(io.BytesIO(downloads.data(store, Filters(), "sentences", "csv")), encoding="utf-8-sig")
    assert exported.loc[exported["speaker"] == new, "speaker_corrected"].all()
    assert (exported["speaker"] == new).sum() == 5 and not exported["speaker_corrected"].all()


def test_split_by_mention_and_undo(monkeypatch, own_corpus):
    at = open_app(monkeypatch, own_corpus, "pages/speakers.py", {"focus": XI})
    mentions = at.selectbox(key="fix_split_mention").options
    assert mentions[0].startswith("شي (")
    at.selectbox(key="fix_split_mention").select_index(mentions.index(next(m for m in mentions
                                                                          if m.startswith("الرئيس الصيني ("))))
    at.text_input(key="fix_split_to").input("رئيس الصين")
    at.button(key="fix_split").click().run()
    assert_clean(at)
    s = build_paths([own_corpus]).sentences
    n = int(((s["speaker"] == XI) & (s["speaker_mention"].map(normalize) == normalize("الرئيس الصيني"))).sum())
    assert f"رئيس الصين ({n})" in at.selectbox(key="speaker_focus").options
    rule = corrections.read(rules_file(own_corpus)).rules[0]
    assert (rule.action, rule.mention) == ("split", "الرئيس الصيني")
    at.selectbox(key="fix_undo").select_index(0)
    at.button(key="fix_remove").click().run()
    assert_clean(at)
    assert corrections.read(rules_file(own_corpus)).rules == ()
    assert not any(o.startswith("رئيس الصين") for o in at.selectbox(key="speaker_focus").options)


def test_set_and_clear_one_sentence_in_the_reader(monkeypatch, own_corpus):
    at = open_app(monkeypatch, own_corpus)
    at.selectbox(key="fix_sentence").set_value("xinhua_xi_tokayev_call §14")
    at.text_input(key="fix_sentence_to").input("السفير")  # the ambassador
    at.button(key="fix_set").click().run()
    assert_clean(at)
    assert re.search(r'id="s-0-14"[^>]*><span class="qawl-n">14</span><span class="qawl-spk corrected"[^>]*>'
                     r"السفير ✎</span>", html_of(at))  # sentence 14 was carried: no more
    at.selectbox(key="fix_sentence").set_value("xinhua_xi_tokayev_call §13")
    at.button(key="fix_clear").click().run()
    assert_clean(at)
    assert re.search(r'id="s-0-13"[^>]*><span class="qawl-n">13</span>(?!<span class="qawl-spk)', html_of(at))
    assert [(r.action, r.doc_id, r.sentence_id, r.new_speaker) for r in corrections.read(
        rules_file(own_corpus)).rules] == [("set", "xinhua_xi_tokayev_call", 14, "السفير"),
                                           ("set", "xinhua_xi_tokayev_call", 13, "")]


def test_a_name_is_needed_and_bad_rules_are_shown(monkeypatch, own_corpus):
    rules_file(own_corpus).write_text("action,speaker,new_speaker,mention,doc_id,sentence_id,note\n"
                                      "rename,,,,,,\nrename,nobody,x,,,,\n", encoding="utf-8")
    at = open_app(monkeypatch, own_corpus, "pages/speakers.py")
    assert_clean(at)
    expander = [e for e in at.expander if "could not be applied" in e.label]
    assert expander and "2 corrections" in expander[0].label
    shown = [c.value for c in at.caption]
    assert any("line 2: rename needs speaker and new_speaker" in c for c in shown)
    assert any("line 3: rename nobody matched no sentence" in c for c in shown)
    at.button(key="fix_rename").click().run()
    assert "Type a name first." in [e.value for e in at.error]


def test_the_export_page_offers_the_corrections_file(monkeypatch, own_corpus):
    corrections.append(rules_file(own_corpus), corrections.Rule("rename", TOKAYEV, "توكاييف"))
    at = open_app(monkeypatch, own_corpus, "pages/export.py")
    assert_clean(at)
    assert f"{corrections.FILE_NAME} (1 row)" in [b.label for b in at.download_button]


# 6. A shared link reopens what you saw


def test_a_link_to_a_speaker_this_corpus_lacks_says_so_on_the_page(monkeypatch):
    at = open_app(monkeypatch, params={"speaker": "Nobody"})
    assert_clean(at)
    assert [w.value for w in at.warning] == [
        "The link asks for speaker Nobody, which this corpus does not have: it is ignored."]
    ar = open_app(monkeypatch, params={"speaker": "Nobody", "lang": "ar"})
    assert [w.value for w in ar.warning] == ["يطلب الرابط المتحدث Nobody، وهو غير موجود في هذه المدوّنة، فتم تجاهله."]


def test_reader_page_and_size_are_in_the_url(monkeypatch, tmp_path):
    for copy in ("one", "two"):
        (tmp_path / f"{copy}.txt").write_bytes(next(SEED.glob("*.txt")).read_bytes())
    at = open_app(monkeypatch, tmp_path, params={"size": "25", "page": "2"})
    assert_clean(at)
    assert at.selectbox(key="reader_page_size").value == 25 and at.pagination(key="reader_page").value == 2
    assert reader_sentences(at) == 34 - 25
    at.pagination(key="reader_page").select(1).run()
    assert "page" not in at.query_params and at.query_params["size"] == "25"
    at.selectbox(key="reader_page_size").set_value(50).run()
    assert "size" not in at.query_params
    beyond = open_app(monkeypatch, tmp_path, params={"size": "25", "page": "9"})
    assert beyond.pagination(key="reader_page").value == 1


def test_the_chosen_speaker_is_in_the_url(monkeypatch):
    at = open_app(monkeypatch, page="pages/speakers.py", params={"focus": TOKAYEV})
    assert at.selectbox(key="speaker_focus").value == TOKAYEV and at.query_params["focus"] == TOKAYEV
    at.selectbox(key="speaker_focus").select_index(0).run()
    assert "focus" not in at.query_params  # the first speaker needs no parameter
    unknown = open_app(monkeypatch, page="pages/speakers.py", params={"focus": "Nobody"})
    assert unknown.selectbox(key="speaker_focus").value == XI


# 7. Exports and pickers


def test_exported_sentences_carry_outlet_title_and_url(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEED, articles)
    (articles / "metadata.csv").write_text("id,title,source,url\nxinhua_xi_tokayev_call,عنوان,Xinhua,"
                                           "https://example.org/a\n", encoding="utf-8")
    store = PandasStore.of(build_paths([articles]), "meta")
    table = pd.read_csv(io.BytesIO(downloads.data(store, Filters(), "sentences", "csv")), encoding="utf-8-sig")
    assert list(table.columns[:4]) == ["doc_id", "source", "title", "url"]
    assert set(table["url"]) == {"https://example.org/a"} and set(table["title"]) == {"عنوان"}


def test_document_picker_takes_several_and_names_them_by_title(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder)
    picker = at.multiselect(key="filter_doc")
    assert all(" · seed-" in option for option in picker.options)
    picker.set_value(["seed-a", "seed-c"]).run()
    assert_clean(at)
    assert param(at, "doc") == ["seed-a", "seed-c"]



def test_the_scroll_script_survives_streamlits_sanitizer():
    script = html.scroll_to('s-0-16"><img src=x onerror=alert(1)>')
    body = script.removeprefix("<script>").removesuffix("</script>")
    assert not re.search(r"<[\w/!]", body)  # DOMPurify drops a script whose text holds "<" before a word
    assert "getElementById('s-0-16imgsrcxonerroralert1')" in body  # only ASCII letters, digits and - kept
