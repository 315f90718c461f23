"""Column subsets: real exports of one system differ in which optional columns they carry.

Per case, some optional columns of the data sheet are left out (never the customer, product,
seats, money the rules use, billing period, status, product code or tenant domain), so that
a reader meets other subsets than one fixed layout. Row numbers do not change.
"""

from __future__ import annotations

import random

from .writers import Sheet

OPTIONAL: dict[str, tuple[str, ...]] = {
    # vendor bills
    "pc_billed_lineitems_api": (
        "partnerId",
        "customerCountry",
        "invoiceNumber",
        "mpnId",
        "resellerMpnId",
        "orderId",
        "orderDate",
        "availabilityId",
        "skuName",
        "unitPrice",
        "taxTotal",
        "totalForCustomer",
        "priceAdjustmentDescription",
        "publisherName",
        "publisherId",
        "subscriptionDescription",
        "unitType",
        "alternateId",
        "pcToBCExchangeRateDate",
        "meterDescription",
        "reservationOrderId",
        "creditReasonCode",
        "subscriptionStartDate",
        "subscriptionEndDate",
        "productQualifiers",
        "promotionId",
        "productCategory",
    ),
    "pc_recon_portal_bom": (),  # the portal file keeps Microsoft's full layout
    "pax8_billing_by_company": ("Vendor", "Start Date", "End Date", "Unit Price", "Total Price"),
    "ingram_invoice_detail_xls": (
        "Invoice Number",
        "Invoice Date",
        "Reseller Name",
        "End Customer ID",
        "Subscription ID",
        "Vendor Name",
        "Charge Start Date",
        "Charge End Date",
        "MSRP",
        "Currency",
    ),
    "also_marketplace_de": (
        "Rechnungsnummer",
        "Rechnungsdatum",
        "Kundennummer",
        "Hersteller",
        "Leistungszeitraum von",
        "Leistungszeitraum bis",
        "Laufzeit",
        "UVP",
        "Gesamtpreis EK",
        "Währung",
    ),
    "leader_au_invoice": (
        "Invoice No",
        "Invoice Date",
        "ABN",
        "Term",
        "Period From",
        "Period To",
        "GST",
        "Total Inc GST",
    ),
    "arrowsphere_statement": (
        "Customer Ref",
        "Vendor",
        "Subscription Ref",
        "From",
        "To",
        "Retail Unit Price",
        "Buy Total",
        "Currency",
    ),
    "appriver_statement": ("Billing Start", "Billing End"),
    "dicker_cloud_invoice": (
        "INVOICE NO",
        "INVOICE DATE",
        "TENANT ID",
        "REFERENCE",
        "EXTENDED",
        "GST",
        "START USAGE",
        "END USAGE",
    ),
    "infinigate_uk_charges": (
        "Customer Reference",
        "Vendor",
        "Subscription",
        "Term",
        "Charge From",
        "Charge To",
        "Line Cost",
        "RRP",
        "Charge Description",
    ),
    # PSA and accounting exports
    "cw_invoice_lines": (
        "Invoice #",
        "Invoice Date",
        "Site",
        "Agreement",
        "Invoice Type",
        "Product ID",
        "Ext. Price",
        "Taxable",
    ),
    "autotask_posted_items": (
        "Contract Name",
        "Billing Item Type",
        "Description",
        "Start Date",
        "End Date",
        "Invoice Number",
    ),
    "halo_invoice_lines": (
        "Site Name",
        "Invoice Number",
        "Invoice Date",
        "Item Code",
        "Item Long Description",
        "Tax Amount",
    ),
    "syncro_invoice_lines": (
        "Invoice #",
        "Date",
        "Customer",
        "Line Item Description",
        "Cost",
        "Taxable",
    ),
    "qbd_sales_by_customer": ("Type", "Num", "Name", "Item"),
    "xero_receivable_detail": (
        "Invoice Number",
        "Reference",
        "Item Code",
        "Discount",
        "Tax",
        "Gross",
        "Account",
        "Status",
    ),
    "zoho_books_invoices": (
        "Invoice ID",
        "Customer ID",
        "Currency Code",
        "Exchange Rate",
        "Item Desc",
        "Discount",
        "Usage unit",
        "Account",
    ),
    "exact_online_nl": ("Factuurdatum", "Debiteurnummer", "Artikelcode", "Bedrag", "BTW-code"),
    "kaseya_bms_invoices": ("Invoice #", "Invoice Date", "Contract", "Item Type", "Item", "Amount"),
    "qbo_sales_by_product": ("Transaction Type", "Num", "Memo/Description", "Balance"),
}


def drop_optional(sheet: Sheet, fmt: str, rng: random.Random, share: float = 0.35) -> list[str]:
    """Leave out some optional columns of ``sheet`` in place; return the captions dropped."""
    optional = OPTIONAL.get(fmt, ())
    if not optional or not sheet.rows:
        return []
    width = max(len(r) for r in sheet.rows)
    header = next(
        (r for r in sheet.rows if len(r) == width and any(c in optional for c in r)), None
    )
    if header is None:
        return []
    chosen = [c for c in optional if c in header and rng.random() < share]
    drop = {header.index(c) for c in chosen}
    if not drop:
        return []
    for i, row in enumerate(sheet.rows):
        sheet.rows[i] = [c for j, c in enumerate(row) if j not in drop]
    keep = [j for j in range(width) if j not in drop]
    sheet.money_cols = {keep.index(j) for j in sheet.money_cols if j in keep}
    return chosen
