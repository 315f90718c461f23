"""Real exports, end to end: every fixture is written from public facts (shared/reference/exports.md
and vendor/PSA documentation) and reconciled against a plain counterpart that agrees with it, so a
misread column shows up as a false finding and a refusal as an error.

Each fixture's docstring lists how it differs from the exports the older tests cover, and says which
columns are confirmed by a public source and which are assumed (portal CSV headers that are not
published: real users' files differ in spelling, so recognition is by meaning, not by one spelling).

The truth in every pair (USD unless the test says otherwise):
    Contoso   Microsoft 365 Business Premium   16 seats   cost 19.40   billed 22.00 (21.00 *)
    Contoso   Exchange Online (Plan 1)          5 seats   cost  4.00   billed  5.00
    Fabrikam  Microsoft 365 E3                  4 seats   cost 33.75   billed 39.00
(*) in PLAIN_PSA, the PSA side of the vendor fixtures: between the real cost and the list price.

Tests here that passed before issue 10's changes (kept as regression guards): the single-file
Partner Center quirks, the Pax8 portal CSV, TD SYNNEX, Sherweb and the generic distributor.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.reconcile import reconcile
from engine.result import Result

Write = Callable[..., Path]

#: The PSA side for vendor fixtures: ConnectWise additions, as the older tests have them. Business
#: Premium is billed at 21.00 here, between its real cost (19.40) and its list price (22.00), so a
#: bill misread at list price shows as a false below-cost finding.
PLAIN_PSA = """Company Name,Description,Quantity,Price,Bill,Addition Status
Contoso,Microsoft 365 Business Premium,16,21.00,Billable,Active
Contoso,Exchange Online (Plan 1),5,5.00,Billable,Active
Fabrikam,Microsoft 365 E3,4,39.00,Billable,Active
"""

#: The vendor side for PSA fixtures: Pax8 API field names.
PLAIN_VENDOR = """companyName,productName,sku,quantity,cost,costTotal,term,startPeriod,endPeriod,currencyCode
Contoso Ltd,Microsoft 365 Business Premium [NCE],MST-NCE-103-C100,16,19.40,310.40,Monthly,2025-08-01,2025-08-31,USD
Contoso Ltd,Exchange Online (Plan 1) [NCE],MST-NCE-EXO1,5,4.00,20.00,Monthly,2025-08-01,2025-08-31,USD
Fabrikam Inc,Microsoft 365 E3 [NCE],MST-NCE-E3,4,33.75,135.00,Monthly,2025-08-01,2025-08-31,USD
"""
PLAIN_VENDOR_TOTAL = Decimal("465.40")
PLAIN_PSA_TOTAL = Decimal("533.00")


def _clean(result: Result) -> None:
    """Nothing differs: every finding here would be a misread."""
    found = [
        (d.type, d.client or d.vendor_client, d.product, d.monthly_impact)
        for d in result.discrepancies
    ]
    assert found == []


def _vendor(write: Write, name: str, text: str | bytes) -> Result:
    return reconcile(write(name, text), write("psa.csv", PLAIN_PSA))


def _psa(write: Write, name: str, text: str | bytes) -> Result:
    return reconcile(write("vendor.csv", PLAIN_VENDOR), write(name, text))


# --- vendor bills ----------------------------------------------------------------------------------

INGRAM = """Customer Name,Customer ID,Subscription ID,Product Name,MPN,Billing Frequency,Quantity,Unit Price,Net Price,Currency,Charge Start Date,Charge End Date
Contoso Ltd,C-100,S-1,Microsoft 365 Business Premium (Monthly Pre-Paid),CFQ7TTC0LCHC:0002,Monthly,16,22.00,310.40,USD,2025-08-01,2025-08-31
Contoso Ltd,C-100,S-2,Exchange Online (Plan 1) (Monthly Pre-Paid),CFQ7TTC0LH16:0001,Monthly,5,4.40,20.00,USD,2025-08-01,2025-08-31
Fabrikam Inc,C-200,S-3,Microsoft 365 E3 (Monthly Pre-Paid),CFQ7TTC0LFLX:0001,Monthly,4,36.00,135.00,USD,2025-08-01,2025-08-31
"""


def test_ingram_net_price_is_the_lines_amount_not_a_unit_cost(write: Write) -> None:
    """Ingram Micro Cloud Marketplace billing export.

    Confirmed (exports.md): "Net Price" is the line's net (extended) amount, not a unit price; the
    subscription names carry "(Monthly Pre-Paid)". Assumed: the other headers and that "Unit Price" is
    the list price before the partner discount. Differences from older fixtures: the only cost-like
    column whose name says "price" holds totals (16 seats at 19.40 → 310.40), and "Unit Price" is
    not the MSP's cost.
    """
    result = _vendor(write, "ingram.csv", INGRAM)
    assert result.mappings["vendor"].get("line_total") == "Net Price"
    assert result.mappings["vendor"].get("unit_cost") is None
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL


def test_a_total_column_named_like_a_unit_is_told_apart_by_content(write: Write) -> None:
    """A distributor CSV whose "Price" column is per line and "Unit" is per seat: q × unit ≈ total
    decides, whatever the names say."""
    text = """Customer,Product,Qty,Price,Unit
Contoso Ltd,Microsoft 365 Business Premium,16,310.40,19.40
Contoso Ltd,Exchange Online (Plan 1),5,20.00,4.00
Fabrikam Inc,Microsoft 365 E3,4,135.00,33.75
"""
    result = _vendor(write, "dist.csv", text)
    assert result.mappings["vendor"].get("line_total") == "Price"
    _clean(result)


LEGACY = """PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,SubscriptionDescription,BillingCycleType
p,c1,Contoso Ltd,1,,o1,s1,n1,o-bp,d-bp,Microsoft 365 Business Premium,2025-01-01,2026-01-01,2025-08-01,2025-08-31,Cycle fee,22.00,16,352.00,41.60,310.40,0,310.40,USD,contoso.onmicrosoft.com,Microsoft 365 Business Premium,,Monthly
p,c1,Contoso Ltd,1,,o2,s2,n2,o-exo,d-exo,Exchange Online (Plan 1),2025-01-01,2026-01-01,2025-08-01,2025-08-31,Cycle fee,4.00,5,20.00,0,20.00,0,20.00,USD,contoso.onmicrosoft.com,Exchange Online (Plan 1),,Monthly
p,c2,Fabrikam Inc,1,,o3,s3,n3,o-e3,d-e3,Microsoft 365 E3,2025-01-01,2026-01-01,2025-08-01,2025-08-31,Cycle fee,36.00,4,144.00,9.00,135.00,0,135.00,USD,fabrikam.onmicrosoft.com,Microsoft 365 E3,,Monthly
"""


def test_partner_center_legacy_cost_is_subtotal_over_quantity(write: Write) -> None:
    """Partner Center legacy licence-based file (columns confirmed: exports.md, Microsoft's
    reconciliation file documentation). Difference: TotalOtherDiscount lowers the real cost, so
    UnitPrice (22.00) is not what the MSP pays; Subtotal ÷ Quantity (19.40) is."""
    result = _vendor(write, "legacy.csv", LEGACY)
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL


NCE_HEADER = (
    "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,"
    "ResellerMpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,"
    "UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,"
    "PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,"
    "TermAndBillingCycle,EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,"
    "PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,"
    "SubscriptionStartDate,SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,ProductCategory"
)


def _nce(
    customer: str,
    domain: str,
    product: str,
    sku: str,
    charge: str,
    unit: str,
    qty: str,
    subtotal: str,
    effective: str,
    reference: str = "",
) -> str:
    product_id, sku_id = sku.split(":")
    return (
        f"p,c,{customer},{domain},US,G1,1,,o,2025-08-01,{product_id},{sku_id},a,{product},{product},"
        f"{charge},{unit},{qty},{subtotal},0,{subtotal},USD,,Microsoft Corporation,pub,,s,"
        f"2025-08-01,2025-08-31,One-Year commitment for monthly/yearly billing,{effective},,,"
        f"{qty},Monthly,USD,'1.000000000000000000,2025-08-01,,,2025-01-01,2026-01-01,{reference},,,"
    )


def _apostrophe(value: str) -> str:
    """Partner Center writes numbers as text with a leading apostrophe and 18 decimals."""
    whole = Decimal(value).quantize(Decimal("1.000000000000000000"))
    return f"'{whole}"


NCE_QUIRKS_PART_1 = (
    "\ufeff"
    + "\n".join(
        [
            NCE_HEADER,
            _nce(
                "Contoso Ltd",
                "contoso.onmicrosoft.com",
                "Microsoft 365 Business Premium",
                "CFQ7TTC0LCHC:0002",
                "CycleCharge",
                _apostrophe("22"),
                _apostrophe("18"),
                _apostrophe("349.20"),
                _apostrophe("19.40"),
                '"{""OrderId"":""o1"",""LineItemId"":3}"',
            ),
            _nce(
                "Contoso Ltd",
                "contoso.onmicrosoft.com",
                "Microsoft 365 Business Premium",
                "CFQ7TTC0LCHC:0002",
                "removequantity",
                _apostrophe("22"),
                _apostrophe("-2"),
                _apostrophe("-38.80"),
                _apostrophe("19.40"),
                "ref-2",
            ),
            NCE_HEADER,  # the header again, mid-file (pages concatenated)
            _nce(
                "Contoso Ltd",
                "contoso.onmicrosoft.com",
                "Exchange Online (Plan 1)",
                "CFQ7TTC0LH16:0001",
                "cyclecharge",
                _apostrophe("4.40"),
                _apostrophe("5"),
                _apostrophe("20"),
                _apostrophe("4"),
            ),
        ]
    )
    + "\n"
)
NCE_QUIRKS_PART_2 = (
    "\n".join(
        [
            NCE_HEADER,
            _nce(
                "Fabrikam Inc",
                "fabrikam.onmicrosoft.com",
                "Microsoft 365 E3",
                "CFQ7TTC0LFLX:0001",
                "CYCLECHARGE",
                _apostrophe("36"),
                _apostrophe("4"),
                _apostrophe("135"),
                _apostrophe("33.75"),
            ),
        ]
    )
    + "\n"
)


def test_partner_center_quirks_in_one_file(write: Write) -> None:
    """Partner Center NCE reconciliation file with every quirk csp-recon-analyzer documents
    (exports.md): a BOM, numbers as text with a leading apostrophe and 18 decimals, ChargeType in
    mixed case, the header repeated mid-file, a removeQuantity credit with a negative quantity (18 − 2
    = 16 seats, netted), and ReferenceId holding JSON with commas inside quotes."""
    result = _vendor(write, "pc.csv", NCE_QUIRKS_PART_1 + NCE_QUIRKS_PART_2.split("\n", 1)[1])
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL
    assert [e.reason for e in result.excluded if e.side == "vendor"] == ["repeated header row"]


def test_partner_center_zip_of_parts_is_read_as_one_bill(write: Write) -> None:
    """A Partner Center download that is a zip of two CSV parts: both are read (the Fabrikam line is
    only in part 2), never silently the first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Reconciliation_part1.csv", NCE_QUIRKS_PART_1.encode("utf-8-sig"))
        archive.writestr("Reconciliation_part2.csv", NCE_QUIRKS_PART_2)
    result = _vendor(write, "pc.zip", buffer.getvalue())
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL
    assert "2 CSV parts" in result.sources["vendor"]


