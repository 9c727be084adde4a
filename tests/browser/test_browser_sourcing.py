"""The Sourcing page in real Chromium, in Arabic on the BBC sample: every chart drawn with its bars, titles and
labels right to left, counts on hover, no error; a full-page screenshot in screenshots/browser/ to look at."""

from __future__ import annotations

import pytest
from qawl_browser import BBC, REPO, full_page_screenshot, open_page
from test_browser_pages import ARABIC_BLOCKS_JS, page_problems

pytestmark = pytest.mark.browser

SHOTS = REPO / "screenshots" / "browser"
CHARTS = 5  # kinds, genders, per outlet, over time, unnamed per outlet


@pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/corpora (BBC sample)")
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sourcing_page_draws_its_charts(page, serve, lang):
    open_page(page, serve("bbc", BBC), "sourcing", f"lang={lang}")
    charts = page.locator("[data-testid=stPlotlyChart] .js-plotly-plot")
    charts.nth(CHARTS - 1).locator("svg.main-svg").first.wait_for(state="visible")
    assert charts.count() == CHARTS
    for i in range(CHARTS):
        box = charts.nth(i).locator("svg.main-svg").first.bounding_box()
        assert box is not None and min(box["width"], box["height"]) > 100, f"chart {i} is {box}"
        assert charts.nth(i).locator(".barlayer .point").count() > 0, f"chart {i} has no bar"
    titles = page.locator("[data-testid=stPlotlyChart] .gtitle").all_text_contents()  # SVG text: no innerText
    expected = "الجمل المنسوبة حسب نوع المصدر" if lang == "ar" else "Reported sentences by kind of source"
    assert titles[0] == expected
    bar = charts.first.locator(".barlayer .point path").first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # Plotly's drag layer lies on top
    hover = page.locator(".hoverlayer .hovertext").first
    hover.wait_for(state="visible")
    assert ("العدد" if lang == "ar" else "sentences") in (hover.text_content() or "")  # the count behind the share
    assert page_problems(page) == []
    assert [b for b in page.evaluate(ARABIC_BLOCKS_JS) if b["direction"] != "rtl"] == []
    if lang == "ar":
        assert page.locator("[data-testid=stMain] h1").first.inner_text().strip() == "المصادر"
        headings = page.locator("[data-testid=stMain] :is(h1, h3)")
        assert headings.count() == 5
        for i in range(headings.count()):  # each heading starts at the right edge of the main area
            style = headings.nth(i).evaluate("e => [getComputedStyle(e).direction, getComputedStyle(e).textAlign]")
            assert style == ["rtl", "right"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    full_page_screenshot(page, SHOTS / f"bbc-sourcing-{lang}.png")
