"""Client names of a UK / Irish public-sector MSP: schools and their trusts, councils, parishes,
charities, colleges, churches, a few businesses; and how the PSA / accounts side writes them."""

from __future__ import annotations

import re
import unicodedata

TOWNS = [
    "Ashford", "Barnsley", "Beverley", "Bridgwater", "Chorley", "Crewe", "Dartford", "Durham",
    "Gosport", "Halifax", "Harlow", "Hexham", "Kendal", "Keswick", "Ludlow", "Malton", "Morpeth",
    "Newbury", "Ormskirk", "Penrith", "Redruth", "Ripon", "Romsey", "Rugby", "Selby", "Settle",
    "Skipton", "Stroud", "Tamworth", "Thirsk", "Totnes", "Truro", "Whitby", "Wigan", "Yeovil",
    "Bideford", "Buxton", "Frome", "Hastings", "Leek", "Louth", "Otley", "Sudbury", "Tiverton",
    "Witney", "Alnwick", "Bakewell", "Cleethorpes", "Dorking", "Evesham", "Falmouth", "Grantham",
    "Hinckley", "Ilkley", "Kettering", "Lydney", "Matlock", "Nantwich", "Oakham", "Pershore",
]  # fmt: skip
IE_TOWNS = [
    "Mullingar", "Ennis", "Tralee", "Clonmel", "Cobh", "Naas", "Athlone", "Dungarvan", "Carlow",
    "Portlaoise", "Tuam", "Bantry", "Ballina", "Navan", "Letterkenny", "Kilkenny",
]  # fmt: skip
IE_COUNCILS = [
    "Dún Laoghaire-Rathdown County Council", "Fingal County Council", "Kildare County Council",
    "Clare County Council", "Kerry County Council", "Laois County Council",
    "Tipperary County Council", "Galway County Council", "Westmeath County Council",
]  # fmt: skip
IE_SCHOOLS = [
    "Gaelscoil Bhríde", "Gaelscoil Uí Riada", "Coláiste Íde", "Coláiste Mhuire", "Scoil Naomh Éanna",
    "Scoil Mhuire gan Smál", "Gaelscoil Áine", "Coláiste Phádraig", "Scoil Bhríde Cailíní",
    "Gaelcholáiste Chiarraí", "Scoil Chaitríona", "Coláiste Bríde",
]  # fmt: skip
CY_SCHOOLS = [
    "Ysgol Gymraeg Tŷ Coch", "Ysgol Gynradd Tŷ Gwyn", "Ysgol Bro Môn", "Ysgol Glan-y-Môr",
    "Ysgol Pen-y-Dŵr", "Ysgol Gymraeg Llwyn-yr-Hwrdd", "Ysgol Gynradd Pont-y-Pŵl", "Ysgol y Gŵyr",
]  # fmt: skip
CY_COUNCILS = [
    "Cyngor Cymuned Tŷ Croes", "Cyngor Tref Llanfair Pwllgwyngyll", "Cyngor Cymuned Glyn Dŵr",
    "Cyngor Tref Porthaethwy",
]  # fmt: skip
SAINTS = [
    "St Mary's", "St Joseph's", "St Peter's", "St John's", "St Anne's", "St Bede's",
    "St Aidan's", "St Michael's", "St Cuthbert's", "St Margaret's", "St Patrick's", "St Brigid's",
    "St Thomas More", "St Hilda's", "St Wilfrid's", "St Oswald's",
]  # fmt: skip
FAITH = ["Catholic", "Church of England", "C of E", "Roman Catholic"]
TRUST_WORDS = [
    "Oakfield", "Riverside", "Northern Star", "Pennine", "Coastal", "Three Spires", "Greenwood",
    "Heartwood", "Vale", "Meridian", "Kingfisher", "Evolve", "Lighthouse", "Bright Futures",
    "Forest", "Compass", "Aspire", "Unity", "Horizon", "Cathedral Schools",
]  # fmt: skip
TRUST_KIND = ["Learning Trust", "Multi Academy Trust", "Education Trust", "Academy Trust"]
MEMBER = ["Primary Academy", "Academy", "Junior School", "Infant School", "Primary School"]
CHARITY = [
    "Food Bank", "Community Transport", "Hospice at Home", "Carers Centre", "Citizens Advice",
    "Youth Project", "Women's Refuge", "Mind", "Wildlife Trust", "Credit Union", "Men's Shed",
    "Age Concern", "Foodshare", "Disability Forum", "Credit Advice Centre", "Scout Group",
]  # fmt: skip
CHARITY_FORM = ["CIO", "Charitable Trust", "Ltd", "Trust", "", "CIO"]
BUSINESS = [
    ("Harlow & Finch", "Solicitors LLP"), ("Greenway", "Dental Practice Ltd"),
    ("Kestrel", "Surveyors Ltd"), ("Blackthorn", "Accountants Ltd"), ("Mill Lane", "Vets Limited"),
    ("Quayside", "Architects LLP"), ("Northgate", "Estate Agents Ltd"), ("Ferncliffe", "Builders Ltd"),
    ("Brightwater", "Opticians Ltd"), ("Castle", "Funeral Directors Ltd"),
    ("Ó Briain", "Engineering Ltd"), ("Mac Giolla", "Pharmacy Limited"),
]  # fmt: skip
PSA_ONLY_HINT = None


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z0-9]", "", strip_accents(s).lower())


