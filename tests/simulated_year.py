"""Twelve monthly exports (2026-01 … 2026-12): a Partner Center bill with subscription end dates and
terms, and a ConnectWise export, with seeded persistence, a price rise, lapsed subscriptions,
renewals, fixes and reopenings. Every figure the tests check is worked out by hand in the docstrings
of :data:`STORY` and the tests.

Clients (names the same on both sides, so matching is exact):
- Alpha Dental, Business Premium: 10 bought at $22.00, 8 billed at $26.00 all year (annual term
  ending 2026-12-31): under-billed $52.00 a month; renews within 60 days in Nov, 30 in Dec.
- Bravo Legal, Business Standard (monthly term): 5 at $12.50 → $13.75 from April; billed 5 at $15.00:
  the cost rose $1.25 a seat, effect $6.25 a month; margin 8.33% from April (under 15%).
- Charlie Clinic, Exchange Online (Plan 1) (monthly term): 3 at $4.00; billed 3 at $5.00 in Jan,
  Apr and May; not billed in Feb–Mar (unbilled $12.00; marked Fixed in PSA in March's archive) and
  again from June (reopened).
- Delta Farms, Microsoft 365 E3: 20 at $33.00 (annual term ending 2026-06-30), billed 18 at $36.00:
  under-billed $72.00 a month to June; renewed at 18 seats to 2027-06-30 from July. Margin 8.33%.
- Echo Retail, Business Basic: 10 at $6.00 (annual, ending 2026-08-31), billed 10 at $7.50; not
  renewed: from September billed under Extended Service Terms at $6.18 (+3%: Foxtrot buys Business
  Basic monthly, so it has a monthly plan).
- Foxtrot Foods, Business Basic (monthly term): 4 at $6.00, billed 4 at $7.50.
- Golf Partners, Microsoft 365 Copilot: 2 at $30.00 (annual, ending 2026-09-30), billed 2 at $36.00;
  from October under Extended Service Terms at $36.90 (+23%: no monthly Copilot on the bill), which
  is above the $36.00 billed: below cost $1.80 a month.
- Hotel Nine, Business Premium: billed 5 at $26.00 in Jan–Feb with nothing bought (no vendor
  record $130.00), marked Fixed in PSA in February's archive, gone from March.
"""

from __future__ import annotations

import calendar
import datetime as dt

VENDOR_HEADER = (
    "PartnerId,CustomerName,CustomerDomainName,ProductId,SkuId,ProductName,ChargeType,UnitPrice,"
    "EffectiveUnitPrice,BillableQuantity,Subtotal,BillingFrequency,ChargeStartDate,ChargeEndDate,"
    "TermAndBillingCycle,SubscriptionEndDate"
)
PSA_HEADER = "Company Name,Description,Quantity,Less Included,Price,Bill,Cancelled,Addition Status"
ANNUAL = "One-Year commitment for monthly billing"
MONTHLY = "One-Month commitment for monthly billing"

#: Findings marked Fixed in PSA in a month's archive (period → client, product type).
FIXED = {
    "2026-02": [("Hotel Nine", "no_vendor_record")],
    "2026-03": [("Charlie Clinic", "unbilled")],
}


def period(month: int) -> str:
    return f"2026-{month:02d}"


def _last_day(month: int) -> dt.date:
    return dt.date(2026, month, calendar.monthrange(2026, month)[1])


def _vendor_line(
    month: int, client: str, product: str, cost: str, seats: int, term: str, end: dt.date
) -> str:
    start, last = dt.date(2026, month, 1), _last_day(month)
    domain = client.lower().replace(" ", "") + ".onmicrosoft.com"
    subtotal = f"{float(cost) * seats:.2f}"
    return (
        f"p,{client},{domain},,,{product},cycleCharge,{cost},{cost},{seats},{subtotal},Monthly,"
        f"{start.isoformat()},{last.isoformat()},{term},{end.isoformat()}"
    )


def vendor_csv(month: int) -> str:
    last = _last_day(month)
    lines = [
        _vendor_line(
            month,
            "Alpha Dental",
            "Microsoft 365 Business Premium",
            "22.00",
            10,
            ANNUAL,
            dt.date(2026, 12, 31),
        ),
        _vendor_line(
            month,
            "Bravo Legal",
            "Microsoft 365 Business Standard",
            "12.50" if month < 4 else "13.75",
            5,
            MONTHLY,
            last,
        ),
        _vendor_line(month, "Charlie Clinic", "Exchange Online (Plan 1)", "4.00", 3, MONTHLY, last),
        _vendor_line(
            month,
            "Delta Farms",
            "Microsoft 365 E3",
            "33.00",
            20 if month <= 6 else 18,
            ANNUAL,
            dt.date(2026, 6, 30) if month <= 6 else dt.date(2027, 6, 30),
        ),
        _vendor_line(
            month,
            "Echo Retail",
            "Microsoft 365 Business Basic",
            "6.00" if month <= 8 else "6.18",
            10,
            ANNUAL,
            dt.date(2026, 8, 31),
        ),
        _vendor_line(
            month, "Foxtrot Foods", "Microsoft 365 Business Basic", "6.00", 4, MONTHLY, last
        ),
        _vendor_line(
            month,
            "Golf Partners",
            "Microsoft 365 Copilot",
            "30.00" if month <= 9 else "36.90",
            2,
            ANNUAL,
            dt.date(2026, 9, 30),
        ),
    ]
    return "\n".join([VENDOR_HEADER, *lines]) + "\n"


def psa_csv(month: int) -> str:
    rows = [
        "Alpha Dental,Microsoft 365 Business Premium,8,0,$26.00,Billable,,Active",
        "Bravo Legal,Microsoft 365 Business Standard,5,0,$15.00,Billable,,Active",
        "Delta Farms,Microsoft 365 E3,18,0,$36.00,Billable,,Active",
        "Echo Retail,Microsoft 365 Business Basic,10,0,$7.50,Billable,,Active",
        "Foxtrot Foods,Microsoft 365 Business Basic,4,0,$7.50,Billable,,Active",
        "Golf Partners,Microsoft 365 Copilot,2,0,$36.00,Billable,,Active",
        "Alpha Dental,Managed Services - Per User,10,0,$95.00,Billable,,Active",
    ]
    if month in (1, 4, 5):
        rows.append("Charlie Clinic,Exchange Online (Plan 1),3,0,$5.00,Billable,,Active")
    else:
        rows.append("Charlie Clinic,Managed Services - Per User,3,0,$95.00,Billable,,Active")
    if month <= 2:
        rows.append("Hotel Nine,Microsoft 365 Business Premium,5,0,$26.00,Billable,,Active")
    return "\n".join([PSA_HEADER, *rows]) + "\n"
