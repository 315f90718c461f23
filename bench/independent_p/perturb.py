"""Set P's perturbation vocabulary: how people, PSA catalogues and accounting item lists spell
products and clients. Each class is a function; a class is recorded on a row only when it changed
the text. Context-only spellings are used only where the client's own basket makes them unique.
"""

from __future__ import annotations

import random
import re

from .catalog import CTX_CANDIDATES, Product
from .people import NATIVE_LEGAL, Client, ascii_fold

# ----------------------------------------------------------------------------- descriptions
COMMON_DESC = [
    "abbreviation",
    "brand_dropped",
    "renamed_legacy",
    "bare_plan",
    "billing_words",
    "typo",
    "case_change",
    "item_path",
]
NOVEL_DESC = [
    "context_only_abbrev",
    "graph_sku_id",
    "feature_description",
    "non_latin_script",
    "bundle_prefix",
    "seat_count_in_name",
    "tenant_in_desc",
    "subscription_id_tag",
    "cost_centre",
    "pricing_note",
    "client_code_in_item",
    "comma_inverted",
    "autocorrect",
    "roman_numeral",
    "slug",
    "catalogue_copy_suffix",
]
DESC_CLASSES = COMMON_DESC + NOVEL_DESC

CTX_CLASS = {
    "Office 365 Business Premium": "renamed_legacy",
    "O365_BUSINESS_PREMIUM": "graph_sku_id",
    "Microsoft 365 Business": "renamed_legacy",
    "M365 Business": "renamed_legacy",
    "SPE_F1": "graph_sku_id",
    "Acronis Backup Cloud": "renamed_legacy",
    "E3": "bare_plan",
    "E5": "bare_plan",
    "F1": "bare_plan",
    "F3": "bare_plan",
    "Basic": "bare_plan",
    "Standard": "bare_plan",
    "Premium": "bare_plan",
    "Enterprise E3": "bare_plan",
    "Visio": "bare_plan",
}

