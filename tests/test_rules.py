"""Each leakage rule on a tiny pair of exports whose every difference is listed in the docstring."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.reconcile import reconcile
from engine.result import Result

VENDOR_HEADER = "Customer,Product,Qty,Unit Cost,Billing Frequency\n"
PSA_HEADER = "Company,Description,Quantity,Price\n"


def run(write: Callable[..., Path], vendor: str, psa: str) -> Result:
    return reconcile(
        write("vendor.csv", VENDOR_HEADER + vendor), write("psa.csv", PSA_HEADER + psa)
    )


def only(result: Result) -> dict[str, tuple[str, str]]:
    return {
        f"{d.type}|{d.client or d.vendor_client}|{d.product}": (
            str(d.monthly_impact),
            str(d.annual_impact),
        )
        for d in result.discrepancies
    }


def test_identical_exports_find_nothing(write: Callable[..., Path]) -> None:
    """Same client, product, seats; price above cost: no finding."""
    result = run(
        write, "Contoso,Office 365 E3,5,20.70,Monthly\n", "Contoso,Office 365 E3,5,25.00\n"
    )
    assert result.discrepancies == ()


def test_unbilled_uses_the_median_psa_price(write: Callable[..., Path]) -> None:
    """Contoso: 4 × O365 E3 bought, not billed. Other clients are billed 24, 25 and 30 → median 25.
    Impact 4 × 25 = 100.00 per month, 1200.00 per year."""
    vendor = (
        "Contoso,Office 365 E3,4,20.70,Monthly\nA,Office 365 E3,1,20.70,Monthly\n"
        "B,Office 365 E3,1,20.70,Monthly\nC,Office 365 E3,1,20.70,Monthly\n"
    )
    psa = "A,Office 365 E3,1,24.00\nB,O365 E3,1,25.00\nC,Office 365 E3 - Monthly,1,30.00\nContoso,Managed Services,4,95\n"
    assert only(run(write, vendor, psa)) == {
        "unbilled|Contoso|Office 365 E3": ("100.00", "1200.00")
    }


def test_unbilled_falls_back_to_cost_when_nobody_is_billed(write: Callable[..., Path]) -> None:
    """Copilot bought for Contoso (3 × 27.00), billed to nobody: 3 × cost = 81.00."""
    result = run(
        write,
        "Contoso,Microsoft 365 Copilot,3,27.00,Monthly\nContoso,Office 365 E3,1,20.70,Monthly\n",
        "Contoso,Office 365 E3,1,25.00\n",
    )
    assert only(result) == {"unbilled|Contoso|Microsoft 365 Copilot": ("81.00", "972.00")}


def test_under_billed(write: Callable[..., Path]) -> None:
    """12 seats bought over two subscriptions (10 + 2), 10 billed at 22.00: (12 − 10) × 22 = 44.00."""
    result = run(
        write,
        "Contoso,Microsoft 365 Business Premium,10,19.80,Monthly\n"
        "Contoso Ltd,Microsoft 365 Business Premium [NCE],2,19.80,Monthly\n",
        "Contoso,M365 Business Premium,10,22.00\n",
    )
    assert only(result) == {
        "under_billed|Contoso|Microsoft 365 Business Premium": ("44.00", "528.00")
    }


def test_over_billed(write: Callable[..., Path]) -> None:
    """5 bought, 8 billed at 7.00: (8 − 5) × 7 = 21.00 exposure."""
    result = run(
        write,
        "Contoso,Microsoft 365 Business Basic,5,5.40,Monthly\n",
        "Contoso,Business Basic,8,7.00\n",
    )
    assert only(result) == {"over_billed|Contoso|Microsoft 365 Business Basic": ("21.00", "252.00")}
    assert result.kpis.overbilling_exposure == Decimal("21.00") and result.kpis.monthly_leakage == 0


def test_no_vendor_record(write: Callable[..., Path]) -> None:
    """E5 billed (2 × 60) with no vendor line at all: 120.00."""
    result = run(
        write,
        "Contoso,Office 365 E3,1,20.70,Monthly\n",
        "Contoso,Office 365 E3,1,25.00\nContoso,Microsoft 365 E5,2,60.00\n",
    )
    assert only(result) == {"no_vendor_record|Contoso|Microsoft 365 E5": ("120.00", "1440.00")}


def test_below_cost_sits_beside_a_quantity_row(write: Callable[..., Path]) -> None:
    """E3: 7 bought at 32.40, 5 billed at 30.00 → under_billed 2 × 30 = 60.00 and below_cost
    (32.40 − 30.00) × min(7, 5) = 12.00."""
    result = run(write, "Contoso,Microsoft 365 E3,7,32.40,Monthly\n", "Contoso,M365 E3,5,30.00\n")
    assert only(result) == {
        "under_billed|Contoso|Microsoft 365 E3": ("60.00", "720.00"),
        "below_cost|Contoso|Microsoft 365 E3": ("12.00", "144.00"),
    }


def test_annual_billing_compares_monthly_amounts(write: Callable[..., Path]) -> None:
    """Vendor bills E3 annually at 388.80 (= 32.40/month); PSA bills 31.00/month: below cost by 1.40 × 3."""
    result = run(
        write, "Contoso,Microsoft 365 E3,3,388.80,Annual\n", "Contoso,Microsoft 365 E3,3,31.00\n"
    )
    assert only(result) == {"below_cost|Contoso|Microsoft 365 E3": ("4.20", "50.40")}


def test_partner_center_exchange_rate_gives_the_billing_currency_cost(
    write: Callable[..., Path],
) -> None:
    """EffectiveUnitPrice 20.00 USD at PCToBCExchangeRate 1.5234 → ROUNDDOWN(30.468, 2) = 30.46 per
    seat; billed 5 at 30.00 → below_cost (30.46 − 30.00) × 5 = 2.30."""
    vendor = write(
        "v.csv",
        "CustomerName,ProductName,EffectiveUnitPrice,BillableQuantity,PCToBCExchangeRate\n"
        "Contoso,Office 365 E3,20.00,5,1.5234\n",
    )
    result = reconcile(vendor, write("p.csv", PSA_HEADER + "Contoso,Office 365 E3,5,30.00\n"))
    assert only(result) == {"below_cost|Contoso|Office 365 E3": ("2.30", "27.60")}


def test_term_decides_when_the_frequency_cell_is_blank(write: Callable[..., Path]) -> None:
    """BillingFrequency blank on the annual line: TermAndBillingCycle "…for yearly billing" makes
    388.80 a year = 32.40 a month; billed at 31.00 → below_cost 1.40 × 3 = 4.20."""
    vendor = write(
        "v.csv",
        "CustomerName,ProductName,EffectiveUnitPrice,BillableQuantity,BillingFrequency,"
        "TermAndBillingCycle\nContoso,Microsoft 365 E3,388.80,3,,"
        "One-Year commitment for yearly billing\n",
    )
    result = reconcile(vendor, write("p.csv", PSA_HEADER + "Contoso,Microsoft 365 E3,3,31.00\n"))
    assert only(result) == {"below_cost|Contoso|Microsoft 365 E3": ("4.20", "50.40")}


def test_weighted_average_and_half_up_rounding(write: Callable[..., Path]) -> None:
    """Two subscriptions: 1 at 10.00 and 2 at 10.01 → c = 30.02/3 = 10.00666…; billed 3 at 10.00.
    below_cost = 0.02 (exactly 0.02 = (30.02 − 30)/3 × 3), never a float artefact."""
    result = run(
        write,
        "Contoso,Power BI Pro,1,10.00,Monthly\nContoso,Power BI Pro,2,10.01,Monthly\n",
        "Contoso,Power BI Pro,3,10.00\n",
    )
    assert only(result) == {"below_cost|Contoso|Power BI Pro": ("0.02", "0.24")}


def test_annual_is_twelve_times_the_monthly_figure_shown(write: Callable[..., Path]) -> None:
    """Billed 3 at 10.00 against a cost of 10.00166… (1 × 10.005 + 2 × 10.00 over 3 seats):
    below_cost (0.00166…) × 3 = 0.005 → 0.01 a month, and the annual figure is 12 × 0.01 = 0.12
    (not 12 × 0.005 = 0.06)."""
    result = run(
        write,
        "Contoso,Power BI Pro,1,10.005,Monthly\nContoso,Power BI Pro,2,10.00,Monthly\n",
        "Contoso,Power BI Pro,3,10.00\n",
    )
    assert only(result) == {"below_cost|Contoso|Power BI Pro": ("0.01", "0.12")}


def test_credit_lines_net_off(write: Callable[..., Path]) -> None:
    """+1 then −1 (a credit) on top of 4 seats: 4 net, billed 4 → nothing."""
    result = run(
        write,
        "Contoso,Office 365 E3,4,20.70,Monthly\nContoso,Office 365 E3,1,20.70,Monthly\n"
        "Contoso,Office 365 E3,-1,20.70,Monthly\n",
        "Contoso,Office 365 E3,4,25.00\n",
    )
    assert result.discrepancies == ()


def test_order_severity_priority_and_actions(write: Callable[..., Path]) -> None:
    """Three findings: 600.00 (critical), 44.00 (medium), 21.00 (low) — ordered largest first."""
    result = run(
        write,
        "A,Microsoft 365 E5,10,51.84,Monthly\nB,Microsoft 365 Business Premium,12,19.80,Monthly\n"
        "C,Microsoft 365 Business Basic,5,5.40,Monthly\nD,Microsoft 365 E5,1,51.84,Monthly\n",
        "B,Business Premium,10,22.00\nC,Business Basic,8,7.00\nD,M365 E5,1,60.00\n",
    )
    rows = [(d.priority, d.type, str(d.monthly_impact), d.severity) for d in result.discrepancies]
    assert rows == [
        (1, "unbilled", "600.00", "critical"),
        (2, "under_billed", "44.00", "medium"),
        (3, "over_billed", "21.00", "low"),
    ]
    actions = [d.action for d in result.discrepancies]
    assert actions[0].startswith("Bill A for 10 × Microsoft 365 E5 at about 60.00 each per month")
    assert (
        actions[1] == "Increase Microsoft 365 Business Premium on B's agreement from 10 to 12 (+2)"
    )
    assert actions[2].startswith(
        "Reduce Microsoft 365 Business Basic on C's agreement from 8 to 5 (−3)"
    )


@pytest.mark.parametrize("status", ["Cancelled", "Inactive", "Expired"])
def test_inactive_psa_lines_take_no_part(write: Callable[..., Path], status: str) -> None:
    """The only PSA line is not active → the vendor seats are unbilled; the line is excluded with a reason."""
    result = reconcile(
        write(
            "v.csv",
            VENDOR_HEADER + "Contoso,Office 365 E3,2,20.70,Monthly\n"
            "Other,Office 365 E3,1,20.70,Monthly\n",
        ),
        write(
            "p.csv",
            "Company,Description,Quantity,Price,Status\n"
            f"Contoso,Office 365 E3,2,25.00,{status}\nOther,Office 365 E3,1,25.00,Active\n",
        ),
    )
    assert [d.type for d in result.discrepancies] == ["unbilled"]
    assert [e.reason for e in result.excluded] == [f"status: {status}"]
