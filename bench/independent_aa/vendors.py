"""The eight vendor bills (what the MSP pays)."""

from __future__ import annotations

import zlib
from decimal import Decimal as D

from .catalog import BY_KEY
from .io import Sheet, num, write_csv, write_xlsx


def _h(s):
    return zlib.crc32(s.encode())


def _u(ln):
    return ln.unit * 12 if ln.term == "A" else ln.unit


def _name(ln):
    return BY_KEY[ln.key].name if ln.key else ln.text


def _order(case, rng):
    byid = {c["id"]: c for c in case.clients}
    ls = list(case.vlines)
    ls.sort(key=lambda ln: (byid[ln.cid]["vname"].lower(), ln.key))
    return byid, ls


def pc_nce_recon_au_yearly_mixed_csv(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet()
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
        "MpnId",
        "OrderId",
        "OrderDate",
        "ProductId",
        "SkuId",
        "AvailabilityId",
        "SkuName",
        "ProductName",
        "ChargeType",
        "UnitPrice",
        "Quantity",
        "Subtotal",
        "TaxTotal",
        "Total",
        "Currency",
        "PublisherName",
        "SubscriptionDescription",
        "SubscriptionId",
        "ChargeStartDate",
        "ChargeEndDate",
        "TermAndBillingCycle",
        "EffectiveUnitPrice",
        "UnitType",
        "BillableQuantity",
        "BillingFrequency",
        "PricingCurrency",
        "PCToBCExchangeRate",
        "SubscriptionStartDate",
        "SubscriptionEndDate",
    ]
    sh.add(hdr)
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        pid, sku = (
            p.pc.split(":") if p and p.pc else (f"DZH318Z0{_h(ln.key) % 9000 + 1000}", "0001")
        )
        ct = (
            "removeQuantity"
            if ln.role == "credit"
            else (
                "new"
                if ln.role == "service"
                else rng.choice(["cycleCharge", "cycleCharge", "renew"])
            )
        )
        sub = u * ln.qty
        annual = ln.term == "A"
        ln.row = sh.add(
            [
                "3f1c2d4e-0000-4aa0-9a11-5d2b8c0e7aa1",
                f"{ln.cid:04d}c0de-1111-4222-8333-{ln.cid:012d}",
                c["vname"],
                c["domain"].replace(".com", ".onmicrosoft.com"),
                "AU",
                "G0" + "4417" + "2291",
                "6123456",
                f"ORD{ln.cid:05d}",
                "2026-10-01",
                pid,
                sku,
                "CFQ7TTC0K5DM",
                _name(ln),
                _name(ln),
                ct,
                f"{(u * D('1.05')).quantize(D('0.01'))}",
                ln.qty,
                f"{sub:.2f}",
                f"{sub * D('0.1'):.2f}",
                f"{sub * D('1.1'):.2f}",
                "AUD",
                p.maker if p else "Microsoft",
                _name(ln),
                ln.sub,
                "2026-11-01",
                "2027-10-31" if annual else "2026-11-30",
                "One-Year commitment for yearly billing"
                if annual
                else "One-Year commitment for monthly/yearly billing",
                f"{u:.2f}",
                "Licenses",
                ln.qty,
                "Annual" if annual else "Monthly",
                "AUD",
                "1",
                "2025-11-01",
                "2027-10-31",
            ]
        )
    path = folder / "pc_nce_reconciliation_Nov2026.csv"
    write_csv(path, sh)
    return path.name, None


