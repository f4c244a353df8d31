"""Curation assistant: propose candidate figures from a Vietnamese article, rule by rule.

Curating ``data/figures.csv`` by hand means reading every article for every number that counts
party organizations, members, classification tiers, recruitment and the rest of the metrics in
``data/metrics.csv``, and passing over the many numbers that are not figures (dates, document
numbers, congress ordinals, counters). This module does the first pass: it proposes one row per
quantitative statement, in the columns of ``figures.csv``, with ``status = candidate`` and the
name of the rule (``pattern``) that produced it, so a curator can accept, fix or reject each one
and see why it was proposed. Nothing here is learned: the rules live in
:mod:`helpers.extract.patterns`.

:func:`extract` walks the article sentence by sentence and clause by clause; the steps it calls
live in :mod:`~helpers.extract.prepare` (text, masks, sentences, periods),
:mod:`~helpers.extract.numbers_in_text`, :mod:`~helpers.extract.classify`,
:mod:`~helpers.extract.targets` and :mod:`~helpers.extract.candidates`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from helpers.extract import patterns as P
from helpers.extract import phrases as P2
from helpers.extract.candidates import OPENING, date, figure, flow_or_stock, note_nesting
from helpers.extract.classify import Context
from helpers.extract.files import infer_source_id
from helpers.extract.lists import drop_repeats, drop_shortened_goals, list_item
from helpers.extract.numbers_in_text import find_numbers
from helpers.extract.organizations import names_in, organization_above, organization_before
from helpers.extract.prepare import coverage, find_masks, normalize_text, periods, sentences
from helpers.extract.records import Candidate, Mask, Period, Sentence, Token, plain
from helpers.extract.targets import bracket_share, modifier, ratio_to_previous
from helpers.extract.units import named_before
from helpers.paths import DATA_DIR


@dataclass
class _Article:
    """One article being read: its normalized text, numbers, and the candidates so far."""

    text: str
    source_id: str
    masks: list[Mask]
    tokens: list[Token]
    trace: dict[int, str]
    out: list[Candidate] = field(default_factory=list)
    heading: str = ""  # the last sentence that ended with ":", while bulleted items follow it
    opening: Period | None = None  # the period the paragraph being read opened with
    last_year: Period | None = None  # the last single year a sentence printed


@dataclass
class _SentenceView:
    """One sentence being read: its words, periods, and the period it inherits."""

    sentence: Sentence
    words: str
    tokens: list[Token]
    periods: list[Period]
    inherited: Period | None
    consumed: set[int] = field(default_factory=set)
    inherited_from: str = "the previous sentence"
    heading: str = ""  # the words introducing this bulleted item ("Kết quả kết nạp ...:")
    compared: list[Period] = field(default_factory=list)  # "so với 6 tháng đầu năm 2019"


@dataclass
class _Clause:
    """One clause being read: its span, numbers, and the candidates it has given so far."""

    span: tuple[int, int]
    tokens: list[Token]
    emitted: list[Candidate] = field(default_factory=list)

    @property
    def last(self) -> Candidate | None:
        return self.emitted[-1] if self.emitted else None


def extract(text: str, source_id: str = "", trace: dict[int, str] | None = None) -> list[Candidate]:
    """Candidate figures in an article's text (any Unicode form; debris is dropped first).

    Args:
        text: the article as read from its file.
        source_id: written into every candidate's ``source_id``.
        trace: when given, filled with the verdict on every number, keyed by its offset in the
            normalized text (see :func:`explain_numbers`).

    Returns:
        Candidates in reading order, numbered ``CAND-001``, ``CAND-002``, ...
    """
    text = normalize_text(text)
    masks = find_masks(text)
    tokens, _declined = find_numbers(text, coverage(text, masks))
    article = _Article(text, source_id, masks, tokens, {} if trace is None else trace)
    previous_period: Period | None = None
    for sentence in sentences(text):
        previous_period = _read_sentence(article, sentence, previous_period)
    for cand in article.out:
        if _party_history(cand):
            cand.notes.append(f"dated before {FIRST_RECORDED_YEAR}: the party's history")
    article.out = drop_repeats(article.out)
    article.out = drop_shortened_goals(article.out, text)
    _date_part_years(article.out, _publication_date(text))
    for number, cand in enumerate(article.out, start=1):
        cand.figure_id = f"CAND-{number:03d}"
    return article.out


#: A date printed near the top of a page (the dateline "Thứ Năm, 21/12/2023 | 15:20").
_DATELINE = re.compile(r"(?<![\d/.\-])\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*((?:19|20)\d{2})(?!\d)")


#: The month of a page printed on a line of its own by some snapshots (" date 2023-04 Ban Chấp
#: hành ..."): the page's year and month, its day unknown.
_DATE_MONTH_LINE = re.compile(r"^\s*date\s+((?:19|20)\d{2})-(\d{2})(?![\d\-])", re.MULTILINE)


def _publication_date(text: str) -> tuple[str, int, int] | None:
    """(year, month, day) of the page's dateline, when one is printed in its first lines; a
    month line without its day counts as the month's last day."""
    m = _DATELINE.search(text, 0, 400)
    if m is None:
        month_line = _DATE_MONTH_LINE.search(text, 0, 400)
        if month_line is None or not 1 <= int(month_line.group(2)) <= 12:
            return None
        return month_line.group(1), int(month_line.group(2)), 31
    day, month = (int(n) for n in re.findall(r"\d+", m.group())[:2])
    return m.group(1), month, day


