"""Charts with Vietnamese titles, axis units and a source note, legible on a 390-pixel phone.

Matplotlib ships DejaVu Sans, which has every Vietnamese glyph; it is set explicitly so that no
machine falls back to a font without them (a missing glyph fails the tests).
"""

from __future__ import annotations

import codecs
import io
import textwrap

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
from matplotlib import cbook
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import findfont
from matplotlib.patches import Rectangle

from helpers.data.frames import column_values
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


def _wrap(labels: list[str], width: int = 44) -> list[str]:
    """Long labels on several lines, so long organization names stay legible on a phone."""
    return ["\n".join(textwrap.wrap(str(text), width)) or str(text) for text in labels]


# Phone first: a chart is drawn 4.5 in wide (324 pt) and shown at most that wide; at 390 CSS px
# (358 px of page) its smallest text, 10.5 pt, shows at 10.5 x 358 / 324 = 11.6 px. Every label
# sits on its own line above its bar, so the bars keep the whole width.
WIDTH = 4.5  # inches
FONT_PT = 10.5  # the smallest text of every chart
TITLE_PT = 12.0
LINE_IN = FONT_PT * 1.3 / 72  # one line of small text, in inches
BAR_IN = 0.2
TITLE_CHARS = 40  # a line of bold title text at 12 pt across the chart
NOTE_CHARS = 50  # a line of small text across the chart
# Shares printed inside the bars only on short charts: a long one would be cluttered (and every
# label is a text to lay out); the table under each chart gives every value.
VALUE_LABELS_UP_TO = 8
PERCENT_TICKS = list(range(0, 101, 25))


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _figure(labels: list[str], legend_rows: int, title: str, xlabel: str, sources: str):
    """A figure with one row per label (the label on its own lines, its bar below), sized by
    arithmetic rather than a layout engine (which would render every text twice).

    Returns the figure, the axes and each bar's centre; y runs downwards in inches.
    """
    title_lines = _lines(title, TITLE_CHARS)
    note_lines = _lines(f"Nguồn: {sources}", NOTE_CHARS)
    xlabel_lines = _lines(xlabel, NOTE_CHARS)
    top_in = 0.12 + len(title_lines) * TITLE_PT * 1.3 / 72 + legend_rows * LINE_IN * 1.15 + 0.12
    bottom_in = 0.12 + LINE_IN * (1.6 + len(xlabel_lines) + len(note_lines)) + 0.2
    centres, y = [], 0.08
    for text in labels:
        y += (text.count("\n") + 1) * LINE_IN + 0.04
        centres.append(y + BAR_IN / 2)
        y += BAR_IN + 0.14
    body = max(y, 0.6)
    height = top_in + body + bottom_in
    fig = Figure(figsize=(WIDTH, height))  # not pyplot: no figure manager to create and close
    ax = fig.add_axes((0.03, bottom_in / height, 0.9, body / height))
    ax.set_ylim(body, 0)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    for text, centre in zip(labels, centres, strict=True):
        ax.text(0, centre - BAR_IN / 2 - 0.03, text, transform=ax.get_yaxis_transform(),
                ha="left", va="bottom", fontsize=FONT_PT, linespacing=1.15, zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85})  # fmt: skip
    fig.text(0.03, 1 - 0.12 / height, "\n".join(title_lines), ha="left", va="top",
             fontsize=TITLE_PT, fontweight="bold")  # fmt: skip
    ax.set_xlabel("\n".join(xlabel_lines), fontsize=FONT_PT, loc="left")
    ax.tick_params(labelsize=FONT_PT)
    fig.text(0.03, 0.1 / height, "\n".join(note_lines), ha="left", va="bottom",
             fontsize=FONT_PT, color="#444444")  # fmt: skip
    title_in = 0.12 + len(title_lines) * TITLE_PT * 1.3 / 72 + 0.06
    fig._tccsd_legend_top = 1 - title_in / height  # figure fraction, under the title
    return fig, ax, np.array(centres)


