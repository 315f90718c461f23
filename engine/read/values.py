"""Cell values other than money: quantities, billing periods, dates, statuses and bill flags.

Each parser takes one raw cell (text, number, date or ``None``) and returns a typed value or ``None``
when the cell is blank or unreadable; callers decide whether that excludes the line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from engine.money import parse_money

#: A count and the unit it is counted in, in any language: "25 Stk.", "2 Stück", "10 Lizenz(en)".
_QUANTITY = re.compile(
    r"^\s*([+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+)\s*([^\W\d_][^\W\d_ ().'/-]*(?:[ ().'/-]+[^\W\d_]*)*\.?)?\s*$"
)


#: A multiplier's sign before a seat count ("x12", "× 5").
_MULTIPLIER = frozenset("xX\u00d7")

#: A seat count written in a line's text: "(27 licences @ $3.60)", "3 × Microsoft 365 E3".
_COUNT_IN_TEXT = re.compile(
    r"(?:^|[(\[,;:-]\s*)(\d{1,6})\s*(?:[x×]\s|(?:licen[cs]es?|users?|seats?|mailboxes|"
    r"devices?|endpoints?|units?|lizenzen|benutzer|utilisateurs|usuarios|gebruikers)\b)",
    re.IGNORECASE,
)


def count_in_text(value: object) -> Decimal | None:
    """The one seat count a text says ("Mimecast Email Security (27 licences @ $3.60)" → 27);
    None when it says none or two different ones."""
    if not isinstance(value, str):
        return None
    counts = {int(found) for found in _COUNT_IN_TEXT.findall(value)}
    return Decimal(counts.pop()) if len(counts) == 1 else None


#: How a column holding the seats and the unit price together is read (``ColumnMapping.how``).
TIMES_PRICE = "seats × price"
#: A cell holding the seats and the unit price together: "25 × 820,80", "25 x £12.50", "3 * 4.00".
_TIMES = re.compile(r"^\s*([+-]?\d[\d.,]*)\s*[x×*]\s*(\S.*?)\s*$", re.IGNORECASE)


def times_price(value: object) -> tuple[Decimal, Decimal] | None:
    """The seats and the unit price of a cell that holds both ("25 × 820,80"); None otherwise."""
    if not isinstance(value, str) or (found := _TIMES.match(value.replace("\u00a0", " "))) is None:
        return None
    seats, price = parse_quantity(found[1]), parse_money(found[2])
    return None if seats is None or price is None else (seats, price)


def seats_times(value: object) -> Decimal | None:
    """The seats of a cell that holds the seats and the unit price ("25 × 820,80" → 25)."""
    return None if (both := times_price(value)) is None else both[0]


def price_times(value: object) -> Decimal | None:
    """The unit price of a cell that holds the seats and it ("25 × 820,80" → 820.80)."""
    return None if (both := times_price(value)) is None else both[1]


def parse_quantity(value: object) -> Decimal | None:
    """``10``, ``"10.0"``, ``"10 seats"``, ``"(2)"``, ``"1,200"`` → Decimal; ``"N/A"``/blank → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    text = str(value).strip().replace("\u00a0", " ")
    if not text:
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if text[:1] in _MULTIPLIER and text[1:].strip()[:1].isdigit():
        text = text[1:].strip()  # "x12", "× 5": seats written as a multiplier
    match = _QUANTITY.match(text)
    if match is None:
        amount = parse_money(text)  # 1.234,5 or other separator styles
        if amount is None:
            return None
        return -amount if negative else amount
    digits = match.group(1)
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", digits):
        digits = digits.replace(
            ",", "."
        )  # a decimal comma: "2,5" seats (a thousands comma has 3 digits)
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return -number if negative else number


# --- billing period -------------------------------------------------------------------------------

