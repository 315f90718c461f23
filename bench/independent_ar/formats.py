"""The 8 vendor and 8 PSA / accounting exports of set AR. Each writer numbers the rows it writes."""

from __future__ import annotations

import csv
import hashlib
import io
from fractions import Fraction

import openpyxl

from . import local as L
from .catalog import BY_KEY
from .scenario import F, cents

NBSP = "\u00a0"


# ---------------------------------------------------------------- helpers
def dec(x: Fraction, min_dp=2) -> str:
    """Exact decimal text of x (x has a terminating decimal expansion)."""
    neg = x < 0
    x = abs(x)
    dp = min_dp
    while (x * 10**dp).denominator != 1:
        dp += 1
        if dp > 8:
            raise ValueError(x)
    n = int(x * 10**dp)
    s = str(n).rjust(dp + 1, "0")
    out = f"{s[:-dp]}.{s[-dp:]}" if dp else s
    return ("-" if neg else "") + out


def num(x, style="dot", min_dp=2, trim=False):
    """Money / quantity text: dot 1234.56 | comma 1234,56 | sp 1 234,56 | nbsp | dotc 1.234,56."""
    s = dec(F(x), min_dp) if not isinstance(x, int) else str(x)
    if trim and "." in s:
        s = s.rstrip("0").rstrip(".")
    if style == "dot":
        return s
    neg = s.startswith("-")
    s = s.lstrip("-")
    ip, _, fp = s.partition(".")
    sep = {"comma": "", "sp": " ", "nbsp": NBSP, "dotc": "."}[style]
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    ip = sep.join(groups)
    return ("-" if neg else "") + ip + ("," + fp if fp else "")


def xnum(x):
    """Cell value for xlsx."""
    if isinstance(x, int):
        return x
    return float(dec(F(x)))


def write_csv(path, rows, enc, delim, quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n", quoting=quoting)
    for r in rows:
        w.writerow(r)
    path.write_bytes(buf.getvalue().encode(enc))


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows, widths in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for i, wdt in enumerate(widths):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = wdt
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00##"
    wb.properties.creator = "AR"
    import datetime as _dt

    wb.properties.created = wb.properties.modified = _dt.datetime(2026, 12, 1, 8, 0, 0)
    wb.save(path)


def hx(*parts, n=8):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:n]


def guid(*parts):
    h = hx(*parts, n=32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def vname(c, enc, cyr_ok=False):
    """The vendor's name for a client; returns (name, row classes)."""
    if c.get("english_vendor"):
        base, cls = c["english"], []
    elif cyr_ok and c["cyr"]:
        base, cls = c["cyr"], ["vendor_client_in_cyrillic"]
    else:
        base, cls = c["canonical"], []
    out = L.fit_codepage(base, enc)
    return out, cls


def by_client(case, lines, rng, shuffle=False):
    order = list(range(len(case.clients)))
    if shuffle:
        rng.shuffle(order)
    else:
        order.sort(key=lambda i: L.strip_marks(case.clients[i]["canonical"]).lower())
    grouped = {i: [] for i in order}
    for ln in lines:
        grouped[ln.cid].append(ln)
    return [(case.clients[i], grouped[i]) for i in order if grouped[i]]


def domain(c):
    s = "".join(ch for ch in L.ascii_fold(c["body"]).lower() if ch.isalnum())
    return f"{s[:24]}{c['id'] % 7 if c['sib'] else ''}.onmicrosoft.com"


def mterm(v, words):
    """words = (monthly commitment, annual commitment billed monthly, annual billed yearly)."""
    return {"monthly": words[0], "annual_monthly": words[1], "annual_annual": words[2]}[v.term]


def vat(x, rate):
    return F(cents(x * F(rate)))


# ---------------------------------------------------------------- vendor writers
def v_pc_lt(case, folder, rng):
    enc = "cp1257"
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
    ]
    rows = [hdr]
    terms = (
        "One-Month commitment for monthly billing",
        "One-Year commitment for monthly/yearly billing",
        "One-Year commitment for yearly billing",
    )
    for c, lines in by_client(case, case.vlines, rng, shuffle=True):
        name, cls = vname(c, enc)
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            pid, _, sku = (p.pcid or f"DZH318Z0{hx(p.key, n=4).upper()}:0001").partition(":")
            u = v.shown_unit
            sub = u * v.qty
            ct = (
                "removeQuantity"
                if v.role == "credit"
                else rng.choice(["cycleCharge", "CycleCharge", "renew"])
            )
            rows.append(
                [
                    "c2d8f0a1-7e55-4b8e-9a3c-0f1e2d3c4b5a",
                    guid("cust", c["id"]),
                    name,
                    domain(c),
                    c["cc"],
                    "G021345678",
                    "6123456",
                    hx("ord", v.sub, n=12),
                    "2026-11-01",
                    pid,
                    sku,
                    f"CFQ7TTC0{hx(p.key, 'a', n=4).upper()}",
                    p.name,
                    p.name,
                    ct,
                    num(F(cents(u / F("0.95"))), "comma", trim=True),
                    str(v.qty),
                    num(sub, "comma", trim=True),
                    num(vat(sub, "0.21"), "comma", trim=True),
                    num(sub + vat(sub, "0.21"), "comma", trim=True),
                    "EUR",
                    p.maker if p.maker != "Microsoft" else "Microsoft Corporation",
                    p.name,
                    v.sub,
                    "2026-11-01",
                    "2026-11-30",
                    mterm(v, terms),
                    num(u, "comma", trim=True),
                    "Licenses",
                    str(v.qty),
                    "Annual" if v.yearly else "Monthly",
                    "EUR",
                    "1",
                ]
            )
            v.row = len(rows)
    fn = "Reconciliation_G021345678_2026-11_lt.csv"
    write_csv(folder / fn, rows, enc, ";")
    return fn, None


