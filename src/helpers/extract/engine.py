"""Curation assistant: propose candidate figures from a Vietnamese article, rule by rule.

Curating ``data/figures.csv`` by hand means reading every article for every number that counts
party organizations, members, classification tiers, recruitment and the rest of the metrics in
``data/metrics.csv``, and passing over the many numbers that are not figures (dates, document
numbers, congress ordinals, counters). This module does the first pass: it proposes one row per
quantitative statement, in the columns of ``figures.csv``, with ``status = candidate`` and the
name of the rule (``pattern``) that produced it, so a curator can accept, fix or reject each one
and see why it was proposed. Nothing here is learned: the rules live in
:mod:`helpers.extract_patterns`.

Command line::

    python -m helpers.extract ARTICLE.txt [--source-id ID] [--out candidates.csv]
    python -m helpers.extract ARTICLE.txt --compare [--source-id ID] [--data DIR]

Without ``--out`` the candidates are written as CSV to stdout. With ``--compare`` the candidates
are set against the curated figures of the same source and the verdicts (``new``, ``match``,
``disagree``, ``missing``) are written to stdout instead; ``--out`` still saves the candidates.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import click

from helpers.data.numbers import VietnameseNumberError, format_vn_number, parse_vn_number
from helpers.extract import patterns as P
from helpers.paths import DATA_DIR, seeds_dir

FIGURE_COLUMNS = [
    "figure_id", "source_id", "organization_id", "period", "period_kind", "metric", "category",
    "tier_reported", "value", "unit", "qualifier", "denominator", "target", "target_qualifier",
    "target_basis", "target_input", "target_arithmetic", "quote", "note",
]  # fmt: skip
#: The columns of a candidates file: those of ``figures.csv`` plus ``status`` and ``pattern``.
COLUMNS = [*FIGURE_COLUMNS, "status", "pattern"]
COMPARE_COLUMNS = [
    "verdict", "candidate_id", "figure_id", "family", "metric", "category", "value", "unit",
    "period", "differences", "quote",
]  # fmt: skip
#: Fields that must also agree for a keyed pair to be a ``match`` rather than a ``disagree``.
COMPARED_FIELDS = [
    "metric", "category", "period", "period_kind", "qualifier", "target", "target_qualifier",
    "target_basis",
]  # fmt: skip

_HEADS = [(name, re.compile(rf"(?:{rx.pattern})(?!\w)", P.FLAGS)) for name, rx in P.HEADS]


# --------------------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Mask:
    """A stretch of text whose digits are not a figure, and the rule that says why."""

    start: int
    end: int
    rule: str
    text: str


@dataclass
class Token:
    """A number in the text: its span, value and unit; ``whole`` for "05/85" (the 85)."""

    start: int
    end: int
    num_end: int
    raw: str
    value: Decimal
    unit: str
    whole: Decimal | None = None


@dataclass
class Sentence:
    """A sentence span and its clauses (split on ";"), as offsets into the normalized text."""

    start: int
    end: int
    clauses: list[tuple[int, int]]


@dataclass
class Period:
    """A period expression: ``period`` and ``kind`` as figures.csv writes them."""

    period: str
    kind: str
    words: str
    start: int = 0
    end: int = 0


@dataclass
class Candidate:
    """One proposed figure; :meth:`row` gives it in the columns of a candidates file."""

    metric: str
    category: str
    value: Decimal
    unit: str
    quote: str
    pattern: str
    source_id: str = ""
    period: str = ""
    period_kind: str = "undated"
    tier_reported: str = ""
    qualifier: str = "exact"
    denominator: str = ""
    target: Decimal | None = None
    target_qualifier: str = ""
    target_basis: str = ""
    target_input: Decimal | None = None
    target_arithmetic: str = ""
    notes: list[str] = field(default_factory=list)
    figure_id: str = ""
    position: int = 0

    def row(self) -> dict[str, str]:
        """The candidate as strings, numbers with '.' as the decimal mark and no group marks."""
        return {
            "figure_id": self.figure_id,
            "source_id": self.source_id,
            "organization_id": "",
            "period": self.period,
            "period_kind": self.period_kind,
            "metric": self.metric,
            "category": self.category,
            "tier_reported": self.tier_reported,
            "value": plain(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "denominator": self.denominator,
            "target": plain(self.target),
            "target_qualifier": self.target_qualifier,
            "target_basis": self.target_basis,
            "target_input": plain(self.target_input),
            "target_arithmetic": self.target_arithmetic,
            "quote": self.quote,
            "note": "; ".join(self.notes),
            "status": "candidate",
            "pattern": self.pattern,
        }


def plain(number: Decimal | None) -> str:
    """Write a number for the CSV: ``Decimal("3.6E+3")`` -> "3600", 97.50 -> "97.5"."""
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return text


# --------------------------------------------------------------------------- text preparation


def normalize_text(raw: str) -> str:
    """NFC, ordinary spaces, one space between words, and the page furniture taken off.

    Lines of link lists ("... (24/10/2020)"), bare counters ("97993158") and everything from the
    first footer marker ("CÁC TIN KHÁC", "Bình luận", "Phản hồi", ...) are dropped, so their
    numbers are never read as figures. What remains is verbatim article text (up to spacing),
    so quotes cut from it are found in the article.
    """
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = P.INVISIBLE.sub("", text)
    for space in ("\xa0", "\u202f", "\u2007", "\t"):
        text = text.replace(space, " ")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line).strip()
        if P.FOOTER_MARKERS.match(line):
            break
        if (P.COUNTER_LINE.match(line) and re.search(r"\d", line)) or P.LINK_LINE.search(line):
            continue
        lines.append(line)
    return "\n".join(lines).strip() + "\n"


def find_masks(text: str) -> list[Mask]:
    """Every stretch whose digits are not a figure (dates, document numbers, ordinals, ...)."""
    masks = [
        Mask(m.start(), m.end(), rule, m.group())
        for rule, rx in P.MASKS
        for m in rx.finditer(text)
        if re.search(r"\d", m.group())
    ]
    return sorted(masks, key=lambda m: (m.start, -m.end))


def mask_reasons(text: str) -> list[tuple[str, str]]:
    """``(words, rule)`` for each masked stretch of ``text``, after normalization; for curators
    and tests that want to see why a number was declined."""
    return [(m.text, m.rule) for m in find_masks(normalize_text(text))]


def _coverage(text: str, masks: Sequence[Mask]) -> list[str | None]:
    """The rule covering each character (first rule in :data:`MASKS` order wins)."""
    order = {rule: i for i, (rule, _) in enumerate(P.MASKS)}
    cover: list[str | None] = [None] * len(text)
    for mask in sorted(masks, key=lambda m: order[m.rule], reverse=True):
        for i in range(mask.start, mask.end):
            cover[i] = mask.rule
    return cover


def _sentences(text: str) -> list[Sentence]:
    """Split into paragraphs (lines), sentences (end mark + capital) and clauses (';')."""
    abbreviations = {"tp", "tx", "tt", "ts", "ths", "gs", "pgs", "bs", "ks", "q", "p", "h", "n"}
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        for m in re.finditer(r"[.!?…]+[\"”’)]*\s+", line):
            following = line[m.end() : m.end() + 1]
            word = re.search(r"(\w+)\W*$", line[: m.start() + 1])
            if word and word.group(1).lower() in abbreviations:
                continue
            if following and (following.isupper() or following.isdigit() or following in '“"‘('):
                end = offset + m.start() + len(m.group().rstrip())
                out.append(Sentence(start, end, []))
                start = offset + m.end()
        if line[start - offset :].strip():
            out.append(Sentence(start, offset + len(line), []))
        offset += len(line) + 1
    for sentence in out:
        pos = sentence.start
        for part in text[sentence.start : sentence.end].split(";"):
            lead = len(part) - len(part.lstrip())
            trail = len(part.rstrip())
            if part.strip():
                sentence.clauses.append((pos + lead, pos + trail))
            pos += len(part) + 1
    return out


def _tokens(text: str, cover: Sequence[str | None]) -> tuple[list[Token], list[tuple[str, str]]]:
    """Numbers not covered by a mask, and the declined ones with their rule."""
    tokens: list[Token] = []
    declined: list[tuple[str, str]] = []
    taken: set[int] = set()
    for m in P.FRACTION.finditer(text):
        rule = next((cover[i] for i in range(m.start(), m.end()) if cover[i]), None)
        if rule:
            continue
        try:
            value, whole = parse_vn_number(m.group("num")), parse_vn_number(m.group("den"))
        except VietnameseNumberError:
            continue
        if whole == 0 or value > whole:
            continue
        tokens.append(Token(m.start(), m.end(), m.end(), m.group(), value, "count", whole))
        taken.update(range(m.start(), m.end()))
    for m in P.NUMBER.finditer(text):
        if m.start() in taken:
            continue
        rule = next((cover[i] for i in range(m.start(), m.end("num")) if cover[i]), None)
        if rule:
            declined.append((m.group(), rule))
            continue
        try:
            value = parse_vn_number(m.group("num"))
        except VietnameseNumberError:
            declined.append((m.group(), "malformed_number"))
            continue
        unit = "percent" if m.group("pct") else "count"
        tokens.append(Token(m.start(), m.end(), m.end("num"), m.group(), value, unit))
    return sorted(tokens, key=lambda t: t.start), declined


# --------------------------------------------------------------------------- periods


def _periods(text: str, start: int, end: int, masks: Sequence[Mask]) -> list[Period]:
    """Period expressions in ``text[start:end]``, outer ones only, in order of their end."""
    blocked = [(m.start, m.end) for m in masks if m.rule in ("date", "document_number")]
    found: list[tuple[int, int, Period]] = []
    chunk = text[start:end]
    for kind, rx in P.PERIODS:
        for m in rx.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            if any(bs <= s and e <= be for bs, be in blocked):
                continue
            if kind == "as_of":
                period = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
            elif kind == "term":
                period = f"{m.group(1)}-{m.group(2)}"
                if int(m.group(1)) >= int(m.group(2)):
                    continue
            else:
                period = m.group(1)
            found.append((s, e, Period(period, kind, m.group().strip(" ()"), s, e)))
    outer = [
        f for f in found if not any(o is not f and o[0] <= f[0] and f[1] <= o[1] for o in found)
    ]
    return [p for _, _, p in sorted(outer, key=lambda f: f[1])]


# --------------------------------------------------------------------------- classification


def _head(text: str, pos: int) -> tuple[str, re.Match[str]] | None:
    """The counted noun right after ``pos`` (after spaces), as (head name, match)."""
    lead = pos
    while lead < len(text) and text[lead] == " ":
        lead += 1
    for name, rx in _HEADS:
        m = rx.match(text, lead)
        if m:
            return name, m
    return None


def _verb(text: str, start: int, end: int) -> str | None:
    """The last verb cue in the window before a number (within its clause)."""
    window_start = max(start, end - P.VERB_WINDOW)
    best: tuple[int, str] | None = None
    for name, rx in P.VERBS:
        for m in rx.finditer(text, window_start, end):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


def _tier(zone: str) -> tuple[str, str] | None:
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


def _tier_zone(text: str, start: int, end: int) -> str:
    """Where a figure's tier may stand: after its noun, brackets left out, up to the next comma,
    colon, semicolon or number, and at most 70 characters."""
    zone = re.sub(r"\([^()]*\)", " ", text[start:end])
    cut = re.search(r"[,;:(]|\d", zone)
    return (zone[: cut.start()] if cut else zone)[:70]


def _tier_category(
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


@dataclass
class _Context:
    """What the rules may look at around one number."""

    text: str
    token: Token
    clause: tuple[int, int]
    before_local: str
    next_start: int
    sentence: str
    period: Period | None


def _classify(ctx: _Context, head_at: int) -> tuple[str, str, str, str, str] | None:
    """(metric, category, tier_reported, pattern, note) for a number, or None if not a figure."""
    text, tok = ctx.text, ctx.token
    head = _head(text, head_at)
    if head is None:
        return _classify_headless(ctx)
    name, hm = head
    tail_end = ctx.next_start
    zone = _tier_zone(text, hm.end(), ctx.clause[1])
    tail = text[hm.end() : tail_end]
    verb = _verb(text, ctx.clause[0], tok.start)
    for name_after, rx in P.VERBS_AFTER:
        if rx.match(tail):
            verb = name_after
    percent = tok.unit == "percent"
    tier = _tier(zone)
    training_attendees = bool(P.CLASS_FOR.search(ctx.before_local))

    def tiered(metric: str, words: str, pattern: str) -> tuple[str, str, str, str, str]:
        cat, note = _tier_category(tier[0], metric, tok.unit, ctx.period, ctx.sentence)
        return metric, cat, words, pattern, note

    if name in ("orgs", "committees", "cells_grassroots"):
        if verb == "transfer" and not percent:
            return "orgs_transferred", "total", "", "orgs_transferred", ""
        if P.DEPLOYED_STUDY_TOPICS.search(tail[:60]):
            return "orgs_deploying_study_topics", "total", "", "orgs_deploying_study_topics", ""
        task = P.POLITICAL_TASK.search(zone)
        if task and tier:
            return tiered("political_task_leadership", task.group(), "political_task_tier")
        if tier:
            return tiered("org_classification", tier[1], "org_tier")
        if percent:
            return None
        category = P.HEAD_CATEGORIES.get(name, "total")
        pattern = "org_form_count" if category != "total" else "orgs_count"
        return "party_orgs", category, "", pattern, ""
    if name == "cells":
        if percent:
            return None
        if verb == "visit":
            return "cells_visited", "total", "", "cells_visited", ""
        if P.CELLS_WITHOUT_LOCAL_MEMBER.search(tail[:80]):
            return (
                "village_cells_without_local_member",
                "total",
                "",
                "village_cells_without_local_member",
                "",
            )
        return None
    if name == "members":
        if training_attendees and not percent:
            return "training_attendees", "members", "", "training_attendees", ""
        if verb == "admit" and not percent:
            return "members_admitted", "total", "", "members_admitted", ""
        if verb == "transfer" and not percent:
            return "members_transferred", "total", "", "members_transferred", ""
        if P.MEMBER_EXCLUSIONS.match(tail):
            return None
        if tier:
            return tiered("member_classification", tier[1], "member_tier")
        if percent:
            return None
        return "party_members", "total", "", "members_count", ""
    if percent:
        return None
    if name == "key_cadres":
        if training_attendees:
            return "training_attendees", "key_cadres", "", "training_attendees", ""
        return None
    if name == "staff":
        if training_attendees:
            note = "subject printed as cadres and members; check the category"
            return "training_attendees", "members", "", "training_attendees", note
        if verb is None:
            return "staff", "total", "", "staff_count", ""
        return None
    if name == "classes":
        subject = P.CLASS_SUBJECT.match(text, hm.end(), ctx.clause[1])
        if subject:
            sub = subject.group("subject").lower()
            category = "members" if "đảng viên" in sub else "key_cadres"
            return "training_classes", category, "", "training_classes", ""
        return "training_classes", "", "", "training_classes", "subject not printed"
    if name == "attendances":
        follow = _head(text, hm.end())
        if follow and follow[0] in ("members", "key_cadres", "staff"):
            category = "key_cadres" if follow[0] == "key_cadres" else "members"
            return "training_attendees", category, "", "training_attendances", ""
        return None
    if name in ("collectives", "individuals") and verb == "commend":
        category = "collective" if name == "collectives" else "individual"
        return "commendations", category, "", "commendations", ""
    surveyed = {
        "enterprises": "enterprises_surveyed",
        "communes": "communes_surveyed",
        "districts": "districts_surveyed",
    }
    if name in surveyed and verb == "survey":
        return surveyed[name], "total", "", surveyed[name], ""
    if name == "positions" and verb == "cut":
        return "staff_cuts_proposed", "total", "", "staff_cuts_proposed", ""
    return None


def _classify_headless(ctx: _Context) -> tuple[str, str, str, str, str] | None:
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
        phrase = share.group("phrase")
        head = _head(phrase, 0)
        if head is None or head[0] not in P.SHARE_DENOMINATOR:
            return None
        tier = _tier(phrase[head[1].end() :])
        if not tier:
            return None
        metric = "org_classification" if head[0] == "orgs" else "member_classification"
        task = P.POLITICAL_TASK.search(phrase)
        if task and head[0] == "orgs":
            metric = "political_task_leadership"
        cat, note = _tier_category(tier[0], metric, tok.unit, ctx.period, ctx.sentence)
        words = task.group() if task and head[0] == "orgs" else tier[1]
        return metric, cat, words, "share_named_before", note
    return None


_DENOMINATORS = {
    "org_classification": "party_orgs",
    "political_task_leadership": "party_orgs",
    "orgs_deploying_study_topics": "party_orgs",
    "member_classification": "party_members",
}
_WHOLES = {
    "org_classification": "party_orgs",
    "political_task_leadership": "party_orgs",
    "orgs_transferred": "party_orgs",
    "member_classification": "party_members",
    "members_transferred": "party_members",
    "members_admitted": "party_members",
}


# --------------------------------------------------------------------------- targets


def _fmt(number: Decimal) -> str:
    return format_vn_number(number)


def _target_qualifier(modifier_q: str | None, implied_bound: str) -> str:
    if modifier_q in ("trên", "hơn"):
        return implied_bound
    if modifier_q in ("gần", "khoảng", "xấp xỉ"):
        return "approximately"
    return "exact"


def _attach_target(cand: Candidate, basis: str, given: Decimal, modifier_q: str | None) -> None:
    """Record an implied (or stated) target on the figure the phrase qualifies."""
    value = cand.value
    cand.target_basis = basis
    cand.target_input = given
    shown_q = f"'{modifier_q} {_fmt(given)}%'" if modifier_q else ""
    if basis == "stated":
        cand.target, cand.target_input, cand.target_qualifier = given, None, "exact"
        cand.pattern += "+stated_target"
        return
    if basis == "implied_pp_excess":
        target = value - given
        arithmetic = f"{_fmt(value)} − {_fmt(given)} = {_fmt(target)} (percentage points)"
        bound = "at_most"
    elif basis == "implied_absolute_excess":
        target = value - given
        arithmetic = f"{_fmt(value)} − {_fmt(given)} = {_fmt(target)}"
        bound = "at_most"
    else:
        factor = (1 + given / 100) if basis == "implied_relative_excess" else given / 100
        if factor == 0:
            cand.target_basis, cand.target_input = "", None
            return
        exact = value / factor
        target = exact.quantize(Decimal(1), ROUND_HALF_UP) if cand.unit == "count" else exact
        target = target.quantize(Decimal("0.01"), ROUND_HALF_UP) if cand.unit != "count" else target
        sign = "=" if target == exact else "≈"
        arithmetic = f"{_fmt(value)} / {_fmt(factor)} {sign} {_fmt(target)}"
        bound = "at_most"
    cand.target = target
    cand.target_qualifier = _target_qualifier(modifier_q, bound)
    if cand.qualifier == "approximately" and cand.target_qualifier == "exact":
        cand.target_qualifier = "approximately"
    if cand.target_qualifier == "at_most" and shown_q:
        arithmetic += f"; {shown_q} makes {_fmt(target)} an upper bound"
    cand.target_arithmetic = arithmetic
    cand.pattern += "+" + basis


def _modifier(ctx: _Context, last: Candidate | None) -> bool:
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


# --------------------------------------------------------------------------- extraction


def _quote(text: str, clause: tuple[int, int]) -> str:
    return text[clause[0] : clause[1]].strip().rstrip(".…").strip()


def extract(text: str, source_id: str = "", trace: dict[int, str] | None = None) -> list[Candidate]:
    """Candidate figures in an article's text (any Unicode form; debris is dropped first).

    Args:
        text: the article as read from its file.
        source_id: written into every candidate's ``source_id``.
        trace: when given, filled with the verdict on every number, keyed by its offset in the
            normalized text (see :func:`explain_numbers`).

    Returns:
        Candidates in reading order, numbered ``CAND-001``, ``CAND-002``, ...
    """
    text = normalize_text(text)
    masks = find_masks(text)
    cover = _coverage(text, masks)
    tokens, _declined = _tokens(text, cover)
    trace = {} if trace is None else trace
    out: list[Candidate] = []
    previous_period: Period | None = None
    for sentence in _sentences(text):
        sentence_text = text[sentence.start : sentence.end]
        in_sentence = [t for t in tokens if sentence.start <= t.start < sentence.end]
        periods = _periods(text, sentence.start, sentence.end, masks)
        inherited = previous_period if P.CONTINUATION.match(sentence_text) else None
        consumed: set[int] = set()
        for clause in sentence.clauses:
            in_clause = [t for t in in_sentence if clause[0] <= t.start < clause[1]]
            emitted: list[Candidate] = []
            for index, tok in enumerate(in_clause):
                if id(tok) in consumed:
                    trace[tok.start] = "whole_of_previous"
                    continue
                prev_end = in_clause[index - 1].end if index else clause[0]
                following = in_clause[index + 1] if index + 1 < len(in_clause) else None
                before_periods = [p for p in periods if p.end <= tok.start]
                after_periods = [p for p in periods if tok.end <= p.start < clause[1]]
                period = (before_periods or [None])[-1] or (after_periods or [None])[0]
                from_previous = period is None and inherited is not None
                ctx = _Context(
                    text=text,
                    token=tok,
                    clause=clause,
                    before_local=text[prev_end : tok.start],
                    next_start=following.start if following else clause[1],
                    sentence=sentence_text,
                    period=period or inherited,
                )
                share = _bracket_share(ctx, emitted[-1] if emitted else None)
                if share is not None:
                    trace[tok.start] = "figure:" + share.pattern
                    emitted.append(share)
                    out.append(share)
                    continue
                if _modifier(ctx, emitted[-1] if emitted else None):
                    trace[tok.start] = "target_of_previous:" + emitted[-1].target_basis
                    continue
                beyond = in_clause[index + 2].start if index + 2 < len(in_clause) else clause[1]
                new = _figure(ctx, following, beyond, consumed)
                trace[tok.start] = "figure:" + new[0].pattern if new else "no_subject"
                for cand in new:
                    cand.source_id = source_id
                    cand.quote = _quote(text, clause)
                    cand.position = tok.start
                    _date(cand, ctx.period, from_previous, text[sentence.start : tok.start])
                    _nesting(cand, text, sentence, clause, tok, out)
                    out.append(cand)
                    emitted.append(cand)
        if periods:
            previous_period = periods[-1]
        elif not inherited:
            previous_period = None
    for number, cand in enumerate(out, start=1):
        cand.figure_id = f"CAND-{number:03d}"
    return out


def explain_numbers(text: str) -> list[tuple[str, str]]:
    """Every number of an article with the verdict on it, for curators and tests.

    The verdict is the mask rule that declined it (``date``, ``document_number``, ``ordinal``,
    ``year``, ``duration``, ``fixed_list``, ``code``, ``long_number``, ...), ``figure:<pattern>``
    when it became a candidate, ``target_of_previous:<basis>`` when it qualifies the figure before
    it, ``whole_of_previous`` for the 686 of "662 trong tổng số 686", or ``no_subject`` when no
    rule recognizes what it counts. Numbers on dropped debris lines are not listed.
    """
    normalized = normalize_text(text)
    cover = _coverage(normalized, find_masks(normalized))
    trace: dict[int, str] = {}
    extract(normalized, trace=trace)
    out = []
    for m in re.finditer(r"\d+(?:[.,:/\-]\d+)*%?", normalized):
        rule = next((cover[i] for i in range(m.start(), m.end()) if cover[i]), None)
        out.append((m.group(), rule or trace.get(m.start(), "not_a_number")))
    return out


def _figure(
    ctx: _Context, following: Token | None, beyond: int, consumed: set[int]
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
    if of_total:
        whole_value, head_at, ctx.next_start = following.value, following.end, beyond
    found = _classify(ctx, head_at)
    if found is None:
        return []
    if of_total:
        consumed.add(id(following))
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
        qualifier=_qualifier(qualifier, ctx.before_local),
        denominator=_DENOMINATORS.get(metric, "party_orgs") if tok.unit == "percent" else "",
    )
    if note:
        cand.notes.append(note)
    if whole_value is None:
        return [cand]
    cand.pattern += "+of_total"
    cand.notes.append(f"{_fmt(tok.value)} of {_fmt(whole_value)} printed as the whole")
    whole_metric = _WHOLES.get(metric, metric)
    whole = Candidate(
        metric=whole_metric,
        category="total",
        value=whole_value,
        unit="count",
        quote="",
        pattern="of_total_whole",
        notes=[f"the whole of which {_fmt(tok.value)} are {metric}"],
    )
    return [cand, whole]


def _bracket_share(ctx: _Context, last: Candidate | None) -> Candidate | None:
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
        denominator=_DENOMINATORS.get(last.metric) or _WHOLES.get(last.metric) or last.metric,
        notes=[*last.notes, f"share printed beside {_fmt(last.value)}"],
        position=tok.start,
    )
    return share


def _qualifier(immediate: re.Match[str] | None, before: str) -> str:
    """ "gần 12.000" (the word right before), else "dự ước kết nạp 450" (an estimate verb)."""
    if immediate:
        return P.QUALIFIERS[immediate.group("q").lower()]
    return "approximately" if P.ESTIMATE_BEFORE.search(before) else "exact"


def _date(cand: Candidate, period: Period | None, inherited: bool, before: str) -> None:
    """Set period and period_kind, with the reason in note when the period is not printed."""
    if period is not None:
        cand.period, cand.period_kind = period.period, period.kind
        if inherited:
            cand.notes.append(f"period from the previous sentence ('{period.words}')")
        return
    cand.period, cand.period_kind = "", "undated"
    now = P.AS_OF_PUBLICATION.search(before)
    if now:
        cand.notes.append(f"'{now.group()}': as of publication; the date is not printed")
    else:
        cand.notes.append("period not stated in the sentence")


def _nesting(
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
    family = _FAMILY_HINT.get(cand.metric)
    if family is None or (cand.metric in _TOTAL_METRICS and cand.category == "total"):
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
        and c.metric in _TOTAL_METRICS
        and _FAMILY_HINT.get(c.metric) == family
    ]
    if earlier:
        parent = earlier[-1]
        cand.notes.append(f"part of {_fmt(parent.value)} ({parent.metric}, 'trong đó')")


_TOTAL_METRICS = {"party_orgs", "party_members"}
_FAMILY_HINT = {
    "party_orgs": "organizations",
    "org_classification": "organizations",
    "political_task_leadership": "organizations",
    "party_members": "members",
    "member_classification": "members",
    "members_admitted": "members",
}


def extract_file(
    path: Path | str, source_id: str | None = None, data_dir: Path | str = DATA_DIR
) -> list[Candidate]:
    """Read an article file (UTF-8) and extract; the source id is inferred when not given."""
    path = Path(path)
    if source_id is None:
        source_id = infer_source_id(path, data_dir) or ""
    return extract(path.read_text(encoding="utf-8"), source_id)


# --------------------------------------------------------------------------- files and comparison


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def infer_source_id(path: Path | str, data_dir: Path | str = DATA_DIR) -> str | None:
    """The source id whose ``seed_file`` in ``sources.csv`` is the article's file name."""
    sources = Path(data_dir) / "sources.csv"
    if not sources.is_file():
        return None
    name = Path(path).name
    return next((r["source_id"] for r in _read_csv(sources) if r["seed_file"] == name), None)


