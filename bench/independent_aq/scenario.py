"""Numbers (seed + clients), spellings (+ PSA format) and the truth of a set-AQ case."""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction

from .catalog import (
    ADDONS,
    BY_KEY,
    FEE_LIKE_PRODUCT,
    INHOUSE,
    LOOKALIKE_PAIRS,
    SERVICES,
    SUITES,
)
from .names import NAME_CLASSES, make_clients, mojibake, strip_accents, variant

CENT = Decimal("0.01")
EMAIL_MEMBERS = (
    "bb",
    "bs",
    "bp",
    "bp_nt",
    "m365e3",
    "m365e5",
    "o365e3",
    "o365e3_nt",
    "exo1",
    "exo2",
    "exok",
)


@dataclass
class VLine:
    cid: str
    product: str
    qty: int
    cost: Decimal  # monthly unit cost
    yearly: bool
    role: str  # licence | credit
    sub: str
    row: int = 0


@dataclass
class PLine:
    cid: str
    product: str | None
    text: str
    qty: int
    price: Decimal  # monthly unit price
    role: str  # licence | service | not_billed
    classes: list = field(default_factory=list)
    annual_ok: bool = False
    annual: bool = False
    less: int = 0
    disc: Decimal | None = None  # percent
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "CAD"


def _q05_up(x):
    return (x * 20).to_integral_value(rounding=ROUND_CEILING) / 20


def _cents_down(x):
    return x.quantize(CENT, rounding=ROUND_FLOOR)


