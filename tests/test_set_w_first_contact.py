"""Set W at first contact (twenty-second session; seed 1, 200 clients): what a person reads and
the engine did not.

- billing periods in Indonesian ("Tahunan", "Bulanan") and ChargeOver's "mon" / "yrl";
- a Danish ledger's "Navn" and Colombia's "Nombre tercero" name the client;
- a distributor's line that says "12M" at twelve times the product's monthly cost on its other
  lines is billed for the year;
- a client's name with the kind of customer first ("B2B – ", "SMB: ", "Key account – "), a
  firm's "Fa.", its opening hours, time zone, sales region, project or cost centre, buying group,
  a department's sub-account, or its billing e-mail address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.match.legal_twins import legal_kind
from engine.match.product_names import product_key
from engine.read.fields import PSA_FIELDS, header_key, match_score
from engine.read.values import parse_period_months
from engine.reconcile import reconcile
from engine.result import Result


@pytest.mark.parametrize(
    ("text", "months"),
    [("Tahunan", 12), ("Bulanan", 1), ("per bulan", 1), ("mon", 1), ("yrl", 12), ("Triwulanan", 3)],
)
def test_billing_periods_in_indonesian_and_chargeovers_codes(text: str, months: int) -> None:
    assert parse_period_months(text) == months


def _run(tmp_path: Path, vendor: str, psa: str, psa_name: str = "p.csv") -> Result:
    (tmp_path / "v.csv").write_text(vendor, encoding="utf-8")
    (tmp_path / psa_name).write_text(psa, encoding="utf-8")
    return reconcile(tmp_path / "v.csv", tmp_path / psa_name)


def _findings(result: Result) -> set[tuple[str, str, str, str]]:
    return {(d.type, d.client, d.product, str(d.monthly_impact)) for d in result.discrepancies}


def test_a_danish_ledgers_navn_names_the_client(tmp_path: Path) -> None:
    """Differences: Okafor's Keeper seats are billed 3 of 4 (under-billed 3.75)."""
    result = _run(
        tmp_path,
        "Customer,Product,Qty,Unit Cost\n"
        "Okafor Veterinary Clinic Ltd,Keeper Business,4,3.00\n"
        "Moreau Plumbing LLP,Power BI Pro,2,10.00\n",
        "Debitor;Navn;Varenr.;Tekst;Antal;Enhed;Salgspris;Rabat %;Beløb;Interval\n"
        "10000;Okafor Veterinary Clinic Ltd;LIC-1;Keeper Business;3;stk;3,75;;11,25;Måned\n"
        "10000;Okafor Veterinary Clinic Ltd;SVC-180;Project work - hours;5;stk;94,80;;474,00;Måned\n"
        "10001;Moreau Plumbing LLP;LIC-2;Power BI Pro jaarlicentie;2;stk;168,00;;336,00;År\n",
        psa_name="uniconta.csv",
    )
    assert result.mappings["psa"].columns["client"] == "Navn"
    # by its header alone, whatever the rows hold
    client = next(field for field in PSA_FIELDS if field.name == "client")
    for header in ("Navn", "Nombre tercero"):
        assert match_score(client, header_key(header)) >= 1.0


def test_a_distributors_12m_line_at_twelve_times_the_monthly_cost_is_billed_for_the_year(
    tmp_path: Path,
) -> None:
    """Differences: none. 3 Rivers' E3 (no Teams) is bought for 4 seats, 3 of them on a "12M"
    line at 7,098.00 a seat (a year of the monthly 591.50), and billed at 650.00 a month."""
    result = _run(
        tmp_path,
        "Ship-To Name,Material Description,Billed Quantity,Net Price\n"
        "3 Rivers Joinery (Pty) Ltd,Microsoft 365 E3 (no Teams) 12M,3,7098.00\n"
        "3 Rivers Joinery (Pty) Ltd,Microsoft 365 E3 (no Teams),1,591.50\n"
        "7 Oaks Joinery (Pty) Ltd,Microsoft 365 E3 (no Teams),2,591.50\n",
        "Customer,Item,Qty,Rate\n"
        "3 Rivers Joinery (Pty) Ltd,Microsoft 365 E3 (no Teams),4,650.00\n"
        "7 Oaks Joinery (Pty) Ltd,Microsoft 365 E3 (no Teams),2,650.00\n",
    )
    assert _findings(result) == set()


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("10002 - Key account – LaRosa Interiors Limited", "LaRosa Interiors Limited"),
        ("10000 - SMB: Okafor Veterinary Clinic Ltd", "Okafor Veterinary Clinic Ltd"),
        ("B2B – Haldane Surveyors B.V. / PRJ-2894 – Clinical", "Haldane Surveyors B.V."),
        ("Fa. Müller Haustechnik GmbH", "Müller Haustechnik GmbH"),
        ("Moreau Plumbing LLP (Mon–Fri 08:00–17:30)", "Moreau Plumbing LLP"),
        ("Hollis Bakery Corp. [hrs 7-4 M-F]", "Hollis Bakery Corp."),
        ("Marchetti Architects Inc. – open 24/7", "Marchetti Architects Inc."),
        ("Albrecht Logistics Ltd [NA-EAST] (UTC+08:00)", "Albrecht Logistics Ltd"),
        ("Eastwood Freight LLC <invoices@eastwoodfreight.co.uk> (CC 2900)", "Eastwood Freight LLC"),
        (
            "Corbett Lane Accountants LLC (member: Independent Trades Alliance) – Admin",
            "Corbett Lane Accountants LLC",
        ),
    ],
)
def test_what_a_crm_files_an_account_under_is_no_part_of_its_name(written: str, name: str) -> None:
    assert client_key(written) == client_key(name)


def test_a_branch_and_a_name_that_starts_with_a_kind_word_stay() -> None:
    """A guard: a place after a dash is a branch; "Partner", "Retail", "B2B" inside a name are
    the name."""
    assert client_key("Acme Plumbing - North") == "acme plumbing north"
    assert client_key("Partner Dental Care") == "partner dental care"
    assert client_key("B2B Logistics Ltd") == "b2b logistics"
    assert client_key("Retail Traders Ltd") == "retail traders"


def test_legal_twins_stay_apart_when_one_name_carries_an_e_mail() -> None:
    """The e-mail address after "… LLC" hides no legal form: "Foxhollow Consulting LLC
    <invoices@…>" is the LLC, not its twin "… Inc."."""
    assert legal_kind("Foxhollow Consulting LLC <invoices@foxhollowconsultin.co.uk>") == "llc"
    assert legal_kind("Foxhollow Consulting Inc.") == "inc"


def test_the_edition_after_8x8_is_no_count() -> None:
    """8x8's X2 and X4 are two editions, never merged; "x3" after another name still counts seats."""
    assert product_key("8x8 X2") != product_key("8x8 X4")
    assert product_key("Zoom Pro x2") == product_key("Zoom Pro")
