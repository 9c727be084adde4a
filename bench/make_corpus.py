"""Make a large benchmark corpus from the real samples in ../shared/corpora/*/articles.

Every sample article is copied as many times as needed to reach the wanted number of sentences. A
unique number starts every line of every copy, so no line (and so no first sentence of a line)
repeats across the corpus and no per-string cache can make the benchmark look faster than it is.
Copies are dated a day apart from the original, so timelines span a range.

    .venv/bin/python bench/make_corpus.py --sentences 100000 --out bench/out/corpus-100k
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from datetime import timedelta
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qawl import sentences  # noqa: E402

# ../shared beside the repository (a worktree under wt/ has it two levels up).
SHARED = next((p / "shared" / "corpora" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
              REPO.parent / "shared" / "corpora")
META_COLUMNS = ["id", "date", "source", "category", "title"]


def samples(root: Path = SHARED) -> list[tuple[str, str, dict[str, str]]]:
    """Return (id, text, metadata row) of every sample article under root, in a stable order."""
    out = []
    for corpus in sorted(p for p in root.iterdir() if (p / "articles").is_dir()):
        meta_path = corpus / "metadata.csv"
        meta = {}
        if meta_path.is_file():
            with meta_path.open(encoding="utf-8-sig", newline="") as f:
                meta = {row["id"]: row for row in csv.DictReader(f)}
        for path in sorted((corpus / "articles").glob("*.txt")):
            out.append((path.stem, path.read_text(encoding="utf-8"), meta.get(path.stem, {})))
    return out


def _shifted(date: str, days: int) -> str:
    parsed = pd.to_datetime(date, errors="coerce", utc=True, format="mixed")
    return "" if pd.isna(parsed) else (parsed + timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")


def make(target: int, out: Path, root: Path = SHARED, first_copy: int = 0) -> tuple[int, int, int]:
    """Write about target sentences of numbered copies under out; return (documents, sentences, bytes).

    first_copy: the number of the first copy, to add articles that continue a corpus made before (their
    lines numbered and dated after its own)."""
    articles = samples(root)
    if not articles:
        raise SystemExit(f"no sample articles under {root}")
    per_pass = sum(len(sentences.split(text)) for _, text, _ in articles)
    lines_per_pass = sum(1 for _, text, _ in articles for line in text.splitlines() if line.strip())
    copies = max(1, math.ceil(target / per_pass))
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    line_number, n_docs, n_bytes = first_copy * lines_per_pass, 0, 0
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        meta = csv.DictWriter(f, META_COLUMNS)
        meta.writeheader()
        for copy in range(first_copy, first_copy + copies):
            part = folder / f"part-{copy // 100:03d}"
            part.mkdir(exist_ok=True)
            for doc_id, text, row in articles:
                lines = []
                for line in text.splitlines():
                    if line.strip():
                        line_number += 1
                        line = f"{line_number} {line}"
                    lines.append(line)
                body = "\n".join(lines) + "\n"
                new_id = f"{doc_id}-c{copy:04d}"
                data = body.encode("utf-8")
                (part / f"{new_id}.txt").write_bytes(data)
                n_docs, n_bytes = n_docs + 1, n_bytes + len(data)
                title = row.get("title", "")
                meta.writerow({"id": new_id, "date": _shifted(row.get("date", ""), copy),
                               "source": row.get("source", ""), "category": row.get("category", ""),
                               "title": f"{title} ({copy})" if title else ""})
    return n_docs, copies * per_pass, n_bytes


def main(argv: list[str] | None = None) -> int:
    """Make the corpus the arguments ask for; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000, help="about how many sentences")
    parser.add_argument("--out", type=Path, required=True, help="output folder (metadata.csv + articles/)")
    parser.add_argument("--first-copy", type=int, default=0,
                        help="number of the first copy: new articles that continue a corpus of that many copies")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        raise SystemExit(f"{args.out} is not empty")
    docs, sents, size = make(args.sentences, args.out, first_copy=args.first_copy)
    print(f"{args.out}: {docs} articles, {sents} sentences, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
