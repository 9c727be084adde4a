"""Charts of timelines: one slot per period with data, lines broken at empty periods, long gaps shaded, colours."""

from __future__ import annotations

import numpy as np
import pandas as pd

from qawl import trends
from ui import charts
from ui.html import PALETTE

MONTHS = ["2015-08", "2018-02", "2018-04"]  # a 29-month gap, then an empty March


def month_frame(by_speaker: bool = False) -> pd.DataFrame:
    rows = []
    for month in MONTHS:
        for word, n in (("إيران", 2), ("ترامب", 5)):
            row = {"x": pd.Timestamp(month + "-01"), "words": 100, "term": word, "count": n, "value": n,
                   "keyword": word}
            rows += [row | {"speaker": s} for s in ("دونالد ترامب", trends.OTHERS)] if by_speaker else [row]
    return with_axis(pd.DataFrame(rows))


def with_axis(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a monthly timeline frame with the axis attributes qawl.trends gives its frames."""
    frame.attrs["axis"], frame.attrs["freq"] = "date", "M"
    frame.attrs["slots"] = trends.slot_rows(frame["x"], "date", "M")
    return frame


def test_a_timeline_breaks_at_empty_months_and_shades_the_long_gap():
    fig = charts.trend(month_frame(), "value", "keyword", "t", "occurrences", counts=True)
    assert len(fig.data) == 2
    for trace in fig.data:
        # Slots: Aug 2015, the gap, Feb 2018, March (empty), Apr 2018.
        assert len(trace.x) == 5
        assert np.isnan(np.asarray(trace.y, dtype=float)[[1, 3]]).all()
        assert not fig.data[0].connectgaps
    assert list(fig.layout.xaxis.ticktext) == ["Aug 2015", "⋯", "Feb 2018", "Mar 2018", "Apr 2018"]
    shaded = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(shaded) == 1 and (shaded[0].x0, shaded[0].x1) == (0.5, 1.5)
    assert [a.text for a in fig.layout.annotations] == ["29 months without articles"]


def test_timeline_labels_follow_the_language():
    fig = charts.trend(month_frame(), "value", "keyword", "t", "occurrences", lang="ar")
    assert fig.layout.xaxis.ticktext[0] == "أغسطس 2015"
    assert fig.layout.xaxis.title.text == "الشهر"
    assert [a.text for a in fig.layout.annotations] == ["29 شهرا بلا مقالات"]


def test_speaker_series_get_distinct_colours_and_others_is_grey():
    fig = charts.trend(month_frame(by_speaker=True), "value", "speaker", "t", "n", facet="keyword", counts=True)
    colours = {t.name: t.line.color for t in fig.data}
    assert colours["others"] == charts.OTHERS_COLOR and colours["دونالد ترامب"] != charts.OTHERS_COLOR


def test_series_styles_stay_distinct_beyond_the_palette():
    names = [f"speaker {i}" for i in range(len(PALETTE) + 5)]
    styles = charts.series_styles(names, stable=True)
    assert len(set(styles.values())) == len(names)
    assert {d for _, d in styles.values()} == {"solid", "dash"}


def test_theme_heatmap_leaves_empty_months_blank():
    frame = pd.DataFrame([{"x": pd.Timestamp(m + "-01"), "total": 10, "theme": "security & conflict",
                           "sentences": 3, "share": 30.0} for m in MONTHS])
    frame = with_axis(frame)
    fig = charts.theme_time_heatmap(frame, "ar")
    z = np.asarray(fig.data[0].z, dtype=float)
    assert z.shape == (1, 5) and np.isnan(z[0, [1, 3]]).all() and (z[0, [0, 2, 4]] == 30).all()
    assert list(fig.data[0].y) == ["الأمن والنزاعات"]
