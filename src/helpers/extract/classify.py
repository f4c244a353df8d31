"""What a number counts: the rules that turn a number and its words into a metric and category.

Most figures print their noun right after the number ("94 tổ chức cơ sở đảng", "1.395 đảng
viên"); the noun, the verb before the number ("kết nạp", "điều chuyển"), and the classification
tier after the noun ("hoàn thành tốt nhiệm vụ") decide the metric and the category of
``data/categories.csv``. A few figures print their noun before the number ("tỷ lệ đảng viên ...
đạt 96,8%", "loại hình hành chính 45"); :func:`classify` reads those too. The words and
expressions live in :mod:`helpers.extract.patterns`; this module is the order they are tried in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from helpers.extract import patterns as P
from helpers.extract import phrases as F
from helpers.extract import units as U
from helpers.extract.records import Period, Token

#: (metric, category, tier_reported, pattern, note) of one recognized figure.
Found = tuple[str, str, str, str, str]

#: "519 đảng viên (ĐV) theo đạo Công giáo", "6 tổ chức cơ sở đảng (TCCSĐ) trong các doanh
#: nghiệp": the abbreviation a report defines in brackets right after the noun belongs to the
#: noun, so the words after it (a group, a sector, a status) are read as the noun's tail.
_ABBREVIATION_ASIDE = r"(?P<abbreviation>\s*\(\s*(?-i:[A-ZĐ][A-ZĐ/]{1,7})\s*\)(?!\w))?"
_HEADS = [
    (name, re.compile(rf"(?:{rx.pattern})(?!\w){_ABBREVIATION_ASIDE}", P.FLAGS))
    for name, rx in P.HEADS
]
_SURVEYED = {
    "enterprises": "enterprises_surveyed",
    "communes": "communes_surveyed",
    "districts": "districts_surveyed",
}


@dataclass
class Context:
    """What the rules may look at around one number."""

    text: str
    token: Token
    clause: tuple[int, int]
    before_local: str
    next_start: int
    sentence: str
    period: Period | None
    sentence_start: int = 0


@dataclass
class _Noun:
    """A number whose counted noun follows it, with the words the rules read around it."""

    ctx: Context
    name: str
    end: int
    zone: str
    tail: str
    verb: str | None
    tier: tuple[str, str] | None
    training_attendees: bool
    head_words: str = ""
    declined: bool = False  # a rule read the number and decided it is no figure

    @property
    def percent(self) -> bool:
        return self.ctx.token.unit == "percent"

    def tiered(self, metric: str, words: str, pattern: str) -> Found:
        """A classification figure: its tier mapped to a category of the metric."""
        ctx = self.ctx
        cat, note = tier_category(self.tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
        if metric == "org_classification" and ctx.token.unit == "percent" and under_goal(ctx):
            return "org_tier_target", cat, words, "org_tier_target", note
        return metric, cat, words, pattern, note


#: What may stand between a number and its noun: a bracket of numbers ("92,6% (2.635/2.845) đảng
#: viên", "34 (chiếm 89,5%) tổ chức"), "trở lên" ("95% trở lên tổ chức cơ sở đảng"), or the
#: closing bracket of a number printed inside one.
_ASIDE = re.compile(
    r"\s*\((?:\s*(?:chiếm|bằng|đạt|tỷ lệ|tỉ lệ|trên|hơn|gần|khoảng|=)?\s*[\d.,/%]+\s*)+\)"
    r"|\s*\(\s*[\d.,]+\s+[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*\)"  # "92% (58 tổ chức) TCCSĐ"
    r"|\s+trở lên(?=\s)|(?<=[\d%])\s*\)(?=\s+\w)"
    r"|\s+(?:lên|xuống(?:\s+còn)?)\s+[\d.,]+(?=\s)",  # "tăng từ 3.120 lên 3.560 đồng chí"
    P.FLAGS,
)


_GOALS_MET = re.compile(
    r"\b(?:thực hiện|hoàn thành|đạt|vượt)\b[^;.]{0,40}?\b(?:chỉ tiêu|mục tiêu)\b", P.FLAGS
)


_GOES_ON = re.compile(r"\W*(?:trong đó|cụ thể)\b", P.FLAGS)


def under_goal(ctx: Context) -> bool:
    """Whether a goal word ("phấn đấu", "mục tiêu", "chỉ tiêu") earlier in the sentence governs
    the number, no result word between ("đạt 105% chỉ tiêu" is a result, not a goal)."""
    start = ctx.sentence_start
    if _GOES_ON.match(ctx.sentence):  # "Năm 2018, huyện phấn đấu .... Trong đó có 50% TCCSĐ ..."
        previous = ctx.text[max(0, start - 300) : start]
        start -= len(previous.rsplit("\n", 1)[-1]) if "\n" in previous.rstrip() else len(previous)
    head = F.ATTAINED_PHRASE.sub(" ", ctx.text[start : ctx.token.start])
    head = _GOALS_MET.sub(" ", head)  # "thực hiện thắng lợi các chỉ tiêu": goals met, results
    goals = list(F.TIER_GOAL.finditer(head))
    return bool(goals) and not F.TIER_RESULT.search(head, goals[-1].end())


def head_noun(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    """The counted noun right after ``pos`` (after spaces), as (head name, match)."""
    lead = pos
    aside = _ASIDE.match(text, lead)  # "34 (chiếm 89,5%) tổ chức", "95% trở lên tổ chức"
    if aside:
        lead = aside.end()
    while lead < len(text) and text[lead] == " ":
        lead += 1
    if text[lead : lead + 3].lower() == "số ":
        lead += 3
    for name, rx in _HEADS:
        m = rx.match(text, lead)
        if m and name == "orgs_short":
            if not _PARTY_BASES.search(text, max(0, lead - 400), lead):
                continue
            name = "orgs"
        if m:
            return name, m
    return None


#: Party bases named before a bare "cơ sở" that stands for them.
_PARTY_BASES = re.compile(r"cơ sở đảng|tổ chức cơ sở|\btccs", P.FLAGS)


def verb_before(text: str, start: int, end: int) -> str | None:
    """The last verb cue in the window before a number (within its clause)."""
    window_start = max(start, end - P.VERB_WINDOW)
    best: tuple[int, str] | None = None
    for name, rx in P.VERBS:
        for m in rx.finditer(text, window_start, min(len(text), end + 40)):
            if m.end() > end:  # looked past the number only for a verb's lookahead
                break
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    if best and _VERB_BARRIER.search(text, best[0], end):
        return None  # "kết nạp 150 đảng viên, hiện toàn Đảng bộ có 3.000 đảng viên": a new stock
    if best and _OTHER_ACTION_AFTER_OBJECT.search(text, best[0], end):
        return None  # "công nhận chính thức cho 58 đảng viên, chuyển sinh hoạt cho 163 đảng viên"
    if best and _REMOVAL.search(text, best[0], end):
        return None  # "kiểm tra, rà soát, đã quyết định xóa tên 6 đảng viên": the removal's
    if best and _OBJECT_THEN_PLACE.search(text, best[0], end):
        return None  # "thành lập 08 tổ công tác dự kiểm điểm tại 42 chi bộ": the verb's object came
        # first; the number after "tại" is where it went
    return best[1] if best else None


#: The verb's own counted object, then another act on members that is none of ours (a transfer
#: of membership, party cards, removal from the rolls) before the later number.
_OTHER_ACTION_AFTER_OBJECT = re.compile(
    r"\d[\d.,]*\s+[^\W\d][^\d;]{0,40}?[,;]\s*(?:[^\W\d]+\s+){0,3}?"
    r"(?:chuyển sinh hoạt|(?:phát|cấp|trao)\s+thẻ|xóa tên|xoá tên|cho ra khỏi đảng|tiếp nhận)\b",
    P.FLAGS,
)
#: A removal from the rolls between a verb and the number: the number is the removal's.
_REMOVAL = re.compile(r"\b(?:xóa tên|xoá tên|(?:cho|đưa)\s+ra khỏi đảng)\b", P.FLAGS)
#: The verb's own counted object, then "tại"/"ở" right before the later number.
_OBJECT_THEN_PLACE = re.compile(
    r"\d[\d.,]*\s+[^\W\d][^\d;]{0,60}?\b(?:tại|ở)\s+(?:các\s+|cả\s+)?(?:[^\W\d]+\s+){0,2}$", P.FLAGS
)
#: Words that open a new statement between a verb and a later number ("..., Đảng bộ có 3.000").
_VERB_BARRIER = re.compile(
    # "kiểm tra khi có dấu hiệu vi phạm đối với 42 tổ chức đảng": no new stock opens after "khi"
    r"(?<!khi )\b(?:có|gồm|còn)\b(?!\s+dấu hiệu)"
    r"|(?<!kết nạp )(?<!được )\btổng số\b|\b(?:nâng|đưa)\s+(?:số lượng|số|quân số)\b"
    r"|\bhiện(?:\s+nay|\s+tại)?\b|\bđến nay\b",
    P.FLAGS,
)


def first_tier(zone: str) -> tuple[str, str] | None:
    """(tier key, words as printed) of the first tier in ``zone``."""
    hits = []
    for key, rx in P.TIERS:
        m = rx.search(zone)
        if m:
            hits.append((m.start(), -len(m.group()), key, m.group()))
    if not hits:
        return None
    _, _, key, words = min(hits)
    return key, words


_PLACE = r"(?:xã|phường|thị trấn|huyện|thị xã|quận|thành phố|thị|thành)"
#: A list of administrative places after a noun ("đảng bộ xã, phường, thị trấn"): one kind.
_PLACE_LIST = re.compile(r"^\s*" + _PLACE + r"(?:\s*,\s*" + _PLACE + r"\b)+", P.FLAGS)


def tier_zone(text: str, start: int, end: int) -> str:
    """Where a figure's tier may stand: after its noun, brackets left out, up to the next comma,
    colon, semicolon or number, and at most 70 characters."""
    zone = re.sub(r"\([^()]*\)", " ", text[start:end])
    zone = re.sub(r"(sạch),(\s+vững)", r"\1 \2", zone, flags=P.FLAGS)
    # "đủ tư cách, hoàn thành tốt nhiệm vụ": one tier of the four member tiers before 2018
    zone = re.sub(r"(tư cách),(\s+hoàn thành)", r"\1 \2", zone, flags=P.FLAGS)
    # "yếu, kém", "trung bình, yếu kém": one tier, or two tiers together
    zone = re.sub(r"(yếu|trung bình),(\s+(?:yếu|kém))", r"\1 \2", zone, flags=P.FLAGS)
    # "được kiểm điểm, đánh giá, xếp loại hoàn thành tốt": one phrase, not a list
    zone = re.sub(r"(kiểm điểm|đánh giá),(?=\s*(?:đánh giá|xếp loại))", r"\1", zone, flags=P.FLAGS)
    zone = re.sub(r"[“”\"‘’']", "", zone)
    # "90% tổ chức cơ sở đảng, đảng viên được xếp loại hoàn thành tốt": members named beside the
    # organizations share their tier, as with "và đảng viên"
    zone = re.sub(r"^\s*,\s*(?=(?:đảng viên|đv)\b)", " ", zone, flags=P.FLAGS)
    # "124 đảng bộ xã, phường, thị trấn đạt trong sạch, vững mạnh": a list of places, no list
    zone = _PLACE_LIST.sub(lambda m: m.group().replace(",", " "), zone)
    # "02 đồng chí xếp loại: Hoàn thành xuất sắc nhiệm vụ": the colon introduces the tier
    zone = re.sub(r"\b((?:xếp|phân) loại|đạt)\s*:", r"\1 ", zone, flags=P.FLAGS)
    cut = re.search(r"[,;:(]|\d", zone)
    return (zone[: cut.start()] if cut else zone)[:70]


def tier_category(
    key: str, metric: str, unit: str, period: Period | None, sentence: str
) -> tuple[str, str]:
    """Map a tier to a category of data/categories.csv; returns (category, note)."""
    if key not in ("good", "done"):
        return P.TIER_CATEGORIES[(key, None)], ""
    single_tiers = P.REGIME_TSVM.search(sentence) or P.REGIME_HTXS.search(sentence)
    if key == "good" and unit == "percent" and not single_tiers:
        return "htt_or_better", (
            "'hoàn thành tốt' as a share with no other tier beside it: read as good or better"
        )
    if metric == "member_classification":
        return P.TIER_CATEGORIES[(key, "htxs")], ""
    if P.REGIME_TSVM.search(sentence):
        return P.TIER_CATEGORIES[(key, "tsvm")], ""
    if P.REGIME_HTXS.search(sentence):
        return P.TIER_CATEGORIES[(key, "htxs")], ""
    year = int(period.period[:4]) if period and period.period[:4].isdigit() else None
    if year is not None:
        regime = "tsvm" if year <= P.LAST_TSVM_YEAR else "htxs"
        return P.TIER_CATEGORIES[(key, regime)], ""
    return P.TIER_CATEGORIES[(key, "htxs")], "regime not evident; htxs assumed, check the year"


def _zero_in_words(tok: Token) -> bool:
    return tok.value == 0 and not re.search(r"\d", tok.raw)


def classify(ctx: Context, head_at: int) -> Found | None:
    """(metric, category, tier_reported, pattern, note) for a number, or None if not a figure."""
    found = _classify(ctx, head_at)
    if found and _zero_in_words(ctx.token) and found[1] == "total" and found[3] in _STOCKS:
        return None  # "không có đảng viên nào ...": a zero says what none did, never a stock
    if found and not found[1]:
        return None  # "45 TCCSĐ đạt loại khá": a tier no category holds (P.TIER_CATEGORIES)
    return found


_STOCKS = {"members_count", "orgs_count", "named_before"}


def _classify(ctx: Context, head_at: int) -> Found | None:
    found = _classify_noun(ctx, head_at)
    if found and found[0] in _OVERSIGHT and P.GRASSROOTS_AGENT.search(U.clause_before(ctx)):
        return None  # "Ủy ban Kiểm tra Đảng ủy cơ sở kiểm tra 81 tổ chức đảng": many bodies' sum
    if found and found[0] in _QUOTA_METRICS and quota_per_unit(ctx, found[0]):
        return None  # "các đảng bộ xã, phường kết nạp ít nhất 12 quần chúng": a quota per unit
    if found and found[0] in _BLOC_METRICS and found[1] == "total" and _bloc_subject(ctx):
        return None  # "khối xã, thị trấn kết nạp 52 đảng viên": a bloc, no organization
    if found and found[1] == "college_or_higher" and _one_degree_of_several(ctx):
        return None  # "10 đảng viên trình độ đại học; cao đẳng 9": no college-or-higher total
    if (
        found
        and found[0] in _TIER_METRICS
        and P.YEARS_IN_A_ROW.match(ctx.text, ctx.token.end, ctx.clause[1])
    ):
        return None  # "35 TCCSĐ đạt trong sạch vững mạnh 5 năm liền": a streak, not a year's tier
    if found and found[3] in _STOCKS and _founding_size(ctx):
        # "Từ một Chi bộ ban đầu với 4 đảng viên, đến nay ...": the size at the founding, which
        # the curated rows record at the founding's date
        return (*found[:4], "the size at a founding: date it by the founding")
    head = head_noun(ctx.text, head_at)
    if (
        found
        and head
        and found[3] == "org_form_count"
        and U.UNITS_DOING_AFTER.match(ctx.text, head[1].end(), ctx.clause[1])
    ):
        return None  # "Trong đó có 223 đảng bộ, 215 chi bộ cơ sở thực hiện bầu bí thư trực tiếp"
    if found and head and head[0] == "attendances" and found[3] in _STOCKS:
        return None  # "12.500 lượt đảng viên đọc báo": times, no stock of members
    if found and found[0] == "training_attendees" and not _TRAINING_EVENT.search(ctx.sentence):
        return None  # "1.520 lượt cán bộ, đảng viên được kiểm tra": no class attended
    if found and found[0] == "members_disciplined" and _discipline_form_part(ctx):
        return None  # "kỷ luật 244 đảng viên (khiển trách 194 đảng viên, ...)": a part by form
    if (
        found
        and found[0] == "org_classification"
        and ctx.token.unit != "percent"
        and _UPPER_RATED.search(ctx.text, ctx.sentence_start, ctx.token.start)
    ):
        # "xếp loại ... 1 đảng bộ cấp trên cơ sở “Hoàn thành nhiệm vụ” và 2 đảng bộ cơ sở “Hoàn
        # thành tốt nhiệm vụ”": the few grassroots committees directly under the rater, a part
        return None
    if found and found[0] in ("party_orgs", "subunits") and _tier_breakdown(ctx):
        return None  # "12 TCCSĐ hoàn thành xuất sắc nhiệm vụ (gồm 3 đảng bộ và 9 chi bộ)": parts
    if found and found[0] in _MEMBER_METRICS and _leading_cadres(ctx, head):
        return None  # "cán bộ lãnh đạo, quản lý ... có 14 đồng chí xếp loại A": no members' figure
    return found


_TIER_METRICS = {"org_classification", "member_classification", "subunit_classification"}
_OVERSIGHT = {"orgs_inspected", "members_inspected", "members_disciplined"}
_BLOC_METRICS = {"members_admitted", "party_members", "admission_target"}
_QUOTA_METRICS = {"members_admitted", "admission_target"}
_MEMBER_METRICS = {"party_members", "member_evaluation", "member_classification"}
#: Leading and managing cadres, a subject the year-end review rates apart from the members
#: ("cá nhân cán bộ lãnh đạo, quản lý có 352/353 đồng chí được kiểm điểm", "Về xếp loại chất
#: lượng cán bộ lãnh đạo, quản lý ..., có 14 đồng chí xếp loại A").
_LEADING_CADRES = re.compile(
    r"\b(?:cán bộ|cá nhân)\s+(?:cán bộ\s+)?lãnh đạo\s*(?:,|và)?\s*quản lý\b", P.FLAGS
)
#: The letter grades of cadres and civil servants ("xếp loại A", "loại B"): no party tier.
_LETTER_GRADE_AFTER = re.compile(r"\s*(?:được\s+)?(?:xếp\s+)?loại\s+[A-D](?!\w)")
_MEMBER_WORD = re.compile(r"\b(?:đảng viên|đv)\b", P.FLAGS)
#: Committee members or delegates as the population a sentence profiles ("Trong số 125 Đ/c cấp
#: uỷ viên ở các Đảng bộ xã phường thì có 27 Đ/c nữ; 2 Đ/c có đạo; ...").
_SEATS_POPULATION = re.compile(
    r"\btrong số\b[^.]{0,60}?\b(?:cấp ủy viên|cấp uỷ viên|ủy viên|uỷ viên|đại biểu)\b", P.FLAGS
)


def _leading_cadres(ctx: Context, head: tuple[str, re.Match[str]] | None) -> bool:
    """A count of "đồng chí" rated as leading cadres, not as members: the cadres named before it
    in its sentence (no "đảng viên" after them), or a letter grade after it; or a profile of
    committee members or delegates ("trong số ... cấp ủy viên ... có 27 đồng chí nữ")."""
    if head is None or head[0] != "members" or head[1].group().lower() not in ("đồng chí", "đ/c"):
        return False
    if _LETTER_GRADE_AFTER.match(ctx.text, head[1].end(), ctx.clause[1]):
        return True
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    named = list(_LEADING_CADRES.finditer(before)) + list(_SEATS_POPULATION.finditer(before))
    last = max((m.end() for m in named), default=None)
    return last is not None and not _MEMBER_WORD.search(before, last)


#: A form of discipline right before a count ("khiển trách 194 đảng viên", "cảnh cáo 33").
_DISCIPLINE_FORM_BEFORE = re.compile(
    r"\b(?:khiển trách|cảnh cáo|cách chức|khai trừ)(?:\s+(?:đối với|với|cho))?\s+" + F._Q + r"$",
    P.FLAGS,
)
#: A count of the disciplined printed before ("thi hành kỷ luật 244 đảng viên").
_DISCIPLINED_COUNT = re.compile(
    r"\bk[ỷỉ] luật\s+(?:[^\W\d]+\s+){0,3}?[\d.]+\s+(?:đảng viên|đv|đồng chí|trường hợp)\b", P.FLAGS
)


def _discipline_form_part(ctx: Context) -> bool:
    """The members disciplined in one form, after the count of all disciplined in the sentence
    ("thi hành kỷ luật 244 đảng viên (khiển trách 194 đảng viên, cảnh cáo 33 đảng viên)")."""
    form = _DISCIPLINE_FORM_BEFORE.search(ctx.before_local)
    if form is None:
        return False
    start = ctx.token.start - len(ctx.before_local) + form.start()
    return bool(_DISCIPLINED_COUNT.search(ctx.text, ctx.sentence_start, start))


def _tier_breakdown(ctx: Context) -> bool:
    """A count in brackets right after a count of a tier ("Hoàn thành xuất sắc nhiệm vụ 08 (có 01
    đảng bộ và 07 chi bộ), chiếm tỷ lệ 15,67%"): the tier's parts by form, no stock."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:]:
        return False
    statement = re.split(r"[;:]", before[:opened])[-1]
    return bool(re.search(r"\d", statement)) and any(rx.search(statement) for _, rx in P.TIERS)


