"""The annual-price reading's median over counted prices (engine.annual_prices._median_low, written
for speed: 100k lines hold a few distinct prices) is ``statistics.median_low`` of the same values."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from statistics import median_low

from hypothesis import given
from hypothesis import strategies as st

from engine.annual_prices import _median_low


@given(st.lists(st.fractions(min_value=-100, max_value=100, max_denominator=50), min_size=1))
def test_the_median_of_counted_prices_is_the_median_of_the_prices(prices: list[Fraction]) -> None:
    assert _median_low(Counter(prices)) == median_low(prices)
