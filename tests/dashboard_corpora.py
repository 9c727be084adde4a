"""Small real-text corpora for the dashboard tests: the bundled seed, and the seed cut into dated articles."""

from __future__ import annotations

import csv
from pathlib import Path

from qawl_paths import SHARED

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "corpus"
BBC = SHARED / "corpora" / "bbc_arabic_antcorpus" / "articles"

# The seed's 17 lines cut into three articles, dated so that the span asks for weekly buckets.
DATED_PARTS = (("seed-a", 0, 6, "2020-03-02"), ("seed-b", 6, 12, "2020-03-20"), ("seed-c", 12, 17, "2020-05-11"))


def write_dated_corpus(folder: Path) -> Path:
    """Write the seed article's sentences as three dated articles with a metadata.csv; return the folder."""
    lines = [line for p in sorted(SEED.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    with (articles / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "title", "source"])
        for stem, start, stop, date in DATED_PARTS:
            (articles / f"{stem}.txt").write_text("\n".join(lines[start:stop]) + "\n", encoding="utf-8")
            writer.writerow([stem, date, lines[start][:40], "test"])
    return articles