def quota_per_unit(ctx: Context, metric: str) -> bool:
    """Whether the statement sets a quota for every unit of a kind; a result of those units
    ("Các chi bộ trực thuộc đã kết nạp 45 đảng viên") is their sum and is kept."""
    segment = re.split(r"[;:]", U.clause_before(ctx))[-1]
    if not P.EACH_UNIT_QUOTA.match(segment):
        return False
    return metric == "admission_target" or bool(_AT_LEAST_WORDS.search(segment))


_AT_LEAST_WORDS = re.compile(r"\b(?:ít nhất|tối thiểu|phấn đấu|chỉ tiêu)\b", P.FLAGS)


def _bloc_subject(ctx: Context) -> bool:
    """Whether the statement of the number (its clause, from the last semicolon or comma that
    opens a new subject) is about a bloc of organizations rather than one organization."""
    segment = re.split(r"[;:]", U.clause_before(ctx))[-1]
    blocs = list(P.BLOC_SUBJECT.finditer(segment))
    return bool(blocs) and not _WHOLE_AGAIN.search(segment, blocs[-1].end())


#: A whole named again after a bloc ("..., nâng tổng số đảng viên trong toàn Đảng bộ lên 2.169").
_WHOLE_AGAIN = re.compile(r"\b(?:tổng số|nâng|đưa|toàn đảng bộ|toàn huyện|toàn tỉnh)\b", P.FLAGS)