# word maps for other scripts (phrases, longest first); plan numbers and E-tokens stay Latin
SCRIPTS = {
    "zh": [
        ("Business Premium", "商业高级版"),
        ("Business Standard", "商业标准版"),
        ("Business Basic", "商业基础版"),
        ("Apps for business", "商业应用版"),
        ("Apps for enterprise", "企业应用版"),
        ("(Plan 1)", "(计划 1)"),
        ("(Plan 2)", "(计划 2)"),
        ("Plan 1", "计划 1"),
        ("Plan 2", "计划 2"),
        ("Plan 3", "计划 3"),
        ("Teams Phone Standard", "Teams 电话标准版"),
        ("Exchange Online Archiving", "Exchange Online 存档"),
    ],
    "ja": [
        ("Business Premium", "ビジネス プレミアム"),
        ("Business Standard", "ビジネス スタンダード"),
        ("Business Basic", "ビジネス ベーシック"),
        ("Copilot", "コパイロット"),
        ("Plan 1", "プラン 1"),
        ("Plan 2", "プラン 2"),
        ("Plan 3", "プラン 3"),
        ("Teams Premium", "Teams プレミアム"),
        ("Teams Essentials", "Teams エッセンシャルズ"),
    ],
    "cyr": [
        ("Business Premium", "бизнес премиум"),
        ("Business Standard", "бизнес стандарт"),
        ("Business Basic", "бизнес базовый"),
        ("Apps for business", "приложения для бизнеса"),
        ("Apps for enterprise", "приложения для предприятий"),
        ("(Plan 1)", "(план 1)"),
        ("(Plan 2)", "(план 2)"),
        ("Plan 1", "план 1"),
        ("Plan 2", "план 2"),
        ("Plan 3", "план 3"),
        ("Copilot", "Копайлот"),
    ],
}
AUTOCORRECT = [
    ("Copilot", "Co-Pilot"),
    ("OneDrive", "One Drive"),
    ("Intune", "In-Tune"),
    ("Visio", "Vision"),
    ("Teams", "Team's"),
    ("SentinelOne", "Sentinel One"),
    ("AutoCAD", "Auto CAD"),
    ("Datto", "Ditto"),
    ("Mimecast", "Mime-cast"),
    ("Bitwarden", "Bit Warden"),
    ("RingCentral", "Ring Central"),
    ("Acronis", "Acronis®"),
]
HEADS = [
    "Microsoft Defender for Office 365",
    "Microsoft Defender for",
    "Microsoft Entra ID",
    "Microsoft Teams",
    "Microsoft 365",
    "Office 365",
    "Exchange Online",
    "Power BI",
    "Acronis Cyber Protect Cloud",
    "SentinelOne Singularity",
    "RingCentral RingEX",
    "Visio",
    "Keeper",
    "Adobe",
    "Microsoft Intune",
]
BILLING = [
    " - Monthly Subscription",
    " Licence",
    " (per user/month)",
    " - NCE monthly",
    " subscription fee",
    " - recurring",
    " pupm",
    " /user/mo",
    " licence fee (monthly)",
    " - annual commitment, billed monthly",
    " Lizenz (monatlich)",
    " abonnement mensuel",
]
PATHS = [
    "Licensing:Microsoft 365:",
    "Recurring Revenue:Cloud:",
    "4100 · Subscriptions:",
    "Licences > Microsoft > ",
    "Sales:Recurring:Licences:",
    "CLOUD/LIC/",
]
PATHS_OTHER = [
    "Licensing:Third party:",
    "Recurring Revenue:Security:",
    "4120 · Software Resale:",
    "Licences > Vendors > ",
]
BUNDLES = [
    "Secure Workplace Bundle",
    "Modern Work Pack",
    "Gold Protect Bundle",
    "SMB Essentials Pack",
    "Cyber Ready Bundle",
    "Paquete Oficina Segura",
]
CENTRES = [
    " (Warehouse staff)",
    " - Accounts dept",
    " – Kitchen tablets",
    " / Reception",
    " (Sydney office)",
    " - Board members",
    " [CC-410 Admin]",
    " (Werkstatt)",
    " – bureau de Lyon",
    " - Seasonal staff",
    " (Drivers)",
    " – Lab techs",
]
PRICING = [
    " @ RRP",
    " (cost+15%)",
    " - price held til renewal",
    " (2025 price lock)",
    " - promo pricing",
    " (partner rate)",
    " - MSRP less 10%",
    " [legacy rate]",
]
COPY_SUFFIX = [" (2)", " - Copy", " v2", " NEW", " (1)", " - copy 2", " rev.3"]
KEYBOARD = {
    "a": "s",
    "s": "a",
    "e": "r",
    "r": "e",
    "i": "o",
    "o": "i",
    "n": "m",
    "m": "n",
    "t": "r",
    "u": "y",
    "c": "v",
    "l": "k",
    "d": "f",
    "p": "o",
    "b": "v",
    "h": "j",
}


def typo_word(rng: random.Random, w: str) -> str:
    if len(w) < 5 or not w.isalpha():
        return w
    i = rng.randint(1, len(w) - 2)
    op = rng.randint(0, 3)
    if op == 0:
        t = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif op == 1:
        t = w[:i] + w[i + 1 :]
    elif op == 2:
        t = w[:i] + w[i] + w[i:]
    else:
        ch = w[i].lower()
        t = w[:i] + KEYBOARD.get(ch, ch) + w[i + 1 :]
    return t


def typo_text(rng: random.Random, s: str, protect: set[str] = frozenset()) -> str:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w not in protect]
    if not idx:
        return s
    i = rng.choice(idx)
    words[i] = typo_word(rng, words[i])
    return " ".join(words)


class DescContext:
    """What a careful reader can see beside one PSA line."""

    def __init__(
        self, client: Client, vendor_keys: set[str], psa_keys: set[str], sub_ids: dict, qty: int
    ):
        self.client = client
        self.vendor_keys = vendor_keys
        self.all_keys = vendor_keys | psa_keys
        self.sub_ids = sub_ids
        self.qty = qty

    def ctx_ok(self, product: Product, spelling: str) -> bool:
        cands = CTX_CANDIDATES.get(spelling, {product.key})
        return product.key in self.vendor_keys and (cands & self.all_keys) == {product.key}


