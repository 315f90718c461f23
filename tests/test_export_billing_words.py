"""An export's own billing words, in a language no list of ours holds, change no finding.

Metamorphic: the same PSA lines, each wrapped in words made up for the test (a fee's word before
the product, a user and a month after it, as a book in another language writes them), must give
the same findings as the lines written plainly. The made-up words are drawn by hypothesis, so no
list of the engine's can know them (:mod:`engine.match.file_fillers` tells them by how the export
uses them). A guard of the property: on this small case the context tiers alone already held it
before the export's billing words were read (each client buys few products); sets AF and AG, where
clients buy many, are where those words changed findings.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.match.catalogue import load_catalogue
from engine.match.file_fillers import billing_words_of
from engine.match.product_fit import use_bill_words
from engine.match.product_names import product_key
from engine.result import Result
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run

#: Eight clients, seven product lines and their editions; three findings: Harbour's E5 is billed 18
#: of 20 seats (under-billed 2 × 71.25), Lumen's Visio Plan 2 is not billed (unbilled 4 × its
#: median price 18.00), Quarry is billed 9 seats of Exchange Online (Plan 1) for the bill's 7
#: (over-billed 2 × 5.20).
_BILL = [
    ("Harbour Dental Pty Ltd", "Microsoft 365 E5", 20, "54.15"),
    ("Harbour Dental Pty Ltd", "Microsoft 365 Business Standard", 6, "11.70"),
    ("Lumen Architects Pty Ltd", "Visio Plan 2", 4, "14.50"),
    ("Lumen Architects Pty Ltd", "Microsoft 365 E3", 12, "34.20"),
    ("Quarry Logistics Pty Ltd", "Exchange Online (Plan 1)", 7, "4.00"),
    ("Quarry Logistics Pty Ltd", "Microsoft 365 Business Premium", 15, "22.00"),
    ("Saltbush Legal Pty Ltd", "Visio Plan 2", 3, "14.50"),
    ("Saltbush Legal Pty Ltd", "Acronis Cyber Protect Cloud Standard", 11, "3.10"),
    ("Tallow Bakery Pty Ltd", "Microsoft Teams Essentials", 9, "4.00"),
    ("Tallow Bakery Pty Ltd", "Microsoft 365 Business Basic", 9, "6.00"),
]
_PSA = [  # as people type them: the brand dropped, words shortened
    ("Harbour Dental Pty Ltd", "MS E5", 18, "71.25"),
    ("Harbour Dental Pty Ltd", "Bus Std", 6, "15.40"),
    ("Lumen Architects Pty Ltd", "E3", 12, "44.90"),
    ("Quarry Logistics Pty Ltd", "EXO P1", 9, "5.20"),
    ("Quarry Logistics Pty Ltd", "M365 BP", 15, "28.60"),
    ("Saltbush Legal Pty Ltd", "Visio P2", 3, "18.00"),
    ("Saltbush Legal Pty Ltd", "Acronis CPC Std", 11, "4.10"),
    ("Tallow Bakery Pty Ltd", "Teams Ess", 9, "5.20"),
    ("Tallow Bakery Pty Ltd", "M365 Basic", 9, "7.80"),
]


def _findings(result: Result) -> list[tuple[str, str, str, str]]:
    return sorted(
        (d.type, d.client, d.product, str(d.monthly_impact)) for d in result.discrepancies
    )


def _reconciled(folder: Path, wrap: tuple[str, str, str] | None) -> Result:
    rows = [*PSA_BYSTANDERS, *_PSA]
    if wrap is not None:
        fee, user, month = wrap
        rows = [(c, f"{fee.title()} {p} {user}/{month}", q, u) for c, p, q, u in rows]
    return run(folder, pc([*BYSTANDERS, *_BILL]), psa(rows))


_PLAIN: list[tuple[str, str, str, str]] = []


def _plain() -> list[tuple[str, str, str, str]]:
    if not _PLAIN:
        with TemporaryDirectory() as folder:
            _PLAIN.extend(_findings(_reconciled(Path(folder), None)))
    return _PLAIN


def test_the_plain_lines_give_the_three_findings() -> None:
    assert [(kind, client) for kind, client, _, _ in _plain()] == [
        ("over_billed", "Quarry Logistics Pty Ltd"),
        ("unbilled", "Lumen Architects Pty Ltd"),
        ("under_billed", "Harbour Dental Pty Ltd"),
    ]


_MADE_UP = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9).map(
    lambda consonants: "".join(c + "aeiou"[i % 5] for i, c in enumerate(consonants))
)


@settings(max_examples=12, deadline=None)
@given(_MADE_UP, _MADE_UP, _MADE_UP)
def test_made_up_billing_words_change_no_finding(fee: str, user: str, month: str) -> None:
    with TemporaryDirectory() as folder:
        assert _findings(_reconciled(Path(folder), (fee, user, month))) == _plain()


def test_a_word_said_for_one_edition_is_no_billing_word() -> None:
    """Differences: none. "Avanzado" (advanced) beside several makers' products says which edition
    each is, never a bill's word; "Usajili" (Swahili: subscription) beside every product and
    edition is one (Indonesian "Langganan" here before, since the forty-first session a billing
    word of every run)."""
    descriptions = [
        product_key(text)
        for text in [
            "Usajili Microsoft 365 Business Standard",
            "Usajili Microsoft 365 Business Premium",
            "Usajili Microsoft 365 E3",
            "Usajili Exchange Online (Plan 1)",
            "Usajili Visio Plan 2",
            "ESET PROTECT Avanzado",
            "Trend Micro Worry-Free Avanzado",
            "Sophos Intercept X Avanzado",
            "Acronis Cyber Protect Cloud Avanzado",
        ]
    ]
    load_catalogue()  # the catalogue's words are product words, as when names are matched
    use_bill_words(())
    names = [
        product_key(name)
        for name in ["ESET PROTECT Advanced", "Sophos Intercept X Advanced", "Visio Plan 2"]
    ]
    assert billing_words_of(descriptions, names) == frozenset(["usajili"])