def _one_degree_of_several(ctx: Context) -> bool:
    """ "có 10 đảng viên trình độ đại học; cao đẳng 9; trung cấp 10": a university count beside a
    separate college count is one level of a breakdown, not the college-or-higher group."""
    after = ctx.text[ctx.token.end : ctx.token.end + 60]
    own = re.match(r"[^;,.\d]*", after).group()
    if re.search(r"cao đẳng|trở lên", own, P.FLAGS):
        return False
    rest = ctx.text[ctx.token.end + len(own) : ctx.sentence_start + len(ctx.sentence)]
    return bool(re.search(r"\bcao đẳng\b", rest, P.FLAGS))


def _founding_size(ctx: Context) -> bool:
    """Whether the number is the size of a founding cell or committee ("từ một chi bộ với 3 đảng
    viên", "chi bộ đầu tiên có 5 đảng viên", "ngày đầu thành lập có 12 đảng viên")."""
    before = ctx.text[ctx.sentence_start : ctx.token.start]
    m = P.FOUNDING_BEFORE.search(before)
    return bool(m) and not P.SINCE_FOUNDING_BARRIER.search(before, m.end())


#: Classes, study sessions or conferences whose attendees a count may be.
_TRAINING_EVENT = re.compile(
    r"\blớp\b|quán triệt|học tập|bồi dưỡng|tập huấn|hội nghị|\bhọc\b|triển khai|tuyên truyền",
    P.FLAGS,
)


def _classify_noun(ctx: Context, head_at: int) -> Found | None:
    head = head_noun(ctx.text, head_at)
    if head is None:
        return _classify_headless(ctx)
    if (
        head[0] == "orgs"
        and head[1].group().lower() == "tổ chức"
        and _SUBUNITS_AS_SUBJECT.match(ctx.text, ctx.sentence_start, ctx.token.start)
    ):
        head = ("subunit_cells", head[1])  # "Đối với chi bộ trực thuộc ..., có 147/147 tổ chức"
    if ctx.token.unit == "count" and _NAMED_AGAIN.match(ctx.text, head[1].end(), ctx.clause[1]):
        return None  # "13 quần chúng ưu tú này đã ...": the count named before, again
    if ctx.token.unit == "percent" and P.SHARE_BEFORE.search(ctx.before_local):
        shared = _share_named_before(ctx, P.SHARE_BEFORE.search(ctx.before_local).group("phrase"))
        if shared:
            return shared
    named = U.named_before(ctx)
    if named and (named[1] != "total" or named[0] in ("members_admitted", "admission_target")):
        return named
    if head[0] == "attendances" and not P.CLASS_FOR.search(ctx.before_local):
        follow = head_noun(ctx.text, head[1].end())
        if follow and follow[0] in ("orgs", "members"):
            head = follow  # "1.050 lượt tổ chức": a cumulative count of organizations
    subject = {"candidates": "members"}.get(head[0], head[0])
    status = U.evaluated_before(ctx, subject) if ctx.token.unit != "percent" else None
    if status:
        return status
    noun = _read_noun(ctx, *head)
    if noun.tier and _SELF_ASSESSED.match(noun.tail):
        return None  # "21 chi bộ tự nhận hoàn thành xuất sắc nhiệm vụ": a claim, no result
    org_noun = noun.name in _ORG_NOUNS and not noun.percent
    if org_noun and _HELD_CONGRESS_BEFORE.search(ctx.before_local):
        return "orgs_held_congress", "total", "", "orgs_held_congress", ""
    listed = _HELD_AFTER_LIST.match(ctx.text, noun.end, ctx.clause[1]) if org_noun else None
    if listed and _NOT_HELD_YET.search(ctx.text, noun.end, listed.start("verb")):
        return None  # "còn 3 đảng bộ và 5 chi bộ cơ sở chưa tổ chức đại hội"
    if listed:
        # "có 15 đảng bộ và 40 chi bộ cơ sở hoàn thành đại hội": the verb after the list
        return "orgs_held_congress", "total", "", "orgs_held_congress", ""
    if noun.name in ("orgs", "committees", "cells_grassroots"):
        return _organizations(noun)
    if noun.name in ("subunit_cells", "partial_committees", "cells_in_partial"):
        if not noun.percent and noun.verb != "found" and _part_of_founded(ctx):
            # "thành lập 23 tổ chức đảng, gồm 5 TCCSĐ và 18 chi bộ trực thuộc": the sub-units
            # founded among them (the TCCSĐ part has no category of the founded)
            return "orgs_founded", U.SUBUNIT_CATEGORY[noun.name], "", "orgs_founded_part", ""
        return U.subunits(noun)
    if noun.name in ("committees_bare", "cells", "units"):
        return U.bare_units(noun)
    if noun.name == "committee_collectives":
        return U.committees(noun)
    if noun.name == "persons":
        if noun.verb == "confirm" and not noun.percent:
            # "xét chuyển đảng chính thức cho 158 trường hợp": only members are confirmed
            return "members_confirmed", "total", "", "members_confirmed", ""
        admitted = noun.verb == "admit" and not noun.percent
        label = _MEMBERS_LABEL_BEFORE.search(ctx.before_local)
        if label and not noun.percent and U.group_within(label.group("group")):
            # "trong đó đảng viên dân tộc thiểu số 110 người": members of a group named before
            # their count of persons, read as "110 đồng chí"
            as_members = replace(noun, name="members")
            return U.members(as_members) or _members(as_members)
        return U.admission(ctx) if admitted else _classify_headless(ctx)
    if noun.name == "group_people":
        return U.members(noun)
    if noun.name in ("members", "candidates"):
        if _MOVING_MEMBERSHIP.match(noun.tail):
            return None  # "9 đảng viên chuyển đến": members moving in or out, no stock
        if U.UNITS_ADMITTING_AT_LEAST.search(U.clause_before(ctx)):
            return None  # "15 TCCSĐ kết nạp được từ 5 đảng viên trở lên": the units' threshold
        found = U.members(noun)
        if found is None and (noun.name == "candidates" or noun.declined):
            return None  # candidates for admission are no members: no stock, no tier
        return found or _members(noun)
    if noun.percent:
        return None
    if noun.name in ("key_cadres", "staff"):
        return _cadres_and_staff(noun)
    if noun.name in ("classes", "attendances"):
        return _training(noun)
    return _activities(noun)


_SHARE_ASIDE_OPEN = re.compile(r"\s*[\[(]\s*(?:(?:đạt|chiếm|bằng)\s+)?(?:t[ỷỉ] lệ\s*)?", P.FLAGS)
_SHARE_ASIDE_CLOSE = re.compile(
    r"[\d.,]+\s*%(?:\s*(?:so với\s+)?tổng số\s+[^\d()\[\]]{1,60}?)?\s*[\])]", P.FLAGS
)
#: "512 TCCSĐ chiếm 98,5% tổng số TCCSĐ tổ chức thành công đại hội": a share of all, unbracketed.
_SHARE_OF_ALL_OPEN = re.compile(r"\s*,?\s*(?:chiếm|bằng)\s+(?:t[ỷỉ] lệ\s*)?", P.FLAGS)
_SHARE_OF_ALL = re.compile(r"[\d.,]+\s*%\s*(?:so với\s+)?tổng số\s+", P.FLAGS)


