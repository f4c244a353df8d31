"""The rules across rows, tables and article texts, which no frictionless schema or check can say.

They run on the rows frictionless found valid, of sound tables, and report through ``Findings``.
"""

import math
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from helpers.data.numbers import format_vn_number, parse_data_number, printed_in
from helpers.data.validation.descriptor import MAX_ARTICLE_BYTES, read_text

FIGURES = "figures.csv"
# Tolerances: implied targets are exact up to the source's own rounding of the ratio it prints.
COUNT_TARGET_TOLERANCE, PERCENT_SUM_TOLERANCE = 0.5, 1.0
TIER_TOTALS = dict.fromkeys(["org_classification", "political_task_leadership"], "party_orgs")
TIER_TOTALS["member_classification"] = "party_members"  # the total that full tiers add up to
IMPLIED = {  # the target an implying phrase gives, from the value and the phrase's number
    "implied_pp_excess": lambda value, given: value - given,
    "implied_relative_excess": lambda value, given: value / (1 + given / 100),
    "implied_attainment": lambda value, given: value * 100 / given if given else math.nan,
    "implied_absolute_excess": lambda value, given: value - given,
}


def check_rules(tables: dict[str, list], seeds: Path | None, out, articles: Path) -> None:
    """Check the rules across rows; ``tables``: the (line, row) pairs of each sound table.

    A founding article is read from ``seeds`` (skipped when absent); a web article from its
    snapshot ``articles/<source_id>.txt``, which must exist.
    """
    at = defaultdict(
        dict, texts={}, static={}
    )  # each table's rows by their first cell (the primary key)
    at.update({name: {next(iter(r.values())): r for _, r in rows} for name, rows in tables.items()})
    _unique_slugs(tables.get("provinces", []), out)
    for line, row in tables.get("sources", []):
        seed, snapshot = row["seed_file"], articles / f"{row['source_id']}.txt"
        path = (seeds / seed if seeds and seeds.is_dir() else None) if seed else snapshot
        if path is None:
            continue
        column, value = ("seed_file", seed) if seed else ("source_id", row["source_id"])
        if not path.exists():
            out.add("sources.csv", line, column, value, f"rule 'article exists in {path.parent}'")
            continue
        text, _, problem = read_text(path, MAX_ARTICLE_BYTES)
        if problem is None:
            at["texts"][row["source_id"]] = squash(text)
        else:
            out.add("sources.csv", line, column, value, f"{problem} (article {path})")
    for line, row in tables.get("figures", []):
        for column, rule in _figure(row, at):
            out.add(FIGURES, line, column, row[column], rule)
    _sums(tables.get("figures", []), at["categories"], out)


def _unique_slugs(provinces: list, out) -> None:
    """Two province names must never fold to one slug, the name of one profile's file."""
    from helpers.render.pages import slug

    first: dict[str, tuple[int, str]] = {}
    for line, row in provinces:
        name = row["province"]
        if (seen := first.setdefault(slug(name), (line, name))) != (line, name):
            rule = f"rule 'unique slug': '{slug(name)}' is also the slug of '{seen[1]}' (line {seen[0]})"
            out.add("provinces.csv", line, "province", name, rule)


