"""A distributor's column of product codes, whatever its header says ("Mfr Part #"), is the product
id: set F's Climb statement named Microsoft's product ids there, and the MSP had typed the same ids
into its PSA ("CFQ7TTC0LG9G:0001 licence"). An invoice or order number is never taken for one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.read.columns import product_codes
from engine.reconcile import reconcile

VENDOR = (
    "Invoice #,End User,Reseller PO,Mfr Part #,Description,Qty,Unit Cost\n"
    "INV700311,Bayou Winery Store 12 LLC,PO-C1046,CFQ7TTC0LG9G:0001,MS NCE DEFENDER O365 P2 1M,4,6.00\n"
    "INV700311,Bayou Winery Store 12 LLC,PO-C1046,HS-365TP-BUS,HORNETSEC 365 TOTAL PROT BUS 1M,4,3.48\n"
    "INV700330,Blue Heron Pharmacy Inc.,PO-C1610,CFQ7TTC0LG9G:0001,MS NCE DEFENDER O365 P2 1M,9,6.00\n"
    "INV700330,Blue Heron Pharmacy Inc.,PO-C1610,CFQ7TTC0LGTX:0001,MS NCE M365 F3 1M,9,9.60\n"
    "INV700331,Cedar Ridge Insurance LLC,PO-C1061,HS-365TP-BUS,HORNETSEC 365 TOTAL PROT BUS 1M,15,3.48\n"
    "INV700331,Cedar Ridge Insurance LLC,PO-C1061,CFQ7TTC0LGTX:0001,MS NCE M365 F3 1M,15,9.60\n"
)


def test_codes_typed_in_the_psa_name_the_distributors_product(tmp_path: Path) -> None:
    psa = (
        "Client,Item,Qty,Rate\n"
        "Bayou Winery Store 12 LLC,CFQ7TTC0LG9G:0001 licence,4,7.50\n"
        "Bayou Winery Store 12 LLC,365TP Business,4,4.35\n"
        "Blue Heron Pharmacy Inc.,CFQ7TTC0LG9G:0001 (excl. Jim - on leave),8,7.50\n"
        "Blue Heron Pharmacy Inc.,Microsoft 365 F3,9,12.00\n"
        "Cedar Ridge Insurance LLC,365TP Business,15,4.35\n"
        "Cedar Ridge Insurance LLC,Microsoft 365 F3,15,12.00\n"
    )
    (tmp_path / "vendor.csv").write_text(VENDOR, encoding="utf-8")
    (tmp_path / "psa.csv").write_text(psa, encoding="utf-8")
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    assert result.mappings["vendor"].columns["product_id"] == "Mfr Part #"
    found = sorted((d.type, d.client, d.monthly_impact) for d in result.discrepancies)
    assert found == [("under_billed", "Blue Heron Pharmacy Inc.", Decimal("7.50"))]


def test_numbers_per_invoice_or_order_are_no_product_codes() -> None:
    names = ["Defender P2", "Hornetsecurity", "Defender P2", "F3", "Hornetsecurity", "F3"]
    invoices = ["INV700311", "INV700311", "INV700330", "INV700330", "INV700331", "INV700331"]
    orders = ["PO-C1046", "PO-C1046", "PO-C1610", "PO-C1610", "PO-C1061", "PO-C1061"]
    codes = [
        "CFQ7TTC0LG9G:0001",
        "HS-365TP-BUS",
        "CFQ7TTC0LG9G:0001",
        "CFQ7TTC0LGTX:0001",
        "HS-365TP-BUS",
        "CFQ7TTC0LGTX:0001",
    ]
    assert product_codes(codes, names)
    assert not product_codes(invoices, names)
    assert not product_codes(orders, names)
    assert not product_codes(names, names)  # words are no codes
