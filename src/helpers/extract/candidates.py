"""From a classified number to candidate rows: qualifier, whole, period and nesting notes.

Once :mod:`helpers.extract.classify` has said what a number counts, the row still needs what the
sentence says around it: "gần 12.000" is approximate, "662 trong tổng số 686" is a part with its
whole (two rows), "năm 2017" or the previous sentence dates it, and "trong đó" makes it part of
the total printed before. Each of these fills columns or adds a note so a curator sees why.
"""

from __future__ import annotations

import re
from decimal import Decimal

from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract import units as U
from helpers.extract.classify import (
    Context,
    classify,
    head_noun,
    quota_per_unit,
    tier_category,
    under_goal,
)
from helpers.extract.records import Candidate, Period, Sentence, Token
from helpers.extract.targets import fmt

_PLACE_STOCKS = {"places_without_member", "hamlets_without_cell"}
_CLEARED_BEFORE = re.compile(r"\b(?:xóa|xoá)[”\"']?\s+(?:được\s+)?" + P.ABOUT + r"$", re.IGNORECASE)
_SEATS_NOUN = re.compile(r"\s*(?:đồng chí|đ/c)\b", re.IGNORECASE)
#: An election of committee members earlier in the sentence: the member counts after it break
#: down the seats ("đã bầu 406 đồng chí vào cấp ủy ..., trong đó có 113 là nữ").
_AFTER_AN_ELECTION = re.compile(
    r"\bbầu(?:\s+(?:ra|mới))?\s+[\d.]+\s+(?:đồng chí|đảng viên|đ/c)\s+(?:vào|tham gia)\s+"
    r"(?:cấp ủy|cấp uỷ|ban chấp hành|bch|ban thường vụ|ủy ban kiểm tra|uỷ ban kiểm tra)",
    re.IGNORECASE,
)
#: The size of a committee or delegation ("Ban Chấp hành Đảng bộ xã gồm 15 đồng chí"): member
#: counts after it, in its sentence or in the next one opening "Trong đó", break down the seats.
_BODY_SIZE = re.compile(
    r"\b(?:ban chấp hành|bch|ban thường vụ|btv|cấp ủy|cấp uỷ|ủy ban kiểm tra|uỷ ban kiểm tra|"
    r"đoàn đại biểu)\b[^.;]{0,80}?\b(?:gồm(?:\s+có)?|có)\s+[\d.]+\s+(?:đồng chí|đ/c|ủy viên|uỷ viên)\b",
    re.IGNORECASE,
)
_OPENS_WITH_OF_WHICH = re.compile(r"\W*trong đó\b", re.IGNORECASE)


def _seats_broken_down(ctx: Context) -> bool:
    """Whether an election or a committee's size printed before the count, in its sentence or
    in the one before a sentence opening "Trong đó", makes the count a part of those seats."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    places = [before]
    if _OPENS_WITH_OF_WHICH.match(before):  # the seats may be in the sentence before
        previous = ctx.text[max(0, ctx.sentence_start - 300) : ctx.sentence_start].rstrip(" .\n")
        places.append(re.split(r"[.!?]\s", previous)[-1])
    return any(rx.search(text) for text in places for rx in (_AFTER_AN_ELECTION, _BODY_SIZE))


#: Members removed, expelled or disciplined, counted right after the verb ("xóa tên 40 đảng viên").
_REMOVED_COUNT = re.compile(
    r"\b(?:" + F.REMOVAL_VERBS + r"|khai trừ|kỷ luật)\s*"
    r"(?:cho\s+|đối với\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?[\d.]+\s+(?:đảng viên|đv|đồng chí|"
    r"trường hợp)\b[^;.\d]*$",  # the last count before "trong đó"
    re.IGNORECASE,
)


def _part_of_members_removed(ctx: Context) -> bool:
    """ "xóa tên 40 đảng viên, trong đó có 12 đảng viên dự bị": a group after "trong đó" whose
    whole is the members removed or disciplined, not the membership."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    nests = list(P.NESTING.finditer(before))
    return bool(nests) and bool(_REMOVED_COUNT.search(before[: nests[-1].start()].rstrip(" ,;")))


#: "là 1 trong 8 đảng bộ": the subject is one of a group, its own "1" is no count.
_ONE_OF = re.compile(r"\blà\s+$", re.IGNORECASE)


