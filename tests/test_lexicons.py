"""The lexicons of data/ are valid data, one object per data folder, and mechanisms run on a small one."""

from __future__ import annotations

import csv
import re
import shutil
import time
from collections import Counter

import pytest
from qawl_paths import ROOT

from qawl import cues, lexicons, speech
from qawl.lexicons import Lexicons
from qawl.normalize import normalize

LEX = lexicons.current()
DATA = ROOT / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_grammar_words_are_normalized_and_listed_once_per_class():
    pairs = [(r["word"], r["class"]) for r in rows("grammar.csv")]
    assert all(normalize(word) == word for word, _ in pairs), [w for w, _ in pairs if normalize(w) != w]
    assert [p for p, n in Counter(pairs).items() if n > 1] == []


def test_every_word_class_the_code_reads_is_in_the_data():
    used = set()
    for path in (ROOT / "qawl").glob("*.py"):
        used |= set(re.findall(r"lex\.w\.([a-z_]+)", path.read_text(encoding="utf-8")))
    assert used and used <= set(LEX.classes), used - set(LEX.classes)


def test_cues_are_normalized_once_each_and_never_spelled_like_a_particle():
    stems = [r["stem"] for r in rows("cues.csv")]
    assert all(normalize(s) == s for s in stems) and len(stems) == len(set(stems))
    particles = LEX.w.function_word | LEX.w.phrase_end | LEX.w.preposition | LEX.w.that | LEX.w.what
    allowed = LEX.w.ambiguous_cue | LEX.w.clause_head_cue  # spellings shared on purpose, used at a clause head only
    clashes = {form for form in cues.of(LEX).forms if form in particles and form not in allowed}
    assert clashes == set()


def test_gazetteer_titles_and_given_names_are_well_formed():
    assert {r["kind"] for r in rows("gazetteer.csv")} <= {"country", "place", "organization", "media"}
    assert [k for k, n in Counter((r["entity"], r["variant"]) for r in rows("gazetteer.csv")).items() if n > 1] == []
    assert {r["kind"] for r in rows("titles.csv")} <= {"role", "honorific", "qualifier"}
    given = [(normalize(r["name"]), r["gender"]) for r in rows("given_names.csv")]
    assert {g for _, g in given} <= {"m", "f", ""}
    assert [n for n, k in Counter(n for n, _ in given).items() if k > 1] == []


def test_a_mechanism_runs_on_a_small_lexicon():
    small = Lexicons(grammar=(("ان", "that"),), cues=(("قال", "", "قول", "", ""),), titles=(("الوزير", "role"),))
    found = speech.find(small, "وقال الوزير إن الوضع مستقر.")
    assert (found.kind, found.mention) == ("explicit", "الوزير")
    assert speech.find(small, "وأكد الوزير أن الوضع مستقر.") is None  # أكد is no cue of this lexicon


def test_an_edited_data_file_gives_new_lexicons(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("corpus"))
    monkeypatch.setattr(lexicons, "_RECHECK_SECONDS", 0.0)
    before = lexicons.load(folder)
    assert lexicons.load(folder) is before  # unchanged files: the same object, its memos kept
    time.sleep(0.01)
    with (folder / "cues.csv").open("a", encoding="utf-8") as f:
        f.write("استطلع,,,,\n")
    after = lexicons.load(folder)
    assert after is not before and after.digest != before.digest
    assert "استطلع" in cues.of(after).verbs and "استطلع" not in cues.of(before).verbs


@pytest.mark.parametrize("name", lexicons.LEXICON_FILES)
def test_every_lexicon_file_is_there(name):
    assert (DATA / name).is_file()
