"""Set U's layouts that had not been read at all (twentieth session): a distributor's statement
written as one block per end customer, and a PSA's printed invoice register."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.reconcile import reconcile
from tests.conftest import xlsx_of_rows

_xlsx = xlsx_of_rows


BLOCK_HEADER = ("SKU", "Product - Plan", "Term", "Billing", "Qty", "Unit Price", "Ext. Price")


def _blocks(path: Path) -> Path:
    """A statement with a title, then for each end customer a labelled title row (with the
    customer's id labelled beside it), its own header, its lines and a subtotal."""
    return _xlsx(
        path,
        [
            ("TD SYNNEX StreamOne Ion",),
            ("Billing statement - November 2026",),
            ("Reseller: Bright Circuit IT (USD)",),
            (),
            ("End Customer: Abernathy Chiropractic PLLC", None, "Customer ID: 880019"),
            BLOCK_HEADER,
            ("USCFQ7TTC0LF8Q0001", "Office 365 E3 - Annual", "1 Year", "Monthly", 4, 23, 92),
            (None, None, None, None, None, "Subtotal", 92),
            (),
            ("End Customer: Abernathy HVAC PLLC", None, "Customer ID: 880020"),
            BLOCK_HEADER,
            ("USCFQ7TTC0LH180001", "Microsoft 365 Business Basic", "1 Year", "Monthly", 22, 6, 132),
            ("US-S1-COMPLETE", "SentinelOne Singularity Complete", "1 Year", "Monthly", 11, 6, 66),
            (None, None, None, None, None, "Subtotal", 198),
        ],
    )


def _register(path: Path) -> Path:
    """A printed invoice register: each invoice's row names the customer where its indented item
    rows name the products; a subtotal, the VAT and the total close it; each page repeats a
    heading and the header."""
    header = (None, "Item", "Qty", "Unit Price", "Net")
    heading = ("Invoice Register - Recurring invoices - November 2026", None, None, None)
    return _xlsx(
        path,
        [
            (*heading, "Page 1"),
            header,
            ("INV-24001", "Abernathy Chiropractic PLLC", "01/11/2026", None, None),
            (None, "    Office 365 E3", 4, 27.5, 110),
            (None, "    Managed Firewall (per site)", 1, 85, 85),
            (None, "Subtotal", None, None, 195),
            (None, "VAT 20%", None, None, 39),
            (None, "Invoice total", None, None, 234),
            (*heading, "Page 2"),
            header,
            ("INV-24002", "Abernathy HVAC PLLC", "01/11/2026", None, None),
            (None, "    Microsoft 365 Business Basic", 20, 7.2, 144),
            (None, "    SentinelOne Singularity Complete", 11, 7.5, 82.5),
            (None, "Subtotal", None, None, 226.5),
            (None, "VAT 20%", None, None, 45.3),
            (None, "Invoice total", None, None, 271.8),
        ],
    )


def test_a_statement_in_blocks_names_each_customer_above_its_block(tmp_path: Path) -> None:
    psa = tmp_path / "psa.csv"
    psa.write_text(
        "Customer,Item,Qty,Rate\n"
        "Abernathy Chiropractic PLLC,Office 365 E3,4,27.50\n"
        "Abernathy HVAC PLLC,Microsoft 365 Business Basic,20,7.20\n"
        "Abernathy HVAC PLLC,SentinelOne Singularity Complete,11,7.50\n",
        encoding="utf-8",
    )
    result = reconcile(_blocks(tmp_path / "statement.xlsx"), psa)
    assert [(d.type, d.client, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Abernathy HVAC PLLC", Decimal(22), Decimal(20))
    ]
    [bill] = result.kpis.bills
    # the subtotals are no lines: the bill's total is its lines' (92 + 132 + 66)
    assert (bill.file_total, bill.lines_reconciled) == (Decimal("290.00"), 3)


def test_a_printed_invoice_register_names_each_customer_on_its_invoice_row(tmp_path: Path) -> None:
    vendor = tmp_path / "bill.csv"
    vendor.write_text(
        "Customer,Product,Qty,Unit Cost\n"
        "Abernathy Chiropractic PLLC,Office 365 E3,4,23.00\n"
        "Abernathy HVAC PLLC,Microsoft 365 Business Basic,22,6.00\n"
        "Abernathy HVAC PLLC,SentinelOne Singularity Complete,11,6.00\n",
        encoding="utf-8",
    )
    result = reconcile(vendor, _register(tmp_path / "register.xlsx"))
    assert [(d.type, d.client, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Abernathy HVAC PLLC", Decimal(22), Decimal(20))
    ]
    # the subtotal, the VAT, the total, the page heading and the header repeated are no lines;
    # the firewall is work
    excluded = sorted((e.product.strip(), e.reason) for e in result.excluded)
    assert [product for product, _ in excluded] == [
        "Invoice total",
        "Invoice total",
        "Item",
        "Managed Firewall (per site)",
        "Subtotal",
        "Subtotal",
        "VAT 20%",
        "VAT 20%",
    ]


def test_a_visma_invoice_row_marked_makulerad_is_void(tmp_path: Path) -> None:
    """Visma eAccounting's invoice rows (Swedish headers, ";", decimal comma): a voided invoice
    keeps its rows with Status "Makulerad"; they bill nothing."""
    vendor = tmp_path / "bill.csv"
    vendor.write_text(
        "Customer,Product,Qty,Unit Cost\nKāpiti Lawyers Limited,Microsoft 365 E3,27,36.00\n",
        encoding="utf-8",
    )
    psa = tmp_path / "fakturarader_2026-11.csv"
    psa.write_text(
        "Kundnr;Kundnamn;Fakturanr;Fakturadatum;Artikelnr;Benämning;Antal;Enhet;À-pris;Rabatt %;"
        "Belopp;Status\n"
        "1121;Kāpiti Lawyers Limited;1277;2026-11-01;MIC-01;Microsoft 365 E3;29;anv/mån;63,84;;"
        "1 851,36;Makulerad\n"
        "1121;Kāpiti Lawyers Limited;1278;2026-11-01;MIC-01;Microsoft 365 E3;27;anv/mån;63,84;;"
        "1 723,68;Bokförd\n",
        encoding="utf-8-sig",
    )
    result = reconcile(vendor, psa)
    assert result.discrepancies == ()
    assert [e.reason for e in result.excluded] == ["status: Makulerad"]
