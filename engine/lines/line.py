"""One typed input line and the reasons a line takes no part in a run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from functools import lru_cache


class Exclusion(Enum):
    """Why a line takes no part: a label (what the KPIs count lines under) and, for reasons that
    carry a value from the line ("status: Cancelled", "cancelled 2025-07-31"), how that value is
    shown."""

    TOTALS_ROW = ("totals row", "")
    REPEATED_HEADER = ("repeated header row", "")
    NO_CUSTOMER = ("no customer name", "")
    NO_COMPANY = ("no company name", "")
    NO_PRODUCT = ("no product", "")
    STATUS = ("status", "status: {}")
    PAUSED = ("paused schedule", "")
    CANCELLED = ("cancelled", "cancelled {}")
    EARLIER_PERIOD = ("billed for an earlier period", "billed for a period that ended {}")
    EARLIER_CHARGE = ("charged for an earlier month", "charged for a period that ended {}")
    LATER_CHARGE = ("charged for a later month", "charged for a period that begins {}")
    CREDIT_OF_CANCELLED = ("credit of a cancelled line", "credits row {}, already cancelled")
    NOT_BILLABLE = ("not billable", "not billable ({})")
    UNREADABLE_QUANTITY = ("unreadable quantity", "unreadable quantity {}")
    UNREADABLE_UNIT_COST = ("unreadable unit cost", "unreadable unit cost {}")
    UNREADABLE_UNIT_PRICE = ("unreadable unit price", "unreadable unit price {}")
    ONE_TIME = ("one-time charge, not a recurring licence", "")
    FREE = ("free or trial (costs nothing)", "")
    TRIAL = ("trial", "")
    ZERO_QUANTITY = ("zero quantity", "")
    NOTHING_BILLED = ("zero quantity (nothing billed)", "")
    EXCLUDED_IN_SETTINGS = ("excluded in Settings", "")
    NOT_A_VENDOR_PRODUCT = ("not a vendor product (service, labour or other line)", "")
    NOT_ON_THIS_BILL = ("a licence this bill has no product like (bought from another source?)", "")
    VENDOR_FEE = ("the vendor's own fee or service, not a licence", "")
    MONEY_CREDIT = ("a credit of money, not of seats (more than a seat's price)", "")

    def __init__(self, label: str, template: str) -> None:
        self.label = label
        self.template = template

    def reason(self, detail: str = "") -> str:
        """The reason as the Excluded sheet shows it."""
        return self.template.format(detail) if self.template else self.label

    def family(self, detail: str = "") -> str:
        """What the KPIs total lines under: each status apart, other values grouped."""
        return self.reason(detail) if self is Exclusion.STATUS else self.label

    @property
    def unreadable(self) -> bool:
        """A real line whose quantity or price could not be read."""
        return self in _UNREADABLE

    @property
    def not_a_line(self) -> bool:
        """A row that is no bill line at all (a totals row, a repeated header)."""
        return self is Exclusion.TOTALS_ROW or self is Exclusion.REPEATED_HEADER


_UNREADABLE = frozenset(
    {
        Exclusion.UNREADABLE_QUANTITY,
        Exclusion.UNREADABLE_UNIT_COST,
        Exclusion.UNREADABLE_UNIT_PRICE,
    }
)

#: A line's exclusion and the value it shows ("" for none).
Reason = tuple[Exclusion, str]


@dataclass(slots=True)
class Line:
    """One input line, typed once by :func:`typed_lines`. ``exclusion`` is None when it takes part.

    What needs more than the line's own export is decided later, and only through the four methods
    below: a PSA cancellation (by the period, :func:`cancel_lines`), the product a line is (by the
    product policy, :mod:`engine.policy`: :meth:`assign`, :meth:`exclude`), the client a line
    names for itself (:meth:`book_to`) and, when several vendor bills are merged, the bill it came
    from (:meth:`from_bill`)."""

    side: str
    row: int
    client: str
    product: str
    product_ids: tuple[str, ...]
    quantity: Decimal | None
    unit: Decimal | Fraction | None  # per billed period (a Fraction only when derived from a total)
    months: int  # months one billed unit covers
    amount: Decimal | None  # the line's amount as billed
    exclusion: Exclusion | None
    detail: str = ""  # the value an exclusion shows ("'N/A'", "Cancelled", a date)
    domain: str = ""
    product_alt: str = ""
    period_start: dt.date | None = None
    product_key: str | None = None
    cancelled_on: dt.date | None = None  # a PSA cancellation date, decided by cancel_lines()
    bill: str = ""  # the vendor bill it came from, when several are reconciled together
    #: A vendor line's subscription term: when it ends and how long it commits (months), if said.
    subscription_end: dt.date | None = None
    commitment_months: int | None = None
    #: The last day of the period a line says it bills for, if said: a PSA line's service span
    #: ("01.09.2026 – 30.09.2026"), a vendor line's charge end.
    period_end: dt.date | None = None
    #: The vendor's id of the customer (Partner Center's CustomerId, a distributor's customer
    #: number), if the bill gives one: which tenant a spelling is, where two share a domain.
    client_id: str = ""
    #: The storage measure the quantity counts ("gb", "tb"), where the line states one; "" for a
    #: count of users, devices, numbers (engine.lines.unit_sizes).
    measure: str = ""
    #: How a line that states a size was read ("5 × 10", "7 × 500 GB"; "" for none), for the
    #: finding's evidence: the quantity shown is then not the one the export wrote.
    sized: str = ""
    #: The pack size a line's text stated and its quantity was multiplied by (1 for none), until
    #: prices say whether it is one (engine.lines.unit_sizes.settle_sizes).
    pack: int = 1
    #: The storage a name billed once ends with ("… storage 3 TB"), until matching says whether the
    #: vendor counts the product in storage (engine.lines.unit_sizes.settle_sizes).
    flat: tuple[Fraction, str] | None = None
    #: The customer's tax or company registration numbers the line's row gives ("LV40003216553",
    #: "ЕИК 131071587"), as compared ("40003216553"), joined by spaces; "" for none: the same
    #: company on both sides, whatever each calls it (engine.lines.tax_numbers).
    tax_ids: str = ""

    @property
    def excluded(self) -> str | None:
        """Why the line takes no part, as shown to the user; None when it takes part."""
        return None if self.exclusion is None else self.exclusion.reason(self.detail)

    @property
    def unreadable(self) -> bool:
        """A real line (it names a client) whose quantity or price could not be read: it takes no
        part, but its group must not look confidently one-sided."""
        return self.exclusion is not None and self.exclusion.unreadable and bool(self.client)

    @property
    def monthly_unit(self) -> Fraction | None:
        return None if self.unit is None else monthly(self.unit, self.months)

    @property
    def descriptor(self) -> tuple[str, tuple[str, ...]]:
        return (self.product, self.product_ids)

    def assign(self, product_key: str) -> None:
        """The product this line is, once the run has matched it."""
        self.product_key = product_key

    def book_to(self, client: str) -> None:
        """The client this line is for, when its description names another than its account (a
        subsidiary billed under its parent's, engine.match.billed_for)."""
        self.client = client

    def from_bill(self, bill: str) -> None:
        """The vendor bill this line came from, when several are reconciled together."""
        self.bill = bill

    def bill_every(self, months: int) -> None:
        """The months one billed unit covers, once the run has seen it (a yearly price said only in
        the description, engine.annual_prices)."""
        self.months = months

    def exclude(self, exclusion: Exclusion, detail: str = "") -> None:
        """Take the line out of the run, for a reason only the whole run can see."""
        self.exclusion, self.detail = exclusion, detail


@lru_cache(maxsize=65_536)
def monthly(unit: Decimal | Fraction, months: int) -> Fraction:
    """A unit amount per month, exact. An export repeats a few hundred prices over its lines: each
    is worked out once (at 100k lines, 416k exact divisions were ~2 s of a run)."""
    return abs(Fraction(unit)) / months
