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
from dataclasses import dataclass

from helpers.extract import patterns as P
from helpers.extract.records import Period, Token

#: (metric, category, tier_reported, pattern, note) of one recognized figure.
Found = tuple[str, str, str, str, str]

_HEADS = [(name, re.compile(rf"(?:{rx.pattern})(?!\w)", P.FLAGS)) for name, rx in P.HEADS]
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

    @property
    def percent(self) -> bool:
        return self.ctx.token.unit == "percent"

    def tiered(self, metric: str, words: str, pattern: str) -> Found:
        """A classification figure: its tier mapped to a category of the metric."""
        ctx = self.ctx
        cat, note = tier_category(self.tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
        return metric, cat, words, pattern, note


def head_noun(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    """The counted noun right after ``pos`` (after spaces), as (head name, match)."""
    lead = pos
    while lead < len(text) and text[lead] == " ":
        lead += 1
    for name, rx in _HEADS:
        m = rx.match(text, lead)
        if m:
            return name, m
    return None


def verb_before(text: str, start: int, end: int) -> str | None:
    """The last verb cue in the window before a number (within its clause)."""
    window_start = max(start, end - P.VERB_WINDOW)
    best: tuple[int, str] | None = None
    for name, rx in P.VERBS:
        for m in rx.finditer(text, window_start, end):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


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


def tier_zone(text: str, start: int, end: int) -> str:
    """Where a figure's tier may stand: after its noun, brackets left out, up to the next comma,
    colon, semicolon or number, and at most 70 characters."""
    zone = re.sub(r"\([^()]*\)", " ", text[start:end])
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


def classify(ctx: Context, head_at: int) -> Found | None:
    """(metric, category, tier_reported, pattern, note) for a number, or None if not a figure."""
    head = head_noun(ctx.text, head_at)
    if head is None:
        return _classify_headless(ctx)
    noun = _read_noun(ctx, *head)
    if noun.name in ("orgs", "committees", "cells_grassroots"):
        return _organizations(noun)
    if noun.name == "cells":
        return _cells(noun)
    if noun.name == "members":
        return _members(noun)
    if noun.percent:
        return None
    if noun.name in ("key_cadres", "staff"):
        return _cadres_and_staff(noun)
    if noun.name in ("classes", "attendances"):
        return _training(noun)
    return _activities(noun)


def _read_noun(ctx: Context, name: str, hm: re.Match[str]) -> _Noun:
    """The words around a number and its noun: tier zone, tail, verb and tier."""
    text, tok = ctx.text, ctx.token
    tail = text[hm.end() : ctx.next_start]
    verb = verb_before(text, ctx.clause[0], tok.start)
    for name_after, rx in P.VERBS_AFTER:
        if rx.match(tail):
            verb = name_after
    zone = tier_zone(text, hm.end(), ctx.clause[1])
    return _Noun(
        ctx=ctx,
        name=name,
        end=hm.end(),
        zone=zone,
        tail=tail,
        verb=verb,
        tier=first_tier(zone),
        training_attendees=bool(P.CLASS_FOR.search(ctx.before_local)),
    )


def _organizations(noun: _Noun) -> Found | None:
    """Party organizations: counted, transferred, deploying study topics, or classified."""
    if noun.verb == "transfer" and not noun.percent:
        return "orgs_transferred", "total", "", "orgs_transferred", ""
    if P.DEPLOYED_STUDY_TOPICS.search(noun.tail[:60]):
        return "orgs_deploying_study_topics", "total", "", "orgs_deploying_study_topics", ""
    task = P.POLITICAL_TASK.search(noun.zone)
    if task and noun.tier:
        return noun.tiered("political_task_leadership", task.group(), "political_task_tier")
    if noun.tier:
        return noun.tiered("org_classification", noun.tier[1], "org_tier")
    if noun.percent:
        return None
    category = P.HEAD_CATEGORIES.get(noun.name, "total")
    pattern = "org_form_count" if category != "total" else "orgs_count"
    return "party_orgs", category, "", pattern, ""


def _cells(noun: _Noun) -> Found | None:
    """Party cells: those visited, and village cells without a local member."""
    if noun.percent:
        return None
    if noun.verb == "visit":
        return "cells_visited", "total", "", "cells_visited", ""
    if P.CELLS_WITHOUT_LOCAL_MEMBER.search(noun.tail[:80]):
        metric = "village_cells_without_local_member"
        return metric, "total", "", metric, ""
    return None


def _members(noun: _Noun) -> Found | None:
    """Party members: trained, admitted, transferred, classified or counted."""
    if noun.training_attendees and not noun.percent:
        return "training_attendees", "members", "", "training_attendees", ""
    if noun.verb == "admit" and not noun.percent:
        return "members_admitted", "total", "", "members_admitted", ""
    if noun.verb == "transfer" and not noun.percent:
        return "members_transferred", "total", "", "members_transferred", ""
    if P.MEMBER_EXCLUSIONS.match(noun.tail):
        return None
    if noun.tier:
        return noun.tiered("member_classification", noun.tier[1], "member_tier")
    if noun.percent:
        return None
    return "party_members", "total", "", "members_count", ""


def _cadres_and_staff(noun: _Noun) -> Found | None:
    """Key cadres and staff: the attendees of classes, or a bare head count of staff."""
    if noun.name == "key_cadres":
        if noun.training_attendees:
            return "training_attendees", "key_cadres", "", "training_attendees", ""
        return None
    if noun.training_attendees:
        note = "subject printed as cadres and members; check the category"
        return "training_attendees", "members", "", "training_attendees", note
    if noun.verb is None:
        return "staff", "total", "", "staff_count", ""
    return None


def _training(noun: _Noun) -> Found | None:
    """Classes held (with their subject) and attendances ("lượt đảng viên")."""
    text, clause_end = noun.ctx.text, noun.ctx.clause[1]
    if noun.name == "classes":
        subject = P.CLASS_SUBJECT.match(text, noun.end, clause_end)
        if subject:
            sub = subject.group("subject").lower()
            category = "members" if "đảng viên" in sub else "key_cadres"
            return "training_classes", category, "", "training_classes", ""
        return "training_classes", "", "", "training_classes", "subject not printed"
    follow = head_noun(text, noun.end)
    if follow and follow[0] in ("members", "key_cadres", "staff"):
        category = "key_cadres" if follow[0] == "key_cadres" else "members"
        return "training_attendees", category, "", "training_attendances", ""
    return None


def _activities(noun: _Noun) -> Found | None:
    """Commendations, surveys and proposed staff cuts, named by their verb."""
    if noun.name in ("collectives", "individuals") and noun.verb == "commend":
        category = "collective" if noun.name == "collectives" else "individual"
        return "commendations", category, "", "commendations", ""
    if noun.name in _SURVEYED and noun.verb == "survey":
        return _SURVEYED[noun.name], "total", "", _SURVEYED[noun.name], ""
    if noun.name == "positions" and noun.verb == "cut":
        return "staff_cuts_proposed", "total", "", "staff_cuts_proposed", ""
    return None


def _classify_headless(ctx: Context) -> Found | None:
    """Figures whose noun is printed before the number: labels and "tỷ lệ ..." shares."""
    tok, text = ctx.token, ctx.text
    after = text[tok.end : ctx.clause[1]]
    label = P.LABEL_BEFORE.search(ctx.before_local)
    cued = P.LABEL_CUE.search(ctx.sentence)
    if label and cued and tok.unit == "count" and P.LABEL_END.match(after):
        category = P.LABEL_CATEGORIES[label.group("label").lower()]
        return "party_orgs", category, "", "org_label_count", ""
    share = P.SHARE_BEFORE.search(ctx.before_local)
    if share and tok.unit == "percent":
        return _share_named_before(ctx, share.group("phrase"))
    return None


def _share_named_before(ctx: Context, phrase: str) -> Found | None:
    """ "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 96,8%": a tier share named before it."""
    head = head_noun(phrase, 0)
    if head is None or head[0] not in P.SHARE_DENOMINATOR:
        return None
    tier = first_tier(phrase[head[1].end() :])
    if not tier:
        return None
    metric = "org_classification" if head[0] == "orgs" else "member_classification"
    task = P.POLITICAL_TASK.search(phrase)
    if task and head[0] == "orgs":
        metric = "political_task_leadership"
    cat, note = tier_category(tier[0], metric, ctx.token.unit, ctx.period, ctx.sentence)
    words = task.group() if task and head[0] == "orgs" else tier[1]
    return metric, cat, words, "share_named_before", note