def _read_noun(ctx: Context, name: str, hm: re.Match[str]) -> _Noun:
    """The words around a number and its noun: tier zone, tail, verb and tier."""
    text, tok = ctx.text, ctx.token
    # "159/1447 (= 11%) tổ chức ... đã đại hội xong": the next number stood inside the aside
    # before the noun; the words after the noun run to the end of the clause
    tail = text[hm.end() : ctx.next_start if ctx.next_start > hm.end() else ctx.clause[1]]
    zone_start = hm.end()
    if _SHARE_ASIDE_OPEN.fullmatch(tail):
        # "4.336/4.371 đảng viên (đạt 99,2%) đã hoàn thành kiểm điểm": the words after the aside
        close = _SHARE_ASIDE_CLOSE.match(text, ctx.next_start, ctx.clause[1])
        if close:
            after = re.search(r"\d", text[close.end() : ctx.clause[1]])
            tail += text[ctx.next_start : close.end() + (after.start() if after else 0)]
            if not after:
                tail = text[hm.end() : ctx.clause[1]]
    elif _SHARE_OF_ALL_OPEN.fullmatch(tail):
        # "512 TCCSĐ chiếm 98,5% tổng số TCCSĐ tổ chức thành công đại hội": the words after
        # the whole the share is of
        share = _SHARE_OF_ALL.match(text, ctx.next_start, ctx.clause[1])
        whole = head_noun(text, share.end()) if share else None
        if whole:
            rest = text[whole[1].end() : ctx.clause[1]]
            after = re.search(r"\d", rest)
            tail = " " + rest[: after.start() if after else len(rest)]
            zone_start = whole[1].end()
    if _zero_in_words(tok):
        tail = re.sub(r"^\s*nào\b", "", tail, flags=P.FLAGS)  # "không có đảng viên nào bị ..."
    verb = verb_before(text, ctx.clause[0], tok.start)
    if verb is None:
        # "khen thưởng 7 tập thể; 9 cá nhân": a clause that opens with its number goes on
        # with the verb of the clause before, and so does an item after it ("kết nạp 126 đảng
        # viên ..., 48 đảng viên trong lực lượng dự bị động viên và 33 đảng viên ...")
        first = _list_head(text, ctx.clause[0], tok.start)
        if first is not None:
            start = max(ctx.sentence_start, min(ctx.clause[0], first) - P.VERB_WINDOW)
            verb = verb_before(text, start, first)
    bare_tail = _NAMES_ASIDE.sub("", tail)  # "2 đảng bộ (đó là A và B) được tặng Bằng khen"
    for name_after, rx in P.VERBS_AFTER:
        if rx.match(tail) or (bare_tail != tail and rx.match(bare_tail)):
            verb = name_after
    if hm.group().lower().startswith("tân "):
        verb = "admit"  # "45 tân đảng viên": new members, the admitted
    if _JOINED.fullmatch(tail) and ctx.next_start < ctx.clause[1]:
        verb = _shared_verb_after(text, ctx.next_start, ctx.clause[1]) or verb
    zone = tier_zone(text, zone_start, ctx.clause[1])
    tier = first_tier(zone)
    if tier is None and _JOINED.fullmatch(tail) and ctx.next_start < ctx.clause[1]:
        shared = re.match(r"[\d.,]+\s*%?", text[ctx.next_start : ctx.clause[1]])
        follow = head_noun(text, ctx.next_start + shared.end()) if shared else None
        if follow:  # "85% TCCSĐ và 90% đảng viên hoàn thành tốt": the tier of both
            tier = first_tier(tier_zone(text, follow[1].end(), ctx.clause[1]))
    tier = (
        tier or U.tier_before(ctx) or U.tier_label(ctx)
    )  # "hoàn thành xuất sắc nhiệm vụ 85 tổ chức"
    return _Noun(
        ctx=ctx,
        name=name,
        end=hm.end(),
        zone=zone,
        tail=tail,
        verb=verb,
        tier=tier,
        training_attendees=bool(P.CLASS_FOR.search(ctx.before_local)),
        # the noun without its abbreviation: "gồm 7 đồng chí (Đ/C)" counts seats as "đồng chí"
        head_words=text[hm.start() : hm.start("abbreviation")]
        if hm.group("abbreviation")
        else hm.group(),
    )


def _list_head(text: str, clause_start: int, pos: int) -> int | None:
    """Where the list a number stands in begins: the clause's start when the number opens its
    clause, or the first of the counts before it joined by commas or "và" ("126 đảng viên ...,
    48 đảng viên ... và 33"); None when the number is no list item."""
    first = None
    while True:
        if not text[clause_start:pos].strip(" -–+•*(:"):
            return clause_start if first is None else first
        item = _LIST_ITEM_BEFORE.search(text, max(clause_start, pos - 120), pos)
        if item is None or _VERB_BARRIER.search(item.group()):
            return first
        first = pos = item.start("n")


#: A count and the words after it, then "và" or a comma right before a number.
_LIST_ITEM_BEFORE = re.compile(
    r"(?<![\d.,])(?P<n>\d[\d.,]*)\s+[^\W\d][^\d;:()]{0,80}?(?:,|\s+và)\s*$", P.FLAGS
)
#: An aside in brackets that names units and holds no number.
_NAMES_ASIDE = re.compile(r"\s*\([^()\d]{3,120}\)")
#: The words between two counts joined by "và" or a comma ("85% TCCSĐ và trên 90% đảng viên").
_JOINED = re.compile(r"\s*(?:và|,)\s*(?:(?:gần|khoảng|trên|hơn|xấp xỉ)\s+)?", P.FLAGS)


def _shared_verb_after(text: str, start: int, end: int) -> str | None:
    """ "45 tổ chức đảng và 120 đảng viên được kiểm tra": the passive verb printed after the
    next count and its noun governs this count too."""
    shared = re.match(P.ABOUT + r"[\d.,]+\s*%?", text[start:end])
    follow = head_noun(text, start + shared.end()) if shared else None
    if follow is None:
        return None
    after = text[follow[1].end() : end]
    shared_kinds = ("inspect", "commend", "confirm")  # never "mới": "3.600 ... và 12 ... mới"
    return next((n for n, rx in P.VERBS_AFTER if n in shared_kinds and rx.match(after)), None)


#: Members of a group named right before a count of persons, as a label ("trong đó đảng viên nữ
#: 95 người"); not a body the count belongs to ("đảng viên của xã với 214 người").
_MEMBERS_LABEL_BEFORE = re.compile(
    r"(?:^|[,;:(]|\btrong đó(?:\s+có)?)\s*(?:số\s+)?(?:đảng viên|đv)\b"
    r"(?P<group>(?:(?!\b(?:với|của|gồm|có)\b)[^\d,;:()]){1,40}?)\s*(?:là\s*)?$",
    P.FLAGS,
)
#: A tier units or members claim for themselves before the committee rules ("21 chi bộ tự nhận
#: hoàn thành xuất sắc nhiệm vụ; 06 chi bộ nhận hoàn thành tốt nhiệm vụ").
_SELF_ASSESSED = re.compile(
    r"\s*(?:đã\s+)?(?:tự\s+(?:nhận|đánh giá|xếp loại|chấm)|nhận(?=\s+(?:mức\s+)?(?:hoàn thành|"
    r"không hoàn thành|trong sạch)))\b",
    P.FLAGS,
)
#: Members moving their membership ("30 đảng viên chuyển đi, 9 đảng viên chuyển đến"): neither
#: a stock nor members moved with their organizations.
_MOVING_MEMBERSHIP = re.compile(
    # "73 đảng viên từ nơi khác chuyển đến": where they came from, between
    r"\s*(?:(?:từ|ở)\s+[^\d,;.]{0,30}?\s+)?(?:đã\s+|được\s+)?chuyển\s+(?:đi|đến|ra|về|sinh hoạt|giữa)\b",
    P.FLAGS,
)
#: A statement about the sub-units that counts them as bare "tổ chức" ("Đối với chi bộ trực thuộc
#: đảng uỷ, có 147/147 tổ chức được đánh giá, xếp loại"): no digit before the count.
_SUBUNITS_AS_SUBJECT = re.compile(
    r"\W*(?:(?:[^\W\d]+|\d{4})\W+){0,3}?(?:đối với|về)\s+(?:các\s+)?chi bộ trực thuộc\b"
    r"[^\d;.]{0,60}$",
    P.FLAGS,
)
#: "13 quần chúng ưu tú này", "12 đảng viên mới này": the demonstrative that names a count
#: printed before once more.
_NAMED_AGAIN = re.compile(
    r"\s*(?:(?:ưu tú|mới|dự bị|chính thức|trẻ|mới được kết nạp|mới kết nạp)\s+)?này\b", P.FLAGS
)
_ORG_VERBS = {"transfer": "orgs_transferred", "found": "orgs_founded",
              "dissolve": "orgs_dissolved", "inspect": "orgs_inspected"}  # fmt: skip
_HELD_CONGRESS = re.compile(
    # "642/646 tổ chức cơ sở đảng đã tiến hành hoàn thành đại hội"
    r"^\W*(?:\w+[^\w,;.]+){0,8}?(?P<verb>(?:tiến hành|tổ chức)(?:\s+(?:xong|hoàn thành|thành công))?|"
    r"hoàn thành)"
    r"\s+(?:xong\s+)?đại hội"
    # "159/1447 tổ chức cơ sở đảng đã đại hội xong", "93,75% số tổ chức cơ sở đảng đã đại
    # hội": the congress as the verb
    r"|^\W*(?:\w+\W+){0,4}?đã\s+đại hội(?:\s+xong|\s*(?=[.,;)]|$))",
    P.FLAGS,
)
#: Words right before the congress verb that say it is not held yet ("còn 4 tổ chức cơ sở đảng
#: chưa tổ chức đại hội", "đang chuẩn bị tổ chức đại hội", "sẽ tiến hành đại hội", "đã xây dựng
#: kế hoạch tổ chức đại hội").
_NOT_HELD_YET = re.compile(
    r"\b(?:chưa|sẽ|đang|dự kiến|chuẩn bị|kế hoạch|đăng ký|phấn đấu)(?:\s+(?:được|kịp))?\s*$",
    P.FLAGS,
)
#: The next item of a list of organizations, then the congress they held ("15 đảng bộ [và 40
#: chi bộ cơ sở hoàn thành đại hội]").
_HELD_AFTER_LIST = re.compile(
    r"(?:\s+[^\W\d]+){0,3}?\s+và\s+" + F._Q + r"[\d.]+\s+(?:[^\W\d]+\s+){1,5}?(?:đã\s+)?"
    r"(?P<verb>(?:tiến hành|tổ chức)(?:\s+(?:xong|hoàn thành|thành công))?|hoàn thành)\s+(?:xong\s+)?"
    r"đại hội",
    P.FLAGS,
)
#: The form of a congress held ("đại hội đảng viên", "đại hội đại biểu"): a part by form.
_CONGRESS_FORM = re.compile(r"\s+(?:toàn thể\s+)?(?:đảng viên|đại biểu)\b", P.FLAGS)
#: Asides in brackets, left out of the words after a noun ("39 TCCSĐ (đạt 100%) đã ...").
_ASIDES = re.compile(r"\s*\([^()]*\)")


