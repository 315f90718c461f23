"""How billing staff write set-AP lines: size statements, numbers that are not sizes, typing, client names.

Spellings depend on seed + clients + PSA format only (never on the vendor format)."""

from __future__ import annotations

import random
import unicodedata
from fractions import Fraction as F

from .catalog import BY_KEY, LOOKALIKE_PAIRS

PLURAL = {
    "user": "users",
    "device": "devices",
    "server": "servers",
    "machine": "machines",
    "number": "numbers",
    "channel": "channels",
    "room": "rooms",
    "cloud PC": "Cloud PCs",
    "GB": "GB",
    "TB": "TB",
}
SHORT = {
    "users": "usrs",
    "devices": "devs",
    "machines": "mchs",
    "numbers": "nos",
    "servers": "svrs",
    "channels": "chans",
    "rooms": "rms",
}
UOM_BASE = {
    "user": "User",
    "device": "Device",
    "server": "Server",
    "machine": "Machine",
    "number": "Number",
    "channel": "Channel",
    "room": "Room",
    "cloud PC": "Cloud PC",
    "GB": "GB",
    "TB": "TB",
}
SIZE_CLASSES = {
    "pk_glued_to_number",
    "x_times_pack_suffix",
    "pack_of_n_in_brackets",
    "n_seat_bundle_words",
    "per_n_units_brackets",
    "pack_size_leads_name",
    "uom_cell_states_pack",
    "qty_in_tb_for_gb_product",
    "qty_in_gb_for_tb_product",
    "per_hundred_gb_unit",
    "storage_block_size_named",
    "flat_storage_qty_one",
    "uom_cell_states_storage",
}


def fmt_num(x):
    """Shortest plain decimal for an exact quantity."""
    s = f"{float(x):.6f}".rstrip("0").rstrip(".")
    assert F(s) == x, (x, s)
    return s


def thou(x):
    s = fmt_num(x)
    whole, _, dec = s.partition(".")
    whole = f"{int(whole):,}"
    return whole + ("." + dec if dec else "")


def _typo(rng, text):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    if rng.random() < 0.5:
        w2 = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    else:
        w2 = w[:j] + w[j + 1 :]
    if w2 == w:
        return None
    words[i] = w2
    return " ".join(words)


def size_forms(p, q, has_uom):
    """Every way of writing base quantity q of product p with a size that converts it.

    Returns (class, k, text_template, uom) with {n} = product alias."""
    out = []
    noun = PLURAL[p.base]
    if p.kind == "pack":
        sizes = [n for n in (5, 10, 25, 100) if (q / n).denominator == 1 and q / n != n]
        for n in sizes:
            out += [
                ("pk_glued_to_number", F(n), "{n} " + f"{n}pk", None),
                ("pk_glued_to_number", F(n), "{n} " + f"{n}-pk", None),
                ("x_times_pack_suffix", F(n), "{n} " + f"x{n}", None),
                ("pack_of_n_in_brackets", F(n), "{n} " + f"(pack of {n})", None),
                (
                    "n_seat_bundle_words",
                    F(n),
                    "{n} " + f"{n}-{p.base.split()[-1]} bundle",
                    None,
                ),
                ("per_n_units_brackets", F(n), "{n} " + f"(per {n} {noun})", None),
                ("pack_size_leads_name", F(n), f"{n} Pack - " + "{n}", None),
                ("pack_size_leads_name", F(n), f"{n}pk " + "{n}", None),
            ]
            if has_uom:
                out += [
                    ("uom_cell_states_pack", F(n), "{n}", u)
                    for u in (f"Pack of {n}", f"Box ({n})", f"{n} Pack")
                ]
    elif p.kind in ("gb", "usage"):
        tb = q / 1000
        if (tb * 100000).denominator == 1:
            out += [
                ("qty_in_tb_for_gb_product", F(1000), "{n} (TB)", None),
                ("qty_in_tb_for_gb_product", F(1000), "{n} - per TB", None),
            ]
            if has_uom:
                out += [("uom_cell_states_storage", F(1000), "{n}", "TB")]
        if p.kind == "gb":
            if (q / 100).denominator == 1 or (q / 50).denominator == 1:
                out += [
                    ("per_hundred_gb_unit", F(100), "{n} per 100 GB", None),
                    ("per_hundred_gb_unit", F(100), "{n} (per 100GB)", None),
                ]
                if has_uom:
                    out += [("uom_cell_states_storage", F(100), "{n}", "per 100 GB")]
            out += [
                ("storage_block_size_named", F(250), "{n} - 250 GB block", None),
                ("storage_block_size_named", F(250), "{n} 250GB blocks", None),
            ]
            flat = f"{fmt_num(q)} GB" if q < 1000 else f"{fmt_num(q / 1000)} TB"
            out += [
                ("flat_storage_qty_one", q, "{n} " + flat, None),
                ("flat_storage_qty_one", q, "{n} " + flat.replace(" ", ""), None),
            ]
    elif p.kind == "tb":
        out += [
            ("qty_in_gb_for_tb_product", F(1, 1000), "{n} (GB)", None),
            ("qty_in_gb_for_tb_product", F(1, 1000), "{n} per GB", None),
        ]
        if (q / 5).denominator == 1 and q != 5:
            out += [
                ("storage_block_size_named", F(5), "{n} - 5 TB block", None),
                ("storage_block_size_named", F(5), "{n} 5TB blocks", None),
            ]
        out += [
            ("flat_storage_qty_one", q, "{n} " + f"{fmt_num(q)} TB", None),
            ("flat_storage_qty_one", q, "{n} " + f"{fmt_num(q)}TB bundle", None),
        ]
    return out