def _date_part_years(cands: list[Candidate], published: tuple[str, int, int] | None) -> None:
    """ "6 tháng đầu năm", "quý I" printed without a year: the part of the year the page was
    published in (year_to_date); "Đến ngày 31-5": that day in the year of the page, or of the
    year before when the day comes later in the year than the page; noted so a curator can
    check it."""
    if not published:
        return
    year = published[0]
    for cand in cands:
        if cand.period or cand.period_kind != "undated" or not cand.period_text:
            continue
        day = P2.DAY_NO_YEAR.fullmatch(cand.period_text)
        if day:
            month, date_ = int(day.group("m")), int(day.group("d"))
            on = str(int(year) - 1) if (month, date_) > published[1:] else year
            if date_ > calendar.monthrange(int(on), month)[1]:
                continue
            cand.period, cand.period_kind = f"{on}-{month:02d}-{date_:02d}", "as_of"
            cand.notes.append(f"year {on} from the page's date ('{cand.period_text}' prints none)")
            flow_or_stock(cand)  # "Đến ngày 17/9, ... đã kết nạp mới 71": from the year's start
            continue
        months = P2.MONTHS_OF_YEAR.fullmatch(cand.period_text)
        quarter = P2.QUARTER.fullmatch(cand.period_text)
        month = int(months.group("n")) if months else None
        if quarter:
            month = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}[
                quarter.group("q").lower()
            ]
        if month is None or not 1 <= month <= 12 or (months or quarter).group("y"):
            continue
        last = calendar.monthrange(int(year), month)[1]
        cand.period, cand.period_kind = f"{year}-{month:02d}-{last:02d}", "year_to_date"
        cand.notes.append(f"year {year} from the page's date ('{cand.period_text}' prints none)")


#: Figures dated before Đổi mới are the party's history (a founding cell "với 5 đảng viên"); the
#: curated rows record them at their date (a first party group "có 4 đảng viên" in 7/1947), so
#: they are proposed with a note that says so.
FIRST_RECORDED_YEAR = 1986


def _party_history(cand: Candidate) -> bool:
    """Whether the whole period of a figure lies before :data:`FIRST_RECORDED_YEAR` (a term ends
    with its last year; "từ năm 1975 đến nay" reaches today)."""
    if cand.period_kind == "since":
        return False
    year = cand.period[-4:] if cand.period_kind == "term" else cand.period[:4]
    return year.isdigit() and int(year) < FIRST_RECORDED_YEAR


def _read_sentence(
    article: _Article, sentence: Sentence, previous_period: Period | None
) -> Period | None:
    """Read the clauses of one sentence; return the period the next sentence may inherit."""
    text = article.text
    words = text[sentence.start : sentence.end]
    item = _BULLET.match(words) is not None and bool(article.heading)
    if not item:
        article.heading = words if words.rstrip().endswith(":") else ""
    compared: list[Period] = []
    view = _SentenceView(
        sentence=sentence,
        words=words,
        tokens=[t for t in article.tokens if sentence.start <= t.start < sentence.end],
        periods=periods(text, sentence.start, sentence.end, article.masks, compared),
        inherited=previous_period if item or _continues(words) else None,
        heading=article.heading if item else "",
        compared=compared,
    )
    this_year = _THIS_YEAR.match(words) or (not view.periods and _THIS_YEAR_IN.search(words))
    if view.inherited is None and this_year and article.last_year is not None:
        # "Năm 2023, Đảng bộ xã ... . Phát biểu tại buổi lễ, ... . Trong năm, Đảng bộ kết nạp 6
        # đảng viên": "this year" is the year last printed, sentences or paragraphs before; also
        # in a later clause of a sentence that prints no period ("..., trong năm kết nạp được")
        view.inherited, view.inherited_from = article.last_year, THIS_YEAR
    years = [p for p in view.periods if p.kind == "year"]
    if years:
        article.last_year = years[-1]
    _paragraph_opening(article, view)
    for span in sentence.clauses:
        clause = _Clause(span, [t for t in view.tokens if span[0] <= t.start < span[1]])
        for index in range(len(clause.tokens)):
            _read_number(article, view, clause, index)
    _widen_good_tier(article, sentence)
    _plan_then_result(article, sentence)
    if view.periods:
        return view.periods[-1]
    if not view.inherited:
        return None
    return previous_period


def _continues(words: str) -> bool:
    """Whether a sentence continues the one before and takes its period ("Về đảng viên có ...",
    "Theo đó, 50/50 tổ chức ..."), unless its own words date it otherwise ("Theo đó, từ đầu nhiệm
    kỳ đến nay, ... kết nạp được gần 500 đảng viên")."""
    opening = P.CONTINUATION.match(words)
    return bool(opening) and not _OTHER_TIME.search(words, opening.end())


#: "Trong năm, ...", "Cũng trong năm, ...": a sentence dated by the year being reported.
_THIS_YEAR = re.compile(
    r"^\W*(?:cũng\s+)?trong năm(?!\s+\d)(?!\s+(?:qua|tới|nay|học)\b)", re.IGNORECASE
)
_THIS_YEAR_IN = re.compile(
    r"(?:^|[,;:]\s*)(?:cũng\s+)?trong năm(?!\s+\d)(?!\s+(?:qua|tới|nay|học|sau|trước)\b)",
    re.IGNORECASE,
)
THIS_YEAR = "the year last printed before 'trong năm'"
#: At most this many characters of lead words ("Theo đó, ", "Trong ") before the period that
#: opens a paragraph.
_OPENING_LEAD = 24
#: Words of a sentence that date it otherwise than its paragraph's opening: now, before, later.
_OTHER_TIME = re.compile(
    r"^\W*hiện\b|\b(?:hiện có|hiện nay|hiện tại|hiện còn|đến nay|tới nay|năm trước|trước đó|"
    r"trước đây|năm tới|sắp tới|thời gian tới|năm sau|giai đoạn tới|nhiệm kỳ tới|gần đây|"
    r"những năm|nhiều năm|các năm|hằng năm|hàng năm)\b",
    re.IGNORECASE,
)


