"""Lists that print only a name and a number, and the repeated statements of one article.

Why: reports give the same figure for each unit in a row ("Đảng bộ TP.Tam Kỳ chỉ tiêu phát triển
150 đảng viên mới; Hội An 110; Điện Bàn 150 ...", "so với chỉ tiêu là Thanh Hải 11/15, Đồng Cốc
8/7"): after the first item the noun and verb are left out, so the item takes them from the
figure before it in the sentence (or from the sentence's admission verb), and the name becomes
the candidate's organization. And news pages repeat their lead paragraph in the body, so the same
statement read twice is proposed once (:func:`drop_repeats`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract.classify import Context
from helpers.extract.organizations import same_place
from helpers.extract.records import Candidate

#: The name of a list item right before its number: a capitalized word and up to 4 more, after
#: a comma, semicolon, colon, "là" or "và" (or the start of the clause).
_ITEM = re.compile(
    r"(?:^\s*[-+•*–]?|[,;:]|\blà\b|\bvà\b)\s*(?P<name>(?=[^\W\d_])[^\W\d_a-zđ][\w.]*(?:[ \-][\w.]+){0,4}?)"
    r"\s*[:(\-–]?\s*$"
)  # "Hội An 110", "Hội An: 110", "Hội An (110)"
_ITEM_END = re.compile(r"^\s*(?:[;,.)…]|và\b|$)", P.FLAGS)
_ADMIT = re.compile(r"\bkết nạp\b|\bphát triển\b", P.FLAGS)
_TARGET = re.compile(r"\bchỉ tiêu\b|\bkế hoạch\b", P.FLAGS)


#: A count of places introducing their names ("gồm có 8 thôn:", "12 tổ dân phố gồm"): a number
#: after a name in that list is part of the name, with no party figure in the sentence.
_PLACES_NAMED = re.compile(
    r"\d+\s+(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư|xã|phường|thị trấn)"
    r"(?:\s*(?:,|và)\s*(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư|xã|phường|"
    r"thị trấn))*\s*(?::|\bgồm\b|\blà\b)",
    P.FLAGS,
)


def list_item(ctx: Context, template: Candidate | None, sentence_start: int) -> Candidate | None:
    """The candidate of "Hội An 110" in a list whose first item printed its noun, or None."""
    tok, text = ctx.token, ctx.text
    m = _ITEM.search(ctx.before_local)
    if m is None or not _ITEM_END.match(text[tok.end : ctx.clause[1]]) or tok.unit != "count":
        return None
    name = m.group("name").strip()
    if any(w.lower() in {"năm", "tháng", "ngày", "quý", "khóa", "số"} for w in name.split()):
        return None
    if name.upper() == name:
        return None  # "HD(0)": a code of the page, no name of a place or unit
    before = text[sentence_start : tok.start]
    if _PLACES_NAMED.search(before) and not F.PARTY_WORDS.search(before):
        return None  # "Xã gồm có 8 thôn: Phúc Triền 1, Phúc Triền 2, ...": numbered names
    if template is None:
        if not _ADMIT.search(before):
            return None  # "kết nạp đảng viên ở các huyện: Bảo Lâm (120), ...": admissions
        planned = F.TARGET_WORDS.search(F.ATTAINED_PHRASE.sub(" ", before))
        metric = "admission_target" if planned and tok.whole is None else "members_admitted"
        template = Candidate(metric, "total", tok.value, "count", "", "list_item")
    cand = replace(
        template,
        value=tok.value,
        qualifier="exact",
        pattern="list_item",
        target=None,
        target_qualifier="",
        target_basis="",
        target_input=None,
        target_arithmetic="",
        notes=[f"list item: metric and period of the item before ('{name}')"],
        organization=name,
        words="",
        position=tok.start,
    )
    if tok.whole is not None and _TARGET.search(before):
        cand.target, cand.target_qualifier, cand.target_basis = tok.whole, "exact", "stated"
    return cand


def drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without a statement already proposed: a lead paragraph repeated in the
    body gives one row, and a rounded headline figure ("hơn 10.000") beside the exact one it
    rounds (10.027) gives none."""
    kept: list[Candidate] = []
    for cand in candidates:
        twin = next((i for i, other in enumerate(kept) if _same(cand, other)), None)
        if twin is None:
            kept.append(cand)
        elif _richness(cand) > _richness(kept[twin]):
            _fill_target(cand, kept[twin])
            kept[twin] = cand  # the body's statement says more than the headline's
        else:
            _fill_target(kept[twin], cand)
    attained = {c.target_input for c in kept if c.target_basis == "implied_attainment"}
    return [
        c for c in kept
        if not any(_rounds(c, other) for other in kept)
        and not (c.metric == "admission_attainment" and c.value in attained)
    ]  # fmt: skip  # "Đạt 105% chỉ tiêu" in a headline: the attainment the body gives its count


#: The goal metric a result metric shortens to in a heading.
_GOAL_OF = {"members_admitted": "admission_target", "org_classification": "org_tier_target"}
#: Words of a heading that say its figure was reached.
_DONE_IN_HEADING = re.compile(
    r"\b(?:đã|được|kết quả|đến nay|hiện nay|hiện có|năm qua|vượt)\b", P.FLAGS
)


