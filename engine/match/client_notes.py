"""What a PSA or accounting system keeps after a company's name that is not its name.

Registration and tax numbers ("- EIN 56-1360326", "(KvK 25650968)", "HRB 84360"), tags ("*VIP*",
"{Platinum}"), a parent account ("Key Accounts:Harcourt Lettings Limited") are never the name. A
company's name ends at its legal form: what an MSP types after "… Pty Ltd", set off by a dash or a
bracket, is most often about the account ("(Managed 24x7)", "[Gold SLA]", "- MSA"), but may be a
branch ("- North"), so that reading is the matcher's, where it can see the other names. A store's
number after the form always tells two shops of a chain apart, and stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engine.folding import folded, may_hold
from engine.match.legal_forms import is_legal_form

#: Where a note may begin after a name: a spaced dash or bar or slash, a bracket, a tag's mark.
_SET_OFF = re.compile(r"\s+[-\u2013\u2014|/\u00b7\u2022]\s+|\s*[(\[{*]|\s*,\s+")

#: An account tag: "*VIP*", "{Platinum}", "**key account**".
_TAG = re.compile(r"\s*(?:\*+[^*]{1,30}\*+|\{[^{}]{1,30}\})")
#: What a bookkeeper writes after a customer record it copied or keeps in another currency: "(use
#: this one)", "- NEW", "(GBP)", "- USD account"; a copy's number ("… Ltd. Şti. (1)") only after a
#: legal form (a shop's number in brackets stays: "Bella Napoli (7)").
_RECORD_COPY = re.compile(
    r"\s*(?:\(\s*(?:use\s+this(?:\s+one)?|new|current|copy)\s*\)|[-\u2013\u2014]\s*(?:new|use\s+this"
    r"(?:\s+one)?|copy)|(?:\(\s*|[-\u2013\u2014]\s*)(?:usd|eur|gbp|aud|cad|nzd|chf|sek|nok|dkk|pln|czk"
    r"|huf|try|jpy|sgd|hkd|zar|inr)(?:\s*\)|\s+account))\s*$",
    re.IGNORECASE,
)
_COPY_NUMBER = re.compile(r"\s*\(\s*[1-9]\s*\)\s*$")

#: A registration or tax number set off after a name: a short label and a number of five digits
#: or more, grouped or not ("- EIN 56-1360326", "(ABN 76 916 305 825)", "FN 481887x", "Co. No.
#: 04606876", "Y-tunnus 1714788-1", "Org.nr 927 912 395"), alone in its brackets or at the end.
_REGISTRATION = re.compile(
    r"(?:\s+[-\u2013\u2014|/\u00b7\u2022]\s+|\s*[(\[]\s*)"
    r"(?P<label>(?:[^\W\d_][\w.'-]{0,11}\.?\s?){1,3}?)[:#]?\s*"
    r"(?P<number>\d[\d ./-]{3,}\d[a-z]?)"
    r"\s*[)\]]?(?=\s*(?:$|[-\u2013\u2014(\[{*|/,\u00b7\u2022]))",
    re.IGNORECASE,
)
#: A registration, tax or account number before the name, with its label: "OIB 20255334218 Lika
#: Turizam d.o.o.", "Reģ. Nr. 40007966569 SIA …", "ЕИК 338651613 Rodopi Dent AD", "Konto 7000851 ·
#: AB …" (six digits or more: "Route 66 Diner" and a store's number are names).
_LEADING_REGISTRATION = re.compile(
    r"^\s*(?P<label>(?:[^\W\d_][\w.'-]{0,11}\.?\s?){1,3}?)[:#]?\s*"
    r"(?P<number>[a-z]{0,2}\d[\d ./-]{4,}\d)\s*(?:[-\u2013\u2014|/\u00b7\u2022,:]\s*)?(?=[^\W\d_])",
    re.IGNORECASE,
)

#: A number a company register or tax office gives, by its own label, after the name with only a
#: space or a comma before it: "… AS org.nr. 697 697 697", "… B.V. KvK 51426745", "… S.n.c. P.IVA
#: 86979713871", "…, FN 760954a", "… GmbH HRB 12345", "… NIP 123-456-78-90".
_REGISTER_LABELLED = re.compile(
    r"[\s,]+(?:org\.?\s?nr|orgnr|org\.?\s?no|kvk|p\.?\s?iva|partita\s+iva|c\.?f\.|hrb|hra|fn|nip"
    r"|regon|krs|nif|nipc|cif|siren|siret|cvr|ust-?id(?:nr)?|uid|y-tunnus|i[cč]o|di[cč]|kbo"
    r"|abn|acn|ein|crn|company\s+no"
    # a charity's number as its register gives it: "… Reg Charity 1030732", "… CHY 20345"
    r"|reg(?:istered)?\.?\s+charity(?:\s+(?:no|number|nr)\.?)?|charity\s+(?:no|number|nr)|chy)"
    r"\.?:?\s*(?P<number>[a-z]{0,2}\d[\d ./-]{3,}\d[a-z]?)\s*$",
    re.IGNORECASE,
)

#: A tax or register number after the name by a label in capitals that any office may give it
#: ("… Ltda. CNPJ 90.993.841/0001-64", "… LLP UEN 202782566N", "… Ltd. Şti. VKN 7064778740", "…
#: S.A. - RUT 86.860.046-K", "… RFC ZXC897278A35", "…, ЕИК 969466896", "… ΑΦΜ 094014201"): eight
#: digits or more, at the name's end, the label in Latin, Cyrillic or Greek capitals — a
#: name in capitals numbered after a word ("VISTA LEGAL 24788", a chain's outlet) is no tax number.
_TAX_NUMBER_DIGITS = 8
_REGISTER_IN_CAPITALS = re.compile(
    r"[\s,]+(?:[-\u2013\u2014]\s*)?\(?(?P<label>[A-Z][A-Z.]{1,5}(?:\s[A-Z]{2,4})?|[\u0400-\u042f][\u0400-\u042f.]{1,5}"
    r"|[\u0391-\u03a9][\u0391-\u03a9.]{1,5}):?\s*(?P<number>[A-Z]{0,4}\d[\dA-Z ./-]{3,}[\dA-Z])\)?\s*$"
)

_MESSRS = re.compile(r"^[Mm]/[Ss]\.?\s+")

#: A telephone number kept after the name, labelled or not: "… Ltd 0183 270 5475", "(Tel. 0190 755
#: 7842)", "- ph +61 2 9876 5432". Eight digits or more, so no shop's or unit's number is one.
_PHONE = re.compile(
    r"\s*[-\u2013\u2014,]?\s*[(\[]?\s*(?:(?:tel(?:ephone|efon)?|phone|ph|tlf|tfn|fon|mob(?:ile)?|t)\.?:?\s*)?"
    r"(?P<number>\+?\(?\d[\d\s().-]{6,}\d)\s*[)\]]?\s*$",
    re.IGNORECASE,
)

#: The year a company was founded, with its label: "(Est. 1950)", "- since 1971", "est.1964",
#: "gegr. 1898", "depuis 1987", "fundada en 1990".
_FOUNDED = re.compile(
    r"\s*[-\u2013\u2014,]?\s*[(\[]?\b(?:est(?:ablished|d)?\.?|since|founded|gegr(?:[üu]ndet|\.)?|seit"
    r"|depuis|fond[ée]e?(?:\s+en)?|sedan|siden|desde|fundad[ao](?:\s+en)?|opgericht|anno)\s*"
    r"(?:in\s+)?(?:1[89]|20)\d\d\b[)\]]?",
    re.IGNORECASE,
)

#: A company's insolvency noted after its name: "(in examinership)", "- Chapter 11", "GmbH i.L.",
#: "en liquidation", "w likwidacji": the same company, its bills still to reconcile.
_INSOLVENCY = re.compile(
    r"\s*[-\u2013\u2014,]?\s*[(\[]?\s*(?:in\s+(?:voluntary\s+)?(?:examinership|liquidation|administration"
    r"|receivership|insolvency|liquidatie|liqu?\.)|under\s+administration|chapter\s+(?:7|11|13)|i\.\s?l\."
    r"|i\.\s?liq\.|en\s+liquidation|en\s+liquidaci[oó]n|in\s+liquidazione|w\s+likwidacji|i\s+likvidation"
    r"|under\s+avvikling|under\s+konkurs|v\s+likvidaci|in\s+insolvenz)\s*[)\]]?\s*$",
    re.IGNORECASE,
)

#: A note a PSA keeps at the end of a customer's name about how the account is run, never a branch
#: or a name: its account manager ("- acct mgr CH", "[AM: LL]"), its payment terms ("[NET 14]",
#: "(card on file)"), its support tier ("(Platinum SLA)", "– Silver", "[Tier 2 support]") or which
#: of two records it is ("(the Austin one)", "(not the old acct)").
_ADMIN_NOTE = re.compile(
    r"(?:acct\.?|account)\s*(?:mgr|manager|owner|exec)\.?\s*:?\s*[a-z.]{1,12}(?:\s[a-z.]{1,12})?"
    r"|am\s*:\s*[a-z]{1,4}"
    r"|(?:(?:payment\s+)?terms?\s*:?\s*)?net\s*-?\s*\d{1,3}(?:\s*days)?|cod|card\s+on\s+file|direct\s+debit"
    r"|(?:platinum|gold|silver|bronze)(?:\s+(?:sla|support|plan|tier|customer|client|partner))?"
    r"|(?:sla|support)\s*:?\s*(?:platinum|gold|silver|bronze|tier\s*[1-4])"
    r"|tier\s*[1-4](?:\s+(?:support|sla|customer|client))?"
    r"|the\s+[^\W\d_][\w.' -]{1,24}\s+one|not\s+the\s+(?:old|other)\s+(?:acct|account|one|record)"
    r"|(?:attn|attention)\b\.?:?\s*[^\W\d_][\w.' -]{0,30}"  # whom to address: "…, Attn: Finance"
    # the time zone, sales region, project or cost centre, buying group the account is filed under
    r"|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[a-z]{3,4}\s+time"
    r"|(?:na|emea|apac|latam|amer|anz|dach|nordics|benelux)(?:[- ](?:east|west|north|south|central"
    r"|[nsew]{1,2}))?|r\d{1,2}\s+(?:north|south|east|west|central)"
    r"|prj-?\d{3,}|cc\s*\d{3,}|cost\s*cent(?:re|er)\s*:?\s*\d{3,}|member:?\s+[^()\[\]]{2,40}"
    # a department's sub-account of the same company ("– Finance", "– HR")
    r"|admin|administration|hr|human\s+resources|finance|accounts|accounting|operations|ops|sales"
    r"|marketing|clinical|reception|management|board",
    re.IGNORECASE,
)
#: Where a note begins after a name: a spaced dash, bar or slash, a bracket, or a comma.
_NOTE_START = re.compile(r"\s+[-\u2013\u2014|/]\s+|\s*[(\[]|\s*,\s+")
#: The characters a note begins with (see ``_NOTE_START``).
_NOTE_MARKS = frozenset("-\u2013\u2014|/([,")
#: Words an account note has, looked for first (speed: every name is read).
_MAY_HAVE_ADMIN_NOTE = re.compile(
    r"acct|account|am\s*:|net\s*-?\s*\d|cod\b|card|debit|platinum|gold|silver|bronze|tier|sla|\bone\b"
    r"|attn|attention|utc|gmt|time|emea|apac|latam|amer|anz|dach|nordic|benelux|\bna\b|\br\d"
    r"|prj|cc\s*\d|cost|member|admin|hr\b|human|financ|accounts|operations|ops\b|sales|marketing"
    r"|clinical|reception|management|board",
    re.IGNORECASE,
)


#: Opening hours kept after a name: "(Mon–Fri 08:00–17:30)", "[hrs 7-4 M-F]", "– open 24/7".
_HOURS_WORDS = frozenset(
    [
        "open", "hrs", "hours", "am", "pm", "closed", "to", "and", "m", "f", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "weekdays", "daily",
    ]
)  # fmt: skip
_DAY_OR_TIME = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)|\bm-f\b|24/7|24x7|\d{1,2}[:.]\d{2}", re.I
)


def without_email(name: str) -> str:
    """The name without an e-mail address kept with it ("… LLC <invoices@foxhollow.co.uk>")."""
    return (_EMAIL.sub("", name).strip() or name) if "@" in name else name


def _opening_hours(note: str) -> bool:
    words = re.findall(r"[^\W\d_]+", note.lower())
    return _DAY_OR_TIME.search(note) is not None and all(w in _HOURS_WORDS for w in words)


#: An e-mail address kept with a name: "Foxhollow Freight Limited <accounts@foxhollow.co.uk>".
_EMAIL = re.compile(r"\s*<?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?")
#: The kind of customer a CRM files the account under, written first: "B2B – ", "SMB: ",
#: "Key account – ".
_CUSTOMER_KIND = re.compile(
    r"^\s*(?:[a-z]{0,4}\d{3,}\s*[-\u2013:]\s*)?(?:b2b|b2c|b2g|smb|sme|enterprise|mid-?market|key\s+account|strategic|partner|nfp"
    r"|non-?profit|gov(?:ernment)?|public\s+sector|education|healthcare|retail|wholesale)"
    r"\s*(?::|\s[-\u2013\u2014|]\s*)\s*(?=\S)",
    re.IGNORECASE,
)
#: The German "Firma" (a firm) written before the name: "Fa. Müller Haustechnik GmbH".
_FIRMA = re.compile(r"^\s*(?:fa\.|firma)\s+(?=\S)", re.IGNORECASE)


def _without_admin_notes(text: str) -> str:
    """``text`` without the account notes at its end (up to three: "… - Austin (not the old
    acct)" keeps its "- Austin", a branch the matcher reads)."""
    for _ in range(3):
        starts = list(_NOTE_START.finditer(text))
        start = starts[-1] if starts else None  # the last place a note may begin
        if start is None or not _words(text[: start.start()]):
            break
        note = text[start.end() :].strip().removesuffix(")").removesuffix("]").strip()
        if not note or (_ADMIN_NOTE.fullmatch(note) is None and not _opening_hours(note)):
            break
        text = text[: start.start()].rstrip()
    return text


