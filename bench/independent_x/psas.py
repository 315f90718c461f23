"""Eight PSA / accounting export layouts of set X."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .catalog import BY_KEY
from .xio import Sheet, dec, eu, lakh, us, write_csv, write_xlsx

CONTACTS = [
    "Jane Doe",
    "Sam Okafor",
    "Priya Nair",
    "Tom Becker",
    "Lucía Ortega",
    "Ahmed Farouk",
    "Mia Larsen",
    "Chris Walsh",
    "Yuki Tanaka",
    "Olga Petrova",
]


def ordered(case):
    cl = case.clients
    return sorted(
        case.plines,
        key=lambda p: (
            cl[p.acct]["canonical"],
            p.role == "service",
            p.cid != p.acct,
            BY_KEY[p.product].name if p.product else p.desc,
            p.term,
        ),
    )


def acct(case, p):
    """the account a line is invoiced under: a parent's, for some lines of a subsidiary (perturbed only)."""
    return p.acct if case.perturb else p.cid


def item_of(p):
    if p.role == "service":
        return (
            "Labour"
            if "hour" in p.desc.lower() or "labour" in p.desc.lower()
            else "Managed services"
        )
    return "Software subscription"


def disc_str(p, comma=True):
    if p.disc is None:
        return ""
    s = f"{p.disc.normalize():f}"
    return s.replace(".", ",") if comma else s


def list_or_unit(p):
    return p.list_price if p.list_price is not None else dec(p.unit)


# 1 ---------------------------------------------------------------------------------------------
def kashoo_sales_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "Date",
            "Invoice #",
            "Customer",
            "Item",
            "Description",
            "Frequency",
            "Qty",
            "Price",
            "Amount",
            "Tax Code",
        ]
    )
    inv, n = {}, 5100
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
        freq = "Yearly" if p.term == "annual" else "Monthly"
        p.row = sh.add(
            [
                "2026-11-01",
                f"INV-{inv[acct(case, p)]}",
                p.cname,
                item_of(p),
                p.desc,
                freq,
                p.qty,
                us(dec(p.unit)),
                us(p.amount),
                rng.choice(["GST", "Exempt", "Tax"]),
            ]
        )
    f = folder / "kashoo_sales_detail_nov2026.csv"
    write_csv(f, sh)
    return f.name, None


# 2 ---------------------------------------------------------------------------------------------
def debitoor_dk_semicolon_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "Fakturanr.",
            "Dato",
            "Kunde",
            "Beskrivelse",
            "Antal",
            "Enhed",
            "Stykpris",
            "Rabat (%)",
            "Beløb ekskl. moms",
        ]
    )
    inv, n = {}, 2210
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
        unit = (
            ("timer" if "hour" in p.desc.lower() else "stk.")
            if p.role == "service"
            else ("år" if p.term == "annual" else "md.")
        )
        p.row = sh.add(
            [
                inv[acct(case, p)],
                "01-11-2026",
                p.cname,
                p.desc,
                p.qty,
                unit,
                eu(list_or_unit(p)),
                disc_str(p),
                eu(p.amount),
            ]
        )
    f = folder / "debitoor_fakturalinjer_2026-11.csv"
    write_csv(f, sh, delimiter=";")
    return f.name, None


# 3 ---------------------------------------------------------------------------------------------
def zoho_books_in_gst_xlsx(case, folder, rng):
    sh = Sheet("Invoice Details")
    sh.add(
        [
            "Invoice Date",
            "Invoice Number",
            "Customer Name",
            "GSTIN",
            "Place of Supply",
            "Item Name",
            "Item Desc",
            "HSN/SAC",
            "Recurrence",
            "Quantity",
            "Rate",
            "Discount(%)",
            "Item Total",
            "CGST (9%)",
            "SGST (9%)",
            "Total",
        ]
    )
    inv, n, gst, pos = {}, 1040, {}, {}
    states = ["Karnataka (29)", "Maharashtra (27)", "Tamil Nadu (33)", "Delhi (07)"]
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
            pos[acct(case, p)] = rng.choice(states)
            gst[acct(case, p)] = (
                f"{rng.randint(10, 36)}AAB{rng.choice('CFP')}{rng.randint(1000, 9999)}{rng.choice('ABKLM')}1Z{rng.randint(1, 9)}"
            )
        tax = (p.amount * Decimal("0.09")).quantize(Decimal("0.01"))
        p.row = sh.add(
            [
                date(2026, 11, 1),
                f"INV-{inv[acct(case, p)]:06d}",
                p.cname,
                gst[acct(case, p)],
                pos[acct(case, p)],
                item_of(p),
                p.desc,
                "998313" if p.role == "service" else "997331",
                "Yearly" if p.term == "annual" else "Monthly",
                p.qty,
                lakh(list_or_unit(p)),
                disc_str(p, False),
                lakh(p.amount),
                lakh(tax),
                lakh(tax),
                lakh(p.amount + 2 * tax),
            ]
        )
    f = folder / "Zoho_Books_Invoice_Details_Nov2026.xlsx"
    write_xlsx(f, [sh])
    return f.name, sh.name


