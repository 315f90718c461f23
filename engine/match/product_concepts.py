"""What in-house names mean: the few concepts billing staff use instead of a product's name.

"AI Assistant", "Archive Mailbox", "Endpoint Protection", "Password Vault", "Phone System": a
billing person reads these as *the kind of thing* a product is, and picks the one product of that
kind the client buys. This table says which name words each concept points to. It is used only to
choose among a client's own unpaired vendor products, never to name a product on its own, so a
concept that matches two of them decides nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from engine.match.product_names import DISCRIMINATORS, PLAN_TOKEN

#: concept word in a description → words that name products of that kind
CONCEPTS: dict[str, frozenset[str]] = {
    word: frozenset(targets.split())
    for words, targets in (
        ("ai assistant copilot chatgpt gpt", "copilot"),
        ("archive archiving retention", "archiving archive"),
        (
            "endpoint antivirus av edr xdr mdr malware ransomware",
            "defender sentinelone singularity crowdstrike huntress endpoint bitdefender gravityzone "
            "eset sophos webroot malwarebytes trend kaspersky avast avg norton symantec cylance "
            "emsisoft withsecure",
        ),
        (
            "spam phishing filtering filter threat threats hameconnage",
            "defender proofpoint mimecast security dnsfilter umbrella webtitan harmony avanan "
            "barracuda hornetsecurity spamtitan ironscales abnormal assure vade libraesva",
        ),
        # a filter of the web, not of mail ("Web Content Filter" is read "DNS filtering")
        ("dns", "dns dnsfilter umbrella webtitan"),
        (
            "password passwords vault manager",  # "mots de passe": read "password"
            "keeper lastpass bitwarden passportal 1password dashlane nordpass roboform",
        ),
        (
            "backup backups sauvegarde sauvegardes sicherung respaldo",
            "backup dropsuite datto acronis saas protection skykick veeam axcient spanning",
        ),
        (
            "awareness training simulation sensibilisation",
            "knowbe4 kmsat awareness usecure",
        ),  # "Phishing simulation"
        (  # a phone number (a DID, an Operator Connect number) is telephony too
            "phone calling voice telephony pbx voip did dids "
            "telephonie telefonie telefonia telephonique",  # (books' languages: "Téléphonie IP")
            "phone calling voice ringcentral ringex dialpad vonage nextiva 3cx did number numbers",
        ),
        (  # Business Basic is mail; "courriel", "messagerie": mail in French books
            "mailbox mailboxes email mail hosted courriel courriels messagerie",
            "exchange mail basic",
        ),
        ("dashboards dashboard reporting analytics", "bi"),
        ("diagram diagrams diagramming flowchart", "visio"),
        ("pdf", "acrobat"),
        (  # sign-in protection: Entra, Duo, or a security suite (E5 Security is identity + threat)
            "identity sso mfa 2fa factor authentication authenticator login conditional",
            "entra security duo",
        ),
        ("mdm", "intune"),
        # remote monitoring and management: the tool an MSP's technicians patch devices with
        ("rmm patching patch", "rmm ninjaone atera nsight automate vsa"),
        ("meetings meeting video conferencing chat collaboration", "teams zoom webex gotomeeting"),
        # Microsoft's F plans and kiosk mailboxes: for frontline ("shop floor") workers
        ("frontline firstline deskless floor", "f1 f3 kiosk"),
        # Office's desktop apps, and the plans that carry them ("Corporate Desktop Licence" for
        # E3, "Office Desktop Suite" for Business Standard)
        ("desktop", "apps standard premium e3 e5"),
    )
    for word in words.split()
}


#: A name word of a kind that another word of the name takes back, unless the description says
#: what the other word does: "Defender for Office 365" protects mail, not an endpoint (Defender
#: for Endpoint and Defender for Business do) — but "Email Threat Hunting" is its kind.
_TAKEN_BACK: dict[frozenset[str], dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    CONCEPTS["antivirus"]: {
        "defender": (frozenset(["office"]), frozenset(["mailbox", "mailboxes", "email", "mail"]))
    },
}


def of_every_kind(
    targets: list[frozenset[str]],
    name_words: set[str] | frozenset[str],
    said: Iterable[str] = (),
) -> bool:
    """A name with these words is of every kind the description says. A word a kind's table takes
    back ("defender" beside "office") still counts when the description ``said`` what the other
    word is about ("Email Threat Hunting"), or when the name is properly of another kind the
    description says ("Phishing Simulation & Threat Hunting"); "Antivirus per user" is never
    Defender for Office 365."""
    if not all(t & name_words for t in targets):
        return False
    said = frozenset(said)
    return not targets or any(_answers(t, name_words, said) for t in targets)


def _answers(
    targets: frozenset[str], name_words: set[str] | frozenset[str], said: frozenset[str]
) -> bool:
    if _of_another_kind(targets, name_words, said):
        return False
    taken_back = _TAKEN_BACK.get(targets, {})
    for word in targets & name_words:
        by, unless = taken_back.get(word, (frozenset(), frozenset()))
        if by.isdisjoint(name_words) or not unless.isdisjoint(said):
            return True
    return False


#: Words that say a thing protects ("Mail Shield", "Secure Email", "Email Security"): beside a
#: word of what it works on (mail), the kind is the mail filter's.
_PROTECTS = frozenset(
    ("security", "secure", "protection", "protect", "protected", "shield", "guard", "safe",
     "safeguard", "defence", "defense")
)  # fmt: skip

#: The mail filter's kind.
_MAIL_FILTER = CONCEPTS["phishing"]


def _kinds_of(word: str) -> frozenset[frozenset[str]]:
    """The kinds a word of a product's name says: those it is a name word of, or a concept word
    for ("training" is awareness training's)."""
    return _WORD_KINDS.get(word, frozenset())


_WORD_KINDS: dict[str, frozenset[frozenset[str]]] = {
    word: frozenset(
        [kind for kind in set(CONCEPTS.values()) if word in kind]
        + ([CONCEPTS[word]] if word in CONCEPTS else [])
    )
    for word in set(CONCEPTS).union(*CONCEPTS.values())
}


def _names_a_mailbox(words: Iterable[str]) -> bool:
    """A word of the mailbox kind's table that names a product, not what it works on nor its tier
    ("Exchange" of "Secure Email – Exchange Online (Plan 1)")."""
    return not _MAILBOX_NAMES.isdisjoint(words)


def protects_mail(words: Iterable[str]) -> bool:
    """Words that say a thing protects mail ("Mail Shield Lite", "Secure Email")."""
    words = set(words)
    return not words.isdisjoint(_PROTECTS) and not words.isdisjoint(MODIFIERS - {"hosted"})


def _of_another_kind(
    targets: frozenset[str], name_words: set[str] | frozenset[str], said: frozenset[str]
) -> bool:
    """A name of this kind only by a word several kinds share ("security", "defender"), whose
    other words say another kind alone: "KnowBe4 Security Awareness Training" and "Mimecast Email
    Security" are no sign-in protection, "Defender for Endpoint" no mail filter — unless the
    description says that other kind too."""
    reaching = targets & name_words
    if not reaching or any(len(_kinds_of(word)) == 1 for word in reaching):
        return False
    others = {
        kind
        for word in name_words - reaching
        if word not in MODIFIERS
        and not PLAN_TOKEN.fullmatch(word)
        and len(kinds := _kinds_of(word)) == 1
        for kind in kinds
    }
    if protects_mail(name_words):
        others.add(_MAIL_FILTER)
    if not others or targets in others:
        return False
    return all(CONCEPTS[c] not in others for word in said if (c := concept_word(word)) is not None)


#: Concept words that only say what a product works on ("Mailbox Backup", "Email Threat
#: Protection"): they decide alone only when nothing stronger is said.
MODIFIERS = frozenset(["mailbox", "mailboxes", "email", "mail", "hosted"])
#: The words of the mailbox kind that name its product (no modifier, no edition): "exchange".
_MAILBOX_NAMES = CONCEPTS["mailbox"] - MODIFIERS - DISCRIMINATORS


@lru_cache(maxsize=65536)
def concept_word(word: str) -> str | None:
    """The concept word a description's word is, allowing one slip in a longer one ("Voce" for
    Voice, "Archving"); None when it is none."""
    if word in CONCEPTS:
        return word
    if len(word) < 4 or not word.isalpha():
        return None
    close = [
        concept
        for concept in CONCEPTS
        if len(concept) >= 5
        and concept[0] == word[0]
        and OSA.distance(word, concept, score_cutoff=1) <= 1
    ]
    return close[0] if len({CONCEPTS[c] for c in close}) == 1 else None  # backup / backups


def concept_targets(words: Iterable[str]) -> list[frozenset[str]]:
    """For each concept word of a description, the name words it points to: a product of that kind
    must answer every one ("Email Threat Protection" is a threat-protection product); words that only
    say what it works on count when nothing else is said ("Hosted Email")."""
    words = list(dict.fromkeys(words))
    said = [c for word in words if (c := concept_word(word)) is not None]
    strong = [word for word in said if word not in MODIFIERS]
    if not strong and said and protects_mail(words) and not _names_a_mailbox(words):
        return [_MAIL_FILTER]  # "Mail Shield", "Secure Email": what protects mail
    return [CONCEPTS[word] for word in (strong or said)]
