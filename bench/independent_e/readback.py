"""A small independent reader of the rendered files, for the tests.

It finds each format's header by caption and reads seats, unit amounts and the
billing period back from the cells, so the truth can be re-derived from what
the files say rather than from the generator's own objects.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

Value = str | float | int | None


def read_table(path: Path, sheet: str | None, delimiter: str = ",") -> dict[int, list[Value]]:
    """Rows by 1-based physical row number."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        sample = text.split("\n", 1)[0]
        delim = ";" if sample.count(";") > sample.count(",") else delimiter
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        return {i + 1: list(r) for i, r in enumerate(rows)}
    if suffix == ".xlsx":
        import openpyxl  # type: ignore[import-untyped]

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        out: dict[int, list[Value]] = {}
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            out[r] = [_plain(v) for v in row]
        wb.close()
        return out
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    data = book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python(skip_empty_area=False)
    return {i + 1: [_plain(v) for v in row] for i, row in enumerate(data)}


def _plain(value: object) -> Value:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def number(value: Value) -> Decimal:
    """Read '1.234,56', '$1,234.56', '($12.00)', "'22.000", 22.5 as a Decimal."""
    if value is None:
        return Decimal(0)
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = value.strip().lstrip("'")
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()").replace("$", "").replace("£", "").replace("€", "").strip()
    if "," in text and (text.rfind(",") > text.rfind(".")):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    result = Decimal(text)
    return -result if negative else result


@dataclass(frozen=True)
class ReadLine:
    row: int
    qty: int
    unit: Decimal  # per billing period, as the MSP pays or bills it
    annual: bool
    billed: bool  # PSA: not cancelled / not billable
    client_cell: str
    product_cell: str


def _header(table: dict[int, list[Value]], caption: str) -> tuple[int, dict[str, int]]:
    for r in sorted(table):
        cells = [str(c).strip() if c is not None else "" for c in table[r]]
        if caption in cells:
            return r, {c: i for i, c in enumerate(cells) if c}
    raise AssertionError(f"no header with {caption!r}")


def _cell(row: list[Value], idx: int) -> Value:
    return row[idx] if idx < len(row) else None


def _text(value: Value) -> str:
    return "" if value is None else str(value)


VENDOR_SPEC: dict[str, dict[str, str]] = {
    "pc_billed_lineitems_api": {
        "client": "customerName",
        "product": "productName",
        "qty": "billableQuantity",
        "unit": "effectiveUnitPrice",
        "rate": "pcToBCExchangeRate",
        "freq": "billingFrequency",
        "annual": "Annual",
    },
    "pc_recon_portal_bom": {
        "client": "CustomerName",
        "product": "ProductName",
        "qty": "BillableQuantity",
        "unit": "EffectiveUnitPrice",
        "rate": "PCToBCExchangeRate",
        "freq": "BillingFrequency",
        "annual": "Annual",
    },
    "pax8_billing_by_company": {
        "client": "@group",
        "product": "Company / Product",
        "qty": "Qty",
        "unit": "Unit Cost",
        "freq": "Billing Term",
        "annual": "Annual",
    },
    "ingram_invoice_detail_xls": {
        "client": "End Customer Name",
        "product": "Product Name",
        "qty": "Quantity",
        "total": "Net Price",
        "freq": "Billing Frequency",
        "annual": "Annual",
    },
    "also_marketplace_de": {
        "client": "Kunde",
        "product": "Produkt",
        "qty": "Menge",
        "unit": "Einzelpreis EK",
        "freq": "Abrechnung",
        "annual": "jährlich",
    },
    "leader_au_invoice": {
        "client": "Customer",
        "product": "Description",
        "qty": "Qty",
        "unit": "Unit Price Ex GST",
        "freq": "Billing Frequency",
        "annual": "Annual",
    },
    "arrowsphere_statement": {
        "client": "End Customer",
        "product": "Offer",
        "qty": "Quantity",
        "unit": "Buy Unit Price",
        "freq": "Billing Cycle",
        "annual": "Yearly",
    },
    "infinigate_uk_charges": {
        "client": "Account Name",
        "product": "Product",
        "qty": "Units",
        "unit": "Unit Cost",
        "freq": "Billing",
        "annual": "Annual Upfront",
    },
    "dicker_cloud_invoice": {
        "client": "TENANT NAME",
        "product": "STOCK CODE",
        "qty": "QTY",
        "unit": "UNIT PRICE",
        "freq": "STOCK CODE",
        "annual": "@endswith:Y:",
    },
    "appriver_statement": {
        "client": "Customer",
        "product": "Service",
        "qty": "Users",
        "unit": "Rate",
        "freq": "Type",
        "annual": "Annual Prepay",
    },
}

