"""Turn a recognised export into typed lines: one row per input line, never dropped.

Every line leaves here either ready to reconcile (``exclusion`` is ``None``) or with the reason it
takes no part (an :class:`Exclusion`, shown as "totals row", "status: Cancelled", "unreadable
quantity 'N/A'", …). One typer serves both sides, driven by each side's :class:`SideSpec`; columns are
parsed once per distinct value (:mod:`engine.read.cells`) and each reason is found column by column,
which keeps 100k-line exports fast.
"""

from engine.lines.cancelled import (
    cancel_lines,
    drop_credits_of_cancelled,
    known,
    live,
    set_aside_earlier_charges,
    set_aside_later_charges,
)
from engine.lines.line import Exclusion, Line, Reason, monthly
from engine.lines.psa import PSA
from engine.lines.typer import CANCELLATION, Columns, SideSpec, typed_lines
from engine.lines.vendor import VENDOR

SPECS = {"vendor": VENDOR, "psa": PSA}

__all__ = [
    "CANCELLATION",
    "PSA",
    "SPECS",
    "VENDOR",
    "Columns",
    "Exclusion",
    "Line",
    "Reason",
    "SideSpec",
    "cancel_lines",
    "drop_credits_of_cancelled",
    "known",
    "live",
    "monthly",
    "set_aside_earlier_charges",
    "set_aside_later_charges",
    "typed_lines",
]
