"""Writers of the 8 vendor and 8 PSA/accounting exports of set AQ. Each writer gets the case and a
layout RNG, writes its file, sets every line's 1-based `row`, and returns (file name, sheet or None)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import openpyxl

from .catalog import BY_KEY

CENT = Decimal("0.01")
NBSP = "\u00a0"
MOIS = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]


def q2(x):
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def fr_num(d, places=2, sep=NBSP):
    d = Decimal(d).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    ip, fp = f"{abs(d):.{places}f}".split(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    return f"{sign}{sep.join(groups)},{fp}"


def fr_money(d):
    return f"{fr_num(d)}{NBSP}$"


def en_money(d):
    d = q2(d)
    return f"{'-' if d < 0 else ''}${abs(d):,.2f}"


def plain(d, places=2):
    return f"{Decimal(d):.{places}f}"


def sort_key(s):
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)
    ).casefold()


def write_csv(path, rows, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for r in rows:
        w.writerow(["" if x is None else x for x in r])
    path.write_bytes(buf.getvalue().encode(encoding))


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append([float(x) if isinstance(x, Decimal) else x for x in r])
    wb.save(path)


def by_client(case, lines, name_of):
    """Lines grouped per client, clients sorted by their displayed name."""
    cl = {c["id"]: c for c in case.clients}
    groups = {}
    for ln in lines:
        groups.setdefault(ln.cid, []).append(ln)
    order = sorted(groups, key=lambda cid: (sort_key(name_of(cl[cid])), cid))
    return [(cl[cid], groups[cid]) for cid in order]


# ================================ vendor side ====================================================


def vlines_sorted(case, lrng):
    out = []
    for c, ls in by_client(case, case.vlines, lambda c: c["canonical"]):
        ls = sorted(ls, key=lambda v: (BY_KEY[v.product].name, v.sub, v.role != "licence"))
        out.append((c, ls))
    return out


def vunit(v):
    return v.cost * 12 if v.yearly else v.cost


def is_ms(v):
    return BY_KEY[v.product].sku.startswith("CFQ")


def tenant(c):
    base = re.sub(r"[^a-z0-9]", "", sort_key(c["canonical"]))[:14] or "client"
    return f"{base}{c['id'][1:]}.onmicrosoft.com"


def w_sherweb(case, folder, lrng):
    rows = [["Nom du client", "ID client", "ID abonnement", "Produit", "Code SKU", "Type de frais",
             "Cycle de facturation", "Début de période", "Fin de période", "Quantité", "Coût unitaire",
             "Montant", "TPS", "TVQ", "Devise"]]  # fmt: skip
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            amt = v.qty * vunit(v)
            rows.append([c["canonical"], f"SW-{c['id'][1:]}7", f"{v.sub}-{P.sku[:6]}",
                         P.fr + (" (NCE)" if is_ms(v) else ""), P.sku,
                         "Crédit" if v.role == "credit" else "Frais récurrents",
                         "Annuel" if v.yearly else "Mensuel", "01/11/2026",
                         "31/10/2027" if v.yearly else "30/11/2026", str(v.qty), fr_money(vunit(v)),
                         fr_money(amt), fr_money(q2(amt * Decimal("0.05"))), fr_money(q2(amt * Decimal("0.09975"))), "CAD"])  # fmt: skip
            v.row = len(rows)
    name = "Sherweb_facturation_partenaire_2026-11.csv"
    write_csv(folder / name, rows, ";", "utf-8-sig")
    return name, None


def w_pc_resave(case, folder, lrng):
    rows = [["PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber",
             "OrderId", "ProductId", "SkuId", "SkuName", "ProductName", "ChargeType", "UnitPrice", "Quantity",
             "Subtotal", "TaxTotal", "Total", "Currency", "PublisherName", "SubscriptionDescription",
             "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle", "EffectiveUnitPrice",
             "UnitType", "BillableQuantity", "BillingFrequency"]]  # fmt: skip
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            pid, _, skid = P.sku.partition(":")
            u = vunit(v)
            sub = v.qty * u
            ct = (
                lrng.choice(["removeQuantity", "RemoveQuantity"])
                if v.role == "credit"
                else lrng.choice(["cycleCharge", "CycleCharge", "cyclecharge"])
            )
            term = ("One-Year commitment for yearly billing" if v.yearly else
                    lrng.choice(["One-Year commitment for monthly billing", "One-Month commitment for monthly billing"]))  # fmt: skip
            pub = "Microsoft Corporation" if is_ms(v) else P.name.split()[0]
            rows.append(["4f2a9c11-7d3e-4b8a-a1c2-5e6f7a8b9c0d", f"c0ffee00-0000-4000-8000-{c['id'][1:]:0>12}",
                         c["canonical"], tenant(c), "CA", "G051234567", f"ORD{v.sub.replace('-', '')}", pid,
                         skid or "0001", P.fr.replace("Microsoft 365 ", ""), P.fr, ct,
                         fr_num(q2(u / Decimal("0.85")), sep=""), str(v.qty), fr_num(sub, sep=""),
                         fr_num(q2(sub * Decimal("0.14975")), sep=""), fr_num(q2(sub * Decimal("1.14975")), sep=""),
                         "CAD", pub, P.fr, f"5b{v.sub.lower()}-aq", "2026-11-01",
                         "2027-10-31" if v.yearly else "2026-11-30", term, fr_num(u, sep=""), "Licences",
                         str(v.qty), "Annual" if v.yearly else "Monthly"])  # fmt: skip
            v.row = len(rows)
    name = "ReconciliationLineItems_G051234567_fr-CA.csv"
    write_csv(folder / name, rows, ";", "cp1252")
    return name, None


def w_ingram(case, folder, lrng):
    head = [["Ingram Micro Canada — Relevé de facturation infonuagique / Cloud Billing Statement"],
            ["Période / Period : novembre 2026 / November 2026", None, "Revendeur / Reseller : 40-118273"],
            [],
            ["Client / Customer", "Nº abonnement / Subscription ID", "Produit / Product", "Réf. fabricant / MPN",
             "Type", "Qté / Qty", "Prix unitaire / Unit Price", "Prix net / Net Price", "TPS-TVH / GST-HST",
             "TVQ / QST", "Devise / Currency"]]  # fmt: skip
    rows = list(head)
    total = Decimal(0)
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            net = v.qty * u
            total += net
            rows.append([c["canonical"], f"IM{v.sub.replace('-', '')}", P.name + (" (Annual Pre-Paid)" if v.yearly else " (Monthly Pre-Paid)"),
                         P.sku.replace(":", "-"), "Crédit / Credit" if v.role == "credit" else "Facturation / Billing",
                         v.qty, q2(u / Decimal("0.85")), net, q2(net * Decimal("0.05")), q2(net * Decimal("0.09975")), "CAD"])  # fmt: skip
            v.row = len(rows)
    summary = [["Sommaire / Summary"], ["Période / Period", "2026-11"], ["Total net / Net total", total],
               ["Devise / Currency", "CAD"]]  # fmt: skip
    name = "IngramMicro_CA_Releve_Statement_202611.xlsx"
    write_xlsx(folder / name, [("Sommaire - Summary", summary), ("Détails - Details", rows)])
    return name, "Détails - Details"


def w_tdsynnex(case, folder, lrng):
    rows = [["Invoice Date", "End Customer Name", "End Customer ID", "Subscription ID", "Product Description",
             "Vendor SKU", "Billing Frequency", "Charge Type", "Service Period", "Quantity", "Unit Cost",
             "Extended Cost", "MSRP", "Currency"]]  # fmt: skip
    total = Decimal(0)
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            ext = v.qty * u
            total += ext
            rows.append(["Nov 30, 2026", c["canonical"], f"CA{c['id'][1:]}55", v.sub, P.name,
                         "CA" + P.sku.replace(":", ""), "Annual" if v.yearly else "Monthly",
                         "Credit" if v.role == "credit" else "Recurring",
                         "2026-11-01 - 2027-10-31" if v.yearly else "2026-11-01 - 2026-11-30", str(v.qty),
                         en_money(u), en_money(ext), en_money(q2(u * Decimal("1.25"))), "CAD"])  # fmt: skip
            v.row = len(rows)
    rows.append(["Total", "", "", "", "", "", "", "", "", "", "", en_money(total), "", ""])
    name = "StreamOne_Ion_Billing_CA_2026-11.csv"
    write_csv(folder / name, rows, ",", "utf-8", csv.QUOTE_ALL)
    return name, None


def w_pax8(case, folder, lrng):
    rows = [["company_name", "company_id", "type", "description", "details", "sku", "quantity", "cost", "cost_total",
             "price", "subtotal", "partner_subtotal", "start_period", "end_period", "invoice_date", "gst_hst", "qst"]]  # fmt: skip
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            price = q2(u * Decimal("1.25"))
            det = ("Annual Term - Paid Annually" if v.yearly else
                   lrng.choice(["Monthly Term - Paid Monthly", "Annual Term - Paid Monthly"]))  # fmt: skip
            sku = ("MST-NCE-" + P.sku[-4:] + "-" + P.key.upper()[:4]) if is_ms(v) else P.sku
            rows.append([c["canonical"], str(800000 + int(c["id"][1:])), "credits" if v.role == "credit" else "subscription",
                         P.name + (" [NCE]" if is_ms(v) else ""), det, sku, str(v.qty), plain(u),
                         plain(v.qty * u), plain(price), plain(v.qty * price), plain(v.qty * u), "2026-11-01",
                         "2027-10-31" if v.yearly else "2026-11-30", "2026-11-30",
                         plain(q2(v.qty * u * Decimal("0.05"))), plain(q2(v.qty * u * Decimal("0.09975")))])  # fmt: skip
            v.row = len(rows)
    name = "pax8-invoice-CA-2026-11.csv"
    write_csv(folder / name, rows, ",", "utf-8")
    return name, None


def w_telco(case, folder, lrng):
    rows = [["Relevé des services infonuagiques — Partenaire 40021 (Montréal)"],
            ["Période : novembre 2026", None, None, "Devise : CAD"],
            [],
            ["Description du service", "Période", "Fréquence", "Qté", "Prix unitaire", "Montant", "TPS", "TVQ"]]  # fmt: skip
    total = Decimal(0)
    for c, ls in vlines_sorted(case, lrng):
        rows.append([f"Compte client : {c['canonical']} (nº {5100000 + int(c['id'][1:])})"])
        sub = Decimal(0)
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            amt = v.qty * u
            sub += amt
            rows.append([("Crédit - " if v.role == "credit" else "") + P.fr,
                         "1 nov. 2026 au 31 oct. 2027" if v.yearly else "1 nov. 2026 au 30 nov. 2026",
                         "Annuelle" if v.yearly else "Mensuelle", v.qty, fr_money(u), fr_money(amt),
                         fr_money(q2(amt * Decimal("0.05"))), fr_money(q2(amt * Decimal("0.09975")))])  # fmt: skip
            v.row = len(rows)
        rows.append(["Sous-total du compte", None, None, None, None, fr_money(sub)])
        total += sub
    rows.append(["Total du relevé", None, None, None, None, fr_money(total)])
    name = "Releve_infonuagique_novembre_2026.xlsx"
    write_xlsx(folder / name, [("Relevé", rows)])
    return name, "Relevé"


def w_pc_legacy(case, folder, lrng):
    rows = [["PartnerId", "CustomerId", "CustomerName", "MpnId", "OrderId", "SubscriptionId", "OfferId", "OfferName",
             "SubscriptionStartDate", "SubscriptionEndDate", "ChargeStartDate", "ChargeEndDate", "ChargeType",
             "UnitPrice", "Quantity", "Amount", "TotalOtherDiscount", "Subtotal", "Tax", "TotalForCustomer",
             "Currency", "DomainName", "BillingCycleType"]]  # fmt: skip
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            lp = q2(u / Decimal("0.85"))
            amount = v.qty * lp
            subt = v.qty * u
            rows.append(["4f2a9c11-7d3e-4b8a-a1c2-5e6f7a8b9c0d", f"c0ffee00-0000-4000-8000-{c['id'][1:]:0>12}",
                         c["canonical"], "6123456", f"L{v.sub.replace('-', '')}", v.sub.lower(),
                         P.sku.replace(":", "-"), P.fr, "2026-01-01", "2026-12-31", "2026-11-01",
                         "2027-10-31" if v.yearly else "2026-11-30", "Cancel" if v.role == "credit" else "Cycle fee",
                         plain(lp), str(v.qty), plain(amount), plain(amount - subt), plain(subt),
                         plain(q2(subt * Decimal("0.14975"))), plain(q2(subt * Decimal("1.14975"))), "CAD", tenant(c),
                         "Annual" if v.yearly else "Monthly"])  # fmt: skip
            v.row = len(rows)
    name = "LicenseBased_Recon_2026-11_fr-CA.tsv"
    write_csv(folder / name, rows, "\t", "utf-8-sig")
    return name, None


def w_distrib(case, folder, lrng):
    rows = [["Relevé de compte — Distribution Nuagique Laurentides inc. / Account statement"],
            ["Période de facturation : novembre 2026", "Revendeur : Informatique Mont-Royal inc."],
            ["No client", "Client", "Description (FR)", "Description (EN)", "Code article", "Fréquence", "Période",
             "Type", "Qté", "Coût unitaire", "Total"]]  # fmt: skip
    total = Decimal(0)
    for c, ls in vlines_sorted(case, lrng):
        for v in ls:
            P = BY_KEY[v.product]
            u = vunit(v)
            amt = v.qty * u
            total += amt
            rows.append([f"DNL-{c['id'][1:]}", c["canonical"], P.fr, P.name, P.sku.replace(":", "/"),
                         "Annuelle" if v.yearly else "Mensuelle", "nov. 2026 à oct. 2027" if v.yearly else "novembre 2026",
                         "Note de crédit" if v.role == "credit" else "Facture", str(v.qty), fr_num(u), fr_num(amt)])  # fmt: skip
            v.row = len(rows)
    rows.append(["", "Total du relevé", "", "", "", "", "", "", "", "", fr_num(total)])
    name = "DNL_releve_2026-11.csv"
    write_csv(folder / name, rows, ",", "cp1252", csv.QUOTE_ALL)
    return name, None


VENDORS = {
    "sherweb_releve_partenaire_fr_pv_bom_csv": w_sherweb,
    "partnercenter_recon_resauve_excel_frca_cp1252_csv": w_pc_resave,
    "ingram_ca_releve_bilingue_prix_net_xlsx": w_ingram,
    "tdsynnex_ca_ion_dollar_texte_total_csv": w_tdsynnex,
    "pax8_ca_portail_tps_tvq_csv": w_pax8,
    "telco_qc_releve_comptes_blocs_xlsx": w_telco,
    "partnercenter_legacy_offres_frca_tsv": w_pc_legacy,
    "distributeur_qc_releve_fr_en_cp1252_csv": w_distrib,
}

# ================================ PSA side =======================================================

TAX = {"QC": ("TPS-TVQ", Decimal("0.05"), Decimal("0.09975")), "ON": ("TVH", Decimal("0.13"), Decimal(0)),
       "NB": ("TVH", Decimal("0.15"), Decimal(0))}  # fmt: skip


def plines_sorted(case, lrng):
    out = []
    for c, ls in by_client(case, case.plines, lambda c: c["psa_name"]):
        ls = list(ls)
        lrng.shuffle(ls)
        # a credit note follows its line
        ls.sort(key=lambda p: (p.role == "service", "note_de_credit_psa" in p.classes))
        out.append((c, ls))
    return out


def item_code(p):
    if p.product is None:
        return "SERV-GERE" if "Frais" in p.text or "Managed" in p.text else "SERV-MO"
    return "LIC-MS" if BY_KEY[p.product].sku.startswith("CFQ") else "LIC-TIERS"


def punit(p):
    return p.price * 12 if p.annual else p.price


def w_acomba(case, folder, lrng):
    rows = [["Journal des ventes — du 01/11/2026 au 30/11/2026"],
            ["No facture", "Date", "Type", "No client", "Nom du client", "No produit", "Description", "Quantité",
             "Prix unitaire", "Montant", "Code taxe", "TPS/TVH", "TVQ", "Statut"]]  # fmt: skip
    total = Decimal(0)
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        code, t1, t2 = TAX[c["prov"]]
        for p in ls:
            amt = p.qty * p.price
            credit = "note_de_credit_psa" in p.classes
            billed = p.role != "not_billed"
            if billed:
                total += amt
            rows.append([("NC-" if credit else "F-") + f"2611{i + 1:04d}", "30/11/2026",
                         "Note de crédit" if credit else "Facture", f"CL{c['id'][1:]}", c["psa_name"], item_code(p),
                         p.text, str(p.qty), fr_num(p.price), fr_num(amt), code, fr_num(q2(amt * t1)),
                         fr_num(q2(amt * t2)), "Reportée" if billed else "Annulée"])  # fmt: skip
            p.row = len(rows)
    rows.append(
        [
            "",
            "",
            "",
            "",
            "Total du journal",
            "",
            "",
            "",
            "",
            fr_num(total),
            "",
            "",
            "",
            "",
        ]
    )
    name = "Acomba_JournalVentes_202611.csv"
    write_csv(folder / name, rows, ";", "cp1252")
    return name, None


def w_sage(case, folder, lrng):
    rows = [["Informatique Mont-Royal inc."], ["Rapport détaillé des ventes par client"],
            ["Du 1 nov. 2026 au 30 nov. 2026"], [],
            ["Client / Date", "Type", "No source", "No article", "Description", "Qté", "Prix", "Montant"]]  # fmt: skip
    grand = Decimal(0)
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        rows.append([c["psa_name"]])
        sub = Decimal(0)
        for p in ls:
            amt = p.qty * p.price
            credit = "note_de_credit_psa" in p.classes
            if p.role == "not_billed":
                typ = "Facture annulée"
            else:
                typ = "Crédit" if credit else "Facture"
                sub += amt
            rows.append([f"{lrng.randint(1, 30)} nov. 2026", typ, f"{'NC' if credit else ''}{26110 + i}",
                         item_code(p), p.text, p.qty, p.price, amt])  # fmt: skip
            p.row = len(rows)
        rows.append(["Total client", None, None, None, None, None, None, sub])
        grand += sub
    rows.append(["Total général", None, None, None, None, None, None, grand])
    name = "Sage50_VentesParClient_novembre2026.xlsx"
    write_xlsx(folder / name, [("Ventes par client", rows)])
    return name, "Ventes par client"


def w_qbo(case, folder, lrng):
    rows = [["Informatique Mont-Royal inc."], ["Détails des ventes par client"], ["Novembre 2026"], [],
            ["", "Date", "Type de transaction", "N°", "Produit/service", "Description de l'article", "Qté",
             "Prix de vente", "Montant", "Solde", "Note"]]  # fmt: skip
    grand = Decimal(0)
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        rows.append([c["psa_name"]])
        bal = Decimal(0)
        for p in ls:
            credit = "note_de_credit_psa" in p.classes
            amt = p.qty * p.price if p.role != "not_billed" else Decimal(0)
            bal += amt
            item = ("Services gérés" if p.product is None else
                    "Licences Microsoft" if BY_KEY[p.product].sku.startswith("CFQ") else "Licences tierces")  # fmt: skip
            rows.append(["", "2026-11-30", "Note de crédit" if credit else "Facture", str(1400 + i), item, p.text,
                         str(p.qty), fr_money(p.price), fr_money(amt), fr_money(bal),
                         "Annulée" if p.role == "not_billed" else ""])  # fmt: skip
            p.row = len(rows)
        rows.append(
            [
                f"Total pour {c['psa_name']}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                fr_money(bal),
                "",
                "",
            ]
        )
        grand += bal
    rows.append(["TOTAL", "", "", "", "", "", "", "", fr_money(grand), "", ""])
    name = "Details_des_ventes_par_client.csv"
    write_csv(folder / name, rows, ",", "utf-8-sig")
    return name, None


def w_xero(case, folder, lrng):
    rows = [["*ContactName", "EmailAddress", "POCity", "PORegion", "POCountry", "*InvoiceNumber", "Reference",
             "*InvoiceDate", "*DueDate", "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount",
             "*AccountCode", "*TaxType", "TaxAmount", "Currency", "Status"]]  # fmt: skip
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        reg = c["prov"]
        tax = {"QC": ("GST/QST on Sales", Decimal("0.14975")), "ON": ("HST on Sales (ON)", Decimal("0.13")),
               "NB": ("HST on Sales (NB)", Decimal("0.15"))}[reg]  # fmt: skip
        for p in ls:
            if p.disc is not None:
                u = p.price / (1 - p.disc / 100)
                ua = f"{u:.4f}"
                disc = f"{p.disc.normalize()}"
            else:
                ua, disc = plain(p.price), ""
            st = "VOIDED" if p.role == "not_billed" else lrng.choice(["AUTHORISED", "PAID"])
            rows.append([c["psa_name"], "", "", reg, "Canada", f"INV-{26110 + i}", "Novembre 2026", "30/11/2026",
                         "30/12/2026", item_code(p), p.text, str(p.qty), ua, disc,
                         "4000" if p.product else "4100", tax[0], plain(q2(p.qty * p.price * tax[1])), "CAD", st])  # fmt: skip
            p.row = len(rows)
    name = "Xero_Export_Factures_2026-11.csv"
    write_csv(folder / name, rows, ",", "utf-8")
    return name, None


def w_cw(case, folder, lrng):
    rows = [["Nom de l'entreprise", "Nom de l'entente", "Type d'entente", "ID du produit", "Description", "Quantité",
             "Moins inclus", "Prix", "Prix ext.", "Facturer", "Date d'effet", "Date d'annulation",
             "Statut de l'ajout"]]  # fmt: skip
    for c, ls in plines_sorted(case, lrng):
        for p in ls:
            fac, canc, st = "Facturable", None, "Actif"
            if p.role == "not_billed":
                if lrng.random() < 0.5:
                    canc, st = "2026-10-15", "Annulé"
                else:
                    fac = "Ne pas facturer"
            ag = "Services gérés" if p.product is None else "Licences infonuagiques"
            rows.append([c["psa_name"], f"{ag} - {c['psa_name'][:24]}", ag, item_code(p), p.text, p.qty + p.less,
                         p.less, p.price, p.qty * p.price, fac, "2026-01-01", canc, st])  # fmt: skip
            p.row = len(rows)
    name = "Ajouts_ententes_toutes.xlsx"
    write_xlsx(folder / name, [("Ajouts", rows)])
    return name, "Ajouts"


def w_autotask(case, folder, lrng):
    rows = [["Account Name", "Contract Name", "Service Name", "Invoice Description", "Units", "Unit Price",
             "Adjusted Price", "Unit Cost", "Period Type", "Start Date", "End Date", "Status"]]  # fmt: skip
    total = Decimal(0)
    for c, ls in plines_sorted(case, lrng):
        for p in ls:
            u = punit(p)
            adj = p.qty * u
            end, st = (
                ("2026-10-31", "Inactive") if p.role == "not_billed" else ("2027-12-31", "Active")
            )
            if p.role != "not_billed":
                total += adj
            cost = plain(BY_KEY[p.product].cost * (12 if p.annual else 1)) if p.product else ""
            rows.append([c["psa_name"], "Contrat de services TI", p.text,
                         lrng.choice(["", "Facturé mensuellement", "Services récurrents"]) if not p.annual else "Facturé annuellement",
                         str(p.qty), plain(u), plain(adj), cost, "Yearly" if p.annual else "Monthly", "2026-01-01", end, st])  # fmt: skip
            p.row = len(rows)
    rows.append(["Total", "", "", "", "", "", plain(total), "", "", "", "", ""])
    name = "ContractServices_export.tsv"
    write_csv(folder / name, rows, "\t", "utf-8-sig")
    return name, None


def w_syncro(case, folder, lrng):
    rows = [["customer_business_then_name", "schedule_id", "schedule_name", "frequency", "next_run", "paused", "name",
             "description", "quantity", "retail_cents", "cost_cents", "taxable"]]  # fmt: skip
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        for p in ls:
            desc = (lrng.choice(["Licence utilisateur", "Abonnement infonuagique", "Licence mensuelle", "User licence"])
                    if p.product else lrng.choice(["Service", "Services TI", "Main-d'oeuvre"]))  # fmt: skip
            rows.append([c["psa_name"], str(7000 + i), "Facturation annuelle" if p.annual else "Facturation mensuelle",
                         "Annually" if p.annual else "Monthly", "2026-12-01", "true" if p.role == "not_billed" else "false",
                         p.text, desc, str(p.qty), str(int(punit(p) * 100)),
                         str(int(BY_KEY[p.product].cost * 100 * (12 if p.annual else 1))) if p.product else "0", "true"])  # fmt: skip
            p.row = len(rows)
    name = "syncro_schedule_line_items.csv"
    write_csv(folder / name, rows, ",", "utf-8")
    return name, None


def w_maestro(case, folder, lrng):
    rows = [["Informatique Mont-Royal inc. — Facturation récurrente"], ["Période : novembre 2026"], [],
            ["Code client", "Client", "No contrat", "Article", "Désignation", "Fréquence", "Qté", "Prix unitaire",
             "Montant", "Statut", "Début", "Fin"]]  # fmt: skip
    total = Decimal(0)
    for i, (c, ls) in enumerate(plines_sorted(case, lrng)):
        for p in ls:
            u = punit(p)
            amt = p.qty * u
            deb, fin, st = "2026-01-01", "", "Actif"
            if p.role == "not_billed":
                st = lrng.choice(["Annulé", "Suspendu", "Résilié", "En attente"])
                if st == "En attente":
                    deb = "2026-12-01"
                elif st in ("Annulé", "Résilié"):
                    fin = "2026-10-31"
            else:
                total += amt
            rows.append([f"{c['id'][1:]}-{c['prov']}", c["psa_name"], f"CR-{3000 + i}", item_code(p), p.text,
                         "Annuelle" if p.annual else "Mensuelle", p.qty, fr_money(u), fr_money(amt), st, deb, fin])  # fmt: skip
            p.row = len(rows)
    rows.append([None, "Total", None, None, None, None, None, None, fr_money(total)])
    name = "Facturation_recurrente_2026-11.xlsx"
    write_xlsx(folder / name, [("Facturation récurrente", rows)])
    return name, "Facturation récurrente"


PSAS = {
    "acomba_journal_ventes_pv_cp1252_csv": (w_acomba, {"credit"}),
    "sage50_fr_ventes_detail_client_xlsx": (w_sage, {"credit"}),
    "qbo_fr_ca_details_ventes_client_bom_csv": (w_qbo, {"credit"}),
    "xero_ca_factures_tps_tvq_escompte_csv": (w_xero, {"disc"}),
    "cw_fr_ajouts_ententes_moins_inclus_xlsx": (w_cw, {"less"}),
    "autotask_services_contrat_tabul_bom_tsv": (w_autotask, {"annual"}),
    "syncro_horaires_fr_cents_annuel_csv": (w_syncro, {"annual"}),
    "maestro_erp_facturation_recurrente_statuts_xlsx": (w_maestro, {"annual"}),
}
