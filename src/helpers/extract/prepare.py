"""Text preparation for the curation assistant: clean text, masks, sentences and periods.

Before any number can be read as a figure the article must be reduced to its own words (page
furniture dropped, spaces and Unicode form made uniform), the numbers that are not figures must
be masked with the rule that says why, and the text must be cut into sentences and clauses with
the period expressions that date them. These steps know nothing about metrics; they only give
:mod:`helpers.extract.engine` the spans it reads.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence

from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract.records import Mask, Period, Sentence

#: Words ending in "." that do not end a sentence ("TP. Hồ Chí Minh").
_ABBREVIATIONS = {"tp", "tx", "tt", "ts", "ths", "gs", "pgs", "bs", "ks", "q", "p", "h", "n"}


#: Words of a line of article prose (a headline or a sentence); the page furniture printed
#: above the article ("Liên kết website", "Lượt truy cập", "Online: 59") has fewer.
_PROSE_WORDS = 8


def normalize_text(raw: str) -> str:
    """NFC, ordinary spaces, one space between words, and the page furniture taken off.

    Lines of link lists ("... (24/10/2020)"), bare counters ("97993158") and everything from the
    first footer marker after a line of prose ("CÁC TIN KHÁC", "Bình luận", ...) are dropped, so their
    numbers are never read as figures. What remains is verbatim article text (up to spacing),
    so quotes cut from it are found in the article.
    """
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = P.INVISIBLE.sub("", text)
    for space in ("\xa0", "\u202f", "\u2007", "\t"):
        text = text.replace(space, " ")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line).strip()
        line = re.sub(r"(?<=[^\W\d_]),(?=\d)", ", ", line)  # "nhiệm vụ,126 đảng viên": a list comma
        if P.FOOTER_MARKERS.match(line) or P.MASTHEAD_LINE.match(line):
            if not any(len(kept.split()) >= _PROSE_WORDS for kept in lines):
                # "Liên kết website" in a sidebar printed above the article: no article
                # text has come yet, so it ends nothing
                continue
            break
        if (
            (P.COUNTER_LINE.match(line) and re.search(r"\d", line))
            or P.LINK_LINE.search(line)
            or P.RELATED_LINE.match(line)
        ):
            continue
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def find_masks(text: str) -> list[Mask]:
    """Every stretch whose digits are not a figure (dates, document numbers, ordinals, ...)."""
    masks = [
        Mask(m.start(), m.end(), rule, m.group())
        for rule, rx in P.MASKS
        for m in rx.finditer(text)
        if re.search(r"\d", m.group())
    ]
    return sorted(masks, key=lambda m: (m.start, -m.end))


def mask_reasons(text: str) -> list[tuple[str, str]]:
    """``(words, rule)`` for each masked stretch of ``text``, after normalization; for curators
    and tests that want to see why a number was declined."""
    return [(m.text, m.rule) for m in find_masks(normalize_text(text))]


def coverage(text: str, masks: Sequence[Mask]) -> list[str | None]:
    """The rule covering each character (first rule in :data:`MASKS` order wins)."""
    order = {rule: i for i, (rule, _) in enumerate(P.MASKS)}
    cover: list[str | None] = [None] * len(text)
    for mask in sorted(masks, key=lambda m: order[m.rule], reverse=True):
        for i in range(mask.start, mask.end):
            cover[i] = mask.rule
    return cover


def sentences(text: str) -> list[Sentence]:
    """Split into paragraphs (lines), sentences (end mark + capital) and clauses (';')."""
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        out += _line_sentences(line, offset)
        offset += len(line) + 1
    for sentence in out:
        sentence.clauses = _clauses(text, sentence)
    return out


def _line_sentences(line: str, offset: int) -> list[Sentence]:
    """The sentences of one line (a paragraph) that starts at ``offset`` in the text."""
    out: list[Sentence] = []
    start = offset
    for m in re.finditer(r"[.!?…]+[\"”’)]*\s+", line):
        following = line[m.end() : m.end() + 1]
        word = re.search(r"(\w+)\W*$", line[: m.start() + 1])
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        if following and (following.isupper() or following.isdigit() or following in '“"‘('):
            end = offset + m.start() + len(m.group().rstrip())
            out.append(Sentence(start, end, []))
            start = offset + m.end()
    if line[start - offset :].strip():
        out.append(Sentence(start, offset + len(line), []))
    return out


def _clauses(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The non-blank parts of a sentence between semicolons, without their outer spaces."""
    clauses = []
    pos = sentence.start
    for part in text[sentence.start : sentence.end].split(";"):
        lead = len(part) - len(part.lstrip())
        trail = len(part.rstrip())
        if part.strip():
            clauses.append((pos + lead, pos + trail))
        pos += len(part) + 1
    return clauses


