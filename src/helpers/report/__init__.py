"""What a notebook displays: parameter checks, tables, findings boxes, charts and page parts.

``parts`` holds the HTML pieces a report shows; ``charts`` draws the figures (import it as
``from helpers.report import charts``). Notebooks use the names re-exported here (``report.table`` …).
"""

from helpers.report.parts import (
    MAX_BARS,
    Html,
    ParameterError,
    check_data_dir,
    check_date,
    check_province,
    dateline,
    esc,
    figure_html,
    findings,
    join_vn,
    no_data,
    quote_list,
    table,
    vn_period,
    vn_pp,
    vn_value,
)

__all__ = [
    "MAX_BARS",
    "Html",
    "ParameterError",
    "check_data_dir",
    "check_date",
    "check_province",
    "dateline",
    "esc",
    "figure_html",
    "findings",
    "join_vn",
    "no_data",
    "quote_list",
    "table",
    "vn_period",
    "vn_pp",
    "vn_value",
]