def _words_past_asides(noun: _Noun) -> str:
    """The words after a noun with its asides left out; when the next number stands inside an
    aside ("50/50 tổ chức cơ sở Đảng (có 22 đảng bộ và 28 chi bộ) đã tiến hành đại hội"), the
    words after the aside closes, up to the next number. A number inside an aside ("(168 đảng
    bộ, 253 chi bộ cơ sở) hoàn thành đại hội") has no words past its closing bracket: they are
    the noun's before the aside."""
    tail = noun.tail
    ctx = noun.ctx
    before = ctx.text[ctx.clause[0] : ctx.token.start]
    if before.rfind("(") > before.rfind(")"):
        return _ASIDES.sub(" ", tail.split(")", 1)[0])
    if tail.rfind("(") > tail.rfind(")"):
        rest = _ASIDES.sub(" ", U.clause_after(noun))
        if rest.rfind("(") <= rest.rfind(")"):  # the aside closes in the clause
            tail = re.split(r"\d", rest, maxsplit=1)[0]
    return _ASIDES.sub(" ", tail)


#: "đã tổ chức đại hội 25 chi bộ": the organizations that held their congress, verb first.
_HELD_CONGRESS_BEFORE = re.compile(
    # "đã chỉ đạo đại hội xong 346/680 tổ chức cơ sở đảng": the congress done, then the count
    r"\b(?:(?:tổ chức|tiến hành)\s+(?:xong\s+)?đại hội|đại hội\s+xong)"
    r"(?:\s+(?:cho|ở|tại|được))?\s+" + F._Q + r"$",
    P.FLAGS,
)
#: "chuyển 1 đảng bộ cơ sở thành chi bộ cơ sở": the organization turned into another form.
_INTO_FORM = re.compile(
    r"^\W*thành\s+(?:chi bộ|đảng bộ|tổ chức cơ sở đảng|tổ chức đảng|tccs)", P.FLAGS
)
_ORG_NOUNS = {"orgs", "committees", "cells_grassroots", "subunit_cells", "partial_committees",
              "cells_in_partial", "committees_bare", "cells"}  # fmt: skip
_DISCIPLINED_AFTER = re.compile(
    r"^\W*(?:đã\s+)?bị\s+(?:xử lý\s+|thi hành\s+)?(?:k[ỷỉ] luật|khai trừ)", P.FLAGS
)
_ADMITTING = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:có\s+)?kết nạp(?:\s+được|\s+(?:mới\s+)?(?:được\s+)?(?:đảng viên|đv)\b)",
    P.FLAGS,
)
_NOT_ADMITTING = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:không|chưa)\s+kết nạp", P.FLAGS)


def _part_of_founded(ctx: Context) -> bool:
    """ "thành lập mới 12 tổ chức đảng, trong đó có 5 chi bộ cơ sở", "... Trong đó, có 2 tổ chức
    đảng thuộc loại hình hợp tác xã": a part of the organizations just founded, no stock."""
    head = ctx.text[ctx.sentence_start : ctx.token.start]
    nests = list(_PARTS_OPEN.finditer(head))
    before = head[: nests[-1].start()] if nests else ""
    if not before.strip(" -–(\n") and re.match(r"\W*(?:trong đó|trong số đó)\b", head, P.FLAGS):
        previous = ctx.text[max(0, ctx.sentence_start - 300) : ctx.sentence_start].rstrip()
        before = re.split(r"[.!?]\s|\n", previous.rstrip(".!?"))[-1]
    elif not nests:
        return False
    founded = list(_FOUNDED_COUNT.finditer(before))
    if not founded or re.search(r"\d|\bkết nạp\b", before[founded[-1].end() :], P.FLAGS):
        return False  # "thành lập 16 TCCSĐ và kết nạp 1.783 đảng viên, trong đó ...": not theirs
    return not (nests and F.STOCK_BEFORE.search(head, nests[-1].end()))


#: "thành lập (mới) 12 tổ chức đảng", "phát triển được 17 tổ chức đảng": organizations founded.
_FOUNDED_COUNT = re.compile(
    r"\b(?:thành lập|phát triển)(?:\s+mới)?(?:\s+được)?\s+[\d.]+\s+(?:tổ chức|tccs|chi bộ|đảng bộ|"
    r"chi,)",
    P.FLAGS,
)
#: What opens the parts of a count: "trong đó", or a list after ", gồm" or "(gồm".
_PARTS_OPEN = re.compile(P.NESTING.pattern + r"|[,(]\s*(?:bao\s+)?gồm\b", P.FLAGS)


def _organizations(noun: _Noun) -> Found | None:
    """Party organizations: counted, transferred, deploying study topics, or classified."""
    if not noun.percent and noun.verb != "found" and _part_of_founded(noun.ctx):
        return None
    if F.ORGS_ACTED_ON_BEFORE.search(noun.ctx.before_local) and not noun.percent:
        return None  # "kỷ luật 2 tổ chức đảng", "sáp nhập 5 chi bộ": no metric counts them
    if F.ORGS_OF_ORIGIN_BEFORE.search(noun.ctx.before_local):
        return None  # "công tác tại 22 chi bộ, đảng bộ": where people come from
    if noun.verb == "discipline" and not noun.percent:
        return None  # "thi hành kỷ luật bằng hình thức khiển trách với 3 tổ chức đảng": no metric
    if F.ORGS_VIOLATING_AFTER.match(noun.ctx.text, noun.end, noun.ctx.clause[1]):
        return None  # "kết luận có 1.575 tổ chức đảng và 6.695 đảng viên có vi phạm"
    if noun.verb == "found_or_rearrange" and not noun.percent:
        return None  # "thành lập, kiện toàn 12 chi bộ": founded and rearranged, one count
    if noun.verb == "transfer" and _INTO_FORM.match(noun.tail):
        return None  # "chuyển 1 đảng bộ cơ sở thành chi bộ cơ sở": a change of form, no metric
    if _RECEIVED_BEFORE.search(noun.ctx.before_local) and not noun.percent:
        return "orgs_transferred", "total", "", "orgs_transferred", ""  # "tiếp nhận 8 TCCSĐ"
    if noun.verb in _ORG_VERBS and not noun.percent:
        if noun.verb in ("found", "dissolve") and U.planned_change(noun.ctx):
            return None  # "phấn đấu thành lập mới 5 tổ chức đảng": a plan
        return _ORG_VERBS[noun.verb], "total", "", _ORG_VERBS[noun.verb], ""
    if F.ORGS_DOING_AFTER.match(noun.tail) and not noun.percent:
        return None  # "25 TCCSĐ được sắp xếp lại": an action on them, no stock
    if noun.verb == "commend" and not noun.percent:
        return "commendations", "collective", "", "commendations", ""
    if (
        F.THRESHOLD_AFTER.match(U.clause_after(noun)) or F.TARGET_MET_AFTER.match(noun.tail)
    ) and not noun.percent:
        return "units_meeting_threshold", "total", "", "units_meeting_threshold", ""
    after = _words_past_asides(noun)
    held = _HELD_CONGRESS.match(after)
    if held and held.group("verb") and _NOT_HELD_YET.search(after, 0, held.start("verb")):
        return None  # "còn 4 tổ chức cơ sở đảng chưa tổ chức đại hội": none held, no metric
    if held:
        ctx = noun.ctx
        if _CONGRESS_FORM.match(after, held.end()) and P.NESTING.search(
            ctx.text, ctx.sentence_start, ctx.token.start
        ):
            return None  # "29 TCCSĐ tổ chức đại hội đảng viên, 10 ... đại biểu": by its form
        return "orgs_held_congress", "total", "", "orgs_held_congress", ""
    if _NOT_ADMITTING.match(noun.tail):
        return None  # "3 TCCSĐ không kết nạp được đảng viên": no metric counts them
    if _ADMITTING.match(noun.tail):
        return "orgs_admitting_members", "total", "", "orgs_admitting_members", ""
    if P.DEPLOYED_STUDY_TOPICS.search(noun.tail[:60]):
        return "orgs_deploying_study_topics", "total", "", "orgs_deploying_study_topics", ""
    task = P.POLITICAL_TASK.search(noun.zone)
    if task and noun.tier:
        return noun.tiered("political_task_leadership", task.group(), "political_task_tier")
    if noun.tier:
        return noun.tiered("org_classification", noun.tier[1], "org_tier")
    status = U.evaluation_status(noun.tail)
    if status:
        return "org_evaluation", status, "", "org_evaluation", ""
    if noun.percent:
        return None
    category = P.HEAD_CATEGORIES.get(noun.name, "total")
    pattern = "org_form_count" if category != "total" else "orgs_count"
    kind = next((c for c, rx in F.ORG_TYPES if rx.match(noun.tail)), None)
    if kind and category == "total":
        category, pattern = kind, "org_type_count"
    if pattern == "orgs_count" and _ANY_PARTY_ORGS.fullmatch(noun.head_words):
        # "có 51 tổ chức đảng với 2.590 đảng viên", "sinh hoạt tại 24 tổ chức đảng trực thuộc":
        # party organizations of any level (committees above the grassroots, cells under a
        # grassroots committee), no count of the TCCSĐ
        return None
    return "party_orgs", category, "", pattern, ""