def client_code(c: Client) -> str:
    letters = "".join(w[0] for w in re.findall(r"[A-Za-z]+", ascii_fold(c.stem)) if w[0].isupper())[
        :4
    ]
    return (letters or "CL") + c.number[-2:]


def _base_choice(rng, cls, p: Product, text: str, cx: DescContext) -> str | None:
    if cls in (
        "abbreviation",
        "brand_dropped",
        "renamed_legacy",
        "graph_sku_id",
        "feature_description",
        "bare_plan",
    ):
        opts = list(p.v.get(cls, []))
        opts += [s for s in p.ctx if CTX_CLASS.get(s) == cls and cx.ctx_ok(p, s)]
        return rng.choice(opts) if opts else None
    if cls == "context_only_abbrev":
        opts = [s for s in p.ctx if s not in CTX_CLASS and cx.ctx_ok(p, s)]
        return rng.choice(opts) if opts else None
    if cls == "non_latin_script":
        script = "cyr" if cx.client.country in ("BG", "GR") else rng.choice(list(SCRIPTS))
        out = text
        for a, b in SCRIPTS[script]:
            if a in out:
                out = out.replace(a, b)
                break
        return out if out != text else None
    if cls == "comma_inverted":
        for h in HEADS:
            if text.startswith(h + " ") and text != h:
                rest = text[len(h) :].strip()
                if rest.startswith("(") and rest.endswith(")"):
                    rest = rest[1:-1]
                return f"{rest}, {h}"
        return None
    if cls == "slug":
        sep = rng.choice(["-", "_"])
        return re.sub(r"[^a-z0-9]+", sep, ascii_fold(text).lower()).strip(sep)
    if cls == "autocorrect":
        hits = [(a, b) for a, b in AUTOCORRECT if a in text]
        if not hits:
            return None
        a, b = rng.choice(hits)
        return text.replace(a, b, 1)
    if cls == "roman_numeral":
        m = re.search(r"Plan ([123])\b", text)
        if not m:
            return None
        return text[: m.start(1)] + {"1": "I", "2": "II", "3": "III"}[m.group(1)] + text[m.end(1) :]
    if cls == "typo":
        protect = {"Basic", "Standard", "Premium", "Security", "Compliance"}
        t = typo_text(rng, text, protect)
        return t if t != text else None
    if cls == "case_change":
        t = rng.choice([text.upper(), text.lower()])
        return t if t != text else None
    return None


def _decorate(rng, cls, p: Product, text: str, cx: DescContext) -> str | None:
    if cls == "billing_words":
        return text + rng.choice(BILLING)
    if cls == "item_path":
        return rng.choice(PATHS if p.ms else PATHS_OTHER) + text
    if cls == "bundle_prefix":
        b = rng.choice(BUNDLES)
        return rng.choice(
            [f"{b}: {text}", f"{b} › {text}", f"{b} | {text}", f"{b} – component: {text}"]
        )
    if cls == "seat_count_in_name":
        n = cx.qty + rng.choice([-5, -3, -2, -1, 2, 3, 5, 10])
        if n < 1 or n == cx.qty:
            n = cx.qty + 5
        return text + rng.choice(
            [f" ({n} seats)", f" [{n} users]", f" - {n} user pack", f" (licensed for {n})"]
        )
    if cls == "tenant_in_desc":
        if not p.ms:
            return None
        prefix = cx.client.domain.split(".")[0][:26]
        return text + rng.choice(
            [f" - {prefix}.onmicrosoft.com", f" ({prefix}.onmicrosoft.com)", f" tenant:{prefix}"]
        )
    if cls == "subscription_id_tag":
        sid = cx.sub_ids.get(p.key)
        if not sid:
            return None
        return text + rng.choice(
            [f" [sub {sid[:8]}]", f" (Sub ID {sid})", f" #{sid.split('-')[0].upper()}"]
        )
    if cls == "cost_centre":
        return text + rng.choice(CENTRES)
    if cls == "pricing_note":
        return text + rng.choice(PRICING)
    if cls == "client_code_in_item":
        code = client_code(cx.client)
        return rng.choice([f"{code}-{text}", f"[{code}] {text}", f"{text} ({code})"])
    if cls == "catalogue_copy_suffix":
        return text + rng.choice(COPY_SUFFIX)
    return None


