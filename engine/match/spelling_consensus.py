"""What an MSP's own spelling means, from the clients it is used for.

An MSP names a product the same way on every agreement: "24x7 Threat Response Agent" is its name for
Huntress at every client that has it, "Modern Workplace Bundle" its name for Business Premium. Across
the clients whose PSA uses such a spelling, one vendor product stands beside it almost every time,
bought and not billed by any line that names it; other products stand there only as often as they do
anywhere. A billing person who has seen the spelling on twenty agreements reads it that way, even at a
client that also buys another product of the same kind ("Endpoint Protection (EDR)" beside a billed
Huntress is the client's Defender for Business, not more Huntress).

The evidence is counted from what the files say before any inference (the vendor baskets and the PSA
lines that name a product), so a wrong guess elsewhere never feeds it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

#: Clients a spelling must be used for, with the product open beside it, to say anything.
MIN_CLIENTS = 3
#: Share of those clients where the product stands open beside the spelling.
MIN_SHARE = 0.8
#: How much more often than at clients in general (absolute share): a product open nearly
#: everywhere (billed only under in-house names) stands beside every spelling and says nothing.
MIN_LIFT = 0.4


@dataclass(frozen=True)
class Consensus:
    """A spelling's product: the vendor product open beside it at ``beside`` of ``clients``."""

    product_key: str
    beside: int
    clients: int


def spelling_consensus(
    pending: Iterable[tuple[int, str, Decimal]],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
) -> dict[str, Consensus]:
    """For each pending spelling, the one vendor product that stands open beside it at nearly all
    the clients that use it (see the module docstring), when there is one."""
    open_at = {  # the products only (the unbilled seats of every client: speed, issue 15)
        group: frozenset(_unbilled(basket, paired.get(group, _NOTHING)))
        for group, basket in vendor_baskets.items()
    }
    clients: Counter[str] = Counter()
    beside: dict[str, Counter[str]] = defaultdict(Counter)
    seen: set[tuple[int, str]] = set()
    for group, description, _ in pending:
        if (group, description) in seen or not vendor_baskets.get(group):
            continue
        seen.add((group, description))
        clients[description] += 1
        beside[description].update(open_at[group])
    with_basket = [group for group, basket in vendor_baskets.items() if basket]
    base: Counter[str] = Counter()
    for group in with_basket:
        base.update(open_at[group])
    found: dict[str, Consensus] = {}
    for description, counter in beside.items():
        n = clients[description]
        ranked = counter.most_common(2)
        if not ranked:
            continue
        key, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if (
            count >= MIN_CLIENTS
            and count >= MIN_SHARE * n
            and runner_up * 2 <= count
            and count / n - base[key] / len(with_basket) >= MIN_LIFT
        ):
            found[description] = Consensus(key, count, n)
    return found


_NOTHING: Mapping[str, Decimal] = {}
_ZERO = Decimal(0)


def _unbilled(basket: Mapping[str, Decimal], billed: Mapping[str, Decimal]) -> list[str]:
    """The keys of :func:`unbilled_seats`, in its order, without working out the seats."""
    if not billed:
        return [key for key, seats in basket.items() if seats > _ZERO]
    return [key for key, seats in basket.items() if seats > billed.get(key, _ZERO)]


def unbilled_seats(
    basket: Mapping[str, Decimal], billed: Mapping[str, Decimal]
) -> dict[str, Decimal]:
    """The client's vendor products not fully billed, with the seats still unbilled."""
    return {
        key: seats - billed.get(key, Decimal(0))
        for key, seats in basket.items()
        if seats > billed.get(key, Decimal(0))
    }