def _swatch_legend(fig, entries: list[tuple[str, str]]) -> None:
    """One row per (colour, name) under the title: a swatch and its name, placed by arithmetic
    in the rows ``_figure`` reserved. Matplotlib's legend would lay every name out several times
    over (a tenth of a profile's time); these are the same marks, drawn once."""
    height = fig.get_size_inches()[1]
    em_x, em_y = FONT_PT / 72 / WIDTH, FONT_PT / 72 / height  # figure fractions
    row = 1.35 * em_y  # a line of text and matplotlib's legend spacing (0.25 em)
    x = 0.03
    for i, (colour, name) in enumerate(entries):
        centre = fig._tccsd_legend_top - (i + 0.5) * row
        fig.add_artist(
            Rectangle(
                (x, centre - 0.35 * em_y), 1.2 * em_x, 0.7 * em_y, transform=fig.transFigure,
                facecolor=colour, edgecolor="white", linewidth=0.5,
            )
        )  # fmt: skip
        fig.text(x + 2.0 * em_x, centre, name, ha="left", va="center", fontsize=FONT_PT)


def _legend(fig, ax, ncol: int = 1) -> None:
    handles, names = ax.get_legend_handles_labels()
    fig.legend(handles, names, loc="upper left", bbox_to_anchor=(0.03, fig._tccsd_legend_top),
               ncol=ncol, frameon=False, fontsize=FONT_PT, borderaxespad=0, handlelength=1.2,
               borderpad=0, labelspacing=0.25)  # fmt: skip


def _vn_axis(ax, unit: str) -> None:
    ax.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda v, _: format_vn_number(v) + unit)
    )


def _share_or_zero(share) -> float:
    """A share to draw: a missing one is an empty segment."""
    return 0.0 if share is None or pd.isna(share) else float(share)


def tier_share_chart(rows: pd.DataFrame, title: str, sources: str):
    """100% stacked horizontal bars: one bar per label, one segment per tier (level 4 first).

    ``rows`` needs columns ``label``, ``level``, ``category_label`` and ``share``.
    """
    use_style()
    rows = rows.assign(label=_wrap(list(rows["label"])))
    labels = list(dict.fromkeys(rows["label"]))
    levels, names = column_values(rows["level"]), column_values(rows["category_label"])
    tiers: dict = {}  # level -> its name, as first given
    for level, name in zip(levels, names, strict=True):
        tiers.setdefault(level, name)
    shares: dict = {}  # (level, label) -> share; read once rather than a frame filter per tier
    for key, share in zip(zip(levels, rows["label"], strict=True), column_values(rows["share"])):
        if key in shares:
            raise ValueError(f"two shares for {key[1]!r} at level {key[0]}")
        shares[key] = share
    fig, ax, y = _figure(
        labels, len(tiers), title, "Tỷ lệ trong tổng số được xếp loại (%)", sources
    )
    left = np.zeros(len(labels))
    legend = []
    for level in sorted(tiers, reverse=True):
        part = np.array(
            [_share_or_zero(shares.get((level, label))) for label in labels], dtype=float
        )
        # One collection per tier rather than a patch per bar: each patch would update the data
        # limits (fixed below anyway) and draw on its own, half of a long chart's time.
        top = y - BAR_IN / 2
        boxes = [
            [(x0, y0), (x0 + w, y0), (x0 + w, y0 + BAR_IN), (x0, y0 + BAR_IN)]
            for x0, y0, w in zip(left, top, part, strict=True)
        ]
        colour = LEVEL_COLOURS[int(level)]
        legend.append((colour, str(tiers[level])))
        ax.add_collection(
            PolyCollection(boxes, facecolors=colour, edgecolors="white", linewidths=0.5),
            autolim=False,
        )
        for x0, centre, value in zip(left, y, part, strict=True):
            if value >= 12 and len(labels) <= VALUE_LABELS_UP_TO:
                ax.text(
                    x0 + value / 2,
                    centre,
                    format_vn_number(value, 1),
                    ha="center",
                    va="center",
                    fontsize=FONT_PT,
                    color="white" if level in (4, 1) else "black",
                )
        left += part
    ax.set_xlim(0, 100)
    ax.set_xticks(PERCENT_TICKS, [format_vn_number(t) + "%" for t in PERCENT_TICKS])
    _swatch_legend(fig, legend)
    return fig


