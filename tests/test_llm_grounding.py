"""Quote grounding tolerates the punctuation small models change, never the words or numbers."""

from __future__ import annotations

from summarizer.engines.llm_schema import find_quote

SOURCE = "以项目倍增筑牢支撑梁柱。持续开展“1346”项目倍增行动,安排第一批区级重点项目181个,其中“5020项目”10个。"


def test_verbatim_quote() -> None:
    start, quote = find_quote(SOURCE, 0, len(SOURCE), "安排第一批区级重点项目181个") or (-1, "")
    assert SOURCE[start : start + len(quote)] == quote == "安排第一批区级重点项目181个"


def test_quote_marks_and_commas_folded_but_source_text_returned() -> None:
    found = find_quote(SOURCE, 0, len(SOURCE), "其中‘5020项目’10个")
    assert found is not None
    start, quote = found
    assert quote == "其中“5020项目”10个"
    assert SOURCE[start : start + len(quote)] == quote
    found = find_quote(
        SOURCE, 0, len(SOURCE), "持续开展“1346”项目倍增行动，安排第一批区级重点项目181个"
    )
    assert found is not None and "," in found[1]


def test_changed_words_or_numbers_are_not_found() -> None:
    assert find_quote(SOURCE, 0, len(SOURCE), "其中‘5020项目’11个") is None
    assert find_quote(SOURCE, 0, len(SOURCE), "安排第一批市级重点项目181个") is None