def figure(
    ctx: Context, following: Token | None, beyond: int, consumed: set[int]
) -> list[Candidate]:
    """The candidates one number gives: none, one, or a part and its whole ("662 trong 686")."""
    tok, text = ctx.token, ctx.text
    whole_value: Decimal | None = tok.whole
    head_at = tok.end
    of_total = (
        whole_value is None
        and following is not None
        and tok.unit == following.unit == "count"
        and P.OF_TOTAL.match(text[tok.end : following.start] + "0")
    )
    if of_total and tok.value == 1 and _ONE_OF.search(ctx.before_local):
        return []  # "Đảng bộ A là 1 trong 8 đảng bộ được khen": the subject itself, no count
    if of_total:
        whole_value, head_at, ctx.next_start = following.value, following.end, beyond
    change = F.CHANGE_BEFORE.search(ctx.before_local)
    if change and F.REMAINING_BEFORE.search(ctx.before_local):
        change = None
    if change is None and tok.unit == "count":
        # "tăng 60 tổ chức cơ sở đảng và 2.359 đảng viên so với năm 2018": the change goes on
        change = _CHANGE_LIST_BEFORE.search(text, ctx.clause[0], tok.start)
    over = tok.whole is not None and tok.value > tok.whole
    if (over and not F.ADMIT_NEAR.search(ctx.before_local)) or (change and tok.unit == "percent"):
        return []
    found = classify(ctx, head_at)
    if found is None:
        return []
    found = _tier_goal(ctx, found)
    if found is None or _unnamed_part(ctx, found) or _area_subset(ctx, head_at, found):
        return []
    if found[0] in ("subordinate_committees", "party_orgs") and _SUBORDINATE_PARTS.search(
        text, ctx.sentence_start, tok.start
    ):
        return []  # "28 đảng bộ trực thuộc, gồm 26 đảng bộ cấp trên cơ sở, 2 đảng bộ cơ sở": parts
    if (
        found[0] == "members_admitted"
        and found[1] == "total"
        and _ADMISSIONS_RAISED_AFTER.match(text, tok.end, ctx.clause[1])
    ):
        return []  # "kết nạp 17 đảng viên mới, nâng tổng số đảng viên được kết nạp năm 2018 lên
        # 160": a batch of the year's admissions, whose total follows
    if found[0] == "members_admitted" and found[1] == "total" and _admitted_part_in_brackets(ctx):
        return []  # "kết nạp ... 160 đồng chí (trong đó: ...; công an 12 đồng chí)": a part
    if found[0] in _TIERED and _CAP_BEFORE.search(ctx.before_local):
        return []  # "... xuất sắc nhiệm vụ không vượt quá 20% số đảng viên ...": a cap, a rule
    if found[0] in _TIERED and _required_tier(ctx):
        return []  # "Đối với đảng bộ phải có 100% số tổ chức đảng trực thuộc được xếp loại ..."
    if found[0] == "party_members" and found[1] != "total" and _part_of_members_removed(ctx):
        return []  # "cho ra khỏi Đảng 137 đảng viên; trong đó có 132 đảng viên dự bị": no stock
    if found[0] in ("party_members", "members_admitted") and U.part_of_a_plan(ctx):
        return []  # "... giao chỉ tiêu kết nạp 170 đảng viên. Trong đó, ... 40 đồng chí": parts
    if (
        found[0] in ("party_members", "members_admitted")
        and (found[1] != "total" or _SEATS_NOUN.match(text, head_at))
        and _seats_broken_down(ctx)
    ):
        # "bầu 406 đồng chí vào cấp ủy (có 93 đồng chí dưới 35 tuổi), 113 là nữ", "Ban Chấp
        # hành gồm 15 đồng chí. Trong đó 02 đồng chí chuyên trách công tác Đảng": seats
        return []
    head = ctx.text[ctx.clause[0] : ctx.token.start]
    if tok.upper is not None and head.rfind("(") > head.rfind(")"):
        return []  # "kết nạp 50 đảng viên (bình quân mỗi năm từ 9-11)": explains the plan before
    done = _DONE_BEFORE.search(ctx.text, ctx.clause[0], ctx.token.start)
    if tok.upper is not None and found[0] == "members_admitted" and found[1] in _SPANS and not done:
        # "kết nạp đảng viên mới đạt từ 1.500 đến 1.600 đảng viên": a result is never a range
        # "Hằng năm, ...; kết nạp ... từ 1.500 đến 1.600": each year said in the clause, or as
        # the sentence's opening words (not another item's "giảm hàng năm 0,5%")
        each = F.EACH_YEAR.search(ctx.text, ctx.clause[0], ctx.token.start) or F.EACH_YEAR.match(
            ctx.text, ctx.sentence_start + len(ctx.sentence) - len(ctx.sentence.lstrip(" -–•+"))
        )
        average = re.search(r"\bbình quân\b", ctx.text[ctx.clause[0] : ctx.token.start], P.FLAGS)
        span = "annual_average" if average else "each_year" if each else "total"
        found = ("admission_target", span, "", "admission_target", "")
        if quota_per_unit(ctx, "admission_target") or _UNITS_AS_SUBJECT.search(
            ctx.text, ctx.clause[0], ctx.token.start
        ):
            return []  # "các xã ... kết nạp được từ 03 đến 04 đảng viên": a quota for each unit
    if tok.upper is not None and found[0] != "admission_target":
        return []  # a range of anything but an admission goal: either end alone misstates it
    if of_total:
        consumed.add(id(following))
    cand = _candidate(ctx, found)
    if tok.upper is not None:
        # "kết nạp đảng viên mới hằng năm từ 3 - 4%": the goal's lower end, an inclusive bound
        cand.qualifier = "at_least"
        cand.notes.append(f"the lower end of a range up to {fmt(tok.upper)}")
    noun = head_noun(text, head_at) if cand.metric == "units_meeting_threshold" else None
    met = F.TARGET_MET_AFTER.match(text[noun[1].end() : ctx.clause[1]]) if noun else None
    if met:  # the whole target met ("đạt và vượt chỉ tiêu"), or more than it ("vượt chỉ tiêu")
        cand.threshold = Decimal(100)
        cand.threshold_qualifier = "at_least" if met.group("met") else "more_than"
    if (
        tok.whole is not None
        and cand.metric == "members_admitted"
        and (over or F.PLAN_WORDS.search(ctx.text, ctx.clause[0], ctx.clause[1]))
    ):  # "kết nạp 1.350/1.200 đảng viên": a result over its target
        cand.target, cand.target_qualifier, cand.target_basis = tok.whole, "exact", "stated"
        cand.pattern += "+stated_target"
        whole_value = None
    if (
        of_total
        and cand.metric == "members_admitted"
        and F.PLAN_WHOLE_AFTER.match(text[following.end : ctx.clause[1]])
    ):  # "kết nạp 98 đảng viên trên tổng số 120 đảng viên theo chỉ tiêu": the whole is the plan
        cand.target, cand.target_qualifier, cand.target_basis = whole_value, "exact", "stated"
        cand.pattern += "+stated_target"
        whole_value = None
    head = head_noun(text, head_at)
    if (
        head
        and cand.metric in _ORG_STOCKS
        and _CHOSEN_AFTER.match(text[head[1].end() : ctx.clause[1]])
    ):
        return []  # "21/25 đảng bộ được chọn làm đại hội điểm": pilots, no stock nor progress
    cand.words = head[0] if head else ""
    _share_of_tier(ctx, cand)
    if change:
        cand.value_kind = "increase" if change.group("kind").lower() == "tăng" else "decrease"
    elif cand.metric in _PLACE_STOCKS and _CLEARED_BEFORE.search(ctx.before_local):
        cand.value_kind = "decrease"  # "đã “xóa” được 2 tổ dân phố không có ĐV": fewer of them
    elif F.CUMULATIVE.search(ctx.before_local) or F.CUMULATIVE.search(text[head_at : head_at + 8]):
        cand.value_kind = "cumulative"
    if whole_value is None:
        return [cand]
    if cand.metric in _TIERED and P.NESTING.search(text, ctx.clause[0], tok.start):
        # "26/48 TCCSĐ đạt TSVM, trong đó có 6/26 TCCSĐ đạt TSVM tiêu biểu": the whole is the
        # tier before, no stock
        cand.notes.append(f"{fmt(cand.value)} of {fmt(whole_value)} printed as the whole")
        return [cand]
    if cand.metric == "members_admitted" and cand.category != "total":
        # "kết nạp mới 271 đảng viên; trong đó có 20/271 đảng viên là người có đạo": the whole is
        # the admitted, printed again, not the members
        before = text[ctx.sentence_start : tok.start]
        if before.rfind("(") > before.rfind(")"):
            before = before[before.rfind("(") + 1 :]  # "(năm 2008 có 231/315 ...)": its own
        admitted = re.split(r"\bkết nạp\b", before, maxsplit=1, flags=P.FLAGS)[1:]
        printed = re.findall(r"\d[\d.]*", text[ctx.sentence_start : tok.start])
        if (
            P.NESTING.search(before)
            or (admitted and re.search(r"\d", admitted[0]))
            or fmt(whole_value) in {n.replace(".", "") for n in printed}
        ):
            cand.notes.append(f"{fmt(cand.value)} of {fmt(whole_value)} admitted")
            return [cand]
        # "năm 2008 có 231/315 đảng viên mới kết nạp là HSSV": the admitted are printed only as
        # the whole of the group
        whole = _whole(cand, whole_value)
        whole.metric = "members_admitted"
        return [cand, whole]
    whole = _whole(cand, whole_value)
    if whole.metric not in P.WHOLE_METRICS:
        return [cand]  # the whole has no metric of its own in the vocabulary: noted only
    whole.words = cand.words
    if cand.metric in ("party_orgs", "subunits") and whole.metric == cand.metric:
        # "350/459 tổ chức cơ sở Đảng ... đã xây dựng Chương trình hành động": the part is the
        # units that did something no metric counts; only the whole is a stock
        whole.category = cand.category
        return [whole]
    return [cand, whole]