def families(rng, n_clients):
    """List of families; each family a list of (canonical, kind). Siblings share a family."""
    out, used = [], set()
    count = 0

    def fresh(name):
        return name not in used

    while count < n_clients:
        r = rng.random()
        fam = []
        t = rng.choice(TOWNS)
        if r < 0.12:  # a multi-academy trust and its member schools
            tw = rng.choice(TRUST_WORDS)
            fam.append((f"{tw} {rng.choice(TRUST_KIND)}", "mat"))
            towns = rng.sample(TOWNS, 3)
            for i in range(rng.choice([2, 2, 3])):
                if rng.random() < 0.3:
                    fam.append(
                        (f"{rng.choice(SAINTS)} {rng.choice(FAITH)} Primary Academy", "primary")
                    )
                else:
                    kind = rng.choice(MEMBER)
                    fam.append(
                        (f"{towns[i]} {kind}", "primary" if "Academy" != kind else "secondary")
                    )
        elif r < 0.28:
            fam.append(
                (
                    f"{t} {rng.choice(['Primary School', 'Junior School', 'Infant School', 'C of E Primary School'])}",
                    "primary",
                )
            )
        elif r < 0.36:
            fam.append(
                (
                    f"{t} {rng.choice(['High School', 'Academy', 'Grammar School', 'Community College'])}",
                    "secondary",
                )
            )
        elif r < 0.42:  # a saint's primary and high school: siblings
            s, f = rng.choice(SAINTS), rng.choice(FAITH)
            fam.append((f"{s} {f} Primary School", "primary"))
            fam.append((f"{s} {f} High School", "secondary"))
        elif r < 0.50:  # Irish schools
            it = rng.choice(IE_TOWNS)
            if rng.random() < 0.5:
                fam.append(
                    (f"{rng.choice(IE_SCHOOLS)}, {it}", rng.choice(["primary", "secondary"]))
                )
            else:
                s = rng.choice(SAINTS)
                fam.append((f"{s} National School, {it}", "primary"))
                if rng.random() < 0.4:
                    fam.append((f"{s} Secondary School, {it}", "secondary"))
        elif r < 0.54:
            fam.append((rng.choice(CY_SCHOOLS), rng.choice(["primary", "secondary"])))
        elif r < 0.59:  # a college and its foundation
            c = f"{t} College"
            fam.append((c, "college"))
            if rng.random() < 0.6:
                fam.append((f"{c} Foundation", "charity"))
        elif r < 0.69:  # councils written every way
            x = rng.random()
            if x < 0.3:
                c = f"Borough Council of {t}"
            elif x < 0.5:
                c = f"City of {t} Council"
            elif x < 0.7:
                c = rng.choice(IE_COUNCILS)
            elif x < 0.85:
                c = f"{t} District Council"
            else:
                c = rng.choice(CY_COUNCILS)
            fam.append((c, "council"))
            if rng.random() < 0.35 and not c.startswith("Cyngor"):
                base = (
                    c.replace("Borough Council of ", "")
                    .replace("City of ", "")
                    .replace(" Council", "")
                )
                fam.append((f"{base} Council Leisure Trust", "charity"))
        elif r < 0.73:  # town / parish councils
            fam.append((f"{t} {rng.choice(['Town Council', 'Parish Council'])}", "parish"))
        elif r < 0.77:  # a parish church and its school
            s = rng.choice(SAINTS).replace("'s", "")
            s2 = (
                s
                if s.endswith("More")
                else s + " the " + rng.choice(["Baptist", "Evangelist", "Apostle", "Great"])
            )
            if "Baptist" in s2 and not s2.startswith("St John"):
                s2 = s
            fam.append((f"Parochial Church Council of {s2}, {t}", "church"))
            if rng.random() < 0.6:
                fam.append((f"{s2} C of E Primary School, {t}", "primary"))
        elif r < 0.89:  # charities
            form, what = rng.choice(CHARITY_FORM), rng.choice(CHARITY)
            if what.endswith("Trust") and "Trust" in form:
                form = "CIO"
            fam.append(((f"{t} {what} {form}").strip(), "charity"))
        elif r < 0.92:  # a school and its PTA / friends
            sch = f"{t} {rng.choice(['Primary School', 'Academy', 'High School'])}"
            fam.append((sch, "primary" if "Primary" in sch else "secondary"))
            fam.append(((f"Friends of {sch}" if rng.random() < 0.5 else f"{sch} PTA"), "pta"))
        else:
            a, b = rng.choice(BUSINESS)
            fam.append((f"{a} {b}" if rng.random() < 0.5 else f"{a} {t} {b}", "business"))
        fam = [(n, k) for n, k in fam if fresh(n)]
        if not fam or len({n for n, _ in fam}) != len(fam):
            continue
        fam = fam[: n_clients - count]
        for n, _ in fam:
            used.add(n)
        out.append(fam)
        count += len(fam)
    return out


