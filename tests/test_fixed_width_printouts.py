"""A statement printed to text in fixed-width columns and saved as .csv (set W's VSTECS printout,
refused at first contact: "could not find the client column"). What the printout holds, and what
each line of the fixture shows:

- a page heading and a title line above the header, repeated after a page break;
- a rule of dashes under each header;
- "CUSTOMER: …" group rows, "(CONT'D)" after a page break, "CUSTOMER TOTAL" rows;
- a line quoted whole because its amount has a thousands comma;
- a part number too long for its column, one space before the description.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.read.files import read_source
from engine.read.text_files import read_csv
from engine.reconcile import reconcile

_PRINTOUT = """\
ACME DISTRIBUTION PTE. LTD.                                 PAGE    1
CLOUD SUBSCRIPTION BILLING STATEMENT    PERIOD: 01-NOV-2026 TO 30-NOV-2026    CURRENCY: SGD
PART NUMBER                 DESCRIPTION                          TERM       QTY  UNIT PRICE        AMOUNT
-----------------------------------------------------------------------------------------------------
CUSTOMER: Harbour Dental Pte. Ltd.
SPE_E3                      Microsoft 365 E3                     1M           3       46.63        139.89
KEEPER-BUS                  Keeper Business                      1M          10        3.75         37.50
                                                                       CUSTOMER TOTAL      177.39
