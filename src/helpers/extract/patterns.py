"""The named rules of the curation assistant (``helpers.extract``), kept apart from its engine.

Every candidate figure the extractor proposes, and every number it declines, is explained by one
rule named here: a curator who disagrees can find the rule by its name and read its regular
expression. The rules are plain data (names, regular expressions and vocabulary maps) so that
changing what the assistant recognizes never means reading the control flow of the engine.

All expressions are compiled case-insensitive and run on NFC text with ordinary spaces.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE | re.UNICODE
#: An approximate word that may stand before a number ("gần 100", "trên 90%"): optional.
ABOUT = r"(?:(?:gần|khoảng|trên|hơn)\s+)?"

# --------------------------------------------------------------------------- numbers

#: A number as Vietnamese prose prints it: "3.600", "1.395", "97,5", "05", with an optional "%"
#: (a share may also print its decimal with a point, "97.5%").
#: Neighbours that make it part of something else (a code, a date, a range) are excluded here and
#: named by the mask rules below.
NUMBER = re.compile(
    r"(?<![\w.,/:\-–])"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}\.\d{1,2}(?=\s?%)|\d+(?:,\d+)?)"
    r"(?:(?P<pct>\s?%)|(?![\w/:\-–%]|[.,]\d))",
    FLAGS,
)

#: "05/85": a part of a whole written with a slash (never a date: see the mask rules); a part or
#: a whole of four or five digits may be printed without its group mark ("159/1447").
FRACTION = re.compile(
    r"(?<![\w.,/:\-])(?P<num>\d{1,3}(?:\.\d{3})*|\d{4,5})/(?P<den>\d{1,3}(?:\.\d{3})*|\d{4,5})"
    r"(?![\w/:\-]|[.,]\d)"
)
#: "121 đảng viên người dân tộc thiểu số/147 đảng viên kết nạp mới", "46 đảng viên nữ/139 đảng
#: viên": the whole printed after a slash that follows the part with its noun and words; the
#: whole is read as a number of its own when the party's noun (or the staff's) follows it.
WHOLE_AFTER_PART = re.compile(
    r"(?<![\w.,/:\-])\d[\d.,]*\s+(?:[^\W\d]+\s+){0,9}[^\W\d]+\s*/\s*"
    r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?![\w/:\-%]|[.,]\d)"
    r"(?=\s+(?:đảng viên|đv|tổ chức cơ sở đảng|tổ chức đảng|tccsđ|tccs|chi bộ|đảng bộ|đảng ủy|"
    r"đảng uỷ|chỉ tiêu|kế hoạch"
    # "87 đảng viên/198 CBCNV": the members over the staff, read as a head count of the staff
    r"|cán bộ|công chức|viên chức|cbcnvc|cbcnv|cbccvc|cbcc|người lao động|công nhân)\b)",
    FLAGS,
)
#: "2019/2020", "15/2021": a whole printed as a year, without group marks, is no whole.
YEAR_WHOLE = re.compile(r"(?:19[2-9]\d|20\d{2})")

# --------------------------------------------------------------------------- page debris

#: Lines that open the page furniture after the article (links, comments, counters, tags).
FOOTER_MARKERS = re.compile(
    r"^\s*(?:\w{1,4}\(\d+\)\s*)?"  # "HD(0) Bình luận": a counter glued to the marker
    r"(?:các tin khác|tin khác|tin liên quan|tin cùng chuyên mục|bài viết liên quan|"
    r"bình luận(?: của bạn| bạn đọc.*)?|trực tuyến|liên kết website|phản hồi|tags?|"
    r"xem nhiều nhất|mới nhất|thông tin người gửi phản hồi|liên hệ\s*-\s*góp ý.*|"
    r"tin bài liên quan|bài liên quan|tin tức liên quan|có thể bạn quan tâm|tin nổi bật|"
    r"tin mới(?: nhất)?|(?:tin )?đọc nhiều(?: nhất)?|cùng chuyên mục|(?:các )?bài viết khác|"
    r"viết bình luận(?: mới)?|gửi bình luận|ý kiến bạn đọc|thông tin bạn đọc)\s*:?\s*$",
    FLAGS,
)
#: Lines of the site's masthead at the foot of a page ("Cơ quan chủ quản: ...", "Tổng biên tập:
#: ...", "Giấy phép số ..."): the page furniture has begun.
MASTHEAD_LINE = re.compile(
    r"^\s*(?:cơ quan chủ quản|(?:phó\s+)?tổng biên tập|tòa soạn|toà soạn|giấy phép(?:\s+số|\s+xuất bản|"
    r"\s+hoạt động)|bản quyền thuộc|©|chịu trách nhiệm (?:nội dung|xuất bản)|ghi rõ nguồn)\b",
    FLAGS,
)
#: A line that points to another article ("Bài tiếp theo...", "Xem thêm: ..."): dropped alone.
RELATED_LINE = re.compile(
    r"^\s*(?:bài trước|bài tiếp theo|bài tiếp|tin trước|tin tiếp theo|tin sau|xem thêm|"
    r"đọc thêm|>>)",
    FLAGS,
)
#: A line that is only a number (a visitor counter such as "97993158").
COUNTER_LINE = re.compile(r"^\s*[\d.,\s]+\s*$")
#: A line of a link list: a headline ending with its date in brackets, "... (24/10/2020)".
LINK_LINE = re.compile(r"\(\s*\d{1,2}/\d{1,2}/\d{4}\s*\)\s*$")
#: Invisible characters that page copies carry.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# --------------------------------------------------------------------------- masks

_DOC_WORDS = (
    r"nghị quyết|chỉ thị|kết luận|hướng dẫn|quyết định|quy định|thông tri|"
    r"chương trình hành động|chương trình|công văn|thông báo|đề án|báo cáo|nghị định|thông tư|"
    r"luật|tờ trình|điều lệ|điều|khoản|mục|văn bản"
)
_YEAR = r"(?:19[2-9]\d|20\d{2})"
#: Nouns after a number that make it a count even when it looks like a year or a long number.
_COUNTED = r"(?:đảng viên|đv\b|đồng chí|quần chúng|tổ chức|tccs|chi bộ|đảng bộ|cán bộ)"
#: A count as printed in a range ("180", "1.150"): digits with their group marks.
_COUNT = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\d.]*\d)"

#: Numbers that are not figures, in the order they are tried; the first rule that covers a number
#: names why it was declined.
MASKS: list[tuple[str, re.Pattern[str]]] = [
    ("url", re.compile(r"(?:https?://|www\.)\S+", FLAGS)),
    (
        "counter",
        re.compile(
            r"\b(?:lượt xem|lượt truy cập|lượt đọc|lượt thích|lượt chia sẻ|bình luận|chia sẻ|"
            r"đang truy cập|đang online|tổng truy cập|truy cập)\s*[:(]?\s*\d[\d.,]*",
            FLAGS,
        ),
    ),
    ("time", re.compile(r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?![\d])", FLAGS)),
    (
        "date",
        re.compile(
            # "đợt 3-2. 66,7% số ...": a dot a space or a line follows ends a sentence, it
            # separates no year
            r"(?<![\d.,])\d{1,2}[ \t]*(?:[/\-][ \t]*|\.)\d{1,2}[ \t]*(?:[/\-][ \t]*|\.)"
            r"(?:\d{4}|\d{2})(?![\d])"
            r"|\bngày\s+\d{1,2}(?:\s*[/\-]\s*\d{1,2}(?:\s*[/\-]\s*\d{2,4})?)?"
            r"(?:\s+tháng\s+\d{1,2})?(?:\s+năm\s+\d{4})?"
            r"|\btháng\s+\d{1,2}(?:\s*[/\-]\s*\d{4})?"
            r"|(?<![\d.,])\d{1,2}/" + _YEAR + r"(?!\d)"
            # "dịp 19/5", "nhân kỷ niệm 3/2": the day of an occasion
            r"|\b(?:sáng|chiều|tối|trưa|đêm|hôm|ngày|dịp|kỷ niệm|kỉ niệm)\s+(?:nay\s+)?(?:\(\s*)?"
            r"\d{1,2}\s*[/\-]\s*\d{1,2}"
            r"(?![\d/])",
            FLAGS,
        ),
    ),
    ("quarter", re.compile(r"\bquý\s+(?:[IVX]+|\d)(?:\s*[/\-]\s*\d{4})?", FLAGS)),
    (
        "document_number",
        re.compile(
            r"(?<!vượt )(?<!với )(?<!đạt )(?<!kỷ )(?<!kỉ )\b(?:"
            + _DOC_WORDS
            + r")(?:\s+(?:liên tịch\s+)?số)?\s+\d+(?![\d.,]*\s*(?:%|"
            + _COUNTED
            + r"))"
            r"(?:[\-/][\wĐđ/\-]*)?"
            # "Kế hoạch số 12", "Kế hoạch 25-KH/HU"; a bare "(kế hoạch 130)" is the plan's value
            r"|(?<!vượt )(?<!với )(?<!đạt )\bkế hoạch(?:\s+số\s+\d+(?:[\-/][\wĐđ/\-]*)?"
            r"|\s+\d+[\-/][\wĐđ/\-]*)"
            r"|(?<![\w.,])\d+\s*-\s*[A-ZĐ]{1,6}(?:\s*/\s*[A-ZĐ]{1,6})+\b"
            r"|(?<!tổng )(?<!tổng\xa0)(?<!trong )(?<!thiểu )(?<!dân )\bsố\s+\d+(?![\d.,]*\s*(?:%|"
            + _COUNTED
            + r"))"
            r"(?:[\-/][\wĐđ/\-]*)?",
            FLAGS,
        ),
    ),
    (
        "ordinal",
        re.compile(
            r"\b(?:lần thứ|khóa|khoá|hội nghị trung ương|trung ương|kỳ họp|phiên)\s+\d+\b"
            # a lower-case "thứ" ("thứ 2"); "Phú Thứ 8 đồng chí" is a place and a count
            r"|\b(?-i:thứ)\s+\d+\b(?![.,/\d]*\s+" + _COUNTED + r")"
            # "đại hội 25 chi bộ": a number followed by what it counts is a count, not an ordinal
            r"|\b(?:đại hội|đợt|lần)\s+\d+\b(?![.,/\d]*\s+" + _COUNTED + r")",
            FLAGS,
        ),
    ),
    # "Đảng bộ Phường 12 tổ chức hội nghị", "Chi bộ Khu phố 5": the number names a place
    (
        "place_number",
        re.compile(
            r"\b(?-i:Phường|Quận|Khu phố|Khóm|Ấp|Tổ dân phố|Khu dân cư)\s+\d{1,3}\b(?![.,]\d)"
        ),
    ),
    # "học sinh lớp 12", "lớp 12A6": a school grade, not a count
    (
        "grade",
        re.compile(r"\blớp\s+\d{1,2}(?:[A-Z]\d{0,2})?\b(?![.,]\d|\s+" + _COUNTED + r")", FLAGS),
    ),
    (
        "year_range",
        re.compile(r"(?<![\d.,])" + _YEAR + r"\s*[\-–]\s*" + _YEAR + r"(?![\d])", FLAGS),
    ),
    (
        "year",
        re.compile(
            r"\bnăm\s+" + _YEAR + r"(?:\s*(?:,|và)\s*" + _YEAR + r")*(?![\d])"
            r"|(?<![\d.,])" + _YEAR + r"(?![\d]|[.,]\d|\s+" + _COUNTED + r")",
            FLAGS,
        ),
    ),
    # "tăng 2 lần", "gấp 1,5 lần": a multiplier, never a count
    ("multiplier", re.compile(r"(?<![\d.,])\d+(?:,\d+)?\s+lần\b(?!\s+(?:thứ|đầu))", FLAGS)),
    (
        "duration",
        re.compile(r"(?<![\d.,])\d+\s+(?:năm|tháng|tuần|ngày|giờ|phút|thập kỷ|thế kỷ)\b", FLAGS),
    ),
    (
        "fixed_list",
        re.compile(
            r"(?<![\d.,])\d+\s+(?:biểu hiện|nhiệm vụ|giải pháp|nội dung|tiêu chí|khâu đột phá|"
            r"đột phá|chương trình|quan điểm|bài học|chuyên đề|lĩnh vực|nhóm|mục tiêu|"
            r"phương châm|điều|chữ|không(?!\s+(?:hoàn thành|có|đạt))|xây|chống|tốt|nhất|"
            r"kiên quyết)\b",
            FLAGS,
        ),
    ),
    (
        "age",
        re.compile(
            r"(?<![\d.,])\d{1,3}(?:\s*[\-–]\s*\d{1,3})?\s+tuổi\b|\btuổi(?:\s+đời)?(?:\s+bình quân)?"
            r"(?:\s+(?:từ|là|dưới|trên))?\s+\d{1,3}(?:\s*(?:[\-–]|đến)\s*\d{1,3})?",
            FLAGS,
        ),
    ),
    (
        "phone",
        re.compile(
            r"\b(?:điện thoại|đt|hotline|fax|đường dây nóng)\s*:?\s*\(?\+?[\d][\d .()\-]{6,}\d"
            r"|(?<![\d.,])\(?0\d{2,3}\)?[ .\-]?\d{3,4}[ .\-]\d{3,4}(?![\d])",
            FLAGS,
        ),
    ),
    (
        "range",
        # "3-4%", "3%-4%", "từ 3 đến 4%"; "từ 85% đến 92%" prints two levels, no range
        re.compile(r"(?<![\d.,])\d+(?:,\d+)?\s*(?:%?\s*[\-–]|\s+đến)\s*\d+(?:,\d+)?\s*%", FLAGS),
    ),
    (
        "count_range",
        # "từ 180 - 200 đảng viên", "từ 180 đến 200", "180 – 200 đảng viên": a range of counts (the
        # vocabulary has no range, and either end alone misstates it); "từ 180 đồng chí lên 200
        # đồng chí" prints two levels
        re.compile(
            r"\btừ\s+"
            + ABOUT
            + _COUNT
            + r"\s*(?:[\-–]|\bđến\b|\btới\b)\s*"
            + _COUNT
            + r"(?![\d.,]*\s*%)(?![\d,/])"
            r"|(?<![\d.,\-–])"
            + _COUNT
            + r"\s*(?:[\-–]|\s+đến|\s+tới)\s*"
            + _COUNT
            + r"(?=\s+(?:"
            + _COUNTED
            + r"|người)\b)",
            FLAGS,
        ),
    ),
    (
        "code",
        re.compile(
            r"\b[^\W\d_]+-\s?\d+\b(?![.,]?\d*\s+" + _COUNTED + r")"  # "Covid-19", not "A - 45 ĐV"
            r"|\b\w*[^\W\d_]\d+\w*\b|\b\d+[^\W\d_]\w*",
            FLAGS,
        ),
    ),
    (
        "long_number",
        re.compile(
            r"(?<![\d.,])(?<!\blà )(?<!\blên )(?<!\bđạt )(?<!\bcó )(?<!\bvới )"
            r"\d{5,}(?![\d]|[.,]\d|\s+" + _COUNTED + r")",
            FLAGS,
        ),  # "lên 45632": a value after its verb, printed without group marks, is a number
    ),
]

# --------------------------------------------------------------------------- periods

#: Period expressions; the one nearest before a figure in its sentence dates the figure.
PERIODS: list[tuple[str, re.Pattern[str]]] = [
    (
        "as_of",
        re.compile(
            # "đến ngày 28.7.2020": some outlets print a date with dots
            r"(?:tính đến|đến|tới)\s+(?:hết\s+)?ngày\s+(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})",
            FLAGS,
        ),
    ),
    (
        "since",
        # "Kể từ năm 2016 (năm đầu tiên ...) đến nay": an aside in brackets between; "Từ đầu
        # nhiệm kỳ 2015-2020 đến nay": since the term's first year
        re.compile(
            r"\btừ\s+(?:đầu\s+nhiệm kỳ\s*\(?\s*|năm\s+)?(" + _YEAR + r")"
            r"(?:(?<=\d)\s*[\-–]\s*" + _YEAR + r"\s*\)?)?"
            r"\s+(?:\([^()]{0,100}\)\s*)?(?:đến|tới)\s+(?:nay|hiện nay)\b",
            FLAGS,
        ),
    ),
    (
        "term",
        re.compile(
            r"(?:\b(?:giai đoạn|nhiệm kỳ|thời kỳ|từ năm|từ)\s*)?\(?\s*(" + _YEAR + r")\s*"
            r"(?:[\-–]|đến(?:\s+năm)?)\s*(" + _YEAR + r")\s*\)?",
            FLAGS,
        ),
    ),
    ("year", re.compile(r"\bnăm\s+(" + _YEAR + r")(?![\d])", FLAGS)),
]
#: Words saying a figure stands at publication time.
AS_OF_PUBLICATION = re.compile(r"\b(hiện có|hiện nay|hiện tại|hiện còn|đến nay)\b", FLAGS)
#: The founding of a cell or committee before a count ("Từ một Chi bộ ban đầu với 4 đảng viên",
#: "chi bộ đầu tiên có 3 đảng viên", "khi mới thành lập, Đảng bộ có 12 đảng viên"): the party's
#: history, not its statistics; a later stock after "đến nay", "đến năm 2022" is kept.
FOUNDING_BEFORE = re.compile(
    r"\btừ\s+(?:một|1|01)\s+chi bộ\b|\b(?:chi bộ|cơ sở đảng|tổ đảng)\s+(?:\S+\s+){0,4}?"
    r"(?:đầu tiên|ban đầu)\b|"
    r"\b(?:ngày đầu|khi mới|khi|lúc mới|lúc|buổi đầu|những ngày đầu)\s+thành lập\b"
    r"(?!\s+(?:huyện|tỉnh|xã|thị xã|thị trấn|phường|quận|thành phố)\b)"  # a place's founding
    r"|\bban đầu\s+(?:chỉ\s+)?(?:có|với)\b",
    FLAGS,
)
SINCE_FOUNDING_BARRIER = re.compile(
    r"\b(?:đến nay|đến năm|tới nay|hiện nay|hiện có|nay đã|đến thời điểm)\b", FLAGS
)
#: The grassroots level as the agent of inspections or discipline ("Đảng ủy, Ủy ban Kiểm tra Đảng
#: ủy cơ sở tiến hành kiểm tra 81 tổ chức đảng"): a sum over many grassroots committees, which
#: belongs to no single organization (the curated rows keep the district's own counts only).
GRASSROOTS_AGENT = re.compile(
    r"\b(?:đảng ủy|đảng uỷ|ủy ban kiểm tra|uỷ ban kiểm tra|ubkt|cấp ủy|cấp uỷ)"
    r"(?:\s+(?:các\s+)?(?:đảng ủy|đảng uỷ))?\s+cơ sở\b",
    FLAGS,
)
#: A bloc of organizations as the subject ("khối xã, thị trấn kết nạp 52 đảng viên", "các chi bộ
#: khối cơ quan kết nạp 30"): a part of the total that no organization stands for; "Đảng bộ
#: Khối ..." names an organization and is kept.
BLOC_SUBJECT = re.compile(
    r"(?<!đảng bộ )(?<!đảng ủy )(?<!đảng uỷ )\bkhối\s+(?:các\s+)?(?:xã|phường|thị trấn|cơ quan|"
    r"doanh nghiệp|trường học|sự nghiệp|hành chính|lực lượng vũ trang|đường phố|đương chức|dân cư|"
    r"nông thôn|thôn)\b",
    FLAGS,
)
#: A quota set for every unit of a kind ("Đối với các đảng bộ xã, phường kết nạp ít nhất 12
#: quần chúng", "các chi bộ còn lại phấn đấu kết nạp ít nhất 02", "mỗi chi bộ kết nạp 1"): a
#: target per unit, which no single organization holds.
EACH_UNIT_QUOTA = re.compile(
    # "Ba năm qua ít nhất mỗi chi bộ đã kết nạp được 01 đảng viên": a floor for every unit
    r"\W*(?:[^;:.\d]{0,40}?\b(?:ít nhất|tối thiểu)\s+(?=mỗi|từng))?"
    r"(?:(?:đối với|riêng|còn|phần lớn|hầu hết|đa số|tất cả)\s+)?(?:các|mỗi|từng)\s+"
    r"(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ|"
    r"tổ chức cơ sở đảng|tổ chức đảng|tccs\w*|chi,\s*đảng bộ|cơ sở đảng)\b",
    FLAGS,
)
#: A tier held several years in a row ("đạt trong sạch vững mạnh 5 năm liền", "nhiều năm liền"),
#: read up to the end of the tier after the number: a streak, commended, not a year's tier.
YEARS_IN_A_ROW = re.compile(
    r"[^,;.()\d]{0,80}?\b(?:\d+|nhiều|hai|ba|bốn|năm)\s+năm\s+(?:liền|liên tục|liên tiếp)\b", FLAGS
)
#: Sentences that continue the previous one and take its period ("Về đảng viên có ...", "Theo
#: đó, 50/50 tổ chức cơ sở Đảng ... đã tiến hành đại hội" after "Đến ngày 31-5, ...").
CONTINUATION = re.compile(
    r"^\W*(?:về|trong đó|cụ thể|riêng|trong số (?:đó|này|ấy)|bên cạnh đó|kết quả|qua đó|nhờ đó|"
    r"theo đó|(?:cũng\s+)?trong năm(?!\s+\d)|năm qua)\b",
    FLAGS,
)

# --------------------------------------------------------------------------- qualifiers, targets

QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>gần|khoảng|dự ước|ước đạt|ước tính|ước|xấp xỉ|trên|hơn|ít nhất|tối thiểu|tối đa|"
    r"không quá|không dưới|dưới|chưa đến|chưa tới|từ)\s+$",
    FLAGS,
)
#: "Dự ước kết nạp 450 đảng viên": an estimate word governing the verb before the number.
ESTIMATE_BEFORE = re.compile(
    r"\b(?:dự ước|ước tính|ước đạt|ước thực hiện|ước cả năm|dự kiến đạt)\b|^\W*ước\b", FLAGS
)
#: "từ 2.770 đảng viên trở lên", "trên 290 đảng viên trở lên": an inclusive lower bound.
AT_LEAST_AFTER = re.compile(r"^[^,;.()\d]{0,40}?\btrở lên\b", FLAGS)
QUALIFIERS = {
    "gần": "approximately",
    "khoảng": "approximately",
    "dự ước": "estimate",
    "ước đạt": "estimate",
    "ước tính": "estimate",
    "ước": "estimate",
    "xấp xỉ": "approximately",
    "trên": "more_than",
    "hơn": "more_than",
    "ít nhất": "at_least",
    "tối thiểu": "at_least",
    "tối đa": "at_most",
    "không quá": "at_most",
    "dưới": "less_than",
    "chưa đến": "less_than",
    "chưa tới": "less_than",
    "không dưới": "at_least",
    "từ": "exact",
}

#: "vượt chỉ tiêu 9 đảng viên": an absolute excess over the target.
ABSOLUTE_EXCESS = re.compile(
    r"\bvượt\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch)(?:\s+(?:được\s+)?giao|\s+đề ra)?\s+"
    r"(?:(?P<q>trên|hơn|gần|khoảng)\s+)?$",
    FLAGS,
)
#: "vượt 4,5%" or "vượt chỉ tiêu 6%": an excess ratio.
RATIO_EXCESS = re.compile(
    r"\bvượt\s+(?:(?:chỉ tiêu|kế hoạch)(?:\s+(?:được\s+)?giao|\s+đề ra)?\s+)?"
    r"(?:(?P<q>trên|hơn|gần|khoảng)\s+)?$",
    FLAGS,
)
#: "đạt trên 124%" followed by "chỉ tiêu": attainment of the target.
ATTAINMENT_BEFORE = re.compile(
    r"\b(?:đạt|bằng|hoàn thành)(?:\s+t[ỷỉ] lệ)?\s+(?:(?P<q>trên|hơn|gần|khoảng|xấp xỉ)\s+)?$", FLAGS
)
ATTAINMENT_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)", FLAGS)
#: "... , chỉ tiêu là 850": a stated target.
STATED_TARGET = re.compile(
    r"(?:(?:\b(?:chỉ tiêu|kế hoạch)|\(\s*(?:nghị quyết|nq|kh)\b|\bnghị quyết\s*(?=\())"
    r"(?:\s+(?:của\s+)?(?:nghị quyết|nq))?(?:\s+(?:đề ra|được giao|giao))?"
    r"\s*(?:là\s+|:\s*)?"
    # "chỉ tiêu tỉnh giao cả năm (190 đảng viên)": who set it, for the whole year, the number
    # in brackets
    r"|\bchỉ tiêu(?:\s+(?:tỉnh|huyện|thành phố|thị xã|cấp trên))?(?:\s+(?:được\s+)?giao)?"
    r"(?:\s+(?:cả năm|của năm|năm\s+\d{4}))?\s*(?=\())"
    r"\(?\s*(?:(?:gần|khoảng|trên|hơn|từ)\s+)?$",
    FLAGS,
)
#: "85 TCCSĐ (chiếm 15,2%)": the share of the figure before, printed in brackets.
BRACKET_SHARE = re.compile(r"\(\s*(?:chiếm|đạt|bằng)?\s*(?:t[ỷỉ] lệ\s*)?$", FLAGS)
#: "662 trong tổng số 686 ...", "85 đảng viên trong tổng số 1.200 đảng viên ...": a part of a
#: stated whole, its party noun printed once or twice.
OF_TOTAL = re.compile(
    r"^\s*(?:(?:đảng viên|đv|đồng chí|tổ chức cơ sở đảng|tổ chức đảng|tccsđ|tccs đảng|csđ|chi bộ)\s+)?"
    r"(?:trong|trên)\s+(?:(?:tổng\s+)?số\s+)?(?=\d)",
    FLAGS,
)
#: "trong đó": the figures that follow are parts of the one before.
NESTING = re.compile(r"\btrong đó\b|\btrong số (?:đó|này|ấy)\b", FLAGS)

# --------------------------------------------------------------------------- subjects

# The nouns a number may count (HEADS) live in :mod:`helpers.extract.nouns`.
from helpers.extract.nouns import HEADS  # noqa: F401

#: Heads whose percentage is a share of organizations or of members.
SHARE_DENOMINATOR = {"orgs": "party_orgs", "members": "party_members"}

#: Verbs before a figure that say what happened to what it counts (searched in a short window).
VERB_WINDOW = 80
VERBS: list[tuple[str, re.Pattern[str]]] = [
    # "đề nghị kết nạp 25 quần chúng", "lập hồ sơ đề nghị kết nạp": proposed, not yet admitted;
    # listed before "admit" so that the longer cue wins where both end at the same word
    (
        "propose",
        re.compile(
            r"\b(?:đề nghị|chờ|làm thủ tục|lập hồ sơ|hoàn thiện hồ sơ)\s+(?:xem xét\s+|xét\s+)?kết nạp\b",
            FLAGS,
        ),
    ),
    (
        "admit",
        re.compile(
            # "phát triển từ 55 - 60 đảng viên mới": a range of the admitted
            r"\bkết nạp\b|\bphát triển(?:\s+(?:được|mới|thêm))*\s+(?=(?:(?:gần|khoảng|trên|hơn|từ)\s+)?"
            r"[\d.]+(?:\s*[-–]\s*[\d.]+)?\s+(?:đảng viên|đv|đồng chí|quần chúng))"
            # "Kết quả phát triển đảng viên năm 2023 đạt 312 đồng chí": admissions, named
            r"|\bphát triển\s+(?:đảng viên|đv)\b"
            # "Đảng bộ có thêm 92 đảng viên": members added are the admitted
            r"|\b(?:có|bổ sung)\s+thêm\s+(?=" + ABOUT + r"[\d.]+\s+(?:đảng viên|đv)\b)",
            FLAGS,
        ),
    ),
    # "so với khi mới thành lập huyện năm 2002, tăng 27 tổ chức": the place founded, not the party
    (
        "found",
        re.compile(
            r"\bthành lập\b(?!\s+(?:huyện|tỉnh|xã|thị xã|thị trấn|phường|quận|thành phố)\b)"
            # "phát triển được 17 tổ chức đảng": organizations developed are founded
            r"|\bphát triển(?:\s+(?:được|mới|thêm))*\s+(?=(?:(?:gần|khoảng|trên|hơn)\s+)?[\d.]+\s+"
            r"(?:tổ chức|tccs|chi bộ|đảng bộ))",
            FLAGS,
        ),
    ),
    (
        # "thành lập, hoàn thiện mô hình 128 TCCSĐ": founded and rearranged together, one count of
        # both (no metric); tried after "found" so that its longer match wins
        "found_or_rearrange",
        re.compile(
            r"\bthành lập(?:\s+mới)?\s*(?:,|và|/|hoặc)\s*(?:hoàn thiện|kiện toàn|củng cố|sáp nhập|"
            r"hợp nhất|chia tách|sắp xếp)\b",
            FLAGS,
        ),
    ),
    # "kết thúc hoạt động 3 đảng bộ", "kết thúc 1 Đảng ủy": ended, as dissolved
    (
        "dissolve",
        re.compile(r"\bgiải thể\b|\bkết thúc(?:\s+hoạt động)?(?=\s+(?:của\s+)?\d)", FLAGS),
    ),
    ("inspect", re.compile(r"\b(?:kiểm tra|giám sát)\b", FLAGS)),
    (
        "transfer",
        # "63 đảng viên chuyển đi và 12 đảng viên chuyển đến": membership moving, no transfer
        re.compile(
            r"\b(?:điều chuyển|chuyển giao|chuyển(?!\s+(?:sinh hoạt|đi|đến)\b)|bàn giao)\b", FLAGS
        ),
    ),
    (
        "confirm",
        re.compile(
            # "công nhận Đảng chính thức cho 04 đảng viên dự bị"
            r"\b(?:chuyển\s+(?:đảng\s+(?:viên\s+)?|đv\s+)?chính thức|công nhận\s+(?:đảng\s+(?:viên\s+)?|đv\s+)?"
            r"chính thức)",
            FLAGS,
        ),
    ),
    ("survey", re.compile(r"\bkhảo sát\b", FLAGS)),
    ("visit", re.compile(r"\b(?:tham dự sinh hoạt|dự sinh hoạt|dự họp)\b", FLAGS)),
    (
        "commend",
        re.compile(
            r"\b(?:khen thưởng|biểu dương|tặng giấy khen|tặng bằng khen|trao giấy khen|"
            r"trao bằng khen|tuyên dương)\b",
            FLAGS,
        ),
    ),
    ("cut", re.compile(r"\b(?:tinh giản|cắt giảm)\b", FLAGS)),
    ("badge", re.compile(r"\bhuy hiệu\b", FLAGS)),
    ("discipline", re.compile(r"\b(?:k[ỷỉ] luật|khai trừ)\b", FLAGS)),
]
#: Passive verbs printed after the counted noun: "40 đảng viên đã được kết nạp".
VERBS_AFTER: list[tuple[str, re.Pattern[str]]] = [
    (
        "admit",
        re.compile(
            # "được Đảng ủy xã kết nạp": an agent between, never "được giới thiệu cho Đảng xem xét kết nạp"
            r"\W*(?:mới\s+)?(?:đã\s+)?được\s+(?:(?!(?:giới thiệu|đề nghị|cho|để|chờ|đưa)\b)[^\W\d]+\s+){0,4}?"
            r"(?:xem xét,?\s+|xét\s+|làm lễ\s+)?kết nạp"
            r"|\s+mới\s+kết nạp|\s+kết nạp\s+mới"
            r"|\s+mới(?=\s*(?:[,.;:)!?]|$)|\s+(?:trong|năm|của|ở|tại|từ|cho|được)\b)",
            FLAGS,
        ),
    ),
    (
        "admit",
        re.compile(
            # "12 sinh viên ưu tú của Trường Đại học X (tỉnh Y) đã được kết nạp Đảng": who they
            # are, then their admission
            r"\s*(?:(?!(?:không|chưa|chờ|sẽ|để|cho)\b)[^\W\d]+\s+|\([^()\d]*\)\s*){1,10}?"
            r"(?:đã\s+|vừa\s+|cũng\s+)?được\s+(?:xem xét,?\s+|xét\s+|làm lễ\s+)?kết nạp\b",
            FLAGS,
        ),
    ),
    (
        "admit",
        re.compile(
            r"\W*(?:[\w.]+\W+){0,3}?(?:vinh dự\s+)?(?:được\s+)?đứng vào hàng ngũ\s+(?:của\s+)?đảng",
            FLAGS,
        ),
    ),
    (
        # "420 đảng viên dự bị được xét công nhận chính thức", "3 đảng viên dự bị cũng được trao
        # quyết định công nhận đảng viên chính thức"
        "confirm",
        re.compile(
            r"\s*(?:dự bị\s+)?(?:cũng\s+)?(?:đã\s+)?(?:được\s+(?:trao\s+|nhận\s+)?|nhận\s+)"
            r"(?:quyết định\s+)?(?:xem\s+)?(?:xét,?\s+)?(?:công nhận|chuyển)\s+"
            r"(?:là\s+|thành\s+|sang\s+)?(?:đảng\s+viên\s+|đảng\s+|đv\s+)?chính thức",
            FLAGS,
        ),
    ),
    ("transfer", re.compile(r"\W*(?:đã\s+)?được\s+(?:điều\s+)?chuyển", FLAGS)),
    (
        "inspect",  # "45 tổ chức đảng được Ủy ban Kiểm tra huyện kiểm tra khi có dấu hiệu vi phạm"
        re.compile(
            r"\s*(?:đã\s+)?(?:được|bị)\s+(?:[^\W\d]+\s+){0,5}?(?:kiểm tra|giám sát)\b", FLAGS
        ),
    ),
    (
        "commend",  # "35 chi bộ được Ban Thường vụ Tỉnh ủy tặng Bằng khen"
        re.compile(
            r"[^,;.\d]{0,60}?\bđược\s+(?:[^,;.\d]{0,40}?\s)?(?:tặng|trao(?:\s+tặng)?)\s+"
            r"(?:bằng khen|giấy khen|cờ thi đua)|\W*(?:đã\s+)?được\s+(?:khen thưởng|biểu dương|"
            r"tuyên dương)"
            # "887 lượt đảng viên hoàn thành xuất sắc nhiệm vụ được Đảng ủy Khối khen thưởng"
            # "04 cá nhân được thị xã khen thưởng": the giver named by a lower-case place word
            r"|[^,;.\d]{0,60}?\bđược\s+(?:(?:(?-i:[A-ZĐ])|(?:thị xã|huyện|tỉnh|thành phố|quận|xã|"
            r"phường|cấp trên)\b)[^,;.\d]{0,40}?\s)?(?:khen thưởng|biểu dương|"
            r"tuyên dương)\b",
            FLAGS,
        ),
    ),
]
#: "4 lớp cho 1.356 cán bộ": the attendees of classes.
CLASS_FOR = re.compile(
    r"\blớp(?:\s+\w+){0,2}\s+(?:cho|với)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$", FLAGS
)
#: The subject of classes: "lớp cho 1.356 cán bộ chủ chốt".
CLASS_SUBJECT = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:cho|với)\s+(?:(?:gần|hơn|trên|khoảng)\s+)?[\d.]+\s+"
    r"(?P<subject>cán bộ(?:\s+lãnh đạo)?\s+chủ chốt|đảng viên|đv\b|đồng chí|cán bộ)",
    FLAGS,
)
TRAINING_SUBJECTS = {"key_cadres": "key_cadres", "members": "members"}
#: Figures about members that no metric of the vocabulary counts (discipline, exemptions).
MEMBER_EXCLUSIONS = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:vi phạm(?!\s+tư cách)|k[ỷỉ] luật|khai trừ|xóa tên|xoá tên|ra khỏi đảng|"
    r"miễn sinh hoạt|tuổi đảng|huy hiệu|từ trần|qua đời|chuyển đi|chuyển ra)"
    # "440 đảng viên quận Hà Đông nhận Huy hiệu Đảng": a place between the noun and the badge
    r"|^\W*(?:[^\W\d]+\W+){0,5}?(?:nhận|được(?:\s+(?:trao tặng|trao|tặng))?)\s+huy hiệu"
    # groups of members the vocabulary has no category for: "45 đảng viên sinh hoạt tạm thời"
    r"|^\s*(?:là\s+)?(?:đang\s+)?(?:sinh hoạt tạm thời|tạm thời|đi làm ăn xa|làm ăn xa|hưu trí|"
    r"nghỉ hưu|về hưu|cao tuổi|lớn tuổi|đang công tác|ở nước ngoài|đi lao động)"
    # levels of political theory: "120 đồng chí cao cấp, 850 đồng chí trung cấp"
    r"|^\s*(?:có\s+)?(?:trình độ\s+)?(?:lý luận chính trị\s+|lý luận\s+|llct\s+)?"
    r"(?:cao cấp|trung cấp|sơ cấp)\b",
    FLAGS,
)
#: Members counted by their years in the party ("2 đảng viên 60 năm", "12 đảng viên 40, 45 năm
#: tuổi đảng"): the badge lists of a ceremony, no stock; read on the text after the noun, as the
#: years may be numbers of their own.
MEMBER_YEARS_AFTER = re.compile(
    r"\s*(?:có\s+)?\d+(?:\s*(?:,|và)\s*\d+)*\s+năm\b(?!\s+(?:19|20)\d\d)", FLAGS
)
DEPLOYED_STUDY_TOPICS = re.compile(r"triển khai\s+(?:các\s+)?chuyên đề", FLAGS)
POLITICAL_TASK = re.compile(
    r"lãnh đạo\s+(?:thực hiện\s+)?hoàn thành\s+(?:tốt\s+|xuất sắc\s+)?nhiệm vụ chính trị"
    r"(?:\s+trở lên)?",
    FLAGS,
)
CELLS_WITHOUT_LOCAL_MEMBER = re.compile(r"chưa có (?:đảng viên|đv\b)", FLAGS)

#: "loại hình hành chính 45; sự nghiệp 14 và doanh nghiệp 35": labels printed before the number.
LABEL_BEFORE = re.compile(
    r"\b(?P<label>hành chính|sự nghiệp|doanh nghiệp|đảng bộ cơ sở|chi bộ cơ sở)\s*(?::\s*)?$",
    FLAGS,
)
LABEL_CUE = re.compile(r"\bloại hình\b|\bđảng bộ cơ sở\b|\bchi bộ cơ sở\b", FLAGS)
LABEL_END = re.compile(r"^\s*(?:[;,.)…]|và\b|$)", FLAGS)
LABEL_CATEGORIES = {
    "hành chính": "administrative",
    "sự nghiệp": "public_service",
    "doanh nghiệp": "enterprise",
    "đảng bộ cơ sở": "grassroots_committee",
    "chi bộ cơ sở": "grassroots_cell",
}
HEAD_CATEGORIES = {"committees": "grassroots_committee", "cells_grassroots": "grassroots_cell"}
#: "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 96,8%": the subject printed before a share.
SHARE_BEFORE = re.compile(r"\bt[ỷỉ] lệ\s+(?P<phrase>[^;]*?)\s*(?:đạt|là|chiếm|bằng)?\s*$", FLAGS)

# --------------------------------------------------------------------------- tiers, metrics

# Classification tiers and the maps between metrics live in :mod:`helpers.extract.tiers`; they
# are named here too, so every rule table is reachable as ``patterns.NAME``.
from helpers.extract.tiers import (  # noqa: F401
    DENOMINATORS,
    FAMILY_HINT,
    LAST_TSVM_YEAR,
    REGIME_HTXS,
    REGIME_TSVM,
    TIER_CATEGORIES,
    TIERS,
    TOTAL_METRICS,
    WHOLE_METRICS,
    WHOLES,
)
