"""Command line: `python -m qawl frames PATH [PATH ...] --out DIR`, `python -m qawl native`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from qawl import articles, inputs
from qawl.corpus import CorpusError, display_name, files

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from qawl.corrections import Rules
    from qawl.frames import Frames

# Exit codes: everything read; some files or rows skipped (named on stderr); nothing usable or a fatal error.
OK, SKIPPED, FAILED = 0, 1, 2
DEBUG_VAR = "QAWL_DEBUG"
EXIT_CODES = ("Exit codes: 0 everything was read, 1 some files or rows were skipped (each named on stderr), "
              "2 nothing could be read or the frames could not be written.")


def _say(kind: str, message: str) -> None:
    print(f"qawl: {kind}{message}", file=sys.stderr)


def _progress(done: int, total: int) -> None:
    _say("", f"analysed {done}/{total} articles")


class _Writer:
    """Writes frames as CSV files into a folder, two at a time (Arrow writes without the GIL), each as soon as
    it is handed over; errors come out of finish()."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.threads = ThreadPoolExecutor(2)
        self.pending: dict[str, Future[None]] = {}

    def write(self, name: str, frame: pd.DataFrame) -> None:
        self.pending[name] = self.threads.submit(self._write, name, frame)

    def _write(self, name: str, frame: pd.DataFrame) -> None:
        from qawl import export  # with pandas: see frames_command

        self.out.mkdir(parents=True, exist_ok=True)
        export.write_csv(frame, self.out / f"{name}.csv")

    def finish(self, frames: Frames | None) -> None:
        """Write the frames not handed over yet (largest first), wait for every file; raise the first OSError."""
        try:
            for name, frame in sorted(frames.items() if frames else [], key=lambda item: -item[1].size):
                if name not in self.pending:
                    self.write(name, frame)
            for done in self.pending.values():
                done.result()
        finally:
            self.threads.shutdown(cancel_futures=True)


def _pool(args: argparse.Namespace, size: articles.Size) -> contextlib.AbstractContextManager:
    """Return the pool the articles are analysed on: the Dask cluster asked for, else local processes."""
    if args.scheduler:
        from qawl import cluster

        return cluster.pool(args.scheduler)
    return articles.pool(size.workers)


def dataset_command(args: argparse.Namespace) -> int:
    """Build (or add the new files to) the Parquet dataset of the corpus at args.paths in args.out; return the
    exit code."""
    from qawl import cluster, dataset_build

    try:
        done = dataset_build.build(list(args.paths), args.out, lambda size: _pool(args, size), rebuild=args.rebuild,
                                   progress=_progress)
    except (CorpusError, dataset_build.DatasetError, cluster.ClusterError) as exc:
        for problem in getattr(exc, "problems", [])[:-1] if len(getattr(exc, "problems", [])) > 1 else []:
            _say("warning: ", problem)
        _say("error: ", str(exc))
        return FAILED
    for message in done.warnings:
        _say("warning: ", message)
    for message in done.messages:
        _say("", message)
    n_warned = len(done.warnings)
    skipped = f", {n_warned} warning{'s' if n_warned > 1 else ''} above" if n_warned else ""
    _say("", f"{done.documents} documents, {done.sentences} sentences, {done.speakers} speakers "
             f"({done.added_documents} documents added){skipped} -> {args.out}")
    return SKIPPED if done.warnings else OK


def _corrections(paths: list[str]) -> Rules:
    """Return the corrections of the corpus at paths, from the file the dashboard reads and writes."""
    from qawl import corrections  # with pandas: see frames_command

    return corrections.read(corrections.location(paths))


def _corrected(built: Frames, rules: Rules) -> Frames:
    """Return the frames with the corrections applied as the dashboard applies them (qawl.corrections.apply: the
    sentences' speaker and speaker_corrected, speakers, mentions, repeats, statements), saying what they did."""
    from qawl import corrections

    where = display_name(rules.path) if rules.path else corrections.FILE_NAME
    for problem in rules.problems:
        _say("warning: ", f"{where}: {problem}")
    if not rules.rules:  # nothing to apply: every frame was written as built (see _early), the sentences marked
        return built
    corrected, unused = corrections.apply(built, rules)
    n, changed = len(rules.rules), int(corrected.sentences["speaker_corrected"].sum())
    _say("", f"{where}: applied {n} correction{'s' * (n != 1)}, "
             f"{changed} sentence{'s' * (changed != 1)} with a new speaker")
    for note in unused:
        _say("", f"{where}: {note}")
    return corrected


def _early(writer: _Writer, rules: Rules) -> Callable[[str, pd.DataFrame], None]:
    """Return the build's ready(): it writes each frame the corrections leave as built as soon as it is complete,
    while the build assembles the others (every frame when the corpus has no corrections: the sentences then
    with speaker_corrected, all false, as corrections.apply gives them)."""
    from qawl import corrections

    def ready(name: str, frame: pd.DataFrame) -> None:
        if rules.rules and name not in corrections.UNCORRECTED:
            return  # written once corrected
        writer.write(name, corrections.corrected_sentences(frame, ())[0] if name == "sentences" else frame)

    return ready


