"""Plotly figures fed plain Arabic strings (the browser shapes and orders them; never reshape here)."""

from __future__ import annotations

import importlib

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from qawl import i18n, wordcloud
from qawl.store import OTHERS
from ui.html import PALETTE, color

FONT = "DejaVu Sans, Noto Sans Arabic, Arial, sans-serif"
MAX_TICKS = 12
DASHES = ("solid", "dash", "dot", "dashdot")  # once every colour of the palette is taken
OTHERS_COLOR = "#9E9E9E"
GAP_FILL = "rgba(120, 120, 120, 0.12)"
UNIT_TICKS_UP_TO = 10  # a count axis up to this many gets a tick at every whole number
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


ARABIC_LETTER_MARK = "\u061c"  # a strong right-to-left character that draws nothing


def _style(fig: go.Figure, height: int, lang: str = i18n.DEFAULT, *, bars: bool = False) -> go.Figure:
    """Lay out a figure, mirrored in a right-to-left language (_right_to_left; bars: horizontal bars or category
    columns, which then run leftwards)."""
    fig.update_layout(height=height, font_family=FONT, margin={"l": 10, "r": 10, "t": 70, "b": 10},
                      legend={"title_text": "", "orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
                      hoverlabel={"font_family": FONT})
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return _right_to_left(fig, lang, bars=bars)


def _warm_figures() -> None:
    speaker_bars(pd.DataFrame({"speaker": ["-"], "n_sentences": [1], "n_direct": [1], "n_indirect": [0]}))
    heatmap(pd.DataFrame([[1]]), "", "")


# Steps that prepare a process's first charts (ui/context.py's warm-up, between runs), a fraction of a second each:
# a small figure of each kind (Plotly's templates and validators), matplotlib's pyplot (wordcloud takes its colours
# from it) and a small cloud (its font).
WARM_UP = (_warm_figures, lambda: importlib.import_module("matplotlib.pyplot"),
           lambda: wordcloud.png({"قال": 1}, width=72, height=54))


def chart_text(text: str, lang: str = i18n.DEFAULT) -> str:
    """Return a label for Plotly in the language: Plotly draws every text left to right, so an Arabic label that
    starts with a number (12 مارس, 29 شهرا بلا مقالات) gets a leading Arabic letter mark, which makes the whole
    label one right-to-left run (its number stays on the right, where it is read first)."""
    return ARABIC_LETTER_MARK + text if i18n.direction(lang) == "rtl" and text[:1].isdigit() else text


def _count_axis(fig: go.Figure, top: float, axis: str) -> None:
    """Label a count axis with whole numbers only: no 0.5 or 1.5 sentences."""
    ticks = {"tickformat": "d", "rangemode": "tozero"}
    if top <= UNIT_TICKS_UP_TO:
        ticks |= {"tick0": 0, "dtick": 1}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**ticks)


