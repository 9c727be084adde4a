"""Speaker attribution scored against the labelled gold sets with the project's scorer, on both halves.

The dev articles are split into two fixed halves by a hash of their id: rules are written from the errors of
half A only, and a rule is kept only when half B does not get worse. Both halves are guarded here, at the levels
reached (the closing notes give the numbers); articles of other outlets, never shown, are scored the same way.
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from qawl_paths import BUNDLED, shared_path

from qawl import export
from qawl.frames import build_paths

# gold set -> half -> (least accuracy, least clean names, most fragmentation per article, least precision)
FLOORS = {
    "dev_speakers": {"A": (0.95, 0.98, 1.05, 0.94), "B": (0.94, 0.98, 1.10, 0.95)},
    "dev_skynews_speakers": {"A": (0.95, 0.98, 1.05, 0.95), "B": (0.85, 0.98, 1.15, 0.88)},
}
# Sky News half -> (least kind accuracy, least gender accuracy, least recall of unnamed sources)
SOURCE_FLOORS = {"A": (0.92, 0.94, 0.78), "B": (0.74, 0.89, 0.37)}


# The ninth sample (2026-11-30, stop 24): 84 SPA and BBC articles outside the dev sets, labelled blind in six parts of
# 14 with the Sky News gold's columns. Rules were written from parts 1, 3 and 5; parts 2, 4 and 6 are held back. The
# file keeps no corpus text: each row's snippet is the span (start, length) of the article file it was cut from.
NINTH_SAMPLE = Path(__file__).parent / "gold" / "ninth_sample.csv"
# part -> (least accuracy, least kind accuracy, least gender accuracy)
NINTH_FLOORS = {"1": (0.93, 0.94, 0.95), "2": (0.94, 0.89, 0.96), "3": (0.89, 0.79, 0.85),
                "4": (0.92, 0.82, 0.85), "5": (0.92, 0.88, 0.93), "6": (0.85, 0.80, 0.86)}
# The tenth sample (2026-12-01, stop 35): the 116 articles of the three shared outlets that no gold file labels (30 of
# them Sky News), labelled blind in eight parts; the r- parts were read to write rules, the h- parts are held back.
TENTH_SAMPLE = Path(__file__).parent / "gold" / "tenth_sample.csv"
# part -> (least accuracy, least kind accuracy, least gender accuracy)
TENTH_FLOORS = {"r-sky": (0.94, 0.90, 0.95), "r-spa": (0.92, 0.84, 0.93), "r-bbc1": (0.89, 0.87, 0.88),
                "r-bbc2": (0.94, 0.93, 0.96), "h-sky": (0.86, 0.82, 0.91), "h-spa": (0.89, 0.77, 0.80),
                "h-bbc1": (0.87, 0.87, 0.93), "h-bbc2": (0.87, 0.78, 0.89)}
_OUTLET_FOLDERS = {"spa": "spa_saudinewsnet", "BB": "bbc_arabic_antcorpus", "sky": "skynewsarabia_antcorpus"}


def sample_part(part: str, folder: Path, sample: Path = NINTH_SAMPLE) -> Path:
    """Return the path of a gold file of one part of a sample (the ninth, or the tenth), its snippets cut from the
    article files."""
    with sample.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["part"] == part]
    texts: dict[str, str] = {}
    path = folder / f"{sample.stem}-{part}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        fields = ["doc", "sentence", "snippet", "speaker", "kind", "source_type", "gender"]
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        for r in rows:
            if r["doc"] not in texts:
                outlet = _OUTLET_FOLDERS[r["doc"].split("_")[0].split("-")[0]]
                texts[r["doc"]] = shared_path("corpora", outlet, "articles", f"{r['doc']}.txt").read_text("utf-8")
            start = int(r["start"])
            snippet = texts[r["doc"]][start : start + int(r["length"])]
            writer.writerow({k: r[k] for k in writer.fieldnames if k != "snippet"} | {"snippet": snippet})
    return path


def half(doc: str) -> str:
    """Return the fixed half (A or B) an article of the dev sets belongs to."""
    return "A" if int(hashlib.sha256(doc.encode()).hexdigest(), 16) % 2 == 0 else "B"


def score(gold, sentences_csv) -> dict[str, float]:
    """Return the numbers score_speakers.py prints: accuracy, precision, recall, fragmentation, clean, kinds."""
    scorer = shared_path("tools", "score_speakers.py")
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(sentences_csv)], capture_output=True,
                         text=True, check=True).stdout
    numbers = {k: float(v) for k, v in re.findall(r"(accuracy|precision|recall|fragmentation|clean) ([0-9.]+)", out)}
    kinds = re.search(r"kinds: accuracy ([0-9.]+).*unnamed recall ([0-9.]+).*gender accuracy ([0-9.]+)", out)
    if kinds:
        numbers |= dict(zip(("kind", "unnamed", "gender"), map(float, kinds.groups()), strict=True))
    return numbers


def gold_half(name: str, which: str, folder) -> object:
    """Return the path of a gold file holding only the rows of one half."""
    with shared_path("gold", f"{name}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = [r for r in reader if half(r["doc"]) == which]
        fields = reader.fieldnames
    path = folder / f"{name}-{which}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def corpus_sentences(tmp_path_factory):
    paths = [shared_path("corpora", name, "articles")
             for name in ("spa_saudinewsnet", "bbc_arabic_antcorpus", "skynewsarabia_antcorpus")]
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


@pytest.mark.parametrize(("name", "which"), [(n, h) for n in FLOORS for h in ("A", "B")])
def test_dev_gold_holds_on_both_halves(corpus_sentences, tmp_path, name, which):
    accuracy, clean, fragmentation, precision = FLOORS[name][which]
    result = score(gold_half(name, which, tmp_path), corpus_sentences)
    assert result["accuracy"] >= accuracy, result
    assert result["clean"] >= clean, result
    assert result["fragmentation"] <= fragmentation, result
    assert result["precision"] >= precision, result


@pytest.mark.parametrize("which", ["A", "B"])
def test_kinds_and_genders_hold_on_both_halves(corpus_sentences, tmp_path, which):
    kind, gender, unnamed = SOURCE_FLOORS[which]
    result = score(gold_half("dev_skynews_speakers", which, tmp_path), corpus_sentences)
    assert result["kind"] >= kind and result["gender"] >= gender and result["unnamed"] >= unnamed, result


@pytest.mark.parametrize("part", sorted(NINTH_FLOORS))
def test_ninth_sample_holds_on_every_part(corpus_sentences, tmp_path, part):
    accuracy, kind, gender = NINTH_FLOORS[part]
    result = score(sample_part(part, tmp_path), corpus_sentences)
    assert result["accuracy"] >= accuracy and result["kind"] >= kind and result["gender"] >= gender, result


@pytest.mark.parametrize("part", sorted(TENTH_FLOORS))
def test_tenth_sample_holds_on_every_part(corpus_sentences, tmp_path, part):
    accuracy, kind, gender = TENTH_FLOORS[part]
    result = score(sample_part(part, tmp_path, TENTH_SAMPLE), corpus_sentences)
    assert result["accuracy"] >= accuracy and result["kind"] >= kind and result["gender"] >= gender, result
