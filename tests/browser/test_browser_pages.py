"""Every dashboard page in real Chromium: renders cleanly, Arabic right-to-left, charts drawn, export by speaker."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from qawl_browser import CHART_PAGES, PAGES, REPO, open_page

from qawl.frames import build_paths

pytestmark = pytest.mark.browser

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
BOM = b"\xef\xbb\xbf"

# Text nodes in the main area whose letters are mostly Arabic, outside Streamlit's own widgets, charts and data grids
# (their layout is Streamlit's), each with the computed direction of its parent element.
ARABIC_BLOCKS_JS = """
() => {
  const main = document.querySelector('[data-testid=stMain]');
  const skip = 'svg, canvas, button, label, summary, input, [role=tab], [role=listbox], [data-testid=stWidgetLabel], '
    + '[data-testid=stDataFrame], [data-testid=stPlotlyChart], [data-testid=stMultiSelect], '
    + '[data-testid=stSelectbox], [data-testid=stRadio], [data-testid=stButtonGroup], [data-testid=stTextInput]';
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const arabic = (text.match(/[\\u0621-\\u064A]/g) || []).length;
    const latin = (text.match(/[A-Za-z]/g) || []).length;
    const parent = node.parentElement;
    if (arabic < 6 || arabic < 2 * latin || parent.closest(skip)) continue;
    if (!parent.checkVisibility()) continue;
    found.push({text: text.slice(0, 80), direction: getComputedStyle(parent).direction});
  }
  return found;
}
"""


def corpus_frames(folder: Path | None):
    """Return the frames of the corpus the app serves (None = the bundled one)."""
    return build_paths([folder or REPO / "data" / "corpus"])


def page_problems(page) -> list[str]:
    """Return what is wrong on the open page: Streamlit exceptions, error boxes, presentation forms."""
    boxes = {"exception": "[data-testid=stException]", "error": "[data-testid=stAlertContentError]"}
    problems = [
        f"{kind}: {element.inner_text()[:300]}"
        for kind, selector in boxes.items()
        for element in page.locator(selector).all()
    ]
    forms = PRESENTATION_FORMS.findall(page.content())
    if forms:
        problems.append(f"{len(forms)} Arabic presentation-form characters, e.g. {forms[:5]}")
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_cleanly_with_arabic_right_to_left_and_charts_drawn(page, serve, corpus, path):
    name, folder = corpus
    open_page(page, serve(name, folder), path)
    assert urlparse(page.url).path == "/" + path, f"asked for /{path}, got {page.url}"
    if path in CHART_PAGES:
        svg = page.locator("[data-testid=stPlotlyChart] .js-plotly-plot svg.main-svg").first
        svg.wait_for(state="visible")
        box = svg.bounding_box()
        assert box is not None
        assert min(box["width"], box["height"]) > 100, f"the chart is {box['width']}x{box['height']} px"
    assert page_problems(page) == []  # after the charts are drawn, so that their labels are checked too
    assert [b for b in page.evaluate(ARABIC_BLOCKS_JS) if b["direction"] != "rtl"] == []


def squash(text: str) -> str:
    """Return text with every run of white space made one space."""
    return " ".join(text.split())


def test_reader_shows_corpus_sentences_right_to_left(page, serve, corpus):
    name, folder = corpus
    texts = [squash(t) for t in corpus_frames(folder).sentences["text"] if len(t) > 30]
    open_page(page, serve(name, folder), "")
    shown = squash(page.locator("[data-testid=stMain]").inner_text())
    texts = [t for t in texts if t in shown][:20]
    assert len(texts) >= 3, "the Reader shows no sentence of the corpus as plain text"
    held = page.evaluate(
        """texts => {
          const squash = s => s.replace(/\\s+/g, ' ').trim();
          const out = [];
          for (const el of document.querySelectorAll('[data-testid=stMain] *')) {
            const own = squash(el.innerText || '');
            for (const t of texts) {
              if (own.includes(t) && ![...el.children].some(c => squash(c.innerText || '').includes(t))) {
                out.push({text: t.slice(0, 60), direction: getComputedStyle(el).direction});
              }
            }
          }
          return out;
        }""",
        texts,
    )
    assert {h["text"] for h in held} == {t[:60] for t in texts}
    assert [h for h in held if h["direction"] != "rtl"] == []


def test_export_by_speaker_downloads_only_that_speakers_sentences(page, serve, corpus, tmp_path):
    name, folder = corpus
    frames = corpus_frames(folder)
    speaker = frames.speakers.sort_values("n_sentences", ascending=False, kind="stable")["speaker"].iloc[0]
    expected = int((frames.sentences["speaker"] == speaker).sum())
    open_page(page, serve(name, folder), "export", urlencode({"speaker": speaker}))
    assert page_problems(page) == []
    with page.expect_download() as info:
        page.locator("[data-testid=stDownloadButton] button").first.click()
    download = info.value
    assert download.suggested_filename.isascii()
    target = tmp_path / "download.csv"
    download.save_as(target)
    data = target.read_bytes()
    assert data.startswith(BOM)
    assert not PRESENTATION_FORMS.search(data.decode("utf-8-sig"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows
    assert "speaker" in rows[0]
    assert {row["speaker"] for row in rows} == {speaker}
    assert len(rows) == expected


def test_the_header_offers_no_developer_items(page, serve):
    """A newcomer saw Streamlit's Deploy button; the menu offered Rerun and Clear cache."""
    open_page(page, serve("seed", None), "")
    assert page.locator("[data-testid=stAppDeployButton]").count() == 0
    page.locator("[data-testid=stMainMenu] button").first.click()
    items = page.locator("[data-testid=stMainMenuItemLabel]").all_inner_texts()
    assert items, "the menu did not open"
    assert not {"Rerun", "Clear cache", "Deploy this app"} & {item.strip() for item in items}, items