def frames_command(args: argparse.Namespace) -> int:
    """Write every frame of the corpus at args.paths as CSV into args.out, with the corpus's corrections applied
    (or, with --format parquet, as a dataset, as built); return the exit code."""
    if args.format == "parquet":
        rules = _corrections(list(args.paths))
        if rules.rules:  # a dataset grows file by file and holds the frames as built, as the cache does
            _say("", f"{display_name(rules.path)}: corrections not applied to a Parquet dataset (it holds the "
                     "frames as built)")
        return dataset_command(args)
    collecting = gc.isenabled()
    try:
        return _frames_csv(args)
    finally:
        if collecting:
            gc.enable()


def _frames_csv(args: argparse.Namespace) -> int:
    """Write every frame of the corpus at args.paths as CSV into args.out; return the exit code."""
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        _say("error: ", f"{display_name(out)}: cannot write frames there (a file, not a folder)")
        return FAILED
    writer = _Writer(out)
    try:
        with contextlib.ExitStack() as stack:
            paths, _ = stack.enter_context(inputs.readable(list(args.paths), None))  # URLs copied to a local folder
            size = articles.size_of(files(paths))
            pool = stack.enter_context(_pool(args, size))
            # Its workers forked, this process makes almost no cyclic garbage (a 100k build: 1,265 objects), while
            # each full collection walked all it holds, pandas and the lexicons (1.0 of its 4 CPU s).
            gc.disable()
            # The workers start and get the first chunks as this process reads them; it imports pandas (a third
            # of a second) while they analyse, then reads on as their results come back.
            analysis = articles.analyse_paths(paths, size, pool)
            from qawl import frames

            rules = _corrections(list(args.paths))
            built = frames.build_analysis(analysis, progress=_progress, ready=_early(writer, rules))
    except _cluster_error() as exc:
        writer.finish(None)
        _say("error: ", str(exc))
        return FAILED
    except CorpusError as exc:
        writer.finish(None)
        for problem in exc.problems if len(exc.problems) > 1 else []:
            _say("warning: ", problem)
        _say("error: ", str(exc) if len(exc.problems) <= 1 else "nothing to analyse: every input was skipped")
        return FAILED
    for message in built.warnings:
        _say("warning: ", message)
    if built.documents.empty:
        writer.finish(None)
        _say("error: ", "nothing to analyse: no readable document")
        return FAILED
    built = _corrected(built, rules)
    try:
        writer.finish(built)
    except OSError as exc:
        _say("error: ", f"{display_name(out)}: cannot write frames ({exc.strerror or exc})")
        return FAILED
    n_docs, n_sents = len(built.documents), len(built.sentences)
    n_warned = len(built.warnings) + len(rules.problems)
    skipped = f", {n_warned} warning{'s' if n_warned > 1 else ''} above" if n_warned else ""
    _say("", f"{n_docs} documents, {n_sents} sentences, {len(built.speakers)} speakers{skipped} -> {out}")
    return SKIPPED if built.warnings or rules.problems else OK


def _cluster_error() -> type[Exception]:
    """Return the error of an unusable Dask cluster (imported only when one is used)."""
    module = sys.modules.get("qawl.cluster")
    return module.ClusterError if module else _Never


def native_command(args: argparse.Namespace) -> int:
    """Build the compiled attribution modules (qawl.native); Qawl runs as source when they cannot be built."""
    from qawl import native

    _say("native: ", native.main())
    return OK


class _Never(Exception):
    """Raised by nothing: stands for ClusterError when no cluster was asked for."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (0 all read, 1 some input skipped, 2 nothing usable)."""
    parser = argparse.ArgumentParser(prog="qawl", description="Arabic news corpora -> frames of who said what.",
                                     epilog=EXIT_CODES)
    sub = parser.add_subparsers(dest="command", required=True)
    frames = sub.add_parser("frames", help="write documents, sentences, speakers, themes, tokens, mentions as CSV",
                            epilog=EXIT_CODES)
    frames.add_argument("paths", nargs="+", help=".txt article, folder of articles, or .csv/.jsonl with a text column")
    frames.add_argument("--out", required=True, help="output folder (a path, or with parquet an fsspec URL)")
    frames.add_argument("--format", choices=("csv", "parquet"), default="csv",
                        help="csv: one file per frame (default); parquet: a dataset partitioned by outlet and month, "
                             "written as it is built; run again to add the corpus's new files")
    frames.add_argument("--scheduler", metavar="ADDRESS",
                        help="analyse on a Dask cluster: its scheduler (tcp://HOST:8786), or 'local' for a "
                             "LocalCluster of one worker process per core")
    frames.add_argument("--rebuild", action="store_true",
                        help="parquet: build the dataset again from scratch instead of adding new files")
    frames.set_defaults(run=frames_command)
    native = sub.add_parser("native", help="compile the attribution modules with mypyc (the same frames, sooner)")
    native.set_defaults(run=native_command)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        _say("", "interrupted")
        return 130
    except Exception as exc:
        # A bug must not greet a user with a traceback; QAWL_DEBUG=1 shows it to whoever reports it.
        if os.environ.get(DEBUG_VAR):
            raise
        reason = " ".join(str(exc).split())[:300]
        _say("error: ", f"unexpected {type(exc).__name__}: {reason} (rerun with {DEBUG_VAR}=1 for the traceback)")
        return FAILED
