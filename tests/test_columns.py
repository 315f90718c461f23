"""Columns are recognised by meaning for every export format in shared/reference/exports.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engine.errors import MissingColumnError, SettingsError, WrongSideError
from engine.read.columns import check_side, recognise
from engine.read.files import read_source
from engine.read.header import locate_header

# (format, side, header line, one data line, expected field → column)
FORMATS = [
    (
        "partner_center_nce",
        "vendor",
        "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,ResellerMpnId,"
        "OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,UnitPrice,Quantity,"
        "Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,PublisherId,"
        "SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,TermAndBillingCycle,"
        "EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,PricingCurrency,"
        "PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId",
        "p,c,Contoso Ltd,contoso.onmicrosoft.com,US,G1,1,,o,2025-08-01,CFQ7TTC0LCHC,0002,a,Microsoft 365 "
        "Business Premium,Microsoft 365 Business Premium,cycleCharge,22.00,10,198.00,0,198.00,USD,,Microsoft,,,"
        "s,2025-08-01,2025-08-31,One-Year commitment for monthly billing,19.80,,,10,Monthly,USD,1,,,",
        {
            "client": "CustomerName",
            "quantity": "BillableQuantity",
            "unit_cost": "EffectiveUnitPrice",
            "product_id": "ProductId",
            "sku_id": "SkuId",
            "domain": "CustomerDomainName",
            "billing_frequency": "BillingFrequency",
            "line_total": "Subtotal",
            "charge_type": "ChargeType",
        },
    ),
    (
        "partner_center_legacy",
        "vendor",
        "PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,"
        "SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,"
        "SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,"
        "TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,"
        "SubscriptionDescription,BillingCycleType",
        "p,c,Fabrikam,1,,o,s,n,o1,d1,Office 365 E3,2025-01-01,2026-01-01,2025-08-01,2025-08-31,Cycle fee,20.00,5,"
        "100.00,0,100.00,0,100.00,USD,fabrikam.onmicrosoft.com,Office 365 E3,,Monthly",
        {
            "client": "CustomerName",
            "product_name": "OfferName",
            "quantity": "Quantity",
            "unit_cost": "UnitPrice",
            "line_total": "Subtotal",
            "billing_frequency": "BillingCycleType",
            "domain": "DomainName",
        },
    ),
    (
        "pax8",
        "vendor",
        "companyName,companyId,externalId,startPeriod,endPeriod,quantity,unitOfMeasure,term,sku,description,"
        "details,price,subTotal,cost,costTotal,total,productId,productName,currencyCode,subscriptionId,"
        "vendorName,type",
        "Contoso,1,,2025-08-01,2025-08-31,10,User,Monthly,MST-NCE-103-C100,desc,,24.00,240.00,19.80,198.00,"
        "240.00,p1,Microsoft 365 Business Premium [NCE],USD,s1,Microsoft,subscription",
        {
            "client": "companyName",
            "quantity": "quantity",
            "unit_cost": "cost",
            "line_total": "costTotal",
            "product_name": "productName",
            "term": "term",
        },
    ),
    (
        "cloudmore",
        "vendor",
        "Billing Date;Service Name;Broker Name;Organization Name;Customer Number;Product Name;Item Code;"
        "Quantity;Unit Cost Price;Unit Sales Price;Total Cost;Total Sales;Margin Amount;Margin Percentage;"
        "Currency Code;Product ID;Payment Frequency",
        "01.08.2025;CSP;Broker;Contoso AB;1;Microsoft 365 E3;X;5;30,00;36,00;150,00;180,00;30,00;16,7;EUR;p;Monthly",
        {
            "client": "Organization Name",
            "unit_cost": "Unit Cost Price",
            "quantity": "Quantity",
            "line_total": "Total Cost",
            "billing_frequency": "Payment Frequency",
            "product_name": "Product Name",
        },
    ),
    (
        "dicker",
        "vendor",
        "TENANT ID,TENANT NAME,SUBSCRIPTION ID,STOCK CODE,STOCK DESCRIPTION,REFERENCE,QTY,CHARGE TYPE,STATUS,"
        "START USAGE,END USAGE,REVALUATION PERIOD,UNIT PRICE,UNIT RRP",
        "t,Contoso Pty Ltd,s,P1Y:CFQ7TTC0LCHC:0002:1:,MS NCE M365 BP 1YR,,10,Renewal,Active,30-AUG-2025,"
        "29-SEP-2025,,$338.31,$400.00",
        {
            "client": "TENANT NAME",
            "product_id": "STOCK CODE",
            "product_name": "STOCK DESCRIPTION",
            "quantity": "QTY",
            "unit_cost": "UNIT PRICE",
            "period_start": "START USAGE",
        },
    ),
    (
        "connectwise_additions",
        "psa",
        "Company Name,Agreement Name,Agreement Type,Sequence,Effective,Cancelled,Product ID,Description,Quantity,"
        "Less Included,Price,Ext Price,Prorate Price,Bill,Tax,Margin,Level,Agreement Status,Recurring Revenue,"
        "Recurring Cost,Addition Status,Purchase Item,Drop Ship,Special Order,Serial #,Cost,Ext Cost",
        "Contoso,MSA,Managed,1,01/01/2025,,M365BP,Microsoft 365 Business Premium,10,0,$24.00,$240.00,,Billable,"
        "N,20%,,Active,$240.00,$198.00,Active,,,,,$19.80,$198.00",
        {
            "client": "Company Name",
            "product_name": "Description",
            "product_id": "Product ID",
            "quantity": "Quantity",
            "less_included": "Less Included",
            "unit_price": "Price",
            "line_total": "Ext Price",
            "bill_flag": "Bill",
            "cancelled_date": "Cancelled",
            "status": "Addition Status",
        },
    ),
    (
        "connectwise_api",
        "psa",
        "company,product,quantity,lessIncluded,unitPrice,unitCost,billCustomer,effectiveDate,cancelledDate,"
        "description,invoiceDescription,agreementId,extPrice,extCost,agreementStatus",
        "Contoso,M365BP,10,0,24.00,19.80,Billable,2025-01-01,,Microsoft 365 Business Premium,M365 BP,7,240.00,"
        "198.00,Active",
        {
            "client": "company",
            "quantity": "quantity",
            "unit_price": "unitPrice",
            "bill_flag": "billCustomer",
            "product_name": "description",
            "less_included": "lessIncluded",
            "cancelled_date": "cancelledDate",
        },
    ),
    (
        "autotask",
        "psa",
        "Account Name,Contract Name,Service Name,Units,Unit Price,Unit Cost,Adjusted Price,Period Type,"
        "Extended Price",
        "Contoso,Recurring,Microsoft 365 E3,5,39.00,32.40,39.00,Monthly,195.00",
        {
            "client": "Account Name",
            "product_name": "Service Name",
            "quantity": "Units",
            "unit_price": "Adjusted Price",
            "billing_period": "Period Type",
            "line_total": "Extended Price",
        },
    ),
    (
        "halopsa",
        "psa",
        "client_name,item_shortdescription,item_longdescription,unit_price,qty_order,net_amount",
        "Contoso,Microsoft 365 Business Basic,Business Basic $MONTHNAME,7.00,12,84.00",
        {
            "client": "client_name",
            "product_name": "item_shortdescription",
            "quantity": "qty_order",
            "unit_price": "unit_price",
            "line_total": "net_amount",
        },
    ),
    (
        "syncro",
        "psa",
        "customer_business_then_name,name,description,quantity,retail_cents,cost_cents",
        "Contoso,Microsoft 365 E5,,3,6000,5184",
        {
            "client": "customer_business_then_name",
            "quantity": "quantity",
            "unit_price": "retail_cents",
        },
    ),
]


@pytest.mark.parametrize("fmt,side,header,line,expected", FORMATS, ids=[f[0] for f in FORMATS])
def test_every_reference_format_is_recognised(
    write: Callable[..., Path],
    fmt: str,
    side: str,
    header: str,
    line: str,
    expected: dict[str, str],
) -> None:
    path = write(f"{fmt}.csv", header + "\n" + line + "\n")
    table = locate_header(read_source(path))
    check_side(side, table.headers, fmt)  # type: ignore[arg-type]
    mapping = recognise(side, table.headers, table.data, source=fmt)  # type: ignore[arg-type]
    for field, column in expected.items():
        assert mapping.get(field) == column, (field, mapping.columns)


def test_cost_beats_price_on_the_vendor_side(write: Callable[..., Path]) -> None:
    """Pax8 has both price (suggested) and cost; Cloudmore both Unit Sales and Unit Cost Price."""
    path = write("v.csv", "Customer,Product,Qty,Price,Cost\nA,Office 365 E3,1,25.00,20.70\n")
    table = locate_header(read_source(path))
    assert recognise("vendor", table.headers, table.data, source="v").get("unit_cost") == "Cost"


def test_unknown_but_sensible_headers(write: Callable[..., Path]) -> None:
    path = write(
        "v.csv",
        "Client (legal name),Licence,Seats purchased,Unit cost (USD)\nA,Office 365 E3,1,20.70\n",
    )
    table = locate_header(read_source(path))
    mapping = recognise("vendor", table.headers, table.data, source="v")
    assert mapping.columns == {
        "client": "Client (legal name)",
        "product_name": "Licence",
        "quantity": "Seats purchased",
        "unit_cost": "Unit cost (USD)",
    }


def test_missing_column_lists_what_was_found(write: Callable[..., Path]) -> None:
    path = write("v.csv", "Customer,Product,Colour\nA,Office 365 E3,blue\n")
    table = locate_header(read_source(path))
    with pytest.raises(MissingColumnError) as error:
        recognise("vendor", table.headers, table.data, source="v.csv")
    message = str(error.value)
    assert "quantity" in message and "'Colour'" in message and "mapping" in message


def test_user_mapping_wins_and_is_recorded(write: Callable[..., Path]) -> None:
    path = write("v.csv", "Customer,Product,Qty,Seats,Cost\nA,Office 365 E3,1,7,20.70\n")
    table = locate_header(read_source(path))
    mapping = recognise(
        "vendor", table.headers, table.data, source="v", overrides={"quantity": "seats"}
    )
    assert mapping.get("quantity") == "Seats" and mapping.how["quantity"] == "user"


def test_bad_mapping_lists_every_problem(write: Callable[..., Path]) -> None:
    path = write("v.csv", "Customer,Product,Qty,Cost\nA,Office 365 E3,1,20.70\n")
    table = locate_header(read_source(path))
    with pytest.raises(SettingsError) as error:
        recognise(
            "vendor",
            table.headers,
            table.data,
            source="v",
            overrides={"colour": "Qty", "quantity": "Seats"},
        )
    assert "colour" in str(error.value) and "Seats" in str(error.value)


def test_psa_export_given_as_vendor_is_refused(write: Callable[..., Path]) -> None:
    fmt = next(f for f in FORMATS if f[0] == "connectwise_additions")
    path = write("cw.csv", fmt[2] + "\n" + fmt[3] + "\n")
    table = locate_header(read_source(path))
    with pytest.raises(WrongSideError, match="Swap"):
        check_side("vendor", table.headers, "cw.csv")


def test_product_names_beside_a_sku_column_are_the_product(write: Callable[..., Path]) -> None:
    """Found on set C: a Sherweb-style bill heads its product names "Subscription" and has a
    "SKU" column; the codes were read as the product, so no PSA spelling could ever match."""
    path = write(
        "v.csv",
        "Customer,Subscription,SKU,Charge Type,Quantity,Unit Cost\n"
        "A,Microsoft 365 E3 (no Teams),CFQ7TTC0LFLX:0009,Recurring,6,$32.73\n"
        "B,Dropsuite Microsoft 365 Backup,DRS-M365-BKP,Recurring,20,$2.37\n",
    )
    table = locate_header(read_source(path))
    mapping = recognise("vendor", table.headers, table.data, source="v")
    assert mapping.get("product_name") == "Subscription"
    assert mapping.get("product_id") == "SKU"


def test_a_billing_column_says_how_often_beside_a_term(write: Callable[..., Path]) -> None:
    """Found on set C: a distributor statement with Term "12 months" and Billing "Monthly"; the term
    was read as the billing period, so every monthly cost was divided by twelve."""
    path = write(
        "v.csv",
        "Customer,Item Description,Term,Billing,Qty,Unit Cost\n"
        "A,Exchange Online (Plan 1),12 months,Monthly,4,4.00\n"
        "A,Exchange Online (Plan 1),12 months,Annual,2,47.93\n",
    )
    table = locate_header(read_source(path))
    mapping = recognise("vendor", table.headers, table.data, source="v")
    assert mapping.get("billing_frequency") == "Billing"
    assert mapping.get("term") == "Term"
