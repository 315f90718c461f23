"""Recognise columns by meaning: a synonyms table per field, checked against each column's content.

Headers are compared after :func:`header_key` (lower case, letters and digits only), so
``EffectiveUnitPrice``, ``effective_unit_price`` and ``Effective Unit Price`` are one key. A header
that *is* a synonym beats one that merely *contains* it, and earlier synonyms beat later ones — this is
how the MSP's real cost wins over list prices (``EffectiveUnitPrice`` over ``UnitPrice``, ``cost`` over
``price``, ``Unit Cost Price`` over ``Unit Sales Price``).

Then content decides what names cannot: a money column is a unit amount or a line total according to
its numbers (quantity × unit ≈ total, a steady discount against a list price, or growth with the
quantity within one product); a product column holding one generic text for many products gives way
to its neighbour; a client column with one value on every line (a ledger account) gives way to one
with several.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from engine.errors import InputError, MissingColumnError, SettingsError, WrongSideError
from engine.folding import folded
from engine.match.legal_forms import is_legal_form
from engine.money import currency_code, parse_money
from engine.read.values import is_not_billable, parse_date, parse_period_months, parse_quantity

Side = Literal["vendor", "psa"]
Kind = Literal["text", "money", "quantity", "period", "date", "flag", "id", "currency"]


@dataclass(frozen=True)
class Field:
    """One thing we need from an export, and the header spellings that mean it (best first)."""

    name: str
    kind: Kind
    synonyms: tuple[str, ...]
    forbidden: tuple[str, ...] = ()  # a header containing one of these never "contains"-matches
    description: str = ""


def _f(name: str, kind: Kind, synonyms: str, forbidden: str = "", description: str = "") -> Field:
    return Field(name, kind, tuple(synonyms.split()), tuple(forbidden.split()), description)


_DATE_FORBIDDEN = "price cost qty quantity amount total"
VENDOR_FIELDS: tuple[Field, ...] = (
    _f(
        "client",
        "text",
        "customername companyname organizationname organisationname tenantname endcustomername "
        "customercompanyname customer company organization organisation client clientname "
        "accountname account endcustomer enduser "
        # German, Dutch, French, Spanish, Nordic exports
        "kundenname kunde firmenname firma endkunde debiteurnaam debiteur klantnaam klant "
        "nomduclient raisonsociale nombrecliente razonsocial cliente kundnamn kund asiakas "
        "nazwaklienta klient kundenavn "
        # Czech, Turkish, Hungarian, Romanian
        "odberatel zakaznik musteriunvani musteriadi musteri cariunvan ugyfel vevo",
        "id number domain country email reseller partner mpn broker code nummer",
        "the MSP's customer",
    ),
    _f(
        "client_id",
        "id",
        "customerid customernumber companyid tenantid organizationid accountid clientid customerno",
        "",
        "the vendor's customer id",
    ),
    _f(
        "domain",
        "text",
        "customerdomainname domainname tenantdomain primarydomain defaultdomain domain",
        "",
        "the tenant domain (contoso.onmicrosoft.com)",
    ),
    _f(
        "product_name",
        "text",
        "productname offername skuname stockdescription productdescription itemdescription "
        "description product item itemname servicename subscriptionname license licence plan "
        "skudescription produktname produkt artikelbezeichnung bezeichnung beschreibung artikel "
        "artikelomschrijving omschrijving designation libelle produit descripcion producto descrizione "
        "nazwaproduktu produktnavn varenavn benamning "
        "nazevproduktu nazev polozka urunadi urun hizmet termekmegnevezese termeknev termek "
        "megnevezes tuote nimike denumire produs",
        "id code number nummer qty quantity price cost date status type meter publisher category "
        "hersteller kod varenr",
        "the product",
    ),
    _f(
        "product_id",
        "id",
        "productid offerid durableofferid stockcode itemcode vendorsku sku "
        "partnumber catalogid catalogitemid productcode skucode mpn materialnumber articlenumber "
        "artikelnummer artikelnr artikelcode herstellernummer reference referencia "
        "kodproduktu urunkodu stokkodu cikkszam tuotekoodi",
        "name description customer subscription order invoice",
        "the product's id or SKU",
    ),
    _f("sku_id", "id", "skuid", "", "Partner Center's SKU id (0002)"),
    _f(
        "quantity",
        "quantity",
        "billablequantity quantity qty seats licenses licences units "
        "seatcount licensecount licencecount usercount count "
        "menge anzahl aantal quantite qte cantidad antal quantita ilosc unidades quantidade "
        "mnozstvi pocet adet miktar mennyiseg maara cantitate",
        "unitprice price cost included rrp",
        "seats",
    ),
    _f(
        "unit_cost",
        "money",
        "effectiveunitprice unitcost cost unitcostprice costprice buyprice partnerprice netprice "
        "yourprice resellerprice dealerprice unitcostcents costcents unitprice price rate "
        "einzelpreisek ekpreis einkaufspreis einzelpreis stueckpreis nettopreis inkoopprijs "
        "prijspereenheid eenheidsprijs stukprijs prixachat prixunitaire preciounitario apris styckpris prezzounitario cenanetto "
        "kostpris innkjopspris inkopspris valorunitario precounitario custounitario "
        "nakupnicena jednotkovacena cenazajednotku birimmaliyet alisfiyati birimfiyat "
        "beszerzesiar egysegar ostohinta yksikkohinta pretunitar",
        "rrp msrp srp retail sales total ext sub margin tax list suggested erp customer "
        "uvp vkpreis verkauf gesamt totaal verkoop ialt udsalg vejl sugerido "
        "doporucen satis",
        "the MSP's unit cost",
    ),
    _f(
        "line_total",
        "money",
        "costtotal totalcost partnersubtotal partnertotal subtotal extcost extendedcost amount "
        "linetotal nettotal lineamount taxablevalue taxableamount "
        "total totalamount extprice extendedprice "
        "gesamtpreisek gesamtpreis gesamtbetrag nettobetrag betrag totaalbedrag bedrag totaal "
        "montantht montant importe importo belopp belob belop wartoscnetto kostprisialt ialt "
        "valortotal "
        "celkembezdph celkem castka kdvharictutar tutar aratoplam toplam nettoosszeg nettoertek "
        "osszeg yhteensa veroton valoare",
        "tax unit rrp retail sales margin udsalg vejl inkl incl brutto gross "
        "sdph vcetne genel dahil verollinen vat btw mwst tva iva moms mva dph kdv gst",
        "the line's total cost",
    ),
    _f(
        "billing_frequency",
        "period",
        "billingfrequency paymentfrequency billingcycle billingcycletype billingperiod periodtype "
        "frequency billingterm billing billed "
        "abrechnungsintervall abrechnung zahlweise factureringsfrequentie facturatie "
        "frequencedefacturation facturation frecuencia periodicite periodicita periodicidad "
        "faktureringsperiod faktureringsfrekvens faktureringsinterval czestotliwoscrozliczen "
        "factuurfrequentie factuurperiode facturering frequentie intervall verrechnung "
        "fakturierung facturacion fatturazione fakturering "
        "czestotliwosc fakturace faturalama szamlazas laskutus facturare",
        "date start end address contact email",
        "how often a line is billed",
    ),
    _f(
        "term",
        "period",
        "termandbillingcycle term commitmentterm termduration details "
        "vertragslaufzeit laufzeit looptijd duree duracion bindingsperiode bindingstid "
        "okreszobowiazania zobowiazanie plazo avtalstid vigencia",
        "date start end termek",
        "the commitment term (read for the billing period when no frequency column says it)",
    ),
    _f(
        "charge_type",
        "text",
        "chargetype transactiontype linetype type positionsart buchungsart typ tipo "
        "islemtipi islemturu druh",
        "unit",
        "new, renew, credit…",
    ),
    _f(
        "period_start",
        "date",
        "chargestartdate chargestart startperiod startusage usagestart usagestartdate servicestartdate "
        "servicestart billingstartdate billingstart periodstart periodfrom datefrom billingdate "
        "invoicedate startdate from "
        "leistungszeitraumvon leistungsbeginn zeitraumvon begindatum periodevan datedebut "
        "debutperiode periodfran dal fra obdobiod baslangic alkaa alkupvm",
        _DATE_FORBIDDEN,
        "start of the billed period",
    ),
    _f(
        "period_end",
        "date",
        "chargeenddate chargeend endperiod endusage usageend usageenddate serviceenddate serviceend "
        "periodend "
        "periodto dateto enddate billingenddate billingend to "
        "leistungszeitraumbis leistungsende zeitraumbis einddatum periodetot datefin "
        "finperiode periodtill al til obdobido bitis paattyy loppupvm",
        _DATE_FORBIDDEN,
        "end of the billed period",
    ),
    _f("status", "text", "status subscriptionstatus", "date", "subscription status"),
    _f(
        "subscription_end",
        "date",
        "subscriptionenddate subscriptionend commitmentenddate commitmenttermenddate "
        "commitmentend renewaldate renewsat renewalon termenddate",
        "charge period usage service",
        "when the subscription's term ends (renews or lapses into Extended Service Terms)",
    ),
    _f(
        "exchange_rate",
        "money",
        "pctobcexchangerate exchangerate fxrate conversionrate",
        "date",
        "pricing → billing currency rate (Partner Center)",
    ),
    _f(
        "discount",
        "money",
        "totalotherdiscount otherdiscount discountamount totaldiscount discount",
        "percent rate date description",
        "a discount that lowers the line (Partner Center legacy TotalOtherDiscount)",
    ),
    _f(
        "currency",
        "currency",
        "currency billingcurrency currencycode invoicecurrency pricingcurrency "
        "waehrung wahrung valuta devise moneda parabirimi kodmeny penznem valuutta",
        "rate date exchange",
        "the bill's currency (ISO code)",
    ),
)

PSA_FIELDS: tuple[Field, ...] = (
    _f(
        "client",
        "text",
        "companyname clientname customername accountname organizationname organisationname "
        "customerbusinessthenname businessname company client customer account organization "
        "organisation agreementcompany billto contactname contact "
        "kundenname kunde firma debiteurnaam debiteur klantnaam klant relatie "
        "nomduclient cliente nabywca klient kundenavn invoiceto soldto kundnamn kund asiakas "
        "odberatel zakaznik musteriunvani musteriadi musteri cariunvan ugyfel vevo",
        "id number domain type contact email site manager code nummer",
        "the client billed",
    ),
    _f(
        "product_name",
        "text",
        "productservice description invoicedescription itemshortdescription productdescription "
        "itemdescription servicedescription servicename additiondescription shortdescription lineitem service "
        "itemname productname name product item "
        "omschrijving beschreibung bezeichnung artikelbezeichnung artikel produkt "
        "designation libelle descripcion concepto nazwapozycji descrizione benamning varenavn "
        "article articulo articolo "
        "nazev polozka popis urunadi urun hizmet aciklama termek megnevezes tuote nimike kuvaus "
        "denumire produs",
        "id code number qty quantity price cost date "
        "status type agreement contract company client customer account site",
        "the product billed",
    ),
    _f(
        "product_alt",
        "text",
        "itemlongdescription longdescription memodescription name productname memo",
        "id code agreement contract company client customer account site",
        "a second product name column",
    ),
    _f(
        "product_id",
        "id",
        "productid productidentifier itemid itemcode sku partnumber servicecode "
        "catalogitem productcode skucode artikelnummer artikelcode",
        "name description",
        "the PSA product id",
    ),
    _f(
        "quantity",
        "quantity",
        "quantity qty qtyorder units unitcount seats billablequantity licenses count "
        "menge anzahl aantal quantite qte cantidad antal quantita ilosc unidades "
        "mnozstvi pocet adet miktar mennyiseg maara cantitate",
        "less included price cost",
        "quantity billed",
    ),
    _f(
        "less_included",
        "quantity",
        "lessincluded qtyincluded includedquantity included",
        "",
        "units included at no charge (ConnectWise)",
    ),
    _f(
        "unit_price",
        "money",
        "adjustedunitprice adjustedprice unitprice price sellprice salesprice unitsellprice "
        "retailprice retail retailcents unitretail rate charge unitamount amountperunit listprice "
        "unitcharge einzelpreis verkaufspreis vkpreis prijspereenheid eenheidsprijs stukprijs "
        "verkoopprijs prixunitaire preciounitario precio cenanetto apris prezzounitario "
        "priseksmva pris enhedspris puht "
        "jednotkovacena cenazajednotku birimfiyat satisfiyati egysegar yksikkohinta ahinta "
        "pretunitar",
        "cost total ext margin tax prorate recurring sum rabatt",
        "the unit price charged",
    ),
    _f(
        "line_total",
        "money",
        "extprice extendedprice netamount linetotal totalprice total amount recurringrevenue net "
        "gesamtpreis gesamtbetrag betrag regelbedrag bedrag totaal montant importe importo belopp wartoscnetto subtotal "
        "sumeksmva belob belop summa ialt gesamtnetto nettogesamt betragnetto nettobetrag netto "
        "celkembezdph celkem castka kdvharictutar tutar aratoplam toplam nettoosszeg nettoertek "
        "osszeg yhteensa veroton valoare",
        "cost tax margin unit inkl incl brutto gross sdph vcetne genel dahil verollinen einzel "
        "vat btw mwst tva iva moms mva dph kdv gst",  # a per-unit amount is no line's total (Recurly's unit_amount_in_cents)
        "the line's total price",
    ),
    _f(
        "billing_period",
        "period",
        "billingperiodunit billingperiod periodtype billingfrequency frequency billed "
        "billingcycle recurrence chargefrequency interval period term cycle "
        "abrechnungsintervall abrechnung intervall eenheid facturatie periodicite einheit enhet "
        "frequence frecuencia frequenza "
        "fakturace faturalama szamlazas laskutus facturare",
        "date start end",
        "billing period",
    ),
    _f(
        "service_period",
        "text",
        "leistungszeitraum abrechnungszeitraum serviceperiod servicedates periodcovered "
        "coverageperiod billedperiod periodebilled",
        "start end from to von bis",
        "the dates a line bills for (Leistungszeitraum)",
    ),
    _f(
        "billing_interval",
        "quantity",
        "planintervallength intervallength intervalcount billingintervalcount "
        "billingintervallength billingperiodcount",
        "date price amount",
        "billing units per billing (Recurly)",
    ),
    _f(
        "status",
        "text",
        "additionstatus status agreementstatus servicestatus active isactive state zustand estado "
        "statut stato tila stav durum allapot etat "
        "stage",
        "date",
        "line status (Active, Cancelled…)",
    ),
    _f(
        "cancelled_date",
        "date",
        "cancelleddate cancelled canceldate canceleddate cancellationdate canceledon cancelledon "
        "canceled terminationdate datecancelled terminateddate enddate serviceenddate "
        "contractenddate avsluttetdato sluttdato opsagtdato "
        "einddatum enddatum slutdatum slutdato fechafin fechadebaja datafine datefin datedefin "
        "paattymispaiva datumukonceni bitistarihi",
        "next",  # Invoice Ninja's "Next Send Date" holds "…enddate" and is no end
        "cancellation date",
    ),
    _f(
        "cancelled_flag",
        "flag",
        "canceled cancelled iscanceled iscancelled cancelflag storniert annulliert annule annulee "
        "anulado annullato makulerad makuleret makulert mitatoity void voided isvoid "
        "deleted isdeleted geloescht geloscht verwijderd supprime eliminado slettet raderad "
        "poistettu smazano iptal",
        "date",
        "a cancelled or deleted yes/no box (SAP's CANCELED)",
    ),
    _f("bill_flag", "flag", "billcustomer bill billable billflag isbillable", "date", "bill flag"),
    _f(
        "paused",
        "flag",
        "paused ispaused schedulepaused onhold",
        "date",
        "a paused schedule is not billed (Syncro)",
    ),
    _f(
        "currency",
        "currency",
        "currency currencycode invoicecurrency billingcurrency waehrung wahrung valuta devise moneda "
        "parabirimi kodmeny penznem valuutta",
        "rate date exchange",
        "the currency the client is billed in",
    ),
    _f("effective_date", "date", "effectivedate effective startdate", "", "start date"),
    _f(
        "period_start",
        "date",
        "invoicedate billingdate periodstart datebilled invoiceperiod servicedate billedfor "
        "rechnungsdatum factuurdatum datefacture fechafactura",
        "",
        "the billed period (to check both exports cover one month)",
    ),
)

FIELDS: dict[Side, tuple[Field, ...]] = {"vendor": VENDOR_FIELDS, "psa": PSA_FIELDS}

REQUIRED: dict[Side, tuple[tuple[str, ...], ...]] = {
    # each inner tuple: any one of these fields satisfies the requirement
    "vendor": (
        ("client", "domain"),
        ("product_name", "product_id"),
        ("quantity",),
        ("unit_cost", "line_total"),
    ),
    "psa": (
        ("client",),
        ("product_name", "product_id"),
        ("quantity",),
        ("unit_price", "line_total"),
    ),
}

_SIDE_MARKERS: dict[Side, tuple[str, ...]] = {
    "vendor": (
        "effectiveunitprice",
        "billablequantity",
        "customerdomainname",
        "skuid",
        "partnerid",
        "mpnid",
        "costtotal",
        "unitcostprice",
        "stockcode",
        "chargetype",
        "tenantid",
        "tenantname",
        "termandbillingcycle",
        "pctobcexchangerate",
        "resellermpnid",
        "vendorname",
        "publishername",
        "unitrrp",
    ),
    "psa": (
        "lessincluded",
        "billcustomer",
        "agreementname",
        "agreementtype",
        "agreementstatus",
        "additionstatus",
        "invoicedescription",
        "itemshortdescription",
        "qtyorder",
        "retailcents",
        "prorateprice",
        "recurringrevenue",
        "contractname",
        "adjustedprice",
        "agreementid",
        "contractid",
        "customerbusinessthenname",
    ),
}


#: Japanese and Korean headers have no Latin letters to compare, so their words are read as the
#: English keys above (longest first: 仕入単価 before 単価). Exports from Japanese and Korean
#: distributors and books.
_JAPANESE_WORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("顧客名", "customername"),
            ("得意先名", "customername"),
            ("取引先名", "customername"),
            ("顧客", "customer"),
            ("得意先", "customer"),
            ("商品名", "productname"),
            ("製品名", "productname"),
            ("品名", "productname"),
            ("仕入単価", "unitcost"),
            ("仕入金額", "costtotal"),
            ("標準価格", "listprice"),
            ("希望小売価格", "listprice"),
            ("販売単価", "unitprice"),
            ("単価", "unitprice"),
            ("金額", "amount"),
            ("数量", "quantity"),
            ("請求サイクル", "billingcycle"),
            ("契約期間", "term"),
            ("商品コード", "productcode"),
            ("顧客コード", "customercode"),
            # Korean bills: 단가 is the unit price (the MSP's cost on a distributor's bill), 소비자가
            # the consumer price, 공급가액 the amount before VAT (부가세), 합계 the amount with it
            ("고객사명", "customername"),
            ("고객명", "customername"),
            ("상품명", "productname"),
            ("제품명", "productname"),
            ("수량", "quantity"),
            ("단가", "unitprice"),
            ("소비자가", "listprice"),
            ("공급가액", "nettotal"),
            ("부가세", "tax"),
            ("합계", "grosstotal"),
            ("청구주기", "billingcycle"),
            ("계약기간", "term"),
        ),
        key=lambda pair: -len(pair[0]),
    )
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")

#: Chinese headers (simplified and traditional), read as the English keys as Japanese ones are.
_CHINESE_WORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("客户名称", "customername"),
            ("客戶名稱", "customername"),
            ("客户", "customer"),
            ("客戶", "customer"),
            ("产品名称", "productname"),
            ("產品名稱", "productname"),
            ("商品名称", "productname"),
            ("产品", "product"),
            ("產品", "product"),
            ("产品编码", "productcode"),
            ("产品代码", "productcode"),
            ("采购单价", "unitcost"),
            ("进货单价", "unitcost"),
            ("成本单价", "unitcost"),
            ("建议零售价", "listprice"),
            ("零售价", "listprice"),
            ("单价", "unitprice"),
            ("單價", "unitprice"),
            ("不含税金额", "nettotal"),
            ("未税金额", "nettotal"),
            ("含税金额", "grosstotal"),
            ("税额", "tax"),
            ("金额", "amount"),
            ("合计", "total"),
            ("计费周期", "billingcycle"),
            ("計費週期", "billingcycle"),
            ("订阅期限", "term"),
            ("开始日期", "startdate"),
            ("结束日期", "enddate"),
            ("币种", "currency"),
            ("状态", "status"),
        ),
        key=lambda pair: -len(pair[0]),
    )
)


def _fold_script(text: str) -> str:
    """Lower case without accents (Greek's tonos), for headers in scripts with no Latin letters."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: Russian, Ukrainian, Greek, Arabic and Hebrew headers, read as the English keys (folded: lower
#: case, no accents; longest first).
_SCRIPT_WORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            (_fold_script(word), key)
            for word, key in (
                # Russian and Ukrainian
                ("Наименование клиента", "customername"),
                ("Клиент", "customer"),
                ("Заказчик", "customer"),
                ("Покупатель", "customer"),
                ("Контрагент", "customer"),
                ("Наименование", "productname"),
                ("Номенклатура", "productname"),
                ("Продукт", "product"),
                ("Товар", "product"),
                ("Артикул", "productcode"),
                ("Количество", "quantity"),
                ("Кол-во", "quantity"),
                ("Кількість", "quantity"),
                ("Цена закупки", "unitcost"),
                ("Закупочная цена", "unitcost"),
                ("Рекомендованная цена", "listprice"),
                ("Цена за единицу", "unitprice"),
                ("Цена", "unitprice"),
                ("Ціна", "unitprice"),
                ("Сумма без НДС", "nettotal"),
                ("Сумма с НДС", "grosstotal"),
                ("НДС", "tax"),
                ("ПДВ", "tax"),
                ("Сумма", "amount"),
                ("Итого", "total"),
                ("Периодичность", "billingfrequency"),
                ("Валюта", "currency"),
                ("Дата начала", "startdate"),
                ("Дата окончания", "enddate"),
                ("Статус", "status"),
                # Greek
                ("Επωνυμία πελάτη", "customername"),
                ("Πελάτης", "customer"),
                ("Προϊόν", "product"),
                ("Είδος", "product"),
                ("Περιγραφή", "description"),
                ("Κωδικός", "productcode"),
                ("Ποσότητα", "quantity"),
                ("Τιμή κόστους", "unitcost"),
                ("Τιμή μονάδας", "unitprice"),
                ("Τιμή", "unitprice"),
                ("Καθαρή αξία", "nettotal"),
                ("Αξία", "amount"),
                ("Ποσό", "amount"),
                ("ΦΠΑ", "tax"),
                ("Σύνολο", "grosstotal"),
                ("Τιμολόγηση", "billingfrequency"),
                ("Νόμισμα", "currency"),
                ("Κατάσταση", "status"),
                # Arabic
                ("اسم العميل", "customername"),
                ("العميل", "customer"),
                ("اسم المنتج", "productname"),
                ("المنتج", "product"),
                ("الكمية", "quantity"),
                ("سعر التكلفة", "unitcost"),
                ("سعر الوحدة", "unitprice"),
                ("السعر", "unitprice"),
                ("المبلغ قبل الضريبة", "nettotal"),
                ("ضريبة القيمة المضافة", "tax"),
                ("المبلغ", "amount"),
                ("الإجمالي", "grosstotal"),
                ("العملة", "currency"),
                ("دورة الفوترة", "billingcycle"),
                # Hebrew
                ("שם לקוח", "customername"),
                ("לקוח", "customer"),
                ("מוצר", "product"),
                ("תיאור", "description"),
                ("כמות", "quantity"),
                ("מחיר ליחידה", "unitprice"),
                ("מחיר", "unitprice"),
                ('מע"מ', "tax"),
                ("סכום", "amount"),
                ('סה"כ', "total"),
                ("מחיר מחירון", "listprice"),
                ("מחירון", "listprice"),
                ("מחזור חיוב", "billingcycle"),
                ("תאריך התחלה", "startdate"),
                ("תאריך סיום", "enddate"),
                ('מק"ט', "sku"),
                ("הערות", "notes"),
                ("מטבע", "currency"),
            )
        ),
        key=lambda pair: -len(pair[0]),
    )
)
_OTHER_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff]")