#: A sector or kind of area that restricts a count to a part no organization stands for:
#: "kết nạp 37 đảng viên mới trong doanh nghiệp ngoài khu vực nhà nước", "tỷ lệ Đảng bộ xã biên
#: giới hoàn thành tốt nhiệm vụ" (like "riêng 20 xã biên giới ...").
_AREA_SUBSET = re.compile(
    r"\b(?:ngoài\s+(?:khu vực\s+)?nhà nước|ngoài\s+quốc doanh|(?:doanh nghiệp|công ty)\s+tư nhân|"
    r"(?:xã|thôn|bản|vùng|khu vực|địa bàn)\s+biên giới|vùng\s+(?:sâu|xa|đồng bào|khó khăn|"
    r"dân tộc)|đặc biệt khó khăn|có vốn đầu tư nước ngoài)",
    P.FLAGS,
)


def _area_subset(ctx: Context, head_at: int, found: tuple[str, str, str, str, str]) -> bool:
    """A count whose noun is followed ("37 đảng viên mới trong doanh nghiệp ngoài khu vực nhà
    nước") or a share whose subject is qualified ("tỷ lệ Đảng bộ xã biên giới ...") by a sector
    or kind of area."""
    if found[0] not in _SUBSET_METRICS:
        return False
    head = head_noun(ctx.text, head_at)
    named = _SUBJECT_IN_AREA_BEFORE.search(ctx.text, ctx.sentence_start, ctx.token.start)
    if ctx.token.unit == "count" and named and _AREA_SUBSET.search(named.group("where")):
        # "Tổng số tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước là 185 tổ chức, với
        # 4.158 đảng viên": the subject and its sector are printed before the count
        return True
    if ctx.token.unit == "count" and any(
        _AREA_SUBJECT.match(ctx.text, start) for start in (ctx.sentence_start, ctx.clause[0])
    ):
        # "Xã vùng có đông đồng bào dân tộc thiểu số có 1.146 tổ chức đảng ... với 13.652 đảng
        # viên", "...; các xã vùng đồng bào đã kết nạp được 1.542 đảng viên": a kind of area as
        # the subject of the clause or the sentence
        return True
    if ctx.token.unit == "count" and head is not None:
        if found[0] == "party_members" and _SUBSET_WITH.search(ctx.before_local):
            return True  # "38 tổ chức đảng ngoài khu vực nhà nước với hơn 1.000 đảng viên"
        if found[0] in ("party_orgs", "orgs_founded"):
            after = ctx.text[head[1].end() : ctx.clause[1]]
            # "4 chi bộ Đảng tại các doanh nghiệp ngoài quốc doanh": the noun's "Đảng" between
            # "1 chi bộ doanh nghiệp ngoài nhà nước": the sector right after the noun
            tail = re.match(
                r"\s*(?:đảng\s+)?(?:(?:ở|tại|trong|thuộc)\s+|(?=(?:doanh nghiệp|công ty)\b))"
                r"[^,;:()]{0,50}",
                after,
                P.FLAGS,
            )
            # "45 tổ chức đảng trong doanh nghiệp tư nhân": not the enterprise type, which
            # counts state enterprises too (a plain "trong doanh nghiệp" is that type)
            return bool(tail and _NON_STATE.search(tail.group()))
        if found[1] != "total":
            return False
        after = ctx.text[head[1].end() : ctx.clause[1]]
        # "37 đảng viên mới trong doanh nghiệp ...", "7 trường hợp là công nhân, người lao động
        # trong các doanh nghiệp ngoài khu vực nhà nước"
        tail = re.match(
            # "6 đảng viên là chủ doanh nghiệp tư nhân": what they are, in a sector
            # "4.233 đảng viên đang làm việc, công tác trong các doanh nghiệp ngoài khu vực nhà nước"
            r"\s*(?:mới\s+)?(?:(?:đang\s+)?(?:làm việc|công tác|sinh hoạt)(?:\s*,\s*(?:làm việc|"
            r"công tác))?\s+)?(?:(?:là\s+[^;:()\d]{0,50}?\s+)?(?:ở|tại|trong|thuộc)\s+[^,;:()]{0,50}"
            r"|là\s+(?:chủ|giám đốc|người lao động|công nhân)\s+[^,;:()\d]{0,50})",
            after,
            P.FLAGS,
        )
        if tail and found[0] in _MEMBER_METRICS and _IN_ENTERPRISES.match(tail.group()):
            return True  # "kết nạp được 8 đảng viên mới trong các doanh nghiệp": no category
        return bool(tail and _AREA_SUBSET.search(tail.group()))
    share = P.SHARE_BEFORE.search(ctx.before_local)
    return bool(share and _AREA_SUBSET.search(share.group("phrase")))


