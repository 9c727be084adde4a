"""A frame above ui.downloads.EAGER_ROWS downloads in the browser as the small ones do: its file is made when its
button is pressed, not with the page."""

from __future__ import annotations

import csv
import io
import re

import pytest
from qawl_browser import BBC, open_page
from test_browser_pages import BOM, page_problems

from ui import downloads


def test_a_frame_made_on_click_downloads_whole(page, serve, tmp_path):
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent")
    open_page(page, serve("bbc", BBC), "export")
    assert page_problems(page) == []
    button = page.locator("[data-testid=stDownloadButton] button", has_text="tokens.csv")
    n_rows = int(re.search(r"\(([\d,]+) rows\)", button.inner_text()).group(1).replace(",", ""))
    assert n_rows > downloads.EAGER_ROWS  # made on click
    with page.expect_download() as info:
        button.click()
    target = tmp_path / "tokens.csv"
    info.value.save_as(target)
    assert info.value.suggested_filename == "qawl_tokens.csv"
    data = target.read_bytes()
    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == n_rows and {"doc_id", "sentence_id", "term", "source"} <= set(rows[0])