BASE_CLASSES = [
    "abbreviation",
    "brand_dropped",
    "renamed_legacy",
    "bare_plan",
    "typo",
    "case_change",
    "context_only_abbrev",
    "graph_sku_id",
    "feature_description",
    "non_latin_script",
    "comma_inverted",
    "slug",
    "autocorrect",
    "roman_numeral",
]
BASE_W = [3, 2, 3, 3, 2, 1, 7, 6, 6, 5, 5, 3, 5, 5]
DECOR_CLASSES = [
    "billing_words",
    "item_path",
    "bundle_prefix",
    "seat_count_in_name",
    "tenant_in_desc",
    "subscription_id_tag",
    "cost_centre",
    "pricing_note",
    "client_code_in_item",
    "catalogue_copy_suffix",
]
DECOR_W = [1, 1, 4, 4, 4, 4, 4, 4, 4, 4]


def perturb_description(rng: random.Random, p: Product, cx: DescContext) -> tuple[str, list[str]]:
    """Returns (text, classes). Up to one rewrite of the name, then up to two decorations, sometimes a
    second small edit (typo/case) on top."""
    text = p.name
    classes: list[str] = []
    if rng.random() < 0.8:
        for _ in range(4):
            cls = rng.choices(BASE_CLASSES, weights=BASE_W)[0]
            t = _base_choice(rng, cls, p, text, cx)
            if t and t != text:
                text = t
                classes.append(cls)
                break
    n_dec = rng.choices([0, 1, 2], weights=[45, 42, 13])[0] if classes else rng.choice([1, 1, 2])
    used = set()
    for _ in range(n_dec * 3):
        if len(used) >= n_dec:
            break
        cls = rng.choices(DECOR_CLASSES, weights=DECOR_W)[0]
        if cls in used:
            continue
        t = _decorate(rng, cls, p, text, cx)
        if t and t != text:
            text = t
            classes.append(cls)
            used.add(cls)
    if classes and rng.random() < 0.12:
        cls = rng.choice(["typo", "case_change", "autocorrect", "roman_numeral"])
        if cls not in classes:
            t = _base_choice(rng, cls, p, text, cx)
            if t and t != text and not (cls == "case_change" and "slug" in classes):
                text = t
                classes.append(cls)
    return text, classes


# ----------------------------------------------------------------------------- client names
COMMON_CLIENT = [
    "legal_suffix_dropped",
    "ampersand_and",
    "the_prefix",
    "accents_stripped",
    "case_change_name",
    "typo_name",
    "dba_trading_as",
]
NOVEL_CLIENT = [
    "nickname",
    "number_words",
    "parent_path",
    "domain_as_name",
    "account_tag",
    "plural_abbrev",
    "registration_number",
    "honorific",
    "saint_mount",
    "compound_split",
    "legal_form_reform",
    "legal_form_bilingual",
    "tussenvoegsel_abbrev",
    "native_script",
    "inc_typo",
    "care_of",
]
CLIENT_CLASSES = COMMON_CLIENT + NOVEL_CLIENT

