"""PSA / billing exports of set V: eight layouts none of the earlier sets used."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .catalog import BY_KEY, money, price_in
from .io import END, PERIOD_START, Sheet, fmt, write_csv, write_xlsx

FREQ_EN = {"M": "Monthly", "Q": "Quarterly", "A": "Annually"}


def _cl(case):
    return {c["id"]: c for c in case.clients}


def _psa(case):
    byc = _cl(case)
    return [p for p in case.plines if byc[p.cid]["side"] != "vendor"]


def _groups(lines):
    out, cur = [], None
    for p in lines:
        if cur is None or cur[0] != p.cid:
            cur = (p.cid, [])
            out.append(cur)
        cur[1].append(p)
    return out


def _is_hours(p):
    return p.role == "service" and any(w in p.text.lower() for w in ("hours", "labour"))


def _unit(p):
    if p.role == "service":
        return "hour" if _is_hours(p) else "each"
    return BY_KEY[p.product].unit


# 1 ---------------------------------------------------------------------------------------------
def harvest_invoices_csv(case, folder, rng):
    """Harvest's detailed invoice export: one row per line item, a Kind column (Product, Service,
    Hours), the period each line covers as two dates."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Invoice ID",
            "Client",
            "Subject",
            "Issue Date",
            "Due Date",
            "Currency",
            "Line Item Kind",
            "Line Item Description",
            "Quantity",
            "Unit Price",
            "Amount",
            "Taxed",
            "Period Start",
            "Period End",
        ]
    )
    for i, (cid, lines) in enumerate(_groups(_psa(case))):
        c = byc[cid]
        for p in lines:
            kind = "Product" if p.role == "licence" else ("Hours" if _is_hours(p) else "Service")
            r = sh.add(
                [
                    str(20260 + i),
                    c["psa_name"],
                    "Monthly services – November 2026",
                    "2026-11-01",
                    "2026-11-15",
                    case.currency,
                    kind,
                    p.text,
                    p.qty,
                    f"{p.unit:.2f}",
                    f"{p.net:.2f}",
                    "yes",
                    PERIOD_START.isoformat(),
                    END[p.period].isoformat(),
                ]
            )
            p.rows = [r]
    fn = "harvest_invoices_2026-11.csv"
    write_csv(folder / fn, sh, eol="\n")
    return fn, None


