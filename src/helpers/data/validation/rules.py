"""The rules across rows, tables and article texts, which no frictionless schema or check can say.

They run on the rows frictionless found valid, of sound tables, and report through ``Findings``.
"""

import math
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from itertools import chain
from pathlib import Path
from unicodedata import is_normalized

from helpers.data.numbers import format_vn_number, parse_data_number, printed_in_all
from helpers.data.validation.descriptor import MAX_ARTICLE_BYTES, read_text
from helpers.data.validation.structure import BLANKS_BUT_SPACE

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


# The parts of the rules: the articles, what the figures' values and quotes must agree with and
# the sums (which ``ahead`` may run in a forked child: at 200,000 rows about as long as the
# structure check and the rest take in this process), then the slugs and the rules against
# other tables.
AHEAD = frozenset({"articles", "values", "sums"})
EVERY = AHEAD | {"slugs", "static"}


def check_rules(
    tables: dict[str, list], seeds: Path | None, out, articles: Path, parts=EVERY
) -> None:
    """Check the rules across rows; ``tables``: the (line, row) pairs of each sound table;
    ``parts``: which of them (see ``EVERY``).

    A founding article is read from ``seeds`` (skipped when absent); a web article from its
    snapshot ``articles/<source_id>.txt``, which must exist.
    """
    at = defaultdict(
        dict, texts={}
    )  # each table's rows by their first cell (the primary key); figures are read by column
    at.update(
        {
            name: {next(iter(r.values())): r for _, r in rows}
            for name, rows in tables.items()
            if name != "figures"
        }
    )
    if "slugs" in parts:
        _unique_slugs(tables.get("provinces", []), out)
    for line, row in tables.get("sources", []) if "articles" in parts else ():
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
    lines, columns = _columns(tables.get("figures", []))
    found = _figures(lines, columns, at) if "static" in parts else ()
    values = _figure_values(columns, at) if "values" in parts and lines else ()
    for k, column, rule in chain(found, values):
        out.add(FIGURES, lines[k], column, columns[column][k], rule)
    if "sums" in parts:
        _sums(lines, columns, at["categories"], out)