#: What an insolvency note must have, looked for first (speed: every name is read).
_MAY_BE_INSOLVENT = (
    "liq", "examin", "administr", "receiver", "insolv", "chapter", "i.", "likwid", "likvid",
    "avvikling", "konkurs",
)  # fmt: skip
#: A postcode kept after a company's legal form: British "EH2 4RG", Dutch "1012 AB", Canadian
#: "K1A 0B1", Swedish "111 52", a five-digit ZIP ("02139", "94103-1234") or a four-digit one ("2000", "8001").
_POSTCODE_END = re.compile(
    r"[\s,]+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4}\s?[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{3}\s\d{2}"
    r"|\d{5}(?:-\d{4})?|\d{4})\s*$"
)
#: A year a company may have been founded in (also read by the matcher's name tiers).
YEAR = re.compile(r"(?:1[89]|20)\d\d")

#: A shop's or site's number: what tells two of a chain apart ("Store 12", "#9", "Vestiging 3").
_BRANCH_NUMBER = re.compile(
    r"(?:store|shop|branch|site|location|loc|unit|no|nr|filiale|magasin|vestiging|tienda|negozio"
    r"|butik|sklep|myymala|standort|#)\.?\s*\d{1,4}(?!\d)",
    re.IGNORECASE,
)


#: A web domain written for the company's name ("greenleafcafestore15.com", "bakkerijdejong.nl"),
#: perhaps with a note after it: its first label is the name, spaces left out.
_DOMAIN_NAME = re.compile(
    r"^\s*(?:the\s+)?(?:www\.)?(?P<label>[a-z0-9][a-z0-9-]{3,})(?:\.onmicrosoft)?(?:\.[a-z]{2,3}){1,2}(?=\s*(?:$|[-\u2013(\[{*|]))",
    re.IGNORECASE,
)

