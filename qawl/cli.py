"""Command line: `python -m qawl frames PATH [PATH ...] --out DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qawl import export
from qawl.corpus import CorpusError
from qawl.frames import build_paths


def _progress(done: int, total: int) -> None:
    print(f"qawl: analysed {done}/{total} articles", file=sys.stderr)


def frames_command(args: argparse.Namespace) -> int:
    """Write every frame of the corpus at args.paths as CSV into args.out; return the exit code."""
    try:
        frames = build_paths(args.paths, progress=_progress)
    except CorpusError as exc:
        print(f"qawl: error: {exc}", file=sys.stderr)
        return 2
    for message in frames.warnings:
        print(f"qawl: warning: {message}", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        export.write_csv(frame, out / f"{name}.csv")
    n_docs, n_sents = len(frames.documents), len(frames.sentences)
    print(f"qawl: {n_docs} documents, {n_sents} sentences, {len(frames.speakers)} speakers -> {out}", file=sys.stderr)
    if n_docs == 0:
        print("qawl: error: no readable document", file=sys.stderr)
        return 2
    return 1 if frames.warnings else 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (0 ok, 1 some files skipped, 2 nothing done)."""
    parser = argparse.ArgumentParser(prog="qawl", description="Arabic news corpora -> frames of who said what.")
    sub = parser.add_subparsers(dest="command", required=True)
    frames = sub.add_parser("frames", help="write documents, sentences, speakers, themes, tokens, mentions as CSV")
    frames.add_argument("paths", nargs="+", help=".txt article, folder of articles, or .csv/.jsonl with a text column")
    frames.add_argument("--out", required=True, help="output folder")
    frames.set_defaults(run=frames_command)
    args = parser.parse_args(argv)
    return args.run(args)
