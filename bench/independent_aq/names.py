"""Client names of a Montréal MSP's customers (Québec, Ontario, New Brunswick) and the ways its books
spell them. Each client: canonical legal name (the vendor's), a province and the name-variant classes
that fit it; `variant(client, cls)` gives the PSA spelling."""

from __future__ import annotations

import unicodedata

SURNAMES = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Paquette", "Girard", "Simard", "Boucher",
    "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre",
    "Poulin", "Thibault", "Nadeau", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Michaud",
    "Hébert", "Couture", "Turcotte", "Lachance", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers",
    "Perreault", "Vézina", "Desrosiers", "Charbonneau", "Brisebois", "Laflamme", "Trudel", "Rivard",
]  # fmt: skip
NB_SURNAMES = [
    "Boudreau",
    "LeBlanc",
    "Cormier",
    "Arsenault",
    "Gallant",
    "Robichaud",
    "Doiron",
    "Haché",
]
EN_SURNAMES = ["MacDonald", "Thompson", "Campbell", "Fraser", "Murray", "Patel", "Kowalski", "Sinclair",
               "Henderson", "McKay", "Whitfield", "Osei", "Nguyen", "Chen", "Armstrong", "Gallagher"]  # fmt: skip
SAINTS = ["Saint-Jérôme", "Saint-Hyacinthe", "Sainte-Thérèse", "Saint-Eustache", "Saint-Lambert",
          "Saint-Sauveur", "Sainte-Julie", "Saint-Jean-sur-Richelieu", "Sainte-Agathe-des-Monts",
          "Saint-Bruno", "Saint-Constant", "Sainte-Marie", "Saint-Georges", "Saint-Lazare"]  # fmt: skip
PLACES = ["Laval", "Longueuil", "Terrebonne", "Boucherville", "Rimouski", "Sherbrooke", "Drummondville",
          "Granby", "Lévis", "Gatineau", "Trois-Rivières", "Joliette", "Repentigny", "Blainville",
          "Mirabel", "Chicoutimi", "Rouyn-Noranda", "Victoriaville", "Magog", "Val-d'Or"]  # fmt: skip
ON_PLACES = [
    "Ottawa",
    "Kingston",
    "Cornwall",
    "Hawkesbury",
    "Sudbury",
    "Orléans",
    "Kanata",
]
NB_PLACES = ["Moncton", "Dieppe", "Edmundston", "Bathurst", "Shediac", "Caraquet"]
# French trade with its English name (the same business named in each language)
TRADES = [
    ("Clinique dentaire", "Dental Clinic"), ("Clinique vétérinaire", "Veterinary Clinic"),
    ("Pharmacie", "Pharmacy"), ("Plomberie", "Plumbing"), ("Toitures", "Roofing"),
    ("Imprimerie", "Printing"), ("Physiothérapie", "Physiotherapy"), ("Clinique d'optométrie", "Optometry Clinic"),
]  # fmt: skip
SHOPS = ["Boulangerie", "Pâtisserie", "Quincaillerie", "Garage", "Fromagerie", "Érablière", "Traiteur",
         "Ébénisterie", "Déneigement", "Excavation", "Rénovations", "Fleuriste", "Boucherie", "Épicerie"]  # fmt: skip
ON_TRADES = [
    "Plumbing",
    "Landscaping",
    "Logistics",
    "Accounting",
    "Electric",
    "Millwork",
    "Printing",
]
FIRMS = [("Avocats", "Lawyers"), ("Comptables agréés", "Chartered Professional Accountants"), ("Notaires", "Notaries"),
         ("Architectes", "Architects")]  # fmt: skip

# every name-variant class (PSA side)
NAME_CLASSES = [
    "nom_commercial_seul_sans_numero",  # "9123-4567 Québec inc. (Boulangerie X)" -> "Boulangerie X"
    "fasrs_oa_ordre_inverse",  # "Boulangerie X f.a.s.r.s. 9123-4567 Québec inc." / "Trade (1234567 Ontario Inc.)"
    "numero_majuscules_sans_accent",  # "9123-4567 QUEBEC INC."
    "article_les_et_inc_omis",  # "Les Entreprises X inc." -> "Entreprises X"
    "forme_juridique_autre_langue",  # inc./Inc./Incorporée, ltée/Limitée/Ltd, s.e.n.c.r.l./SENCRL/LLP
    "raison_sociale_traduite",  # "Clinique dentaire X" <-> "X Dental Clinic"
    "saint_abrege_ou_anglicise",  # Saint-Jérôme -> St-Jérôme / St. Jerome
    "majuscules_accents_perdus",  # "ÉCOLE ..." -> "ECOLE ..."
    "et_esperluette_and",  # "et" <-> "&" <-> "and"
    "double_nom_sans_trait_union",  # "Roy-Bélanger" -> "Roy Bélanger"
    "accents_mojibake_latin1",  # "Côté" -> "CÃ´tÃ©"
]