PAX8_PORTAL = """company_name,company_id,type,description,details,sku,quantity,cost,cost_total,price,subtotal,partner_subtotal,start_period,invoice_date
Contoso Ltd,101,subscription,Microsoft 365 Business Premium [NCE],Monthly,MST-NCE-103-C100,16,19.40,310.40,22.00,352.00,310.40,2025-08-01,2025-08-01
Contoso Ltd,101,subscription,Exchange Online (Plan 1) [NCE],Monthly,MST-NCE-EXO1,5,4.00,20.00,4.80,24.00,20.00,2025-08-01,2025-08-01
Fabrikam Inc,102,subscription,Microsoft 365 E3 [NCE],Monthly,MST-NCE-E3,4,33.75,135.00,39.00,156.00,135.00,2025-08-01,2025-08-01
Fabrikam Inc,102,one-time,Setup fee,,PAX-SETUP,1,50.00,50.00,75.00,75.00,50.00,2025-08-01,2025-08-01
"""


def test_pax8_portal_invoice_csv(write: Write) -> None:
    """Pax8 portal invoice CSV (Billing → Invoices). Columns confirmed by MSP-written parsers
    (exports.md; order not confirmed). Differences from the API field names: snake_case, the product in
    `description`, both `subtotal` (the customer price × quantity) and `partner_subtotal`/`cost_total`
    (the MSP's cost), a one-time line in `type`."""
    result = _vendor(write, "pax8.csv", PAX8_PORTAL)
    _clean(result)
    assert result.kpis.vendor_monthly_total == PLAIN_VENDOR_TOTAL
    assert [e.reason for e in result.excluded if e.side == "vendor"] == [
        "one-time charge, not a recurring licence"
    ]


TD_SYNNEX = """End Customer Name,End Customer ID,Subscription ID,Vendor SKU,Product Name,Billing Term,Billing Frequency,Quantity,Unit Price,Extended Price,MSRP,Currency,Charge Start Date,Charge End Date
Contoso Ltd,EC-1,SUB-1,USCFQ7TTC0LCHC0002,Microsoft 365 Business Premium,P1Y,Monthly,16,19.40,310.40,22.00,USD,08/01/2025,08/31/2025
Contoso Ltd,EC-1,SUB-2,USCFQ7TTC0LH160001,Exchange Online (Plan 1),P1M,Monthly,5,4.00,20.00,4.80,USD,08/01/2025,08/31/2025
Fabrikam Inc,EC-2,SUB-3,USCFQ7TTC0LFLX0001,Microsoft 365 E3,P1Y,Monthly,4,33.75,135.00,39.00,USD,08/01/2025,08/31/2025
"""


def test_td_synnex_streamone_ion(write: Write) -> None:
    """TD SYNNEX StreamOne Ion billing export. Confirmed (exports.md): ids prefix the country
    (USCFQ7TTC0LCHC0002); both a unit price and extended amounts. Assumed: the headers, an MSRP column
    (the price the MSP may charge: not its cost), ISO terms (P1Y/P1M), US dates."""
    result = _vendor(write, "ion.csv", TD_SYNNEX)
    assert result.mappings["vendor"].get("unit_cost") == "Unit Price"
    _clean(result)


SHERWEB = """Customer Name,Customer ID,Product Name,SKU,Charge Name,Charge Type,Billing Cycle,Period From,Period To,Quantity,Cost Price,List Price,Sub Total,Currency
Contoso Ltd,cust-1,Microsoft 365 Business Premium,CFQ7TTC0LCHC:0002,Microsoft 365 Business Premium - Monthly,Recurring,Monthly,2025-08-01,2025-08-31,16,19.40,22.00,310.40,USD
Contoso Ltd,cust-1,Exchange Online (Plan 1),CFQ7TTC0LH16:0001,Exchange Online (Plan 1) - Monthly,Recurring,Monthly,2025-08-01,2025-08-31,5,4.00,4.80,20.00,USD
Fabrikam Inc,cust-2,Microsoft 365 E3,CFQ7TTC0LFLX:0001,Microsoft 365 E3 - Monthly,Recurring,Monthly,2025-08-01,2025-08-31,4,33.75,39.00,135.00,USD
Fabrikam Inc,cust-2,Microsoft 365 E3,CFQ7TTC0LFLX:0001,Setup,Setup,One-Time,2025-08-01,2025-08-31,1,25.00,25.00,25.00,USD
"""


def test_sherweb_payable_charges(write: Write) -> None:
    """Sherweb payable charges per subscription. Confirmed (Sherweb Partner API "payable charges":
    productName, sku, chargeName, chargeType, periodFrom, periodTo, quantity, costPrice, listPrice,
    subTotal, currency); assumed: the portal writes them as spaced headers. Differences: a
    Setup/One-Time charge beside the recurring ones, and both a cost and a list price."""
    result = _vendor(write, "sherweb.csv", SHERWEB)
    assert result.mappings["vendor"].get("unit_cost") == "Cost Price"
    _clean(result)
    assert result.kpis.vendor_monthly_total == PLAIN_VENDOR_TOTAL


GENERIC_DISTRIBUTOR = """Reseller,Customer,Item Code,Item Description,Qty,Unit Cost,Extended Cost,Invoice Date
Our MSP,Contoso Ltd,CFQ7TTC0LCHC:0002,Microsoft 365 Business Premium,16,$19.40,$310.40,01/08/2025
Our MSP,Contoso Ltd,CFQ7TTC0LH16:0001,Exchange Online (Plan 1),5,$4.00,$20.00,01/08/2025
Our MSP,Fabrikam Inc,CFQ7TTC0LFLX:0001,Microsoft 365 E3,4,$33.75,$135.00,01/08/2025
,,,Invoice total,,,$465.40,
"""


def test_generic_distributor_csv_and_xlsx(write: Write, tmp_path: Path) -> None:
    """A generic distributor invoice: no system's exact headers, a Reseller column (not the
    customer), $-formatted money, a totals row. Read as CSV and as .xlsx."""
    _clean(_vendor(write, "dist.csv", GENERIC_DISTRIBUTOR))
    import xlsxwriter

    path = tmp_path / "dist.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Invoice")
    for r, line in enumerate(GENERIC_DISTRIBUTOR.splitlines()):
        for c, value in enumerate(line.split(",")):
            sheet.write_string(r, c, value)
    book.close()
    result = reconcile(path, write("psa.csv", PLAIN_PSA))
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL


