"""Turn an executed notebook into one self-contained, script-free HTML page for leadership.

nbconvert's stock templates load require.js and MathJax from a CDN; the ``tccsd`` template here
loads nothing: CSS is inline, charts are data URIs, and no code, prompt or parameters cell shows.
After conversion every table is put in a labelled, focusable scroll region (phones), the
notebooks' own date line is dropped (the page header carries the date once), and the footer
lists only the sources the report cites.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from helpers.data.provinces import fold

TEMPLATES_DIR = Path(__file__).parent / "templates"
CSS_PATH = TEMPLATES_DIR / "tccsd" / "report.css"
HIDDEN_TAGS = ("parameters", "injected-parameters")
_HEADING = re.compile(
    r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">&#182;</a></h\1>', re.DOTALL
)
# nbconvert writes heading text as character references ("K&#7871;t"); non-ASCII ones are
# never markup, so they are written back as the characters they stand for.
_NON_ASCII_REF = re.compile(r"&#([0-9]{3,7});")
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
# Every table, with the plain wrapper helpers.report.parts puts around its own tables.
# (Each pattern run over a whole page starts with a literal character, so the regex engine
# skips to it: a page is mostly base64 charts, where no other position can match.)
_TABLE = re.compile(r'<(?:(div class="table-wrap">)\s*<)?(table\b.*?</table>)', re.DOTALL)
_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.DOTALL)
# The notebooks' own date line: the page header already carries the date, once.
_DATELINE = re.compile(r'<p class="dateline">.*?</p>', re.DOTALL)
# Sources a report cites: tables mark them (data-source="S005"); ids in the text are a fallback.
_DATA_SOURCE = re.compile(r'data-source="(S\d{3,})"')
_SOURCE_ID = re.compile(r"S(?<!\wS)\d{3,}\b")  # "S005" not inside a word
_SVG_DATA = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


def slug(text: str) -> str:
    """ASCII slug for ids and file names: "Đắk Nông" -> "dak-nong"."""
    return (
        re.sub(r"[^a-z0-9]+", "-", fold(html.unescape(re.sub(r"<[^>]+>", "", text)))).strip("-")
        or "muc"
    )


def _as_char(ref: re.Match) -> str:
    code = int(ref.group(1))
    printable = 128 <= code < 0xD800 or 0xE000 <= code <= 0x10FFFF  # no ASCII, no surrogates
    return chr(code) if printable else ref.group(0)


def markdown_vi(source: str) -> str:
    """Markdown to HTML with ASCII heading ids and no H1 (the page header carries the title)."""
    from nbconvert.filters.markdown import markdown2html

    def heading(match: re.Match) -> str:
        level, inner = match.group(1), _NON_ASCII_REF.sub(_as_char, match.group(2))
        if level == "1":
            return ""
        return f'<h{level} id="{slug(inner)}">{inner}</h{level}>'

    return _HEADING.sub(heading, markdown2html(source))


def markdown_block(source: str) -> str:
    """A markdown cell as a ``section`` when it opens with a heading, else a plain ``div``.

    A section without a heading is an unnamed region to screen readers (vnu warns about it).
    """
    inner = markdown_vi(source)
    tag = "section" if re.match(r"\s*<h[2-6][ >]", inner) else "div"
    return f'<{tag} class="md">{inner}</{tag}>'


@lru_cache(maxsize=1)
def css() -> str:
    """The report style sheet, minified a little."""
    return re.sub(r"\s*\n\s*", "", CSS_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _exporter():
    """nbconvert's TemplateExporter with the ``tccsd`` template.

    Not ``HTMLExporter``: that one re-parses every page with BeautifulSoup to add alt text and
    tabindex to JupyterLab cell markup, which this template never emits (every chart carries its
    own alt text). The pass cost about a tenth of each report's time.
    """
    from nbconvert.exporters import TemplateExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(HIDDEN_TAGS)
    config.TemplateExporter.exclude_input = True
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    # Check the notebook's schema once, after the preprocessors, not after each of them: the
    # checks were a third of a page's export time, and papermill wrote a valid notebook.
    config.TemplateExporter.optimistic_validation = True
    exporter = TemplateExporter(
        config=config,
        template_name="tccsd",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        file_extension=".html",
    )
    exporter.register_filter("markdown_vi", markdown_vi)
    exporter.register_filter("markdown_block", markdown_block)
    exporter.display_data_priority = ["text/html", "image/png", "text/plain"]
    return exporter


def title_of(nb) -> str:
    """The notebook's H1 title."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return "Báo cáo"


