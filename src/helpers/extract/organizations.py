"""The organization a figure is about, when its sentence names one.

Why: an article about a province often lists its districts, blocs and armed-force committees one
by one ("Đảng bộ huyện Thới Lai kết nạp 195 ĐV"); a candidate that only carried the article's
organization would put a district's figure on the province. The name is kept as printed in the
candidate's ``organization`` column; mapping it to an ``organization_id`` is the curator's.
"""

from __future__ import annotations

import re

from helpers.extract import phrases as F


def names_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of every named organization in ``text[start:end]``."""
    found: list[tuple[int, int, str]] = []
    for m in F.ORG_OPENERS.finditer(text, start, end):
        if found and m.start() < found[-1][1]:
            continue  # "huyện Tân Phú" inside "Đảng bộ huyện Tân Phú"
        name_end = _name_end(text, m.end(), end)
        if name_end is not None:
            found.append((m.start(), name_end, text[m.start() : name_end]))
    return found


def _words(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the words after ``pos``, up to punctuation that closes a name."""
    out = []
    for m in _WORD.finditer(text, pos, end):
        if m.start() > pos and text[pos : m.start()].strip():
            break
        out.append((m.start(), m.end()))
        pos = m.end()
    return out


_WORD = re.compile(r"[^\s,;:()“”\"]+")


def _capital(word: str) -> bool:
    return word[:1].isupper() and not word[:1].isdigit()


_NOT_INSIDE = {"có", "là", "đã", "được", "với", "kết", "đạt", "và", "tại", "ở", "của", "cho",
               "trong", "đến", "từ", "năm", "hiện", "gồm", "toàn"}  # fmt: skip


def _joins(word: str, following: list[tuple[int, int]], text: str) -> bool:
    """A lower-case word inside a name: not a verb or preposition, and a capital follows."""
    if word.lower() in _NOT_INSIDE or any(ch.isdigit() for ch in word) or not following:
        return False
    a, b = following[0]
    return _capital(text[a:b]) and not any(ch.isdigit() for ch in text[a:b])


def _name_end(text: str, pos: int, end: int) -> int | None:
    """Where the name opened before ``pos`` ends; None when no capitalized word names it. A name
    runs over capitalized words, the inner words of names, and a lower-case word or two that a
    capitalized word follows ("Chi bộ Trường Tiểu học Kim Đồng")."""
    words = _words(text, pos, min(end, pos + 120))
    last, named = None, False
    for i, (ws, we) in enumerate(words):
        word = text[ws:we]
        clean = word.rstrip(".")
        if clean.isupper() and clean.lower() in _NOT_INSIDE:
            break  # a headline in capitals: "HUYỆN BẠCH THÔNG KẾT NẠP 93 ĐẢNG VIÊN"
        if _capital(clean):
            named, last = True, ws + len(clean)
        elif word.lower() in F.ORG_INNER_WORDS:
            last = we if word.lower() not in F.ORG_GENERIC_END or named else last
        elif named and _joins(word, words[i + 1 : i + 2], text):
            continue
        else:
            break
    return last if named else None


def organization_before(text: str, sentence_start: int, pos: int) -> str:
    """The last organization named in the sentence before ``pos``; '' when none is. A place
    printed as the venue of an event ("Đảng ủy Công ty A tổ chức lễ tại xã B, huyện C") is not
    what the figure is about when an organization was named before it."""
    found = names_in(text, sentence_start, pos)
    if not found:
        return ""
    subjects, venue, previous_end = [], False, sentence_start
    for start, end, name in found:
        gap = text[previous_end:start]
        address = bool(subjects) and _ADDRESS_GAP.fullmatch(gap) is not None
        venue = (
            bool(_VENUE_BEFORE.search(gap))
            or address
            or (venue and _LIST_GAP.fullmatch(gap) is not None)
        )
        if not venue:
            subjects.append(name)
        previous_end = end
    return subjects[-1] if subjects else found[-1][2]


def organization_above(text: str, pos: int, end: int) -> str:
    """The organization named after "trực thuộc" right after the counted units ("đại diện cho 61
    chi bộ, đảng bộ trực thuộc Đảng bộ phường Dĩ An"): the units' own committee, whatever the
    sentence named before them; '' when none is named there."""
    above = _ABOVE_AFTER.match(text, pos, end)
    if above is None:
        return ""
    found = names_in(text, above.end(), end)
    return found[0][2] if found and found[0][0] == above.end() else ""


#: The units' noun, then "trực thuộc" before the name of the committee they are under.
_ABOVE_AFTER = re.compile(r"[^\d,;.:()]{1,30}(?:,[^\d,;.:()]{1,30})?\btrực thuộc\s+", re.IGNORECASE)


#: "tại", "ở" right before a name, after an event named since the organization before ("tổ chức
#: lễ ... tại", "dâng hương tại"): the place where something happened. A bare "tại huyện B kết
#: nạp ..." names the unit of the figure and is kept.
_VENUE_BEFORE = re.compile(
    r"\b(?:tổ chức|diễn ra|dâng hương|viếng|thăm|làm lễ|lễ|hội nghị|buổi)\b[^;]*\b(?:tại|ở)\s*$",
    re.IGNORECASE,
)
#: A bracket opened right after a name: the address of that organization ("Chi bộ Trường THPT
#: Mạc Đĩnh Chi (huyện Chư Păh)"), not another organization.
_ADDRESS_GAP = re.compile(r"\s*\(\s*")
#: The comma between the parts of one address ("xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định").
_LIST_GAP = re.compile(r"\s*,\s*")


_LEVEL_WORDS = re.compile(
    r"^(?:(?:đảng bộ|đảng ủy|đảng uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|tỉnh ủy|"
    r"tỉnh uỷ|huyện|thị xã|thành phố|tp\.?|tỉnh|quận|xã|phường|thị trấn)\s+)+",
    re.IGNORECASE,
)


def same_place(one: str, other: str) -> bool:
    """Whether two names printed for organizations may be one ("Đảng bộ Đơn Dương", "huyện Đơn
    Dương"); an empty name agrees with any. The Icelandic "Ð" some pages type for "Đ" (they
    look alike: "huyện Ðơn Dương") is the same letter."""
    a, b = (_LEVEL_WORDS.sub("", x.strip().lower().replace("ð", "đ")) for x in (one, other))
    return not a or not b or a.endswith(b) or b.endswith(a)
