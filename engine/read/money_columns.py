"""Content decides which money column is the unit amount and which the line total (quantity × unit
≈ total, a steady discount against a list price, growth with the quantity within one product), and
which total is before tax.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from engine.money import parse_money
from engine.read.column_content import content_ok
from engine.read.fields import FIELDS, TAXES, Side, header_key
from engine.read.values import parse_quantity

_SAMPLE = 300


def _money_sample(header: str, values: Sequence[object]) -> list[Decimal | None]:
    cents = "cents" in header_key(header)
    out: list[Decimal | None] = []
    for value in values[:_SAMPLE]:
        amount = parse_money(value)
        out.append(amount / 100 if cents and amount is not None else amount)
    return out


def _close(a: Decimal, b: Decimal, quantity: Decimal) -> bool:
    """Equal up to the rounding of a unit amount to the cent (half a cent per unit)."""
    return abs(a - b) <= Decimal("0.005") * abs(quantity) + Decimal("0.01")


def _unitlike(header: str) -> bool:
    key = header_key(header)
    return any(word in key for word in ("unit", "price", "rrp", "msrp", "list", "rate", "each"))


def _per_line(
    header: str,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    quantities: list[Decimal | None],
    exclude: set[str],
    products: Sequence[object] | None = None,
) -> tuple[bool | None, str | None]:
    """Does this money column hold line totals (True), unit amounts (False) or can't content say
    (None)? Told by content: total ≈ quantity × another column's unit; a unit × quantity ≈ another
    column's total; a discounted line amount whose per-seat value sits just under a unit-named list
    price; or, within one product, a value that grows with the quantity. Also returns the column that
    holds the matching unit amount, when one does."""
    values = _money_sample(header, data[header])
    rows = [
        i
        for i, (q, v) in enumerate(zip(quantities, values, strict=False))
        if q is not None and abs(q) >= 2 and v is not None and v != 0
    ]
    if not rows:
        return None, None
    need = max(1, (len(rows) * 6 + 9) // 10)
    others = {
        h: sample
        for h in headers
        if h != header and h not in exclude and _looks_numeric(data[h], rows)
        for sample in [_money_sample(h, data[h])]
        if sum(sample[i] is not None for i in rows) >= need
    }
    told = _against_another(values, quantities, rows, others, need)
    if told is not None:
        return told
    if any(
        _discounted_below(values, quantities, rows, sample, need)
        for other, sample in others.items()
        if _unitlike(other)
    ):
        return True, None
    if products is not None:
        return _by_product(values, quantities, products), None
    return None, None


def _against_another(
    values: Sequence[Decimal | None],
    quantities: Sequence[Decimal | None],
    rows: list[int],
    others: Mapping[str, Sequence[Decimal | None]],
    need: int,
) -> tuple[bool, str | None] | None:
    """Totals when the values are quantity × another column (which is then the unit), units when
    a value × quantity is another column; ``None`` when no other column says."""
    for other, sample in others.items():
        total_qs: list[Decimal] = []
        units = 0
        for i in rows:
            o, v, q = sample[i], values[i], quantities[i]
            if o is None or v is None or q is None or o == 0:
                continue
            if _close(v, q * o, q):
                total_qs.append(abs(q))
            elif _close(o, q * v, q):
                units += 1
        if len(total_qs) >= need and _varied(total_qs):
            return True, other
        if units >= need:
            return False, None
    return None


def _discounted_below(
    values: Sequence[Decimal | None],
    quantities: Sequence[Decimal | None],
    rows: list[int],
    sample: Sequence[Decimal | None],
    need: int,
) -> bool:
    """Line amounts whose per-seat value sits steadily just under a unit-named list price."""
    per_seat: list[Decimal] = []  # (value ÷ quantity) ÷ the other column: the discount
    as_unit: list[Decimal] = []  # value ÷ the other column, if both were unit amounts
    seats: list[Decimal] = []
    for i in rows:
        o, v, q = sample[i], values[i], quantities[i]
        if o is None or v is None or q is None or o <= 0 or v <= o:
            continue
        ratio = v / q / o
        if Decimal("0.5") <= ratio <= 1:
            per_seat.append(ratio)
            as_unit.append(v / o)
            seats.append(abs(q))
    return (
        len(per_seat) >= need
        and len(set(seats)) >= 2
        and _spread(per_seat) <= Decimal("1.2")
        and _spread(as_unit) >= 2 * _spread(per_seat)
    )


def _by_product(
    values: list[Decimal | None], quantities: list[Decimal | None], products: Sequence[object]
) -> bool | None:
    """Within one product, a unit amount stays put while the quantity changes and a line total
    grows with it. Each product bought in two different quantities votes; most votes win."""
    seen: dict[str, dict[Decimal, Decimal]] = {}
    for value, quantity, product in zip(values, quantities, products, strict=False):
        if value is None or quantity is None or quantity <= 0 or value <= 0 or product is None:
            continue
        seen.setdefault(str(product).strip().lower(), {}).setdefault(quantity, value)
    totals = units = 0
    for by_quantity in seen.values():
        if len(by_quantity) < 2:
            continue
        amounts = list(by_quantity.values())
        per_seat = [v / q for q, v in by_quantity.items()]
        if max(amounts) == min(amounts):
            units += 1
        elif _spread(per_seat) <= Decimal("1.01"):
            totals += 1
    if totals > units and totals >= 2:
        return True
    if units > totals:
        return False
    return None


def _looks_numeric(values: Sequence[object], rows: list[int]) -> bool:
    """A cheap look at a few of the rows before parsing a column as money."""
    probe = [values[i] for i in rows[:8] if i < len(values)]
    return any(parse_money(v) is not None for v in probe)


def _varied(quantities: list[Decimal]) -> bool:
    """Enough to tell a line total from a unit amount that merely is a multiple of another column:
    two different quantities, or one line of at least three seats."""
    return len(set(quantities)) >= 2 or (len(quantities) == 1 and quantities[0] >= 3)


def _spread(values: list[Decimal]) -> Decimal:
    return max(values) / min(values) if min(values) > 0 else Decimal("Infinity")


def settle_unit_and_total(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A column named like a unit amount that holds line totals (Ingram's "Net Price", an Autotask
    "Adjusted Price" per line) becomes the line total; one named like a total that holds unit amounts
    is dropped as a total. Content, not the name, decides (quantity × unit ≈ total)."""
    unit_field = "unit_cost" if side == "vendor" else "unit_price"
    quantity_header = columns.get("quantity")
    if quantity_header is None:
        return
    quantities = [parse_quantity(v) for v in data[quantity_header][:_SAMPLE]]
    kinds = {f.name: f.kind for f in FIELDS[side]}
    exclude = {h for f, h in columns.items() if kinds.get(f) != "money"}
    unit_header = columns.get(unit_field)
    if unit_header is not None and how.get(unit_field) != "user":
        product_header = columns.get("product_name") or columns.get("product_id")
        products = data[product_header][:_SAMPLE] if product_header is not None else None
        per_line, partner = _per_line(unit_header, headers, data, quantities, exclude, products)
        if per_line:
            del columns[unit_field]
            if "line_total" not in columns:
                columns["line_total"], how["line_total"] = unit_header, "content"
            if partner is not None and partner not in columns.values():
                columns[unit_field], how[unit_field] = partner, "content"
            else:
                how.pop(unit_field, None)
                return
    total_header = columns.get("line_total")
    unit_header = columns.get(unit_field)
    if total_header is not None and unit_header is not None and how.get("line_total") != "user":
        units = _money_sample(unit_header, data[unit_header])
        totals = _money_sample(total_header, data[total_header])
        rows = [
            i
            for i, q in enumerate(quantities)
            if q is not None and abs(q) >= 2 and i < len(units) and units[i] and totals[i]
        ]
        need = max(1, (len(rows) * 6 + 9) // 10)
        same = sum(units[i] == totals[i] for i in rows)
        if rows and same >= need:
            del columns["line_total"]  # a second unit column, not a total
            how.pop("line_total", None)
            return
        if side == "vendor" and how.get(unit_field) != "user" and _generic_price(unit_header):
            # a bare "price" beside a cost total that is always lower: the price is what the
            # vendor suggests charging (Pax8's `price`), the total is the MSP's cost
            priced = lower = 0
            for q, unit, total in zip(quantities, units, totals, strict=False):
                if q is None or q <= 0 or not unit or not total:
                    continue
                priced += 1
                lower += total < q * unit - (Decimal("0.005") * q + Decimal("0.01"))
            if priced and lower >= max(1, (priced * 6 + 9) // 10):
                del columns[unit_field]
                how.pop(unit_field, None)


def total_before_tax(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A line total that is two other columns added up (Zoho's "Total" is "Item Total" plus "Item
    Tax Amount") is the total with tax: the first of the two is the line's own."""
    total_header = columns.get("line_total")
    if total_header is None:
        return
    totals = _money_sample(total_header, data[total_header])
    free = {
        h: _money_sample(h, data[h])
        for h in headers
        if h not in columns.values() and content_ok("money", data[h][:_SAMPLE])
    }
    free = {h: v for h, v in free.items() if sum(x is not None for x in v) >= 3}
    taxes = {h: v for h, v in free.items() if _tax_like(h)}
    if len(taxes) >= 2:
        # a tax in two parts, each in its column: India's "CGST (9%)" and "SGST (9%)"
        taxes[" + ".join(taxes)] = [_sum_of(parts) for parts in zip(*taxes.values(), strict=True)]
    for net, nets in free.items():
        for added, adds in taxes.items():
            if added == net or net in added.split(" + "):
                continue
            rows = [
                (t, a, b)
                for t, a, b in zip(totals, nets, adds, strict=False)
                if t is not None and a is not None and b is not None and t
            ]
            summed = sum(
                abs(t - (a + b)) <= _CENT_SLACK and a and abs(a) < abs(t) for t, a, b in rows
            )
            if len(rows) >= 3 and summed >= 0.8 * len(rows):
                columns["line_total"], how["line_total"] = net, "content"
                return


def _sum_of(parts: tuple[Decimal | None, ...]) -> Decimal | None:
    """The parts added up; None when none of them is there."""
    present = [part for part in parts if part is not None]
    return sum(present, Decimal(0)) if present else None


def _tax_like(header: str) -> bool:
    """A header that names a tax ("Item Tax Amount", "VAT", "Btw-bedrag", "MwSt")."""
    return any(word in header_key(header) for word in TAXES.split("|"))


_CENT_SLACK = Decimal("0.011")


def _generic_price(header: str) -> bool:
    """A unit column named only "price"/"unit price"/"rate": nothing in it says it is a cost."""
    return header_key(header) in ("price", "unitprice", "rate", "unitrate", "listprice")
