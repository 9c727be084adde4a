"""Plotly figures fed plain Arabic strings (the browser shapes and orders them; never reshape here)."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from qawl import wordcloud
from ui.html import color

FONT = "DejaVu Sans, Noto Sans Arabic, Arial, sans-serif"
AXIS_TITLES = {"position": "Sentence position in the article", "D": "Day", "W": "Week", "M": "Month"}
MAX_TICKS = 12
UNIT_TICKS_UP_TO = 10  # a count axis up to this many gets a tick at every whole number
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def _style(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, font_family=FONT, margin={"l": 10, "r": 10, "t": 70, "b": 10},
                      legend={"title_text": "", "orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
                      hoverlabel={"font_family": FONT})
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return fig


def _count_axis(fig: go.Figure, top: float, axis: str) -> None:
    """Label a count axis with whole numbers only: no 0.5 or 1.5 sentences."""
    ticks = {"tickformat": "d", "rangemode": "tozero"}
    if top <= UNIT_TICKS_UP_TO:
        ticks |= {"tick0": 0, "dtick": 1}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**ticks)


def speaker_bars(table: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of sentences per speaker, split into direct and indirect quotes."""
    long = table.assign(other=table["n_sentences"] - table["n_direct"] - table["n_indirect"]).melt(
        id_vars="speaker", value_vars=["n_direct", "n_indirect", "other"], var_name="quote", value_name="sentences")
    long["quote"] = long["quote"].map({"n_direct": "direct", "n_indirect": "indirect", "other": "other"})
    long = long[long["sentences"] > 0]
    fig = px.bar(long, x="sentences", y="speaker", color="quote", orientation="h",
                 category_orders={"speaker": table["speaker"].tolist(), "quote": ["direct", "indirect", "other"]},
                 color_discrete_map={"direct": "#0072B2", "indirect": "#56B4E9", "other": "#BBBBBB"},
                 title="Sentences per speaker")
    fig.update_yaxes(title_text="")
    _count_axis(fig, float(table["n_sentences"].max()), "x")
    return _style(fig, 150 + 26 * len(table))


def heatmap(table: pd.DataFrame, title: str, value: str, *, numbers: bool = True) -> go.Figure:
    """Return a heatmap of a rows × columns table (with the numbers written in the cells when asked)."""
    fig = px.imshow(table, text_auto=numbers, aspect="auto", color_continuous_scale="Blues", title=title,
                    labels={"color": value, "x": "", "y": ""})
    fig.update_xaxes(tickangle=-35)
    fig.update_layout(coloraxis_showscale=False)
    return _style(fig, max(320, 200 + 30 * len(table)))


def trend(frame: pd.DataFrame, y: str, series: str, title: str, y_title: str, facet: str | None = None, *,
          counts: bool = False) -> go.Figure:
    """Return lines of y over x (date buckets or sentence positions), one per series value (y whole counts or not)."""
    kind = frame.attrs.get("axis", "position")
    x_title = AXIS_TITLES["position" if kind == "position" else frame.attrs.get("freq", "D")]
    colors = {s: color(s) for s in frame[series].unique()} if series == "speaker" else None
    rows = frame[facet].nunique() if facet else 1
    fig = px.line(frame.sort_values("x"), x="x", y=y, color=series, facet_row=facet, markers=True,
                  color_discrete_map=colors, title=title, labels={"x": x_title, y: y_title})
    if facet:
        fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1], textangle=0))
    if kind == "date":
        _date_ticks(fig, frame)
    if counts and not frame.empty:
        _count_axis(fig, float(frame[y].max()), "y")
    return _style(fig, 160 + 260 * rows if facet else 420)


def _date_ticks(fig: go.Figure, frame: pd.DataFrame) -> None:
    """Label date buckets as dates (never as hours of a day), one tick per bucket when there are few."""
    fmt = "%Y-%m" if frame.attrs.get("freq") == "M" else "%Y-%m-%d"
    buckets = sorted(frame["x"].unique())
    if len(buckets) <= MAX_TICKS:
        fig.update_xaxes(tickvals=buckets, tickformat=fmt)
    else:
        fig.update_xaxes(tickformat=fmt)


def theme_bars(shares: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of each theme's share of the shown sentences, labelled in %, n in the hover."""
    fig = px.bar(shares, x="share", y="theme", orientation="h", custom_data=["sentences"],
                 title="Share of sentences by theme", labels={"share": "% of sentences", "theme": ""},
                 color_discrete_sequence=["#4E79A7"], category_orders={"theme": shares["theme"].tolist()})
    fig.update_traces(texttemplate="%{x:.1f}%", textposition="auto",
                      hovertemplate="%{y}<br>%{x:.1f}% of sentences (n = %{customdata[0]:,})<extra></extra>")
    fig.update_xaxes(rangemode="tozero")
    return _style(fig, 140 + 32 * len(shares))


def mentions_heatmap(pairs: pd.DataFrame, speakers: int = 12, entities: int = 15) -> go.Figure:
    """Return a speaker × mentioned-entity heatmap of the most frequent pairs."""
    top_speakers = pairs.groupby("speaker")["mentions"].sum().nlargest(speakers).index
    top_entities = pairs.groupby("entity")["mentions"].sum().nlargest(entities).index
    table = pairs.pivot_table(index="speaker", columns="entity", values="mentions", aggfunc="sum", fill_value=0)
    return heatmap(table.reindex(index=top_speakers, columns=top_entities, fill_value=0),
                   "Who mentions whom (mentions in the speaker's sentences)", "mentions")


@st.cache_data(max_entries=64, show_spinner=False)
def cloud(words: pd.DataFrame) -> bytes:
    """Return a PNG word cloud of word, count rows (empty bytes when none)."""
    return wordcloud.png(dict(zip(words["word"], words["count"], strict=True)), width=720, height=540)


def theme_time_heatmap(frame: pd.DataFrame) -> go.Figure:
    """Return a theme × time (or sentence position) heatmap of theme shares."""
    table = frame.pivot_table(index="theme", columns="x", values="share", sort=True)
    table = table.reindex(frame["theme"].drop_duplicates())
    kind = frame.attrs.get("axis", "position")
    x_title = AXIS_TITLES["position" if kind == "position" else frame.attrs.get("freq", "D")]
    title = "Themes along the article (% of sentences)" if kind == "position" else "Themes over time (% of sentences)"
    fig = heatmap(table, title, "%", numbers=table.shape[1] <= 16)
    fig.update_traces(hovertemplate="%{y}<br>%{x}: %{z}%<extra></extra>")
    fig.update_xaxes(title_text=x_title)
    if kind == "date":
        _date_ticks(fig, frame)
    return fig
