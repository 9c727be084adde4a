"""Small real-text corpora for the dashboard tests: the bundled seed, and the seed cut into dated articles."""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "corpus"
SHARED = REPO.parent / "shared"
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
