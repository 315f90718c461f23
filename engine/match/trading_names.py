"""A company's trading name beside its registered one: "Contoso Holdings dba Contoso Dental",
"Bergström Ventures B.V. t/a Little Acorns Nursery"."""

from __future__ import annotations

import re

#: Words between two names of one client: a trading name ("dba", "t/a", "(t/a of …)"), an old
#: name ("fka"), a trust and its trustee company as Australian books write them ("J & M Smith Pty
#: Ltd ATF Smith Family Trust", "The Trustee for Smith Family Trust").
TRADING_AS = re.compile(
    r"\b(?:dba of|d b a of|dba|d b a|t a of|t a|a trading name of|trading name of|trading as|doing business as"
    r"|aka|fka|formerly|atf|as trustees? for|the trustees? for|trustees? for)\b"
)
