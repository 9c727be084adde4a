"""The editable lexicons in data/: themes, gazetteer, term aliases, titles; and their content hash."""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qawl.normalize import presentation_forms

DATA_DIR = Path(os.environ.get("QAWL_DATA", Path(__file__).resolve().parent.parent / "data"))
LEXICON_FILES = ("themes.csv", "gazetteer.csv", "term_aliases.csv", "titles.csv")


def _rows(name: str, data_dir: Path) -> list[dict[str, str]]:
    path = data_dir / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        # Presentation forms (a term pasted from a PDF) would never match the corpus, which has none.
        return [{k: presentation_forms((v or "").strip()) for k, v in row.items() if k} for row in csv.DictReader(f)]


@dataclass(frozen=True)
class Lexicons:
    """Rows of every lexicon file, as read from one data folder."""

    themes: tuple[tuple[str, str], ...]  # (theme, term)
    gazetteer: tuple[tuple[str, str, str], ...]  # (entity, kind, variant)
    term_aliases: tuple[tuple[str, str], ...]  # (variant, canonical)
    titles: tuple[tuple[str, str], ...]  # (title, kind)
    digest: str


@cache
def load(data_dir: Path = DATA_DIR) -> Lexicons:
    """Return the lexicons of data_dir (cached per folder)."""
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        path = data_dir / name
        digest.update(name.encode() + (path.read_bytes() if path.is_file() else b""))
    return Lexicons(
        themes=tuple((r["theme"], r["term"]) for r in _rows("themes.csv", data_dir) if r.get("term")),
        gazetteer=tuple(
            (r["entity"], r.get("kind", ""), r["variant"]) for r in _rows("gazetteer.csv", data_dir) if r.get("variant")
        ),
        term_aliases=tuple(
            (r["variant"], r["canonical"]) for r in _rows("term_aliases.csv", data_dir) if r.get("canonical")
        ),
        titles=tuple((r["title"], r.get("kind", "")) for r in _rows("titles.csv", data_dir) if r.get("title")),
        digest=digest.hexdigest()[:16],
    )
