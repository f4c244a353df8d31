"""Charts with Vietnamese titles, axis units and a source note, legible on a 390-pixel phone.

The report charts are drawn as SVG by arithmetic: a label on its own line above its bar, bars of
a fixed height, text wrapped by character count. Nothing needs measuring, so nothing is laid out
twice; matplotlib drew the same marks at about 40 ms a chart, a third of a province profile's
time, where this takes well under a millisecond. Matplotlib still picks the axis ticks and the
tile colours, and :func:`svg_bytes` embeds an analyst's own matplotlib figure in a report.

Text is written as text in DejaVu Sans, which has every Vietnamese glyph (a reader without it
gets the browser's sans-serif). ElementTree writes the SVG, so every label is escaped.
"""

from __future__ import annotations

import io
import os
import re
import textwrap
import xml.etree.ElementTree as ET

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import colormaps, colors, ticker

from helpers.data.frames import column_values
from helpers.data.numbers import format_vn_number

FONT = "DejaVu Sans"
# Colour per ordinal level: 4 top … 1 bottom (colour-blind safe, readable in greyscale print).
LEVEL_COLOURS = {4: "#1b7837", 3: "#7fbf7b", 2: "#fdb863", 1: "#b2182b", 0: "#d9d9d9"}
# exceeded and met in green, not met in red; a part-year flow or an open answer in neutral grey
STATUS_COLOURS = {"exceeded": "#1b7837", "met": "#1b7837", "not_met": "#b2182b"}
NEUTRAL = "#8c8c8c"
NOTE_COLOUR = "#444444"

# Phone first: a chart is 4.5 in (324 pt) wide and shown at most that wide; at 390 CSS px
# (358 px of page) its smallest text, 10.5 pt, shows at 10.5 x 358 / 324 = 11.6 px. Every label
# sits on its own line above its bar, so the bars keep the whole width. Units are points.
WIDTH = 4.5  # inches
W = WIDTH * 72
FONT_PT = 10.5  # the smallest text of every chart
TITLE_PT = 12.0
LINE = FONT_PT * 1.3  # one line of small text
TITLE_LINE = TITLE_PT * 1.3
BAR = 0.2 * 72
LEFT, RIGHT = 0.03 * W, 0.93 * W  # the plotting area across the chart
TITLE_CHARS = 40  # a line of bold title text at 12 pt across the chart
NOTE_CHARS = 50  # a line of small text across the chart
LABEL_CHARS = 44
# Shares printed inside the bars only on short charts: a long one would be cluttered; the table
# under each chart gives every value.
VALUE_LABELS_UP_TO = 8
PERCENT_TICKS = list(range(0, 101, 25))
# DejaVu Sans, as fractions of the font size: where a baseline goes for text placed by its top,
# middle (of a digit or capital) or bottom.
ASCENT, DESCENT, CAP = 0.93, 0.24, 0.73