def trap_forms(p, q):
    """Numbers on the line that are not sizes (k stays 1)."""
    noun = PLURAL[p.base]
    out = []
    if q > 1 and q.denominator == 1 and p.base not in ("GB", "TB"):
        out += [
            ("qty_repeated_in_text", "{n} " + f"x {fmt_num(q)} {noun}"),
            ("qty_repeated_in_text", "{n} " + f"- {fmt_num(q)} {noun}"),
        ]
    if p.base == "user":
        out += [
            ("min_users_commitment_note", "{n} (min 5 users)"),
            ("min_users_commitment_note", "{n} - minimum 10 users"),
        ]
    out += [
        ("term_length_tail", "{n} - 12 months"),
        ("term_length_tail", "{n} 12-month term"),
        ("term_length_tail", "{n} (1 yr term)"),
    ]
    if p.backup:
        out += [
            ("retention_days_tail", "{n} - 30-day retention"),
            ("retention_days_tail", "{n} (90 day retention)"),
        ]
    return out


def spell_psa(case, seed, clients, psa_format, perturb, has_uom):
    rng = random.Random(f"AP|spell|{seed}|{clients}|{psa_format}")
    byid = {c["id"]: c for c in case.clients}
    for c in case.clients:
        c["psa_name"], c["cclasses"] = _client_variant(rng, c) if perturb else (c["canonical"], [])
    twins = {}
    for c in case.clients:
        for a, b in LOOKALIKE_PAIRS:
            if a in c["basket"] and b in c["basket"]:
                twins.setdefault(c["id"], []).extend([a, b])
    for pl in case.plines:
        if pl.role == "service":
            pl.k, pl.qty, pl.unit = F(1), pl.base_qty, pl.base_price
            pl.text = pl.service
            pl.uom = "Hours" if "hr" in pl.service else "Each"
            if any(ch.isdigit() for ch in pl.service):
                pl.classes = pl.classes + ["hours_or_pages_block_service"]
            continue
        p = BY_KEY[pl.product]
        q = pl.base_qty
        cls = list(pl.classes)
        if pl.product in twins.get(pl.cid, []):
            cls.append("twin_edition_also_billed")
        if p.digits_in_name:
            cls.append("product_digits_not_size")
        uom = UOM_BASE[p.base] if has_uom else ""
        if not perturb:
            pl.k, pl.text, pl.uom = F(1), p.name, uom
        else:
            alias = rng.choice(p.typed)
            k, tmpl = F(1), "{n}"
            sizes = size_forms(p, q, has_uom)
            r = rng.random()
            if sizes and r < (0.75 if p.kind in ("pack", "gb", "tb") else 0.5):
                c_, k, tmpl, u = rng.choice(sizes)
                cls.append(c_)
                if u:
                    uom = u
                elif has_uom:
                    uom = ""
            else:
                if p.kind == "usage" and rng.random() < 0.5:
                    tmpl = "{n} GB-month"
                    cls.append("unit_named_no_conversion")
                elif rng.random() < 0.45:
                    c_, tmpl = rng.choice(trap_forms(p, q))
                    cls.append(c_)
            r = rng.random()
            if r < 0.14:
                a2 = _typo(rng, alias)
                if a2:
                    alias = a2
                    cls.append("one_keyslip_typo")
            text = tmpl.replace("{n}", alias)
            if r >= 0.14 and r < 0.24:
                text = text.upper() if rng.random() < 0.5 else text.lower()
                cls.append("letter_case_flattened")
            if rng.random() < 0.15:
                for lng, sh in SHORT.items():
                    if lng in text:
                        text = text.replace(lng, sh)
                        cls.append("unit_word_shortened")
                        break
            pl.k, pl.text, pl.uom = k, text, uom
        pl.qty = q / pl.k
        pl.unit = pl.base_price * pl.k
        pl.classes = cls
    return byid


