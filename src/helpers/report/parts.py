"""What the notebooks show readers: parameter checks, Vietnamese findings, tables and figures as HTML.

Every string from the data passes through ``html.escape`` before it reaches the page, so a quote or
an organization name with markup shows as text and never runs. Charts are embedded as SVG data
URIs with alt text, so a rendered report needs nothing outside its own file.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import gzip
import hashlib
import html
import io
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.data.frames import column_values, is_missing
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
    "month": "Tháng",
    "term": "Giai đoạn",
    "since": "Từ năm",
    "as_of": "Tính đến",
    "year_to_date": "Tính đến",
}
NO_DATA = "Không có dữ liệu"
MAX_BARS = 25  # a chart with more bars than this is unreadable: show a sorted table instead
MAX_ROWS = 200  # a longer table shows its first rows and offers the whole table as a CSV file
# Trend charts of one kind a page draws (each ~40 KB of SVG); the rest are named in a note and
# their figures stay in the page's tables (and their CSV files).
MAX_TREND_CHARTS = 4
TABLES_DIR = "bang"  # where the render writes the CSV of a long table, beside the page
# How a long table's CSV travels in the executed notebook: gzip, base64 (no page shows it).
TABLE_FILE_MIME = "application/gzip"

# Every code a reader could meet, in the words a reader uses. A table column named here shows
# the label, never the code (``table`` does it), so English stays in the data files.
QUALIFIER_LABELS = {
    "exact": "chính xác",
    "approximately": "khoảng",
    "estimate": "ước tính",
    "more_than": "trên",
    "at_least": "ít nhất",
    "at_most": "tối đa",
    "less_than": "dưới",
}
SHARE_BASIS_LABELS = {
    "reported": "theo bài báo",
    "computed": "tính từ số lượng từng mức",
}
TARGET_BASIS_LABELS = {
    "stated": "bài báo nêu trực tiếp",
    "implied_pp_excess": "suy ra từ “vượt X%” trên một tỷ lệ (điểm phần trăm)",
    "implied_relative_excess": "suy ra từ “vượt X%” trên một số lượng (tương đối)",
    "implied_attainment": "suy ra từ “đạt X% chỉ tiêu”",
    "implied_absolute_excess": "suy ra từ “vượt chỉ tiêu N”",
}
REGIME_LABELS = {
    "tsvm": "hệ thang trong sạch vững mạnh (đến 2017)",
    "htxs": "hệ thang hoàn thành xuất sắc (từ 2018)",
}
VALUE_KIND_LABELS = {
    "level": "số hiện có",
    "increase": "số tăng so với kỳ trước",
    "decrease": "số giảm so với kỳ trước",
    "ratio_to_previous": "tỷ lệ so với kỳ trước",
    "cumulative": "số cộng dồn nhiều năm",
}
UNIT_LABELS = {"count": "số lượng", "percent": "tỷ lệ (%)"}
PERIOD_KIND_LABELS = {
    "year": "năm",
    "month": "tháng",
    "term": "nhiệm kỳ, giai đoạn",
    "as_of": "tính đến ngày",
    "since": "từ … đến nay",
    "year_to_date": "từ đầu năm đến ngày",
    "undated": "không ghi thời điểm",
}
PROVINCE_BASIS_LABELS = {"stated": "nêu rõ", "inferred": "suy ra", "unresolved": "chưa xác định"}
LEVEL_LABELS = {
    "province": "tỉnh",
    "bloc": "khối",
    "police": "công an",
    "military": "quân sự",
    "border_guard": "biên phòng",
    "district": "huyện",
    "commune": "xã",
    "grassroots": "cơ sở",
}
STATUS_WORDS = {
    "exceeded": "Vượt chỉ tiêu",
    "met": "Đạt chỉ tiêu",
    "not_met": "Chưa đạt chỉ tiêu",
    "in_progress": "Đang thực hiện",
    "unclear": "Chưa xác định được",
    "no_target": "Không có chỉ tiêu",
}
CODE_LABELS = {
    "qualifier": QUALIFIER_LABELS,
    "target_qualifier": QUALIFIER_LABELS,
    "admitted_qualifier": QUALIFIER_LABELS,
    "threshold_qualifier": QUALIFIER_LABELS,
    "share_basis": SHARE_BASIS_LABELS,
    "target_basis": TARGET_BASIS_LABELS,
    "regime": REGIME_LABELS,
    "value_kind": VALUE_KIND_LABELS,
    "unit": UNIT_LABELS,
    "period_kind": PERIOD_KIND_LABELS,
    "province_basis": PROVINCE_BASIS_LABELS,
    "level": LEVEL_LABELS,
    "status": STATUS_WORDS,
}
SOURCE_ID = re.compile(r"\bS\d{3}(?!\d)")


def code_label(column: str, value: object) -> object:
    """The Vietnamese label of a code in ``column`` ("at_most" -> "tối đa"); other values as they are."""
    labels = CODE_LABELS.get(column, {})
    return labels.get(value, value) if isinstance(value, str) else value


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


def vn_date(value: str | dt.date) -> str:
    """ "2022-06-30" -> "30/06/2022" (dd/mm/yyyy); other text as it is."""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{dt.date.fromisoformat(value):%d/%m/%Y}"
    return value


def _generic_period(period: str | None, kind: str | None) -> str:
    if kind == "undated" or not isinstance(period, str) or not period:
        return "Thời điểm không ghi rõ"
    if kind == "since":
        return f"Từ {'năm ' if re.fullmatch(r'[0-9]{4}', period) else ''}{vn_date(period)} đến nay"
    if kind == "year_to_date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", period):
        return f"Từ đầu năm {period[:4]} đến {vn_date(period)}"
    if kind == "month" and re.fullmatch(r"\d{4}-\d{2}", period):
        return f"Tháng {period[5:]}/{period[:4]}"
    return f"{PERIOD_KIND_WORDS.get(kind, '')} {vn_date(period)}".strip()


def vn_period(period: str | None, kind: str | None, text: str | None = None) -> str:
    """The period as the article printed it ("9 tháng đầu năm 2021") when recorded, else
    "Năm 2017", "Giai đoạn 2015-2020", "Từ năm 2016 đến nay", "Tính đến 30/06/2022", or
    "Thời điểm không ghi rõ".

    Printed words that name no year ("Hiện có", "Từ đầu năm đến nay") keep the curated period
    beside them in brackets, so a reader still learns when: "Hiện có (tính đến 31/12/2017)".
    Each distinct period is worked out once: a long table repeats a few thousand times over.
    """
    try:
        return _vn_period(period, kind, text)
    except TypeError:  # an unhashable cell: worked out without the cache
        return _vn_period.__wrapped__(period, kind, text)


@lru_cache(maxsize=8192, typed=True)
def _vn_period(period: str | None, kind: str | None, text: str | None) -> str:
    if isinstance(text, str) and text:
        shown = text[0].upper() + text[1:]
        known = isinstance(period, str) and period and kind != "undated"
        if known and not re.search(r"(19|20)\d{2}", text):
            shown += f" ({_lower_first(_generic_period(period, kind))})"
        return shown
    return _generic_period(period, kind)


def in_brackets(text: str) -> str:
    """A period written inside a sentence's brackets: its own bracket becomes a comma, so brackets
    never nest ("(chiều 27/9, tính đến 27/09/2025; S258)", not "(chiều 27/9 (tính đến …); S258)")."""
    return re.sub(r" \(([^()]*)\)", r", \1", text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def vn_period_in_sentence(period: str | None, kind: str | None, text: str | None = None) -> str:
    """``vn_period`` for the middle of a sentence: only its first letter is lowered."""
    return _lower_first(vn_period(period, kind, text))


def vn_percent(value: float, decimals: int | None = None) -> str:
    """A share with its unit, always: "100%", "97,5%"; a missing value is a dash."""
    return "—" if is_missing(value) else format_vn_percent(value, decimals)


def vn_count(value: float, noun: str = "", decimals: int | None = None) -> str:
    """A count with its noun: "1.395 đảng viên"; a missing value is a dash."""
    if is_missing(value):
        return "—"
    return f"{format_vn_number(value, decimals)} {noun}".strip()


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
    """HTML a notebook displays (``_repr_html_``) and the renderer embeds as it is.

    ``files`` maps a file name (``bang/<digest>.csv``) to its text: the whole of a long table. It
    travels in the same output, gzipped (``TABLE_FILE_MIME``), which the page template never
    shows; the render writes it beside the page (:func:`write_table_files`), where the page's
    link points.
    """

    def __init__(self, markup: str, files: dict[str, str] | None = None):
        self.markup = markup
        self.files = files or {}

    def _repr_html_(self) -> str:
        return self.markup

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": self.markup, "text/plain": repr(self)}
        if not self.files:
            return data
        ((name, text),) = self.files.items()
        packed = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
        return (
            {**data, TABLE_FILE_MIME: base64.b64encode(packed).decode("ascii")},
            {TABLE_FILE_MIME: {"filename": name}},
        )

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        """The text without markup: the notebook's text/plain output, the same on every run."""
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.markup)).split())
        return text if len(text) <= 300 else text[:299] + "…"