def v_lv_dist(case, folder, rng):
    title = ["Mākoņpakalpojumu izraksts — 2026. gada novembris"]
    rows = [
        title,
        ["Partneris: NordBalt IT Grupa SIA, Reģ. Nr. 40103123456"],
        [],
        [
            "Klients",
            "Reģ. Nr.",
            "PVN maks. Nr.",
            "Produkta kods",
            "Produkts",
            "Abonementa periods",
            "Daudzums",
            "Vienības cena, EUR",
            "Summa bez PVN, EUR",
            "PVN 21%, EUR",
            "Summa ar PVN, EUR",
            "Piezīmes",
        ],
    ]
    tot = F(0)
    words = ("Mēnesis", "Gads, norēķins katru mēnesi", "Gads (12 mēn.), apmaksa avansā")
    for c, lines in by_client(case, case.vlines, rng):
        name, cls = vname(c, "utf-8")
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            u = v.shown_unit
            amt = u * v.qty
            tot += amt
            pname = f"{p.name} (NCE)" if p.maker == "Microsoft" else f"{p.maker} | {p.name}"
            rows.append(
                [
                    name,
                    c["regno"],
                    c["vat"],
                    f"LV-{p.code}",
                    pname,
                    mterm(v, words),
                    v.qty,
                    xnum(u),
                    xnum(amt),
                    xnum(vat(amt, "0.21")),
                    xnum(amt + vat(amt, "0.21")),
                    "Kredītrēķins KR-2611-" + hx(v.sub, n=4) if v.role == "credit" else None,
                ]
            )
            v.row = len(rows)
    rows.append(["Kopā", None, None, None, None, None, None, None, xnum(tot), None, None, None])
    fn = "ALSO_Baltics_makonpakalpojumi_2026-11.xlsx"
    write_xlsx(
        folder / fn,
        [("Izraksts", rows, [34, 13, 15, 16, 46, 30, 10, 12, 14, 12, 14, 22])],
    )
    return fn, "Izraksts"


