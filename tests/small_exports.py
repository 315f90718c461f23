"""Tiny exports for the tests that read one set's cases again: a Partner Center recon file for
November 2026 and a PSA export of four columns, written to a folder and reconciled."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from engine.reconcile import reconcile
from engine.result import Result

#: Five clients billed right on both sides, around the clients a test is about: no word of a
#: test's names is then rare, and no client is alone on the bill.
BYSTANDERS = [
    (f"{name} Dental Pty Ltd", "Microsoft 365 Business Premium", 5 + i, "22.00")
    for i, name in enumerate(["Acacia", "Birch", "Cedar", "Dogwood", "Elm"])
]
PSA_BYSTANDERS = [(client, product, seats, "28.60") for client, product, seats, _ in BYSTANDERS]

_PC_HEADER = "CustomerName,ProductName,Quantity,UnitPrice,Subtotal,ChargeStartDate,ChargeEndDate\n"


def pc(rows: list[tuple[str, str, int, str]]) -> str:
    """A Partner Center recon file for November 2026: customer, product, seats, unit cost."""
    lines = [
        f"{client},{product},{seats},{cost},{seats * float(cost):.2f},2026-11-01,2026-11-30"
        for client, product, seats, cost in rows
    ]
    return _PC_HEADER + "\n".join(lines) + "\n"


def psa(rows: list[tuple[str, str, int, str]]) -> str:
    """A PSA export: client, item, seats, price."""
    lines = [f'"{client}","{item}",{seats},{price}' for client, item, seats, price in rows]
    return "Client,Item,Qty,Price\n" + "\n".join(lines) + "\n"


def run(tmp_path: Path, vendor: str, psa_text: str, psa_name: str = "p.csv") -> Result:
    """Both exports written to ``tmp_path`` and reconciled."""
    (tmp_path / "v.csv").write_text(vendor, encoding="utf-8")
    (tmp_path / psa_name).write_text(psa_text, encoding="utf-8")
    return reconcile(tmp_path / "v.csv", tmp_path / psa_name)


def pairs(result: Result) -> set[tuple[str, str]]:
    """The (vendor name, PSA name) of every client matched."""
    return {
        (m.vendor_name, m.psa_name) for m in result.client_matches if m.vendor_key and m.psa_key
    }


def sheet(path: Path, rows: list[list[object]]) -> None:
    """A workbook of one sheet holding ``rows``, as a person pastes or an export writes them."""
    book = openpyxl.Workbook()
    active = book.active
    assert active is not None
    for row in rows:
        active.append(row)
    book.save(path)
