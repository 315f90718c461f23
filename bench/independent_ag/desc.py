"""How people in set AG's regions type a product on a PSA / accounting line (description classes)."""

from __future__ import annotations

import re

from .catalog import BY_KEY, INHOUSE, KATAKANA, LOCAL_EDITION, LOCAL_WORDS
from .names import strip_accents

WRAP = {  # class, monthly templates, annual templates
    "pt": (
        "ptbr_licenca_mensal_wrap",
        [
            "Licença {p} - mensal por usuário",
            "Assinatura {p} (mensal)",
            "{p} - licença mensal",
            "Mensalidade {p} por usuário",
            "Licenciamento {p} mensal",
        ],
        ["Licença {p} - anual", "Assinatura anual {p}", "{p} - plano anual"],
    ),
    "es": (
        "es_latam_suscripcion_wrap",
        [
            "Suscripción mensual {p}",
            "Licencia {p} - mensual por usuario",
            "{p} (licencia mensual)",
            "Renta mensual {p}",
            "Licenciamiento {p} x usuario/mes",
        ],
        ["Suscripción anual {p}", "Licencia {p} - anual", "{p} (plan anual)"],
    ),
    "ja": (
        "ja_raisensu_getsugaku_wrap",
        [
            "{p} ライセンス 月額",
            "{p}（月額）",
            "{p} 月額利用料",
            "{p} ライセンス料 1ユーザー",
            "{p} 月額ライセンス",
        ],
        ["{p} ライセンス 年額", "{p}（年額）", "{p} 年間ライセンス"],
    ),
    "zh": (
        "zh_xukezheng_anyue_wrap",
        ["{p} 许可证（按月）", "{p} 月度订阅", "{p} 每用户每月", "{p} 授权费（月付）"],
        ["{p} 许可证（按年）", "{p} 年度订阅"],
    ),
    "zht": (
        "zht_shouquan_yuejiao_wrap",
        ["{p} 授權（月繳）", "{p} 月租授權", "{p} 每用戶每月"],
        ["{p} 授權（年繳）", "{p} 年度授權"],
    ),
    "id": (
        "id_langganan_bulanan_wrap",
        [
            "Langganan {p} per pengguna/bulan",
            "Lisensi {p} bulanan",
            "Biaya langganan {p}",
            "{p} - sewa lisensi per bulan",
        ],
        ["Langganan {p} tahunan", "Lisensi {p} per tahun"],
    ),
    "ms": (
        "ms_yuran_langganan_wrap",
        ["Langganan {p} bulanan", "Lesen {p} (bulanan)", "Yuran bulanan {p}"],
        ["Langganan {p} tahunan", "Lesen {p} (tahunan)"],
    ),
    "tr": (
        "tr_lisans_aylik_wrap",
        [
            "{p} lisansı aylık",
            "{p} aylık abonelik",
            "{p} kullanıcı lisansı (aylık)",
            "{p} lisans bedeli - aylık",
        ],
        ["{p} lisansı yıllık", "{p} yıllık abonelik"],
    ),
    "en": (
        "en_regional_billing_words",
        [
            "{p} licence - per user p.m.",
            "{p} subscription charges for the month",
            "Being charges for {p} licences",
            "{p} monthly licence fee",
            "{p} - per user / month",
        ],
        ["{p} annual licence", "{p} subscription charges for the year"],
    ),
}
SEAT_WORD = {
    "pt": "{n} usuários",
    "es": "{n} usuarios",
    "ja": "{n}名",
    "zh": "{n}用户",
    "zht": "{n}用戶",
    "id": "{n} pengguna",
    "ms": "{n} pengguna",
    "tr": "{n} kullanıcı",
    "en": "{n} users",
}
PERIOD_TAIL = {
    "pt": ["nov/2026", "ref. 11/2026", "competência 11/2026"],
    "es": ["nov-2026", "periodo noviembre 2026", "11/2026"],
    "ja": ["2026年11月分", "11月分", "令和8年11月分"],
    "zh": ["2026年11月", "11月份"],
    "zht": ["2026年11月", "115年11月"],
    "id": ["Nopember 2026", "periode Nov 2026"],
    "ms": ["Nov 2026", "bulan November 2026"],
    "tr": ["Kasım 2026", "2026/11 dönemi"],
    "en": ["Nov-26", "for Nov 2026", "(01/11/2026 - 30/11/2026)"],
}
TAX_NOTE = {
    "pt": ["+ impostos", "(sem ISS)"],
    "es": ["+ IVA", "más IVA", "IVA no incluido"],
    "ja": ["(税抜)", "税別"],
    "zh": ["（不含税）", "未税"],
    "zht": ["（未稅）"],
    "id": ["belum termasuk PPN", "(exc. PPN)"],
    "ms": ["tidak termasuk SST"],
    "tr": ["KDV hariç", "+KDV"],
    "en": ["excl. GST", "(excl. VAT)", "plus tax"],
}
MONEY_PER_USER = {
    "pt": "/usuário",
    "es": "/usuario",
    "ja": "/名",
    "zh": "/用户",
    "zht": "/用戶",
    "id": "/pengguna",
    "ms": "/pengguna",
    "tr": "/kullanıcı",
    "en": "/user",
}

