"""Fixtures of the real-browser tests: app servers per corpus and one Chromium on a fresh profile per session."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from qawl_browser import BBC, CHROMIUM, REPO, Server, launch

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the browser tests skip; .ci/run installs playwright so that they run there
    sync_playwright = None

Serve = Callable[[str, "Path | None"], str]


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory):
    """Yield a Chromium context on a fresh user-data-dir; skip when Chromium or Playwright is missing."""
    if sync_playwright is None:
        pytest.skip("playwright is not installed")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_playwright() as playwright:
        context = launch(playwright, tmp_path_factory.mktemp("chromium-profile"))
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="session")
def serve(browser_context, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    """Yield serve(name, corpus) -> base URL of the app on corpus (None = the bundled one); one server per name."""
    if not (REPO / "app.py").is_file():
        pytest.skip("the dashboard (app.py) is not in this checkout")
    logs = tmp_path_factory.mktemp("streamlit-logs")
    servers: dict[str, Server] = {}

    def start(name: str, corpus: Path | None) -> str:
        if name not in servers:
            servers[name] = Server(corpus, logs / f"{name}.log")
            servers[name].wait_healthy()
        return servers[name].url

    try:
        yield start
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture
def page(browser_context):
    """Yield a new browser tab, closed after the test."""
    tab = browser_context.new_page()
    try:
        yield tab
    finally:
        with contextlib.suppress(Exception):
            tab.close()


@pytest.fixture(params=["seed", "bbc"])
def corpus(request) -> tuple[str, Path | None]:
    """Return (name, path) of a corpus to serve: the bundled seed (None) or the dated BBC sample."""
    if request.param == "seed":
        return "seed", None
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent")
    return "bbc", BBC
