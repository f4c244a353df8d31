"""More named rules of the curation assistant: organizations, part-year periods, targets, kinds.

Why a second table: :mod:`helpers.extract.patterns` holds the rules every number meets (masks,
nouns, tiers); this module holds the phrases that refine a figure once its noun is known (who it
is about, which part of the year, whether it is a target, an increase or a share, and the member
groups and evaluation statuses of the vocabulary). Both are plain data, so teaching the assistant a
new phrase never means reading the engine. Expressions are case-insensitive unless said otherwise.
"""

from __future__ import annotations

import re

from helpers.extract.patterns import FLAGS

_YEAR = r"(?:19[2-9]\d|20\d{2})"
_Q = r"(?:(?:gần|khoảng|trên|hơn|xấp xỉ|ít nhất|từ)\s+)?"

# --------------------------------------------------------------------------- organizations

#: The words that open an organization's name ("Đảng bộ huyện Thới Lai", "Huyện ủy Lục Ngạn").
ORG_OPENERS = re.compile(
    r"\b(?:đảng bộ|đảng ủy|đảng uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|"
    r"quận ủy|quận uỷ|thị ủy|thị uỷ|chi bộ|huyện|quận|thị xã|thành phố|thị trấn|xã|phường)"
    r"(?=\s)",
    FLAGS,
)
#: Lower-case words that may stand inside a name ("Đảng bộ huyện Cờ Đỏ", "Đảng ủy Khối các cơ
#: quan tỉnh"); a name runs over capitalized words and these, and needs one capitalized word.
ORG_INNER_WORDS = {
    "huyện", "quận", "thị", "xã", "thành", "phố", "tp", "tp.", "tỉnh", "phường", "trấn", "các",
    "cơ", "quan", "và", "doanh", "nghiệp", "khối", "công", "an", "quân", "sự", "bộ", "đội",
    "biên", "phòng", "trường", "bệnh", "viện", "dân", "chính", "đảng", "chế", "xuất", "khu",
    "thuộc",
}  # fmt: skip
#: Opening words that alone name no particular organization ("Đảng bộ tỉnh", "toàn Đảng bộ").
ORG_GENERIC_END = {"huyện", "quận", "tỉnh", "thành", "phố", "xã", "phường", "thị", "các", "và"}

# --------------------------------------------------------------------------- periods

#: "6 tháng đầu năm 2018", "9 tháng năm 2020": a flow from 1 January to the end of that month.
MONTHS_OF_YEAR = re.compile(
    r"(?P<n>\d{1,2})\s+tháng(?:\s+đầu)?\s+năm(?:\s+(?P<y>" + _YEAR + r"))?(?![\d])", FLAGS
)
#: "quý I năm 2010", "quý 1/2017", "quí I": a flow from 1 January to the end of the quarter.
QUARTER = re.compile(
    # "quý 1.2022" (a dot, as some papers print dates)
    r"\bqu[ýí]\s+(?P<q>IV|I{1,3}|[1-4])(?:(?:\s*(?:năm|[/\-])\s*|\.)(?P<y>"
    + _YEAR
    + r"))?(?![\w])",
    FLAGS,
)
#: "tính đến hết năm 2014", "đến cuối năm 2020": a stock on 31 December.
YEAR_END = re.compile(
    # "so với thời điểm cuối năm 2019 (1.501 tổ chức)": the end of a year as a point in time
    r"\b(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)|thời điểm\s+cuối)\s+năm\s+(?P<y>"
    + _YEAR
    + r")(?![\d])",
    FLAGS,
)
#: "đến hết tháng 5 năm 2020": a stock at the end of a month. Some papers print the month
#: and year with a hyphen ("đến cuối tháng 8-2019"), as they print full dates ("7-4-2015").
MONTH_END = re.compile(
    r"\b(?:tính\s+)?(?:đến|tới)\s+(?:(?:hết|cuối)\s+)?tháng\s+(?P<m>\d{1,2})"
    r"(?:\s*(?:năm|[/\-])\s*|\.)"
    r"(?P<y>" + _YEAR + r")(?![\d])",
    FLAGS,
)
#: "tính đến 31-12-2011" (no "ngày"): a stock on a date.
AS_OF_NO_DAY_WORD = re.compile(
    r"\b(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})\s*[/\-.]\s*"
    r"(?P<y>" + _YEAR + r")",
    FLAGS,
)
#: "Đến ngày 31-5", "tính đến ngày 30/6", "đến ngày 26.5" (a dot, as some papers print dates):
#: a stock on a day printed without its year (the year of the page's dateline,
#: :func:`helpers.extract.engine.extract`).
DAY_NO_YEAR = re.compile(
    r"\b(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})"
    r"(?!\s*[/\-.]\s*\d|\d)",
    FLAGS,
)
#: Period words printed without a date, kept as period_text of an undated figure.
UNDATED_PERIOD_WORDS = re.compile(
    r"\b(?:từ đầu năm(?:\s+đến nay)?|hiện có|hiện nay|hiện tại|đến nay|hằng năm|hàng năm|"
    r"trong năm|(?:\d+\s+)?năm qua|cả nhiệm kỳ|nhiệm kỳ qua|từ đầu nhiệm kỳ(?:\s+đến nay)?)\b",
    FLAGS,
)

#: "không có tổ chức cơ sở đảng nào yếu kém": zero printed in words (the value 0).
ZERO_IN_WORDS = re.compile(
    r"\bkhông có\s+(?=(?:tổ chức|tccs|đảng viên|chi bộ|đảng bộ|đv|đơn vị|cấp ủy|thôn|bản|xóm|ấp|buôn|"
    r"làng|tổ dân phố|khu phố)(?:[^.;\d]{0,40}?"
    r"\bnào\b|[^.;,\d]{0,30}?(?:yếu kém|không hoàn thành)))",
    FLAGS,
)

# --------------------------------------------------------------------------- kinds of value

#: "tăng 5 đảng viên", "giảm 47 tổ chức": a change printed right before the number.
CHANGE_BEFORE = re.compile(
    r"\b(?P<kind>tăng|giảm)(?:\s+(?:thêm|được))?\s+(?!từ\s)" + _Q + r"$", FLAGS
)  # "giảm từ 65 xuống còn 52": 65 is the level it fell from, no change
#: "giảm còn 0,41%": the level reached, not the change.
REMAINING_BEFORE = re.compile(
    r"(?:\b(?:giảm|tăng)\s+(?:còn|lên)|\bxuống(?:\s+còn)?|\blên(?:\s+thành)?)\s+" + _Q + r"$",
    FLAGS,
)
#: "bằng 59,1% so với cùng kỳ": a ratio to the previous period.
RATIO_TO_PREVIOUS_AFTER = re.compile(
    r"^\s*(?:(?:so với|với)\s+(?:cùng kỳ|năm trước|năm|nhiệm kỳ trước)"
    r"|(?:cùng kỳ|năm trước|nhiệm kỳ trước)\b)",
    FLAGS,
)  # "bằng 59,1% so với cùng kỳ", "bằng 95% cùng kỳ"
#: "lũy kế", "lượt": a count summed over years, never a stock.
CUMULATIVE = re.compile(r"\b(?:lũy kế|luỹ kế|cộng dồn)\b|^\s*lượt\b", FLAGS)