def _num(value: float) -> str:
    """A coordinate as short, stable text: two decimals at most, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _font(size: float, bold: bool = False) -> str:
    return f"font: {'bold ' if bold else ''}{_num(size)}px '{FONT}'"


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(str(text), width) or [""]


class Chart:
    """A finished chart: SVG drawn in points, y downwards.

    Lab shows it inline (``_repr_svg_``); :func:`helpers.report.figure_html` embeds it in a
    report; ``savefig`` writes it to a file, as a matplotlib figure would (SVG only)."""

    def __init__(self, height: float):
        self.height = height
        self._root = ET.Element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "width": f"{_num(W)}pt",
                "height": f"{_num(height)}pt",
                "viewBox": f"0 0 {_num(W)} {_num(height)}",
                "version": "1.1",
            },
        )
        self.rect(0, 0, W, height, "#ffffff")

    # --------------------------------------------------------------------- marks

    def _add(self, tag: str, **attrs) -> ET.Element:
        attrib = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items() if v is not None}
        return ET.SubElement(self._root, tag, attrib)

    def rect(self, x, y, width, height, fill, stroke=None, stroke_width=None) -> None:
        self._add("rect", x=_num(x), y=_num(y), width=_num(max(width, 0)),
                  height=_num(height), fill=fill, stroke=stroke,
                  stroke_width=stroke_width and _num(stroke_width))  # fmt: skip

    def line(self, x1, y1, x2, y2, stroke, width=1.0, dash=None) -> None:
        self._add("line", x1=_num(x1), y1=_num(y1), x2=_num(x2), y2=_num(y2), stroke=stroke,
                  stroke_width=_num(width), stroke_dasharray=dash)  # fmt: skip

    def polygon(self, points, fill, stroke=None, width=None) -> None:
        self._add("polygon", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points),
                  fill=fill, stroke=stroke, stroke_width=width and _num(width))  # fmt: skip

    def polyline(self, points, stroke, width=1.0) -> None:
        self._add("polyline", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points),
                  fill="none", stroke=stroke, stroke_width=_num(width))  # fmt: skip

    def circle(self, x, y, r, fill) -> None:
        self._add("circle", cx=_num(x), cy=_num(y), r=_num(r), fill=fill)

    def text(self, x, y, lines, *, size=FONT_PT, anchor="start", place="top", bold=False,
             fill=None, halo=False, line_height=None) -> None:  # fmt: skip
        """Lines of text at ``x``; ``place`` says whether ``y`` is the block's top, the middle
        of its (single) line of digits or capitals, or its bottom."""
        lines = [lines] if isinstance(lines, str) else list(lines)
        step = line_height or size * 1.3
        if place == "top":
            first = y + ASCENT * size
        elif place == "middle":
            first = y + CAP * size / 2 - (len(lines) - 1) * step / 2
        else:  # bottom
            first = y - DESCENT * size - (len(lines) - 1) * step
        for i, line in enumerate(lines):
            element = self._add(
                "text", x=_num(x), y=_num(first + i * step), style=_font(size, bold),
                fill=fill, text_anchor=None if anchor == "start" else anchor,
            )  # fmt: skip
            if halo:  # a white outline under the letters: legible across a line or a bar
                element.set("stroke", "#ffffff")
                element.set("stroke-width", "3")
                element.set("stroke-linejoin", "round")
                element.set("paint-order", "stroke")
            element.text = line

    def title(self, x: float, lines: list[str]) -> None:
        """The bold title, from the chart's top."""
        self.text(x, 0.12 * 72, lines, size=TITLE_PT, bold=True, line_height=TITLE_LINE)

    def note(self, x: float, lines: list[str]) -> None:
        """The source note, down to the chart's bottom."""
        self.text(x, self.height - 0.1 * 72, lines, place="bottom", fill=NOTE_COLOUR,
                  line_height=LINE)  # fmt: skip

    # --------------------------------------------------------------------- output

    @property
    def svg(self) -> bytes:
        """The chart as SVG bytes: the same chart gives the same bytes."""
        return ET.tostring(self._root, encoding="unicode").encode("utf-8")

    def _repr_svg_(self) -> str:
        return self.svg.decode("utf-8")

    def savefig(self, fname, format: str | None = None, **_) -> None:
        """Write the SVG to a path or a binary file, as ``Figure.savefig`` would."""
        if format is None and not hasattr(fname, "write"):
            format = os.path.splitext(os.fspath(fname))[1].lstrip(".").lower()
        if format not in (None, "svg"):
            raise ValueError(f"a report chart is SVG only, not {format!r}: save it as .svg")
        if hasattr(fname, "write"):
            fname.write(self.svg)
        else:
            with open(fname, "wb") as out:
                out.write(self.svg)


# --------------------------------------------------------------------------- the row layout