#: A kind of area as the subject a clause opens with ("các xã vùng có đông đồng bào dân tộc
#: thiểu số", "Riêng 20 xã biên giới").
_AREA_SUBJECT = re.compile(
    r"\W*(?:(?:riêng|còn|trong đó)\W+)?(?:"
    # a kind of area named by its people, one or many: "Xã vùng có đông đồng bào DTTS có ..."
    r"(?:(?:các|những)\s+|[\d.]+\s+)?(?:xã|thôn|bản|ấp|làng)\s+vùng\s+(?:có\s+(?:đông\s+)?)?"
    r"(?:đồng bào|dân tộc)"
    # other kinds only when many ("các xã biên giới"): "Xã biên giới Ia Chía" is one commune
    r"|(?:(?:các|những)\s+|[\d.]+\s+)(?:xã|thôn|bản|ấp|làng)\s+(?:vùng\s+(?:sâu|xa|khó khăn)|"
    r"biên giới|đặc biệt khó khăn))",
    P.FLAGS,
)
#: The private, foreign-invested or state sector: a part of the enterprises no category names
#: ("21 tổ chức Đảng trong doanh nghiệp Nhà nước", "04 ... trong doanh nghiệp có vốn nước ngoài").
_NON_STATE = re.compile(
    r"\b(?:ngoài\s+(?:khu vực\s+)?nhà nước|ngoài\s+quốc doanh|tư nhân|"
    r"có\s+vốn\s+(?:đầu tư\s+)?nước ngoài|(?:doanh nghiệp|công ty)\s+(?:nhà nước|quốc doanh)\b|"
    r"(?:100%\s+)?vốn\s+nhà nước)",
    P.FLAGS,
)
#: The members "với N đảng viên" of organizations restricted to a sector or kind of area.
#: "tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước ... là [185 tổ chức, với]": a
#: subject qualified by where it is, then the count (and the members "với" it).
_SUBJECT_IN_AREA_BEFORE = re.compile(
    r"\b(?:tổ chức(?:\s+cơ sở)?\s+đảng|tccsđ|đảng viên|đv)\s+(?:ở|tại|trong|thuộc)\s+"
    # "nâng tổng số tổ chức cơ sở đảng trong các doanh nghiệp ngoài khu vực nhà nước lên 15":
    # the new total of the sector ("lên") as its stock ("là")
    r"(?P<where>[^,;:()\d]{0,100}?)\s+(?:là|lên)\s+(?:[\d.]+\s+(?:tổ chức|chi bộ|đảng bộ)"
    r"[^,;:()\d]{0,10}"
    r",?\s*(?:với|có)\s+)?" + P.ABOUT + r"$",
    P.FLAGS,
)
_SUBSET_WITH = re.compile(
    r"\b(?:ngoài\s+(?:khu vực\s+)?nhà nước|ngoài\s+quốc doanh|tư nhân|có vốn đầu tư nước ngoài|"
    r"biên giới|(?:ở|tại|trong|thuộc)\s+(?:các\s+)?(?:doanh nghiệp|công ty))\b[^,;:()\d]{0,30}"
    # "27 tổ chức cơ sở đảng trong các doanh nghiệp ... với tổng cộng 334 đảng viên"
    r"\b(?:với|có)\s+(?:tổng\s+(?:cộng|số)\s+)?" + P.ABOUT + r"$",
    P.FLAGS,
)
#: Members or admissions "in enterprises", whatever their sector: no category names them (the
#: enterprise type is one of organizations).
_IN_ENTERPRISES = re.compile(
    r"\s*(?:mới\s+)?(?:(?:đang\s+)?(?:làm việc|công tác|sinh hoạt)\s+)?(?:ở|tại|trong|thuộc)\s+"
    r"(?:các\s+)?(?:doanh nghiệp|công ty)\b",
    P.FLAGS,
)
_MEMBER_METRICS = ("members_admitted", "party_members")
_SUBSET_METRICS = {"members_admitted", "party_members", "party_orgs", "org_classification",
                   "member_classification", "orgs_founded"}  # fmt: skip