NUMBER_WORDS = [("Three", "3"), ("Seven", "7"), ("Two", "2"), ("Five", "5"), ("First", "1st")]
SAINTS = [
    ("St. ", "Saint "),
    ("St ", "Saint "),
    ("Saint-", "St-"),
    ("Mount ", "Mt "),
    ("Port ", "Pt "),
    ("Fort ", "Ft "),
]
COMPOUNDS = {
    "Zahnarztpraxis": "Zahnarzt-Praxis",
    "Ingenieurbüro": "Ingenieur-Büro",
    "Physiotherapiepraxis": "Physiotherapie Praxis",
    "Hausverwaltung": "Haus-Verwaltung",
    "Straßenbau": "Straßen-Bau",
    "Steuerberatung": "Steuer-Beratung",
    "Autohaus": "Auto-Haus",
    "Tandartspraktijk": "Tandarts Praktijk",
    "Administratiekantoor": "Administratie Kantoor",
    "Installatiebedrijf": "Installatie Bedrijf",
    "Transportbedrijf": "Transport-bedrijf",
    "Architectenbureau": "Architecten Bureau",
    "Tandlægeklinik": "Tandlæge Klinik",
    "Tannklinikk": "Tann-klinikk",
    "Tilitoimisto": "Tili-toimisto",
}
REG = {
    "UK": lambda r: f"Co. No. {r.randint(1000000, 13999999):08d}",
    "IE": lambda r: f"CRO {r.randint(100000, 799999)}",
    "AU": lambda r: (
        f"ABN {r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}"
    ),
    "NZ": lambda r: f"NZBN 9429{r.randint(100000000, 999999999)}",
    "US": lambda r: f"EIN {r.randint(10, 99)}-{r.randint(1000000, 9999999)}",
    "CA": lambda r: f"BN {r.randint(100000000, 999999999)}",
    "DE": lambda r: f"HRB {r.randint(1000, 99999)}",
    "AT": lambda r: f"FN {r.randint(10000, 599999)}x",
    "NL": lambda r: f"KvK {r.randint(10000000, 99999999)}",
    "BE": lambda r: f"KBO 0{r.randint(100, 999)}.{r.randint(100, 999)}.{r.randint(100, 999)}",
    "FR": lambda r: f"SIREN {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}",
    "ES": lambda r: f"CIF B{r.randint(10000000, 99999999)}",
    "SE": lambda r: f"Org.nr 556{r.randint(100, 999)}-{r.randint(1000, 9999)}",
    "NO": lambda r: f"Org.nr {r.randint(900, 999)} {r.randint(100, 999)} {r.randint(100, 999)}",
    "DK": lambda r: f"CVR {r.randint(10000000, 99999999)}",
    "FI": lambda r: f"Y-tunnus {r.randint(1000000, 3999999)}-{r.randint(0, 9)}",
    "PL": lambda r: (
        f"NIP {r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}"
    ),
    "GR": lambda r: f"AFM {r.randint(100000000, 999999999)}",
    "BG": lambda r: f"EIK {r.randint(100000000, 999999999)}",
    "ZA": lambda r: f"Reg {r.randint(1995, 2024)}/{r.randint(100000, 999999)}/07",
}
TAGS = [
    " *VIP*",
    " [Gold SLA]",
    " (Co-managed)",
    " - MSA",
    " {Platinum}",
    " (Managed 24x7)",
    " [AYCE]",
]
CARE_OF = [
    "Baxter & Co Accountants",
    "J. Ruiz CPA",
    "Ledgerline Bookkeeping",
    "Kanzlei Berger",
    "Moore Hartley LLP",
]
TRADING_WORDS = ["& Co", "Group", "Collective", "Partners", "Studio", "Works"]
PARENTS = ["Managed Clients", "MSA Clients", "North Region", "Key Accounts", "Healthcare", "Retail"]
LEGAL_WORDS = {
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "pty",
    "gmbh",
    "co",
    "kg",
    "bv",
    "b",
    "v",
    "nv",
    "sa",
    "srl",
    "sarl",
    "sas",
    "sl",
    "s",
    "l",
    "a",
    "ab",
    "as",
    "aps",
    "oy",
    "sp",
    "z",
    "o",
    "ike",
    "e",
    "eood",
    "ood",
    "llp",
    "pllc",
    "plc",
    "corp",
    "pc",
    "p",
    "c",
    "dac",
    "ltee",
    "k",
    "bvba",
    "sprl",
    "the",
}


