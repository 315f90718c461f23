"""What set AP (a UK and Irish MSP whose vendor bills and books count products in other units) found
at first contact, beyond the sizes themselves (tests/test_unit_sizes.py), each as a tiny case.

At first contact, on an engine already taught set AO's packs and blocks, the engine's precision on
set AP was 0.726 (3,263 findings for 2,528), recall 0.937, 12 look-alike merges: its sizes written
other ways ("x5", "5pk …", "Box (10)", "1 GB/Month", "Datto offsite storage 3 TB" billed once),
another maker's product named for "O365" (Keepit), and an endpoint edition read as the client's
server edition for the word it leaves out. Each test fails on the session's start (8a585c8).
"""

from __future__ import annotations

from engine.match.product_context import drops_an_edition_word
from engine.match.product_names import product_key


def test_another_makers_product_for_office_365_is_for_microsoft_365() -> None:
    assert product_key("Keepit O365 backup") == product_key("Keepit Microsoft 365 backup")
    assert product_key("Dropsuite for Office 365") == product_key("Dropsuite for Microsoft 365")
    # Microsoft's own products keep their family
    assert product_key("Office 365 E3") != product_key("Microsoft 365 E3")
    assert "office" in product_key("Microsoft Defender for Office 365 (Plan 1)")
    assert "office" in product_key("Extra File Storage for Office 365")


def test_an_edition_word_left_out_is_never_crossed() -> None:
    """ "Sophos Central IX Advanced" at a client holding only the server edition is the bill's
    endpoint edition (which other clients hold), never the server's for "Server" left out; with
    no endpoint edition on the bill it may be the server's."""
    names = {
        "server": "sophos central intercept x advanced for server",
        "endpoint": "sophos central intercept x advanced",
    }
    assert drops_an_edition_word("sophos central ix advanced", "server", names)
    assert not drops_an_edition_word("sophos central ix advanced server", "server", names)
    assert not drops_an_edition_word(
        "sophos central ix advanced", "server", {"server": names["server"]}
    )


def test_a_debtor_code_before_a_name_with_a_fada() -> None:
    """Sage's "OGRA055 - Ó Gráda Bakery Teoranta": the code spells the name's first letters once
    its accents are folded, set off by a dash."""
    from engine.match.client_keys import client_key

    assert client_key("OGRA055 - Ó Gráda Bakery Teoranta") == client_key("Ó Gráda Bakery Teoranta")
    assert client_key("OSUI051 - Ó Súilleabháin Agri Supplies Teoranta") == client_key(
        "Ó Súilleabháin Agri Supplies Teoranta"
    )
