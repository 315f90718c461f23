"""PSA descriptions of set AB: one house style per PSA file, slips, and the description classes."""

from __future__ import annotations

import re

from .names import homoglyph

HOUSE = [
    "hs_category_colon_prefix",
    "hs_edition_lead_en_dash",
    "hs_sentence_case_licence_word",
    "hs_staff_nickname",
]

UNIT_WORD = {
    "user": "user",
    "device": "endpoint",
    "server": "server",
    "room": "room",
    "pack": "pack",
}
LANG = {
    "desc_in_spanish": "Licencia {t} (mensual)",
    "desc_in_italian": "Canone {t} - mensile",
    "desc_in_polish": "Licencja {t} - abonament miesięczny",
    "desc_in_portuguese": "Assinatura {t} (mensal)",
    "desc_in_turkish": "{t} lisansı (aylık)",
    "desc_in_czech": "Licence {t} - měsíční předplatné",
}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _sentence(name):
    out = []
    for i, w in enumerate(name.split(" ")):
        keep = (
            any(ch.isdigit() for ch in w)
            or (w.isupper() and len(w) > 1)
            or (sum(ch.isupper() for ch in w) > 1 and not w.isupper())
            or w in ("&",)
        )
        out.append(w if keep or i == 0 else w.lower())
    return " ".join(out)


def house(p, style):
    if style == "hs_category_colon_prefix":
        return f"{p.cat}: {p.name}"
    if style == "hs_edition_lead_en_dash":
        if (
            not p.edition
            or p.edition.startswith("for ")
            or (p.base == "Microsoft 365" and p.edition == "Copilot")
        ):
            return p.name
        return f"{p.edition} \u2013 {p.base}"
    if style == "hs_sentence_case_licence_word":
        return _sentence(p.name) + " licence"
    return p.staff


def _cut_ok(text, p, n):
    if len(text) <= n + 3 or not (text[n - 1].isalpha() and text[n].isalpha()):
        return False
    head = text[:n]
    return all(w in head for w in (p.edition or p.name).split() if len(w) > 0)


def text_classes(text, p, q, ctx, rng):
    """the applicable ordinary description classes: list of (class, new text)."""
    o = []
    o.append(("seat_count_x_prefix", f"{q} x {text}"))
    if q == 1:
        o.append(
            (
                "named_user_tail",
                f"{text} - {rng.choice(['J. Okafor', 'M. Tuilagi', 'S. Brennan', 'L. Haddad'])}",
            )
        )
    o.append(("cost_centre_tag", f"{text} [CC {rng.randint(1000, 9899)}]"))
    o.append(("project_code_prefix", f"PRJ-{rng.randint(2100, 2999)} / {text}"))
    for n in (30, 40):
        if _cut_ok(text, p, n):
            o.append(("cut_at_30_or_40_midword", text[:n]))
            break
    o.append(("cyrillic_homoglyph_desc", homoglyph(text, rng, 2)))
    if re.search(r"\d", text):
        o.append(("fullwidth_digits", text.translate(FULLWIDTH)))
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if long:
        i = rng.choice(long)
        w = words[i]
        words2 = list(words)
        words2[i] = w[:3] + "\u2060" + w[3:]
        o.append(("word_joiner_inside", " ".join(words2)))
    o.append(("nbsp_word_gaps", text.replace(" ", "\u00a0")))
    o.append(("caps_lock_line", text.upper()))
    if p.cat == "Cloud PC":
        m = re.match(r"(\d+) vCPU (\d+) GB (\d+) GB", p.edition)
        o.append(
            ("cloudpc_spec_slashes", f"Cloud PC {m.group(1)}vCPU/{m.group(2)}GB/{m.group(3)}GB")
        )
    o.append(("unit_basis_reworded", f"{text} /{UNIT_WORD[p.unit]}/mo"))
    long_ed = [w for w in p.edition.split() if len(w) >= 7 and w.isalpha()]
    if long_ed and p.edition in text:
        ed = " ".join(w[:4] + "." if w in long_ed else w for w in p.edition.split())
        o.append(("edition_word_clipped", text.replace(p.edition, ed)))
    o.append(("ticket_ref_tail", f"{text} (T202610{rng.randint(10, 31)}.{rng.randint(1, 99):04d})"))
    o.append(
        (
            "renews_on_date_tail",
            f"{text} - renews {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2027",
        )
    )
    o.append(("unit_price_in_text", f"{text} @ {ctx['price']}/{UNIT_WORD[p.unit]}"))
    o.append(("bullet_glyph_prefix", rng.choice(["\u2022 ", "\u25aa ", "\u2013 "]) + text))
    if "&" in text:
        o.append(("ampersand_as_and_or_plus", text.replace("&", rng.choice(["and", "+"]))))
    if p.maker != "Microsoft":
        o.append(
            (
                "licence_key_fragment",
                f"{text} (key {rng.randint(1000, 9999)}-XXXX-{rng.randint(1000, 9999)})",
            )
        )
        o.append(("maker_part_number_tail", f"{text} (MPN {p.sku}-1M)"))
    else:
        o.append(("onmicrosoft_domain_tail", f"{text} - {ctx['tenant']}.onmicrosoft.com"))
        o.append(
            (
                "ex_trial_converted_tail",
                f"{text} (converted from trial {rng.randint(1, 28):02d}/10)",
            )
        )
    return o