def strip_accents(s):
    out = unicodedata.normalize("NFKD", s)
    return (
        "".join(ch for ch in out if not unicodedata.combining(ch))
        .replace("œ", "oe")
        .replace("Œ", "OE")
    )


def mojibake(s):
    """UTF-8 bytes read as Windows-1252 (unchanged when a byte has no cp1252 letter)."""
    try:
        return s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return s


def saint_short(s, english=False):
    if english:
        s = strip_accents(s)
        return s.replace("Sainte-", "Ste. ").replace("Saint-", "St. ")
    return s.replace("Sainte-", "Ste-").replace("Saint-", "St-")


def _numbered_qc(rng, taken):
    while True:
        n = f"9{rng.randint(100, 479)}-{rng.randint(1000, 9999)} Québec inc."
        if n not in taken:
            return n


def _numbered_on(rng, taken):
    while True:
        n = f"{rng.randint(1000000, 2899999)} Ontario Inc."
        if n not in taken:
            return n


def make_clients(rng, n):
    """Returns a list of client dicts (canonical names unique). Siblings come in pairs."""
    clients, taken = [], set()

    def add(c):
        if c["canonical"] in taken:
            return False
        taken.add(c["canonical"])
        clients.append(c)
        return True

    def mk(canonical, prov, kind, classes, **extra):
        d = {
            "canonical": canonical,
            "prov": prov,
            "kind": kind,
            "vclasses": classes,
            "sib": None,
        }
        d.update(extra)
        return d

    while len(clients) < n:
        r = rng.random()
        room = n - len(clients)
        sur = rng.choice(SURNAMES)
        if r < 0.09 and room >= 2:  # siblings
            s = rng.randrange(5)
            a = b = None
            if s == 0:  # numbered companies that differ by a digit
                x = _numbered_qc(rng, taken)
                y = x[:8] + str((int(x[8]) + 1) % 10) + x[9:]
                cl = ["numero_majuscules_sans_accent", "forme_juridique_autre_langue"]
                a, b = mk(x, "QC", "num", cl), mk(y, "QC", "num", cl)
            elif s == 1:  # numbered holding and its operating company
                x = _numbered_qc(rng, taken)
                shop = rng.choice(SHOPS)
                a = mk(f"{x} (Gestion {sur})", "QC", "numtrade", ["nom_commercial_seul_sans_numero", "fasrs_oa_ordre_inverse"],
                       num=x, trade=f"Gestion {sur}")  # fmt: skip
                b = mk(
                    f"{shop} {sur} inc.",
                    "QC",
                    "plain",
                    ["forme_juridique_autre_langue", "majuscules_accents_perdus"],
                )
            elif s == 2:  # one clinic, two towns
                fr, en = rng.choice(TRADES[:3])
                p1, p2 = rng.sample(PLACES, 2)
                cl = ["raison_sociale_traduite", "majuscules_accents_perdus"]
                a = mk(
                    f"{fr} {sur} {p1}",
                    "QC",
                    "trade",
                    cl,
                    fr=fr,
                    en=en,
                    sur=sur,
                    tail=p1,
                )
                b = mk(
                    f"{fr} {sur} {p2}",
                    "QC",
                    "trade",
                    cl,
                    fr=fr,
                    en=en,
                    sur=sur,
                    tail=p2,
                )
            elif s == 3:  # a municipality and its library
                st = rng.choice(SAINTS)
                cl = ["saint_abrege_ou_anglicise", "majuscules_accents_perdus"]
                a = mk(f"Municipalité de {st}", "QC", "saint", cl)
                b = mk(f"Bibliothèque municipale de {st}", "QC", "saint", cl)
            else:  # two caisses of one federation
                p1, p2 = rng.sample(PLACES, 2)
                cl = ["majuscules_accents_perdus", "accents_mojibake_latin1"]
                a = mk(f"Caisse Desjardins de {p1}", "QC", "plain", cl)
                b = mk(f"Caisse Desjardins de {p2}", "QC", "plain", cl)
            if (
                a["canonical"] in taken
                or b["canonical"] in taken
                or a["canonical"] == b["canonical"]
            ):
                continue
            a["sib"], b["sib"] = b["canonical"], a["canonical"]
            add(a)
            add(b)
            continue
        k = rng.randrange(10)
        if k == 0:
            x = _numbered_qc(rng, taken)
            place = rng.choice(SAINTS + PLACES)
            t = f"{rng.choice(SHOPS)} {place}"
            c = mk(f"{x} ({t})", "QC", "numtrade",
                   ["nom_commercial_seul_sans_numero", "fasrs_oa_ordre_inverse", "numero_majuscules_sans_accent"],
                   num=x, trade=t)  # fmt: skip
        elif k == 1:
            x = _numbered_on(rng, taken)
            t = f"{rng.choice(EN_SURNAMES)} {rng.choice(ON_TRADES)}"
            c = mk(f"{x} o/a {t}", "ON", "numtrade",
                   ["nom_commercial_seul_sans_numero", "fasrs_oa_ordre_inverse", "numero_majuscules_sans_accent"],
                   num=x, trade=t, oa=True)  # fmt: skip
        elif k == 2:
            c = mk(f"Les Entreprises {sur} inc.", "QC", "les",
                   ["article_les_et_inc_omis", "forme_juridique_autre_langue", "majuscules_accents_perdus"])  # fmt: skip
        elif k == 3:
            fr, en = rng.choice(TRADES)
            tail = rng.choice(["", "", " inc."])
            c = mk(f"{fr} {sur}{tail}", "QC", "trade", ["raison_sociale_traduite", "majuscules_accents_perdus",
                   "accents_mojibake_latin1"], fr=fr, en=en, sur=sur, tail=tail.strip())  # fmt: skip
        elif k == 4:
            c = mk(
                f"Groupe {sur} et Fils ltée",
                "QC",
                "fils",
                ["et_esperluette_and", "forme_juridique_autre_langue"],
                sur=sur,
            )
        elif k == 5:
            st = rng.choice(SAINTS)
            c = mk(f"{rng.choice(SHOPS)} {st} inc.", "QC", "saint",
                   ["saint_abrege_ou_anglicise", "majuscules_accents_perdus", "accents_mojibake_latin1"])  # fmt: skip
        elif k == 6:
            s2 = rng.choice([x for x in SURNAMES if x != sur])
            fr, en = rng.choice(FIRMS)
            c = mk(f"{sur}-{s2} {fr} s.e.n.c.r.l.", "QC", "firm",
                   ["double_nom_sans_trait_union", "forme_juridique_autre_langue", "raison_sociale_traduite"],
                   sur=sur, s2=s2, fr=fr, en=en)  # fmt: skip
        elif k == 7:
            name = (
                rng.choice(["École", "Centre de services", "Résidence", "Coopérative"])
                + " "
                + rng.choice(SAINTS)
            )
            c = mk(
                name,
                "QC",
                "saint",
                [
                    "majuscules_accents_perdus",
                    "saint_abrege_ou_anglicise",
                    "accents_mojibake_latin1",
                ],
            )
        elif k == 8:
            s, s2 = rng.sample(NB_SURNAMES, 2)
            c = mk(f"{s} et {s2} Ltée", "NB", "fils2",
                   ["et_esperluette_and", "forme_juridique_autre_langue", "accents_mojibake_latin1"])  # fmt: skip
            c["place"] = rng.choice(NB_PLACES)
        else:
            s = rng.choice(EN_SURNAMES)
            c = mk(
                f"{s} {rng.choice(ON_TRADES)} Ltd.",
                "ON",
                "en",
                ["forme_juridique_autre_langue", "et_esperluette_and"],
            )
            if rng.random() < 0.4:
                c["canonical"] = f"{s} & {rng.choice(EN_SURNAMES)} {rng.choice(ON_TRADES)} Ltd."
        add(c)
    return clients[:n]