def name_key(s: str) -> str:
    """Identity of a name for the distinguishability check: letters/digits, legal forms dropped."""
    toks = re.findall(r"[a-z0-9]+", ascii_fold(s).lower())
    return " ".join(t for t in toks if t not in LEGAL_WORDS)


ENGLISH = ("US", "UK", "AU", "NZ", "IE", "CA", "ZA")
TWIN_UNSAFE = {"typo_name", "inc_typo", "legal_suffix_dropped", "case_change_name"}


def _client_variant(rng: random.Random, cls: str, c: Client, name: str) -> str | None:
    stem, legal = c.stem, c.legal
    if cls == "legal_suffix_dropped":
        return name.replace(" " + legal, "", 1) if legal and name.endswith(legal) else None
    if cls == "ampersand_and":
        if " & " in name:
            return name.replace(" & ", " and ", 1)
        return name.replace(" and ", " & ", 1) if " and " in name else None
    if cls == "the_prefix":
        french = re.match(
            r"(Boulangerie|Clinique|Services|Cabinet|Pharmacie|Garage|Transports)\b", stem
        )
        return (
            "The " + name
            if c.country in ENGLISH and not french and not name.startswith("The ")
            else None
        )
    if cls == "accents_stripped":
        t = ascii_fold(name)
        return t if t != name else None
    if cls == "case_change_name":
        return rng.choice([name.upper(), name.lower()])
    if cls == "typo_name":
        protect = {w for w in name.split() if any(ch.isdigit() for ch in w)}
        return typo_text(rng, name, protect)
    if cls == "dba_trading_as":
        first = re.findall(r"[A-Za-zÀ-ÿ]+", stem)
        if not first:
            return None
        if c.country not in ENGLISH:
            return None
        trading = f"{first[0]} {rng.choice(TRADING_WORDS)}"
        if c.country in ("US", "CA"):
            return rng.choice(
                [f"{name} dba {trading}", f"{name} DBA {trading}", f"{trading} (dba of {name})"]
            )
        return rng.choice(
            [f"{trading} (t/a of {name})", f"{name} T/A {trading}", f"{name} trading as {trading}"]
        )
    if cls == "nickname":
        if "first" not in c.tags or c.tags["first"] not in name:
            return None
        return name.replace(c.tags["first"], c.tags["nick"], 1)
    if cls == "number_words":
        for a, b in NUMBER_WORDS:
            if re.search(rf"\b{a}\b", name):
                return re.sub(rf"\b{a}\b", b, name, count=1)
        return None
    if cls == "parent_path":
        parent = (stem.split()[0] + " Group") if c.family.startswith("sib") else rng.choice(PARENTS)
        return f"{parent}:{name}"
    if cls == "domain_as_name":
        return c.domain
    if cls == "account_tag":
        return name + rng.choice(TAGS)
    if cls == "plural_abbrev":
        for a, b in ((" & Sons", " & Son"), (" Brothers", " Bros."), (" Brothers", " Bros")):
            if a in name:
                return name.replace(a, b, 1)
        return None
    if cls == "registration_number":
        reg = REG.get(c.country)
        return rng.choice([f"{name} ({reg(rng)})", f"{name} - {reg(rng)}"]) if reg else None
    if cls == "honorific":
        if c.tags.get("practice"):
            return "Dr " + name
        if name.startswith("Zahnarztpraxis "):
            return name.replace("Zahnarztpraxis ", "Zahnarztpraxis Dr. ", 1)
        return None
    if cls == "saint_mount":
        for a, b in SAINTS:
            if a in name:
                return name.replace(a, b, 1)
        for a, b in SAINTS:
            if b in name and b.strip() not in ("Saint",):
                return name.replace(b, a, 1)
        return None
    if cls == "compound_split":
        for a, b in COMPOUNDS.items():
            if a in name:
                return name.replace(a, b, 1)
        return None
    if cls == "legal_form_reform":
        if c.country == "BE" and legal in ("BV", "SRL"):
            return name[: -len(legal)] + {"BV": "BVBA", "SRL": "SPRL"}[legal]
        return None
    if cls == "legal_form_bilingual":
        if legal == "Oy":
            return name + " Ab"
        if c.country == "BE" and legal == "NV":
            return name[:-2] + rng.choice(["SA", "NV/SA"])
        if legal == "Ltée":
            return name[:-4] + "Ltd."
        return None
    if cls == "tussenvoegsel_abbrev":
        for a, b in (
            ("van der ", "v.d. "),
            ("van den ", "v.d. "),
            ("Van der ", "V.d. "),
            ("Van den ", "V.d. "),
            ("van ", "v. "),
        ):
            if a in name:
                return name.replace(a, b, 1)
        return None
    if cls == "native_script":
        if "native" not in c.tags:
            return None
        return f"{c.tags['native']} {NATIVE_LEGAL.get(legal, legal)}"
    if cls == "inc_typo":
        if legal != "Incorporated":
            return None
        t = typo_text(rng, stem)
        return f"{t} {rng.choice(['Inc', 'Inc.'])}" if t != stem else None
    if cls == "care_of":
        return f"{name} c/o {rng.choice(CARE_OF)}"
    return None


