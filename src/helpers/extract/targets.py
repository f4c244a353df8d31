"""Numbers that qualify the figure before them: targets, excesses and shares in brackets.

"kết nạp 1.395 đảng viên, đạt trên 124% chỉ tiêu" prints one figure and one number about it:
the 124% is no row of its own but the target the 1.395 implies (1.395 / 1,24 ≈ 1.125, an upper
bound because of "trên"). This module recognizes those numbers and writes the target, how it was
worked out (``target_arithmetic``) and its basis on the figure they qualify, so a curator can
check the arithmetic; "85 TCCSĐ (chiếm 15,2%)" becomes a share row beside its count.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from helpers.data.numbers import format_vn_number
from helpers.extract import patterns as P
from helpers.extract.classify import Context
from helpers.extract.records import Candidate


def fmt(number: Decimal) -> str:
    """A number as the article would print it, for notes and arithmetic ("1.395", "97,5")."""
    return format_vn_number(number)


def bracket_share(ctx: Context, last: Candidate | None) -> Candidate | None:
    """ "85 TCCSĐ (chiếm 15,2%) hoàn thành xuất sắc": the share of the figure just before."""
    tok = ctx.token
    if last is None or tok.unit != "percent" or last.unit != "count":
        return None
    if not P.BRACKET_SHARE.search(ctx.before_local):
        return None
    share = Candidate(
        metric=last.metric,
        category=last.category,
        value=tok.value,
        unit="percent",
        quote=last.quote,
        pattern="share_in_brackets",
        source_id=last.source_id,
        period=last.period,
        period_kind=last.period_kind,
        tier_reported=last.tier_reported,
        denominator=P.DENOMINATORS.get(last.metric) or P.WHOLES.get(last.metric) or last.metric,
        notes=[*last.notes, f"share printed beside {fmt(last.value)}"],
        position=tok.start,
    )
    return share


def modifier(ctx: Context, last: Candidate | None) -> bool:
    """Attach "vượt ...", "đạt ... chỉ tiêu" or "chỉ tiêu N" to the figure before; True if so."""
    tok, text = ctx.token, ctx.text
    if last is None:
        return False
    before = ctx.before_local
    after = text[tok.end : ctx.clause[1]]
    if tok.unit == "count":
        m = P.ABSOLUTE_EXCESS.search(before)
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
        if m and P.ATTAINMENT_AFTER.match(after):
            _attach_target(last, "implied_attainment", tok.value, m.group("q"))
            return True
    if P.STATED_TARGET.search(before) and tok.unit == last.unit and not last.target_basis:
        _attach_target(last, "stated", tok.value, None)
        return True
    return False


def _target_qualifier(modifier_q: str | None, implied_bound: str) -> str:
    if modifier_q in ("trên", "hơn"):
        return implied_bound
    if modifier_q in ("gần", "khoảng", "xấp xỉ"):
        return "approximately"
    return "exact"


def _attach_target(cand: Candidate, basis: str, given: Decimal, modifier_q: str | None) -> None:
    """Record an implied (or stated) target on the figure the phrase qualifies."""
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
    if cand.target_qualifier == "at_most" and shown_q:
        arithmetic += f"; {shown_q} makes {fmt(target)} an upper bound"
    cand.target_arithmetic = arithmetic
    cand.pattern += "+" + basis


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
