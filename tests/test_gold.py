"""Speaker attribution scored against the labelled gold sets with the project's scorer."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from qawl_paths import BUNDLED, shared_path

from qawl import export
from qawl.frames import build_paths

DEV_TARGET = 0.85


def score(gold, sentences_csv) -> dict[str, float]:
    """Return accuracy, precision, recall and fragmentation printed by score_speakers.py."""
    scorer = shared_path("tools", "score_speakers.py")
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(sentences_csv)], capture_output=True,
                         text=True, check=True).stdout
    numbers = dict(re.findall(r"(accuracy|precision|recall|fragmentation) ([0-9.]+)", out))
    return {k: float(v) for k, v in numbers.items()}


@pytest.fixture(scope="module")
def corpus_sentences(tmp_path_factory):
    paths = [shared_path("corpora", "spa_saudinewsnet", "articles"),
             shared_path("corpora", "bbc_arabic_antcorpus", "articles")]
    frames = build_paths(paths)
    out = tmp_path_factory.mktemp("gold") / "sentences.csv"
    export.write_csv(frames.sentences, out)
    return out


def test_seed_gold_all_right_with_two_speakers(seed_frames, tmp_path):
    out = tmp_path / "sentences.csv"
    export.write_csv(seed_frames.sentences, out)
    result = score(shared_path("gold", "seed_speakers.csv"), out)
    assert result["accuracy"] == 1.0
    assert result["fragmentation"] == 1.0
    assert len(seed_frames.speakers) == 2
    assert BUNDLED.is_dir()


def test_dev_gold_reaches_target(corpus_sentences):
    result = score(shared_path("gold", "dev_speakers.csv"), corpus_sentences)
    assert result["accuracy"] >= DEV_TARGET, result
    assert result["precision"] >= 0.85 and result["recall"] >= 0.8, result