def drop_shortened_goals(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "Đến năm 2025, 95% TCCSĐ hoàn thành tốt nhiệm vụ trở lên" as a heading, over the body's
    "... đề ra mục tiêu phấn đấu đến năm 2025 có 95% TCCSĐ ...": a heading (a line with no end
    mark and no word of a result) that prints a goal of the body without its goal word gives no
    result row; the body's goal stands."""
    goals = [c for c in candidates if c.metric in _GOAL_OF.values()]
    if not goals:
        return candidates
    return [c for c in candidates if not (_in_heading(c, text) and _shortens(c, goals))]


def _in_heading(cand: Candidate, text: str) -> bool:
    if cand.metric not in _GOAL_OF:
        return False
    start = text.rfind("\n", 0, cand.position) + 1
    end = text.find("\n", cand.position)
    line = text[start : end if end >= 0 else len(text)].strip()
    return bool(line) and line[-1] not in ".!?:;…" and not _DONE_IN_HEADING.search(line)


def _shortens(cand: Candidate, goals: list[Candidate]) -> bool:
    return any(
        goal.metric == _GOAL_OF[cand.metric]
        and (goal.value, goal.unit, goal.value_kind) == (cand.value, cand.unit, cand.value_kind)
        and (goal.category == cand.category or cand.metric == "members_admitted")
        and (not cand.period or not goal.period or cand.period[:4] == goal.period[-4:])
        for goal in goals
    )


_TARGET_FIELDS = ("target", "target_qualifier", "target_basis", "target_input", "target_arithmetic")


def _fill_target(kept: Candidate, dropped: Candidate) -> None:
    """ "Chư Păh kết nạp 32 đảng viên trong quý I" over "... kết nạp 32 đảng viên mới, đạt 40,5%
    chỉ tiêu": the headline's row keeps the target the body's repeat gives."""
    if kept.target is not None or dropped.target is None:
        return
    for name in _TARGET_FIELDS:
        setattr(kept, name, getattr(dropped, name))


def _richness(cand: Candidate) -> int:
    """How much a candidate says beyond its value: target, period, organization, base."""
    return sum(
        bool(x) for x in (cand.target is not None, cand.period, cand.organization,
                          cand.base_category, cand.period_text, cand.metric != "party_members")
    )  # fmt: skip


#: Nouns that count the same people in a repeated statement ("quần chúng ưu tú" admitted).
_SAME_NOUN = {"candidates": "members", "persons": "members", "group_people": "members"}


def _key(cand: Candidate) -> tuple:
    words = _SAME_NOUN.get(cand.words, cand.words) if cand.unit == "count" else ""
    metric = cand.metric
    if metric == "party_members" and cand.category not in ("total", "probationary"):
        metric = "members_admitted"  # "Có 9 đảng viên là học sinh" beside "kết nạp 9 ... học sinh"
    return (metric, cand.category, cand.value, cand.unit, cand.value_kind, words,
            cand.base_category)  # fmt: skip


def _same(cand: Candidate, other: Candidate) -> bool:
    """The same statement: same figure and noun, and no two different organizations named. A
    count whose noun was named before it ("Tổng số tổ chức cơ sở đảng ... là 95") has no noun
    of its own and agrees with any ("95 tổ chức cơ sở đảng ..." in the headline)."""
    one, two = _key(cand), _key(other)
    if "" in (one[5], two[5]):
        one, two = one[:5] + one[6:], two[:5] + two[6:]
    if one != two:
        return False
    # a count of four digits or more printed again is the same statement, whichever place the
    # sentence named last ("..., phường Đông Hải 2, với ... 5.505 đảng viên" and "5.505 đảng
    # viên của Đảng bộ phường Hải An")
    distinctive = cand.unit == "count" and cand.value >= _DISTINCTIVE
    one_org = distinctive or same_place(cand.organization, other.organization)
    return one_org and (cand.period == other.period or "" in (cand.period, other.period))


#: A count this large is never printed twice in one article for two organizations.
_DISTINCTIVE = Decimal(1000)


def _rounds(cand: Candidate, other: Candidate) -> bool:
    """``cand`` ("hơn 5.700") is a rounding of the exact ``other`` (5.767) of the same kind."""
    if (
        cand is other
        or cand.qualifier not in ("more_than", "approximately")
        or other.qualifier != "exact"
    ):
        return False
    if (cand.metric, cand.category, cand.unit, cand.value_kind) != (
        other.metric,
        other.category,
        other.unit,
        other.value_kind,
    ):
        return False
    if cand.unit == "percent":  # "Trên 57% đảng viên mới ..." beside the exact 57,4%
        if cand.value % 1:
            return False
        low, high = cand.value - 1, cand.value + 1
        if cand.qualifier == "more_than":
            low = cand.value
        return low <= other.value <= high and other.value != cand.value
    if cand.unit != "count" or cand.value % 100:
        return False
    low, high = cand.value * Decimal("0.95"), cand.value * Decimal("1.05")
    if cand.qualifier == "more_than":
        low = cand.value
    return low <= other.value <= high and other.value != cand.value
