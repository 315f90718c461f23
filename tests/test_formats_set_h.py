"""What set H's exports showed on first contact (seed 1, 200 clients, ten pairs: four files
unreadable, the six that read at precision 0.31): a Brazilian bill's "R$" money and Portuguese
headers, Invoice Ninja's "Next Send Date", whose letters hold "end date", and a Japanese bill
saved as Shift-JIS."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.match.client_keys import client_key
from engine.money import parse_money
from engine.read.fields import header_key
from engine.read.text_files import decode_text
from engine.read.values import parse_period_months
from tests.conftest import recognised_columns as _columns


def test_brazilian_bill_reads_its_cost_not_the_suggested_price() -> None:
    headers = ["Cliente", "CNPJ", "Produto", "SKU", "Periodicidade", "Quantidade"]
    headers += ["Preço sugerido", "Valor unitário", "Valor total"]
    row: list[object] = ["Akureyrar Bókhald ehf.", "85.775.825/0001-75", "Keeper Enterprise"]
    row += ["XD6DBE5971", "Mensal", "10", "R$ 30,01", "R$ 25,00", "R$ 250,00"]
    columns = _columns("vendor", [headers, row, row])
    assert columns["unit_cost"] == "Valor unitário"
    assert columns["line_total"] == "Valor total"
    assert columns["quantity"] == "Quantidade"
    assert parse_money("R$ 1.234,56") == Decimal("1234.56")
    assert parse_money("-R$ 3,00") == Decimal("-3.00")


def test_next_send_date_is_no_end_date() -> None:
    headers = ["Client Name", "Frequency", "Status", "Next Send Date", "Item Product"]
    headers += ["Item Quantity", "Item Cost", "Item Line Total"]
    row: list[object] = ["Ganesh Pharma LLP", "Monthly", "Active", "2026-11-01"]
    row += ["Microsoft 365 E3", 25, 42.48, 1062.00]
    columns = _columns("psa", [headers, row, row])
    assert "cancelled_date" not in columns
    assert columns["line_total"] == "Item Line Total"  # after the discount: what is billed


def test_japanese_bill_saved_as_shift_jis_reads(tmp_path: Path) -> None:
    """Headers in Japanese, money as "￥1,036", a minus as "▲", periods as 月次 / 1年."""
    text = (
        "請求明細（クラウドサービス）,,,\n"
        "請求月,顧客名,顧客コード,商品名,商品コード,契約期間,請求サイクル,数量,標準価格,仕入単価,仕入金額\n"
        '2026/11,Aero Dyrlaeger A/S,C10727,Microsoft 365 E3,CFQ7TTC0LFLX:0001,1年,月次,60,"￥4,036",￥3,600,"￥216,000"\n'
        '2026/11,Aero Dyrlaeger A/S,C10727,Microsoft 365 E3,CFQ7TTC0LFLX:0001,1年,月次,-2,"￥4,036",￥3,600,"▲￥7,200"\n'
    )
    path = tmp_path / "seikyu.csv"
    path.write_bytes(text.encode("cp932"))
    assert decode_text(path.read_bytes(), "seikyu.csv") == text
    assert header_key("仕入単価") == "unitcost" and header_key("顧客コード") == "customercode"
    assert parse_money("▲￥7,200") == Decimal("-7200")
    assert parse_period_months("月次") == 1 and parse_period_months("1年") == 12
    assert parse_period_months("2021年") is None  # a year, not a one-year term
    headers = text.splitlines()[1].split(",")
    row: list[object] = text.splitlines()[2].replace('"￥4,036"', "￥4036").split(",")[:8]
    row += ["￥4036", "￥3600", "￥216000"]
    columns = _columns("vendor", [headers, row, row])
    assert columns["client"] == "顧客名"
    assert columns["product_name"] == "商品名"
    assert columns["unit_cost"] == "仕入単価"
    assert columns["quantity"] == "数量"


def test_european_windows_1252_text_is_not_read_as_japanese() -> None:
    text = "Kunde;Produkt\nÅkerlunds Juristbyrå AB;Microsoft 365 E3\nSørlandet Eiendom ÄÖÜ;Visio\n"
    assert decode_text(text.encode("cp1252"), "t.csv") == text


def test_a_customer_number_labelled_in_the_books_language_is_no_part_of_the_name() -> None:
    """e-conomic's group rows: "Kunde 10166 - 10166 Trois-Rivières Clinique Dentaire"."""
    plain = client_key("Trois-Rivières Clinique Dentaire S.E.N.C.")
    assert client_key("Kunde 10166 - 10166 Trois-Rivières Clinique Dentaire S.E.N.C.") == plain
    assert client_key("Klant 4471 Trois-Rivières Clinique Dentaire S.E.N.C.") == plain
    assert client_key("Kunde Direkt GmbH") != client_key("Direkt GmbH")  # no number: a name


def test_swedish_bill_and_books_read_billing_and_description() -> None:
    headers = ["Kundnamn", "Artikelnr", "Benämning", "Avtalstid", "Fakturering", "Antal"]
    headers += ["Cirkapris", "À-pris", "Belopp", "Valuta"]
    row: list[object] = ["Akureyrar Bókhald ehf.", "CFQ7TTC0LH1G:0001", "Microsoft 365 E3"]
    row += ["12 mån", "Årsvis", "14", "4 329,00", "4 252,55", "59 535,70", "SEK"]
    vendor = _columns("vendor", [headers, row, row])
    assert vendor["billing_frequency"] == "Fakturering"
    assert vendor["term"] == "Avtalstid"
    assert vendor["unit_cost"] == "À-pris"
    headers = ["Kundnr", "Kundnamn", "Artikelnr", "Benämning", "Antal", "À-pris", "Belopp"]
    row = ["10081", "10081-Sundaram Logistics", "A103", "Exchange Online Archiving", "1,00 st"]
    row += ["35,29", "35,29"]
    assert _columns("psa", [headers, row, row])["product_name"] == "Benämning"
    assert parse_period_months("Mensal") == 1 and parse_period_months("Anual") == 12


def test_a_per_unit_amount_in_cents_is_the_price_not_the_lines_total() -> None:
    """Recurly: ``subscription_unit_amount_in_cents`` holds "amount" but is per unit."""
    headers = ["account_company_name", "plan_name", "subscription_state", "subscription_quantity"]
    headers += ["subscription_unit_amount_in_cents", "currency"]
    row: list[object] = ["Ganesh Pharma LLP", "Microsoft 365 E3", "active", "25", "4032", "USD"]
    columns = _columns("psa", [headers, row, row])
    assert columns.get("line_total") != "subscription_unit_amount_in_cents"
    assert columns["unit_price"] == "subscription_unit_amount_in_cents"
