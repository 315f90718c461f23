"""Products an education / public-sector / charity MSP in the UK and Ireland resells.

Names are Microsoft's (microsoft_product_names.csv) or the maker's own; monthly partner costs are
made up but plausible. Each product lists how billing staff type it: (text, conflicts,
needs_context, class). A spelling is used for a client only when the client holds none of its
``conflicts`` on either side; ``needs_context`` spellings only where the vendor bill carries the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Product:
    key: str
    name: str
    maker: str
    code: str  # Partner Center style id (made up in Microsoft's pattern where not public)
    cost: Decimal  # monthly partner cost
    kind: str  # edu / npo / com / 3p
    spellings: list = field(default_factory=list)

    @property
    def free(self):
        return self.cost == 0


P = []


def add(key, name, maker, code, cost, kind, spellings):
    P.append(Product(key, name, maker, code, Decimal(cost), kind, spellings))


# class names of the description perturbations
LOCAL = "edu_market_local_word"
UNSAID = "edu_sole_market_unsaid"
SHORT = "edu_plan_shorthand"
SUB = "sub_benefit_wording"
GRANT = "nonprofit_grant_wording"
TP = "thirdparty_product_as_typed"
GOVW = "council_staff_suite_name"
BARE = "ms_brand_left_off"

A3F_ALL = ("o365a3f",)
FAC_STU = {
    "o365a1f": ("o365a1s", "o365a1ps", "o365a1pf"),
    "o365a1s": ("o365a1f", "o365a1ps", "o365a1pf"),
}

add(
    "o365a1f",
    "Office 365 A1 for faculty",
    "Microsoft",
    "CFQ7TTC0LJ1L:0001",
    "0.00",
    "edu",
    [
        ("Office 365 A1 Teachers", ("o365a1pf",), False, LOCAL),
        ("O365 A1 staff", ("o365a1pf",), False, SHORT),
        ("Office 365 A1", ("o365a1s", "o365a1pf", "o365a1ps"), True, UNSAID),
        ("O365 A1 Fac (free)", ("o365a1pf",), False, SHORT),
    ],
)
add(
    "o365a1s",
    "Office 365 A1 for students",
    "Microsoft",
    "CFQ7TTC0LJ1L:0002",
    "0.00",
    "edu",
    [
        ("Office 365 A1 Pupils", ("o365a1ps",), False, LOCAL),
        ("O365 A1 students", ("o365a1ps",), False, SHORT),
        ("Office 365 A1 Learners", ("o365a1ps",), False, LOCAL),
        ("Office 365 A1", ("o365a1f", "o365a1pf", "o365a1ps"), True, UNSAID),
    ],
)
add(
    "o365a1pf",
    "Office 365 A1 Plus for faculty",
    "Microsoft",
    "CFQ7TTC0LJ1M:0001",
    "1.60",
    "edu",
    [
        ("O365 A1+ staff", (), False, SHORT),
        ("Office 365 A1 Plus - Teachers", (), False, LOCAL),
        ("O365 A1+", ("o365a1ps",), True, UNSAID),
        ("A1 Plus Educators", (), False, LOCAL),
    ],
)
add(
    "o365a1ps",
    "Office 365 A1 Plus for students",
    "Microsoft",
    "CFQ7TTC0LJ1M:0002",
    "0.90",
    "edu",
    [
        ("O365 A1+ students", (), False, SHORT),
        ("Office 365 A1 Plus Pupils", (), False, LOCAL),
        ("A1 Plus Learners", (), False, LOCAL),
        ("O365 A1 Plus", ("o365a1pf",), True, UNSAID),
    ],
)
add(
    "o365a3f",
    "Office 365 A3 for faculty",
    "Microsoft",
    "CFQ7TTC0LJ1N:0001",
    "2.30",
    "edu",
    [
        ("O365 A3 staff", (), False, SHORT),
        ("Office 365 A3 Teachers", (), False, LOCAL),
        ("O365 A3 Fac", (), False, SHORT),
        ("Office 365 A3", ("o365a3s",), True, UNSAID),
    ],
)
add(
    "o365a3s",
    "Office 365 A3 for students",
    "Microsoft",
    "CFQ7TTC0LJ1N:0002",
    "1.90",
    "edu",
    [
        ("O365 A3 students", (), False, SHORT),
        ("Office 365 A3 Pupils", (), False, LOCAL),
        ("O365 A3 Stu", (), False, SHORT),
        ("Office 365 A3", ("o365a3f",), True, UNSAID),
    ],
)
add(
    "m365a3f",
    "Microsoft 365 A3 for faculty",
    "Microsoft",
    "CFQ7TTC0LJ1P:0001",
    "5.90",
    "edu",
    [
        ("A3 staff", ("o365a3f",), True, SHORT),
        ("M365 A3 Fac", (), False, SHORT),
        ("Microsoft 365 A3 - Teachers", (), False, LOCAL),
        ("M365 A3", ("m365a3s", "m365a3sub"), True, UNSAID),
        ("Microsoft 365 A3 Educators", (), False, LOCAL),
    ],
)
add(
    "m365a3s",
    "Microsoft 365 A3 for students",
    "Microsoft",
    "CFQ7TTC0LJ1P:0002",
    "2.80",
    "edu",
    [
        ("A3 students", ("o365a3s", "m365a3sub"), True, SHORT),
        ("M365 A3 Pupils (paid)", (), False, LOCAL),
        ("Microsoft 365 A3 Learners - paid", (), False, LOCAL),
        ("M365 A3", ("m365a3f", "m365a3sub"), True, UNSAID),
    ],
)
add(
    "m365a3sub",
    "Microsoft 365 A3 for students use benefit",
    "Microsoft",
    "CFQ7TTC0LJ1P:0003",
    "0.00",
    "edu",
    [
        ("M365 A3 Student Use Benefit", (), False, SUB),
        ("A3 SUB (pupils)", (), False, SUB),
        ("Student Use Benefit - A3", ("m365a5sub",), False, SUB),
        ("M365 A3 students (free)", ("m365a3s",), False, SUB),
    ],
)
add(
    "m365a5f",
    "Microsoft 365 A5 for faculty",
    "Microsoft",
    "CFQ7TTC0LJ1Q:0001",
    "10.30",
    "edu",
    [
        ("A5 staff", ("o365a5f",), True, SHORT),
        ("M365 A5 Fac", (), False, SHORT),
        ("Microsoft 365 A5 Teachers", (), False, LOCAL),
        ("M365 A5", ("m365a5s", "m365a5sub"), True, UNSAID),
    ],
)
add(
    "m365a5s",
    "Microsoft 365 A5 for students",
    "Microsoft",
    "CFQ7TTC0LJ1Q:0002",
    "7.60",
    "edu",
    [
        ("A5 students", ("m365a5sub",), True, SHORT),
        ("M365 A5 Pupils (paid)", (), False, LOCAL),
        ("M365 A5 Stu", ("m365a5sub",), False, SHORT),
    ],
)
add(
    "m365a5sub",
    "Microsoft 365 A5 for students use benefit",
    "Microsoft",
    "CFQ7TTC0LJ1Q:0003",
    "0.00",
    "edu",
    [
        ("M365 A5 Student Use Benefit", (), False, SUB),
        ("A5 SUB learners", (), False, SUB),
        ("Student Use Benefit - A5", ("m365a3sub",), False, SUB),
    ],
)
add(
    "meef",
    "Minecraft Education Faculty",
    "Microsoft",
    "CFQ7TTC0LJ2A:0001",
    "0.42",
    "edu",
    [
        ("Minecraft Edu - staff", (), False, LOCAL),
        ("Minecraft Education (Teachers)", (), False, LOCAL),
        ("Minecraft Education", ("mees",), True, UNSAID),
    ],
)
add(
    "mees",
    "Minecraft Education Student",
    "Microsoft",
    "CFQ7TTC0LJ2A:0002",
    "0.38",
    "edu",
    [
        ("Minecraft Edu - pupils", (), False, LOCAL),
        ("Minecraft Education (Learners)", (), False, LOCAL),
        ("Minecraft Education", ("meef",), True, UNSAID),
    ],
)
add(
    "intedu",
    "Intune for Education",
    "Microsoft",
    "CFQ7TTC0LJ2B:0001",
    "0.85",
    "edu",
    [
        ("Intune Edu", (), False, SHORT),
        ("Intune for Edu - per device", (), False, SHORT),
        ("MS Intune for Education", (), False, SHORT),
    ],
)
add(
    "mdep1edu",
    "Microsoft Defender for Endpoint P1 for EDU",
    "Microsoft",
    "CFQ7TTC0LJ2C:0001",
    "1.90",
    "edu",
    [
        ("Defender for Endpoint P1 (EDU)", (), False, SHORT),
        ("MDE P1 Education", (), False, SHORT),
        ("Defender Endpoint P1 - schools", (), False, LOCAL),
    ],
)
add(
    "mtrpedu",
    "Microsoft Teams Rooms Pro for EDU",
    "Microsoft",
    "CFQ7TTC0LJ2D:0001",
    "3.40",
    "edu",
    [
        ("Teams Rooms Pro (EDU)", (), False, SHORT),
        ("MTR Pro Education", (), False, SHORT),
        ("Teams Rooms Pro", ("mtrp",), True, BARE),
    ],
)
add(
    "bpdon",
    "Microsoft 365 Business Premium Donation",
    "Microsoft",
    "CFQ7TTC0LCHC:0007",
    "0.00",
    "npo",
    [
        ("BP nonprofit grant", ("bpnpo",), False, GRANT),
        ("Business Premium (donated)", (), False, GRANT),
        ("M365 BP - charity grant (10 free)", (), False, GRANT),
        ("Microsoft 365 Business Premium Grant", (), False, GRANT),
    ],
)
add(
    "bpnpo",
    "Microsoft 365 Business Premium (Nonprofit Staff Pricing)",
    "Microsoft",
    "CFQ7TTC0LCHC:0006",
    "4.30",
    "npo",
    [
        ("Business Premium - Charity", ("bpdon",), False, GRANT),
        ("M365 BP nonprofit (paid seats)", (), False, GRANT),
        ("Business Premium Nonprofit", ("bpdon",), False, GRANT),
        ("Microsoft 365 Business Premium - charity pricing", (), False, GRANT),
    ],
)
add(
    "bbnpo",
    "Microsoft 365 Business Basic (Nonprofit Staff Pricing)",
    "Microsoft",
    "CFQ7TTC0LH18:0005",
    "1.50",
    "npo",
    [
        ("Business Basic - Charity", (), False, GRANT),
        ("M365 Basic nonprofit", (), False, GRANT),
        ("Microsoft 365 Business Basic (Charity)", (), False, GRANT),
    ],
)
add(
    "bp",
    "Microsoft 365 Business Premium",
    "Microsoft",
    "CFQ7TTC0LCHC:0002",
    "16.60",
    "com",
    [
        ("M365 Business Premium", ("bpnpo", "bpdon"), False, BARE),
        ("Business Premium", ("bpnpo", "bpdon"), True, BARE),
        ("M365 BP (commercial)", (), False, BARE),
    ],
)
add(
    "bb",
    "Microsoft 365 Business Basic",
    "Microsoft",
    "CFQ7TTC0LH18:0001",
    "4.90",
    "com",
    [
        ("M365 Business Basic", ("bbnpo",), False, BARE),
        ("Business Basic", ("bbnpo",), True, BARE),
    ],
)
add(
    "bs",
    "Microsoft 365 Business Standard",
    "Microsoft",
    "CFQ7TTC0LDPB:0001",
    "10.30",
    "com",
    [
        ("M365 Business Standard", (), False, BARE),
        ("Business Standard", (), True, BARE),
        ("M365 Bus Std", (), False, BARE),
    ],
)
add(
    "m365e3",
    "Microsoft 365 E3",
    "Microsoft",
    "CFQ7TTC0LFLX:0001",
    "30.80",
    "com",
    [
        ("M365 E3", (), False, GOVW),
        ("Microsoft E3 - officers", (), False, GOVW),
        ("E3", ("o365e3",), True, GOVW),
    ],
)
add(
    "o365e3",
    "Office 365 E3",
    "Microsoft",
    "CFQ7TTC0LF8Q:0001",
    "19.50",
    "com",
    [
        ("O365 E3", (), False, GOVW),
        ("Office E3", (), False, GOVW),
        ("E3", ("m365e3",), True, GOVW),
    ],
)
add(
    "o365e1",
    "Office 365 E1",
    "Microsoft",
    "CFQ7TTC0LF8R:0001",
    "8.20",
    "com",
    [
        ("O365 E1", (), False, GOVW),
        ("Office E1 - councillors", (), False, GOVW),
        ("E1", (), True, GOVW),
    ],
)
add(
    "m365f3",
    "Microsoft 365 F3",
    "Microsoft",
    "CFQ7TTC0LGZT:0001",
    "6.50",
    "com",
    [
        ("M365 F3 frontline", (), False, GOVW),
        ("F3 - depot & frontline staff", (), True, GOVW),
        ("Microsoft F3", (), False, GOVW),
    ],
)
add(
    "exo1",
    "Exchange Online (Plan 1)",
    "Microsoft",
    "CFQ7TTC0LH16:0001",
    "3.30",
    "com",
    [
        ("Exchange Online P1", (), False, BARE),
        ("EXO Plan 1 mailbox", (), False, BARE),
        ("Exchange Plan 1", ("exo2",), False, BARE),
    ],
)
add(
    "exo2",
    "Exchange Online (Plan 2)",
    "Microsoft",
    "CFQ7TTC0LH1P:0001",
    "6.60",
    "com",
    [
        ("Exchange Online P2", (), False, BARE),
        ("EXO Plan 2 mailbox", (), False, BARE),
    ],
)
add(
    "mdb",
    "Microsoft Defender for Business",
    "Microsoft",
    "CFQ7TTC0LCHL:0001",
    "2.50",
    "com",
    [
        ("Defender for Business", (), False, BARE),
        ("MS Defender Business", (), False, BARE),
    ],
)
add(
    "mdep1",
    "Microsoft Defender for Endpoint P1",
    "Microsoft",
    "CFQ7TTC0LCH4:0001",
    "2.70",
    "com",
    [
        ("Defender for Endpoint P1", ("mdep1edu",), False, BARE),
        ("MDE P1 (commercial)", (), False, BARE),
    ],
)
add(
    "mtrp",
    "Microsoft Teams Rooms Pro",
    "Microsoft",
    "CFQ7TTC0QW7C:0001",
    "33.60",
    "com",
    [
        ("Teams Rooms Pro - council chamber", ("mtrpedu",), False, BARE),
        ("MTR Pro", ("mtrpedu",), True, BARE),
    ],
)
add(
    "swf",
    "Smoothwall Filter",
    "Smoothwall",
    "SW-FILTER",
    "0.45",
    "3p",
    [
        ("Smoothwall web filtering (per pupil)", (), False, TP),
        ("Smoothwall filter - KCSIE", (), False, TP),
        ("Web filtering (Smoothwall)", (), False, TP),
    ],
)
add(
    "swm",
    "Smoothwall Monitor",
    "Smoothwall",
    "SW-MONITOR",
    "0.62",
    "3p",
    [
        ("Smoothwall safeguarding monitor", (), False, TP),
        ("Smoothwall Monitor - managed", (), False, TP),
        ("Safeguarding monitoring (Smoothwall)", (), False, TP),
    ],
)
add(
    "jamfs",
    "Jamf School",
    "Jamf",
    "JAMF-SCHOOL",
    "0.80",
    "3p",
    [
        ("Jamf School iPad MDM", (), False, TP),
        ("iPad management - Jamf School", (), False, TP),
        ("JAMF school", (), False, TP),
    ],
)
add(
    "keepb",
    "Keeper Business",
    "Keeper Security",
    "KPR-BUS",
    "3.20",
    "3p",
    [
        ("Keeper password manager (Business)", (), False, TP),
        ("Keeper Bus.", (), False, TP),
        ("Keeper", ("keepe",), True, TP),
    ],
)
add(
    "keepe",
    "Keeper Enterprise",
    "Keeper Security",
    "KPR-ENT",
    "4.40",
    "3p",
    [
        ("Keeper password manager (Enterprise)", (), False, TP),
        ("Keeper Ent", (), False, TP),
        ("Keeper", ("keepb",), True, TP),
    ],
)
add(
    "adobenu",
    "Adobe Creative Cloud All Apps for Education - Named User",
    "Adobe",
    "65297615BA",
    "3.80",
    "3p",
    [
        ("Adobe CC All Apps - named staff", (), False, TP),
        ("Creative Cloud EDU named user", (), False, TP),
        ("Adobe CC (named)", (), False, TP),
    ],
)
add(
    "adobesd",
    "Adobe Creative Cloud All Apps for Education - Shared Device",
    "Adobe",
    "65297616BA",
    "2.60",
    "3p",
    [
        ("Adobe CC All Apps - art room shared devices", (), False, TP),
        ("Creative Cloud EDU shared device", (), False, TP),
        ("Adobe CC (lab)", (), False, TP),
    ],
)
add(
    "acr365",
    "Acronis Cyber Protect Cloud - Microsoft 365 Seat",
    "Acronis",
    "ACR-CPC-M365",
    "0.95",
    "3p",
    [
        ("Acronis M365 backup (per seat)", (), False, TP),
        ("Office 365 backup - Acronis", (), False, TP),
        ("Acronis Microsoft 365 seat", (), False, TP),
    ],
)
add(
    "acrws",
    "Acronis Cyber Protect Cloud - Workstation",
    "Acronis",
    "ACR-CPC-WS",
    "2.40",
    "3p",
    [
        ("Acronis workstation backup", (), False, TP),
        ("Acronis CPC Workstation", (), False, TP),
    ],
)
add(
    "zoomp",
    "Zoom Workplace Pro",
    "Zoom",
    "ZM-WP-PRO",
    "11.20",
    "3p",
    [
        ("Zoom Pro", (), False, TP),
        ("Zoom Workplace - Pro licence", (), False, TP),
        ("Zoom", ("zoomb",), True, TP),
    ],
)
add(
    "zoomb",
    "Zoom Workplace Business",
    "Zoom",
    "ZM-WP-BUS",
    "16.50",
    "3p",
    [
        ("Zoom Business", (), False, TP),
        ("Zoom Workplace - Business licence", (), False, TP),
        ("Zoom", ("zoomp",), True, TP),
    ],
)
add(
    "mimecast",
    "Mimecast Email Security Cloud Gateway",
    "Mimecast",
    "MC-ESCG",
    "2.80",
    "3p",
    [
        ("Mimecast email filtering", (), False, TP),
        ("Mimecast Cloud Gateway", (), False, TP),
        ("Email security (Mimecast)", (), False, TP),
    ],
)

BY_KEY = {p.key: p for p in P}

# product groups whose members are look-alikes of each other (context class when held together)
LOOKALIKE_GROUPS = [
    ("o365a1f", "o365a1s", "o365a1pf", "o365a1ps"),
    ("o365a3f", "o365a3s", "m365a3f", "m365a3s", "m365a3sub"),
    ("m365a5f", "m365a5s", "m365a5sub", "m365a3f", "m365a3sub"),
    ("meef", "mees"),
    ("bpdon", "bpnpo", "bp"),
    ("bbnpo", "bb"),
    ("m365e3", "o365e3", "o365e1"),
    ("mdep1", "mdep1edu"),
    ("mtrp", "mtrpedu"),
    ("swf", "swm"),
    ("keepb", "keepe"),
    ("adobenu", "adobesd"),
    ("zoomp", "zoomb"),
    ("exo1", "exo2"),
]

# words a typo may hit (never a word that tells two products apart); with their typos
TYPO = {
    "Microsoft": ["Microsfot", "Mircosoft", "Microsoift"],
    "Office": ["Offcie", "Ofice"],
    "Business": ["Buisness", "Busines", "Bussiness"],
    "Premium": ["Premuim", "Premiun"],
    "Exchange": ["Exchnage", "Exhange"],
    "Education": ["Eduction", "Educaton"],
    "Teachers": ["Teachres", "Techers"],
    "Pupils": ["Pupuls", "Puplis"],
    "students": ["studnets", "stduents"],
    "Defender": ["Defnder", "Defendr"],
    "Endpoint": ["Endpiont", "Enpoint"],
    "Smoothwall": ["Smoothwal", "Smootwall"],
    "Minecraft": ["Minecarft", "Mincraft"],
    "Keeper": ["Keper", "Keepr"],
    "Acronis": ["Acornis", "Acronsi"],
    "Creative": ["Creatvie", "Creaitve"],
    "Mimecast": ["Mimcast", "Mimecats"],
    "Workplace": ["Workplcae", "Workpalce"],
    "nonprofit": ["nonprofti", "non-proft"],
    "Charity": ["Chairty", "Charty"],
}

SERVICES = [
    "Managed IT support - per staff user",
    "Onsite technician day (labour)",
    "Safeguarding filter review - termly (labour)",
    "Chromebook enrolment (labour)",
    "Interactive panel maintenance contract",
    "Network & Wi-Fi support - per site",
    "Hardware: Chromebook 11 (supply only)",
    "GDPR / DPO support retainer",
    "Council chamber AV support hours",
    "Trustee board IT governance report",
]
