"""Set H's own perturbation library: how people type products and customers into a PSA or an
accounting system. Written from the issue text and experience of such data, not from any tool.

Product classes (one per PSA licence line, mixed within a file): see ``PRODUCT_CLASSES``.
Customer classes (one per customer, on all its PSA lines): see ``CLIENT_CLASSES``.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

from .catalog import BY_KEY
from .names import Customer
from .scenario import Scenario

PRODUCT_CLASSES = (
    "typo",
    "abbreviation",
    "brand_dropped",
    "bare_plan",
    "renamed",
    "inhouse_name",
    "billing_words",
    "foreign_words",
    "note_appended",
    "seats_in_text",
    "price_in_text",
    "case_punct",
    "graph_string_id",
    "word_order",
    "multi_line",
)
CLIENT_CLASSES = (
    "legal_suffix_typo",
    "legal_suffix_dropped",
    "legal_suffix_spelled",
    "abbreviation",
    "letters_folded",
    "branch_suffix",
    "store_number",
    "dba",
    "trading_name_only",
    "surname_first",
    "truncated",
    "code_glued",
    "all_caps",
    "name_typo",
    "the_prefix",
    "punctuation",
)

BILLING_WORDS = (
    "- per user",
    "Monthly Subscription",
    "Licence",
    "(NCE)",
    "- user/month",
    "Seat licence",
    "[recurring]",
    "License - Nov 2026",
    "subscription",
)
FOREIGN = {
    "sv": ("licens", "per användare/mån", "månadsabonnemang"),
    "da": ("licens", "pr. bruger pr. md.", "abonnement"),
    "nl": ("licentie", "per gebruiker per maand", "abonnement"),
    "fr": ("licence", "par utilisateur / mois", "abonnement mensuel"),
    "de": ("Lizenz", "pro Benutzer/Monat", "Abonnement"),
    "en": ("Lizenz", "licence par utilisateur", "licentie"),
    "hi": ("licence (per user)", "Lizenz", "subscription charges"),
}
NOTES = (
    "(incl. 2 new starters)",
    "- approved by Karen",
    "ticket #4411",
    "see agreement 2024-17",
    "(ref PO 7781)",
    "- moved from old tenant",
)
MONTHLY_ONLY = (
    "Monthly Subscription",
    "- user/month",
    "per användare/mån",
    "pr. bruger pr. md.",
    "per gebruiker per maand",
    "par utilisateur / mois",
    "pro Benutzer/Monat",
    "månadsabonnemang",
    "abonnement mensuel",
)

SUFFIX_TYPOS = {
    "Ltd": "Ltd.",
    "Limited": "Limietd",
    "LLC": "L.L.C",
    "Inc.": "Inc",
    "Corp.": "Corp",
    "Corporation": "Corporaiton",
    "GmbH": "GmbH.",
    "AG": "A.G.",
    "ApS": "Aps",
    "A/S": "AS",
    "AB": "A.B.",
    "B.V.": "BV",
    "SARL": "S.A.R.L.",
    "SAS": "S.A.S.",
    "Ltda.": "Ltda",
    "Pvt. Ltd.": "Pvt Ltd",
    "Private Limited": "Pvt. Limited",
    "Pty Ltd": "Pty. Ltd",
    "K.K.": "KK",
    "Co., Ltd.": "Co Ltd",
    "Sp. z o.o.": "Sp.z.o.o.",
    "LLP": "L.L.P.",
    "plc": "PLC",
    "S.A.": "SA",
    "AS": "A/S",
    "ehf.": "ehf",
    "Ltée": "Ltee",
    "GmbH & Co. KG": "GmbH & Co KG",
    "A.Ş.": "AŞ",
    "d.o.o.": "doo",
    "Pty. Limited": "Pty Limted",
    "e.K.": "eK",
    "EIRELI": "Eireli",
    "P.C.": "PC",
}
SUFFIX_SPELLED = {
    "Ltd": "Limited",
    "Limited": "Ltd",
    "Inc.": "Incorporated",
    "Corp.": "Corporation",
    "Corporation": "Corp.",
    "AB": "Aktiebolag",
    "Pvt. Ltd.": "Private Limited",
    "Private Limited": "Pvt. Ltd.",
    "Pty Ltd": "Proprietary Limited",
    "LLC": "Limited Liability Co.",
    "K.K.": "Kabushiki Kaisha",
    "AS": "Aksjeselskap",
    "ApS": "Anpartsselskab",
    "B.V.": "Besloten Vennootschap",
}
WORD_ABBR = {
    "Management": "Mngmt",
    "Services": "Svcs",
    "Accountants": "Accts",
    "Engineering": "Eng.",
    "Property": "Prop.",
    "Veterinary": "Vet",
    "Insurance": "Ins.",
    "Agency": "Agcy",
    "Logistics": "Logistcs",
    "Chartered": "Chtd",
    "Distributors": "Distr.",
    "Family": "Fam.",
    "Medicine": "Med.",
    "Solicitors": "Solrs",
    "Architects": "Archts",
    "Steuerberatung": "Stb.",
    "Immobilienverwaltung": "Immo-Verw.",
    "Maschinenbau": "Masch.bau",
    "Fastighetsförvaltning": "Fastighetsförv.",
    "Ejendomsservice": "Ejd.service",
    "Contabilidade": "Contab.",
    "Odontologia": "Odonto",
    "Comptabilité": "Compta",
    "Clinique": "Clin.",
    "Expertise": "Exp.",
    "Comptable": "Compt.",
    "Trading": "Trdg",
    "Projects": "Proj.",
    "Pharma": "Phrma",
    "Title": "Ttl",
    "Escrow": "Escr.",
}
FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "œ": "oe",
    "Œ": "Oe",
    "ı": "i",
}
FOLD_ALT = {
    "ø": "oe",
    "Ø": "Oe",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "å": "aa",
    "Å": "Aa",
}
BRANCHES = ("- Downtown", "(Main Office)", "HQ", "- Head Office", "(Nord)")


def fold(text: str, table: dict[str, str] = FOLD) -> str:
    """Letters NFKD leaves alone folded by hand, then accents stripped."""
    text = "".join(table.get(ch, ch) for ch in text)
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def encodable(text: str, encoding: str) -> str:
    """``text`` as a system with a narrow code page would store it."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        out = "".join(ch if _ok(ch, encoding) else fold(ch) for ch in text)
        return out.encode(encoding, "replace").decode(encoding)


