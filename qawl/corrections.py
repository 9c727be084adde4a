"""Speaker corrections a researcher makes by hand, kept in a plain CSV file and applied to built frames.

The file (FILE_NAME beside a folder corpus, else in the cache folder) holds one rule per row, applied in file
order every time the corpus is opened or rebuilt (the frames in the cache stay as built):

    action,speaker,new_speaker,mention,doc_id,sentence_id,note
    rename,غوتيريس,أنطونيو غوتيريش,,,,spelling
    split,رجب طيب أردوغان,إبراهيم كالن,المتحدث باسم إردوغان,,,the spokesman is not the president
    set,,نتنياهو,,BB-1006,4,
    clear,,,,BB-1006,7,a headline

- `rename` (or `merge`): every sentence of `speaker` goes to `new_speaker`; an existing name merges the two.
- `split`: the sentences of `speaker` whose `speaker_mention` is `mention` (spelling unified) go to
  `new_speaker`: undoes a wrong merge.
- `set`: the sentence (`doc_id`, `sentence_id`) gets `new_speaker` (empty: nobody); `clear`: nobody.

Lines starting with `#` are comments, unknown columns and their values are the user's and stay; a row that
cannot be used is reported (`Rules.problems`), never fatal. Writing appends a row (or removes one) and replaces
the file atomically, every other line kept byte for byte.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from qawl import spread
from qawl.frames import Frames, speaker_rows
from qawl.normalize import normalize

FILE_NAME = "qawl_corrections.csv"  # the corpus reader skips this name in a corpus folder
UNCORRECTED = ("documents", "themes", "tokens")  # the frames apply() returns as built
COLUMNS = ("action", "speaker", "new_speaker", "mention", "doc_id", "sentence_id", "note")
ACTIONS = ("rename", "merge", "split", "set", "clear")
HEADER_COMMENT = (
    "# Qawl speaker corrections: one rule per row, applied in file order every time the corpus opens.\n"
    "# rename/merge: speaker -> new_speaker (an existing name merges). split: the speaker's sentences whose\n"
    "# speaker_mention is mention -> new_speaker. set: sentence doc_id + sentence_id -> new_speaker (empty:\n"
    "# nobody). clear: nobody speaks in sentence doc_id + sentence_id. Lines starting with # are comments.\n"
)
SUBFOLDER = "corrections"  # in the cache folder, for uploads and corpora whose folder cannot be written


class CorrectionsError(OSError):
    """The corrections file cannot be written (read-only folder, disk full): the message says why."""


@dataclass(frozen=True)
class Rule:
    """One correction: an action and the fields it needs (line: where it is in the file, 0 when new)."""

    action: str
    speaker: str = ""
    new_speaker: str = ""
    mention: str = ""
    doc_id: str = ""
    sentence_id: int = 0
    note: str = ""
    line: int = 0

    def values(self) -> dict[str, str]:
        """Return the rule's cells by column name, as the file holds them."""
        return {"action": self.action, "speaker": self.speaker, "new_speaker": self.new_speaker,
                "mention": self.mention, "doc_id": self.doc_id,
                "sentence_id": str(self.sentence_id) if self.sentence_id else "", "note": self.note}