def pc_legacy_licence_eur_csv(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet()
    sh.add(
        [
            "PartnerId",
            "CustomerId",
            "CustomerName",
            "MpnId",
            "ResellerMpnId",
            "OrderId",
            "SubscriptionId",
            "SyndicationPartnerSubscriptionNumber",
            "OfferId",
            "DurableOfferId",
            "OfferName",
            "SubscriptionStartDate",
            "SubscriptionEndDate",
            "ChargeStartDate",
            "ChargeEndDate",
            "ChargeType",
            "UnitPrice",
            "Quantity",
            "Amount",
            "TotalOtherDiscount",
            "Subtotal",
            "Tax",
            "TotalForCustomer",
            "Currency",
            "DomainName",
            "SubscriptionName",
            "SubscriptionDescription",
            "BillingCycleType",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        u = _u(ln)
        lst = (u * D("1.08")).quantize(D("0.01"))
        amount = lst * ln.qty
        sub = u * ln.qty
        ln.row = sh.add(
            [
                "9a8b7c6d",
                f"{ln.cid:05d}-legacy",
                c["vname"],
                "5123456",
                "",
                f"O{ln.cid:06d}",
                ln.sub,
                "",
                f"{_h(ln.key) % 10**8:08X}",
                f"{_h(ln.key) % 10**8:08X}-D",
                _name(ln),
                "01/11/2025",
                "31/10/2027",
                "01/11/2026",
                "31/10/2027" if ln.term == "A" else "30/11/2026",
                "Cancel" if ln.role == "credit" else "Cycle fee",
                f"{lst:.2f}",
                ln.qty,
                f"{amount:.2f}",
                f"{amount - sub:.2f}",
                f"{sub:.2f}",
                f"{sub * D('0.21'):.2f}",
                f"{sub * D('1.21'):.2f}",
                "EUR",
                c["domain"].replace(".com", ".onmicrosoft.com"),
                _name(ln),
                _name(ln),
                "Annual" if ln.term == "A" else "Monthly",
            ]
        )
    path = folder / "legacy_licence_based_recon_2026-11.csv"
    write_csv(path, sh)
    return path.name, None


def pax8_invoice_portal_nz_xlsx(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet("Invoice Items")
    sh.add(
        [
            "invoice_date",
            "company_name",
            "company_id",
            "type",
            "sku",
            "description",
            "details",
            "term",
            "quantity",
            "price",
            "subtotal",
            "cost",
            "cost_total",
            "partner_subtotal",
            "start_period",
            "end_period",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        typ = (
            "credits"
            if ln.role == "credit"
            else "one-time"
            if ln.role == "service"
            else "subscription"
        )
        desc = (p.name + (" [NCE]" if p.maker == "Microsoft" else "")) if p else ln.text
        price = (u * D("1.25")).quantize(D("0.01"))
        ln.row = sh.add(
            [
                "01/11/2026",
                c["vname"],
                f"{ln.cid + 310000}",
                typ,
                p.item.replace("MS-", "MST-NCE-") if p else "FEE-ONB",
                desc,
                f"{ln.qty} x {'Annual' if ln.term == 'A' else 'Monthly'}",
                "Annual" if ln.term == "A" else "Monthly",
                ln.qty,
                price,
                price * ln.qty,
                u,
                u * ln.qty,
                u * ln.qty,
                "01/11/2026",
                "31/10/2027" if ln.term == "A" else "30/11/2026",
            ]
        )
    path = folder / "pax8_invoice_NZ_2026-11.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


def sherweb_invoice_detail_usd_csv(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet()
    sh.add(
        [
            "Invoice #",
            "Customer",
            "Product Name",
            "SKU",
            "Charge Type",
            "Billing Cycle",
            "Period From",
            "Period To",
            "Quantity",
            "Unit Price",
            "Sub-total",
            "Currency",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        ct = "Credit" if ln.role == "credit" else "Setup" if ln.role == "service" else "Recurring"
        ln.row = sh.add(
            [
                "INV-2026-11-0042",
                c["vname"],
                _name(ln),
                p.item if p else "SETUP",
                ct,
                "Yearly" if ln.term == "A" else "Monthly",
                "11/01/2026",
                "10/31/2027" if ln.term == "A" else "11/30/2026",
                ln.qty,
                f"{u:.2f}",
                f"{u * ln.qty:.2f}",
                "USD",
            ]
        )
    path = folder / "sherweb_invoice_details_2026-11.csv"
    write_csv(path, sh)
    return path.name, None


def ingram_cmp_de_statement_xlsx(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet("Abrechnung")
    sh.add(["Ingram Micro Cloud Marketplace – Abrechnungsübersicht November 2026"])
    sh.add([])
    sh.add(
        [
            "Endkunde",
            "Abonnement-ID",
            "Produkt",
            "Herstellerteilenummer",
            "Abrechnungsintervall",
            "Zeitraum von",
            "Zeitraum bis",
            "Menge",
            "Listenpreis",
            "Nettopreis",
            "Währung",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        name = _name(ln) + (
            " (Annual Pre-Paid)" if ln.term == "A" else " (Monthly Pre-Paid)" if p else ""
        )
        ln.row = sh.add(
            [
                c["vname"],
                ln.sub,
                name,
                p.item if p else "SVC-ONB",
                "jährlich" if ln.term == "A" else "monatlich",
                "01.11.2026",
                "31.10.2027" if ln.term == "A" else "30.11.2026",
                ln.qty,
                (u * D("1.15")).quantize(D("0.01")),
                u * ln.qty,
                "EUR",
            ]
        )
    path = folder / "ingram_abrechnung_2026-11.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


def tdsynnex_ion_gb_csv(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet()
    sh.add(
        [
            "End Customer",
            "Customer Account ID",
            "Vendor",
            "Product Name",
            "Vendor SKU",
            "Billing Frequency",
            "Charge Start Date",
            "Charge End Date",
            "Quantity",
            "MSRP",
            "Unit Price",
            "Extended Price",
            "Currency",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        sku = ("GB" + p.pc.replace(":", "")) if p and p.pc else (p.item if p else "TDS-FEE")
        ln.row = sh.add(
            [
                c["vname"],
                f"GB{ln.cid + 70000}",
                p.maker if p else "TD SYNNEX",
                _name(ln),
                sku,
                "Annual" if ln.term == "A" else "Monthly",
                "01/11/2026",
                "31/10/2027" if ln.term == "A" else "30/11/2026",
                ln.qty,
                num(u * D("1.2")),
                num(u),
                num(u * ln.qty),
                "GBP",
            ]
        )
    path = folder / "streamone_ion_billing_GB_Nov26.csv"
    write_csv(path, sh)
    return path.name, None


def generic_dist_nl_semicolon_csv(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet()
    sh.add(
        [
            "Klant",
            "Omschrijving",
            "Artikelnummer",
            "Facturatie",
            "Periode",
            "Aantal",
            "Prijs per stuk",
            "Bedrag excl. btw",
            "Valuta",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        text = _name(ln) if ln.role != "credit" else f"Creditering {_name(ln)}"
        ln.row = sh.add(
            [
                c["vname"],
                text,
                p.item if p else "EENMALIG",
                "Jaarlijks" if ln.term == "A" else "Maandelijks",
                "01-11-2026 t/m 31-10-2027" if ln.term == "A" else "01-11-2026 t/m 30-11-2026",
                ln.qty,
                num(u, ",", "."),
                num(u * ln.qty, ",", "."),
                "EUR",
            ]
        )
    path = folder / "factuurregels_november_2026.csv"
    write_csv(path, sh, delimiter=";", encoding="cp1252")
    return path.name, None


def dicker_annuity_nz_xlsx(case, folder, rng):
    byid, ls = _order(case, rng)
    sh = Sheet("Annuity")
    sh.add(
        [
            "TENANT ID",
            "TENANT NAME",
            "SUBSCRIPTION ID",
            "STOCK CODE",
            "STOCK DESCRIPTION",
            "QTY",
            "CHARGE TYPE",
            "STATUS",
            "START USAGE",
            "END USAGE",
            "UNIT PRICE",
            "UNIT RRP",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        p = BY_KEY.get(ln.key)
        u = _u(ln)
        if p and p.pc:
            code = f"P1Y:{p.pc}:{'Y' if ln.term == 'A' else '1'}:"
        else:
            code = f"P1Y:{p.item}:{'Y' if ln.term == 'A' else '1'}:" if p else "DD-ONBOARD"
        ln.row = sh.add(
            [
                f"{ln.cid:04d}-tenant",
                c["vname"],
                ln.sub,
                code,
                _name(ln).upper(),
                ln.qty,
                "CREDIT"
                if ln.role == "credit"
                else "ONE-OFF"
                if ln.role == "service"
                else "RECURRING",
                "ACTIVE",
                "01-NOV-2026",
                "31-OCT-2027" if ln.term == "A" else "30-NOV-2026",
                f"${u:,.2f}",
                f"${u * D('1.3'):,.2f}",
            ]
        )
    path = folder / "dicker_annuity_NZ_NOV2026.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


VENDORS = {
    "pc_nce_recon_au_yearly_mixed_csv": (pc_nce_recon_au_yearly_mixed_csv, "AUD"),
    "pc_legacy_licence_eur_csv": (pc_legacy_licence_eur_csv, "EUR"),
    "pax8_invoice_portal_nz_xlsx": (pax8_invoice_portal_nz_xlsx, "NZD"),
    "sherweb_invoice_detail_usd_csv": (sherweb_invoice_detail_usd_csv, "USD"),
    "ingram_cmp_de_statement_xlsx": (ingram_cmp_de_statement_xlsx, "EUR"),
    "tdsynnex_ion_gb_csv": (tdsynnex_ion_gb_csv, "GBP"),
    "generic_dist_nl_semicolon_csv": (generic_dist_nl_semicolon_csv, "EUR"),
    "dicker_annuity_nz_xlsx": (dicker_annuity_nz_xlsx, "NZD"),
}
