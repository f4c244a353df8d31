"""The rendered reports as readers meet them: in Chromium, checked by axe-core and by vnu."""

from __future__ import annotations

import json

import pytest
from browserkit import CONTEXT, DATE, page_name, pages_of, report_count, vnu_messages, watch

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_REPORTS = 6  # three cross-province reports and at least three profiles in the real data


def test_every_page_loads_clean_and_its_links_land(context, real_reports, artifacts):
    """No console error, no request off the file, every image decoded, every TOC link lands."""
    pages = pages_of(real_reports)
    reports = report_count(real_reports)
    assert reports >= MIN_REPORTS and len(pages) == reports + 2, [
        page_name(real_reports, p) for p in pages
    ]
    problems: dict[str, list[str]] = {}
    for path in pages:
        name = page_name(real_reports, path)
        page = context.new_page()
        seen = watch(page)
        page.goto(path.resolve().as_uri(), wait_until="load")
        found = []
        images = page.eval_on_selector_all(
            "img", "els => els.map(i => [i.alt, i.complete, i.naturalWidth])"
        )
        found += [
            f"image not decoded: {alt!r}" for alt, done, width in images if not (done and width)
        ]
        links = page.eval_on_selector_all(
            "nav.toc a", "els => els.map(a => a.getAttribute('href'))"
        )
        is_report = path.name != "index.html"
        if is_report and not links:
            found.append("no table-of-contents link")
        for href in links:
            if not href.startswith("#"):
                found.append(f"TOC link {href!r} leaves the page")
                continue
            target = href[1:]
            tag = page.evaluate("id => document.getElementById(id)?.tagName ?? null", target)
            if tag not in ("H2", "H3", "H4", "H5", "H6"):
                found.append(f"TOC link {href!r} lands on {tag}, not a heading")
                continue
            page.click(f'nav.toc a[href="{href}"]')
            page.wait_for_function("h => location.hash === h", arg=href, timeout=5000)
            box = page.evaluate(
                "id => { const r = document.getElementById(id).getBoundingClientRect();"
                " return [r.top, r.bottom, window.innerHeight]; }",
                target,
            )
            top, bottom, height = box
            if not (0 <= top < height and bottom > 0):
                found.append(f"after a click on {href!r} the heading is off screen (top {top})")
        shot = artifacts / "browser" / f"{name.replace('/', '__')}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(shot), full_page=True)
        found += [f"console error: {text}" for text in seen.console_errors]
        found += [f"uncaught error: {text}" for text in seen.page_errors]
        found += [f"request off the file: {url}" for url in seen.foreign_requests()]
        found += [f"dialog: {text}" for text in seen.dialogs]
        if is_report and not any(r.startswith("file:") for r in seen.requests):
            found.append("the page's own request was not recorded: the request log is broken")
        if found:
            problems[name] = found
        page.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_axe_finds_no_wcag_a_or_aa_violation(browser, axe_source, real_reports):
    """axe-core (pinned) in the page, WCAG 2.0/2.1 A and AA rules: no violation on any page.

    One tab opens the pages in turn, and axe comes with each document as an init script: quicker
    than a <script> added to every page, and the page checked holds no element of axe's.
    """
    violations: dict[str, list[str]] = {}
    checked = 0
    context = browser.new_context(**CONTEXT)
    try:
        context.add_init_script(axe_source)
        page = context.new_page()
        for path in pages_of(real_reports):
            page.goto(path.resolve().as_uri(), wait_until="load")
            result = page.evaluate(
                """async tags => {
                    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                    return {passes: r.passes.length, violations: r.violations.map(v =>
                        `${v.id} (${v.impact}): ${v.help} at ` +
                        v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))};
                }""",
                WCAG_TAGS,
            )
            assert result["passes"] > 5, "axe ran no rule: the check itself is broken"
            checked += 1
            if result["violations"]:
                violations[page_name(real_reports, path)] = result["violations"]
    finally:
        context.close()
    assert checked == report_count(real_reports) + 2
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=1)


def test_vnu_finds_no_error(vnu_command, real_reports):
    """The Nu HTML Checker (pinned vnu.jar): no error and no warning on any page."""
    pages = pages_of(real_reports)
    assert len(pages) == report_count(real_reports) + 2
    messages = vnu_messages(vnu_command, pages)
    shown = [
        f"{m.get('url', '').rsplit(DATE, 1)[-1]}:{m.get('lastLine')}: {m['type']}"
        f"{'/' + m['subType'] if m.get('subType') else ''}: {m['message']}"
        for m in messages
    ]
    assert not shown, "\n".join(shown)