@dataclass(frozen=True)
class Rules:
    """The usable rules of a corrections file, in file order, and what was wrong with the other rows."""

    rules: tuple[Rule, ...] = ()
    problems: tuple[str, ...] = ()
    path: Path | None = None
    digest: str = field(default="", compare=False)  # of the file's bytes: part of a cache key of corrected frames


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of each CSV record of text, comment and blank lines left out."""
    current = 0

    def lines() -> Iterator[str]:
        nonlocal current
        for number, line in enumerate(text.splitlines(keepends=True), start=1):
            current = number
            if line.strip() and not line.lstrip().startswith("#"):
                yield line

    for cells in csv.reader(lines()):
        yield current, cells


def _rule(line: int, row: dict[str, str]) -> tuple[Rule | None, str]:
    """Return the rule of one row, or None and what is wrong with it."""
    action = row.get("action", "").strip().lower()
    get = {c: row.get(c, "").strip() for c in COLUMNS}
    if action not in ACTIONS:
        return None, f"line {line}: unknown action “{get['action']}” (one of {', '.join(ACTIONS)})"
    if action in ("rename", "merge"):
        if not (get["speaker"] and get["new_speaker"]):
            return None, f"line {line}: {action} needs speaker and new_speaker"
        return Rule("rename", get["speaker"], get["new_speaker"], note=get["note"], line=line), ""
    if action == "split":
        if not (get["speaker"] and get["mention"] and get["new_speaker"]):
            return None, f"line {line}: split needs speaker, mention and new_speaker"
        return Rule("split", get["speaker"], get["new_speaker"], get["mention"], note=get["note"], line=line), ""
    try:
        sentence_id = int(get["sentence_id"])
    except ValueError:
        sentence_id = 0
    if not get["doc_id"] or sentence_id < 1:
        return None, f"line {line}: {action} needs doc_id and a sentence_id (1, 2, 3 …)"
    new = get["new_speaker"] if action == "set" else ""
    return Rule("set", "", new, doc_id=get["doc_id"], sentence_id=sentence_id, note=get["note"], line=line), ""


def parse(text: str, path: Path | None = None) -> Rules:
    """Return the rules of a corrections file's text (its first record is the header) and its problems."""
    records = _records(text.removeprefix("\ufeff"))
    header = next(records, None)
    if header is None:
        return Rules(path=path, digest=_digest(text))
    columns = [c.strip().lower() for c in header[1]]
    if "action" not in columns:
        return Rules(problems=(f"line {header[0]}: no 'action' column in the header",), path=path,
                     digest=_digest(text))
    rules, problems = [], []
    for line, cells in records:
        rule, problem = _rule(line, dict(zip(columns, cells, strict=False)))
        if rule is None:
            problems.append(problem)
        else:
            rules.append(rule)
    return Rules(tuple(rules), tuple(problems), path, _digest(text))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read(path: Path) -> Rules:
    """Return the rules of a corrections file (none when it does not exist; unreadable: one problem)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return Rules(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return Rules(problems=(f"{path.name}: could not be read ({exc})",), path=path)
    return parse(text, path)


def location(paths: Sequence[str | Path] = (), digest: str = "", cache_dir: str | Path | None = None) -> Path:
    """Return where a corpus's corrections live: FILE_NAME in a folder corpus whose folder can be written (or that
    has one already), else in the cache folder, keyed by the upload's digest or the corpus paths."""
    from qawl import cache  # the cache imports the build; a page asking for a path needs neither before this

    store = cache.folder(cache_dir) / SUBFOLDER
    if digest:
        return store / f"upload-{digest[:32]}.csv"
    if len(paths) == 1 and Path(paths[0]).is_dir():
        beside = Path(paths[0]) / FILE_NAME
        if beside.exists() or os.access(paths[0], os.W_OK):
            return beside
    where = "\n".join(os.path.abspath(p) for p in paths)
    return store / f"{hashlib.sha256(where.encode()).hexdigest()[:32]}.csv"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside path while one writer reads and replaces it (two sessions at once)."""
    lock = path.parent / f".{path.name}.lock"
    with open(lock, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _replace(path: Path, data: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}-", delete=False) as f:
        f.write(data)
    with contextlib.suppress(OSError):
        os.chmod(f.name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    os.replace(f.name, path)


def _edit(path: Path, change: Callable[[str], str]) -> None:
    """Rewrite path as change(old text) under the lock, atomically; CorrectionsError when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path):
            try:
                old = path.read_bytes().decode("utf-8-sig")
            except FileNotFoundError:
                old = ""
            _replace(path, ("\ufeff" + change(old)).encode("utf-8"))  # BOM: spreadsheets open Arabic right
    except OSError as exc:
        raise CorrectionsError(f"{path} cannot be written ({exc.strerror or exc})") from exc


def append(path: Path, rule: Rule) -> None:
    """Add a rule at the end of the corrections file (made with its header when missing), keeping every line."""

    def change(old: str) -> str:
        if not next(_records(old), None):
            old = old + ("" if not old or old.endswith("\n") else "\n") + HEADER_COMMENT + ",".join(COLUMNS) + "\n"
        columns = [c.strip().lower() for c in next(_records(old))[1]]
        newline = "\r\n" if "\r\n" in old else "\n"
        row = io.StringIO()
        csv.writer(row, lineterminator=newline).writerow([rule.values().get(c, "") for c in columns])
        return old + ("" if old.endswith(("\n", "\r")) else newline) + row.getvalue()

    _edit(path, change)


def remove(path: Path, line: int) -> None:
    """Remove the rule that starts at a line of the corrections file (undo), keeping every other line."""

    def change(old: str) -> str:
        lines = old.splitlines(keepends=True)
        if not 1 <= line <= len(lines) or lines[line - 1].lstrip().startswith("#"):
            return old
        return "".join(lines[: line - 1] + lines[line:])

    _edit(path, change)


def table(rules: Iterable[Rule]) -> pd.DataFrame:
    """Return the rules as a small frame in file order (step = 1, 2 …), for a SQL store to apply one by one."""
    rows = [{"step": i, **rule.values(), "sentence_id": rule.sentence_id} for i, rule in enumerate(rules, 1)]
    return pd.DataFrame(rows, columns=["step", *COLUMNS])