def squash(text: str) -> str:
    """Text as compared for verbatim quotes: NFC, every run of blanks one plain space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\xa0", " "))


def _figure(row: dict, at: dict):
    """Yield (column, rule) for every rule one figure breaks against the other tables."""
    key = tuple(row[c] for c in STATIC)
    if (found := at["static"].get(key)) is None:  # the same answer for the same cells
        found = at["static"][key] = list(_figure_static(dict(zip(STATIC, key)), at))
    yield from found
    yield from _figure_value(row, at)


# The cells the rules against other tables read (most figures share them with many others).
STATIC = ("metric", "category", "tier_reported", "organization_id", "source_id", "period",
          "period_kind")  # fmt: skip


def _figure_static(row: dict, at: dict):
    metric, category = at["metrics"].get(row["metric"]), at["categories"].get(row["category"], {})
    group, groups = category.get("category_group"), (metric or {}).get("category_groups", "")
    if metric and category and group not in groups.split():
        yield "category", f"rule 'category allowed for metric {row['metric']}': groups {groups}"
    if group == "tier" and not row["tier_reported"]:
        yield "tier_reported", "rule 'tier as reported': give the tier in the article's words"
    org = at["organizations"].get(row["organization_id"], {}).get("province")
    source = at["sources"].get(row["source_id"], {}).get("province")
    if org and source and org != source:
        yield "organization_id", f"rule 'same province as source': {org} vs {source}"
    # Organization tiers of the tsvm regime belong to 2017 and before, htxs to 2018 and after.
    regime = category.get("regime") if row["metric"] != "member_classification" else None
    years = [int(y) for y in re.findall(r"\d{4}", row["period"])[:2]]
    if regime == "tsvm" and years and row["period_kind"] != "since" and years[-1] > 2017:
        yield "category", "rule 'regime tsvm ends in 2017': organization tiers from 2018 use htxs"
    if regime == "htxs" and years and row["period_kind"] != "since" and years[0] < 2018:
        yield "category", "rule 'regime htxs starts in 2018 for organizations'"


def _figure_value(row: dict, at: dict):
    value, quote = _number(row["value"]), row["quote"]  # a valid row has both
    shown = format_vn_number(value)
    given, target = (_number(row[c]) for c in ("target_input", "target"))
    if (basis := row["target_basis"]) in IMPLIED and None not in (given, target):
        implied = IMPLIED[basis](value, given)
        tolerance = COUNT_TARGET_TOLERANCE if row["unit"] == "count" else 1e-6
        if not abs(implied - target) <= tolerance:
            yield "target", f"rule 'implied target arithmetic': {basis} gives {implied:.4g}"
    if not printed_in(quote, value):
        yield "quote", f"rule 'quote states the value': '{shown}' not found in the quote"
    text = at["texts"].get(row["source_id"])
    if text is not None and squash(quote) not in text:
        yield "quote", "rule 'quote is verbatim in its article'"


@lru_cache(maxsize=1 << 16)
def _number(text: str) -> float | None:
    return float(parse_data_number(text)) if text else None


def _slack(parts) -> float:
    """How far printed shares may miss 100: each part rounded or cut at its printed decimals."""
    decimals = max((len(f"{v:g}".partition(".")[2]) for v, _ in parts), default=0)
    return max(PERCENT_SUM_TOLERANCE, len(parts) * 10.0**-decimals)


def _sums(figures: list, categories: dict[str, dict], out) -> None:
    """Full sets of parts (tiers of one regime, organization types) must add up to their total."""
    partitions = defaultdict(set)  # the organization types; forms; the tiers of one regime
    for category, c in categories.items():
        if c["category_group"] in ("org_type", "org_form") or c["regime"] and c["level"]:
            partitions[c["category_group"] + c["regime"]].add(category)
    groups, totals = defaultdict(dict), {}  # group: {category: (value, line)}; stated totals
    for line, row in (f for f in figures if f[1]["value_kind"] == "level"):
        value = _number(row["value"])
        key = (row["source_id"], row["organization_id"], row["period"], row["unit"], row["metric"])
        totals.update({key: (value, line)} if row["category"] == "total" else {})
        for name in (name for name, parts in partitions.items() if row["category"] in parts):
            groups[key + (name,)][row["category"]] = (value, line)
    for (source, *key, unit, metric, name), present in groups.items():
        stated = totals.get((source, *key, unit, TIER_TOTALS.get(metric, metric)))
        total, full = sum(v for v, _ in present.values()), len(present) == len(partitions[name])
        line, where = min(n for _, n in present.values()), f"for {metric} in {source}"
        if unit == "percent" and full and abs(total - 100) > _slack(present.values()):
            rule = f"rule 'tiers add up to 100%' {where}"
            out.add(FIGURES, line, "value", format_vn_number(total), rule)
        elif unit != "percent" and stated and (total != stated[0] if full else total > stated[0]):
            verb = "add up to" if full else "do not exceed"
            rule = f"rule 'parts {verb} the stated total {stated[0]:g}' (line {stated[1]}) {where}"
            out.add(FIGURES, line, "value", f"{total:g}", rule)