#: A label before a colon that is no parent account ("Attn:", "Tenant:", "Ref:").
_MAY_LABEL = re.compile(r"\b(?:attn|attention|contact|tenant|domain|ref|c/o)$", re.I)

#: A note set off after a name that says who trades as whom: kept for the names that read it.
_TRADING = re.compile(r"^\W*(?:dba|d/b/a|t/a|trading as|formerly|fka|f/k/a|aka|ex)\b", re.I)


#: An accounting system's sub-customer, written "Parent:Child" with no space ("Key Accounts:Harcourt
#: Lettings Limited", QuickBooks): the child is the company, unless the parent is ("Acme Ltd:Job 4").
_PARENT_PATH = re.compile(r"^\s*(?P<parent>[^\W\d][^:\d]{1,40}):(?=[^\W\d_])(?P<child>[^:]+)$")


#: What the law makes a company write after its legal form, which names no other company: its
#: state of incorporation ("…, a Nevada corporation", "(a New York limited liability company)"),
#: its share capital ("SARL au capital de 7 500 €", "capital social 10.000,00 €") and its being
#: in formation ("B.V. i.o.", "GmbH i.G.", "in oprichting").
_LEGAL_TAIL = re.compile(
    r"(?:,\s*|\s*\(\s*|\s+)(?:"
    r"an?\s+(?:[A-Z][\w.]*\s+){1,3}(?:limited\s+liability\s+company|professional\s+corporation"
    r"|limited\s+partnership|corporation|company|partnership)"
    r"|(?:au\s+|with\s+a\s+|avec\s+un\s+)?capital(?:\s+social)?\s+(?:de\s+|of\s+)?"
    r"[\d][\d\s.,'\u00a0\u202f]*\s*(?:€|eur|euros?|\$|£|chf|mad|fcfa)?"
    r"|i\.\s?o\.?|i\.\s?gr?\.?|in\s+oprichting|in\s+gr(?:ü|ue|u)ndung|in\s+formation"
    r"|en\s+formation|en\s+constituci[oó]n"
    r")\s*\)?\s*$",
    re.IGNORECASE,
)


