"""The evaluation report splits the test part by collection, so a reader can see whether the
number holds on articles no rule-writer had seen when the earlier rules were written."""

from __future__ import annotations

from helpers.extract.evaluate import ArticleScore, collection_of, read_collections, report


def _score(source_id: str, part: str, matched: int, collection: str) -> ArticleScore:
    return ArticleScore(source_id, "", 10, 10, matched, [], [], matched, part, "2026-01-01",
                        collection)  # fmt: skip


def test_collections_are_read_from_their_table_and_name_each_source(tmp_path):
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / "collections.csv").write_text(
        "collection,first_source,last_source,collected,note\n"
        "1,S005,S064,2026-01-01,first\n2,S065,S092,2026-01-01,second\n",
        encoding="utf-8",
    )
    table = read_collections(tmp_path)
    assert collection_of("S064", table) == "S005–S064, collected 2026-01-01"
    assert collection_of("S065", table) == "S065–S092, collected 2026-01-01"
    assert collection_of("S000", table) == "" and collection_of("S093", table) == ""
    assert read_collections(tmp_path / "nowhere") == []


def test_one_retrieval_day_with_two_collections_still_gives_two_lines():
    first, second = "S005–S064, collected 2026-01-01", "S065–S092, collected 2026-01-01"
    scores = [_score("S006", "test", 9, first), _score("S066", "test", 6, second),
              _score("S007", "dev", 9, first)]  # fmt: skip
    lines = [ln for ln in report(scores).splitlines() if "of which" in ln]
    assert len(lines) == 2 and "S005–S064" in lines[0] and "S065–S092" in lines[1]
    assert "90.0%" in lines[0] and "60.0%" in lines[1] and "(1 article)" in lines[1]
    assert "S006" not in report(scores) and "of which" not in report(scores, detail="dev")
    alone = [_score("S006", "test", 9, first), _score("S007", "dev", 9, second)]
    assert "of which" not in report(alone)