def metric_families(data_dir: Path | str = DATA_DIR) -> dict[str, str]:
    """metric -> family, from ``metrics.csv``."""
    return {r["metric"]: r["family"] for r in _read_csv(Path(data_dir) / "metrics.csv")}


def write_candidates(candidates: Iterable[Candidate], stream: io.TextIOBase) -> None:
    """Write candidates as CSV (UTF-8 text, LF line ends) in :data:`COLUMNS`."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for cand in candidates:
        writer.writerow(cand.row())


def _text(value: object) -> str:
    """A cell of the curated frame as text ('' for missing, 97.0 -> '97')."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return plain(Decimal(repr(value)))
    return str(value)


def _key(value: object, unit: str, family: str) -> tuple[str, str, str]:
    return (plain(Decimal(_text(value) or "0")), unit, family)


def match_figures(
    candidates: Sequence[Candidate],
    curated: Sequence[dict],
    families: dict[str, str],
) -> list[tuple[Candidate | None, dict | None]]:
    """Pair candidates with curated figures on value, unit and metric family.

    Each curated figure is paired at most once; pairs that also agree on metric and category are
    made first. Unpaired candidates come back as ``(candidate, None)``, unpaired curated figures
    as ``(None, figure)``.
    """
    free = list(range(len(curated)))
    pairs: dict[int, int] = {}
    keys = [
        _key(f["value"], _text(f["unit"]), families.get(_text(f["metric"]), "")) for f in curated
    ]
    for strict in (True, False):
        for i, cand in enumerate(candidates):
            if i in pairs:
                continue
            key = _key(cand.value, cand.unit, families.get(cand.metric, ""))
            for j in free:
                fig = curated[j]
                same = (
                    _text(fig["metric"]) == cand.metric and _text(fig["category"]) == cand.category
                )
                if keys[j] == key and (same or not strict):
                    pairs[i] = j
                    free.remove(j)
                    break
    out: list[tuple[Candidate | None, dict | None]] = [
        (cand, curated[pairs[i]] if i in pairs else None) for i, cand in enumerate(candidates)
    ]
    out += [(None, curated[j]) for j in free]
    return out