def v_ro_dist(case, folder, rng):
    enc = "cp1250"
    rows = [
        [
            L.fit_codepage(
                "Situație abonamente cloud - noiembrie 2026 - Partener: NordBalt IT Group SRL",
                enc,
            )
        ],
        [
            L.fit_codepage(h, enc)
            for h in [
                "Nr. crt.",
                "Client",
                "CUI",
                "Cod produs",
                "Denumire produs",
                "Perioadă",
                "Tip abonament",
                "Cant.",
                "Preț unitar (RON)",
                "Valoare fără TVA (RON)",
                "TVA 21% (RON)",
                "Total (RON)",
                "Tip linie",
            ]
        ],
    ]
    words = ("Lunar", "Anual - plată lunară", "Anual - plată anuală (12 luni)")
    tot = F(0)
    n = 0
    for c, lines in by_client(case, case.vlines, rng, shuffle=True):
        name, cls = vname(c, enc)
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            n += 1
            u = v.shown_unit
            amt = u * v.qty
            tot += amt
            rows.append(
                [
                    str(n),
                    name,
                    c["regno"] if c["cc"] == "RO" else c["vat"],
                    f"RO{p.code}",
                    L.fit_codepage(
                        f"{p.name} ({mterm(v, ('NCE lunar', 'NCE anual', 'NCE anual'))})",
                        enc,
                    ),
                    "01.11.2026-30.11.2026",
                    L.fit_codepage(mterm(v, words), enc),
                    str(v.qty),
                    num(u, "dotc"),
                    num(amt, "dotc"),
                    num(vat(amt, "0.21"), "dotc"),
                    num(amt + vat(amt, "0.21"), "dotc"),
                    L.fit_codepage("Stornare" if v.role == "credit" else "Factură", enc),
                ]
            )
            v.row = len(rows)
    rows.append(["", "TOTAL", "", "", "", "", "", "", "", num(tot, "dotc"), "", "", ""])
    fn = "situatie_abonamente_cloud_noiembrie_2026.csv"
    write_csv(folder / fn, rows, enc, ";")
    return fn, None


def v_bg_dist(case, folder, rng):
    enc = "cp1251"
    rows = [
        [
            "№",
            "Клиент",
            "ЕИК/ДДС №",
            "Код",
            "Продукт",
            "Период",
            "Вид абонамент",
            "Количество",
            "Ед. цена без ДДС",
            "Стойност без ДДС",
            "ДДС 20%",
            "Стойност с ДДС",
            "Валута",
            "Вид документ",
        ]
    ]
    words = ("месечен", "годишен (месечно плащане)", "годишен (плащане за 12 месеца)")
    tot = F(0)
    n = 0
    for c, lines in by_client(case, case.vlines, rng):
        name, cls = vname(c, enc, cyr_ok=True)
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            n += 1
            u = v.shown_unit
            amt = u * v.qty
            tot += amt
            rows.append(
                [
                    str(n),
                    name,
                    c["regno"] if c["cc"] == "BG" else c["vat"],
                    f"BG-{p.code}",
                    L.fit_codepage(p.name, enc),
                    "01.11.2026 - 30.11.2026",
                    mterm(v, words),
                    str(v.qty),
                    num(u, "sp"),
                    num(amt, "sp"),
                    num(vat(amt, "0.2"), "sp"),
                    num(amt + vat(amt, "0.2"), "sp"),
                    "EUR",
                    "Кредитно известие" if v.role == "credit" else "Фактура",
                ]
            )
            v.row = len(rows)
    rows.append(["", "Общо", "", "", "", "", "", "", "", num(tot, "sp"), "", "", "EUR", ""])
    fn = "spravka_abonamenti_11-2026.csv"
    write_csv(folder / fn, rows, enc, ";")
    return fn, None


def v_rs_dist(case, folder, rng):
    rows = [
        ["Преглед претплата за новембар 2026. године"],
        [],
        [
            "Rb.",
            "Kupac",
            "PIB",
            "Šifra artikla",
            "Naziv artikla",
            "Obračunski period",
            "Tip pretplate",
            "Količina",
            "Cena bez PDV-a (RSD)",
            "Iznos bez PDV-a (RSD)",
            "PDV 20%",
            "Ukupno sa PDV-om",
            "Napomena",
        ],
    ]
    words = (
        "Mesečna",
        "Godišnja (mesečno plaćanje)",
        "Godišnja (plaćanje unapred 12 meseci)",
    )
    tot = F(0)
    n = 0
    for c, lines in by_client(case, case.vlines, rng, shuffle=True):
        name, cls = vname(c, "utf-8", cyr_ok=c["cc"] == "RS")
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            n += 1
            u = v.shown_unit
            amt = u * v.qty
            tot += amt
            rows.append(
                [
                    n,
                    name,
                    c["regno"] if c["cc"] == "RS" else c["vat"],
                    f"SRB-{p.code}",
                    p.name,
                    "01.11.2026.-30.11.2026.",
                    mterm(v, words),
                    v.qty,
                    xnum(u),
                    xnum(amt),
                    xnum(vat(amt, "0.2")),
                    xnum(amt + vat(amt, "0.2")),
                    "Knjižno odobrenje" if v.role == "credit" else None,
                ]
            )
            v.row = len(rows)
    rows.append(
        [
            None,
            "Ukupno:",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            xnum(tot),
            None,
            None,
            None,
        ]
    )
    fn = "pregled_pretplata_2026-11.xlsx"
    write_xlsx(
        folder / fn,
        [("Pretplate", rows, [6, 36, 12, 18, 44, 22, 34, 9, 14, 14, 12, 14, 20])],
    )
    return fn, "Pretplate"