def cite(escaped: str) -> str:
    """Escaped text with every source id ("S003", also in "S003-07") marked ``data-source``, the
    attribute the page frame reads to list only the sources a page cites."""
    return SOURCE_ID.sub(lambda m: f'<span data-source="{m.group()}">{m.group()}</span>', escaped)


def findings(sentences: Sequence[str], title: str = "Phát hiện chính") -> Html:
    """The key findings box that opens a report; sentences are escaped here."""
    # plain text in each item: the index quotes the first one (ids in it count as cited there)
    items = "".join(f"<li>{esc(s)}</li>" for s in sentences) or f"<li>{NO_DATA}.</li>"
    return Html(
        f'<section class="findings" aria-label="{esc(title)}"><h2 id="phat-hien-chinh">{esc(title)}</h2><ul>{items}</ul></section>'
    )


def answer(sentences: Sequence[str]) -> Html:
    """The report's answer in one or two sentences, shown right under its question."""
    text = " ".join(s for s in sentences if s) or f"{NO_DATA}."
    return Html(f'<p class="answer"><strong>Trả lời:</strong> {cite(esc(text))}</p>')


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
# Columns whose cells name sources (an id, or figure ids that start with one).
SOURCE_COLUMNS = (
    "source_id",
    "figure_id",
    "ids",
    "sources",
    "conflict_with",
    "members_source",
    "item",
)