def _differences(cand: Candidate, fig: dict) -> list[str]:
    row = cand.row()
    diffs = []
    for name in COMPARED_FIELDS:
        mine, theirs = row[name], _text(fig.get(name))
        if name == "target" and mine and theirs and abs(float(mine) - float(theirs)) <= 0.5:
            continue
        if mine != theirs:
            diffs.append(f"{name}: '{mine}' vs curated '{theirs}'")
    return diffs


def compare(
    candidates: Sequence[Candidate], curated: Sequence[dict], families: dict[str, str]
) -> list[dict[str, str]]:
    """Verdict rows: ``match``, ``disagree`` (paired, other fields differ), ``new``, ``missing``."""
    rows = []
    for cand, fig in match_figures(candidates, curated, families):
        if cand is not None:
            diffs = _differences(cand, fig) if fig is not None else []
            verdict = "new" if fig is None else ("disagree" if diffs else "match")
            rows.append(
                {
                    "verdict": verdict,
                    "candidate_id": cand.figure_id,
                    "figure_id": _text(fig["figure_id"]) if fig is not None else "",
                    "family": families.get(cand.metric, ""),
                    "metric": cand.metric,
                    "category": cand.category,
                    "value": plain(cand.value),
                    "unit": cand.unit,
                    "period": cand.period,
                    "differences": "; ".join(diffs),
                    "quote": cand.quote,
                }
            )
        else:
            rows.append(
                {
                    "verdict": "missing",
                    "candidate_id": "",
                    "figure_id": _text(fig["figure_id"]),
                    "family": families.get(_text(fig["metric"]), ""),
                    "metric": _text(fig["metric"]),
                    "category": _text(fig["category"]),
                    "value": _text(fig["value"]),
                    "unit": _text(fig["unit"]),
                    "period": _text(fig["period"]),
                    "differences": "not proposed by the extractor",
                    "quote": _text(fig["quote"]),
                }
            )
    order = {"match": 0, "disagree": 1, "new": 2, "missing": 3}
    return sorted(rows, key=lambda r: order[r["verdict"]])


