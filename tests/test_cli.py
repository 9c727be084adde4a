import codecs
import contextlib
import gc
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from dashboard_corpora import write_linked_corpus
from qawl_paths import BUNDLED, ROOT

from qawl import articles, cli, corrections, export, frames

ARTICLE = "قال الوزير إن التعاون مهم.\nوأضاف أن الاقتصاد ينمو.\n"  # the minister said cooperation matters ...
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(30)

BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("image.txt", PNG, "not text: a PNG image"),
    ("garbage.txt", bytes(range(0x80, 0x100)) * 8, "undecodable bytes"),
    ("broken.txt", ARTICLE.encode()[:9] + b"\xff" + ARTICLE.encode()[9:], "invalid UTF-8 at byte 9"),
    ("notext.csv", "id,body\n1,مرحبا\n".encode(), "no 'text' column; columns: id, body"),
    ("notes.docx", b"PK\x03\x04", "not a .txt, .csv or .jsonl file"),
]


def run(capsys, *args):
    code = cli.main(["frames", *map(str, args)])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if "analysed" not in line]


def frame(out, name):
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_file_alone_stops_with_one_line_and_exit_2(tmp_path, capsys, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    code, lines = run(capsys, path, "--out", tmp_path / "out")
    assert code == cli.FAILED
    assert len(lines) == 1
    assert lines[0].startswith(f"qawl: error: {path}: skipped (") and reason in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_file_in_a_batch_is_named_and_the_good_ones_kept(tmp_path, capsys, name, data, reason):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    code, lines = run(capsys, tmp_path / "good.txt", tmp_path / name, "--out", tmp_path / "out")
    assert code == cli.SKIPPED
    warnings = [line for line in lines if line.startswith("qawl: warning: ")]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"qawl: warning: {tmp_path / name}: skipped (") and reason in warnings[0]
    assert frame(tmp_path / "out", "documents")["doc_id"].tolist() == ["good"]


def test_missing_path(tmp_path, capsys):
    code, lines = run(capsys, tmp_path / "nope", "--out", tmp_path / "out")
    assert (code, lines) == (cli.FAILED, [f"qawl: error: {tmp_path / 'nope'}: skipped (no such file or folder)"])
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    code, lines = run(capsys, tmp_path / "nope", tmp_path / "good.txt", "--out", tmp_path / "out")
    assert code == cli.SKIPPED
    assert f"qawl: warning: {tmp_path / 'nope'}: skipped (no such file or folder)" in lines


def test_nothing_readable_names_every_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(PNG)
    code, lines = run(capsys, tmp_path, "--out", tmp_path / "out")
    assert code == cli.FAILED
    assert lines == [
        f"qawl: warning: {tmp_path / 'a.txt'}: skipped (empty file)",
        f"qawl: warning: {tmp_path / 'b.txt'}: skipped (not text: a PNG image)",
        "qawl: error: nothing to analyse: every input was skipped",
    ]


ENCODINGS = [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("cp1256", b""),
]


def test_every_encoding_reads_alike_with_exit_0(tmp_path, capsys):
    for i, (codec, bom) in enumerate(ENCODINGS):
        (tmp_path / f"{i}-{codec}.txt").write_bytes(bom + ARTICLE.encode(codec))
    code, lines = run(capsys, tmp_path, "--out", tmp_path / "out")
    assert code == cli.OK
    assert not any(line.startswith("qawl: warning") for line in lines)
    sentences = frame(tmp_path / "out", "sentences")
    firsts = sentences[sentences["sentence_id"] == 1]["text"].tolist()
    assert firsts == [ARTICLE.splitlines()[0]] * len(ENCODINGS)  # no BOM left in the first sentence


def test_jsonl_with_a_malformed_line(tmp_path, capsys):
    lines = [json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False), '{"id": "b", "text": "قال',
             json.dumps({"id": "c", "text": ARTICLE}, ensure_ascii=False)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, err = run(capsys, path, "--out", tmp_path / "out")
    assert code == cli.SKIPPED
    assert next(e for e in err if "warning" in e).startswith(f"qawl: warning: {path}: line 2 skipped (not JSON: ")
    assert frame(tmp_path / "out", "documents")["doc_id"].tolist() == ["a", "c"]