def _columns(rows) -> tuple[list[int], dict[str, list[str]]]:
    """The line of each sound row and each column's cells, in the same order: taken whole from a
    column-wise table (``fast.SoundRows``), gathered from (line, dict) pairs otherwise."""
    if hasattr(rows, "columns"):
        return rows.lines(), rows.columns()
    names = list(rows[0][1]) if rows else []
    return [line for line, _ in rows], {n: [row[n] for _, row in rows] for n in names}


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
    """Text as compared for verbatim quotes: NFC, every run of blanks one plain space.

    ``str.split`` finds the runs (a third of a regex substitution's time over the articles);
    a blank run at either end stays one space."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    words = text.split()
    if not words:
        return " " if text else ""
    lead, tail = " " if text[0].isspace() else "", " " if text[-1].isspace() else ""
    return lead + " ".join(words) + tail


def _figures(lines: list[int], columns: dict[str, list[str]], at: dict):
    """Yield (row index, column, rule) for every rule a figure breaks against the other tables,
    each group of rules worked out once per distinct set of the cells it reads."""
    if not lines:
        return
    for reads, rules in STATIC:
        keys = list(zip(*(columns[c] for c in reads), strict=True))
        found = {key: list(rules(*key, at)) for key in set(keys)}
        failing = {key for key, broken in found.items() if broken}
        for k, key in enumerate(keys) if failing else ():
            if key in failing:
                yield from ((k, column, rule) for column, rule in found[key])


def _allowed(metric_id: str, category_id: str, tier_reported: str, at: dict):
    metric, category = at["metrics"].get(metric_id), at["categories"].get(category_id, {})
    group, groups = category.get("category_group"), (metric or {}).get("category_groups", "")
    if metric and category and group not in groups.split():
        yield "category", f"rule 'category allowed for metric {metric_id}': groups {groups}"
    if group == "tier" and not tier_reported:
        yield "tier_reported", "rule 'tier as reported': give the tier in the article's words"


def _same_province(organization_id: str, source_id: str, at: dict):
    org = at["organizations"].get(organization_id, {}).get("province")
    source = at["sources"].get(source_id, {}).get("province")
    if org and source and org != source:
        yield "organization_id", f"rule 'same province as source': {org} vs {source}"


def _regime(metric: str, category_id: str, period: str, period_kind: str, at: dict):
    """Organization tiers of the tsvm regime belong to 2017 and before, htxs to 2018 and after."""
    category = at["categories"].get(category_id, {})
    regime = category.get("regime") if metric != "member_classification" else None
    if regime not in ("tsvm", "htxs"):
        return
    years = [int(y) for y in re.findall(r"\d{4}", period)[:2]]
    if regime == "tsvm" and years and period_kind != "since" and years[-1] > 2017:
        yield "category", "rule 'regime tsvm ends in 2017': organization tiers from 2018 use htxs"
    if regime == "htxs" and years and period_kind != "since" and years[0] < 2018:
        yield "category", "rule 'regime htxs starts in 2018 for organizations'"


# The rules against other tables, each with the cells it reads (shared by many figures).
STATIC = (
    (("metric", "category", "tier_reported"), _allowed),
    (("organization_id", "source_id"), _same_province),
    (("metric", "category", "period", "period_kind"), _regime),
)


def _figure_values(columns: dict[str, list[str]], at: dict):
    """Yield (row index, column, rule) for the rules on a figure's value, target and quote (a
    valid row has a value and a quote)."""
    values, quotes = [_number(v) for v in columns["value"]], columns["quote"]
    for k, basis in enumerate(columns["target_basis"]):
        if basis not in IMPLIED:
            continue
        given, target = (_number(columns[c][k]) for c in ("target_input", "target"))
        if None not in (given, target):
            implied = IMPLIED[basis](values[k], given)
            tolerance = COUNT_TARGET_TOLERANCE if columns["unit"][k] == "count" else 1e-6
            if not abs(implied - target) <= tolerance:
                yield k, "target", f"rule 'implied target arithmetic': {basis} gives {implied:.4g}"
    for k, printed in enumerate(printed_in_all(quotes, values)):
        if not printed:
            shown = format_vn_number(values[k])
            yield k, "quote", f"rule 'quote states the value': '{shown}' not found in the quote"
    texts = at["texts"]
    if not texts:
        return
    joined = "\0".join(quotes)  # sound quotes are NFC with no NUL; squash changes them rarely
    plain = "  " not in joined and not SQUASHED.search(joined) and is_normalized("NFC", joined)
    after = dict.fromkeys(texts, 0)  # where the last quote of each article was found
    for k, (quote, source) in enumerate(zip(quotes, columns["source_id"], strict=True)):
        if (text := texts.get(source)) is None:
            continue
        quote = quote if plain else squash(quote)
        # Quotes mostly follow their article's order: look after the last one, then before it.
        found = text.find(quote, after[source])
        if found < 0:
            found = text.find(quote, 0, after[source] + len(quote) - 1)
        if found < 0:
            yield k, "quote", "rule 'quote is verbatim in its article'"
        else:
            after[source] = found


SQUASHED = re.compile(BLANKS_BUT_SPACE)  # with two spaces, what squash() changes beside NFC


@lru_cache(maxsize=1 << 16)
def _number(text: str) -> float | None:
    return float(parse_data_number(text)) if text else None


def _slack(parts) -> float:
    """How far printed shares may miss 100: each part rounded or cut at its printed decimals."""
    decimals = max((len(f"{v:g}".partition(".")[2]) for v, _ in parts), default=0)
    return max(PERCENT_SUM_TOLERANCE, len(parts) * 10.0**-decimals)


def _sums(lines: list[int], columns: dict[str, list[str]], categories: dict, out) -> None:
    """Full sets of parts (tiers of one regime, organization types) must add up to their total."""
    partitions = defaultdict(set)  # the organization types; forms; the tiers of one regime
    for category, c in categories.items():
        if c["category_group"] in ("org_type", "org_form") or c["regime"] and c["level"]:
            partitions[c["category_group"] + c["regime"]].add(category)
    within = defaultdict(list)  # category: the partitions it is a part of
    for name, parts in partitions.items():
        for category in parts:
            within[category].append(name)
    groups, totals = defaultdict(dict), {}  # group: {category: (value, line)}; stated totals
    names = ("source_id", "organization_id", "period", "unit", "metric")
    keys = zip(*(columns.get(n, ()) for n in names))  # (source, org, period, unit, metric)
    get = columns.get
    cells = zip(lines, get("value_kind", ()), get("category", ()), get("value", ()), keys)
    for line, kind, category, text, key in cells:
        if kind != "level" or category != "total" and category not in within:
            continue
        value = _number(text)
        if category == "total":
            totals[key] = (value, line)
        for name in within.get(category, ()):
            groups[key, name][category] = (value, line)
    for ((source, *key, unit, metric), name), present in groups.items():
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