def _column_texts(frame: pd.DataFrame, column: str, formats: dict) -> tuple[list[str], list[bool]]:
    """What each cell of ``column`` shows, and whether it is a number (one column at a time).

    A formatter (``formats``) or label runs once per distinct value (long tables repeat the
    same periods, shares and codes thousands of times), so formatters must be pure. Text in a
    column with neither shows as it is, without a call per cell: a long table's quotes, names and
    ids are most of its cells.
    """
    shown_of = lru_cache(maxsize=None, typed=True)(
        lambda value: str(
            formats[column](value) if column in formats else code_label(column, value)
        )
    )
    values = column_values(frame[column])
    as_is = column not in formats and column not in CODE_LABELS
    texts = [
        value if as_is and type(value) is str else "—" if is_missing(value) else shown_of(value)
        for value in values
    ]
    numeric = [
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and not (isinstance(value, float) and math.isnan(value))
        for value in values
    ]
    qualifier_column = QUALIFIED.get(column, "")
    if qualifier_column in frame.columns:
        texts = [
            QUALIFIER_WORDS.get(qualifier, "") + text
            if isinstance(qualifier, str) and not is_missing(value)
            else text
            for text, value, qualifier in zip(
                texts, values, column_values(frame[qualifier_column]), strict=True
            )
        ]
    return texts, numeric