def curated_figures(source_id: str, data_dir: Path | str = DATA_DIR) -> list[dict]:
    """The curated figures of one source, via the validating loader."""
    from helpers.data.loading import load_figures

    figures = load_figures(data_dir)
    return figures[figures["source_id"] == source_id].to_dict("records")


@dataclass
class ArticleScore:
    """Recall and precision of the extractor on one article."""

    source_id: str
    seed_file: str
    curated: int
    candidates: int
    matched: int
    misses: list[dict]
    false_positives: list[Candidate]

    @property
    def recall(self) -> float | None:
        return self.matched / self.curated if self.curated else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.candidates if self.candidates else None


def evaluate(
    seeds: Path | str | None = None, data_dir: Path | str = DATA_DIR
) -> list[ArticleScore]:
    """Run the extractor on every article of ``sources.csv`` found in ``seeds``.

    Candidates and curated figures are paired by :func:`match_figures`; articles without
    curated figures count every candidate as a false positive.
    """
    seeds = Path(seeds) if seeds else seeds_dir()
    families = metric_families(data_dir)
    from helpers.data.loading import load_figures

    figures = load_figures(data_dir)
    scores = []
    for source in _read_csv(Path(data_dir) / "sources.csv"):
        path = seeds / source["seed_file"]
        if not path.is_file():
            continue
        sid = source["source_id"]
        cands = extract_file(path, sid, data_dir)
        curated = figures[figures["source_id"] == sid].to_dict("records")
        pairs = match_figures(cands, curated, families)
        scores.append(
            ArticleScore(
                source_id=sid,
                seed_file=source["seed_file"],
                curated=len(curated),
                candidates=len(cands),
                matched=sum(1 for c, f in pairs if c is not None and f is not None),
                misses=[f for c, f in pairs if c is None],
                false_positives=[c for c, f in pairs if f is None],
            )
        )
    return scores