def build_numbers(seed, n):
    rng = random.Random(f"AQ|numbers|{seed}|{n}")
    clients = make_clients(random.Random(f"AQ|clients|{seed}|{n}"), n)
    vlines, plines, baskets = [], [], {}
    for i, c in enumerate(clients):
        c["id"] = f"C{i + 1:04d}"
        r = rng.random()
        c["side"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.06 else "both"
        if c["sib"] and c["side"] != "both":
            c["side"] = "both"
        users = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25, 30, 40, 55])
        if c["sib"] and c["sib"] in baskets:  # siblings buy much the same
            basket = list(baskets[c["sib"]])
        else:
            basket = [rng.choice(SUITES)]
            for a in rng.sample(ADDONS, rng.randint(2, 5)):
                if a not in basket:
                    basket.append(a)
            if rng.random() < 0.24:
                for a in rng.choice(LOOKALIKE_PAIRS):
                    if a not in basket:
                        basket.append(a)
        baskets[c["canonical"]] = basket
        c["users"] = users
        sub_no = 0
        for prod in basket:
            P = BY_KEY[prod]
            if prod == "acr_srv":
                vq = rng.randint(1, 3)
            elif prod == basket[0]:
                vq = users
            else:
                vq = max(
                    1,
                    min(
                        users,
                        rng.choice([users, users, users - 1, users // 2, rng.randint(1, users)]),
                    ),
                )
            if c["side"] == "vendor_only":
                sc = "unbilled"
            elif c["side"] == "psa_only":
                sc = "nvr"
            else:
                x = rng.random()
                sc = ("ok" if x < 0.72 else "under" if x < 0.785 else "over" if x < 0.84 else
                      "below" if x < 0.90 else "unbilled" if x < 0.955 else "nvr")  # fmt: skip
                if sc == "under" and vq < 2:
                    sc = "over"
            vls = []
            if sc != "nvr":
                nsub = 2 if vq >= 2 and rng.random() < 0.22 else 1
                qs = [vq] if nsub == 1 else [vq - (k := rng.randint(1, vq - 1)), k]
                for j, q in enumerate(qs):
                    sub_no += 1
                    cost = P.cost
                    if j == 1 and rng.random() < 0.4:
                        cost = (P.cost * Decimal("0.95")).quantize(CENT)
                    yearly = rng.random() < 0.15
                    sid = f"{c['id']}-S{sub_no:02d}"
                    if rng.random() < 0.08:
                        k = rng.randint(1, 2)
                        vls.append(VLine(c["id"], prod, q + k, cost, yearly, "licence", sid))
                        vls.append(VLine(c["id"], prod, -k, cost, yearly, "credit", sid))
                    else:
                        vls.append(VLine(c["id"], prod, q, cost, yearly, "licence", sid))
            vlines.extend(vls)
            cmax = max([v.cost for v in vls], default=P.cost)
            cmin = min([v.cost for v in vls], default=P.cost)
            if sc == "unbilled":
                if rng.random() < 0.3 and c["side"] == "both":
                    plines.append(PLine(c["id"], prod, "", rng.randint(1, 5), _q05_up(cmax * Decimal("1.3")),
                                        "not_billed", ["ligne_non_facturee_statut"]))  # fmt: skip
                continue
            below = sc == "below" or (sc in ("under", "over") and rng.random() < 0.12)
            if below:
                p = _cents_down(cmin * Decimal(rng.randint(78, 95)) / 100)
            else:
                p = _q05_up(cmax * Decimal(rng.randint(112, 145)) / 100)
                if rng.random() < 0.4:
                    p -= CENT
            pq = {
                "under": vq - rng.randint(1, min(3, vq - 1)) if vq > 1 else vq,
                "over": vq + rng.randint(1, 3),
            }.get(sc, vq if sc != "nvr" else rng.randint(1, 12))
            if pq >= 3 and rng.random() < 0.12:
                q2 = rng.randint(1, pq - 1)
                p2 = p
                if not below and rng.random() < 0.35 and p - 1 >= cmax * Decimal("1.05"):
                    p2 = p - 1
                plines.append(
                    PLine(
                        c["id"],
                        prod,
                        "",
                        pq - q2,
                        p,
                        "licence",
                        [],
                        rng.random() < 0.12,
                    )
                )
                plines.append(
                    PLine(
                        c["id"],
                        prod,
                        "",
                        q2,
                        p2,
                        "licence",
                        ["ligne_complement_sieges"],
                        rng.random() < 0.12,
                    )
                )
            else:
                plines.append(PLine(c["id"], prod, "", pq, p, "licence", [], rng.random() < 0.12))
            if rng.random() < 0.07:
                plines.append(
                    PLine(
                        c["id"],
                        prod,
                        "",
                        rng.randint(1, 5),
                        p,
                        "not_billed",
                        ["ligne_non_facturee_statut"],
                    )
                )
        if c["side"] != "vendor_only":
            for s in rng.sample(SERVICES, rng.randint(1, 3)):
                text, unit, qr, pr = s
                q = users if unit == "seat" else rng.randint(*qr)
                price = Decimal(rng.randint(int(pr[0]), int(pr[1])))
                plines.append(
                    PLine(
                        c["id"],
                        None,
                        text,
                        q,
                        price,
                        "service",
                        ["service_fr_pas_une_licence"],
                    )
                )
            if rng.random() < 0.08:
                plines.append(PLine(c["id"], None, rng.choice(FEE_LIKE_PRODUCT), rng.randint(1, 3),
                                    Decimal(rng.choice([75, 150, 250])), "service", ["frais_nommes_comme_produit"]))  # fmt: skip
    return clients, vlines, plines


# ---- spellings ---------------------------------------------------------------------------------

DISCRIMINATING = {"premium", "standard", "basic", "basique", "plan", "forfait", "sécurité", "securite", "conformité",
                  "conformite", "teams", "sans", "kiosk", "kiosque", "core", "advanced", "avancé", "control",
                  "contrôle", "complete", "complet", "server", "serveur", "workstation", "poste", "silver", "gold",
                  "argent", "business", "entreprise", "enterprise", "entreprises", "apps", "archivage", "archiving",
                  "phone", "defender", "security", "compliance", "endpoint", "office", "exchange", "copilot", "identity"}  # fmt: skip
TAILS_SUB = [" - abonnement mensuel", " (abonnement mensuel)", " - engagement annuel, facturé mensuellement",
             " - mensuel NCE", " (renouvellement automatique)"]  # fmt: skip
TAILS_USER = [
    " par utilisateur / mois",
    " /usager",
    " /usager/mois",
    " - par poste",
    " (par utilisateur)",
]
NUMWORDS = {"1": "un", "2": "deux"}


def _elide(prefix, name):
    if name[:1].upper() in "AEIOUÉH":
        return f"{prefix} d'{name}"
    return f"{prefix} de {name}"


def _typo(rng, s):
    words = [(m.start(), m.group()) for m in re.finditer(r"[A-Za-zÀ-ÿ]{6,}", s)]
    words = [w for w in words if w[1].lower() not in DISCRIMINATING]
    if not words:
        return None
    pos, w = rng.choice(words)
    i = rng.randint(1, len(w) - 3)
    w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    return s[:pos] + w2 + s[pos + len(w) :] if w2 != w else None


def spell_product(rng, prod, basket_v, basket_p):
    """A Québec billing clerk's text for product `prod`; returns (text, classes)."""
    P = BY_KEY[prod]
    every = sorted(set(basket_v) | set(basket_p))
    twins = [k for k in every if k != prod and BY_KEY[k].family == P.family]
    options = [
        ("canon", 14),
        ("fr", 14),
        ("staff", 34),
        ("bilingual", 6),
        ("entail", 8),
    ]
    if P.old and not twins:
        options.append(("old", 10))
    if P.concept:
        members = (
            EMAIL_MEMBERS
            if P.concept == "email"
            else [k for k in BY_KEY if BY_KEY[k].concept == P.concept]
        )
        if sum(1 for k in every if k in members) == 1:
            options.append(("inhouse", 12))
    kind = rng.choices([o[0] for o in options], [o[1] for o in options])[0]
    cls = []
    if kind == "canon":
        t = P.name
    elif kind == "fr":
        t = P.fr
        cls.append(
            "nom_officiel_microsoft_fr" if P.sku.startswith("CFQ") else "nom_editeur_en_francais"
        )
    elif kind == "staff":
        t = rng.choice(P.staff)
        cls.append("abreviation_franglais_commis")
    elif kind == "old":
        t = rng.choice(P.old)
        cls.append("ancien_nom_avant_renommage")
    elif kind == "inhouse":
        t = rng.choice(INHOUSE[P.concept])
        cls.append("nom_maison_selon_contexte")
    elif kind == "bilingual":
        fr = P.fr if P.fr != P.name else P.staff[0]
        t = f"{P.name} / {fr}"
        cls.append("libelle_bilingue_barre_oblique")
    else:
        t = P.name + rng.choice(
            [
                " - licence mensuelle par usager",
                " - frais mensuels",
                " (facturation mensuelle)",
            ]
        )
        cls.append("nom_anglais_queue_francaise")
    if rng.random() < 0.5:
        w = rng.choice(["sub", "user", "prefix", "words", "noacc", "moji", "caps", "typo"])
        t2 = None
        if w == "sub":
            t2, c2 = t + rng.choice(TAILS_SUB), "queue_engagement_facturation"
        elif w == "user":
            t2, c2 = t + rng.choice(TAILS_USER), "par_usager_par_mois"
        elif w == "prefix":
            t2, c2 = (
                _elide(
                    rng.choice(["Licence", "Licences", "Abonnement", "Frais mensuels"]),
                    t,
                ),
                "prefixe_licence_elision",
            )
        elif w == "words":
            t2 = re.sub(
                r"\b(Plan|Forfait) ([12])\b",
                lambda m: f"{m.group(1)} {NUMWORDS[m.group(2)]}",
                t,
            )
            c2 = "chiffre_ecrit_en_lettres"
        elif w == "noacc":
            t2, c2 = strip_accents(t), "accents_retires_description"
        elif w == "moji":
            t2, c2 = mojibake(t), "mojibake_description"
        elif w == "caps":
            t2, c2 = t.upper(), "description_en_majuscules"
        else:
            t2, c2 = _typo(rng, t), "coquille_mot_non_distinctif"
        if t2 and t2 != t:
            t = t2
            cls.append(c2)
    return t, cls


def apply_spellings(clients, vlines, plines, psa_format, seed, n, perturb):
    rng = random.Random(f"AQ|spell|{seed}|{n}|{psa_format}")
    canon = {c["canonical"] for c in clients}
    used = set()
    for c in clients:
        c["cclasses"] = []
        c["psa_name"] = c["canonical"]
        opts = [k for k in c["vclasses"] if k in NAME_CLASSES]
        if perturb and opts and rng.random() < 0.72:
            k = rng.choice(opts)
            v = variant(c, k)
            if v != c["canonical"] and v not in canon and v not in used:
                c["psa_name"] = v
                c["cclasses"].append(k)
        used.add(c["psa_name"])
        if c["sib"]:
            c["cclasses"].append("organisation_soeur_au_dossier")
    bv, bp = {}, {}
    for v in vlines:
        bv.setdefault(v.cid, []).append(v.product)
    for p in plines:
        if p.product:
            bp.setdefault(p.cid, []).append(p.product)
    for p in plines:
        if p.product is None:
            continue
        if perturb:
            p.text, cl = spell_product(rng, p.product, bv.get(p.cid, []), bp.get(p.cid, []))
            p.classes = cl + p.classes
        else:
            p.text = BY_KEY[p.product].name
        fam = BY_KEY[p.product].family
        if any(k != p.product and BY_KEY[k].family == fam for k in bp.get(p.cid, [])):
            p.classes.append("jumeau_facture_au_meme_client")


def apply_layout(plines, pcaps, lrng):
    """Per-format structure that leaves every number unchanged."""
    out = []
    for p in plines:
        if p.role == "licence" and "annual" in pcaps and p.annual_ok:
            p.annual = True
            p.classes.append("prix_annuel_psa")
        if p.role == "licence" and "less" in pcaps and lrng.random() < 0.12:
            p.less = lrng.randint(1, 2)
            p.classes.append("sieges_moins_inclus")
        if p.role == "licence" and "disc" in pcaps and lrng.random() < 0.15:
            for d in lrng.sample(["20", "50", "25", "12.5"], 4):
                u = Fraction(p.price) / (1 - Fraction(d) / 100)
                if (u * 10000).denominator == 1:
                    p.disc = Decimal(d)
                    p.classes.append("escompte_pourcentage_rond")
                    break
        out.append(p)
        if p.role == "licence" and "credit" in pcaps and p.qty >= 2 and lrng.random() < 0.08:
            p.qty += 1
            cn = PLine(
                p.cid,
                p.product,
                p.text,
                -1,
                p.price,
                "licence",
                [*p.classes, "note_de_credit_psa"],
            )
            cn.annual = p.annual
            out.append(cn)
    return out


# ---- truth -------------------------------------------------------------------------------------


def money_fraction(fr):
    # exact half-up on the Fraction itself (Decimal division above has 28 digits: enough, but be exact)
    n = fr * 100
    q = n.numerator // n.denominator
    if n - q >= Fraction(1, 2):
        q += 1
    return Decimal(q).scaleb(-2)


def compute_findings(clients, vlines, plines):
    name = {c["id"]: c["canonical"] for c in clients}
    ccls = {c["id"]: c["cclasses"] for c in clients}
    V, P = {}, {}
    for v in vlines:
        V.setdefault((v.cid, v.product), []).append(v)
    for p in plines:
        if p.role == "licence":
            P.setdefault((p.cid, p.product), []).append(p)
    price = {}
    for k, ls in P.items():
        q = sum(x.qty for x in ls)
        if q > 0:
            price[k] = Fraction(sum(x.qty * Fraction(x.price) for x in ls), q)
    med = {}
    for (cid, prod), pr in sorted(price.items()):
        med.setdefault(prod, []).append(pr)
    med = {k: statistics.median(v) for k, v in med.items()}
    out = []
    for k in sorted(set(V) | set(P)):
        cid, prod = k
        vl, pl = V.get(k, []), P.get(k, [])
        vq = sum(x.qty for x in vl)
        pq = sum(x.qty for x in pl)
        c = Fraction(sum(x.qty * Fraction(x.cost) for x in vl), vq) if vq else None
        p = price.get(k)
        fs = []
        if vq > 0 and not pl:
            fs.append(("unbilled", vq * med.get(prod, c)))
        if vq > 0 and pq > 0:
            if vq > pq:
                fs.append(("under_billed", (vq - pq) * p))
            if pq > vq:
                fs.append(("over_billed", (pq - vq) * p))
            if p < c:
                fs.append(("below_cost", (c - p) * min(vq, pq)))
        if pq > 0 and not vl and p:
            fs.append(("no_vendor_record", pq * p))
        cl = set(ccls[cid])
        for x in pl:
            cl.update(x.classes)
        for t, amt in fs:
            out.append({
                "type": t,
                "client": name[cid],
                "product": BY_KEY[prod].name,
                "vendor_rows": sorted(x.row for x in vl),
                "psa_rows": sorted(x.row for x in pl),
                "monthly_impact": str(money_fraction(amt)),
                "classes": sorted(cl),
            })  # fmt: skip
    return out