# --------------------------------------------------------------------------- shares, targets

#: ", chiếm 15,2%", "đạt 12,8%", "bằng 79,62%", ", tỷ lệ gần 53%": the share of the count before.
SHARE_AFTER_COUNT = re.compile(
    r"(?:(?:^|[,(–\-]|\s)\s*(?:chiếm|đạt|bằng|tỷ lệ|tỉ lệ|tương đương|tương ứng)"
    r"(?:\s+(?:tỷ lệ|tỉ lệ|là|đạt|với))?"
    r"|\(\s*)\s*" + _Q + r"$",
    FLAGS,
)
#: Words after "đạt X%" that make the share an attainment of a plan ("đạt 34% kế hoạch").
ATTAINMENT_WORDS = re.compile(
    r"^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu|nghị quyết|nq\b|kh\b)", FLAGS
)
#: Metrics whose "đạt X%" is the attainment of a target, not a share.
ATTAINED_METRICS = {"members_admitted"}
#: Words before an admission that make it a target ("phấn đấu kết nạp", "chỉ tiêu phát triển").
TARGET_WORDS = re.compile(
    r"\b(?:phấn đấu|mục tiêu|dự kiến|sẽ|phân bổ)\b|\b(?:chỉ tiêu|giao)\b(?![^,;]*\bđạt\b)"
    # "phải kết nạp được ít nhất 150 đảng viên": what must be done, a plan
    r"|\bphải\s+(?=(?:kết nạp|phát triển)\b)"
    r"|\bkế hoạch(?:\s+(?:trong\s+)?năm\s+\d{4})?\s+(?:là\s+)?(?:phát triển|kết nạp)\b"
    r"|\bkế hoạch\s+(?:(?:được\s+)?giao|đề ra|(?:trong\s+)?năm\s+\d{4}\s+là)\b",
    FLAGS,
)
#: Words that open a goal for the rest of their sentence, and words that end it with a result.
GOAL_WORDS = re.compile(r"\b(?:phấn đấu|mục tiêu)\b", FLAGS)
RESULT_WORDS = re.compile(r"\b(?:đã|được|đạt|kết quả|đến nay|hiện nay|thực hiện)\b", FLAGS)
#: "so với chỉ tiêu Nghị quyết", "vượt kế hoạch": a result measured against a target.
ATTAINED_PHRASE = re.compile(
    r"(?:so với|vượt|đạt[^,;()]{0,20}?|hoàn thành(?:\s+(?:và\s+)?vượt)?(?:\s+mức)?|"
    r"thực hiện(?:\s+được)?)\s+(?:chỉ tiêu|kế hoạch)[^,;()]*"
    # "Để hoàn thành mục tiêu Nghị quyết, ...": a purpose, the figure after it is a result
    r"|\b(?:để|nhằm)\s+(?:[^\W\d]+\s+){0,3}?(?:chỉ tiêu|kế hoạch|mục tiêu)[^,;()]*",
    FLAGS,
)
#: "cả nhiệm kỳ", "toàn khóa": a target for the whole term.
WHOLE_TERM = re.compile(r"\b(?:cả|toàn|trong)\s+(?:nhiệm kỳ|khóa|khoá)\b", FLAGS)
#: "bình quân hằng năm", "mỗi năm": the span of a target.
ANNUAL_AVERAGE = re.compile(r"\b(?:bình quân|trung bình)\s+(?:mỗi|hằng|hàng|một)\s+năm\b", FLAGS)
EACH_YEAR = re.compile(r"\b(?:mỗi năm|hằng năm|hàng năm)\b", FLAGS)
#: "5 đảng bộ đạt trên 50% chỉ tiêu": units meeting a threshold of their target.
THRESHOLD_AFTER = re.compile(
    r"^\W*(?!(?:\w+\W+){0,4}?(?:chưa|không)\s+(?:đạt|hoàn thành))"
    r"(?:\w+\W+){0,4}?(?:đạt|hoàn thành)\s+(?P<q>trên|từ|hơn)?\s*(?P<x>\d+(?:,\d+)?)\s*%\s*"
    r"(?:chỉ tiêu|kế hoạch|nghị quyết|so với chỉ tiêu)(?:\W+\w+){0,3}?(?P<up>\s+trở lên)?",
    FLAGS,
)

#: "15 tổ chức cơ sở đảng thực hiện vượt chỉ tiêu", "8 đảng bộ đạt và vượt chỉ tiêu kết nạp":
#: units meeting their whole target (100%), or more than it ("vượt").
TARGET_MET_AFTER = re.compile(
    r"^\W*(?!(?:\w+\W+){0,4}?(?:chưa|không)\s+(?:đạt|hoàn thành))"  # "3 đơn vị chưa hoàn thành"
    r"(?:\w+\W+){0,4}?(?:(?P<met>(?:đạt|hoàn thành)(?:\s+và\s+vượt)?)|(?:thực hiện\s+)?vượt)"
    r"\s+(?:chỉ tiêu|kế hoạch)",
    FLAGS,
)

# --------------------------------------------------------------------------- stocks named before

