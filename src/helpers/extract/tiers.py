"""Classification tiers in the article's words, and the maps between metrics.

Why apart: :mod:`helpers.extract.patterns` holds the rules every number meets; the tiers (two
regimes mapped onto one ordinal scale, ``data/categories.csv``) and the metric maps (what a share
is a share of, what a part belongs to) are vocabulary, changed when the vocabulary changes. They
are re-exported by :mod:`helpers.extract.patterns`.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE | re.UNICODE


#: "trong sạch vững mạnh", "trong sạch, vững mạnh", "trong sạch - vững mạnh".
_CLEAN_STRONG = r"trong sạch\s*[,\-–]?\s*vững mạnh"

#: Classification tiers in the article's words, tried in order.  The value is a tier key that
#: :data:`TIER_CATEGORIES` maps to a category by regime.
TIERS: list[tuple[str, re.Pattern[str]]] = [
    (
        # the two upper tiers named together ("hoàn thành tốt và xuất sắc nhiệm vụ", "hoàn thành
        # xuất sắc và hoàn thành tốt nhiệm vụ"): one count of both, good or better
        "good_or_better",
        re.compile(
            r"hoàn thành\s+(?:tốt\s+(?:nhiệm vụ\s+)?(?:và|hoặc|,)\s+(?:hoàn thành\s+)?xuất sắc|"
            r"xuất sắc\s+(?:nhiệm vụ\s+)?(?:và|hoặc|,)\s+(?:hoàn thành\s+)?tốt)(?:\s+nhiệm vụ)?",
            FLAGS,
        ),
    ),
    (
        "good_or_better",
        re.compile(
            r"(?:hoàn thành tốt(?:\s+nhiệm vụ)?(?:\s+chính trị)?|\bHTT(?:\s*NV)?)\s+trở lên", FLAGS
        ),
    ),
    ("done_or_better", re.compile(r"hoàn thành(?:\s+nhiệm vụ)?\s+trở lên", FLAGS)),
    (
        "excellent",
        re.compile(
            r"hoàn thành xuất sắc(?:\s+nhiệm vụ)?|\bHTXS(?:\s*NV)?\b"
            r"|\b(?:xếp loại|loại|mức)\s+[\"“]?xuất sắc\b",
            FLAGS,
        ),
    ),
    (
        "failed",
        re.compile(
            r"không hoàn thành(?:\s+nhiệm vụ)?|\bKHT(?:\s*NV)?\b|\bkhông\s+HT(?:\s*NV)?\b"
            r"|\bvi phạm tư cách\b",  # the lowest tier of members before 2018
            FLAGS,
        ),
    ),
    ("exemplary", re.compile(r"(?:" + _CLEAN_STRONG + r"|\bTSVM)\s+tiêu biểu", FLAGS)),
    ("clean_strong", re.compile(_CLEAN_STRONG + r"|\bTSVM\b", FLAGS)),
    ("good", re.compile(r"hoàn thành tốt(?:\s+nhiệm vụ)?|\bHTT(?:\s*NV)?\b", FLAGS)),
    ("done", re.compile(r"hoàn thành nhiệm vụ|\bHT\s*NV\b", FLAGS)),
    ("weak", re.compile(r"yếu,?\s+kém", FLAGS)),
    # "loại khá", "trung bình và yếu kém", "40 chi bộ vững mạnh, 12 khá": tiers of the regimes
    # before 2011 that no category holds faithfully (tsvm_httnv is "hoàn thành tốt nhiệm vụ", not
    # "khá"); a count in one is no figure (:data:`TIER_CATEGORIES` maps them to no category)
    (
        "old_regime",
        re.compile(
            r"\b(?:xếp\s+)?loại\s+(?:khá|trung bình|kém|yếu)\b"
            r"|\b(?:đạt\s+)?(?:khá|kém)(?=\s*[.!?]?\s*$)"
            r"|\b(?:đạt\s+)?trung bình(?=\s*(?:,|và)?\s*(?:yếu|kém)\b)"
            r"|(?<!sạch\s)(?<!sạch,\s)(?<![\-–]\s)(?<![\-–])\bvững mạnh\b",
            FLAGS,
        ),
    ),
]
TIER_CATEGORIES = {
    ("good_or_better", None): "htt_or_better",
    ("done_or_better", None): "ht_or_better",
    ("excellent", None): "htxs",
    ("failed", None): "htxs_kht",
    ("clean_strong", None): "tsvm",
    ("exemplary", None): "tsvm_tieu_bieu",
    ("weak", None): "tsvm_yeu_kem",
    ("old_regime", None): "",
    ("good", "tsvm"): "tsvm_httnv",
    ("good", "htxs"): "htxs_htt",
    ("done", "tsvm"): "tsvm_htnv",
    ("done", "htxs"): "htxs_ht",
}
#: Words that reveal the regime of a sentence's tiers.
REGIME_TSVM = re.compile(_CLEAN_STRONG + r"|yếu,?\s+kém|\bTSVM\b", FLAGS)
REGIME_HTXS = re.compile(
    r"hoàn thành xuất sắc|không hoàn thành|\bHTXS|\bKHT(?:\s*NV)?\b|\bkhông\s+HT(?:\s*NV)?\b"
    # "đảng viên đủ tư cách hoàn thành tốt nhiệm vụ": the four member tiers before 2018
    r"|\bđủ tư cách\b|\bvi phạm tư cách\b",
    FLAGS,
)
#: The last year the tsvm regime applied to organizations.
LAST_TSVM_YEAR = 2017

# --------------------------------------------------------------------------- metrics

#: What a share of each metric is a share of, when the article does not say.
DENOMINATORS = {
    "org_classification": "party_orgs",
    "political_task_leadership": "party_orgs",
    "orgs_deploying_study_topics": "party_orgs",
    "member_classification": "party_members",
    "member_evaluation": "party_members",
    "org_evaluation": "party_orgs",
    "subunit_classification": "subunits",
    "members_admitted": "party_members",
    "admission_attainment": "admission_target",
}
#: The metric of the whole a part belongs to ("662 trong tổng số 686").
WHOLES = {
    "org_classification": "party_orgs",
    "political_task_leadership": "party_orgs",
    "orgs_transferred": "party_orgs",
    "member_classification": "party_members",
    "members_transferred": "party_members",
    "members_admitted": "party_members",
    "org_evaluation": "party_orgs",
    "member_evaluation": "party_members",
    "orgs_held_congress": "party_orgs",
    "orgs_admitting_members": "party_orgs",
    "subunit_evaluation": "subunits",
    "subunit_classification": "subunits",
}
#: Metrics a printed whole ("of 686") may be a row of.
WHOLE_METRICS = {"party_orgs", "party_members", "subunits", "members_admitted", "admission_target",
                 "orgs_transferred", "members_transferred"}  # fmt: skip
#: Metrics whose ``total`` is the whole that "trong đó" parts belong to.
TOTAL_METRICS = {"party_orgs", "party_members"}
#: What a metric counts, for matching a "trong đó" part with its whole.
FAMILY_HINT = {
    "party_orgs": "organizations",
    "org_classification": "organizations",
    "political_task_leadership": "organizations",
    "party_members": "members",
    "member_classification": "members",
    "members_admitted": "members",
}
