"""Quote spread in real Chromium: a speaker's quotes on the Speakers page say which other outlets reported the same
statement (an outlet named with markup shows as text), in Arabic and English; the Export page offers the statements
and repeats; full-page screenshots in screenshots/browser/ to look at."""

from __future__ import annotations

import pytest
from dashboard_corpora import write_articles
from qawl_browser import REPO, full_page_screenshot, open_page
from test_browser_pages import page_problems

pytestmark = pytest.mark.browser

SHOTS = REPO / "screenshots" / "browser"
# One statement (the health minister's ten new hospitals) carried by four articles of three outlets.
STATEMENT = "الوزارة ستفتتح عشرة مستشفيات جديدة في المناطق الريفية قبل نهاية العام"
ARTICLES = (
    ("wire-1", "2018-10-02", "وكالة", f"قال وزير الصحة محمد العلي إن \"{STATEMENT}\".\n"
                                      "وأضاف أن الحكومة خصصت ميزانية إضافية للقطاع الصحي."),
    ("paper-2", "2018-10-01", "صحيفة", f"أكد الوزير العلي أن {STATEMENT}."),
    ("blog-3", "2018-10-06", "<b>مدونة</b>", f"قال وزير الصحة محمد العلي إن {STATEMENT}."),
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_articles(tmp_path_factory.mktemp("spread"), list(ARTICLES))


@pytest.mark.parametrize(("lang", "line"), [("en", "Also reported by صحيفة and <b>مدونة</b>"),
                                            ("ar", "نقلته أيضا صحيفة و<b>مدونة</b>")])
def test_quotes_say_who_else_reported_them(page, serve, corpus, lang, line):
    open_page(page, serve("spread", corpus), "speakers", f"lang={lang}&focus=محمد العلي")
    also = page.locator(".qawl-also")
    also.first.wait_for(state="visible")
    # The blog's quote first (the folder's order), then the wire's, which names the blog: its markup as text.
    assert [t.strip() for t in also.all_inner_texts()][1] == line
    assert also.count() == 2 and page.locator(".qawl-also b").count() == 0
    assert page_problems(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(page, SHOTS / f"spread-speakers-{lang}.png")


def test_export_offers_statements_and_repeats(page, serve, corpus):
    open_page(page, serve("spread", corpus), "export")
    buttons = page.locator("[data-testid=stDownloadButton]").all_inner_texts()
    assert any("statements.csv (1 row)" in b for b in buttons) and any("repeats.csv (3 rows)" in b for b in buttons)
    assert page_problems(page) == []
    full_page_screenshot(page, SHOTS / "spread-export-en.png")