def first_finding(nb) -> str:
    """The first key-finding sentence, for the index page."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html", "")
            if 'class="findings"' in markup:
                match = re.search(r"<li>(.*?)</li>", markup, re.DOTALL)
                if match:
                    return html.unescape(match.group(1))
    return ""


def cited_sources(nb) -> set[str]:
    """The source ids a report cites in what a reader sees.

    Tables mark the sources of their rows with ``data-source="S005"``; as a fallback, ids written
    in the visible outputs (text, tables, the source notes inside SVG charts) count too.
    """
    import base64

    found: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts = [output.get("text", ""), data.get("text/plain", "")]
            markup = data.get("text/html", "")
            if isinstance(markup, list):
                markup = "".join(markup)
            found |= set(_DATA_SOURCE.findall(markup))
            texts.append(re.sub(r"<[^>]+>", " ", _SVG_DATA.sub("", markup)))
            for encoded in _SVG_DATA.findall(markup):
                texts.append(base64.b64decode(encoded).decode("utf-8", "replace"))
            texts.append(data.get("image/svg+xml", ""))
            for text in texts:
                found |= set(_SOURCE_ID.findall("".join(text) if isinstance(text, list) else text))
    return found


def notebook_to_html(nb, page: dict) -> str:
    """Render an executed notebook with the page data (title, dates, data version, sources).

    The footer lists only the sources this report cites (see :func:`cited_sources`).
    """
    cited = cited_sources(nb)
    sources = [s for s in page.get("sources", []) if s["source_id"] in cited]
    resources = {"page": {"css": css(), **page, "sources": sources}}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    return _with_toc(_unique_ids(scroll_tables(_DATELINE.sub("", body))))


def scroll_tables(markup: str) -> str:
    """Put every table in a labelled, keyboard-focusable horizontal scroll region.

    On a phone a wide table scrolls inside its region instead of squeezing its columns to one
    word a line; the region takes its name from the table's caption.
    """
    used: dict[str, int] = {}

    def wrap(match: re.Match) -> str:
        table = "<" + match.group(2)
        caption = _CAPTION.search(table)
        name = html.unescape(re.sub(r"<[^>]+>", "", caption.group(1))).strip() if caption else ""
        name = " ".join(name.split()) or "Bảng số liệu"
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} ({used[name]})"
        opening = f'<div class="table-scroll" role="region" aria-label="{html.escape(name)}" tabindex="0">'
        return opening + table + ("" if match.group(1) else "</div>")

    return _TABLE.sub(wrap, markup)


def _unique_ids(markup: str) -> str:
    seen: dict[str, int] = {}

    def rename(match: re.Match) -> str:
        base = match.group(1)
        seen[base] = seen.get(base, 0) + 1
        new = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return f'<h2 id="{new}">'

    return re.sub(r'<h2 id="([^"]+)">', rename, markup)


def _with_toc(markup: str) -> str:
    """Fill the table of contents from the page's own H2 headings (works without JavaScript)."""
    start = markup.index("</nav>")
    items = "".join(
        f'<li><a href="#{hid}">{text}</a></li>' for hid, text in _H2.findall(markup[start:])
    )
    return markup.replace('<ol class="toc-list"></ol>', f'<ol class="toc-list">{items}</ol>', 1)


@lru_cache(maxsize=1)
def _environment():
    """Jinja environment of the plain pages; they share ``tccsd/parts.j2`` with the reports."""
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(TEMPLATES_DIR / "tccsd"), autoescape=True)


def page_html(template: str, **context) -> str:
    """A plain page (``set_index.html.j2``, ``root_index.html.j2``) in the report style."""
    return scroll_tables(_environment().get_template(template).render(css=css(), **context))
