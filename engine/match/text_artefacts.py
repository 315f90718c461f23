"""What tools leave in a product's text that no person typed as its name.

An export's text passes through editors, lists, syncs and rich-text fields before it reaches us:
escapes written out as letters ("…\\u00a0licence", "…\\r\\nNCE"), a SharePoint lookup's id
("58;#Microsoft Intune Plan 1"), Markdown ("[E3](https://admin.microsoft.com)", "__~Plan 1__",
"`E3`"), a footnote's mark ("Planner and Project Plan 3¹"), the licence group a tenant assigns it
by ("GRP_LIC_ENTERPRISEPACK", "SG-Lic-EXO-Archive"), a list's sort prefix ("00-…"), a word a PDF
broke across lines ("Prot- ect"), a price tier ("[tier 1: 1-25]", "Staffel
1-10", "(bracket B)"), the licensing programme ("(CSP, not EA)", "via CSP") and the agreement it is
sold under ("MSA 2024 - Gold - …", "Raamovereenkomst 2024 - …"); a JSON object where the text
belongs ('{"name": "…", "qty": 2}'), words struck out ("~~managed by integration~~"), a row's
fields glued after the text ("…|EA|37"), a template's unfilled count ("%QTY% x …"), the text twice
("Zoom meetings - Zoom meetings"). None of them says which product a line is;
:func:`without_text_artefacts` takes them out before the name is read. A pasted address is read
by its page's name ("…/microsoft-365-business-premium").
"""

from __future__ import annotations

import re

#: An escape written out as text: "\u00a0", "\x0d", "\r\n", "\t".
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[rnt])")
#: A SharePoint lookup value's id before its text: "58;#Microsoft Intune Plan 1".
_LOOKUP = re.compile(r"(?:^|(?<=[\s;]))\d{1,6};#")
#: A Markdown link (its text stays), a bare web address, emphasis and code marks (a note between
#: single stars, "*price locked until 06/2027*", is left for the note rules).
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|www\.)[^()\s]*\)")
_URL = re.compile(r"\(?\b(?:https?://|www\.)[^\s()]+\)?")
#: Words struck out in Markdown ("~~managed by integration~~"): no longer meant.
_STRUCK_OUT = re.compile(r"~~[^~]*~~")
#: The fields of a row an export glued after the text: "…|EA|37", "…;Monthly;12", "…\tuser\tmonthly".
_DELIMITED_LEFTOVER = re.compile(
    r"(?:\s*[|;\t]\s*(?:ea|each|users?|seats?|licen[cs]es?|mailbox(?:es)?|devices?|monthly|months?"
    r"|annual(?:ly)?|yearly|years?|pcs|stk|st|nos|p1[my]|\d+(?:[.,]\d+)?))+\s*$",
    re.IGNORECASE,
)


def _slug_words(url: re.Match[str]) -> str:
    """A pasted address as the words of its page's name ("…/microsoft-365-business-premium" is
    "microsoft 365 business premium"); an address with no such name says nothing."""
    path = url[0].strip("()").split("?")[0].split("#")[0].rstrip("/")
    last = path.rsplit("/", 1)[-1] if path.count("/") > 2 else ""
    if "-" in last and any(ch.isalpha() for ch in last) and "." not in last:
        return f" {last.replace('-', ' ')} "
    return " "


