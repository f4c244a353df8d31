"""The reports on a 390-pixel phone and a 1280-pixel desktop, on paper, and as PDF.

Every page of the session's rendered set (tests/conftest.py renders it once) is opened at both
widths: chart text must be at least 11 CSS px as displayed, every table readable (inside a
labelled, keyboard-focusable scroll region, or fitting the page; never one word a line), the
page itself never scrolls sideways, axe-core finds no WCAG 2 A/AA violation at phone width,
and the set index answers "who met the target" in the first phone screen. Screenshots of each
page at each width land in tests/artifacts/browser/.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import pytest
from browserkit import CHROMIUM, CONTEXT, DATE, page_name, pages_of, render

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "vi-VN", "is_mobile": True}
DESKTOP = CONTEXT
WIDTHS = {"390": PHONE, "1280": DESKTOP}
MIN_CHART_TEXT_PX = 11
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)px|font:[^;\"]*?([0-9.]+)px")
_VIEWBOX = re.compile(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) [0-9.]+"')

# What a reader's eye meets in each table cell: how many words, and on how many lines.
CELL_LINES = """() => [...document.querySelectorAll('table')].flatMap((table, t) =>
    [...table.querySelectorAll('th, td')].map(cell => {
        const words = cell.innerText.trim().split(/\\s+/).filter(Boolean).length;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
            .map(r => Math.round(r.top)));
        return {table: t, text: cell.innerText.trim().slice(0, 40), words, lines: tops.size,
                width: Math.round(cell.getBoundingClientRect().width)};
    }))"""
TABLES = """() => [...document.querySelectorAll('table')].map(table => {
    const region = table.closest('.table-scroll');
    const box = table.getBoundingClientRect();
    const main = document.querySelector('main') || document.body;
    return {
        caption: table.caption ? table.caption.innerText.slice(0, 60) : '',
        region: region ? {role: region.getAttribute('role'),
                          label: region.getAttribute('aria-label'),
                          tabindex: region.getAttribute('tabindex'),
                          scrolls: region.scrollWidth > region.clientWidth + 1} : null,
        fits: box.width <= main.getBoundingClientRect().width + 1,
    };
})"""


def svg_text_sizes(src: str) -> tuple[float, float]:
    """The smallest font size of an SVG data URI, and the width of its viewBox (user units)."""
    svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8", "replace")
    sizes = [float(a or b) for a, b in _FONT_SIZE.findall(svg)]
    view = _VIEWBOX.search(svg)
    assert view, "an SVG chart without a viewBox: its text size cannot be known"
    return (min(sizes) if sizes else float("inf")), float(view.group(1))


@pytest.fixture(scope="module")
def pages(real_reports) -> list[Path]:
    return pages_of(real_reports)


@pytest.fixture(scope="module", params=list(WIDTHS), ids=[f"{w}px" for w in WIDTHS])
def at_width(request, browser, pages, real_reports, artifacts):
    """Every page opened once at one width: measurements, and a first-screen screenshot each."""
    width = request.param
    context = browser.new_context(**WIDTHS[width])
    seen = {}
    try:
        tab = context.new_page()
        for path in pages:
            name = page_name(real_reports, path)
            tab.goto(path.resolve().as_uri(), wait_until="load")
            charts = tab.eval_on_selector_all(
                'img[src^="data:image/svg+xml"]',
                "els => els.map(i => [i.alt, i.getAttribute('src'),"
                " i.getBoundingClientRect().width])",
            )
            seen[name] = {
                "overflow": tab.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                ),
                "tables": tab.evaluate(TABLES),
                "cells": tab.evaluate(CELL_LINES),
                "charts": [(alt, *svg_text_sizes(src), shown) for alt, src, shown in charts],
                "attainment_top": tab.evaluate(
                    "() => { const t = document.querySelector('.attainment-table');"
                    " return t ? t.getBoundingClientRect().top : null; }"
                ),
                "viewport_height": WIDTHS[width]["viewport"]["height"],
            }
            shot = artifacts / "browser" / f"{width}px" / f"{name.replace('/', '__')}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(shot))  # the first screen, as a reader opens the page
    finally:
        context.close()
    return width, seen


def test_chart_text_is_at_least_11_css_px(at_width):
    """min(font size in the SVG) × displayed width / viewBox width ≥ 11 px, for every chart."""
    width, seen = at_width
    small, charts = {}, 0
    for name, page in seen.items():
        for alt, smallest, view_width, shown in page["charts"]:
            charts += 1
            px = smallest * shown / view_width
            if px < MIN_CHART_TEXT_PX:
                small.setdefault(name, []).append(f"{px:.1f} px: {alt[:60]}")
    assert charts, "no SVG chart found: the check would mean nothing"
    assert not small, f"at {width} px:\n" + json.dumps(small, ensure_ascii=False, indent=1)


def test_tables_are_readable(at_width):
    """Each table sits in a labelled, focusable scroll region (or fits); the page itself never
    scrolls sideways; no cell of three words or more shows one word a line."""
    width, seen = at_width
    problems: dict[str, list[str]] = {}
    tables = 0
    for name, page in seen.items():
        found = []
        if page["overflow"] > 1:
            found.append(f"the page scrolls sideways by {page['overflow']} px")
        for table in page["tables"]:
            tables += 1
            region = table["region"]
            if region is None:
                if not table["fits"]:
                    found.append(f"table {table['caption']!r} is wider than the page, no region")
                continue
            if region["role"] != "region" or not region["label"] or region["tabindex"] != "0":
                found.append(f"table {table['caption']!r}: scroll region {region}")
        for cell in page["cells"]:
            if cell["words"] >= 3 and cell["lines"] >= cell["words"]:
                found.append(
                    f"one word a line ({cell['words']} words, {cell['lines']} lines, "
                    f"{cell['width']} px): {cell['text']!r}"
                )
        if found:
            problems[name] = found[:8]
    assert tables, "no table found: the check would mean nothing"
    assert not problems, f"at {width} px:\n" + json.dumps(problems, ensure_ascii=False, indent=1)


def test_index_answers_who_met_the_target_in_the_first_screen(at_width):
    """The set index's attainment table starts inside the first screen, on a phone too."""
    width, seen = at_width
    index = seen[f"{DATE}/index.html"]
    top = index["attainment_top"]
    assert top is not None, "the set index has no attainment table"
    assert top < index["viewport_height"] - 60, (
        f"at {width} px the attainment table starts at {top:.0f} px, below the first screen "
        f"(see tests/artifacts/browser/{width}px/{DATE}__index.html.png)"
    )


