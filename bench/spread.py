"""Quote spread's benchmark: signatures per chunk, the corpus-wide grouping, and the alternatives measured.

    .venv/bin/python bench/spread.py                     # the 100k corpus of bench/make_corpus.py
    .venv/bin/python bench/spread.py --sizes 100k 1m     # and 1M sentences (the frames are built once, ~2 min)
    .venv/bin/python bench/spread.py --precision         # the shared corpora: statements found, re-worded quotes

The frames of each corpus are built once (not timed) and kept as Parquet under bench/out/frames-SIZE. Then:
the signatures of every chunk of about a million characters, as the build's workers would make them (CPU
seconds, one process); the grouping and frames at the end (wall and CPU seconds, peak memory added); and on a
sample of the corpus's keys, datasketch's own MinHash objects and MinHashLSH index, and rapidfuzz alone
(every key against every other), extrapolated to the corpus. make_corpus copies the same articles, so most
statements there are exact copies: a stress test, not a precision one; --precision measures that.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
SHARED = Path("/work/shared/corpora") if Path("/work/shared/corpora").is_dir() else REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from qawl import lexicons, quotes, signatures, spread, tokenize  # noqa: E402
from qawl.frames import build_paths  # noqa: E402
from qawl.normalize import normalize  # noqa: E402
from qawl.tokenize import spans as word_spans  # noqa: E402

SIZES = {"100k": 100_000, "1m": 1_000_000}
CHUNK_CHARS = 1_000_000  # as articles._CHUNK_CHARS


def _frames(size: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the sentences and documents frames of the make_corpus corpus of that size, built on first use."""
    folder = OUT / f"frames-{size}"
    if not (folder / "sentences.parquet").is_file():
        corpus = OUT / f"corpus-{size}"
        if not corpus.is_dir():
            import make_corpus

            make_corpus.make(SIZES[size], corpus, SHARED)
        frames = build_paths([corpus])
        folder.mkdir(parents=True, exist_ok=True)
        frames.sentences.to_parquet(folder / "sentences.parquet")
        frames.documents.to_parquet(folder / "documents.parquet")
    return pd.read_parquet(folder / "sentences.parquet"), pd.read_parquet(folder / "documents.parquet")


def _chunks(sentences: pd.DataFrame) -> list[slice]:
    """Return row slices of whole documents of about CHUNK_CHARS characters each, as the build's runs."""
    doc_end = np.flatnonzero(np.r_[sentences["doc_id"].to_numpy()[1:] != sentences["doc_id"].to_numpy()[:-1], True])
    chars = np.cumsum(sentences["text"].str.len().to_numpy())
    out, start, used = [], 0, 0
    for end in doc_end:
        if chars[end] - used >= CHUNK_CHARS:
            out.append(slice(start, end + 1))
            start, used = end + 1, chars[end]
    if start < len(sentences):
        out.append(slice(start, len(sentences)))
    return out


def _peak_reset() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM, the peak resident size


