"""Whole reconciliations: exclusions with reasons, KPIs tying to the cent, refusals, mapping used."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from addin.sample.csv_bytes import to_csv_bytes
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from engine.errors import EmptyInputError, WrongSideError
from engine.reconcile import reconcile
from engine.settings import Settings

VENDOR = """Invoice export August 2025
PartnerId,CustomerName,CustomerDomainName,ProductId,SkuId,ProductName,ChargeType,UnitPrice,EffectiveUnitPrice,BillableQuantity,Subtotal,BillingFrequency,ChargeStartDate,ChargeEndDate
p,Contoso Ltd,contoso.onmicrosoft.com,CFQ7TTC0LCHC,0002,Microsoft 365 Business Premium,cycleCharge,22.00,19.80,10,198.00,Monthly,2025-08-01,2025-08-31
p,Contoso Ltd,contoso.onmicrosoft.com,CFQ7TTC0LFLX,0001,Microsoft 365 E3,cycleCharge,36.00,32.40,2,777.60,Annual,2025-08-01,2026-07-31
p,Contoso Ltd,contoso.onmicrosoft.com,,,Microsoft Teams Exploratory,cycleCharge,0,0,5,0.00,Monthly,2025-08-01,2025-08-31
p,Fabrikam Inc,fabrikam.onmicrosoft.com,CFQ7TTC0LF8Q,0001,Office 365 E3,cycleCharge,23.00,20.70,4,82.80,Monthly,2025-08-01,2025-08-31
p,Fabrikam Inc,fabrikam.onmicrosoft.com,CFQ7TTC0LF8Q,0001,Office 365 E3,cycleCharge,23.00,TBD,1,,Monthly,2025-08-01,2025-08-31
,,,,,Grand Total,,,,,1058.40,,,
"""
PSA = """Company Name,Description,Quantity,Less Included,Price,Bill,Cancelled,Addition Status
Contoso,Microsoft 365 Business Premium (NCE) Annual,10,0,$22.00,Billable,,Active
Contoso,M365 E3,2,0,$39.00,Billable,,Active
Contoso,Managed Services - Per User,10,0,$95.00,Billable,,Active
Contoso,Exchange Online (Plan 1),3,0,$5.00,Billable,07/15/2025,Cancelled
Fabrikam,Office 365 E3,5,1,$25.00,Billable,,Active
Fabrikam,Office 365 E3 (internal),1,0,$25.00,DoNotBill,,Active
"""


def test_every_line_is_reconciled_or_excluded_with_a_reason(write: Callable[..., Path]) -> None:
    """Vendor: 5 lines + a Grand Total row; PSA: 6 lines. Excluded: the free Teams line, the unreadable
    'TBD' cost, the totals row; the managed service, the cancelled addition, the DoNotBill line."""
    result = reconcile(write("v.csv", VENDOR), write("p.csv", PSA))
    reasons = sorted((e.side, e.row, e.reason) for e in result.excluded)
    assert reasons == [
        ("psa", 4, "not a vendor product (service, labour or other line)"),
        ("psa", 5, "status: Cancelled"),
        ("psa", 7, "not billable (DoNotBill)"),
        ("vendor", 5, "free or trial (costs nothing)"),
        ("vendor", 7, "unreadable unit cost 'TBD'"),
        ("vendor", 8, "totals row"),
    ]
    k = result.kpis
    assert k.vendor_lines == 6 and k.vendor_lines_reconciled == 3
    assert k.psa_lines == 6 and k.psa_lines_reconciled == 3
    assert result.discrepancies == ()  # Fabrikam: 4 bought, 5 − 1 included = 4 billed


def test_free_products_billed_at_zero_take_no_part(write: Callable[..., Path]) -> None:
    """The vendor's free Teams Exploratory line and the PSA's $0 line for it are both excluded."""
    result = reconcile(
        write("v.csv", VENDOR),
        write("p.csv", PSA + "Contoso,Teams Exploratory,5,0,$0.00,Billable,,Active\n"),
    )
    assert result.discrepancies == ()
    assert ("psa", "free or trial (costs nothing)") in {(e.side, e.reason) for e in result.excluded}


def test_kpis_tie_to_the_source_to_the_cent(write: Callable[..., Path]) -> None:
    """File total of the vendor lines = 198.00 + 777.60 + 0 + 82.80 = 1058.40 (the Grand Total row);
    monthly: 198.00 + 777.60/12 + 82.80 = 345.60."""
    result = reconcile(write("v.csv", VENDOR), write("p.csv", PSA))
    assert result.kpis.vendor_file_total == Decimal("1058.40")
    assert result.kpis.vendor_monthly_total == Decimal("345.60")
    assert result.warnings == ()  # the Grand Total row agrees with the lines
    excluded_amount = sum(
        (r.amount for r in result.kpis.excluded if r.side == "vendor" and r.reason != "totals row"),
        Decimal(0),
    )
    assert result.kpis.vendor_monthly_total + excluded_amount == Decimal("345.60")


def test_totals_row_that_disagrees_is_reported(write: Callable[..., Path]) -> None:
    result = reconcile(write("v.csv", VENDOR.replace("1058.40", "1158.40")), write("p.csv", PSA))
    assert any("says 1158.40 but the lines add up to 1058.40" in w for w in result.warnings)


def test_period_taken_from_the_vendor_bill(write: Callable[..., Path]) -> None:
    assert reconcile(write("v.csv", VENDOR), write("p.csv", PSA)).kpis.period == "2025-08"


def test_different_month_is_warned(write: Callable[..., Path]) -> None:
    result = reconcile(write("v.csv", VENDOR), write("p.csv", PSA), Settings(period="2025-09"))
    assert any("mostly for 2025-08" in w for w in result.warnings)


def test_the_same_file_twice_is_refused(write: Callable[..., Path]) -> None:
    path = write("v.csv", VENDOR)
    with pytest.raises(WrongSideError, match="same file"):
        reconcile(path, path)
    with pytest.raises(WrongSideError, match="same data"):
        reconcile(path, write("copy.csv", VENDOR))


def test_swapped_files_are_refused(write: Callable[..., Path]) -> None:
    with pytest.raises(WrongSideError, match="Swap"):
        reconcile(write("p.csv", PSA), write("v.csv", VENDOR))


def test_empty_vendor_bill_is_said_not_turned_into_findings(write: Callable[..., Path]) -> None:
    header_only = VENDOR.splitlines()[1] + "\n"
    with pytest.raises(EmptyInputError, match="only a header"):
        reconcile(write("v.csv", header_only), write("p.csv", PSA))
    free_only = "\n".join([*VENDOR.splitlines()[:2], VENDOR.splitlines()[4]]) + "\n"
    with pytest.raises(EmptyInputError, match="none can be reconciled"):
        reconcile(write("v.csv", free_only), write("p.csv", PSA))


def test_mapping_used_is_recorded(write: Callable[..., Path]) -> None:
    result = reconcile(write("v.csv", VENDOR), write("p.csv", PSA))
    assert result.mappings["vendor"].get("unit_cost") == "EffectiveUnitPrice"
    assert result.mappings["vendor"].get("quantity") == "BillableQuantity"
    assert result.summary()["mapping"]["psa"]["columns"]["less_included"] == "Less Included"


@pytest.mark.parametrize("vendor_format", ["partner_center", "pax8", "dicker", "cloudmore"])
@pytest.mark.parametrize("psa_format", ["connectwise", "autotask", "halopsa", "syncro"])
def test_seeded_sample_is_found_exactly(
    tmp_path: Path, vendor_format: str, psa_format: str
) -> None:
    """Every seeded discrepancy, and nothing else, with the impact right to the cent (all 16 pairs)."""
    # a seed of its own per pair, the same in every run (hash() of text changes from run to run)
    scenario = make_scenario(80, seed=zlib.crc32(f"{vendor_format}/{psa_format}".encode()) % 1000)
    vendor = tmp_path / "v.csv"
    psa = tmp_path / "p.csv"
    vendor.write_bytes(to_csv_bytes(vendor_rows(scenario, vendor_format), fmt=vendor_format))
    psa.write_bytes(to_csv_bytes(psa_rows(scenario, psa_format), fmt=psa_format))
    result = reconcile(vendor, psa)
    from engine.match.product_names import product_key

    # a client is named by its vendor spelling where it has one: a PSA company that is billed only
    # for services is still that client (its unbilled licences are to be added to its agreement)
    got = {
        (d.type, product_key(d.product), d.vendor_client or d.client): d.monthly_impact
        for d in result.discrepancies
    }
    want = {
        (e.type, product_key(e.product), e.vendor_client or e.psa_client): e.monthly_impact
        for e in scenario.expected
    }
    assert got == want


def test_a_cancellation_outranks_later_reasons_and_waits_for_the_period(
    write: Callable[..., Path],
) -> None:
    """PSA lines are typed before the vendor bill's period is known; the period then decides which
    cancellations count. Row 2: cancelled 07/15 and DoNotBill → "cancelled" (it outranks the bill
    flag). Row 3: cancelled 08/20, after the period starts, and DoNotBill → "not billable". Row 4:
    cancelled 08/20 with status Cancelled → the status reason, which comes first."""
    psa = PSA.replace(
        "Contoso,Exchange Online (Plan 1),3,0,$5.00,Billable,07/15/2025,Cancelled\n",
        "Contoso,Exchange Online (Plan 1),3,0,$5.00,DoNotBill,07/15/2025,Active\n"
        "Contoso,Exchange Online (Plan 2),1,0,$8.00,DoNotBill,08/20/2025,Active\n"
        "Contoso,Microsoft Teams Essentials,1,0,$4.00,Billable,08/20/2025,Cancelled\n",
    )
    result = reconcile(write("v.csv", VENDOR), write("p.csv", psa))
    reasons = {e.product: e.reason for e in result.excluded if e.side == "psa"}
    assert reasons["Exchange Online (Plan 1)"] == "cancelled 2025-07-15"
    assert reasons["Exchange Online (Plan 2)"] == "not billable (DoNotBill)"
    assert reasons["Microsoft Teams Essentials"] == "status: Cancelled"
    later = reconcile(write("v.csv", VENDOR), write("p.csv", psa), Settings(period="2025-09"))
    assert {e.product: e.reason for e in later.excluded if e.side == "psa"}[
        "Exchange Online (Plan 2)"
    ] == "cancelled 2025-08-20"


def test_a_bill_without_dates_takes_its_month_from_its_title(write: Callable[..., Path]) -> None:
    """A distributor invoice with no date column says its month in the title row; a PSA line ending
    later in that month is still billed for it (not judged against today's date)."""
    vendor = write(
        "distributor.csv",
        "Invoice INV-181182 - October 2026\n"
        "Customer,Product,Qty,Unit Cost\n"
        "Contoso,Microsoft 365 E3,10,33.75\n",
    )
    psa = write(
        "autotask.csv",
        "Account,Service,Units,Unit Price,Start Date,End Date\n"
        "Contoso,Microsoft 365 E3,10,36.00,2025-04-01,2026-10-04\n",
    )
    result = reconcile(vendor, psa)
    assert result.kpis.period == "2026-10"
    assert not result.discrepancies and not result.excluded


def test_a_credit_line_named_as_such_nets_against_its_subscription(
    write: Callable[..., Path],
) -> None:
    """A distributor writes a seat reduction as its own line, "… (Credit)" with negative seats: the
    same product, so 41 - 1 = 40 seats against 40 billed is no finding (the second independent set
    found the credit line counted as a product of its own)."""
    vendor = (
        "Customer,Product Code,Description,Quantity,Unit Price,Line Total\n"
        "Bridgewater Realty Corp.,DBX-BUS-STD,Power BI Pro - Monthly Commitment,41,13.67,560.47\n"
        "Bridgewater Realty Corp.,DBX-BUS-STD,Power BI Pro - Monthly Commitment (Credit),-1,13.67,-13.67\n"
    )
    psa = "Company,Description,Quantity,Price\nBridgewater Realty Corp.,Power BI Pro,40,17.99\n"
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert result.discrepancies == ()


def test_a_microsoft_licence_the_vendor_bills_nothing_like_is_billed_without_a_vendor_record(
    write: Callable[..., Path],
) -> None:
    """Beacon Law is billed "Microsoft 365 Firstline F3" (an old name) and the vendor bills it
    nothing: a licence billed with no vendor record (check first), not a service set aside. Its
    "Microsoft 365 Migration project" is a service; Contoso's mistyped "M365 Bus Perm" stays out,
    since Contoso's Business Premium is left unpaired (the typo most likely means it)."""
    vendor = (
        "Customer,Product,Quantity,Unit Cost\n"
        "Contoso Ltd,Microsoft 365 Business Premium,10,19.80\n"
        "Fabrikam Inc,Microsoft 365 E3,5,32.40\n"
    )
    psa = (
        "Company,Description,Quantity,Price\n"
        "Contoso Ltd,M365 Bus Perm,10,22.00\n"
        "Fabrikam Inc,Microsoft 365 E3,5,36.00\n"
        "Beacon Law Ltd,Microsoft 365 Firstline F3,5,9.95\n"
        "Beacon Law Ltd,Microsoft 365 Migration project,1,500.00\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    found = {(d.type, d.client or d.vendor_client, d.product): d for d in result.discrepancies}
    beacon = found[("no_vendor_record", "Beacon Law Ltd", "Microsoft 365 Firstline F3")]
    assert beacon.monthly_impact == Decimal("49.75") and beacon.check_first
    assert not any("Migration" in product for _, _, product in found)
    assert not any(t == "no_vendor_record" and c == "Contoso Ltd" for t, c, _ in found)
    excluded = {(e.client, e.product) for e in result.excluded}
    assert ("Beacon Law Ltd", "Microsoft 365 Migration project") in excluded


def test_an_old_name_beside_todays_name_is_one_licence(write: Callable[..., Path]) -> None:
    """A PSA-only client billed "Microsoft 365 Firstline F3" (5) and "Microsoft 365 F3" (3): one
    licence billed without a vendor record, 8 seats, not two findings."""
    vendor = "Customer,Product,Quantity,Unit Cost\nContoso Ltd,Microsoft 365 E3,5,32.40\n"
    psa = (
        "Company,Description,Quantity,Price\n"
        "Contoso Ltd,Microsoft 365 E3,5,36.00\n"
        "Marlow Physio Inc.,Microsoft 365 Firstline F3,5,8.00\n"
        "Marlow Physio Inc.,Microsoft 365 F3,3,8.00\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    marlow = [d for d in result.discrepancies if d.client == "Marlow Physio Inc."]
    assert [(d.type, d.psa_qty, d.monthly_impact) for d in marlow] == [
        ("no_vendor_record", Decimal("8"), Decimal("64.00"))
    ]


def test_a_category_that_says_service_keeps_a_line_a_service(write: Callable[..., Path]) -> None:
    """ "Hardware: Dell Latitude 5450" (5) is hardware, though its name after the category says
    nothing and the client's Business Standard (5 seats) is left unbilled: that stays unbilled."""
    vendor = "Customer,Product,Quantity,Unit Cost\nSummit Dental,Microsoft 365 Business Standard,5,12.23\n"
    psa = (
        "Company,Description,Quantity,Price\n"
        "Summit Dental,Hardware: Dell Latitude 5450,5,95.00\n"
        "Summit Dental,Microsoft 365 Copilot,6,43.99\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    types = {(d.type, d.product) for d in result.discrepancies}
    assert ("unbilled", "Microsoft 365 Business Standard") in types


def test_a_distributors_from_and_to_columns_set_the_month(write: Callable[..., Path]) -> None:
    """Giacom-style "From"/"To" columns, day first (01/11/2026 – 30/11/2026): the month is November
    2026, so a PSA line cancelled on 30/11/2026 is still billed this month."""
    vendor = (
        "Customer,Description,From,To,Quantity,Unit Price (ex VAT)\n"
        "Waverly Tech,Duo Essentials - Monthly Commitment,01/11/2026,30/11/2026,14,3.13\n"
    )
    psa = (
        "Company Name,Description,Quantity,Price,Cancelled\n"
        "Waverly Tech,Duo Essentials,16,4.00,11/30/2026\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert result.kpis.period == "2026-11"
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("over_billed", Decimal("8.00"))
    ]
