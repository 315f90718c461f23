"""PSA and accounting exports of set H. Each renderer returns (file name, bytes, {line index: row},
sheet). Money is in the case's currency (the bill's); ``dec`` is its number of decimals."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from functools import partial

from .scenario import CURRENCIES, PsaLine, Scenario
from .writers import Sheet, csv_bytes, decimal_number, money, xls_bytes, xlsx_bytes

Rendered = tuple[str, bytes, dict[int, int], "str | None"]

#: format -> (language of typed words, multi-line descriptions allowed, customer-name field limit,
#: encoding of the export)
PSA_INFO: dict[str, tuple[str, bool, int, str]] = {
    "freeagent_uk": ("en", True, 80, "utf-8"),
    "fortnox_se": ("sv", False, 30, "latin-1"),
    "economic_dk": ("da", False, 60, "utf-8"),
    "moneybird_nl": ("nl", True, 80, "utf-8"),
    "pennylane_fr": ("fr", False, 80, "utf-8"),
    "zuora_subscriptions": ("en", False, 80, "utf-8"),
    "invoice_ninja": ("en", True, 80, "utf-8"),
    "sap_business_one": ("de", False, 100, "utf-8"),
    "tally_prime_in": ("hi", False, 28, "utf-8"),
    "recurly_subscriptions": ("en", False, 80, "utf-8"),
}


def _order(sc: Scenario) -> list[int]:
    return sorted(
        range(len(sc.psa)),
        key=lambda i: (
            sc.client_names[sc.psa[i].client].casefold(),
            sc.psa[i].client,
            sc.psa[i].role == "service",
            i,
        ),
    )


SYMBOLS = {
    "USD": "$",
    "CHF": "CHF",
    "SEK": "kr",
    "EUR": "€",
    "INR": "₹",
    "BRL": "R$",
    "JPY": "¥",
    "GBP": "£",
    "AUD": "A$",
    "CAD": "C$",
}


def _dec(sc: Scenario) -> int:
    return CURRENCIES[sc.currency][1]


def _m(sc: Scenario, minor: int) -> int:
    """Minor units of the case's currency as cents: accounting systems show two decimals even
    for yen."""
    return int(minor * 10 ** (2 - _dec(sc)))


def _discount(unit: int, rng: random.Random) -> tuple[int, int]:
    """(list price, percent) whose net is exactly ``unit``; (unit, 0) for most lines."""
    if rng.random() < 0.85:
        return unit, 0
    for r in rng.sample((10, 20, 25, 50), 4):
        if (unit * 100) % (100 - r) == 0:
            return unit * 100 // (100 - r), r
    return unit, 0


def _tax(amount: int, pct: int) -> int:
    return (amount * pct + 50) // 100


def _status(line: PsaLine, live: str, dead: str) -> str:
    return dead if line.role == "cancelled" else live


def freeagent(sc: Scenario, rng: random.Random) -> Rendered:
    _dec(sc)
    s = Sheet()
    s.add(
        "Contact",
        "Invoice Reference",
        "Dated On",
        "Status",
        "Item Type",
        "Quantity",
        "Price",
        "Description",
        "Sales Tax Rate",
        "Subtotal",
        "Sales Tax",
        "Total (inc. tax)",
        "Currency",
    )
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        text = line.text + (" (annual, Nov 2026 - Oct 2027)" if line.annual else "")
        kind = "Products"
        if line.role == "service":
            kind = "Hours" if "hours" in text or "labour" in text else "Services"
        net = line.qty * line.unit
        ref = (
            f"INV-{2600 + line.client:05d}"
            if line.role != "cancelled"
            else f"INV-{2400 + line.client:05d}"
        )
        rows[i] = s.add(
            sc.client_names[line.client],
            ref,
            "2026-11-01",
            _status(line, ("Paid", "Sent", "Overdue")[line.client % 3], "Cancelled"),
            kind,
            f"{line.qty}",
            money(_m(sc, line.unit), thou=""),
            text,
            "20%",
            money(_m(sc, net), thou=""),
            money(_m(sc, _tax(net, 20)), thou=""),
            money(_m(sc, net + _tax(net, 20)), thou=""),
            sc.currency,
        )
    return "freeagent_invoice_items.csv", csv_bytes(s), rows, None


def fortnox(sc: Scenario, rng: random.Random) -> Rendered:
    _dec(sc)
    s = Sheet()
    s.add(
        "Kundnr",
        "Kundnamn",
        "Fakturanr",
        "Fakturadatum",
        "Artikelnr",
        "Benämning",
        "Antal",
        "À-pris",
        "Rabatt %",
        "Belopp",
        "Valuta",
        "Makulerad",
    )
    kr = partial(money, dec=",", thou=" ")
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        listed, pct = _discount(line.unit, rng)
        text = line.text + (" - årslicens 2026-11-01--2027-10-31" if line.annual else "")
        unit = "tim" if line.role == "service" and "hours" in line.text else "st"
        rows[i] = s.add(
            sc.customers[line.client].code,
            sc.client_names[line.client],
            f"{5000 + line.client}",
            "2026-11-01",
            f"A{100 + len(line.text) % 50}",
            text,
            f"{line.qty},00 {unit}",
            kr(_m(sc, listed)),
            f"{pct},00" if pct else "",
            kr(_m(sc, line.qty * line.unit)),
            sc.currency,
            "Ja" if line.role == "cancelled" else "Nej",
        )
    return "fortnox_fakturarader.csv", csv_bytes(s, ";", "latin-1"), rows, None


def economic(sc: Scenario, rng: random.Random) -> Rendered:
    d = _dec(sc)
    s = Sheet("Fakturalinjer")
    s.add("Fakturalinjer pr. kunde - november 2026")
    s.add(
        "Fakturanr.",
        "Dato",
        "Varenr.",
        "Varenavn",
        "Antal",
        "Enhed",
        "Stk. pris",
        "Rabat %",
        "Beløb ekskl. moms",
        "Moms",
        "Beløb inkl. moms",
        "Periode",
        "Status",
    )
    rows: dict[int, int] = {}
    current = None
    subtotal = 0
    for i in _order(sc):
        line = sc.psa[i]
        if line.client != current:
            if current is not None:
                s.add(
                    "I alt", None, None, None, None, None, None, None, decimal_number(subtotal, d)
                )
            current, subtotal = line.client, 0
            s.add(f"Kunde {sc.customers[line.client].code} - {sc.client_names[line.client]}")
        listed, pct = _discount(line.unit, rng)
        net = line.qty * line.unit
        text = line.text + (" (årsabonnement)" if line.annual else "")
        rows[i] = s.add(
            f"{7000 + line.client}",
            "30.11.2026",
            f"V{len(line.text) % 90:03d}",
            text,
            line.qty,
            "stk.",
            decimal_number(listed, d),
            pct or None,
            decimal_number(net, d),
            decimal_number(_tax(net, 25), d),
            decimal_number(net + _tax(net, 25), d),
            "01.11.2026-31.10.2027" if line.annual else "01.11.2026-30.11.2026",
            _status(line, "Bogført", "Krediteret"),
        )
        if line.role != "cancelled":
            subtotal += net
    if current is not None:
        s.add("I alt", None, None, None, None, None, None, None, decimal_number(subtotal, d))
    return "economic_fakturalinjer.xlsx", xlsx_bytes([s]), rows, None


def moneybird(sc: Scenario, rng: random.Random) -> Rendered:
    _dec(sc)
    s = Sheet()
    s.add(
        "Factuurnummer",
        "Contact",
        "Factuurdatum",
        "Status",
        "Omschrijving",
        "Aantal",
        "Prijs",
        "Korting",
        "Totaal excl. btw",
        "Btw-tarief",
        "Totaal incl. btw",
        "Periode",
    )
    eur = partial(money, dec=",", thou=".", prefix=SYMBOLS[sc.currency] + " ", neg="inner")
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        listed, pct = _discount(line.unit, rng)
        net = line.qty * line.unit
        unit = "uur" if line.role == "service" and "hours" in line.text else "stuks"
        text = line.text + (" (jaarlicentie)" if line.annual else "")
        number = 3000 + line.client + (5000 if line.role == "cancelled" else 0)
        rows[i] = s.add(
            f"2026-{number:05d}",
            sc.client_names[line.client],
            "01-11-2026",
            _status(line, "Open" if line.client % 3 == 0 else "Betaald", "Gecrediteerd"),
            text,
            f"{line.qty} {unit}",
            eur(_m(sc, listed)),
            f"{pct}%" if pct else "",
            eur(_m(sc, net)),
            "21%",
            eur(_m(sc, net + _tax(net, 21))),
            "01-11-2026 t/m 31-10-2027" if line.annual else "01-11-2026 t/m 30-11-2026",
        )
    return "moneybird_factuurregels.csv", csv_bytes(s), rows, None


def pennylane(sc: Scenario, rng: random.Random) -> Rendered:
    d = _dec(sc)
    s = Sheet("Lignes de factures")
    s.add("Export des lignes de factures")
    s.add("Période : novembre 2026")
    s.add()
    s.add(
        "Client",
        "Numéro de facture",
        "Date",
        "Statut",
        "Libellé",
        "Quantité",
        "Unité",
        "Prix unitaire HT",
        "Remise (%)",
        "Total HT",
        "Taux TVA",
        "Total TTC",
        "Périodicité",
        "Devise",
    )
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        listed, pct = _discount(line.unit, rng)
        net = line.qty * line.unit
        period = (
            "Ponctuelle"
            if line.role == "service" and "Hardware" in line.text
            else ("Annuelle" if line.annual else "Mensuelle")
        )
        number = 4000 + line.client + (5000 if line.role == "cancelled" else 0)
        rows[i] = s.add(
            sc.client_names[line.client],
            f"F-2026-{number}",
            "01/11/2026",
            _status(line, "À payer" if line.client % 4 == 0 else "Payée", "Annulée"),
            line.text,
            line.qty,
            "heure"
            if "hours" in line.text
            else ("forfait" if line.role == "service" else "licence"),
            decimal_number(listed, d),
            pct or None,
            decimal_number(net, d),
            "20 %",
            decimal_number(net + _tax(net, 20), d),
            period,
            sc.currency,
        )
    return "pennylane_lignes.xlsx", xlsx_bytes([s]), rows, None


def zuora(sc: Scenario, rng: random.Random) -> Rendered:
    _dec(sc)
    s = Sheet()
    s.add(
        "Account.Name",
        "Account.AccountNumber",
        "Subscription.Name",
        "Subscription.Status",
        "RatePlan.Name",
        "RatePlanCharge.Name",
        "RatePlanCharge.ChargeModel",
        "RatePlanCharge.BillingPeriod",
        "RatePlanCharge.Quantity",
        "RatePlanChargeTier.Price",
        "RatePlanCharge.MRR",
        "RatePlanCharge.EffectiveStartDate",
        "RatePlanCharge.EffectiveEndDate",
        "Account.Currency",
    )
    rows: dict[int, int] = {}
    for n, i in enumerate(_order(sc)):
        line = sc.psa[i]
        mrr = line.qty * line.unit
        mrr_text = money(_m(sc, mrr) // 12 if line.annual else _m(sc, mrr), thou="")
        charge = (
            rng.choice(("Per User Fee", "User licence", "Cloud subscription"))
            if line.role != "service"
            else "Service Fee"
        )
        model = (
            "Flat Fee Pricing" if line.role == "service" and line.qty == 1 else "Per Unit Pricing"
        )
        dead = line.role == "cancelled"
        rows[i] = s.add(
            sc.client_names[line.client],
            f"A{sc.customers[line.client].code}",
            f"S-{100000 + n}",
            "Cancelled" if dead else "Active",
            line.text,
            charge,
            model,
            "Annual" if line.annual else "Month",
            line.qty,
            money(_m(sc, line.unit), thou=""),
            mrr_text,
            "2025-06-01" if dead else "2026-01-01",
            "2026-09-30" if dead else "",
        )
    return "zuora_rate_plan_charges.csv", csv_bytes(s), rows, None


def invoice_ninja(sc: Scenario, rng: random.Random) -> Rendered:
    _dec(sc)
    s = Sheet()
    s.add(
        "Client Name",
        "Recurring Invoice Number",
        "Frequency",
        "Status",
        "Next Send Date",
        "Item Product",
        "Item Notes",
        "Item Quantity",
        "Item Cost",
        "Item Product Cost",
        "Item Discount",
        "Item Line Total",
        "Item Tax Rate1",
        "Currency",
    )
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        listed, pct = _discount(line.unit, rng)
        notes = (
            rng.choice(("User licence", "Cloud subscription", "Licensed users", ""))
            if line.role != "service"
            else "Service"
        )
        product_cost = line.unit * 3 // 4  # the MSP's own cost as typed in the PSA: never the price
        rows[i] = s.add(
            sc.client_names[line.client],
            f"R{6000 + line.client}",
            "Annually" if line.annual else "Monthly",
            _status(line, "Active", "Cancelled"),
            "" if line.role == "cancelled" else "2026-11-01",
            line.text,
            notes,
            line.qty,
            money(_m(sc, listed), thou=""),
            money(_m(sc, product_cost), thou=""),
            f"{pct}%" if pct else "0",
            money(_m(sc, line.qty * line.unit), thou=""),
            "0",
            sc.currency,
        )
    return "invoiceninja_recurring.csv", csv_bytes(s), rows, None


def sap_b1(sc: Scenario, rng: random.Random) -> Rendered:
    d = _dec(sc)
    s = Sheet("INV1")
    s.add(
        "DocNum",
        "DocDate",
        "CardCode",
        "CardName",
        "ItemCode",
        "Dscription",
        "Quantity",
        "unitMsr",
        "PriceBefDi",
        "DiscPrcnt",
        "Price",
        "LineTotal",
        "VatGroup",
        "VatSum",
        "GTotal",
        "Currency",
        "CANCELED",
        "U_Intervall",
    )
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        listed, pct = _discount(line.unit, rng)
        net = line.qty * line.unit
        rows[i] = s.add(
            f"{810000 + line.client}",
            "30.11.2026",
            f"C{sc.customers[line.client].code}",
            sc.client_names[line.client],
            f"IT{len(line.text) % 97:04d}",
            line.text,
            line.qty,
            "Std" if "hours" in line.text else "Stk",
            decimal_number(listed, d),
            pct,
            decimal_number(line.unit, d),
            decimal_number(net, d),
            "A1",
            decimal_number(_tax(net, 19), d),
            decimal_number(net + _tax(net, 19), d),
            sc.currency,
            "Y" if line.role == "cancelled" else "N",
            "jährlich" if line.annual else ("einmalig" if "Hardware" in line.text else "monatlich"),
        )
    return "sap_b1_ar_rechnungszeilen.xlsx", xlsx_bytes([s]), rows, None


def tally(sc: Scenario, rng: random.Random) -> Rendered:
    d = _dec(sc)
    s = Sheet("Sales Register")
    s.add("Northwind Cloud Services Pvt Ltd")
    s.add("Sales Register")
    s.add("1-Nov-2026 to 30-Nov-2026")
    s.add()
    s.add(
        "Date",
        "Particulars",
        "Voucher Type",
        "Voucher No.",
        "Quantity",
        "Rate",
        "Value",
        "Gross Total",
        "Status",
    )
    rows: dict[int, int] = {}
    inr = partial(money, style="lakh")
    vouchers: dict[tuple[int, bool], list[int]] = {}
    for i in _order(sc):
        line = sc.psa[i]
        vouchers.setdefault((line.client, line.role == "cancelled"), []).append(i)
    for n, ((client, dead), items) in enumerate(vouchers.items(), 1):
        gross = sum(sc.psa[i].qty * sc.psa[i].unit for i in items)
        s.add(
            "30-Nov-26",
            sc.client_names[client],
            "Sales",
            f"NW/{n:04d}",
            None,
            None,
            None,
            inr(_m(sc, gross)),
            "Cancelled" if dead else "",
        )
        for i in items:
            line = sc.psa[i]
            text = line.text + (" - Annual Subscription" if line.annual else "")
            unit = "Hrs" if "hours" in line.text else "Nos"
            rows[i] = s.add(
                None,
                text,
                None,
                None,
                f"{line.qty} {unit}",
                f"{inr(_m(sc, line.unit))}/{unit}",
                decimal_number(line.qty * line.unit, d),
            )
    return "tally_sales_register.xls", xls_bytes([s]), rows, None


def recurly(sc: Scenario, rng: random.Random) -> Rendered:
    """Recurly's subscription export: money in *minor units* (``…_in_cents``; whole yen for JPY), the
    product in ``plan_name``, annual plans as a 12-month interval. ``canceled`` means "will not renew":
    still billed this month when the current period covers it; ``expired`` ended before the month."""
    s = Sheet()
    s.add(
        "account_code",
        "account_company_name",
        "account_first_name",
        "account_last_name",
        "subscription_uuid",
        "plan_code",
        "plan_name",
        "subscription_state",
        "subscription_quantity",
        "subscription_unit_amount_in_cents",
        "currency",
        "plan_interval_length",
        "plan_interval_unit",
        "current_period_started_at",
        "current_period_ends_at",
        "canceled_at",
        "expires_at",
    )
    firsts = ("Anna", "Ben", "Chloé", "Dev", "Erik", "Fatima", "Goran", "Hana")
    rows: dict[int, int] = {}
    for i in _order(sc):
        line = sc.psa[i]
        code = "".join(ch for ch in line.text.lower() if ch.isalnum() or ch == " ").strip()
        code = "-".join(code.split())[:20] or "plan"
        uuid = hashlib.sha1(f"{sc.seed}/{i}".encode()).hexdigest()[:32]
        state, started, ends, canceled, expires = "active", "2026-11-01", "2026-12-01", "", ""
        if line.annual:
            ends = "2027-11-01"
        if line.role == "cancelled":
            state, started, ends = "expired", "2026-08-01", "2026-09-01"
            canceled, expires = "2026-08-15", "2026-09-01"
        elif line.role == "licence" and rng.random() < 0.08:
            state, canceled = "canceled", "2026-11-12"  # ends with the period: November is billed
            expires = ends
        rows[i] = s.add(
            f"acct-{sc.customers[line.client].code}",
            sc.client_names[line.client],
            firsts[line.client % len(firsts)],
            "Billing",
            uuid,
            code,
            line.text,
            state,
            line.qty,
            line.unit,
            sc.currency,
            12 if line.annual else 1,
            "months",
            f"{started}T00:00:00Z",
            f"{ends}T00:00:00Z",
            f"{canceled}T09:30:00Z" if canceled else "",
            f"{expires}T00:00:00Z" if expires else "",
        )
    return "recurly_subscriptions.csv", csv_bytes(s), rows, None


PSAS: dict[str, Callable[[Scenario, random.Random], Rendered]] = {
    "freeagent_uk": freeagent,
    "fortnox_se": fortnox,
    "economic_dk": economic,
    "moneybird_nl": moneybird,
    "pennylane_fr": pennylane,
    "zuora_subscriptions": zuora,
    "invoice_ninja": invoice_ninja,
    "sap_business_one": sap_b1,
    "tally_prime_in": tally,
    "recurly_subscriptions": recurly,
}


def price_text(fmt: str, decimals: int) -> Callable[[int], str]:
    """How a person types a unit price into this system's description."""
    if fmt in ("fortnox_se", "economic_dk", "moneybird_nl", "pennylane_fr", "sap_business_one"):
        return lambda minor: money(minor, decimals, dec=",", thou="")
    return lambda minor: money(minor, decimals, thou="")
