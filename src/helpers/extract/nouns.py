"""The nouns a number may count, in the order they are tried.

Why apart: the list of counted nouns ("tổ chức cơ sở đảng", "ĐV", "chi bộ trực thuộc", "thôn,
bản" ...) grows with every new way articles name what they count; it is kept in its own table so
that :mod:`helpers.extract.patterns` stays readable. It is re-exported there as ``HEADS``.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE | re.UNICODE

#: The noun right after a number says what it counts; tried in order, first match wins.
HEADS: list[tuple[str, re.Pattern[str]]] = [
    (
        "orgs",
        re.compile(
            r"chi,?\s*đảng bộ cơ sở|chi bộ\s*[,/]\s*đảng bộ(?:\s+cơ sở)?|chi bộ và đảng bộ cơ sở|"
            r"đảng bộ\s*(?:[,/]|và)\s*chi bộ(?:\s+cơ sở)?|chi,\s*đảng bộ trực thuộc|"
            r"chi\s*[-/]\s*đảng bộ(?:\s+cơ sở)?|chi,\s*đảng bộ|"
            r"tổ chức,?\s*cơ sở đảng|tổ chức đảng cơ sở|tccsđ|tccs\s+đảng|tccs|csđ|tổ chức đảng|tcđ\b|"
            r"cơ sở đảng|tổ chức(?!\s+(?:chính trị|đoàn|hội|quần chúng|thành viên|xã hội|kinh tế|"
            r"lớp|đại hội|thực hiện|triển khai|sinh hoạt|tín dụng|cá nhân|và cá nhân|tôn giáo|"
            r"cơ sở\s+(?:hội|đoàn|công đoàn)|công đoàn|phi chính phủ|nước ngoài|quốc tế|"
            r"hành nghề|tuyên truyền|hội nghị|các hoạt động|nhiều|được\s+khen))"
            r"(?!\s*(?:,|và)\s*[\d.]*\s*cá nhân)",
            FLAGS,
        ),
    ),
    (
        # "trong sạch vững mạnh 06 cơ sở chiếm tỷ lệ 18,75%": "cơ sở" for "cơ sở đảng", only
        # right before a tier, a share or a stop, and only after the party bases were named
        # (helpers.extract.classify.head_noun checks)
        "orgs_short",
        re.compile(
            r"cơ sở(?=\s*(?:[,.;:)]|$|chiếm\b|hoàn thành\b|không hoàn thành\b|trong sạch\b|"
            r"xếp loại\b|yếu\b))",
            FLAGS,
        ),
    ),
    ("cells_in_partial", re.compile(r"chi bộ trực thuộc đảng bộ bộ phận", FLAGS)),
    (
        "subunit_cells",
        re.compile(
            r"chi bộ trực thuộc(?:\s+(?:các\s+)?đảng\s+(?:bộ|ủy|uỷ)\s+cơ sở)?"
            r"(?!\s+(?:các\s+)?(?:huyện|tỉnh|thành|quận|thị|đảng ủy khối|đảng bộ khối|ban|"
            r"trung ương|(?:đảng bộ|đảng ủy|đảng uỷ)\s+(?:huyện|tỉnh|thành|quận|thị|khối)))",
            FLAGS,
        ),
    ),
    ("partial_committees", re.compile(r"đảng (?:bộ|ủy|uỷ) bộ phận", FLAGS)),
    ("committees", re.compile(r"đảng (?:bộ|ủy|uỷ) cơ sở|đbcs", FLAGS)),
    ("cells_grassroots", re.compile(r"chi bộ cơ sở|cbcs", FLAGS)),
    ("committees_bare", re.compile(r"đảng bộ|đảng ủy|đảng uỷ", FLAGS)),
    ("cells", re.compile(r"chi bộ", FLAGS)),
    ("units", re.compile(r"đơn vị", FLAGS)),
    ("members", re.compile(r"tân đảng viên|đảng viên|đv|đồng chí|đ/c", FLAGS)),
    (
        "candidates",
        re.compile(
            # "13 thanh niên ưu tú được kết nạp Đảng": the outstanding youth put forward to the party
            # "60 học viên là đối tượng kết nạp Đảng": the class's students are the candidates
            r"học viên\s+là\s+(?:quần chúng(?:\s+ưu tú)?|đối tượng(?:\s+(?:kết nạp|phát triển))?"
            r"\s+đảng)|"
            r"quần chúng(?:\s+ưu tú)?|thanh niên ưu tú|cảm tình đảng|"
            r"đối tượng(?:\s+(?:kết nạp|phát triển))?\s+đảng",
            FLAGS,
        ),
    ),
    (
        "group_people",
        re.compile(
            r"học sinh|sinh viên|đoàn viên(?:\s+thanh niên)?|nông dân|phụ nữ|nữ|"
            r"(?:người|đồng bào)\s+dân tộc(?:\s+(?:thiểu số|ít người))?|"
            # "trong đó, 564 nữ, 170 dân tộc ít người": the people of a minority, no "người"
            r"dân tộc\s+(?:thiểu số|ít người)|người có (?:đạo|tôn giáo)",
            FLAGS,
        ),
    ),
    ("key_cadres", re.compile(r"cán bộ(?:\s+lãnh đạo)?\s+chủ chốt|cán bộ lãnh đạo", FLAGS)),
    (
        "committee_collectives",
        re.compile(
            r"tập thể\s+(?:cấp ủy|cấp uỷ|ban thường vụ|ban chấp hành)|cấp ủy|cấp uỷ|ban thường vụ",
            FLAGS,
        ),
    ),
    (
        "staff",
        re.compile(
            r"cán bộ,\s*công chức|cán bộ,\s*đảng viên|cb,\s*đv|công chức|viên chức|người lao động|"
            # "198 CBCNV": cán bộ, công nhân viên (chức) abbreviated
            r"cbcnvc|cbcnv|cbccvc|"
            r"cán bộ|công nhân",
            FLAGS,
        ),
    ),
    ("classes", re.compile(r"lớp(?:\s+(?:học|tập huấn|bồi dưỡng|quán triệt))?", FLAGS)),
    ("attendances", re.compile(r"lượt(?:\s+người)?", FLAGS)),
    ("collectives", re.compile(r"tập thể", FLAGS)),
    ("individuals", re.compile(r"cá nhân", FLAGS)),
    ("enterprises", re.compile(r"doanh nghiệp|công ty", FLAGS)),
    ("communes", re.compile(r"xã,\s*phường,\s*thị trấn|xã,\s*phường|xã|phường", FLAGS)),
    (
        "districts",
        re.compile(r"huyện,\s*thị xã(?:,\s*thành phố)?|huyện,\s*thị|huyện|thị xã", FLAGS),
    ),
    ("positions", re.compile(r"biên chế", FLAGS)),
    ("persons", re.compile(r"người(?!\s+(?:lao động|dân|có|dân tộc))|trường hợp", FLAGS)),
    (
        "hamlets",
        re.compile(
            r"(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư|đầu mối)"
            r"(?:\s*(?:,|và)\s*(?:thôn|xóm|ấp|bản|buôn|làng|khu phố|tổ dân phố|khu dân cư))*",
            FLAGS,
        ),
    ),
]
