"""Charts with Vietnamese titles, axis units and a source note, legible from 1 to 63+ bars.

Matplotlib ships DejaVu Sans, which has every Vietnamese glyph; it is set explicitly so that no
machine falls back to a font without them (a missing glyph fails the tests).
"""

from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers.data.numbers import format_vn_number

FONT = "DejaVu Sans"
# Colour per ordinal level: 4 top … 1 bottom (colour-blind safe, readable in greyscale print).
LEVEL_COLOURS = {4: "#1b7837", 3: "#7fbf7b", 2: "#fdb863", 1: "#b2182b", 0: "#d9d9d9"}
# exceeded and met in green, not met in red; a part-year flow or an open answer in neutral grey
STATUS_COLOURS = {"exceeded": "#1b7837", "met": "#1b7837", "not_met": "#b2182b"}
NEUTRAL = "#8c8c8c"
STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 110,
    "svg.hashsalt": "tccsd",
    # Text stays text in the SVG: a third of a PNG's bytes, crisp in print, and half the time.
    "svg.fonttype": "none",
}


def use_style() -> None:
    """Apply the report style (called by every chart, so notebooks need not)."""
    matplotlib.rcParams.update(STYLE)


def _wrap(labels: list[str], width: int = 50) -> list[str]:
    """Long labels on several lines, so 63 provinces or long organization names stay legible."""
    return ["\n".join(textwrap.wrap(str(text), width)) or str(text) for text in labels]


def _height(labels: list[str]) -> float:
    lines = sum(text.count("\n") + 1 for text in labels)
    return max(2.8, 0.22 * lines + 0.14 * len(labels) + 1.8)


def _source_note(fig, sources: str) -> None:
    fig.text(
        0.01,
        0.12 / fig.get_figheight(),
        f"Nguồn: {sources}",
        ha="left",
        va="bottom",
        fontsize=8,
        color="#444444",
    )


WIDTH = 9.0  # inches
# Shares printed inside the bars only on short charts: a long one would be cluttered (and every
# label is a text to lay out); the table under each chart gives every value.
VALUE_LABELS_UP_TO = 6
PERCENT_TICKS = list(range(0, 101, 20))
CHAR_PT = 5.9  # average width of a DejaVu Sans character at 10 pt, in points


def _figure(labels: list[str], legend_rows: int, title: str):
    """A figure whose margins are computed from its labels, not measured by a layout engine.

    Measuring (constrained or tight layout) renders every text twice; with 60+ reports the
    arithmetic below keeps each chart to one draw, and the labels are wrapped to a known width.
    """
    height = _height(labels)
    widest = max((len(line) for text in labels for line in text.split("\n")), default=10)
    left = min(0.5, (widest * CHAR_PT + 18) / (WIDTH * 72))
    title_lines = textwrap.wrap(title, 80) or [""]
    top_in = 0.2 + 0.26 * len(title_lines) + 0.22 * legend_rows
    bottom_in = 0.85
    fig = Figure(figsize=(WIDTH, height))  # not pyplot: no figure manager to create and close
    ax = fig.add_subplot()
    fig.subplots_adjust(left=left, right=0.97, top=1 - top_in / height, bottom=bottom_in / height)
    fig.suptitle(
        "\n".join(title_lines),
        x=0.01,
        y=1 - 0.1 / height,
        ha="left",
        va="top",
        fontsize=12,
        fontweight="bold",
    )
    return fig, ax


def _vn_axis(ax, unit: str) -> None:
    ax.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda v, _: format_vn_number(v) + unit)
    )


def tier_share_chart(rows: pd.DataFrame, title: str, sources: str):
    """100% stacked horizontal bars: one bar per label, one segment per tier (level 4 first).

    ``rows`` needs columns ``label``, ``level``, ``category_label`` and ``share``.
    """
    use_style()
    rows = rows.assign(label=_wrap(list(rows["label"])))
    labels = list(dict.fromkeys(rows["label"]))
    fig, ax = _figure(labels, legend_rows=2, title=title)
    left = np.zeros(len(labels))
    y = np.arange(len(labels))  # positions, not categories: matplotlib's category units are slow
    tiers = rows.drop_duplicates("level").sort_values("level", ascending=False)
    for _, tier in tiers.iterrows():
        part = (
            rows[rows["level"] == tier["level"]]
            .set_index("label")["share"]
            .reindex(labels)
            .fillna(0)
            .to_numpy()
        )
        bars = ax.barh(
            y,
            part,
            left=left,
            color=LEVEL_COLOURS[int(tier["level"])],
            label=tier["category_label"],
            edgecolor="white",
            linewidth=0.5,
        )
        for bar, value in zip(bars, part, strict=True):
            if value >= 6 and len(labels) <= VALUE_LABELS_UP_TO:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    format_vn_number(value, 1),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if tier["level"] in (4, 1) else "black",
                )
        left += part
    ax.set_xlim(0, 100)
    ax.set_xticks(PERCENT_TICKS, [format_vn_number(t) + "%" for t in PERCENT_TICKS])
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("Tỷ lệ trong tổng số được xếp loại (%)")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, frameon=False, fontsize=8)
    _source_note(fig, sources)
    return fig


