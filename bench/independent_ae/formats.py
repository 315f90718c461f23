"""Writers (and the matching cell readers used by selfcheck) of set AE's 8 vendor and 8 PSA formats."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from fractions import Fraction as F

import openpyxl

from .catalog import BY_KEY, vendor_product_name

MONTH_END = "2026-11-30"


# ---------------------------------------------------------------- number helpers
def num(x, places=2, dec=".", thou="", prefix=""):
    neg = x < 0
    d = Decimal(x.numerator) / Decimal(x.denominator)
    s = f"{abs(d):.{places}f}"
    ip, fp = s.split(".") if "." in s else (s, "")
    if thou:
        ip = f"{int(ip):,}".replace(",", thou)
    out = prefix + ip + (dec + fp if fp else "")
    return ("-" if neg else "") + out


def fl(x):
    return float(Decimal(x.numerator) / Decimal(x.denominator))


def parse_num(v):
    """A cell back to a Fraction: floats, ints, '1.234,50', "1'234.50", '$1,234.50', '-3', '(12.00)'."""
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return F(Decimal(repr(v))).limit_denominator(10**6)
    s = str(v).strip().replace("\u00a0", "").replace(" ", "").replace("$", "").replace("'", "")
    s = re.sub(r"^(CHF|EUR|DKK|MXN|AUD|USD|kr\.?)", "", s)
    neg = s.startswith("-") or (s.startswith("(") and s.endswith(")"))
    s = s.strip("-()")
    if not re.fullmatch(r"[0-9][0-9.,]*", s):
        return None
    if "," in s and "." in s:
        s = (
            s.replace(".", "").replace(",", ".")
            if s.rfind(",") > s.rfind(".")
            else s.replace(",", "")
        )
    elif "," in s:
        s = (
            s.replace(",", ".")
            if re.search(r",\d{1,2}$", s) or (s.count(",") == 1 and len(s.split(",")[1]) != 3)
            else s.replace(",", "")
        )
    r = F(Decimal(s))
    return -r if neg else r


def grouped(case, key_name):
    """[(client, [lines])] in file order (sorted by key_name(client))."""
    byid = {c["id"]: c for c in case.clients}
    groups = {}
    for ln in key_name[1]:
        groups.setdefault(ln.cid, []).append(ln)
    order = sorted(groups, key=lambda cid: (key_name[0](byid[cid]).casefold(), cid))
    return [(byid[cid], groups[cid]) for cid in order]


def vgroups(case):
    return grouped(case, (lambda c: c["canonical"], case.vlines))


def pgroups(case):
    return grouped(case, (lambda c: c["psa"], case.plines))


def write_csv(path, records, enc="utf-8", delim=",", quoting=csv.QUOTE_MINIMAL):
    with open(path, "w", encoding=enc, newline="") as fh:
        w = csv.writer(fh, delimiter=delim, quoting=quoting, lineterminator="\r\n")
        for r in records:
            w.writerow(["" if x is None else x for x in r])


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, records in sheets:
        ws = wb.create_sheet(name)
        for r in records:
            ws.append(list(r))
    wb.save(path)


def read_csv(path, enc, delim):
    with open(path, encoding=enc, newline="") as fh:
        return [list(r) for r in csv.reader(fh, delimiter=delim)]


def read_xlsx(path, sheet):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def s(v):
    return "" if v is None else str(v).strip()


def prod_text(ln):
    return vendor_product_name(BY_KEY[ln.product], "plain")


# ---------------------------------------------------------------- vendor formats
def v_pc_nl(case, folder, rng):
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
        "OrderId",
        "ProductId",
        "SkuId",
        "SkuName",
        "ProductName",
        "ChargeType",
        "UnitPrice",
        "Quantity",
        "Subtotal",
        "Currency",
        "PublisherName",
        "SubscriptionId",
        "ChargeStartDate",
        "ChargeEndDate",
        "TermAndBillingCycle",
        "EffectiveUnitPrice",
        "BillableQuantity",
        "BillingFrequency",
    ]
    recs = [hdr]
    n = 0
    for c, lines in vgroups(case):
        for ln in lines:
            if n and n % 350 == 0:
                recs.append(list(hdr))
            n += 1
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            pid, _, sku = p.sku.partition(":")
            ct = (
                "removeQuantity"
                if ln.role == "credit"
                else rng.choice(["cycleCharge", "CycleCharge", "cyclecharge", "renew"])
            )
            recs.append(
                [
                    "b5f3c7aa-0000-4c1e-9e7a-7d1f00aa0001",
                    f"{c['id']:08d}-aae0-4b7c-9d11-3c5e0f{c['id']:06d}",
                    c["canonical"],
                    c["domain"],
                    "NL",
                    "G052341987",
                    f"OR{rng.randint(10**7, 10**8 - 1)}",
                    pid,
                    sku or "0001",
                    p.name,
                    p.name,
                    ct,
                    num(u * F(105, 100), 4, ","),
                    str(ln.qty),
                    num(u * ln.qty, 2, ","),
                    case.currency,
                    p.maker,
                    ln.sub,
                    "01-11-2026",
                    "30-11-2026" if not ln.yearly else "31-10-2027",
                    "One-Year commitment for yearly billing"
                    if ln.yearly
                    else rng.choice(
                        [
                            "One-Year commitment for monthly/yearly billing",
                            "One-Month commitment for monthly billing",
                        ]
                    ),
                    "'" + num(u, 6, ","),
                    str(ln.qty),
                    "Annual" if ln.yearly else "Monthly",
                ]
            )
            ln.row = len(recs)
    name = "Reconciliatie_G052341987_NCE.csv"
    write_csv(folder / name, recs, "utf-8-sig", ";")
    return name, None


def r_pc_nl(recs):
    h = recs[0]
    ix = {k: i for i, k in enumerate(h)}
    for i, r in enumerate(recs, 1):
        if i == 1 or r[0] == "PartnerId":
            continue
        u = parse_num(r[ix["EffectiveUnitPrice"]].lstrip("'"))
        y = r[ix["BillingFrequency"]] == "Annual"
        yield (
            i,
            r[ix["CustomerName"]],
            r[ix["ProductName"]],
            parse_num(r[ix["BillableQuantity"]]),
            u / 12 if y else u,
        )


def v_pax8_blocks(case, folder, rng):
    recs = [
        [
            "Company",
            "Type",
            "Product",
            "SKU",
            "Term",
            "Quantity",
            "Unit Cost",
            "Cost Total",
            "Unit Price (MSRP)",
            "Start Period",
            "End Period",
        ]
    ]
    for c, lines in vgroups(case):
        recs.append([f"Company: {c['canonical']}", "", "", "", "", "", "", "", "", "", ""])
        tot = F(0)
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            tot += u * ln.qty
            recs.append(
                [
                    "",
                    "credit" if ln.role == "credit" else "subscription",
                    vendor_product_name(p, "nce_tag"),
                    "PX-" + p.sku.replace(":", "-"),
                    "Annual" if ln.yearly else "Monthly",
                    str(ln.qty),
                    num(u),
                    num(u * ln.qty),
                    num(p.price * (12 if ln.yearly else 1)),
                    "11/01/2026",
                    "10/31/2027" if ln.yearly else "11/30/2026",
                ]
            )
            ln.row = len(recs)
        recs.append(
            [f"Company total: {c['canonical']}", "", "", "", "", "", "", num(tot), "", "", ""]
        )
    name = "pax8-billing-detail-2026-11.csv"
    write_csv(folder / name, recs)
    return name, None


def r_pax8_blocks(recs):
    cur = None
    for i, r in enumerate(recs, 1):
        if i == 1:
            continue
        if r[0].startswith("Company: "):
            cur = r[0][9:]
        elif r[0] == "" and r[2]:
            u = parse_num(r[6])
            yield i, cur, r[2], parse_num(r[5]), u / 12 if r[4] == "Annual" else u


def v_crayon_dk(case, folder, rng):
    recs = [
        [
            "Fakturanr.",
            "Kunde",
            "Kundenr.",
            "Produkt",
            "Varenr.",
            "Antal",
            "Enhedspris",
            "Beløb",
            "Valuta",
            "Periode fra",
            "Periode til",
            "Faktureringsfrekvens",
        ]
    ]
    for c, lines in vgroups(case):
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            recs.append(
                [
                    "DK-2026-11874",
                    c["canonical"],
                    f"K{10000 + c['id']}",
                    p.name,
                    p.sku,
                    str(ln.qty),
                    num(u, 2, ",", "."),
                    num(u * ln.qty, 2, ",", "."),
                    case.currency,
                    "01.11.2026",
                    "31.10.2027" if ln.yearly else "30.11.2026",
                    "Årlig" if ln.yearly else "Månedlig",
                ]
            )
            ln.row = len(recs)
    name = "CloudIQ_fakturalinjer_november.csv"
    write_csv(folder / name, recs, "cp1252", ";")
    return name, None


def r_crayon_dk(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[3]:
            u = parse_num(r[6])
            yield i, r[1], r[3], parse_num(r[5]), u / 12 if r[11] == "Årlig" else u


def v_also_ch(case, folder, rng):
    recs = [
        [
            "Kunde",
            "Kundennummer",
            "Artikelbezeichnung",
            "Artikelnummer",
            "Menge",
            "Einzelpreis CHF",
            "Total CHF",
            "Abrechnungsperiode",
            "Leistungszeitraum",
            "Belegart",
        ]
    ]
    for c, lines in vgroups(case):
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            recs.append(
                [
                    c["canonical"],
                    f"CH-{300000 + c['id']}",
                    p.name,
                    "ALSO-" + p.sku.split(":")[0],
                    str(ln.qty),
                    num(u, 2, ".", "'"),
                    num(u * ln.qty, 2, ".", "'"),
                    "jährlich" if ln.yearly else "monatlich",
                    "01.11.2026 - 31.10.2027" if ln.yearly else "01.11.2026 - 30.11.2026",
                    "Gutschrift" if ln.role == "credit" else "Rechnung",
                ]
            )
            ln.row = len(recs)
    name = "ALSO_CMP_Abrechnung_2026-11.csv"
    write_csv(folder / name, recs, "utf-8", "\t")
    return name, None


def r_also_ch(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[2]:
            u = parse_num(r[5])
            yield i, r[0], r[2], parse_num(r[4]), u / 12 if r[7] == "jährlich" else u


def v_arrow_it(case, folder, rng):
    recs = [
        ["ArrowSphere - Dettaglio fatturazione"],
        ["Periodo: novembre 2026", None, "Valuta: " + case.currency],
        [],
        [
            "Cliente",
            "Riferimento cliente",
            "Prodotto",
            "Codice articolo",
            "Quantità",
            "Prezzo unitario",
            "Importo",
            "Frequenza",
            "Data inizio",
            "Data fine",
        ],
    ]
    grand = F(0)
    for c, lines in vgroups(case):
        tot = F(0)
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            tot += u * ln.qty
            recs.append(
                [
                    c["canonical"],
                    f"XSP{50000 + c['id']}",
                    p.name,
                    "ARW-" + p.sku,
                    ln.qty,
                    fl(u),
                    fl(u * ln.qty),
                    "Annuale" if ln.yearly else "Mensile",
                    "01/11/2026",
                    "31/10/2027" if ln.yearly else "30/11/2026",
                ]
            )
            ln.row = len(recs)
        recs.append([f"Totale {c['canonical']}", None, None, None, None, None, fl(tot)])
        grand += tot
    recs.append(["Totale generale", None, None, None, None, None, fl(grand)])
    name = "ArrowSphere_fatturazione_2026_11.xlsx"
    write_xlsx(folder / name, [("Dettaglio", recs)])
    return name, "Dettaglio"


def r_arrow_it(recs):
    for i, r in enumerate(recs, 1):
        if i > 4 and r[2] and r[4] is not None:
            u = parse_num(r[5])
            yield i, s(r[0]), s(r[2]), parse_num(r[4]), u / 12 if r[7] == "Annuale" else u


def v_ingram_mx(case, folder, rng):
    recs = [
        [
            "Nombre del cliente",
            "ID de suscripción",
            "Producto",
            "Cantidad",
            "Precio unitario",
            "Importe neto",
            "Plazo de facturación",
            "Fecha de inicio",
            "Moneda",
        ]
    ]
    total = F(0)
    for c, lines in vgroups(case):
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            total += u * ln.qty
            recs.append(
                [
                    c["canonical"],
                    ln.sub.replace("S", "IM-"),
                    p.name + (" (Anual)" if ln.yearly else " (Mensual)"),
                    ln.qty,
                    fl(u),
                    fl(u * ln.qty),
                    "Anual" if ln.yearly else "Mensual",
                    "01/11/2026",
                    case.currency,
                ]
            )
            ln.row = len(recs)
    summary = [
        ["Ingram Micro Cloud Marketplace - Estado de cuenta"],
        ["Periodo", "Noviembre 2026"],
        ["Total neto", fl(total)],
        ["Moneda", case.currency],
    ]
    name = "IngramMicro_Cloud_EstadoCuenta_202611.xlsx"
    write_xlsx(folder / name, [("Resumen", summary), ("Detalle", recs)])
    return name, "Detalle"


def r_ingram_mx(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[2]:
            u = parse_num(r[4])
            prod = re.sub(r" \((Anual|Mensual)\)$", "", s(r[2]))
            yield i, s(r[0]), prod, parse_num(r[3]), u / 12 if r[6] == "Anual" else u


def v_tdsynnex_de(case, folder, rng):
    recs = [
        ["TD SYNNEX StreamOne Ion - Rechnungspositionen November 2026"],
        [],
        [
            "Kunde",
            "Produkt",
            "Hersteller",
            "SKU",
            "Menge",
            "Einzelpreis (EUR)",
            "Gesamtpreis (EUR)",
            "Abrechnung",
            "Laufzeit",
        ],
    ]
    for c, lines in vgroups(case):
        recs.append([f"Kunde: {c['canonical']} (Kd-Nr. {70000 + c['id']})"])
        tot = F(0)
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            tot += u * ln.qty
            recs.append(
                [
                    None,
                    p.name,
                    p.maker,
                    "DE" + p.sku.replace(":", ""),
                    ln.qty,
                    fl(u),
                    fl(u * ln.qty),
                    "Jährlich" if ln.yearly else "Monatlich",
                    "01.11.2026-31.10.2027" if ln.yearly else "01.11.2026-30.11.2026",
                ]
            )
            ln.row = len(recs)
        recs.append([None, "Zwischensumme", None, None, None, None, fl(tot)])
    name = "StreamOne_Ion_Positionen_2026-11.xlsx"
    write_xlsx(folder / name, [("Positionen", recs)])
    return name, "Positionen"


def r_tdsynnex_de(recs):
    cur = None
    for i, r in enumerate(recs, 1):
        if i <= 3:
            continue
        if s(r[0]).startswith("Kunde: "):
            cur = re.sub(r" \(Kd-Nr\. \d+\)$", "", s(r[0])[7:])
        elif r[1] and r[1] != "Zwischensumme" and len(r) > 4 and r[4] is not None:
            u = parse_num(r[5])
            yield i, cur, s(r[1]), parse_num(r[4]), u / 12 if r[7] == "Jährlich" else u


def v_dicker(case, folder, rng):
    recs = [
        [
            "Invoice Date",
            "Customer",
            "Tenant Domain",
            "Stock Code",
            "Description",
            "Qty",
            "Billing",
            "Unit Ex GST",
            "GST",
            "Line Total Inc GST",
        ]
    ]
    for c, lines in vgroups(case):
        for ln in lines:
            p = BY_KEY[ln.product]
            u = ln.unit * (12 if ln.yearly else 1)
            code = (
                ("P1Y:" if ln.yearly else "P1M:")
                + p.sku.replace(":", ":")
                + (":Y:" if ln.yearly else ":1:")
            )
            ex = u * ln.qty
            recs.append(
                [
                    "30-NOV-2026",
                    c["canonical"].upper(),
                    c["domain"],
                    code,
                    vendor_product_name(p, "maker_prefix"),
                    ln.qty,
                    "Annual upfront" if ln.yearly else "Monthly",
                    fl(u),
                    fl(ex / 10),
                    fl(ex * F(11, 10)),
                ]
            )
            ln.row = len(recs)
    name = "DickerData_Reseller_Statement_Nov2026.xlsx"
    write_xlsx(folder / name, [("Statement", recs)])
    return name, "Statement"


def r_dicker(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[4]:
            u = parse_num(r[7])
            yield i, s(r[1]), s(r[4]), parse_num(r[5]), u / 12 if r[6] == "Annual upfront" else u


# ---------------------------------------------------------------- PSA formats
def _item_no(ln, lic, svc):
    """The MSP's own item number: it names nothing, but stays the same for one product."""
    keys = list(BY_KEY)
    if ln.product:
        return f"{lic}{(keys.index(ln.product) * 37) % 1000:03d}"
    return f"{svc}{sum(map(ord, ln.text)) % 100:02d}"