def _ok(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def _typo(rng: random.Random, word: str) -> str:
    """One slip of the finger inside a word of 5+ letters: swap, drop, double or neighbour key."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    near = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "n": "m",
        "m": "n",
        "r": "t",
        "s": "a",
        "t": "r",
        "u": "y",
        "l": "k",
        "c": "v",
    }
    return word[:i] + near.get(word[i], word[i]) + word[i + 1 :]


def typo_in(rng: random.Random, text: str, protect: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w not in protect]
    if not spots:
        return text
    i = rng.choice(spots)
    words[i] = _typo(rng, words[i])
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# products


def _words(text: str) -> set[str]:
    return {w.strip("()[],.").casefold() for w in text.split()} - {""}


def _inside_other(text: str, key: str, basket: set[str]) -> bool:
    """True when every word of ``text`` is in the name of another product the client buys
    ("Microsoft 365 Business" beside Business Basic): a person could not tell which is meant."""
    words = _words(text)
    return any(words <= _words(BY_KEY[k].name) for k in basket if k != key)


def product_text(
    rng: random.Random,
    key: str,
    basket: set[str],
    language: str,
    qty: int,
    price_text: str,
    annual: bool,
    multiline: bool,
    has_vendor: bool,
) -> tuple[str, str]:
    """(spelling, class) for one PSA licence line of product ``key``; class "" = canonical.

    A vague spelling (bare plan, in-house name) only when the client buys from the vendor exactly one
    product it could mean; none on a line whose client has no vendor line for it.
    """
    p = BY_KEY[key]
    name = p.name
    options: list[tuple[str, str]] = [("", name)] * 3
    options.append(
        (
            "typo",
            typo_in(
                rng,
                name,
                {
                    "Plan",
                    "Basic",
                    "Premium",
                    "Standard",
                    "Advanced",
                    "Business",
                    "Enterprise",
                    "Complete",
                    "Control",
                    "Essentials",
                    "Advantage",
                    "Security",
                    "Archiving",
                    "Backup",
                },
            ),
        )
    )
    clear = [("abbreviation", a) for a in p.abbreviation]
    clear += [("brand_dropped", a) for a in p.brand_dropped]
    clear += [("renamed", a) for a in p.renamed]
    options += [(c, a) for c, a in clear if not _inside_other(a, key, basket)]
    if has_vendor:
        for text, could in p.vague:
            if set(could) & basket == {key}:
                options.append(("bare_plan", text))
        for text, could in p.inhouse:
            if set(could) & basket == {key}:
                options.append(("inhouse_name", text))
    words = [w for w in BILLING_WORDS if not (annual and w in MONTHLY_ONLY)]
    options.append(("billing_words", f"{name} {rng.choice(words)}"))
    foreign = [w for w in FOREIGN[language] if not (annual and w in MONTHLY_ONLY)]
    options.append(("foreign_words", f"{name} {rng.choice(foreign)}"))
    options.append(("note_appended", f"{name} {rng.choice(NOTES)}"))
    options.append(
        (
            "seats_in_text",
            rng.choice(
                (
                    f"{qty} x {name}",
                    f"{name} ({qty} user{'s' if qty != 1 else ''})",
                    f"{name} - {qty} seat{'s' if qty != 1 else ''}",
                )
            ),
        )
    )
    options.append(("price_in_text", f"{name} @ {price_text}"))
    options.append(("case_punct", rng.choice((name.upper(), name.lower(), name.replace(" ", "-")))))
    if p.string_id and p.publisher == "Microsoft":
        options.append(("graph_string_id", p.string_id))
    options += [("word_order", a) for a in p.word_order]
    if multiline:
        options.append(("multi_line", f"{name}\nLicensed users, period 01.11.2026 - 30.11.2026"))
    if (
        p.publisher in ("Adobe", "Acronis", "Proofpoint", "SentinelOne", "Zoom")
        and rng.random() < 0.5
    ):
        options.append(("brand_dropped", name.replace(p.publisher + " ", "", 1)))
    cls, text = rng.choice(options)
    if text == name:
        cls = ""
    return text, cls


# ---------------------------------------------------------------------------------------------
# customers


def client_spelling(
    rng: random.Random, c: Customer, others: set[str], trading_ok: bool, field_limit: int
) -> tuple[str, str]:
    """(PSA spelling, class) for one customer. Siblings and numbered sites keep the words that tell
    them apart; a truncated name keeps at least its first two words and never equals another."""
    name = c.name
    choices: list[tuple[str, str]] = [("", name)] * 4
    if c.kind == "sole":
        choices += [
            ("surname_first", f"{c.person[1]}, {c.person[0]}"),
            ("letters_folded", fold(name)),
            ("all_caps", name.upper()),
        ]
    else:
        legal = c.legal
        stem = name[: -len(legal)].rstrip() if legal and name.endswith(legal) else name
        if legal in SUFFIX_TYPOS:
            choices.append(("legal_suffix_typo", f"{stem} {SUFFIX_TYPOS[legal]}"))
        if legal in SUFFIX_SPELLED:
            choices.append(("legal_suffix_spelled", f"{stem} {SUFFIX_SPELLED[legal]}"))
        if c.kind != "site":
            choices.append(("legal_suffix_dropped", stem))
        words = stem.split(" ")
        abbr = [WORD_ABBR.get(w, w) for w in words]
        if abbr != words and c.kind != "sibling":
            choices.append(("abbreviation", " ".join(abbr) + f" {legal}"))
        if fold(name) != name:
            choices.append(("letters_folded", fold(name)))
            choices.append(("letters_folded", fold(name, FOLD_ALT | FOLD)))
        if c.kind in ("plain", "trading"):
            choices.append(("branch_suffix", f"{name} {rng.choice(BRANCHES)}"))
            choices.append(("the_prefix", f"The {name}"))
            typo = typo_in(rng, c.first + " " + c.rest)
            if typo != c.first + " " + c.rest:
                choices.append(("name_typo", f"{typo} {legal}"))
        if c.kind == "site":
            n = c.site
            choices += [
                ("store_number", f"{c.first} #{n} {legal}"),
                ("store_number", f"{c.first} Store No. {n:03d} {legal}"),
                ("store_number", f"{c.first} - Store #{n}"),
            ]
        if c.kind == "trading":
            choices += [("dba", f"{name} dba {c.trading}"), ("dba", f"{c.trading} ({name})")]
            if trading_ok:
                choices.append(("trading_name_only", c.trading))
        choices += [
            (
                "code_glued",
                rng.choice((f"{c.code} {name}", f"{c.code}-{name}", f"{name} [{c.code}]")),
            ),
            ("all_caps", name.upper()),
            (
                "punctuation",
                name.replace(" & ", "&").replace(",", "").replace(".", "").replace("-", " "),
            ),
        ]
        if len(name) > field_limit:
            cut = name[:field_limit].rstrip(" ,.-&")
            if (
                len(cut.split(" ")) >= 2
                and cut not in others
                and not any(o.startswith(cut) for o in others)
                and c.kind not in ("site", "sibling")
            ):
                choices.append(("truncated", cut))
    cls, text = rng.choice(choices)
    if text == name:
        cls = ""
    return text, cls


def apply(
    scenario: Scenario,
    perturb: bool,
    language: str,
    multiline: bool,
    trading_ok: bool,
    field_limit: int,
    price_text: Callable[[int], str],
    encoding: str = "utf-8",
) -> None:
    """Fill PSA texts, PSA customer spellings and classes (canonical when ``perturb`` is false)."""
    rng = random.Random(
        f"independent-h/perturb/{scenario.seed}/{len(scenario.customers)}/{language}"
    )
    names = [c.name for c in scenario.customers]
    scenario.client_names, scenario.client_classes = [], []
    for i, c in enumerate(scenario.customers):
        others = set(names[:i] + names[i + 1 :])
        text, cls = client_spelling(rng, c, others, trading_ok, field_limit)
        if not perturb:
            text, cls = c.name, ""
        scenario.client_names.append(encodable(text, encoding))
        scenario.client_classes.append([cls] if cls else [])
    bought: dict[int, set[str]] = {}
    baskets: dict[int, set[str]] = {}
    for v in scenario.vendor:
        if v.role != "free":
            bought.setdefault(v.client, set()).add(v.product)
            baskets.setdefault(v.client, set()).add(v.product)
    for p in scenario.psa:
        if p.role == "licence":
            baskets.setdefault(p.client, set()).add(p.product)
    for line in scenario.psa:
        if line.role == "service":
            line.text, line.classes = line.service, []
            continue
        basket = baskets.get(line.client, set())
        text, cls = product_text(
            rng,
            line.product,
            basket,
            language,
            line.qty,
            price_text(line.unit),
            line.annual,
            multiline,
            line.product in bought.get(line.client, set()),
        )
        if not perturb or line.role == "cancelled":
            text, cls = BY_KEY[line.product].name, ""
        text = encodable(text, encoding)
        line.text, line.classes = text, [cls] if cls else []