def periods(
    text: str,
    start: int,
    end: int,
    masks: Sequence[Mask],
    compared_out: list[Period] | None = None,
) -> list[Period]:
    """Period expressions in ``text[start:end]``, outer ones only, in order of their end; the
    periods compared with ("so với 6 tháng đầu năm 2019") are left out, and put in
    ``compared_out`` when given."""
    blocked = [(m.start, m.end) for m in masks if m.rule in ("date", "document_number")]
    dates = [(m.start, m.end) for m in masks if m.rule == "document_number"]
    found: list[tuple[int, int, Period]] = []
    compared: list[tuple[int, int]] = []
    chunk = text[start:end]
    for kind, rx in [*P.PERIODS, *_PART_YEAR]:
        for m in rx.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            # a month printed as "tháng 10/2023" is masked as a date, yet it is a period
            fence = dates if kind in _MONTHS_NAMED else blocked
            if any(bs <= s and e <= be for bs, be in fence):
                continue
            if _COMPARED_WITH.search(text, max(0, s - 24), s):
                compared.append((s, e))
                of = _period_of(kind, m, s, e) if compared_out is not None else None
                # a part-year period compared with counts only when its year is known
                if of is not None and (of.period or of.kind == kind):
                    compared_out.append(of)
                continue  # "tăng 2,1% so với năm 2021": the year compared with, not the period
            if kind == "day_no_year" and _FROM_A_DAY.search(text, max(0, s - 24), s):
                continue  # "Từ ngày 1/5 đến ngày 30/6": a span between two days, no stock's day
            named_term = kind == "term" and m.group().lower().startswith("nhiệm kỳ")
            if named_term and _CONGRESS_NAMED.search(text, max(0, s - 90), s):
                continue  # "đã tiến hành đại hội nhiệm kỳ 2015-2020": the congress's name
            period = _period_of(kind, m, s, e)
            if period is not None:
                found.append((s, e, period))
    # "so với 6 tháng đầu năm 2019": the year inside a period compared with is compared too
    found = [f for f in found if not any(cs <= f[0] and f[1] <= ce for cs, ce in compared)]
    if compared_out:
        compared_out[:] = [
            p for p in compared_out
            if not any(o is not p and o.start <= p.start and p.end <= o.end for o in compared_out)
        ]  # fmt: skip
    outer = [
        f for f in found if not any(o is not f and o[0] <= f[0] and f[1] <= o[1] for o in found)
    ]
    return [p for _, _, p in sorted(outer, key=lambda f: f[1])]


#: "so với năm 2021", "so với cùng kỳ năm 2021", "so với thời điểm cuối năm 2019": compared with.
_COMPARED_WITH = re.compile(
    r"\bso(?:\s+với)?\s+(?:cùng kỳ\s+|(?:thời điểm\s+)?(?:cuối|đầu)\s+)?$", re.IGNORECASE
)
_FROM_A_DAY = re.compile(r"\btừ\s+(?:ngày\s+)?\d{1,2}\s*[/\-.]\s*\d{1,2}\s*$", re.IGNORECASE)
#: "đã tiến hành đại hội nhiệm kỳ 2015-2020", "Đại hội Đảng bộ huyện ... lần thứ XXII, nhiệm kỳ
#: 2025-2030 có 260 đại biểu": the term names the congress, not the time of the figures about
#: it; the term of a resolution of the congress ("chỉ tiêu Nghị quyết Đại hội nhiệm kỳ ...") is
#: the span its targets cover and still dates them.
_CONGRESS_NAMED = re.compile(
    r"(?<!quyết\s)(?<!tiêu\s)\bđại hội\b[^.;:\d]{0,60}?(?:lần thứ\s+[\dIVXLC]+\s*)?[,(]?\s*$",
    re.IGNORECASE,
)

#: Part-year and year-end expressions (:mod:`helpers.extract.phrases`), read by their groups.
_PART_YEAR = [
    ("months", F.MONTHS_OF_YEAR),
    ("quarter", F.QUARTER),
    ("year_end", F.YEAR_END),
    ("month_end", F.MONTH_END),
    ("as_of_plain", F.AS_OF_NO_DAY_WORD),
    ("month", F.MONTH),
    ("day_no_year", F.DAY_NO_YEAR),
]
_MONTHS_NAMED = ("month", "month_end", "day_no_year")
_QUARTERS = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}


def _last_day(year: str, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(int(year), month)[1]:02d}"


def _part_year(kind: str, m: re.Match[str]) -> tuple[str, str] | None:
    """(period, period_kind) of a part-year expression; ('', 'undated') when it prints no year."""
    parts = m.groupdict()
    year = parts.get("y")
    if kind == "months":
        month = int(parts["n"])
        if not 1 <= month <= 12:
            return None
        return (_last_day(year, month), "year_to_date") if year else ("", "undated")
    if kind == "quarter":
        month = _QUARTERS[parts["q"].lower()]
        return (_last_day(year, month), "year_to_date") if year else ("", "undated")
    if kind == "day_no_year":
        month, day = int(parts["m"]), int(parts["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return "", "undated"  # the page's year is given later (engine._date_part_years)
    if kind == "year_end":
        return f"{year}-12-31", "as_of"
    month = int(parts["m"])
    if not 1 <= month <= 12:
        return None
    if kind == "month":
        return f"{year}-{month:02d}", "month"
    if kind == "month_end":
        return _last_day(year, month), "as_of"
    return f"{year}-{month:02d}-{int(parts['d']):02d}", "as_of"


def _period_of(kind: str, m: re.Match[str], s: int, e: int) -> Period | None:
    """The period one expression at ``s:e`` prints (:func:`_period_value`), with its words."""
    value = _period_value(kind, m)
    if value is None:
        return None
    period, kind_of = value if isinstance(value, tuple) else (value, kind)
    return Period(period, kind_of, m.group().strip(" ()"), s, e)


def _period_value(kind: str, m: re.Match[str]) -> str | tuple[str, str] | None:
    """The ``period`` column for one period expression; None for a backwards term. Part-year
    expressions give ``(period, period_kind)``."""
    if kind in dict(_PART_YEAR):
        return _part_year(kind, m)
    if kind == "as_of":
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if kind == "term":
        if int(m.group(1)) >= int(m.group(2)):
            return None
        return f"{m.group(1)}-{m.group(2)}"
    return m.group(1)