def touched(rules: Iterable[Rule]) -> tuple[set[str], set[tuple[str, int]]]:
    """Return (speakers, (doc_id, sentence_id) pairs) whose sentences are the only ones the rules can change:
    a SQL store fetches those rows, runs final_speakers on them and joins back the overrides."""
    speakers, sentences = set(), set()
    for rule in rules:
        if rule.action == "set":
            sentences.add((rule.doc_id, rule.sentence_id))
        else:
            speakers.add(rule.speaker)
    return speakers, sentences


def final_speakers(sentences: pd.DataFrame, rules: Iterable[Rule]) -> tuple[np.ndarray, list[str]]:
    """Return the speaker of each sentence once the rules are applied in order (sentences: doc_id, sentence_id,
    speaker, speaker_mention), and a note for each rule that matched no sentence."""
    speaker = sentences["speaker"].astype(str).to_numpy(dtype=object).copy()
    mentions: np.ndarray | None = None
    index: pd.MultiIndex | None = None
    unused = []
    for rule in rules:
        if rule.action == "set":
            if index is None:
                index = pd.MultiIndex.from_arrays([sentences["doc_id"].astype(str).to_numpy(),
                                                   sentences["sentence_id"].to_numpy(dtype=np.int64)])
            at = index.get_indexer([(rule.doc_id, rule.sentence_id)])
            chosen = at[at >= 0]
        else:
            mine = speaker == rule.speaker
            if rule.action == "split":
                if mentions is None:
                    mentions = sentences["speaker_mention"].astype(str).map(normalize).to_numpy(dtype=object)
                mine &= mentions == normalize(rule.mention)
            chosen = np.flatnonzero(mine)
        if not len(chosen):
            unused.append(f"line {rule.line}: {_describe(rule)} matched no sentence" if rule.line
                          else f"{_describe(rule)} matched no sentence")
        speaker[chosen] = rule.new_speaker
    return speaker, unused


def _describe(rule: Rule) -> str:
    if rule.action == "set":
        return f"{rule.action} {rule.doc_id} §{rule.sentence_id}"
    if rule.action == "split":
        return f"split {rule.speaker} / {rule.mention}"
    return f"rename {rule.speaker}"


def overrides(sentences: pd.DataFrame, rules: Iterable[Rule]) -> pd.DataFrame:
    """Return (doc_id, sentence_id, speaker) of the sentences whose speaker the rules change."""
    speaker, _ = final_speakers(sentences, rules)
    changed = speaker != sentences["speaker"].astype(str).to_numpy(dtype=object)
    return pd.DataFrame({"doc_id": sentences["doc_id"].astype(str).to_numpy()[changed],
                         "sentence_id": sentences["sentence_id"].to_numpy()[changed],
                         "speaker": speaker[changed]})


def renames(rules: Iterable[Rule]) -> dict[str, str]:
    """Return old name -> final name for the renames (chains followed: A→B then B→C gives A→C and B→C)."""
    out: dict[str, str] = {}
    for rule in rules:
        if rule.action == "rename":
            for old, new in out.items():
                if new == rule.speaker:
                    out[old] = rule.new_speaker
            out[rule.speaker] = rule.new_speaker
    return {old: new for old, new in out.items() if old != new}


def _aliases(speakers: pd.DataFrame, rules: Sequence[Rule]) -> pd.Series:
    """Return speaker -> aliases ("a | b") after the rules: a renamed speaker's aliases (and old name) go with it,
    a split-off speaker is known by its mention."""
    found: dict[str, list[str]] = {}
    for name, aliases in zip(speakers["speaker"].astype(str), speakers["aliases"].astype(str), strict=True):
        found.setdefault(name, []).extend(a for a in aliases.split(" | ") if a)
    for rule in rules:
        if rule.action == "rename":
            moved = [rule.speaker, *found.pop(rule.speaker, [])]
            found.setdefault(rule.new_speaker, []).extend(moved)
        elif rule.action == "split":
            found.setdefault(rule.new_speaker, []).append(rule.mention)
    return pd.Series({name: " | ".join(dict.fromkeys(a for a in aliases if a != name))
                      for name, aliases in found.items()}, dtype="str")


def speaker_traits(speakers: pd.DataFrame, names: Iterable[str], rules: Sequence[Rule]) -> pd.DataFrame:
    """Return aliases, kind and gender of each of names (the index) once the rules are applied to the speakers frame:
    a name's own row, else the row of the name it took over (kind, gender); a missing trait is NaN. A SQL store
    joins this small table to its recounted speakers."""
    source = {new: old for old, new in renames(rules).items()}
    known = speakers.drop_duplicates("speaker").set_index("speaker")
    names = list(names)
    traits = known.reindex([n if n in known.index else source.get(n, n) for n in names]).reindex(
        columns=["kind", "gender"])
    traits.index = pd.Index(names, dtype="str")
    return traits.assign(aliases=_aliases(speakers, rules).reindex(traits.index)).reindex(
        columns=["aliases", "kind", "gender"])