# 4 ---------------------------------------------------------------------------------------------
def sellsy_fr_nnbsp_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "Date",
            "Numéro",
            "Client",
            "Désignation",
            "Description",
            "Périodicité",
            "Quantité",
            "Prix unitaire HT",
            "Remise %",
            "Total HT",
        ]
    )
    inv, n = {}, 310
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
        per = "Annuelle" if p.term == "annual" else "Mensuelle"
        des = "Prestation" if p.role == "service" else "Abonnement logiciel"
        p.row = sh.add(
            [
                "01/11/2026",
                f"F-2026-11-{n:04d}",
                p.cname,
                des,
                p.desc,
                per,
                p.qty,
                eu(list_or_unit(p), thousands="\u202f"),
                disc_str(p),
                eu(p.amount, thousands="\u202f"),
            ]
        )
    f = folder / "sellsy_lignes_factures_novembre_2026.csv"
    write_csv(f, sh, delimiter=";")
    return f.name, None


# 5 ---------------------------------------------------------------------------------------------
def weclapp_de_second_table_xlsx(case, folder, rng):
    sh = Sheet("Abonnements")
    head = [
        "Kundennummer",
        "Kunde",
        "Abonnementnummer",
        "Artikel",
        "Positionsbeschreibung",
        "Abrechnungsintervall",
        "Menge",
        "Einzelpreis",
        "Rabatt %",
        "Gesamtpreis",
        "Status",
    ]
    sh.add(head)
    sh.bold.add(1)
    for j in (7, 9):
        sh.formats[j] = "#,##0.00"
    lines = ordered(case)
    lic = [p for p in lines if p.role != "service"]
    srv = [p for p in lines if p.role == "service"]
    n = 7000
    for p in lic:
        n += rng.randint(1, 9)
        acc = case.clients[acct(case, p)]
        p.row = sh.add(
            [
                acc["code"].replace("C", "1"),
                p.cname,
                f"ABO-{n}",
                "LIC-CLOUD",
                p.desc,
                "jährlich" if p.term == "annual" else "monatlich",
                p.qty,
                list_or_unit(p),
                float(p.disc) if p.disc is not None else "",
                p.amount,
                "Aktiv",
            ]
        )
    sh.add([])
    sh.add([])
    sh.bold.add(sh.add(["Einmalige Positionen November 2026"]))
    sh.bold.add(
        sh.add(
            [
                "Kundennummer",
                "Kunde",
                "Belegnummer",
                "Artikel",
                "Positionsbeschreibung",
                "",
                "Menge",
                "Einzelpreis",
                "Rabatt %",
                "Gesamtpreis",
                "Status",
            ]
        )
    )
    for p in srv:
        acc = case.clients[acct(case, p)]
        p.row = sh.add(
            [
                acc["code"].replace("C", "1"),
                p.cname,
                f"RE-{rng.randint(26000, 26999)}",
                "SRV-" + item_of(p)[:3].upper(),
                p.desc,
                "",
                p.qty,
                dec(p.unit),
                "",
                p.amount,
                "Gebucht",
            ]
        )
    f = folder / "weclapp_Abonnements_Export.xlsx"
    write_xlsx(f, [sh])
    return f.name, sh.name


