"""A percentage off the unit price in a column of its own (Xero's "Discount"), where the export
gives no line total: the price billed is the unit price less it, exactly (set AM, thirty-sixth
session). Each test fails on 2d5093e unless it says otherwise."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from engine.lines.discount_rates import less_percent
from tests.small_exports import BYSTANDERS, pc, run

_XERO_HEADER = (
    "*ContactName,EmailAddress,*InvoiceNumber,*InvoiceDate,*DueDate,InventoryItemCode,"
    "*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,TaxAmount,Currency\n"
)


def _xero(rows: list[tuple[str, str, int, str, str]]) -> str:
    """Xero's sales invoice export: client, description, seats, unit amount, discount %."""
    return _XERO_HEADER + "".join(
        f"{client},,INV-1,01/11/2026,30/11/2026,LIC,{item},{seats},{unit},{off},200,"
        "20% (VAT on Income),,GBP\n"
        for client, item, seats, unit, off in rows
    )


def test_a_charity_discount_lowers_the_price_billed(tmp_path: Path) -> None:
    """Blackthorn Accountants is billed 37 Business Premium at 39.80 less 50 % (19.90 a seat) and
    the vendor bills it none. Differences: one — no vendor record, 37 × 19.90 = 736.30. Before:
    the discount was not read, 37 × 39.80 = 1,472.60."""
    vendor = pc(BYSTANDERS)
    books = _xero(
        [
            *((client, product, seats, "28.60", "") for client, product, seats, _ in BYSTANDERS),
            ("Blackthorn Accountants Ltd", "Microsoft 365 Business Premium", 37, "39.80", "50"),
        ]
    )
    result = run(tmp_path, vendor, books, "SalesInvoices_Nov2026.csv")
    found = [(d.type, d.monthly_impact) for d in result.discrepancies]
    assert found == [("no_vendor_record", Decimal("736.30"))]


def test_a_round_percentage_gives_the_exact_price(tmp_path: Path) -> None:
    """Keswick Credit Union buys 12 Keeper Business and is billed 14 at 4.67 less 12.5 %
    (4.08625 a seat). Differences: one — over-billed 2 × 4.08625 = 8.17. Before: 2 × 4.67 =
    9.34."""
    vendor = pc([*BYSTANDERS, ("Keswick Credit Union", "Keeper Business", 12, "3.50")])
    books = _xero(
        [
            *((client, product, seats, "28.60", "") for client, product, seats, _ in BYSTANDERS),
            ("Keswick Credit Union", "Keeper Business", 14, "4.67", "12.5%"),
        ]
    )
    result = run(tmp_path, vendor, books, "SalesInvoices_Nov2026.csv")
    found = [(d.type, d.monthly_impact) for d in result.discrepancies]
    assert found == [("over_billed", Decimal("8.17"))]


@given(
    st.decimals(min_value=0, max_value=10000, places=2),
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("99.5"), places=1),
)
def test_less_percent_is_exact(unit: Decimal, percent: Decimal) -> None:
    """The price less the percentage, with the percentage taken back, is the price: no rounding."""
    price = less_percent(unit, percent)
    assert price is not None
    assert price + unit * percent / 100 == unit