def test_axe_finds_no_violation_on_a_phone(browser, axe_source, pages, real_reports):
    """axe-core, WCAG 2.0/2.1 A and AA (scrollable regions included), at 390 px."""
    violations: dict[str, list[str]] = {}
    context = browser.new_context(**PHONE)
    try:
        context.add_init_script(axe_source)
        tab = context.new_page()
        for path in pages:
            tab.goto(path.resolve().as_uri(), wait_until="load")
            result = tab.evaluate(
                """async tags => {
                    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                    return {passes: r.passes.map(p => p.id), violations: r.violations.map(v =>
                        `${v.id} (${v.impact}): ${v.help} at ` +
                        v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))};
                }""",
                WCAG_TAGS,
            )
            assert len(result["passes"]) > 5, "axe ran no rule: the check itself is broken"
            if result["violations"]:
                violations[page_name(real_reports, path)] = result["violations"]
    finally:
        context.close()
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


def test_print_sheet_drops_navigation_and_keeps_tables_whole(browser, pages, real_reports):
    """Printed on A4 (186 mm between the margins, 703 CSS px): no table of contents, rows not
    split across pages, and no table wider than the paper (a scroll region cannot scroll there).
    """
    context = browser.new_context(viewport={"width": 703, "height": 1000}, locale="vi-VN")
    problems = {}
    try:
        tab = context.new_page()
        tab.emulate_media(media="print")
        for path in pages:
            tab.goto(path.resolve().as_uri())
            state = tab.evaluate(
                """() => ({
                    toc: [...document.querySelectorAll('nav.toc')]
                        .filter(n => getComputedStyle(n).display !== 'none').length,
                    split: [...document.querySelectorAll('tr')]
                        .filter(r => getComputedStyle(r).breakInside !== 'avoid').length,
                    wide: [...document.querySelectorAll('table')]
                        .map(t => Math.round(t.getBoundingClientRect().width
                                  - document.body.getBoundingClientRect().width))
                        .filter(over => over > 1),
                })"""
            )
            if state != {"toc": 0, "split": 0, "wide": []}:
                problems[page_name(real_reports, path)] = state
    finally:
        context.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.fixture(scope="module")
def printed(real_reports, tmp_path_factory) -> Path:
    """``render --pdf`` on a copy of the session's set: nothing to execute (unless the code
    changed since), every page printed."""
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    out = tmp_path_factory.mktemp("pdf") / "reports"
    shutil.copytree(real_reports, out, symlinks=True)
    result = render(out, "--pdf", "--jobs", "2", env={"TCCSD_CHROMIUM": str(CHROMIUM)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "printed" in result.stderr, result.stderr[-3000:]
    return out


def test_render_pdf_prints_every_page_with_vietnamese_text(printed):
    """A PDF beside every report and the index: pages > 0, Vietnamese text extractable."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the locked test extra")
    set_dir = printed / DATE
    htmls = [p for p in set_dir.rglob("*.html") if "notebooks" not in p.parts]
    problems = {}
    for html in htmls:
        pdf = html.with_suffix(".pdf")
        rel = html.relative_to(set_dir).as_posix()
        if not pdf.is_file():
            problems[rel] = "no PDF beside it"
            continue
        reader = pypdf.PdfReader(pdf)
        text = "".join(page.extract_text() or "" for page in reader.pages)
        if not reader.pages:
            problems[rel] = "a PDF with no page"
        elif "Ngày lập" not in text or not re.search(
            "[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ]", text
        ):
            problems[rel] = f"no Vietnamese text extracted: {text[:120]!r}"
    assert htmls and not problems, json.dumps(problems, ensure_ascii=False, indent=1)
    listed = json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert "index.pdf" in json.dumps(listed), "the PDFs are part of the set and its manifest"
    from helpers.render.pdf import print_set

    assert print_set(set_dir.resolve(), 1, str(CHROMIUM)) == [], "a current PDF printed again"


def test_pdf_without_chromium_exits_2_saying_what_to_install(tmp_path):
    """No Chromium: exit 2 and one line naming the package, before anything is rendered."""
    result = render(tmp_path / "reports", "--pdf", env={"TCCSD_CHROMIUM": "/nonexistent/chromium"})
    assert result.returncode == 2, result.stderr
    assert "apt-get install chromium" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "reports" / DATE).exists()
