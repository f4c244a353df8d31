"""Markup and script in the data show as text in every report and never run in the browser."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from browserkit import DATE, page_name, pages_of, render, report_count, vnu_messages, watch

pytestmark = pytest.mark.browser
PAYLOADS = (
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    '<a href="javascript:window.__pwned=3;alert(3)">x</a>',
)
NO_FIGURES = "Không có số liệu nào về"  # a profile's finding when its province has no figure
FIELDS = {  # file, column, marker: each field carries every payload after its marker
    "organization": ("organizations.csv", "name", "[tổ chức]"),
    "headline": ("sources.csv", "headline", "[tiêu đề]"),
    "quote": ("figures.csv", "quote", "[trích dẫn]"),
}


def hostile(marker: str) -> str:
    return f"{marker} " + " ".join(PAYLOADS)


def _rewrite(path: Path, column: str, marker: str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        row[column] = f"{row[column]} {hostile(marker)}"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory, chromium_path, founding_data) -> Path:
    """A copy of the founding data whose every organization name, headline and quote carries the
    payloads.

    The quote check needs each quote verbatim in its article, so each source gets a fake article
    made of its quotes: a founding article in a temporary seeds folder the render reads through
    TCCSD_SEEDS_DIR, a web article as its snapshot ``articles/<source_id>.txt`` in the copy.
    """
    root = tmp_path_factory.mktemp("hostile")
    data, seeds, out = root / "data", root / "seeds", root / "reports"
    shutil.copytree(founding_data, data)
    for file, column, marker in FIELDS.values():
        rows = _rewrite(data / file, column, marker)
        if file == "figures.csv":
            figures = rows
    seeds.mkdir()
    with open(data / "sources.csv", encoding="utf-8", newline="") as fh:
        for source in csv.DictReader(fh):
            quotes = [f["quote"] for f in figures if f["source_id"] == source["source_id"]]
            article = "Bài viết giả cho kiểm thử.\n" + "\n".join(quotes) + "\n"
            if source["seed_file"]:
                (seeds / source["seed_file"]).write_text(article, encoding="utf-8")
            else:
                (data / "articles" / f"{source['source_id']}.txt").write_text(article, "utf-8")
    result = render(out, "--data", str(data), "--jobs", "2", env={"TCCSD_SEEDS_DIR": str(seeds)})
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_payloads_show_as_text_and_never_run(context, hostile_reports):
    """Every report shows each field's payload as text; no script, dialog or request of theirs."""
    pages = pages_of(hostile_reports)
    reports = [p for p in pages if p.name != "index.html"]
    assert len(reports) == report_count(hostile_reports) >= 6, [
        page_name(hostile_reports, p) for p in pages
    ]
    problems: dict[str, list[str]] = {}
    shown_all = 0
    for path in pages:
        name = page_name(hostile_reports, path)
        page = context.new_page()
        seen = watch(page)
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(100)  # an onerror handler would have fired by now
        state = page.evaluate(
            """() => ({
                pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
                scripts: document.scripts.length,
                imgX: document.querySelectorAll('img[src="x"], img[onerror]').length,
                jsLinks: [...document.querySelectorAll('a')].filter(
                    a => a.protocol === 'javascript:').length,
                text: document.body.innerText,
            })"""
        )
        found = []
        if state["pwned"] is not None:
            found.append(f"a payload ran: window.__pwned = {state['pwned']}")
        found += [f"{k}: {state[k]}" for k in ("scripts", "imgX", "jsLinks") if state[k]]
        found += [f"dialog: {text}" for text in seen.dialogs]
        found += [f"request off the file: {url}" for url in seen.foreign_requests()]
        found += [f"request for the payload image: {u}" for u in seen.requests if u.endswith("/x")]
        wanted = ["headline"] if path.name == "index.html" and path.parent.name == DATE else []
        if path in reports:  # a unit without figures names no organization and cites no source
            wanted = [] if NO_FIGURES in state["text"] else list(FIELDS)
        shown_all += len(wanted) == len(FIELDS)
        for field in wanted:
            if hostile(FIELDS[field][2]) not in state["text"]:
                found.append(f"the {field} payload does not show as text")
        if found:
            problems[name] = found
        page.close()
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
    assert shown_all >= 5, "the payloads reached too few reports for the check to mean anything"


def test_hostile_pages_are_still_valid_html(vnu_command, hostile_reports):
    """Escaped payloads leave the markup valid: vnu finds no error and no warning."""
    messages = vnu_messages(vnu_command, pages_of(hostile_reports))
    assert not messages, json.dumps(messages, ensure_ascii=False, indent=1)[:4000]