def speaker_bars(table: pd.DataFrame, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return horizontal bars of sentences per speaker, split into direct and indirect quotes."""
    kinds = {"n_direct": "direct", "n_indirect": "indirect", "other": "other"}
    names = {kind: i18n.t(f"quote.{kind}", lang) for kind in kinds.values()}
    long = table.assign(other=table["n_sentences"] - table["n_direct"] - table["n_indirect"]).melt(
        id_vars="speaker", value_vars=list(kinds), var_name="quote", value_name="sentences")
    long["quote"] = long["quote"].map(kinds).map(names)
    long = long[long["sentences"] > 0]
    fig = px.bar(long, x="sentences", y="speaker", color="quote", orientation="h",
                 category_orders={"speaker": table["speaker"].tolist(), "quote": list(names.values())},
                 color_discrete_map=dict(zip(names.values(), ("#0072B2", "#56B4E9", "#BBBBBB"), strict=True)),
                 title=i18n.t("speakers.per_speaker", lang), labels={"sentences": i18n.t("axis.sentences", lang)})
    fig.update_yaxes(title_text="")
    _count_axis(fig, float(table["n_sentences"].max()), "x")
    return _style(fig, 150 + 26 * len(table), lang, bars=True)


def speaker_theme_heatmap(table: pd.DataFrame, title: str, value: str, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return the heatmap of a speakers × themes table, the themes named in the interface language."""
    return heatmap(table.rename(columns=lambda name: i18n.theme(str(name), lang)), title, value, lang=lang)


def heatmap(table: pd.DataFrame, title: str, value: str, *, numbers: bool = True, lang: str = i18n.DEFAULT,
            categories: bool = True) -> go.Figure:
    """Return a heatmap of a rows × columns table (with the numbers written in the cells when asked); columns that
    are categories (not periods) run right to left in a right-to-left language, from beside the row labels."""
    fig = px.imshow(table, text_auto=numbers, aspect="auto", color_continuous_scale="Blues", title=title,
                    labels={"color": value, "x": "", "y": ""})
    fig.update_xaxes(tickangle=-35)
    fig.update_layout(coloraxis_showscale=False)
    return _style(fig, max(320, 200 + 30 * len(table)), lang, bars=categories)


def series_styles(names: list[str], *, stable: bool = False) -> dict[str, tuple[str, str]]:
    """Return a distinct (colour, dash) per series name, in order: the palette's colours (with stable, a
    speaker's own colour when no earlier series took it), then the palette again with dashed lines; "others" grey."""
    taken: set[tuple[str, str]] = set()
    out: dict[str, tuple[str, str]] = {}
    for name in names:
        if name == OTHERS:
            out[name] = (OTHERS_COLOR, "solid")
            continue
        wanted = [color(name)] if stable else []
        choices = [(c, d) for d in DASHES for c in [*wanted, *PALETTE]]
        out[name] = next((c for c in choices if c not in taken), choices[len(out) % len(choices)])
        taken.add(out[name])
    return out


def axis_title(frame: pd.DataFrame, lang: str = i18n.DEFAULT) -> str:
    """Return the x axis title of a timeline frame: sentence position, or its date bucket."""
    kind = frame.attrs.get("axis", "position")
    return i18n.t("axis.position" if kind == "position" else f"axis.{frame.attrs.get('freq', 'D')}", lang)


def _slot_axis(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[object, str]]:
    """Return the axis slots of a timeline frame (with an id and a label each) and x value -> slot id."""
    kind, freq = frame.attrs.get("axis", "position"), frame.attrs.get("freq", "")
    axis = _slots(frame)

    def label(row: pd.Series) -> str:
        if row["kind"] == "gap":
            return chart_text(i18n.t(f"chart.gap.{freq if kind == 'date' else 'position'}", lang, n=int(row["n"])),
                              lang)
        return str(int(row["x"])) if kind == "position" else chart_text(i18n.date(row["x"], lang, freq), lang)

    axis["id"] = [f"s{i:05d}" for i in range(len(axis))]  # categories must be distinct: labels may not be
    axis["label"] = [label(r) for _, r in axis.iterrows()] if len(axis) else []
    return axis, {_slot_key(x, kind): i for x, i in zip(axis["x"], axis["id"], strict=True)}


def _slots(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the axis a timeline frame carries (qawl.trends.slot_rows: the periods with data, empty ones and
    gaps); a frame without one has a slot per x value it holds."""
    rows = frame.attrs.get("slots")
    if rows is None:
        values = sorted(frame["x"].dropna().unique())
        return pd.DataFrame({"x": values, "last": values, "kind": "data", "n": 1})
    axis = pd.DataFrame(rows, columns=["x", "last", "kind", "n"])
    if frame.attrs.get("axis", "position") != "position":
        axis["x"], axis["last"] = pd.to_datetime(axis["x"]), pd.to_datetime(axis["last"])
    return axis


def _slot_key(value: object, kind: str) -> object:
    return int(value) if kind == "position" else pd.Timestamp(value)


def _mark_slots(fig: go.Figure, axis: pd.DataFrame, title: str) -> None:
    """Put the slot labels on a category x axis (a dozen ticks, ⋯ at every gap) and shade the gaps, which say
    in words what they leave out ("29 months without articles")."""
    ids, labels = axis["id"].tolist(), axis["label"].tolist()
    gaps = [i for i, kind in enumerate(axis["kind"]) if kind == "gap"]
    step = max(1, -(-len(ids) // MAX_TICKS))
    shown = sorted({*range(0, len(ids), step), *gaps})
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=ids, tickvals=[ids[i] for i in shown],
                     ticktext=["⋯" if i in gaps else labels[i] for i in shown], title_text=title)
    for i in gaps:
        fig.add_vrect(x0=i - 0.5, x1=i + 0.5, fillcolor=GAP_FILL, line_width=0, layer="below", row="all", col="all",
                      annotation_text=labels[i], annotation_position="inside top", annotation_textangle=-90,
                      annotation_font={"size": 11, "color": "#555"})


def trend(frame: pd.DataFrame, y: str, series: str, title: str, y_title: str, facet: str | None = None, *,
          counts: bool = False, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return lines of y over the timeline's slots, one colour per series: periods without kept sentences break
    the lines, long runs of them are one shaded gap on the axis (no straight line across empty years)."""
    kind = frame.attrs.get("axis", "position")
    axis, slot_of = _slot_axis(frame, lang)
    keys = [series, *([facet] if facet else [])]
    data = frame.assign(slot=[slot_of[_slot_key(v, kind)] for v in frame["x"]])
    if series == "speaker":
        data[series] = data[series].replace({OTHERS: i18n.t("timelines.others", lang)})
    # Every series on every slot: a missing value (no sentence of that period, or of that speaker) breaks its line.
    grid = data[keys].drop_duplicates().merge(axis[["id", "label"]].rename(columns={"id": "slot"}), how="cross")
    full = grid.merge(data[[*keys, "slot", y]], on=[*keys, "slot"], how="left")
    if counts:  # a speaker not quoted in a period with articles said the word 0 times there (a rate is undefined)
        with_data = full["slot"].isin(axis.loc[axis["kind"] == "data", "id"])
        full.loc[with_data, y] = full.loc[with_data, y].fillna(0)
    names = list(dict.fromkeys(data[series]))
    styles = series_styles(names, stable=series == "speaker")
    rows = frame[facet].nunique() if facet else 1
    fig = px.line(full, x="slot", y=y, color=series, line_dash=series, facet_row=facet, markers=True,
                  custom_data=["label"], category_orders={"slot": axis["id"].tolist(), series: names},
                  color_discrete_map={n: c for n, (c, _) in styles.items()},
                  line_dash_map={n: d for n, (_, d) in styles.items()}, title=title, labels={y: y_title})
    fig.update_traces(connectgaps=False, hovertemplate="%{customdata[0]}<br>%{fullData.name}: %{y}<extra></extra>")
    if facet:
        fig.for_each_annotation(lambda a: a.update(text=a.text.split("=", 1)[-1], textangle=0))
    _mark_slots(fig, axis, axis_title(frame, lang) if not facet else "")
    if facet:  # one axis title under the bottom panel, room on the right for the panels' names
        fig.update_layout(xaxis_title_text=axis_title(frame, lang))
    if counts and not frame.empty:
        _count_axis(fig, float(frame[y].max()), "y")
    fig = _style(fig, 160 + 260 * rows if facet else 420, lang)
    if facet:
        fig.update_layout(margin={"r": 90, "t": 110})  # room for a legend of speakers on two lines
    return fig


def theme_bars(shares: pd.DataFrame, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return horizontal bars of each theme's share of the shown sentences, labelled in %, n in the hover."""
    shares = shares.assign(theme=[i18n.theme(t, lang) for t in shares["theme"]])
    fig = px.bar(shares, x="share", y="theme", orientation="h", custom_data=["sentences"],
                 title=i18n.t("themes.shares", lang), labels={"share": i18n.t("themes.share_pct", lang), "theme": ""},
                 color_discrete_sequence=["#4E79A7"], category_orders={"theme": shares["theme"].tolist()})
    hover = i18n.t("chart.share_hover", lang, share="%{x:.1f}", n="%{customdata[0]:,}")
    fig.update_traces(texttemplate="%{x:.1f}%", textposition="auto", hovertemplate=f"%{{y}}<br>{hover}<extra></extra>")
    fig.update_xaxes(rangemode="tozero")
    return _style(fig, 140 + 32 * len(shares), lang, bars=True)


def mentions_heatmap(pairs: pd.DataFrame, speakers: int = 12, entities: int = 15, lang: str = i18n.DEFAULT
                     ) -> go.Figure:
    """Return a speaker × mentioned-entity heatmap of the most frequent pairs."""
    top_speakers = pairs.groupby("speaker")["mentions"].sum().nlargest(speakers).index
    top_entities = pairs.groupby("entity")["mentions"].sum().nlargest(entities).index
    table = pairs.pivot_table(index="speaker", columns="entity", values="mentions", aggfunc="sum", fill_value=0)
    return heatmap(table.reindex(index=top_speakers, columns=top_entities, fill_value=0),
                   i18n.t("speakers.mentions", lang), i18n.t("axis.mentions", lang), lang=lang)


@st.cache_data(max_entries=64, show_spinner=False)
def cloud(words: pd.DataFrame) -> bytes:
    """Return a PNG word cloud of word, count rows (empty bytes when none)."""
    return wordcloud.png(dict(zip(words["word"], words["count"], strict=True)), width=720, height=540)


def theme_time_heatmap(frame: pd.DataFrame, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return a theme × time (or sentence position) heatmap of theme shares on the timeline's slots: periods
    without kept sentences are blank columns, long runs of them one shaded gap."""
    kind = frame.attrs.get("axis", "position")
    axis, slot_of = _slot_axis(frame, lang)
    data = frame.assign(slot=[slot_of[_slot_key(v, kind)] for v in frame["x"]])
    table = data.pivot_table(index="theme", columns="slot", values="share", sort=False)
    table = table.reindex(index=frame["theme"].drop_duplicates(), columns=axis["id"])
    table.index = [i18n.theme(t, lang) for t in table.index]
    title = i18n.t("themes.along_article" if kind == "position" else "themes.over_time", lang)
    fig = heatmap(table, title, "%", numbers=int((axis["kind"] != "gap").sum()) <= 16, lang=lang, categories=False)
    fig.update_traces(customdata=[axis["label"].tolist()] * len(table),
                      hovertemplate="%{y}<br>%{customdata}: %{z}%<extra></extra>")
    _mark_slots(fig, axis, axis_title(frame, lang))
    fig.update_xaxes(tickangle=-35)
    return fig


# Sourcing: one colour per kind of source and per gender, the same on every chart (Okabe-Ito; unknown grey).
SOURCING_COLORS = {
    "kind": {"person": "#0072B2", "organization": "#E69F00", "country": "#009E73", "media": "#CC79A7",
             "unnamed": "#D55E00", "unknown": "#BBBBBB"},
    "gender": {"f": "#CC79A7", "m": "#0072B2", "unknown": "#BBBBBB"},
}


def _sourcing_labels(frame: pd.DataFrame, dimension: str, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Return frame with a `label` column (the kind or gender in the language, outlets without a name named) and
    label -> colour."""
    colors = SOURCING_COLORS[dimension]
    names = {v: i18n.t(f"sourcing.{dimension}.{v}", lang) for v in frame[dimension].unique()}
    data = frame.assign(label=frame[dimension].map(names))
    if "source" in data:
        data["source"] = data["source"].replace({"": i18n.t("sourcing.no_outlet", lang)})
    return data, {names[v]: colors.get(v, OTHERS_COLOR) for v in names}


def _right_to_left(fig: go.Figure, lang: str, *, bars: bool) -> go.Figure:
    """Lay a chart out for a right-to-left reader: title, legend and category axis on the right, horizontal bars
    growing leftwards (time still runs left to right, as dates are written)."""
    if i18n.direction(lang) == "rtl":
        fig.update_layout(title_x=1, title_xanchor="right", legend_x=1, legend_xanchor="right")
        fig.update_yaxes(side="right")
        if bars:
            fig.update_xaxes(autorange="reversed")
    return fig


def _share_hover(axis: str, lang: str) -> str:
    return "%{customdata[2]}<br>" + i18n.t("sourcing.hover", lang, share=f"%{{{axis}:.1f}}", n="%{customdata[0]}",
                                           total="%{customdata[1]}") + "<extra></extra>"


def _percent_bars(data: pd.DataFrame, category: str, colors: dict[str, str], title: str, lang: str) -> go.Figure:
    """Return one horizontal bar per category row of data (share, sentences, total), labelled in %."""
    fig = px.bar(data, x="share", y=category, color=category, orientation="h", title=title,
                 custom_data=["sentences", "total", category], color_discrete_map=colors,
                 category_orders={category: data[category].tolist()},
                 labels={"share": i18n.t("sourcing.share_axis", lang), category: ""})
    fig.update_traces(texttemplate="%{x:.1f}%", textposition="auto", hovertemplate=_share_hover("x", lang))
    fig.update_layout(showlegend=False)
    fig.update_xaxes(rangemode="tozero")
    return _right_to_left(_style(fig, 140 + 34 * len(data)), lang, bars=True)


def share_bars(frame: pd.DataFrame, dimension: str, title: str, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return horizontal bars of the share (%) of reported sentences of each kind or gender (qawl.sourcing.shares
    overall), one colour each, the count on hover."""
    data, colors = _sourcing_labels(frame, dimension, lang)
    return _percent_bars(data, "label", colors, title, lang)


def unnamed_bars(frame: pd.DataFrame, title: str, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return horizontal bars of each outlet's share (%) of reported sentences from unnamed sources
    (qawl.sourcing.unnamed_by_source), the counts on hover."""
    data = frame.assign(source=frame["source"].replace({"": i18n.t("sourcing.no_outlet", lang)}))
    colors = dict.fromkeys(data["source"], SOURCING_COLORS["kind"]["unnamed"])
    return _percent_bars(data, "source", colors, title, lang)


def stacked_share_bars(frame: pd.DataFrame, dimension: str, title: str, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return one 100% stacked horizontal bar per outlet (qawl.sourcing.shares by source): the share of its
    reported sentences of each kind or gender, the counts on hover."""
    data, colors = _sourcing_labels(frame, dimension, lang)
    fig = px.bar(data, x="share", y="source", color="label", orientation="h", title=title,
                 custom_data=["sentences", "total", "source"], color_discrete_map=colors,
                 category_orders={"label": list(colors), "source": list(dict.fromkeys(data["source"]))},
                 labels={"share": i18n.t("sourcing.share_axis", lang), "source": "", "label": ""})
    fig.update_traces(texttemplate="%{x:.0f}%", textposition="inside",
                      hovertemplate="%{fullData.name} · " + _share_hover("x", lang))
    fig.update_layout(barmode="stack", uniformtext_minsize=9, uniformtext_mode="hide")
    fig.update_xaxes(range=[0, 100.5])
    fig = _style(fig, 180 + 44 * data["source"].nunique())
    fig.update_layout(margin_t=110)  # room for a legend of six kinds on two rows under the title
    return _right_to_left(fig, lang, bars=True)


def share_over_time(frame: pd.DataFrame, dimension: str, title: str, lang: str = i18n.DEFAULT) -> go.Figure:
    """Return stacked bars of the share (%) of each kind or gender per date bucket (qawl.sourcing.shares by period)
    on the timeline's slots: empty periods stay blank, long runs of them one shaded gap; counts on hover."""
    axis, slot_of = _slot_axis(frame, lang)
    data, colors = _sourcing_labels(frame, dimension, lang)
    data["slot"] = [slot_of[_slot_key(v, "date")] for v in data["x"]]
    data["period"] = data["slot"].map(dict(zip(axis["id"], axis["label"], strict=True)))
    fig = px.bar(data, x="slot", y="share", color="label", title=title,
                 custom_data=["sentences", "total", "period"], color_discrete_map=colors,
                 category_orders={"label": list(colors), "slot": axis["id"].tolist()},
                 labels={"share": i18n.t("sourcing.share_axis", lang), "label": ""})
    fig.update_traces(hovertemplate="%{fullData.name} · " + _share_hover("y", lang))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(range=[0, 100.5])
    _mark_slots(fig, axis, axis_title(frame, lang))
    fig = _style(fig, 460)
    fig.update_layout(margin_t=110)
    return _right_to_left(fig, lang, bars=False)
TABLE_COLUMNS = {"x": "column.x", "speaker": "column.speaker", "keyword": "column.keyword", "theme": "column.theme",
                 "words": "column.words", "count": "column.count", "value": "column.value",
                 "sentences": "column.sentences", "share": "column.share"}


def numbers(frame: pd.DataFrame, lang: str = i18n.DEFAULT) -> pd.DataFrame:
    """Return a chart's frame as a table to read: periods (the rows with data) written in the language, theme names
    in it, columns named in it, stems left out."""
    kind, freq = frame.attrs.get("axis", "position"), frame.attrs.get("freq", "D")
    out = frame.drop(columns=[c for c in ("term",) if c in frame.columns])
    if "x" in out.columns:
        out["x"] = [str(int(x)) if kind == "position" else i18n.date(pd.Timestamp(x), lang, freq) for x in out["x"]]
    if "theme" in out.columns:
        out["theme"] = [i18n.theme(str(name), lang) for name in out["theme"]]
    return out.rename(columns={c: i18n.t(key, lang) for c, key in TABLE_COLUMNS.items() if c in out.columns})
