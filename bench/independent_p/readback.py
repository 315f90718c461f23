"""Reads the written files back (plain csv/openpyxl, no generator state) and recomputes the findings
from the cells, so tests can check that truth.json matches what the files really say."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

from .truth import findings_from


def _num(s, dec=".") -> Fraction:
    if s is None or s == "":
        return Fraction(0)
    if isinstance(s, (int, float)):
        return Fraction(str(round(s, 6)))
    s = str(s).strip().lstrip("'").replace("$", "").replace(" ", "")
    if dec == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return Fraction(s)


def read_table(
    path: Path, header_cell: str, delimiter=",", encoding="utf-8-sig"
) -> dict[int, dict]:
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = None
        for ws in wb.worksheets:
            cand = [list(r) for r in ws.iter_rows(values_only=True)]
            if any(header_cell in r for r in cand):
                rows = cand
                break
        wb.close()
    else:
        text = path.read_bytes().decode(encoding)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    out, header = {}, None
    for n, r in enumerate(rows, 1):
        if header_cell in r:
            header = [str(h) if h is not None else "" for h in r]
            continue
        if header:
            out[n] = dict(zip(header, r))
    return out


def _f(r, k, dec="."):
    return _num(r.get(k), dec)


V = {  # format -> (header cell, kwargs, fn(row) -> (qty, monthly unit))
    "partner_center_nce_csv": (
        "SkuName",
        {},
        lambda r: (
            _f(r, "BillableQuantity"),
            _f(r, "EffectiveUnitPrice") / (12 if r["BillingFrequency"] == "Annual" else 1),
        ),
    ),
    "partner_center_legacy_csv": (
        "OfferName",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Subtotal")
            / _f(r, "Quantity")
            / (12 if r["BillingCycleType"] == "Annual" else 1),
        ),
    ),
    "pax8_portal_csv": (
        "company_name",
        {},
        lambda r: (
            _f(r, "quantity"),
            _f(r, "cost") / (12 if "billed annually" in r["details"] else 1),
        ),
    ),
    "pax8_api_xlsx": (
        "companyName",
        {},
        lambda r: (
            _f(r, "quantity"),
            _f(r, "cost") / (12 if "billed annually" in r["details"] else 1),
        ),
    ),
    "td_synnex_streamone_ion_csv": (
        "End Customer Name",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Unit Price") / (12 if r["Billing Frequency"] == "Annual" else 1),
        ),
    ),
    "ingram_micro_cloud_xlsx": (
        "Subscription Name",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Net Price")
            / _f(r, "Quantity")
            / (12 if "Annual Pre-Paid" in r["Subscription Name"] else 1),
        ),
    ),
    "sherweb_payable_csv": (
        "Unit Cost",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Unit Cost") / (12 if r["Billing Cycle"] == "Yearly" else 1),
        ),
    ),
    "dicker_data_annuity_csv": (
        "TENANT NAME",
        {},
        lambda r: (
            _f(r, "QTY"),
            _f(r, "UNIT PRICE") / (12 if r["STOCK CODE"].rstrip(":").endswith(":Y") else 1),
        ),
    ),
    "cloudmore_billing_xlsx": (
        "Organization Name",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Unit Cost Price") / (12 if r["Payment Frequency"] == "Annually" else 1),
        ),
    ),
    "distributor_de_semicolon_csv": (
        "Kunde",
        {"delimiter": ";", "encoding": "cp1252"},
        lambda r: (
            _f(r, "Menge", ","),
            _f(r, "EK-Preis", ",") / (12 if r["Abrechnung"] == "jährlich" else 1),
        ),
    ),
}
P = {
    "connectwise_additions_csv": (
        "Less Included",
        {},
        lambda r: (_f(r, "Quantity") - _f(r, "Less Included"), _f(r, "Price")),
    ),
    "connectwise_api_additions_xlsx": (
        "lessIncluded",
        {},
        lambda r: (_f(r, "quantity") - _f(r, "lessIncluded"), _f(r, "unitPrice")),
    ),
    "autotask_contract_services_xlsx": (
        "Adjusted Price",
        {},
        lambda r: (
            _f(r, "Units"),
            _f(r, "Adjusted Price") / (12 if r["Period Type"] == "Yearly" else 1),
        ),
    ),
    "halopsa_recurring_lines_csv": (
        "qty_order",
        {},
        lambda r: (
            _f(r, "qty_order"),
            _f(r, "unit_price") / (12 if r["Billing Cycle"] == "Yearly" else 1),
        ),
    ),
    "syncro_schedules_csv": (
        "Retail Cents",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Retail Cents") / 100 / (12 if r["Frequency"] == "Annually" else 1),
        ),
    ),
    "kaseya_bms_recurring_xlsx": (
        "Billing Frequency",
        {},
        lambda r: (
            _f(r, "Quantity"),
            _f(r, "Unit Price") / (12 if r["Billing Frequency"] == "Annually" else 1),
        ),
    ),
    "qbo_sales_by_customer_detail_xlsx": (
        "Memo/Description",
        {},
        lambda r: (_f(r, "Qty"), _f(r, "Sales Price")),
    ),
    "xero_invoices_export_csv": (
        "ContactName",
        {},
        lambda r: (_f(r, "Quantity"), _f(r, "UnitAmount") * (1 - _f(r, "Discount") / 100)),
    ),
    "sage_accounting_sales_lines_csv": (
        "Customer Name",
        {},
        lambda r: (_f(r, "Quantity"), _f(r, "Unit Price") * (1 - _f(r, "Discount %") / 100)),
    ),
    "holded_facturas_xlsx": (
        "Concepto",
        {},
        lambda r: (_f(r, "Unidades"), _f(r, "Precio") * (1 - _f(r, "Dto. %") / 100)),
    ),
}


def recompute(truth_path: Path) -> list[dict]:
    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    folder = Path(truth_path).parent
    out = {}
    for side, specs, fname in (("vendor", V, truth["vendor_file"]), ("psa", P, truth["psa_file"])):
        fmt = truth["vendor_format" if side == "vendor" else "psa_format"]
        header, kw, fn = specs[fmt]
        table = read_table(folder / fname, header, **kw)
        rows = []
        for rn, meta in truth["rows"][side].items():
            r = table[int(rn)]
            q, unit = fn(r)
            rows.append(
                {
                    "row": int(rn),
                    "client": meta["client"],
                    "product": meta["product"],
                    "role": meta["role"],
                    "qty": int(q),
                    "monthly": unit,
                    "classes": meta["classes"],
                }
            )
        out[side] = rows
    return findings_from(out["vendor"], out["psa"])