#: "nâng tổng số đảng viên ... lên 30.009", "số đảng viên ... là 5.183": the noun before.
NAMED_BEFORE = re.compile(
    r"(?<!trong )(?<!trong tổng )\b(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<phrase>(?:đảng viên|đv\b|tổ chức|tccs|chi bộ|đảng bộ)[^;()]*?)\s*"
    r"(?:là|lên|đạt|có|:|giảm từ|tăng từ|(?:tăng|giảm)(?:\s+thêm)?)\s*" + _Q + r"$",
    FLAGS,
)
#: "số đảng viên 2.300", "số lượng đảng viên toàn Đảng bộ là 2.300": the noun before, no link.
NAMED_BARE = re.compile(
    r"(?<!trong )(?<!trong tổng )\b(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<phrase>(?:đảng viên|đv|tổ chức|tccs|chi bộ|đảng bộ)"
    r"(?:(?!chiếm|đạt|bằng|tăng|giảm|so với)[^;(),\d]){0,50}?)\s*(?:là\s*)?" + _Q + r"$",
    FLAGS,
)
#: "lực lượng đảng viên với gần 47.000 người", "đội ngũ đảng viên toàn huyện gồm 3.140 đồng
#: chí": the body of members named before its count (not "đội ngũ cán bộ, đảng viên").
BODY_OF_MEMBERS = re.compile(
    r"\b(?:lực lượng|đội ngũ)\s+(?P<phrase>(?:đảng viên|đv\b)[^,;:()\d]{0,50}?)\s*"
    r"(?:là|có|gồm|với)\s*" + _Q + r"$",
    FLAGS,
)
#: "- Đảng viên hoàn thành xuất sắc nhiệm vụ: 1.250": a label and a colon before the number.
LABEL_COLON = re.compile(
    r"(?:^|[,;.\-–•+])\s*(?P<phrase>(?:đảng viên|đv\b|tổ chức|tccs|chi bộ|đảng bộ)[^,;:()\d]{0,60}?)"
    r"\s*:\s*" + _Q + r"$",
    FLAGS,
)
STOCK_BEFORE = re.compile(
    r"\b(?:nâng|đưa)\s+(?:tổng số|số lượng|số|quân số)\b|(?<!kết nạp )(?<!được )\btổng số\b"
    r"(?!.*\bkết nạp\b)",
    FLAGS,
)
#: "chỉ tiêu phát triển 150 đảng viên": an admission (planned or done) named "phát triển".
DEVELOP_BEFORE = re.compile(
    r"\bphát triển(?:\s+(?:đảng viên|đv)(?:\s+mới)?\s+(?:đạt|là|được))?(?:\s+(?:được|mới|thêm))*\s+"
    + _Q
    + r"$",
    FLAGS,
)  # "phát triển 150", "công tác phát triển đảng viên đạt 2.315 đồng chí"
#: "chỉ tiêu giao 850 đảng viên": a target printed on its own.
TARGET_BEFORE = re.compile(
    r"\bchỉ tiêu\b[^,;()]{0,40}$|\bkế hoạch\s+(?:(?:được\s+)?giao|đề ra|năm\s+\d{4})\s+(?:là\s+)?"
    + _Q
    + r"$",
    FLAGS,
)
#: "chỉ tiêu giao 250, kết quả thực hiện 262 đảng viên": the result of a target named before.
DONE_AGAINST_PLAN_BEFORE = re.compile(
    r"\b(?:kết quả\s+)?thực hiện(?:\s+được)?\s+(?:là\s+)?" + _Q + r"$", FLAGS
)
#: Words before a bare member count that make it a stock, not an item of an admissions list.
STOCK_WORDS = re.compile(r"\b(?:có|với|gồm|hiện|tổng số|còn|trong đó)\b", FLAGS)
#: "đạt trong sạch vững mạnh là 207", "hoàn thành tốt nhiệm vụ 46 chi bộ": a tier before.
TIER_BEFORE_END = re.compile(
    r"\s*(?:là|có|:|đạt|chiếm(?:\s+t[ỷỉ] lệ|\s+tỉ lệ)?)?\s*" + _Q + r"$", FLAGS
)
#: What may follow a figure whose noun stood before it ("là 207 bằng 79,62%").
VALUE_END = re.compile(r"^\s*(?:[;,.)…(]|và\b|bằng\b|chiếm\b|đạt\b|$)", FLAGS)
#: "kết nạp được 10.027 so với ...": an admission with no noun after the number.
ADMIT_BEFORE = re.compile(
    r"\bkết nạp(?:\s+(?:được|mới|thêm))*(?:\s+(?:đảng viên|đv)(?:\s+mới)?\s*(?:đạt|là|bằng|:))?\s*"
    + _Q
    + r"$",
    FLAGS,
)
#: "... trên tổng số đảng viên": a share of all members.
TOTAL_AFTER = re.compile(r"\b(?:trên|so với)\s+tổng số\b", FLAGS)

# --------------------------------------------------------------------------- groups, statuses

