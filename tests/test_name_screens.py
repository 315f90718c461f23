"""The literal screens in front of slow name patterns never hide a match (speed, never findings).

Each screen says a pattern *may* match; the pattern still decides. A screen that said "no" where
the pattern matches would silently keep an insolvency note, an addressee or a written-out legal
form in a client's key, so each is checked against its pattern on generated names built from the
patterns' own words in any case.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.folding import folded, may_hold
from engine.match import client_keys, client_notes, legal_forms

_PIECES = [
    "Acme", "Dental", "Group", "Ltd", "GmbH", " ", " ", "-", "–", ",", "(", ")", "[", "]", ":", ".",
    "in", "voluntary", "liquidation", "liqu.", "liq.", "examinership", "administration", "under",
    "receivership", "insolvency", "insolvenz", "chapter", "11", "7", "i.", "l.", "i. l.", "en",
    "liquidación", "liquidazione", "w", "likwidacji", "i", "likvidation", "avvikling", "konkurs", "v",
    "likvidaci", "attn", "attention", "c/o", "care of", "contact", "kontakt", "contato", "z.", "hd.",
    "z hd", "fao", "Accounts", "İstanbul", "Straße", "gesellschaft", "mit", "beschrankter",
    "haftung", "korlatolt", "felelossegu", "tarsasag", "sp", "z", "o", "spol", "s", "r", "kabushiki",
    "kaisha", "private", "limited", "company", "proprietary", "public", "osakeyhtio", "aktiebolag",
]  # fmt: skip


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.title(), word.swapcase())[how]


_NAMES = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.integers(0, 3)), min_size=1, max_size=9
).map(lambda parts: "".join(_cased(word, how) for word, how in parts))


@settings(max_examples=3000, deadline=None)
@given(_NAMES)
@example("Acme Ltd (in liquidation)")
@example("Acme Ltd i. l.")
@example("Acme Sp. z o.o. w likwidacji")
def test_the_insolvency_screen_passes_every_insolvency_note(name: str) -> None:
    if client_notes._INSOLVENCY.search(name):
        assert may_hold(name, client_notes._MAY_BE_INSOLVENT)


@settings(max_examples=3000, deadline=None)
@given(_NAMES)
@example("Acme Dental Group Ltd (Attn: Accounts)")
@example("Acme Ltd c/o Jane Doe")
@example("Acme GmbH z. Hd. Herr Meier")
@example("FAO. J Smith - Harbour Dental Ltd")
def test_the_addressee_screen_passes_every_addressee(name: str) -> None:
    if client_keys._ADDRESSEE.search(name) or client_keys._ADDRESSEE_FIRST.search(name):
        assert may_hold(name, client_keys._MAY_NAME_ADDRESSEE)


@settings(max_examples=3000, deadline=None)
@given(_NAMES)
def test_the_written_out_screen_passes_every_written_out_form(name: str) -> None:
    text = folded(name)
    if legal_forms._WRITTEN_OUT.search(text) or legal_forms._WRITTEN_OUT_BEFORE.search(text):
        assert any(word in text for word in legal_forms._WRITTEN_OUT_WORDS)


def test_text_not_in_ascii_always_passes_to_the_pattern() -> None:
    """Case has exceptions outside ASCII ("İ" lowers to two characters): the pattern reads those."""
    assert may_hold("Acme İstanbul", ("xyz",))
    assert not may_hold("Acme Istanbul", ("xyz",))
    assert may_hold("ACME IN LIQUIDATION", ("liq",))


def test_for_the_attention_of_is_an_addressee_as_attn_is() -> None:
    """British ledgers write "FAO" where others write "Attn": the screen once had no "fao", so an
    addressee so written stayed in the key ("fao j smith harbour dental")."""
    from engine.match.client_keys import client_key

    assert client_key("FAO. J Smith - Harbour Dental Ltd") == client_key("Harbour Dental Ltd")
    assert client_key("Acme Ltd (FAO: Accounts)") == client_key("Acme Ltd")
    assert client_key("Fao Trading Ltd") == "fao trading"  # a name that is FAO stays