class _Rows:
    """A chart with one row per label (the label on its own lines, its bar below), a title,
    optional legend rows under it, an x axis, its label and the source note."""

    def __init__(self, labels: list[str], legend_rows: int, title: str, xlabel: str,
                 sources: str, xlim: tuple[float, float]):  # fmt: skip
        self.title = _lines(title, TITLE_CHARS)
        self.note = _lines(f"Nguồn: {sources}", NOTE_CHARS)
        self.xlabel = _lines(xlabel, NOTE_CHARS)
        self.legend_top = 0.12 * 72 + len(self.title) * TITLE_LINE + 0.06 * 72
        self.top = 0.12 * 72 + len(self.title) * TITLE_LINE + legend_rows * LINE * 1.15 + 0.12 * 72
        self.centres, self.label_tops, y = [], [], self.top + 0.08 * 72
        for text in labels:
            self.label_tops.append(y)
            y += (text.count("\n") + 1) * LINE + 0.04 * 72
            self.centres.append(y + BAR / 2)
            y += BAR + 0.14 * 72
        self.bottom = max(y, self.top + 0.6 * 72)  # the x axis
        height = (
            self.bottom + 0.12 * 72 + LINE * (1.6 + len(self.xlabel) + len(self.note)) + 0.2 * 72
        )
        self.chart = Chart(height)
        self.xlim = xlim
        self.labels = labels

    def x(self, value: float) -> float:
        low, high = self.xlim
        return LEFT + (value - low) / (high - low) * (RIGHT - LEFT)

    def finish(self, ticks: list[tuple[float, str]]) -> Chart:
        c = self.chart
        for text, top in zip(self.labels, self.label_tops, strict=True):
            c.text(LEFT, top, text.split("\n"), halo=True, line_height=LINE)
        c.title(LEFT, self.title)
        c.line(LEFT, self.bottom, RIGHT, self.bottom, "#000000", 0.8)
        for value, label in ticks:
            x = self.x(value)
            c.line(x, self.bottom, x, self.bottom + 3.5, "#000000", 0.8)
            c.text(x, self.bottom + 7, label, anchor="middle")
        c.text(LEFT, self.bottom + 7 + LINE + 4, self.xlabel, line_height=LINE)
        c.note(LEFT, self.note)
        return c

    def legend(self, entries: list[tuple], across: bool = False) -> None:
        """One (mark, colour, name) per row under the title, or all on one row ``across`` (short
        names: each takes its mark, about 0.6 em a character, and a gap)."""
        c, em = self.chart, FONT_PT
        x, row = LEFT, 0
        for mark, colour, name in entries:
            middle = self.legend_top + (row + 0.5) * 1.35 * em
            mark(c, x + 0.6 * em, middle, colour)
            c.text(x + 2.0 * em, middle, name, place="middle")
            if across:
                x += (2.0 + 0.6 * len(name) + 1.5) * em
            else:
                row += 1


def _wrap(labels: list[str], width: int = LABEL_CHARS) -> list[str]:
    """Long labels on several lines, so long organization names stay legible on a phone."""
    return ["\n".join(textwrap.wrap(str(text), width)) or str(text) for text in labels]


def _ticks(low: float, high: float, unit: str) -> list[tuple[float, str]]:
    """At most five round ticks inside [low, high], as matplotlib's MaxNLocator(4) picks them."""
    values = ticker.MaxNLocator(4).tick_values(low, high)
    span = (high - low) * 1e-9
    return [(float(v), format_vn_number(float(v)) + unit)
            for v in values if low - span <= v <= high + span]  # fmt: skip


def _share_or_zero(share) -> float:
    """A share to draw: a missing one is an empty segment."""
    return 0.0 if share is None or pd.isna(share) else float(share)


# --------------------------------------------------------------------------- the charts


def tier_share_chart(rows: pd.DataFrame, title: str, sources: str) -> Chart:
    """100% stacked horizontal bars: one bar per label, one segment per tier (level 4 first).

    ``rows`` needs columns ``label``, ``level``, ``category_label`` and ``share``.
    """
    wrapped = _wrap(list(rows["label"]))
    labels = list(dict.fromkeys(wrapped))
    levels, names = column_values(rows["level"]), column_values(rows["category_label"])
    tiers: dict = {}  # level -> its name, as first given
    for level, name in zip(levels, names, strict=True):
        tiers.setdefault(level, name)
    shares: dict = {}  # (level, label) -> share
    for key, share in zip(zip(levels, wrapped, strict=True), column_values(rows["share"])):
        if key in shares:
            raise ValueError(f"two shares for {key[1]!r} at level {key[0]}")
        shares[key] = share
    layout = _Rows(labels, len(tiers), title, "Tỷ lệ trong tổng số được xếp loại (%)", sources,
                   (0.0, 100.0))  # fmt: skip
    c = layout.chart
    left = [0.0] * len(labels)
    legend = []
    for level in sorted(tiers, reverse=True):
        colour = LEVEL_COLOURS[int(level)]
        legend.append((_swatch, colour, str(tiers[level])))
        for i, (label, centre) in enumerate(zip(labels, layout.centres, strict=True)):
            value = _share_or_zero(shares.get((level, label)))
            x0, x1 = layout.x(left[i]), layout.x(left[i] + value)
            if value > 0:
                c.rect(x0, centre - BAR / 2, x1 - x0, BAR, colour, "#ffffff", 0.5)
            if value >= 12 and len(labels) <= VALUE_LABELS_UP_TO:
                c.text((x0 + x1) / 2, centre, format_vn_number(value, 1), anchor="middle",
                       place="middle", fill="#ffffff" if level in (4, 1) else "#000000")  # fmt: skip
            left[i] += value
    layout.legend(legend)
    return layout.finish([(t, format_vn_number(t) + "%") for t in PERCENT_TICKS])