def v_vad_en(case, folder, rng):
    rows = [
        [
            "Billing Period",
            "Reseller",
            "Tenant Name",
            "Tenant ID",
            "Tenant Country",
            "Vendor",
            "Service",
            "SKU",
            "Usage Metric",
            "Billable Units",
            "Unit Price",
            "Line Amount",
            "Currency",
            "Commitment",
            "Line Type",
        ]
    ]
    words = ("Monthly", "Annual (billed monthly)", "Annual (billed annually)")
    for c, lines in by_client(case, case.vlines, rng):
        name, cls = vname(c, "utf-8")
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            u = v.shown_unit
            metric = (
                "Workloads" if p.key in ("acr", "eseta", "esetc", "bitdef", "sophos") else "Users"
            )
            rows.append(
                [
                    "2026-11",
                    "NordBalt IT Group",
                    name,
                    guid("tenant", c["id"]),
                    c["cc"],
                    p.maker,
                    p.name,
                    f"{p.code}-{'A' if v.term != 'monthly' else 'M'}",
                    metric,
                    str(v.qty),
                    num(u),
                    num(u * v.qty),
                    "EUR",
                    mterm(v, words),
                    "Credit" if v.role == "credit" else "Charge",
                ]
            )
            v.row = len(rows)
    fn = "tenant_usage_statement_2026-11.csv"
    write_csv(folder / fn, rows, "utf-8", ",")
    return fn, None


def v_ee_telco(case, folder, rng):
    rows = [
        ["Arve nr 2611-004512 · Periood 01.11.2026–30.11.2026"],
        ["Klient: NordBalt IT Grupp OÜ, reg-kood 14123456"],
        [],
        [
            "Teenus",
            "Kogus",
            "Ühik",
            "Ühiku hind km-ta",
            "Summa km-ta",
            "KM 24%",
            "Summa km-ga",
        ],
    ]
    grand = F(0)
    for c, lines in by_client(case, case.vlines, rng):
        name, cls = vname(c, "utf-8")
        rows.append([f"Konto {7000000 + c['id'] * 37} · {name} · {c['regtext']}"])
        sub = F(0)
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            u = v.shown_unit
            amt = u * v.qty
            sub += amt
            t = (
                p.name
                if p.maker != "Microsoft"
                else f"{p.name} ({mterm(v, ('kuuleping', 'aastaleping, kuumakse', 'aastaleping, aastamakse'))})"
            )
            if v.role == "credit":
                t = f"Kreeditarve: {t}"
            rows.append(
                [
                    t,
                    v.qty,
                    "kasutaja/aasta" if v.yearly else "kasutaja/kuu",
                    xnum(u),
                    xnum(amt),
                    xnum(vat(amt, "0.24")),
                    xnum(amt + vat(amt, "0.24")),
                ]
            )
            v.row = len(rows)
        rows.append(["Konto kokku", None, None, None, xnum(sub), None, None])
        grand += sub
    rows.append(["Arve kokku", None, None, None, xnum(grand), None, None])
    fn = "arve_2611-004512_detailid.xlsx"
    write_xlsx(folder / fn, [("Arve detailid", rows, [70, 8, 16, 16, 14, 12, 14])])
    return fn, "Arve detailid"


def v_hr_dist(case, folder, rng):
    rows = [
        [
            "Kupac",
            "OIB/PDV ID",
            "Šifra",
            "Naziv stavke",
            "Razdoblje",
            "Način naplate",
            "Količina",
            "Jed. cijena (EUR)",
            "Iznos bez PDV-a (EUR)",
            "PDV 25%",
            "Napomena",
        ]
    ]
    words = ("mjesečno", "godišnja obveza, mjesečno", "godišnje unaprijed (12 mj.)")
    tot = F(0)
    for c, lines in by_client(case, case.vlines, rng, shuffle=True):
        name, cls = vname(c, "utf-8")
        for v in lines:
            p = BY_KEY[v.product]
            v.classes += cls
            u = v.shown_unit
            amt = u * v.qty
            tot += amt
            rows.append(
                [
                    name,
                    c["vat"],
                    f"HR-{p.code}",
                    p.name,
                    "01.11.2026.-30.11.2026.",
                    mterm(v, words),
                    str(v.qty),
                    num(u, "dotc"),
                    num(amt, "dotc"),
                    num(vat(amt, "0.25"), "dotc"),
                    "Knjižno odobrenje" if v.role == "credit" else "",
                ]
            )
            v.row = len(rows)
    rows.append(["UKUPNO", "", "", "", "", "", "", "", num(tot, "dotc"), "", ""])
    fn = "stavke_racuna_2026-11.txt"
    write_csv(folder / fn, rows, "utf-8-sig", "\t")
    return fn, None