_PERIOD_WORDS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), months)
    for pattern, months in (
        (
            r"\b(?:3|three)[- ]?(?:3[- ])?y(?:ea)?rs?\b|\btriennial\b|\bp3y\b|\b36\s*m|(?<!\d)3年",
            36,
        ),
        (r"\b(?:2|two)[- ]?y(?:ea)?rs?\b|\bbiennial\b|\bp2y\b|\b24\s*m", 24),
        # (before a year's words: "Semi-annually" holds "annually", "Half-yearly" "yearly")
        (r"\bsemi[- ]?annual(?:ly)?\b|\bhalf[- ]?year(?:ly)?\b|\b6\s*m(?:onths?)?\b|半年|半期", 6),
        (
            r"\bannual(?:ly)?\b|\byearly\b|\byears?\b|\b1[- ]?y(?:ea)?r\b|\bp1y\b|\b12\s*m|\bper year\b|\bpa\b"
            r"|/\s*(?:yr|year|an|jahr|jaar|ano|año|anno)\b"  # a unit per year: "user/yr", "Lizenz/Jahr"
            r"|^\s*12\s*kk\s*$|\bvuosi\b|\bvuodeksi\b"  # Finnish: 12 kuukautta, a year
            r"|^\s*(?:pr\.?\s*)?(?:år|aar|ar)\.?\s*$|^\s*yr\.?\s*$"  # a Nordic unit of a year ("pr. år")
            # German, Dutch, French, Spanish, Nordic
            r"|\btahunan\b|\bper\s+tahun\b|^\s*(?:yrl|yrly|yly)\s*$"  # Indonesian; ChargeOver's "yrl"
            r"|\bjahr\b|\bj(?:ä|ae|a)hrlich\b|\bj(?:ä|ae)hrl\.(?!\w)|\bper\s+annum\b|^\s*p\.\s?a\.?\s*$|\bjaar(?:lijks)?\b|\bannuel(?:le)?\b|\banual\b|\b(?:å|aa)rlig\b"
            r"|\bannuale\b|\bannuo\b|\b(?:å|aa)rsvis\b|\broczn[aiy]e?\b|\bvuosittain\b"
            # Czech, Turkish, Hungarian, Romanian
            r"|\bro(?:č|c)n(?:ě|e|í|i)\b|\by(?:ı|i)ll(?:ı|i)k\b|\b(?:é|e)ves\b"
            r"|(?<!半)(?:年次|年額|年払|年間)|(?<!\d)1年|[・/／]\s*年\s*$"  # freee's unit "ライセンス・年"  # Japanese: no spaces, so no word boundaries
            r"|每年|按年|年付|包年|年度"  # Chinese
            r"|\bежегодно\b|\bгодов(?:ая|ой)\b|\bщорічно\b|\bετήσι[αοε]\b|\bسنوي\b|\bשנתי\b"
            # Baltic and Balkan: Latvian "Gads", Romanian "Anual" / unit "an", Serbian and
            # Croatian "Godišnja" / unit "god", Bulgarian "годишен" / "год.", Estonian "aasta",
            # Lithuanian "metai", "12 luni", "12 месеца", "12 kuud"
            r"|\bgad[su]\b|\bgada\b|\banual[aă]?\b|^\s*an\.?\s*$|\bgodi[šs]nj[aeiu]\b|^\s*god\.?\s*$"
            r"|\bгодиш(?:ен|но|на|ни|ња|ње)\b|^\s*год\.?\s*$|\baasta(?:ne|s|makse)?\b|\bmetai\b"
            r"|\bmetin[ėe]s?\b|\b12\s*(?:luni|месеца|месеци|kuud)\b"
            r"|연간|매년|^\s*연\s*$"  # Korean: "연" alone is yearly
            # Vietnamese "12 tháng", "hàng năm", "1 năm"; Malay and Indonesian "12 bulan",
            # "setahun", "tahunan"; Tagalog "taun-taon"
            r"|\b12\s*(?:th(?:á|a)ng|bulan|buwan)\b|\bh(?:à|a)ng\s*n(?:ă|a)m\b|^\s*1\s*n(?:ă|a)m\s*$"
            r"|\bsetahun\b|\btaun[- ]taon\b",
            12,
        ),
        (
            r"\bquarter(?:ly)?\b|\b3\s*m(?:onths?)?\b|\bp3m\b|\bkvartal(?:svis)?\b"
            r"|\bkwarta(?:al|ł|l)|\btriwulan(?:an)?\b"  # Dutch "kwartaal(s)", Polish "kwartał", "kwartalnie"
            r"|\bquartal(?:sweise)?\b|\bviertelj(?:ä|ae|a)hrlich\b|\btrimestr"
            r"|\b(?:č|c)tvrtletn(?:ě|e|í|i)\b|\b(?:üç|uc)\s+ayl(?:ı|i)k\b|\bnegyed(?:é|e)ves\b",
            3,
        ),
        (
            r"\bmonth(?:s|ly)?\b|\bmonth[- ]to[- ]month\b|\bp1m\b|\b1\s*m(?:th|onth)?\b|\bmthly\b|\bmth\b"
            r"|/\s*(?:mo|mth|mon|monat|maand|mois|mes|mese)\b"  # a unit per month: "user/mo"
            r"|^\s*1\s*kk\s*$|\bkuukausi\b|\bflexible\s+plan\b"  # Google's month-to-month plan
            r"|\bbulanan\b|\bper\s+bulan\b|^\s*mon\s*$"  # Indonesian; ChargeOver's "mon"
            r"|^\s*(?:pr\.?\s*)?mdr?\.?\s*$"  # Danish/Norwegian "md." ("pr. md."), a unit of a month
            r"|\bmonat(?:lich)?\b|\bmaand(?:elijks)?\b|\bmensuel(?:le)?\b|\bmois\b|\bmensual\b"
            r"|\bm(?:å|aa)nad(?:svis)?\b|\bmensile\b|\bmiesi(?:ę|e)czn[aiy]e?\b|\bkuukausittain\b"
            r"|\bm(?:å|aa)ned(?:lig|svis)?\b|\bmnd\b|\bmensal(?:idade)?\b"
            r"|\bm(?:ě|e)s(?:í|i)(?:č|c)n(?:ě|e|í|i)\b|\bayl(?:ı|i)k\b|\bhavi\b|\blunar\b"
            r"|月次|月額|月払|毎月|(?<!\d)1[ヶかカケ]月|[・/／]\s*月\s*$|월간|매월|^\s*월\s*$"
            r"|每月|按月|月付|包月|月度"
            r"|\bежемесячно\b|\bмесячн(?:ая|ой)\b|\bщомісячно\b|\bμηνιαί[αοε]\b|\bشهري\b|\bחודשי\b"
            # Baltic and Balkan: Romanian "lunară", Latvian "Mēnesis" / "katru mēnesi", Serbian
            # "Mesečna", Croatian "mjesečno", Bulgarian "месечен", Estonian "kuu" / "kuumakse",
            # Lithuanian "mėnesinis"
            r"|\blunar[aă]\b|\bm[eē]nes(?:is|i|ī|a)\b|\bmj?ese[čc]n[aeiou]\b|\bмесеч(?:ен|но|на|ни)\b"
            r"|\bkuu(?:s|makse|leping|tasu)?\b|/\s*kuu\b|\bigakuine\b|\bm[eė]nesin[ėeis]+\b"
            # Vietnamese "hàng tháng", "1 tháng"; Malay "sebulan", Tagalog "buwanan", "kada buwan"
            r"|\bh(?:à|a)ng\s*th(?:á|a)ng\b|^\s*1\s*th(?:á|a)ng\s*$|\bsebulan\b|\bbuwanan\b"
            r"|\bkada\s+buwan\b",
            1,
        ),
    )
)
#: The words of a monthly cycle ("Monthly Pre-Paid" is billed monthly, paid ahead).
_MONTHLY = next(pattern for pattern, months in _PERIOD_WORDS if months == 1)
#: A word of paying ("plată", "plaćanje", "плащане", "apmaksa", "norēķins", "makse", "mokėjimas",
#: "payment"): the period in its clause is how often the line is billed, whatever term the cell
#: names first ("Anual - plată lunară", "godišnja (mesečno plaćanje)", "Gads, norēķins katru
#: mēnesi" are billed monthly).
_PAYMENT_WORD = re.compile(
    r"\b(?:plat[aă]|pla[ćc]anj[ea]|плащане|плаћање|apmaksa|nor[eē][kķ]ins|makse|mok[eė]jimas"
    r"|payments?|paiement|pago|pagamento|zahlung|betaling|p[łl]atno[śs][ćc])\b",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[,;()\[\]/]|\s[-\u2013\u2014]\s")
_BILLING_CLAUSE = re.compile(
    r"for\s+([a-z0-9/ -]+?)\s+billing"
    r"|(?:billed|paid|pay|invoiced|charged)\s+((?:monthly|annually|yearly|quarterly|up-?front)\b)"
    # "Annual (Monthly Pay)": Ingram's annual term paid month by month
    r"|\b(monthly|annual|annually|yearly|quarterly|up-?front)\s+"
    r"(?:billing|billed|pay|payments?|invoic(?:e|es|ing))\b"
    r"|\bbilling(?:\s+(?:frequency|cycle|period))?\s*[:=]\s*([a-z-]+)",  # "…; Billing: monthly"
    re.IGNORECASE,
)
#: A subscription's term named as one ("Annual commitment", "1-year term"), beside its billing.
_TERM_NAMED = re.compile(
    r"\b(?:annual|yearly|(?:1|one|2|two|3|three)[- ]?y(?:ea)?rs?|monthly"
    r"|godi[šs]nj[aeiu]|anual[aă]?|gad[au]|годиш\w*|metin\w*)\s+"
    r"(?:commitment|commit|term|contract|obvez[aeu]|ugovor|angajament|l[iī]gums|sutartis"
    r"|договор|обвеза)\b"
    r"|\baastaleping\w*",  # Estonian: "a year's contract" in one word
    re.IGNORECASE,
)
#: A template's field left in a description ("$MONTHNAME $YEAR", HaloPSA's invoice templates).
_PLACEHOLDER = re.compile(r"\$[A-Z_]{2,}\b")
_PREPAID = re.compile(
    r"\bpre-?paid\b|\bprepay(?:ment)?\b"
    # paid ahead: Latvian "avansā", Serbian "unapred", Croatian "unaprijed", Bulgarian "авансово"
    r"|\bavans[aā]?\b|\bunapred\b|\bunaprijed\b|\bавансов\w*",
    re.IGNORECASE,
)
_TERM_YEARS = re.compile(r"\b([123])\s*-?\s*y(?:ea)?r?s?\b", re.IGNORECASE)
_STOCK_CODE = re.compile(r"^\s*P(\d+)([YM]):[^:]*:[^:]*:([^:]*):?", re.IGNORECASE)
#: A stock code without a SKU part (a third-party product): ``P1Y:S1-SNG-CMP:1:``.
_SHORT_STOCK_CODE = re.compile(
    r"^\s*P(\d+)([YM]):[^:]*:(1|M|Y|A|T|3Y|P1Y|P1M|P3Y):?\s*$", re.IGNORECASE
)


def billing_said_months(value: object) -> int | None:
    """Months a term's text says each bill covers, when it says how it is billed in so many words
    ("Term: Annual; Billing: Annual" → 12, "Annual commitment for monthly billing" → 1); None
    when it names only a term ("Annual"), which is often a commitment billed monthly."""
    if not isinstance(value, str) or _BILLING_CLAUSE.search(value) is None:
        return None
    return parse_period_months(value)


def parse_period_months(value: object) -> int | None:
    """Months one billed unit covers: Monthly 1, Quarterly 3, Annual 12, 3 Years 36; None if unknown.

    Partner Center's ``TermAndBillingCycle`` names the billing cycle after "for … billing"
    ("One-Year commitment for monthly billing" → 1); where it lists several ("monthly/yearly") the
    separate ``BillingFrequency`` column decides, so this returns None.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if value in (1, 2, 3, 6, 12, 24, 36) else None
    text = str(value).strip()
    if "$" in text:  # "Licence $MONTHNAME $YEAR": a template's fields say no period
        text = _PLACEHOLDER.sub(" ", text).strip()
    if not text:
        return None
    if (paid := _PAYMENT_WORD.search(text)) is not None and not _PREPAID.search(text):
        said = _clause_around(text, paid.start(), paid.end())
        for pattern, months in _PERIOD_WORDS:
            if pattern.search(said):
                return months
    if _PREPAID.search(text) and not _MONTHLY.search(text):
        # "1Y PREPAID", "3 Year Prepaid": the whole term is billed up front
        term = _TERM_YEARS.search(text)
        return 12 * int(term.group(1)) if term else 12
    clause = _BILLING_CLAUSE.search(text)
    if clause:
        # "for monthly billing", "billed monthly", "Annual Commitment / Monthly Billing"
        cycle = next(group for group in clause.groups() if group)
        if cycle.lower().replace("-", "") == "upfront":
            cycle = "annual"
        if "/" in cycle:
            return None
        if "trial" in cycle.lower():
            return 1
        text = cycle
    if (term := _TERM_NAMED.search(text)) is not None:
        # "Annual commitment - monthly": the term a subscription commits to; the other period
        # named is how it is billed (none named: the term's)
        rest = text[: term.start()] + " " + text[term.end() :]
        for pattern, months in _PERIOD_WORDS:
            if pattern.search(rest):
                return months
    for pattern, months in _PERIOD_WORDS:
        if pattern.search(text):
            return months
    return None


def _clause_around(text: str, start: int, end: int) -> str:
    """The part of ``text`` between the marks that set off the words at ``start:end``."""
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)]
    after = _CLAUSE_MARK.search(text, end)
    return text[(before[-1] if before else 0) : (after.start() if after else len(text))]


def billed_every_months(value: object) -> int | None:
    """A frequency column's months, but None where the cell names only a commitment ("Annual
    commitment" beside a term of "Monthly", Pax8's details): a commitment says how long, not how
    often it is billed, and the line's dates or term say that."""
    if isinstance(value, str) and (term := _TERM_NAMED.search(value)) is not None:
        rest = value[: term.start()] + " " + value[term.end() :]
        if _BILLING_CLAUSE.search(value) is None and not any(
            pattern.search(rest) for pattern, _ in _PERIOD_WORDS
        ):
            return None
    return parse_period_months(value)


def period_from_stock_code(code: object) -> int | None:
    """Dicker-style stock codes: ``P1Y:CFQ7TTC0LCHC:0002:Y:`` → 12 (billed yearly), ``…:1:`` → 1;
    a third-party product's code has no SKU part: ``P1Y:S1-SNG-CMP:1:`` → 1 (billed monthly)."""
    if not isinstance(code, str):
        return None
    match = _SHORT_STOCK_CODE.match(code) or _STOCK_CODE.match(code)
    if match is None:
        return None
    term_count, term_unit, billing = int(match.group(1)), match.group(2).upper(), match.group(3)
    billing = billing.strip().upper()
    if billing in ("Y", "A", "P1Y"):
        return 12
    if billing in ("T", "3Y", "P3Y"):
        return 36
    if billing in ("M", "1", "P1M", ""):
        return 1 if billing or term_unit == "M" else term_count * (12 if term_unit == "Y" else 1)
    return None


# --- dates -----------------------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%m-%d-%Y",
    "%d-%m-%Y",  # Dutch and Danish exports: 30-09-2026
    "%Y%m%d",
    "%m/%d/%y",
    "%d/%m/%y",
)