# 6 ---------------------------------------------------------------------------------------------
def pulseway_psa_recurring_xlsx(case, folder, rng):
    sh = Sheet("Recurring Invoice Items")
    sh.add(["Recurring Invoice Items"])
    sh.bold.add(1)
    sh.add(["Generated by Pulseway PSA on 01/12/2026 07:30 – filter: Active contracts"])
    sh.add([])
    sh.add(
        [
            "Organization",
            "Site",
            "Contract",
            "Service Item",
            "Description",
            "Quantity",
            "Rate",
            "Billing Cycle",
            "Line Total",
        ]
    )
    sh.bold.add(4)
    for j in (6, 8):
        sh.formats[j] = "#,##0.00"
    for p in ordered(case):
        fam = BY_KEY[p.product].family if p.product else ""
        item = {"": item_of(p), "security": "Security Licensing", "backup": "Backup Licensing"}.get(
            fam,
            "Microsoft Licensing"
            if p.product and BY_KEY[p.product].ms
            else "Third-party Licensing",
        )
        p.row = sh.add(
            [
                p.cname,
                "Main Office",
                "Managed Services Agreement" if p.role == "service" else "Licensing Agreement",
                item,
                p.desc,
                p.qty,
                dec(p.unit),
                "Annually" if p.term == "annual" else "Monthly",
                p.amount,
            ]
        )
    sh.add([])
    sh.add(["", "", "", "", "Total", "", "", "", sum((p.amount for p in case.plines), Decimal(0))])
    f = folder / "Pulseway_RecurringInvoiceItems.xlsx"
    write_xlsx(f, [sh])
    return f.name, sh.name


# 7 ---------------------------------------------------------------------------------------------
def repairshopr_invoice_items_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "Invoice #",
            "Date",
            "Customer Business",
            "Customer Name",
            "Item",
            "Description",
            "Qty",
            "Price",
            "Line Total",
            "Recurring",
        ]
    )
    inv, n = {}, 18200
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
        contact = CONTACTS[acct(case, p) % len(CONTACTS)]
        p.row = sh.add(
            [
                inv[acct(case, p)],
                "11/01/2026",
                p.cname,
                contact,
                item_of(p),
                p.desc,
                p.qty,
                f"{dec(p.unit)}",
                f"{p.amount}",
                "Yearly" if p.term == "annual" else "Monthly",
            ]
        )
    f = folder / "repairshopr_line_items_export.csv"
    write_csv(f, sh, lineterminator="\n")
    return f.name, None


# 8 ---------------------------------------------------------------------------------------------
def kashflow_uk_code_blankname_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "InvoiceNumber",
            "CustomerCode",
            "CustomerName",
            "InvoiceDate",
            "LineDescription",
            "Quantity",
            "Rate",
            "NetAmount",
            "VATRate",
            "VATAmount",
            "Project",
            "RepeatFrequency",
        ]
    )
    inv, n, seen = {}, 40100, set()
    for p in ordered(case):
        if acct(case, p) not in inv:
            n += 1
            inv[acct(case, p)] = n
        acc = case.clients[acct(case, p)]
        keep = rng.random() < 0.6
        name = p.cname if acct(case, p) not in seen or " t/a " in p.cname or keep else ""
        seen.add(acct(case, p))
        vat = (p.amount * Decimal("0.2")).quantize(Decimal("0.01"))
        p.row = sh.add(
            [
                inv[acct(case, p)],
                acc["code"].replace("C", "CUST"),
                name,
                "01/11/2026",
                p.desc,
                p.qty,
                f"{dec(p.unit)}",
                f"{p.amount}",
                "20.0",
                f"{vat}",
                rng.choice(["", "", "Licensing", "Support"]),
                "Yearly" if p.term == "annual" else "Monthly",
            ]
        )
    f = folder / "KashFlow_InvoiceLines_Nov26.csv"
    write_csv(f, sh)
    return f.name, None


PSAS = {  # name: (writer, caps)
    "kashoo_sales_csv": (kashoo_sales_csv, set()),
    "debitoor_dk_semicolon_csv": (debitoor_dk_semicolon_csv, {"discount"}),
    "zoho_books_in_gst_xlsx": (zoho_books_in_gst_xlsx, {"discount"}),
    "sellsy_fr_nnbsp_csv": (sellsy_fr_nnbsp_csv, {"discount"}),
    "weclapp_de_second_table_xlsx": (weclapp_de_second_table_xlsx, {"discount"}),
    "pulseway_psa_recurring_xlsx": (pulseway_psa_recurring_xlsx, set()),
    "repairshopr_invoice_items_csv": (repairshopr_invoice_items_csv, set()),
    "kashflow_uk_code_blankname_csv": (kashflow_uk_code_blankname_csv, set()),
}