def header_key(text: object) -> str:
    """``"Effective Unit Price"`` / ``"effective_unit_price"`` → ``"effectiveunitprice"``."""
    if text is None:
        return ""
    raw = str(text)
    if _CJK.search(raw):
        raw = unicodedata.normalize("NFKC", raw)
        for word, key in (*_JAPANESE_WORDS, *_CHINESE_WORDS):
            raw = raw.replace(word, key)
    elif _OTHER_SCRIPTS.search(raw):
        raw = _fold_script(raw)
        for word, key in _SCRIPT_WORDS:
            raw = raw.replace(word, key)
    return re.sub(r"[^a-z0-9]", "", folded(raw))  # Danish "Beløb" is "belob", never "belb"


_ALL_SYNONYMS = frozenset(s for fields in FIELDS.values() for f in fields for s in f.synonyms)
#: Every side's words for the customer's column.
CLIENT_SYNONYMS = frozenset(
    s for fields in FIELDS.values() for f in fields if f.name == "client" for s in f.synonyms
)


def names_a_client(label: str) -> bool:
    """A header or label that names the customer ("Kunde", "Bill To", "Endkunde")."""
    key = header_key(label)
    return key in CLIENT_SYNONYMS or any(len(s) >= 4 and s in key for s in CLIENT_SYNONYMS)


