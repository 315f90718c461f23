"""The last product tier: one unexplained licence line beside one unpaired vendor product, joined
when its price is a plausible resale of the product's cost (always check first); and the bill's
words, which one run learns, never reach the next run in the same process."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from engine.match.catalogue import load_catalogue
from engine.match.price_elimination import by_price
from engine.match.product_context import Inference, _Bill
from engine.match.product_fit import PRODUCT_WORDS, use_bill_words

F3, STANDARD = "microsoft 365 f3", "microsoft 365 business standard"
NAMES = {F3: F3, STANDARD: STANDARD}


def _run(
    descriptions: list[tuple[str, int, Fraction]],
    basket: dict[str, int],
    paired: dict[str, int],
    costs: dict[str, Fraction],
) -> dict[tuple[int, str], Inference]:
    found: dict[tuple[int, str], Inference] = {}
    by_price(
        {0: [(d, Decimal(s)) for d, s, _ in descriptions]},
        found,
        {0: {k: Decimal(v) for k, v in basket.items()}},
        {0: {k: Decimal(v) for k, v in paired.items()}},
        _Bill(NAMES),
        {(0, d): p for d, _, p in descriptions},
        {0: costs},
    )
    return found


@pytest.mark.parametrize(
    "price,expected",
    [
        (Fraction("9.99"), F3),  # 1.31 × cost: a licence resold
        (Fraction("7.00"), F3),  # a little below cost: a price rise not passed on
        (Fraction("125"), None),  # priced like an hour of work, not like this licence
        (Fraction("3.00"), None),  # far below cost: something else
    ],
)
def test_the_one_unexplained_line_beside_the_one_unpaired_product(
    price: Fraction, expected: str | None
) -> None:
    """Found on held-out set B: "Shop floor user" (21 seats) beside an unbilled F3 (26 seats)."""
    found = _run(
        [("shop floor user", 21, price)],
        {F3: 26, STANDARD: 20},
        {STANDARD: 20},
        {F3: Fraction("7.62"), STANDARD: Fraction("12.20")},
    )
    got = found.get((0, "shop floor user"))
    assert (got.product_key if got else None) == expected
    if got:
        assert got.confidence < 0.7 and "only unpaired" in got.evidence  # check first


def test_two_unexplained_lines_or_two_unpaired_products_decide_nothing() -> None:
    two_lines = _run(
        [("shop floor user", 21, Fraction("9.99")), ("kiosk seat", 5, Fraction("9.99"))],
        {F3: 26},
        {},
        {F3: Fraction("7.62")},
    )
    two_products = _run(
        [("shop floor user", 21, Fraction("9.99"))],
        {F3: 26, STANDARD: 20},
        {},
        {F3: Fraction("7.62"), STANDARD: Fraction("9.00")},
    )
    assert two_lines == {} and two_products == {}


def test_a_service_line_is_never_the_unpaired_licence() -> None:
    found = _run([("managed firewall", 26, Fraction("9.99"))], {F3: 26}, {}, {F3: Fraction("7.62")})
    assert found == {}


def test_one_runs_bill_words_never_reach_the_next() -> None:
    """The live Excel path keeps Python running between clicks: a word one bill made a product word
    must not change how the next workbook's descriptions are read (it did: a case scored one
    look-alike merge after three others had run in the same process, none alone)."""
    load_catalogue()
    use_bill_words(["sentinelone singularity control"])
    assert "sentinelone" in PRODUCT_WORDS
    use_bill_words(["keeper business"])
    assert "keeper" in PRODUCT_WORDS and "sentinelone" not in PRODUCT_WORDS
    assert "defender" in PRODUCT_WORDS  # the catalogue's words stay
    use_bill_words(())