_EMPHASIS = re.compile(r"(?:\*\*|__|~~|`)+|(?<![\w*])[_~]+(?=\w)|(?<=\w)[_~]+(?![\w*])")
#: A list's sort prefix: "00-Teams Premium add-on", "01_Visio Plan 2".
_SORT_PREFIX = re.compile(r"^\s*0\d{0,2}[-_.]\s*(?=[^\W\d_])")
#: A word broken across a PDF's lines and joined with a space: "Acronis Cyber Prot- ect Cloud",
#: "ENTERPRI- SEPACK" (in capitals, three letters each side: "BP- EXO" is two items).
_HYPHENATED = re.compile(r"(?<=[a-z])- (?=[a-z])|(?<=[A-Z]{3})- (?=[A-Z]{3})")
#: A footnote's mark after a word: superscript digits, daggers.
_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2020\u2021\u00a7\u00b6]+")
#: The tenant's licence group a seat is assigned by: "GRP_LIC_ENTERPRISEPACK", "SG-Lic-E3".
_LICENCE_GROUP = re.compile(r"^\s*(?:grp|sg|gg|group)[-_ ]+lic(?:en[cs]e)?s?[-_ ]+", re.IGNORECASE)
#: A price tier or band the MSP bills by: "[tier 1: 1-25]", "- Tier 2 (26-50 seats)", "Staffel 1-10",
#: "(bracket B)", "(26-50 seats)". A tier in a name with nothing around it is the name's own
#: ("Dynamics 365 for Marketing Addnl Contacts Tier 3", "… Sandbox Tier 2").
_TIER_WORD = r"(?:tier|band|bracket|staffel|tranche|escal[oó]n|schijf)"
_SEATS_WORD = r"(?:seats?|users?|licen[cs]es?|pl[aä]tze|gebruikers)"
_TIER = re.compile(
    rf"\s*[(\[]\s*{_TIER_WORD}\s*(?:\d{{1,2}}|[a-d])\b[^()\[\]]*[)\]]"
    rf"|\s+[-\u2013]\s*(?:volume\s+|price\s+)?{_TIER_WORD}\s*(?:\d{{1,2}}|[a-d])\b"
    rf"(?:\s*\(?\d{{1,4}}\s*[-\u2013+]\s*\d{{0,5}}\s*{_SEATS_WORD}?\)?)?"
    rf"|\s*\b{_TIER_WORD}\s*(?:\d{{1,2}}\s*:?\s*)?\d{{1,4}}\s*[-\u2013]\s*\d{{1,5}}\b"
    rf"|\s*(?:[(\[]|\s[-\u2013])\s*\d{{1,4}}\s*[-\u2013]\s*\d{{1,5}}\s*{_SEATS_WORD}\b\s*[)\]]?",
    re.IGNORECASE,
)
#: A pointer to a footnote: "(see note 2)".
_SEE_NOTE = re.compile(r"\s*\(?\bsee\s+note\s+\d{1,3}\b\)?", re.IGNORECASE)
_SEAT_RANGE = re.compile(r"\d\s*[-\u2013]\s*\d")
_TIER_WORDS = ("tier", "band", "bracket", "staffel", "tranche", "escal", "schijf")
#: The licensing programme: "(CSP, not EA)", "via CSP", "CSP - …".
_PROGRAMME = re.compile(
    r"\(\s*(?:via\s+)?csp(?:\s*,\s*not\s+(?:ea|open|mpsa))?\s*\)|\b(?:via\s+)?csp\b\s*[-\u2013:]?"
    r"|\bnot\s+(?:ea|open|mpsa)\b",
    re.IGNORECASE,
)
#: The agreement a line is sold under, before it: "MSA 2024 - Gold - …", "SLA Silver 36m | …",
#: "Agreement: Essentials+ (2025) - …", "Managed Agreement A-1182: …", and the compounds of Dutch,
#: German and the Nordic languages ("Raamovereenkomst 2024 - …", "Rahmenvertrag", "Ramavtal").
_AGREEMENT = re.compile(
    r"^\s*(?:(?:managed|master|service|services|framework|support|maintenance|customer|client)\s+)?"
    r"(?:msa|sla|agreement|contract|contrat|contrato|"
    r"[a-z\u00c0-\u024f]*(?:vertrag|overeenkomst|avtal|aftale|avtale))\b"
    r"[^|:\u2013\u00b7]{0,30}?"
    r"(?:\s[-\u2013]\s+[\w+]+(?:\s[\w+]+)?\s[-\u2013]\s+"
    r"|\s*[|:]\s*(?:[\w+]+(?:\s[\w+]+)?\s*(?:\(\d{4}\))?\s[-\u2013]\s+)?|\s[-\u2013\u00b7]\s+)",
    re.IGNORECASE,
)