SERVICES = {
    "pt": [
        "Suporte técnico mensal",
        "Mão de obra - instalação",
        "Visita técnica",
        "Monitoramento de servidores",
        "Notebook Dell Latitude 5440",
        "Pacote de horas de suporte",
    ],
    "es": [
        "Soporte técnico mensual",
        "Mano de obra",
        "Visita técnica",
        "Mesa de ayuda (bolsa de horas)",
        "Disco SSD 1TB",
        "Póliza de mantenimiento mensual",
    ],
    "ja": ["保守サポート", "訪問作業費", "設定作業", "ヘルプデスク月額", "ノートPC 本体", "出張費"],
    "zh": ["技术支持服务", "上门服务费", "安装调试", "IT运维服务（按月）", "笔记本电脑"],
    "zht": ["技術支援服務", "到府服務費", "安裝設定"],
    "id": [
        "Jasa instalasi",
        "Jasa support bulanan",
        "Kunjungan teknisi",
        "Laptop Lenovo ThinkPad",
        "Biaya maintenance jaringan",
    ],
    "ms": [
        "Caj sokongan teknikal",
        "Khidmat pemasangan",
        "Lawatan juruteknik",
        "Caj penyelenggaraan",
    ],
    "tr": [
        "Kurulum hizmeti",
        "Teknik destek (aylık)",
        "Yerinde servis",
        "Donanım: Dizüstü bilgisayar",
        "Sistem bakım bedeli",
    ],
    "en": [
        "Managed IT support - monthly retainer",
        "Onsite visit charges",
        "Installation charges",
        "AMC - annual maintenance contract (monthly)",
        "Laptop - Lenovo ThinkPad E14",
    ],
}
SERVICE_LIKE = {
    "pt": "Instalação Microsoft 365 (mão de obra)",
    "es": "Migración a Microsoft 365 - mano de obra",
    "ja": "Microsoft 365 設定作業",
    "zh": "Microsoft 365 迁移服务",
    "zht": "Microsoft 365 移轉服務",
    "id": "Jasa migrasi Microsoft 365",
    "ms": "Khidmat migrasi Microsoft 365",
    "tr": "Microsoft 365 kurulum hizmeti",
    "en": "Microsoft 365 setup charges (labour)",
}


def fullwidth(s):
    return "".join(
        chr(ord(c) + 0xFEE0)
        if ("0" <= c <= "9" or "A" <= c <= "z" and c.isalpha())
        else ("\u3000" if c == " " else c)
        for c in s
    )


def _toks(s):
    return set(re.findall(r"[a-z0-9]+", strip_accents(s).lower()))


def unambiguous(core, key, basket):
    """A shortened form is used only when no other product the client buys carries its words."""
    t = _toks(core)
    if not t:
        return True
    for k in basket:
        if k != key and t <= _toks(BY_KEY[k].name):
            return False
    return True


def typo(word, rng):
    i = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i + 1 :]