#: Member groups printed after the noun ("đảng viên nữ", "đảng viên là người dân tộc thiểu số").
MEMBER_GROUPS: list[tuple[str, re.Pattern[str]]] = [
    (
        "probationary",
        re.compile(r"^\W*(?:là\s+)?(?:(?:đảng viên|đv)\s+)?dự bị(?!\s+động viên)", FLAGS),
    ),
    ("women", re.compile(r"^\W*(?:là\s+)?(?:(?:đảng viên|đv)\s+)?(?:nữ|phụ nữ)\b", FLAGS)),
    (
        "ethnic_minority",
        re.compile(
            r"^\W*(?:là\s+)?(?:người\s+)?(?:đồng bào\s+)?(?:dtts|dân tộc(?!\s+(?:"
            # one named people ("dân tộc Hoa", "dân tộc khơme") is a part of the group, not it
            r"(?-i:[A-ZĐ])|kinh|hoa|khơ\s?-?me|khmer|chăm|tày|thái|mường|nùng|h?'?mông|dao|ê đê|"
            r"gia rai|ba na|xơ đăng|sán dìu|sán chay|cơ tu|raglai|chơ ro|xtiêng|mnông)\b))",
            FLAGS,
        ),
    ),
    (
        "religious",
        re.compile(
            # "11% đảng viên là đồng bào các tôn giáo"
            # a bare "đạo" only after "có"/"theo": "lãnh đạo", "chỉ đạo" are no religion
            r"^\W*(?:là\s+)?(?:người\s+|đồng bào\s+)?(?:(?:có|theo)\s+đạo\b|"
            r"(?:có\s+|theo\s+|trong\s+(?:các\s+)?|các\s+)?"
            r"(?:tôn giáo|"
            r"công giáo|"
            r"phật giáo|thiên chúa giáo|tin lành|cao đài|hòa hảo|hoà hảo))",
            FLAGS,
        ),
    ),
    ("youth_union", re.compile(r"^\W*(?:là\s+)?đoàn viên", FLAGS)),
    ("students", re.compile(r"^\W*(?:là\s+)?(?:học sinh|sinh viên)", FLAGS)),
    ("farmers", re.compile(r"^\W*(?:là\s+)?nông dân", FLAGS)),
    ("workers", re.compile(r"^\W*(?:là\s+)?công nhân", FLAGS)),
    (
        "young",
        re.compile(
            # "thanh niên tình nguyện", "thanh niên xung phong": a role, not an age group
            r"^\W*(?:là\s+)?(?:thanh niên(?!\s+(?:tình nguyện|xung phong|nhập ngũ|chuẩn bị nhập ngũ))|tuổi trẻ|(?:có\s+)?(?:độ\s+)?tuổi(?:\s+đời)?\s+(?:từ 18|dưới)|"
            r"(?:(?:đảng viên|đv)\s+)?trẻ\b|(?:người\s+)?dưới\s+(?:30|35)\s+tuổi|"
            # "35 đảng viên trong độ tuổi Đoàn", "... trong độ tuổi đoàn thanh niên", "trong
            # tuổi Đoàn"
            r"(?:trong\s+|ở\s+)?độ tuổi\s+(?:đoàn|thanh niên)|trong\s+tuổi\s+(?:đoàn|thanh niên))",
            FLAGS,
        ),
    ),
    ("college_or_higher", re.compile(r"^\W*(?:có\s+)?trình độ.{0,20}(?:cao đẳng|đại học)", FLAGS)),
]
#: The group printed before the number in a breakdown ("trong đó: đảng viên nữ là 359 đồng chí").
GROUP_BEFORE = re.compile(
    r"(?:^|[,;:])\s*(?P<words>[^,;:]{1,60}?)\s*(?:là|:)?\s*" + _Q + r"$", FLAGS
)
#: A sentence about admissions: its member groups are groups of the admitted.
ADMISSION_CONTEXT = re.compile(
    r"\bkết nạp\b|\b(?:đảng viên|đv) mới\b"
    # "phát triển được 67 đảng viên", "phát triển mới được 67 đảng viên"
    r"|\bphát triển(?:\s+(?:mới|được|thêm))*\s+(?:[\d.]+\s+)?(?:đảng viên|đv|đồng chí)\b"
    r"|\bphát triển đảng\b",
    FLAGS,
)
#: Villages and residential groups: without a cell, without a member, with a committee.
HAMLETS: list[tuple[str, re.Pattern[str]]] = [
    ("hamlets_without_cell", re.compile(r"^\W*(?:\w+\W+){0,3}?(?:\([^()]{0,90}\)\s*)?(?:chưa|không)\s+có\s+(?:tổ chức đảng|chi bộ)", FLAGS)),
    ("village_cells_without_local_member", re.compile(r"^\W*(?:\w+\W+){0,2}?chưa có\s+(?:đảng viên|đv)\s+(?:là người\s+)?tại chỗ", FLAGS)),
    ("places_without_member", re.compile(r"^\W*(?:\w+\W+){0,3}?(?:\([^()]{0,90}\)\s*)?(?:chưa|không)\s+có\s+(?:đảng viên|đv)\b", FLAGS)),
    ("hamlets_with_committee", re.compile(r"^\W*(?:\w+\W+){0,2}?(?:đã\s+)?có\s+(?:cấp|chi)\s+uỷ|"
                                          r"^\W*(?:\w+\W+){0,2}?(?:đã\s+)?có\s+(?:cấp|chi)\s+ủy", FLAGS)),
]  # fmt: skip
#: A goal for a tier ("phấn đấu 75% tổ chức cơ sở đảng đạt trong sạch vững mạnh"): a target.
TIER_GOAL = re.compile(r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|phải đạt)\b", FLAGS)
#: Words after a goal that report what was done: the tiers after them are results.
TIER_RESULT = re.compile(r"\b(?:đã|kết quả|đến nay|năm qua|thực hiện được|đạt được)\b", FLAGS)
#: "trong tổng số 200 đảng viên theo kế hoạch": the whole is the plan, a stated target.
PLAN_WHOLE_AFTER = re.compile(
    r"^\s*(?:đảng viên|đv|đồng chí)?(?:\s+mới)?\s*(?:theo\s+|của\s+)?(?:kế hoạch|chỉ tiêu)", FLAGS
)
#: An admission verb right before a fraction ("kết nạp được 1.350/1.200"), and plan words that
#: make the fraction's whole a target.
ADMIT_NEAR = re.compile(
    # "phát triển đảng viên mới 8.793/6.500 đảng viên": admissions over their target too
    r"(?:\bkết nạp\b|\bphát triển\s+(?:đảng viên|đv)\b)[^,;]{0,25}$",
    FLAGS,
)
PLAN_WORDS = re.compile(r"\b(?:chỉ tiêu|kế hoạch|nghị quyết)\b", FLAGS)
#: "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt tỷ lệ 95%": a share whose subject and
#: tier stand before it in the clause.
SHARE_TAIL = re.compile(
    r"(?:\b(?:đạt|chiếm|là|bằng)\s*(?:tỷ lệ|tỉ lệ)?|\b(?:tỷ lệ|tỉ lệ))\s*" + _Q + r"$", FLAGS
)
SUBJECT_WORDS = re.compile(
    r"tổ chức cơ sở đảng|tổ chức đảng|tccs\s*đ?|đảng viên|\bđv\b|chi,\s*đảng bộ", FLAGS
)
#: "huyện Krông Pắc đạt 110%" in a sentence about targets: a unit's attainment, no count printed.
ORG_DONE = re.compile(r"(?:^|[,;:]|\bvà\b)\s*[^,;:\d]{2,60}?\bđạt\s+" + _Q + r"$", FLAGS)
#: "(mỗi nơi 4 đảng viên)", "..., mỗi đảng bộ kết nạp được 4 đảng viên": the same figure for
#: each unit named before it (``verb`` when the clause prints its own verb).
EACH_BEFORE = re.compile(
    r"\bmỗi\s+(?:nơi|đơn vị|xã|huyện|đảng bộ|chi bộ|địa phương)\s+"
    r"(?P<verb>(?:đã\s+)?kết nạp(?:\s+(?:được|mới|thêm))*\s+)?" + _Q + r"$",
    FLAGS,
)
#: "trong tháng 5 năm 2018", "trong tháng 5-2018": a month.
MONTH = re.compile(
    r"\b(?:trong\s+)?tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|[/\-])\s*|\.)(?P<y>" + _YEAR + r")(?![\d])",
    FLAGS,
)
#: "bồi dưỡng ... cho 103 quần chúng": candidates trained, whatever verb stands nearer.
TRAINING_FOR = re.compile(
    # "tổ chức 378 lớp, với 35.599/35.900 đảng viên": the attendees after the comma too
    r"\b(?:lớp|bồi dưỡng)\b[^,;]*(?:,\s*)?\b(?:cho|với)\s+" + _Q + r"$",
    FLAGS,
)
#: "đảng viên nữ chiếm 42,5%", "50% là nữ": a group's share, named before or after.
GROUP_SHARE_BEFORE = re.compile(r"\b(?:chiếm|là|bằng)\s*(?:t[ỷỉ] lệ\s*)?" + _Q + r"$", FLAGS)
#: What members did or had done to them, or a role they hold, printed after the noun: no stock
#: ("150 đảng viên tham dự", "12 đồng chí được bầu", "5 đồng chí ủy viên Ban Thường vụ").
MEMBER_ACTIVITY_AFTER = re.compile(
    r"^\s*(?:đã\s+|đang\s+|sẽ\s+)?(?:tham dự|tham gia(?!\s+sinh hoạt(?!\s+(?:đầy đủ|thường xuyên|đều|đúng)))|"
    r"dự\s+(?:hội nghị|lớp|đại hội|họp|buổi)|có mặt|"
    r"học tập|quán triệt|được bầu|trúng cử|được trao|được tặng|nhận\s+huy hiệu|từ trần|"
    r"qua đời|chuyển sinh hoạt|được giới thiệu|đăng ký|ký cam kết|cam kết|là\s+đại biểu|"
    r"(?:là\s+)?(?:ủy viên|uỷ viên|cấp ủy viên|cấp uỷ viên|bí thư|phó bí thư|đại biểu))",
    FLAGS,
)
#: Something done to the members or by them, printed after the noun: "15 đồng chí được luân
#: chuyển", "1.200 đảng viên được cấp thẻ", "86 đảng viên làm kinh tế giỏi"; not the passives
#: other rules read (admitted, evaluated, classified, confirmed, exempted, attached).
MEMBERS_DOING_AFTER = re.compile(
    r"^\s*(?:đã\s+|đang\s+|sẽ\s+)?(?:(?:được|bị)\s+(?!(?:xem xét\s+|xét\s+)?(?:kết nạp|đánh giá|"
    r"xếp loại|phân loại|kiểm điểm|công nhận|chuyển|tổ chức sinh hoạt|biên chế|sinh hoạt|miễn|"
    r"khen|tặng|trao|kiểm tra|giám sát|k[ỷỉ] luật|thi hành k[ỷỉ] luật|xử lý)\b)"
    r"|làm\s+(?!việc\b)|xin\s+|kê khai|nêu gương|gương mẫu|viết\s+|nộp\s+|ủng hộ|đóng góp)",
    FLAGS,
)
#: Words before the count that make the members the object or audience of an event: "gặp mặt
#: 250 đảng viên", "lấy phiếu tín nhiệm đối với 45 đồng chí", "Tham dự lễ có 120 đảng viên".
MEMBERS_AT_EVENT_BEFORE = re.compile(
    r"\b(?:đối với|gặp mặt|tham dự|tới dự|về dự|dự lễ|dự hội nghị)\b[^,;.()\d]{0,40}$"
    # "toàn thể đảng viên tham dự (09/09 đảng viên, 100%)": the attendance in brackets
    r"|\b(?:tham dự|dự họp|có mặt)\s*\(\s*$",
    FLAGS,
)
#: Verbs that take members off the roll ("xóa tên", "cho ra khỏi Đảng", "từ trần").
REMOVAL_VERBS = r"(?:xóa tên|xoá tên|ra khỏi đảng|miễn sinh hoạt(?:\s+đảng)?|từ trần)"
#: "xóa tên 4 đảng viên", "cho ra khỏi Đảng 2 đảng viên": members removed, no stock.
MEMBERS_REMOVED_BEFORE = re.compile(
    r"\b" + REMOVAL_VERBS + r"\s*(?:cho\s+|đối với\s+)?" + _Q + r"$", FLAGS
)
#: Another domain's quantity named before "đạt 98% KH" in the same statement ("Tổng giá trị sản
#: xuất đạt 882 tỷ đồng, đạt 98% KH", "thu ngân sách ... đạt 105% kế hoạch"): the attainment of
#: that plan, not of an admission plan.
OTHER_PLAN_BEFORE = re.compile(
    r"\d\s*(?:tỷ|tỉ|triệu|nghìn\s+đồng|ngàn\s+đồng|đồng\b(?!\s+chí)|usd\b|ha\b|tấn\b)|"
    r"giá trị sản xuất|ngân sách|thu nhập|doanh thu|sản lượng|\bgrdp\b|tổng sản phẩm|"
    r"\bvốn\b|lương thực|giải ngân|đầu tư|tăng trưởng|kinh tế|nông thôn mới|hộ nghèo|"
    # other plans of a district's year: crops, forests, recruits, insurance, schools, jobs
    r"gieo (?:trồng|cấy|sạ)|diện tích|trồng rừng|trồng mới|thu hoạch|chăn nuôi|"
    r"tuyển quân|giao quân|nghĩa vụ quân sự|dân quân|bảo hiểm|\bthuế\b|việc làm|"
    # "gọi công dân nhập ngũ ... đạt 100% chỉ tiêu", "sắp xếp quân nhân dự bị ... đạt 99,8%"
    r"nhập ngũ|quân nhân dự bị|dự bị động viên|tuyển sinh quân sự|"
    r"phổ cập|tiêm chủng|xuất khẩu|hội viên",
    FLAGS,
)
#: Party words that bring a statement back to the party after another domain's quantity.
PARTY_STATEMENT = re.compile(
    r"\bkết nạp\b|\bđảng viên\b|\bđv\b|phát triển đảng|\btổ chức (?:cơ sở )?đảng\b|\bchi bộ\b",
    FLAGS,
)
#: A noun right after a number that counts something no party metric counts: members of mass
#: organizations, households, voters, money, land, goods ("kết nạp 5.200 hội viên", "hỗ trợ 300
#: hộ", "đạt 12.500 tỷ đồng"); a number followed by one is never a figure whose noun stands before.
FOREIGN_NOUN_AFTER = re.compile(
    r"^\s*(?:mới\s+)?(?:hội viên|thành viên|học viên|xã viên|hộ\b|hộ gia đình|nhân khẩu|cử tri|"
    r"đại biểu|lao động|việc làm|phiếu|điểm\b|bài\b|tác phẩm|dự án|công trình|sản phẩm|"
    r"tỷ\b|tỉ\b|triệu\b|nghìn\s+đồng|ngàn\s+đồng|đồng\b(?!\s+chí)|usd\b|ha\b|héc|km\b|m2\b|tấn\b|tạ\b|"
    r"con\b|cây\b|chiếc\b|căn\b|ngôi\b|vụ\b|bệnh nhân|"
    r"đối tượng(?!\s+(?:kết nạp|phát triển|đảng|cảm tình)))",
    FLAGS,
)
#: Party words: a sentence without any is about no party organization ("Huyện đoàn kết nạp
#: 1.200 đoàn viên mới": the youth union admitting its own members).
PARTY_WORDS = re.compile(
    r"đảng|\bđv\b|\bđ/c\b|\bđồng chí\b|quần chúng ưu tú|\bcấp ủy|\bcấp uỷ", FLAGS
)
#: A population that goes on beyond the party ("cán bộ, đảng viên, hội viên và nhân dân").
MIXED_POPULATION = re.compile(
    r"\s*(?:,|và|cùng)\s*(?:[^\W\d]+\s*,\s*){0,3}(?:hội viên|đoàn viên|nhân dân|người dân|"
    r"quần chúng(?!\s+ưu tú)|học sinh|công nhân|người lao động)",
    FLAGS,
)
#: The audience of classes that mixes members with others ("3 lớp cho 240 cán bộ, đảng viên và
#: quần chúng"): no category of the vocabulary holds it.
CLASS_MIXED_AUDIENCE = re.compile(
    r"\s*(?:,|và)\s*(?:[^\W\d]+(?:\s+[^\W\d]+)?\s*(?:,|và)\s*){0,3}"
    r"(?:quần chúng(?!\s+ưu tú)|nhân dân|người dân|hội viên|đoàn viên|học sinh|sinh viên)",
    FLAGS,
)
#: An action done to members, right before their count: no stock ("phân công 150 đảng viên
#: phụ trách hộ", "tặng quà cho 20 đảng viên", "cử 12 đảng viên đi học").
ACTION_ON_MEMBERS_BEFORE = re.compile(
    r"\b(?:cử|phân công|thăm(?:\s+hỏi)?|tặng(?:\s+quà)?|trao(?:\s+tặng)?|hỗ trợ|giúp đỡ|"
    r"giới thiệu|bồi dưỡng|tập huấn|đào tạo|động viên|nhắc nhở|phê bình|xử lý|vận động|"
    r"huy động|điều động|luân chuyển|bố trí|gặp mặt|mời|triệu tập|khám(?:\s+bệnh)?|cấp|phát|"
    r"quán triệt|tuyên truyền|chúc mừng|cho ra(?:\s+khỏi\s+đảng)?|xóa tên|xoá tên|cho|"
    # an election or appointment counts seats, not members: "bầu 45 đồng chí vào Ban Chấp hành"
    r"bầu(?:\s+(?:ra|bổ sung|mới))?|chỉ định(?:\s+bổ sung)?|bổ nhiệm|đề cử|tái cử|giới thiệu ứng cử)"
    r"(?:\s+(?:cho|tới|đến|với))?\s+(?:(?:các|những)\s+)?" + _Q + r"$",
    FLAGS,
)
#: "đại biểu đại diện cho 5.400 đảng viên", "thay mặt cho 376 đảng viên": the members a congress
#: represents, a stock.
REPRESENTED_BEFORE = re.compile(
    r"\b(?:đại diện|thay mặt)(?:\s+cho)?\s+(?:(?:toàn thể|tổng số)\s+)?" + _Q + r"$", FLAGS
)
#: The seats of a committee, counted in "đồng chí" ("Ban Chấp hành gồm 41 đồng chí").
COMMITTEE_BODY = re.compile(
    r"\b(?:ban chấp hành|ban thường vụ|ủy ban kiểm tra|uỷ ban kiểm tra|bch|btv|cấp ủy viên|"
    r"ủy viên|uỷ viên|đại biểu|đoàn chủ tịch|thường trực|đoàn công tác|đoàn kiểm tra|"
    # the boards a congress elects to run itself: "Đoàn Thư ký gồm 3 đồng chí"
    r"đoàn thư ký|tổ thư ký|ban thẩm tra tư cách(?:\s+đại biểu)?|ban kiểm phiếu|"
    r"đoàn giám sát|tổ công tác|tổ giúp việc|ban chỉ đạo|hội đồng|tiểu ban|đội ngũ|bí thư|"
    r"trưởng thôn|cán bộ chủ chốt|chi ủy|chi uỷ|(?:huyện|tỉnh|thành|thị|quận)\s+(?:ủy|uỷ)|"
    r"kho[áa]\s+[IVXLC\d]+)\b",
    FLAGS,
)
#: A role or trait the vocabulary has no group for ("đồng chí là trưởng thôn").
MEMBER_OTHER = re.compile(r"^\W*(?:là|ở)\b", FLAGS)
#: Members sent to a class ("cử 4 đảng viên học lớp đảng viên mới", "12 đảng viên dự lớp bồi
#: dưỡng"): the attendees of a class named after them, neither admitted nor a stock.
CLASS_ATTENDED_AFTER = re.compile(
    r"^\s*(?:mới\s+)?(?:đã\s+|đang\s+)?(?:đi\s+)?(?:học|dự|tham gia|tham dự|theo học)\s+"
    r"(?:các\s+|một\s+|\d+\s+)?(?:lớp|khóa|khoá)\b",
    FLAGS,
)
EVALUATION: list[tuple[str, re.Pattern[str]]] = [
    (
        "not_evaluated",
        re.compile(
            # "14 tổ chức mới thành lập chưa đủ thời gian đánh giá, phân loại"
            r"^\W*(?:(?:do\s+)?mới\s+(?:được\s+)?(?:thành lập|chia tách|sáp nhập|hợp nhất)\W+)?"
            r"(?:\w+\W+){0,2}?(?:chưa|không)\s+(?:đủ\s+(?:thời gian|điều kiện)\s+(?:để\s+)?)?"
            # "số đảng viên chưa được kiểm điểm là 19 đồng chí": the review not done either
            r"(?:được\s+)?(?:đánh giá|xếp loại|phân loại|kiểm điểm)",
            FLAGS,
        ),
    ),
    ("exempt", re.compile(r"^\W*(?:\w+\W+){0,2}?(?:được\s+)?miễn\s+(?:đánh giá|kiểm điểm)", FLAGS)),
    ("to_evaluate", re.compile(r"^\W*(?:\w+\W+){0,2}?thuộc diện\s+(?:đánh giá|kiểm điểm)", FLAGS)),
    (
        "evaluated",
        re.compile(
            # "được kiểm điểm, đánh giá", "được kiểm điểm", "được đánh giá, xếp loại"
            # "4.336/4.371 đảng viên [tỷ lệ 99,2%] đã thực hiện hoàn thành kiểm điểm, đánh giá"
            # "10/10 đồng chí đảng viên chính thức được đánh giá": the noun doubled, its kind
            r"^\W*(?:[\[(][^\])]{0,30}[\])]\s*)?(?:(?:đảng viên|đv)\s+(?=chính thức|dự bị))?"
            r"(?:\w+\W+){0,2}?(?:đã\s+)?(?:được\s+)?"
            r"(?:(?:thực hiện|tiến hành|tổ chức)\s+)?(?:hoàn thành\s+)?(?:việc\s+)?"
            r"(?:kiểm điểm(?:,?\s*(?:và\s+)?đánh giá)?|đánh giá|xếp loại)"
            r"(?!.{0,40}(?:hoàn thành|trong sạch|yếu kém|xuất sắc|\bht\w*nv\b|\btsvm\b|\bhtxs|\bhtt\b))",
            FLAGS,
        ),
    ),
]
#: "thuộc diện đánh giá là 412": an evaluation status printed before the number.
EVALUATION_BEFORE = re.compile(
    r"(?P<what>được\s+(?:kiểm điểm,?\s*)?đánh giá(?:,?\s*xếp loại)?|thuộc diện đánh giá|"
    r"miễn đánh giá|(?:chưa|không)\s+(?:được\s+)?(?:đánh giá(?:,?\s*xếp loại)?|kiểm điểm))"
    r"\s*(?:là|:)?\s*$",
    FLAGS,
)
EVALUATION_WORDS = {
    "được": "evaluated", "thuộc": "to_evaluate", "miễn": "exempt", "chưa": "not_evaluated",
    "không": "not_evaluated",
}  # fmt: skip
#: "đã đánh giá 398 tổ chức": evaluated, the verb right before the number.
EVALUATED_BEFORE = re.compile(
    r"\b(?:kiểm điểm,?\s*)?đánh giá(?:,?\s*xếp loại)?(?:\s+(?:được|cho))?\s+" + _Q + r"$", FLAGS
)
#: Sub-units that are not TCCSĐ, and where a bare "chi bộ" list says so.
UNDER_GRASSROOTS = re.compile(
    r"^\s*(?:và\s+[\d.]+\s+đảng bộ bộ phận\s+)?trực thuộc\s+(?:các\s+)?đảng\s+(?:ủy|uỷ|bộ)\s+"
    r"cơ sở",
    FLAGS,
)
#: "3.076 chi bộ trực thuộc các Đảng bộ huyện": grassroots cells (TCCSĐ) under a district.
CELLS_UNDER_UPPER = re.compile(
    r"^\s*trực thuộc\s+(?:các\s+)?(?:(?:đảng bộ|đảng ủy|đảng uỷ)\s+(?:huyện|tỉnh|thành|quận|thị|"
    r"khối)|huyện ủy|huyện uỷ|thành ủy|thành uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|tỉnh ủy|tỉnh uỷ)",
    FLAGS,
)
#: "156 tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước": organizations of one type.
ORG_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("enterprise", re.compile(r"^\s*(?:trong|ở|tại|thuộc)\s+(?:các\s+)?doanh nghiệp", FLAGS)),
    (
        "public_service",
        re.compile(r"^\s*(?:trong|ở|tại|thuộc)\s+(?:các\s+)?đơn vị sự nghiệp", FLAGS),
    ),
    (
        "administrative",
        re.compile(r"^\s*(?:trong|ở|tại|thuộc)\s+(?:các\s+)?cơ quan hành chính", FLAGS),
    ),
]
#: A kind of village or residential group whose party cell is counted ("thôn", "tổ dân phố").
HAMLET_KIND = r"(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư)"
#: "thôn, làng, tổ dân phố": one or more such kinds, listed.
HAMLET_KINDS = HAMLET_KIND + r"(?:\s*(?:,|và)\s*" + HAMLET_KIND + r")*"
#: "123/128 chi bộ thôn, làng, tổ dân phố có cấp ủy": villages whose cell has a committee.
HAMLET_CELLS_WITH_COMMITTEE = re.compile(
    r"^\s*" + HAMLET_KINDS + r"\s+(?:đã\s+)?có\s+(?:cấp|chi)\s+(?:ủy|uỷ)",
    FLAGS,
)
#: "242 chi bộ thôn, tổ dân phố trực thuộc": cells of villages and residential groups, which are
#: always under a commune or ward committee, counted as sub-units.
HAMLET_CELLS_UNDER = re.compile(
    r"^\s*"
    + HAMLET_KINDS
    + r"\s+trực thuộc\b(?=\s*(?:[,;.]|$|với\b|(?:các\s+)?đảng (?:bộ|ủy|uỷ) (?:xã|phường|thị trấn)))",
    FLAGS,
)
#: "trong đó có 204 chi bộ có chi ủy": the cells with a committee of their own, after the
#: hamlets' cells they are a part of.
CELLS_WITH_COMMITTEE = re.compile(r"^\s+(?:đã\s+)?có\s+(?:cấp|chi)\s+(?:ủy|uỷ)\b", FLAGS)
HAMLET_CELLS_NAMED = re.compile(r"\d\s+chi bộ\s+" + HAMLET_KIND + r"\b", FLAGS)
#: "vượt 7 đảng viên so với chỉ tiêu": an absolute excess with the plan named after the number.
EXCESS_BEFORE = re.compile(r"\bvượt\s+(?:(?P<q>trên|hơn|gần|khoảng)\s+)?$", FLAGS)
PLAN_AFTER_EXCESS = re.compile(
    r"^\s*(?:đảng viên|đv|đồng chí)?\s*(?:so với\s+)(?:chỉ tiêu|kế hoạch|nghị quyết)", FLAGS
)
#: "tỷ lệ đạt 2,18% so với dân số": a share of the population (no metric, no target).
OF_POPULATION = re.compile(r"^\s*(?:(?:so với|trên)\s+)?(?:tổng\s+)?dân số", FLAGS)
#: "132 chi bộ loại hình cơ quan": a type printed as "loại hình".
TYPE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("enterprise", re.compile(r"^\s*loại hình\s+doanh nghiệp", FLAGS)),
    ("public_service", re.compile(r"^\s*loại hình\s+(?:đơn vị\s+)?sự nghiệp", FLAGS)),
    ("administrative", re.compile(r"^\s*loại hình\s+(?:cơ quan|hành chính)", FLAGS)),
]
#: Sub-units named earlier in the sentence: typed "chi bộ" after them are sub-units too.
SUBUNITS_NAMED = re.compile(r"trực thuộc\s+(?:các\s+)?đảng\s+(?:ủy|uỷ|bộ)\s+cơ sở", FLAGS)
#: "gồm", "với", "trong đó": a list of the parts of the TCCSĐ counted before.
#: "19 đảng bộ trực thuộc": committees directly under the reporting one (not TCCSĐ parts).
#: A bare "đảng bộ" count paired with a count of grassroots cells ("09 Đảng bộ và 43 Chi bộ cơ
#: sở", "19 chi bộ cơ sở và 10 Đảng bộ trực thuộc huyện"): the two forms of the TCCSĐ.
BESIDE_GRASSROOTS_CELLS_AFTER = re.compile(r"^\s*(?:và|,)\s*$", FLAGS)
GRASSROOTS_CELLS_NEXT = re.compile(r"[\d.]+\s+chi bộ cơ sở\b", FLAGS)
BESIDE_GRASSROOTS_CELLS_BEFORE = re.compile(r"\d\s+chi bộ cơ sở\s*(?:và|,)\s*" + _Q + r"$", FLAGS)
SUBORDINATE_AFTER = re.compile(
    r"^\s*(?:trực thuộc|cấp trên cơ sở)\b(?!\s+(?:đảng|các đảng))"
    # "79 Đảng bộ trực thuộc Đảng bộ tỉnh Sơn La": under the province's committee, as "Tỉnh ủy"
    r"|^\s*trực thuộc\s+đảng bộ tỉnh\b",
    FLAGS,
)
ORG_PARTS_BLOCK = re.compile(r"\bđảng viên\b|\bsinh hoạt\b|\bđv\b", FLAGS)
ORG_PARTS_CUE = re.compile(
    r"(?:tổ chức cơ sở đảng|tccs|chi,\s*đảng bộ|chi\s*-\s*đảng bộ|cơ sở đảng)[^.;]*?"
    r"(?:\b(?:gồm|với|trong đó|bao gồm|có)\b|\([^()]*$)",
    FLAGS,
)

