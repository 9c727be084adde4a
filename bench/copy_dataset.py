"""Make a larger dataset of frames from a built one: its frames copied N times with new document ids, written as a
hive-partitioned dataset (DIR/<frame>/copy=NN/part-0.parquet), to measure the DuckDB store at 10M sentences
without building 10M from articles.

    .venv/bin/python bench/copy_dataset.py CACHE_ENTRY_OR_DATASET OUT --copies 10
    QAWL_CORPUS=OUT .venv/bin/python bench/pages.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qawl.duckdb_index import Dataset  # noqa: E402

LONG = ("documents", "sentences", "themes", "tokens", "mentions")
COUNTS = ("n_sentences", "n_documents", "n_direct", "n_indirect")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def copy(source: Path, out: Path, copies: int) -> None:
    """Write `copies` copies of source's frames under out, each document id suffixed ~NN; speakers' counts scaled."""
    dataset = Dataset(source)
    db = duckdb.connect(config={"threads": 2, "memory_limit": "2GB"})
    db.execute("SET enable_progress_bar = false")
    files = {name: ", ".join(map(_literal, dataset.files[name])) for name in dataset.files}
    for name in LONG:
        for k in range(copies):
            folder = out / name / f"copy={k:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            target = _literal(str(folder / "part-0.parquet"))
            db.execute(f"COPY (SELECT * REPLACE (CAST(doc_id AS VARCHAR) || '~{k:02d}' AS doc_id) "
                       f"FROM read_parquet([{files[name]}], union_by_name=true)) TO {target} "
                       "(FORMAT parquet, COMPRESSION lz4, ROW_GROUP_SIZE 131072)")
        print(name, file=sys.stderr)
    (out / "speakers").mkdir(parents=True, exist_ok=True)
    scaled = ", ".join(f"{c} * {copies} AS {c}" for c in COUNTS)
    db.execute(f"COPY (SELECT * REPLACE ({scaled}) FROM read_parquet([{files['speakers']}])) "
               f"TO {_literal(str(out / 'speakers' / 'part-0.parquet'))} (FORMAT parquet)")
    manifest = dataset.manifest()
    if manifest:
        (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Copy the dataset the arguments name; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a cache entry or a dataset folder of the frames")
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        raise SystemExit(f"{args.out} is not empty")
    start = time.perf_counter()
    copy(args.source, args.out, args.copies)
    print(f"{args.out}: {Dataset(args.out).rows('sentences'):,} sentences in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
