"""Both stores over a dataset built by `python -m qawl frames --format parquet` (outlet/month partitions, the quote
spread frames corpus-wide): opening, the questions the Speakers and Export pages ask, and streamed CSV exports.

    .venv/bin/python bench/dataset_store.py --sentences 100000 --work bench/out

Makes the corpus (bench/make_corpus.py) and builds its dataset when they are not in WORK, then per backend, in a
fresh process: the store's opening (the DuckDB store's first one writes its index: timed apart, once), resident
memory after it, then each question's time (a first call; answers are not cached here), the peak resident memory
so far, and each CSV export's time and the peak reached by its end (written to /dev/null). Prints a markdown
table; writes WORK/dataset_store-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
QUESTIONS = ("speaker_table", "speaker_table_one", "quotes", "export_rows_statements", "export_rows_repeats")
EXPORTS = ("sentences", "statements", "repeats")


def _rss_mb() -> float:
    """Return this process's resident memory now, in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def measure(dataset: str, backend: str) -> dict:
    """Return the timings and memory of one store over the dataset (run in a fresh process)."""
    sys.path.insert(0, str(REPO))
    from qawl.filters import Filters

    out: dict = {"backend": backend}
    if backend == "duckdb":
        from qawl import duckdb_index
        from qawl.duckdb_store import DuckDBStore

        start = time.perf_counter()
        duckdb_index.open_index(duckdb_index.Dataset(dataset))
        out["index_s"] = time.perf_counter() - start
        start = time.perf_counter()
        store = DuckDBStore(dataset, "bench")
    else:
        from qawl.pandas_store import PandasStore

        out["index_s"] = None
        start = time.perf_counter()
        store = PandasStore.of_dataset(dataset, "bench")
    store.counts(Filters())
    out["open_s"], out["rss_open_mb"] = time.perf_counter() - start, _rss_mb()
    top = store.speaker_counts(1)["speaker"].iloc[0]
    one = Filters(speakers=(top,))
    asked = {"speaker_table": lambda: store.speaker_table(Filters()),
             "speaker_table_one": lambda: store.speaker_table(one),
             "quotes": lambda: store.quotes(Filters(), top),
             "export_rows_statements": lambda: store.export_rows(Filters(speakers=(top,)), "statements"),
             "export_rows_repeats": lambda: store.export_rows(Filters(speakers=(top,)), "repeats")}
    for name in QUESTIONS:
        start = time.perf_counter()
        asked[name]()
        out[f"{name}_s"] = time.perf_counter() - start
    out["rows"] = {n: store.export_rows(Filters(), n) for n in ("sentences", *EXPORTS[1:])}
    out["peak_before_exports_mb"] = _peak_mb()
    for name in EXPORTS:
        before = _peak_mb()
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            store.write_csv(Filters(), name, sink)
        out[f"csv_{name}_s"] = time.perf_counter() - start
        out[f"csv_{name}_peak_mb"] = max(_peak_mb(), before)
    out["peak_mb"] = _peak_mb()
    return out


def prepare(sentences: int, work: Path) -> Path:
    """Return the dataset of a corpus of about `sentences` sentences, made and built when missing."""
    corpus, dataset = work / f"corpus-{sentences}", work / f"dataset-{sentences}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "--sentences", str(sentences), "--out",
                        str(corpus)], check=True)
    if not (dataset / "manifest.json").is_file():
        subprocess.run([sys.executable, "-m", "qawl", "frames", str(corpus), "--format", "parquet", "--out",
                        str(dataset)], check=True, cwd=REPO)
    return dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=BENCH / "out")
    parser.add_argument("--measure", nargs=2, metavar=("DATASET", "BACKEND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    dataset = prepare(args.sentences, args.work.resolve())
    results = []
    for backend in ("pandas", "duckdb"):
        done = subprocess.run([sys.executable, __file__, "--measure", str(dataset), backend], check=True,
                              capture_output=True, text=True, cwd=REPO)
        results.append(json.loads(done.stdout.splitlines()[-1]))
    (args.work / f"dataset_store-{args.sentences}.json").write_text(json.dumps(results, indent=1))
    print(f"rows: {results[0]['rows']}\n")
    print("| store | index s (once) | open s | RSS after open MB | " + " | ".join(f"{q} s" for q in QUESTIONS)
          + " | peak MB before exports | " + " | ".join(f"{e}.csv s (peak MB)" for e in EXPORTS) + " |")
    print("|" + "---|" * (4 + len(QUESTIONS) + len(EXPORTS) + 1))
    for r in results:
        index = "–" if r["index_s"] is None else f"{r['index_s']:.1f}"
        print(f"| {r['backend']} | {index} | {r['open_s']:.1f} | {r['rss_open_mb']:,.0f} | "
              + " | ".join(f"{r[q + '_s']:.2f}" for q in QUESTIONS) + f" | {r['peak_before_exports_mb']:,.0f} | "
              + " | ".join(f"{r[f'csv_{e}_s']:.1f} ({r[f'csv_{e}_peak_mb']:,.0f})" for e in EXPORTS) + " |")


if __name__ == "__main__":
    main()
