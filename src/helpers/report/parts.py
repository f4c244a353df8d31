"""What the notebooks show readers: parameter checks, Vietnamese findings, tables and figures as HTML.

Every string from the data passes through ``html.escape`` before it reaches the page, so a quote or
an organization name with markup shows as text and never runs. Charts are embedded as SVG data
URIs with alt text, so a rendered report needs nothing outside its own file.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from helpers.data.numbers import format_vn_number, format_vn_percent
from helpers.data.provinces import UnknownProvinceError, province_index, provinces_in_data
from helpers.errors import ParameterError
from helpers.paths import DATA_DIR

QUALIFIER_WORDS = {
    "approximately": "khoảng ",
    "estimate": "ước ",
    "more_than": "trên ",
    "at_least": "ít nhất ",
    "at_most": "tối đa ",
    "less_than": "dưới ",
}
PERIOD_KIND_WORDS = {
    "year": "Năm",
    "term": "Giai đoạn",
    "since": "Từ năm",
    "as_of": "Tính đến",
    "year_to_date": "Tính đến",
}
NO_DATA = "Không có dữ liệu"
MAX_BARS = 25  # a chart with more bars than this is unreadable: show a sorted table instead


# --------------------------------------------------------------------------- parameters


def check_data_dir(data_dir: str | Path | None) -> Path:
    """The data folder to read: the bundled ``data/`` when empty."""
    path = Path(data_dir) if data_dir else DATA_DIR
    if not (path / "datapackage.json").is_file():
        raise ParameterError(
            f"data_dir {str(path)!r} holds no datapackage.json; use a folder laid out like {DATA_DIR}"
        )
    return path


def check_date(value: str | None) -> dt.date:
    """A report date as YYYY-MM-DD (empty means today)."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> dt.date:
    raise ParameterError(
        f"report_date {value!r} is not a date: write YYYY-MM-DD, e.g. 2026-11-22, or leave it empty for today"
    )


def check_province(
    value: str | None, data_dir: Path = DATA_DIR, required: bool = False
) -> str | None:
    """Canonical name for any spelling of a province; None for an empty optional value.

    Raises:
        ParameterError: naming the closest matches and the provinces that have data.
    """
    if not value:
        if required:
            raise ParameterError(
                f"province is required; provinces with data: {', '.join(provinces_in_data(data_dir))}"
            )
        return None
    try:
        return province_index(Path(data_dir)).resolve(value)
    except UnknownProvinceError as exc:
        close = f"closest matches: {', '.join(exc.suggestions)}; " if exc.suggestions else ""
        raise ParameterError(
            f"unknown province {value!r}; {close}provinces with data: {', '.join(provinces_in_data(data_dir))} "
            f"(any of the 63 provinces in provinces.csv, in any spelling, is accepted)"
        ) from None


# --------------------------------------------------------------------------- words and numbers


def vn_value(
    value: float, unit: str, qualifier: str | None = None, decimals: int | None = None
) -> str:
    """A figure as a reader expects it: "1.395", "97,5%", "khoảng 12.000", "trên 124%"."""
    if pd.isna(value):
        return "—"
    text = (
        format_vn_percent(value, decimals)
        if unit == "percent"
        else format_vn_number(value, decimals)
    )
    return QUALIFIER_WORDS.get(qualifier or "", "") + text


def vn_period(period: str | None, kind: str | None, text: str | None = None) -> str:
    """The period as the article printed it ("9 tháng đầu năm 2021") when recorded, else
    "Năm 2017", "Giai đoạn 2015-2020", "Tính đến 30/06/2022", or "Thời điểm không ghi rõ"."""
    if isinstance(text, str) and text:
        return text[0].upper() + text[1:]
    if kind == "undated" or not isinstance(period, str) or not period:
        return "Thời điểm không ghi rõ"
    if kind in ("as_of", "year_to_date") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", period):
        period = f"{dt.date.fromisoformat(period):%d/%m/%Y}"
    return f"{PERIOD_KIND_WORDS.get(kind, '')} {period}".strip()