def _paragraph_opening(article: _Article, view: _SentenceView) -> None:
    """ "Năm 2019, toàn huyện kết nạp 150 đảng viên. Có 95% TCCSĐ hoàn thành tốt nhiệm vụ ...":
    a sentence that prints no period takes the one its paragraph opened with, unless a sentence
    between printed another, or its own words date it otherwise ("hiện nay", "năm tới")."""
    text, start = article.text, view.sentence.start
    if not text[text.rfind("\n", 0, start) + 1 : start].strip():  # the paragraph's first sentence
        first = view.periods[0] if view.periods else None
        lead = text[start : first.start] if first else ""
        opens = first and len(lead) <= _OPENING_LEAD and not re.search(r"\d", lead)
        article.opening = first if opens else None
        return
    opening = article.opening
    if opening is None:
        return
    if any(p.period != opening.period for p in view.periods):
        article.opening = None  # another period printed: the opening no longer governs
        return
    # a sentence that prints the opening's period again in a later clause ("Tỷ lệ ... là 97,4%;
    # tỷ lệ ... năm 2022 là 0%") still dates its clauses before it by the opening
    if view.inherited or _OTHER_TIME.search(view.words):
        return
    view.inherited, view.inherited_from = opening, OPENING


#: What may stand between a closing bracket and the number that qualifies the figure before it.
_AFTER_BRACKET = re.compile(r"\)\s*,?\s*(?:và\s+)?(?:đạt|vượt|bằng)\b[^\d()]{0,20}$", re.IGNORECASE)


def _figure_before_bracket(
    article: _Article, view: _SentenceView, clause: _Clause, tok: Token
) -> Candidate | None:
    """The figure printed right before a bracket that closes just before this number, when the
    number's clause has none of its own (a ";" inside the bracket split the clauses)."""
    if clause.emitted:
        return None
    text = article.text
    close = text.rfind(")", view.sentence.start, tok.start)
    if close < 0 or not _AFTER_BRACKET.match(text, close, tok.start):
        return None
    opened = text.rfind("(", view.sentence.start, close)
    if opened < 0:
        return None
    earlier = [c for c in article.out if view.sentence.start <= c.position < opened]
    if not earlier or re.search(r"\d", text[earlier[-1].position : opened].split(" ", 1)[-1]):
        return None
    return earlier[-1]


def _orphan(article: _Article, clause: _Clause, index: int) -> bool:
    """Whether the number before this one (numbers in a bracket closed since left out: "12 TCCSĐ
    hoàn thành xuất sắc nhiệm vụ (gồm 3 đảng bộ và 9 chi bộ), chiếm 20%") had no subject."""
    text, tok = article.text, clause.tokens[index]
    before = index - 1
    while before >= 0:
        prev = clause.tokens[before]
        head = text[clause.span[0] : prev.start]
        if head.rfind("(") > head.rfind(")") and ")" in text[prev.end : tok.start]:
            before -= 1  # inside an aside closed before this number
            continue
        return article.trace.get(prev.start) == "no_subject"
    return False