# ---------------------------------------------------------------- PSA writers
def _psa_lines(case):
    return [p for p in case.plines]


def _unit_cells(pl):
    """(shown unit or list price, discount % or None); yearly lines show 12 months."""
    k = 12 if pl.yearly else 1
    if pl.disc is not None:
        return pl.listp * k, pl.disc
    return pl.price * k, None


def _mark(pl, has_disc, has_year):
    if pl.yearly and has_year and "psa_year_priced_line" not in pl.classes:
        pl.classes.append("psa_year_priced_line")
    if pl.disc is not None and has_disc and "round_rabat_percent" not in pl.classes:
        pl.classes.append("round_rabat_percent")


def _flatten(pl, has_year, has_disc):
    """Formats that cannot show a year or a discount: the monthly net unit price."""
    if not has_year and pl.yearly:
        pl.yearly = False
    if not has_disc and pl.disc is not None:
        pl.listp = pl.disc = None


STATUS = {
    "merit": {
        "active": "Kinnitatud",
        "cancelled": "Tühistatud",
        "suspended": "Peatatud",
        "draft": "Mustand",
    },
    "jumis": {
        "active": "Apstiprināts",
        "cancelled": "Anulēts",
        "suspended": "Apturēts",
        "draft": "Melnraksts",
    },
    "rivile": {
        "active": "Aktyvi",
        "cancelled": "Atšaukta",
        "suspended": "Sustabdyta",
        "draft": "Juodraštis",
    },
    "smartbill": {
        "active": "Emisă",
        "cancelled": "Anulată",
        "suspended": "Suspendată",
        "draft": "Ciornă",
    },
    "microinvest": {
        "active": "Активен",
        "cancelled": "Анулиран",
        "suspended": "Спрян",
        "draft": "Чернова",
    },
    "pantheon": {
        "active": "Potvrđen",
        "cancelled": "Storniran",
        "suspended": "Obustavljen",
        "draft": "Nacrt",
    },
    "halo": {
        "active": "Active",
        "cancelled": "Cancelled",
        "suspended": "Suspended",
        "draft": "Draft",
    },
    "odoo": {
        "active": "U tijeku",
        "cancelled": "Otkazano",
        "suspended": "Pauzirano",
        "draft": "Nacrt",
    },
}


def _doc(i, prefix):
    return f"{prefix}{26110000 + i}"


def p_merit(case, folder, rng):
    rows = [
        [
            "Dokumendi liik",
            "Arve nr",
            "Kuupäev",
            "Klient",
            "Registrikood",
            "KMKR nr",
            "Artikli kood",
            "Kirjeldus",
            "Kogus",
            "Ühik",
            "Hind",
            "Allahindlus %",
            "Summa",
            "KM %",
            "Valuuta",
            "Olek",
        ]
    ]
    for c, lines in by_client(case, _psa_lines(case), rng, shuffle=True):
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            rows.append(
                [
                    "Kreeditarve" if pl.role == "credit" else "Müügiarve",
                    _doc(c["id"], "MA-"),
                    "30.11.2026",
                    c["psa_name"],
                    c["regno"],
                    c["vat"],
                    "TEENUS" if svc else "LITS",
                    pl.text,
                    str(pl.qty),
                    "h" if svc and pl.qty > 1 else "aasta" if pl.yearly else "tk",
                    num(u, "comma"),
                    num(d, "comma", 0) if d is not None else "",
                    num(pl.amount, "comma"),
                    "24",
                    case.currency,
                    STATUS["merit"][pl.status],
                ]
            )
            pl.row = len(rows)
    fn = "Merit_myygiarved_read_2026-11.csv"
    write_csv(folder / fn, rows, "utf-8-sig", ";")
    return fn, None


