"""Set V's layouts at first contact (twenty-first session; seed 1, 200 clients, engine at 4680c75):
0.282 / 0.650 / 0.861, one of ten cases refused. What a person reads and the engine did not:

- Billomat's "Beschreibung" is the billing period, its "Titel" the product;
- SHI's "Bill-To Account" (one code on every line) is the account billed, not a product code;
- Rewst's "Billed Qty" counts seats;
- Exclusive Networks gives each line in its source currency and in the invoice's (EUR);
- AFAS's "Debiteur" is a number (read from a workbook as 10811.0) beside "Naam debiteur";
- Naverisk names the client inside a path ("Northwind IT > Acme Dental > Head Office");
- a PDF invoice saved as a workbook wraps a description onto the next row, and says "(Annual
  Billing)" there;
- Harvest says what a line bills for with a period's start and end.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.read.columns import product_codes
from engine.read.fields import FIELDS, header_key, match_score
from engine.reconcile import reconcile
from engine.result import Result
from tests.conftest import xlsx_of_rows

_xlsx = xlsx_of_rows


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


_BILL = """Customer,Product,Qty,Unit Cost
Acme Dental,Microsoft 365 Business Standard,10,12.50
Acme Dental,Keeper Business,10,3.75
Harbour Law,Microsoft 365 E3,4,36.00
Harbour Law,Power BI Pro,2,14.00
"""


def _findings(result: Result) -> set[tuple[str, str, str, Decimal]]:
    return {
        (d.type, d.client or d.vendor_client, d.product, d.monthly_impact)
        for d in result.discrepancies
    }


def test_a_dated_description_leaves_the_product_to_the_title(tmp_path: Path) -> None:
    psa = _csv(
        tmp_path / "billomat.csv",
        "Rechnungsnummer;Kunde;Artikelnummer;Titel;Beschreibung;Menge;Einheit;Einzelpreis netto;"
        "Gesamt netto\n"
        "RE1;Acme Dental;BS;Microsoft 365 Business Standard;Abrechnungszeitraum 01.11.2026–30.11.2026;"
        "9;Lizenz;15,00;135,00\n"
        "RE1;Acme Dental;KEEP;Keeper Business;Abrechnungszeitraum 01.11.2026–30.11.2026;10;Lizenz;"
        "4,50;45,00\n"
        "RE2;Harbour Law;E3;Microsoft 365 E3;Abrechnungszeitraum 01.11.2026–30.11.2026;4;Lizenz;"
        "43,20;172,80\n"
        "RE2;Harbour Law;PBI;Power BI Pro;Abrechnungszeitraum 01.11.2026–30.11.2026;2;Lizenz;16,80;"
        "33,60\n",
    )
    result = reconcile(_csv(tmp_path / "bill.csv", _BILL), psa)
    assert result.mappings["psa"].columns["product_name"] == "Titel"
    assert _findings(result) == {
        ("under_billed", "Acme Dental", "Microsoft 365 Business Standard", Decimal("15.00"))
    }


def test_one_code_beside_every_product_is_the_account_not_a_product_code() -> None:
    names = [
        "Microsoft 365 E3",
        "Keeper Business",
        "Power BI Pro",
        "Visio Plan 2",
        "Adobe Acrobat Standard",
        "Huntress Managed ITDR",
        "Acronis Cyber Protect Cloud",
        "Exchange Online (Plan 1)",
    ] * 3
    assert not product_codes(["SHI-4471902"] * len(names), names)
    # a code per product, its terms named apart, is one
    assert product_codes(
        ["CFQ7TTC0LGTX:0001", "CFQ7TTC0LGTX:0001", "CFQ7TTC0LGTX:0001", "HS-365TP-BUS"] * 3,
        ["M365 F3 1M", "M365 F3 1Y mthly", "M365 F3 1Y prepaid", "Hornetsec 1M"] * 3,
    )


def test_a_header_that_ends_in_qty_counts_seats() -> None:
    for side in ("psa", "vendor"):
        best = max(FIELDS[side], key=lambda f: match_score(f, header_key("Billed Qty")))
        assert best.name == "quantity"
    less = next(f for f in FIELDS["psa"] if f.name == "less_included")
    assert max(FIELDS["psa"], key=lambda f: match_score(f, header_key("Included Qty"))) == less


def test_lines_in_several_currencies_are_read_in_the_invoice_currency(tmp_path: Path) -> None:
    header = (
        "Customer",
        "Product",
        "Qty",
        "Source Currency",
        "Unit Price (Source)",
        "Line Total (Source)",
        "FX Rate to EUR",
        "Unit Price (EUR)",
        "Line Total (EUR)",
    )
    bill = _xlsx(
        tmp_path / "exn.xlsx",
        [
            ("Exclusive Networks – Cloud Billing Detail",),
            header,
            ("Acme Dental", "Keeper Business", 10, "USD", 4.00, 40.00, 0.9215, 3.69, 36.86),
            (
                "Acme Dental",
                "Microsoft 365 Business Standard",
                10,
                "EUR",
                11.50,
                115,
                1,
                11.50,
                115,
            ),
        ],
    )
    psa = _csv(
        tmp_path / "psa.csv",
        "Customer,Item,Qty,Rate\n"
        "Acme Dental,Microsoft 365 Business Standard,10,13.80\n"
        "Acme Dental,Keeper Business,10,3.50\n",
    )
    result = reconcile(bill, psa)
    assert result.kpis.currency == "EUR"
    # the EUR unit cost 3.69, not the USD 4.00 nor 3.69 converted again
    assert _findings(result) == {("below_cost", "Acme Dental", "Keeper Business", Decimal("1.90"))}


def test_a_numbered_debtor_read_from_a_workbook_names_its_client_beside_it(
    tmp_path: Path,
) -> None:
    psa = _xlsx(
        tmp_path / "afas.xlsx",
        [
            ("Debiteur", "Naam debiteur", "Omschrijving", "Aantal", "Prijs per eenheid"),
            (10811, "Acme Dental", "Microsoft 365 Business Standard", 10, 15.00),
            (10811, "Acme Dental", "Keeper Business", 10, 4.50),
            (10812, "Harbour Law", "Microsoft 365 E3", 4, 43.20),
            (10812, "Harbour Law", "Power BI Pro", 2, 16.80),
            (10813, "Kauri Builders", "Visio Plan 2", 1, 18.00),
        ],
    )
    result = reconcile(_csv(tmp_path / "bill.csv", _BILL), psa)
    assert result.mappings["psa"].columns["client"] == "Naam debiteur"
    assert _findings(result) == {
        ("no_vendor_record", "Kauri Builders", "Visio Plan 2", Decimal("18.00"))
    }


def test_a_client_path_names_the_client_between_the_msp_and_the_site(tmp_path: Path) -> None:
    psa = _xlsx(
        tmp_path / "naverisk.xlsx",
        [
            ("Client Path", "Charge Name", "Quantity", "Unit Price"),
            ("Northwind IT > Acme Dental > Head Office", "Microsoft 365 Business Standard", 10, 15),
            ("Northwind IT > Acme Dental > Main Site", "Keeper Business", 10, 4.50),
            ("Northwind IT > Harbour Law > Head Office", "Microsoft 365 E3", 4, 43.20),
            ("Northwind IT > Harbour Law > Head Office", "Power BI Pro", 2, 16.80),
        ],
    )
    result = reconcile(_csv(tmp_path / "bill.csv", _BILL), psa)
    assert not result.discrepancies
    assert {m.psa_name for m in result.client_matches} == {"Acme Dental", "Harbour Law"}


def test_a_description_wrapped_onto_the_next_row_is_one_line(tmp_path: Path) -> None:
    bill = _xlsx(
        tmp_path / "bluechip.xlsx",
        [
            ("Bluechip Infotech Pty Ltd",),
            ("Item Code", "Description", "Qty", "Unit Price (ex GST)", "Amount (ex GST)"),
            ("End User: Acme Dental Pty Ltd",),
            ("O365_BUSINESS_PREMIUM", "Microsoft 365 Business Standard - 1 Year", 10, 150, 1500),
            (None, "Commitment (Annual Billing) 01/11/26-31/10/27"),
            ("KPR-BUS", "Keeper Business - Monthly Commitment", 10, 3.75, 37.50),
            (None, "(Monthly Billing)"),
        ],
    )
    psa = _csv(
        tmp_path / "psa.csv",
        "Customer,Item,Qty,Rate\n"
        "Acme Dental,Microsoft 365 Business Standard,10,15.00\n"
        "Acme Dental,Keeper Business,10,4.50\n",
    )
    result = reconcile(bill, psa)
    assert not result.discrepancies  # 150 a year is 12.50 a month, below the 15.00 billed
    assert not [e for e in result.excluded if "Commitment" in str(e)]


def test_a_period_from_start_to_end_says_how_many_months_a_psa_line_bills(
    tmp_path: Path,
) -> None:
    psa = _csv(
        tmp_path / "harvest.csv",
        "Client,Line Item Description,Quantity,Unit Price,Period Start,Period End\n"
        "Acme Dental,Microsoft 365 Business Standard,10,180.00,2026-11-01,2027-10-31\n"
        "Acme Dental,Keeper Business,10,4.50,2026-11-01,2026-11-30\n"
        "Harbour Law,Microsoft 365 E3,4,43.20,2026-11-01,2026-11-30\n"
        "Harbour Law,Power BI Pro,2,16.80,2026-11-01,2026-11-30\n",
    )
    bill = _BILL + "Kauri Builders,Microsoft 365 Business Standard,2,12.50\n"
    result = reconcile(_csv(tmp_path / "bill.csv", bill), psa)
    # 180 a year is 15.00 a month: the unbilled seats cost what the book bills a month
    assert _findings(result) == {
        ("unbilled", "Kauri Builders", "Microsoft 365 Business Standard", Decimal("30.00"))
    }


def test_the_distributors_own_fees_are_no_licences(tmp_path: Path) -> None:
    bill = _BILL + (
        "Acme Dental,Marketplace service fee,1,5.00\n"
        "Harbour Law,Premier support add-on (distributor),1,25.00\n"
        "Harbour Law,Billing administration fee,1,18.00\n"
        "Harbour Law,Huntress Managed EDR,2,3.00\n"
    )
    psa = _csv(
        tmp_path / "psa.csv",
        "Customer,Item,Qty,Rate\n"
        "Acme Dental,Microsoft 365 Business Standard,10,15.00\n"
        "Acme Dental,Keeper Business,10,4.50\n"
        "Harbour Law,Microsoft 365 E3,4,43.20\n"
        "Harbour Law,Power BI Pro,2,16.80\n",
    )
    result = reconcile(_csv(tmp_path / "bill.csv", bill), psa)
    # the licence a managed word names is still one, and unbilled
    assert _findings(result) == {
        ("unbilled", "Harbour Law", "Huntress Managed EDR", Decimal("6.00"))
    }
    fees = {e.product for e in result.excluded if "fee or service" in e.reason}
    assert fees == {
        "Marketplace service fee",
        "Premier support add-on (distributor)",
        "Billing administration fee",
    }
