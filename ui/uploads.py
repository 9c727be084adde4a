"""The sidebar upload: several .txt, .csv/.jsonl with a text column, a .zip of .txt — kept for the session."""

from __future__ import annotations

import hashlib

import streamlit as st

from qawl import uploads
from qawl.corpus import CorpusError, Document
from ui.corpus import Source

WIDGET_KEY = "corpus_upload"
_STORE = "qawl_uploads"
_MESSAGES = "qawl_upload_messages"


def sources() -> list[Source]:
    """Return the corpora uploaded in this session, oldest first."""
    return list(st.session_state.get(_STORE, {}).values())


def read(files: list[tuple[str, bytes]]) -> tuple[list[Document], list[str]]:
    """Return (documents, messages) for uploaded (name, bytes) pairs; the good files survive the bad ones."""
    messages: list[str] = []
    try:
        docs = uploads.read_uploads(files, warn=messages.append)
    except CorpusError as exc:
        return [], [*messages, str(exc)]
    return docs, messages


def _on_upload() -> None:
    files = st.session_state.get(WIDGET_KEY) or []
    shown: list[tuple[str, str]] = []
    st.session_state[_MESSAGES] = shown
    if not files:
        return
    pairs = [(f.name, f.getvalue()) for f in files]
    docs, messages = read(pairs)
    shown += [("warning", m) for m in messages]
    if not docs:
        shown.append(("error", "No readable article in the upload: nothing was added."))
        return
    digest = hashlib.sha256()
    for name, data in sorted(pairs):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    names = ", ".join(n for n, _ in pairs[:2]) + (f" +{len(pairs) - 2}" if len(pairs) > 2 else "")
    source = Source(f"upload-{digest.hexdigest()[:12]}", f"Upload: {names} ({len(docs)} articles)",
                    documents=tuple(docs), warnings=tuple(messages), digest=digest.hexdigest())
    st.session_state.setdefault(_STORE, {})[source.id] = source
    st.session_state["corpus_choice"] = source.id
    shown.append(("success", f"Added {len(docs)} articles as a new corpus."))


def widget() -> None:
    """Render the upload widget (its limits stated) and the messages about the last upload."""
    st.file_uploader(
        f"Add articles: several .txt, a .csv/.jsonl with a text column, or a .zip of them — {uploads.limits_text()}",
        type=list(uploads.UPLOAD_TYPES), accept_multiple_files=True, key=WIDGET_KEY, on_change=_on_upload,
        max_upload_size=uploads.MAX_UPLOAD_MB,
    )
    show = {"error": st.error, "warning": st.warning, "success": st.success}
    for level, text in st.session_state.get(_MESSAGES, []):
        show[level](text)