def vn_pp(value: float) -> str:
    """Percentage points: "5,0 điểm phần trăm"."""
    return f"{format_vn_number(abs(value), 1)} điểm phần trăm"


# --------------------------------------------------------------------------- HTML


def esc(text: object) -> str:
    """Escaped text; missing values show as a dash."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return "—"
    return html.escape(str(text), quote=True)


class Html:
    """HTML a notebook displays (``_repr_html_``) and the renderer embeds as it is."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        """The text without markup: the notebook's text/plain output, the same on every run."""
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.markup)).split())
        return text if len(text) <= 300 else text[:299] + "…"


def findings(sentences: Sequence[str], title: str = "Phát hiện chính") -> Html:
    """The key findings box that opens a report; sentences are escaped here."""
    items = "".join(f"<li>{esc(s)}</li>" for s in sentences) or f"<li>{NO_DATA}.</li>"
    return Html(
        f'<section class="findings" aria-label="{esc(title)}"><h2 id="phat-hien-chinh">{esc(title)}</h2><ul>{items}</ul></section>'
    )


def no_data(what: str) -> Html:
    """Says in words that a selection is empty."""
    return Html(f'<p class="no-data">{NO_DATA}: {esc(what)}.</p>')


# A value column and the column holding its qualifier ("trên", "gần"): they travel together.
QUALIFIED = {
    "value": "qualifier",
    "count": "qualifier",
    "share": "qualifier",
    "actual": "qualifier",
    "admitted": "admitted_qualifier",
    "target": "target_qualifier",
}


def table(
    frame: pd.DataFrame,
    columns: dict[str, str],
    caption: str | None = None,
    formats: dict | None = None,
) -> Html:
    """An escaped HTML table with Vietnamese headers; ``formats`` maps a column to a formatter.

    A value whose row carries a qualifier (see ``QUALIFIED``) is shown with its words: "trên 90%".
    """
    if frame.empty:
        return no_data(caption or "bảng trống")
    formats = formats or {}
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in columns.values())
    body = []
    for _, row in frame.iterrows():
        cells = []
        for column in columns:
            value = row[column]
            shown = formats[column](value) if column in formats and not _missing(value) else value
            qualifier = row.get(QUALIFIED.get(column, ""), None)
            if not _missing(value) and isinstance(qualifier, str):
                shown = QUALIFIER_WORDS.get(qualifier, "") + str(shown)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            cells.append(f'<td class="{"num" if numeric else "txt"}">{esc(shown)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return Html(
        f'<div class="table-wrap"><table>{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def quote_list(frame: pd.DataFrame, sources: pd.DataFrame) -> Html:
    """Each figure's quote with its source, as a list a reader can check against the article."""
    if frame.empty:
        return no_data("không có trích dẫn")
    headlines = sources.set_index("source_id")["headline"]
    items = []
    for _, row in frame.iterrows():
        headline = headlines.get(row["source_id"], row["source_id"])
        items.append(
            f'<li><q>{esc(row["quote"])}</q> <span class="cite">({esc(row["figure_id"])}, {esc(row["source_id"])}: {esc(headline)})</span></li>'
        )
    return Html('<ul class="quotes">' + "".join(items) + "</ul>")


def figure_html(fig, alt: str, caption: str | None = None) -> Html:
    """A matplotlib figure as an embedded SVG with alt text; the same figure gives the same bytes."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return Html(
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}">{cap}</figure>'
    )


def join_vn(items: Iterable[str]) -> str:
    """ "a, b và c" """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def dateline(date: dt.date, package) -> Html:
    """ "Ngày lập: 22/11/2026 · Dữ liệu: 41 số liệu, 5 nguồn" under a report's title."""
    figures, sources = len(package.figures), len(package.sources)
    return Html(
        f'<p class="dateline">Ngày lập: {date:%d/%m/%Y} · Dữ liệu: {format_vn_number(figures)} số liệu, '
        f"{format_vn_number(sources)} nguồn</p>"
    )
