"""Shared fixtures: frames built once per session, and a disk cache of the session's own."""

from __future__ import annotations

import os

import pytest
from qawl_paths import BUNDLED


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """Point QAWL_CACHE (the app servers of the browser tests inherit it) at a folder of this session: the tests
    never write into the repository's .qawl_cache/, nor read what an earlier run left there."""
    before = os.environ.get("QAWL_CACHE")
    os.environ["QAWL_CACHE"] = str(tmp_path_factory.mktemp("qawl-cache"))
    yield os.environ["QAWL_CACHE"]
    if before is None:
        os.environ.pop("QAWL_CACHE", None)
    else:
        os.environ["QAWL_CACHE"] = before


@pytest.fixture(scope="session")
def seed_frames():
    """Return the frames of the bundled Xinhua article."""
    from qawl.frames import build_paths

    return build_paths([BUNDLED])


@pytest.fixture(scope="session")
def seed():
    """The bundled one-article undated corpus, prepared for the dashboard."""
    from dashboard_corpora import SEED

    from qawl import analysis
    from qawl.frames import build_paths

    return analysis.prepare(build_paths([SEED]), "seed", "seed")


@pytest.fixture(scope="session")
def dated(tmp_path_factory):
    """The seed cut into three dated articles, prepared for the dashboard."""
    from dashboard_corpora import write_dated_corpus

    from qawl import analysis
    from qawl.frames import build_paths

    folder = write_dated_corpus(tmp_path_factory.mktemp("dated"))
    return analysis.prepare(build_paths([folder]), "dated", "dated")


@pytest.fixture(params=["seed", "dated"])
def corpus(request):
    """Each prepared dashboard corpus in turn."""
    return request.getfixturevalue(request.param)