def header_score(cells: Iterable[object]) -> float:
    """How much a row looks like a header: exact synonym hits count 1, contained ones 0.3."""
    score = 0.0
    for cell in cells:
        if not isinstance(cell, str):
            continue
        key = header_key(cell)
        if not key or len(key) > 60:
            continue
        if key in _ALL_SYNONYMS:
            score += 1
        elif any(len(s) >= 5 and s in key for s in _ALL_SYNONYMS):
            score += 0.3
    return score


@dataclass(frozen=True)
class ColumnMapping:
    """Which column each field was read from, and how it was found (``synonym``/``content``/``user``)."""

    side: Side
    columns: dict[str, str]
    how: dict[str, str]

    def get(self, field: str) -> str | None:
        return self.columns.get(field)


_TAXES = "tax|vat|btw|mwst|tva|iva|moms|mva|dph|kdv|gst|igv"
#: "excl. VAT", "bez DPH", "ohne MwSt", "KDV hariç": a header that says it is *before* tax is not
#: about tax ("Bedrag excl. btw" is the line's net total; "Btw-bedrag" is the tax).
_UNTAXED = re.compile(
    rf"(?:excl|exkl|ekskl|excluding|ohne|bez|hors|sin|senza|zonder|uten|utan|eks|ex)(?:{_TAXES})"
    rf"|(?:{_TAXES})(?:haric|excl|exkl|excluded|exclusive)"
)