CUSTOMER: Kestrel Logistics Pte. Ltd.
"O365_BUSINESS_PREMIUM_LONG Microsoft 365 Business Premium       1M          50       22.00      1,100.00"
ACME DISTRIBUTION PTE. LTD.                                 PAGE    2
CLOUD SUBSCRIPTION BILLING STATEMENT    PERIOD: 01-NOV-2026 TO 30-NOV-2026    CURRENCY: SGD
PART NUMBER                 DESCRIPTION                          TERM       QTY  UNIT PRICE        AMOUNT
-----------------------------------------------------------------------------------------------------
CUSTOMER: Kestrel Logistics Pte. Ltd. (CONT'D)
POWER_BI_PRO                Power BI Pro                         1M           4       14.00         56.00
"                                                                      CUSTOMER TOTAL    1,156.00"
"""

_PSA = """\
Client,Item,Qty,Unit Price
Harbour Dental Pte. Ltd.,Microsoft 365 E3,3,46.63
Harbour Dental Pte. Ltd.,Keeper Business,8,4.50
Kestrel Logistics Pte. Ltd.,Microsoft 365 Business Premium,50,26.00
Kestrel Logistics Pte. Ltd.,Power BI Pro,4,16.00
"""


def test_the_printout_is_read_in_its_columns() -> None:
    table = read_csv(_PRINTOUT.encode(), name="statement.csv")
    rows = [[cell for cell in row if cell is not None] for row in table.cells]
    assert rows[2] == ["PART NUMBER", "DESCRIPTION", "TERM", "QTY", "UNIT PRICE", "AMOUNT"]
    assert rows[3] == []  # the rule is no row
    assert table.cells[4][0] == "CUSTOMER: Harbour Dental Pte. Ltd."  # a group row: first cell only
    assert rows[4] == ["CUSTOMER: Harbour Dental Pte. Ltd."]
    assert rows[5] == ["SPE_E3", "Microsoft 365 E3", "1M", "3", "46.63", "139.89"]
    # quoted whole for its comma; its part number runs into the description's column
    assert rows[9][-3:] == ["50", "22.00", "1,100.00"]
    assert any("printed in fixed-width columns" in note for note in table.notes)


def test_a_printed_statement_reconciles_by_its_group_rows(tmp_path: Path) -> None:
    vendor = tmp_path / "statement.csv"
    vendor.write_text(_PRINTOUT, encoding="utf-8")
    psa = tmp_path / "psa.csv"
    psa.write_text(_PSA, encoding="utf-8")
    result = reconcile(vendor, psa)
    found = {(d.type, d.vendor_client, d.product, d.monthly_impact) for d in result.discrepancies}
    assert found == {
        ("under_billed", "Harbour Dental Pte. Ltd.", "Keeper Business", Decimal("9.00")),
    }
    assert result.kpis.vendor_monthly_total == Decimal("1333.39")  # 139.89 + 37.50 + 1,100 + 56
    assert result.kpis.vendor_lines_reconciled == 4  # no total, heading or group row is a line
    keeper = next(d for d in result.discrepancies if d.product == "Keeper Business")
    assert keeper.vendor_rows == (7,)  # the printout's own line number


def test_a_csv_padded_with_spaces_stays_a_csv() -> None:
    text = (
        "Customer            ,  Product                 ,  Qty  ,  Price\n"
        "Harbour Dental      ,  Microsoft 365 E3        ,    3  ,  46.63\n"
        "Kestrel Logistics   ,  Power BI Pro            ,    4  ,  14.00\n"
        "Kestrel Logistics   ,  Keeper Business         ,   10  ,   3.75\n"
        "Acme Ltd            ,  Keeper Business         ,   10  ,   3.75\n"
        "Bravo Ltd           ,  Keeper Business         ,   10  ,   3.75\n"
    )
    table = read_csv(text.encode(), name="padded.csv")
    assert [str(c).strip() for c in table.cells[1]] == [
        "Harbour Dental",
        "Microsoft 365 E3",
        "3",
        "46.63",
    ]
    assert not any("fixed-width" in note for note in table.notes)


def test_a_csv_with_a_few_double_spaces_stays_a_csv() -> None:
    text = (
        "Customer,Product,Qty,Price\n"
        "Harbour  Dental,Microsoft 365  E3  (annual),3,46.63\n"
        "Kestrel Logistics,Power BI Pro,4,14.00\n"
        "Acme Ltd,Keeper Business,10,3.75\n"
    )
    table = read_csv(text.encode(), name="plain.csv")
    assert table.cells[1] == ["Harbour  Dental", "Microsoft 365  E3  (annual)", "3", "46.63"]


def test_the_file_reader_takes_a_printout_saved_as_txt(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(_PRINTOUT, encoding="utf-8")
    table = read_source(path)
    assert [c for c in table.cells[5] if c is not None] == [
        "SPE_E3",
        "Microsoft 365 E3",
        "1M",
        "3",
        "46.63",
        "139.89",
    ]


def test_a_printout_pasted_one_line_to_a_cell_reads_as_the_text_does(tmp_path: Path) -> None:
    """Pasted into a sheet (or opened in Excel and saved), a printout is one column of lines."""
    from engine.read.raw_table import RawTable
    from tests.conftest import xlsx_of_rows

    lines = [line[1:-1] if line.startswith('"') else line for line in _PRINTOUT.splitlines()]
    book = xlsx_of_rows(tmp_path / "statement.xlsx", [(line or None,) for line in lines])
    psa = tmp_path / "psa.csv"
    psa.write_text(_PSA, encoding="utf-8")
    expected = {("under_billed", "Harbour Dental Pte. Ltd.", "Keeper Business", Decimal("9.00"))}
    for bill in (book, RawTable("Inputs, sheet 'Vendor'", [[None, line] for line in lines])):
        result = reconcile(bill, psa)
        found = {
            (d.type, d.vendor_client, d.product, d.monthly_impact) for d in result.discrepancies
        }
        assert found == expected
        assert result.kpis.vendor_monthly_total == Decimal("1333.39")


def test_a_sheet_of_one_column_of_names_is_no_printout() -> None:
    from engine.read.fixed_width import printout_in_one_column
    from engine.read.raw_table import RawTable

    table = RawTable("list", [["Customer"], ["Acme Ltd"], ["Harbour  Dental  Group"], [None]])
    assert printout_in_one_column(table) is table
