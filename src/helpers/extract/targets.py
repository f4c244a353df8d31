"""Numbers that qualify the figure before them: targets, excesses and shares in brackets.

"kết nạp 1.395 đảng viên, đạt trên 124% chỉ tiêu" prints one figure and one number about it:
the 124% is no row of its own but the target the 1.395 implies (1.395 / 1,24 ≈ 1.125, an upper
bound because of "trên"). This module recognizes those numbers and writes the target, how it was
worked out (``target_arithmetic``) and its basis on the figure they qualify, so a curator can
check the arithmetic; "85 TCCSĐ (chiếm 15,2%)" becomes a share row beside its count.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from helpers.data.numbers import format_vn_number
from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract.classify import Context, first_tier
from helpers.extract.records import Candidate
from helpers.extract.units import group_before


def fmt(number: Decimal) -> str:
    """A number as the article would print it, for notes and arithmetic ("1.395", "97,5")."""
    return format_vn_number(number)


def share_owner(emitted: list[Candidate]) -> Candidate | None:
    """The count a share printed after it belongs to: the last one that is not a whole."""
    counts = [c for c in emitted if c.unit == "count"]
    parts = [c for c in counts if c.pattern != "of_total_whole"]
    return (parts or counts or [None])[-1]


def bracket_share(ctx: Context, emitted: list[Candidate]) -> Candidate | None:
    """ "85 TCCSĐ (chiếm 15,2%)", "814 đảng viên ..., chiếm 15,2%", "tỷ lệ gần 53%": the share of
    the count just before, as a row of its own with the same metric and category."""
    tok = ctx.token
    last = share_owner(emitted)
    if last is None or tok.unit != "percent":
        return None
    if not (
        P.BRACKET_SHARE.search(ctx.before_local) or F.SHARE_AFTER_COUNT.search(ctx.before_local)
    ):
        return None
    if _names_own_subject(ctx) or F.OF_POPULATION.match(ctx.text[tok.end : ctx.clause[1]]):
        return None  # "chiếm 3,2% dân số": a share of the population, no metric
    if F.PLACES_AFTER_SHARE.match(ctx.text, tok.end, ctx.clause[1]):
        return None  # "..., góp phần đạt 100% thôn, khu phố có chi bộ": a share of the hamlets
    grouped = last.category not in ("total", "annual_average", "each_year")  # "10 nữ, chiếm 26,6%"
    if last.metric in _STOCKS and not grouped:
        return None  # "44 chi, đảng bộ cơ sở đã tổ chức sơ kết (đạt 100%)": what they did, no stock
    after = ctx.text[tok.end : ctx.clause[1]]
    intake = last.metric == "members_admitted" and F.OF_ALL_MEMBERS_AFTER.match(after)
    if (last.metric in F.ATTAINED_METRICS and not grouped and not intake) or re.search(
        r"\d", ctx.before_local
    ):
        return None
    qualifier = P.QUALIFIER_BEFORE.search(ctx.before_local)
    share = last.beside(tok.value, tok.start, "share_in_brackets",
                        [*last.notes, f"share printed beside {fmt(last.value)}"])  # fmt: skip
    share.unit, share.value_kind = "percent", "level"
    share.qualifier = P.QUALIFIERS[qualifier.group("q").lower()] if qualifier else "exact"
    share.denominator = (
        "members_admitted"
        if last.metric == "members_admitted"
        else P.DENOMINATORS.get(last.metric) or P.WHOLES.get(last.metric) or last.metric
    )
    share.base_category = _base_category(last, tok.value, emitted)
    if intake and not grouped:  # "kết nạp 120 đảng viên, bằng 3,5% tổng số đảng viên"
        share.pattern, share.denominator = "intake_share", "party_members"
        share.notes.append("intake as a share of the members")
    if (
        last.metric == "admission_target"
        and P.ATTAINMENT_BEFORE.search(ctx.before_local)
        and any(c.metric == "members_admitted" for c in emitted)
    ):
        # "kết nạp được 9 ... trên chỉ tiêu huyện giao là 06 đồng chí (đạt 150%)": the target is
        # printed after the result, and the share is how much of it was met
        share.metric, share.category, share.pattern = ("admission_attainment", "total",
                                                       "admission_attainment")  # fmt: skip
        share.base_category = ""
    return share


#: Stocks whose total a share beside it cannot be: the share says what a part of them did.
_STOCKS = {"party_orgs", "party_members", "subunits", "subordinate_committees"}
#: Words that open a segment without naming what it is about ("trong đó chiếm 12%").
_SEGMENT_LEAD = re.compile(
    r"^\W*(?:(?:trong đó|trong số đó|riêng|còn|và|tỷ lệ|tỉ lệ)\W+)*", P.FLAGS
)


def _names_own_subject(ctx: Context) -> bool:
    """ "45.210 đảng viên, đảng viên nữ chiếm 36,2%", "60 TCCSĐ ..., trong đó hoàn thành xuất sắc
    chiếm 18,5%": after a comma, the words before the share name its own subject (a member group
    or a tier), so it is no share of the count before."""
    before = ctx.before_local
    cut = max(before.rfind(mark) for mark in ",;:(")
    if cut < 0:
        return False
    segment = _SEGMENT_LEAD.sub("", before[cut + 1 :])
    return bool(first_tier(segment) or (segment.strip() and group_before(ctx)))


def ratio_to_previous(ctx: Context, emitted: list[Candidate]) -> Candidate | None:
    """ "kết nạp 1.198 đảng viên (bằng 59,1% so với cùng kỳ)": the count as a percentage of the
    same count a period earlier, a row of kind ``ratio_to_previous``."""
    tok = ctx.token
    last = share_owner(emitted)
    after = ctx.text[tok.end : ctx.clause[1]]
    if last is None or tok.unit != "percent" or not F.RATIO_TO_PREVIOUS_AFTER.match(after):
        return None
    if not re.search(r"\b(?:bằng|đạt)\s*$", ctx.before_local):
        return None
    ratio = last.beside(tok.value, tok.start, "ratio_to_previous",
                        [f"{fmt(last.value)} as a percentage of the same figure a period earlier"])  # fmt: skip
    ratio.unit, ratio.value_kind, ratio.denominator = "percent", "ratio_to_previous", last.metric
    return ratio


def _base_category(part: Candidate, share: Decimal, emitted: list[Candidate]) -> str:
    """The tier a share is taken over, when the part over an earlier tier count gives the share
    (19 of 88 "hoàn thành tốt" = 21,59%: base htt_or_better)."""
    for whole in emitted:
        if whole is part or whole.unit != "count" or not whole.value or whole.category == "total":
            continue
        if whole.metric == part.metric and whole.category != part.category:
            ratio = part.value / whole.value * 100
            if abs(ratio - share) <= Decimal("0.06"):
                return whole.category
    return ""


def modifier(ctx: Context, last: Candidate | None) -> bool:
    """Attach "vượt ...", "đạt ... chỉ tiêu" or "chỉ tiêu N" to the figure before; True if so.

    A ratio to the previous period ("bằng 59,1% so với cùng kỳ") and the threshold of units
    meeting one ("5 đảng bộ đạt trên 50% chỉ tiêu") are taken too, and make no row."""
    tok, text = ctx.token, ctx.text
    if last is None:
        return False
    before = ctx.before_local
    after = text[tok.end : ctx.clause[1]]
    of_all = tok.unit == "percent" and F.OF_ALL_MEMBERS_AFTER.match(after)
    if F.OF_POPULATION.match(after) or of_all:
        return False  # "tỷ lệ đạt 2,18% so với dân số", "bằng 3,5% tổng số đảng viên": no target
    if tok.unit == "percent" and last.metric == "units_meeting_threshold" and not last.threshold:
        _threshold(last, before, tok.value, after)
        return True
    if tok.unit == "count":
        m = P.ABSOLUTE_EXCESS.search(before)
        if m is None and F.PLAN_AFTER_EXCESS.match(after):
            m = F.EXCESS_BEFORE.search(before)  # "vượt 7 đảng viên so với chỉ tiêu"
        if m and last.unit == "count":
            _attach_target(last, "implied_absolute_excess", tok.value, m.group("q"))
            return True
    else:
        m = P.RATIO_EXCESS.search(before)
        if m:
            basis = "implied_pp_excess" if last.unit == "percent" else "implied_relative_excess"
            _attach_target(last, basis, tok.value, m.group("q"))
            return True
        m = P.ATTAINMENT_BEFORE.search(before)
        attained = P.ATTAINMENT_AFTER.match(after) or F.ATTAINMENT_WORDS.match(after)
        named = P.SHARE_BEFORE.search(before)  # "tỷ lệ kết nạp hằng năm đạt 8,7%": an intake share
        if named and re.search(r"\bkết nạp\b", named.group("phrase"), P.FLAGS):
            m = None
        if not attained and _RATE_NAMED.search(text, last.position, tok.start):
            m = None  # "..., trong đó, tỷ lệ trưởng thôn là đảng viên đạt 54,5%, phó thôn ...
            # đạt 44,8%": shares of their own subject, named since the figure
        whole = last.category in ("total", "annual_average", "each_year")  # "10 nữ, bằng 26,6%"
        if (
            m
            and not re.search(r"\d", before)
            and (attained or (last.metric in F.ATTAINED_METRICS and whole))
            # "đạt 100,59% kế hoạch, ..., phó thôn là đảng viên đạt 44,8%": one attainment a figure
            and last.target_basis != "implied_attainment"
        ):
            _attach_target(last, "implied_attainment", tok.value, m.group("q"))
            return True
    bound = _BOUND_OF_A_RESOLUTION.search(before) if tok.unit == last.unit else None
    floor = re.match(r"\W*(?:\w+\W+){0,2}?trở lên\b", after, P.FLAGS)
    q = ((bound.group("q") or bound.group("q1") or "") if bound else "").lower()
    if bound and not last.target_basis and (q or floor or bound.group("v").lower() != "đạt"):
        _attach_target(last, "stated", tok.value, None)
        last.target_qualifier = "at_least" if floor else _BOUNDS.get(q, "exact")
        return True
    # "trên tổng số 120 đảng viên theo chỉ tiêu", "kết nạp mới 80 đảng viên/85 chỉ tiêu tỉnh
    # giao": the whole of the count is its plan
    whole_of_plan = re.search(
        r"(?:\b(?:trong|trên)\s+tổng\s+số\s*" + P.ABOUT + r"|/\s*)$", before
    ) and F.PLAN_WHOLE_AFTER.match(after)
    stated = P.STATED_TARGET.search(before) or whole_of_plan
    if stated and tok.unit == last.unit and not last.target_basis:
        _attach_target(last, "stated", tok.value, None)
        return True
    if stated and tok.unit == last.unit == "count" and last.target is not None:
        last.notes.append(f"the target is also printed as {fmt(tok.value)}")
        return True  # "đạt 111,5% so với Nghị quyết (130 đảng viên)": the plan, said twice
    return False


#: "tỷ lệ trưởng thôn là đảng viên": a rate with its subject named (not "đạt tỷ lệ 105%").
_RATE_NAMED = re.compile(
    r"\bt[ỷỉ] lệ\s+(?!(?:là|đạt|chiếm|bằng|khoảng|gần|trên|hơn)\b)[^\W\d]", P.FLAGS
)
#: "so với Nghị quyết Đại hội đạt 95% trở lên", "(Nghị quyết ... ít nhất đạt 98%", "so với chỉ
#: tiêu là dưới 0,4%": the bound a resolution sets, after the figure it is the target of; with
#: "đạt" only a bound ("ít nhất", "dưới", "... trở lên"), else the ratio may be an attainment.
_BOUND_OF_A_RESOLUTION = re.compile(
    r"(?:\(\s*|\bso với\s+)(?:chỉ tiêu\s+|kế hoạch\s+)?(?:nghị quyết|nq|chỉ tiêu|kế hoạch)\b"
    r"[^,;()\d]{0,50}?(?:(?P<q1>ít nhất|tối thiểu)\s+)?\b(?P<v>đề ra|là|đạt)\s+"
    r"(?:(?P<q>từ|trên|hơn|dưới|không quá|tối đa|ít nhất|tối thiểu)\s+)?$",
    P.FLAGS,
)
_BOUNDS = {"từ": "at_least", "ít nhất": "at_least", "tối thiểu": "at_least", "trên": "more_than",
           "hơn": "more_than", "dưới": "less_than", "không quá": "at_most", "tối đa": "at_most"}  # fmt: skip


def _threshold(cand: Candidate, before: str, value: Decimal, after: str) -> None:
    """ "đạt trên 50% chỉ tiêu": the threshold the counted units meet, and how."""
    q = re.search(r"\b(trên|hơn|từ)\s*$", before)
    cand.threshold = value
    if q and q.group(1).lower() == "từ" or re.match(r"^\W*(?:\w+\W+){0,3}?trở lên", after):
        cand.threshold_qualifier = "at_least"
    else:
        cand.threshold_qualifier = "more_than" if q else "exact"


def _target_qualifier(modifier_q: str | None, implied_bound: str) -> str:
    if modifier_q in ("trên", "hơn"):
        return implied_bound
    if modifier_q in ("gần", "khoảng", "xấp xỉ"):
        return "approximately"
    return "exact"


def _attach_target(cand: Candidate, basis: str, given: Decimal, modifier_q: str | None) -> None:
    """Record an implied (or stated) target on the figure the phrase qualifies; a target printed
    beside the figure ("821/1.450 chỉ tiêu (đạt 56,62%)") stays, the ratio after it is only noted."""
    if cand.target_basis == "stated" and basis != "stated":
        cand.notes.append(f"'{fmt(given)}' after the printed target {fmt(cand.target)} is not used")
        return
    cand.target_basis = basis
    cand.target_input = given
    shown_q = f"'{modifier_q} {fmt(given)}%'" if modifier_q else ""
    if basis == "stated":
        cand.target, cand.target_input, cand.target_qualifier = given, None, "exact"
        cand.pattern += "+stated_target"
        return
    implied = _implied_target(cand, basis, given)
    if implied is None:
        cand.target_basis, cand.target_input = "", None
        return
    target, arithmetic = implied
    cand.target = target
    cand.target_qualifier = _target_qualifier(modifier_q, "at_most")
    if cand.qualifier == "approximately" and cand.target_qualifier == "exact":
        cand.target_qualifier = "approximately"
    if cand.target_qualifier == "exact" and _rounded_count(cand, basis, given):
        # "kết nạp 115 ĐV đạt 104,5%": 115 / 1,045 = 110,05, no whole count; the target is
        # approximate (123,33% of 90 is 111 within the ratio's rounding: exact)
        cand.target_qualifier = "approximately"
    if cand.target_qualifier == "at_most" and shown_q:
        arithmetic += f"; {shown_q} makes {fmt(target)} an upper bound"
    cand.target_arithmetic = arithmetic
    cand.pattern += "+" + basis


def _rounded_count(cand: Candidate, basis: str, given: Decimal) -> bool:
    """Whether a count's target implied by a ratio is rounded to a whole number from a quotient
    that is not whole to two decimals."""
    if cand.unit != "count" or basis not in ("implied_attainment", "implied_relative_excess"):
        return False
    factor = (1 + given / 100) if basis == "implied_relative_excess" else given / 100
    quotient = (cand.value / factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return quotient != quotient.to_integral_value()


def _implied_target(cand: Candidate, basis: str, given: Decimal) -> tuple[Decimal, str] | None:
    """(target, arithmetic) a figure implies on an implied basis; None for a zero ratio.

    An excess is subtracted (in percentage points on a share); a relative excess or an
    attainment divides, rounding counts to whole numbers and shares to two decimals.
    """
    value = cand.value
    if basis == "implied_pp_excess":
        target = value - given
        return target, f"{fmt(value)} − {fmt(given)} = {fmt(target)} (percentage points)"
    if basis == "implied_absolute_excess":
        target = value - given
        return target, f"{fmt(value)} − {fmt(given)} = {fmt(target)}"
    factor = (1 + given / 100) if basis == "implied_relative_excess" else given / 100
    if factor == 0:
        return None
    exact = value / factor
    target = exact.quantize(Decimal(1), ROUND_HALF_UP) if cand.unit == "count" else exact
    target = target.quantize(Decimal("0.01"), ROUND_HALF_UP) if cand.unit != "count" else target
    sign = "=" if target == exact else "≈"
    return target, f"{fmt(value)} / {fmt(factor)} {sign} {fmt(target)}"