CLIENT_W = {
    "legal_suffix_dropped": 2,
    "ampersand_and": 3,
    "the_prefix": 1,
    "accents_stripped": 3,
    "case_change_name": 1,
    "typo_name": 2,
    "dba_trading_as": 1,
    "nickname": 8,
    "number_words": 8,
    "parent_path": 4,
    "domain_as_name": 3,
    "account_tag": 4,
    "plural_abbrev": 8,
    "registration_number": 3,
    "honorific": 8,
    "saint_mount": 8,
    "compound_split": 8,
    "legal_form_reform": 8,
    "legal_form_bilingual": 8,
    "tussenvoegsel_abbrev": 8,
    "native_script": 8,
    "inc_typo": 8,
    "care_of": 2,
}
STACKABLE = {
    "legal_suffix_dropped",
    "accents_stripped",
    "case_change_name",
    "typo_name",
    "account_tag",
    "registration_number",
    "the_prefix",
    "ampersand_and",
    "saint_mount",
    "number_words",
    "nickname",
    "plural_abbrev",
    "compound_split",
    "tussenvoegsel_abbrev",
    "honorific",
}


def perturb_clients(rng: random.Random, clients: list[Client]) -> None:
    """Sets c.psa_name / c.psa_classes for every client with a PSA record."""
    taken = {name_key(c.name): c.name for c in clients}
    for c in clients:
        c.psa_name, c.psa_classes = c.name, []
        if c.side == "vendor":
            continue
        # names whose own traits invite a novel class are perturbed more often
        special = any(
            k in c.tags for k in ("first", "native", "practice", "tussen", "store")
        ) or c.legal in ("Incorporated", "Oy", "Ltée", "BV", "SRL", "NV")
        if rng.random() > (0.9 if special else 0.55):
            continue
        want = rng.choices([1, 2, 3], weights=[65, 28, 7])[0]
        name, classes = c.name, []
        for _ in range(12):
            if len(classes) >= want:
                break
            pool = [
                k
                for k in CLIENT_W
                if k not in classes
                and (not classes or k in STACKABLE)
                and not (c.family.startswith("twin") and k in TWIN_UNSAFE)
            ]
            cls = rng.choices(pool, weights=[CLIENT_W[k] for k in pool])[0]
            t = _client_variant(rng, cls, c, name)
            if not t or t == name:
                continue
            k = name_key(t)
            owner = taken.get(k)
            if owner is not None and owner != c.name:
                continue  # would read as another client: not allowed
            if cls == "legal_suffix_dropped" and any(
                name_key(o.name) == name_key(c.name) for o in clients if o is not c
            ):
                continue  # twins differing only by legal form keep it
            name, classes = t, classes + [cls]
        if classes:
            c.psa_name, c.psa_classes = name, classes
            taken[name_key(name)] = c.name
