"""Cell values: money in every spelling, quantities, billing periods, dates, statuses — as tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from engine.money import format_money, parse_money, round_cents
from engine.read.values import (
    is_inactive_status,
    is_not_billable,
    parse_date,
    parse_period_months,
    parse_quantity,
    period_from_stock_code,
)

MONEY = """
$1,234.50|1234.50
(12.00)|-12.00
-12|-12
1.234,50|1234.50
2,70|2.70
USD 12.00|12.00
1 234,50 €|1234.50
€12|12
£ 7.5|7.5
12.00-|-12.00
$338.31|338.31
R$ 1.234,56|1234.56
-R$ 3,00|-3.00
BRL 10,50|10.50
PLN 1 234,50|1234.50
▲￥900|-900
()|None
▲|None
1,234,567.89|1234567.89
0,123|0.123
  19.80 |19.80
1\u00a0234,50|1234.50
TBD|None
#N/A|None
#REF!|None
|None
N/A|None
12 seats|None
"""


@pytest.mark.parametrize("text,expected", [line.split("|") for line in MONEY.strip().splitlines()])
def test_parse_money(text: str, expected: str) -> None:
    got = parse_money(text)
    assert (str(got) if got is not None else "None") == expected


def test_money_from_spreadsheet_numbers_is_exact() -> None:
    assert parse_money(12.1) == Decimal("12.1")
    assert parse_money(0.1) + parse_money(0.2) == Decimal("0.3")  # type: ignore[operator]
    assert parse_money(float("nan")) is None and parse_money(True) is None


@pytest.mark.parametrize(
    "value,expected",
    [
        (Fraction(1, 200), "0.01"),
        (Fraction(-1, 200), "-0.01"),
        (Fraction(1234, 3), "411.33"),
        (Fraction(5, 1000), "0.01"),
        (Fraction(4999, 1000000), "0.00"),
        (Decimal("2.345"), "2.35"),
    ],
)
def test_round_half_up(value: Fraction | Decimal, expected: str) -> None:
    assert format_money(round_cents(value)) == expected


QUANTITIES = """
10|10
10.0|10.0
10 seats|10
-3|-3
(2)|-2
2.5|2.5
1,200|1200
|None
N/A|None
TBD|None
"""


@pytest.mark.parametrize(
    "text,expected", [line.split("|") for line in QUANTITIES.strip().splitlines()]
)
def test_parse_quantity(text: str, expected: str) -> None:
    got = parse_quantity(text)
    assert (str(got) if got is not None else "None") == expected


PERIODS = """
Monthly|1
monthly|1
Annual|12
Annually|12
Yearly|12
Quarterly|3
3 Year|36
2 Year|24
Month to Month|1
One-Year commitment for monthly billing|1
Annual Commitment / Monthly Billing (10/04/2026 - 11/03/2026)|1
Annual Commitment / Annual Billing|12
One-Year commitment for yearly billing|12
One-Month commitment for trial|1
Three-3 Years commitment for monthly/3 Years/yearly billing|None
One-Time|None
|None
"""


@pytest.mark.parametrize(
    "text,expected", [line.split("|") for line in PERIODS.strip().splitlines()]
)
def test_parse_period(text: str, expected: str) -> None:
    assert str(parse_period_months(text)) == expected


@pytest.mark.parametrize(
    "code,months",
    [
        ("P1Y:CFQ7TTC0LCHC:0002:1:", 1),
        ("P1Y:CFQ7TTC0LCHC:0002:Y:", 12),
        ("P1M:CFQ7TTC0LCHC:0002:M:", 1),
        ("P3Y:CFQ7TTC0LFLX:0001:T:", 36),
        # a third-party product's code has no SKU part (set E: the monthly price had been read
        # as a year's and divided by twelve)
        ("P1Y:S1-SNG-CMP:1:", 1),
        ("P1Y:S1-SNG-CMP:Y:", 12),
        ("P1Y:CFQ7TTC0LH1G:0001:", 12),  # a SKU is no billing code: the term bills
        ("CFQ7TTC0LCHC", None),
        ("", None),
    ],
)
def test_stock_code_period(code: str, months: int | None) -> None:
    assert period_from_stock_code(code) == months


@pytest.mark.parametrize(
    "text",
    [
        "2025-08-30",
        "30-AUG-2025",
        "08/30/2025",
        "30.08.2025",
        "Aug 30, 2025",
        "2025-08-30T00:00:00Z",
        "2025/08/30",
        45899,
    ],
)
def test_parse_date_five_formats_and_serials(text: object) -> None:
    assert parse_date(text) == dt.date(2025, 8, 30)


@pytest.mark.parametrize(
    "status,inactive",
    [
        ("Cancelled", True),
        ("canceled", True),
        ("Inactive", True),
        ("Expired", True),
        ("Active", False),
        ("", False),
        (False, True),
    ],
)
def test_status(status: object, inactive: bool) -> None:
    assert is_inactive_status(status) is inactive


@pytest.mark.parametrize(
    "flag,not_billable",
    [
        ("DoNotBill", True),
        ("NoCharge", True),
        ("Do Not Bill", True),
        ("No", True),
        ("Billable", False),
        ("Yes", False),
        (True, False),
        (False, True),
    ],
)
def test_bill_flag(flag: object, not_billable: bool) -> None:
    assert is_not_billable(flag) is not_billable


def test_a_column_of_dates_is_read_day_first_when_the_export_says_so() -> None:
    """01/11/2026 beside 30/11/2026 is the 1st of November; beside 11/30/2026 it is January 11th."""
    import datetime as dt

    from engine.read.values import date_parser_for

    day_first = date_parser_for(["01/11/2026", "30/11/2026"])
    month_first = date_parser_for(["01/11/2026", "11/30/2026"])
    assert day_first("01/11/2026") == dt.date(2026, 11, 1)
    assert month_first("01/11/2026") == dt.date(2026, 1, 11)
    assert day_first("2026-11-01") == dt.date(2026, 11, 1)  # unambiguous spellings unchanged