def _read_number(article: _Article, view: _SentenceView, clause: _Clause, index: int) -> None:
    """Give one number its verdict: a share, a target of the figure before, figures, or none."""
    tok, trace = clause.tokens[index], article.trace
    if id(tok) in view.consumed:
        trace[tok.start] = "whole_of_previous"
        return
    ctx, from_previous = _context(article.text, view, clause, index)
    if _UNNAMED_SUBSET.search(article.text[clause.span[0] : tok.start]):
        trace[tok.start] = "unnamed_subset"
        return
    ratio = ratio_to_previous(ctx, clause.emitted)
    if ratio is not None:
        trace[tok.start] = "figure:" + ratio.pattern
        clause.emitted.append(ratio)
        article.out.append(ratio)
        return
    if _excess_of_unread_share(article, clause, index, ctx):
        # "kết nạp 126 đảng viên, nâng tỷ lệ đảng viên lên 23,4% (vượt 1,4% so với nghị quyết)":
        # the excess is the share's (in points), not the count's
        trace[tok.start] = "excess_of_unread_share"
        return
    if modifier(ctx, clause.last):
        trace[tok.start] = "target_of_previous:" + clause.emitted[-1].target_basis
        return
    bracketed = _figure_before_bracket(article, view, clause, tok)
    if bracketed is not None and modifier(ctx, bracketed):
        # "kết nạp ... lên 160 đồng chí (trong đó: ...; công an 12 đồng chí), đạt 103,23% chỉ
        # tiêu": the attainment after the bracket is the figure's before it
        trace[tok.start] = "target_of_previous:" + bracketed.target_basis
        return
    orphan = _orphan(article, clause, index)
    counted = _count_of_share(article, clause, index, ctx)
    if counted is not None:
        trace[tok.start] = "figure:" + counted.pattern
        clause.emitted.append(counted)
        article.out.append(counted)
        return
    share = None if orphan else bracket_share(ctx, clause.emitted)  # "312 ... là X, chiếm 13%"
    if share is None and not clause.emitted and _LINK_ONLY.fullmatch(ctx.before_local):
        # "58 TCCSĐ hoàn thành tốt nhiệm vụ trở lên; đạt tỷ lệ 92%": the share of the count
        # that ended the clause before
        earlier = [c for c in article.out if c.position >= view.sentence.start]
        share = bracket_share(ctx, earlier[-1:]) if earlier else None
    if share is not None:
        trace[tok.start] = "figure:" + share.pattern
        clause.emitted.append(share)
        article.out.append(share)
        return
    if orphan and tok.unit == "percent" and P.ATTAINMENT_BEFORE.search(ctx.before_local):
        # "thành lập 2 tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước, đạt 200% chỉ tiêu":
        # the attainment of a count that gave no row gives none either
        trace[tok.start] = "no_subject"
        return
    in_clause, end = clause.tokens, clause.span[1]
    following = in_clause[index + 1] if index + 1 < len(in_clause) else None
    beyond = in_clause[index + 2].start if index + 2 < len(in_clause) else end
    new = figure(ctx, following, beyond, view.consumed)
    if not new:
        item = (
            list_item(ctx, _template(article, view), view.sentence.start)
            or _carried(article, view, ctx)
            or _changed_share(article, view, ctx)
            or _year_item(article, view, ctx)
            or _respective(article, view, ctx)
        )
        if item is not None:
            item.quote, item.source_id = _quote(article.text, clause.span), article.source_id
            if not item.period:
                date(item, ctx.period, from_previous, article.text[view.sentence.start : tok.start])
            trace[tok.start] = "figure:list_item"
            article.out.append(item)
            clause.emitted.append(item)
            return
    trace[tok.start] = "figure:" + new[0].pattern if new else "no_subject"
    template = _template(article, view) or _sentence_kind(article.text, view, tok)
    for cand in new:
        _change_of_figure_before(article, view, cand, ctx.before_local)
        if template is not None and _repeats(cand, template, ctx.before_local):
            cand.metric, cand.category, cand.pattern = (
                template.metric,
                template.category,
                "list_item",
            )
        cand.source_id = article.source_id
        cand.quote = _quote(article.text, clause.span)
        cand.position = tok.start
        cand.organization = organization_before(article.text, view.sentence.start, tok.start)
        if cand.organization:  # another body named before the units' own committee after them
            above = organization_above(article.text, tok.end, clause.span[1])
            cand.organization = above or cand.organization
        date(cand, ctx.period, from_previous, article.text[view.sentence.start : tok.start])
        note_nesting(cand, article.text, view.sentence, clause.span, tok, article.out)
        for each in _each_of(article.text, clause.span[0], ctx.before_local, tok, cand):
            article.out.append(each)
            clause.emitted.append(each)


#: "riêng 20 xã biên giới kết nạp mới 321 đảng viên", "Riêng các tổ chức cơ sở đảng khối xã":
#: figures about a part of the population no organization stands for (no organization_id can
#: hold them); "Riêng năm 2017", "Riêng Đảng ủy Công an tỉnh", "riêng huyện Mai Sơn" are kept.
_UNNAMED_SUBSET = re.compile(
    r"(?:^|[,;:]\s*)riêng\s+(?!(?:trong\s+)?(?:năm|quý|quí|tháng|\d+\s+tháng|nhiệm kỳ|giai đoạn|"
    r"đợt|dịp|từ|đến|tính đến)\b)"
    r"(?!(?:đảng bộ|đảng ủy|đảng uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|tỉnh ủy|"
    r"tỉnh uỷ|chi bộ|huyện|thị xã|thành phố|tp\.?|xã|phường|thị trấn|quận)\s+[A-ZĐ])"
    # "Riêng Ủy ban Kiểm tra các cấp ...", "Riêng Ban Thường vụ Tỉnh ủy ...": a named body
    r"(?!(?:ủy ban|uỷ ban|ubkt|ban thường vụ|ban chấp hành|ban tổ chức)\b)"
    r"(?:(?!\b(?:toàn|nâng|đưa|tổng số|chung)\b)[^;:])*$",
    re.IGNORECASE,
)


_LINK_ONLY = re.compile(
    r"\W*(?:chiếm|đạt|bằng|với)?\s*(?:tỷ lệ|tỉ lệ)?\s*(?:(?:gần|khoảng|trên|hơn|xấp xỉ)\s+)?",
    re.IGNORECASE,
)


_TO = re.compile(r"\s*(?:đến|tới)\s*", re.IGNORECASE)


def _carried(article: _Article, view: _SentenceView, ctx: Context) -> Candidate | None:
    """ "năm 2016, tỷ lệ ... yếu kém là 0,44%; năm 2017, giảm còn 0,41%": the level a figure
    reached later, with the figure's metric and category and its own period."""
    tok = ctx.token
    before_previous = article.text[view.sentence.start : tok.start - len(ctx.before_local)]
    from_to = _TO.fullmatch(ctx.before_local) and re.search(
        r"\btừ\s+" + P.ABOUT + r"[\d.,]+\s*%?$", before_previous, re.IGNORECASE
    )  # "tăng từ 85% đến 92%": the later level
    if not (P2.REMAINING_BEFORE.search(ctx.before_local) or from_to):
        return None
    same = [c for c in article.out if c.position >= view.sentence.start and c.unit == tok.unit]
    if not same:
        return None
    level = _like(
        same[-1],
        tok,
        "carried_level",
        f"the level '{ctx.before_local.strip()}' of the figure before",
    )
    if same[-1].metric in ("orgs_founded", "orgs_dissolved") and _STOCK_RAISED_TO.search(
        ctx.before_local
    ):
        return None  # "thành lập mới 23 chi bộ; nâng số chi bộ ... lên 138": a stock, no founding
    if _RAISED_TO.search(ctx.before_local) and same[-1].metric == "members_admitted":
        # "kết nạp 150 đảng viên, nâng tổng số lên 3.000": the stock the admissions raised
        level.metric, level.category, level.denominator = "party_members", "total", ""
    return level