#: A word each of those tails holds (lower case).
_MAY_HAVE_LEGAL_TAIL = (
    "corporation", "company", "partnership", "capital", "i.", "oprichting", "ndung", "formation",
    "constituci",
)  # fmt: skip


def without_legal_tail(name: str) -> str:
    """``name`` without what the law makes a company write after its legal form."""
    if (
        may_hold(name, _MAY_HAVE_LEGAL_TAIL)  # (speed: the pattern is tried only where it may fit)
        and (tail := _LEGAL_TAIL.search(name)) is not None
        and _has_a_form(name[: tail.start()])
    ):
        return name[: tail.start()]
    return name


@lru_cache(maxsize=131072)
def without_account_notes(name: str) -> str:
    """``name`` without the notes an MSP keeps after it (see the module's docstring)."""
    text = without_legal_tail(name)  # "Fontaine Architects SARL au capital de 7 500 €"
    if text[:2] in ("M/", "m/"):
        text = _MESSRS.sub("", text) or text  # India's "M/s. Sharma Traders": Messrs
    if (scheme := _STRATA_SCHEME.match(text)) is not None:
        text = f"Strata Plan {scheme['number']}{scheme['rest']}"  # its plan's number names it
    if (code := _DEBTOR_CODE.match(text)) is not None and _spells_the_start(code, text):
        text = text[code.end() :]  # "CHENMO21 Chen Motors": the ledger's code for the name
    if ":" in text and (path := _PARENT_PATH.match(text)) is not None:
        parent, child = path["parent"].strip(), path["child"].strip()
        if _ends_in_form(_words(parent) or ["-"]) or len(_words(child)) < 2:
            text = parent
        elif not _MAY_LABEL.search(parent):
            text = child
    if "*" in text or "{" in text:
        text = _TAG.sub("", text).strip() or text
    if "(" in text or "-" in text or "\u2013" in text or "\u2014" in text:
        text = _RECORD_COPY.sub("", text).strip() or text
        if (copy := _COPY_NUMBER.search(text)) is not None and _has_a_form(text[: copy.start()]):
            text = text[: copy.start()]
    text = without_email(text)
    if ")" in text and (acronym := _OWN_ACRONYM.search(text)) is not None:
        text = _without_own_acronym(text, acronym)
    if (kind := _CUSTOMER_KIND.match(text)) is not None or (kind := _FIRMA.match(text)) is not None:
        text = text[kind.end() :]
    if not _NOTE_MARKS.isdisjoint(text) and (
        _MAY_HAVE_ADMIN_NOTE.search(text) or _DAY_OR_TIME.search(text)
    ):  # (speed: a note begins at one of these marks; most names have none)
        text = _without_admin_notes(text)
    if may_hold(text, _MAY_BE_INSOLVENT) and (insolvent := _INSOLVENCY.search(text)) is not None:
        text = text[: insolvent.start()] if insolvent.start() > 0 else text
    if "." in text and (domain := _DOMAIN_NAME.match(text)) is not None:
        return domain["label"]
    if any(map(str.isdigit, text)):
        if (order := _PURCHASE_ORDER.search(text)) is not None and order.start() > 0:
            text = text[: order.start()]  # "Cabinet Comptable Mercié PO# 71024"
        if YEAR.search(text):
            text = _without_founding(text)
        text = without_registrations(text)
        if (
            (post := _POSTCODE_END.search(text)) is not None
            and (head := _words(text[: post.start()]))
            and head[-1].lower().strip(".") != "co"  # ("Adventure Accounting Co 18706": a code)
            and _ends_in_form(head)
        ):
            text = text[: post.start()]  # "Kingsway Group Ltd EH2 4RG", "… Corp. 02139"
        if sum(map(str.isdigit, text)) >= 8:  # (speed: most names hold a shop's number at most)
            phone = _PHONE.search(text)
            if phone is not None and phone.start() > 0 and _a_telephone_number(phone, text):
                text = text[: phone.start()]
    return text.strip(" -\u2013\u2014|/,\u00b7\u2022") or name