# --- PSA and accounting exports --------------------------------------------------------------------

QBO = """Sales by Customer Detail
Northwind MSP LLC
August 2025

,Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,Balance
Contoso,,,,,,,,,
,08/01/2025,Invoice,1001,Microsoft 365 Business Premium,Microsoft 365 Business Premium - August,16,22.00,352.00,352.00
,08/01/2025,Invoice,1001,Exchange Online (Plan 1),Exchange Online (Plan 1) - August,5,5.00,25.00,377.00
,08/01/2025,Invoice,1001,Managed Services,Per-user support,16,95.00,"1,520.00","1,897.00"
Total for Contoso,,,,,,,,"$1,897.00",
Fabrikam,,,,,,,,,
,08/01/2025,Invoice,1002,Microsoft 365 E3,Microsoft 365 E3 - August,4,39.00,156.00,156.00
Total for Fabrikam,,,,,,,,$156.00,
TOTAL,,,,,,,,"$2,053.00",

"Accrual basis Monday, September 1, 2025 09:14 AM GMT-07:00"
"""


def test_quickbooks_online_sales_by_customer_detail(write: Write) -> None:
    """QuickBooks Online "Sales by Customer Detail", exported to CSV. Confirmed: the report groups
    lines under a row holding the customer's name alone, ends each group with "Total for <name>" and
    the report with "TOTAL"; title rows above the header and a footer line below. Assumed: the exact
    column set (Date, Transaction Type, Num, Product/Service, Memo/Description, Qty, Sales Price,
    Amount, Balance). Differences: no customer column at all; a running Balance column."""
    result = _psa(write, "qbo.csv", QBO)
    _clean(result)
    reasons = sorted({e.reason for e in result.excluded if e.side == "psa"})
    assert reasons == ["not a vendor product (service, labour or other line)", "totals row"]
    assert result.kpis.psa_lines_reconciled == 3


XERO = """Sales by Item
Northwind MSP Ltd
For the month ended 31 August 2025

Date,Source,Reference,Item Code,Description,Quantity,Unit Price,Gross
Contoso
01 Aug 2025,Receivable Invoice,INV-0101,M365BP,Microsoft 365 Business Premium,16.00,22.00,352.00
01 Aug 2025,Receivable Invoice,INV-0101,EXO1,Exchange Online (Plan 1),5.00,5.00,25.00
Total Contoso,,,,,,,377.00
Fabrikam
01 Aug 2025,Receivable Invoice,INV-0102,M365E3,Microsoft 365 E3,4.00,39.00,156.00
Total Fabrikam,,,,,,,156.00
Total,,,,,,,533.00
"""


def test_xero_report_grouped_by_contact(write: Write) -> None:
    """A Xero sales report grouped by contact (assumed layout: the contact name alone on a row,
    "Total <contact>" after its lines, as Xero's grouped reports print them). Differences from QBO: the
    group name is in the Date column (the first), "Total X" without "for", dates like 01 Aug 2025."""
    result = _psa(write, "xero.csv", XERO)
    _clean(result)
    assert result.kpis.psa_file_total == PLAIN_PSA_TOTAL


SYNCRO = """customer_business_then_name,schedule_name,name,description,quantity,retail_cents,cost_cents,paused,frequency,next_run
Contoso,Contoso monthly,Microsoft 365 Business Premium,User licence,16,2200,1940,false,Monthly,2025-09-01
Contoso,Contoso monthly,Exchange Online (Plan 1),User licence,5,500,400,false,Monthly,2025-09-01
Contoso,Contoso old,Microsoft 365 Business Standard,User licence,3,1500,1200,true,Monthly,2025-09-01
Fabrikam,Fabrikam monthly,Microsoft 365 E3,Cloud subscription,4,3900,3375,false,Monthly,2025-09-01
Fabrikam,Fabrikam monthly,Microsoft 365 Business Basic,Cloud subscription,2,700,600,false,Monthly,2025-09-01
"""
SYNCRO_VENDOR = PLAIN_VENDOR + (
    "Fabrikam Inc,Microsoft 365 Business Basic [NCE],MST-NCE-BB,2,6.00,12.00,Monthly,2025-08-01,"
    "2025-08-31,USD\n"
)


def test_syncro_recurring_schedule_lines(write: Write) -> None:
    """Syncro recurring invoice schedule lines. Confirmed (exports.md, Syncro API): name,
    description, quantity, retail_cents, cost_cents; the product in `name`, a generic `description`;
    schedules can be paused. Assumed: the `paused` column and schedule_name/frequency/next_run.
    Differences: money in cents, the description useless for matching, a paused schedule (not billed)
    for a product the vendor no longer bills."""
    result = reconcile(write("vendor.csv", SYNCRO_VENDOR), write("syncro.csv", SYNCRO))
    assert result.mappings["psa"].get("product_name") == "name"
    _clean(result)
    assert [e.reason for e in result.excluded if e.side == "psa"] == ["paused schedule"]


KASEYA_BMS = """Account Name,Contract Name,Service Name,Service Description,Quantity,Unit Price,Total Price,Billing Frequency,Start Date,End Date,Status
Contoso,Contoso MSA,Microsoft 365 Business Premium,Per user per month,16,22.00,352.00,Monthly,01/01/2025,,Active
Contoso,Contoso MSA,Exchange Online (Plan 1),Per user per month,5,5.00,25.00,Monthly,01/01/2025,,Active
Contoso,Contoso MSA,Microsoft 365 Business Standard,Per user per month,3,15.00,45.00,Monthly,01/01/2024,07/31/2025,Active
Fabrikam,Fabrikam MSA,Microsoft 365 E3,Per user per month,4,39.00,156.00,Monthly,01/01/2025,,Active
"""


def test_kaseya_bms_recurring_services(write: Write) -> None:
    """Kaseya BMS contract recurring services (assumed headers: BMS's recurring services grid). The
    difference: a service that ended (End Date before the month) still says Active."""
    result = _psa(write, "bms.csv", KASEYA_BMS)
    _clean(result)
    assert [e.reason for e in result.excluded if e.side == "psa"] == ["cancelled 2025-07-31"]


AUTOTASK = """Contract Services
Company,Contract Name,Service,Period Type,Units,Unit Price,Unit Cost,Adjusted Price,Start Date,End Date
Contoso,Contoso Recurring,Microsoft 365 Business Premium,Monthly,16,22.00,19.40,352.00,08/01/2025,08/31/2025
Contoso,Contoso Recurring,Exchange Online (Plan 1),Monthly,5,5.00,4.00,25.00,08/01/2025,08/31/2025
Fabrikam,Fabrikam Recurring,Microsoft 365 E3,Monthly,4,39.00,33.75,156.00,08/01/2025,08/31/2025
Total,,,,,,,533.00,,
"""


def test_autotask_contract_services_with_adjusted_total(write: Write) -> None:
    """Autotask contract services export. Confirmed (exports.md, Autotask REST ContractServices):
    unitPrice, unitCost, adjustedPrice; period types; a totals row at the end. Assumed: this export's
    Adjusted Price is the line's adjusted amount (units × price), which content tells apart from a
    unit price, though its name ranks first among unit-price synonyms."""
    result = _psa(write, "autotask.csv", AUTOTASK)
    _clean(result)
    assert result.kpis.psa_file_total == PLAIN_PSA_TOTAL


CONNECTWISE_DATES = """Company,Agreement,Product ID,Description,Qty,Price,Ext Price,Effective Date,Canceled On
Contoso,Contoso MSA,M365BP,Microsoft 365 Business Premium,16,22.00,352.00,01/01/2025,
Contoso,Contoso MSA,EXO1,Exchange Online (Plan 1),5,5.00,25.00,01/01/2025,
Contoso,Contoso MSA,M365BS,Microsoft 365 Business Standard,3,15.00,45.00,01/01/2024,07/15/2025
Fabrikam,Fabrikam MSA,M365E3,Microsoft 365 E3,4,39.00,156.00,01/01/2025,12/31/2025
"""


def test_connectwise_subset_where_a_cancellation_is_only_a_date(write: Write) -> None:
    """A ConnectWise agreement-additions export with another column subset: no Addition Status, no
    Bill flag; a cancellation shows only as a date ("Canceled On", US spelling). A cancellation in the
    future (12/31/2025) is still billed this month."""
    result = _psa(write, "cw.csv", CONNECTWISE_DATES)
    _clean(result)
    assert [e.reason for e in result.excluded if e.side == "psa"] == ["cancelled 2025-07-15"]


# --- workbooks: which sheet, .xls ------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    import csv

    return [row for row in csv.reader(io.StringIO(text))]


