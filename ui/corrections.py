"""Speaker corrections made from the dashboard: each form appends a rule to the corpus's corrections file
(qawl.corrections); the next run reopens the corpus with the rules applied (its key covers the file's digest)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
import streamlit as st

from qawl import corrections
from qawl.corrections import CorrectionsError, Rule
from ui.context import View, ask

_MESSAGE = "qawl_correction_message"
MAX_RULES_SHOWN = 500


def _write(view: View, change: Callable[[Path], None], done: str, **fields: object) -> bool:
    """Make a change to the corrections file (append or remove) and leave a message for the next run."""
    path = view.store.corrections.path or corrections.location()
    try:
        change(path)
    except CorrectionsError as exc:
        st.session_state[_MESSAGE] = ("error", view.t("corrections.read_only", reason=exc))
        return False
    st.session_state[_MESSAGE] = ("success", view.t(done, path=path, **fields))
    return True


def message() -> None:
    """Show what the last correction did (once)."""
    level, text = st.session_state.pop(_MESSAGE, ("", ""))
    if level:
        (st.success if level == "success" else st.error)(text)


def _append(view: View, rule: Rule) -> bool:
    return _write(view, lambda path: corrections.append(path, rule), "corrections.saved")


def _name(key: str, view: View) -> str:
    name = str(st.session_state.get(key) or "").strip()
    if not name:
        st.session_state[_MESSAGE] = ("error", view.t("corrections.empty_name"))
    return name


def _rename(view: View, speaker: str) -> None:
    new = _name("fix_rename_to", view)
    if new and _append(view, Rule("rename", speaker, new)):
        st.session_state["fix_rename_to"] = ""
        st.session_state["speaker_focus"] = new


def _split(view: View, speaker: str) -> None:
    new, mention = _name("fix_split_to", view), st.session_state.get("fix_split_mention") or ""
    if new and mention and _append(view, Rule("split", speaker, new, mention)):
        st.session_state["fix_split_to"] = ""


def _remove(view: View, lines: Mapping[str, int]) -> None:
    line = lines.get(st.session_state.get("fix_undo") or "")
    if line and _write(view, lambda path: corrections.remove(path, line), "corrections.removed"):
        st.session_state["fix_undo"] = None


def speaker_form(view: View, speaker: str) -> None:
    """Render the corrections of one speaker: rename (or merge into an existing name), split off the sentences of
    one mention, and the file's rules, each of which can be removed."""
    rules = view.store.corrections
    with st.expander(view.t("corrections.title"), icon=":material/edit:"):
        st.caption(view.t("corrections.help", path=rules.path or "—"))
        rename, split = st.columns(2)
        with rename:
            st.text_input(view.t("corrections.new_name"), key="fix_rename_to", help=view.t("corrections.rename_help"))
            st.button(view.t("corrections.rename"), key="fix_rename", on_click=_rename, args=(view, speaker))
        with split:
            mentions = ask(view.store, "speaker_mentions", speaker)
            if mentions.empty:
                st.caption(view.t("corrections.split_none"))
            else:
                counts = dict(zip(mentions["speaker_mention"], mentions["n_sentences"], strict=True))
                st.selectbox(view.t("corrections.mention"), list(counts), key="fix_split_mention",
                             format_func=lambda m: f"{m} ({counts[m]})", help=view.t("corrections.split_help"))
                st.text_input(view.t("corrections.new_name"), key="fix_split_to")
                st.button(view.t("corrections.split"), key="fix_split", on_click=_split, args=(view, speaker))
        if rules.rules:
            st.markdown(view.t("corrections.rules"))
            table = pd.DataFrame([{"line": r.line, **r.values()} for r in rules.rules[-MAX_RULES_SHOWN:]])
            st.dataframe(table, hide_index=True, key="fix_rules")
            lines = {f"{r.line}: {r.action} {r.speaker or r.doc_id} → {r.new_speaker or '—'}": r.line
                     for r in rules.rules if r.line}
            st.selectbox(view.t("corrections.undo"), list(lines), key="fix_undo", index=None, placeholder="—")
            st.button(view.t("corrections.remove"), key="fix_remove", on_click=_remove, args=(view, lines))


def _set(view: View, sentences: Mapping[str, tuple[str, int]], clear: bool) -> None:
    chosen = sentences.get(st.session_state.get("fix_sentence") or "")
    if chosen is None:
        return
    new = "" if clear else _name("fix_sentence_to", view)
    if (clear or new) and _append(view, Rule("set", "", new, doc_id=chosen[0], sentence_id=chosen[1])):
        st.session_state["fix_sentence_to"] = ""


def sentence_form(view: View, rows: list[dict], target: tuple[str, int] | None = None) -> None:
    """Render the correction of one sentence of the page: set its speaker, or say that nobody speaks in it."""
    sentences = {f"{r['doc_id']} §{r['sentence_id']}": (str(r["doc_id"]), int(r["sentence_id"])) for r in rows}
    texts = {key: rows[i] for i, key in enumerate(sentences)}
    if target is not None:
        wanted = f"{target[0]} §{target[1]}"
        if wanted in sentences and st.session_state.get("fix_sentence") not in sentences:
            st.session_state["fix_sentence"] = wanted
    with st.expander(view.t("corrections.sentence_title"), icon=":material/edit:", expanded=target is not None):
        st.selectbox(view.t("corrections.sentence"), list(sentences), key="fix_sentence",
                     format_func=lambda k: f"{k} · {texts[k]['speaker'] or '—'} · {str(texts[k]['text'])[:60]}")
        st.text_input(view.t("corrections.new_name"), key="fix_sentence_to")
        left, right = st.columns(2)
        left.button(view.t("corrections.set"), key="fix_set", on_click=_set, args=(view, sentences, False))
        right.button(view.t("corrections.clear"), key="fix_clear", on_click=_set, args=(view, sentences, True))
