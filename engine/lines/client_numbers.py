"""A line whose client name is blank, named by its client number: exports that write the name on a
customer's first line only, or leave it out on some lines, still give the number on every one."""

from __future__ import annotations


def named_by_number(clients: list[str], numbers: list[str]) -> list[str]:
    """Each line with no client name named as the other lines with its client number are (an
    Autotask export that left the account's name blank on some lines), when those lines all give
    one name; a number no named line has leaves the line unnamed."""
    if "" not in clients or not any(numbers):
        return clients
    names: dict[str, set[str]] = {}
    for client, number in zip(clients, numbers, strict=True):
        if client and number:
            names.setdefault(number, set()).add(client)
    return [
        next(iter(names[number]))
        if not client and number and len(names.get(number, ())) == 1
        else client
        for client, number in zip(clients, numbers, strict=True)
    ]