LEGAL = ["Ltd", "Limited", "LLP", "PLC", "DAC", "CIC", "CLG"]


def _ledger_code(rng, name):
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", name) if ch.isalpha())[:4].upper()
    return f"{letters}{rng.randint(1, 99):03d}"


def _client_variant(rng, c):
    n = c["canonical"]
    words = n.split(" ")
    last = words[-1]
    opts = []
    if "t/a" in words:
        i = words.index("t/a")
        legal, trade = " ".join(words[:i]), " ".join(words[i + 1 :])
        opts += [
            ("ta_trading_name_only", trade),
            ("ta_legal_in_brackets", f"{trade} ({legal})"),
        ]
    if last in ("Ltd", "Limited") and "t/a" not in words:
        opts.append(
            (
                "ltd_limited_interchanged",
                " ".join(words[:-1] + ["Limited" if last == "Ltd" else "Ltd"]),
            )
        )
    if last in LEGAL:
        opts.append(("legal_form_omitted", " ".join(words[:-1])))
    if last == "Teoranta":
        opts += [
            ("teoranta_teo_or_ltd", " ".join(words[:-1] + [t])) for t in ("Teo.", "Teo", "Ltd")
        ]
    if last == "DAC":
        opts += [
            ("dac_expanded_or_dropped", " ".join(words[:-1] + [t]))
            for t in ("Designated Activity Company", "D.A.C.")
        ]
    if last == "LLP":
        opts += [("llp_dotted_or_partners", " ".join(words[:-1] + [t])) for t in ("L.L.P.", "Llp")]
    if last == "PLC":
        opts += [
            ("plc_dotted_or_lower", " ".join(words[:-1] + [t]))
            for t in ("plc", "P.L.C.", "Public Limited Company")
        ]
    if last in ("CIC", "CLG"):
        full = {
            "CIC": "Community Interest Company",
            "CLG": "Company Limited by Guarantee",
        }[last]
        opts.append(("cic_or_clg_expanded", " ".join(words[:-1] + [full])))
    if "&" in words:
        opts.append(("and_sign_spelt_out", n.replace(" & ", " and ")))
    if "'s" in n:
        opts.append(("possessive_apostrophe_dropped", n.replace("'s ", "s ")))
    if words[0] == "The":
        opts += [
            ("leading_the_dropped", " ".join(words[1:])),
            ("leading_the_dropped", " ".join(words[1:]) + ", The"),
        ]
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", n) if not unicodedata.combining(ch))
    if folded != n:
        opts += [("fada_stripped", folded)] * 2
    if c["town"] not in n:
        opts += [
            ("own_town_tail", f"{n} - {c['town']}"),
            ("own_town_tail", f"{n} ({c['town']})"),
        ]
    opts += [
        ("ledger_code_prefix", f"{_ledger_code(rng, n)} - {n}"),
        ("ledger_caps_name", n.upper()),
    ]
    if rng.random() < 0.3 or not opts:
        return n, []
    cls, name = rng.choice(opts)
    return name, [cls]
