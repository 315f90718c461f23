"""A catalogue of bad inputs. Each either reconciles correctly or stops with one plain message that
names the file or sheet, what was found and what to do — never a traceback, never a silent wrong answer.

The base pair (``VENDOR``/``PSA``) is clean: Contoso 10 × Business Premium (cost 19.80, billed 10 at
24.00), Fabrikam 4 × Office 365 E3 (cost 20.70, billed 3 at 25.00 → under_billed 25.00). Each case
changes one thing and says what it expects.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter

from engine.errors import (
    EmptyInputError,
    InputError,
    LeakageFinderError,
    MissingColumnError,
    SettingsError,
    UnreadableFileError,
    WrongSideError,
)
from engine.export import discrepancies_csv
from engine.read.limits import MAX_ROWS
from engine.reconcile import reconcile
from engine.result import Result
from engine.settings import Settings

V_HEADER = [
    "Customer Name",
    "Product",
    "Quantity",
    "Unit Cost",
    "Billing Frequency",
    "Charge Start",
]
V_ROWS = [
    ["Contoso Ltd", "Microsoft 365 Business Premium", "10", "19.80", "Monthly", "2025-08-01"],
    ["Fabrikam Inc", "Office 365 E3", "4", "20.70", "Monthly", "2025-08-01"],
]
P_HEADER = ["Company", "Description", "Qty", "Price", "Status"]
P_ROWS = [
    ["Contoso", "M365 Business Premium", "10", "24.00", "Active"],
    ["Fabrikam", "Office 365 E3", "3", "25.00", "Active"],
]
BASE_FINDINGS = {("under_billed", "Fabrikam", "Office 365 E3"): Decimal("25.00")}


def text(header: list[str], rows: list[list[str]], *, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    return buffer.getvalue()


VENDOR, PSA = text(V_HEADER, V_ROWS), text(P_HEADER, P_ROWS)


def findings(result: Result) -> dict[tuple[str, str, str], Decimal]:
    return {
        (d.type, d.client or d.vendor_client, d.product): d.monthly_impact
        for d in result.discrepancies
    }


def xlsx(path: Path, rows: list[list[object]], **options: object) -> Path:
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False}
    )
    sheet = book.add_worksheet("Export")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, book.add_format({"num_format": "yyyy-mm-dd"}))
            elif value is not None:
                sheet.write(r, c, value)
    for hidden in options.get("hidden_rows", []):  # type: ignore[attr-defined]
        sheet.set_row(hidden, None, None, {"hidden": True})
    if options.get("merge"):
        sheet.merge_range(0, 0, 0, 2, str(rows[0][0]))
    book.close()
    return path


Writer = Callable[..., Path]


def ok(
    write: Writer, vendor: str | bytes = VENDOR, psa: str | bytes = PSA, **kwargs: object
) -> Result:
    return reconcile(write("vendor.csv", vendor), write("psa.csv", psa), **kwargs)  # type: ignore[arg-type]


def refused(
    error: type[LeakageFinderError], *needles: str
) -> Callable[[Callable[[], object]], str]:
    def check(run: Callable[[], object]) -> str:
        with pytest.raises(error) as caught:
            run()
        message = str(caught.value)
        for needle in needles:
            assert needle in message, (needle, message)
        assert "\n" not in message and "Traceback" not in message
        return message

    return check


# --- files that are not exports -------------------------------------------------------------------


def test_01_empty_vendor_file(write: Writer) -> None:
    refused(EmptyInputError, "vendor.csv", "empty", "Export")(lambda: ok(write, vendor=""))


def test_02_empty_psa_file(write: Writer) -> None:
    refused(EmptyInputError, "psa.csv", "empty")(lambda: ok(write, psa="\n\n  \n"))


def test_03_header_only(write: Writer) -> None:
    refused(EmptyInputError, "vendor.csv", "only a header row", "row 1")(
        lambda: ok(write, vendor=text(V_HEADER, []))
    )


def test_04_psa_export_given_as_vendor(write: Writer) -> None:
    cw = (
        "Company Name,Agreement Name,Description,Quantity,Less Included,Price,Bill,Addition Status\n"
        "Contoso,MSA,Office 365 E3,1,0,25,Billable,Active\n"
    )
    refused(WrongSideError, "vendor.csv", "looks like a PSA export", "Swap")(
        lambda: ok(write, vendor=cw)
    )


def test_05_vendor_bill_given_as_psa(write: Writer) -> None:
    pc = (
        "CustomerName,CustomerDomainName,ProductName,EffectiveUnitPrice,BillableQuantity,SkuId\n"
        "Contoso,c.onmicrosoft.com,Office 365 E3,20.70,1,0001\n"
    )
    refused(WrongSideError, "psa.csv", "looks like a vendor bill")(lambda: ok(write, psa=pc))


def test_06_two_vendor_files(write: Writer) -> None:
    pc = (
        "CustomerName,CustomerDomainName,ProductName,EffectiveUnitPrice,BillableQuantity,SkuId\n"
        "Contoso,c.onmicrosoft.com,Office 365 E3,20.70,1,0001\n"
    )
    refused(WrongSideError, "psa.csv")(
        lambda: ok(write, vendor=pc, psa=pc.replace("Contoso", "Other"))
    )


def test_07_two_psa_files(write: Writer) -> None:
    cw = (
        "Company Name,Description,Quantity,Less Included,Price,Bill,Addition Status\n"
        "Contoso,Office 365 E3,1,0,25,Billable,Active\n"
    )
    refused(WrongSideError, "vendor.csv")(
        lambda: ok(write, vendor=cw, psa=cw.replace("Contoso", "Other"))
    )


def test_08_the_same_file_twice(write: Writer) -> None:
    path = write("both.csv", VENDOR)
    refused(WrongSideError, "both.csv", "same file")(lambda: reconcile(path, path))


def test_09_the_same_data_in_two_files(write: Writer) -> None:
    refused(WrongSideError, "same data", "twice")(lambda: ok(write, psa=VENDOR))


def test_10_required_column_missing_lists_columns_found(write: Writer) -> None:
    vendor = text(
        ["Customer Name", "Product", "Unit Cost"], [["Contoso", "Office 365 E3", "20.70"]]
    )
    refused(
        MissingColumnError,
        "vendor.csv",
        "quantity",
        "'Customer Name', 'Product', 'Unit Cost'",
        "mapping",
    )(lambda: ok(write, vendor=vendor))


def test_11_csv_that_is_really_html(write: Writer) -> None:
    refused(UnreadableFileError, "vendor.csv", "HTML", "CSV")(
        lambda: ok(write, vendor="\ufeff  <!DOCTYPE html><html><body>Session expired</body></html>")
    )


def test_12_binary_file_named_csv(write: Writer) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    refused(UnreadableFileError, "vendor.csv", "binary")(lambda: ok(write, vendor=png))


def test_13_password_protected_workbook(write: Writer) -> None:
    path = write("bill.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    refused(UnreadableFileError, "bill.xlsx", "password")(
        lambda: reconcile(path, write("p.csv", PSA))
    )


def test_14_zip_bomb_disguised_as_xlsx(tmp_path: Path, write: Writer) -> None:
    path = tmp_path / "bill.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * 150_000_000)
    assert path.stat().st_size < 1_000_000
    refused(UnreadableFileError, "bill.xlsx", "zip bomb")(
        lambda: reconcile(path, write("p.csv", PSA))
    )


def test_15_too_many_rows_is_refused_with_the_limit(write: Writer) -> None:
    big = "Customer,Product,Qty,Cost\n" + "C,Office 365 E3,1,2\n" * (MAX_ROWS + 100)
    refused(UnreadableFileError, "vendor.csv", f"{MAX_ROWS:,}", "split")(
        lambda: ok(write, vendor=big)
    )


def test_16_missing_sheet_lists_the_sheets(tmp_path: Path, write: Writer) -> None:
    path = xlsx(tmp_path / "bill.xlsx", [V_HEADER, *V_ROWS])
    refused(UnreadableFileError, "bill.xlsx", "'Invoice'", "Export")(
        lambda: reconcile(path, write("p.csv", PSA), vendor_sheet="Invoice")
    )


# --- layout ---------------------------------------------------------------------------------------


def test_17_duplicated_and_blank_headers(write: Writer) -> None:
    same = text([*V_HEADER, "Quantity", ""], [[*r, r[2], "x"] for r in V_ROWS])
    assert findings(ok(write, vendor=same)) == BASE_FINDINGS  # two copies of one column: no doubt
    differ = text([*V_HEADER, "Quantity", ""], [[*r, "99", "x"] for r in V_ROWS])
    refused(InputError, "vendor.csv", "'Quantity'", "columns C and G")(  # never picked silently
        lambda: ok(write, vendor=differ)
    )


def test_18_header_not_on_the_first_row(write: Writer) -> None:
    vendor = "Partner invoice G0123\nPeriod: August 2025\n\n" + VENDOR
    psa = "Recurring Invoices report,,,\nRun by: admin,,,\n" + PSA
    assert findings(ok(write, vendor=vendor, psa=psa)) == BASE_FINDINGS


def test_19_totals_and_subtotal_rows(write: Writer) -> None:
    vendor = VENDOR + "Subtotal Contoso,,,198.00,,\nGrand Total,,,280.80,,\n"
    psa = PSA + ",Total,,315.00,\n"
    result = ok(write, vendor=vendor, psa=psa)
    assert findings(result) == BASE_FINDINGS
    assert sorted(e.reason for e in result.excluded) == ["totals row"] * 3


def test_20_blank_rows_in_the_middle(write: Writer) -> None:
    vendor = VENDOR.replace("\nFabrikam", "\n,,,,,\n\n\nFabrikam")
    result = ok(write, vendor=vendor)
    assert findings(result) == BASE_FINDINGS and result.kpis.vendor_lines == 2


def test_21_merged_header_cells_and_hidden_rows_in_xlsx(tmp_path: Path, write: Writer) -> None:
    rows: list[list[object]] = [["Microsoft invoice — August", None, None], V_HEADER, *V_ROWS]
    path = xlsx(tmp_path / "bill.xlsx", rows, merge=True, hidden_rows=[3])
    result = reconcile(path, write("p.csv", PSA))
    assert (
        findings(result) == BASE_FINDINGS
    )  # the hidden row is still a line: nothing dropped silently


def test_22_semicolon_and_decimal_commas(write: Writer) -> None:
    vendor = text(
        V_HEADER,
        [[r[0], r[1], r[2], r[3].replace(".", ","), r[4], r[5]] for r in V_ROWS],
        delimiter=";",
    )
    assert findings(ok(write, vendor=vendor)) == BASE_FINDINGS


def test_23_tab_delimited_txt(write: Writer) -> None:
    assert findings(ok(write, psa=text(P_HEADER, P_ROWS, delimiter="\t"))) == BASE_FINDINGS


def test_24_quoted_fields_with_newlines_and_delimiters(write: Writer) -> None:
    psa = text(
        P_HEADER,
        [
            ["Contoso", "M365 Business Premium", "10", "24.00", "Active"],
            ["Fabrikam", "Office 365 E3\n(monthly, per user)", "3", "$25.00", "Active"],
        ],
    )
    assert findings(ok(write, psa=psa)) == BASE_FINDINGS


# --- encodings ------------------------------------------------------------------------------------

ACCENTED = VENDOR.replace("Contoso Ltd", "Café Müller GmbH")
ACCENTED_PSA = PSA.replace("Contoso", "Cafe Muller")


@pytest.mark.parametrize(
    "encoding,bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
    ],
    ids=["25-utf8", "26-utf8-bom", "27-utf16le", "28-utf16be", "29-cp1252"],
)
def test_25_to_29_encodings(write: Writer, encoding: str, bom: bytes) -> None:
    result = ok(write, vendor=bom + ACCENTED.encode(encoding), psa=ACCENTED_PSA)
    assert findings(result) == BASE_FINDINGS
    assert any(
        m.vendor_name == "Café Müller GmbH" and m.psa_name == "Cafe Muller"
        for m in result.client_matches
    )


def test_30_a_file_mixing_two_encodings(write: Writer) -> None:
    data = VENDOR.encode("utf-8") + "Müller AG,Office 365 E3,1,20.70,Monthly,2025-08-01\n".encode(
        "cp1252"
    )
    result = ok(write, vendor=data)
    assert any(e.vendor_client == "Müller AG" for e in result.discrepancies)


# --- names ----------------------------------------------------------------------------------------


def test_31_nbsp_tabs_and_zero_width_characters(write: Writer) -> None:
    vendor = VENDOR.replace("Contoso Ltd", "Con\u200btoso\u00a0Ltd\t").replace(
        "Office 365 E3", "Office\u00a0365 E3"
    )
    assert findings(ok(write, vendor=vendor)) == BASE_FINDINGS


def test_32_emoji_in_names(write: Writer) -> None:
    vendor = VENDOR.replace("Contoso Ltd", "Contoso 🚀 Ltd")
    psa = PSA.replace("Contoso,", "Contoso 🚀,")
    assert findings(ok(write, vendor=vendor, psa=psa)) == BASE_FINDINGS


def test_33_very_long_names(write: Writer) -> None:
    long_name = "Contoso " + "Holdings " * 600
    result = ok(
        write,
        vendor=VENDOR.replace("Contoso Ltd", long_name),
        psa=PSA.replace("Contoso,", long_name + ","),
    )
    assert findings(result) == BASE_FINDINGS


def test_34_numeric_client_names_and_leading_zeros(write: Writer) -> None:
    vendor = VENDOR.replace("Contoso Ltd", "00123").replace("Fabrikam Inc", "4567")
    psa = PSA.replace("Contoso", "00123").replace("Fabrikam", "4567")
    result = ok(write, vendor=vendor, psa=psa)
    assert findings(result) == {("under_billed", "4567", "Office 365 E3"): Decimal("25.00")}
    assert any(m.vendor_name == "00123" for m in result.client_matches)


# --- quantities and money -------------------------------------------------------------------------


@pytest.mark.parametrize("quantity", ["4.0", "4 seats", " 4 ", "4,0"])
def test_35_quantity_spellings(write: Writer, quantity: str) -> None:
    vendor = VENDOR.replace("Office 365 E3,4,", f'Office 365 E3,"{quantity}",')
    assert findings(ok(write, vendor=vendor)) == BASE_FINDINGS


@pytest.mark.parametrize("quantity", ["", "N/A", "TBD"])
def test_36_unreadable_quantity_is_excluded_with_a_reason(write: Writer, quantity: str) -> None:
    """The vendor line is excluded; the PSA line beside it is flagged for checking, not trusted."""
    result = ok(write, vendor=VENDOR.replace("Office 365 E3,4,", f"Office 365 E3,{quantity},"))
    reason = f"unreadable quantity {'(blank)' if not quantity else repr(quantity)}"
    assert [e.reason for e in result.excluded] == [reason]
    (finding,) = result.discrepancies
    assert finding.confidence == 0.5 and f"check first: vendor row 3: {reason}" in finding.action


def test_37_negative_quantities_are_credits(write: Writer) -> None:
    vendor = VENDOR + "Fabrikam Inc,Office 365 E3,-1,20.70,Monthly,2025-08-01\n"
    assert findings(ok(write, vendor=vendor)) == {}  # 4 − 1 = 3 bought, 3 billed


def test_38_fractional_quantities(write: Writer) -> None:
    vendor = VENDOR.replace("Office 365 E3,4,", "Office 365 E3,3.5,")
    assert findings(ok(write, vendor=vendor)) == {
        ("under_billed", "Fabrikam", "Office 365 E3"): Decimal("12.50")
    }


@pytest.mark.parametrize(
    "money", ["$20.70", "20,70", "USD 20.70", "20.70 €", "20.70 USD", "20.700"]
)
def test_39_money_spellings(write: Writer, money: str) -> None:
    vendor = VENDOR.replace("Office 365 E3,4,20.70", f'Office 365 E3,4,"{money}"')
    assert findings(ok(write, vendor=vendor)) == BASE_FINDINGS


@pytest.mark.parametrize("garbage", ["TBD", "#N/A", "#REF!", "see contract"])
def test_40_garbage_money_is_excluded_with_a_reason(write: Writer, garbage: str) -> None:
    result = ok(write, psa=PSA.replace("Office 365 E3,3,25.00", f"Office 365 E3,3,{garbage}"))
    assert [e.reason for e in result.excluded] == [f"unreadable unit price {garbage!r}"]


def test_41_excel_errors_and_date_serials_in_pasted_sheets() -> None:
    vendor = pd.DataFrame(
        [
            V_HEADER,
            [
                "Contoso Ltd",
                "Microsoft 365 Business Premium",
                10.0,
                19.8,
                "Monthly",
                dt.datetime(2025, 8, 1),
            ],
            ["Fabrikam Inc", "Office 365 E3", 4.0, "#N/A", "Monthly", 45870.0],
        ]
    )
    psa = pd.DataFrame([P_HEADER, *[[*r[:2], float(r[2]), float(r[3]), r[4]] for r in P_ROWS]])
    result = reconcile(vendor, psa)
    assert [e.reason for e in result.excluded] == ["unreadable unit cost '#N/A'"]
    assert result.kpis.period == "2025-08"


@pytest.mark.parametrize(
    "date", ["2025-07-15", "15-JUL-2025", "07/15/2025", "15.07.2025", "Jul 15, 2025"]
)
def test_42_cancelled_dates_in_five_formats(write: Writer, date: str) -> None:
    psa = text([*P_HEADER, "Cancelled"], [[*P_ROWS[0], ""], [*P_ROWS[1], date]])
    result = ok(write, psa=psa)
    assert [e.reason for e in result.excluded] == ["cancelled 2025-07-15"]
    assert findings(result) == {("unbilled", "Fabrikam Inc", "Office 365 E3"): Decimal("82.80")}


# --- months and emptiness -------------------------------------------------------------------------


def test_43_empty_vendor_bill_next_to_a_full_psa_export(write: Writer) -> None:
    vendor = text(
        V_HEADER,
        [["Contoso Ltd", "Microsoft Teams Exploratory", "5", "0", "Monthly", "2025-08-01"]],
    )
    refused(
        EmptyInputError, "vendor.csv", "vendor bill", "none can be reconciled", "free or trial"
    )(lambda: ok(write, vendor=vendor))


def test_44_vendor_bill_for_another_month_is_warned(write: Writer) -> None:
    psa = text([*P_HEADER, "Invoice Date"], [[*r, "2025-09-01"] for r in P_ROWS])
    result = ok(write, psa=psa)
    assert any("2025-08" in w and "2025-09" in w for w in result.warnings)


def test_45_psa_with_only_services(write: Writer) -> None:
    psa = text(
        P_HEADER,
        [
            ["Contoso", "Managed Services - Per User", "10", "95", "Active"],
            ["Fabrikam", "Backup per device", "4", "12.5", "Active"],
        ],
    )
    refused(EmptyInputError, "psa.csv", "none can be reconciled", "not a vendor product")(
        lambda: ok(write, psa=psa)
    )


def test_46_mapping_to_a_missing_column(write: Writer) -> None:
    settings = Settings(vendor_mapping={"quantity": "Seats"})
    refused(SettingsError, "Seats", "vendor.csv")(lambda: ok(write, settings=settings))


def test_47_settings_validated_together() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings(
            severity_thresholds={"critical": Decimal(1), "high": Decimal(5), "medium": Decimal(2)},
            period="August",
            psa_mapping={"colour": "x"},
        )
    message = str(caught.value)
    assert "thresholds must fall" in message and "2025-08" in message and "colour" in message


# --- hostile text -------------------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "=1+1"]


@pytest.mark.parametrize("name", HOSTILE, ids=[f"48-{i}" for i in range(len(HOSTILE))])
def test_48_formula_injection_stays_text_and_csv_is_neutralised(write: Writer, name: str) -> None:
    vendor = (
        VENDOR
        + f'"{name.replace(chr(34), chr(34) * 2)}",Office 365 E3,2,20.70,Monthly,2025-08-01\n'
    )
    result = ok(write, vendor=vendor)
    finding = next(d for d in result.discrepancies if d.vendor_client == name)
    assert finding.type == "unbilled"
    exported = discrepancies_csv(result).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(exported)) for cell in row]
    assert "'" + name in cells and name not in cells