def test_html_markup_is_kept_as_text(tmp_path, capsys):
    article = '<p>قال الوزير إن <b>التعاون</b> مهم.</p>\n<script>alert("x")</script><img src=x onerror=alert(1)>\n'
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    code, _ = run(capsys, tmp_path / "a.txt", "--out", tmp_path / "out")
    assert code == cli.OK
    assert frame(tmp_path / "out", "sentences")["text"].tolist() == [line for line in article.splitlines() if line]


def test_the_corpus_corrections_are_applied_to_what_is_written(tmp_path, capsys):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "article.txt").write_bytes((BUNDLED / "xinhua_xi_tokayev_call.txt").read_bytes())
    code, _ = run(capsys, corpus, "--out", tmp_path / "before")
    before = frame(tmp_path / "before", "sentences")
    assert code == cli.OK and not before["speaker_corrected"].any()
    speaker = before[before["speaker"] != ""]["speaker"].value_counts().index[0]
    (corpus / corrections.FILE_NAME).write_text(
        f"action,speaker,new_speaker,mention,doc_id,sentence_id,note\nrename,{speaker},Corrected Name,,,,\n"
        "rename,,,,,,\n", encoding="utf-8")  # a second row the file cannot use
    code, lines = run(capsys, corpus, "--out", tmp_path / "after")
    after = frame(tmp_path / "after", "sentences")
    renamed = (before["speaker"] == speaker).to_numpy()
    assert (after["speaker"][renamed] == "Corrected Name").all()
    assert after["speaker_corrected"].tolist() == list(renamed)
    assert (after["speaker"][~renamed] == before["speaker"][~renamed]).all()
    assert speaker not in set(frame(tmp_path / "after", "speakers")["speaker"])
    assert code == cli.SKIPPED  # the unusable row is named
    assert any(line.startswith("qawl: warning: ") and "line 3: rename needs speaker and new_speaker" in line
               for line in lines)
    assert any(f"applied 1 correction, {renamed.sum()} sentences with a new speaker" in line for line in lines)


@pytest.mark.parametrize("corrected", [False, True], ids=["as built", "corrected"])
def test_every_file_holds_the_finished_frame_though_written_as_soon_as_complete(tmp_path, capsys, monkeypatch,
                                                                               corrected):
    # The command writes each frame the corrections leave alone while the build assembles the others (with two
    # worker processes here): each file is what writing the finished frame gives.
    monkeypatch.setattr(articles, "_PARALLEL_CHARS", 0)
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "article.txt").write_bytes((BUNDLED / "xinhua_xi_tokayev_call.txt").read_bytes())
    (corpus / "other.txt").write_text(ARTICLE, encoding="utf-8")
    if corrected:
        (corpus / corrections.FILE_NAME).write_text("action,speaker,new_speaker\nrename,الوزير,Someone\n",
                                                    encoding="utf-8")
    code, _ = run(capsys, corpus, "--out", tmp_path / "out")
    built, _ = corrections.apply(frames.build_paths([corpus], workers=1),
                                 corrections.read(corrections.location([str(corpus)])))
    assert code == cli.OK and built.sentences["speaker_corrected"].any() == corrected
    for name, frame in built.items():
        export.write_csv(frame, tmp_path / f"{name}.csv")
        assert (tmp_path / "out" / f"{name}.csv").read_bytes() == (tmp_path / f"{name}.csv").read_bytes(), name


