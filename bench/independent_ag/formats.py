"""Writers (and the self-check's readers) of set AG's 8 vendor and 8 PSA / accounting formats."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from fractions import Fraction as F

from openpyxl import Workbook, load_workbook

from .catalog import BY_KEY
from .names import REGIONS

SYM = {
    "BRL": "R$ ",
    "MXN": "$",
    "COP": "$ ",
    "CLP": "$",
    "JPY": "￥",
    "INR": "₹",
    "AED": "AED ",
    "ZAR": "R ",
    "MYR": "RM ",
    "SGD": "S$",
    "IDR": "Rp ",
    "TRY": "₺",
}


# ---------------------------------------------------------------- numbers and files
def num(x, dec, style="raw", sym=""):
    d = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, F) else Decimal(x)
    neg = d < 0
    d = abs(d)
    s = f"{d:.{dec}f}"
    ip, _, fp = s.partition(".")
    if style == "raw":
        out = s
    else:
        if style == "in":
            head, tail = ip[:-3], ip[-3:]
            groups = []
            while len(head) > 2:
                groups.insert(0, head[-2:])
                head = head[:-2]
            if head:
                groups.insert(0, head)
            ip = ",".join(groups + [tail]) if groups else tail
            sep, dp = ",", "."
        else:
            sep, dp = {"us": (",", "."), "br": (".", ","), "za": (" ", ","), "tr": (".", ",")}[
                style
            ]
            ip = f"{int(ip):,}".replace(",", sep)
        out = ip + (dp + fp if fp else "")
    return ("-" if neg else "") + sym + out


def parse_num(s, style="raw"):
    if isinstance(s, (int, float)):
        return F(Decimal(str(s)))
    s = str(s).strip()
    neg = s.startswith("-") or s.startswith("(")
    s = re.sub(r"[^0-9.,]", "", s)
    if style in ("br", "tr", "za"):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    v = F(Decimal(s))
    return -v if neg else v


def write_csv(path, rows, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n").writerows(rows)
    text = buf.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8-sig")  # the portal's UTF-8 option when the names need it
    path.write_bytes(data)


def read_csv(path, delimiter=",", encoding="utf-8"):
    b = path.read_bytes()
    if b.startswith(b"\xef\xbb\xbf"):
        t = b.decode("utf-8-sig")
    elif b.startswith(b"\xff\xfe") or b.startswith(b"\xfe\xff"):
        t = b.decode("utf-16")
    else:
        t = b.decode(encoding)
    return list(csv.reader(io.StringIO(t, newline=""), delimiter=delimiter))


def read_xlsx(path, sheet):
    ws = load_workbook(path, data_only=True)[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def save_xlsx(path, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows, fmts in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for col, f in (fmts or {}).items():
            for cell in ws[col][1:]:
                if isinstance(cell.value, (int, float)):
                    cell.number_format = f
    wb.save(path)


def money_cell(x, dec):
    v = x.numerator / x.denominator
    return int(round(v)) if dec == 0 else round(v, 6)


def by_client(case, lines, psa=False, rng=None):
    order = sorted(
        {x.cid for x in lines},
        key=lambda c: case.clients[c]["psa_name"] if psa else case.clients[c]["canonical"],
    )
    if rng is not None and rng.random() < 0.5:
        rng.shuffle(order)
    groups = {c: [] for c in order}
    for x in lines:
        groups[x.cid].append(x)
    for c in order:
        groups[c].sort(key=lambda x: (x.role == "service", x.product or "", x.role))
    return order, groups


def domain(name):
    s = re.sub(r"[^a-z]", "", name.lower().encode("ascii", "ignore").decode())[:14] or "tenant"
    return s + ".onmicrosoft.com"


def shown_unit(x):
    return x.unit * (12 if x.yearly else 1)


def vname(v, style=""):
    if v.product is None:
        return v.text
    p = BY_KEY[v.product]
    if p.maker != "Microsoft":
        return p.name
    return style.format(n=p.name, N=p.name.upper())


# ---------------------------------------------------------------- vendor writers
def v_ingram_br(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Revenda",
            "Cliente Final",
            "CNPJ Cliente",
            "Domínio",
            "ID Assinatura",
            "Part Number",
            "Descrição do Produto",
            "Tipo de Cobrança",
            "Periodicidade",
            "Início",
            "Fim",
            "Qtde",
            "Preço Unitário",
            "Valor Total",
            "Moeda",
        ]
    ]
    order, g = by_client(case, case.vlines)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            tipo = {"licence": "Recorrente", "credit": "Crédito", "service": "Serviço"}[v.role]
            per = "Única" if v.role == "service" else ("Anual" if v.yearly else "Mensal")
            u = shown_unit(v)
            rows.append(
                [
                    "MSP Parceiro",
                    c["canonical"],
                    c["taxid"],
                    domain(c["canonical"]),
                    v.sub,
                    BY_KEY[v.product].sku if v.product else "SRV-IMPL",
                    vname(v, "{n} (NCE)"),
                    tipo,
                    per,
                    "01/11/2026",
                    "30/11/2026" if not v.yearly else "31/10/2027",
                    str(v.qty),
                    num(u, dec, "br"),
                    num(u * v.qty, dec, "br"),
                    case.currency,
                ]
            )
            v.row = len(rows)
    fn = "IngramMicroBR_extrato_nuvem_2026-11.csv"
    write_csv(folder / fn, rows, ";", "utf-8-sig")
    return fn, None


def r_ingram_br(path, sheet):
    rows = read_csv(path, ";")
    h = rows[0]
    ix = {k: h.index(k) for k in h}
    out = []
    for i, r in enumerate(rows[1:], start=2):
        u = parse_num(r[ix["Preço Unitário"]], "br")
        out.append(
            dict(
                row=i,
                client=r[ix["Cliente Final"]],
                text=r[ix["Descrição do Produto"]],
                qty=int(r[ix["Qtde"]]),
                unit=u / (12 if r[ix["Periodicidade"]] == "Anual" else 1),
                kind={"Recorrente": "licence", "Crédito": "credit", "Serviço": "service"}[
                    r[ix["Tipo de Cobrança"]]
                ],
            )
        )
    return out


def v_licencias(case, folder, rng):
    dec = case.dec
    rows = [
        ["Licencias OnLine - Estado de cuenta de nube"],
        ["Periodo: noviembre 2026", None, None, f"Moneda: {case.currency}"],
        [],
        [
            "Cliente",
            "Suscripción",
            "Producto",
            "Tipo",
            "Plan de facturación",
            "Cantidad",
            "Costo unitario",
            "Importe",
        ],
    ]
    order, g = by_client(case, case.vlines, rng=rng)
    for cid in order:
        c = case.clients[cid]
        rows.append([f"Cliente: {c['canonical']}  (ID {10000 + cid})"])
        tot = F(0)
        for v in g[cid]:
            u = shown_unit(v)
            tipo = {
                "licence": "Cargo recurrente",
                "credit": "Nota de crédito",
                "service": "Cargo único",
            }[v.role]
            plan = (
                "Único"
                if v.role == "service"
                else ("Anual (pago anual)" if v.yearly else "Mensual")
            )
            rows.append(
                [
                    None,
                    v.sub,
                    vname(v, "{n} [CSP NCE]"),
                    tipo,
                    plan,
                    v.qty,
                    money_cell(u, dec),
                    money_cell(u * v.qty, dec),
                ]
            )
            v.row = len(rows)
            tot += u * v.qty
        rows.append(
            [f"Subtotal {c['canonical']}", None, None, None, None, None, None, money_cell(tot, dec)]
        )
    rows.append(["Total general"])
    f = "#,##0" if dec == 0 else "#,##0.00"
    fn = "LicenciasOnLine_EstadoCuenta_nov2026.xlsx"
    save_xlsx(folder / fn, [("Estado de cuenta", rows, {"G": f, "H": f})])
    return fn, "Estado de cuenta"


def r_licencias(path, sheet):
    rows = read_xlsx(path, sheet)
    out, cur = [], None
    for i, r in enumerate(rows, start=1):
        a = r[0] if r else None
        if isinstance(a, str) and a.startswith("Cliente: "):
            cur = a[len("Cliente: ") :].rsplit("  (ID", 1)[0]
            continue
        if i > 4 and len(r) > 5 and isinstance(r[5], (int, float)) and a is None:
            u = parse_num(r[6])
            out.append(
                dict(
                    row=i,
                    client=cur,
                    text=r[2],
                    qty=int(r[5]),
                    unit=u / (12 if str(r[4]).startswith("Anual") else 1),
                    kind={
                        "Cargo recurrente": "licence",
                        "Nota de crédito": "credit",
                        "Cargo único": "service",
                    }[r[3]],
                )
            )
    return out


def v_tdsynnex_latam(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Cliente",
            "ID Cliente",
            "Dominio",
            "SKU",
            "Descripción",
            "Tipo Cargo",
            "Frecuencia",
            "Fecha Inicio",
            "Fecha Fin",
            "Cantidad",
            "Precio Lista",
            "Precio Neto",
            "Total Neto",
            "Moneda",
        ]
    ]
    order, g = by_client(case, case.vlines, rng=rng)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            u = shown_unit(v)
            lst = u * F(5, 4)
            tipo = {"licence": "Recurrente", "credit": "Credito", "service": "Unico"}[v.role]
            rows.append(
                [
                    c["canonical"],
                    f"CL{70000 + cid}",
                    domain(c["canonical"]),
                    ("LA" + BY_KEY[v.product].sku.replace(":", "")) if v.product else "LA-SRV-01",
                    vname(v, "MS CSP NCE {N}"),
                    tipo,
                    "Anual" if v.yearly else "Mensual",
                    "2026-11-01",
                    "2026-11-30",
                    str(v.qty),
                    num(lst, dec + 2),
                    num(u, dec),
                    num(u * v.qty, dec),
                    case.currency,
                ]
            )
            v.row = len(rows)
    fn = "TDSYNNEX_LATAM_consumo_202611.csv"
    write_csv(folder / fn, rows, "|", "utf-8")
    return fn, None


def r_tdsynnex_latam(path, sheet):
    rows = read_csv(path, "|")
    h = rows[0]
    ix = {k: h.index(k) for k in h}
    return [
        dict(
            row=i,
            client=r[ix["Cliente"]],
            text=r[ix["Descripción"]],
            qty=int(r[ix["Cantidad"]]),
            unit=parse_num(r[ix["Precio Neto"]]) / (12 if r[ix["Frecuencia"]] == "Anual" else 1),
            kind={"Recurrente": "licence", "Credito": "credit", "Unico": "service"}[
                r[ix["Tipo Cargo"]]
            ],
        )
        for i, r in enumerate(rows[1:], start=2)
    ]


def v_sbcs(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "請求年月",
            "販売店コード",
            "エンドユーザー名",
            "テナントドメイン",
            "商品コード",
            "商品名",
            "課金区分",
            "契約期間",
            "数量",
            "単価",
            "金額",
            "備考",
        ]
    ]
    order, g = by_client(case, case.vlines)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            u = shown_unit(v)
            kb = {"licence": "年額" if v.yearly else "月額", "credit": "返金", "service": "作業費"}[
                v.role
            ]
            rows.append(
                [
                    "2026/11",
                    "SBC-004417",
                    c["canonical"],
                    domain(c["canonical"]),
                    BY_KEY[v.product].sku if v.product else "SV-001",
                    vname(v, "{n}（NCE）"),
                    kb,
                    "1年" if v.yearly else "1ヶ月",
                    str(v.qty),
                    num(u, dec),
                    num(u * v.qty, dec),
                    "年額一括" if v.yearly else "",
                ]
            )
            v.row = len(rows)
    fn = "SBCS_seikyu_meisai_202611.csv"
    write_csv(folder / fn, rows, ",", "cp932", csv.QUOTE_ALL)
    return fn, None


def r_sbcs(path, sheet):
    rows = read_csv(path, ",", "cp932")
    h = rows[0]
    ix = {k: h.index(k) for k in h}
    out = []
    for i, r in enumerate(rows[1:], start=2):
        kb = r[ix["課金区分"]]
        out.append(
            dict(
                row=i,
                client=r[ix["エンドユーザー名"]],
                text=r[ix["商品名"]],
                qty=int(r[ix["数量"]]),
                unit=parse_num(r[ix["単価"]]) / (12 if r[ix["契約期間"]] == "1年" else 1),
                kind={"月額": "licence", "年額": "licence", "返金": "credit", "作業費": "service"}[
                    kb
                ],
            )
        )
    return out


def _style(case):
    return {
        "INR": "in",
        "ZAR": "za",
        "BRL": "br",
        "TRY": "tr",
        "IDR": "br",
        "COP": "br",
        "CLP": "br",
    }.get(case.currency, "us")


def v_redington(case, folder, rng):
    dec, st = case.dec, _style(case)
    rate = REGIONS[case.region]["tax"]
    head = [
        "S.No",
        "End Customer Name",
        "Tax Reg. No",
        "HSN/SAC",
        "Item Code",
        "Item Description",
        "Billing Cycle",
        "Qty",
        "Rate",
        "Taxable Value",
        "Tax Rate",
        "Tax Amount",
        "Total",
    ]
    rows = [
        ["Redington Cloud Services - Invoice Annexure"],
        [f"Billing period: 01-11-2026 to 30-11-2026 ({case.currency})"],
        ["Partner: MSP Partner"],
        [],
        head,
    ]
    order, g = by_client(case, case.vlines, rng=rng)
    summary = [["End Customer Name", "Taxable Value"]]
    n = 0
    for cid in order:
        c = case.clients[cid]
        tot = F(0)
        for v in g[cid]:
            u = shown_unit(v)
            amt = u * v.qty
            tax = amt * F(Decimal(rate[1]))
            n += 1
            cyc = "One-time" if v.role == "service" else ("Annual" if v.yearly else "Monthly")
            desc = vname(v, "{n} - NCE") + (" - Credit Note" if v.role == "credit" else "")
            rows.append(
                [
                    n,
                    c["canonical"],
                    c["taxid"].split(" ", 1)[-1],
                    "998315",
                    BY_KEY[v.product].sku if v.product else "SRV-ONB",
                    desc,
                    cyc,
                    v.qty,
                    num(u, dec, st),
                    num(amt, dec, st),
                    rate[0],
                    num(tax, dec, st),
                    num(amt + tax, dec, st),
                ]
            )
            v.row = len(rows)
            tot += amt
        summary.append([c["canonical"], num(tot, dec, st)])
    fn = "Redington_Annexure_Nov2026.xlsx"
    save_xlsx(folder / fn, [("Summary", summary, None), ("Annexure", rows, None)])
    return fn, "Annexure"


def r_redington(path, sheet):
    rows = read_xlsx(path, sheet)
    st = _style_from_text(rows[1][0])
    out = []
    for i, r in enumerate(rows, start=1):
        if i > 5 and r and isinstance(r[0], int):
            out.append(
                dict(
                    row=i,
                    client=r[1],
                    text=r[5],
                    qty=int(r[7]),
                    unit=parse_num(r[8], st) / (12 if r[6] == "Annual" else 1),
                    kind="service" if r[6] == "One-time" else ("credit" if r[7] < 0 else "licence"),
                )
            )
    return out


def _style_from_text(t):
    cur = re.search(r"\(([A-Z]{3})\)", t).group(1)
    return {
        "INR": "in",
        "ZAR": "za",
        "BRL": "br",
        "TRY": "tr",
        "IDR": "br",
        "COP": "br",
        "CLP": "br",
    }.get(cur, "us")


def v_crayon(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Invoice Profile",
            "Organization",
            "Customer Tenant",
            "Product Name",
            "Part Number",
            "Billing Frequency",
            "Commitment",
            "Quantity",
            "Unit Cost",
            "Total Cost",
            "Currency",
            "Period From",
            "Period To",
        ]
    ]
    order, g = by_client(case, case.vlines, rng=rng)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            u = shown_unit(v)
            freq = "OneTime" if v.role == "service" else ("Annual" if v.yearly else "Monthly")
            rows.append(
                [
                    "Default",
                    c["canonical"],
                    domain(c["canonical"]),
                    vname(v, "{n}") + (" (credit)" if v.role == "credit" else ""),
                    BY_KEY[v.product].sku if v.product else "CRY-PS-001",
                    freq,
                    "P1Y" if v.yearly else "P1M",
                    str(v.qty),
                    num(u, dec),
                    num(u * v.qty, dec),
                    case.currency,
                    "01-Nov-2026",
                    "30-Nov-2026",
                ]
            )
            v.row = len(rows)
    fn = "CrayonAsia_BillingStatement_Nov2026.csv"
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(rows)
    (folder / fn).write_bytes(buf.getvalue().encode("utf-16"))
    return fn, None


def r_crayon(path, sheet):
    rows = read_csv(path, "\t")
    h = rows[0]
    ix = {k: h.index(k) for k in h}
    out = []
    for i, r in enumerate(rows[1:], start=2):
        q = int(r[ix["Quantity"]])
        f = r[ix["Billing Frequency"]]
        out.append(
            dict(
                row=i,
                client=r[ix["Organization"]],
                text=r[ix["Product Name"]],
                qty=q,
                unit=parse_num(r[ix["Unit Cost"]]) / (12 if f == "Annual" else 1),
                kind="service" if f == "OneTime" else ("credit" if q < 0 else "licence"),
            )
        )
    return out


def v_exclusive(case, folder, rng):
    dec, cur = case.dec, case.currency
    rows = [
        ["Exclusive Networks MEA FZ-LLC"],
        ["Dubai Internet City, Dubai, UAE"],
        [f"Cloud Billing Report - November 2026 - {cur}"],
        [],
        [
            "Reseller",
            "End User",
            "Vendor",
            "SKU",
            "Description",
            "Term",
            "Billing",
            "Qty",
            "Unit Cost",
            "Line Total",
        ],
    ]
    order, g = by_client(case, case.vlines, rng=rng)
    tot = F(0)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            u = shown_unit(v)
            p = BY_KEY[v.product] if v.product else None
            bill = (
                "One-off" if v.role == "service" else ("Annual upfront" if v.yearly else "Monthly")
            )
            rows.append(
                [
                    "MSP Partner",
                    c["canonical"],
                    p.maker if p else "Exclusive Networks",
                    p.sku if p else "XN-PS-ONB",
                    vname(v, "{n} (NCE)") + (" - credit" if v.role == "credit" else ""),
                    "1 Year" if v.yearly else "1 Month",
                    bill,
                    v.qty,
                    num(u, dec, "us", cur + " "),
                    num(u * v.qty, dec, "us", cur + " "),
                ]
            )
            v.row = len(rows)
            tot += u * v.qty
    rows.append(
        [
            None,
            None,
            None,
            None,
            None,
            None,
            "Grand Total",
            None,
            None,
            num(tot, dec, "us", cur + " "),
        ]
    )
    fn = "ExclusiveNetworks_MEA_CloudBilling_Nov2026.xlsx"
    save_xlsx(folder / fn, [("Billing", rows, None)])
    return fn, "Billing"


def r_exclusive(path, sheet):
    rows = read_xlsx(path, sheet)
    out = []
    for i, r in enumerate(rows, start=1):
        if i > 5 and r[1]:
            q = int(r[7])
            out.append(
                dict(
                    row=i,
                    client=r[1],
                    text=r[4],
                    qty=q,
                    unit=parse_num(r[8]) / (12 if r[6] == "Annual upfront" else 1),
                    kind="service" if r[6] == "One-off" else ("credit" if q < 0 else "licence"),
                )
            )
    return out


def v_softline(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Müşteri Unvanı",
            "Vergi No",
            "Hareket Tipi",
            "Ürün Kodu",
            "Ürün Adı",
            "Dönem",
            "Faturalama Sıklığı",
            "Adet",
            "Birim Fiyat",
            "Tutar",
            "Para Birimi",
        ]
    ]
    order, g = by_client(case, case.vlines)
    for cid in order:
        c = case.clients[cid]
        for v in g[cid]:
            u = shown_unit(v)
            ht = {"licence": "Fatura", "credit": "İade", "service": "Hizmet"}[v.role]
            rows.append(
                [
                    c["canonical"],
                    c["taxid"].split(" ", 1)[-1],
                    ht,
                    BY_KEY[v.product].sku if v.product else "HZM-001",
                    vname(v, "{n} (NCE)"),
                    "01.11.2026-30.11.2026",
                    "Yıllık" if v.yearly else ("Tek Sefer" if v.role == "service" else "Aylık"),
                    str(v.qty),
                    num(u, dec, "tr"),
                    num(u * v.qty, dec, "tr"),
                    case.currency,
                ]
            )
            v.row = len(rows)
    fn = "Softline_TR_fatura_detay_2026-11.csv"
    write_csv(folder / fn, rows, ";", "cp1254")
    return fn, None


def r_softline(path, sheet):
    rows = read_csv(path, ";", "cp1254")
    h = rows[0]
    ix = {k: h.index(k) for k in h}
    return [
        dict(
            row=i,
            client=r[ix["Müşteri Unvanı"]],
            text=r[ix["Ürün Adı"]],
            qty=int(r[ix["Adet"]]),
            unit=parse_num(r[ix["Birim Fiyat"]], "tr")
            / (12 if r[ix["Faturalama Sıklığı"]] == "Yıllık" else 1),
            kind={"Fatura": "licence", "İade": "credit", "Hizmet": "service"}[
                r[ix["Hareket Tipi"]]
            ],
        )
        for i, r in enumerate(rows[1:], start=2)
    ]


# ---------------------------------------------------------------- PSA writers
def p_omie(case, folder, rng):
    dec = case.dec
    rows = [
        ["Omie - Contratos de Serviço (itens)"],
        ["Empresa: MSP Soluções em TI Ltda."],
        ["Emitido em 30/11/2026 18:42"],
        [
            "Nº Contrato",
            "Cliente (Razão Social)",
            "CNPJ/CPF",
            "Código do Serviço",
            "Descrição do Serviço",
            "Quantidade",
            "Valor Unitário",
            "Valor Total",
            "Frequência de Faturamento",
            "Situação",
        ],
    ]
    order, g = by_client(case, case.plines, psa=True)
    for cid in order:
        c = case.clients[cid]
        for p in g[cid]:
            u = shown_unit(p)
            rows.append(
                [
                    f"CT-{2000 + cid}",
                    c["psa_name"],
                    c["taxid"].replace("CNPJ ", ""),
                    "SRV" if p.role == "service" else "LIC",
                    p.text,
                    p.qty,
                    money_cell(u, dec),
                    money_cell(u * p.qty, dec),
                    "Anual" if p.yearly else "Mensal",
                    "Suspenso" if p.role == "not_billed" else "Ativo",
                ]
            )
            p.row = len(rows)
    f = "#,##0" if dec == 0 else "#,##0.00"
    fn = "omie_contratos_servico.xlsx"
    save_xlsx(folder / fn, [("Contratos", rows, {"G": f, "H": f})])
    return fn, "Contratos"


def r_omie(path, sheet):
    rows = read_xlsx(path, sheet)
    return [
        dict(
            row=i,
            client=r[1],
            text=r[4],
            qty=r[5],
            unit=parse_num(r[6]) / (12 if r[8] == "Anual" else 1),
            active=r[9] == "Ativo",
        )
        for i, r in enumerate(rows, start=1)
        if i > 4
    ]


def p_contpaqi(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Fecha",
            "Serie",
            "Folio",
            "Cliente",
            "RFC",
            "Código",
            "Concepto",
            "Clave SAT",
            "Unidad",
            "Cantidad",
            "Precio",
            "Importe",
            "Estado",
        ]
    ]
    order, g = by_client(case, case.plines, psa=True, rng=rng)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        for p in g[cid]:
            u = shown_unit(p)
            rows.append(
                [
                    "30/11/2026",
                    "A",
                    str(4100 + n),
                    c["psa_name"],
                    c["taxid"].replace("RFC ", ""),
                    "SERV" if p.role == "service" else "LIC",
                    p.text,
                    "81112100" if p.role != "service" else "81111800",
                    "E48 - Unidad de servicio",
                    str(p.qty),
                    num(u, dec, "us", "$"),
                    num(u * p.qty, dec, "us", "$"),
                    "Cancelado" if p.role == "not_billed" else "Vigente",
                ]
            )
            p.row = len(rows)
    fn = "CONTPAQi_relacion_conceptos_nov2026.csv"
    write_csv(folder / fn, rows, ",", "cp1252")
    return fn, None


def r_contpaqi(path, sheet):
    rows = read_csv(path, ",", "cp1252")
    return [
        dict(
            row=i,
            client=r[3],
            text=r[6],
            qty=int(r[9]),
            unit=parse_num(r[10]),
            active=r[12] == "Vigente",
        )
        for i, r in enumerate(rows[1:], start=2)
    ]


def p_alegra(case, folder, rng):
    dec = case.dec
    rows = [
        ["Alegra - Ventas por cliente e ítem"],
        [f"Desde 01/11/2026 hasta 30/11/2026 - Moneda {case.currency}"],
        ["Ítem", "Referencia", "Descripción", "Cantidad", "Precio", "Descuento %", "Total"],
    ]
    order, g = by_client(case, case.plines, psa=True)
    for cid in order:
        c = case.clients[cid]
        rows.append([f"Cliente: {c['psa_name']}", None, c["taxid"]])
        tot = F(0)
        for p in g[cid]:
            u = shown_unit(p)
            if p.disc:
                lst = u / (1 - p.disc)
                rows.append(
                    [
                        p.text,
                        "LIC-MEN",
                        None,
                        p.qty,
                        money_cell(lst, dec),
                        float(p.disc * 100),
                        money_cell(u * p.qty, dec),
                    ]
                )
            else:
                rows.append(
                    [
                        p.text,
                        "IMP"
                        if "tax_line_local_label" in p.classes
                        else ("SERV" if p.role == "service" else "LIC-MEN"),
                        None,
                        p.qty,
                        money_cell(u, dec),
                        None,
                        money_cell(u * p.qty, dec),
                    ]
                )
            p.row = len(rows)
            tot += u * p.qty
        rows.append(["Total cliente", None, None, None, None, None, money_cell(tot, dec)])
    f = "#,##0" if dec == 0 else "#,##0.00"
    fn = "alegra_ventas_por_cliente.xlsx"
    save_xlsx(folder / fn, [("Ventas", rows, {"E": f, "G": f})])
    return fn, "Ventas"


def r_alegra(path, sheet):
    rows = read_xlsx(path, sheet)
    out, cur = [], None
    for i, r in enumerate(rows, start=1):
        if i <= 3:
            continue
        if isinstance(r[0], str) and r[0].startswith("Cliente: "):
            cur = r[0][9:]
            continue
        if r[3] is None:
            continue
        u = parse_num(r[4])
        if r[5]:
            u = u * (1 - parse_num(r[5]) / 100)
        out.append(dict(row=i, client=cur, text=r[0], qty=r[3], unit=u, active=True))
    return out


def p_freee(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "請求書番号",
            "請求日",
            "取引先名",
            "敬称",
            "品目",
            "摘要",
            "数量",
            "単位",
            "単価",
            "金額",
            "税率",
        ]
    ]
    order, g = by_client(case, case.plines, psa=True, rng=rng)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        for p in g[cid]:
            tax = "tax_line_local_label" in p.classes
            rows.append(
                [
                    f"INV-{202611000 + n}",
                    "2026/11/30",
                    c["psa_name"],
                    "御中",
                    p.text,
                    "" if tax else "2026年11月分",
                    str(p.qty),
                    "式" if p.role == "service" else "名",
                    num(p.unit, dec),
                    num(p.unit * p.qty, dec),
                    "" if tax else "10%",
                ]
            )
            p.row = len(rows)
    fn = "freee_seikyusho_meisai_202611.csv"
    write_csv(folder / fn, rows, ",", "cp932")
    return fn, None


def r_freee(path, sheet):
    rows = read_csv(path, ",", "cp932")
    return [
        dict(row=i, client=r[2], text=r[4], qty=int(r[6]), unit=parse_num(r[8]), active=True)
        for i, r in enumerate(rows[1:], start=2)
    ]


def p_zoho(case, folder, rng):
    dec, st, cur = case.dec, _style(case), case.currency
    sym = SYM[cur]
    pos = {"IN": "MH", "AE": "Dubai", "ZA": "Gauteng"}.get(case.region, "")
    rows = [
        [
            "Invoice Date",
            "Invoice Number",
            "Customer Name",
            "Tax Registration No.",
            "Place Of Supply",
            "Item Name",
            "Item Desc",
            "Quantity",
            "Rate",
            "Discount(%)",
            "Item Total",
            "Recurrence",
            "Invoice Status",
            "Currency Code",
        ]
    ]
    order, g = by_client(case, case.plines, psa=True, rng=rng)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        for p in g[cid]:
            u = shown_unit(p)
            rate = u / (1 - p.disc) if p.disc else u
            rows.append(
                [
                    "30/11/2026",
                    f"INV-{7000 + n:06d}",
                    c["psa_name"],
                    c["taxid"].split(" ", 1)[-1],
                    pos,
                    p.text,
                    "" if p.role == "service" else "Subscription for the month of November 2026",
                    p.qty,
                    num(rate, dec, st, sym),
                    f"{float(p.disc * 100):g}%" if p.disc else "",
                    num(u * p.qty, dec, st, sym),
                    "Yearly" if p.yearly else "Monthly",
                    "Void" if p.role == "not_billed" else rng.choice(["Sent", "Paid", "Overdue"]),
                    cur,
                ]
            )
            p.row = len(rows)
    fn = "Zoho_Books_Invoices_Nov2026.xlsx"
    save_xlsx(folder / fn, [("Invoices", rows, None)])
    return fn, "Invoices"


def r_zoho(path, sheet):
    rows = read_xlsx(path, sheet)
    out = []
    for i, r in enumerate(rows[1:], start=2):
        st = {"INR": "in", "ZAR": "za"}.get(r[13], "us")
        u = parse_num(r[8], st)
        if r[9]:
            u = u * (1 - parse_num(r[9]) / 100)
        out.append(
            dict(
                row=i,
                client=r[2],
                text=r[5],
                qty=r[7],
                unit=u / (12 if r[11] == "Yearly" else 1),
                active=r[12] != "Void",
            )
        )
    return out


def p_autocount(case, folder, rng):
    dec = case.dec
    rows = [
        ["MSP TECHNOLOGY SDN. BHD." if case.region == "MY" else "MSP TECHNOLOGY PTE. LTD."],
        ["Sales Invoice Listing (Detail)"],
        ["Date From 01/11/2026 To 30/11/2026"],
        [],
        ["Item Code", "Description", "Qty", "UOM", "Unit Price", "Disc", "SubTotal"],
    ]
    order, g = by_client(case, case.plines, psa=True)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        rows.append(
            [
                f"Doc No.: IV-{11000 + n}",
                "Date: 30/11/2026",
                f"Debtor: 300-{c['psa_name'][:1].upper()}{cid:03d}",
                f"Name: {c['psa_name']}",
            ]
        )
        for p in g[cid]:
            tax = "tax_line_local_label" in p.classes
            rows.append(
                [
                    "TAX" if tax else ("SVC" if p.role == "service" else "LICENCE"),
                    p.text,
                    str(p.qty),
                    "UNIT" if p.role == "service" else "USER",
                    num(p.unit, dec),
                    "",
                    num(p.unit * p.qty, dec),
                ]
            )
            p.row = len(rows)
    fn = "AutoCount_SalesInvoiceListing_Nov2026.csv"
    write_csv(folder / fn, rows, ",", "utf-8-sig")
    return fn, None


def r_autocount(path, sheet):
    rows = read_csv(path, ",")
    out, cur = [], None
    for i, r in enumerate(rows, start=1):
        if i <= 5 or not r:
            continue
        if r[0].startswith("Doc No.:"):
            cur = r[3][len("Name: ") :]
            continue
        out.append(
            dict(row=i, client=cur, text=r[1], qty=int(r[2]), unit=parse_num(r[4]), active=True)
        )
    return out


def p_jurnal(case, folder, rng):
    dec = case.dec
    rows = [
        [
            "Nomor Transaksi",
            "Tanggal Transaksi",
            "Nama Pelanggan",
            "Nama Produk",
            "Deskripsi Produk",
            "Kuantitas",
            "Satuan",
            "Harga Satuan",
            "Diskon (%)",
            "Jumlah",
            "Pajak",
            "Status",
        ]
    ]
    order, g = by_client(case, case.plines, psa=True, rng=rng)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        for p in g[cid]:
            rate = p.unit / (1 - p.disc) if p.disc else p.unit
            rows.append(
                [
                    f"Sales Invoice #{10500 + n}",
                    "30/11/2026",
                    c["psa_name"],
                    p.text,
                    "Langganan bulanan" if p.role != "service" else "",
                    str(p.qty),
                    "Unit" if p.role == "service" else "Pengguna",
                    num(rate, dec, "br"),
                    f"{float(p.disc * 100):g}".replace(".", ",") if p.disc else "0",
                    num(p.unit * p.qty, dec, "br"),
                    "PPN 11%",
                    "Void" if p.role == "not_billed" else rng.choice(["Lunas", "Belum Dibayar"]),
                ]
            )
            p.row = len(rows)
    fn = "jurnal_detail_penjualan_nov2026.csv"
    write_csv(folder / fn, rows, ",", "utf-8", csv.QUOTE_ALL)
    return fn, None


def r_jurnal(path, sheet):
    rows = read_csv(path, ",")
    out = []
    for i, r in enumerate(rows[1:], start=2):
        u = parse_num(r[7], "br")
        d = parse_num(r[8], "br")
        out.append(
            dict(
                row=i,
                client=r[2],
                text=r[3],
                qty=int(r[5]),
                unit=u * (1 - d / 100),
                active=r[11] != "Void",
            )
        )
    return out


def p_logo(case, folder, rng):
    dec = case.dec
    rows = [
        ["LOGO Tiger 3 - Satış Faturaları Satır Listesi"],
        ["Tarih aralığı: 01.11.2026 - 30.11.2026"],
        [
            "Fatura No",
            "Tarih",
            "Cari Hesap Unvanı",
            "VKN/TCKN",
            "Malzeme Kodu",
            "Açıklama",
            "Miktar",
            "Birim",
            "Birim Fiyat",
            "Tutar",
            "KDV Oranı",
            "Dönem",
        ],
    ]
    order, g = by_client(case, case.plines, psa=True, rng=rng)
    for n, cid in enumerate(order):
        c = case.clients[cid]
        for p in g[cid]:
            tax = "tax_line_local_label" in p.classes
            u = shown_unit(p)
            rows.append(
                [
                    f"SF{2026}{n:06d}",
                    "30.11.2026",
                    c["psa_name"],
                    c["taxid"].split(" ", 1)[-1],
                    "KDV" if tax else ("HZM" if p.role == "service" else "LIS"),
                    p.text,
                    p.qty,
                    "Adet",
                    money_cell(u, dec),
                    money_cell(u * p.qty, dec),
                    "" if tax else 20,
                    "" if tax else ("Yıllık" if p.yearly else "Aylık"),
                ]
            )
            p.row = len(rows)
    fn = "Logo_SatisFaturalari_Kasim2026.xlsx"
    save_xlsx(folder / fn, [("Satış Faturaları", rows, {"I": "#,##0.00", "J": "#,##0.00"})])
    return fn, "Satış Faturaları"


def r_logo(path, sheet):
    rows = read_xlsx(path, sheet)
    return [
        dict(
            row=i,
            client=r[2],
            text=r[5],
            qty=r[6],
            unit=parse_num(r[8]) / (12 if r[11] == "Yıllık" else 1),
            active=True,
        )
        for i, r in enumerate(rows, start=1)
        if i > 3
    ]


# name: (writer, reader, caps)
VENDORS = {
    "ingram_br_extrato_nuvem_semicolon_csv": (v_ingram_br, r_ingram_br, {"service"}),
    "licencias_online_edo_cuenta_bloques_xlsx": (v_licencias, r_licencias, {"service"}),
    "tdsynnex_latam_consumo_pipe_csv": (v_tdsynnex_latam, r_tdsynnex_latam, {"service"}),
    "sbcs_seikyu_meisai_cp932_csv": (v_sbcs, r_sbcs, {"service"}),
    "redington_annexure_second_sheet_xlsx": (v_redington, r_redington, {"service"}),
    "crayon_asia_billing_utf16_tab_csv": (v_crayon, r_crayon, {"service"}),
    "exclusive_mea_text_amounts_xlsx": (v_exclusive, r_exclusive, {"service"}),
    "softline_tr_fatura_cp1254_semicolon_csv": (v_softline, r_softline, {"service"}),
}
# name: (writer, reader, caps, regions)
PSAS = {
    "omie_contratos_servico_br_xlsx": (p_omie, r_omie, {"yearly", "status"}, ["BR"]),
    "contpaqi_conceptos_cfdi_mx_csv": (p_contpaqi, r_contpaqi, {"status"}, ["MX"]),
    "alegra_ventas_cliente_bloques_xlsx": (p_alegra, r_alegra, {"discount", "tax"}, ["CO", "CL"]),
    "freee_seikyusho_meisai_cp932_csv": (p_freee, r_freee, {"tax"}, ["JP"]),
    "zoho_books_invoices_region_text_xlsx": (
        p_zoho,
        r_zoho,
        {"yearly", "discount", "status"},
        ["IN", "AE", "ZA"],
    ),
    "autocount_invoice_listing_blocks_csv": (p_autocount, r_autocount, {"tax"}, ["MY", "SG"]),
    "jurnal_penjualan_detail_id_csv": (p_jurnal, r_jurnal, {"discount", "status"}, ["ID"]),
    "logo_tiger_satis_faturalari_tr_xlsx": (p_logo, r_logo, {"yearly", "tax"}, ["TR"]),
}
