"""Normalise product names: commerce and term words out, abbreviations expanded, plans unified.

>>> product_key("Microsoft 365 Business Premium [NCE] (Annual)")
'microsoft 365 business premium'
>>> product_key("MS NCE M365 BP 1YR")
'microsoft 365 business premium'
>>> product_key("Exchange Online (Plan 1)") == product_key("Exchange Online P1")
True

The term matters for the price (it is read separately) but is not part of the product.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from engine.folding import (
    LETTERS_NFKD_KEEPS,
    folded,
    latin_lookalikes,
    without_invisibles,
    without_xml_escapes,
)
from engine.lines.unit_sizes import without_sizes
from engine.match.description_vocabulary import SERVICE_WORDS, TRAINING_WORDS
from engine.match.loanwords import english_word
from engine.match.text_artefacts import without_text_artefacts
from engine.match.word_alignment import shortens

if TYPE_CHECKING:
    from engine.match.catalogue import Catalogue

#: Microsoft plans and editions: E3, F1, P2, A5, G3, K1.
PLAN_TOKEN = re.compile(r"[aefgkp]\d")

#: Words that make a licence another edition of its product ("Kiosk", "no Teams", "Student").
EDITIONS = frozenset(
    ["noteams", "kiosk", "eea", "gcc", "student", "students", "faculty", "education", "nonprofit"]
)

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:[\s-][a-z]+)?"
)
_CURRENCY = (
    # every currency sign ("₺", "₱", "₩", "₫", "฿", "₦", "₪"), a dollar's country before it ("R$",
    # "S$", "HK$"), the letters of the rupiah and the ringgit, and the codes of the bills we meet
    r"[$\u00a2-\u00a5\u20a0-\u20cf\u0e3f\ufdfc]|\b(?:r|s|hk|nt|nz|a|c|us|mx|rd)\$|\b(?:rp|rm)\b"
    r"|\b(?:usd|eur|gbp|aud|cad|nzd|chf|sek|nok|dkk|inr|brl|jpy|idr|myr|sgd|hkd|twd|thb|php|vnd"
    r"|krw|cny|rmb|mxn|cop|clp|ars|pen|zar|aed|sar|qar|kwd|omr|try|ils|egp|kes|ngn|pln|czk|huf"
    r"|ron|isk)\b"
)
#: A note that points at a paper: "see PO 4471", "per quote Q-2231", "ref #88", "ticket 1032" (also
#: read by engine.match.product_notes, which tells notes from names).
REFERENCE_NOTE = (
    r"\b(?:see|ref|reference|po|quote|ticket|case|order|invoice|inv|contract"
    r"|per\s+(?:quote|po|contract|agreement|order))\b[\s#:.-]*"
    r"(?:po|quote|ticket|order|no|nr|agreement|contract)?[\s#:.-]*[a-z]{0,3}-?\d{3,}(?:[-/]\d+)?"
)
#: A field of an invoice template an export kept unfilled: "$STARTDATE", "{month}", "%MONTH%".
_TEMPLATE_TOKEN = r"\$[a-z_]+|\{[^}]*\}|%[a-z_]+%|<<[^>]*>>"

_PHRASES: tuple[tuple[str, str], ...] = (
    # a plan named by how it is paid: "Business Starter (annual plan)", "Zoom Pro - monthly plan"
    # (its term, read elsewhere; never a numbered plan: "Plan 1")
    (
        r"\b(annual|annually|yearly|monthly|flexible|flex|commit(?:ment)?)\s+plan\b(?!\s*\d)",
        r" \1 ",
    ),
    # where the client is moving, said beside what it still uses: "LP Teams - migrating to
    # Keeper", "GWS Biz Starter (until cutover to Microsoft)": the destination is no part of it
    (
        r"\b(?:(?:migrating|moving|switching|transitioning|migrated|moved|switched)\s+(?:over\s+)?to"
        r"|(?:until|till|before|pending)\s+(?:the\s+)?cut[- ]?over(?:\s+to)?|cut[- ]?over\s+to)"
        r"\b[^()\[\]]*?(?=\s[-\u2013|]\s|[)\]]|$)",
        " ",
    ),
    (  # a date range in the languages of the books, perhaps cut short: "(du 01/11/2026 au 30/1"
        r"\(?\b(?:du|del|dal|vom|von|fra|fran|från|od|van)\s+\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?"
        r"(?:\s*(?:au|al|bis|til|till|do|tot|-)\s*(?:\d{1,2}(?:[./-]\d{0,2}(?:[./-]\d{0,4})?)?)?)?\)?",
        " ",
    ),
    # a credit line marked "CR" before the product ("CR Zoom Workplace Pro", -1 seat): the product
    (r"^\s*cr\b\.?\s*[-:\u2013]?\s*(?=\S)", " credit "),
    # a description written as a sentence or a mail's subject: "Cost of … for 2 users this month",
    # "Includes … for all mailbox users", "Licensing for your 7 staff - …", "Monthly charge for …",
    # "Provision of … licences as per agreement", "FW: … renewal"
    (r"^\s*(?:fwd?|re|aw|wg|tr|sv)\s*:\s*", " "),
    (
        r"^\s*(?:(?:monthly|annual|yearly)\s+)?(?:cost|charge|fee|provision|supply|billing)s?"
        r"\s+(?:of|for)\s+",
        " ",
    ),
    (r"^\s*(?:includes?|including)\s+", " "),
    (
        r"^\s*licen[cs](?:ing|es?)\s+for\s+(?:your\s+)?(?:\d+\s+)?(?:staff|users?|seats?|employees"
        r"|people|team)\b\s*[-\u2013:]?\s*",
        " ",
    ),
    (
        r"\s+for\s+(?:\d+|all|your|each)\s+(?:[a-z]+\s+)?(?:users?|staff|seats?|mailbox(?:es)?"
        r"|employees|people)\b(?:\s+this\s+month)?",
        " ",
    ),
    (
        r"\s+for\s+each\s+of\s+(?:your|the|our)\s+(?:\d+\s+)?(?:[a-z]+\s+)?(?:users?|staff|seats?"
        r"|employees|people|mailbox(?:es)?)\b",
        " ",
    ),
    # what the line counts in: "… inc. 2 shared mailboxes", "incl. 5 users"
    (
        r"\s(?:inc|incl|including|includes|inkl)\.?\s+\d+\s+(?:[a-z]+\s+)?(?:mailbox(?:es)?|users?"
        r"|seats?|licen[cs]es?|devices?)\b",
        " ",
    ),
    # a line's number before it: "02) Keeper Business", "1. …", "3/ …", "Pos. 3 …", "#04 - …",
    # "02 - …"
    (
        r"^\s*(?:(?:pos(?:ition)?|line|row|item|zeile|rad|rij|riga|linea|ligne)\.?\s*\d{1,3}\s*[-:.)]?"
        r"|\d{1,3}\s*[.)/]|\(?(?:[ivx]{1,4}|\d{1,2})\)|\#\s?\d{1,3}\s*[-:.)]?|0\d{1,2}\s*[-:])\s+(?=\D)",
        " ",
    ),
    # the seats before it: "2 × Acronis …", "88 @ Huntress Managed EDR", "6.× …", "Four … licences,
    # month of November"
    (r"^\s*\d{1,4}\s*\.?\s*[x\u00d7@*]\s*(?=[^\W\d])", " "),
    (
        r"^\s*(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?=.*"
        r"\blicen[cs]es\b)|,?\s*(?:for\s+)?(?:the\s+)?month\s+of\s+" + _MONTHS,
        " ",
    ),
    # the users a line is for, listed: "(t.nguyen, l.rossi, k.novak +7)", "(ana@x.com, …)"
    (
        r"\(\s*[\w'-]+[.@][\w.'@-]+(?:\s*[,;]\s*[\w'-]+[.@][\w.'@-]+)+(?:\s*[,;]?\s*\+\s*\d+)?\s*\)",
        " ",
    ),
    # pieces a month, abbreviated in the language of the books: "szt./mies.", "ks/měs.", "db/hó"
    (
        r"\b(?:szt|ks|db|stk|pcs|pc|st|adet|kpl|ea|pz|un|und|uds)\.?\s*/\s*(?:mies|mes|mese|mo|mon|mth|mnd|md"
        r"|kk|ay|ho|month|monat)\b\.?",
        " ",
    ),
    # the count and the month in words: "- six licences for November", ": seven seats (November)"
    (
        r"(?:\s[-\u2013]|:)\s+(?:\d{1,4}|" + _NUMBER_WORDS + r")\s+(?:licen[cs]es?|seats?|users?)"
        r"(?:\s+(?:for|in)\s+" + _MONTHS + r")?(?:\s*\(\s*" + _MONTHS + r"\s*\))?",
        " ",
    ),
    # a bracket the export cut short: "… Backup (pe" (never a plan's or an edition's: "(Plan 1",
    # "(no Tea")
    (r"\s*\((?![^()]*\d)(?!\s*no\b)[^()]{0,12}$", " "),
    # the work that comes with the licence, named after it: "… incl. onboarding", "… inkl.
    # Einrichtung", "… + admin support (licence)", "… incl. 30-day onboarding". The licence is
    # what the line bills; work named first ("Exchange Online migration incl. setup") or alone
    # ("Teams Phone setup & number porting") stays a service, by its own words.
    (
        r"(?<=[\w)\]])\s*(?:\s(?:incl|inkl|inc|including|includes|inklusive|with|w/|plus|mit|avec|con"
        r"|met|med)\.?|\+)\s*(?:\d{1,3}[\s-]?(?:day|days|hours?|hrs?|tage|dagen|dias|jours)\s+)?"
        r"(?:(?:admin|remote|initial|first|user|tenant|basic)\s+)?(?:onboarding|setup|set-up"
        r"|installation|configuration|support|deployment|einrichtung|ersteinrichtung|inrichting"
        r"|installatie|instalacion|configuracion|mise en service|oppsett|konfiguration"
        r"|konfiguracja|wdrozenie)\b",
        " ",
    ),
    (
        r"\b(?:this|per)\s+month\b|\bas\s+per\s+(?:the\s+)?(?:agreement|contract|quote|tenant)\b",
        " ",
    ),
    (r"\s[-\u2013]?\s*renewal\s*$", " "),
    # a ticket's or an order's number in brackets ("(T20261029.0061)", "(#4471-22)") and a
    # licence key written masked ("(key 9141-XXXX-9900)"): which paper or seat, never which product
    (r"\(\s*#?[a-z]{0,3}\d{6,}(?:[./-]\d+)*\s*\)", " "),
    (r"\(\s*(?:licen[cs]e\s+)?(?:key|serial|s/n)\b[^()]*\)", " "),
    # when the term ends, after the name: "- renews 09/10/2027", "(expires 31 mar 2027)"
    (
        r"\s[-\u2013(]?\s*(?:renews?|renewing|expires?|expiry|valid\s+(?:until|to|thru)|ends?)"
        r"\s*(?:on|:)?\s*\d[\d/.\s-]*(?:[a-z]{3,9}\.?[\s,]*\d*)?\)?\s*$",
        " ",
    ),
    (
        r"\s(?:quote|order|po|renewal|invoice|subscription)\s+(?:accepted|approved|confirmed"
        r"|confirmation|signed|received|notice|reminder)\s*$",
        " ",
    ),
    # "Business Premium suite": what a plan is sold as; never the Suite a maker sells beside its
    # product (Microsoft Intune Suite, Entra Suite, Defender Suite: add-ons of their own)
    (
        r"\b(premium|standard|basic|business|enterprise|apps|office|365|[ef][1-5])\s+suite\s*$",
        r"\1 ",
    ),
    # the price list an item is priced from: "(PL 2026-Q3)", "- list v7.2"
    (
        r"\(\s*pl\s+(?:19|20)\d\d(?:\s*-?\s*q[1-4])?\s*\)|\s[-\u2013]\s*list\s+v?\d+(?:\.\d+)*\b",
        " ",
    ),
    # Latin America's "x usuario" (per user): "Licenciamiento Zoom Biz x usuario/mes"
    (r"(?<!intercept )\bx\s+(?:usuarios?|user|users|utilizador)\b", " per user "),
    # per user and month in the language of the books: "pr. bruker/mnd", "je Benutzer/Monat",
    # "za uzytkownika/mies.", "par utilisateur/mois", "por usuario/mes"
    (
        r"\b(?:pr\.?|per|je|pro|par|por|za|a)\s+(?:bruker|brugere?|benutzer|utilisateur|usuario"
        r"|gebruiker|anvandare|uzytkownika|utente|kayttaja)\b(?:\s*/\s*[a-z]+\.?)?",
        " ",
    ),
    # the ledger account it is booked to: "- 4010 Software Revenue"; a tax note: "(VAT 20%)",
    # "incl. GST", "zzgl. MwSt."
    (
        r"\s[-\u2013]\s*\d{3,6}\s+(?:[a-z]+\s+){0,2}(?:revenue|sales|income|turnover|erlose)\b",
        " ",
    ),
    (
        r"[(\[]?\s*(?:(?:incl|excl|inkl|zzgl|plus|ex|inc)\.?\s*)?\b(?:vat|gst|hst|mwst|ust|iva|tva|btw"
        r"|moms|alv)\b\.?(?:\s*\d+(?:[.,]\d+)?\s*%)?(?:\s*(?:incl|excl|included|inkl)\.?)?\s*[)\]]?",
        " ",
    ),
    # tags a catalogue or a person adds: "#m365 #licensing"
    (r"(?:^|\s)#[a-z][\w-]*", " "),
    # a plan or an edition spoken: "P-one", "E five"; and its plural: "Office 365 E5s"
    (r"\b([efgp])[\s-](?:one)\b", r" \g<1>1 "),
    (r"\b([efgp])[\s-](?:two)\b", r" \g<1>2 "),
    (r"\b([efgp])[\s-](?:three)\b", r" \g<1>3 "),
    (r"\b([efgp])[\s-](?:five)\b", r" \g<1>5 "),
    (r"\b([efga][1-5])s\b", r"\1"),
    # a Windows 365 machine as a distributor writes it: "2C8G128" is 2 vCPU 8 GB 128 GB
    (
        r"\b(\d{1,2})\s?c\s?(\d{1,3})\s?(?:g|gb|ram)\s?(\d{2,4})(?:\s?gb)?\b",
        r" \1 vcpu \2 gb \3 gb ",
    ),
    # a catalogue item copied and never renamed: "Visio Plan 1 - Copy", "… - copy 2", "Copy of …"
    (
        r"^\s*copy of\s+|\s[-\u2013]\s*copy(?:\s*\(?\d{1,2}\)?)?(?=\s|$)|\(copy(?:\s*\d{1,2})?\)",
        " ",
    ),
    # or numbered as a copied file is, or its seats: "Microsoft 365 Copilot (1)" (never a plan's
    # number: "Visio Plan (2)")
    (r"(?<!plan)(?<!pl)\s\(\s*\d{1,3}\s*\)\s*(?:$|(?=[-\u2013]\s))", " "),
    # how the price was set: "(cost+15%)", "- MSRP less 10%", "@ RRP"
    (
        r"\(?\s*(?:cost|msrp|rrp|list(?: price)?|erp)\s*(?:\+|plus|less|minus|-)\s*\d+(?:[.,]\d+)?\s*%\s*\)?"
        r"|\s(?:@|at)\s*(?:rrp|msrp|list price)\b|\((?:rrp|msrp)\)",
        " ",
    ),
    # a price arrangement noted after the name: "- promo pricing", "- special rate"
    (
        r"(?:\s[-\u2013]\s*|\(\s*)(?:promo|promotional|special|discounted|staff|partner|nfp"
        r"|non-?profit|charity|education|loyalty|price-?locked)\s+(?:pricing|price|rate)\b\)?",
        " ",
    ),
    # the tenant the line is for: "(cedarcreek.onmicrosoft.com)", "tenant:haugeneiendom"
    (r"\(?\s*[\w.-]+\.onmicrosoft\.com\s*\)?|\btenant\s*:\s*[\w.-]+", " "),
    # a possessive typed for a plural: "Microsoft Team's Phone"; a name a spell checker split
    # ("In-Tune")
    (r"(?<=[a-z])'s\b", "s"),
    (r"\bin[- ]tune\b", "intune"),
    # an item code glued before the name: "ITM1039: Google Voice Standard", "LIC-65324067-Adobe
    # Photoshop" (never the suite's own number: "M365: Business Premium" keeps it)
    (
        r"^\s*(?![mowa]365\b|ms365\b)[a-z]{1,5}[-_ ]?\d{3,}[a-z0-9]*\s*:\s*"
        r"|^\s*[a-z]{2,5}-(?![a-z]\d-)[a-z0-9]*\d[a-z0-9]*-(?=[a-z])",  # not "VISIO-P1-M"
        " ",
    ),
    # a price per seat, its currency before it or none: "- 46.20 per seat", "46,20/user", "RM
    # 45.00/user", "S$ 20.00 per user"
    (
        r"(?:(?:"
        + _CURRENCY
        + r")\s*)?\b\d+[.,]\d{2}\s*(?:/|per|each|a)\s*(?:seat|user|licen[cs]e|month|mo|unit|device"
        r"|mailbox)s?\b",
        " ",
    ),
    # Windows 365: "Win365", "W365", a "Cloud PC", and its size as "2/8/128" or "2vCPU 8GB"
    (r"\b(?:win|w)\s?365\b", " windows 365 "),
    (r"\bcloud\s?pcs?\b", " windows 365 "),
    # hunting threats on the endpoints is endpoint detection and response ("24x7 Threat Hunting
    # Agent" for Huntress), not the mail's threat protection
    (r"\bthreat\s+hunting\b", " edr "),
    # a desktop that runs in the cloud is Windows 365, not Office's desktop apps
    (r"\b(?:virtual|hosted|cloud)\s+desktops?\b", " windows 365 "),
    (  # before the dates below: "2/8/128" is a size, not a day
        r"\b(?:windows 365|cloud pcs?|w ?365|win ?365)\b([^/]*?)\b(\d+)\s*/\s*(\d+)\s*/\s*(\d+)\b",
        r" windows 365 \1 \2 vcpu \3 gb \4 gb ",
    ),
    (r"\b(\d+)\s?(vcpus?|gb|tb)\b", r" \1 \2 "),
    # invoice-template tokens and billed-period text: HaloPSA "$MONTHNAME $YEAR", "{month}", "%MONTH%",
    # with the word that brings a period in ("… for $STARTDATE-$ENDDATE": no "for" left over)
    (
        r"(?:\b(?:for|from|during|period)\s*:?\s*)?(?:" + _TEMPLATE_TOKEN + r")"
        r"(?:\s*(?:-|\u2013|to|thru|through|until)\s*(?:" + _TEMPLATE_TOKEN + r"))?",
        " ",
    ),
    # on whose word, and when: "… mthly per Tom 3/11"
    (r"\b(?:as\s+)?per\s+[a-z]+\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", " "),
    # dates; never a plan's number before a month ("Visio Plan 1 Nov-26")
    (r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?<!plan )\b\d{1,2}[- ]" + _MONTHS + r"[- ]\d{2,4}", " "),
    (r"\b" + _MONTHS + r"\.?\s+\d{4}\b|\b\d{4}[-/]\d{2}\b", " "),  # "Aug 2025", "2025-08"
    # … and November as Romanian, Lithuanian, Croatian and Bulgarian books name it
    (r"\b(?:noiembrie|lapkritis|lapkricio|studeni|studenoga|noemvri)\s+\d{4}\b", " "),
    # … in Indonesian and Malay ("Nopember 2026"), and Vietnam's "tháng 11/2026" (month 11)
    (
        r"\b(?:nopember|november|desember|oktober|agustus|januari|februari|maret|mei|juni|juli)"
        r"\s+\d{4}\b",
        " ",
    ),
    (r"\bthang\s+\d{1,2}(?:\s*[/-]\s*\d{2,4})?\b", " "),
    # Vietnamese billing words: a licence (bản quyền), a subscription (thuê bao), a user (người
    # dùng), a monthly charge (cước tháng, phí tháng)
    (r"\b(?:ban quyen|thue bao|nguoi dung|cuoc thang|phi thang|hang thang)\b", " "),
    (r"\b" + _MONTHS + r"\.?(?:[-/ ]|\s?')\d{2}\b", " "),  # "Nov-26", "Nov '26": a month of a year
    (r"\b" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b", " "),  # "(Nov 1 - Nov 30)": days
    (r"\(legacy\)", " "),  # "O365 Business Premium (legacy)": the old name says which product
    (r"\b(?:to|until|thru|through)\b\s*(?=[\s)\]-]|$)", " "),
    (r"\bt/m\b", " "),  # Dutch "01-11-2026 t/m 30-11-2026" (tot en met: up to and including)
    (r"\bnew commerce(?: experience)?\b", " "),
    # a filter of the web is a DNS filter, never the mail's: "Web Content Filtering", "URL filter"
    (r"\b(?:web|internet|url|content)(?:\s+content)?\s+filter(?:ing|s)?\b", " dns filtering "),
    (r"\b(?:legacy )?csp\b", " "),
    (  # "no Teams", "w/o Teams", "excl. Teams", "sans Teams"; Teams typed with two letters swapped;
        # the languages of the books ("ohne Teams", "sin Teams", "zonder Teams", "utan Teams")
        r"\b(?:w/o|without|withot|withuot|wihtout|no|ex|excl\.?|excluding|sans|minus|ohne|sin"
        r"|zonder|utan|uden|uten|senza|sem|bez|ilma|fara)[- ]?"  # (Estonian "ilma", Romanian "fără")
        r"(?:ms |microsoft )?(?:te?a?m{1,2}s|temas|taems|teasm)(?:a|ita|u)?\b",  # "bez Teamsa"
        " noteams ",
    ),
    # "Teams excluded", "Teams not included", "Teams removed"
    (r"\bteams\s*(?:excluded|not included|removed|ausgeschlossen)\b", " noteams "),
    # an add-on's word in the languages of the books: "Microsoft 365 E5 Beveiliging" is E5
    # Security, never E5; "… Archivierung" is the archive
    (
        r"\b(?:beveiliging|sicherheit|securite|seguridad|sicurezza|seguranca|sakerhet|sikkerhed"
        r"|sikkerhet|bezpieczenstwo|tietoturva)\b",
        " security ",
    ),
    (
        r"\b(?:archivierung|archivage|archivering|archiviazione|archivado|arquivamento|arkivering"
        r"|archiwizacja|arkistointi)\b",
        " archiving ",
    ),
    # Microsoft's own names in French (a Canadian or French Partner Center, distributor or book):
    # "Microsoft 365 Apps pour les entreprises", "Defender pour point de terminaison P1", "Office 365
    # Entreprise E3", "Exchange Online (Forfait 1)", "E5 Conformité", "Exchange Online Kiosque"
    (r"\bapplications (?=pour )", " apps "),
    (r"\bpour (?:les )?grandes entreprises\b", " for enterprise "),  # "Apps for enterprise"
    (r"\bpour (?:les |l )?entreprises\b", " for business "),
    (r"\b(?:pour )?(?:les )?points? de terminaison\b", " for endpoint "),
    (r"\bentreprise\b", " enterprise "),
    (r"\baffaires\b", " business "),
    (r"\bforfait\b", " plan "),
    (r"\bconformite\b", " compliance "),
    (r"\bkiosque\b", " kiosk "),
    (r"\bde base\b|\bbasique\b", " basic "),  # "M365 Basique par utilisateur"
    (r"\bmots? de passe\b", " password "),  # "Coffre-fort de mots de passe"
    # the kinds of product in the words of South-East Asian books: Indonesian "Pengelola kata
    # sandi" (password manager), "Arsip Email"; Malay "Sandaran E-mel Awan" (cloud email backup);
    # Vietnamese "Lưu trữ email" (email archive), "Phần mềm diệt virus" (antivirus software)
    (r"\bkata sandi\b", " password "),
    (r"\bpengelola\b", " manager "),
    (r"\barsip\b|\bluu tru\b", " archive "),
    (r"\bsandaran\b", " backup "),
    (r"\be[- ]mel\b", " email "),
    (r"\bawan\b", " cloud "),
    (r"\b(?:phan mem )?diet virus\b", " antivirus "),
    (r"\bessentiels?\b", " essentials "),
    # tiers in French ("KnowBe4 Formation sensibilisation - Argent", "… - Or", "niveau Or",
    # "KnowBe4 Or": an "or" that ends a name joins nothing)
    (r"\bargent\b", " silver "),
    (
        r"(?:(?<=\s-\s)|(?<=\bniveau\s)|(?<=\bedition\s)|(?<=\bforfait\s))or\b"
        r"|(?<=[a-z0-9]\s)or(?=\s*(?:$|[-(/|,]))",
        " gold ",
    ),
    # training as the books' languages say it (engine.match.description_vocabulary.TRAINING_WORDS)
    (r"\b(?:" + "|".join(sorted(TRAINING_WORDS)) + r")\b", " training "),
    (r"\bsensibilisation\b", " awareness "),
    (r"\bniveau\b", " "),  # "niveau Gold": the tier's level
    (r"\bplatine\b", " platinum "),
    (r"\bdiamant\b", " diamond "),
    # "unbundled": Microsoft's word for the suites sold apart from Teams ("Microsoft 365 E3
    # (unbundled)"), since the EU's ruling
    (r"\bun-?bundled\b", " noteams "),
    # "NT" after a plan: the MSP shorthand for no Teams ("MS365 E3 NT", "MS365 BB (NT)")
    (r"\b(e[135]|bb|bp|bs|basic|standard|premium)\s*\(?nt\)?(?=[\s)\]/-]|$)", r"\1 noteams "),
    (r"\bexo[- ]?k\b", " exchange online kiosk "),  # "EXO-K", "EXO K"
    (r"\bp/u\b|\bp/m\b|\bper seat\b|\bseat\(s\)|\blicen[cs]e\(s\)|\buser\(s\)", " "),  # "p/u p/m"
    (r"\bp\.\s?[um]\.|/\s?mon\b\.?", " "),  # German "p.U./Mon.": per user, a month
    (r"^\s*(?:recurring|subscription|licen[cs]e)\s*[-:\u2013]\s*", " "),  # "Recurring - …"
    (
        r"^\s*cloud\s+(?:licen[cs]e|subscription|service)s?\s*[-:\u2013]\s*",
        " ",
    ),  # "Cloud Licence - …"
    # "… - Cloud Licence" after the name: how the bill calls every line, no word of the product's
    (r"\s[-:\u2013]\s*cloud\s+(?:licen[cs]e|subscription)s?\s*(?=\(|$)", " "),
    (r"\bppu\b", " premium "),  # Power BI "Premium Per User" ("per user" goes as billing words)
    (r"\bmdo ?(?:365|o365)?\b", " defender for office 365 "),  # "MDO P2", "MDO365 P2"
    (r"\boff ?365\b", " office 365 "),  # "Off365 E1"
    (r"\b([a-z]{2,6})(p\d)\b", r"\1 \2"),  # "AADP1", "EXOP2": the plan glued to the product
    (r"\bazure active directory\b|\bazure ad\b|\baad\b", " entra id "),
    # other makers' renames, each a public fact a bill and a book may straddle: Cisco Duo's MFA,
    # Access and Beyond became Essentials, Advantage and Premier (2023); Zoom One became Zoom
    # Workplace (2024); RingCentral MVP became RingEX (2023); Foxit PhantomPDF became PDF Editor;
    # Backupify became Datto SaaS Protection; SolarWinds Backup became N-able's Cove Data
    # Protection; KnowBe4's KMSAT is its Security Awareness Training. (Not Dropbox's "Business"
    # dropped from its plans, nor Acronis Cyber Backup Cloud: each old name is also a family's
    # or an older plan's of its own, which only the client's bill can tell.)
    (r"\b(?:cisco )?duo mfa\b", " cisco duo essentials "),
    (r"\b(?:cisco )?duo access\b", " cisco duo advantage "),
    (r"\b(?:cisco )?duo beyond\b", " cisco duo premier "),
    (r"\bzoom one\b", " zoom workplace "),
    (r"\bringcentral mvp\b", " ringcentral ringex "),
    (r"\b(?:foxit )?phantom ?pdf\b", " foxit pdf editor "),
    (r"\bbackupify\b", " datto saas protection "),
    (r"\bsolarwinds backup\b", " cove data protection "),
    (r"\bkmsat\b", " security awareness training "),
    # Microsoft Flow became Power Automate ("Flow per user" is today's Power Automate Premium)
    (r"\b(?:microsoft|ms)\s+flow\b|\bflow(?=\s+(?:per user|plan|p\s*\d)\b)", " power automate "),
    # Advanced Threat Protection: Office 365's became Defender for Office 365, the endpoint one
    # ("Microsoft/Windows Defender ATP") became Defender for Endpoint
    (
        r"\b(?:office 365|o365|o 365)\s+(?:advanced threat protection|atp)\b",
        " defender for office 365 ",
    ),
    (  # Defender ATP was the one plan before P1 came: it is P2 unless a plan is named
        r"\b(?:microsoft |windows )?defender\s+(?:advanced threat protection|atp)\b"
        r"(?!\s*(?:p|plan)\s*\d)",
        " defender for endpoint p2 ",
    ),
    (
        r"\b(?:microsoft |windows )?defender\s+(?:advanced threat protection|atp)\b",
        " defender for endpoint ",
    ),
    (r"\batp\b", " defender for office 365 "),
    (r"\bmicrosoft entra\b", " entra "),
    (r"\(monthly pre-?paid\)|\(annual pre-?paid\)", " "),
    # "- per device / month": how a price is counted, as "per user" is; "per device" alone may
    # be an edition's word (Windows Enterprise per device) and stays
    (
        r"\bper (?:device|endpoint|seat|licen[cs]e|mailbox)\s*(?:/\s*|per\s+|a\s+)"
        r"(?:month|mo|mth)\b",
        " ",
    ),
    (r"\bper user(?: per month|/month|/mo)?\b|/user(?:/month)?\b|\bpupm\b|/mo\b|/month\b", " "),
    (  # a term ("1 Year", "12-month", "1Y"), never a plan's number ("VISIO-PLN-1-M")
        r"(?<!\bpl[- ])(?<!\bpln[- ])(?<!\bplan[- ])"
        r"\b(?:\d+|one|two|three)[- ]?(?:years?|months?|yrs?|mths?|mos?|y|m)\b",
        " ",
    ),
    # the same in the languages of the bills we meet: "engagement 1 an", "12 mesi", "1 år"
    (
        r"\b\d+[- ]?(?:ans?|mois|jahre?|monate?|anos?|meses|mes|anni|anno|mesi|ar|manad|manader)\b",
        " ",
    ),
    (r"\b(?:sans engagement|engagement|sin permanencia|senza vincolo|utan bindning)\b", " "),
    # a commitment and its billing, shortened: "(NCE COM MTH)", "(NCE COM ANN)", "Commit Yr"
    (r"\b(?:com|commit|cmt)\.?\s+(?:mth|mthly|monthly|mo|ann|annual|yr|1yr|3yr)\b", " "),
    # "a month" after a slash, in the languages of the bills: "per användare/mån", "/mnd", "/mois"
    (r"/\s*(?:man|mnd|md|mdr|mes|mois|monat|maand|kk|mth|mo)\b\.?", " "),
    # the unit a price is counted in, after a slash: "/user/mo", "/endpoint/mo", "/seat"
    (r"/\s*(?:user|users|endpoint|endpoints|seat|seats|mailbox|licen[cs]e)\b\.?", " "),
    # German "pro" is "per": "Abo pro User/Monat", "Lizenz pro Nutzer", "… pro Monat" (never the Pro
    # of "Power BI Pro User/Monat", which no billing word or German unit follows)
    (
        r"(?:(?<=\babo )|(?<=\blizenz )|(?<=gebuhr )|(?<=[-(,] ))pro(?= (?:user|users|benutzer"
        r"|nutzer|anwender|monat|jahr|arbeitsplatz|gerat|postfach|seat|mailbox|lizenz)\b)",
        " ",
    ),
    (r"\bpro (?=(?:benutzer|nutzer|anwender|monat|jahr|arbeitsplatz|gerat|postfach)\b)", " "),
    # "per user", "a licence", "monthly" in the languages of the bills ("Lizenz … pro Benutzer/Monat",
    # "Licencja … miesięcznie", "Licencia … por usuario")
    (
        r"\b(?:pro benutzer|je benutzer|por usuario|per utente|par utilisateur|par usager|per anvandare"
        r"|na uzytkownika|per gebruiker|per kayttaja|pr\.? bruker|per bruker|pr\.? bruger"
        r"|per bruger|kasutaja kohta|per vartotoj[aą]|vartotojui|po korisniku|po korisnika"
        r"|na potrebitel|pentru utilizator|uz lietotaju|lietotajam|per menesi|per m[eė]nes[iį])\b",
        " ",
    ),
    (
        r"\b(?:licencja|licencia|licenza|licens|lisens|lisenssi|licentie|miesiecznie|mensile|mensual"
        r"|mensuel|mensuelle|manadsvis|kuukausittain|kuukausilisenssi|maandelijks|abonnement"
        r"|suscripcion|abbonamento|subskrypcja|prenumeration|leyfi|licenc|lisenz"
        # how often, and how it is paid: "(Anual, Pago mensual)", "NCE Jahresabo", "Månedlig"
        r"|anual|annuel|annuelle|annuale|jahresabo|monatsabo|jahrlich|monatlich|manedlig|arlig"
        r"|arsvis|kvartalsvis|trimestral|trimestrale|pago|paiement|pagamento|zahlweise|betaling"
        # a licence's fee, its user and its month: "Nutzungsgebühr p.U./Mon.", "licentiekosten",
        # "Mietlizenz", "utente/mese"
        r"|nutzungsgebuhr|lizenzgebuhr|mietlizenz|licentiekosten|licenskostnad|abo|benutzer|nutzer"
        r"|utilisateur|usager|usagers|gebruiker|usuario|utente|utilizador|anvandare|bruger|bruker"
        r"|uzytkownik"
        r"|mese|mois|maand|monat|manad|maned|miesiac|redevance|cuota"
        # "for" in a product's name, translated: "Adobe Acrobat Pro pour teams", "… für Microsoft 365"
        r"|pour|fur|voor|para|dla)\b",
        " ",
    ),
    # a licence or subscription named by its period: Swedish "årslicens", German "Jahreslizenz"
    (
        r"\b(?:ars|aars|jahres|monats|manads|maneds|jaar|maand|vuosi|kuukausi)"
        r"(?:licens|lisens|lizenz|licentie|lisenssi|abonnement|abo)\b",
        " ",
    ),
    # an item kept for an old price or marked retired: "xx Visio P1", "(OLD) Project P3", "… - DO
    # NOT USE", "… - 2024 price", "(legacy pricing)", "… v2": which product it is stays
    (r"^\s*(?:xx+|zz+|\(old\)|\[old\]|old\s*[-:])\s*", " "),
    (
        r"\b(?:do not use|dnu|legacy pric(?:e|ing)|old pric(?:e|ing)|(?:19|20)\d\d pric(?:e|ing))\b"
        r"|\s(?:v|rev\.?\s?|revision\s)\d{1,2}\s*$",
        " ",
    ),
    # archiving in the languages of the bills: "Exchange Online Archivierung"
    (
        r"\b(?:archivierung|archivage|archivering|archiviazione|archivado|arkivering|arkistointi"
        r"|archiwizacja|arquivamento)\b",
        " archiving ",
    ),
    # a plan's number written out: "Exchange Online Plan One", "Visio Plan II"
    (r"\bplan\s+(?:one|i)\b", " plan 1 "),
    (r"\bplan\s+(?:two|ii)\b", " plan 2 "),
    (r"\bplan\s+(?:three|iii)\b", " plan 3 "),
    # a note set off by asterisks: "Business Starter *price locked until 06/2027*"
    (r"\*[^*]{3,}\*", " "),
    # a rename noted beside the old name: "Office 365 Business Premium (now Business Standard)"
    (r"\((?:now|formerly|was|previously|renamed(?: to)?|ex|new name:?)\s[^)]*\)", " "),
    # a note that points at a paper: "(see ticket 51207)", "per quote Q-2231", "PO 4471"
    (r"\(?" + REFERENCE_NOTE + r"\)?", " "),
    # a subscription's id: "Abo-ID 6c6d1f41-516d", "Subscription ID: 8f2e…"
    (
        r"\b(?:abo|subscription|sub|order|contract|tenant|licen[cs]e)?[-\s]?id\b\s*[:#]?\s*"
        r"[0-9a-f]*\d[0-9a-f]*(?:-[0-9a-f]{2,})*",
        " ",
    ),
    # the dates a line bills for: "Licence period 01/11/2026-30/11/2026", "Zeitraum 11/2026"
    (
        r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?\b"
        r"|\b\d{1,2}[./-]20\d{2}\b",
        " ",
    ),
    (
        r"\b(?:(?:licen[cs]e|service|billing|subscription|invoice|coverage)\s+)?"
        r"(?:period|periode|periodo|zeitraum|leistungszeitraum|laufzeit|okres|kausi)\b",
        " ",
    ),
    # a credit note of the same subscription, in the languages of the bills
    (
        r"\b(?:credit note|credit memo|creditnote|nota di credito|note de credit|nota de credito|gutschrift|creditnota|kreditnota"
        r"|avoir|abono|korekta|kreditering|creditering|kreditt?nota|hyvitys|storno|estorno|dobropis)\b",
        " ",
    ),
    (
        r"\bmonth[- ]to[- ]month\b|\bpaid (?:monthly|yearly|annually)\b|\bbilled (?:monthly|annually|yearly)\b",
        " ",
    ),
    (r"\bauto[- ]?renew(?:al)?\b|\bpre-?paid\b|\bup-?front\b", " "),
    # a term of six months or three, which the line's period says: "– half-yearly", "Semi-annual"
    (r"\b(?:half[- ]?yearly|semi[- ]?annual(?:ly)?|six[- ]monthly|quarterly)\b", " "),
    # a reseller's catalogue words: "- subscription license (1 year) - 1 user - hosted - CSP"
    # ("Exchange Online Plan 1 user" keeps its plan's number)
    (r"(?<!\bplan\s)(?<!\bplan)\b1\s*(?:user|seat|device|mailbox)\b|\s-\s+hosted\b", " "),
    # "O365 BP" is today's Business Premium in shorthand: Office 365 Business Premium, the name
    # Business Standard had until 2020, is written out
    (r"\b(?:o[- ]?365|office 365)\s*bp\b", " microsoft 365 business premium "),
    (r"\b([mo]365)(?=[a-z])", r"\1 "),  # "O365E3", "M365BP": the plan glued to the brand
    (r"\bo[- ]365\b", " office 365 "),
    (r"\bms[- ]?365\b", " microsoft 365 "),
    (r"\bm[- ]365\b", " microsoft 365 "),
    # an accounting item's category before a colon: QuickBooks "Licensing:Microsoft 365 E3"; three
    # words or more are a product's family ("Acronis Cyber Protect Cloud: Microsoft 365 seat")
    (r"^\s*\d{3,6}\s*\u00b7\s*", " "),  # QuickBooks Desktop's account number: "4100 · Sales"
    # ("Sales:Cloud:Microsoft 365 Business Standard", "Licenses (recurring): …" take each level)
    # and between the levels the seats ("Cloud Licences:6 x Backup: …") or a project's code
    # ("PRJ-2163 / Backup: …"): how many, and for which job, never which product
    (
        r"^\s*(?:(?:(?=[a-z &/()-]{3,31}:)[a-z][a-z&/-]*(?: \(?[a-z&/-]+\)?)?\s*:"
        r"|(?!\w*365)[a-z]{2,5}[- ]?\d{2,6}\s*/|\d{1,4}\s*[x\u00d7])\s*)+(?=[a-z])",
        " ",
    ),
    # the ledger account in brackets after the item: "… Business Standard (4020)"; a year there
    # says which edition ("Microsoft 365 F1 (2019)", the old name of F3)
    (r"\(\s*(?!(?:19|20)\d\d\s*\))\d{4,6}\s*\)\s*$", " "),  # never a year: "F1 (2019)" is F3
    # on whose word: "… as agreed w/ Sarah 03/10"
    (r"\bas agreed(?:\s+(?:with|w/?|by)\s+[a-z]+)?\b.*$", " "),
    (r"\bthree\s*six\s*five\b", " 365 "),  # "Microsoft three six five F3"
    # a plan's number after a number sign or word: "Plan #2", "Plan No. 2", "Plan Nr. 1", "Plan n° 1"
    (r"\bplan\s*(?:#|no\.?|nr\.?|n°|n\.?º|number|num\.?)\s*(\d)\b", r" plan \1 "),
    (r"\b(?:plan|pln|pl)(?:\s*|\.\s*|-)(\d)\b", r" p\1 "),  # "Plan 2", "Visio-Plan-2", "Pl. 3"
    (r"\b([efg])\s*[- ]\s*(\d)\b", r"\1\2"),
    # a price or a seat count written into the description: "@ 1394,41", "(€ 13,50 each)",
    # "$36.00/user", "12 x …", "… x 12", "(12 users)", "- 12 seats": what is billed, not what it is (after
    # "Plan 2" became "p2" and "E 3" "e3": "EXO Plan 2 License" keeps its plan; "Microsoft 365
    # Users" its 365)
    (  # the seats and their price in brackets: "(12 @ $26.40)", "(3 x $36.00 each)"
        r"\(\s*\d{1,5}\s*[@x\u00d7]\s*(?:" + _CURRENCY + r")?\s*\d[\d.,']*"
        r"\s*(?:(?:/|per|each|ea)\s*[a-z]*)?\s*\)",
        " ",
    ),
    (
        r"\s@\s*(?:" + _CURRENCY + r")?\s*\d(?:[\d.,']|\s(?=\d{3}\b))*"  # "@ 4 464": space grouping
        r"(?:\s*(?:/|per|each|ea)\s*[a-z]*)?",
        " ",
    ),
    (  # the seats times their price, bare: "Entra Premium P2 45 x 11.66", "… 1900 x 0.04" (a
        # price has its cents: "8x8 X4" and "5 x 10" stay; a size after it is no price)
        r"(?<![\w.,])\d{1,6}\s*[x\u00d7*]\s*(?:" + _CURRENCY + r")?\s*\d{1,6}[.,]\d{2,4}"
        r"(?![\w.,])(?!\s*(?:[kmgt]b|gig|tera)\b)(?:\s*(?:/|per|each|ea)\s*[a-z]*)?",
        " ",
    ),
    (r"(?:" + _CURRENCY + r")\s*\d[\d.,']*(?:\s*(?:(?:/|per)\s*[a-z]+|each\b|ea\b))?", " "),
    (  # the amount first: "3,500 THB/user", "1 250 kr"
        r"\b\d[\d.,']*\s*(?:" + _CURRENCY + r"|\bkr\b)(?:\s*(?:/|per)\s*[a-z]+\b)?",
        " ",
    ),
    (r"\b\d[\d.,']*\s*(?:each|ea|apiece)\b", " "),
    # a count, not "Intercept X": a number follows; nor the edition after "8x8" ("8x8 X4")
    (r"^\s*\d+\s*[x×]\s+|(?<!\dx\d)\s[x×]\s*\d+\s*$", " "),
    (r"(?<!\dx\d\s)(?<![a-z0-9])(?:[x×]\d+|\d+[x×])(?![a-z0-9])", " "),  # "Audio Conferencing x6"
    (
        r"\(?(?<![-/.])\b(?!36[05]\b|0)\d+\s*(?:users?|seats?|licen[cs]es?|lizenzen|licencias|utilisateurs|usuarios"
        r"|utenti|gebruikers|anvandare|brukere|brugere|stk|pcs|nos)\b\)?",
        " ",
    ),
    (r"(?<=[a-z]) 4 (?=[a-z])", " for "),  # "Defender 4 Business"
    (r"\s\+\s", " and "),  # "Web Mail + Teams": a "+" between words joins them
    (r"\+", " plus "),
    (r"&", " and "),
)
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in _PHRASES)
_STRIP_TOKENS = frozenset(
    [
        "nce",
        # the month a line is for ("… - new users Sept"); "may" is left, it is also a word
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "annual",
        "annually",
        "monthly",
        "yearly",
        "month",
        "months",
        "year",
        "years",
        "1yr",
        "3yr",
        "1y",
        "3y",
        "1m",
        "1mth",
        "12mth",
        "36mth",
        "p1y",
        "p3y",
        "p1m",
        "mth",
        "ann",  # a distributor's short name's period: "ADOBE ACROBAT PRO TEAMS ANN" / "… MTH"
        "annl",
        "mthly",
        "mnthly",
        "yrly",
        "yr",
        "subscription",
        "subscriptions",
        "license",
        "licenses",
        "licence",
        "licences",
        "fee",  # "Monthly Fee - Microsoft Defender for Office 365 (Plan 1)"
        "fees",
        "charge",  # "Annual charge - Duo Essentials (12 licences @ $36.00)"
        "charges",
        "lizenz",  # German exports: "Lizenz SentinelOne … – Lizenz/Monat"
        "lizenzen",
        "monat",
        "monatlich",
        # a licence and a month in the languages of other catalogues: "Licença Keeper Business
        # (mensal)", "Licencia … mensual", "Licenza … mensile", "Lisans … (aylık)"
        "licenca",
        "licencas",
        "licencia",
        "licencias",
        "licenza",
        "licenze",
        "licentie",
        "licenties",
        "lisens",
        "lisenssi",
        "licencja",
        "licencje",
        "lisans",
        "lisansi",  # Turkish "lisansı": the licence of
        "canone",  # Italian "Canone … - mensile": the monthly fee for
        "yillik",  # Turkish "yıllık": yearly
        "mensal",
        "mensual",
        "mensile",
        "mensuel",
        "mensuelle",
        "maandelijks",
        "manedlig",
        "manadsvis",
        "miesieczna",
        "miesiecznie",
        "mesicni",
        "predplatne",  # Czech "měsíční předplatné": a monthly subscription
        "mesacne",
        "aylik",
        "havi",
        "kk",  # Finnish "kk-veloitus": charged monthly
        "veloitus",
        "seat",
        "seats",
        "user",
        "users",
        "sub",
        "subs",
        "subscr",
        "commitment",
        "commit",
        "reduction",
        "term",
        "billing",
        "credit",  # a credit line of the same subscription ("… (Credit)"): the same product
        "kredit",  # ... and in the languages of the bills ("Kredit – …", "Kredi", "Crédito"),
        "kredi",
        "credito",
        "rebill",  # and the line billed again after it ("Rebill – …")
        "rebilled",
        "refund",
        "adjustment",
        "prorated",
        "proration",
        "paid",
        "a",
        "m",
        "y",
        "nonprofit",
        "the",
        # a licence, a subscription, a month, a user, in the Baltic and Balkan books: Estonian
        # "litsents", "kuus", "kasutaja kohta", "aastaleping, kuumakse"; Latvian "licence",
        # "abonements", "mēnesī"; Lithuanian "licencija", "prenumerata", "vartotojui"; Romanian
        # "licență", "abonament lunar"; Serbian and Croatian "licenca", "pretplata mesečno",
        # "po korisniku"; Bulgarian "лиценз", "абонамент", "месечно" (spelled in Latin letters)
        "litsents",
        "litsentsi",
        "licencija",
        "licencijos",
        "licenta",
        "licente",
        "litsenz",
        "litsenza",
        "abonements",
        "abonementa",
        "abonementi",
        "abonament",
        "abonamentul",
        "prenumerata",
        "pretplata",
        "pretplate",
        "kuus",
        "kuutasu",
        "kuumakse",
        "kuuleping",
        "aastaleping",
        "aastamakse",
        "kasutaja",
        "kasutajale",
        "menesi",
        "menesa",
        "menesis",
        "menesio",
        "menesinis",
        "menesine",
        "lunar",
        "lunara",
        "anual",
        "anuala",
        "mesecno",
        "mjesecno",
        "mesecna",
        "mjesecna",
        "godisnje",
        "godisnja",
        "mesechno",
        "mesechen",
        "godishno",
        "godishen",
        "vartotojui",
        "vartotojas",
        "vartotoja",
        "utilizator",
        "lietotajam",
        "lietotajs",
        "korisniku",
        "korisnika",
        "korisnik",
        "potrebitel",
        # a licence, a subscription, a fee, a month, a user, in the books of South-East Asia:
        # Indonesian "lisensi", "langganan … per pengguna/bulan", "biaya", "sewa"; Malay "lesen",
        # "yuran", "sebulan"; Tagalog "kada buwan", "buwanang bayad"
        "lisensi",
        "langganan",
        "bulanan",
        "sebulan",
        "bulan",
        "tahunan",
        "setahun",
        "pengguna",
        "biaya",
        "sewa",
        "periode",
        "lesen",
        "yuran",
        "buwan",
        "buwanang",
        "bayad",
        "kada",
        # November in those languages
        "nopember",
        "noiembrie",
        "novembris",
        "novembar",
        "lapkritis",
        "lapkricio",
        "studeni",
        "noemvri",
    ]
)
_EXPAND = {
    "m365": "microsoft 365",
    "o365": "office 365",
    "d365": "dynamics 365",
    "ms": "microsoft",
    "msft": "microsoft",
    "bp": "business premium",
    "bs": "business standard",
    "bb": "business basic",
    "biz": "business",
    "bus": "business",
    "busn": "business",
    "prem": "premium",
    "std": "standard",
    "ent": "enterprise",
    "exch": "exchange",
    "exo": "exchange online",
    "eoa": "exchange online archiving",
    "od": "onedrive",
    "odfb": "onedrive for business",
    "pbi": "power bi",
    "mdo": "defender for office 365",
    "mdb": "defender for business",
    "sku": "",
    "sec": "security",
    "def": "defender",
    "mde": "defender for endpoint",
    "mdi": "defender for identity",
    "mdca": "defender for cloud apps",
    "mcas": "defender for cloud apps",
    "lic": "",
}
#: Tokens that tell look-alike products apart: fuzzy matching never crosses a difference in these.
DISCRIMINATORS = frozenset(
    [
        "e1",
        "e3",
        "e5",
        "f1",
        "f3",
        "a1",
        "a3",
        "a5",
        "g1",
        "g3",
        "g5",
        "p1",
        "p2",
        "p3",
        "p4",
        "p5",
        "basic",
        "standard",
        "premium",
        "essentials",
        "business",
        "enterprise",
        "apps",
        "office",
        "microsoft",
        "noteams",
        "eea",
        "gcc",
        "faculty",
        "student",
        "students",
        "kiosk",
        "archiving",
        "frontline",
        "plus",
        "pro",
        "free",
        "exploratory",
        "developer",
        "education",
        "government",
        "device",
        "security",
        "compliance",
        "online",
        "server",
        "voice",
        "copilot",
        "audio",
        "conferencing",
        "calling",
    ]
)


#: A given and a family name before a dash, as a per-user line begins: "Hiro Brandt - …".
_LEADING_PERSON = re.compile(
    r"^\s*([A-Z][^\W\d_]+)\s+([A-Z][^\W\d_'-]*[\w'-]*)\s+[-\u2013\u2014]\s+(?=\S)"
)


#: The first words of Microsoft's product names: what a per-user line names after its user.
_MICROSOFT_FIRST_WORDS = frozenset(
    [
        *("microsoft", "office", "o365", "m365", "ms365", "ms", "exchange", "intune", "onedrive"),
        *("sharepoint", "teams", "visio", "project", "power", "entra", "defender", "copilot"),
        *("windows", "dynamics", "azure", "planner"),
    ]
)


#: An edition written before its product, set off by a dash: "Plan 1 – Microsoft Intune", "Suite –
#: Microsoft Intune", "P1 – Microsoft Defender for Endpoint", perhaps after the seats ("39 x …").
_EDITION_FIRST = re.compile(
    r"^(\s*(?:\d+\s*[x\u00d7]\s+)?)([\w+ ]{1,20}?)\s+[-\u2013\u2014]\s+((?:microsoft|office|exchange|intune|"
    r"entra|defender|power|project|visio|windows|dynamics)\b.*)$",
    re.IGNORECASE,
)


def _only_edition_words(words: str) -> bool:
    """A plan or a Suite only ("Plan 1", "P1", "Suite"): never a maker's word, a number alone
    ("02 - Power BI Pro" numbers the line) or a tier a name may end in ("Business Premium -
    Microsoft 365" is read as it is)."""
    split = words.lower().split()
    return all(
        PLAN_TOKEN.fullmatch(w)
        or w in ("plan", "suite")
        or (w.isdigit() and index > 0 and split[index - 1] == "plan")
        for index, w in enumerate(split)
    )


def _product_words(*words: str) -> bool:
    """Any of ``words`` is a word of a product's name ("Business Premium - Microsoft 365" is the
    product said backwards, not a person). While the catalogue itself is being read (its names go
    through :func:`product_key`), every word is."""
    if _reading_catalogue:
        return True
    known = _known_words()
    return any(word in known for word in words)


_reading_catalogue = False


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    from engine.match.description_vocabulary import BRAND, FILLER

    catalogue = _catalogue()
    return (
        catalogue.words
        | catalogue.curated_words
        | BRAND
        | FILLER
        | SERVICE_WORDS
        | DISCRIMINATORS
        | frozenset(_EXPAND)
    )


#: Trade and service marks: no part of a name.
#: A word of Latin letters with a Greek or Cyrillic one that looks the same inside it ("Miсrosoft"
#: with a Cyrillic "с", pasted from a web page); a word wholly in those scripts is left as it is.
#: A run of letters of a script other than Latin (Greek, Cyrillic, CJK…; full-width Latin is NFKD's).
_OTHER_SCRIPT = re.compile(r"(?:(?=\w)[\u0370-\u1dff\u1f00-\ufeff])+")  # (Vietnamese "ả": Latin)


#: A name's translation in brackets after it, in another script: "（商业应用版）", "(Бизнес)".
_GLOSS = re.compile(r"[(（\[【]\s*[\u0370-\u1dff\u1f00-\ufeff][^()（）\[\]【】A-Za-z]*[)）\]】]")


_CJK_PLAN = re.compile("プラン|计划|計劃|方案")


def _other_scripts_in_latin(text: str) -> str:
    """Words of other scripts spelled in Latin letters, so a word typed in them stays a word of
    its own ("Microsoft 365 бизнес премиум" is "biznes premium"; "ビジネス" and "存档" keep a
    place no Latin word fills); symbols and emoji are left to be dropped."""
    if not _OTHER_SCRIPT.search(text):
        return text
    from anyascii import anyascii  # only for the few texts that need it

    return _OTHER_SCRIPT.sub(lambda word: f" {_in_latin(word[0], anyascii)} ", text)


#: Katakana, the script Japanese borrows foreign words in.
_KATAKANA = re.compile(r"[\u30a0-\u30ff]")


def _in_latin(word: str, anyascii: Callable[[str], str]) -> str:
    """A word of another script in Latin letters; a katakana word that sounds like a word of the
    catalogue's names is that word ("プレミアム", "puremiamu", is "premium")."""
    latin = anyascii(word).lower()
    if _KATAKANA.search(word) and not _reading_catalogue:
        return english_word(latin, _catalogue_words()) or latin
    return latin


@lru_cache(maxsize=1)
def _catalogue_words() -> frozenset[str]:
    """The words of the catalogue's product names (no shorthand: "prem" is no word of a name)."""
    catalogue = _catalogue()
    return frozenset(catalogue.words | catalogue.curated_words)


def _catalogue() -> Catalogue:
    """The catalogue, loaded with every word known while it reads its own names (they go through
    :func:`product_key`)."""
    from engine.match.catalogue import (
        load_catalogue,  # (the catalogue reads names with this module)
    )

    global _reading_catalogue
    _reading_catalogue = True
    try:
        return load_catalogue()
    finally:
        _reading_catalogue = False


#: A plan written before its family in brackets, as some distributors list them: "Premium (Microsoft
#: Teams)", "Plan 1 (Visio)", "Business Premium (Microsoft 365)".
_FAMILY_IN_BRACKETS = re.compile(
    r"^\s*(?P<plan>[^()\[\]]{1,40}?)\s*\((?P<family>(?:"
    + "|".join(sorted(_MICROSOFT_FIRST_WORDS))
    + r")\b[^()]*)\)(?P<rest>.*)$",
    re.IGNORECASE,
)


def _family_first(found: re.Match[str]) -> str:
    """The family before its plan ("Microsoft Teams Premium"), unless the words before the
    brackets name a family themselves ("Visio Plan 2 (Microsoft)"), or the brackets name only the
    maker ("Staff licences (Microsoft)") or what a suite includes ("(Office + Windows + Intune)")."""
    # a family the plan's words deny names none ("Entreprise E3 sans Teams (Office 365)")
    words = set(re.findall(r"[a-z0-9]+", _DENIED_FAMILY.sub(" ", found["plan"].lower())))
    family = re.findall(r"[a-z0-9]+", found["family"].lower())
    if (
        words & _MICROSOFT_FIRST_WORDS
        or family in (["microsoft"], ["microsoft", "corp"])  # "Staff licences (Microsoft)"
        or "and" in family
        or any(mark in found["family"] for mark in "+,&/")  # "(Office + Windows + Intune)"
    ):
        return found[0]
    return f"{found['family']} {found['plan']}{found['rest']}"


_DENIED_FAMILY = re.compile(
    r"\b(?:no|without|w/o|excl\.?|excluding|sans|ohne|sin|zonder|utan|uden|uten|senza|sem|bez)\s+teams\b"
)

#: Words glued in camel case: "BizPrem", "BusStd".
_CAMEL = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")


def _shorthands_apart(found: re.Match[str]) -> str:
    """Shorthands glued in camel case, apart ("BizPrem": "Biz Prem"); a name's own capitals stay
    ("OneDrive", "SharePoint", "SentinelOne")."""
    parts = re.findall(r"[A-Z][a-z]+", found[0])
    return " ".join(parts) if all(part.lower() in _EXPAND for part in parts) else found[0]


#: A bundle of the MSP's own named with the one licence it includes, in brackets: "Gold user bundle
#: (includes BizPrem)", "Secure User Plus [Microsoft 365 Business Premium included]".
_INCLUDED = re.compile(
    r"^(?P<outer>[^()\[\]]*?)\s*[(\[]\s*(?:(?:incl\.?|includes|including|inkl\.?|inklusive|inclut|incluye"
    r"|inclui)\s+(?P<named>[^()\[\]]+?)|(?P<after>[^()\[\]]+?)\s+(?:included|incl\.?|inclusive|inbegriffen"
    r"|inklusive|inclus|incluido|incluso))\s*[)\]]\s*$",
    re.IGNORECASE,
)


def _the_licence_included(text: str) -> str:
    """The licence a bundle of the MSP's own names as included, when the bundle's name says no
    product itself: "Microsoft 365 Business Premium (incl. onboarding)" stays the licence, and
    "Managed Services (incl. Microsoft 365 E3)" the service."""
    found = _INCLUDED.match(text)
    if found is None:
        return text
    included = found["named"] or found["after"]
    if included.islower():
        return text  # "(shared mailboxes incl.)": what the seat covers, no product's name
    words = set(re.findall(r"[a-z0-9]+", folded(found["outer"]).lower()))
    if (
        words & _MICROSOFT_FIRST_WORDS
        or words & SERVICE_WORDS
        or any(PLAN_TOKEN.fullmatch(word) for word in words)
    ):
        return text
    return included


#: A client's code in brackets, capitals then a number, written where the name is clear without
#: it: "BP (HPPH15)", "(AB55) Microsoft 365 F3" (never a plan's code: "(P1)", "(E3)" have one
#: letter and one figure; square brackets go with every tag below).
_CLIENT_CODE = re.compile(r"(?:^|(?<=\s))\(\s*[A-Z]{2,5}\d{2,3}\s*\)(?=\s|$)")
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
_KEPT_LETTERS = str.maketrans(LETTERS_NFKD_KEEPS)
_MARKS = frozenset("\u2122\u00ae\u00a9\u2120")
_NO_MARKS = str.maketrans({mark: " " for mark in _MARKS})


#: First words of Microsoft product families: "Power BI Power Automate" is no maker's name twice.
_FAMILY_WORDS = frozenset(
    ["power", "microsoft", "office", "windows", "dynamics", "exchange", "teams"]
)


@lru_cache(maxsize=65536)
def product_key(text: str) -> str:
    """The comparable form of a product name (see module docstring)."""
    text = without_xml_escapes(text)  # "…(4020)_x000D_": a carriage return an export kept
    text = without_text_artefacts(text)  # "58;#…", "…\\u00a0licence", "[E3](https://…)", "¹"
    text = without_sizes(text)  # "… - 5-user pack (minimum 10 users)": the quantity says it
    if "(" in text:
        text = _FAMILY_IN_BRACKETS.sub(_family_first, text)  # "Premium (Microsoft Teams)"
    if _CAMEL.search(text):
        text = _CAMEL.sub(_shorthands_apart, text)  # "BizPrem" is "Biz Prem"
    if "incl" in text.lower() or "inbegriffen" in text.lower():
        text = _the_licence_included(
            text
        )  # "Secure User Plus [Microsoft 365 Business Premium included]"
    if text.startswith("="):
        text = text[1:].strip().strip('"')  # ="Visio Plan 2": a formula kept as text
    if "<" in text and ">" in text:
        text = _MARKUP.sub(" ", text)  # "<div><span …>Microsoft 365 E3</span></div>"
    if "&" in text and ";" in text:
        text = html.unescape(text)  # "Email &amp; Collaboration"
    if not text.isascii():
        text = text.translate(_LIGATURES)  # "Oﬃce": a ligature copied out of a PDF
        text = latin_lookalikes(without_invisibles(text))
        # a plan in Japanese or Chinese ("Exchange Online (プラン2)", "(计划 2)") is a plan, never a
        # translation to drop
        text = _CJK_PLAN.sub(" Plan ", text)
        # a translation after the name: "Microsoft 365 Apps for Business（商业应用版）"
        text = _GLOSS.sub(" ", text)
        text = _other_scripts_in_latin(text)  # "бизнес премиум", "ビジネス", "存档"
    if not _MARKS.isdisjoint(text):
        text = text.translate(_NO_MARKS)  # "Microsoft® 365", "O365™E3": NFKD would spell them "TM"
    if (
        (person := _LEADING_PERSON.match(text)) is not None
        and text[person.end() :].split(maxsplit=1)[0].lower() in _MICROSOFT_FIRST_WORDS
        and all(word[1:].islower() for word in person.groups())  # "Lars Sato", not "Acronis CPC"
        and not _product_words(person.group(1).lower(), person.group(2).lower())
    ):
        text = text[person.end() :]  # "Lars Sato - Microsoft 365 Business Basic": whose seat
    if "(" in text:
        text = _CLIENT_CODE.sub(" ", text)  # "Microsoft 365 F3 (AB55)": whose line, not what
    if "@" in text or "." in text:
        text = _PERSON.sub(_not_a_person, text)  # "… - erik.smith", "ben@client.com - …"
    if " | " in text or ":" in text:
        text = _after_the_package(text)  # "Modern Work Pack | Keeper Enterprise"
    if not _PATH_MARKS.isdisjoint(text):
        text = _last_levels(text)  # "Cyber Ready Bundle › Microsoft 365 Business Standard"
    if "," in text:
        text = _COMMA_INVERTED.sub(
            r"\g<family> \g<name>\g<rest>", text
        )  # "Apps for business, Microsoft 365"
    if (edition := _EDITION_FIRST.match(text)) is not None and _only_edition_words(
        edition.group(2)
    ):
        # "Plan 1 – Microsoft Intune", "39 x Suite – Microsoft Intune" (the seats read later)
        text = f"{edition.group(1)}{edition.group(3)} {edition.group(2)}"
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    if not folded.isascii():
        folded = folded.translate(_KEPT_LETTERS)  # "aylık", "Połączenia": letters NFKD keeps
    folded = folded.replace("\u00a0", " ").replace("_", " ")  # "PROJECT_PLAN_3", "Office_365"
    folded = re.sub(r"\[[^\]]*\]", " ", folded)  # [NCE], [New Commerce Experience], [Annual]
    folded = " ".join(_anchor(token) for token in folded.split())
    for pattern, replacement in _COMPILED:
        folded = pattern.sub(replacement, folded)
    folded = re.sub(r"[^a-z0-9 ]+", " ", folded)
    tokens: list[str] = []
    for token in _broken_words_joined(folded.split()):
        expanded = _EXPAND.get(token, token)
        if expanded == token and token != "microsoft" and _microsoft_typo(token):
            expanded = "microsoft"  # "Microsfot", "Micorsoft": the brand, typed in a hurry
        for part in expanded.split():
            if part in _STRIP_TOKENS:
                continue
            if tokens and tokens[-1] == part:
                continue
            tokens.append(part)
    if len(tokens) >= 4:
        tokens = _without_its_short_form(tokens)
    # "Microsoft Intune" and "Intune" are one product; "Microsoft 365" is not "365".
    while len(tokens) > 1 and tokens[0] == "microsoft" and tokens[1] != "365":
        tokens.pop(0)
    if tokens[:2] == ["microsoft", "microsoft"]:
        tokens.pop(0)
    if len(tokens) >= 4 and tokens[:2] == tokens[2:4]:
        tokens = tokens[2:]  # "Microsoft 365 Microsoft 365 E5": a sync wrote the family twice
    if len(tokens) > 3 and tokens[0] == tokens[2] and tokens[0] not in _FAMILY_WORDS:
        # the maker's name before the product's own ("Keeper Security Keeper Business")
        tokens = tokens[2:]
    if "office" in tokens[1:] and _another_makers(tokens):
        tokens = _the_platform(tokens)  # "Keepit O365 backup" backs up Microsoft 365
    if "eea" in tokens:
        # "Microsoft 365 E3 EEA (no Teams)": the EEA's first name of the suite sold without Teams,
        # the same seat as the worldwide "(no Teams)" a bill or the books may write for it (and
        # every EEA suite is one without Teams)
        at = tokens.index("eea")
        tokens = [t for t in tokens if t != "eea"]
        if "noteams" not in tokens:
            tokens.insert(at, "noteams")
    return " ".join(tokens)


def _another_makers(tokens: list[str]) -> bool:
    """A name beginning with a word no Microsoft name has ("Keepit", "Dropsuite") and saying no
    Microsoft edition ("Enterprse E3 - Office 365" is Office 365 E3 mistyped): another maker's
    product (while the catalogue reads its own names, none is)."""
    first = tokens[0]
    return (
        not _reading_catalogue
        and first not in _MICROSOFT_FIRST_WORDS
        and first.isalpha()
        and first not in _catalogue_words()
        and not any(
            word in DISCRIMINATORS for word in tokens if word not in ("office", "microsoft")
        )
    )


def _the_platform(tokens: list[str]) -> list[str]:
    """Another maker's product for Office 365 is for Microsoft 365: the platform it works on,
    named either way ("Keepit O365 backup", "Keepit for Microsoft 365"). Microsoft's own products
    keep their family ("Office 365 E3" is no Microsoft 365 E3, "Extra File Storage for Office 365"
    is Microsoft's)."""
    return [
        "microsoft" if word == "office" and tokens[i + 1 : i + 2] == ["365"] else word
        for i, word in enumerate(tokens)
    ]


def _broken_words_joined(words: list[str]) -> list[str]:
    """Two pieces of a catalogue word a space broke apart ("Copi lot", "Exch ange"): the word,
    when a piece is no word of the catalogue's names (two words stay two: "Data Protect")."""
    if _reading_catalogue or len(words) < 2:
        return words
    known = _catalogue_words()
    out: list[str] = []
    for word in words:
        if (
            out
            and len(out[-1]) >= 3
            and len(word) >= 3
            and out[-1].isalpha()
            and word.isalpha()
            and (joined := out[-1] + word) in known
            and not (out[-1] in known and word in known)
        ):
            out[-1] = joined
        else:
            out.append(word)
    return out


def _without_its_short_form(tokens: list[str]) -> list[str]:
    """A name written short and in full, one after the other, as a catalogue's code column glued
    to its name ("Teams Prem Microsoft Teams Premium", "Proj P3 Planner and Project P3", "Huntress
    EDR Huntress Managed EDR", "M365 BP Mcrsft 365 Bsnss Prmm" read back): the full name. The
    short form's words are the full name's words or shortenings of them, in order; a plan or a
    number only itself. "Exchange Online Archiving for Exchange Online" is one name, and "Microsoft
    365 E3 Microsoft 365 E5" two. A name said again in other words, each of them the first's
    (three at least, from its first word), is that name."""
    half = len(tokens) // 2
    if tokens[:half] == tokens[half:]:
        return tokens[:half]  # the same name twice
    for size in range(3, len(tokens) - 2):
        # the name again in the books' other language, its words a part of the first's ("KnowBe4
        # Security Awareness Training - Silver / KnowBe4 Formation sensibilisation - Argent")
        first, second = tokens[:size], tokens[size:]
        if first[0] == second[0] and (set(second) <= set(first) or set(first) <= set(second)):
            return first if len(set(first)) >= len(set(second)) else second
    for size in range(half, 1, -1):
        if _shortens(tokens[:size], tokens[size:]):
            return tokens[size:]
        # written after the full name, the short form shortens a word at least ("… Mcrsft 365
        # Bsnss Prmm"): the same words again are part of the name
        short, full = tokens[-size:], tokens[:-size]
        if not set(short) <= set(full) and _shortens(short, full):
            return full
    return tokens


def _shortens(short: list[str], full: list[str]) -> bool:
    skip = full[0] == "microsoft" and not _shortening(short[0], full[0])
    start = 1 if skip else 0
    positions: list[int] = []
    at = start
    for word in short:
        found = next((i for i in range(at, len(full)) if _shortening(word, full[i])), None)
        if found is None:
            return False
        positions.append(found)
        at = found + 1
    if positions[0] == start:
        return len(full) > len(short) or short != full[start:]
    # the full name's first words left out of the short form ("Planner and"): only when the short
    # form shortens a word, and not past its second word
    return positions[0] <= start + 2 and any(
        word != full[i] for word, i in zip(short, positions, strict=True)
    )


def _shortening(word: str, full_word: str) -> bool:
    """``word`` is ``full_word`` or shortens it: its first letter, then letters in order."""
    if word == full_word:
        return True
    return word.isalpha() and full_word.isalpha() and len(word) >= 2 and shortens(word, full_word)


#: A package the MSP sells, named before the item in it: "Cyber Ready Bundle | Keeper Business".
_PACKAGE = re.compile(
    r"\b(?:bundle|pack|package|paquete|paket|pakket|forfait|kit)\b\W*$", re.IGNORECASE
)


def _after_the_package(text: str) -> str:
    """The item after a package's name and a bar or a colon ("SECURE WORKPLACE BUNDLE: MICROSOFT
    365 BUSINESS STANDARD"); a bar after the item ("Visio Plan 2 | November 2026", "… |
    Reception") sets off a note and stays for the note rules."""
    for mark in (" | ", ":"):
        package, found, item = text.partition(mark)
        if found and _PACKAGE.search(package) and item.strip():
            return item
    return text


_PATH_MARKS = frozenset("›»>")
_PATH_LEVEL = re.compile(r"\s*[›»>]\s*(?=[^\d\s)])")


def _last_levels(text: str) -> str:
    """The item at the end of a catalogue's path ("Cyber Ready Bundle › Microsoft 365 Business
    Standard"), with the level above when the item is a bare plan ("O365 > E3")."""
    levels = [level for level in _PATH_LEVEL.split(text) if level.strip()]
    if len(levels) < 2 or ("(" in levels[-2] and ")" not in levels[-2]):
        return text  # one level, or a ">" inside brackets ("E3 (>300 seats)")
    if len(levels[-1].split()) >= 2:
        return levels[-1]
    return f"{levels[-2]} {levels[-1]}"


#: A name with its maker's family written after a comma: "Business Premium (no Teams), Microsoft
#: 365" is Microsoft 365 Business Premium (no Teams), "P1, Microsoft Entra ID" is Microsoft Entra
#: ID P1; a note may follow ("… - copy 2").
_COMMA_INVERTED = re.compile(
    r"^(?P<name>[^,]{2,60}),\s*(?P<family>microsoft(?:\s+[^\W\d_]+){0,3}?(?:\s+365)?|office\s+365"
    r"|m365|o365)\b(?P<rest>(?:\s*[-\u2013/(@].*)?)$",
    re.IGNORECASE,
)


#: Whose seat a per-user line is: a mail address anywhere, or a login written in lower case,
#: given name and family name joined by a dot, where a note goes: first or last, set off by a
#: dash or brackets ("erik.smith - …", "… - erik.smith", "… (o'neil.kai)"). Elsewhere, or with
#: capitals or digits, it is shorthand of the name ("p.bi pro", "Bus.Std", "M365.E3").
_LOGIN = r"[a-z][a-z'-]+\.[a-z][a-z'-]*[a-z]"
_PERSON = re.compile(
    r"(?<![\w.@])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+(?![\w.@])"
    rf"|^\s*{_LOGIN}\s*[-\u2013\u2014:|]\s+"
    rf"|\s[-\u2013\u2014]\s+{_LOGIN}\s*$"
    rf"|\(\s*{_LOGIN}\s*\)"
    rf"|^\s*{_LOGIN}\s*$"
    # a user's initial and family name after a slash, a dash, in brackets or before a colon:
    # "Exchange Online Kiosk / R. Sato", "… (K. Yamada)", "K. Yamada: …"
    r"|\s[-/\u2013\u2014]\s*[A-Z]\.\s?[^\W\d_][\w'-]+\s*$|\s/\s*[A-Z]\.\s?[^\W\d_][\w'-]+"
    r"|\(\s*[A-Z]\.\s?[^\W\d_][\w'-]+\s*\)|^\s*[A-Z]\.\s?[^\W\d_][\w'-]+\s*:\s+"
)


def _not_a_person(found: re.Match[str]) -> str:
    """The login's text gone, unless its parts are shorthand of a product ("bus.std")."""
    parts = re.findall(r"[a-z']+", found.group(0).split("@")[0])
    if "@" not in found.group(0) and any(p in _EXPAND or p in DISCRIMINATORS for p in parts):
        return found.group(0)
    return " "


#: Words the phrase rules key on ("Azure AD" → Entra ID, "Office 365 ATP" → Defender for Office
#: 365): a typo in one of them ("Aure AD", "Thrat Protection") must not hide the phrase.
_ANCHORS = ("azure", "office", "defender", "exchange", "advanced", "protection", "threat")


#: "M356", "O635", "M3655": the suite number typed with its digits out of order or doubled.
_SUITE_TYPO = re.compile(r"(ms|[mo]?)(356|536|563|635|653|3365|3655|3665)\b")


#: The suite typed with a digit dropped or an O for a zero ("M36 BB", "0365 Business Basic").
_SUITE_SHORT = {"m36": "m365", "ms36": "m365", "o36": "o365", "0365": "o365"}


#: The suite's name glued to its plan ("M365E5SEC", "O365E3", "M365BP"): one word typed for three.
_GLUED_SUITE = re.compile(r"(ms|[mod])365([a-z][a-z0-9]*)")
_GLUED_PART = re.compile(r"[a-z]+\d*")


@lru_cache(maxsize=65536)
def _anchor(token: str) -> str:
    if token[:1] in "mo3" and (suite := _SUITE_TYPO.fullmatch(token)) is not None:
        return ("m" if suite.group(1) == "ms" else suite.group(1)) + "365"
    if token in _SUITE_SHORT:
        return _SUITE_SHORT[token]
    if len(token) > 9 and token.endswith("365") and _microsoft_typo(token[:-3]):
        return "microsoft 365"  # "Micrsoft365 E3"
    if token[:1] in "mod" and (glued := _GLUED_SUITE.fullmatch(token)) is not None:
        brand = "m" if glued.group(1) == "ms" else glued.group(1)
        return " ".join([f"{brand}365", *_GLUED_PART.findall(glued.group(2))])
    if len(token) < 4 or token in _ANCHORS or not token.isalpha():
        return token
    for anchor in _ANCHORS:
        budget = 1 if len(anchor) <= 6 else 2
        if (  # OSA: two letters swapped ("Azuer") are one slip, not two
            token[0] == anchor[0] and OSA.distance(token, anchor, score_cutoff=budget) <= budget
        ):
            return anchor
    return token


@lru_cache(maxsize=65536)
def _microsoft_typo(token: str) -> bool:
    return (
        token.startswith("m")
        and 7 <= len(token) <= 11
        and (
            (
                token.startswith("mi")
                and Levenshtein.distance(token, "microsoft", score_cutoff=2) <= 2
            )
            or OSA.distance(token, "microsoft", score_cutoff=1) <= 1  # "Mcirosoft"
            or sorted(token) == sorted("microsoft")
        )
    )


@lru_cache(maxsize=65536)
def _spelled(token: str) -> str:
    """A discriminating word despite a typo ("busines" → "business"); other tokens unchanged."""
    if token in DISCRIMINATORS or len(token) < 5 or any(c.isdigit() for c in token):
        return token
    best = process.extractOne(token, DISCRIMINATORS, scorer=fuzz.ratio, score_cutoff=85)
    if best:
        return str(best[0])
    swapped = [  # two letters swapped: "Basci", "Koisk", "Frontilne"
        word
        for word in DISCRIMINATORS
        if len(word) == len(token)
        and word[0] == token[0]
        and sorted(word) == sorted(token)
        and OSA.distance(word, token, score_cutoff=1) <= 1
    ]
    return swapped[0] if len(swapped) == 1 else token


@lru_cache(maxsize=65536)
def discriminators(key: str) -> frozenset[str]:
    """The tokens of a product key that separate look-alikes (plans, editions, numbers)."""
    spelled = (_spelled(t) for t in key.split())
    return frozenset(t for t in spelled if t in DISCRIMINATORS or any(c.isdigit() for c in t))


def say_another_plan(words: set[str], other_words: set[str]) -> bool:
    """Each of two names has a plan or edition word the other lacks (E3 / E5, Plan 1 / Plan 2,
    Premium / Standard): two products, whatever else they share."""
    mine: set[str] = set().union(*map(discriminators, words))
    theirs: set[str] = set().union(*map(discriminators, other_words))
    return bool(mine - theirs and theirs - mine)
