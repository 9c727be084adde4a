"""The dashboard in Arabic and English in real Chromium: the layout's direction, the language kept in the URL, a link
to one sentence, page settings that survive a reload, export file names. Full-page screenshots of every page in
both languages are left in screenshots/languages/ to look at."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

import pytest
from qawl_browser import CHART_PAGES, PAGES, REPO, full_page_screenshot, open_page, wait_for_app
from test_browser_pages import ARABIC_BLOCKS_JS, page_problems

from qawl import export
from qawl.filters import Filters
from qawl.frames import build_paths

pytestmark = pytest.mark.browser

SHOTS = REPO / "screenshots" / "languages"
ARABIC = re.compile("[\u0621-\u064a]")
LAYOUT_JS = """
() => {
  const box = sel => document.querySelector(sel).getBoundingClientRect();
  const dir = sel => getComputedStyle(document.querySelector(sel)).direction;
  return {main: dir('[data-testid=stMain]'), sidebar: dir('[data-testid=stSidebar]'),
          sidebarLeft: box('[data-testid=stSidebar]').left, mainLeft: box('[data-testid=stMain]').left,
          nav: [...document.querySelectorAll('[data-testid=stSidebarNav] a')].map(a => a.innerText.trim()),
          title: document.querySelector('h1').innerText.trim(),
          titleAlign: getComputedStyle(document.querySelector('[data-testid=stMain] h1')).textAlign};
}
"""


def query(page) -> dict[str, list[str]]:
    """Return the query string of the page's URL."""
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_both_languages(page, serve, corpus, lang, path):
    name, folder = corpus
    open_page(page, serve(name, folder), path, urlencode({"lang": lang}))
    if path in CHART_PAGES:
        page.locator("[data-testid=stPlotlyChart] .js-plotly-plot svg.main-svg").first.wait_for(state="visible")
    assert page_problems(page) == []
    layout = page.evaluate(LAYOUT_JS)
    assert [b for b in page.evaluate(ARABIC_BLOCKS_JS) if b["direction"] != "rtl"] == []
    if lang == "ar":
        assert layout["main"] == layout["sidebar"] == "rtl"
        assert layout["sidebarLeft"] > layout["mainLeft"]  # the sidebar on the right
        assert layout["titleAlign"] == "right"
        assert all(ARABIC.search(text) for text in [*layout["nav"], layout["title"]])
        assert query(page)["lang"] == ["ar"]
    else:
        assert layout["main"] == layout["sidebar"] == "ltr" and layout["sidebarLeft"] < layout["mainLeft"]
        assert not ARABIC.search(layout["title"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(page, SHOTS / f"{name}-{lang}-{path or 'reader'}.png")


def test_the_language_switch_is_kept_across_pages(page, serve):
    open_page(page, serve("seed", None), "")
    page.locator("[data-testid=stSidebar]").get_by_role("radio", name="العربية").click()
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "القارئ" and query(page)["lang"] == ["ar"]
    page.locator("[data-testid=stSidebarNav] a").nth(1).click()
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "المتحدثون"
    assert urlparse(page.url).path == "/speakers" and query(page)["lang"] == ["ar"]


def test_a_quote_opens_its_article_at_that_sentence(page, serve, corpus):
    name, folder = corpus
    base = serve(name, folder)
    open_page(page, base, "speakers", "lang=ar")
    links = page.locator(".qawl-quote a.qawl-open")
    href = links.nth(links.count() - 1).get_attribute("href")
    wanted = parse_qs(urlparse(href).query)
    assert set(wanted) == {"doc", "sentence", "lang"}
    open_page(page, urljoin(base + "/speakers", href).rstrip("/"), "")
    here = page.locator(".qawl-s.qawl-here")
    assert here.count() == 1
    assert here.locator(".qawl-n").inner_text().strip() == wanted["sentence"][0]
    page.wait_for_timeout(1500)  # the scroll runs once the article is drawn
    box = here.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], "not scrolled into view"
    assert query(page)["doc"] == wanted["doc"] and query(page)["sentence"] == wanted["sentence"]


def test_page_settings_survive_a_reload(page, serve):
    base = serve("seed", None)
    open_page(page, base, "timelines")
    page.get_by_text("per 1,000 words", exact=True).click()
    wait_for_app(page)
    assert query(page)["measure"] == ["rate"] and query(page)["term"]
    again = page.context.new_page()
    try:
        again.goto(page.url, wait_until="domcontentloaded")
        wait_for_app(again)
        assert again.get_by_role("radio", name="per 1,000 words").is_checked()
    finally:
        again.close()


def test_exports_are_named_after_their_filters_and_name_their_articles(page, serve, corpus, tmp_path):
    name, folder = corpus
    frames = build_paths([folder or REPO / "data" / "corpus"])
    speaker = frames.speakers.sort_values("n_sentences", ascending=False, kind="stable")["speaker"].iloc[0]
    open_page(page, serve(name, folder), "export", urlencode({"speaker": speaker, "lang": "ar"}))
    with page.expect_download() as info:
        page.locator("[data-testid=stDownloadButton] button").first.click()
    assert info.value.suggested_filename == export.filters_stem(Filters(speakers=(speaker,)), "sentences") + ".csv"
    target = tmp_path / "sentences.csv"
    info.value.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows and {"source", "title", "speaker_corrected"} <= set(rows[0])
    if "url" in frames.documents.columns:
        assert all(row["url"].startswith("http") for row in rows)


def test_a_chosen_documents_title_is_cut_at_its_end(page, serve, corpus):
    """The sidebar is left to right in English: an Arabic title in a picker's chip takes its own direction, so the
    chip shows the title's start and cuts its end (on the left)."""
    name, folder = corpus
    docs = build_paths([folder or REPO / "data" / "corpus"]).documents
    doc_id = str(docs["doc_id"].iloc[0])
    open_page(page, serve(name, folder), "", urlencode({"doc": doc_id}))
    chip = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelectTagsContainer] [data-tag] span[title]")
    assert chip.count() == 1
    assert chip.evaluate("el => getComputedStyle(el).unicodeBidi") == "plaintext"
    assert chip.evaluate("el => el.innerText").endswith(f" · {doc_id}")