def describe(key, lang, basket, rng, yearly=False, qty=1, unit_text=None):
    """Return (text, classes) for a PSA licence line of product `key`."""
    p = BY_KEY[key]
    cls = []
    name = p.name
    core = name
    r = rng.random()
    loc = LOCAL_EDITION.get(lang, {})
    localisable = [k for k in loc if k in name and loc[k] != k]
    words3p = (
        [w for w in LOCAL_WORDS.get(lang, {}) if re.search(r"\b%s\b" % w, name)]
        if p.maker != "Microsoft"
        else []
    )
    brandless = name[len(p.brand) :].strip(" -") if p.brand and name.startswith(p.brand) else ""
    if r < 0.24:
        pass
    elif r < 0.40 and localisable:
        core = name
        for k in localisable:
            core = core.replace(k, loc[k])
        if rng.random() < 0.4 and p.brand == "Microsoft 365":
            core = core.replace("Microsoft 365", "M365")
        cls.append("ms_edition_in_local_words")
    elif r < 0.55 and p.abbrevs:
        core = rng.choice(p.abbrevs)
        if "(no Teams)" in name and lang in loc and "(no Teams)" in loc:
            core = core.replace("no Teams", loc["(no Teams)"])
        cls.append("staff_abbreviation_regional")
    elif r < 0.66 and brandless and unambiguous(brandless, key, basket):
        core = brandless
        cls.append("brand_left_out_regional")
    elif (
        r < 0.72
        and p.bare
        and unambiguous(p.bare[0], key, basket)
        and not any(k != key and p.bare[0] in BY_KEY[k].bare for k in basket)
    ):
        core = p.bare[0]
        cls.append("bare_plan_as_typed")
    elif (
        r < 0.78
        and p.concept in INHOUSE
        and sum(BY_KEY[k].concept == p.concept for k in basket) == 1
    ):
        core = INHOUSE[p.concept].get(
            lang, INHOUSE[p.concept]["en"] if lang != "zht" else INHOUSE[p.concept]["zh"]
        )
        cls.append("inhouse_name_in_local_tongue")
    elif r < 0.86 and words3p:
        core = name
        for w in words3p:
            core = re.sub(r"\b%s\b" % w, LOCAL_WORDS[lang][w], core)
        cls.append("maker_words_localised")
    elif r < 0.90 and lang == "ja":
        ws = name.split()
        if any(w in KATAKANA for w in ws):
            core = " ".join(KATAKANA.get(w, w) for w in ws)
            cls.append("katakana_product_reading")
    # typo in a product word
    if rng.random() < 0.07:
        ws = core.split(" ")
        idx = [i for i, w in enumerate(ws) if len(w) >= 6 and w.isascii() and w.isalpha()]
        if idx:
            i = rng.choice(idx)
            ws[i] = typo(ws[i], rng)
            core = " ".join(ws)
            cls.append("one_letter_slip_product_word")
    if lang in ("ja", "zh", "zht") and rng.random() < 0.25:
        core = fullwidth(core)
        cls.append("zenkaku_alnum_in_desc")
    wcls, mon, ann = WRAP[lang]
    text = core
    if yearly:
        text = rng.choice(ann).format(p=core)
        cls.append("annual_word_local_tongue")
    elif rng.random() < (0.75 if lang != "en" else 0.5):
        text = rng.choice(mon).format(p=core)
        cls.append(wcls)
    x = rng.random()
    if x < 0.06:
        text = f"{text} {rng.choice(PERIOD_TAIL[lang])}"
        cls.append("period_tail_native_date")
    elif x < 0.11 and qty > 1:
        sw = SEAT_WORD[lang].format(n=qty)
        text = f"{text} - {sw}" if rng.random() < 0.5 else f"{sw} {text}"
        cls.append("seat_count_local_word")
    elif x < 0.15 and unit_text:
        text = f"{text} {unit_text}{MONEY_PER_USER[lang]}"
        cls.append("unit_price_typed_local_format")
    elif x < 0.19:
        text = f"{text} {rng.choice(TAX_NOTE[lang])}"
        cls.append("tax_note_typed_in_desc")
    if lang in ("pt", "es", "tr") and rng.random() < 0.08 and strip_accents(text) != text:
        text = strip_accents(text)
        cls.append("billing_words_accentless")
    return text, cls


def service_text(lang, rng, like_product=False):
    if like_product:
        return SERVICE_LIKE[lang]
    return rng.choice(SERVICES[lang])
