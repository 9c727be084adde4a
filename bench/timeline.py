"""Where a build's wall time goes: `python -m qawl frames CORPUS --out DIR` run in this process, with every step
timed (the workers' chunks, the parent's reading, waiting, merging and writing).

    .venv/bin/python bench/timeline.py CORPUS --out DIR

Prints one line per step (start and end in seconds from the process start, and its length), then how busy the
workers were: the seconds each spent analysing, and how long the pool was running fewer chunks than workers.
"""

from __future__ import annotations

import functools
import itertools
import os
import resource
import sys
import tempfile
import threading
import time

T0 = time.perf_counter()
_spans: list[tuple[str, float, float]] = []
_lock = threading.Lock()
_parent_cpu: list[float] = []
_TRACE = tempfile.mkdtemp(prefix="qawl-timeline-")


def _timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                _spans.append((name, start - T0, time.perf_counter() - T0))
    return wrapper


def _patch(module, attr: str, name: str | None = None) -> None:
    setattr(module, attr, _timed(name or f"{module.__name__.split('.')[-1]}.{attr}", getattr(module, attr)))


def main() -> int:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from qawl import articles, cli

    imported = time.perf_counter() - T0
    chunk = articles.analyse_chunk

    def traced_chunk(docs):
        start, cpu = time.perf_counter(), time.process_time()
        out = chunk(docs)
        end, cpu = time.perf_counter(), time.process_time() - cpu
        with open(os.path.join(_TRACE, str(os.getpid())), "a") as f:
            f.write(f"{start - T0} {end - T0} {len(docs)} {sum(len(d.text) for d in docs)} {cpu}\n")
        return out

    # Pickled by name: the (forked) workers find this function under the original's name.
    traced_chunk.__module__, traced_chunk.__qualname__ = articles.__name__, "analyse_chunk"
    articles.analyse_chunk = traced_chunk
    _patch(articles, "warm_up")
    iterate = articles.Analysis.__iter__

    def traced_iter(self):
        gen = iterate(self)
        while True:
            start = time.perf_counter()
            try:
                item = next(gen)
            except StopIteration:
                _parent_cpu.append(time.process_time())
                return
            with _lock:
                _spans.append(("parent: read + wait for a chunk", start - T0, time.perf_counter() - T0))
            yield item

    articles.Analysis.__iter__ = traced_iter
    import pandas  # noqa: F401  (as frames_command does, timed apart)

    from qawl import corrections, dates, export, frames, speakers, spread

    for module, attr in ((frames, "_TokenCodes"),):
        cls = getattr(module, attr)
        cls.add = _timed("frames: tokens.add", cls.add)
        cls.frame = _timed("frames: tokens.frame", cls.frame)
    for attr in ("_concat", "documents_frame", "person_mentions", "mentions_frame", "_speakers", "_shift",
                 "people_by_family_name"):
        _patch(frames, attr, f"frames.{attr}")
    _patch(spread, "group")
    _patch(spread, "frames")
    speakers.NameCounts.add = _timed("speakers: count names", speakers.NameCounts.add)
    speakers.Naming.names = _timed("speakers: canonical names", speakers.Naming.names)
    _patch(dates, "parse")
    _patch(corrections, "apply")
    _patch(corrections, "read")
    write = export.write_csv

    def traced_write(frame, path, *args, **kwargs):
        return _timed(f"write {os.path.basename(str(path))}", write)(frame, path, *args, **kwargs)

    export.write_csv = traced_write
    code = cli.main(["frames", *sys.argv[1:]])
    end = time.perf_counter() - T0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"imports {imported:.2f} s, total {end:.2f} s, exit {code}; CPU s: this process "
          f"{me.ru_utime + me.ru_stime:.2f} (until the analysis ended {_parent_cpu[0]:.2f}), workers "
          f"{kids.ru_utime + kids.ru_stime:.2f}; load {os.getloadavg()[0]:.2f}")
    totals: dict[str, tuple[int, float, float, float]] = {}
    for name, a, b in _spans:
        n, total, first, last = totals.get(name, (0, 0.0, a, b))
        totals[name] = (n + 1, total + b - a, min(first, a), max(last, b))
    for name, (n, total, first, last) in sorted(totals.items(), key=lambda item: item[1][2]):
        print(f"{first:7.2f} {last:7.2f} {total:7.2f} s  x{n:<4} {name}")
    chunks = []
    for pid in os.listdir(_TRACE):
        with open(os.path.join(_TRACE, pid)) as f:
            for line in f:
                a, b, n, chars, cpu = line.split()
                chunks.append((pid, float(a), float(b), int(n), int(chars), float(cpu)))
    if chunks:
        for pid in sorted({c[0] for c in chunks}):
            mine = [c for c in chunks if c[0] == pid]
            print(f"worker {pid}: {len(mine)} chunks, busy {sum(c[2] - c[1] for c in mine):.2f} s "
                  f"({sum(c[5] for c in mine):.2f} CPU s) from {min(c[1] for c in mine):.2f} to "
                  f"{max(c[2] for c in mine):.2f}")
        for pid in sorted({c[0] for c in chunks}):
            mine = sorted(c for c in chunks if c[0] == pid)
            gaps = [round(b[1] - a[2], 2) for a, b in itertools.pairwise(mine)]
            print(f"worker {pid}: gaps between chunks {gaps}")
        events = sorted([(c[1], 1) for c in chunks] + [(c[2], -1) for c in chunks])
        workers = len({c[0] for c in chunks})
        busy, at, under = 0, events[0][0], 0.0
        for t, step in events:
            if busy < workers:
                under += t - at
            busy, at = busy + step, t
        print(f"analysis from {events[0][0]:.2f} to {events[-1][0]:.2f} s: fewer than {workers} chunks running "
              f"for {under:.2f} s; chunk sizes {sorted(c[4] for c in chunks)[::max(1, len(chunks) // 8)]}")
    return code


if __name__ == "__main__":
    sys.exit(main())