def actual_vs_target_chart(
    rows: pd.DataFrame, title: str, xlabel: str, sources: str, unit: str = "%"
):
    """Dot for the actual value, open diamond for the target, one line per label.

    ``rows`` needs columns ``label``, ``actual`` and ``target`` (target may be missing).
    """
    use_style()
    labels = _wrap(list(rows["label"]))
    fig, ax, y = _figure(labels, 1, title, xlabel, sources)
    for i, (_, row) in enumerate(rows.iterrows()):
        if pd.notna(row["target"]):
            ax.plot(
                [row["target"], row["actual"]], [y[i], y[i]], color="#999999", linewidth=1.5,
                zorder=1,
            )  # fmt: skip
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
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
    _vn_axis(ax, unit)
    _legend(fig, ax, ncol=2)
    return fig


def attainment_chart(rows: pd.DataFrame, title: str, sources: str):
    """Attainment of the recruitment target in percent against the 100% line.

    ``rows`` needs ``label``, ``attainment_pct``, ``attainment_high`` and ``status``; a missing
    upper bound (the source says "trên") is drawn as an arrow to the right. Only a finished period
    is coloured as met or not met: a part-year flow ("đang thực hiện") stays neutral grey, with
    the share of the year elapsed beside its value. Each value is written on its label's line.
    """
    use_style()
    texts = []
    for _, row in rows.iterrows():
        text = format_vn_number(row["attainment_pct"], 1) + "%"
        if pd.isna(row["attainment_high"]):
            text = "trên " + text
        if row["status"] == "in_progress" and pd.notna(row.get("elapsed")):
            text += f" (đã qua {format_vn_number(row['elapsed'] * 100)}% thời gian)"
        texts.append(text)
    labels = _wrap([f"{label}: {text}" for label, text in zip(rows["label"], texts, strict=True)])
    fig, ax, y = _figure(labels, 1, title, "Mức đạt chỉ tiêu kết nạp đảng viên (%)", sources)
    colours = [STATUS_COLOURS.get(status, NEUTRAL) for status in rows["status"]]
    ax.barh(y, rows["attainment_pct"], color=colours, height=BAR_IN)
    top = max(110.0, float(np.nanmax(rows["attainment_pct"])) * 1.1) if len(rows) else 110.0
    for i, (_, row) in enumerate(rows.iterrows()):
        if pd.isna(row["attainment_high"]):
            ax.annotate(
                "",
                xy=(min(row["attainment_pct"] + top * 0.06, top), y[i]),
                xytext=(row["attainment_pct"], y[i]),
                arrowprops={"arrowstyle": "->", "color": "#444444"},
            )
    ax.axvline(100, color="#333333", linestyle="--", linewidth=1)
    ax.text(100, 1.0, "100% chỉ tiêu", ha="center", va="bottom", fontsize=FONT_PT,
            transform=ax.get_xaxis_transform())  # fmt: skip
    ax.set_xlim(0, top)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
    _vn_axis(ax, "%")
    return fig


TILE_COLUMNS = 4  # four tiles across a phone: a name of 10 characters a line fits a tile
TILE_CHARS = 10


