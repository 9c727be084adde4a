"""Shared fixtures: frames built once per session."""

from __future__ import annotations

import pytest
from qawl_paths import BUNDLED


@pytest.fixture(scope="session")
def seed_frames():
    """Return the frames of the bundled Xinhua article."""
    from qawl.frames import build_paths

    return build_paths([BUNDLED])