def table(
    frame: pd.DataFrame,
    columns: dict[str, str],
    caption: str | None = None,
    formats: dict | None = None,
    limit: int = MAX_ROWS,
) -> Html:
    """An escaped HTML table with Vietnamese headers; ``formats`` maps a column to a formatter.

    A value whose row carries a qualifier (see ``QUALIFIED``) is shown with its words: "trên 90%";
    a code column (see ``CODE_LABELS``) shows its Vietnamese label; a cell naming a source carries
    ``data-source``. Past ``limit`` rows the page shows the first ``limit`` (sort the frame
    first), a line "… và N dòng nữa", and a link to the whole table as a CSV file.
    """
    if frame.empty:
        return no_data(caption or "bảng trống")
    formats = formats or {}
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in columns.values())
    by_column = [_column_texts(frame, column, formats) for column in columns]
    texts = [column_texts for column_texts, _ in by_column]
    body = []
    for i in range(min(len(frame), limit)):
        tds = []
        for column, (column_texts, numbers) in zip(columns, by_column, strict=True):
            text, numeric = column_texts[i], numbers[i]
            css = "num" if numeric else "txt"
            if column in SOURCE_COLUMNS and SOURCE_ID.fullmatch(text):
                tds.append(f'<td class="{css}" data-source="{text}">{esc(text)}</td>')
            else:
                inner = cite(esc(text)) if column in SOURCE_COLUMNS else esc(text)
                tds.append(f'<td class="{css}">{inner}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    markup = f'<div class="table-wrap"><table>{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    if len(frame) <= limit:
        return Html(markup)
    text = _csv_text(list(columns.values()), zip(*texts, strict=True))
    name = f"{TABLES_DIR}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.csv"
    rest = len(frame) - limit
    more = (
        f'<p class="more">… và {format_vn_number(rest)} dòng nữa. '
        f'<a href="{name}" download>Tải toàn bộ bảng ({format_vn_number(len(frame))} dòng, tệp CSV)</a></p>'
    )
    return Html(markup + more, files={name: text})


def _csv_text(header: list[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_table_files(nb, page: str | Path) -> list[Path]:
    """Write the CSV files an executed notebook carries (see ``Html.files``) beside its page.

    The render calls this for each page it writes; a link on the page (``bang/<digest>.csv``)
    then finds its file. Returns the files written.
    """
    written = []
    folder = Path(page).parent
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            packed = output.get("data", {}).get(TABLE_FILE_MIME)
            name = output.get("metadata", {}).get(TABLE_FILE_MIME, {}).get("filename", "")
            if packed and re.fullmatch(rf"{TABLES_DIR}/[0-9a-f]{{16}}\.csv", name):
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(gzip.decompress(base64.b64decode("".join(packed))))
                written.append(target)
    return written


def quote_list(frame: pd.DataFrame, sources: pd.DataFrame, limit: int = MAX_ROWS) -> Html:
    """Each figure's quote with its source, as a list a reader can check against the article.

    Past ``limit`` quotes the page lists the first ones and offers all of them as a CSV file.
    """
    if frame.empty:
        return no_data("không có trích dẫn")
    headlines = dict(zip(sources["source_id"], sources["headline"], strict=True))
    rows = [
        [quote, figure, source, headlines.get(source, source)]
        for quote, figure, source in zip(
            column_values(frame["quote"]),
            column_values(frame["figure_id"]),
            column_values(frame["source_id"]),
            strict=True,
        )
    ]
    items = []
    for quote, figure, source, headline in rows[:limit]:
        sid = esc(source)
        items.append(
            f'<li><q>{esc(quote)}</q> <span class="cite" data-source="{sid}">({esc(figure)}, {sid}: {esc(headline)})</span></li>'
        )
    markup = '<ul class="quotes">' + "".join(items) + "</ul>"
    if len(rows) <= limit:
        return Html(markup)
    text = _csv_text(["Trích dẫn", "Mã số liệu", "Mã nguồn", "Tiêu đề bài báo"], rows)
    name = f"{TABLES_DIR}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.csv"
    more = (
        f'<p class="more">… và {format_vn_number(len(rows) - limit)} trích dẫn nữa. '
        f'<a href="{name}" download>Tải toàn bộ trích dẫn ({format_vn_number(len(rows))} dòng, tệp CSV)</a></p>'
    )
    return Html(markup + more, files={name: text})


def figure_html(fig, alt: str, caption: str | None = None) -> Html:
    """A chart (or an analyst's own matplotlib figure) as an embedded SVG with alt text; the same
    chart gives the same bytes."""
    from helpers.report.charts import Chart, svg_bytes

    svg = svg_bytes(fig)
    if not isinstance(fig, Chart):
        import matplotlib.pyplot as plt

        plt.close(fig)
    data = base64.b64encode(svg).decode("ascii")
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