_DAY_FIRST_FORMATS = tuple(
    sorted(_DATE_FORMATS, key=lambda f: f not in ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y"))
)
_SLASHED = re.compile(r"^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}\b")


def date_parser_for(values: Sequence[object]) -> Callable[[object], dt.date | None]:
    """The parser for one column of dates: day first when the column itself says so (a slashed
    date such as 30/11/2026 whose first number cannot be a month, and none whose second cannot),
    so 01/11/2026 in that column is the 1st of November, never the 11th of January."""
    day_first = month_first = False
    slashed = first_ones = second_ones = 0
    for value in set(v for v in values if isinstance(v, str)):
        found = _SLASHED.match(value)
        if found is not None:
            first, second = int(found[1]), int(found[2])
            day_first |= first > 12
            month_first |= second > 12
            slashed += 1
            first_ones += first == 1
            second_ones += second == 1
    if not day_first and not month_first and first_ones * 2 > slashed and first_ones > second_ones:
        # every number a month could be: a billing column's dates fall on the first of a month,
        # so the number that is mostly 1 is the day ("01/11/2026", "01/12/2026": November)
        return parse_date_day_first
    return parse_date_day_first if day_first and not month_first else parse_date


def parse_date_day_first(value: object) -> dt.date | None:
    """:func:`parse_date` for a column whose dates are written day first."""
    return parse_date(value, _DAY_FIRST_FORMATS)


_ANY_DIGIT = re.compile(r"\d")
_ISO_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SPACED_DOTS = re.compile(r"(?<=\d)\.\s+(?=\d)")
_TIME_OF_DAY = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[AP]M)?$", re.I)


