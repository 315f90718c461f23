"""A company's trading name beside its registered one: "Contoso Holdings dba Contoso Dental",
"Bergström Ventures B.V. t/a Little Acorns Nursery"."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, MutableMapping

from engine.match.client_keys import client_key

#: Words between two names of one client: a trading name ("dba", "t/a", "(t/a of …)"), an old
#: name ("fka"), a trust and its trustee company as Australian books write them ("J & M Smith Pty
#: Ltd ATF Smith Family Trust", "The Trustee for Smith Family Trust").
TRADING_AS = re.compile(
    r"\b(?:dba of|d b a of|dba|d b a|t a of|t a|a trading name of|trading name of|trading as|doing business as"
    # Canada's "o/a" (operating as) and Quebec's "f.a.s.r.s." (faisant affaire sous la raison
    # sociale), "s/n" (sous le nom)
    r"|o a|operating as|fasrs|f a s r s|faisant affaires? sous(?: la raison sociale| le nom)?(?: de)?|s n"
    r"|aka|fka|a k a|f k a|formerly|atf|as trustees? for|the trustees? for|trustees? for)\b"
)


def join_trading_names(
    keys: MutableMapping[str, str],
    other_keys: Mapping[str, str],
    baskets: Callable[[], Mapping[str, Mapping[str, object]]],
    other_baskets: Callable[[], Mapping[str, Mapping[str, object]]],
    lines: Callable[[], Mapping[str, int]],
) -> None:
    """One side's "Registered Ltd t/a Trading Name" links its two names: that side's spellings
    keyed as the trading name alone (the PSA's other lines under "Little Acorns Nursery") take
    the linking spelling's key, and are one client with it — where the link is a note on one line
    (the trading name's other lines are the client's), or where the trading name buys what the
    other side bills the registered name for (two thirds of its products or more are there) and
    something the linking name does not. Two companies may trade as one name: a linking name
    with lines of its own is a client of its own unless what they buy says otherwise. Never
    where the other side knows the trading name as a client of its own, nor where two linking
    spellings claim one name. The baskets and line counts are asked for only where a name links
    two (speed)."""
    other = set(other_keys.values())
    present = set(keys.values())
    claims: dict[str, set[str]] = defaultdict(set)
    for key in present:
        pieces = TRADING_AS.split(key) if " " in key else [key]
        if len(pieces) != 2:  # (speed: most keys name one company; read only those that link two)
            continue
        parts = [client_key(part) for part in pieces]
        if not all(parts) or parts[0] not in other:
            continue
        registered, trading = parts
        if (
            trading != key
            and trading in present
            and trading not in other
            and (
                lines().get(key, 0) == 1 < lines().get(trading, 0)
                or _one_basket(baskets(), key, trading, other_baskets().get(registered, {}))
            )
        ):
            claims[trading].add(key)
    joined = {part: next(iter(linked)) for part, linked in claims.items() if len(linked) == 1}
    if joined:
        for spelling, key in keys.items():
            if key in joined:
                keys[spelling] = joined[key]


def _one_basket(
    baskets: Mapping[str, Mapping[str, object]],
    linking: str,
    trading: str,
    registered: Mapping[str, object],
) -> bool:
    """The linking name's and the trading name's products are parts of the registered name's."""
    linked, traded, billed = (
        set(baskets.get(linking, {})),
        set(baskets.get(trading, {})),
        set(registered),
    )
    return (
        bool(traded)
        and not linked & traded
        and traded <= billed
        and len((linked | traded) & billed) > len(linked & billed)
    )
