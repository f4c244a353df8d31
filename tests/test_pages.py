"""The page frame without a browser: scroll regions, cited sources, the set index's key numbers,
and the PDF printer's refusal without Chromium."""

from __future__ import annotations

import base64

import nbformat
import pytest

from helpers.errors import RenderError
from helpers.render import pdf
from helpers.render.pages import cited_sources, scroll_tables
from helpers.render.summary import set_summary


def test_every_table_gets_a_labelled_focusable_scroll_region():
    markup = (
        '<div class="table-wrap"><table><caption>Kết nạp — <b>Đắk Nông</b></caption></table></div>'
        "<p>x</p><table><tr><td>1</td></tr></table>"
        '<div class="table-wrap"><table><caption>Kết nạp — Đắk Nông</caption></table></div>'
    )
    out = scroll_tables(markup)
    assert out.count('<div class="table-scroll" role="region"') == 3
    assert out.count('tabindex="0"') == 3 and "table-wrap" not in out
    assert 'aria-label="Kết nạp — Đắk Nông"' in out
    assert 'aria-label="Kết nạp — Đắk Nông (2)"' in out  # landmarks keep distinct names
    assert 'aria-label="Bảng số liệu"' in out
    assert out.count("<div") == out.count("</div>")


def _nb(*outputs) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("x", outputs=list(outputs))
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T S999"), cell])


def test_cited_sources_come_from_what_a_reader_sees():
    svg = base64.b64encode(b"<svg><text>Ngu\xe1\xbb\x93n: S004</text></svg>").decode()
    nb = _nb(
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": f'<td data-source="S005">x</td><p>theo S001</p>'
                f'<img src="data:image/svg+xml;base64,{svg}">',
                "text/plain": "<IPython.core.display.HTML object>",
            },
        ),
        nbformat.v4.new_output("stream", text="S002\n"),
    )
    assert cited_sources(nb) == {"S001", "S002", "S004", "S005"}  # not S999 from markdown


def test_set_summary_of_the_founding_data(founding_data):
    summary = set_summary(founding_data)
    cards = {c.label: c for c in summary.cards}
    assert cards["Tỉnh, thành có số liệu"].value == "2/63"
    assert "2/34" in cards["Tỉnh, thành có số liệu"].note
    # Two sources disagree on one bloc's members: a range, never a sum of both.
    assert cards["Đảng viên"].value == "3.600–3.650 đảng viên"
    assert cards["Bài báo mới nhất"].value == "16/10/2020"
    assert cards["Thời kỳ của số liệu"].value == "2016–2020"
    statuses = [r["status"] for r in summary.attainment]
    assert statuses == ["exceeded", "exceeded"]
    assert {r["source_id"] for r in summary.attainment} == {"S000", "S003"}
    assert any(r["attainment"] == "trên 124,0%" for r in summary.attainment)
    assert summary.answer.startswith("Kỳ gần nhất của 2 đơn vị")


def test_pdf_without_chromium_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("TCCSD_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert pdf.find_chromium() is None
    with pytest.raises(RenderError, match="apt-get install chromium"):
        pdf.print_set(tmp_path)
