"""Self-check of set AQ: re-read every written file with csv/openpyxl (nothing from the generator) and
check that truth.json ties to the files. Usage: python -m bench.independent_aq.selfcheck OUT"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl

NOTB = "not_billed"
# how to read each export (written from the formats' descriptions in README.md, not from the writers)
VSPEC = {
    "sherweb_releve_partenaire_fr_pv_bom_csv": dict(d=";", enc="utf-8-sig", client="Nom du client", product="Produit",
        qty="Quantité", unit="Coût unitaire", amount="Montant", annual=("Cycle de facturation", "Annuel")),
    "partnercenter_recon_resauve_excel_frca_cp1252_csv": dict(d=";", enc="cp1252", client="CustomerName",
        product="ProductName", qty="BillableQuantity", unit="EffectiveUnitPrice", amount="Subtotal",
        annual=("BillingFrequency", "Annual")),
    "ingram_ca_releve_bilingue_prix_net_xlsx": dict(sheet="Détails - Details", client="Client / Customer",
        product="Produit / Product", qty="Qté / Qty", net="Prix net / Net Price",
        annual_in=("Produit / Product", "(Annual Pre-Paid)"), summary=("Sommaire - Summary", "Total net / Net total")),
    "tdsynnex_ca_ion_dollar_texte_total_csv": dict(d=",", enc="utf-8", client="End Customer Name",
        product="Product Description", qty="Quantity", unit="Unit Cost", amount="Extended Cost",
        annual=("Billing Frequency", "Annual"), total=("Invoice Date", "Total")),
    "pax8_ca_portail_tps_tvq_csv": dict(d=",", enc="utf-8", client="company_name", product="description",
        qty="quantity", unit="cost", amount="cost_total", annual_in=("details", "Paid Annually")),
    "telco_qc_releve_comptes_blocs_xlsx": dict(sheet="Relevé", block=r"^Compte client : (.*) \(nº \d+\)$",
        product="Description du service", strip="Crédit - ", qty="Qté", unit="Prix unitaire", amount="Montant",
        annual=("Fréquence", "Annuelle"), subtotal=("Description du service", "Sous-total du compte"),
        total=("Description du service", "Total du relevé")),
    "partnercenter_legacy_offres_frca_tsv": dict(d="\t", enc="utf-8-sig", client="CustomerName", product="OfferName",
        qty="Quantity", net="Subtotal", annual=("BillingCycleType", "Annual")),
    "distributeur_qc_releve_fr_en_cp1252_csv": dict(d=",", enc="cp1252", client="Client", product="Description (EN)",
        qty="Qté", unit="Coût unitaire", amount="Total", annual=("Fréquence", "Annuelle"),
        total=("Client", "Total du relevé")),
}  # fmt: skip
PSPEC = {
    "acomba_journal_ventes_pv_cp1252_csv": dict(d=";", enc="cp1252", client="Nom du client", product="Description",
        qty="Quantité", unit="Prix unitaire", amount="Montant", status=("Statut", {"Annulée"}),
        total=("Nom du client", "Total du journal")),
    "sage50_fr_ventes_detail_client_xlsx": dict(sheet="Ventes par client", group=True, product="Description",
        qty="Qté", unit="Prix", amount="Montant", status=("Type", {"Facture annulée"}),
        subtotal=("Client / Date", "Total client"), total=("Client / Date", "Total général")),
    "qbo_fr_ca_details_ventes_client_bom_csv": dict(d=",", enc="utf-8-sig", group=True,
        product="Description de l'article", qty="Qté", unit="Prix de vente", amount="Montant",
        status=("Note", {"Annulée"}), subtotal=("", "Total pour "), total=("", "TOTAL")),
    "xero_ca_factures_tps_tvq_escompte_csv": dict(d=",", enc="utf-8", client="*ContactName", product="*Description",
        qty="*Quantity", unit="*UnitAmount", disc="Discount", status=("Status", {"VOIDED"})),
    "cw_fr_ajouts_ententes_moins_inclus_xlsx": dict(sheet="Ajouts", client="Nom de l'entreprise",
        product="Description", qty="Quantité", less="Moins inclus", unit="Prix", amount="Prix ext.",
        status=("Statut de l'ajout", {"Annulé"}), status2=("Facturer", {"Ne pas facturer"})),
    "autotask_services_contrat_tabul_bom_tsv": dict(d="\t", enc="utf-8-sig", client="Account Name",
        product="Service Name", qty="Units", unit="Unit Price", amount="Adjusted Price",
        annual=("Period Type", "Yearly"), status=("Status", {"Inactive"}), total=("Account Name", "Total")),
    "syncro_horaires_fr_cents_annuel_csv": dict(d=",", enc="utf-8", client="customer_business_then_name",
        product="name", qty="quantity", cents="retail_cents", annual=("frequency", "Annually"),
        status=("paused", {"true"})),
    "maestro_erp_facturation_recurrente_statuts_xlsx": dict(sheet="Facturation récurrente", client="Client",
        product="Désignation", qty="Qté", unit="Prix unitaire", amount="Montant", annual=("Fréquence", "Annuelle"),
        status=("Statut", {"Annulé", "Suspendu", "Résilié", "En attente"}), total=("Client", "Total")),
}  # fmt: skip


def cell(x):
    if x is None:
        return ""
    if isinstance(x, float):
        return repr(x)
    return str(x)


def read_rows(path, spec):
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(path, read_only=True)[spec["sheet"]]
        return [[cell(x) for x in r] for r in ws.iter_rows(values_only=True)]
    text = path.read_bytes().decode(spec["enc"])
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=spec["d"])]


def money(s):
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("$", "")
    neg = s.startswith("-") or (s.startswith("(") and s.endswith(")"))
    s = s.strip("-()")
    if "," in s and "." in s:
        s = s.replace(",", "")
    s = s.replace(",", ".")
    v = Fraction(Decimal(s))
    return -v if neg else v


def qty_of(s):
    try:
        return int(Decimal(s.replace("\u00a0", "")))
    except Exception:
        return None


class Sheet:
    def __init__(self, rows, spec):
        self.rows = rows
        need = [spec["qty"], spec["product"]]
        self.h = next(i for i, r in enumerate(rows) if all(n in r for n in need))
        self.cols = {n: j for j, n in enumerate(rows[self.h])}

    def get(self, i, name):
        r = self.rows[i]
        j = self.cols[name]
        return r[j] if j < len(r) else ""


def read_side(folder, fname, spec, side):
    rows = read_rows(folder / fname, spec)
    S = Sheet(rows, spec)
    lines = {}
    client = None
    scope = []  # (label row index, kind, expected)
    block_sum, grand = Fraction(0), Fraction(0)
    for i in range(S.h + 1, len(rows)):
        r = rows[i]
        first = r[0] if r else ""
        if not any(x.strip() for x in r):
            continue
        if "block" in spec:
            m = re.match(spec["block"], first)
            if m:
                client, block_sum = m.group(1), Fraction(0)
                continue
        for key in ("subtotal", "total"):
            if key in spec:
                col, lab = spec[key]
                v = S.get(i, col) if col else first
                if (key == "subtotal" and v.startswith(lab)) or (key == "total" and v == lab):
                    amt = money(S.get(i, spec.get("amount") or spec.get("net") or "Total"))
                    scope.append(
                        (
                            i + 1,
                            key,
                            amt,
                            block_sum if key == "subtotal" else grand,
                            v,
                            client,
                        )
                    )
                    break
        else:
            q = qty_of(S.get(i, spec["qty"]))
            if spec.get("group") and q is None and first and not any(x.strip() for x in r[1:]):
                client, block_sum = first, Fraction(0)
                continue
            if q is None:
                raise AssertionError(
                    f"{fname} row {i + 1}: not a line, a total or a group row: {r[:6]}"
                )
            ln = {
                "qty": q,
                "client": client
                if ("block" in spec or spec.get("group"))
                else S.get(i, spec["client"]),
            }
            text = S.get(i, spec["product"])
            if spec.get("strip") and text.startswith(spec["strip"]):
                text = text[len(spec["strip"]) :]
            ln["text"] = text
            if "cents" in spec:
                unit = Fraction(int(S.get(i, spec["cents"])), 100)
            elif "net" in spec:
                unit = money(S.get(i, spec["net"])) / q
            else:
                unit = money(S.get(i, spec["unit"]))
            if spec.get("disc") and S.get(i, spec["disc"]):
                unit = unit * (1 - Fraction(Decimal(S.get(i, spec["disc"]))) / 100)
            if "less" in spec:
                ln["qty"] = q - int(float(S.get(i, spec["less"]) or 0))
            ann = False
            if "annual" in spec:
                ann = S.get(i, spec["annual"][0]) == spec["annual"][1]
            if "annual_in" in spec:
                ann = spec["annual_in"][1] in S.get(i, spec["annual_in"][0])
            ln["monthly"] = unit / 12 if ann else unit
            ln["annual"] = ann
            nb = False
            for key in ("status", "status2"):
                if key in spec and S.get(i, spec[key][0]) in spec[key][1]:
                    nb = True
            ln["not_billed"] = nb
            if "amount" in spec:
                amt = money(S.get(i, spec["amount"]))
                want = (
                    ln["qty"] * unit
                    if not (side == "psa" and nb and spec["amount"] == "Montant" and amt == 0)
                    else 0
                )
                assert abs(amt - want) < Fraction(1, 200), (
                    f"{fname} row {i + 1}: amount {amt} != qty x unit {want}"
                )
                ln["amount"] = amt
            else:
                ln["amount"] = ln["qty"] * unit
            if not nb:
                block_sum += ln["amount"]
                grand += ln["amount"]
            lines[i + 1] = ln
    for rowno, key, amt, want, label, cl in scope:
        assert abs(amt - want) < Fraction(1, 200), (
            f"{fname} row {rowno}: {label} {float(amt)} != lines {float(want)}"
        )
        if key == "subtotal" and label.startswith("Total pour "):
            assert label == f"Total pour {cl}", f"{fname} row {rowno}: {label} under {cl}"
    if "summary" in spec:
        ws = openpyxl.load_workbook(folder / fname, read_only=True)[spec["summary"][0]]
        for r in ws.iter_rows(values_only=True):
            if r and r[0] == spec["summary"][1]:
                assert abs(Fraction(Decimal(repr(r[1]))) - grand) < Fraction(1, 200), (
                    f"{fname}: summary total"
                )
    return lines


def half_up(fr):
    n = fr * 100
    q = n.numerator // n.denominator
    if n - q >= Fraction(1, 2):
        q += 1
    return f"{Decimal(q) / 100:.2f}"


def recompute(V, P, tv, tp):
    vk, pk = {}, {}
    for r, ln in V.items():
        t = tv[str(r)]
        vk.setdefault((t["client"], t["product"]), []).append((r, ln))
    for r, ln in P.items():
        t = tp[str(r)]
        if t["role"] == "licence":
            pk.setdefault((t["client"], t["product"]), []).append((r, ln))
    price = {}
    for k, ls in pk.items():
        q = sum(x["qty"] for _, x in ls)
        if q > 0:
            price[k] = sum(x["qty"] * x["monthly"] for _, x in ls) / q
    byprod = {}
    for k in sorted(price):
        byprod.setdefault(k[1], []).append(price[k])
    out = []
    for k in sorted(set(vk) | set(pk)):
        vl, pl = vk.get(k, []), pk.get(k, [])
        vq = sum(x["qty"] for _, x in vl)
        pq = sum(x["qty"] for _, x in pl)
        c = sum(x["qty"] * x["monthly"] for _, x in vl) / vq if vq else None
        p = price.get(k)
        fs = []
        if vq > 0 and not pl:
            fs.append(
                (
                    "unbilled",
                    vq * (statistics.median(byprod[k[1]]) if k[1] in byprod else c),
                )
            )
        if vq > 0 and pq > 0:
            if vq > pq:
                fs.append(("under_billed", (vq - pq) * p))
            elif pq > vq:
                fs.append(("over_billed", (pq - vq) * p))
            if p < c:
                fs.append(("below_cost", (c - p) * min(vq, pq)))
        if pq > 0 and not vl and p:
            fs.append(("no_vendor_record", pq * p))
        for t, a in fs:
            out.append(
                (
                    t,
                    k[0],
                    k[1],
                    tuple(sorted(r for r, _ in vl)),
                    tuple(sorted(r for r, _ in pl)),
                    half_up(a),
                )
            )
    return sorted(out)


def check_case(d):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    assert t["set"] == "AQ"
    V = read_side(d, t["vendor_file"], VSPEC[t["vendor_format"]], "vendor")
    P = read_side(d, t["psa_file"], PSPEC[t["psa_format"]], "psa")
    tv, tp = t["rows"]["vendor"], t["rows"]["psa"]
    assert sorted(V) == sorted(map(int, tv)), f"{d}: vendor line rows differ from truth"
    assert sorted(P) == sorted(map(int, tp)), f"{d}: PSA line rows differ from truth"
    # clients: one spelling per client on each side, never shared
    for side, L, T in (("vendor", V, tv), ("psa", P, tp)):
        names = {}
        for r, ln in L.items():
            names.setdefault(T[str(r)]["client"], set()).add(ln["client"])
        assert all(len(s) == 1 for s in names.values()), f"{d}: {side} client spelled two ways"
        flat = [next(iter(s)) for s in names.values()]
        assert len(flat) == len(set(flat)), f"{d}: two {side} clients share a spelling"
        if side == "vendor" or not t["perturb"]:
            bad = [k for k, s in names.items() if next(iter(s)) != k]
            assert not bad, f"{d}: {side} client names not canonical: {bad[:3]}"
    # vendor texts name one product each; roles agree with the cells
    prod_of = {}
    for r, ln in V.items():
        tr = tv[str(r)]
        assert prod_of.setdefault(ln["text"], tr["product"]) == tr["product"], (
            f"{d}: vendor text {ln['text']}"
        )
        assert (ln["qty"] < 0) == (tr["role"] == "credit"), f"{d}: vendor row {r} credit role"
    for r, ln in P.items():
        tr = tp[str(r)]
        assert ln["not_billed"] == (tr["role"] == NOTB), f"{d}: PSA row {r} role {tr['role']}"
        if tr["role"] == "service" or not t["perturb"]:
            assert ln["text"] == tr["product"], (
                f"{d}: PSA row {r} text {ln['text']!r} != {tr['product']!r}"
            )
        if t["perturb"] and t["clients_psa_names"].get(tr["client"]) != ln["client"]:
            raise AssertionError(f"{d}: PSA row {r} client {ln['client']}")
    want = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in t["findings"]
    )
    got = recompute(V, P, tv, tp)
    assert got == want, (
        f"{d}: findings differ ({len(got)} vs {len(want)}): {sorted(set(got) ^ set(want))[:3]}"
    )
    for f in t["findings"]:
        need = set()
        for r in f["psa_rows"]:
            need.update(tp[str(r)]["classes"])
        assert need <= set(f["classes"]), f"{d}: finding classes"
    return t


def main(out):
    out = Path(out)
    n, seen = 0, {}
    for tr in sorted(out.rglob("truth.json")):
        t = check_case(tr.parent)
        n += 1
        key = (t["seed"], t["clients"], t["vendor_format"], t["psa_format"])
        sig = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
        if key in seen:
            assert seen[key] == sig, f"{tr.parent}: perturbed and clean twins differ"
        seen[key] = sig
    print(f"selfcheck: {n} cases OK under {out}")
    return n


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out")