PSA_SPEC: dict[str, dict[str, str]] = {
    "cw_invoice_lines": {
        "client": "Company",
        "product": "Description",
        "qty": "Qty",
        "unit": "Unit Price",
        "billed": "Billable",
        "billed_ok": "Billable",
    },
    "autotask_posted_items": {
        "client": "Account Name",
        "product": "Item",
        "qty": "Units",
        "unit": "Unit Price",
        "freq": "Period Type",
        "annual": "Yearly",
        "billed": "Contract Status",
        "billed_ok": "Active",
    },
    "halo_invoice_lines": {
        "client": "Client Name",
        "product": "Item Description",
        "qty": "Quantity",
        "unit": "Unit Price",
        "freq": "Billing Period",
        "annual": "Annually",
    },
    "syncro_invoice_lines": {
        "client": "Business Name",
        "product": "Line Item Name",
        "qty": "Quantity",
        "unit": "Price",
    },
    "qbd_sales_by_customer": {
        "client": "@group",
        "product": "Memo",
        "qty": "Qty",
        "unit": "Sales Price",
    },
    "qbo_sales_by_product": {
        "client": "Customer",
        "product": "@group",
        "qty": "Qty",
        "unit": "Sales Price",
    },
    "kaseya_bms_invoices": {
        "client": "Account",
        "product": "Description",
        "qty": "Quantity",
        "unit": "Rate",
        "freq": "Frequency",
        "annual": "Annually",
    },
    "xero_receivable_detail": {
        "client": "@group",
        "product": "Description",
        "qty": "Quantity",
        "unit": "Unit Price",
    },
    "zoho_books_invoices": {
        "client": "Customer Name",
        "product": "Item Name",
        "qty": "Quantity",
        "unit": "Item Price",
        "billed": "Invoice Status",
        "billed_not": "Void",
    },
    "exact_online_nl": {
        "client": "Debiteur",
        "product": "Omschrijving",
        "qty": "Aantal",
        "unit": "Prijs per eenheid",
        "freq": "Eenheid",
        "annual": "jaar",
    },
}


def read_lines(
    path: Path, sheet: str | None, spec: dict[str, str], rows: list[int]
) -> dict[int, ReadLine]:
    table = read_table(path, sheet)
    head_row, cols = _header(table, spec["qty"])
    out: dict[int, ReadLine] = {}
    group = ""
    wanted = set(rows)
    for r in sorted(table):
        if r <= head_row:
            continue
        row = table[r]
        non_empty = [c for c in row if c is not None and c != ""]
        if len(non_empty) == 1 and isinstance(non_empty[0], str) and row and row[0]:
            group = str(row[0])
        if r not in wanted:
            continue
        qty = int(number(_cell(row, cols[spec["qty"]])))
        if "total" in spec:
            total = number(_cell(row, cols[spec["total"]]))
            unit = total / qty if qty else Decimal(0)
        else:
            unit = number(_cell(row, cols[spec["unit"]]))
        if "rate" in spec:
            rate = number(_cell(row, cols[spec["rate"]]))
            unit = Decimal(math.floor(unit * rate * 100)) / 100
        annual = False
        if "freq" in spec:
            freq = _text(_cell(row, cols[spec["freq"]])).strip()
            if spec["annual"].startswith("@endswith"):
                annual = freq.endswith(spec["annual"].split(":", 1)[1])
            else:
                annual = freq == spec["annual"]
        billed = True
        if "billed" in spec:
            status = _text(_cell(row, cols[spec["billed"]])).strip()
            if "billed_ok" in spec:
                billed = status == spec["billed_ok"]
            else:
                billed = status != spec["billed_not"]
        client = group if spec["client"] == "@group" else _text(_cell(row, cols[spec["client"]]))
        if spec["product"] == "@group":
            product = group.strip()
        else:
            product = _text(_cell(row, cols[spec["product"]])).strip()
        out[r] = ReadLine(r, qty, unit, annual, billed, client, product)
    return out