#: A founding or dissolution, then "đảng bộ" right before a count of places ("thành lập ... và
#: đảng bộ 4 xã lên phường"): the committees of that many communes.
_COMMITTEES_OF_PLACES_BEFORE = re.compile(
    # "thành lập trên cơ sở hợp nhất Đảng bộ 2 phường": the committees merged, none founded
    r"\b(?P<verb>thành lập|giải thể)\b(?:(?!\b(?:cơ sở|sáp nhập|hợp nhất|nhập)\b)(?:[^.;]|\.(?=\S)))"
    r"{0,120}?\bđảng\s+(?:bộ|ủy|uỷ)\s+(?:của\s+)?$",
    P.FLAGS,
)
#: A count of committees above the grassroots rated before, in the same sentence.
_UPPER_RATED = re.compile(r"\d\s+đảng bộ cấp trên cơ sở\b", P.FLAGS)
#: An attainment of a plan printed before, in the same clause.
_ATTAINED_BEFORE = re.compile(
    r"\bđạt\s+(?:(?:trên|hơn|gần|khoảng)\s+)?[\d.,]+\s*%\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|"
    r"nghị quyết)\b",
    P.FLAGS,
)
#: Organizations received from another superior committee: the other side of a transfer.
_RECEIVED_BEFORE = re.compile(r"\btiếp nhận\s+(?:thêm\s+)?" + F._Q + r"$", P.FLAGS)
#: "tổ chức đảng" without "cơ sở": party organizations of any level.
_ANY_PARTY_ORGS = re.compile(r"tổ chức đảng|tcđ", P.FLAGS)
#: A group of members the vocabulary does not count, printed as a label right before its count.
_EXCLUDED_LABEL = re.compile(
    r"(?:^|[,;:(]|\bvà\b)\s*(?:số\s+)?(?:(?:đảng viên|đv)\s+)?(?:được\s+|đang\s+|đi\s+)?"
    r"(?:sinh hoạt tạm thời|làm ăn xa|miễn sinh hoạt(?:\s+đảng)?(?:\s+và\s+công tác)?|"
    r"từ trần|qua đời|hưu trí|nghỉ hưu|cao tuổi|(?:lý luận chính trị\s+)?(?:cao cấp|trung cấp|sơ cấp)|"
    # "..., 55 năm tuổi Đảng có 4 đảng viên": members by their years in the party
    r"(?:huy hiệu\s+)?\d+\s+năm\s+tuổi\s+đảng(?:\s+có)?)"
    r"\s*:?\s*(?:là\s+)?" + F._Q + r"$",
    P.FLAGS,
)
_MOVED = re.compile(r"\bchuyển sinh hoạt\b", P.FLAGS)  # members moving house: no stock, no transfer


def _members(noun: _Noun) -> Found | None:
    """Party members: trained, admitted, transferred, classified or counted."""
    if noun.training_attendees and not noun.percent:
        return "training_attendees", "members", "", "training_attendees", ""
    if F.TRAINING_FOR.search(noun.ctx.before_local) or _MOVED.search(noun.ctx.before_local):
        return None  # "lớp bồi dưỡng lý luận chính trị cho 92 đảng viên dự bị": attendees, no stock
    if noun.verb == "transfer" and not noun.percent:
        return "members_transferred", "total", "", "members_transferred", ""
    if _DISCIPLINED_AFTER.match(noun.tail) and not noun.percent:
        return "members_disciplined", "total", "", "members_disciplined", ""
    if P.MEMBER_EXCLUSIONS.match(noun.tail) or U.excluded_subject(noun.ctx):
        return None
    if P.MEMBER_YEARS_AFTER.match(noun.ctx.text, noun.end, noun.ctx.clause[1]):
        return None
    if _EXCLUDED_LABEL.search(noun.ctx.before_local):
        return None  # "..., đi làm ăn xa 320 đồng chí": a group no metric counts, labelled before
    if noun.tier:
        return noun.tiered("member_classification", noun.tier[1], "member_tier")
    if not noun.percent and not_a_membership(noun):
        return None
    status = U.evaluation_status(noun.tail)
    if status:
        return "member_evaluation", status, "", "member_evaluation", ""
    if noun.percent:
        return None
    group = U.own_group(noun) or U.group_before(noun.ctx)
    if group and _cadres_counted(noun):
        return None  # "Tỷ lệ cán bộ trẻ, cán bộ nữ ... là 12 đồng chí": cadres, no members
    if group:
        return "party_members", group, "", "members_group", ""
    other = F.MEMBER_OTHER.match(U.ADMITTED_WORDS.sub("", noun.tail, count=1))
    if other and _IN_UNITS_AFTER.match(noun.ctx.text, noun.end, noun.ctx.clause[1]):
        other = None  # "333 đảng viên ở 37 chi bộ": the members of so many cells, a stock
    if other and _founding_size(noun.ctx):
        other = None  # "Cơ sở Đảng đầu tiên ... gồm 4 đảng viên là người dân tộc Nùng": all of them
    if other or noun.verb == "badge" or U.admission_part(noun.ctx):
        return None
    if _PEOPLE_LABEL_BEFORE.search(re.split(r"[,;:(]", noun.ctx.before_local)[-1]):
        return None  # "dân tộc Hoa 43 đồng chí": a group of people the vocabulary does not name
    if _TRAIT_LABEL_BEFORE.search(noun.ctx.before_local):
        return None  # "là cán bộ, công chức, viên chức có 91 đồng chí": a trait, no group of ours
    stock = re.search(r"\b(?:có|với|gồm|lên)\s+" + P.ABOUT + r"$", noun.ctx.before_local)
    if not stock and _AGAINST_TARGET_AFTER.match(noun.ctx.text, noun.end, noun.ctx.clause[1]):
        return U.admission(noun.ctx)  # "năm 2023 đạt 125 đảng viên, vượt chỉ tiêu": admissions
    return "party_members", "total", "", "members_count", ""


def _cadres_counted(noun: _Noun) -> bool:
    """Whether "đồng chí" counts cadres named before it in its clause, no members."""
    if noun.head_words.lower() not in ("đồng chí", "đ/c"):
        return False
    before = U.clause_before(noun.ctx)
    return bool(_CADRES_WORD.search(before)) and not _MEMBER_WORD.search(before)


_CADRES_WORD = re.compile(r"\bcán bộ\b", P.FLAGS)
#: Where members are, counted as units ("ở 37 chi bộ", "tại 12 tổ chức cơ sở đảng").
_IN_UNITS_AFTER = re.compile(
    r"\s*(?:ở|tại|trong)\s+" + P.ABOUT + r"[\d.]+\s+(?:chi bộ|đảng bộ|tổ chức|tccs|cơ sở đảng)",
    P.FLAGS,
)
#: A member count measured against a target right after it: only admissions have targets.
_AGAINST_TARGET_AFTER = re.compile(
    r"[^;.]{0,12}?[,(]?\s*(?:vượt|đạt(?:\s+(?:và|,)\s*vượt)?)\s+(?:(?:trên|hơn|gần|khoảng)\s+)?"
    r"(?:[\d.,]+\s*%\s*)?(?:so với\s+)?(?:chỉ tiêu|kế hoạch)\b",
    P.FLAGS,
)


#: "bình quân mỗi chi bộ có 25 đảng viên": a size per unit, no stock.
_PER_UNIT = re.compile(
    r"\b(?:bình quân|trung bình)\s+(?:mỗi|một)\s+\w+(?:\s+\w+)?\s+(?:có\s+)?" + F._Q + r"$",
    P.FLAGS,
)


_EACH_UNIT_HAS = re.compile(
    r"\bmỗi\s+(?:chi bộ|đảng bộ|tổ chức cơ sở đảng|tổ chức đảng|tccs\w*|đảng ủy|đảng uỷ)"
    r"(?:\s+[^\W\d]+){0,2}\s+(?:chỉ\s+)?có\s+"
    r"(?:(?:từ|khoảng|trên|dưới)\s+)?(?:[\d.,]+\s*(?:-|–|đến)\s*)?$",
    P.FLAGS,
)
#: "không đủ 3 đảng viên chính thức", "có từ 3 đảng viên chính thức trở lên": the least number
#: of full members a party cell needs, a rule and no stock.
_TOO_FEW_BEFORE = re.compile(r"\b(?:(?:không|chưa)(?:\s+có)?|còn thiếu|thiếu)\s+đủ\s+$", P.FLAGS)
#: "có từ 3 đảng viên chính thức trở lên", "có dưới 3 đảng viên chính thức": the floor itself.
_CHARTER_FLOOR_AFTER = re.compile(r"^\s*chính thức\s+trở lên\b", P.FLAGS)
#: Members who represent units at an event, the attendance at the end of the clause.
_REPRESENTING_AT_EVENT = re.compile(
    r"\s*,?\s*(?:là\s+)?đại diện cho\b[^;.]{0,100}?\b(?:về\s+|tới\s+|tham\s+)?dự\s+"
    r"(?:đại hội|hội nghị|lễ)\b",
    P.FLAGS,
)
#: Members who represent other members: the delegates, whose members are counted after them.
_REPRESENTING_MEMBERS = re.compile(
    r"\s*,?\s*(?:là\s+)?(?:đại diện|thay mặt)\s+cho\s+" + F._Q + r"[\d.]+\s+(?:đảng viên|đv)\b",
    P.FLAGS,
)
#: People posted somewhere, their trade between the noun and the verb ("đồng chí công an chính
#: quy được đưa về đảm nhiệm chức danh công an xã", "đồng chí cán bộ được điều động về").
_POSTED_AFTER = re.compile(
    r"^\s*(?:[^\W\d]+\s+){0,4}?(?:đã\s+)?được\s+(?:đưa|điều động|bố trí|luân chuyển|tăng cường|"
    r"cử|biệt phái)\b",
    P.FLAGS,
)
_UNDER_THE_FLOOR = re.compile(r"\bdưới\s+$", P.FLAGS)
_FULL_AFTER = re.compile(r"^\s*chính thức\b", P.FLAGS)
#: A trait printed as the label of its count ("Về cơ cấu ...: nữ có 73 đồng chí; là cán bộ, công
#: chức, viên chức có 91 đồng chí; là sỹ quan, chiến sỹ ... có 47 đồng chí").
_TRAIT_LABEL_BEFORE = re.compile(
    r"(?:^|[;:(])\s*(?:[-–+•]\s*)?là\s+[^;:()\d]{2,80}?\s+có\s+" + F._Q + r"$", P.FLAGS
)
_PEOPLE_LABEL_BEFORE = re.compile(
    r"dân tộc|tôn giáo|\bđạo\b|đoàn viên|học sinh|sinh viên|nông dân|công nhân|thanh niên", P.FLAGS
)