def links_as_text(text: str) -> str:
    """A Markdown link's text without its address: "[E3](https://admin.microsoft.com)" is "E3"."""
    return _LINK.sub(r"\1", text) if "](" in text else text


#: What joins a text to a copy of itself, where a sync wrote a field twice.
_COPY_JOINS = (" - ", " \u2013 ", " | ", " / ", "; ")


def _said_once(text: str) -> str:
    """A text a sync wrote twice around a separator, once: "Zoom meetings - Zoom meetings",
    "Agreement: Gold - Entra ID P2 - Agreement: Gold - Entra ID P2"."""
    for join in _COPY_JOINS:
        if join in text:
            middle = len(text) // 2
            for at in range(middle - len(join), middle + 1):
                if text.startswith(join, at):
                    first, second = text[:at].strip(), text[at + len(join) :].strip()
                    if first and first.casefold() == second.casefold():
                        return first
    return text


#: A JSON object a sync wrote where the text belongs: '{"name": "Exchange Online (Plan 1)", "qty": 2}'.
_JSON_NAME = re.compile(
    r'^\s*\{.*?"(?:name|product|productname|product_name|description|item|title)"\s*:\s*'
    r'"((?:[^"\\]|\\.)+)".*\}\s*$',
    re.IGNORECASE,
)


#: A template's count left unfilled before "x": "%QTY% x Microsoft Intune Plan 1".
_UNFILLED_COUNT = re.compile(r"(?:%[a-z_]+%|\{\{?[^{}]*\}\}?|\$\{[^{}]*\})\s*[x\u00d7]\s+", re.I)


def without_text_artefacts(text: str) -> str:
    """``text`` without what tools left in it (see the module's docstring)."""
    if "%" in text or "{" in text:
        text = _UNFILLED_COUNT.sub(" ", text)
    if text.lstrip()[:1] == "{" and (found := _JSON_NAME.match(text)) is not None:
        text = found.group(1)
    if "\\" in text:
        text = _ESCAPE.sub(" ", text)
    if ";#" in text:
        text = _LOOKUP.sub(" ", text)
    if "://" in text or "www." in text:
        text = _URL.sub(_slug_words, _LINK.sub(r"\1", text))
    if "~~" in text and any(ch.isalpha() for ch in _STRUCK_OUT.sub("", text)):
        text = _STRUCK_OUT.sub(" ", text)  # (a line struck out whole keeps its words)
    if any(mark in text for mark in ("**", "_", "~", "`")):
        text = _EMPHASIS.sub(" ", text)
    if "|" in text or ";" in text or "\t" in text:
        text = _DELIMITED_LEFTOVER.sub("", text)
    if not text.isascii():
        text = _FOOTNOTE.sub(" ", text)
    if "- " in text:
        text = _HYPHENATED.sub("", text)
    text = _said_once(text)
    if _AGREEMENT.match(text) is not None:
        rest = _AGREEMENT.sub("", text, count=1)
        text = rest if rest.strip() else text
    if text.lstrip()[:1] == "0":
        text = _SORT_PREFIX.sub("", text)
    lowered = text.lower()
    if "csp" in lowered or "not " in lowered:
        text = _PROGRAMME.sub(" ", text)
    if "lic" in lowered:
        text = _LICENCE_GROUP.sub("", text)
    if "note" in lowered:
        text = _SEE_NOTE.sub(" ", text)
    if _SEAT_RANGE.search(text) is not None or any(word in lowered for word in _TIER_WORDS):
        text = _TIER.sub(" ", text)  # (a range alone: "(26-50 seats)")
    return text