def variant(c, cls):
    """The PSA spelling of client c under name class cls (or the canonical name)."""
    n = c["canonical"]
    if cls == "nom_commercial_seul_sans_numero":
        return c["trade"]
    if cls == "fasrs_oa_ordre_inverse":
        if c.get("oa"):
            return f"{c['trade']} ({c['num']})"
        return f"{c['trade']} f.a.s.r.s. {c['num']}"
    if cls == "numero_majuscules_sans_accent":
        return strip_accents(n).upper().replace(" INC.", " INC")
    if cls == "article_les_et_inc_omis":
        return n.replace("Les Entreprises", "Entreprises").replace(" inc.", "")
    if cls == "forme_juridique_autre_langue":
        for a, b in [(" inc.", " Incorporée"), (" Inc.", " Incorporated"), (" ltée", " Limitée"),
                     (" Ltée", " Ltd."), (" Ltd.", " Limited"), (" s.e.n.c.r.l.", " SENCRL")]:  # fmt: skip
            if n.endswith(a.strip()) or a in n:
                return n.replace(a, b)
        return n
    if cls == "raison_sociale_traduite":
        if c["kind"] == "firm":
            return f"{c['sur']}-{c['s2']} {c['en']} LLP"
        tail = c.get("tail", "")
        tail = {"inc.": "Inc."}.get(tail, tail)
        return f"{c['sur']} {c['en']}" + (f" {tail}" if tail else "")
    if cls == "saint_abrege_ou_anglicise":
        return saint_short(n, english=len(n) % 3 == 0)
    if cls == "majuscules_accents_perdus":
        return strip_accents(n).upper()
    if cls == "et_esperluette_and":
        if " et " in n:
            return n.replace(" et ", " & ")
        return n.replace(" & ", " and ")
    if cls == "double_nom_sans_trait_union":
        return n.replace(f"{c['sur']}-{c['s2']}", f"{c['sur']} {c['s2']}").replace(
            " s.e.n.c.r.l.", " SENCRL"
        )
    if cls == "accents_mojibake_latin1":
        return mojibake(n)
    return n