def p_jumis(case, folder, rng):
    rows = [
        ["Tildes Jumis — Izrakstīto rēķinu rindas"],
        ["Periods: 01.11.2026.–30.11.2026."],
        [],
        [
            "Dok. veids",
            "Dok. Nr.",
            "Datums",
            "Klients",
            "Reģ. Nr.",
            "Prece / pakalpojums",
            "Daudz.",
            "Mērv.",
            "Cena",
            "Atlaide %",
            "Summa",
            "PVN %",
            "Valūta",
            "Statuss",
        ],
    ]
    tot = F(0)
    for c, lines in by_client(case, _psa_lines(case), rng):
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            rows.append(
                [
                    "Kredītrēķins" if pl.role == "credit" else "Rēķins",
                    _doc(c["id"], "NB-"),
                    "30.11.2026.",
                    c["psa_name"],
                    c["regno"],
                    pl.text,
                    pl.qty,
                    "st." if svc and pl.qty > 1 else "gads" if pl.yearly else "gab.",
                    xnum(u),
                    xnum(d) if d is not None else None,
                    xnum(pl.amount),
                    21,
                    case.currency,
                    STATUS["jumis"][pl.status],
                ]
            )
            pl.row = len(rows)
            if pl.status == "active":
                tot += pl.amount
    rows.append(
        [
            "Kopā (apstiprinātie)",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            xnum(tot),
            None,
            None,
            None,
        ]
    )
    fn = "Jumis_rekinu_rindas_2026-11.xlsx"
    write_xlsx(
        folder / fn,
        [("Rēķinu rindas", rows, [14, 14, 12, 40, 14, 50, 8, 8, 10, 10, 12, 7, 7, 14])],
    )
    return fn, "Rēķinu rindas"


def p_rivile(case, folder, rng):
    enc = "cp1257"
    rows = [
        [
            "Dokumento tipas",
            "Numeris",
            "Data",
            "Pirkėjo kodas",
            "Pirkėjas",
            "PVM mok. kodas",
            "Prekės/paslaugos pavadinimas",
            "Kiekis",
            "Mato vnt.",
            "Kaina be PVM",
            "Nuolaida %",
            "Suma be PVM",
            "Valiuta",
            "Būsena",
        ]
    ]
    tot = F(0)
    for c, lines in by_client(case, _psa_lines(case), rng, shuffle=True):
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            rows.append(
                [
                    "Kreditinė sąskaita" if pl.role == "credit" else "PVM sąskaita faktūra",
                    _doc(c["id"], "NBL"),
                    "2026-11-30",
                    c["regno"],
                    c["psa_name"],
                    c["vat"],
                    pl.text,
                    str(pl.qty),
                    "val." if svc and pl.qty > 1 else "metai" if pl.yearly else "vnt.",
                    num(u, "comma"),
                    num(d, "comma", 0) if d is not None else "",
                    num(pl.amount, "comma"),
                    case.currency,
                    STATUS["rivile"][pl.status],
                ]
            )
            pl.row = len(rows)
            if pl.status == "active":
                tot += pl.amount
    rows.append(
        [
            "Iš viso (aktyvios)",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            num(tot, "comma"),
            case.currency,
            "",
        ]
    )
    fn = "Rivile_pardavimai_2026-11.tsv"
    write_csv(folder / fn, rows, enc, "\t")
    return fn, None


def p_smartbill(case, folder, rng):
    rows = [
        ["Raport detaliat facturi — noiembrie 2026"],
        [],
        [
            "Serie-Număr",
            "Data",
            "Tip document",
            "Denumire produs/serviciu",
            "UM",
            "Cantitate",
            "Preț unitar fără TVA",
            "Discount %",
            "Valoare fără TVA",
            "Cotă TVA",
            "Monedă",
            "Stare",
        ],
    ]
    grand = F(0)
    for c, lines in by_client(case, _psa_lines(case), rng):
        rows.append([f"Client: {c['psa_name']}"])
        sub = F(0)
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            rows.append(
                [
                    f"NBG {_doc(c['id'], '')}",
                    "30.11.2026",
                    "Factură storno" if pl.role == "credit" else "Factură",
                    pl.text,
                    "ore" if svc and pl.qty > 1 else "an" if pl.yearly else "buc",
                    pl.qty,
                    xnum(u),
                    xnum(d) if d is not None else None,
                    xnum(pl.amount),
                    "21%",
                    case.currency,
                    STATUS["smartbill"][pl.status],
                ]
            )
            pl.row = len(rows)
            if pl.status == "active":
                sub += pl.amount
        rows.append(
            [
                "Total client",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                xnum(sub),
                None,
                None,
                None,
            ]
        )
        grand += sub
    rows.append(
        [
            "TOTAL GENERAL",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            xnum(grand),
            None,
            None,
            None,
        ]
    )
    fn = "SmartBill_raport_facturi_noiembrie_2026.xlsx"
    write_xlsx(folder / fn, [("Facturi", rows, [40, 12, 14, 50, 6, 9, 12, 10, 14, 8, 7, 12])])
    return fn, "Facturi"