def _swatch(c: Chart, x: float, y: float, colour: str) -> None:
    em = FONT_PT
    c.rect(x - 0.6 * em, y - 0.35 * em, 1.2 * em, 0.7 * em, colour, "#ffffff", 0.5)


def _dot(c: Chart, x: float, y: float, colour: str) -> None:
    c.circle(x, y, 3.4, colour)


def _diamond(c: Chart, x: float, y: float, colour: str) -> None:
    r = 3.6
    c.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], "#ffffff", colour, 1.2)


def actual_vs_target_chart(
    rows: pd.DataFrame, title: str, xlabel: str, sources: str, unit: str = "%"
) -> Chart:
    """Dot for the actual value, open diamond for the target, one line per label.

    ``rows`` needs columns ``label``, ``actual`` and ``target`` (target may be missing).
    """
    labels = _wrap(list(rows["label"]))
    actual = [float(v) for v in rows["actual"]]
    target = [None if pd.isna(v) else float(v) for v in rows["target"]]
    values = [v for v in actual + target if v is not None and np.isfinite(v)] or [0.0, 1.0]
    low, high = min(values), max(values)
    margin = (high - low) * 0.05  # matplotlib's default margins
    low, high = ticker.MaxNLocator(4).nonsingular(low - margin, high + margin)
    layout = _Rows(labels, 1, title, xlabel, sources, (low, high))
    c = layout.chart
    for a, t, y in zip(actual, target, layout.centres, strict=True):
        if t is not None and np.isfinite(a):
            c.line(layout.x(t), y, layout.x(a), y, "#999999", 1.5)
        if t is not None:
            _diamond(c, layout.x(t), y, "#b2182b")
        if np.isfinite(a):  # a missing value is not drawn (its row keeps its label)
            _dot(c, layout.x(a), y, "#1b7837")
    layout.legend([(_dot, "#1b7837", "Thực hiện"), (_diamond, "#b2182b", "Chỉ tiêu")], across=True)
    return layout.finish(_ticks(low, high, unit))


def attainment_chart(rows: pd.DataFrame, title: str, sources: str) -> Chart:
    """Attainment of the recruitment target in percent against the 100% line.

    ``rows`` needs ``label``, ``attainment_pct``, ``attainment_high`` and ``status``; a missing
    upper bound (the source says "trên") is drawn as an arrow to the right. Only a finished period
    is coloured as met or not met: a part-year flow ("đang thực hiện") stays neutral grey, with
    the share of the year elapsed beside its value. Each value is written on its label's line.
    """
    texts = []
    for _, row in rows.iterrows():
        text = format_vn_number(row["attainment_pct"], 1) + "%"
        if pd.isna(row["attainment_high"]):
            text = "trên " + text
        if row["status"] == "in_progress" and pd.notna(row.get("elapsed")):
            text += f" (đã qua {format_vn_number(row['elapsed'] * 100)}% thời gian)"
        texts.append(text)
    labels = _wrap([f"{label}: {text}" for label, text in zip(rows["label"], texts, strict=True)])
    top = max(110.0, float(np.nanmax(rows["attainment_pct"])) * 1.1) if len(rows) else 110.0
    layout = _Rows(labels, 1, title, "Mức đạt chỉ tiêu kết nạp đảng viên (%)", sources, (0.0, top))
    c = layout.chart
    for (_, row), y in zip(rows.iterrows(), layout.centres, strict=True):
        value = float(row["attainment_pct"])
        c.rect(layout.x(0), y - BAR / 2, layout.x(value) - layout.x(0), BAR,
               STATUS_COLOURS.get(row["status"], NEUTRAL))  # fmt: skip
        if pd.isna(row["attainment_high"]):  # an arrow: the value is "more than"
            start, end = layout.x(value), layout.x(min(value + top * 0.06, top))
            c.line(start, y, end, y, NOTE_COLOUR, 1)
            c.polyline([(end - 4, y - 2.5), (end, y), (end - 4, y + 2.5)], NOTE_COLOUR, 1)
    hundred = layout.x(100)
    c.line(hundred, layout.top, hundred, layout.bottom, "#333333", 1, dash="3.7,1.6")
    c.text(hundred, layout.top - 2, "100% chỉ tiêu", anchor="middle", place="bottom")
    return layout.finish(_ticks(0.0, top, "%"))