# 2 ---------------------------------------------------------------------------------------------
def billomat_de_csv(case, folder, rng):
    """Billomat (DE) Rechnungspositionen: semicolons, "1.234,50", product in Titel, a generic
    Beschreibung with the Abrechnungszeitraum, a Rabatt % column."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Rechnungsnummer",
            "Datum",
            "Kundennummer",
            "Kunde",
            "Artikelnummer",
            "Titel",
            "Beschreibung",
            "Menge",
            "Einheit",
            "Einzelpreis netto",
            "Rabatt %",
            "Gesamt netto",
            "Währung",
        ]
    )
    de = lambda d: fmt(d, thousands=".", decimal=",")  # noqa: E731
    for i, (cid, lines) in enumerate(_groups(_psa(case))):
        c = byc[cid]
        for p in lines:
            einheit = {
                "user": "Lizenz",
                "device": "Gerät",
                "server": "Server",
                "pack": "Paket",
                "hour": "Std.",
                "each": "Pauschal",
            }[_unit(p)]
            besch = (
                "Abrechnungszeitraum 01.11.2026–" + END[p.period].strftime("%d.%m.%Y")
                if p.role == "licence"
                else "Leistung November 2026"
            )
            r = sh.add(
                [
                    f"RE{2611000 + i}",
                    "01.11.2026",
                    c["acct"].replace("C", "K"),
                    c["psa_name"],
                    p.item,
                    p.text,
                    besch,
                    p.qty,
                    einheit,
                    de(p.unit),
                    de(p.disc).replace(",00", "") if p.disc else "",
                    de(p.net),
                    case.currency,
                ]
            )
            p.rows = [r]
    fn = "billomat_rechnungspositionen_2026-11.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="utf-8-sig")
    return fn, None


# 3 ---------------------------------------------------------------------------------------------
def naverisk_recurring_xlsx(case, folder, rng):
    """Naverisk recurring charges: the client is the middle of a path (MSP > client > site), the
    product in Charge Name, a generic Charge Description, a Frequency column."""
    byc = _cl(case)
    sh = Sheet("Recurring Charges")
    sh.add(
        [
            "Client Path",
            "Charge Name",
            "Charge Description",
            "Charge Type",
            "Frequency",
            "Quantity",
            "Unit Price",
            "Total",
            "Next Invoice",
        ]
    )
    for p in _psa(case):
        c = byc[p.cid]
        site = "Head Office" if c["id"] % 3 else "Main Site"
        desc = (
            "Recurring software subscription" if p.role == "licence" else "Recurring service charge"
        )
        ctype = "Recurring" if p.role == "licence" else ("Labour" if _is_hours(p) else "Service")
        r = sh.add(
            [
                f"Northwind IT > {c['psa_name']} > {site}",
                p.text,
                desc,
                ctype,
                FREQ_EN[p.period],
                p.qty,
                p.unit,
                p.net,
                dt.date(2026, 12, 1),
            ]
        )
        p.rows = [r]
    sh.numfmt.update({7: "#,##0.00", 8: "#,##0.00"})
    fn = "Naverisk_RecurringCharges.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 4 ---------------------------------------------------------------------------------------------
def acumatica_ar_lines_xlsx(case, folder, rng):
    """Acumatica generic inquiry of AR invoice lines: Customer ID beside Customer Name, Inventory
    ID, Transaction Descr., UOM, Discount Percent with Ext. Price the rounded net."""
    byc = _cl(case)
    sh = Sheet("AR Invoice Lines")
    sh.add(
        [
            "Type",
            "Reference Nbr.",
            "Date",
            "Customer",
            "Customer Name",
            "Inventory ID",
            "Transaction Descr.",
            "Quantity",
            "UOM",
            "Unit Price",
            "Discount Percent",
            "Discount Amount",
            "Ext. Price",
            "Billing Frequency",
        ]
    )
    for i, (cid, lines) in enumerate(_groups(_psa(case))):
        c = byc[cid]
        for p in lines:
            gross = money(p.unit * p.qty)
            r = sh.add(
                [
                    "Invoice",
                    f"AR{104400 + i:06d}",
                    dt.date(2026, 11, 1),
                    c["acct"],
                    c["psa_name"],
                    p.item,
                    p.text,
                    p.qty,
                    _unit(p).upper(),
                    p.unit,
                    p.disc,
                    gross - p.net,
                    p.net,
                    FREQ_EN[p.period],
                ]
            )
            p.rows = [r]
    sh.numfmt.update({10: "#,##0.00", 12: "#,##0.00", 13: "#,##0.00"})
    fn = "AR_InvoiceLines_GI.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 5 ---------------------------------------------------------------------------------------------
def zomentum_recurring_csv(case, folder, rng):
    """Zomentum recurring items: the MSP's Cost next to the Price it charges, a Margin %, and a
    Billing Frequency; the Price is what the client pays."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Client",
            "Opportunity",
            "Item Name",
            "SKU",
            "Billing Frequency",
            "Quantity",
            "Cost",
            "Price",
            "Margin %",
            "Total",
        ]
    )
    for p in _psa(case):
        c = byc[p.cid]
        months = {"M": 1, "Q": 3, "A": 12}[p.period]
        if p.product:
            cost = price_in(BY_KEY[p.product].cost, case.currency) * months
            sku = BY_KEY[p.product].sid
        else:
            cost, sku = None, p.item
        price = money(p.unit * (1 - p.disc / 100))
        margin = f"{(price - cost) / price * 100:.1f}" if cost is not None and price else ""
        r = sh.add(
            [
                c["psa_name"],
                f"MRR – {c['psa_name']}",
                p.text,
                sku,
                FREQ_EN[p.period],
                p.qty,
                f"{cost:.2f}" if cost is not None else "",
                f"{p.unit:.2f}",
                margin,
                f"{p.net:.2f}",
            ]
        )
        p.rows = [r]
    fn = "zomentum_recurring_items.csv"
    write_csv(folder / fn, sh)
    return fn, None


# 6 ---------------------------------------------------------------------------------------------
def rewst_gsheet_xlsx(case, folder, rng):
    """A billing sheet fed by a Rewst workflow and downloaded from Google Sheets: a merged sync
    banner, the tenant beside the PSA company, a hidden GUID column, a sync status."""
    byc = _cl(case)
    sh = Sheet("PSA billing (synced)")
    r = sh.add(["Synced by Rewst · last run 2026-11-30 23:05 UTC · do not edit columns A–F"])
    sh.merges.append((r, 1, r, 10))
    sh.add([])
    sh.add(
        [
            "PSA Company",
            "PSA Company ID",
            "M365 Tenant",
            "Item",
            "Billed Qty",
            "Unit Price",
            "Billing Cycle",
            "Line Total",
            "Sync Status",
            "Notes",
            "ItemGUID",
        ]
    )
    ms = {p.cid for p in case.plines if p.product and BY_KEY[p.product].publisher == "Microsoft"}
    for p in _psa(case):
        c = byc[p.cid]
        status = "OK" if rng.random() < 0.85 else "OK – qty updated"
        r = sh.add(
            [
                c["psa_name"],
                int(c["acct"][1:]),
                c["domain"] if p.cid in ms else "",
                p.text,
                p.qty,
                p.unit,
                FREQ_EN[p.period],
                p.net,
                status,
                "",
                f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}",
            ]
        )
        p.rows = [r]
    sh.hidden_cols.add(11)
    sh.numfmt.update({6: "#,##0.00", 8: "#,##0.00"})
    fn = "PSA billing (synced).xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 7 ---------------------------------------------------------------------------------------------
