"""Small real-text corpora for the dashboard tests: the bundled seed, and the seed cut into dated articles."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from qawl_paths import SHARED

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "corpus"
BBC = SHARED / "corpora" / "bbc_arabic_antcorpus" / "articles"

# The seed's 17 lines cut into three articles from two outlets, dated so that the span asks for weekly buckets.
XINHUA, SPA = "وكالة شينخوا", "SPA"  # the Xinhua agency; an outlet named in Latin letters
DATED_PARTS = (("seed-a", 0, 6, "2020-03-02", XINHUA), ("seed-b", 6, 12, "2020-03-20", SPA),
               ("seed-c", 12, 17, "2020-05-11", XINHUA))


def write_dated_corpus(folder: Path) -> Path:
    """Write the seed article's sentences as three dated articles with a metadata.csv; return the folder."""
    lines = [line for p in sorted(SEED.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    with (articles / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "title", "source"])
        for stem, start, stop, date, source in DATED_PARTS:
            (articles / f"{stem}.txt").write_text("\n".join(lines[start:stop]) + "\n", encoding="utf-8")
            writer.writerow([stem, date, lines[start][:40], source])
    return articles


def write_articles(folder: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """Write (id, date, source, text) articles as .txt files with their metadata.csv into folder/articles; return
    that folder."""
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    with (articles / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "source"])
        for doc_id, date, source, text in rows:
            (articles / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
            writer.writerow([doc_id, date, source])
    return articles


def write_linked_corpus(folder: Path, *, up: bool = False) -> Path:
    """Write a corpus folder holding a seed article, a link to itself (a -> .), a linked folder of two articles and a
    second link to that folder; with up, a link to its parent too (a walk following links blindly never ends).
    Return the corpus folder (folder/corpus); its linked articles are e1 and e2."""
    corpus, elsewhere = folder / "corpus", folder / "elsewhere"
    corpus.mkdir(parents=True)
    elsewhere.mkdir()
    lines = [line for p in sorted(SEED.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    (corpus / "own.txt").write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    (elsewhere / "e1.txt").write_text("\n".join(lines[6:12]) + "\n", encoding="utf-8")
    (elsewhere / "e2.txt").write_text("\n".join(lines[12:]) + "\n", encoding="utf-8")
    os.symlink(".", corpus / "a")
    os.symlink("../elsewhere", corpus / "linked")
    os.symlink("../elsewhere", corpus / "linked-again")
    if up:
        os.symlink("..", corpus / "up")
    return corpus