def coverage_tiles(coverage: pd.DataFrame, title: str, sources: str):
    """The 63 provinces as tiles in GSO-code order (north to south), shaded by sources held.

    ``coverage`` needs ``province`` and ``sources``; a province with no figure is a pale tile
    marked "—", so what is missing is as visible as what is there.
    """
    use_style()
    rows = -(-len(coverage) // TILE_COLUMNS)
    tile_in = 3.4 * LINE_IN + 0.14
    title_lines = _lines(title, TITLE_CHARS)
    note_lines = _lines(f"Nguồn: {sources}", NOTE_CHARS)
    top_in = 0.12 + len(title_lines) * TITLE_PT * 1.3 / 72 + 0.1
    bottom_in = 0.1 + len(note_lines) * LINE_IN + 0.15
    height = top_in + rows * tile_in + bottom_in
    fig = Figure(figsize=(WIDTH, height))
    ax = fig.add_axes((0.01, bottom_in / height, 0.98, rows * tile_in / height))
    fig.text(0.01, 1 - 0.12 / height, "\n".join(title_lines), ha="left", va="top",
             fontsize=TITLE_PT, fontweight="bold")  # fmt: skip
    fig.text(0.01, 0.1 / height, "\n".join(note_lines), ha="left", va="bottom",
             fontsize=FONT_PT, color="#444444")  # fmt: skip
    most = max(int(coverage["sources"].max()), 1)
    for i, (_, row) in enumerate(coverage.iterrows()):
        x, y = i % TILE_COLUMNS, rows - 1 - i // TILE_COLUMNS
        held = int(row["sources"])
        shade = "#f0f0f0" if not held else matplotlib.colormaps["Greens"](0.35 + 0.6 * held / most)
        ax.add_patch(Rectangle((x, y), 0.96, 0.92, color=shade))
        dark = held and held / most > 0.5
        name = "\n".join(textwrap.wrap(str(row["province"]), TILE_CHARS))
        ax.text(x + 0.48, y + 0.63, name, ha="center", va="center", fontsize=FONT_PT,
                linespacing=1.0, color="white" if dark else "black")  # fmt: skip
        ax.text(x + 0.48, y + 0.18, f"{held} bài" if held else "—", ha="center", va="center",
                fontsize=FONT_PT, color="white" if dark else "#333333")  # fmt: skip
    ax.set_xlim(0, TILE_COLUMNS)
    ax.set_ylim(0, rows)
    ax.axis("off")
    return fig


# --------------------------------------------------------------------------- SVG output

# Text sizes already measured in this process. Matplotlib 3.11 shapes every string with libraqm
# (about 1 ms for a label) and caches the result per renderer, that is per figure saved; the
# same tick labels, legend names and row labels recur in chart after chart.
_TEXT_SIZES: dict[tuple, tuple[float, float, float]] = {}
_TEXT_SIZES_MAX = 50_000


class _RendererSVG(RendererSVG):
    """Matplotlib's SVG renderer, with text sizes measured once per process."""

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:  # mathtext and TeX: measured as matplotlib does
            return super().get_text_width_height_descent(s, prop, ismath)
        key = (
            s, prop.get_size_in_points(), tuple(prop.get_family()), prop.get_style(),
            prop.get_variant(), prop.get_weight(), prop.get_stretch(), prop.get_file(),
            findfont(prop),
        )  # fmt: skip
        size = _TEXT_SIZES.get(key)
        if size is None:
            if len(_TEXT_SIZES) >= _TEXT_SIZES_MAX:
                _TEXT_SIZES.clear()
            size = _TEXT_SIZES[key] = super().get_text_width_height_descent(s, prop, ismath)
        return size


class _CanvasSVG(FigureCanvasSVG):
    def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_):
        """``FigureCanvasSVG.print_svg`` (matplotlib 3.11), drawing with :class:`_RendererSVG`.

        Matplotlib passes raster options (dpi, facecolor, …) to a canvas outside its own
        package; the SVG one never used them, so neither does this."""
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            w, h = width * 72, height * 72
            renderer = MixedModeRenderer(
                self.figure, width, height, dpi,
                _RendererSVG(w, h, fh, image_dpi=dpi, metadata=metadata),
                bbox_inches_restore=bbox_inches_restore,
            )  # fmt: skip
            self.figure.draw(renderer)
            renderer.finalize()


def svg_bytes(fig) -> bytes:
    """The figure as SVG, with no date in it: the same figure gives the same bytes.

    Written as text and encoded once: into a bytes buffer, matplotlib would encode each of a
    chart's thousand small writes through a codecs writer."""
    buffer = io.StringIO()
    canvas = fig.canvas
    _CanvasSVG(fig)  # becomes the figure's canvas for this save
    try:
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        fig.set_canvas(canvas)
    return buffer.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- phone check


def smallest_text_px(svg: bytes | str, shown_width_px: float) -> float:
    """The smallest font size of an SVG chart, in CSS px, when the image is shown
    ``shown_width_px`` wide: font size x shown width / the SVG's own width (its viewBox).

    Matplotlib writes text as ``<text style="font: 10.5px 'DejaVu Sans'">`` in the units of
    its viewBox (points), so the image's scale applies to every text alike.
    """
    import re

    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    box = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', text)
    sizes = [float(v) for v in re.findall(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([0-9.]+)px", text)]
    if not box or not sizes:
        raise ValueError("not a matplotlib SVG with text")
    return min(sizes) * shown_width_px / float(box.group(1))
