"""The curation assistant: propose candidate figures from an article's text.

The package is split so that each step can be read (and changed) on its own; importing it loads
nothing until a module is asked for.

- ``patterns``: the rule tables (words and regular expressions); teach the assistant here.
  ``nouns`` (the counted nouns), ``tiers`` (classification tiers, metric maps) and ``phrases``
  (organizations, part-year periods, targets, shares, groups, statuses) are tables too.
- ``records``: the records passed between steps (``Candidate`` is one proposed row) and columns.
- ``prepare``: clean text, masks on numbers that are not figures, sentences, clauses, periods.
- ``numbers_in_text``: the unmasked numbers, parsed the Vietnamese way.
- ``classify``: what a number counts (metric, category, tier); ``units`` reads bare units,
  members, groups, evaluation statuses and figures whose noun or tier stands before them.
- ``organizations``: the organization a sentence names ("Đảng bộ huyện Thới Lai").
- ``targets``: numbers that qualify the figure before them (targets, excesses, bracket shares).
- ``candidates``: a classified number as rows, with qualifier, whole, period and nesting notes.
- ``lists``: "Hội An 110; Điện Bàn 150" list items, and repeated statements dropped.
- ``engine``: :func:`~helpers.extract.engine.extract` walks an article through those steps.
- ``files``: ``sources.csv`` and ``metrics.csv`` read, candidates files written.
- ``matching``: candidates paired with curated figures (``--compare``).
- ``evaluate``: recall and precision on every article, and its command (``extract-eval``).
- ``command``: the ``extract`` command (``python -m helpers.extract``, ``tccsd extract``).
"""
