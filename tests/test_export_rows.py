"""The discrepancies CSV's quick test for a formula character at a text's start: no text missed."""

from __future__ import annotations

import operator

import pytest

from engine.export import FORMULA_START, _formula_start_in

TEXTS = operator.itemgetter(0, 2)


@pytest.mark.parametrize("start", FORMULA_START)
def test_a_formula_start_in_any_text_column_is_found(start: str) -> None:
    assert _formula_start_in([start + "1", "=1", "plain"], TEXTS)
    assert _formula_start_in(["plain", "=1", start + "1"], TEXTS)
    assert _formula_start_in(["plain", "=1", start], TEXTS)


def test_a_row_without_one_is_passed_and_a_nul_inside_a_text_only_asks_again() -> None:
    assert not _formula_start_in(["a=1", "=1", "b-2"], TEXTS)  # the number column is not text
    assert not _formula_start_in(["", "=1", ""], TEXTS)
    assert _formula_start_in(["a\x00=1", "", "b"], TEXTS)  # the exact check decides: no prefix