_STOCK_RAISED_TO = re.compile(r"\b(?:nâng|đưa)\s+(?:tổng\s+)?số\b.*\blên\s*$", re.IGNORECASE)
_RAISED_TO = re.compile(r"\b(?:nâng|đưa)\b(?:\s+tổng số)?\s+lên\s*$", re.IGNORECASE)


_LABEL_GAP = re.compile(r"\s*(?::|là|đạt)?\s*" + P.ABOUT, re.IGNORECASE)


def _year_item(article: _Article, view: _SentenceView, ctx: Context) -> Candidate | None:
    """ "năm 2017: 86,2% TCCSĐ đạt TSVM; năm 2018: 88,4%": a later year of the figure printed
    first in the sentence, with that figure's metric and category and the year labelling it."""
    period, tok = ctx.period, ctx.token
    if period is None or not (ctx.clause[0] <= period.start and period.end <= tok.start):
        return None
    if not _LABEL_GAP.fullmatch(article.text, period.end, tok.start):
        return None
    same = [c for c in article.out if c.position >= view.sentence.start and c.unit == tok.unit]
    if not same and tok.unit == "count":  # "Kết nạp đảng viên: năm 2020: 120; năm 2021: 135"
        kind = _sentence_kind(article.text, view, tok)
        same = (
            [kind]
            if kind is not None and _LABEL_GAP.fullmatch(article.text, period.end, tok.start)
            else []
        )
    if not same or same[-1].period == period.period:
        return None
    item = _like(same[-1], tok, "year_item", f"an item '{period.words}' of the figure before")
    item.period, item.period_kind, item.period_text = period.period, period.kind, period.words
    return item


#: "(năm 2020 đạt tỷ lệ tương ứng là 79,85% và 17%)": the list of respective values.
_RESPECTIVE = re.compile(
    r"\btương ứng\s*(?:là|:)?\s*(?P<list>" + P.ABOUT + r"[\d.,]+\s*%?"
    r"(?:\s*(?:,|và|;)\s*" + P.ABOUT + r"[\d.,]+\s*%?)*)",
    re.IGNORECASE,
)


def _respective(article: _Article, view: _SentenceView, ctx: Context) -> Candidate | None:
    """ "4.740 đảng viên hoàn thành tốt nhiệm vụ, chiếm 98,1%, trong đó ... chiếm 18% (năm 2020
    đạt tỷ lệ tương ứng là 79,85% và 17%)": the same figures in another period, one for each
    figure before in the order printed."""
    tok, period = ctx.token, ctx.period
    m = next(
        (r for r in _RESPECTIVE.finditer(article.text, view.sentence.start, view.sentence.end)
         if r.start("list") <= tok.start < r.end("list")),
        None,
    )  # fmt: skip
    if m is None or period is None or not (period.end <= m.start() and period.end <= tok.start):
        return None
    values = re.findall(r"[\d.,]+\s*%?", m.group("list"))
    index = len(re.findall(r"[\d.,]+\s*%?", article.text[m.start("list") : tok.start]))
    same = [
        c for c in article.out
        if view.sentence.start <= c.position < period.start and c.unit == tok.unit
        and c.value_kind == "level" and c.pattern != "of_total_whole"
    ]  # fmt: skip
    if len(values) < 2 or len(same) < len(values) or index >= len(values):
        return None
    model = same[len(same) - len(values) + index]
    if model.period == period.period:
        return None
    item = _like(
        model, tok, "respective", f"the figure of '{period.words}' 'tương ứng' to one before"
    )
    item.period, item.period_kind, item.period_text = period.period, period.kind, period.words
    return item


def _changed_share(article: _Article, view: _SentenceView, ctx: Context) -> Candidate | None:
    """ "chiếm 54,83% (tăng 9,28% so với năm 2008)", "kết nạp 1.500 đảng viên, tăng 1,2% so với
    nhiệm kỳ trước", "nâng tổng số lên 5.120, tăng 85 so với năm trước": the change of the figure
    printed before it in the sentence, with that figure's metric and category; a change, never a
    level. A change in per cent is relative to a count (in points of a share); a bare count is
    a change of a count only."""
    tok = ctx.token
    change = P2.CHANGE_BEFORE.search(ctx.before_local)
    if change is None:
        return None
    units = ("percent", "count") if tok.unit == "percent" else ("count",)
    same = [c for c in article.out if c.position >= view.sentence.start and c.unit in units]
    if not same and tok.unit == "percent":  # "Số đảng viên được kết nạp năm 2023 tăng 15%"
        named = named_before(ctx, change=True)
        if named is None:
            return None
        kind = "increase" if change.group("kind").lower() == "tăng" else "decrease"
        item = Candidate(named[0], named[1], tok.value, "percent", "", "relative_change",
                         position=tok.start, value_kind=kind,
                         notes=[f"the change '{change.group().strip()}' of the figure named before"])  # fmt: skip
        return item
    if not same or same[-1].value_kind != "level":
        return None
    if _OTHER_SUBJECT_CHANGED.search(article.text, same[-1].position, tok.start) and not (
        P2.PARTY_WORDS.search(ctx.before_local)
    ):
        return None  # "... kết nạp ... từ 3 - 4%; thu ngân sách tăng 10%": another item's change
    if any(
        same[-1].position < t.start < tok.start and article.trace.get(t.start) == "no_subject"
        for t in view.tokens
    ):
        return None  # "..., thu ngân sách đạt 350 tỷ đồng, tăng 12%": the change of that number
    kind = "increase" if change.group("kind").lower() == "tăng" else "decrease"
    item = _like(
        same[-1], tok, "share_change", f"the change '{change.group().strip()}' of the figure before"
    )
    item.value_kind, item.unit = kind, tok.unit
    if same[-1].unit == "count":
        relative = tok.unit == "percent"
        item.pattern = "relative_change" if relative else "count_change"
        item.denominator = ""
        if relative:
            item.notes.append("a change in per cent of the count before")
    return item