def test_a_build_gives_its_caller_the_cycle_collector_back(tmp_path, capsys, monkeypatch):
    # The build freezes what it loaded before its workers fork and pauses the collector while it builds: a caller
    # in the same process (the app, these tests) gets both back, after a build as after one that failed.
    monkeypatch.setattr(articles, "_PARALLEL_CHARS", 0)  # two workers for two articles
    corpus, bad = tmp_path / "news", tmp_path / "bad"
    corpus.mkdir()
    bad.mkdir()
    for k in range(2):
        (corpus / f"article{k}.txt").write_text(ARTICLE, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    assert run(capsys, corpus, "--out", tmp_path / "out")[0] == cli.OK
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert run(capsys, bad, "--out", tmp_path / "out2")[0] == cli.FAILED
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_parquet_dataset_holds_the_frames_as_built_and_says_so(tmp_path, capsys):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / corrections.FILE_NAME).write_text("action,speaker,new_speaker\nrename,الوزير,Someone\n", encoding="utf-8")
    code, lines = run(capsys, corpus, "--out", tmp_path / "dataset", "--format", "parquet")
    assert code == cli.OK
    assert any("corrections not applied to a Parquet dataset" in line for line in lines)


def test_output_that_cannot_be_written(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    code, lines = run(capsys, tmp_path / "a.txt", "--out", tmp_path / "file")
    assert (code, len(lines)) == (cli.FAILED, 1)
    assert lines[0].startswith(f"qawl: error: {tmp_path / 'file'}: cannot write frames")


def test_an_unexpected_error_is_one_line_unless_debugging(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def broken(*_, **__):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(frames, "build_analysis", broken)
    monkeypatch.delenv(cli.DEBUG_VAR, raising=False)
    code, lines = run(capsys, tmp_path / "a.txt", "--out", tmp_path / "out")
    assert code == cli.FAILED
    assert lines == [f"qawl: error: unexpected RuntimeError: boom second line (rerun with {cli.DEBUG_VAR}=1 "
                     "for the traceback)"]
    monkeypatch.setenv(cli.DEBUG_VAR, "1")
    with pytest.raises(RuntimeError):
        cli.main(["frames", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])


# the minister said economic cooperation between the two countries matters very much, and added ...
WORDS = ["قال", "الوزير", "إن", "التعاون", "الاقتصادي", "بين", "البلدين", "مهم", "جدا", "وأضاف", "أن", "الحكومة",
         "ستعمل", "على", "تعزيز", "العلاقات"]


def one_line(size: int, extra: list[str], seed: int = 5) -> str:
    pick = random.Random(seed).choice
    out, n = [], 0
    while n < size:
        word = pick(WORDS + extra)
        out.append(word)
        n += len(word.encode()) + 1
    return " ".join(out)


# Linear code reads these in a few seconds; a quadratic step or a backtracking regex takes many minutes.
# The limits are generous on purpose: they catch blow-ups, they do not measure speed (bench/ does).
LONG_LINES = [
    pytest.param(lambda: one_line(3_000_000, []), 90, id="3MB-no-punctuation"),
    pytest.param(lambda: one_line(1_500_000, [".", "د.", "،"]), 60, id="1.5MB-full-stops-and-abbreviations"),
    pytest.param(lambda: one_line(1_500_000, ['"', "«", "»"]), 60, id="1.5MB-many-quotations"),
    pytest.param(lambda: "«" + one_line(1_500_000, ["."]), 60, id="1.5MB-unclosed-quotation"),
    pytest.param(lambda: "قال " + "." * 150_000, 60, id="150k-full-stops-in-a-row"),
    pytest.param(lambda: "قال " + "«»" * 75_000, 60, id="150k-empty-quotations"),
]


@pytest.mark.parametrize(("make", "seconds"), LONG_LINES)
def test_long_line_finishes_in_seconds(tmp_path, make, seconds):
    path = tmp_path / "long.txt"
    text = make()
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-m", "qawl", "frames", str(path), "--out", str(tmp_path / "out")],
                              capture_output=True, text=True, timeout=seconds, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{len(text):,} characters on one line took more than {seconds} s (a regex or quadratic blow-up)")
    assert done.returncode == cli.OK, done.stderr
    assert "Traceback" not in done.stderr


def test_a_symlink_loop_ends_and_is_named(tmp_path):
    """A corpus holding a -> . and up -> .. ends (once hung at 100% CPU), reads its linked folder and names the
    links it skipped."""
    folder = write_linked_corpus(tmp_path, up=True)
    result = subprocess.run([sys.executable, "-m", "qawl", "frames", str(folder), "--out", str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == cli.SKIPPED, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("qawl: warning: ")]
    assert warnings == [
        f"qawl: warning: {folder / 'a'}: skipped (leads to a folder read already: {folder})",
        f"qawl: warning: {folder / 'linked-again'}: skipped (leads to a folder read already: {tmp_path / 'elsewhere'})",
        f"qawl: warning: {folder / 'up' / 'corpus'}: skipped (leads to a folder read already: {folder})",
        f"qawl: warning: {folder / 'up' / 'elsewhere'}: skipped (leads to a folder read already: "
        f"{tmp_path / 'elsewhere'})",
    ]
    assert sorted(frame(tmp_path / "out", "documents")["doc_id"]) == ["e1", "e2", "own"]


def _children(pid: int) -> list[int]:
    """Return the pids of the live processes whose parent is pid (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    """Return whether pid runs (a zombie waiting for its reaper does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif(articles.workers_for(10**8, 2) < 2, reason="needs two usable cores for the workers")
def test_workers_die_with_a_killed_build_and_its_output_ends(tmp_path):
    """SIGKILL the build while its workers analyse: they go too (they once lived on, 200 MB each, and kept its
    output open, so a caller reading it waited forever)."""
    article = next(BUNDLED.glob("*.txt")).read_bytes()
    for i in range(2 * articles._PARALLEL_CHARS // len(article) + 200):  # past the size that starts workers
        (tmp_path / f"a{i}.txt").write_bytes(article)
    build = subprocess.Popen([sys.executable, "-m", "qawl", "frames", str(tmp_path), "--out", str(tmp_path / "out")],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    progress: queue.Queue[str] = queue.Queue()
    readers = [threading.Thread(target=lambda: [progress.put(line) for line in build.stderr], daemon=True),
               threading.Thread(target=build.stdout.read, daemon=True)]  # each ends at its stream's end
    for reader in readers:
        reader.start()
    workers: list[int] = []
    try:
        assert "analysed" in progress.get(timeout=120)  # the workers are at work
        workers = _children(build.pid)
        assert len(workers) >= 2
        build.kill()
        build.wait()
        for reader in readers:
            reader.join(timeout=10)
        assert not any(reader.is_alive() for reader in readers), "the build's output stayed open"
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "workers outlived the build"
    finally:
        for pid in [build.pid, *workers]:  # only what this test started
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_dates_are_read_one_way_and_the_unread_ones_named(tmp_path, capsys):
    """01/02/2015 was read month first beside 13/02/2015 read day first; 31/02/2015, a Hijri date and a repeated id
    were dropped without a word."""
    for stem in "abcde":
        (tmp_path / f"{stem}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("id,date\na,01/02/2015\nb,13/02/2015\nc,31/02/2015\nd,25 شوال 1436 هـ\n"
                                           "e,yesterday\na,05/05/2015\n", encoding="utf-8")
    code, lines = run(capsys, tmp_path, "--out", tmp_path / "out")
    assert code == cli.SKIPPED
    assert [line for line in lines if line.startswith("qawl: warning: ")] == [
        f"qawl: warning: {tmp_path / 'metadata.csv'}: row 7 skipped (id a is row 2's already)",
        "qawl: warning: c: date '31/02/2015' not understood (no such date: day is out of range for month), left empty",
        "qawl: warning: e: date 'yesterday' not understood (no year), left empty",
    ]
    documents = frame(tmp_path / "out", "documents")
    assert dict(zip(documents["doc_id"], documents["date"].str[:10], strict=True)) == {
        "a": "2015-02-01", "b": "2015-02-13", "c": "", "d": "2015-08-10", "e": ""}