def p_microinvest(case, folder, rng):
    enc = "cp1251"
    rows = [
        [
            "Документ",
            "Номер",
            "Дата",
            "Контрагент",
            "ЕИК",
            "Стока/Услуга",
            "Мярка",
            "Количество",
            "Ед. цена",
            "Отстъпка %",
            "Стойност",
            "Валута",
            "Статус",
        ]
    ]
    tot = F(0)
    for c, lines in by_client(case, _psa_lines(case), rng):
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            rows.append(
                [
                    "Кредитно известие" if pl.role == "credit" else "Фактура",
                    _doc(c["id"], "00"),
                    "30.11.2026",
                    c["psa_name"],
                    c["regno"],
                    pl.text,
                    "час" if svc and pl.qty > 1 else "год." if pl.yearly else "бр.",
                    str(pl.qty),
                    num(u, "sp"),
                    num(d, "sp", 0) if d is not None else "",
                    num(pl.amount, "sp"),
                    case.currency,
                    STATUS["microinvest"][pl.status],
                ]
            )
            pl.row = len(rows)
            if pl.status == "active":
                tot += pl.amount
    rows.append(["Общо:", "", "", "", "", "", "", "", "", "", num(tot, "sp"), case.currency, ""])
    fn = "Microinvest_prodazhbi_11_2026.csv"
    write_csv(folder / fn, rows, enc, ";")
    return fn, None


def p_pantheon(case, folder, rng):
    rows = [
        [
            "Dokument",
            "Vrsta",
            "Datum",
            "Kupac",
            "PIB/OIB",
            "Ident",
            "Naziv",
            "Količina",
            "JM",
            "Cena",
            "Rabat %",
            "Vrednost",
            "Valuta",
            "Status",
        ]
    ]
    for c, lines in by_client(case, _psa_lines(case), rng, shuffle=True):
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            u, d = _unit_cells(pl)
            svc = pl.role == "service"
            ident = (
                "USL-01"
                if svc
                else "LIC-MS"
                if BY_KEY[pl.product].maker == "Microsoft"
                else "LIC-3P"
            )
            rows.append(
                [
                    f"26-300-{c['id']:05d}",
                    "Knjižno odobrenje" if pl.role == "credit" else "Račun",
                    "30.11.2026",
                    c["psa_name"],
                    c["regno"],
                    ident,
                    pl.text,
                    pl.qty,
                    "sat" if svc and pl.qty > 1 else "god" if pl.yearly else "kom",
                    xnum(u),
                    xnum(d) if d is not None else 0,
                    xnum(pl.amount),
                    case.currency,
                    STATUS["pantheon"][pl.status],
                ]
            )
            pl.row = len(rows)
    fn = "Pantheon_izdani_racuni_stavke.xlsx"
    write_xlsx(
        folder / fn,
        [("Izdani računi", rows, [16, 18, 11, 40, 14, 8, 50, 9, 6, 10, 8, 12, 7, 12])],
    )
    return fn, "Izdani računi"


def p_halo(case, folder, rng):
    rows = [
        [
            "Client",
            "Site",
            "Recurring Invoice",
            "Item",
            "Description",
            "Qty",
            "Unit Price",
            "Net Amount",
            "Billing Cycle",
            "Status",
            "Currency",
        ]
    ]
    for c, lines in by_client(case, _psa_lines(case), rng):
        for pl in lines:
            _flatten(pl, True, False)
            _mark(pl, False, True)
            u, _d = _unit_cells(pl)
            svc = pl.role == "service"
            item = (
                "Services"
                if svc
                else "Licence - Microsoft"
                if BY_KEY[pl.product].maker == "Microsoft"
                else "Licence - Security & Backup"
            )
            rows.append(
                [
                    c["psa_name"],
                    f"{L.OFFICE[c['cc']]} office",
                    f"Credit Note CN-{c['id']:04d}" if pl.role == "credit" else f"RI-{c['id']:04d}",
                    item,
                    pl.text,
                    str(pl.qty),
                    num(u),
                    num(pl.amount),
                    "Annually" if pl.yearly else "Monthly",
                    STATUS["halo"][pl.status],
                    case.currency,
                ]
            )
            pl.row = len(rows)
    fn = "halo_recurring_invoice_lines.tsv"
    write_csv(folder / fn, rows, "utf-8", "\t")
    return fn, None