#: Capitals in brackets at a name's end, perhaps its own initials: "Harbourside Medical Practice
#: Ltd (HMP)".
_OWN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z&]{1,5})\s*\)\s*$")
_NOT_INITIALLED = frozenset(["and", "of", "the", "&", "und", "et", "y"])


def _without_own_acronym(text: str, acronym: re.Match[str]) -> str:
    """The name without its own initials in brackets after it (the books may know the client by
    them alone); other capitals in brackets stay ("(NZ)", "(UK)" say where)."""
    words = [w for w in _words(text[: acronym.start()]) if w.lower() not in _NOT_INITIALLED]
    while words and is_legal_form(words[-1].lower().strip(".")):
        words.pop()
    letters = acronym[1].replace("&", "")
    initials = "".join(w[0] for w in words).upper()
    return text[: acronym.start()] if len(words) >= 2 and initials == letters else text


def ended_at_the_legal_form(name: str) -> str:
    """The name up to its last legal form that a note is set off from: "Botha Accountants (Pty)
    Ltd (Managed 24x7)" is "Botha Accountants (Pty) Ltd". The note may be a branch ("… Pty Ltd -
    North"): the caller pairs by it only where no other client's name ends there too."""
    return _cut_after_the_legal_form(name) if _SET_OFF.search(name) is not None else name