CHARITY_NO = ["(Reg. Charity No. {n})", "- Charity No {n}", "(Reg. {n})", "Reg Charity {n}"]


def _council(name, rng):
    m = re.match(r"Borough Council of (.+)$", name)
    if m:
        return f"{m.group(1)} Borough Council"
    m = re.match(r"City of (.+) Council$", name)
    if m:
        return rng.choice([f"{m.group(1)} City Council", f"City of {m.group(1)}"])
    m = re.match(r"(.+) District Council$", name)
    if m:
        return rng.choice([f"District Council of {m.group(1)}", f"{m.group(1)} DC"])
    m = re.match(r"(.+) County Council$", name)
    if m:
        return rng.choice(
            [f"{m.group(1)} Co. Co.", f"County Council of {m.group(1)}", f"{m.group(1)} Co Council"]
        )
    m = re.match(r"Parochial Church Council of (.+), (.+)$", name)
    if m:
        return rng.choice([f"{m.group(1)} PCC, {m.group(2)}", f"PCC of {m.group(1)} {m.group(2)}"])
    return None


def _saint(name, rng):
    if "St " not in name:
        return None
    return name.replace("St ", rng.choice(["Saint ", "St. "]), 1)


def _phase(name, rng):
    subs = [
        (
            "C of E Primary School",
            ["CE Primary", "CofE Primary Sch", "Church of England Primary School"],
        ),
        ("Church of England Primary", ["C of E Primary", "CE Primary"]),
        ("Roman Catholic Primary", ["RC Primary"]),
        ("Roman Catholic High", ["RC High"]),
        ("Catholic Primary School", ["Catholic Primary", "RC Primary School"]),
        ("Catholic High School", ["Catholic High", "RC High School"]),
        ("Primary School", ["Primary Sch", "Primary", "Prim. School"]),
        ("High School", ["High Sch", "High"]),
        ("National School", ["NS", "N.S."]),
        ("Secondary School", ["Secondary", "Sec. School"]),
        ("Junior School", ["Junior Sch", "Juniors"]),
        ("Infant School", ["Infants", "Infant Sch"]),
        ("Community College", ["Comm. College", "Community Coll"]),
        ("Grammar School", ["Grammar"]),
        ("Primary Academy", ["Primary Acad.", "Primary Academy Trust"][:1]),
    ]
    for a, bs in subs:
        if a in name:
            return name.replace(a, rng.choice(bs), 1)
    return None