#: "bằng 3,5% tổng số đảng viên": a share of all the members (an intake rate after admissions).
OF_ALL_MEMBERS_AFTER = re.compile(
    r"^\s*(?:(?:so với|trên)\s+)?(?:(?:tổng\s+)?số\s+)?(?:đảng viên|đv)\b(?!\s+mới)", FLAGS
)

#: "sáp nhập 5 chi bộ", "thi hành kỷ luật 2 tổ chức đảng": an action on organizations right before
#: their count that no metric of the vocabulary counts.
#: Something done to organizations or by them, printed after the noun ("25 TCCSĐ được sắp xếp
#: lại", "120 tổ chức đảng ký kết chương trình phối hợp"); not the verbs other rules read.
ORGS_DOING_AFTER = re.compile(
    r"^\s*(?:đã\s+|đang\s+|sẽ\s+)?(?:(?:được|bị)\s+(?:[^\W\d]+\s+){0,3}?(?:sắp xếp|sáp nhập|"
    r"hợp nhất|kiện toàn|củng cố|chỉ đạo|giao|phân công|hỗ trợ)\b"
    r"|ký kết|làm điểm|duy trì)",
    FLAGS,
)
#: Places or other populations printed right after a share ("đạt 100% thôn, khu phố có chi bộ",
#: "95% hộ gia đình"): the share counts them, not the count printed before it.
PLACES_AFTER_SHARE = re.compile(
    r"\s*(?:số\s+)?(?:thôn|xóm|bản|làng|ấp|buôn|khu phố|tổ dân phố|khối phố|tổ dân cư|xã|phường|"
    r"thị trấn|đơn vị hành chính|hộ|người dân|dân cư|khu dân cư|cơ quan|trường học|doanh nghiệp)\b",
    FLAGS,
)
#: Members who meet in so many cells ("435 đảng viên sinh hoạt ở 15 chi bộ"): the cells of a
#: grassroots committee, unless a district or province is the subject (UPPER_LEVEL_BODY).
MEMBERS_MEET_IN_BEFORE = re.compile(
    r"(?:\b(?:đảng viên|đv|đồng chí)|đ/c),?\s+(?:đang\s+)?sinh hoạt\s+(?:ở|tại|trong)\s+"
    + _Q
    + r"$",
    FLAGS,
)
UPPER_LEVEL_BODY = re.compile(
    r"\b(?:huyện|tỉnh|thành phố|thị xã|quận|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|"
    r"toàn tỉnh|toàn huyện)\b",
    FLAGS,
)
#: People described by a past violation ("8 quần chúng trước đây vi phạm chính sách dân số", "5
#: trường hợp từng vi phạm"): admitted under a special rule, a part no category of the
#: vocabulary holds.
FORMER_VIOLATORS_AFTER = re.compile(
    r"\W*(?:[^\W\d]+\W+){0,3}?(?:trước đây|từng|đã từng)\s+(?:bị\s+)?(?:vi phạm|xử lý|k[ỷỉ] luật)",
    FLAGS,
)
#: Committee members, delegates or cadres named as the subject of a group share ("cấp ủy viên là
#: nữ đạt trên 22%"): the seats of a committee, not the members of the party.
COMMITTEE_MEMBERS = re.compile(
    r"\b(?:cấp ủy viên|cấp uỷ viên|ủy viên|uỷ viên|đại biểu|cán bộ chủ chốt|bí thư)\b", FLAGS
)
#: A congress held, printed after the noun of the units that held it ("62/64 chi bộ trực thuộc
#: các đảng bộ cơ sở tiến hành đại hội"): for sub-units, which no metric counts that way.
HELD_CONGRESS_AFTER = re.compile(
    r"^\W*(?:\w+[^\w,;.]+){0,14}?(?:(?:đã\s+)?(?:tiến hành|tổ chức|hoàn thành)(?:\s+(?:xong|hoàn thành|"
    r"thành công))?)\s+(?:xong\s+)?đại hội",
    FLAGS,
)
#: Organizations that say where people come from or work ("70 quần chúng đang công tác tại 22
#: chi bộ", "học viên đến từ 15 đảng bộ"): the origin of a group, no stock of organizations.
ORGS_OF_ORIGIN_BEFORE = re.compile(
    r"\b(?:(?:đang\s+)?(?:công tác|làm việc)\s+(?:tại|ở)|đến từ)\s+(?:(?:các|trên|hơn|gần)\s+)?"
    + _Q
    + r"$",
    FLAGS,
)
#: Organizations found in violation ("kết luận có 12 tổ chức đảng vi phạm", "1.575 tổ chức đảng và
#: 6.695 đảng viên có vi phạm"): no metric counts them, and they are no stock.
ORGS_VIOLATING_AFTER = re.compile(
    r"\s*(?:và\s+[\d.,]+\s+(?:đảng viên|đv|cá nhân|cán bộ)\s+)?(?:đã\s+)?(?:có\s+|bị\s+)?"
    r"(?:dấu hiệu\s+)?vi phạm\b",
    FLAGS,
)
ORGS_ACTED_ON_BEFORE = re.compile(
    # "nâng cấp 3 chi bộ cơ sở thành đảng bộ cơ sở": organizations changed in form, no stock
    r"\b(?:sáp nhập|hợp nhất|kiện toàn|củng cố|k[ỷỉ] luật|khai trừ|sắp xếp(?:\s+lại)?|nâng cấp|"
    r"chuyển đổi|"
    r"chỉ đạo điểm(?:\s+(?:tại|ở))?|làm điểm(?:\s+(?:tại|ở))?|phân công|phụ trách)\s+(?:(?:các|cho)\s+)?"
    + _Q
    + r"$",
    FLAGS,
)
