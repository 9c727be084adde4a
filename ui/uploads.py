"""The sidebar upload: several .txt, .csv/.jsonl with a text column, a .zip of .txt — kept for the session."""

from __future__ import annotations

import hashlib

import streamlit as st

from qawl import i18n, uploads
from qawl.corpus import CorpusError, Document
from ui import lang as language
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
    lang = language.current()
    if not files:
        return
    pairs = [(f.name, f.getvalue()) for f in files]
    docs, messages = read(pairs)
    shown += [("warning", m) for m in messages]
    if not docs:
        shown.append(("error", i18n.t("upload.nothing", lang)))
        return
    digest = hashlib.sha256()
    for name, data in sorted(pairs):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    names = ", ".join(n for n, _ in pairs[:2]) + (f" +{len(pairs) - 2}" if len(pairs) > 2 else "")
    source = Source(f"upload-{digest.hexdigest()[:12]}", names,
                    documents=tuple(docs), warnings=tuple(messages), digest=digest.hexdigest())
    st.session_state.setdefault(_STORE, {})[source.id] = source
    st.session_state["corpus_choice"] = source.id
    shown.append(("success", i18n.t("upload.added", lang, n=len(docs))))


def widget(lang: str = i18n.DEFAULT) -> None:
    """Render the upload widget (its limits stated) and the messages about the last upload."""
    limits = i18n.t("upload.limits", lang, mb=uploads.MAX_UPLOAD_MB, expanded=uploads.MAX_EXPANDED_MB,
                    files=uploads.MAX_ZIP_MEMBERS)
    st.file_uploader(
        i18n.t("upload.label", lang, limits=limits),
        type=list(uploads.UPLOAD_TYPES), accept_multiple_files=True, key=WIDGET_KEY, on_change=_on_upload,
        max_upload_size=uploads.MAX_UPLOAD_MB,
    )
    show = {"error": st.error, "warning": st.warning, "success": st.success}
    for level, text in st.session_state.get(_MESSAGES, []):
        show[level](text)