def actual_vs_target_chart(
    rows: pd.DataFrame, title: str, xlabel: str, sources: str, unit: str = "%"
):
    """Dot for the actual value, open diamond for the target, one line per label.

    ``rows`` needs columns ``label``, ``actual`` and ``target`` (target may be missing).
    """
    use_style()
    labels = _wrap(list(rows["label"]))
    y = np.arange(len(labels))
    fig, ax = _figure(labels, legend_rows=1, title=title)
    for i, (_, row) in enumerate(rows.iterrows()):
        if pd.notna(row["target"]):
            ax.plot(
                [row["target"], row["actual"]], [i, i], color="#999999", linewidth=1.5, zorder=1
            )
    ax.scatter(rows["actual"], y, color="#1b7837", s=45, label="Thực hiện", zorder=3)
    has_target = rows["target"].notna()
    ax.scatter(
        rows.loc[has_target, "target"],
        y[has_target.to_numpy()],
        facecolors="white",
        edgecolors="#b2182b",
        marker="D",
        s=40,
        label="Chỉ tiêu",
        zorder=2,
    )
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    _vn_axis(ax, unit)
    ax.set_xlabel(xlabel)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2, frameon=False, fontsize=8)
    _source_note(fig, sources)
    return fig


def attainment_chart(rows: pd.DataFrame, title: str, sources: str):
    """Attainment of the recruitment target in percent against the 100% line.

    ``rows`` needs ``label``, ``attainment_pct``, ``attainment_high`` and ``status``; a missing
    upper bound (the source says "trên") is drawn as an arrow to the right. Only a finished period
    is coloured as met or not met: a part-year flow ("đang thực hiện") stays neutral grey, with
    the share of the year elapsed beside its value.
    """
    use_style()
    labels = _wrap(list(rows["label"]))
    y = np.arange(len(labels))
    fig, ax = _figure(labels, legend_rows=1, title=title)
    colours = [STATUS_COLOURS.get(status, NEUTRAL) for status in rows["status"]]
    ax.barh(y, rows["attainment_pct"], color=colours, height=0.6)
    top = max(110.0, float(np.nanmax(rows["attainment_pct"])) * 1.15) if len(rows) else 110.0
    for i, (_, row) in enumerate(rows.iterrows()):
        text = format_vn_number(row["attainment_pct"], 1) + "%"
        if row["status"] == "in_progress" and pd.notna(row.get("elapsed")):
            text += f" (đã qua {format_vn_number(row['elapsed'] * 100)}% thời gian)"
        if pd.isna(row["attainment_high"]):
            text = "trên " + text
            ax.annotate(
                "",
                xy=(row["attainment_pct"] + top * 0.06, i),
                xytext=(row["attainment_pct"], i),
                arrowprops={"arrowstyle": "->", "color": "#444444"},
            )
        offset = top * (0.07 if pd.isna(row["attainment_high"]) else 0.01)
        ax.text(row["attainment_pct"] + offset, i, text, va="center", fontsize=8)
    ax.axvline(100, color="#333333", linestyle="--", linewidth=1)
    ax.text(
        100,
        1.01,
        "100% chỉ tiêu",
        ha="center",
        va="bottom",
        fontsize=8,
        transform=ax.get_xaxis_transform(),
    )
    ax.set_xlim(0, top * 1.12)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    _vn_axis(ax, "%")
    ax.set_xlabel("Mức đạt chỉ tiêu kết nạp đảng viên (%)")
    _source_note(fig, sources)
    return fig


TILE_COLUMNS = 7


def coverage_tiles(coverage: pd.DataFrame, title: str, sources: str):
    """The 63 provinces as tiles in GSO-code order (north to south), shaded by sources held.

    ``coverage`` needs ``province`` and ``sources``; a province with no figure is a pale tile
    marked "—", so what is missing is as visible as what is there.
    """
    use_style()
    rows = -(-len(coverage) // TILE_COLUMNS)
    fig = Figure(figsize=(WIDTH, 0.62 * rows + 0.9))
    ax = fig.add_axes((0.01, 0.06, 0.98, 0.86))
    ax.set_title(title, loc="left", fontsize=11)
    most = max(int(coverage["sources"].max()), 1)
    for i, (_, row) in enumerate(coverage.iterrows()):
        x, y = i % TILE_COLUMNS, rows - 1 - i // TILE_COLUMNS
        held = int(row["sources"])
        shade = "#f0f0f0" if not held else matplotlib.colormaps["Greens"](0.35 + 0.6 * held / most)
        ax.add_patch(Rectangle((x, y), 0.95, 0.9, color=shade))
        dark = held and held / most > 0.5
        ax.text(x + 0.47, y + 0.58, row["province"], ha="center", va="center", fontsize=7.5,
                color="white" if dark else "black")  # fmt: skip
        ax.text(x + 0.47, y + 0.25, f"{held} bài" if held else "—", ha="center", va="center",
                fontsize=7.5, color="white" if dark else "#555555")  # fmt: skip
    ax.set_xlim(0, TILE_COLUMNS)
    ax.set_ylim(0, rows)
    ax.axis("off")
    _source_note(fig, sources)
    return fig