def corrected_traits(built: pd.Series, speaker: np.ndarray, corrected: np.ndarray, known: np.ndarray) -> pd.Series:
    """Return a sentence trait (speaker_kind or speaker_gender) once speakers are corrected: "" where nobody speaks
    any more, the new speaker's trait (known: per sentence, NaN where the speakers frame has none) where the
    sentence changed speaker, the built one elsewhere and where the new speaker's is unknown (a name the rules
    made up keeps what the sentence says of its speaker: قالت is a woman whoever she is)."""
    own = built.astype(str).to_numpy(dtype=object)
    known = np.where(pd.isna(known), own, known)
    return pd.Series(np.where(corrected, np.where(speaker == "", "", known), own), index=built.index, dtype=built.dtype)


def apply(frames: Frames, rules: Rules | Sequence[Rule]) -> tuple[Frames, list[str]]:
    """Return the frames with the corrections applied (sentences.speaker and the new boolean speaker_corrected,
    the speakers recounted with their aliases kept, mentions.speaker) and a note for each rule that did nothing."""
    listed = list(rules.rules if isinstance(rules, Rules) else rules)
    sentences, corrected, unused = corrected_sentences(frames.sentences, listed)
    out = replace(frames, sentences=sentences)
    if corrected.any():
        codes, names = pd.factorize(sentences["speaker"].astype(str))
        traits = speaker_traits(frames.speakers, names, listed)
        for column, trait in (("speaker_kind", "kind"), ("speaker_gender", "gender")):
            if column in sentences:
                sentences[column] = corrected_traits(sentences[column], sentences["speaker"].to_numpy(dtype=object),
                                                     corrected, traits[trait].to_numpy(dtype=object)[codes])
        out.speakers = speaker_rows(codes.astype(np.int32), np.asarray(names, dtype=object),
                                    pd.factorize(sentences["doc_id"])[0], sentences["quote"],
                                    np.ones(len(sentences), dtype=bool), traits["aliases"], traits)
        out.mentions = _mentions(frames.mentions, sentences, renames(listed))
        out.repeats = frames.repeats.assign(speaker=speakers_of(frames.repeats, sentences))
        out.statements = spread.restated(frames.statements, out.repeats)
    return out, unused


def corrected_sentences(s: pd.DataFrame, rules: Sequence[Rule]) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """Return the sentences frame with the rules' speakers and the boolean speaker_corrected (apply's), which
    sentences changed speaker, and a note for each rule that did nothing."""
    speaker, unused = final_speakers(s, rules)
    corrected = speaker != s["speaker"].astype(str).to_numpy(dtype=object)
    return (s.assign(speaker=pd.Series(speaker, index=s.index, dtype="str"), speaker_corrected=corrected), corrected,
            unused)


def corrected_mentions(mentions: pd.DataFrame, sentences: pd.DataFrame, rules: Sequence[Rule]) -> pd.DataFrame:
    """Return mentions rows with the speaker of their sentence (sentences: doc_id, sentence_id, corrected speaker;
    a row whose sentence is not among them keeps its own) and renamed people renamed: what apply gives a SQL store's
    rows, batch by batch."""
    return _mentions(mentions, sentences, renames(rules))


def _mentions(mentions: pd.DataFrame, sentences: pd.DataFrame, renamed: dict[str, str]) -> pd.DataFrame:
    """Return mentions with the corrected speaker of their sentence, and renamed people's mentions renamed."""
    if mentions.empty:
        return mentions
    out = mentions.assign(speaker=speakers_of(mentions, sentences))
    if renamed:
        person = (out["kind"] == "person").to_numpy()
        entity = out["entity"].astype(str)
        out["entity"] = entity.where(~person, entity.map(lambda e: renamed.get(e, e))).astype("str")
    return out


def speakers_of(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Return the speaker of the sentence of each (doc_id, sentence_id) row (mentions, repeats), the row's own
    speaker where no sentence has its keys."""
    index = pd.MultiIndex.from_arrays([sentences["doc_id"].astype(str), sentences["sentence_id"].astype(np.int64)])
    at = index.get_indexer(pd.MultiIndex.from_arrays([rows["doc_id"].astype(str),
                                                      rows["sentence_id"].astype(np.int64)]))
    speaker = sentences["speaker"].astype(str).to_numpy(dtype=object)
    return pd.Series(np.where(at >= 0, speaker[at], rows["speaker"].astype(str)), index=rows.index, dtype="str")