# --------------------------------------------------------------------------- command line


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source-id", help="Source id (S000...); inferred from sources.csv by file name.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the candidates CSV here instead of stdout.",
)
@click.option(
    "--compare",
    "do_compare",
    is_flag=True,
    help="Compare with the curated figures of the source; print new/match/disagree/missing.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DATA_DIR,
    show_default=True,
    help="Data folder holding sources.csv, metrics.csv and figures.csv.",
)
def main(
    article: Path, source_id: str | None, out: Path | None, do_compare: bool, data_dir: Path
) -> None:
    """Propose candidate figures from a Vietnamese ARTICLE (UTF-8 text)."""
    if source_id is None:
        source_id = infer_source_id(article, data_dir)
        if source_id is None and do_compare:
            raise click.UsageError(
                f"--compare needs --source-id: {article.name} is no seed_file of "
                f"{Path(data_dir) / 'sources.csv'}"
            )
    candidates = extract_file(article, source_id or "", data_dir)
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as handle:
            write_candidates(candidates, handle)
        click.echo(f"wrote {len(candidates)} candidate(s) to {out}", err=True)
    elif not do_compare:
        buffer = io.StringIO()
        write_candidates(candidates, buffer)
        click.echo(buffer.getvalue(), nl=False)
    if do_compare:
        families = metric_families(data_dir)
        rows = compare(candidates, curated_figures(source_id, data_dir), families)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COMPARE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        counts = {
            v: sum(1 for r in rows if r["verdict"] == v)
            for v in ("new", "match", "disagree", "missing")
        }
        click.echo(f"{source_id}: " + ", ".join(f"{n} {v}" for v, n in counts.items()), err=True)


if __name__ == "__main__":
    main(sys.argv[1:])