def _unnamed_part(ctx: Context, found: tuple[str, str, str, str, str]) -> bool:
    """ "1.024 TCCSĐ, trong đó 420 TCCSĐ ở nông thôn": after "trong đó", a count of the same
    stock with no category of the vocabulary is a part the vocabulary cannot name, not a second
    total."""
    if found[1] != "total" or found[3] not in ("members_count", "orgs_count"):
        return False
    head = ctx.text[ctx.clause[0] : ctx.token.start]
    if F.STOCK_BEFORE.search(head):
        return False  # never a stock named again
    if _OPENS_WITH_OF_WHICH.match(ctx.text[ctx.sentence_start : ctx.token.start]) and not (
        re.search(r"\d", ctx.text[ctx.sentence_start : ctx.clause[0]] + head)
        and P.NESTING.search(head)
    ):
        # "... có 81 tổ chức cơ sở đảng ... Trong đó, có 21 ...; 02 tổ chức đảng đặc thù ...":
        # the whole is in the sentence before; every item of the sentence is a part of it
        previous = ctx.text[max(0, ctx.sentence_start - 300) : ctx.sentence_start].rstrip(" .\n")
        same = _MEMBER_WHOLE if found[3] == "members_count" else _ORG_WHOLE
        return bool(same.search(re.split(r"[.!?]\s", previous)[-1]))
    nests = list(P.NESTING.finditer(head))
    if not nests:
        return False
    whole = head[: nests[-1].start()]
    if (
        found[3] == "members_count"
        and _STAFF_WHOLE.search(whole)
        and not _MEMBER_WHOLE.search(whole)
    ):
        return False  # "có 15 người, trong đó có 03 đảng viên": the members among the staff
    if re.search(r"\d", head[nests[-1].end() :]):
        # "4,7 ngàn đảng viên, trong đó ... 38 cơ sở với hơn 1 ngàn đảng viên": a later count
        # after "trong đó" is a part only when the whole before it counts the same thing
        same = _MEMBER_WHOLE if found[3] == "members_count" else _ORG_WHOLE
        return bool(same.search(whole))
    return bool(re.search(r"\d", whole))


#: A count of the subordinate committees, then the list of their kinds or levels: its parts, which
#: the vocabulary has no category for.
_SUBORDINATE_PARTS = re.compile(
    r"\d[\d.]*\s+(?:đảng bộ|đảng ủy|đảng uỷ)\s+trực thuộc\b[^\d;]{0,40}?[\s,:]"
    r"(?:gồm|bao gồm|trong đó(?:\s+có)?)\b(?:(?!\bvới\b)[^;])*$",
    P.FLAGS,
)
#: The admissions' own total raised after a batch of them.
_ADMISSIONS_RAISED_AFTER = re.compile(
    r"[^;.\d]{0,40}?\b(?:nâng|đưa)\s+(?:tổng\s+)?số\s+(?:đảng viên|đv|quần chúng)?\s*"
    r"(?:mới\s+)?(?:được\s+)?kết nạp\b",
    P.FLAGS,
)
#: "đã kết nạp từ 180 tới 200": a result printed as a range, which no row can hold.
_DONE_BEFORE = re.compile(r"\bđã\b", P.FLAGS)
#: Units of a kind as the subject of a goal: a quota for each of them, no organization's goal.
_UNITS_AS_SUBJECT = re.compile(
    r"\b(?:các|mỗi|từng)\s+(?:xã|phường|thị trấn|thôn|bản|chi bộ|đảng bộ|đảng ủy|đảng uỷ|"
    r"tổ chức cơ sở đảng|tổ chức đảng|cơ sở)\b",
    P.FLAGS,
)
#: The categories of all the admitted in a span (no group of them).
_SPANS = ("total", "annual_average", "each_year")


