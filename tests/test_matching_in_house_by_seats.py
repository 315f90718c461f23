"""An in-house name that shares no word with the vendor's ("Diagramming (desktop)" for Visio Plan 2,
"Identity Threat Monitoring" for Huntress Managed ITDR): only the clients can show what it is. Set
H had left such lines out as services and their seats unbilled."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.lines import Line
from engine.match.product_pairs import pair_by_clients
from engine.reconcile import reconcile


def _line(side: str, row: int, client: str, key: str, seats: int) -> Line:
    line = Line(side, row, client, key, (), Decimal(seats), Decimal(5), 1, None, None)
    line.product_key = key
    return line


def _pairings(psa_key: str, clients: int, extra_psa: int = 0) -> list[tuple[str, str, bool]]:
    vendor, psa = [], []
    for n in range(clients):
        vendor += [
            _line("vendor", n, f"c{n}", "visio p2", 3 + n),
            _line("vendor", 100 + n, f"c{n}", "e3", 9),
        ]
        psa += [_line("psa", n, f"c{n}", psa_key, 3 + n), _line("psa", 100 + n, f"c{n}", "e3", 9)]
    for n in range(clients, clients + extra_psa):  # the PSA spelling at clients with no such gap
        vendor.append(_line("vendor", 100 + n, f"c{n}", "e3", 9))
        psa += [_line("psa", n, f"c{n}", psa_key, 4), _line("psa", 100 + n, f"c{n}", "e3", 9)]
    groups = {f"c{n}": n for n in range(clients + extra_psa)}
    names = {"visio p2": "visio p2", "e3": "microsoft 365 e3", psa_key: psa_key}
    found = pair_by_clients(vendor, psa, groups, groups, names)
    return [(p.psa_key, p.vendor_key, p.seats_only) for p in found]


def test_three_clients_with_the_same_seats_show_an_in_house_name() -> None:
    assert _pairings("diagramming desktop", 3) == [("diagramming desktop", "visio p2", True)]
    assert _pairings("diagramming desktop", 2) == []  # two clients: not enough without a word


def test_a_per_user_service_at_every_client_is_never_paired_by_seats() -> None:
    """ "Managed Services - per user" stands at every client, not only where a product is missing."""
    assert _pairings("managed services per user", 3, extra_psa=5) == []
    assert _pairings("onsite labour hours", 4) == []  # labour is never a licence


def test_seats_alone_never_pair_a_line_priced_far_below_the_product(tmp_path: Path) -> None:
    """Set E: "GZ Bus Sec Premium" (Bitdefender) at 5.64 a seat was taken for the client's only
    unpaired product with the same 71 seats, Business Premium costing 22.00. Seats were all that
    said so, and the price says otherwise: the line is no vendor product, Business Premium is
    unbilled. At a price a stale resale could be, the seats still decide."""

    def run(price: str) -> list[tuple[str, str]]:
        folder = tmp_path / price
        folder.mkdir()
        (folder / "v.csv").write_text(
            "Customer,Product,Qty,Unit Cost\n"
            "Acme Ltd,Microsoft 365 Business Premium,71,22.00\n"
            "Acme Ltd,Exchange Online (Plan 1),4,4.00\n"
        )
        (folder / "p.csv").write_text(
            "Customer,Item,Qty,Rate\n"
            f"Acme Ltd,GZ Bus Sec Premium,71,{price}\n"
            "Acme Ltd,Exchange Online (Plan 1),4,5.00\n"
        )
        result = reconcile(folder / "v.csv", folder / "p.csv")
        return sorted((d.type, d.product) for d in result.discrepancies)

    assert run("5.64") == [("unbilled", "Microsoft 365 Business Premium")]
    assert run("18.00") == [("below_cost", "Microsoft 365 Business Premium")]