#: A new item after a semicolon whose own subject changed ("; thu ngân sách tăng 10%").
_OTHER_SUBJECT_CHANGED = re.compile(
    r";\s*(?:[^\W\d]+\s+){1,8}?(?:tăng|giảm)\b[^;]*$", re.IGNORECASE
)
_STOCK_PATTERNS = ("members_count", "members_group")


def _change_of_figure_before(
    article: _Article, view: _SentenceView, cand: Candidate, before: str
) -> None:
    """ "đã kết nạp được 2.315 đảng viên; con số này tăng 215 đảng viên so với năm 2022": a
    change whose noun alone makes it a change of the stock is the change of the figure printed
    before it in the sentence, when no stock is named between."""
    if cand.value_kind not in ("increase", "decrease") or cand.pattern not in _STOCK_PATTERNS:
        return
    if P2.STOCK_WORDS.search(before) or P2.STOCK_BEFORE.search(before):
        return
    earlier = [
        c for c in article.out
        if view.sentence.start <= c.position and c.unit == "count" and c.value_kind == "level"
    ]  # fmt: skip
    if earlier and earlier[-1].metric != cand.metric:
        model = earlier[-1]
        cand.metric, cand.category, cand.pattern = model.metric, model.category, "count_change"
        cand.notes.append(f"the change of {model.metric} printed before it")


_COUNT_IN_BRACKETS = re.compile(
    r"^\s*\(\s*(?:(?:gồm|với|tương ứng(?:\s+với)?|là)\s+)?$", re.IGNORECASE
)


def _excess_of_unread_share(article: _Article, clause: _Clause, index: int, ctx: Context) -> bool:
    """A ratio excess right after a share that made no row qualifies that share."""
    if index == 0 or ctx.token.unit != "percent" or not P.RATIO_EXCESS.search(ctx.before_local):
        return False
    previous = clause.tokens[index - 1]
    return previous.unit == "percent" and article.trace.get(previous.start) == "no_subject"


def _count_of_share(
    article: _Article, clause: _Clause, index: int, ctx: Context
) -> Candidate | None:
    """ "nữ chiếm 45% (54 đảng viên)", "tỷ lệ ... là 15% (245 đồng chí)", "92% (58 tổ chức)": a
    count in brackets right after a share is the count of the share's own subject."""
    tok = ctx.token
    if tok.unit != "count" or index == 0 or tok.whole is not None:
        return None
    previous = clause.tokens[index - 1]
    if previous.unit != "percent" or not _COUNT_IN_BRACKETS.match(ctx.before_local):
        return None
    share = next((c for c in reversed(clause.emitted) if c.position == previous.start), None)
    if share is None or share.value_kind != "level":
        return None
    count = _like(share, tok, "count_of_share", f"the count of the {plain(share.value)}% before")
    count.unit, count.denominator, count.base_category = "count", "", ""
    count.period, count.period_kind, count.period_text = (
        share.period,
        share.period_kind,
        share.period_text,
    )
    count.quote, count.source_id, count.organization = (
        share.quote,
        share.source_id,
        share.organization,
    )
    return count


def _like(model: Candidate, tok: Token, pattern: str, note: str) -> Candidate:
    """A new figure with the metric and category of ``model``: its own value, no target, no
    period (the caller or :func:`date` sets it), and a note on where it came from."""
    item = model.beside(tok.value, tok.start, pattern, [note])
    item.period, item.period_kind, item.period_text = "", "undated", ""
    return item


def _only_names(text: str, found: list, end: int) -> bool:
    """Whether the units named run from the first to "mỗi" with nothing but commas and "và"
    between them ("xã A, phường B, mỗi đảng bộ", not "các xã A, B, thị trấn C, mỗi ...")."""
    pos, rest = found[0][0], []
    for a, b, name in found:
        rest.append(text[pos:a])
        pos = b
        if name.split()[1:2] == ["các"]:
            return False
    rest.append(text[pos : text.rfind("mỗi", pos, end)])
    return all(re.fullmatch(r"[\s,;]*(?:và\s*)?", r, re.IGNORECASE) for r in rest)


def _each_of(text: str, clause_start: int, before: str, tok: Token, cand: Candidate) -> list:
    """ "xã Thượng Đạt, phường Phạm Ngũ Lão (mỗi nơi 4 đảng viên)": one row per unit named."""
    each = P2.EACH_BEFORE.search(before)
    if not each:
        return [cand]
    start = max(clause_start, text.rfind(";", clause_start, tok.start) + 1)
    found = names_in(text, start, tok.start)
    names = [n for _, _, n in found]
    if each.group("verb") and (len(names) < 2 or not _only_names(text, found, tok.start)):
        # "Những nơi kết nạp nhiều là Đảng bộ các xã A, B, C, mỗi đảng bộ kết nạp được 4 đảng
        # viên": a size per unit whose units are not all told apart is no one's total
        return []
    if len(names) < 2:
        return [cand]
    out = []
    for name in names:
        each = replace(cand, organization=name, notes=[*cand.notes, "'mỗi nơi': one row each"])
        out.append(each)
    return out


