"""A CSV that is not UTF-8 is read in the Windows code page its letters make words in: a Czech bill
in Windows-1250 had been read as 1252 ("Množství" as "Mno¾ství", "Odběratel" as "Odbìratel") and
no column was found; a Turkish one in 1254 had its header row missed. Western files, whatever mix
of languages their customers' names are in, stay Windows-1252."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.read.codepage import code_page
from engine.read.text_files import decode_text

CZECH = (
    "Odběratel;IČO;Produkt;Množství;Doporučená MC bez DPH;Jednotková cena bez DPH;Fakturace\n"
    "Karri & Partners Consulting;17919000;Dropsuite Email Archiving;6;52,44 Kč;43,70 Kč;měsíčně\n"
    "Ormond Freight Corporation;17926919;Office 365 E3;2;687,70 Kč;529,00 Kč;ročně\n"
    "Dvořák Stavby s.r.o.;17926920;Visio Plan 2;3;483,00 Kč;345,00 Kč;měsíčně\n"
)
TURKISH = (
    "Müşteri Ünvanı;Ürün Adı;İşlem Tipi;Adet;Birim Maliyet;Faturalama;Başlangıç;Bitiş\n"
    "Redwater Consulting AB;Exchange Online (Plan 1);Abonelik;10;136,00 TL;Aylık;01.11.2026;30.11.2026\n"
    "Körfez Yazılım Ltd. Şti.;Microsoft 365 Business Basic;Abonelik;11;204,00 TL;Yıllık;01.11.2026;31.10.2027\n"
)
WESTERN_NAMES = [
    "Müller GmbH",
    "François Dupont SARL",
    "Sørensen ApS",
    "Peña y Asociados",
    "Åkesson AB",
    "Straße Bau",
    "Gonçalves Lda",
    "Ærø Trading",
    "Hallström Medical",
    "Ševcík Consulting",
    "Zoë Café",
    "Ólafsdóttir ehf.",
]


def test_a_czech_bill_in_windows_1250_reads_as_czech() -> None:
    text = decode_text(CZECH.encode("cp1250"), "bill.csv")
    assert text == CZECH


def test_a_turkish_bill_in_windows_1254_reads_as_turkish() -> None:
    text = decode_text(TURKISH.encode("cp1254"), "bill.csv")
    assert text == TURKISH


def test_cyrillic_and_greek_pages_are_told_by_whole_words() -> None:
    russian = (
        "Клиент;Продукт;Количество\nООО Ромашка;Microsoft 365 E3;10\nАО Север;Exchange Online;5\n"
    )
    greek = "Πελάτης;Προϊόν;Ποσότητα\nΑλφα Α.Ε.;Microsoft 365 E3;10\nΒήτα Ο.Ε.;Visio;2\n"
    assert decode_text(russian.encode("cp1251"), "a.csv") == russian
    assert decode_text(greek.encode("cp1253"), "a.csv") == greek


def test_a_western_file_stays_windows_1252() -> None:
    text = "Customer,Product\n" + "".join(f"{name},Office 365 E3\n" for name in WESTERN_NAMES)
    assert decode_text(text.encode("cp1252"), "a.csv") == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WESTERN_NAMES), min_size=1, max_size=12))
def test_any_mix_of_western_names_stays_windows_1252(names: list[str]) -> None:
    """The names of a multinational customer list never make another page look likelier."""
    assert code_page([", ".join(names).encode("cp1252")]) == "cp1252"


def test_a_file_with_no_letters_beyond_ascii_but_a_symbol_stays_1252() -> None:
    assert code_page(["Price £12.50 – 3 × 4".encode("cp1252")]) == "cp1252"
