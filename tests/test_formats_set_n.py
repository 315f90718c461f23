"""Set N's Xero report (customers on group rows): "Ashford Accountants (attn: Accounts)" and
"Brennan Accountancy DAC (attn: Accounts)" had both been read as the customer "Accounts)", the
"attn:" inside the brackets taken for a label, and the two firms' lines reconciled as one."""

from __future__ import annotations

from engine.read.layouts import labelled_customer


def test_a_colon_inside_brackets_is_no_label() -> None:
    assert labelled_customer("Ashford Accountants (attn: Accounts)") is None
    assert labelled_customer("Brennan Accountancy DAC [attn: Accounts]") is None
    assert labelled_customer("Bill To: Contoso Ltd") == "Contoso Ltd"
    assert labelled_customer("Endkunde: Müller GmbH") == "Müller GmbH"