def _widen_good_tier(article: _Article, sentence: Sentence) -> None:
    """ "88 hoàn thành tốt nhiệm vụ, trong đó có 19 hoàn thành xuất sắc": the good tier that holds
    the excellent one is "hoàn thành tốt nhiệm vụ trở lên" (htt_or_better)."""
    mine = [c for c in article.out if sentence.start <= c.position < sentence.end]
    for good in (c for c in mine if c.category == "htxs_htt"):
        if good.unit == "percent" and good.value == 100:
            # "phấn đấu 100% tổ chức đảng ... hoàn thành tốt nhiệm vụ, trong đó có 20% ... xuất
            # sắc": all of them in the good tier holds any excellent ones, whatever is printed
            good.category = "htt_or_better"
            good.notes.append("100% in the good tier holds the excellent one")
            continue
        later = [
            c for c in mine
            if c.position > good.position and c.category == "htxs" and c.metric == good.metric
            and P.NESTING.search(article.text, good.position, c.position)
        ]  # fmt: skip
        if later:
            good.category = "htt_or_better"
            good.notes.append("holds the 'hoàn thành xuất sắc' part after 'trong đó'")
            for share in later:
                if share.base_category == "htxs_htt":
                    share.base_category = "htt_or_better"
    copies = [c for c in mine if c.pattern == "respective"]
    for good in (c for c in copies if c.category == "htxs_htt"):
        # "(năm 2020 đạt tỷ lệ tương ứng là 79,85% và 17%)": the copies keep the widened tier
        widened = any(c.category == "htt_or_better" and c.metric == good.metric for c in mine)
        if widened and any(
            c.position > good.position and c.category == "htxs" and c.metric == good.metric
            for c in copies
        ):
            good.category = "htt_or_better"


def _plan_then_result(article: _Article, sentence: Sentence) -> None:
    """ "kế hoạch năm 2016 phát triển 200 đảng viên và kết quả cuối cùng là 250 đảng viên", "chỉ
    tiêu giao 120 đảng viên, Đảng bộ đã kết nạp 131": a plan printed before its result in one
    sentence is the result's stated target, not a row of its own (the curated convention)."""
    mine = [c for c in article.out if sentence.start <= c.position < sentence.end]
    for plan in mine:
        if not (
            plan.metric == "admission_target"
            and plan.category == "total"
            and plan.unit == "count"
            and plan.value_kind == "level"
        ):
            continue
        result = next(
            (
                c for c in mine
                if c.position > plan.position and c.metric == "members_admitted"
                and c.category == "total" and c.unit == "count" and c.value_kind == "level"
                and (c.target is None or c.target_basis.startswith("implied"))
                and c.period == plan.period
            ),
            None,
        )  # fmt: skip
        if result is None:
            continue
        result.target, result.target_qualifier, result.target_basis = plan.value, "exact", "stated"
        result.target_input, result.target_arithmetic = None, ""
        if plan.qualifier == "at_least":
            result.target_qualifier = "at_least"
        result.pattern += "+stated_target"
        result.notes.append(f"the plan {plain(plan.value)} printed before it is its target")
        article.out.remove(plan)


#: A bulleted item on its own line ("- Đảng bộ huyện A: 85 đảng viên", "+ ...", "• ...").
_BULLET = re.compile(r"^\s*[-+•*–]\s*\S")


def _template(article: _Article, view: _SentenceView) -> Candidate | None:
    """The last count proposed earlier in the sentence (or just before it, when the sentence
    goes on with a list): what a bare list item repeats. A bulleted item repeats what its
    heading is about ("Kết quả kết nạp đảng viên ...:"); a sentence that names its own admission
    verb takes no template from the sentence before."""
    if view.heading:
        return _kind_of(view.heading)
    start = view.sentence.start
    earlier = [c for c in article.out if c.unit == "count" and c.position >= start - 200]
    within = [c for c in earlier if c.position >= start]
    if not within and _kind_of(view.words) is not None:
        return None
    return (within or earlier or [None])[-1]


def _repeats(cand: Candidate, template: Candidate, before: str) -> bool:
    """A bare member count in a list of admissions or targets ("Bệnh viện Nhi (6 đảng viên)",
    "thấp nhất là Đảng bộ Quân sự tỉnh 17 đảng viên") repeats the list's metric."""
    if not (
        cand.metric == "party_members"
        and cand.category == "total"
        and template.metric in ("members_admitted", "admission_target")
    ):
        return False
    segment = re.split(r"[,;:(]", before)[-1]
    if _PEOPLE_LABEL.search(segment):
        return False
    if _RANKED_ITEM.search(segment):
        return True  # "dẫn đầu là huyện A với 120 đảng viên", "cao nhất là Đảng bộ X với 489"
    if _PLACE_ITEM.search(before) and not P2.STOCK_WORDS.search(segment):
        return True  # "Trong đó, huyện A 150 đảng viên": a unit's item after "trong đó"
    return not P2.STOCK_WORDS.search(before) and bool(
        re.search(r"[(]|\blà\b|:\s*$|[A-ZĐ]\w*\s*[-–]?\s*$", before) or _PLACE_ITEM.search(before)
    )


#: A unit ranked in a list of admissions or targets, its count after "với" ("dẫn đầu là huyện A
#: với 120 đảng viên", "tiếp đến là huyện B với 98").
_RANKED_ITEM = re.compile(
    r"^\s*(?:(?:và|còn)\s+)?(?:dẫn đầu|đứng đầu|cao nhất|thấp nhất|nhiều nhất|ít nhất|tiếp đến|tiếp theo|"
    r"sau đó)\b(?:\s+là)?\s+[^\d]{1,60}?\s+(?:với|có)\s+" + P.ABOUT + r"$",
    re.IGNORECASE,
)