def _rss(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(size: str, sample: int) -> dict:
    """Return the measurements of quote spread on one corpus."""
    sentences, documents = _frames(size)
    columns = [sentences[c].tolist() for c in ("text", "cue", "speaker_mention", "attribution", "boilerplate")]
    parts = _chunks(sentences)
    cpu_text = time.process_time()
    for part in parts:
        signatures.sketch(*(c[part] for c in columns))
    cpu_text = time.process_time() - cpu_text
    # The build has every sentence's words already (analysis tokenizes them): given them, no second tokenization.
    said = [tokenize.words(t) for t in columns[0]]
    tables, cpu = [], time.process_time()
    for part in parts:
        table = signatures.sketch(*(c[part] for c in columns), said=said[part])
        tables.append(spread.shift_rows(table, part.start))
    cpu = time.process_time() - cpu
    del said
    import pyarrow as pa

    table = pa.concat_tables(tables)
    reported = int((sentences["attribution"] != "none").sum())
    signature_mb, keys = table.nbytes / 1e6, table["key"].to_numpy(zero_copy_only=False)
    _peak_reset()
    before = _rss("VmRSS")
    wall, cpu_group = time.perf_counter(), time.process_time()
    found = spread.group(table, pd.factorize(sentences["doc_id"])[0])
    wall, cpu_group = time.perf_counter() - wall, time.process_time() - cpu_group
    peak = _rss("VmHWM") - before
    del table
    _peak_reset()
    before = _rss("VmRSS")
    wall_frames, cpu_frames = time.perf_counter(), time.process_time()
    result = spread.frames(sentences, documents, found)
    wall_frames, cpu_frames = time.perf_counter() - wall_frames, time.process_time() - cpu_frames
    peak_frames = _rss("VmHWM") - before
    repeats = result.repeats
    out = {
        "size": size, "sentences": len(sentences), "reported": reported, "signatures": len(keys),
        "chunks": len(tables), "sketch_from_texts_cpu_s": round(cpu_text, 2),
        "sketch_cpu_s": round(cpu, 2), "sketch_us_per_reported": round(cpu / reported * 1e6, 1),
        "sketch_wall_2_workers_s": round(cpu / 2, 2), "signature_MB": round(signature_mb, 1),
        "group_wall_s": round(wall, 2), "group_cpu_s": round(cpu_group, 2), "group_peak_added_MB": round(peak),
        "frames_wall_s": round(wall_frames, 2), "frames_cpu_s": round(cpu_frames, 2),
        "frames_peak_added_MB": round(peak_frames),
        "repeats_MB": round(result.repeats.memory_usage(deep=True).sum() / 1e6),
        "statements": len(result.statements), "sentences_in_statements": len(repeats),
        "below_ratio": int((repeats["similarity"] < spread.RATIO).sum()), **result.stats,
        # make_corpus's copies keep the original's doc_id (before -cNNNN) and sentence ids: a statement should
        # hold the copies of one original sentence, or of the few the originals repeat themselves.
        "statements_of_several_originals": int(repeats.assign(
            origin=repeats["doc_id"].str.rsplit("-c", n=1).str[0] + "#" + repeats["sentence_id"].astype(str))
            .groupby("statement_id")["origin"].nunique().gt(1).sum()),
    }
    out.update(_alternatives(keys, sample, len(keys)))
    return out


def _best(run, repeat: int = 3) -> float:
    """Return the least CPU seconds of a few runs: the machine is shared, the least is the work itself."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        run()
        times.append(time.process_time() - t)
    return min(times)


def _alternatives(keys: np.ndarray, sample: int, total: int) -> dict:
    """Return datasketch's objects and rapidfuzz alone, timed on a sample of keys, extrapolated to total keys."""
    from datasketch import MinHash, MinHashLSH
    from rapidfuzz import fuzz, process

    rng = np.random.default_rng(0)
    picked = keys[rng.choice(len(keys), min(sample, len(keys)), replace=False)]
    words = [k.split() for k in picked]
    hashes = MinHash.bulk(words, num_perm=signatures.NUM_PERM, hashfunc=signatures.word_hash)
    per_minhash = _best(lambda: MinHash.bulk(words, num_perm=signatures.NUM_PERM, hashfunc=signatures.word_hash))
    per_ours = _best(lambda: signatures.minhashes(words))
    lsh = MinHashLSH(threshold=signatures.THRESHOLD, num_perm=signatures.NUM_PERM, weights=signatures.WEIGHTS)
    t = time.process_time()
    for k, m in enumerate(hashes):
        lsh.insert(k, m)
    for m in hashes:
        lsh.query(m)
    per_lsh = (time.process_time() - t) / len(words)
    n = min(2_000, len(picked))
    all_pairs = _best(lambda: process.cdist(picked[:n], picked[:n], scorer=fuzz.ratio, score_cutoff=spread.RATIO,
                                            dtype=np.uint8), repeat=1)
    per_minhash, per_ours = per_minhash / len(words), per_ours / len(words)
    return {
        "datasketch_minhash_us": round(per_minhash * 1e6, 1), "our_minhash_us": round(per_ours * 1e6, 1),
        "datasketch_minhash_projected_s": round(per_minhash * total, 1),
        "datasketch_lsh_insert_query_us": round(per_lsh * 1e6, 1),
        "datasketch_lsh_projected_s": round(per_lsh * total, 1),
        "rapidfuzz_all_pairs_cpu_s_at_2k": round(all_pairs, 2),
        "rapidfuzz_all_pairs_projected_cpu_s": round(all_pairs * (total / n) ** 2),
    }


# --- precision: the shared corpora, and their quotes re-worded as a second outlet would ---------------------

SPEAKERS = ["المسؤول", "المتحدث باسم الوزارة", "مصدر رسمي", "الوزير", "رئيس الوفد", "المسؤول الحكومي الكبير"]
CUES = ["وأكد", "وقال", "وأوضح", "وذكر", "وأضاف", "كما أكد"]
ADVERBIALS = ["", "في تصريح صحفي اليوم،", "في بيان،", "خلال مؤتمر صحفي عقده الأحد،", "لوكالة الأنباء،"]
ADDED = ["اليوم", "أيضا", "بشكل كبير", "كذلك", "الأحد", "حاليا"]
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"


class Rewording:
    """What a second outlet does to a wire report: new cue and speaker phrase, other quotation marks,
    diacritics and bare alef, words added, the end cut."""

    def __init__(self, vocabulary: list[str], seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = vocabulary

    def reattribute(self, q: str) -> str:
        adv = self.rng.choice(ADVERBIALS)
        return f"{self.rng.choice(CUES)} {self.rng.choice(SPEAKERS)}{'، ' + adv if adv else ''} أن {q}"

    def marks(self, q: str) -> str:
        return f"وقال {self.rng.choice(SPEAKERS)}: «{_bare(q).rstrip('.')}»."

    def diacritize(self, q: str) -> str:
        out = []
        for w in q.split():
            if self.rng.random() < 0.3 and len(w) > 2:
                w = w[:2] + self.rng.choice(HARAKAT) + w[2:]
            out.append(w.replace("أ", "ا").replace("إ", "ا") if self.rng.random() < 0.5 else w)
        return " ".join(out)

    def add(self, q: str) -> str:
        ws = re.sub("[،,]", "", _bare(q)).split()
        for _ in range(self.rng.choice((1, 2, 3))):
            ws.insert(self.rng.randrange(1, len(ws)), self.rng.choice(ADDED))
        return self.reattribute(self.diacritize(" ".join(ws)))

    def cut(self, q: str) -> str:
        ws = _bare(q).split()
        return self.reattribute(" ".join(ws[: max(1, round(len(ws) * self.rng.uniform(0.75, 0.85)))]) + ".")

    def cut_add(self, q: str) -> str:
        ws = _bare(q).split()
        return self.add(" ".join(ws[: max(2, int(len(ws) * 0.8))]))

    def replace(self, q: str, n: int) -> str:
        """Return q with n of its words (far apart) replaced by other words of the corpus."""
        ws = _bare(q).split()
        for k in self.rng.sample(range(0, len(ws), 2), min(n, (len(ws) + 1) // 2)):
            ws[k] = self.rng.choice(self.vocabulary)
        return self.reattribute(" ".join(ws))

    def kinds(self) -> dict:
        """Return the re-wordings that keep the statement."""
        return {"re-attributed": self.reattribute, "other quotation marks": self.marks,
                "diacritics, bare alef": lambda q: self.reattribute(self.diacritize(q)), "1-3 words added": self.add,
                "end cut (15-25 %)": self.cut, "cut and words added": self.cut_add,
                "one word replaced": lambda q: self.replace(q, 1)}

    def changes(self) -> dict:
        """Return the edits that make another statement: facts changed in the same template."""
        return {"3 words replaced": lambda q: self.replace(q, 3)}


def _bare(q: str) -> str:
    return re.sub('[«»“”"]', "", q).strip()


def _report_of(text: str, cue: str) -> str | None:
    """Return the written report after the أن/إن that follows the cue (outside quotations), else None."""
    ws = list(word_spans(text))
    at = next((k for k, (_, _, w) in enumerate(ws) if w == cue), None)
    if at is None:
        return None
    inside = quotes.spans(text)
    for k in range(at + 1, min(at + 13, len(ws))):
        if any(a < ws[k][0] < b for a, b in inside):
            return None
        if normalize(ws[k][2]) in lexicons.current().w.that:
            return text[ws[k][1] :].strip(" ،,")
    return None


def precision() -> None:
    """Print the statements found in the shared corpora, then the recall and precision on re-worded quotes."""
    frames = build_paths(sorted(SHARED.glob("*/articles")))
    s, d = frames.sentences, frames.documents
    found = spread.frames(s, d)
    print(f"## Statements in the shared corpora ({len(s)} sentences, {(s.attribution != 'none').sum()} reported)\n")
    for st in found.statements.itertuples():
        print(f"- {st.statement_id}: {st.n_articles} articles, {st.n_outlets} outlets, speakers {st.speakers!r}")
        for r in found.repeats[found.repeats.statement_id == st.statement_id].itertuples():
            text = s.text[(s.doc_id == r.doc_id) & (s.sentence_id == r.sentence_id)].iloc[0]
            print(f"    {r.similarity:3d} {r.doc_id[:28]:28s} {text[:120]}")
    rewording = Rewording(sorted({w for t in s.text for w in tokenize.words(t) if len(w) > 3}))
    kinds = {**rewording.kinds(), **rewording.changes()}
    originals = [(i, q) for i, t in s[s.attribution != "none"].iterrows()
                 if (q := _report_of(t.text, t.cue)) and len(q.split()) >= 8
                 and len(signatures.key_words(t.text, t.cue, t.speaker_mention)) >= 8]
    extra_s, extra_d, truth = [], [], []
    for n, (i, q) in enumerate(originals):
        kind = list(kinds)[n % len(kinds)]
        text = kinds[kind](q)
        extra_d.append({"doc_id": f"reworded-{n}", "date": d.date.min(), "source": "Second outlet"})
        extra_s.append({"doc_id": f"reworded-{n}", "sentence_id": 1, "text": text, "speaker": "", "boilerplate": "",
                        "speaker_mention": "", "cue": text.split()[1 if text.startswith("كما") else 0],
                        "attribution": "explicit", "quote": "indirect"})
        truth.append((i, kind))
    both = pd.concat([s, pd.DataFrame(extra_s)], ignore_index=True)
    result = spread.frames(both, pd.concat([d, pd.DataFrame(extra_d)], ignore_index=True))
    sid, base = result.statement_id, len(s)
    print(f"\n## {len(truth)} reports re-worded as a second outlet would (أن/إن reports of 8 key words or more)\n")
    print("| edit | grouped with its original | should be |\n|---|---|---|")
    per: dict[str, list[bool]] = {}
    for n, (i, kind) in enumerate(truth):
        per.setdefault(kind, []).append(bool(sid[i]) and sid[i] == sid[base + n])
    kept = [x for k, v in per.items() if k in rewording.kinds() for x in v]
    for kind, ok in [*per.items(), ("all re-wordings", kept)]:
        should = "no" if kind in rewording.changes() else "yes"
        print(f"| {kind} | {sum(ok)}/{len(ok)} = {sum(ok) / len(ok):.2f} | {should} |")
    origin = np.arange(len(both))
    origin[base:] = [i for i, _ in truth]
    mixed = pd.Series(origin[sid > 0]).groupby(sid[sid > 0]).nunique()
    print(f"\nstatements: {len(mixed)}; joining reports of different originals: {int((mixed > 1).sum())} "
          "(look at them: true repeats in the corpus are among them)")
    for st in mixed[mixed > 1].index:
        print(f"- {st}:")
        for r in both[sid == st].itertuples():
            print(f"    {r.doc_id[:28]:28s} {r.text[:120]}")


def main(argv: list[str] | None = None) -> int:
    """Run the measurements the arguments ask for; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["100k"], choices=list(SIZES))
    parser.add_argument("--sample", type=int, default=20_000, help="keys timed with datasketch's objects")
    parser.add_argument("--precision", action="store_true", help="the shared corpora instead of the sizes")
    args = parser.parse_args(argv)
    if args.precision:
        precision()
        return 0
    results = [measure(size, args.sample) for size in args.sizes]
    OUT.mkdir(exist_ok=True)
    (OUT / "spread.json").write_text(json.dumps(results, indent=1))
    for r in results:
        print(f"\n## {r['size']}\n")
        print("\n".join(f"- {k}: {v}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