def _a_telephone_number(found: re.Match[str], text: str) -> bool:
    """Eight digits or more after a name (a shop's or unit's number has four at most)."""
    return sum(ch.isdigit() for ch in found["number"]) >= 8 and bool(_words(text[: found.start()]))


def _without_founding(text: str) -> str:
    """The text without the year the company was founded, never what begins the name ("Since
    1990 Ltd" is a name)."""
    rest = _FOUNDED.sub(lambda found: found[0] if found.start() == 0 else "", text)
    words = _words(rest)
    return rest if words and not all(is_legal_form(word) for word in words) else text


#: A strata scheme as its law names it: "The Owners - Strata Plan No. 48213", "Owners Corporation
#: SP 12345" (New South Wales, Victoria); the books may write "Strata Plan 48213 - Harbour Towers".
_STRATA_SCHEME = re.compile(
    r"^\s*(?:the\s+)?owners?(?:\s+corporation)?\s*[-\u2013\u2014,:]?\s*(?:strata\s+plan|sp)\s*"
    r"(?:no\.?|number|nr\.?|#)?\s*(?P<number>\d{1,7})\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_PLAN_LABEL = re.compile(r"\b(?:strata|plan|sp)\b", re.IGNORECASE)

#: A ledger's debtor code before the name: the name's first letters in capitals and a number
#: ("CHENMO21 Chen Motors", "VANDIJ96 Van Dijk Bouwbedrijf", "OGRA055 - Ó Gráda Bakery"), as MYOB,
#: Sage and Exact make them.
_DEBTOR_CODE = re.compile(r"^\s*([A-Z]{3,8})\d{1,4}(?:\s*[-\u2013:]\s*|\s+)(?=\w)")

#: A purchase order's number after the name: "… PO# 71024", "… P.O. 4471", "…, PO: A-1182" (never
#: a PO Box: that is an address).
_PURCHASE_ORDER = re.compile(
    r"[\s,;]+\(?\s*P\.?\s?O\.?\s*(?:#|no\.?|nr\.?|number|:)?\s*[:#-]?\s*"
    r"(?!box\b)[A-Z]{0,3}-?\d[\w-]{2,}\s*\)?\s*$",
    re.IGNORECASE,
)


def _spells_the_start(code: re.Match[str], text: str) -> bool:
    """The code's letters are the first letters of the name after it ("CHENMO" for "Chen
    Motors"): a code, not a word of the name ("ABC123 Plumbing")."""
    letters = code.group(1).lower()
    rest = text[code.end() :].lower()
    spelled = "".join(ch for ch in folded(rest) if ch.isalnum())
    dropped = "".join(ch for ch in rest if ch.isascii() and ch.isalnum())  # "STHERE" for "Sæther"
    return spelled.startswith(letters) or dropped.startswith(letters)


def without_leading_registration(text: str) -> str:
    """The name without a registration, tax or account number and its label before it ("OIB
    20255334218 Lika Turizam d.o.o.", "Konto 7000851 · …"); the text as it is when none."""
    if sum(map(str.isdigit, text[:40])) < 6:
        return text  # (speed: a number of six digits must come first; most names hold none)
    if text[:2].isupper() and (vat := _LEADING_VAT_NUMBER.match(text)) is not None:
        return text[vat.end() :]  # "LV40000287852 SIA …": a VAT number, its country first
    if (
        text[:1].isalnum()
        and (found := _LEADING_REGISTRATION.match(text)) is not None
        and sum(ch.isdigit() for ch in found["number"]) >= 6
        and _a_register_label(found["label"])
        and _words(text[found.end() :])
    ):
        return text[found.end() :]
    return text


#: A VAT number before the name: a country's two capitals and eight digits or more.
_LEADING_VAT_NUMBER = re.compile(r"^\s*[A-Z]{2}\d{8,12}\s*[-:,\u00b7]?\s+(?=[^\W\d_])")
#: A register's or an account's label, without its dots and spaces: "Reģ. Nr.", "reg-kood",
#: "Registrikood", "įm. k.", "Konto", "KMKR nr", "Company No" (a name's own words are none).
_REGISTER_LABEL = re.compile(
    r"^(?:reg(?:nr|no|nbr|kood|code|istrikood|istrationno|istrationnumber)?|konto|account|acct"
    r"|kmkrnr|kmkr|imk|imoneskodas|pvnnr|pvnmaksnr|vatno|vatnr|vatid|taxid|taxno|companyno"
    r"|companynumber|cono|crn|orgnr|uid|mb|jmbg)$"
)


def _a_register_label(label: str) -> bool:
    """A label of a register's or an account's number: one of those words, or capitals alone
    ("OIB", "CUI", "ЕИК", "PIB", "ABN": an office's initials)."""
    bare = re.sub(r"[\s.'-]+", "", label)
    return bool(
        _REGISTER_LABEL.match(folded(bare).lower()) or (2 <= len(bare) <= 5 and bare.isupper())
    )


def registration_numbers(name: str) -> list[str]:
    """The tax and register numbers written in a name, as written ("Sofia Print EOOD, ЕИК
    969466896", "Lääne Ehitus OÜ (reg-kood 14564132)", "LV40000287852 SIA …", "… AS,
    EE100089667"): six digits or more by a register's label or an office's initials, or with a
    country's letters before them; an account's number is none (it names no company)."""
    if sum(map(str.isdigit, name)) < 6:
        return []  # (speed: most names hold no such number)
    found: list[str] = []
    if name[:2].isupper() and (vat := _LEADING_VAT_NUMBER.match(name)) is not None:
        found.append(vat[0])
    elif (lead := _LEADING_REGISTRATION.match(name)) is not None and _a_register(lead["label"]):
        found.append(lead["number"])
    if (labelled := _REGISTER_LABELLED.search(name)) is not None:
        found.append(labelled["number"])
    elif (
        (capitals := _REGISTER_IN_CAPITALS.search(name)) is not None
        and not _an_account(capitals["label"])
        and _a_tax_numbers_length(capitals, name[: capitals.start()])
    ):
        whole = capitals[0].strip(" ,-\u2013\u2014()")
        found.append(whole if " " not in whole else capitals["number"])  # "EE100089667" whole
    for note in _REGISTRATION.finditer(name):
        if note.start() > 0 and _a_register(note["label"]):
            found.append(note["number"])
    if (bare := _BRACKETED_COMPANY_NUMBER.search(name)) is not None and (
        _has_a_form(name[: bare.start()]) or "-" in bare["number"]
    ):
        found.append(bare["number"])
    return [number for number in found if sum(map(str.isdigit, number)) >= 6]


def _a_register(label: str) -> bool:
    """A register's or a tax office's label, not an account's."""
    return _a_register_label(label) and not _an_account(label)


def _an_account(label: str) -> bool:
    """An account's label, or one of its words ("Cust. No.", "LTD ACCT")."""
    return any(
        _ACCOUNT_LABEL.match(folded(re.sub(r"[\s.'-]+", "", part)).lower()) is not None
        for part in (label, *label.split())
    )


_ACCOUNT_LABEL = re.compile(r"^(?:konto|account|acct|acc|cust|customer|client|id|no|nr|ref)$")


def without_registrations(text: str) -> str:
    """The text without its registration numbers: five digits or more after a label (a store's
    number has four at most), six or more before the name, never the whole name."""
    text = without_leading_registration(text)
    if (found := _REGISTER_LABELLED.search(text)) is not None and _words(text[: found.start()]):
        text = text[: found.start()]  # "Solberg Bygg AS org.nr. 697 697 697", "… B.V. KvK 51426745"
    if (
        (found := _REGISTER_IN_CAPITALS.search(text)) is not None
        and _words(text[: found.start()])
        and _a_tax_numbers_length(found, text[: found.start()])
    ):
        text = text[: found.start()]  # "… Ltda. CNPJ 90.993.841/0001-64", "… LLP UEN 202782566N"
    if (
        (bare := _BRACKETED_COMPANY_NUMBER.search(text)) is not None
        and text.endswith(")")
        and (_has_a_form(text[: bare.start()]) or "-" in bare["number"])
    ):
        text = text[: bare.start()]  # Malaysia's "Acme Sdn. Bhd. (123456-A)": its company number
    for found in reversed(list(_REGISTRATION.finditer(text))):
        digits = sum(ch.isdigit() for ch in found["number"])
        if digits < 5 or not found["label"].strip() or found.start() == 0:
            continue
        if _PLAN_LABEL.search(found["label"]):
            continue  # "… - Strata Plan 48213": the scheme's number is its name
        rest = text[: found.start()] + text[found.end() :]
        if _words(rest):
            text = rest
    return text


#: A company's number alone in brackets after its legal form: Malaysia's "(123456-A)", its new
#: twelve digits "(202001012345)"; with its check letter ("-K"), after a business name too
#: ("Perniagaan Sinar Enterprise (114965-K)").
_BRACKETED_COMPANY_NUMBER = re.compile(r"\s*\(\s*(?P<number>\d{5,12}(?:-[A-Z])?)\s*\)\s*$")


def _a_tax_numbers_length(found: re.Match[str], before: str) -> bool:
    """Eight digits or more; five or more right after a legal form ("Eko Foods Nigeria Limited RC
    948567": a register's number, where "VISTA LEGAL 24788" is an outlet's), by a label that
    names no branch ("… LTD STORE 12345")."""
    digits = sum(map(str.isdigit, found["number"]))
    label = found["label"].split()
    if len(label) == 2:  # "… PLC RC 405168": the first capitals may be the legal form
        before = f"{before} {label[0]}"
    return digits >= _TAX_NUMBER_DIGITS or (
        digits >= 5 and _has_a_form(before) and not _BRANCH_WORD.fullmatch(label[-1])
    )


_BRANCH_WORD = re.compile(r"(?i)store|shop|branch|outlet|site|unit|no\.?|nr\.?|loc|location|depot")


def names_a_branch(note: str) -> bool:
    """A shop's or site's number ("- Store 12", "(#32)", "(7)"): what tells two of a chain apart,
    never a note to set aside."""
    return _BRANCH_NUMBER.search(note) is not None or _ONLY_A_NUMBER.fullmatch(note) is not None


_ONLY_A_NUMBER = re.compile(r"[\W_]*\d{1,4}[\W_]*")


def _cut_after_the_legal_form(text: str) -> str:
    """The text up to its last legal form that a note is set off from: "Botha Accountants (Pty)
    Ltd (Managed 24x7)" is "Botha Accountants (Pty) Ltd"; a branch's number after it stays."""
    for found in reversed(list(_SET_OFF.finditer(text))):
        head, tail = text[: found.start()], text[found.start() :]
        words = _words(head)
        if len(words) < 2 or not _ends_in_form(words):
            continue
        if _BRANCH_NUMBER.search(tail) or _TRADING.match(tail):
            return text  # "… Pty Ltd - Store 12": two shops of a chain; "… LLC - dba …"
        return head
    return text


def _has_a_form(text: str) -> bool:
    """A legal form ends the text, or begins it ("Công ty TNHH …", "ООО …")."""
    words = _words(text)
    return bool(words) and (_ends_in_form(words) or is_legal_form(words[0]) or words[0] == "cong")
    # (a form before the name is a legal form's word, "ООО …", or Vietnamese "Công ty …")


def _ends_in_form(words: list[str]) -> bool:
    last = words[-1]
    return is_legal_form(last) or (len(words) > 2 and is_legal_form(words[-2] + last))


def _words(text: str) -> list[str]:
    """The words of a name, folded, dots dropped ("B.V." is "bv", the legal form)."""
    return re.findall(r"[^\W_]+", folded(text).replace(".", ""))