def _book(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    for sheet_name, rows in sheets.items():
        sheet = book.add_worksheet(sheet_name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value)
    book.close()
    return path


SUMMARY_SHEET = [["Invoice summary"], ["Total due", "465.40"], ["Due date", "2025-09-15"]]


def test_the_sheet_that_looks_like_the_export_is_read_and_named(
    tmp_path: Path, write: Write
) -> None:
    """A distributor workbook whose first sheet is a summary: the detail sheet is read (not blindly
    the first) and a warning names it."""
    path = _book(tmp_path / "bill.xlsx", {"Summary": SUMMARY_SHEET, "Detail": _rows(TD_SYNNEX)})
    result = reconcile(path, write("psa.csv", PLAIN_PSA))
    _clean(result)
    assert any("'Detail'" in w and "looks like an export" in w for w in result.warnings)


def test_a_named_sheet_is_read_and_a_wrong_name_lists_the_sheets(
    tmp_path: Path, write: Write
) -> None:
    from engine.errors import UnreadableFileError

    path = _book(
        tmp_path / "bill.xlsx",
        {"Summary": SUMMARY_SHEET, "Detail": _rows(TD_SYNNEX), "Old": _rows(INGRAM)[:2]},
    )
    result = reconcile(path, write("psa.csv", PLAIN_PSA), vendor_sheet="detail")
    _clean(result)
    assert "'Detail'" in result.sources["vendor"]
    with pytest.raises(
        UnreadableFileError, match=r"no sheet named 'Details'.*'Summary', 'Detail', 'Old'"
    ):
        reconcile(path, write("psa.csv", PLAIN_PSA), vendor_sheet="Details")


def test_cli_passes_the_sheet_names_on(
    tmp_path: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--vendor-sheet`/`--psa-sheet` reach the engine: the Summary sheet scores no header at all, so
    naming it must fail with the list of sheets (exit 3), and naming Detail must reconcile."""
    from addin.cli import main

    book = _book(tmp_path / "bill.xlsx", {"Summary": SUMMARY_SHEET, "Detail": _rows(TD_SYNNEX)})
    psa_book = _book(tmp_path / "psa.xlsx", {"Notes": [["read me"]], "Additions": _rows(PLAIN_PSA)})
    args = ["reconcile", "--vendor", str(book), "--psa", str(psa_book), "--quiet"]
    assert main([*args, "--vendor-sheet", "Nope"]) == 3
    assert "'Summary', 'Detail'" in capsys.readouterr().err
    assert main([*args, "--vendor-sheet", "Detail", "--psa-sheet", "Additions"]) == 0
    assert "Warning" not in capsys.readouterr().out  # named sheets: nothing to warn about


def test_old_xls_is_read_through_calamine(tmp_path: Path, write: Write) -> None:
    """An Excel 97-2003 .xls export (many PSAs still offer it): read, not refused; the report sheet
    after a cover sheet is picked."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    cover = book.add_sheet("Cover")
    cover.write(0, 0, "Kaseya BMS export")
    sheet = book.add_sheet("Recurring Services")
    for r, row in enumerate(_rows(KASEYA_BMS)):
        for c, value in enumerate(row):
            number = r > 0 and c in (4, 5, 6)
            sheet.write(r, c, float(value) if number else value)
    path = tmp_path / "bms.xls"
    book.save(str(path))
    result = reconcile(write("vendor.csv", PLAIN_VENDOR), path)
    _clean(result)
    assert "'Recurring Services'" in result.sources["psa"]


# --- currency --------------------------------------------------------------------------------------

CLOUDMORE_EUR = """Billing Date;Service Name;Broker Name;Organization Name;Customer Number;Product Name;Item Code;Quantity;Unit Cost Price;Unit Sales Price;Total Cost;Total Sales;Margin Amount;Margin Percentage;Currency Code;Product ID;Payment Frequency
01.08.2025;CSP;Broker;Contoso Ltd;1;Microsoft 365 Business Premium;CFQ7TTC0LCHC:0002;16;19,40;22,00;310,40;352,00;41,60;11,8;EUR;p1;Monthly
01.08.2025;CSP;Broker;Contoso Ltd;1;Exchange Online (Plan 1);CFQ7TTC0LH16:0001;5;4,00;4,80;20,00;24,00;4,00;16,7;EUR;p2;Monthly
01.08.2025;CSP;Broker;Fabrikam Inc;2;Microsoft 365 E3;CFQ7TTC0LFLX:0001;4;33,75;39,00;135,00;156,00;21,00;13,5;EUR;p3;Monthly
"""
PSA_EUR = """Firma;Company Name;Description;Quantity;Price;Currency
x;Contoso;Microsoft 365 Business Premium;16;21,00;EUR
x;Contoso;Exchange Online (Plan 1);5;5,00;EUR
x;Fabrikam;Microsoft 365 E3;4;39,00;EUR
"""


def test_eur_with_decimal_commas_is_read_and_carried_to_every_output(
    write: Write, tmp_path: Path
) -> None:
    """A Cloudmore general billing report (columns confirmed: exports.md) in EUR: `;` separators,
    decimal commas, dates like 01.08.2025, Currency Code EUR; the PSA
    export also says EUR. The KPIs, the CSV, the JSON and the xlsx report all say EUR / show €."""
    from addin.workbook.report import write_report
    from engine.export import discrepancies_csv, summary_json

    vendor = CLOUDMORE_EUR
    result = reconcile(write("cloudmore.csv", vendor), write("psa.csv", PSA_EUR))
    _clean(result)
    assert result.kpis.currency == "EUR"
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL
    assert b'"currency": "EUR"' in summary_json(result)
    # a finding, so the CSV has a row: Contoso billed for 4 E3 seats it does not buy
    over = reconcile(
        write("cloudmore.csv", vendor),
        write(
            "psa2.csv",
            PSA_EUR.replace("Fabrikam;Microsoft 365 E3;4", "Fabrikam;Microsoft 365 E3;6"),
        ),
    )
    text = discrepancies_csv(over).decode("utf-8-sig").splitlines()
    assert text[0].endswith(",currency") and text[1].endswith(",EUR")
    report = tmp_path / "report.xlsx"
    write_report(over, report)
    formats = _money_formats(report)
    assert formats and all("€" in f for f in formats)


def _money_formats(path: Path) -> set[str]:
    """The number formats of the Discrepancies sheet's money columns, read back with openpyxl."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Discrepancies"]
    for number, row in enumerate(sheet.iter_rows(max_row=10, values_only=True), start=1):
        if "Monthly impact" in row:  # the header sits under the title and legend rows
            column = row.index("Monthly impact") + 1
            return {sheet.cell(row=number + 1, column=column).number_format}
    raise AssertionError("no Monthly impact column in the first rows of Discrepancies")


def test_gbp_read_from_pound_signs(write: Write) -> None:
    """A UK distributor CSV with no currency column: £ in the money cells says GBP."""
    text = GENERIC_DISTRIBUTOR.replace("$", "£")
    result = _vendor(write, "uk.csv", text)
    _clean(result)
    assert result.kpis.currency == "GBP"


def test_aud_from_the_currency_column(write: Write) -> None:
    """An Australian Pax8 bill: currencyCode AUD."""
    result = reconcile(
        write("pax8.csv", PLAIN_VENDOR.replace(",USD", ",AUD")), write("psa.csv", PLAIN_PSA)
    )
    assert result.kpis.currency == "AUD"


def test_a_psa_export_in_another_currency_is_refused(write: Write) -> None:
    from engine.errors import CurrencyMismatchError

    with pytest.raises(
        CurrencyMismatchError, match=r"psa.csv is in USD but the vendor bill is in EUR"
    ):
        reconcile(
            write("cloudmore.csv", CLOUDMORE_EUR),
            write("psa.csv", PSA_EUR.replace("EUR", "USD")),
        )


def test_a_bill_in_two_currencies_is_refused(write: Write) -> None:
    from engine.errors import CurrencyMismatchError

    mixed = PLAIN_VENDOR.replace("2025-08-31,USD\nFabrikam", "2025-08-31,GBP\nFabrikam")
    with pytest.raises(CurrencyMismatchError, match=r"more than one currency"):
        reconcile(write("pax8.csv", mixed), write("psa.csv", PLAIN_PSA))


@pytest.mark.parametrize(
    "code,symbol",
    [("USD", '"$"'), ("GBP", '"£"'), ("EUR", '"€"'), ("AUD", '"A$"'), ("NZD", '"NZ$"')],
)
def test_currency_format_symbols(code: str, symbol: str) -> None:
    from engine.money import currency_format

    fmt = currency_format(code)
    assert fmt.startswith(symbol + "#,##0.00;[Red]-" + symbol)


def test_usd_format_is_unchanged() -> None:
    from addin import layout as spec

    assert spec.number_format("money", "USD") == spec.NUMBER_FORMATS["money"]
    assert spec.number_format("quantity", "GBP") == spec.NUMBER_FORMATS["quantity"]


# --- several vendor bills at once ------------------------------------------------------------------

#: Three sources for one MSP: Pax8 for Contoso's Business Premium, Partner Center direct for its
#: Exchange seats, a distributor (with a cent-level odd total) for Fabrikam, plus a seat Fabrikam is
#: not billed for. Amounts with more than two places test that each bill ties to the cent on its own.
BILL_PAX8 = """companyName,productName,quantity,cost,costTotal,term,startPeriod,currencyCode
Contoso Ltd,Microsoft 365 Business Premium [NCE],10,19.40,194.00,Monthly,2025-08-01,USD
Contoso Ltd,Microsoft 365 Business Premium [NCE],6,19.40,116.40,Monthly,2025-08-01,USD
"""
BILL_PC = (
    NCE_HEADER
    + "\n"
    + _nce(
        "Contoso Ltd",
        "contoso.onmicrosoft.com",
        "Exchange Online (Plan 1)",
        "CFQ7TTC0LH16:0001",
        "cycleCharge",
        "4.40",
        "5",
        "20.004",
        "4.0008",
    )
    + "\n"
)
BILL_DIST = """Customer,Item Description,Qty,Unit Cost,Extended Cost,Currency
Fabrikam Inc,Microsoft 365 E3,5,33.75,168.753,USD
"""


def test_several_bills_are_reconciled_together_and_each_ties_to_the_cent(write: Write) -> None:
    """Business Premium's 16 seats come from two Pax8 lines, Exchange from Partner Center, E3 from
    the distributor, which bills 5 seats where the PSA bills 4: the one finding names that bill."""
    bills = [write("pax8.csv", BILL_PAX8), write("pc.csv", BILL_PC), write("dist.csv", BILL_DIST)]
    result = reconcile(bills, write("psa.csv", PLAIN_PSA))
    found = [(d.type, d.product, d.bills) for d in result.discrepancies]
    assert found == [("under_billed", "Microsoft 365 E3", ("dist.csv",))]
    k = result.kpis
    assert [(b.name, b.file_total, b.lines, b.lines_reconciled) for b in k.bills] == [
        ("pax8.csv", Decimal("310.40"), 2, 2),
        ("pc.csv", Decimal("20.00"), 1, 1),
        ("dist.csv", Decimal("168.75"), 1, 1),
    ]
    assert k.vendor_file_total == sum(b.file_total for b in k.bills) == Decimal("499.15")
    assert k.vendor_monthly_total == sum(b.monthly_total for b in k.bills)
    assert result.sources["vendor"] == "pax8.csv + pc.csv + dist.csv"


def test_several_bills_from_the_cli_name_their_bill_in_the_csv(
    write: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import json

    from addin.cli import main

    out_csv, out_json = tmp_path / "d.csv", tmp_path / "s.json"
    argv = ["reconcile", "--psa", str(write("psa.csv", PLAIN_PSA)), "--quiet"]
    for name, text in (("pax8.csv", BILL_PAX8), ("pc.csv", BILL_PC), ("dist.csv", BILL_DIST)):
        argv += ["--vendor", str(write(name, text))]
    assert main([*argv, "--csv", str(out_csv), "--json", str(out_json)]) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text("utf-8-sig"))))
    assert [(r["product"], r["bills"]) for r in rows] == [("Microsoft 365 E3", "dist.csv")]
    summary = json.loads(out_json.read_text())
    assert [b["file_total"] for b in summary["kpis"]["bills"]] == ["310.40", "20.00", "168.75"]
    assert "Bill:" in capsys.readouterr().out


def test_the_same_bill_twice_is_refused(write: Write) -> None:
    from engine.errors import WrongSideError

    with pytest.raises(WrongSideError, match="same vendor bill was given twice"):
        reconcile(
            [write("a.csv", BILL_PAX8), write("b.csv", BILL_PAX8)], write("psa.csv", PLAIN_PSA)
        )


def test_bills_in_different_currencies_are_refused(write: Write) -> None:
    from engine.errors import CurrencyMismatchError

    with pytest.raises(CurrencyMismatchError, match=r"pax8.csv: GBP; dist.csv: USD"):
        reconcile(
            [write("pax8.csv", BILL_PAX8.replace("USD", "GBP")), write("dist.csv", BILL_DIST)],
            write("psa.csv", PLAIN_PSA),
        )


def test_a_workbook_with_several_vendor_sheets(tmp_path: Path) -> None:
    """The workbook path: "Vendor", "Vendor 2" and "Vendor - Distributor" sheets are three bills
    reconciled against the PSA sheet (an empty "Vendor 3" left in place is skipped); the findings and
    the per-bill totals say which sheet each came from."""
    from addin.workbook.headless import reconcile_workbook

    path = _book(
        tmp_path / "Leakage.xlsx",
        {
            "Vendor": _rows(BILL_PAX8),
            "PSA": _rows(PLAIN_PSA),
            "Vendor 2": _rows(BILL_PC),
            "Vendor 3": [],
            "Vendor - Distributor": _rows(BILL_DIST),
        },
    )
    result = reconcile_workbook(path, out=tmp_path / "out.xlsx")
    names = [b.name for b in result.kpis.bills]
    assert names == [
        "Leakage.xlsx, sheet 'Vendor'",
        "Leakage.xlsx, sheet 'Vendor 2'",
        "Leakage.xlsx, sheet 'Vendor - Distributor'",
    ]
    assert [b.file_total for b in result.kpis.bills] == [
        Decimal("310.40"),
        Decimal("20.00"),
        Decimal("168.75"),
    ]
    assert [d.bills for d in result.discrepancies] == [(names[2],)]


XERO_BY_ITEM = """Sales by Item Detail
Northwind MSP Ltd
For the month ended 31 August 2025

Date,Contact,Reference,Quantity,Unit Price,Gross
Microsoft 365 Business Premium
01 Aug 2025,Contoso,INV-0101,16.00,22.00,352.00
Total Microsoft 365 Business Premium,,,,,352.00
Exchange Online (Plan 1)
01 Aug 2025,Contoso,INV-0101,5.00,5.00,25.00
Total Exchange Online (Plan 1),,,,,25.00
Microsoft 365 E3
01 Aug 2025,Fabrikam,INV-0102,4.00,39.00,156.00
Total Microsoft 365 E3,,,,,156.00
"""


def test_a_report_grouped_by_item_keeps_the_contact_column(write: Write) -> None:
    """A Xero report grouped by item (assumed layout): the group rows name the product and each line
    its Contact, so the group rows must not be taken for customers."""
    result = _psa(write, "xero-items.csv", XERO_BY_ITEM)
    assert result.mappings["psa"].get("client") == "Contact"
    assert result.mappings["psa"].get("product_name") == "Product (group rows)"
    _clean(result)


def test_unit_price_beside_unit_cost_with_two_seats_stays_a_unit(write: Write) -> None:
    """A PSA export with both a unit price and a unit cost, every line two seats and the price
    exactly twice the cost on one line: no content rule may take the price for a line total."""
    vendor = """Customer,Product,Qty,Unit Cost
Contoso Ltd,Microsoft 365 Business Premium,2,10.00
Fabrikam Inc,Microsoft 365 E3,2,33.75
"""
    psa = """Company,Description,Qty,Unit Price,Unit Cost
Contoso,Microsoft 365 Business Premium,2,20.00,10.00
Fabrikam,Microsoft 365 E3,2,39.00,33.75
"""
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert result.mappings["psa"].get("unit_price") == "Unit Price"
    _clean(result)


def test_a_grouped_report_whose_first_column_is_the_customer(write: Write) -> None:
    """A QuickBooks Online variant whose first column is headed "Customer" but filled only on the
    group rows: the column is filled down on its lines."""
    text = QBO.replace(",Date,Transaction Type", "Customer,Date,Transaction Type")
    result = _psa(write, "qbo.csv", text)
    assert result.mappings["psa"].get("client") == "Customer"
    _clean(result)
    assert result.kpis.psa_lines_reconciled == 3


def test_pax8_portal_without_cost_total_takes_the_partner_subtotal(write: Write) -> None:
    """The portal CSV's `subtotal` is the customer price × quantity; `partner_subtotal` is the MSP's
    cost. Without `cost` and `cost_total`, the partner subtotal must be the line's cost."""
    lines = [line.split(",") for line in PAX8_PORTAL.strip().splitlines()]
    keep = [i for i, h in enumerate(lines[0]) if h not in ("cost", "cost_total")]
    text = "\n".join(",".join(row[i] for i in keep) for row in lines) + "\n"
    result = _vendor(write, "pax8.csv", text)
    assert result.mappings["vendor"].get("line_total") == "partner_subtotal"
    _clean(result)


def test_a_zip_says_what_it_ignored_and_refuses_parts_of_other_reports(write: Write) -> None:
    from engine.errors import UnreadableFileError

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("part1.csv", NCE_QUIRKS_PART_1)
        archive.writestr("part2.csv", NCE_QUIRKS_PART_2)
        archive.writestr("readme.pdf", b"%PDF-1.4")
        archive.writestr("__MACOSX/._part1.csv", b"\x00\x05")
    result = _vendor(write, "pc.zip", buffer.getvalue())
    assert any("ignored" in w and "readme.pdf" in w for w in result.warnings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("part1.csv", NCE_QUIRKS_PART_1)
        archive.writestr("usage.csv", "Date,Meter,Units\n2025-08-01,x,1\n")
    with pytest.raises(UnreadableFileError, match="other columns than the first part"):
        _vendor(write, "pc.zip", buffer.getvalue())


def test_a_bill_of_another_month_among_several_is_named(write: Write) -> None:
    july = BILL_DIST.replace("Currency", "Currency,Invoice Date").replace("USD", "USD,2025-07-01")
    bills = [write("pax8.csv", BILL_PAX8), write("pc.csv", BILL_PC), write("dist.csv", july)]
    result = reconcile(bills, write("psa.csv", PLAIN_PSA))
    assert [w for w in result.warnings if "mostly for" in w] == [
        "dist.csv: its charges are mostly for 2025-07, the other bills' for 2025-08: give the "
        "bills of one month together."
    ]


# --- several bills: invariants ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt,parts,seed",
    [("partner_center", 2, 1), ("pax8", 3, 2), ("dicker", 2, 3), ("cloudmore", 3, 4)],
)
def test_one_bill_split_into_several_finds_the_same_and_ties(
    write: Write, fmt: str, parts: int, seed: int
) -> None:
    """A sample bill split by customer into several bills (as an MSP buying from several sources
    would have it): the same findings, each naming the one bill its lines came from, and the bills'
    file totals adding up to the single bill's to the cent."""
    import random

    from addin.sample.csv_bytes import to_csv_bytes
    from addin.sample.psa_exports import psa_rows
    from addin.sample.scenario import make_scenario
    from addin.sample.vendor_exports import vendor_rows

    scenario = make_scenario(30, seed=seed)
    rows = vendor_rows(scenario, fmt)
    header_at = next(i for i, row in enumerate(rows) if len(row) > 3)
    head, body = rows[: header_at + 1], rows[header_at + 1 :]
    client_column = 0
    for index, name in enumerate(rows[header_at]):
        if name.lower().replace(" ", "").replace("_", "") in (
            "customername",
            "companyname",
            "tenantname",
            "organizationname",
        ):
            client_column = index
    clients = sorted({row[client_column] for row in body if len(row) > client_column})
    rng = random.Random(seed)
    owner = {client: rng.randrange(parts) for client in clients}
    split = [
        [row for row in body if len(row) > client_column and owner[row[client_column]] == n]
        for n in range(parts)
    ]
    assert all(split) and sum(map(len, split)) == len(body)  # every line in exactly one bill
    psa = write("psa.csv", to_csv_bytes(psa_rows(scenario, "connectwise"), fmt="connectwise"))
    whole = reconcile(write("whole.csv", to_csv_bytes(rows, fmt=fmt)), psa)
    bills = [
        write(f"bill{n}.csv", to_csv_bytes(head + lines, fmt=fmt)) for n, lines in enumerate(split)
    ]
    several = reconcile(bills, psa)

    def key(result: Result) -> list[tuple[str, str, str, str, Decimal]]:
        return sorted(
            (d.type, d.client, d.vendor_client, d.product, d.monthly_impact)
            for d in result.discrepancies
        )

    assert key(several) == key(whole)
    k = several.kpis
    assert k.vendor_file_total == whole.kpis.vendor_file_total
    assert sum(b.file_total for b in k.bills) == k.vendor_file_total
    assert abs(k.vendor_monthly_total - whole.kpis.vendor_monthly_total) <= Decimal("0.01") * parts
    assert sum(b.lines for b in k.bills) == whole.kpis.vendor_lines
    for d in several.discrepancies:
        if d.vendor_qty is not None:
            assert len(d.bills) == 1, d  # split by customer: one bill per finding
            assert d.bills[0] in {p.name for p in bills}
        else:
            assert d.bills == ()


def test_the_workbook_path_shows_the_bills_currency(tmp_path: Path) -> None:
    """In-place workbook path: the output sheets' money cells carry the € format into the package."""

    from addin.workbook.headless import reconcile_workbook

    def rows(text: str) -> list[list[str]]:
        return [line.split(";") for line in text.strip().splitlines()]

    psa = PSA_EUR.replace("Fabrikam;Microsoft 365 E3;4", "Fabrikam;Microsoft 365 E3;6")
    path = _book(tmp_path / "Leakage.xlsx", {"Vendor": rows(CLOUDMORE_EUR), "PSA": rows(psa)})
    out = tmp_path / "out.xlsx"
    result = reconcile_workbook(path, out=out)
    assert result.kpis.currency == "EUR" and result.discrepancies
    formats = _money_formats(out)
    assert formats and all("€" in f and "$" not in f for f in formats)


def test_a_second_product_column_is_the_alternate_name(write: Write) -> None:
    """Kaseya BMS variant: a Service column beside a free-text Description ("Exchange Online P1
    mailbox"): the Service is read when the description is not a product the catalogue knows."""
    bms = """Account Name,Service,Description,Quantity,Price,Frequency
Contoso,Microsoft 365 Business Premium,M365 Business Premium licence,16,22.00,Monthly
Contoso,Exchange Online (Plan 1),Exchange Online P1 mailbox,5,5.00,Monthly
Fabrikam,Microsoft 365 E3,Microsoft 365 E3 licence,4,39.00,Monthly
"""
    result = _psa(write, "bms.csv", bms)
    assert result.mappings["psa"].get("product_alt") == "Service"
    _clean(result)


XERO_INVOICE_DETAIL = """Receivable Invoice Detail
Northwind MSP Ltd
For the period 1 August 2025 to 31 August 2025

Invoice Date,Invoice Number,Contact,Reference,Item Code,Description,Quantity,Unit Price,Discount,Account,Tax Rate,Net,Tax,Gross,Currency
01 Aug 2025,INV-0101,Contoso,,M365BP,Microsoft 365 Business Premium,16.00,22.00,0.00,200 - Sales,20% VAT,352.00,70.40,422.40,USD
01 Aug 2025,INV-0101,Contoso,,EXO1,Exchange Online (Plan 1),5.00,5.00,0.00,200 - Sales,20% VAT,25.00,5.00,30.00,USD
01 Aug 2025,INV-0102,Fabrikam,,M365E3,Microsoft 365 E3,4.00,39.00,0.00,200 - Sales,20% VAT,156.00,31.20,187.20,USD
Total,,,,,,,,,,,533.00,106.60,639.60,
"""


def test_xero_receivable_invoice_detail(write: Write) -> None:
    """Xero "Receivable Invoice Detail" (assumed columns, as Xero's invoice line fields: Contact,
    Item Code, Description, Quantity, Unit Price, Discount, Account, Tax Rate, Net/Tax/Gross).
    Differences: an "Account" column that is the ledger account ("200 - Sales"), not the customer;
    Gross includes tax; a Total row."""
    result = _psa(write, "xero.csv", XERO_INVOICE_DETAIL)
    assert result.mappings["psa"].get("client") == "Contact"
    _clean(result)


def test_a_price_column_that_grows_with_the_quantity_is_a_line_total(write: Write) -> None:
    """A distributor CSV with one money column, "Price", holding each line's total and nothing to
    compare it with: the same product at different quantities shows it (310.40 for 16 seats, 97.00
    for 5: 19.40 a seat both times)."""
    text = """Customer,Product,Qty,Price
Contoso Ltd,Microsoft 365 Business Premium,16,310.40
Contoso Ltd,Exchange Online (Plan 1),5,20.00
Fabrikam Inc,Microsoft 365 E3,4,135.00
Fabrikam Inc,Microsoft 365 Business Premium,5,97.00
Northwind,Exchange Online (Plan 1),2,8.00
"""
    psa = PLAIN_PSA + "Fabrikam,Microsoft 365 Business Premium,5,21.00,Billable,Active\n"
    psa += "Northwind,Exchange Online (Plan 1),2,5.00,Billable,Active\n"
    result = reconcile(write("dist.csv", text), write("psa.csv", psa))
    assert result.mappings["vendor"].get("line_total") == "Price"
    _clean(result)


def test_each_bill_is_checked_against_its_own_totals_row(write: Write) -> None:
    short = GENERIC_DISTRIBUTOR.replace("$465.40", "$470.40")
    result = reconcile(
        [write("dist.csv", short), write("pax8.csv", BILL_PAX8)], write("p.csv", PLAIN_PSA)
    )
    assert [w for w in result.warnings if "totals row" in w] == [
        "dist.csv: the totals row (row 5) says 470.40 but the lines add up to 465.40: check for "
        "missing or extra rows."
    ]


def test_group_rows_labelled_customer_colon(write: Write) -> None:
    """A report that writes its group rows as "Customer: Contoso" (a HaloPSA or Kaseya BMS report
    grouped by client, assumed): the label is not part of the name."""
    text = QBO.replace("\nContoso,,,", "\nCustomer: Contoso,,,").replace(
        "\nFabrikam,,,", "\nCustomer: Fabrikam,,,"
    )
    result = _psa(write, "grouped.csv", text)
    _clean(result)
    assert {m.psa_name for m in result.client_matches} == {"Contoso", "Fabrikam"}


def test_two_bills_with_the_same_file_name_are_told_apart(write: Write, tmp_path: Path) -> None:
    (tmp_path / "pax8").mkdir()
    (tmp_path / "pc").mkdir()
    first = tmp_path / "pax8" / "invoice.csv"
    second = tmp_path / "pc" / "invoice.csv"
    first.write_text(BILL_PAX8)
    second.write_text(BILL_PC)
    result = reconcile([first, second], write("psa.csv", PLAIN_PSA))
    assert [(b.name, b.file_total, b.lines) for b in result.kpis.bills] == [
        ("invoice.csv (bill 1)", Decimal("310.40"), 2),
        ("invoice.csv (bill 2)", Decimal("20.00"), 1),
    ]
    found = {d.product: d.bills for d in result.discrepancies}
    assert found == {"Microsoft 365 E3": ()}  # billed in the PSA, on neither bill


def test_a_zip_whose_later_part_has_no_header_of_its_own(write: Write) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("part1.csv", NCE_QUIRKS_PART_1)
        archive.writestr("part2.csv", NCE_QUIRKS_PART_2.split("\n", 1)[1])  # data only
    result = _vendor(write, "pc.zip", buffer.getvalue())
    _clean(result)
    assert result.kpis.vendor_file_total == PLAIN_VENDOR_TOTAL


def test_three_letters_are_not_a_currency() -> None:
    from engine.money import currency_code

    assert [currency_code(v) for v in ("usd", " GBP ", "€", "A$", "YES", "NEW", "$", 12)] == [
        "USD",
        "GBP",
        "EUR",
        "AUD",
        None,
        None,
        None,
        None,
    ]


def test_a_bill_without_dates_takes_the_psa_exports_month(write: Write) -> None:
    """A bare distributor CSV (no dates) and a PSA export with invoice dates in August 2025: a
    cancellation dated December 2025 is in the future for that month, so the line is billed (not
    judged against today's date)."""
    vendor = "Customer,Product,Qty,Unit Cost\nContoso Ltd,Exchange Online (Plan 1),5,4.00\n"
    psa = (
        "Company,Description,Qty,Price,Invoice Date,Cancelled Date\n"
        "Contoso,Exchange Online (Plan 1),5,5.00,08/01/2025,12/31/2025\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert result.kpis.period == "2025-08"
    _clean(result)


# --- seeded samples in every new format: everything seeded is found, nothing else -------------------

NEW_VENDOR_FORMATS = ("ingram", "td_synnex", "sherweb", "partner_center_legacy")
NEW_PSA_FORMATS = ("quickbooks", "xero", "kaseya_bms")


@pytest.mark.parametrize(
    "vendor_format,psa_format",
    [(v, "connectwise") for v in NEW_VENDOR_FORMATS]
    + [("partner_center", p) for p in NEW_PSA_FORMATS]
    + [("ingram", "quickbooks"), ("sherweb", "kaseya_bms"), ("partner_center_legacy", "xero")],
)
def test_seeded_sample_in_new_formats_is_found_exactly(
    write: Write, vendor_format: str, psa_format: str
) -> None:
    """The sample generator's scenario (messy names, split subscriptions, annual lines, credits,
    free SKUs, services, cancellations) rendered in the new formats (addin/sample/formats.py):
    every seeded discrepancy and nothing else, impacts to the cent."""
    import zlib

    from addin.sample.csv_bytes import to_csv_bytes
    from addin.sample.psa_exports import psa_rows
    from addin.sample.scenario import make_scenario
    from addin.sample.vendor_exports import vendor_rows
    from engine.match.product_names import product_key

    scenario = make_scenario(60, seed=zlib.crc32(f"{vendor_format}/{psa_format}".encode()) % 1000)
    vendor = write("v.csv", to_csv_bytes(vendor_rows(scenario, vendor_format), fmt=vendor_format))
    psa = write("p.csv", to_csv_bytes(psa_rows(scenario, psa_format), fmt=psa_format))
    result = reconcile(vendor, psa)
    got = {
        # named by the vendor spelling where there is one (a PSA company billed only for services
        # is still that client)
        (d.type, product_key(d.product), d.vendor_client or d.client): d.monthly_impact
        for d in result.discrepancies
    }
    want = {
        (e.type, product_key(e.product), e.vendor_client or e.psa_client): e.monthly_impact
        for e in scenario.expected
    }
    assert got == want


def test_the_ribbon_reconciles_every_vendor_sheet(
    tmp_path: Path, template_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Reconcile button (xlwings, faked) reads "Vendor 2" beside "Vendor": the Exchange seats
    billed only on the second bill are not reported as missing from the vendor side."""
    import xlwings

    from addin import layout as spec
    from addin.excel import live as macros
    from addin.template.sheets import SHEETS
    from addin.workbook.headless import read_grids
    from addin.workbook.paste import pasted_workbook
    from tests.fake_xlwings import FakeBook

    path = tmp_path / "book.xlsm"
    pax8 = _rows(
        BILL_PAX8 + "Fabrikam Inc,Microsoft 365 E3 [NCE],5,33.75,168.75,Monthly,2025-08-01,USD\n"
    )
    path.write_bytes(pasted_workbook(template_bytes, pax8, _rows(PLAIN_PSA)))
    book = FakeBook(name=path.name, fullname=str(path))
    for name, grid in {**read_grids(path, list(SHEETS)), "Vendor 2": _rows(BILL_PC)}.items():
        sheet = book.sheets.add(name=name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value not in (None, ""):
                    sheet.cells[(r, c)] = value
    monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    top = spec.DISCREPANCY_HEADER_ROW + 1  # the header's sheet row, under the title and legend
    header = [sheet.cells.get((top, c)) for c in range(1, 30)]
    product_column = header.index("Product") + 1 if "Product" in header else None
    assert product_column is not None, header
    products = {
        sheet.cells.get((r, product_column))
        for r in range(top + 1, top + 20)
        if sheet.cells.get((r, product_column))
    }
    assert products == {"Microsoft 365 E3"}  # 5 bought on the distributor line, 4 billed


# --- set E: exports in other languages, ledger accounts, a customer column repeated -----------------

#: A German distributor's bill (ALSO-like, assumed layout): `;`, decimal comma, German headers, a
#: "Gutschrift" (credit) netting a line, a "Testversion" (trial) that costs nothing.
GERMAN_VENDOR = (
    "Rechnungsnummer;Rechnungsdatum;Kunde;Artikelnummer;Produkt;Leistungszeitraum von;"
    "Leistungszeitraum bis;Laufzeit;Abrechnung;Menge;Einzelpreis EK;UVP;Gesamtpreis EK;Positionsart\n"
    "RE-1;01.09.2025;Contoso Ltd;CFQ7TTC0LCHC-0002;Microsoft 365 Business Premium (NCE);01.08.2025;"
    "31.08.2025;12 Monate;monatlich;17;19,40;22,00;329,80;Abonnement\n"
    "RE-1;01.09.2025;Contoso Ltd;CFQ7TTC0LCHC-0002;Microsoft 365 Business Premium (NCE);01.08.2025;"
    "31.08.2025;12 Monate;monatlich;-1;19,40;22,00;-19,40;Gutschrift\n"
    "RE-1;01.09.2025;Contoso Ltd;CFQ7TTC0LH16-0001;Exchange Online (Plan 1) (NCE);01.08.2025;"
    "31.08.2025;1 Monat;monatlich;5;4,00;4,50;20,00;Abonnement\n"
    "RE-1;01.09.2025;Fabrikam Inc;CFQ7TTC0LFLX-0001;Microsoft 365 E3 (NCE);01.08.2025;31.08.2025;"
    "12 Monate;monatlich;4;33,75;39,00;135,00;Abonnement\n"
)


def test_a_german_bill_is_read_by_its_own_headers(write: Write) -> None:
    result = _vendor(write, "rechnung.csv", GERMAN_VENDOR.encode("cp1252"))
    columns = result.mappings["vendor"].columns
    assert (columns["client"], columns["product_name"], columns["quantity"]) == (
        "Kunde",
        "Produkt",
        "Menge",
    )
    assert columns["unit_cost"] == "Einzelpreis EK"  # the buy price, never the UVP (list price)
    _clean(result)


#: Exact Online (Dutch) sales invoice lines (assumed layout): "Debiteur", "Omschrijving", "Aantal",
#: "Prijs per eenheid", the unit ("maand", "jaar") in "Eenheid".
DUTCH_PSA = (
    "\ufeffFactuurnummer;Debiteur;Omschrijving;Aantal;Eenheid;Prijs per eenheid;Valuta\n"
    "1;Contoso;Microsoft 365 Business Premium;16;maand;21,00;USD\n"
    "1;Contoso;Exchange Online (Plan 1);5;maand;5,00;USD\n"
    "2;Fabrikam;Microsoft 365 E3;4;maand;39,00;USD\n"
    "2;Fabrikam;Server backup per device;2;stuk;45,00;USD\n"
)


def test_a_dutch_ledger_export_is_read_by_its_own_headers(write: Write) -> None:
    result = _psa(write, "verkoop.csv", DUTCH_PSA)
    columns = result.mappings["psa"].columns
    assert (columns["client"], columns["product_name"], columns["quantity"]) == (
        "Debiteur",
        "Omschrijving",
        "Aantal",
    )
    assert columns["unit_price"] == "Prijs per eenheid"
    _clean(result)


#: Xero's Receivable Invoice Detail (assumed layout): the contact on a group row above its lines,
#: and an "Account" column holding the ledger account, not the customer.
XERO_RECEIVABLE_DETAIL = """Receivable Invoice Detail
For the period 1 August 2025 to 31 August 2025

Invoice Date,Reference,Item Code,Description,Quantity,Unit Price,Net,Account
Contoso
1 Aug 2025,Aug recurring,,Microsoft 365 Business Premium,16,21.00,336.00,210 - Subscription Resale
1 Aug 2025,Aug recurring,,Exchange Online (Plan 1),5,5.00,25.00,210 - Subscription Resale
1 Aug 2025,Aug recurring,,Remote labour hours,2,150.00,300.00,200 - Sales
Total Contoso,,,,,,661.00,
Fabrikam
1 Aug 2025,Aug recurring,,Microsoft 365 E3,4,39.00,156.00,210 - Subscription Resale
Total Fabrikam,,,,,,156.00,
Northwind
1 Aug 2025,Aug recurring,,Onsite visit,1,200.00,200.00,200 - Sales
Total Northwind,,,,,,200.00,
"""


def test_a_ledger_account_column_is_not_the_customer(write: Write) -> None:
    """The group rows name the customers: "Account" has two values for three customers (it had been
    read as the customer, and the group rows as products: every client unmatched)."""
    result = _psa(write, "xero-receivable.csv", XERO_RECEIVABLE_DETAIL)
    assert result.mappings["psa"].get("client") == "Customer"
    _clean(result)


#: QuickBooks Desktop Sales by Customer Detail (assumed layout): the customer on a group row, again
#: in "Name" on each line, the product typed in "Memo", the item a category.
QBD_DETAIL = """Sales by Customer Detail
August 2025

,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Amount,Balance
Contoso,,,,,,,,,,,
,,Invoice,08/01/2025,7102,Microsoft 365 Business Premium,Contoso,Cloud Licences:Microsoft,16,21.00,336.00,336.00
,,Invoice,08/01/2025,7102,Exchange Online (Plan 1),Contoso,Cloud Licences:Microsoft,5,5.00,25.00,361.00
Total Contoso,,,,,,,,,,361.00,361.00
Fabrikam,,,,,,,,,,,
,,Invoice,08/01/2025,7103,Microsoft 365 E3,Fabrikam,Cloud Licences:Microsoft,4,39.00,156.00,156.00
Total Fabrikam,,,,,,,,,,156.00,156.00
"""


def test_a_column_repeating_the_customer_is_not_the_product(write: Write) -> None:
    """QuickBooks Desktop's "Name" is the customer on every line: the product is the Memo (it had
    been read as the product, and every line went unrecognised)."""
    result = _psa(write, "qbd.csv", QBD_DETAIL)
    assert result.mappings["psa"].get("product_name") == "Memo"
    _clean(result)


def test_a_report_grouped_by_item_with_more_items_than_customers(write: Write) -> None:
    """Set E (QuickBooks Online Sales by Product/Service Detail): four product groups, one customer
    on every line. The lines' Customer column names who is billed, however few they are (a rule on
    how many customers there were per group had taken the products for customers)."""
    text = """Sales by Product/Service Detail
August 2025

,Date,Transaction Type,Customer,Qty,Sales Price,Amount
Microsoft 365 Business Premium,,,,,,
,2025-08-01,Invoice,Contoso,16,21.00,336.00
Total for Microsoft 365 Business Premium,,,,,,336.00
Exchange Online (Plan 1),,,,,,
,2025-08-01,Invoice,Contoso,5,5.00,25.00
Total for Exchange Online (Plan 1),,,,,,25.00
Remote labour hours,,,,,,
,2025-08-01,Invoice,Contoso,2,150.00,300.00
Total for Remote labour hours,,,,,,300.00
Onsite visit,,,,,,
,2025-08-01,Invoice,Contoso,1,200.00,200.00
Total for Onsite visit,,,,,,200.00
"""
    result = _psa(write, "qbo-by-product.csv", text)
    assert result.mappings["psa"].get("client") == "Customer"
    assert result.mappings["psa"].get("product_name") == "Product (group rows)"


def test_the_month_a_title_gives_as_a_date_range_keeps_lines_ending_with_it(write: Write) -> None:
    """Set E (Pax8 "Billing by Company" without a date column, Autotask posted items with the
    contract period's End Date): the bill's title says "Billing period: August 1, 2025 - August 31,
    2025" and the PSA's "Date range: 08/01/2025 - 08/31/2025". With no month read, every line
    ending on 31 August had been taken for cancelled (before today)."""
    vendor = """Pax8 Partner Billing
Billing period: August 1, 2025 - August 31, 2025

Company,Product,Qty,Unit Cost
Contoso Ltd,Microsoft 365 Business Premium [NCE],16,19.40
Contoso Ltd,Exchange Online (Plan 1) [NCE],5,4.00
Fabrikam Inc,Microsoft 365 E3 [NCE],4,33.75
"""
    psa = """Posted Items
Date range: 08/01/2025 - 08/31/2025

Account Name,Item,Period Type,End Date,Units,Unit Price
Contoso,Microsoft 365 Business Premium,Monthly,08/31/2025,16,21.00
Contoso,Exchange Online (Plan 1),Monthly,08/31/2025,5,5.00
Fabrikam,Microsoft 365 E3,Monthly,08/31/2025,4,39.00
"""
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert not [e for e in result.excluded if e.reason.startswith("cancelled")]
    _clean(result)


def test_a_hosted_voip_seat_and_security_awareness_training_are_products_of_their_kind(
    write: Write,
) -> None:
    """Set E: "hosted voip seat" beside the client's only phone product (RingCentral), "KnowBe4
    Security Awareness Training Gold" beside its KnowBe4 KMSAT Gold: "voip" and "training" say what
    kind of product it is, not that the line is work."""
    vendor = """Customer,Product,Qty,Unit Cost,Start Date
Contoso Ltd,RingCentral RingEX Core - per user,12,20.00,2025-08-01
Contoso Ltd,KnowBe4 KMSAT Gold - 1 Year subscription,12,2.00,2025-08-01
Contoso Ltd,KnowBe4 KMSAT Diamond - 1 Year subscription,3,3.00,2025-08-01
"""
    psa = """Company,Description,Qty,Price
Contoso,hosted voip seat,12,25.00
Contoso,KnowBe4 Security Awareness Training Gold,12,2.50
Contoso,KnowBe4 KMSAT Diamond,3,3.50
"""
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    _clean(result)


def test_an_annual_prepay_line_is_billed_for_the_year_it_spans(write: Write) -> None:
    """Set E (an AppRiver-style statement, assumed layout): a line of type "Annual Prepay" from 1
    August to 31 July next year costs a year's price; its rate had been read as a month's (a false
    below-cost finding of thousands)."""
    vendor = """Customer,Service,Billing Start,Billing End,Users,Rate,Type
Contoso Ltd,Microsoft 365 Business Premium,8/1/2025,8/31/2025,16,$19.40,Recurring
Contoso Ltd,Exchange Online (Plan 1),8/1/2025,8/31/2025,5,$4.00,Recurring
Fabrikam Inc,Microsoft 365 E3,8/1/2025,7/31/2026,4,$405.00,Annual Prepay
"""
    result = _vendor(write, "statement.csv", vendor)
    assert result.mappings["vendor"].get("period_end") == "Billing End"
    _clean(result)