def not_a_membership(noun: _Noun) -> bool:
    """Members counted for something other than belonging to the party organization: what they
    did or had done to them ("150 đảng viên tham dự", "12 đồng chí được bầu", "3 đảng viên từ
    trần", "xóa tên 4 đảng viên"), a role they hold ("5 đồng chí ủy viên Ban Thường vụ"), or the
    seats of a committee ("Ban Chấp hành gồm 41 đồng chí")."""
    ctx = noun.ctx
    if F.REPRESENTED_BEFORE.search(ctx.before_local):
        return False  # "đại biểu đại diện cho 5.400 đảng viên": the membership itself
    if F.BODY_OF_MEMBERS.search(ctx.before_local):
        return False  # "đội ngũ đảng viên toàn huyện gồm 3.140 đồng chí": the members, no seats
    if F.MEMBER_ACTIVITY_AFTER.match(noun.tail) or F.MEMBERS_REMOVED_BEFORE.search(
        ctx.before_local
    ):
        return True
    if F.ACTION_ON_MEMBERS_BEFORE.search(ctx.before_local) or _PER_UNIT.search(ctx.before_local):
        return True
    if _EACH_UNIT_HAS.search(U.clause_before(ctx)):
        return True  # "mỗi chi bộ có từ 15 - 20 đảng viên": a size per unit
    if _TOO_FEW_BEFORE.search(ctx.before_local) or _CHARTER_FLOOR_AFTER.match(noun.tail):
        return True  # "giải thể do không đủ 3 đảng viên chính thức": the Charter's floor
    if _UNDER_THE_FLOOR.search(ctx.before_local) and _FULL_AFTER.match(noun.tail):
        return True  # "11 xã có dưới 3 đảng viên chính thức": under the floor
    if F.MEMBERS_DOING_AFTER.match(noun.tail) or F.MEMBERS_AT_EVENT_BEFORE.search(ctx.before_local):
        return True
    if _REPRESENTING_AT_EVENT.match(ctx.text, noun.end, ctx.clause[1]):
        return True  # "hơn 100 đảng viên, đại diện cho 24 tổ chức cơ sở đảng dự Đại hội"
    if _REPRESENTING_MEMBERS.match(ctx.text, noun.end, ctx.clause[1]):
        return True  # "154 đảng viên đại diện cho hơn 2.900 đảng viên": the delegates
    if _POSTED_AFTER.match(noun.tail):
        return True  # "2.150 đồng chí công an chính quy được đưa về đảm nhiệm": postings
    # the body named beside the number; its term in brackets or after a comma ("Ban Chấp hành
    # Đảng bộ xã khóa XII (nhiệm kỳ 2020-2025) gồm 15 đồng chí") does not end the statement
    before = _COMMITTEE_TERM.sub(" ", U.clause_before(ctx))
    segment = re.split(r"[,;:(]", before)[-1]
    # "BCH mới gồm 7 Đ/C": the abbreviation counts seats as well
    seats = noun.head_words.lower() in ("đồng chí", "đ/c")
    return seats and bool(F.COMMITTEE_BODY.search(segment))


_COMMITTEE_TERM = re.compile(
    # the term itself only: ", nhiệm kỳ 2020-2025 đã bầu ra Ban Chấp hành gồm" keeps its body
    r"\([^()]*\)|,\s*(?:nhiệm kỳ|khóa|khoá)\s+[\dIVXLC]+(?:\s*[\-–]\s*\d+)?(?=\s+(?:gồm|có|là)\b)",
    P.FLAGS,
)


def _cadres_and_staff(noun: _Noun) -> Found | None:
    """Key cadres and staff: the attendees of classes, or a bare head count of staff."""
    if F.MIXED_POPULATION.match(noun.ctx.text, noun.end):
        return None  # "1.234 cán bộ, đảng viên và nhân dân": a mixed population
    if noun.name == "key_cadres":
        if noun.training_attendees:
            return "training_attendees", "key_cadres", "", "training_attendees", ""
        return None
    if noun.training_attendees:
        note = "subject printed as cadres and members; check the category"
        return "training_attendees", "members", "", "training_attendees", note
    if noun.verb is None and not _staff_otherwise(noun):
        return "staff", "total", "", "staff_count", ""
    return None


#: What may follow a head count of staff: the end of the statement, more kinds of staff, or
#: where they work ("1.250 cán bộ, công chức, viên chức và người lao động của các đơn vị");
#: never a trait or a predicate ("120 cán bộ được quy hoạch", "56 cán bộ trẻ", "15 cán bộ nghỉ
#: hưu").
_STAFF_STOCK_TAIL = re.compile(
    r"\s*(?:[,.;:)…]|$|và\b|của\b|tại\b|trong\b|ở\b|thuộc\b|đang\s+(?:công tác|làm việc)|"
    r"làm việc|công tác|với\b|,)",
    P.FLAGS,
)
_HIRED_BEFORE = re.compile(
    r"\b(?:tuyển dụng|tuyển|tiếp nhận|bổ nhiệm|luân chuyển)\s+" + F._Q + r"$", P.FLAGS
)


def _staff_otherwise(noun: _Noun) -> bool:
    """Staff counted for a tier, an evaluation, an activity or a hiring: no head count of staff."""
    return bool(
        noun.tier
        or not _STAFF_STOCK_TAIL.match(noun.tail)
        or U.evaluation_status(noun.tail)
        or F.MEMBER_ACTIVITY_AFTER.match(noun.tail)
        or F.ACTION_ON_MEMBERS_BEFORE.search(noun.ctx.before_local)
        or _HIRED_BEFORE.search(noun.ctx.before_local)
    )


def _training(noun: _Noun) -> Found | None:
    """Classes held (with their subject) and attendances ("lượt đảng viên")."""
    text, clause_end = noun.ctx.text, noun.ctx.clause[1]
    if noun.name == "classes":
        subject = P.CLASS_SUBJECT.match(text, noun.end, clause_end)
        if subject and re.match(r"\s*(?:dự bị|mới)\b", text[subject.end() : clause_end], P.FLAGS):
            return None  # "14 lớp bồi dưỡng cho 1.332 đảng viên dự bị": new members' classes
        if subject and F.CLASS_MIXED_AUDIENCE.match(text, subject.end()):
            return None  # "3 lớp cho 240 cán bộ, đảng viên và quần chúng": a mixed audience
        if subject:
            sub = subject.group("subject").lower()
            category = "key_cadres" if "cán bộ" in sub else "members"
            return "training_classes", category, "", "training_classes", ""
        return None  # no subject of the vocabulary printed: the row could not be filed
    follow = head_noun(text, noun.end)
    if follow and F.MIXED_POPULATION.match(text, follow[1].end()):
        return None  # "11.722 lượt cán bộ, đảng viên, hội viên": not party members alone
    if follow and follow[0] in ("members", "key_cadres", "staff"):
        category = "key_cadres" if follow[0] == "key_cadres" else "members"
        return "training_attendees", category, "", "training_attendances", ""
    return None


#: "tập thể và cá nhân", "tập thể, cá nhân" with no count of its own for the individuals: one
#: count of collectives and individuals together, which neither category holds.
_AND_INDIVIDUALS = re.compile(r"\s*(?:,|và)\s*(?:các\s+)?cá nhân\b", P.FLAGS)


def _activities(noun: _Noun) -> Found | None:
    """Commendations, surveys and proposed staff cuts, named by their verb."""
    if noun.name in ("collectives", "individuals") and noun.verb == "commend":
        if noun.name == "collectives" and _AND_INDIVIDUALS.match(noun.ctx.text, noun.end):
            return None  # "Khen thưởng 41 tập thể và cá nhân": both kinds in one count
        category = "collective" if noun.name == "collectives" else "individual"
        return "commendations", category, "", "commendations", ""
    if noun.name in _SURVEYED and noun.verb == "survey":
        return _SURVEYED[noun.name], "total", "", _SURVEYED[noun.name], ""
    if noun.name == "positions" and noun.verb == "cut":
        return "staff_cuts_proposed", "total", "", "staff_cuts_proposed", ""
    changed = _COMMITTEES_OF_PLACES_BEFORE.search(U.clause_before(noun.ctx))
    if noun.name == "communes" and changed and not U.planned_change(noun.ctx):
        # "quyết định thành lập ... đảng bộ 4 xã lên phường": the committees of so many communes
        metric = "orgs_dissolved" if changed.group("verb").lower() == "giải thể" else "orgs_founded"
        return metric, "total", "", metric, ""
    if noun.name == "hamlets":
        after = noun.ctx.text[noun.end : noun.ctx.clause[1]]
        metric = next((m for m, rx in F.HAMLETS if rx.match(after)), None)
        return (metric, "total", "", metric, "") if metric else None
    return None


