"""The Sourcing page (AppTest): its charts and widgets, the outlet filter in its URL, Arabic labels, the sourcing
tables on the Export page."""

from __future__ import annotations

import json

import pytest
from dashboard_corpora import BBC, SPA, XINHUA, write_dated_corpus
from test_pages import assert_clean, open_app

from qawl import i18n, store
from qawl.filters import Filters

PAGE = "pages/sourcing.py"
CHARTS = ("chart_sourcing_kinds", "chart_sourcing_genders", "chart_sourcing_outlets", "chart_sourcing_time",
          "chart_sourcing_unnamed")


@pytest.fixture(scope="module")
def dated_folder(tmp_path_factory):
    """The seed cut into three dated articles from two outlets."""
    return write_dated_corpus(tmp_path_factory.mktemp("dated"))


def charts(at) -> dict[str, dict]:
    """Return the page's Plotly figures (their JSON spec) by widget key."""
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def categories(figure: dict, axis: str) -> set[str]:
    """Return the category values a figure's traces draw along an axis."""
    return {v for trace in figure["data"] for v in trace.get(axis, [])}


def test_the_page_draws_every_chart_on_a_dated_corpus_with_outlets(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, PAGE)
    assert_clean(at)
    assert at.title[0].value == "Sourcing"
    drawn = charts(at)
    assert tuple(drawn) == CHARTS
    assert categories(drawn["chart_sourcing_outlets"], "y") == {XINHUA, SPA}
    kinds = drawn["chart_sourcing_kinds"]
    assert kinds["layout"]["title"]["text"] == "Reported sentences by kind of source"
    assert "sentences)" in kinds["data"][0]["hovertemplate"]  # the counts on hover
    assert any("No woman is quoted" in c.value for c in at.caption)


def test_dimension_and_bucket_widgets_change_the_charts(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, PAGE)
    assert at.radio(key="sourcing_dimension").value == "kind"
    assert at.selectbox(key="sourcing_bucket").value == "auto"
    weeks = charts(at)["chart_sourcing_time"]
    at.radio(key="sourcing_dimension").set_value("gender").run()
    assert_clean(at)
    drawn = charts(at)
    assert {t["name"] for t in drawn["chart_sourcing_outlets"]["data"]} == {"men"}
    assert drawn["chart_sourcing_outlets"]["layout"]["title"]["text"].startswith("Gender per outlet")
    at.selectbox(key="sourcing_bucket").set_value("M").run()
    assert_clean(at)
    months = charts(at)["chart_sourcing_time"]
    assert len(months["layout"]["xaxis"]["categoryarray"]) == 3 < len(weeks["layout"]["xaxis"]["categoryarray"])
    assert months["layout"]["xaxis"]["title"]["text"] == "Month"


def test_the_outlet_filter_round_trips_through_the_page_url(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, PAGE, {"source": SPA})
    assert_clean(at)
    assert at.multiselect(key="filter_source").value == [SPA]
    assert categories(charts(at)["chart_sourcing_outlets"], "y") == {SPA}
    assert "chart_sourcing_time" not in charts(at)  # one article: no periods
    at.multiselect(key="filter_source").set_value([XINHUA]).run()
    assert_clean(at)
    assert Filters.from_params(at.query_params) == Filters(sources=(XINHUA,))
    assert categories(charts(at)["chart_sourcing_outlets"], "y") == {XINHUA}
    again = open_app(monkeypatch, dated_folder, PAGE, dict(at.query_params))
    assert again.multiselect(key="filter_source").value == [XINHUA]
    assert charts(again)["chart_sourcing_outlets"] == charts(at)["chart_sourcing_outlets"]


def test_nothing_attributed_is_said_in_words(monkeypatch, tmp_path):
    (tmp_path / "plain.txt").write_text("ارتفعت درجات الحرارة في المدينة اليوم.\nوهطلت أمطار غزيرة في المساء.\n",
                                        encoding="utf-8")
    at = open_app(monkeypatch, tmp_path, PAGE)
    assert_clean(at)
    assert [i.value for i in at.info] == [i18n.t("sourcing.nothing")]
    assert not at.get("plotly_chart")


def test_the_page_in_arabic(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, PAGE, {"lang": "ar"})
    assert_clean(at)
    assert at.title[0].value == "المصادر"
    drawn = charts(at)
    assert drawn["chart_sourcing_kinds"]["layout"]["title"]["text"] == "الجمل المنسوبة حسب نوع المصدر"
    assert categories(drawn["chart_sourcing_kinds"], "y") == {"شخص"}
    assert drawn["chart_sourcing_kinds"]["layout"]["yaxis"]["side"] == "right"  # bars grow from the right
    assert drawn["chart_sourcing_kinds"]["layout"]["xaxis"]["autorange"] == "reversed"
    assert at.radio(key="sourcing_dimension").options == ["نوع المصدر", "الجنس"]
    assert any("direction: rtl" in h.value for h in at.html)


@pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/corpora (BBC sample)")
def test_the_most_quoted_women_on_real_news(monkeypatch):
    at = open_app(monkeypatch, BBC, PAGE)
    assert_clean(at)
    women = at.dataframe[0].value  # the only table of the page
    assert 0 < len(women) <= 20
    assert women["n_sentences"].is_monotonic_decreasing and (women["n_sentences"] > 0).all()


def test_the_export_page_offers_every_sourcing_table(monkeypatch, dated_folder):
    at = open_app(monkeypatch, dated_folder, "pages/export.py", {"source": SPA})
    assert_clean(at)
    buttons = {b.key: b for b in at.download_button}
    for name in store.SOURCING_TABLES:
        for fmt in ("csv", "parquet"):
            button = buttons[f"download_{name}_{fmt}"]
            assert button.label.startswith(f"{name}.{fmt} (") and button.proto.url
    assert buttons["download_unnamed_by_outlet_csv"].label == "unnamed_by_outlet.csv (1 row)"  # SPA only