def _money_month(ln):
    return ln.unit * (12 if ln.yearly else 1)


def p_cw_grouped(case, folder, rng):
    recs = [
        [
            "Company",
            "Agreement",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill",
            "Effective",
            "Cancelled",
            "Addition Status",
        ]
    ]
    for c, lines in pgroups(case):
        recs.append([f"Company: {c['psa']} ({len(lines)} items)"])
        for ln in lines:
            canc = ln.role == "not_billed"
            recs.append(
                [
                    None,
                    "Managed Services Agreement",
                    _item_no(ln, "LIC-", "SVC-"),
                    ln.text,
                    ln.qty,
                    0,
                    fl(ln.unit),
                    fl(ln.unit * ln.qty),
                    "Billable",
                    "07/01/2025",
                    "10/15/2026" if canc else None,
                    "Cancelled" if canc else "Active",
                ]
            )
            ln.row = len(recs)
    name = "Agreement_Additions_by_Company.xlsx"
    write_xlsx(folder / name, [("Additions", recs)])
    return name, "Additions"


def r_cw_grouped(recs):
    cur = None
    for i, r in enumerate(recs, 1):
        if i == 1:
            continue
        if s(r[0]).startswith("Company: "):
            cur = re.sub(r" \(\d+ items\)$", "", s(r[0])[9:])
        elif len(r) > 4 and r[3]:
            yield i, cur, s(r[3]), parse_num(r[4]), parse_num(r[6]), r[11] == "Cancelled"