def p_odoo(case, folder, rng):
    rows = [
        [
            "Referenca narudžbe",
            "Kupac",
            "Plan ponavljanja",
            "Stanje",
            "Valuta",
            "Stavke narudžbe/Proizvod",
            "Stavke narudžbe/Opis",
            "Stavke narudžbe/Količina",
            "Stavke narudžbe/Jedinična cijena",
            "Stavke narudžbe/Popust (%)",
            "Stavke narudžbe/Međuzbroj",
        ]
    ]
    n = 0
    for c, lines in by_client(case, _psa_lines(case), rng, shuffle=True):
        orders = {}
        for pl in lines:
            _flatten(pl, True, True)
            _mark(pl, True, True)
            orders.setdefault((pl.status, pl.yearly), []).append(pl)
        for (status, yearly), ols in orders.items():
            n += 1
            first = True
            for pl in ols:
                u, d = _unit_cells(pl)
                svc = pl.role == "service"
                prod = (
                    "Usluge"
                    if svc
                    else "Licenca (Microsoft)"
                    if BY_KEY[pl.product].maker == "Microsoft"
                    else "Licenca (ostalo)"
                )
                text = f"Knjižno odobrenje: {pl.text}" if pl.role == "credit" else pl.text
                head = (
                    [
                        f"S{n:05d}",
                        c["psa_name"],
                        "Godišnje" if yearly else "Mjesečno",
                        STATUS["odoo"][status],
                        case.currency,
                    ]
                    if first
                    else ["", "", "", "", ""]
                )
                rows.append(
                    head
                    + [
                        prod,
                        text,
                        str(pl.qty),
                        num(u, trim=False),
                        num(d, min_dp=1) if d is not None else "0.0",
                        num(pl.amount),
                    ]
                )
                pl.row = len(rows)
                first = False
    fn = "sale_order_line_export.csv"
    write_csv(folder / fn, rows, "utf-8", ",")
    return fn, None


# name: (writer, currency) / (writer, caps)
VENDORS = {
    "pc_nce_recon_lt_excel_resave_cp1257_csv": (v_pc_lt, "EUR"),
    "lv_distributor_makonpakalpojumi_izraksts_xlsx": (v_lv_dist, "EUR"),
    "ro_distribuitor_situatie_cloud_cp1250_csv": (v_ro_dist, "RON"),
    "bg_distributor_spravka_abonamenti_cp1251_csv": (v_bg_dist, "EUR"),
    "rs_distributer_pregled_pretplata_rsd_xlsx": (v_rs_dist, "RSD"),
    "vad_security_portal_tenant_usage_en_csv": (v_vad_en, "EUR"),
    "ee_telco_arve_kontoplokid_xlsx": (v_ee_telco, "EUR"),
    "hr_distributer_stavke_racuna_tab_bom_txt": (v_hr_dist, "EUR"),
}
PSAS = {
    "merit_aktiva_muugiarve_read_bom_csv": (p_merit, {"enc": "utf-8"}),
    "tildes_jumis_rekinu_rindas_lv_xlsx": (p_jumis, {"enc": "utf-8"}),
    "rivile_gama_pardavimai_cp1257_tsv": (p_rivile, {"enc": "cp1257"}),
    "smartbill_raport_facturi_clienti_xlsx": (p_smartbill, {"enc": "utf-8"}),
    "microinvest_prodazhbi_cp1251_csv": (p_microinvest, {"enc": "cp1251"}),
    "pantheon_izdani_racuni_stavke_xlsx": (p_pantheon, {"enc": "utf-8"}),
    "halopsa_recurring_group_en_tsv": (p_halo, {"enc": "utf-8", "en_share": 0.7}),
    "odoo_pretplate_stavke_hr_csv": (p_odoo, {"enc": "utf-8"}),
}