TILE_COLUMNS = 4  # four tiles across a phone: a name of 10 characters a line fits a tile
TILE_CHARS = 10


def coverage_tiles(coverage: pd.DataFrame, title: str, sources: str) -> Chart:
    """The 63 provinces as tiles in GSO-code order (north to south), shaded by sources held.

    ``coverage`` needs ``province`` and ``sources``; a province with no figure is a pale tile
    marked "—", so what is missing is as visible as what is there.
    """
    rows = -(-len(coverage) // TILE_COLUMNS)
    tile = 3.4 * LINE + 0.14 * 72
    title_lines = _lines(title, TITLE_CHARS)
    note_lines = _lines(f"Nguồn: {sources}", NOTE_CHARS)
    top = 0.12 * 72 + len(title_lines) * TITLE_LINE + 0.1 * 72
    height = top + rows * tile + 0.1 * 72 + len(note_lines) * LINE + 0.15 * 72
    c = Chart(height)
    c.title(0.01 * W, title_lines)
    c.note(0.01 * W, note_lines)
    column = 0.98 * W / TILE_COLUMNS
    most = max(int(coverage["sources"].max()), 1) if len(coverage) else 1
    for i, (province, held) in enumerate(
        zip(coverage["province"], coverage["sources"], strict=True)
    ):
        held = int(held)
        x, y = 0.01 * W + (i % TILE_COLUMNS) * column, top + (i // TILE_COLUMNS) * tile
        shade = (
            "#f0f0f0" if not held else colors.to_hex(colormaps["Greens"](0.35 + 0.6 * held / most))
        )
        c.rect(x, y + 0.08 * tile, 0.96 * column, 0.92 * tile, shade)
        dark = held and held / most > 0.5
        name = textwrap.wrap(str(province), TILE_CHARS) or [""]
        c.text(x + 0.48 * column, y + 0.37 * tile, name, anchor="middle", place="middle",
               fill="#ffffff" if dark else "#000000", line_height=FONT_PT * 1.2)  # fmt: skip
        c.text(x + 0.48 * column, y + 0.82 * tile, f"{held} bài" if held else "—",
               anchor="middle", place="middle", fill="#ffffff" if dark else "#333333")  # fmt: skip
    return c


# --------------------------------------------------------------------------- output


def svg_bytes(figure) -> bytes:
    """A report chart's SVG, or an analyst's own matplotlib figure as SVG with no date in it,
    its text kept as text: the same figure gives the same bytes."""
    if isinstance(figure, Chart):
        return figure.svg
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "tccsd", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- phone check


def smallest_text_px(svg: bytes | str, shown_width_px: float) -> float:
    """The smallest font size of an SVG chart, in CSS px, when the image is shown
    ``shown_width_px`` wide: font size x shown width / the SVG's own width (its viewBox).

    Text is written as ``<text style="font: 10.5px 'DejaVu Sans'">`` in the units of the
    viewBox (points), so the image's scale applies to every text alike.
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    box = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', text)
    sizes = [float(v) for v in re.findall(r"font(?:-size)?:\s*(?:[a-z]+\s+)*([0-9.]+)px", text)]
    if not box or not sizes:
        raise ValueError("not an SVG chart with text")
    return min(sizes) * shown_width_px / float(box.group(1))