#: Words that label a group of people, not a place ("dân tộc Hoa 43 đồng chí").
_PEOPLE_LABEL = re.compile(
    r"dân tộc|tôn giáo|\bđạo\b|đoàn viên|học sinh|sinh viên|nông dân|công nhân|thanh niên|\bnữ\b",
    re.IGNORECASE,
)
#: ", thành phố 90 đảng viên": a list item named by a lower-case place or unit word.
_PLACE_ITEM = re.compile(
    r"(?:^|[,;:])\s*(?:các\s+)?(?:thành phố|thị xã|huyện|quận|xã|phường|thị trấn|đảng bộ|chi bộ|"
    r"khối|đảng ủy|đảng uỷ)"
    r"(?:\s+[^\W\d]+){0,6}\s*$",
    re.IGNORECASE,
)


def _sentence_kind(text: str, view: _SentenceView, tok: Token) -> Candidate | None:
    """The admission a sentence is about when no figure came before ("Chỉ tiêu phát triển đảng
    viên giao cho các đơn vị: huyện A 120 đảng viên; ..."), as a template for its items."""
    return _kind_of(view.heading or text[view.sentence.start : tok.start])


#: "Trong số các đơn vị được giao chỉ tiêu, cao nhất là ...": targets assigned to units, whose
#: member counts are the targets even where no admission verb is printed.
_ASSIGNED_TARGETS = re.compile(
    r"\b(?:được\s+)?(?:giao|phân bổ)\s+chỉ tiêu\b|\bchỉ tiêu\s+(?:được\s+)?(?:giao|phân bổ)\b",
    re.IGNORECASE,
)


def _kind_of(words: str) -> Candidate | None:
    """The admission (done or planned) that words are about, as a template for list items."""
    if not (
        re.search(r"\bkết nạp\b|\bphát triển (?:đảng viên|đv)\b", words, P.FLAGS)
        or _ASSIGNED_TARGETS.search(words)
    ):
        return None
    metric = "admission_target" if P2.TARGET_WORDS.search(words) else "members_admitted"
    return Candidate(metric, "total", Decimal(0), "count", "", "list_item")


def _context(text: str, view: _SentenceView, clause: _Clause, index: int) -> tuple[Context, str]:
    """What the rules see around number ``index`` of a clause, and where its period came from
    when it is inherited ("" when printed in its sentence, before it or after it in its clause)."""
    in_clause, (start, end) = clause.tokens, clause.span
    tok = in_clause[index]
    prev_end = in_clause[index - 1].end if index else start
    following = in_clause[index + 1] if index + 1 < len(in_clause) else None
    before_periods = [p for p in view.periods if p.end <= tok.start]
    after_periods = [  # "(năm 2021: 240; ...)": a label of the next item, not this number's
        p
        for p in view.periods
        if tok.end <= p.start < end and text[p.end : p.end + 2].strip() != ":"
    ]
    period = (before_periods or [None])[-1] or (after_periods or [None])[0]
    compared = next(
        (p for p in view.compared if _COUNT_OF_COMPARED.fullmatch(text, p.end, tok.start)), None
    )
    if compared is not None:
        # "so với 6 tháng đầu năm 2019 (1.564 tổ chức), đã giảm 110": the count in brackets
        # right after the period compared with stands on that period
        period = compared
    from_previous = view.inherited_from if period is None and view.inherited is not None else ""
    ctx = Context(
        text=text,
        token=tok,
        clause=clause.span,
        before_local=text[prev_end : tok.start],
        next_start=following.start if following else end,
        sentence=view.words,
        period=period or view.inherited,
        sentence_start=view.sentence.start,
    )
    return ctx, from_previous


_COUNT_OF_COMPARED = re.compile(r"\s*\(\s*(?:(?:là|có|với)\s+)?" + P.ABOUT)


def _quote(text: str, clause: tuple[int, int]) -> str:
    return text[clause[0] : clause[1]].strip().rstrip(".…").strip()


def explain_numbers(text: str) -> list[tuple[str, str]]:
    """Every number of an article with the verdict on it, for curators and tests.

    The verdict is the mask rule that declined it (``date``, ``document_number``, ``ordinal``,
    ``year``, ``duration``, ``fixed_list``, ``code``, ``long_number``, ...), ``figure:<pattern>``
    when it became a candidate, ``target_of_previous:<basis>`` when it qualifies the figure before
    it, ``whole_of_previous`` for the 686 of "662 trong tổng số 686", or ``no_subject`` when no
    rule recognizes what it counts. Numbers on dropped debris lines are not listed.
    """
    normalized = normalize_text(text)
    cover = coverage(normalized, find_masks(normalized))
    trace: dict[int, str] = {}
    extract(normalized, trace=trace)
    out = []
    for m in re.finditer(r"\d+(?:[.,:/\-]\d+)*%?", normalized):
        rule = next((cover[i] for i in range(m.start(), m.end()) if cover[i]), None)
        out.append((m.group(), rule or trace.get(m.start(), "not_a_number")))
    return out


def extract_file(
    path: Path | str, source_id: str | None = None, data_dir: Path | str = DATA_DIR
) -> list[Candidate]:
    """Read an article file (UTF-8) and extract; the source id is inferred when not given."""
    path = Path(path)
    if source_id is None:
        source_id = infer_source_id(path, data_dir) or ""
    return extract(path.read_text(encoding="utf-8"), source_id)