def _accents(name, rng):
    s = strip_accents(name)
    return s if s != name else None


def _cio(name, rng):
    for a, bs in [
        ("Charitable Trust", ["Char. Trust", "Charitable Tst"]),
        (" CIO", [" C.I.O.", " Charitable Incorporated Organisation"]),
        (" Ltd", [" Limited"]),
    ]:
        if name.endswith(a):
            return name[: -len(a)] + rng.choice(bs)
    return None


def _trust(name, rng):
    for a, b in [("Multi Academy Trust", "MAT"), ("Academy Trust", "Acad. Trust")]:
        if name.endswith(a):
            return name[: -len(a)] + b
    return None


def _pta(name, rng):
    if name.endswith(" PTA"):
        return name[:-4] + rng.choice([" Parent Teacher Association", " P.T.A."])
    if name.startswith("Friends of "):
        return name + rng.choice([" (PTA)", " - FOS"])
    return None


def _limited(name, rng):
    for a, bs in [
        ("Ltd", ["Limited", "Ltd.", "Limtied", "LTD"]),
        ("Limited", ["Ltd", "Limted"]),
        ("LLP", ["L.L.P.", "Llp"]),
    ]:
        if name.endswith(a):
            return name[: -len(a)] + rng.choice(bs)
    return None


TRANSFORMS = [
    ("council_name_order_turned", _council),
    ("saint_form_respelled", _saint),
    ("school_phase_word_clipped", _phase),
    ("irish_welsh_accents_flattened", _accents),
    ("charity_form_word_swapped", _cio),
    ("trust_kind_initialised", _trust),
    ("pta_friends_respelled", _pta),
    ("legal_suffix_rewritten_uk", _limited),
]
TAILS = [
    " - Bursar",
    " (Finance Office)",
    " - School Business Manager",
    " c/o Finance Dept",
    " - Clerk",
]


def psa_name(canonical, kind, mat_name, charity_no, rng):
    """(PSA spelling, classes) for one client."""
    name, cls = canonical, []
    opts = [(c, f) for c, f in TRANSFORMS if f(canonical, rng) is not None]
    if opts and rng.random() < 0.72:
        c, f = opts[rng.randrange(len(opts))]
        name = f(name, rng)
        cls.append(c)
    if charity_no and rng.random() < 0.5:
        name = f"{name} " + rng.choice(CHARITY_NO).format(n=charity_no)
        cls.append("charity_number_in_name")
    if mat_name and rng.random() < 0.5:
        name = f"{name} ({mat_name})"
        cls.append("trust_named_after_school")
    if kind in ("primary", "secondary", "college", "parish", "mat") and rng.random() < 0.12:
        name += rng.choice(TAILS)
        cls.append("bursar_clerk_tail")
    if rng.random() < 0.06:
        name = name.upper()
        cls.append("accounts_caps_import")
    return name, cls