def p_autotask(case, folder, rng):
    recs = [
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Description",
            "Units",
            "Unit Price",
            "Extended Price",
            "Period Type",
            "Start Date",
            "End Date",
            "Status",
        ]
    ]
    for c, lines in pgroups(case):
        for ln in lines:
            u = _money_month(ln)
            canc = ln.role == "not_billed"
            recs.append(
                [
                    c["psa"],
                    "Recurring Services 2026",
                    ln.text,
                    "Per unit, billed in advance",
                    str(ln.qty),
                    num(u),
                    num(u * ln.qty),
                    "Yearly" if ln.yearly else "Monthly",
                    "2025-07-01 00:00:00",
                    "2026-09-30 00:00:00" if canc else "",
                    "Inactive" if canc else "Active",
                ]
            )
            ln.row = len(recs)
    name = "ContractServices_Recurring_NZ.csv"
    write_csv(folder / name, recs)
    return name, None


def r_autotask(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[2]:
            u = parse_num(r[5])
            yield (
                i,
                r[0],
                r[2],
                parse_num(r[4]),
                u / 12 if r[7] == "Yearly" else u,
                r[10] == "Inactive",
            )


def p_halo_no(case, folder, rng):
    recs = [
        [
            "Kunde",
            "Avtale",
            "Vare",
            "Beskrivelse",
            "Antall",
            "Enhetspris",
            "Netto beløp",
            "Faktureringsintervall",
            "Status",
        ]
    ]
    for c, lines in pgroups(case):
        for ln in lines:
            u = _money_month(ln)
            canc = ln.role == "not_billed"
            recs.append(
                [
                    c["psa"],
                    "Driftsavtale",
                    _item_no(ln, "LIS", "TJ"),
                    ln.text,
                    str(ln.qty),
                    num(u, 2, ",", " "),
                    num(u * ln.qty, 2, ",", " "),
                    "Årlig" if ln.yearly else "Månedlig",
                    "Avsluttet" if canc else "Aktiv",
                ]
            )
            ln.row = len(recs)
    name = "halo_fakturalinjer_nov2026.csv"
    write_csv(folder / name, recs, "utf-8-sig", ";")
    return name, None


def r_halo_no(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[3]:
            u = parse_num(r[5])
            yield (
                i,
                r[0],
                r[3],
                parse_num(r[4]),
                u / 12 if r[7] == "Årlig" else u,
                r[8] == "Avsluttet",
            )


def p_syncro(case, folder, rng):
    recs = [
        ["Invoice #", "Customer", "Date", "Item", "Line Description", "Qty", "Price", "Line Total"]
    ]
    inv = 40100
    for c, lines in pgroups(case):
        inv += 1
        for ln in lines:
            recs.append(
                [
                    str(inv),
                    c["psa"],
                    "11/01/2026",
                    ln.text,
                    "Service"
                    if ln.role == "service"
                    else rng.choice(["Monthly licence", "Cloud subscription", "User licence"]),
                    str(ln.qty),
                    num(ln.unit, 2, ".", ",", "$"),
                    num(ln.unit * ln.qty, 2, ".", ",", "$"),
                ]
            )
            ln.row = len(recs)
    name = "syncro_invoices_export.csv"
    write_csv(folder / name, recs)
    return name, None


def r_syncro(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[3]:
            yield i, r[1], r[3], parse_num(r[5]), parse_num(r[6]), False


def p_xero_contact(case, folder, rng):
    recs = [
        ["Sales by Contact"],
        ["Bramble IT Services Ltd"],
        ["For the month ended 30 November 2026"],
        [],
        ["Date", "Source", "Reference", "Description", "Quantity", "Unit Price", "Net"],
    ]
    grand = F(0)
    inv = 7100
    for c, lines in pgroups(case):
        recs.append([c["psa"]])
        tot = F(0)
        inv += 1
        for ln in lines:
            tot += ln.unit * ln.qty
            recs.append(
                [
                    "01 Nov 2026",
                    "Receivable Invoice",
                    f"INV-{inv}",
                    ln.text,
                    ln.qty,
                    fl(ln.unit),
                    fl(ln.unit * ln.qty),
                ]
            )
            ln.row = len(recs)
        recs.append([f"Total {c['psa']}", None, None, None, None, None, fl(tot)])
        grand += tot
    recs.append(["Total", None, None, None, None, None, fl(grand)])
    name = "Sales_by_Contact_Nov_2026.xlsx"
    write_xlsx(folder / name, [("Sales by Contact", recs)])
    return name, "Sales by Contact"


def r_xero_contact(recs):
    cur = None
    for i, r in enumerate(recs, 1):
        if i <= 5:
            continue
        r = list(r) + [None] * 7
        if r[0] and all(x is None for x in r[1:7]) and not s(r[0]).startswith("Total"):
            cur = s(r[0])
        elif r[3]:
            yield i, cur, s(r[3]), parse_num(r[4]), parse_num(r[5]), False


def p_qbd(case, folder, rng):
    recs = [
        ["Bramble IT Services"],
        ["Sales by Customer Detail"],
        ["November 2026"],
        [
            None,
            None,
            "Type",
            "Date",
            "Num",
            "Memo",
            "Name",
            "Item",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
    ]
    inv = 3300
    for c, lines in pgroups(case):
        recs.append([c["psa"]])
        bal = F(0)
        inv += 1
        for ln in lines:
            bal += ln.unit * ln.qty
            recs.append(
                [
                    None,
                    None,
                    "Invoice",
                    "11/01/2026",
                    str(inv),
                    ln.text,
                    c["psa"],
                    "Services:Managed" if ln.role == "service" else "Cloud Licences:Subscription",
                    ln.qty,
                    fl(ln.unit),
                    fl(ln.unit * ln.qty),
                    fl(bal),
                ]
            )
            ln.row = len(recs)
        recs.append(
            [f"Total {c['psa']}", None, None, None, None, None, None, None, None, None, fl(bal)]
        )
    name = "QBD_Sales_by_Customer_Detail.xlsx"
    write_xlsx(folder / name, [("Sheet1", recs)])
    return name, "Sheet1"


def r_qbd(recs):
    cur = None
    for i, r in enumerate(recs, 1):
        if i <= 4:
            continue
        r = list(r) + [None] * 12
        if r[0] and not s(r[0]).startswith("Total "):
            cur = s(r[0])
        elif r[2] == "Invoice":
            yield i, cur, s(r[5]), parse_num(r[8]), parse_num(r[9]), False


def p_sage_ie(case, folder, rng):
    recs = [
        [
            "A/C Ref",
            "Name",
            "Invoice No",
            "Date",
            "Stock Code",
            "Description",
            "Quantity",
            "Unit Price",
            "Discount %",
            "Net",
            "Tax Code",
        ]
    ]
    inv = 11200
    for c, lines in pgroups(case):
        inv += 1
        ref = re.sub(r"[^A-Z]", "", c["canonical"].upper())[:6] + f"{c['id'] % 100:02d}"
        for ln in lines:
            recs.append(
                [
                    ref,
                    c["psa"],
                    str(inv),
                    "01/11/2026",
                    "S1" if ln.role == "service" else "LIC",
                    ln.text,
                    num(F(ln.qty)),
                    num(ln.unit),
                    "0.00",
                    num(ln.unit * ln.qty),
                    "T1",
                ]
            )
            ln.row = len(recs)
    name = "SageInvoiceItems_Nov26.csv"
    write_csv(folder / name, recs, "utf-8", ",", csv.QUOTE_ALL)
    return name, None


def r_sage_ie(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[5]:
            yield i, r[1], r[5], parse_num(r[6]), parse_num(r[7]), False


def p_zoho(case, folder, rng):
    recs = [
        [
            "Profile Name",
            "Customer Name",
            "Status",
            "Repeat Every",
            "Start Date",
            "Item Name",
            "Item Desc",
            "Quantity",
            "Rate",
            "Item Total",
            "Currency Code",
        ]
    ]
    for c, lines in pgroups(case):
        for ln in lines:
            u = _money_month(ln)
            canc = ln.role == "not_billed"
            recs.append(
                [
                    f"RP-{c['id']:04d}-{'Y' if ln.yearly else 'M'}",
                    c["psa"],
                    "Stopped" if canc else "Active",
                    "1 Year(s)" if ln.yearly else "1 Month(s)",
                    "2025-07-01",
                    ln.text,
                    "Managed service" if ln.role == "service" else "Licence subscription",
                    str(ln.qty),
                    num(u),
                    num(u * ln.qty),
                    case.currency,
                ]
            )
            ln.row = len(recs)
    name = "Recurring_Invoices_Items.csv"
    write_csv(folder / name, recs)
    return name, None


def r_zoho(recs):
    for i, r in enumerate(recs, 1):
        if i > 1 and r[5]:
            u = parse_num(r[8])
            yield (
                i,
                r[1],
                r[5],
                parse_num(r[7]),
                u / 12 if r[3] == "1 Year(s)" else u,
                r[2] == "Stopped",
            )


# name: (writer, reader, currency, caps, source: ("csv", enc, delim) or ("xlsx",))
VENDORS = {
    "pc_recon_nl_excel_resave_semicolon_csv": (
        v_pc_nl,
        r_pc_nl,
        "EUR",
        {"annual": 1, "credit": 1},
        ("csv", "utf-8-sig", ";"),
    ),
    "pax8_billing_company_header_records_usd_csv": (
        v_pax8_blocks,
        r_pax8_blocks,
        "USD",
        {"annual": 1, "credit": 1},
        ("csv", "utf-8", ","),
    ),
    "crayon_cloudiq_dk_semicolon_dkk_csv": (
        v_crayon_dk,
        r_crayon_dk,
        "DKK",
        {"annual": 1, "credit": 1},
        ("csv", "cp1252", ";"),
    ),
    "also_cmp_ch_tab_apostrophe_chf_csv": (
        v_also_ch,
        r_also_ch,
        "CHF",
        {"annual": 1, "credit": 1},
        ("csv", "utf-8", "\t"),
    ),
    "arrowsphere_it_titled_totals_xlsx": (v_arrow_it, r_arrow_it, "EUR", {"annual": 1}, ("xlsx",)),
    "ingram_cmp_mx_summary_first_mxn_xlsx": (
        v_ingram_mx,
        r_ingram_mx,
        "MXN",
        {"annual": 1},
        ("xlsx",),
    ),
    "tdsynnex_ion_de_kundenblock_xlsx": (
        v_tdsynnex_de,
        r_tdsynnex_de,
        "EUR",
        {"annual": 1, "credit": 1},
        ("xlsx",),
    ),
    "dickerdata_reseller_statement_gst_xlsx": (
        v_dicker,
        r_dicker,
        "AUD",
        {"annual": 1, "credit": 1},
        ("xlsx",),
    ),
}
PSAS = {
    "cw_additions_grouped_by_company_view_xlsx": (
        p_cw_grouped,
        r_cw_grouped,
        {"cancel": 1},
        ("xlsx",),
    ),
    "autotask_recurring_services_nz_datetime_csv": (
        p_autotask,
        r_autotask,
        {"annual": 1, "cancel": 1},
        ("csv", "utf-8", ","),
    ),
    "halopsa_billing_lines_no_semicolon_csv": (
        p_halo_no,
        r_halo_no,
        {"annual": 1, "cancel": 1},
        ("csv", "utf-8-sig", ";"),
    ),
    "syncro_invoice_export_dollar_text_csv": (p_syncro, r_syncro, {}, ("csv", "utf-8", ",")),
    "xero_sales_by_contact_grouped_uk_xlsx": (p_xero_contact, r_xero_contact, {}, ("xlsx",)),
    "qb_desktop_cust_detail_indented_xlsx": (p_qbd, r_qbd, {}, ("xlsx",)),
    "sage50_ie_invoice_items_quoted_csv": (p_sage_ie, r_sage_ie, {}, ("csv", "utf-8", ",")),
    "zoho_books_recurring_profile_lines_csv": (
        p_zoho,
        r_zoho,
        {"annual": 1, "cancel": 1},
        ("csv", "utf-8", ","),
    ),
}


def read_records(folder, fname, sheet, src):
    path = folder / fname
    if src[0] == "csv":
        return read_csv(path, src[1], src[2])
    return read_xlsx(path, sheet)