def afas_abonnementen_xlsx(case, folder, rng):
    """AFAS Profit abonnementen (NL): Debiteur number and name, Periode Maand / Kwartaal / Jaar,
    price per unit per period, Korting %."""
    byc = _cl(case)
    sh = Sheet("Abonnementen")
    sh.add(
        [
            "Debiteur",
            "Naam debiteur",
            "Abonnement",
            "Artikelcode",
            "Omschrijving",
            "Aantal",
            "Prijs per eenheid",
            "Korting %",
            "Periode",
            "Bedrag per periode",
            "Ingangsdatum",
        ]
    )
    per = {"M": "Maand", "Q": "Kwartaal", "A": "Jaar"}
    for i, (cid, lines) in enumerate(_groups(_psa(case))):
        c = byc[cid]
        for p in lines:
            r = sh.add(
                [
                    int(c["acct"][1:]),
                    c["psa_name"],
                    f"AB{3000 + i}",
                    p.item,
                    p.text,
                    p.qty,
                    p.unit,
                    p.disc or None,
                    per[p.period],
                    p.net,
                    dt.date(2026, rng.choice([1, 3, 6, 9, 11]), 1),
                ]
            )
            p.rows = [r]
    sh.numfmt.update({7: "#,##0.00", 10: "#,##0.00"})
    fn = "AFAS_Abonnementen_export.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 8 ---------------------------------------------------------------------------------------------
def pohoda_cz_csv(case, folder, rng):
    """POHODA (CZ) issued-invoice items in Windows-1250: semicolons, "1 234,50", the company id
    (IČ) beside the customer, Sleva %, Období. Letters the code page lacks become '?'."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Číslo",
            "Datum",
            "Odběratel",
            "IČ",
            "Text položky",
            "Množství",
            "MJ",
            "Cena za MJ",
            "Sleva %",
            "Celkem bez DPH",
            "Měna",
            "Období",
        ]
    )
    cz = lambda d: fmt(d, thousands="\u00a0", decimal=",")  # noqa: E731
    per = {"M": "měsíčně", "Q": "čtvrtletně", "A": "ročně"}
    mj = {
        "user": "lic.",
        "device": "zař.",
        "server": "ks",
        "pack": "bal.",
        "hour": "hod",
        "each": "ks",
    }
    for i, (cid, lines) in enumerate(_groups(_psa(case))):
        c = byc[cid]
        ico = f"{(c['id'] * 7919 + 10000000) % 100000000:08d}"
        for p in lines:
            r = sh.add(
                [
                    f"26FV{i + 1:05d}",
                    "01.11.2026",
                    c["psa_name"],
                    ico,
                    p.text,
                    p.qty,
                    mj[_unit(p)],
                    cz(p.unit),
                    cz(p.disc).replace(",00", "") if p.disc else "",
                    cz(p.net),
                    case.currency,
                    per[p.period],
                ]
            )
            p.rows = [r]
    fn = "pohoda_vydane_faktury_polozky.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="cp1250", errors="replace")
    return fn, None


PSAS = {
    "harvest_invoices_csv": (harvest_invoices_csv, {}),
    "billomat_de_csv": (billomat_de_csv, {"discount": True}),
    "naverisk_recurring_xlsx": (naverisk_recurring_xlsx, {}),
    "acumatica_ar_lines_xlsx": (acumatica_ar_lines_xlsx, {"discount": True}),
    "zomentum_recurring_csv": (zomentum_recurring_csv, {}),
    "rewst_gsheet_xlsx": (rewst_gsheet_xlsx, {}),
    "afas_abonnementen_xlsx": (afas_abonnementen_xlsx, {"discount": True}),
    "pohoda_cz_csv": (pohoda_cz_csv, {"discount": True}),
}
_ = Decimal