def _match_score(field: Field, key: str) -> float:
    """1000 for a synonym, 500 less the extra letters for a header holding one; 0 when the rest of
    the header holds a forbidden word (India's "Taxable Value" is the amount before tax: its "tax"
    is the synonym's own; "Unit Price (SRP)" holds "srp" beside it)."""
    if key in field.synonyms:
        return 1000.0 - field.synonyms.index(key)
    for rank, synonym in enumerate(field.synonyms):
        if len(synonym) >= 4 and synonym in key:
            rest = _UNTAXED.sub(" ", key.replace(synonym, " "))
            if any(word in rest for word in field.forbidden):
                return 0.0
            return 500.0 - rank - (len(key) - len(synonym))
    return 0.0


_FLAG = re.compile(
    r"^\s*(?:true|false|yes|no|y|n|1|0|x|bill|billable|billed|paused|active|on|off|ja|nein|oui|non|si|"
    r"s(?:í|i)|nej|nei|sim|n(?:ã|a)o|tak|nie|kyll(?:ä|a)|ei)\s*$",
    re.IGNORECASE,
)


def _content_ok(kind: Kind, values: Sequence[object]) -> bool:
    """Do a column's first values look like what the field holds?"""
    sample = [v for v in values[:200] if v is not None and str(v).strip() != ""]
    if not sample:
        return kind not in ("money", "quantity")
    if kind == "money":
        ok = sum(parse_money(v) is not None for v in sample)
    elif kind == "quantity":
        ok = sum(parse_quantity(v) is not None for v in sample)
    elif kind == "date":
        ok = sum(parse_date(v) is not None for v in sample)
    elif kind == "text":
        ok = sum(parse_money(v) is None for v in sample)
    elif kind == "currency":
        ok = sum(currency_code(v) is not None for v in sample)
    elif kind == "flag":  # a yes/no box, not "monthly" in a "Billed" column
        ok = sum(
            isinstance(v, bool | int | float)
            or is_not_billable(str(v))
            or _FLAG.match(str(v)) is not None
            for v in sample
        )
    else:
        return True
    return ok >= 0.5 * len(sample)