def _classify_headless(ctx: Context) -> Found | None:
    """Figures whose noun is printed before the number: labels and "tỷ lệ ..." shares."""
    tok, text = ctx.token, ctx.text
    after = text[tok.end : ctx.clause[1]]
    if F.OF_POPULATION.match(after):
        return None  # "đạt 2,18% so với dân số": members per population, not in the vocabulary
    if tok.unit == "count" and F.FOREIGN_NOUN_AFTER.match(after):
        return None  # "kết nạp mới 5.200 hội viên": its own noun, which no metric counts
    if tok.unit == "percent" and _MISSED.search(ctx.before_local):
        return None  # "4 đảng bộ không đạt 50% chỉ tiêu": the threshold units missed
    share = P.SHARE_BEFORE.search(ctx.before_local)
    if share and tok.unit == "count" and tok.value <= 100 and P.LABEL_END.match(after + " "):
        tok.unit = "percent"  # "tỷ lệ ... đạt 13,2": a share printed without its sign
    attained = P.ATTAINMENT_AFTER.match(after) or F.ATTAINMENT_WORDS.match(after)
    admitted = re.search(r"\bkết nạp\b", ctx.sentence, P.FLAGS)
    if attained and _ATTAINED_BEFORE.search(ctx.text, ctx.clause[0], ctx.token.start):
        return None  # "đạt 103,23% chỉ tiêu tỉnh giao và đạt 100% Nghị quyết": a second plan
    if (
        tok.unit == "percent"
        and attained
        and admitted
        and P.ATTAINMENT_BEFORE.search(ctx.before_local)
        # "thu ngân sách đạt 100% chỉ tiêu; kết nạp từ 30 - 35 đảng viên": the admissions are
        # another item of the sentence, the share another domain's plan
        and not _other_plan(ctx)
    ):
        return (
            "admission_attainment",
            "total",
            "",
            "admission_attainment",
            "",
        )  # "đạt 41,6% kế hoạch"
    developed = tok.unit == "count" and F.DEVELOP_BEFORE.search(ctx.before_local)
    if F.ADMIT_BEFORE.search(ctx.before_local) or developed:
        return U.admission(ctx)  # "kết nạp được 10.027", "phát triển được 10.027 so với ..."
    planned = F.TARGET_BEFORE.search(ctx.before_local) and U.ADMISSION_VERB.search(ctx.sentence)
    if planned and tok.unit == "count" and P.LABEL_END.match(after):
        return U.admission(ctx)  # "chỉ tiêu giao 140, Đảng bộ đã kết nạp 150 đảng viên"
    named = U.named_before(ctx)
    if named:
        return named
    tier = U.tier_before(ctx)
    if tier and F.VALUE_END.match(after + " "):
        return U.tier_of_subject(ctx, tier)
    tier = U.tier_after(ctx)
    if tier:
        return U.tier_of_subject(ctx, tier)
    label = P.LABEL_BEFORE.search(ctx.before_local)
    cued = P.LABEL_CUE.search(ctx.sentence)
    if label and cued and tok.unit == "count" and P.LABEL_END.match(after):
        category = P.LABEL_CATEGORIES[label.group("label").lower()]
        return "party_orgs", category, "", "org_label_count", ""
    bare = _BARE_FORM_LABEL.search(ctx.before_local)
    before = ctx.text[ctx.sentence_start : tok.start]
    if bare and tok.unit == "count" and F.ORG_PARTS_CUE.search(before) and P.LABEL_END.match(after):
        # "42 TCCSĐ (đảng bộ: 23, chi bộ: 19)": the forms of the TCCSĐ, labelled before
        category = "grassroots_committee" if "đảng" in bare.group(1).lower() else "grassroots_cell"
        return "party_orgs", category, "", "org_label_count", ""
    grouped = U.group_share(ctx) or U.group_count(ctx)
    if grouped:
        return grouped
    attained = P.ATTAINMENT_AFTER.match(after) or F.ATTAINMENT_WORDS.match(after)
    if tok.unit == "percent" and attained and P.ATTAINMENT_BEFORE.search(ctx.before_local):
        if _other_plan(ctx):
            return None  # "giá trị sản xuất đạt 882 tỷ đồng, đạt 98% KH": another domain's plan
        return "admission_attainment", "total", "", "admission_attainment", ""
    found = _share_named_before(ctx, share.group("phrase")) if share else None
    if tok.unit == "percent" and not found and F.SHARE_TAIL.search(ctx.before_local):
        subjects = list(F.SUBJECT_WORDS.finditer(ctx.before_local))
        if subjects:
            found = _share_named_before(ctx, ctx.before_local[subjects[-1].start() :])
    plan = F.PLAN_WORDS.search(ctx.text, ctx.clause[0] - 200, tok.start)
    done = F.ORG_DONE.search(ctx.before_local)
    if (
        tok.unit == "percent"
        and not found
        and plan
        and done
        and _UNIT_DONE.search(done.group())
        and not _other_plan(ctx)  # "Tốc độ tăng trưởng kinh tế ... đạt 17,2%": another domain
        and not _RATE_DONE.match(done.group())  # "Tỷ lệ lao động qua đào tạo đạt 70,88%": a rate
    ):
        admissions = _ADMISSION_NEAR.search(ctx.text, max(0, ctx.clause[0] - 300), tok.start)
        if admissions or not F.PLAN_WORDS.search(done.group()):  # "18/20 chỉ tiêu (đạt 90%)"
            return "admission_attainment", "total", "", "admission_attainment", ""
    return found if tok.unit == "percent" else None


def _other_plan(ctx: Context) -> bool:
    """Whether the statement before an attainment (its sentence up to the share, from the last
    semicolon) names another domain's quantity and no party word after it."""
    before = ctx.text[ctx.sentence_start : ctx.token.start].rsplit(";", 1)[-1]
    other = list(F.OTHER_PLAN_BEFORE.finditer(before))
    return bool(other) and not F.PARTY_STATEMENT.search(before, other[-1].end())


#: A rate of something named after "tỷ lệ" ("...: Tỷ lệ lao động qua đào tạo đạt 70,88%"), whose
#: capital opens the item, not a unit's name; admissions keep their attainment.
_RATE_DONE = re.compile(r"\W*t[ỷỉ] lệ\b(?![^\d]*\b(?:kết nạp|phát triển đảng))", P.FLAGS)
_MISSED = re.compile(r"\b(?:không|chưa)\s+(?:đạt|hoàn thành)\s+(?:(?:trên|từ|hơn)\s+)?$", P.FLAGS)
#: A unit named before "đạt X%" ("huyện Krông Pắc đạt 110%"): a place or party body, printed
#: with its capital; never a lower-case subject of another domain ("thu ngân sách đạt 115%").
_UNIT_DONE = re.compile(
    r"(?-i:[A-ZĐ])|\b(?:huyện|xã|phường|thị trấn|quận|thị xã|thành phố|tỉnh|đảng bộ|đảng ủy|"
    r"đảng uỷ|chi bộ|đơn vị)\b",
    P.FLAGS,
)
#: Admissions named near a share: the attainment is of an admission plan.
_ADMISSION_NEAR = re.compile(r"\bkết nạp\b|\bphát triển\s+(?:được\s+)?(?:đảng viên|đv)\b", P.FLAGS)
_BARE_FORM_LABEL = re.compile(r"(?:^|[,;:(]|\bvà\b)\s*(đảng bộ|chi bộ)\s*:?\s*$", P.FLAGS)


#: Words of a goal before an intake share, and the words after them that make it a result.
_INTAKE_GOAL = re.compile(r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|đề ra)\b", P.FLAGS)
_INTAKE_DONE = re.compile(
    r"\b(?:đã|kết quả|đến nay|hiện nay|thực hiện|đạt|hoàn thành|vượt)\b"
    r"|(?<!đến )(?<!tới )(?<!vào )\bnăm\s+\d{4}\b",
    P.FLAGS,
)
_PER_YEAR = re.compile(r"\s*/\s*năm\b", P.FLAGS)
#: "số đảng viên mới kết nạp là công chức, viên chức": who the admitted are, a group among them
#: (one the vocabulary names is classified before), not the intake as a share of the members.
_GROUP_OF_ADMITTED = re.compile(
    r"\bkết nạp(?:\s+(?:mới|được))*\s+(?:là|có|thuộc|làm)\s+(?!tỷ lệ|tỉ lệ)[^\W\d]", P.FLAGS
)


def _intake_goal(ctx: Context) -> bool:
    """ "Phấn đấu tỷ lệ kết nạp đảng viên mới hằng năm đạt 3% trở lên": the intake share set as
    a goal earlier in its sentence, with no word of a result after the goal."""
    head = F.ATTAINED_PHRASE.sub(" ", ctx.text[ctx.sentence_start : ctx.token.start])
    share = list(re.finditer(r"\bt[ỷỉ] lệ\b", head, P.FLAGS))
    head = head[: share[-1].start()] if share else head  # the words before the share's name
    goals = list(_INTAKE_GOAL.finditer(head))
    return bool(goals) and not _INTAKE_DONE.search(head, goals[-1].end())


def _share_named_before(ctx: Context, phrase: str) -> Found | None:
    """ "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 96,8%": a tier share named before it; "tỷ lệ
    kết nạp đảng viên đạt 3,2%": the intake as a share of the members."""
    if re.search(r"\bkết nạp\b", phrase, P.FLAGS) and not first_tier(phrase):
        if _GROUP_OF_ADMITTED.search(phrase):
            return None  # "số đảng viên mới kết nạp là công chức, viên chức chiếm 72,3%"
        if _intake_goal(ctx):  # "đề ra 31 chỉ tiêu, trong đó tỷ lệ kết nạp mới tối thiểu 3%/năm"
            per_year = F.EACH_YEAR.search(phrase) or _PER_YEAR.match(ctx.text, ctx.token.end)
            span = "annual_average" if F.ANNUAL_AVERAGE.search(phrase) else None
            span = span or ("each_year" if per_year else "total")
            return "admission_target", span, "", "admission_target", "intake goal"
        yearly = F.ANNUAL_AVERAGE.search(phrase) or F.EACH_YEAR.search(phrase)
        span = "annual_average" if yearly else "total"  # a result "hằng năm" is a yearly mean
        return "members_admitted", span, "", "intake_share", "intake as a share of the members"
    head = head_noun(phrase, 0)
    if head is None or head[0] not in P.SHARE_DENOMINATOR:
        return None
    tier = first_tier(phrase[head[1].end() :])
    if not tier:  # "tỷ lệ đảng viên được đánh giá, xếp loại đạt 98,5%": an evaluation status
        status = U.evaluation_status(phrase[head[1].end() :])
        metric = "org_evaluation" if head[0] == "orgs" else "member_evaluation"
        return (metric, status, "", "share_named_before", "") if status else None
    metric = "org_classification" if head[0] == "orgs" else "member_classification"
    task = P.POLITICAL_TASK.search(phrase)
    if task and head[0] == "orgs":
        metric = "political_task_leadership"
    cat, note = tier_category(tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
    words = task.group() if task and head[0] == "orgs" else tier[1]
    return metric, cat, words, "share_named_before", note
