"""Exports written in scripts with no Latin letters: a Russian, Greek, Arabic, Hebrew or Chinese
bill had no column the reader could name (their headers folded to nothing), and every customer
with a Cyrillic, Greek, Arabic or CJK name had the same empty key (all of them one client). Money
written the way those countries write it is read too."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.money import parse_money
from engine.read.fields import header_key
from engine.read.values import parse_period_months
from engine.reconcile import reconcile
from tests.conftest import recognised_columns as _columns


@pytest.mark.parametrize(
    ("headers", "row"),
    [
        (
            ["Клиент", "Наименование", "Количество", "Цена за единицу", "Сумма без НДС", "НДС"],
            ["ООО Ромашка", "Microsoft 365 E3", 10, "2 900,00 ₽", "29 000,00 ₽", "5 800,00 ₽"],
        ),
        (
            ["Πελάτης", "Προϊόν", "Ποσότητα", "Τιμή μονάδας", "Καθαρή αξία", "ΦΠΑ"],
            ["Άλφα Α.Ε.", "Microsoft 365 E3", 10, "33,00 €", "330,00 €", "79,20 €"],
        ),
        (
            ["اسم العميل", "المنتج", "الكمية", "سعر الوحدة", "المبلغ قبل الضريبة"],
            ["شركة الأمل", "Microsoft 365 E3", 10, "120.00 د.إ", "1,200.00 د.إ"],
        ),
        (
            ["客户名称", "产品名称", "数量", "单价", "不含税金额", "含税金额"],
            ["北京科技有限公司", "Microsoft 365 E3", 10, "¥250.00", "¥2,500.00", "¥2,825.00"],
        ),
    ],
)
def test_headers_in_other_scripts_are_read(headers: list[str], row: list[object]) -> None:
    found = _columns("psa", [headers, row, row])
    assert found["client"] == headers[0]
    assert found["product_name"] == headers[1]
    assert found["quantity"] == headers[2]
    assert found["unit_price"] == headers[3]
    assert found["line_total"] == headers[4]


def test_names_in_other_scripts_keep_their_letters() -> None:
    assert client_key("ООО Ромашка") == client_key("Ромашка") == "ромашка"
    assert client_key("АО Север") != client_key("ООО Ромашка")
    assert client_key("株式会社サンプル") == client_key("サンプル株式会社")
    assert client_key("北京科技有限公司") == "北京科技"
    assert client_key("Άλφα Α.Ε.") == client_key("Αλφα")
    assert client_key("شركة الأمل") != client_key("شركة النور")


def test_a_russian_bill_reconciles_by_its_own_names(tmp_path: Path) -> None:
    """Two Cyrillic clients stay two (they had one empty key: one client)."""
    (tmp_path / "vendor.csv").write_text(
        "Клиент;Продукт;Количество;Цена закупки\n"
        "ООО Ромашка;Microsoft 365 E3;10;2 500,00 ₽\n"
        "АО Север;Microsoft 365 E3;4;2 500,00 ₽\n",
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Контрагент;Наименование;Количество;Цена;Сумма\n"
        "Ромашка ООО;Microsoft 365 E3;10;2 900,00;29 000,00\n"
        "Север АО;Microsoft 365 E3;3;2 900,00;8 700,00\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    assert [(d.type, d.client, str(d.monthly_impact)) for d in result.discrepancies] == [
        ("under_billed", "Север АО", "2900.00")
    ]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1234,56 руб.", "1234.56"),
        ("1,234.50 د.إ", "1234.50"),
        ("١٬٢٣٤٫٥٠", "1234.50"),
        ("CR 12.50", "-12.50"),
        ("RM 12.50", "12.50"),
        ("S/ 12.50", "12.50"),
        ("Rp 12.000", "12000"),
        ("12.000 ₫", "12000"),
        ("12,500 원", "12500"),
        ("฿1,234.00", "1234.00"),
        ("lei 12,50", "12.50"),
        ("Kr 12,50", "12.50"),
        ("12.000", "12.000"),  # no currency that has no decimals: three decimals stay
    ],
)
def test_money_as_those_countries_write_it(text: str, amount: str) -> None:
    assert parse_money(text) == Decimal(amount)


def test_billing_periods_in_other_scripts() -> None:
    assert [parse_period_months(w) for w in ("Ежемесячно", "Μηνιαία", "每月", "شهري")] == [1] * 4
    assert [parse_period_months(w) for w in ("ежегодно", "Ετήσια", "按年", "שנתי")] == [12] * 4
    assert header_key("Кол-во") == "quantity"