def recognise(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    *,
    source: str,
    overrides: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """Map fields to columns by synonym and content; user ``overrides`` win. Raises if one is missing."""
    fields = {f.name: f for f in FIELDS[side]}
    columns: dict[str, str] = {}
    how: dict[str, str] = {}
    taken: set[str] = set()
    by_key = {header_key(h): h for h in headers if header_key(h)}
    problems = []
    for field_name, header in (overrides or {}).items():
        if field_name not in fields:
            problems.append(f"unknown field {field_name!r} (known: {', '.join(fields)})")
            continue
        found = by_key.get(header_key(header))
        if found is None:
            problems.append(f"{field_name} → {header!r}: no such column in {source}")
            continue
        columns[field_name], how[field_name] = found, "user"
        taken.add(found)
    if problems:
        raise SettingsError(f"Column mapping for the {side} export: " + "; ".join(problems) + ".")
    candidates = sorted(
        (
            (_match_score(field, header_key(header)), index, field.name, header)
            for field in fields.values()
            if field.name not in columns
            for index, header in enumerate(headers)
            if header not in taken and header_key(header)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for score, _, field_name, header in candidates:
        if score <= 0 or field_name in columns or header in taken:
            continue
        exact_text = (
            fields[field_name].kind == "text" and score >= 900
        )  # numeric client names exist
        if not exact_text and not _content_ok(fields[field_name].kind, data[header]):
            continue
        columns[field_name], how[field_name] = header, "synonym"
        taken.add(header)
    if "client" not in columns:
        _client_by_legal_forms(headers, data, columns, how, taken)
    if (
        "product_name" not in columns
        and how.get("product_alt") == "synonym"
        and not (
            "client" in columns
            and _mostly_same(data[columns["product_alt"]], data[columns["client"]])
        )
    ):
        # the one product-like column ("Line Item Name") scored a hair higher as the second name;
        # never one that repeats the customer (QuickBooks Desktop's "Name": the Memo is found next)
        columns["product_name"], how["product_name"] = columns.pop("product_alt"), "synonym"
        del how["product_alt"]
    _fill_by_content(side, headers, data, columns, how, taken)
    if not overrides or not {"unit_cost", "unit_price", "line_total"} & set(overrides):
        _settle_unit_and_total(side, headers, data, columns, how)
    if not overrides or "line_total" not in overrides:
        _total_before_tax(headers, data, columns, how)
    if not overrides or "product_name" not in overrides:
        _settle_product_name(side, headers, data, columns, how)
    if not overrides or "client" not in overrides:
        _settle_client(side, headers, data, columns, how)
    _refuse_ambiguous(headers, data, columns, how, source)
    mapping = ColumnMapping(side, columns, how)
    check_required(mapping, headers, source)
    return mapping


_REPEAT = re.compile(r"^(.*) \((\d+)\)$")  # header.py names a repeated header "Qty (2)"


def _refuse_ambiguous(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    source: str,
) -> None:
    """Two columns under the same header holding different values: never pick one silently."""

    def base(header: str) -> str:
        match = _REPEAT.match(header)
        return (match.group(1) if match else header).strip().lower()

    for field_name, header in columns.items():
        if how.get(field_name) == "user":
            continue
        twins = [h for h in headers if base(h) == base(header)]
        if len(twins) < 2 or all(list(data[t]) == list(data[header]) for t in twins):
            continue
        letters = " and ".join(_letter(headers.index(t)) for t in twins)
        raise InputError(
            f"{source}: {len(twins)} columns are headed {twins[0]!r} (columns {letters}) and "
            f"hold different values, so Leakage Finder cannot tell which is the {field_name}. "
            "Delete or rename the one that is not, or name the one to use in the column mapping "
            f"(Settings sheet or --mapping; the second is called {twins[1]!r})."
        )


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _fill_by_content(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """Last resort for unknown exports: pick untaken columns whose values look right."""
    free = [h for h in headers if h not in taken]
    looks: dict[str, Callable[[Sequence[object]], bool]] = {
        "quantity": lambda s: _content_ok("quantity", s) and _mostly_small_whole(s),
    }
    for field_name, check in looks.items():
        if field_name in columns:
            continue
        for header in free:
            if check(data[header]):
                columns[field_name], how[field_name] = header, "content"
                taken.add(header)
                free.remove(header)
                break
    period = "billing_frequency" if side == "vendor" else "billing_period"
    if period not in columns:  # Sage 50's "Comment 1": "Monthly", "Annual licence 01/11/2026-…"
        for header in free:
            if _mostly_periods(data[header]):
                columns[period], how[period] = header, "content"
                taken.add(header)
                free.remove(header)
                break
    if "product_name" not in columns:  # Sherweb's "Subscription" beside its "SKU": names, not codes
        named = [h for h in free if _mostly_names(data[h])]
        if named:
            best = max(named, key=lambda h: len(_distinct(data[h])))
            columns["product_name"], how["product_name"] = best, "content"
            taken.add(best)


def _client_by_legal_forms(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """No header says which column is the customer (NetSuite's and Sage 50's "Name"): the text
    column whose values end in legal forms ("Ltd", "GmbH", "Corp.") is, since no product's name
    does. It may have been taken for a product name ("name" means that in other exports)."""
    best, best_share = None, 0.3
    for header in headers:
        if header in taken and how.get(_field_of(columns, header) or "") != "synonym":
            continue
        if _field_of(columns, header) not in (None, "product_name", "product_alt"):
            continue
        values = _distinct(data[header])
        if len(values) < 2:
            continue
        share = sum(ends_in_legal_form(v) for v in values) / len(values)
        if share > best_share:
            best, best_share = header, share
    if best is None:
        return
    if (field := _field_of(columns, best)) is not None:
        del columns[field], how[field]
    columns["client"], how["client"] = best, "content"
    taken.add(best)


def _field_of(columns: Mapping[str, str], header: str) -> str | None:
    return next((field for field, taken in columns.items() if taken == header), None)


def ends_in_legal_form(text: str) -> bool:
    """A company's name: two words or more, the last a legal form ("Ltd", "GmbH", "Corp.")."""
    words = re.findall(r"[a-z]+", unicodedata.normalize("NFKD", text.lower()))
    return len(words) >= 2 and is_legal_form(words[-1])


def _mostly_periods(values: Sequence[object]) -> bool:
    """Most values are words of a billing period ("Monthly", "Annual …"), not numbers or codes."""
    sample = [v for v in values[:500] if isinstance(v, str) and v.strip()]
    if len(sample) < 0.3 * len(values[:500]) or len(_distinct(sample)) < 2:
        return False
    return sum(parse_period_months(v) is not None for v in sample) >= 0.8 * len(sample)


def _mostly_names(values: Sequence[object]) -> bool:
    """Most values are several words with letters (product names), not codes, ids or amounts."""
    sample = [str(v).strip() for v in values[:200] if v is not None and str(v).strip()]
    wordy = sum(
        " " in text and sum(ch.isalpha() for ch in text) >= 4 and parse_money(text) is None
        for text in sample
    )
    return bool(sample) and wordy >= 0.8 * len(sample) and len(set(sample)) > 1


def _mostly_small_whole(values: Sequence[object]) -> bool:
    numbers = [parse_quantity(v) for v in values[:200]]
    parsed = [n for n in numbers if n is not None]
    return bool(parsed) and sum(
        n == n.to_integral_value() and 0 <= n < 100000 for n in parsed
    ) >= 0.9 * len(parsed)


def check_required(mapping: ColumnMapping, headers: list[str], source: str) -> None:
    """Raise one message listing every missing requirement and the columns that were found."""
    missing = [
        group for group in REQUIRED[mapping.side] if not any(f in mapping.columns for f in group)
    ]
    if not missing:
        return
    names = " and ".join(" or ".join(group) for group in missing)
    found = ", ".join(repr(h) for h in headers if not h.startswith("column ")) or "none"
    word = "vendor bill" if mapping.side == "vendor" else "PSA export"
    raise MissingColumnError(
        f"{source}: could not find the {names} column{'s' if len(missing) > 1 else ''} of the "
        f"{word}. Columns found: {found}. Rename the column, or map it in the Settings sheet / "
        'mapping file (for example "quantity": "Seats").'
    )


def side_markers(headers: Iterable[str]) -> dict[Side, int]:
    """How many headers only one side's exports use (to catch swapped files)."""
    keys = {header_key(h) for h in headers}
    return {
        side: sum(marker in keys for marker in markers) for side, markers in _SIDE_MARKERS.items()
    }


def check_side(side: Side, headers: list[str], source: str) -> None:
    """Refuse an export that clearly belongs to the other side."""
    markers = side_markers(headers)
    other: Side = "psa" if side == "vendor" else "vendor"
    if markers[other] >= 2 and markers[side] == 0:
        this = "vendor bill" if side == "vendor" else "PSA export"
        that = "PSA export" if side == "vendor" else "vendor bill"
        raise WrongSideError(
            f"{source} was given as the {this} but looks like a {that} (it has columns such as "
            f"{', '.join(h for h in headers if header_key(h) in _SIDE_MARKERS[other][:40])}). "
            "Swap the two files (or paste each export into its own sheet)."
        )


# --- content decides what names cannot ---------------------------------------------------------------

_SAMPLE = 300


def _money_sample(header: str, values: Sequence[object]) -> list[Decimal | None]:
    cents = "cents" in header_key(header)
    out: list[Decimal | None] = []
    for value in values[:_SAMPLE]:
        amount = parse_money(value)
        out.append(amount / 100 if cents and amount is not None else amount)
    return out


def _close(a: Decimal, b: Decimal, quantity: Decimal) -> bool:
    """Equal up to the rounding of a unit amount to the cent (half a cent per unit)."""
    return abs(a - b) <= Decimal("0.005") * abs(quantity) + Decimal("0.01")


def _unitlike(header: str) -> bool:
    key = header_key(header)
    return any(word in key for word in ("unit", "price", "rrp", "msrp", "list", "rate", "each"))


def _per_line(
    header: str,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    quantities: list[Decimal | None],
    exclude: set[str],
    products: Sequence[object] | None = None,
) -> tuple[bool | None, str | None]:
    """Does this money column hold line totals (True), unit amounts (False) or can't content say
    (None)? Told by content: total ≈ quantity × another column's unit; a unit × quantity ≈ another
    column's total; a discounted line amount whose per-seat value sits just under a unit-named list
    price; or, within one product, a value that grows with the quantity. Also returns the column that
    holds the matching unit amount, when one does."""
    values = _money_sample(header, data[header])
    rows = [
        i
        for i, (q, v) in enumerate(zip(quantities, values, strict=False))
        if q is not None and abs(q) >= 2 and v is not None and v != 0
    ]
    if not rows:
        return None, None
    need = max(1, (len(rows) * 6 + 9) // 10)
    others = {
        h: sample
        for h in headers
        if h != header and h not in exclude and _looks_numeric(data[h], rows)
        for sample in [_money_sample(h, data[h])]
        if sum(sample[i] is not None for i in rows) >= need
    }
    for other, sample in others.items():
        total_qs: list[Decimal] = []
        units = 0
        for i in rows:
            o, v, q = sample[i], values[i], quantities[i]
            if o is None or v is None or q is None or o == 0:
                continue
            if _close(v, q * o, q):
                total_qs.append(abs(q))
            elif _close(o, q * v, q):
                units += 1
        if len(total_qs) >= need and _varied(total_qs):
            return True, other
        if units >= need:
            return False, None
    for other, sample in others.items():
        if not _unitlike(other):
            continue
        per_seat: list[Decimal] = []  # (value ÷ quantity) ÷ the other column: the discount
        as_unit: list[Decimal] = []  # value ÷ the other column, if both were unit amounts
        seats: list[Decimal] = []
        for i in rows:
            o, v, q = sample[i], values[i], quantities[i]
            if o is None or v is None or q is None or o <= 0 or v <= o:
                continue
            ratio = v / q / o
            if Decimal("0.5") <= ratio <= 1:
                per_seat.append(ratio)
                as_unit.append(v / o)
                seats.append(abs(q))
        if (
            len(per_seat) >= need
            and len(set(seats)) >= 2
            and _spread(per_seat) <= Decimal("1.2")
            and _spread(as_unit) >= 2 * _spread(per_seat)
        ):
            return True, None
    if products is not None:
        return _by_product(values, quantities, products), None
    return None, None


def _by_product(
    values: list[Decimal | None], quantities: list[Decimal | None], products: Sequence[object]
) -> bool | None:
    """Within one product, a unit amount stays put while the quantity changes and a line total
    grows with it. Each product bought in two different quantities votes; most votes win."""
    seen: dict[str, dict[Decimal, Decimal]] = {}
    for value, quantity, product in zip(values, quantities, products, strict=False):
        if value is None or quantity is None or quantity <= 0 or value <= 0 or product is None:
            continue
        seen.setdefault(str(product).strip().lower(), {}).setdefault(quantity, value)
    totals = units = 0
    for by_quantity in seen.values():
        if len(by_quantity) < 2:
            continue
        amounts = list(by_quantity.values())
        per_seat = [v / q for q, v in by_quantity.items()]
        if max(amounts) == min(amounts):
            units += 1
        elif _spread(per_seat) <= Decimal("1.01"):
            totals += 1
    if totals > units and totals >= 2:
        return True
    if units > totals:
        return False
    return None


def _looks_numeric(values: Sequence[object], rows: list[int]) -> bool:
    """A cheap look at a few of the rows before parsing a column as money."""
    probe = [values[i] for i in rows[:8] if i < len(values)]
    return any(parse_money(v) is not None for v in probe)


def _varied(quantities: list[Decimal]) -> bool:
    """Enough to tell a line total from a unit amount that merely is a multiple of another column:
    two different quantities, or one line of at least three seats."""
    return len(set(quantities)) >= 2 or (len(quantities) == 1 and quantities[0] >= 3)


def _spread(values: list[Decimal]) -> Decimal:
    return max(values) / min(values) if min(values) > 0 else Decimal("Infinity")


def _settle_unit_and_total(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A column named like a unit amount that holds line totals (Ingram's "Net Price", an Autotask
    "Adjusted Price" per line) becomes the line total; one named like a total that holds unit amounts
    is dropped as a total. Content, not the name, decides (quantity × unit ≈ total)."""
    unit_field = "unit_cost" if side == "vendor" else "unit_price"
    quantity_header = columns.get("quantity")
    if quantity_header is None:
        return
    quantities = [parse_quantity(v) for v in data[quantity_header][:_SAMPLE]]
    kinds = {f.name: f.kind for f in FIELDS[side]}
    exclude = {h for f, h in columns.items() if kinds.get(f) != "money"}
    unit_header = columns.get(unit_field)
    if unit_header is not None and how.get(unit_field) != "user":
        product_header = columns.get("product_name") or columns.get("product_id")
        products = data[product_header][:_SAMPLE] if product_header is not None else None
        per_line, partner = _per_line(unit_header, headers, data, quantities, exclude, products)
        if per_line:
            del columns[unit_field]
            if "line_total" not in columns:
                columns["line_total"], how["line_total"] = unit_header, "content"
            if partner is not None and partner not in columns.values():
                columns[unit_field], how[unit_field] = partner, "content"
            else:
                how.pop(unit_field, None)
            return
    total_header = columns.get("line_total")
    unit_header = columns.get(unit_field)
    if total_header is not None and unit_header is not None and how.get("line_total") != "user":
        units = _money_sample(unit_header, data[unit_header])
        totals = _money_sample(total_header, data[total_header])
        rows = [
            i
            for i, q in enumerate(quantities)
            if q is not None and abs(q) >= 2 and i < len(units) and units[i] and totals[i]
        ]
        need = max(1, (len(rows) * 6 + 9) // 10)
        same = sum(units[i] == totals[i] for i in rows)
        if rows and same >= need:
            del columns["line_total"]  # a second unit column, not a total
            how.pop("line_total", None)
            return
        if side == "vendor" and how.get(unit_field) != "user" and _generic_price(unit_header):
            # a bare "price" beside a cost total that is always lower: the price is what the
            # vendor suggests charging (Pax8's `price`), the total is the MSP's cost
            priced = lower = 0
            for q, unit, total in zip(quantities, units, totals, strict=False):
                if q is None or q <= 0 or not unit or not total:
                    continue
                priced += 1
                lower += total < q * unit - (Decimal("0.005") * q + Decimal("0.01"))
            if priced and lower >= max(1, (priced * 6 + 9) // 10):
                del columns[unit_field]
                how.pop(unit_field, None)


def _total_before_tax(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A line total that is two other columns added up (Zoho's "Total" is "Item Total" plus "Item
    Tax Amount") is the total with tax: the first of the two is the line's own."""
    total_header = columns.get("line_total")
    if total_header is None:
        return
    totals = _money_sample(total_header, data[total_header])
    free = {
        h: _money_sample(h, data[h])
        for h in headers
        if h not in columns.values() and _content_ok("money", data[h][:_SAMPLE])
    }
    free = {h: v for h, v in free.items() if sum(x is not None for x in v) >= 3}
    taxes = {h: v for h, v in free.items() if _tax_like(h)}
    for net, nets in free.items():
        for added, adds in taxes.items():
            if added == net:
                continue
            rows = [
                (t, a, b)
                for t, a, b in zip(totals, nets, adds, strict=False)
                if t is not None and a is not None and b is not None and t
            ]
            summed = sum(
                abs(t - (a + b)) <= _CENT_SLACK and a and abs(a) < abs(t) for t, a, b in rows
            )
            if len(rows) >= 3 and summed >= 0.8 * len(rows):
                columns["line_total"], how["line_total"] = net, "content"
                return


def _tax_like(header: str) -> bool:
    """A header that names a tax ("Item Tax Amount", "VAT", "Btw-bedrag", "MwSt")."""
    return any(word in header_key(header) for word in _TAXES.split("|"))


_CENT_SLACK = Decimal("0.011")


def _generic_price(header: str) -> bool:
    """A unit column named only "price"/"unit price"/"rate": nothing in it says it is a cost."""
    return header_key(header) in ("price", "unitprice", "rate", "unitrate", "listprice")


def _distinct_partners(first: Sequence[object], second: Sequence[object]) -> float:
    """Share of rows whose ``first`` value goes with two or more different ``second`` values: a
    generic text ("User licence") shared by many products scores high."""
    partners: dict[str, set[str]] = {}
    pairs = []
    for a, b in zip(first[:2000], second[:2000], strict=False):
        key_a = str(a).strip().lower() if a is not None else ""
        key_b = str(b).strip().lower() if b is not None else ""
        if key_a and key_b:
            partners.setdefault(key_a, set()).add(key_b)
            pairs.append(key_a)
    if not pairs:
        return 0.0
    return sum(len(partners[a]) >= 2 for a in pairs) / len(pairs)


def _settle_product_name(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """When the column taken for the product holds a generic text shared by many products (Syncro's
    description "User licence" beside the product in ``name``; Kaseya BMS's "Per user per month"),
    the product is read from the other column, and the generic one kept as the alternate. Generic:
    most of its values go with several values of the other column, and either not the other way
    round or it has at most half as many different values."""
    current = columns.get("product_name")
    if current is None or how.get("product_name") == "user":
        return
    client = columns.get("client")
    if client is not None and _mostly_same(data[current], data[client]):
        # QuickBooks Desktop's "Name" is the customer again, the product is typed in "Memo"
        _product_beside_the_client(side, headers, data, columns, how, current)
        return
    alt = columns.get("product_alt")
    if client is not None and alt is not None and _mostly_same(data[alt], data[client]):
        del columns["product_alt"]

    field_list = {f.name: f for f in FIELDS[side]}
    scorers = [field_list["product_name"], *([field_list["product_alt"]] if side == "psa" else [])]
    candidates = sorted(
        (
            h
            for h in headers
            if h != current
            and h not in {v for k, v in columns.items() if k not in ("product_alt",)}
            and any(_match_score(f, header_key(h)) > 0 for f in scorers)
            and _content_ok("text", data[h])
            and not (client is not None and _mostly_same(data[h], data[client]))
        ),
        key=lambda h: -max(_match_score(f, header_key(h)) for f in scorers),
    )
    if _mostly_dated(data[current]) or _mostly_codes(data[current]):
        # Holded's "Descripción" is the period and the users ("Periodo: 01/09/2026 - …"); the
        # product is its "Concepto". Zuora's "Subscription.Name" is a number ("S-100280"); the
        # product is the rate plan's name.
        named = [
            h
            for h in [columns.get("product_alt"), *candidates]
            if h and not _mostly_dated(data[h]) and not _mostly_codes(data[h])
        ]
        if named:
            columns["product_name"], how["product_name"] = named[0], "content"
            if side == "psa":
                columns["product_alt"], how["product_alt"] = current, "content"
            return
    for other in candidates:
        generic = _distinct_partners(data[current], data[other]) >= 0.5
        if generic and (
            _distinct_partners(data[other], data[current]) < 0.2
            or 2 * len(_distinct(data[current])) <= len(_distinct(data[other]))
        ):
            columns["product_name"], how["product_name"] = other, "content"
            if side == "psa":
                columns["product_alt"], how["product_alt"] = current, "content"
            return
    if side == "psa" and "product_alt" not in columns and candidates:
        # a second product-like column (Kaseya BMS's Service beside its Description): the matcher
        # reads it when the first name is not a product it knows
        columns["product_alt"], how["product_alt"] = candidates[0], "content"


_DATE_IN_TEXT = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    # a month named with its year: "Abonnement novembre 2026", "Nov 2026"
    r"|\b(?:jan|feb|f[ée]v|m[aä]r|apr|avr|abr|ma[iyj]|mei|mag|jun|juin|giu|jul|juil|lug|aug|ao[uû]"
    r"|ago|sep|set|o[ck]t|ott|out|nov|d[eé][cz]|dic)[a-zéûä]*\.?\s+20\d{2}\b",
    re.IGNORECASE,
)


def _mostly_dated(values: Sequence[object]) -> bool:
    """Most values carry a date: a billing period or a note of it, not a product's name."""
    sample = list(_distinct(values, 400))
    return bool(sample) and sum(bool(_DATE_IN_TEXT.search(v)) for v in sample) >= 0.6 * len(sample)


_CODE = re.compile(r"^[A-Za-z]{0,4}[-_/ ]?\d[\d-]{2,}$")


def _mostly_codes(values: Sequence[object]) -> bool:
    """Most values are numbers with at most a short prefix ("S-100280", "INV-0042"), nearly all
    different: a record's number, not a product's name."""
    sample = _distinct(values, 2000)
    if len(sample) < 5:
        return False
    coded = sum(bool(_CODE.match(v)) for v in sample)
    return coded >= 0.9 * len(sample) and len(sample) >= 0.5 * _filled(values, 2000)


def _filled(values: Sequence[object], limit: int) -> int:
    return sum(1 for v in values[:limit] if v is not None and str(v).strip())


def _mostly_same(values: Sequence[object], others: Sequence[object], limit: int = 2000) -> bool:
    """Nine in ten of the filled values are the other column's on the same line."""
    pairs = [
        (str(a).strip().lower(), str(b).strip().lower())
        for a, b in zip(values[:limit], others[:limit], strict=False)
        if a is not None and str(a).strip()
    ]
    return bool(pairs) and sum(a == b for a, b in pairs) >= 0.9 * len(pairs)


def _product_beside_the_client(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    current: str,
) -> None:
    """The column taken for the product repeats the client: the product is the text column that
    names most different things and is no repeat of the client, read by content."""
    taken = {v for k, v in columns.items() if k not in ("product_name", "product_alt")}
    client = data[columns["client"]]
    candidates = [
        h
        for h in headers
        if h != current
        and h not in taken
        and _content_ok("text", data[h])
        and not _mostly_same(data[h], client)
        and not any(_parses_as_number(v) for v in data[h][:50] if v is not None and str(v).strip())
    ]
    if not candidates:
        return
    best = max(candidates, key=lambda h: len(_distinct(data[h])))
    columns["product_name"], how["product_name"] = best, "content"
    if side == "psa" and columns.get("product_alt") in (best, current):
        columns.pop("product_alt", None)


def _parses_as_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) or parse_quantity(value) is not None


def _distinct(values: Sequence[object], limit: int = 2000) -> set[str]:
    return {str(v).strip().lower() for v in values[:limit] if v is not None and str(v).strip()}


def _settle_client(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A client column with one value on every line, beside another client-like column with
    several, is not the client: accounting exports have an "Account" (the ledger account, "200 -
    Sales") beside the "Contact" who is billed (Xero's Receivable Invoice Detail)."""
    current = columns.get("client")
    if current is None or how.get("client") == "user" or len(data[current]) < 3:
        return
    if len(_distinct(data[current])) > 1:
        return
    field = next(f for f in FIELDS[side] if f.name == "client")
    taken = set(columns.values())
    best, best_count = None, 1
    for header in headers:
        if header in taken or _match_score(field, header_key(header)) <= 0:
            continue
        if not _content_ok("text", data[header]):
            continue
        count = len(_distinct(data[header]))
        if count > best_count:
            best, best_count = header, count
    if best is not None:
        columns["client"], how["client"] = best, "content"
