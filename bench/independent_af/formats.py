"""Set AF renderers: 8 European distributor bills and 8 European PSA / accounting exports."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from openpyxl import Workbook

from . import vocab as V

NBSP = "\u00a0"
SYM = {"EUR": "€", "SEK": "kr", "PLN": "zł"}


def num(x, dec=2, thou=".", comma=","):
    x = Decimal(x)
    s = f"{abs(x):,.{dec}f}"
    s = s.replace(",", "\x00").replace(".", comma).replace("\x00", thou)
    return ("-" if x < 0 else "") + s


def de(x, dec=2):
    return num(x, dec, ".", ",")


def plain_comma(x, dec=2):
    return num(x, dec, "", ",")


def _csv(path, rows, delim, enc, quoting=csv.QUOTE_MINIMAL):
    with open(path, "w", newline="", encoding=enc) as f:
        w = csv.writer(f, delimiter=delim, quoting=quoting, lineterminator="\r\n")
        for r in rows:
            w.writerow(r)


def _xlsx(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows, fmts in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        for col, f in (fmts or {}).items():
            for cell in ws[col]:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = f
                elif isinstance(cell.value, dt.datetime):
                    cell.number_format = f
    wb.properties.creator = "AF"
    wb.properties.created = dt.datetime(2026, 12, 1, 8, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 1, 8, 0, 0)
    wb.save(path)


def _clients(case, rng):
    order = list(case.clients)
    rng.shuffle(order)
    return order


def _group(lines, order):
    by = {}
    for ln in lines:
        by.setdefault(ln.cid, []).append(ln)
    return [(c, by[c["id"]]) for c in order if c["id"] in by]


def _vname(case, c):
    return c["canonical"]


def _tax_id(c, k=0):
    return f"{(c['id'] * 7919 + 104729 + k) % 90000000 + 10000000}"


# =============================================================== vendors


def v_also_de(case, folder, rng):
    rows = [
        ["ALSO Cloud Marketplace – Abrechnung 11/2026"],
        [f"Reseller: Mustermann IT-Service GmbH · Währung {case.currency}"],
        [],
        [
            "Pos.",
            "Produkt",
            "Hersteller",
            "Artikelnummer",
            "Abonnement-ID",
            "Laufzeit",
            "Abrechnungsintervall",
            "Leistungszeitraum",
            "Menge",
            "Einzelpreis",
            "Gesamt netto",
            "USt. %",
        ],
    ]
    pos = 0
    total = Decimal(0)
    for c, lines in _group(case.vlines, _clients(case, rng)):
        rows.append([f"Kunde: {_vname(case, c)} (Kd.-Nr. {40000 + c['id']})"])
        sub = Decimal(0)
        for v in lines:
            pos += 1
            p = V.BY_KEY[v.product]
            nm = f"{p.name} (NCE)" if p.maker == "Microsoft" else p.name
            amt = v.unit * v.qty
            sub += amt
            rows.append(
                [
                    pos,
                    nm,
                    p.maker,
                    p.code,
                    v.sub,
                    "12 Monate" if v.yearly or rng.random() < 0.4 else "1 Monat",
                    "jährlich" if v.yearly else "monatlich",
                    "01.11.2026 - 31.10.2027" if v.yearly else "01.11.2026 - 30.11.2026",
                    v.qty,
                    float(v.unit),
                    float(amt),
                    19,
                ]
            )
            v.row = len(rows)
        rows.append(
            [
                None,
                f"Zwischensumme {_vname(case, c)}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                float(sub),
            ]
        )
        total += sub
    rows += [
        [],
        [None, "Gesamtsumme netto", None, None, None, None, None, None, None, None, float(total)],
    ]
    _xlsx(
        folder / "also_abrechnung_2026-11.xlsx",
        [("Abrechnung", rows, {"J": "#,##0.00", "K": "#,##0.00"})],
    )
    return "also_abrechnung_2026-11.xlsx", "Abrechnung"


def v_ingram_fr(case, folder, rng):
    rows = [
        [
            "Client final",
            "N° client",
            "Référence abonnement",
            "Référence produit",
            "Désignation",
            "Périodicité",
            "Début période",
            "Fin période",
            "Quantité",
            "Prix unitaire HT",
            "Montant HT",
            "TVA (20 %)",
            "Montant TTC",
            "Devise",
        ]
    ]
    sym = SYM.get(case.currency, case.currency)
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            ht = v.unit * v.qty
            tva = (ht * Decimal("0.2")).quantize(Decimal("0.01"))

            def e(x):
                return num(x, 2, NBSP, ",") + " " + sym

            rows.append(
                [
                    _vname(case, c),
                    f"FR{30000 + c['id']}",
                    v.sub,
                    f"FR{p.code}",
                    f"{p.name} - abonnement {'annuel' if v.yearly else 'mensuel'}",
                    "Annuelle" if v.yearly else "Mensuelle",
                    "01/11/2026",
                    "31/10/2027" if v.yearly else "30/11/2026",
                    str(v.qty),
                    e(v.unit),
                    e(ht),
                    e(tva),
                    e(ht + tva),
                    case.currency,
                ]
            )
            v.row = len(rows)
    _csv(folder / "ingram_releve_112026.csv", rows, ";", "utf-8")
    return "ingram_releve_112026.csv", None


def v_crayon_nl(case, folder, rng):
    rows = [
        [
            "Klantnaam",
            "Klantnummer",
            "Abonnement",
            "Product",
            "Productcode",
            "Facturering",
            "Periode van",
            "Periode tot",
            "Aantal",
            "Eenheidsprijs",
            "Bedrag excl. btw",
            "Valuta",
        ]
    ]
    summ = {}
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            amt = v.unit * v.qty
            summ[_vname(case, c)] = summ.get(_vname(case, c), Decimal(0)) + amt
            rows.append(
                [
                    _vname(case, c),
                    f"K{7000 + c['id']}",
                    v.sub,
                    p.name,
                    p.code,
                    "Jaarlijks" if v.yearly else "Maandelijks",
                    dt.datetime(2026, 11, 1),
                    dt.datetime(2027, 10, 31) if v.yearly else dt.datetime(2026, 11, 30),
                    v.qty,
                    float(v.unit),
                    float(amt),
                    case.currency,
                ]
            )
            v.row = len(rows)
    srows = [["Crayon – factuuroverzicht november 2026"], [], ["Klant", "Totaal excl. btw"]]
    srows += [[k, float(s)] for k, s in summ.items()]
    _xlsx(
        folder / "crayon_factuur_2026_11.xlsx",
        [
            ("Samenvatting", srows, {"B": "#,##0.00"}),
            (
                "Factuurregels",
                rows,
                {"G": "dd-mm-yyyy", "H": "dd-mm-yyyy", "J": "#,##0.00", "K": "#,##0.00"},
            ),
        ],
    )
    return "crayon_factuur_2026_11.xlsx", "Factuurregels"


def v_esprinet_it(case, folder, rng):
    rows = [
        [
            "Ragione sociale cliente",
            "P.IVA cliente",
            "Codice articolo",
            "Descrizione",
            "Tipo canone",
            "Competenza",
            "Qtà",
            "Prezzo unitario",
            "Importo",
            "IVA %",
        ]
    ]
    tot = Decimal(0)
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            amt = v.unit * v.qty
            tot += amt
            rows.append(
                [
                    _vname(case, c),
                    f"IT{_tax_id(c)}123",
                    p.code,
                    p.name.upper() if p.maker != "Microsoft" else p.name,
                    "Annuale" if v.yearly else "Mensile",
                    "11/2026",
                    str(v.qty),
                    de(v.unit),
                    de(amt),
                    "22",
                ]
            )
            v.row = len(rows)
    rows.append(["Totale", "", "", "", "", "", "", "", de(tot), ""])
    _csv(folder / "esprinet_canoni_novembre.csv", rows, "\t", "utf-8")
    return "esprinet_canoni_novembre.csv", None


def v_arrow_es(case, folder, rng):
    rows = [
        [
            "Cliente final",
            "CIF cliente",
            "Fabricante",
            "Referencia",
            "Producto",
            "Periodicidad",
            "Cantidad",
            "Precio compra unitario",
            "PVP recomendado",
            "Importe compra",
            "Moneda",
            "Fecha inicio",
            "Fecha fin",
        ]
    ]
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            rrp = (v.unit * Decimal("1.25")).quantize(Decimal("0.01"))
            rows.append(
                [
                    _vname(case, c),
                    f"B{_tax_id(c)}",
                    p.maker,
                    p.code,
                    p.name,
                    "Anual" if v.yearly else "Mensual",
                    str(v.qty),
                    de(v.unit),
                    de(rrp),
                    de(v.unit * v.qty),
                    case.currency,
                    "01/11/2026",
                    "31/10/2027" if v.yearly else "30/11/2026",
                ]
            )
            v.row = len(rows)
    _csv(folder / "arrowsphere_consumo_2026-11.csv", rows, ";", "utf-8-sig")
    return "arrowsphere_consumo_2026-11.csv", None


def v_pc_de(case, folder, rng):
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
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
    ]
    rows = [hdr]
    for c, lines in _group(case.vlines, _clients(case, rng)):
        dom = V.fold(c["canonical"]).lower()
        dom = "".join(ch for ch in dom if ch.isalnum())[:20] + ".onmicrosoft.com"
        for v in lines:
            p = V.BY_KEY[v.product]
            pid, _, sku = p.code.partition(":")
            lst = (v.unit * Decimal("1.0526")).quantize(Decimal("0.0001"))
            sub = v.unit * v.qty
            tax = (sub * Decimal("0.19")).quantize(Decimal("0.01"))
            ct = (
                "removeQuantity"
                if v.role == "credit"
                else rng.choice(["cycleCharge", "CycleCharge", "renew"])
            )
            rows.append(
                [
                    "7d1e0c2a-1111-4a55-9d0e-2f6c8b3b9a10",
                    f"c{c['id']:04d}-5e2b-4c1a-9f00-{c['id'] * 37:012d}",
                    _vname(case, c),
                    dom,
                    c["country"],
                    "G012345678",
                    f"O{v.sub}",
                    "03.10.2026",
                    pid or p.code,
                    sku or "0001",
                    "CFQ7TTC0000X",
                    p.name,
                    p.name,
                    ct,
                    de(lst, 4),
                    str(v.qty),
                    de(sub),
                    de(tax),
                    de(sub + tax),
                    case.currency,
                    p.maker,
                    p.name,
                    v.sub.lower(),
                    "01.11.2026",
                    "31.10.2027" if v.yearly else "30.11.2026",
                    "One-Year commitment for yearly billing"
                    if v.yearly
                    else "One-Month commitment for monthly billing",
                    de(v.unit, 4),
                    "Licenses",
                    str(v.qty),
                    "Annual" if v.yearly else "Monthly",
                ]
            )
            v.row = len(rows)
    _csv(folder / "Reconciliation_G012345678_DE.csv", rows, ";", "utf-8-sig")
    return "Reconciliation_G012345678_DE.csv", None


def v_exclusive_se(case, folder, rng):
    sym = SYM.get(case.currency, case.currency)
    rows = [
        ["Exclusive Networks Nordics – Fakturaunderlag november 2026"],
        [],
        [
            "Kund",
            "Org.nr",
            "Tillverkare",
            "Artikelnr",
            "Benämning",
            "Period",
            "Betalningsfrekvens",
            "Antal",
            "À-pris",
            "Belopp",
            "Valuta",
        ],
    ]
    tot = Decimal(0)
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            amt = v.unit * v.qty
            tot += amt
            rows.append(
                [
                    _vname(case, c),
                    f"556{c['id']:03d}-{1000 + c['id']}",
                    p.maker,
                    p.code,
                    p.name,
                    "2026-11-01 – 2027-10-31" if v.yearly else "2026-11-01 – 2026-11-30",
                    "Årsvis" if v.yearly else "Månadsvis",
                    v.qty,
                    num(v.unit, 2, " ", ",") + f" {sym}",
                    num(amt, 2, " ", ",") + f" {sym}",
                    case.currency,
                ]
            )
            v.row = len(rows)
    rows += [
        [],
        [
            "Summa",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            num(tot, 2, " ", ",") + f" {sym}",
        ],
    ]
    _xlsx(folder / "exclusive_fakturaunderlag_202611.xlsx", [("Fakturaunderlag", rows, {})])
    return "exclusive_fakturaunderlag_202611.xlsx", "Fakturaunderlag"


def v_tdsynnex_pl(case, folder, rng):
    rows = [
        [
            "Nazwa klienta",
            "NIP klienta",
            "Kod produktu",
            "Nazwa produktu",
            "Okres rozliczeniowy",
            "Data od",
            "Data do",
            "Ilość",
            "Cena jedn. netto",
            "Wartość netto",
            "Stawka VAT",
            "Wartość brutto",
            "Waluta",
        ]
    ]
    for c, lines in _group(case.vlines, _clients(case, rng)):
        for v in lines:
            p = V.BY_KEY[v.product]
            net = v.unit * v.qty
            gross = (net * Decimal("1.23")).quantize(Decimal("0.01"))
            rows.append(
                [
                    _vname(case, c),
                    f"{_tax_id(c)}{c['id'] % 10}{c['id'] % 7}",
                    f"PL{p.code}",
                    p.name,
                    "Roczny" if v.yearly else "Miesięczny",
                    "2026-11-01",
                    "2027-10-31" if v.yearly else "2026-11-30",
                    str(v.qty),
                    num(v.unit, 2, " ", ","),
                    num(net, 2, " ", ","),
                    "23%",
                    num(gross, 2, " ", ","),
                    case.currency,
                ]
            )
            v.row = len(rows)
    _csv(folder / "tdsynnex_faktura_11_2026.csv", rows, ",", "utf-8", csv.QUOTE_MINIMAL)
    return "tdsynnex_faktura_11_2026.csv", None


# =============================================================== PSAs


def _psa_lines(case, rng):
    return _group(case.plines, _clients(case, rng))


def p_datev(case, folder, rng):
    meta = [
        "EXTF",
        "700",
        "21",
        "Buchungsstapel",
        "13",
        "20261201083000000",
        "",
        "RE",
        "",
        "",
        "29098",
        "55003",
        "20260101",
        "4",
        "20261101",
        "20261130",
        "Rechnungsausgang 11/2026",
        "",
        "1",
        "0",
        "0",
        case.currency,
    ]
    hdr = [
        "Umsatz (ohne Soll/Haben-Kz)",
        "Soll/Haben-Kennzeichen",
        "WKZ Umsatz",
        "Kurs",
        "Basis-Umsatz",
        "WKZ Basis-Umsatz",
        "Konto",
        "Gegenkonto (ohne BU-Schlüssel)",
        "BU-Schlüssel",
        "Belegdatum",
        "Belegfeld 1",
        "Belegfeld 2",
        "Skonto",
        "Buchungstext",
        "Postensperre",
        "Diverse Adressnummer",
        "Geschäftspartnerbank",
        "Sachverhalt",
        "Zinssperre",
        "Beleglink",
        "Beleginfo - Art 1",
        "Beleginfo - Inhalt 1",
        "Beleginfo - Art 2",
        "Beleginfo - Inhalt 2",
        "KOST1 - Kostenstelle",
        "KOST2 - Kostenstelle",
        "Kost-Menge",
        "Stück",
    ]
    rows = [meta, hdr]
    inv = 26110000
    for c, lines in _psa_lines(case, rng):
        inv += 1
        for p in lines:
            if len(p.text) > 60:  # DATEV's Buchungstext holds 60 characters
                p.text = p.text[:60]
                if p.role == "licence":
                    p.classes.append("buchungstext_cut_at_60")
            txt = p.text
            rows.append(
                [
                    plain_comma(p.net),
                    "H",
                    case.currency,
                    "",
                    "",
                    "",
                    str(10000 + c["id"]),
                    "8400" if p.role == "licence" else "8337",
                    "",
                    "3011",
                    f"RE{inv}",
                    "",
                    "",
                    txt,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Kunde",
                    c["psa_name"],
                    "Leistungszeitraum",
                    "01.11.2026-30.11.2026",
                    "IT",
                    "",
                    "",
                    str(p.qty),
                ]
            )
            p.row = len(rows)
    _csv(folder / "EXTF_Buchungsstapel_RE_2026-11.csv", rows, ";", "utf-8-sig", csv.QUOTE_MINIMAL)
    return "EXTF_Buchungsstapel_RE_2026-11.csv", None


def p_pennylane(case, folder, rng):
    rows = [
        [
            "Date",
            "Numéro de facture",
            "Client",
            "Libellé",
            "Quantité",
            "Unité",
            "Prix unitaire HT",
            "Taux de TVA",
            "Montant HT",
            "Montant TVA",
            "Montant TTC",
            "Périodicité",
            "Devise",
        ]
    ]
    n = 0
    for c, lines in _psa_lines(case, rng):
        n += 1
        for p in lines:
            ht = p.net
            tva = (ht * Decimal("0.2")).quantize(Decimal("0.01"))
            rows.append(
                [
                    dt.datetime(2026, 11, 30),
                    f"F-2026-11-{n:04d}",
                    c["psa_name"],
                    p.text,
                    p.qty,
                    "heure"
                    if p.role == "service" and "h" in p.text.lower()
                    else "utilisateur"
                    if p.role != "service"
                    else "forfait",
                    float(p.shown_unit),
                    "20 %",
                    float(ht),
                    float(tva),
                    float(ht + tva),
                    "Annuelle" if p.yearly else "Mensuelle",
                    case.currency,
                ]
            )
            p.row = len(rows)
    _xlsx(
        folder / "pennylane_lignes_factures_novembre.xlsx",
        [
            (
                "Lignes de factures",
                rows,
                {
                    "A": "dd/mm/yyyy",
                    "G": "#,##0.00",
                    "I": "#,##0.00",
                    "J": "#,##0.00",
                    "K": "#,##0.00",
                },
            )
        ],
    )
    return "pennylane_lignes_factures_novembre.xlsx", "Lignes de factures"


def p_economic(case, folder, rng):
    rows = [
        [
            "Fakturanr.",
            "Dato",
            "Kundenr.",
            "Kundenavn",
            "Varenr.",
            "Varenavn/tekst",
            "Antal",
            "Enhed",
            "Enhedspris",
            "Rabat %",
            "Beløb",
            "Valuta",
        ]
    ]
    n = 0
    for c, lines in _psa_lines(case, rng):
        n += 1
        for p in lines:
            rows.append(
                [
                    str(5000 + n),
                    "30-11-2026",
                    str(2000 + c["id"]),
                    c["psa_name"],
                    "LIC" if p.role == "licence" else "YDL",
                    p.text,
                    str(p.qty),
                    "stk." if p.role != "service" else "timer",
                    de(p.shown_unit),
                    plain_comma(p.disc, 1) if p.disc is not None else "",
                    de(p.net),
                    case.currency,
                ]
            )
            p.row = len(rows)
    _csv(folder / "e-conomic_fakturalinjer_nov2026.csv", rows, ";", "utf-8-sig")
    return "e-conomic_fakturalinjer_nov2026.csv", None


def p_fortnox(case, folder, rng):
    rows = [
        ["Avtalsfakturering – utskrift 2026-11-30"],
        [],
        [
            "Avtalsnr",
            "Kundnr",
            "Kund",
            "Artikelnr",
            "Benämning",
            "Antal",
            "À-pris",
            "Summa",
            "Faktureringsintervall (mån)",
            "Period från",
            "Period till",
            "Avslutat",
        ],
    ]
    for c, lines in _psa_lines(case, rng):
        for p in lines:
            done = p.role == "not_billed"
            rows.append(
                [
                    100 + c["id"],
                    3000 + c["id"],
                    c["psa_name"],
                    "LIC-" + (p.product or "TJ").upper() if p.role != "service" else "TJ-01",
                    p.text,
                    p.qty,
                    float(p.shown_unit),
                    float(p.net),
                    12 if p.yearly else 1,
                    "2026-11-01",
                    "2027-10-31" if p.yearly else "2026-11-30",
                    "Ja" if done else "Nej",
                ]
            )
            p.row = len(rows)
    _xlsx(
        folder / "fortnox_avtal_2026-11.xlsx", [("Avtal", rows, {"G": "#,##0.00", "H": "#,##0.00"})]
    )
    return "fortnox_avtal_2026-11.xlsx", "Avtal"


def p_moloni(case, folder, rng):
    rows = [
        [
            "Documento",
            "Data",
            "Cliente",
            "NIF",
            "Artigo",
            "Descrição",
            "Qtd.",
            "Preço Unit.",
            "Desc. %",
            "Taxa IVA",
            "Total Líquido",
            "Periodicidade",
        ]
    ]
    n = 0
    for c, lines in _psa_lines(case, rng):
        n += 1
        for p in lines:
            rows.append(
                [
                    f"FT 2026/{n}",
                    "2026-11-30",
                    c["psa_name"],
                    f"5{_tax_id(c)}",
                    "LIC" if p.role != "service" else "SERV",
                    p.text,
                    str(p.qty),
                    plain_comma(p.shown_unit),
                    plain_comma(p.disc, 1) if p.disc is not None else "0",
                    "23%",
                    plain_comma(p.net),
                    "Anual" if p.yearly else "Mensal",
                ]
            )
            p.row = len(rows)
    _csv(folder / "moloni_linhas_documentos.csv", rows, ";", "utf-8-sig")
    return "moloni_linhas_documentos.csv", None


def p_infakt(case, folder, rng):
    rows = [
        [
            "Numer faktury",
            "Data wystawienia",
            "Kontrahent",
            "NIP",
            "Nazwa usługi/towaru",
            "Ilość",
            "Jednostka",
            "Cena netto",
            "Wartość netto",
            "Stawka VAT",
            "Wartość brutto",
            "Okres rozliczeniowy",
            "Waluta",
        ]
    ]
    n = 0
    for c, lines in _psa_lines(case, rng):
        n += 1
        for p in lines:
            gross = (p.net * Decimal("1.23")).quantize(Decimal("0.01"))
            rows.append(
                [
                    f"{n}/11/2026",
                    "2026-11-30",
                    c["psa_name"],
                    _tax_id(c, 3),
                    p.text,
                    str(p.qty),
                    "szt." if p.role != "service" else "godz.",
                    num(p.shown_unit, 2, " ", ","),
                    num(p.net, 2, " ", ","),
                    "23%",
                    num(gross, 2, " ", ","),
                    "roczny" if p.yearly else "miesięczny",
                    case.currency,
                ]
            )
            p.row = len(rows)
    _csv(folder / "infakt_pozycje_faktur_2026_11.csv", rows, ",", "utf-8")
    return "infakt_pozycje_faktur_2026_11.csv", None


def p_halo_nl(case, folder, rng):
    rows = [
        ["Terugkerende factuurregels – november 2026"],
        ["Gegenereerd: 30-11-2026 07:45"],
        [],
        [
            "Omschrijving",
            "Lange omschrijving",
            "Aantal",
            "Stukprijs",
            "Netto bedrag",
            "Interval",
            "Status",
            "Startdatum",
            "Einddatum",
        ],
    ]
    for c, lines in _psa_lines(case, rng):
        rows.append([f"Klant: {c['psa_name']}"])
        sub = Decimal(0)
        for p in lines:
            st = (
                "Beëindigd"
                if p.role == "not_billed" and rng.random() < 0.5
                else "Gepauzeerd"
                if p.role == "not_billed"
                else "Actief"
            )
            rows.append(
                [
                    p.text,
                    "Periode $STARTDATE t/m $ENDDATE",
                    p.qty,
                    float(p.shown_unit),
                    float(p.net),
                    "Jaarlijks" if p.yearly else "Maandelijks",
                    st,
                    dt.datetime(2025, 1 + c["id"] % 12, 1),
                    dt.datetime(2026, 10, 31) if st == "Beëindigd" else None,
                ]
            )
            p.row = len(rows)
            if p.role != "not_billed":
                sub += p.net
        rows.append([f"Subtotaal {c['psa_name']}", None, None, None, float(sub)])
        rows.append(
            [
                f"BTW 21% {c['psa_name']}",
                None,
                None,
                None,
                float((sub * Decimal("0.21")).quantize(Decimal("0.01"))),
            ]
        )
    _xlsx(
        folder / "halo_terugkerend_2026-11.xlsx",
        [
            (
                "Terugkerende facturen",
                rows,
                {"D": "#,##0.00", "E": "#,##0.00", "H": "dd-mm-yyyy", "I": "dd-mm-yyyy"},
            )
        ],
    )
    return "halo_terugkerend_2026-11.xlsx", "Terugkerende facturen"


def p_cw_es(case, folder, rng):
    rows = [
        [
            "Nombre de la empresa",
            "Nombre del acuerdo",
            "Tipo de acuerdo",
            "Id. de producto",
            "Descripción",
            "Cantidad",
            "Menos incluido",
            "Precio",
            "Precio ext.",
            "Facturar",
            "Fecha efectiva",
            "Fecha de cancelación",
            "Estado de la adición",
        ]
    ]
    for c, lines in _psa_lines(case, rng):
        for p in lines:
            canc = p.role == "not_billed"
            shown = p.qty + p.less
            rows.append(
                [
                    c["psa_name"],
                    "Contrato gestionado 2026",
                    "Servicios gestionados",
                    ("LIC-" + p.product.upper())
                    if p.product and p.role != "service"
                    else "SERV-MO",
                    p.text,
                    shown,
                    p.less,
                    float(p.price),
                    float(p.price * shown),
                    "Facturable",
                    dt.datetime(2025, 1 + c["id"] % 12, 1),
                    dt.datetime(2026, 10, 15) if canc else None,
                    "Cancelado" if canc else "Activo",
                ]
            )
            p.row = len(rows)
    _xlsx(
        folder / "adiciones_acuerdos.xlsx",
        [
            (
                "Adiciones",
                rows,
                {"H": "#,##0.00", "I": "#,##0.00", "K": "dd/mm/yyyy", "L": "dd/mm/yyyy"},
            )
        ],
    )
    return "adiciones_acuerdos.xlsx", "Adiciones"


# name: (writer, currency, caps)
VENDORS = {
    "also_cmp_de_abrechnung_kundenblock_xlsx": (v_also_de, "EUR", set()),
    "ingram_cmp_fr_montant_ht_euro_text_csv": (v_ingram_fr, "EUR", set()),
    "crayon_nl_factuurregels_second_sheet_xlsx": (v_crayon_nl, "EUR", set()),
    "esprinet_it_canoni_tab_totale_csv": (v_esprinet_it, "EUR", set()),
    "arrowsphere_es_consumo_bom_semicolon_csv": (v_arrow_es, "EUR", set()),
    "pc_recon_excel_de_resaved_semicolon_csv": (v_pc_de, "EUR", set()),
    "exclusive_nordics_sek_kr_text_xlsx": (v_exclusive_se, "SEK", set()),
    "tdsynnex_pl_pln_quoted_comma_csv": (v_tdsynnex_pl, "PLN", set()),
}
# name: (writer, caps, (primary language, secondary options))
PSAS = {
    "datev_extf_buchungsstapel_stueck_csv": (p_datev, set(), ("de", ["it", "fr", "pl"])),
    "pennylane_lignes_factures_fr_xlsx": (p_pennylane, {"yearly"}, ("fr", ["nl", "it", "es"])),
    "economic_fakturalinjer_da_rabat_csv": (p_economic, {"discount"}, ("da", ["no", "sv", "de"])),
    "fortnox_avtal_sv_intervall_xlsx": (
        p_fortnox,
        {"yearly", "cancel"},
        ("sv", ["no", "da", "pl"]),
    ),
    "moloni_linhas_pt_desconto_csv": (p_moloni, {"yearly", "discount"}, ("pt", ["es", "it"])),
    "infakt_pozycje_pl_quoted_comma_csv": (p_infakt, {"yearly"}, ("pl", ["de", "sv"])),
    "halopsa_nl_klantblok_btw_xlsx": (p_halo_nl, {"yearly", "cancel"}, ("nl", ["de", "fr"])),
    "cw_adiciones_es_menos_incluido_xlsx": (p_cw_es, {"less", "cancel"}, ("es", ["it", "pt"])),
}
