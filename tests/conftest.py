"""Shared fixtures: frames built once per session."""

from __future__ import annotations

import pytest
from qawl_paths import BUNDLED


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