def _admitted_part_in_brackets(ctx: Context) -> bool:
    """A count inside a bracket that opens with "trong đó" or "gồm" right after a count of the
    admitted ("lên 160 đồng chí (trong đó: cán bộ ... 03; ...; công an 12 đồng chí)"): a part by
    a trait no category names, not a second total."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:]:
        return False
    if not _PARTS_BRACKET.match(before, opened):
        return False
    head = before[:opened]
    return bool(re.search(r"\bkết nạp\b", head, P.FLAGS)) and bool(_ADMITTED_COUNT_END.search(head))


_PARTS_BRACKET = re.compile(r"\(\s*(?:trong đó|gồm|bao gồm)\b", P.FLAGS)
_ADMITTED_COUNT_END = re.compile(
    r"\d[\d.]*\s+(?:đảng viên|đv|đồng chí|quần chúng(?:\s+ưu tú)?)(?:\s+mới)?\s*$", P.FLAGS
)
_MEMBER_WHOLE = re.compile(r"\d\s*(?:ngàn|nghìn)?\s+(?:đảng viên|đv|đồng chí)\b", P.FLAGS)
#: A count of the staff or people of a unit, of whom the members are a part, never a group.
_STAFF_WHOLE = re.compile(
    r"\d\s+(?:người|cán bộ|công chức|viên chức|cbcnv|cbcc|cbccvc|nhân viên|người lao động|"
    r"công nhân)(?:\W+(?:công chức|viên chức|nhân viên|người lao động|lao động))*\W*$",
    P.FLAGS,
)
_ORG_WHOLE = re.compile(r"\d\s+(?:tổ chức cơ sở đảng|tổ chức đảng|tccs|cơ sở đảng)", P.FLAGS)


_TIER_METRICS = {"org_classification", "member_classification", "subunit_classification",
                 "committee_classification", "political_task_leadership"}  # fmt: skip


def _tier_goal(ctx: Context, found: tuple[str, str, str, str, str]) -> tuple | None:
    """ "Phấn đấu hằng năm có 90% TCCSĐ hoàn thành tốt nhiệm vụ, 90% đảng viên hoàn thành tốt
    nhiệm vụ": a tier share under a goal word of its sentence is a target, not a result; the
    vocabulary holds targets for organizations only (org_tier_target), so the others give no
    row."""
    metric, category, words, _, note = found
    if metric not in _TIER_METRICS or not under_goal(ctx):
        return found
    if ctx.token.unit != "percent":
        return None  # "phấn đấu ...; 11/11 chi bộ hoàn thành tốt nhiệm vụ": a goal, no row
    if metric == "org_classification":
        return "org_tier_target", category, words, "org_tier_target", note
    return None


#: Organizations restricted to a chosen few ("... được chọn tiến hành đại hội điểm", "được các
#: huyện ủy chọn làm đại hội điểm"): the pilots of a campaign, which the vocabulary does not count
#: (neither a stock nor the progress of the campaign).
_CHOSEN_AFTER = re.compile(
    r"^\W*(?:[^\W\d]+\W+){0,5}?(?:được\s+(?:[^\W\d]+\W+){0,12}?(?:lựa\s+)?chọn|thí điểm|"
    r"làm điểm|đại hội điểm)",
    P.FLAGS,
)
#: A change of one count, then "và" or a comma right before the next count of the list.
_CHANGE_LIST_BEFORE = re.compile(
    r"\b(?P<kind>tăng|giảm)(?:\s+(?:thêm|được))?\s+" + F._Q + r"\d[\d.,]*\s+"
    r"(?:(?!(?:có|hiện|tổng số|nâng|đưa|còn|lên|xuống|so với)\b)[^\W\d]+(?:\s+|(?=,))){1,8}?"
    r"(?:và\s+|,\s*)" + F._Q + r"$",
    P.FLAGS,
)
_ORG_STOCKS = {"party_orgs", "orgs_held_congress", "subunits", "subordinate_committees"}
_SHARE_OF = re.compile(r"\b(?:chiếm|bằng)\s*(?:t[ỷỉ] lệ\s*)?" + F._Q + r"$", P.FLAGS)
_OF_A_TIER = re.compile(r"^\s*(?:so với\s+)?(?:tổng\s+)?số\b", P.FLAGS)
_TIERED = ("org_classification", "member_classification", "subunit_classification")
#: A cap right before a tier's count or share: the rule that limits it, no result.
_CAP_BEFORE = re.compile(r"\b(?:không vượt quá|không quá|tối đa)\s*$", P.FLAGS)


#: A requirement that governs the figures after it ("phải có 100% đảng viên được xếp loại ...").
_REQUIRED = re.compile(r"\b(?:phải|cần)\s+có\b", P.FLAGS)


def _required_tier(ctx: Context) -> bool:
    """A tier a unit must reach to earn a rating (the criteria of the rules: "Đối với chi bộ phải
    có 100% đảng viên được xếp loại ... trở lên, trong đó có từ 80% được xếp loại ..."), read up
    to its parts after "trong đó" in the same statement; no result."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    required = list(_REQUIRED.finditer(before))
    if not required:
        return False
    between = before[required[-1].end() :]
    if ";" in between:
        return False  # "3 chi bộ phải có biện pháp khắc phục; 45 chi bộ ...": another statement
    if not re.search(r"\d", between):
        return "," not in between  # "... phải có biện pháp khắc phục, 45 TCCSĐ ...": another
    return bool(P.NESTING.search(between))  # "..., trong đó có từ 80% ...": the required part


def _share_of_tier(ctx: Context, cand: Candidate) -> None:
    """ "số đảng viên hoàn thành xuất sắc nhiệm vụ chiếm 18,2% số đảng viên hoàn thành tốt nhiệm
    vụ trở lên": the tier named before the share is its category, the tier after it its base."""
    tok, text = ctx.token, ctx.text
    if tok.unit != "percent" or cand.metric not in _TIERED or cand.base_category:
        return
    if not _SHARE_OF.search(ctx.before_local) or not _OF_A_TIER.match(
        text[tok.end : ctx.clause[1]]
    ):
        return
    before = text[ctx.clause[0] : tok.start]
    tiers = [(m.start(), key, m.group()) for key, rx in P.TIERS for m in rx.finditer(before)]
    if not tiers:
        return
    _, key, words = max(tiers, key=lambda t: (t[0], len(t[2])))
    category, _ = tier_category(key, cand.metric, tok.unit, ctx.period, ctx.sentence)
    if category == cand.category or not category:
        return
    cand.base_category, cand.category, cand.tier_reported = cand.category, category, words
    cand.pattern += "+share_of_tier"


def _candidate(ctx: Context, found: tuple[str, str, str, str, str]) -> Candidate:
    """The candidate for a classified number, with its qualifier and denominator."""
    tok = ctx.token
    metric, category, tier_reported, pattern, note = found
    qualifier = P.QUALIFIER_BEFORE.search(ctx.before_local)
    cand = Candidate(
        metric=metric,
        category=category,
        value=tok.value,
        unit=tok.unit,
        quote="",
        pattern=pattern,
        tier_reported=tier_reported,
        qualifier=_qualifier(qualifier, ctx.before_local, ctx.text[tok.end : ctx.clause[1]]),
        denominator=_denominator(metric, category) if tok.unit == "percent" else "",
    )
    if note:
        cand.notes.append(note)
    return cand


def _denominator(metric: str, category: str) -> str:
    """What a share is a share of: a group of the admitted ("69% là nữ") is a share of the
    admitted; the intake itself ("kết nạp bằng 3,1%") a share of the members."""
    if metric == "members_admitted" and category not in ("total", "annual_average", "each_year"):
        return "members_admitted"
    return P.DENOMINATORS.get(metric, "party_orgs")


def _whole(cand: Candidate, whole_value: Decimal) -> Candidate:
    """Mark ``cand`` as a part of a printed whole and return the whole as its own candidate."""
    cand.pattern += "+of_total"
    cand.notes.append(f"{fmt(cand.value)} of {fmt(whole_value)} printed as the whole")
    return Candidate(
        metric=P.WHOLES.get(cand.metric, cand.metric),
        category="total",
        value=whole_value,
        unit="count",
        quote="",
        pattern="of_total_whole",
        notes=[f"the whole of which {fmt(cand.value)} are {cand.metric}"],
    )


#: "83,8% có trình độ từ cao đẳng trở lên", "đại học trở lên": the bound of a degree, the group
#: counted, not of the number.
_DEGREE_OR_HIGHER = re.compile(
    r"^[^,;.()\d]{0,40}?\b(?:cao đẳng|đại học|trung cấp|sơ cấp|cao cấp|thạc sĩ|tiến sĩ)"
    r"\s+trở lên\b",
    P.FLAGS,
)


def _qualifier(immediate: re.Match[str] | None, before: str, after: str) -> str:
    """ "gần 12.000" (the word right before), "từ 2.770 đảng viên trở lên" (an inclusive lower
    bound), else "dự ước kết nạp 450" (an estimate verb)."""
    tier_words = re.match(r"^[^,;.()\d]{0,40}?(?:hoàn thành|\bHTT|\bHT\s*NV\b)", after, P.FLAGS)
    if P.AT_LEAST_AFTER.match(after) and not tier_words and not _DEGREE_OR_HIGHER.match(after):
        return "at_least"
    if immediate:
        return P.QUALIFIERS[immediate.group("q").lower()]
    return "estimate" if P.ESTIMATE_BEFORE.search(before) else "exact"


#: Where a period inherited from the first words of a paragraph was printed (see ``date``).
OPENING = "the paragraph's opening"
#: Stocks, which take a period from their paragraph's opening only when it is a date.
_STOCK_METRICS = {"party_orgs", "party_members", "subunits", "subordinate_committees", "staff"}


#: Flows counted over a time: to a date, they are counted from the start of its year.
_FLOW_METRICS = {"members_admitted", "members_confirmed", "orgs_founded", "orgs_dissolved",
                 "members_disciplined", "candidates_trained"}  # fmt: skip
#: "từ đầu nhiệm kỳ đến ngày ...": a span that does not start with the year.
_NOT_FROM_JANUARY = re.compile(r"\b(?:nhiệm kỳ|khóa|khoá|giai đoạn|từ năm)\b", P.FLAGS)


def flow_or_stock(cand: Candidate) -> None:
    """ "Tính đến ngày 30/8/2022, ... đã kết nạp được 103": a flow to a date is counted from the
    start of that year (year_to_date; to 31 December, the year); "Hết quý I năm 2022, ... đưa tổng
    số lên 45.632": a stock after a part of the year stands on its last day (as_of)."""
    if cand.value_kind != "level":
        return
    if cand.period_kind == "as_of" and cand.metric in _FLOW_METRICS:
        if _NOT_FROM_JANUARY.search(cand.period_text):
            return
        if cand.period.endswith("-12-31"):
            cand.period, cand.period_kind = cand.period[:4], "year"
        else:
            cand.period_kind = "year_to_date"
        cand.notes.append("a flow to a date: counted from the start of its year")
    elif cand.period_kind == "year_to_date" and cand.metric in _STOCK_METRICS:
        cand.period_kind = "as_of"
        cand.notes.append("a stock after a part of the year: on its last day")
    elif cand.period_kind == "since" and cand.metric in _STOCK_METRICS:
        # "Từ năm 2021 đến nay ... kết nạp trên 7.000 đảng viên mới nâng tổng số đảng viên lên
        # gần 46.000": the stock stands now, at publication; the span dates the admissions
        cand.period, cand.period_kind = "", "undated"
        now = _NOW.search(cand.period_text)
        cand.period_text = now.group() if now else ""
        cand.notes.append("a stock at the end of a span to now: as of publication")
    elif cand.period_kind == "term" and cand.metric in _STOCK_METRICS:
        # "Đầu nhiệm kỳ 2020-2025, Đảng bộ Khối có tổng số 5.356 đảng viên", "Chi bộ hiện có 7
        # đảng viên, trong nhiệm kỳ 2020 - 2022, ...": a stock stands on a day, not over a term
        cand.period, cand.period_kind = "", "undated"
        cand.notes.append(f"a stock: '{cand.period_text}' is no day it stands on")


_NOW = re.compile(r"\b(?:đến|tới)\s+(?:nay|hiện nay)\b", P.FLAGS)


#: "..., đến nay": a clause of the present after a period printed before it.
_NOW_AFTER_PERIOD = re.compile(
    r"(?:[,;:]|\bvà\b)\s*(?:(?:thì|mà)\s+)?(?:đến nay|tới nay|hiện nay|hiện tại)\b", P.FLAGS
)


def date(cand: Candidate, period: Period | None, inherited: str, before: str) -> None:
    """Set period and period_kind, with the reason in note when the period is not printed;
    ``inherited`` names where an inherited period was printed ("the previous sentence")."""
    stock = cand.metric in _STOCK_METRICS
    if period is not None and inherited == OPENING and stock and period.kind != "as_of":
        period = None  # "Năm 2020, kết nạp 75 .... Toàn Đảng bộ có 1.796": a stock, no flow
    sentence_start = cand.position - len(before)
    if (
        period is not None
        and stock
        and not inherited
        and period.end >= sentence_start
        and _NOW_AFTER_PERIOD.search(before, period.end - sentence_start)
    ):
        # "thành lập năm 1942, đến nay, Đảng bộ có 14.490 đảng viên": the year is the past the
        # sentence starts from; the stock is as of publication ("Năm 2023, ..., đến nay đã kết
        # nạp 1.440": a flow goes on counting over the year)
        period = None
    if period is not None:
        cand.period, cand.period_kind, cand.period_text = period.period, period.kind, period.words
        flow_or_stock(cand)
        if inherited:
            cand.notes.append(f"period from {inherited} ('{period.words}')")
        return
    cand.period, cand.period_kind = "", "undated"
    words = list(F.UNDATED_PERIOD_WORDS.finditer(before))
    cand.period_text = words[-1].group() if words else ""
    now = P.AS_OF_PUBLICATION.search(before)
    if now:
        cand.notes.append(f"'{now.group()}': as of publication; the date is not printed")
    else:
        cand.notes.append("period not stated in the sentence")


def note_nesting(
    cand: Candidate,
    text: str,
    sentence: Sentence,
    clause: tuple[int, int],
    tok: Token,
    out: list[Candidate],
) -> None:
    """Note the whole a part belongs to when 'trong đó' introduces it.

    'trong đó' reaches to the end of its clause, or over the whole sentence that opens with it;
    the whole is the last total of the same family printed before it.
    """
    family = P.FAMILY_HINT.get(cand.metric)
    if family is None or (cand.metric in P.TOTAL_METRICS and cand.category == "total"):
        return
    opening = re.match(
        r"\W*(?:trong đó|trong số đó)\b", text[sentence.start : sentence.end], P.FLAGS
    )
    nest = None
    for m in P.NESTING.finditer(text, clause[0], tok.start):
        nest = m
    where = nest.start() if nest else (sentence.start if opening else None)
    if where is None:
        return
    earlier = [
        c
        for c in out
        if c.position < where
        and c.category == "total"
        and c.metric in P.TOTAL_METRICS
        and P.FAMILY_HINT.get(c.metric) == family
    ]
    if earlier:
        parent = earlier[-1]
        cand.notes.append(f"part of {fmt(parent.value)} ({parent.metric}, 'trong đó')")
