"""What a number counts when its noun is a unit of the party, a member or a figure named before.

Why apart from :mod:`helpers.extract.classify`: a bare "đảng bộ" or "chi bộ" means different
things by its neighbours (the parts of the TCCSĐ counted before, sub-units under a grassroots
committee, units meeting a target threshold, commended collectives), members may be admitted,
targeted, grouped, evaluated or inspected, and some figures print their noun or tier before the
number ("số đảng viên ... là 5.183", "đạt trong sạch vững mạnh là 207"). Each reading is one small
function here, so the order in which they are tried is visible at a glance.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from helpers.extract import patterns as P
from helpers.extract import phrases as F

if TYPE_CHECKING:
    from helpers.extract.classify import Context, Found, _Noun

SUBUNIT_CATEGORY = {
    "subunit_cells": "subordinate_cell",
    "partial_committees": "partial_committee",
    "cells_in_partial": "cell_in_partial_committee",
}
_EVALUATION_METRIC = {"orgs": "org_evaluation", "members": "member_evaluation"}


def clause_after(noun: _Noun) -> str:
    """The words of the clause after the counted noun."""
    return noun.ctx.text[noun.end : noun.ctx.clause[1]]


def clause_before(ctx: Context) -> str:
    """The words of the clause before the number."""
    return ctx.text[ctx.clause[0] : ctx.token.start]


#: A founding or dissolution still to come ("dự kiến ... sẽ thành lập thêm 4 chi bộ"): a plan,
#: which no metric counts; a word of a result after it ("phấn đấu và đã thành lập") undoes it.
_PLANNED = re.compile(
    r"\b(?:sẽ|dự kiến|phấn đấu)\b|\b(?:mục tiêu|chỉ tiêu|kế hoạch)\s+(?:là\s+)?(?=thành lập|giải thể)",
    P.FLAGS,
)
_PLAN_DONE = re.compile(r"\b(?:đã|được)\b", P.FLAGS)


def planned_change(ctx: Context) -> bool:
    """Whether the founding or dissolution before the number is still a plan."""
    before = clause_before(ctx)
    plans = list(_PLANNED.finditer(before))
    return bool(plans) and not _PLAN_DONE.search(before, plans[-1].end())


def evaluated_before(ctx: Context, subject: str) -> Found | None:
    """ "đã đánh giá 398 tổ chức", "thuộc diện miễn đánh giá là 1.105 đồng chí": a status
    printed before the number."""
    before = ctx.before_local
    status = None
    m = F.EVALUATION_BEFORE.search(before)
    if m:
        status = F.EVALUATION_WORDS.get(m.group("what").split()[0].lower())
        status = "exempt" if "miễn" in m.group("what").lower() else status
    elif F.EVALUATED_BEFORE.search(before):
        status = "evaluated"
    if status is None or subject not in _EVALUATION_METRIC:
        return None
    return _EVALUATION_METRIC[subject], status, "", "evaluated_before", ""


def evaluation_status(tail: str) -> str | None:
    """The evaluation status printed after a noun ("được đánh giá"), if any."""
    return next((status for status, rx in F.EVALUATION if rx.match(tail)), None)


def subunits(noun: _Noun) -> Found | None:
    """Sub-units that are not TCCSĐ: counted, classified or evaluated."""
    if F.ORGS_ACTED_ON_BEFORE.search(noun.ctx.before_local) and not noun.percent:
        return None
    if noun.tier:
        return noun.tiered("subunit_classification", noun.tier[1], "subunit_tier")
    status = evaluation_status(noun.tail)
    if status:
        return "subunit_evaluation", status, "", "subunit_evaluation", ""
    if noun.verb in ("found", "dissolve") and not noun.percent:
        if planned_change(noun.ctx):
            return None
        metric = "orgs_founded" if noun.verb == "found" else "orgs_dissolved"
        return metric, SUBUNIT_CATEGORY[noun.name], "", metric, ""
    if noun.percent or noun.verb == "visit":
        return None
    if F.HELD_CONGRESS_AFTER.match(noun.tail) and not all_of_them(noun.ctx):
        return None  # "62/64 chi bộ trực thuộc ... tiến hành đại hội": no metric counts them
    return "subunits", SUBUNIT_CATEGORY[noun.name], "", "subunits_count", ""


#: Committees directly under the party's Central Committee (provinces and central blocs).
_UNDER_THE_CENTRE = re.compile(r"\s*trực thuộc\s+(?:ban chấp hành\s+)?trung ương\b", P.FLAGS)
#: "tất cả 16 đảng bộ trực thuộc", "toàn bộ 58 chi bộ": every one of the units, counted.
_ALL_OF_THEM_BEFORE = re.compile(r"\b(?:tất cả|toàn bộ)\s+(?:(?:các|những)\s+)?$", P.FLAGS)


def all_of_them(ctx: Context) -> bool:
    """Whether a count of units that held their congress is all of them ("tất cả 16/16 đảng bộ
    trực thuộc đã tổ chức đại hội", "58/58 chi bộ trực thuộc ... đã hoàn thành đại hội"): then
    the count is the units' stock on that date, whereas "55/58" is progress only."""
    tok = ctx.token
    if tok.unit != "count":
        return False
    return tok.whole == tok.value or bool(_ALL_OF_THEM_BEFORE.search(ctx.before_local))


def bare_units(noun: _Noun) -> Found | None:
    """A bare "đảng bộ", "chi bộ" or "đơn vị": read by what stands around it."""
    ctx, after = noun.ctx, clause_after(noun)
    if (
        F.ORGS_ACTED_ON_BEFORE.search(noun.ctx.before_local) or noun.verb == "found_or_rearrange"
    ) and not noun.percent:
        return None  # "sáp nhập 5 chi bộ", "thành lập, kiện toàn 9 chi bộ": no metric counts them
    if noun.verb == "commend" and not noun.percent:
        return "commendations", "collective", "", "commendations", ""
    if (F.THRESHOLD_AFTER.match(after) or F.TARGET_MET_AFTER.match(noun.tail)) and not noun.percent:
        return "units_meeting_threshold", "total", "", "units_meeting_threshold", ""
    if (
        noun.name == "committees_bare"
        and _ABOVE_GRASSROOTS.match(noun.tail)
        and (noun.tier or tier_before(ctx))
    ):
        return None  # "xếp loại 5 đảng bộ cấp trên cơ sở hoàn thành xuất sắc": no metric
    if noun.tier and noun.name != "units":
        return tier_of_subject(ctx, noun.tier)
    if noun.percent or noun.name == "units":
        return None
    if noun.verb in ("found", "dissolve"):
        if planned_change(ctx):
            return None  # "dự kiến ... sẽ thành lập thêm 4 chi bộ": a plan
        metric = "orgs_founded" if noun.verb == "found" else "orgs_dissolved"
        return metric, "total", "", metric, ""
    if noun.name == "committees_bare" and (
        (
            F.BESIDE_GRASSROOTS_CELLS_AFTER.match(noun.tail)
            and F.GRASSROOTS_CELLS_NEXT.match(ctx.text, ctx.next_start, ctx.clause[1])
        )
        or F.BESIDE_GRASSROOTS_CELLS_BEFORE.search(ctx.before_local)
    ):  # "với 09 Đảng bộ và 43 Chi bộ cơ sở": the grassroots committees beside the cells
        return "party_orgs", "grassroots_committee", "", "org_form_count", ""
    if (
        noun.name == "committees_bare"
        and _MEMBERS_REPRESENTED_FROM.search(clause_before(ctx))
        and _PROVINCE_CONGRESS.search(ctx.sentence)
        and not _COMMITTEE_KIND.match(noun.tail)
    ):
        # "Đại hội đại biểu Đảng bộ tỉnh ... đại diện cho hơn 156.000 đảng viên đến từ 103 đảng
        # bộ": the committees under the province that the delegates come from
        return "subordinate_committees", "total", "", "subordinate_committees", ""
    if noun.name == "committees_bare" and F.SUBORDINATE_AFTER.match(after):
        if F.HELD_CONGRESS_AFTER.match(noun.tail) and (
            not all_of_them(ctx) or _UNDER_THE_CENTRE.match(after)
        ):
            # "63/68 đảng bộ trực thuộc Trung ương đã tổ chức xong Đại hội": progress; "toàn bộ
            # 67 Đảng bộ trực thuộc Trung ương": the party's centre, no organization of ours
            return None
        return "subordinate_committees", "total", "", "subordinate_committees", ""
    if noun.name == "cells":
        if noun.verb == "visit":
            return "cells_visited", "total", "", "cells_visited", ""
        if F.HAMLET_CELLS_WITH_COMMITTEE.match(noun.tail):
            return "hamlets_with_committee", "total", "", "hamlets_with_committee", ""
        if F.CELLS_WITH_COMMITTEE.match(noun.tail) and _part_of_hamlet_cells(ctx):
            return "hamlets_with_committee", "total", "", "hamlets_with_committee", ""
        if F.HAMLET_CELLS_UNDER.match(noun.tail) and noun.verb is None:
            return "subunits", "subordinate_cell", "", "subunits_count", ""
        if P.CELLS_WITHOUT_LOCAL_MEMBER.search(noun.tail[:80]):
            metric = "village_cells_without_local_member"
            return metric, "total", "", metric, ""
        if F.UNDER_GRASSROOTS.match(after):
            return "subunits", "subordinate_cell", "", "subunits_count", ""
        if F.CELLS_UNDER_UPPER.match(after):
            return "party_orgs", "grassroots_cell", "", "org_form_count", ""
        kind = next((c for c, rx in F.TYPE_WORDS if rx.match(noun.tail)), None)
        earlier = ctx.text[ctx.sentence_start : ctx.token.start]
        if kind and not noun.percent and F.SUBUNITS_NAMED.search(earlier):
            return "subunits", kind, "", "subunits_by_type", ""
    status = evaluation_status(noun.tail)
    if status and not noun.tier:
        # "02 chi bộ hoàn thành tốt nhiệm vụ và 4 chi bộ mới thành lập chưa đủ thời gian đánh
        # giá": the evaluation status of the same population as the tiers
        metric = _EVALUATION_OF_TIERED.get(_tiered_subject(ctx))
        return (metric, status, "", metric, "") if metric else None
    tier = noun.tier or tier_before(ctx)
    if tier:
        return tier_of_subject(ctx, tier)
    before = ctx.text[ctx.sentence_start : ctx.token.start]  # "gồm: 273 đảng bộ; 365 chi bộ"
    # "sáp nhập Đảng bộ Phường 12 và Đảng bộ Phường 13 gồm 19 chi bộ": a ward's number is a name
    named = _PLACE_NUMBER.sub(lambda m: m.group(1) + "X" * len(m.group(2)), before)
    grassroots = list(_ONE_GRASSROOTS_COMMITTEE.finditer(named)) or _named_before_as_grassroots(
        ctx, named
    )
    if (
        noun.name == "cells"
        and _STOCK_VERB_BEFORE.search(_MEMBERS_ITEM.sub("", before))
        and grassroots
        and not re.search(r"\d", _MEMBERS_ITEM.sub("", named[grassroots[-1].end() :]))
        # "Đảng bộ xã có 420 đảng viên, 18 chi bộ": the members' count may come first
        and noun.verb is None
    ):  # "Đảng bộ xã Phú Lâm có 14 chi bộ": the commune committee's sub-units
        return "subunits", "subordinate_cell", "", "subunits_count", ""
    if (
        noun.name == "cells"
        and F.MEMBERS_MEET_IN_BEFORE.search(ctx.before_local)
        and (not F.UPPER_LEVEL_BODY.search(before) or _GRASSROOTS_MEMBERS_MEET.search(named))
        and noun.verb is None
    ):  # "Đảng bộ xã có 435 đảng viên sinh hoạt ở 15 chi bộ": the committee's sub-units; also
        # "Huyện ủy thành lập Đảng bộ thị trấn B với 40 đảng viên sinh hoạt tại 06 chi bộ"
        return "subunits", "subordinate_cell", "", "subunits_count", ""
    parts = F.ORG_PARTS_CUE.search(before) and not F.ORG_PARTS_BLOCK.search(ctx.before_local)
    if parts and noun.verb not in ("found", "dissolve"):
        if noun.name == "committees_bare" and _COMMITTEE_KIND.match(noun.tail):
            return None  # "trong đó có 25 đảng bộ xã, thị trấn": one kind of them, a part only
        category = "grassroots_committee" if noun.name == "committees_bare" else "grassroots_cell"
        return "party_orgs", category, "", "org_form_count", ""
    return None


#: The kind that makes "đảng bộ" a part of the committees: "25 đảng bộ xã", "7 đảng bộ ngành".
_COMMITTEE_KIND = re.compile(
    r"\s*(?:các\s+)?(?:xã|phường|thị trấn|ngành|khối|cơ quan|doanh nghiệp|trường|quân sự|công an|"
    r"biên phòng|bệnh viện)\b",
    P.FLAGS,
)


def committees(noun: _Noun) -> Found | None:
    """Party committee collectives (cấp ủy, ban thường vụ) by classification tier; the tier may
    stand after a list of the committees' places ("ban thường vụ huyện, thị, thành ủy ...")."""
    from helpers.extract.classify import first_tier

    tier = noun.tier or first_tier(clause_after(noun)[:80])
    if tier:
        noun.tier = tier
        return noun.tiered("committee_classification", tier[1], "committee_tier")
    return None


def tier_before(ctx: Context) -> tuple[str, str] | None:
    """ "đạt trong sạch vững mạnh là 207": a tier printed right before the number."""
    from helpers.extract.classify import first_tier

    before = ctx.before_local
    end = F.TIER_BEFORE_END.search(before)
    stem = before[: end.start()] if end else before
    stem = stem[-60:]
    # the tier that ends the words before the number ("HTTNV trở lên, trong đó HTXSNV 420")
    cut = max((m.end() for m in re.finditer(r"[;(]|,(?!\s*vững)", stem)), default=0)
    tier = first_tier(stem[cut:])
    if tier is None or not stem.rstrip().lower().endswith(tier[1].lower()[-12:]):
        return None
    return tier


def tier_label(ctx: Context) -> tuple[str, str] | None:
    """ "HTXSNV: 12 TCCSĐ, 356 đảng viên": a tier printed with a colon earlier in the clause
    labels every count after it, until another tier."""
    from helpers.extract.classify import first_tier

    before = ctx.text[ctx.clause[0] : ctx.token.start]
    colon = before.rfind(":")
    if colon < 0:
        return None
    tier = first_tier(before[max(0, colon - 60) : colon])
    if tier is None or not before[:colon].rstrip().lower().endswith(tier[1].lower()[-8:]):
        return None
    if first_tier(before[colon + 1 :]):
        return None  # another tier stands between
    return tier


_SUBJECTS = [
    ("subunit_classification", re.compile(r"chi bộ trực thuộc|đảng bộ bộ phận", P.FLAGS)),
    ("member_classification", re.compile(r"\bđảng viên\b|\bđv\b", P.FLAGS)),
    (
        "org_classification",
        # "Trong sạch vững mạnh 06 cơ sở chiếm ...; Hoàn thành tốt nhiệm vụ 07": a bare "cơ sở"
        re.compile(r"tổ chức|tccs|\bchi,\s*đảng bộ|cơ sở đảng|\d\s+cơ sở\b", P.FLAGS),
    ),
    ("committee_classification", re.compile(r"cấp ủy|cấp uỷ|ban thường vụ", P.FLAGS)),
    # "kết quả cán bộ hoàn thành tốt nhiệm vụ đạt hơn 73%": the officials, no party metric
    ("", re.compile(r"\bcán bộ\b(?!\s*(?:,|và)\s*(?:đảng viên|đv)\b)", P.FLAGS)),
]


#: One grassroots committee named as the subject ("Đảng bộ xã Tân Lập", "Đảng ủy phường"): the
#: "chi bộ" it counts are its sub-units.
_ONE_GRASSROOTS_COMMITTEE = re.compile(
    r"(?<!các )(?<!những )(?<!\d )(?<!% )\bđảng\s+(?:bộ|ủy|uỷ)\s+(?:xã|phường|thị trấn"
    # "Đảng bộ Trung tâm Y tế huyện ... có 3 chi bộ": a committee of one agency, school, hospital
    # or company is a grassroots one (a corporation, "Tổng công ty", may be above it)
    r"|cơ sở|trung tâm|bệnh viện|trường|công ty|chi cục|xí nghiệp|nhà máy|ban quản lý|"
    r"khu công nghiệp)\b",
    P.FLAGS,
)


def _part_of_hamlet_cells(ctx: Context) -> bool:
    """Whether the number stands after "trong đó" whose whole counts the cells of villages or
    residential groups ("242 chi bộ thôn, tổ dân phố ...; trong đó có 204 chi bộ có chi ủy")."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    nests = list(P.NESTING.finditer(before))
    return bool(nests) and bool(F.HAMLET_CELLS_NAMED.search(before, 0, nests[-1].start()))


#: The members a congress's delegates represent, then where they come from.
_MEMBERS_REPRESENTED_FROM = re.compile(
    r"\b(?:đại diện|thay mặt) cho\s+[^;]{0,30}?(?:đảng viên|đv)\s*,?\s+(?:(?:đến|đang sinh hoạt)\s+)?"
    r"(?:từ|tại|ở|của|thuộc)\s+" + F._Q + r"$",
    P.FLAGS,
)
#: A province's own congress or committee named in the sentence.
_PROVINCE_CONGRESS = re.compile(r"\bđại hội\b[^.;]{0,40}?\bđảng bộ tỉnh\b", P.FLAGS)
#: The units of a list (this one and the next ones) doing something no metric counts ("223 đảng
#: bộ, 215 chi bộ cơ sở thực hiện bầu bí thư trực tiếp tại đại hội").
UNITS_DOING_AFTER = re.compile(
    r"[^;.\d]{0,30}?(?:(?:,|\bvà\b)\s*[\d.]+\s+[^;.\d]{1,30}?)*?\s(?:đã\s+|đang\s+)?"
    r"(?:thực hiện|triển khai|áp dụng|thí điểm|làm điểm)\b",
    P.FLAGS,
)
#: "đảng bộ cấp trên cơ sở": committees above the grassroots (districts, blocs), whose annual
#: rating no metric of the vocabulary holds (org_classification rates the TCCSĐ).
_ABOVE_GRASSROOTS = re.compile(r"\s*cấp trên cơ sở\b", P.FLAGS)


def _named_before_as_grassroots(ctx: Context, words: str) -> list[re.Match[str]]:
    """ "Đảng bộ Tân Phong có 10 chi bộ" after the article named "Đảng bộ xã Tân Phong": a
    committee named without its level, which an earlier mention gives as a commune's."""
    found = list(_COMMITTEE_BY_NAME.finditer(words))
    if not found:
        return []
    name = re.escape(found[-1].group("name").strip())
    earlier = ctx.text[: ctx.sentence_start]
    level = r"\bđảng\s+(?:bộ|ủy|uỷ)\s+(?:xã|phường|thị trấn)\s+" + name + r"\b"
    return found[-1:] if re.search(level, earlier, P.FLAGS) else []


#: A committee named by its proper name only ("Đảng bộ Tân Phong").
_COMMITTEE_BY_NAME = re.compile(
    r"\b[Đđ]ảng\s+(?:bộ|ủy|uỷ)\s+(?P<name>(?-i:[A-ZĐ][^\W\d]*)(?:\s+(?-i:[A-ZĐ][^\W\d]*)){0,3})"
)
#: A ward or quarter named by its number ("Phường 13", "Quận 4").
_PLACE_NUMBER = re.compile(r"\b((?:phường|quận)\s+)(\d+)\b", P.FLAGS)
#: One grassroots committee as the subject of the members who meet in the cells counted next
#: ("Đảng bộ thị trấn Bát Xát với 40 đảng viên sinh hoạt tại "), whoever founded it.
_GRASSROOTS_MEMBERS_MEET = re.compile(
    _ONE_GRASSROOTS_COMMITTEE.pattern
    + r"[^\d,;:]{0,60}?\b(?:với|có|gồm)\s+"
    + P.ABOUT
    + r"[\d.]+\s+(?:đảng viên|đv)\b,?\s+(?:đang\s+)?sinh hoạt\s+(?:ở|tại|trong)\s+"
    + F._Q
    + r"$",
    P.FLAGS,
)
#: "420 đảng viên, ": a count of the committee's members printed before its cells.
_MEMBERS_ITEM = re.compile(P.ABOUT + r"[\d.]+\s+(?:đảng viên|đv|đồng chí)\s*,\s*", P.FLAGS)
_STOCK_VERB_BEFORE = re.compile(r"\b(?:có|gồm|với)\s+" + P.ABOUT + r"$", P.FLAGS)
_BARE_CELLS_AFTER = re.compile(r"\s*chi bộ\b(?!\s*(?:cơ sở|,\s*đảng bộ))", P.FLAGS)
#: A bare "đảng bộ" right after the number: "124 đảng bộ xã đạt trong sạch, vững mạnh".
_BARE_COMMITTEES_AFTER = re.compile(r"\s*(?:đảng bộ|đảng ủy|đảng uỷ)\b(?!\s+bộ phận)", P.FLAGS)


_EVALUATION_OF_TIERED = {
    "org_classification": "org_evaluation", "subunit_classification": "subunit_evaluation",
}  # fmt: skip


def tier_of_subject(ctx: Context, tier: tuple[str, str]) -> Found | None:
    """A tier whose subject is the population named last before it in the sentence (or the
    sentence before, when its own names none)."""
    from helpers.extract.classify import tier_category

    metric = _tiered_subject(ctx)
    if not metric:
        return None
    cat, note = tier_category(tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
    return metric, cat, tier[1], "tier_of_subject", note


def _tiered_subject(ctx: Context) -> str:
    """The classification metric of the population named last before a bare unit's count."""
    start = max(0, ctx.sentence_start - 200)
    before = ctx.text[start : ctx.token.start]
    last = {}
    own = ctx.sentence_start - start  # officials count as the subject in the sentence only
    for metric, rx in _SUBJECTS:
        hits = [m.start() for m in rx.finditer(before) if metric or m.start() >= own]
        if hits:
            last[metric] = hits[-1]
    metric = max(last, key=last.get) if last else "org_classification"
    if "subunit_classification" in last and last["subunit_classification"] >= last[metric] - 60:
        metric = "subunit_classification"
    cells = _BARE_CELLS_AFTER.match(ctx.text, ctx.token.end)
    grassroots = list(_ONE_GRASSROOTS_COMMITTEE.finditer(before))
    if cells and grassroots and grassroots[-1].start() >= last.get(metric, -1):
        metric = "subunit_classification"  # "Đảng bộ xã có 15 chi bộ; 12 chi bộ hoàn thành tốt"
    if cells and metric in ("member_classification", "committee_classification", ""):
        # "78 đồng chí hoàn thành tốt nhiệm vụ, có 6 chi bộ đạt trong sạch vững mạnh": the
        # number's own noun names cells, whatever population the sentence named before
        metric = "subunit_classification"
    if metric in ("member_classification", "") and _BARE_COMMITTEES_AFTER.match(
        ctx.text, ctx.token.end
    ):
        # "... chất lượng cán bộ, đảng viên cho thấy có 124/164 đảng bộ xã đạt trong sạch, vững
        # mạnh": the number's own noun names organizations, whoever the sentence named before
        metric = "org_classification"
    return metric


def tier_after(ctx: Context) -> tuple[str, str] | None:
    """ "85 hoàn thành xuất sắc nhiệm vụ": a tier printed right after the number (no noun)."""
    from helpers.extract.classify import first_tier, tier_zone

    zone = tier_zone(ctx.text, ctx.token.end, ctx.clause[1])
    lead = re.match(r"\s*(?:(?:được\s+)?(?:xếp loại|đạt|là)\s+(?:tiêu chuẩn\s+)?)?", zone, P.FLAGS)
    tier = first_tier(zone)
    if tier is None or not zone[lead.end() :].lower().startswith(tier[1].lower()):
        return None
    return tier


def _nesting(ctx: Context) -> re.Match[str] | None:
    """The "trong đó" a number stands under: in its clause, or opening its sentence (which then
    governs every clause of it)."""
    nest = P.NESTING.search(ctx.text, ctx.clause[0], ctx.token.start)
    if nest is None:
        opening = _OPENING_NEST.match(ctx.text, ctx.sentence_start)
        nest = opening if opening and opening.end() <= ctx.token.start else None
    return nest


#: "Trong tổng số 41 đảng viên": a sentence that opens with the whole its parts belong to.
_WHOLE_OPENING = re.compile(
    r"\W*trong\s+(?:tổng\s+)?số\s+" + P.ABOUT + r"[\d.]+\s+(?:đảng viên|đv)\b",
    P.FLAGS,
)
_MEMBERS_RIGHT_AFTER = re.compile(r"\s+(?:đảng viên|đv)\b", P.FLAGS)
_OPENING_NEST = re.compile(r"\W*(?:trong đó|trong số (?:đó|này|ấy))\b", P.FLAGS)


#: Candidates still on their way ("chờ quyết định", "đang được thẩm tra hồ sơ", "đang hoàn thiện
#: hồ sơ"), printed right after their count: no admission yet, whatever verb stands before.
_PENDING_AFTER = re.compile(
    r"\s*(?:ưu tú\s+)?(?:(?:đang|còn)\s+)?(?:được\s+)?(?:chờ|thẩm tra|xác minh|xem xét|"
    r"(?:hoàn thiện|hoàn chỉnh|làm|lập)\s+(?:thủ tục|hồ sơ))\b"
    r"(?!\s*(?:,|và)\s*kết nạp)",  # "được xem xét, kết nạp vào Đảng": considered and admitted
    P.FLAGS,
)


def members(noun: _Noun) -> Found | None:
    """Party members (and candidates for admission): admitted, targeted, counted and the rest."""
    ctx = noun.ctx
    if noun.name == "group_people":
        group = member_group(noun.head_words)
        if group is None or noun.percent:
            return None
        if noun.verb == "admit" or admission_part(ctx):
            if group == "youth_union" and not F.PARTY_WORDS.search(ctx.sentence):
                return None  # "Huyện đoàn kết nạp 1.200 đoàn viên mới": not into the party
            if F.MIXED_POPULATION.match(ctx.text, noun.end):
                group = None  # "kết nạp 07 đoàn viên, hội viên ưu tú": no single group
            return _admission_of(noun, group)
        nest = _nesting(ctx)
        whole = _WHOLE_OPENING.match(ctx.text, ctx.sentence_start)
        if not nest and whole and whole.end() <= ctx.token.start:
            # "Trong tổng số 41 đảng viên hiện có 37 người dân tộc thiểu số": a part of the whole
            # the sentence opens with
            if about_admissions(ctx):
                return "members_admitted", group, "", "members_admitted_group", ""
            return "party_members", group, "", "members_group", ""
        if not nest and _MEMBERS_RIGHT_AFTER.match(ctx.text, noun.end):
            if about_admissions(ctx):  # "kết nạp 120 đảng viên, có 45 nữ đảng viên"
                return "members_admitted", group, "", "members_admitted_group", ""
            return "party_members", group, "", "members_group", ""  # "có 1.200 nữ đảng viên"
        if not nest:
            return None  # "giới thiệu 5.000 đoàn viên ưu tú": not a breakdown of the members
        opening = not ctx.text[ctx.sentence_start : nest.start()].strip(" -–•+*\"'“(")
        start = max(0, ctx.sentence_start - 300) if opening else ctx.sentence_start
        if not _PARTY_PEOPLE.search(ctx.text, start, nest.start()):
            return None  # "Trường có 1.500 học sinh, trong đó 300 ...": no members broken down
        if about_admissions(ctx):  # "Năm 2023 kết nạp 150 đảng viên. Trong đó, 35 học sinh"
            return "members_admitted", group, "", "members_admitted_group", ""
        return "party_members", group, "", "members_group", ""
    group = own_group(noun, ADMITTED_WORDS.sub("", noun.tail, count=1))
    if noun.percent:
        if group:  # "5% đảng viên là người có tôn giáo"
            metric = "members_admitted" if about_admissions(ctx) else "party_members"
            return metric, group, "", "member_group_share", ""
        if noun.verb == "admit" and F.TOTAL_AFTER.search(clause_after(noun)):
            return admission(ctx)  # "chỉ tiêu kết nạp 3,25% đảng viên mới trên tổng số"
        if noun.verb == "admit" and ctx.token.upper is not None:
            return admission(ctx)  # "hằng năm kết nạp từ 3 đến 4% đảng viên mới": a goal's range
        return None
    trained = F.TRAINING_FOR.search(ctx.before_local)
    if trained and noun.name != "candidates":
        return None  # "lớp bồi dưỡng ... dành cho 159 đảng viên dự bị": attendees, read after
    if noun.name == "members" and F.CLASS_ATTENDED_AFTER.match(noun.tail):
        return None  # "cử 4 đảng viên học lớp đảng viên mới": attendees of a class
    if _CONFIRMED_AFTER.match(noun.tail) and _CONFIRMING.search(clause_before(ctx)[-60:]):
        return "members_confirmed", "total", "", "members_confirmed", ""
    if noun.name == "candidates" and _PENDING_AFTER.match(noun.tail):
        return None  # "2 quần chúng chờ quyết định, 19 quần chúng đang được thẩm tra": not admitted
    if noun.name == "candidates" and (
        noun.verb != "admit" or trained or _INTRODUCED.search(ctx.before_local)
    ):
        if not _TRAINING_CUE.search(ctx.sentence):
            return None  # "2.300 quần chúng ưu tú trong danh sách tạo nguồn": a pool, not trained
        return "candidates_trained", "total", "", "candidates_trained", ""
    if F.FORMER_VIOLATORS_AFTER.match(noun.tail):
        return None  # "kết nạp 8 quần chúng trước đây vi phạm chính sách dân số": no category
    simple = _MEMBER_VERBS.get(noun.verb or "")
    if simple:
        return simple
    group = own_group(noun) or group_before(ctx)
    fresh = ADMITTED_WORDS.sub("", noun.tail, count=1)
    if group is None and fresh != noun.tail and own_group(noun, fresh):
        # "76 đảng viên mới kết nạp là đoàn viên thanh niên": a group of the admitted
        return "members_admitted", own_group(noun, fresh), "", "members_admitted_group", ""
    if F.DEVELOP_BEFORE.search(ctx.before_local) or F.TARGET_BEFORE.search(ctx.before_local):
        return _admission_of(noun, group)
    if F.DONE_AGAINST_PLAN_BEFORE.search(ctx.before_local) and F.PLAN_WORDS.search(
        ctx.text, ctx.sentence_start, ctx.token.start
    ):  # "Kế hoạch giao 250 đảng viên, kết quả thực hiện 262 đảng viên": the admitted
        return "members_admitted", group or "total", "", "members_admitted", ""
    admitted_after = any(name == "admit" and rx.match(noun.tail) for name, rx in P.VERBS_AFTER)
    if noun.verb == "admit" and (admitted_after or not F.STOCK_BEFORE.search(ctx.before_local)):
        shared_verb = not re.search(r"\bkết nạp\b", ctx.before_local, P.FLAGS)
        if (
            group is None
            and F.MEMBER_OTHER.match(ADMITTED_WORDS.sub("", noun.tail, count=1))
            and (admission_part(ctx, False) or shared_verb)
        ):  # "trong đó có 45 đảng viên mới kết nạp là trưởng, phó các đoàn thể thôn": no group
            return None  # "trong đó ... 44 đảng viên là dự bị động viên": no group of ours
        return _admission_of(noun, group)
    if group and about_admissions(ctx):
        return "members_admitted", group, "", "members_admitted_group", ""
    return None


#: Organizations that admitted at least so many: the number is their threshold, no admission.
UNITS_ADMITTING_AT_LEAST = re.compile(
    r"\d[\d.]*\s+(?:tổ chức|chi bộ|đảng bộ|tccs|cơ sở đảng|đơn vị)[^,;\d]{0,40}?\bkết nạp(?:\s+được)?"
    r"\s+(?:từ|trên|ít nhất)\s+$",
    P.FLAGS,
)
#: "công nhận 245 đảng viên chính thức": a confirmation whose "chính thức" follows the noun.
_CONFIRMED_AFTER = re.compile(
    r"^\s*(?:dự bị\s+)?(?:(?:là|thành|sang)\s+)?(?:(?:đảng viên|đv)\s+)?chính thức\b", P.FLAGS
)
#: Classes or training named in the sentence of a count of candidates for admission.
_TRAINING_CUE = re.compile(
    r"\blớp\b|bồi dưỡng|\bhọc\b|nhận thức về đảng|tập huấn|đào tạo|cảm tình đảng", P.FLAGS
)
_CONFIRMING = re.compile(r"\b(?:công nhận|chuyển|xét)\b", P.FLAGS)
_PARTY_PEOPLE = re.compile(r"\bđảng viên\b|\bđv\b|\bkết nạp\b|\bđồng chí\b", P.FLAGS)
ADMITTED_WORDS = re.compile(r"^\s*mới\s+(?:được\s+)?kết nạp\s*|^\s*mới\s*", P.FLAGS)
_INTRODUCED = re.compile(r"\bgiới thiệu\s+" + F._Q + r"$", P.FLAGS)
_MEMBER_VERBS = {
    "inspect": ("members_inspected", "total", "", "members_inspected", ""),
    "confirm": ("members_confirmed", "total", "", "members_confirmed", ""),
    "commend": ("commendations", "individual", "", "commendations", ""),
    "discipline": ("members_disciplined", "total", "", "members_disciplined", ""),
}


def group_share(ctx: Context) -> Found | None:
    """ "đảng viên nữ chiếm 42,5%", "50% là nữ": the share of a member group (of the admitted when
    the sentence is about admissions)."""
    after = ctx.text[ctx.token.end : ctx.clause[1]]
    lead = re.match(r"^\s*(?:là|có|kết nạp từ)\b\s*", after, P.FLAGS) or _GROUP_NAMED_AFTER.match(
        after
    )
    group = member_group(after[lead.end() :]) if lead else None
    if group is None and F.GROUP_SHARE_BEFORE.search(ctx.before_local):
        group = group_before(ctx) or _group_right_before(ctx)
    if group is None or not _party_people_before(ctx):
        return None  # "1.250.000 dân, trong đó dân tộc thiểu số chiếm 35%": the population
    if F.COMMITTEE_MEMBERS.search(re.split(r"[,;:(]", ctx.before_local)[-1]):
        return None  # "cấp ủy viên là người dân tộc thiểu số chiếm trên 9%": committee seats
    of_all = F.OF_ALL_MEMBERS_AFTER.match(after)  # "chiếm 2,4% so với tổng số đảng viên"
    if of_all and _OF_THE_ADMITTED.match(after, of_all.end()):
        of_all = None  # "chiếm 42% tổng số đảng viên được kết nạp": of the admitted
    metric = "members_admitted" if about_admissions(ctx) and not of_all else "party_members"
    return metric, group, "", "member_group_share", ""


_OF_THE_ADMITTED = re.compile(r"\s*(?:mới\b|(?:được\s+|mới\s+)?(?:kết nạp|phát triển)\b)", P.FLAGS)
#: "1,4% trong các tôn giáo", "58% người dưới 30 tuổi": a group named right after the share
#: with no linking word, in words that name only people.
_GROUP_NAMED_AFTER = re.compile(
    r"^\s*(?=(?:người\s+)?(?:(?:trong|theo)\s+(?:các\s+)?tôn giáo|dưới\s+(?:30|35)\s+tuổi)\b)",
    P.FLAGS,
)


def _group_right_before(ctx: Context) -> str | None:
    """ "Tỉnh Nam Định có số lượng đảng viên người dân tộc thiểu số chiếm gần 25%": the group in
    the last words of a long clause before its share."""
    segment = re.split(r"[,;:]", ctx.before_local)[-1][-60:]
    start = re.search(r"(?:^|\s)\S", segment)
    return group_within(segment[start.start() :].strip()) if start else None


def _party_people_before(ctx: Context) -> bool:
    """Whether members or admissions are named before a number in its sentence, or in the
    sentence before when this one opens with "trong đó"."""
    start = ctx.sentence_start
    if _OPENING_NEST.match(ctx.text, start):
        start = max(0, start - 300)
    return bool(_PARTY_PEOPLE.search(ctx.text, start, ctx.token.start))


def about_admissions(ctx: Context) -> bool:
    """Whether the sentence is about admissions, or opens with "trong đó" after one that is;
    not when its "trong đó" follows a stock ("nâng tổng số đảng viên lên ..., trong đó ...")."""
    head = ctx.text[ctx.sentence_start : ctx.token.start]
    nests = list(P.NESTING.finditer(head))
    if nests:
        before = head[: nests[-1].start()]
        stocks = [m.start() for m in F.STOCK_BEFORE.finditer(before)]
        admits = [m.start() for m in re.finditer(r"\bkết nạp\b", before, P.FLAGS)]
        if stocks and (not admits or stocks[-1] > admits[-1]):
            return False
    if F.ADMISSION_CONTEXT.search(ctx.sentence):
        return True
    start = ctx.sentence_start
    opening = re.match(r"\W*(?:trong đó|trong số đó|trong số)\b", ctx.sentence, P.FLAGS)
    if opening and F.ADMISSION_CONTEXT.search(ctx.text, max(0, start - 300), start):
        # "... kết nạp 49 đảng viên, nâng tổng số đảng viên lên 98 đồng chí. Trong đó, 21 nữ":
        # the "trong đó" breaks down the stock the sentence before ended on
        return not _ends_on_stock(ctx.text[max(0, start - 300) : start])
    return _follows_admissions(ctx, head)


def _ends_on_stock(previous: str) -> bool:
    """Whether the last word on members before a sentence was a stock, not an admission."""
    if "\n" in previous.rstrip():
        previous = previous.rstrip().rsplit("\n", 1)[-1]  # the same paragraph only
    admits = [m.end() for m in F.ADMISSION_CONTEXT.finditer(previous)]
    stocks = [m.end() for m in re.finditer(r"\b(?:nâng|đưa)\s+(?:tổng số|số)\b", previous, P.FLAGS)]
    return bool(stocks) and (not admits or max(stocks) > max(admits))


def _follows_admissions(ctx: Context, head: str) -> bool:
    """ "Năm 2022 kết nạp 1.850 đảng viên. Đảng viên nữ chiếm 49,7%": a sentence that names no
    population of its own goes on about the admissions of the sentence before it, when that
    sentence's last word on members was an admission, not a stock."""
    if F.STOCK_BEFORE.search(head) or re.search(r"\b(?:có|hiện|gồm)\b", head, P.FLAGS):
        return False
    start = ctx.sentence_start
    # the same paragraph only: a sentence that opens its paragraph follows no sentence
    previous = ctx.text[max(0, start - 300) : start].rsplit("\n", 1)[-1]
    admits = [m.end() for m in F.ADMISSION_CONTEXT.finditer(previous)]
    stocks = [m.end() for m in F.STOCK_BEFORE.finditer(previous)]
    stocks += [m.end() for m in re.finditer(r"\b(?:hiện có|có tổng số)\b", previous, P.FLAGS)]
    return bool(admits) and (not stocks or max(admits) > max(stocks))


def admission_part(ctx: Context, named: bool = True) -> bool:
    """A member count after "trong đó" in a sentence about admissions, named by a group the
    vocabulary has no name for ("trong đó: ..., đảng viên khối doanh nghiệp 20 đồng chí")."""
    segment = re.split(r"[,;:]", ctx.before_local)[-1]
    # "Trong đó, đảng viên nữ 07 đồng chí; ...; đảng viên khối đương chức 05 đồng chí": the
    # breakdown may open its own sentence after the admissions, its items in clauses of their own
    return bool(
        about_admissions(ctx)
        and P.NESTING.search(ctx.text, ctx.sentence_start, ctx.token.start)
        and not F.STOCK_BEFORE.search(clause_before(ctx))
        and (not named or re.match(r"\s*(?:là\s+)?(?:đảng viên|đv)\b", segment, P.FLAGS))
    )


def group_before(ctx: Context) -> str | None:
    """ "trong đó: đảng viên nữ là 359 đồng chí": the member group printed before the number."""
    if ctx.before_local.rstrip().endswith("/"):
        return None  # "121 đảng viên người dân tộc thiểu số/147 đảng viên": the part's group
    # "có trình độ cao đẳng, đại học trở lên là 30,6%": a list of degrees, one group
    m = F.GROUP_BEFORE.search(_DEGREE_LIST.sub(" ", ctx.before_local))
    if m is None or _OPEN_END.search(m.group("words")):
        return None  # "35 đảng viên là học sinh, sinh viên và 22 ...": the group of the item before
    return group_within(m.group("words"))


_DEGREE_LIST = re.compile(
    r"(?:(?<=trung cấp)|(?<=cao đẳng))\s*,(?=\s*(?:cao đẳng|đại học))|(?<=đại học),(?=\s*(?:trên|sau) đại học)",
    P.FLAGS,
)
_TRADE_UNION = re.compile(r"\bcông đoàn(?:\s+viên)?\b", P.FLAGS)
_RESERVISTS = re.compile(r"\bquân nhân dự bị\b|\bdự bị động viên\b", P.FLAGS)
_OPEN_END = re.compile(r"\b(?:và|hoặc|cùng|với)\s*$", P.FLAGS)


def group_within(words: str) -> str | None:
    """The first member group named in a short phrase, at any word ("Số đảng viên mới là nữ",
    "đảng viên mới kết nạp có trình độ đại học", "trong đó: đảng viên nữ là")."""
    words = _TRADE_UNION.sub(lambda m: "_" * len(m.group()), words)  # "công đoàn viên": no group
    # "quân nhân dự bị", "lực lượng dự bị động viên": the army's reserve, no probationary members
    words = _RESERVISTS.sub(lambda m: "_" * len(m.group()), words)
    for m in re.finditer(r"(?:^|(?<=\s))\S", words):
        group = member_group(words[m.start() :])
        if group:
            return group
    return None


ADMISSION_VERB = re.compile(r"\bkết nạp\b|\bphát triển\b", P.FLAGS)


#: "có năm", "có những năm": some year or other, no period of its own.
_SOME_YEARS = re.compile(
    r"\bcó\s+(?:những\s+)?năm\s+(?:(?:chỉ|đã|còn)\s+)?(?:kết nạp|phát triển)\b", P.FLAGS
)
_AVERAGE = re.compile(r"\b(?:bình quân|trung bình)\b", P.FLAGS)


def goal_in_sentence(ctx: Context) -> bool:
    """ "Phấn đấu đến năm 2025, 100% thôn có chi bộ, kết nạp 1.500 đảng viên", "Mục tiêu nhiệm kỳ:
    ...; kết nạp 300 đảng viên mỗi năm": a goal word earlier in the sentence governs what follows
    it, across commas and semicolons, until a word of a result ("đã", "được", "đạt", "kết quả",
    "đến nay") says that what follows was done."""
    start = ctx.sentence_start
    if _GOES_ON.match(ctx.sentence):  # "Phấn đấu kết nạp 2.814 đảng viên. Trong đó, ... 150"
        previous = ctx.text[max(0, start - 300) : start]
        start -= len(previous.rsplit("\n", 1)[-1]) if "\n" in previous.rstrip() else len(previous)
    head = F.ATTAINED_PHRASE.sub(" ", ctx.text[start : ctx.token.start])
    goals = list(F.GOAL_WORDS.finditer(head))
    return bool(goals) and not F.RESULT_WORDS.search(head, goals[-1].end())


_GOES_ON = re.compile(r"\W*(?:trong đó|trong số (?:đó|này|ấy)|cụ thể)\b", P.FLAGS)


def part_of_a_plan(ctx: Context) -> bool:
    """ "Huyện ủy giao chỉ tiêu ... kết nạp 170 đảng viên. Trong đó, đảng viên là học sinh 6 đồng
    chí, ở địa bàn dân cư 40 đồng chí": a member count in a sentence that opens with "trong đó"
    after one that ends on a planned admission (a plan word, then the admission, and no word of
    a result after it) is a part of the plan, no figure of its own."""
    start = ctx.sentence_start
    if not _GOES_ON.match(ctx.sentence):
        return False
    head = ctx.text[start : ctx.token.start]
    if F.RESULT_WORDS.search(head) or F.STOCK_BEFORE.search(head):
        return False
    previous = ctx.text[max(0, start - 300) : start]
    if "\n" in previous.rstrip():
        previous = previous.rstrip().rsplit("\n", 1)[-1]  # the same paragraph only
    previous = F.ATTAINED_PHRASE.sub(" ", previous)
    plans = [*F.TARGET_WORDS.finditer(previous), *F.GOAL_WORDS.finditer(previous)]
    if not plans:
        return False
    last = max(plans, key=lambda m: m.end())
    return bool(ADMISSION_VERB.search(previous, last.start())) and not F.RESULT_WORDS.search(
        previous, last.end()
    )


#: "giao chỉ tiêu cho 22", "giao 22": a plan handed to the units counted right before the
#: admission, which the admission after them carries out.
_ASSIGNED_UNITS = re.compile(
    r"\b(?:giao|phân bổ)(?:\s+chỉ tiêu)?(?:\s+cho)?(?:\s+các)?\s+[\d.]+\s*$", P.FLAGS
)
_DONE_AFTER = re.compile(r"\b(?:đã|kết quả|đến nay)\b", P.FLAGS)
#: "kết nạp tối thiểu 150", "ít nhất 7.000": a floor right before an admission count.
_FLOOR = re.compile(r"\b(?:ít nhất|tối thiểu|không dưới)\s+$", P.FLAGS)


_CLOSED_BRACKET = re.compile(r"\([^()]*\)")


def _admission_of(noun: _Noun, group: str | None) -> Found | None:
    """The admission of a member count; a planned one with a group is declined for good."""
    found = admission(noun.ctx, group=group)
    noun.declined = found is None
    return found


def admission(ctx: Context, group: str | None = None) -> Found | None:
    """An admission: done (members_admitted) or planned (admission_target), with its span."""
    before = clause_before(ctx)
    if _SOME_YEARS.search(before):
        return None  # "bình quân mỗi năm kết nạp 1 đảng viên, có năm kết nạp được 2": one year
    local = F.ATTAINED_PHRASE.sub(" ", ctx.before_local.rsplit("(", 1)[-1])
    # the last word of a plan counts: "Theo chỉ tiêu đã phân bổ, năm 2017 ... sẽ kết nạp 350"
    planned = next(reversed(list(F.TARGET_WORDS.finditer(local))), None)
    if planned and _DONE_AFTER.search(local, planned.end()):
        planned = None  # "phấn đấu và đã kết nạp được 210 đảng viên": the result of the plan
    if not planned and _FLOOR.search(local) and not F.RESULT_WORDS.search(local):
        planned = True  # "Đến năm 2025 phát triển thêm ít nhất 7.000 đảng viên": a floor to reach
    if not planned and not F.RESULT_WORDS.search(local):
        prior = ctx.text[ctx.clause[0] : ctx.token.start - len(ctx.before_local)]
        planned = _ASSIGNED_UNITS.search(prior)  # "giao chỉ tiêu cho 22 cơ sở đảng kết nạp 170"
    target = planned or goal_in_sentence(ctx)
    if not target and not ADMISSION_VERB.search(local):  # the verb and its plan said before
        plans = list(F.TARGET_WORDS.finditer(F.ATTAINED_PHRASE.sub(" ", before)))
        rest = F.ATTAINED_PHRASE.sub(" ", before)[plans[-1].end() :] if plans else ""
        target = plans[-1] if plans and not F.RESULT_WORDS.search(rest) else None
    span = "total"
    after = ctx.text[ctx.token.end : ctx.clause[1]][:40]
    head = ctx.text[ctx.sentence_start : ctx.token.start]
    # "chỉ tiêu kết nạp 40 (bình quân mỗi năm 8-10), nhưng đến nay đã kết nạp được 42": a
    # closed bracket before the count explains an earlier figure, not this one
    unbracketed = _CLOSED_BRACKET.sub(" ", before)
    if F.ANNUAL_AVERAGE.search(unbracketed) or (
        _AVERAGE.search(unbracketed) and F.EACH_YEAR.search(head)  # "Hàng năm, ... bình quân 200"
    ):
        span = "annual_average"
    elif (
        target
        and F.EACH_YEAR.search(ctx.before_local)
        or target
        and F.EACH_YEAR.search(before + " " + after)
        and not F.WHOLE_TERM.search(before)
    ):  # "cả nhiệm kỳ 750, mỗi năm 150"
        span = "each_year"
    if target and group:
        return None  # "phấn đấu kết nạp ..., trong đó 150 đảng viên là học sinh": no group targets
    if target:
        return "admission_target", span, "", "admission_target", ""
    return "members_admitted", group or span, "", "members_admitted", ""


def own_group(noun: _Noun, tail: str | None = None) -> str | None:
    """The member group printed after a count's noun, unless it labels the number that follows
    ("4.120 đảng viên (nữ: 1.205; ...)": "nữ" is the label of the 1.205)."""
    tail = noun.tail if tail is None else tail
    group = member_group(tail)
    if group is None:
        return group
    rx = dict(F.MEMBER_GROUPS)[group]
    m = rx.match(tail)
    if m and _OTHER_TRADES_NEXT.match(tail[m.end() :]):
        return None  # "421 đảng viên là học sinh, sinh viên, giáo viên, y bác sĩ": a mixed list
    if noun.ctx.next_start >= noun.ctx.clause[1]:
        return group
    return None if m and _LABEL_REST.fullmatch(tail[m.end() :]) else group


#: Trades listed after a member group's word: the group is one of several, no category.
_OTHER_TRADES_NEXT = re.compile(
    r"[^,;()\d]{0,20}?(?:,\s*(?:học sinh|sinh viên)\s*)*(?:,|\bvà\b)\s*(?:giáo viên|giảng viên|"
    r"y,?\s*bác sĩ|bác sĩ|công chức|viên chức|người lao động|cán bộ|bộ đội|công an|doanh nhân)\b",
    P.FLAGS,
)
_LABEL_REST = re.compile(r"[^\W\d]*[\s:]*(?:là\s*)?", P.FLAGS)


def group_count(ctx: Context) -> Found | None:
    """ "đảng viên nữ 1.205, chiếm 29,2%", "(nữ: 1.205; dân tộc thiểu số: 302)", "nữ 47%": a
    count or share of a member group whose label stands before it and no noun after it, in a
    sentence on members."""
    after = ctx.text[ctx.token.end : ctx.clause[1]]
    if not F.VALUE_END.match(after + " "):
        return None
    head = ctx.text[ctx.sentence_start : ctx.token.start]
    if not re.search(r"\bđảng viên\b|\bđv\b|\bkết nạp\b", head, P.FLAGS):
        return None
    group = group_before(ctx)
    if group is None:
        return None
    metric = "members_admitted" if about_admissions(ctx) else "party_members"
    pattern = "members_admitted_group" if metric == "members_admitted" else "members_group"
    if ctx.token.unit == "percent":  # "trong đó nữ 47%, dân tộc thiểu số 19%"
        pattern = "member_group_share"
    return metric, group, "", pattern, ""


def member_group(tail: str) -> str | None:
    """The member group printed after the noun ("đảng viên nữ", "là đoàn viên"), if any; never
    across a comma or semicolon ("45.210 đảng viên, đảng viên nữ chiếm 36,2%": the words after
    the comma name a new subject, not the group of the 45.210)."""
    if _NEW_PHRASE.match(tail):
        return None
    return next((group for group, rx in F.MEMBER_GROUPS if rx.match(tail)), None)


_NEW_PHRASE = re.compile(r"\s*\)?\s*[,;]")


def excluded_subject(ctx: Context) -> bool:
    """ "số đảng viên được miễn sinh hoạt là 345 đồng chí": members the vocabulary does not count."""
    from helpers.extract.classify import head_noun

    m = F.NAMED_BEFORE.search(ctx.before_local)
    head = head_noun(m.group("phrase"), 0) if m else None
    return bool(
        head
        and head[0] == "members"
        and P.MEMBER_EXCLUSIONS.match(m.group("phrase")[head[1].end() :])
    )


def named_before(ctx: Context, change: bool = False) -> Found | None:
    """ "số đảng viên ... là 5.183", "nâng tổng số đảng viên ... lên 30.009": noun before."""
    from helpers.extract.classify import first_tier, head_noun, tier_category

    m = (
        F.NAMED_BEFORE.search(ctx.before_local)
        or F.LABEL_COLON.search(ctx.before_local)
        or F.NAMED_BARE.search(ctx.before_local)
        or F.BODY_OF_MEMBERS.search(ctx.before_local)
    )
    if m is None:
        return None
    phrase = m.group("phrase")
    head = head_noun(phrase, 0)
    if head is not None and head[0] in SUBUNIT_CATEGORY and ctx.token.unit == "count":
        rest = phrase[head[1].end() :]
        if not first_tier(rest) and not evaluation_status(rest) and not change:
            # "chi bộ trực thuộc: 318": sub-units named before their count
            return "subunits", SUBUNIT_CATEGORY[head[0]], "", "named_before", ""
    if head is None or head[0] not in ("members", "orgs"):
        return None
    rest = phrase[head[1].end() :]
    if head[0] == "members" and P.MEMBER_EXCLUSIONS.match(rest):
        return None  # "số đảng viên được miễn sinh hoạt là 345": no metric of the vocabulary
    if head[0] == "members" and F.MEMBER_ACTIVITY_AFTER.match(rest):
        return None  # "tổng số đảng viên dự họp 11/11": the attendance of a meeting, no stock
    tier = first_tier(rest)
    if tier:
        metric = "member_classification" if head[0] == "members" else "org_classification"
        cat, note = tier_category(tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
        return metric, cat, tier[1], "named_before", note
    if ctx.token.unit == "percent" and not change:  # a change in per cent of a count may be named
        return None
    status = evaluation_status(rest)
    if status:
        return _EVALUATION_METRIC[head[0]], status, "", "named_before", ""
    group = group_within(rest) if head[0] == "members" else None
    if head[0] == "members" and re.search(r"\bkết nạp\b|^\s*mới\b", rest, P.FLAGS):
        return admission(ctx, group=group)  # "số đảng viên mới được kết nạp trong năm là 1.024"
    if group:  # "số đảng viên nữ là 1.205"
        raised = re.search(r"\b(?:nâng|đưa)\s*$", ctx.before_local[: m.start()], P.FLAGS)
        # "kết nạp 177 đảng viên là người có đạo, nâng số lượng đảng viên trong các tôn giáo lên
        # 430": the stock the admissions raised
        metric = "members_admitted" if about_admissions(ctx) and not raised else "party_members"
        return metric, group, "", "named_before", ""
    metric = "party_members" if head[0] == "members" else "party_orgs"
    return metric, "total", "", "named_before", ""
