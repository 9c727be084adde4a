"""A corpus full of HTML and JavaScript, opened in real Chromium: every payload shows as text, none runs."""

from __future__ import annotations

import csv
import io

import pytest
from qawl_browser import FORMULA_SENTENCES, PAGES, open_page, write_hostile_corpus

pytestmark = pytest.mark.browser

# Anything live that a payload could have become: a flag it set, a hidden body, or an element it injected.
DAMAGE_JS = """
() => {
  const xlink = 'http://www.w3.org/1999/xlink';
  const href = el => (el.getAttribute('href') || el.getAttributeNS(xlink, 'href') || '').trim().toLowerCase();
  const handlers = el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name);
  const main = document.querySelector('[data-testid=stMain]');
  return {
    xss: window.__xss === undefined ? null : String(window.__xss),
    bodyDisplay: getComputedStyle(document.body).display,
    mainVisible: main !== null && main.checkVisibility(),
    javascriptLinks: [...document.querySelectorAll('*')].filter(el => href(el).startsWith('javascript:')).length,
    injected: [...document.querySelectorAll('[data-testid=stMain] *, [data-testid=stSidebar] *')]
      .filter(el => ['SCRIPT', 'STYLE'].includes(el.tagName) || el.matches('img[src=x]') || handlers(el).length)
      .map(el => el.outerHTML.slice(0, 120)),
  };
}
"""
SHOWN_PAYLOADS = (
    "<script>window.__xss=2</script>",
    "<img src=x onerror=",
    "<style>body{display:none}</style>",
    '<a href="javascript:',
)


@pytest.fixture(scope="module")
def hostile_url(serve, tmp_path_factory):
    """Return the base URL of the app serving the hostile corpus."""
    return serve("hostile", write_hostile_corpus(tmp_path_factory.mktemp("hostile")))


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs(page, hostile_url, path):
    open_page(page, hostile_url, path)
    page.wait_for_timeout(500)  # an onerror fires once the broken image has failed to load
    damage = page.evaluate(DAMAGE_JS)
    assert damage["xss"] is None, f"a payload ran: window.__xss = {damage['xss']}"
    ran_in_frames = [frame.url for frame in page.frames if frame.evaluate("() => window.__xss !== undefined")]
    assert ran_in_frames == [], "a payload ran inside an iframe"
    assert damage["bodyDisplay"] != "none", "a <style> from the corpus hid the page"
    assert damage["mainVisible"]
    assert damage["javascriptLinks"] == 0
    assert damage["injected"] == []
    assert page.locator("[data-testid=stException]").count() == 0


def test_reader_shows_markup_as_text(page, hostile_url):
    open_page(page, hostile_url, "")
    shown = page.locator("[data-testid=stMain]").inner_text()
    assert [p for p in SHOWN_PAYLOADS if p not in shown] == []


def test_downloaded_sentences_neutralize_formulas(page, hostile_url, tmp_path):
    open_page(page, hostile_url, "export")
    with page.expect_download() as info:
        page.locator("[data-testid=stDownloadButton] button").first.click()
    target = tmp_path / "sentences.csv"
    info.value.save_as(target)
    texts = [row["text"] for row in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig")))]
    assert [t for t in texts if t.startswith(("=", "+", "-", "@"))] == []
    assert [f"'{s}" for s in FORMULA_SENTENCES if f"'{s}" not in texts] == []