def parse_date(value: object, formats: Sequence[str] = _DATE_FORMATS) -> dt.date | None:
    """Dates as exported: ISO, ``30-AUG-2025``, ``08/30/2025``, ``30.08.2025``, Excel serials."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        return _from_serial(float(value))
    return _date_in(str(value).strip(), tuple(formats))


@lru_cache(maxsize=8192)
def _date_in(text: str, formats: tuple[str, ...]) -> dt.date | None:
    """The date a cell's text writes: a bill's thousands of lines share a few dates, so each text
    is read once (speed, issue 15: strptime tries format after format)."""
    if not text or _ANY_DIGIT.search(text) is None:
        return None  # every format (and a serial) has a number in it: a word is no date
    text = text.split("T")[0] if _ISO_WITH_TIME.match(text) else text
    text = _TIME_OF_DAY.sub("", text)
    if ". " in text:
        text = _SPACED_DOTS.sub(".", text)  # Czech and Slovak write "1. 11. 2026"
    if formats[0] == "%Y-%m-%d" and _ISO_DATE.fullmatch(text):
        try:  # what the first format reads, without strptime's cost
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            pass  # not a day of the calendar: the other formats are tried, as before
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return _from_serial(float(text))
    return None


def _from_serial(serial: float) -> dt.date | None:
    if not math.isfinite(serial) or not 1 <= serial < 2958466:
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


# --- status and bill flags -------------------------------------------------------------------------

_INACTIVE = re.compile(
    r"^\s*(?:cancell?ed|canceled|inactive|expired|terminated|suspended|disabled|deleted|closed|ended|"
    r"deactivated|removed|void|voided|paused|on\s*hold|no|false|n|0|"
    # a sale reversed by its own entry (MYOB's "Reversed" beside "Closed" and "Open")
    r"reversed|"
    # a recurring profile stopped (Zoho Books: Active, Stopped, Expired)
    r"stopped|gestoppt|"
    r"gek(?:ü|ue|u)ndigt|storniert|inaktiv|beendet|opgezegd|be(?:ë|e)indigd|inactief|geannuleerd|"
    r"annul(?:é|e)e?|r(?:é|e)sili(?:é|e)e?|abandonn(?:é|e)e?|abandoned|"
    # Spanish and Portuguese, either gender ("Anulada": Holded's voided invoice)
    r"cancelad[ao]|inactiv[ao]|anulad[ao]|inativ[ao]|suspens[ao]|encerrad[ao]|"
    # Indonesian and Malay, Japanese and Chinese: cancelled, suspended, ended
    r"dibatalkan|ditangguhkan|nonaktif|tidak\s+aktif|digantung|batal|dihentikan|berhenti|"
    # Vietnamese: cancelled, suspended, stopped, expired ("Đã hủy", "Tạm ngưng", "Hết hạn")
    r"(?:đ|d)(?:ã|a)\s*h(?:ủ|u)y|h(?:ủ|u)y|t(?:ạ|a)m\s*ng(?:ư|u)ng|t(?:ạ|a)m\s*d(?:ừ|u)ng|"
    r"ng(?:ừ|u)ng(?:\s*ho(?:ạ|a)t\s*(?:đ|d)(?:ộ|o)ng)?|h(?:ế|e)t\s*h(?:ạ|a)n|"
    r"停止|休止|解約|解约|取消|已取消|暂停|暫停|停用|"
    # Nordic, Italian, Polish, Finnish; a churned subscription (Odoo)
    r"avsluttet|avslutta|afsluttet|opsagt|oppsagt|avslutad|uppsagd|annullato|cessato|disdetto|"
    r"anulowan[aey]|zako(?:ń|n)czon[aey]|p(?:ä|a)(?:ä|a)ttynyt|churned|"
    # reversed by a credit note: the line is not billed ("Krediteret" in e-conomic)
    r"credited|krediteret|krediterad|kreditert|kreditiert|gutgeschrieben|ge[ck]rediteerd|"
    r"cr(?:é|e)dit(?:é|e)e?|"
    r"annulleret|annullerad|annullert|"
    # voided ("Makulerad": Visma eAccounting; Danish and Norwegian likewise)
    r"makulerad|makuleret|makulert|"
    # Czech, Turkish, Hungarian, Romanian
    r"zru(?:š|s)en[aoy]?|stornov(?:á|a)n[aoy]?|neaktivn(?:í|i)|iptal(?:\s+edildi)?|pasif|"
    r"t(?:ö|o)r(?:ö|o)lve|sztorn(?:ó|o)|lemondva|anulat[aă]?|mit(?:ä|a)t(?:ö|o)ity|hyvitetty|"
    # paused or suspended, in the languages of the books ("pausiert": lexoffice)
    r"pausiert|angehalten|ausgesetzt|gesperrt|gepauzeerd|opgeschort|en\s+pause|suspendu(?:e|es)?|"
    r"pausad[ao]|en\s+pausa|suspendid[ao]|sospes[ao]|in\s+pausa|pausad|pauset|pausert|"
    r"wstrzyman[aey]|zawieszon[aey]|keskeytetty|tauolla|"
    # cancelled, reversed or suspended in the Baltic and Balkan books: Estonian, Latvian,
    # Lithuanian, Romanian, Serbian / Croatian, Bulgarian
    r"t(?:ü|u)histatud|peatatud|atcelts|anul(?:ē|e)ts|aptur(?:ē|e)ts|at(?:š|s)aukta|sustabdyta|"
    r"suspendat[aă]?|stornat[aă]?|storniran[aoi]?|otkazan[aoi]?|obustavljen[aoi]?|pauziran[aoi]?|"
    r"анулиран[аои]?|спрян[аои]?|сторниран[аои]?|отказан[аои]?|"
    # a quote or deal lost (Salesforce's "Closed Lost"); Dutch "vervallen" (lapsed); a credit note
    r"(?:closed\s*)?lost|vervallen|gutschrift)\s*$",
    re.IGNORECASE,
)
_NOT_BILLABLE = re.compile(
    r"^\s*(?:do\s*not\s*bill|donotbill|no\s*charge|nocharge|non[- ]?billable|not\s*billable|no|n|"
    r"false|0|free|internal|"
    # ConnectWise in the books' languages ("Ne pas facturer" beside "Facturable")
    r"ne\s*pas\s*facturer|non[- ]?facturable|no\s*facturar|no\s*facturable|nicht\s*(?:abrechnen|"
    r"berechnen|verrechnen|abrechenbar)|niet\s*factureren|niet\s*factureerbaar|non\s*fatturare|"
    r"non\s*fatturabile|n(?:ã|a)o\s*faturar)\s*$",
    re.IGNORECASE,
)


#: A status a live line has: a subscription's or an agreement's "Active". A column that never says
#: so holds invoices' states ("Open", "Closed": paid), and "Closed" there ends nothing.
_LIVE = re.compile(
    r"^\s*(?:active|activ[eo]|actif|activa|vigente|en\s*cours|aktiv|actief|attivo|ativo|aktywn[aey]|"
    r"live|running|enabled|"
    # Estonian, Latvian, Lithuanian, Romanian, Serbian / Croatian, Bulgarian
    r"kinnitatud|apstiprin(?:ā|a)ts|aktyvi|aktyvus|emis(?:ă|a)|potvr(?:đ|d)en|u\s*tijeku|aktivan|"
    r"aktivna|активен|активна|"
    # Indonesian and Malay, Vietnamese ("Đang hoạt động": in operation), Tagalog
    r"aktif|(?:đ|d)ang\s*ho(?:ạ|a)t\s*(?:đ|d)(?:ộ|o)ng|ho(?:ạ|a)t\s*(?:đ|d)(?:ộ|o)ng|"
    r"in\s*progress|current)\s*$",
    re.IGNORECASE,
)


#: A line waiting to start ("Pending", "En attente"): in a column of subscriptions' or
#: agreements' states (one that says "Active" too) it bills from a later month, not this one.
_PENDING = re.compile(
    r"^\s*(?:pending|en\s+attente|pendiente|pendente|ausstehend|in\s+afwachting|in\s+attesa|"
    r"not\s+(?:yet\s+)?started|(?:à|a)\s+venir)\s*$",
    re.IGNORECASE,
)


def is_pending_status(value: object) -> bool:
    """``Pending`` (in the books' languages): a line that has not started yet."""
    return isinstance(value, str) and bool(_PENDING.match(value))


#: A document word around a state: "Facture annulée", "Voided Invoice", "Factura anulada".
_DOCUMENT_WORD = re.compile(
    r"\b(?:invoice|bill|facture|factura|fatura|fattura|rechnung|factuur|faktura|lasku)\b",
    re.IGNORECASE,
)


def document_cancelled(value: object) -> bool:
    """A document that says it was cancelled or voided ("Facture annulée", "Voided Invoice"): its
    lines bill nothing; a bare "Invoice" says nothing."""
    if not isinstance(value, str) or not _DOCUMENT_WORD.search(value):
        return False
    rest = " ".join(_DOCUMENT_WORD.sub(" ", value).split())
    return bool(rest) and rest.lower() not in ("n", "no", "0", "false") and is_inactive_status(rest)


def is_live_status(value: object) -> bool:
    """``Active`` (in the books' languages): the line bills."""
    return isinstance(value, str) and bool(_LIVE.match(value))


def is_closed_status(value: object) -> bool:
    """``Closed``: an agreement ended where the column also says "Active", an invoice paid where
    it holds invoices' states."""
    return isinstance(value, str) and value.strip().lower() == "closed"


def is_inactive_status(value: object) -> bool:
    """``Cancelled``/``Inactive``/``Expired``… mean the line is not billed this period."""
    if isinstance(value, bool):
        return not value
    return isinstance(value, str) and bool(_INACTIVE.match(value))


#: A draft: an invoice or a repeating template not yet approved ("Draft" in Xero, "Entwurf",
#: "Concept", "Brouillon", "Borrador", "Rascunho", "Bozza", "Utkast", "Kladde", "Luonnos", "Szkic").
_DRAFT = re.compile(
    r"^\s*(?:draft|entwurf|concept|brouillon|borrador|rascunho|bozza|utkast|kladde|luonnos|szkic"
    r"|mustand|melnraksts|juodra(?:š|s)tis|ciorn(?:ă|a)|nacrt|чернова)"
    r"\s*$",
    re.IGNORECASE,
)


def is_draft_status(value: object) -> bool:
    """A status that says the line is on a draft, not yet billed."""
    return isinstance(value, str) and bool(_DRAFT.match(value))


_CREDIT_DOCUMENT = re.compile(
    r"^\s*(?:(?:(?:customer|sales|ar|a/r)\s*)?credit\s*(?:note|memo)?|c|cr|return|returns|refund|"
    r"creditnota|"
    # Indonesian and Malay ("Nota Kredit", "Retur Penjualan"), Vietnamese ("Hóa đơn điều chỉnh
    # giảm": an invoice adjusted down)
    r"nota\s*kredit|retur(?:\s*penjualan)?|h(?:ó|o)a\s*(?:đ|d)(?:ơ|o)n\s*(?:đ|d)i(?:ề|e)u\s*ch(?:ỉ|i)nh"
    r"\s*gi(?:ả|a)m|"
    r"kreditnota|kreditnote|gutschrift|avoir|nota\s*de\s*cr(?:é|e)dito|hyvityslasku|korekta|"
    r"faktura\s*korygująca)\s*$",
    re.IGNORECASE,
)


def is_credit_document(value: object) -> bool:
    """A line on a credit note or a return ("Customer Credit Note", "Return", Twinfield's "C")
    takes back what an invoice billed: it bills nothing itself."""
    return isinstance(value, str) and bool(_CREDIT_DOCUMENT.match(value))


_NOTE_HEAD = re.compile(r"^\s*([^\d\-–—:;,.(/]+)")


def note_says_cancelled(value: object) -> bool:
    """A note that begins by saying the line is cancelled or not billed ("CANCELLED 31/10 - do not
    bill", "Do not bill"); a bare "no" or "0" in a notes column says nothing."""
    if not isinstance(value, str) or (found := _NOTE_HEAD.match(value)) is None:
        return False
    head = found.group(1).strip()
    first = head.split()[0] if head else ""  # "cancelled per email 28/10": its first word says it
    return len(head) >= 4 and (
        is_inactive_status(head)
        or is_not_billable(head)
        or (len(first) >= 6 and is_inactive_status(first))
    )


#: A status typed before a product's name and set off from it: "Voided: Visio Plan 2",
#: "CANCELLED - Microsoft 365 E3", "Storniert – Acrobat Pro".
_STATUS_HEAD = re.compile(r"^\s*([^\d:\-\u2013\u2014|(\[]+?)\s*(?::|\s[-\u2013\u2014|]\s)\s*\S")


def status_before_name(value: object) -> str:
    """The status a description begins with, before a colon or a dash ('' when none): the line
    bills nothing, whatever its quantity and price say. A word of four letters at least ("No -"
    and "N:" say nothing)."""
    if not isinstance(value, str) or (found := _STATUS_HEAD.match(value)) is None:
        return ""
    head = found.group(1).strip()
    return head if len(head) >= 4 and is_inactive_status(head) else ""


#: A status typed after a product's name and set off from it: "Ninja RMM - Voided" (QuickBooks'
#: voided line at 0.00 beside its quantity and rate), "Business Premium (cancelled)".
_STATUS_TAIL = re.compile(
    r"\S(?:\s[-\u2013\u2014|]\s*|\s*[(\[]\s*)([^\d:\-\u2013\u2014|()\[\]]+?)\s*[)\]]?\s*$"
)


def status_after_name(value: object) -> str:
    """The status a description ends with, after a dash or in brackets ('' when none): the line
    bills nothing, whatever its quantity and price say. A word of four letters at least."""
    if not isinstance(value, str) or (found := _STATUS_TAIL.search(value)) is None:
        return ""
    tail = found.group(1).strip()
    return tail if len(tail) >= 4 and is_inactive_status(tail) else ""


def status_alone(value: object) -> str:
    """A description that is nothing but a status ("Voided", "Cancelled."): the line bills nothing,
    whatever its quantity and price say (QuickBooks keeps a voided line's quantity and rate beside
    an amount of 0). A word of four letters at least ("No" says nothing)."""
    if not isinstance(value, str):
        return ""
    text = value.strip().strip(".:-*()[]").strip()
    return text if len(text) >= 4 and " " not in text and is_inactive_status(text) else ""


def is_not_billable(value: object) -> bool:
    """ConnectWise ``DoNotBill``/``NoCharge`` and plain ``No``/``False`` bill flags."""
    if isinstance(value, bool):
        return not value
    return isinstance(value, str) and bool(_NOT_BILLABLE.match(value))
