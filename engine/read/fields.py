"""The fields each side's export holds, and the words that name them: the synonym tables as data.

Headers are compared after :func:`header_key` (lower case, letters and digits only), so
``EffectiveUnitPrice``, ``effective_unit_price`` and ``Effective Unit Price`` are one key; headers
in scripts with no Latin letters (Japanese, Chinese, Korean, Cyrillic, Greek, Hebrew, Arabic) are
read as the English keys first. :func:`match_score` says how well a header names a field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from engine.folding import folded

Side = Literal["vendor", "psa"]
Kind = Literal["text", "money", "quantity", "period", "date", "flag", "id", "currency", "measure"]


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
#: A unit-of-measure column ("UOM", "Unit of Measure", Partner Center's "UnitType", Acronis's
#: "Measure", "Billing unit", HaloPSA's "Unit"); never a price, amount or quantity "per unit".
_MEASURE_SYNONYMS = (
    "uom unitofmeasure unitofmeasurement unitsofmeasure measure measurementunit unittype "
    "billingunit chargeunit pricingunit salesunit unit mengeneinheit einheit eenheid unite "
    "unidad unidade enhet yksikko jednostka "
    # Estonian "Ühik", Latvian "Mērv.", Lithuanian "Mato vnt.", Serbian / Croatian "JM", Romanian
    # "UM"
    "uhik merv matovnt jm um "
    # Indonesian and Malay "Satuan", Vietnamese "ĐVT" (đơn vị tính)
    "satuan dvt donvitinh"
)
_MEASURE_FORBIDDEN = (
    "price cost amount total net rate qty quantity count value sum preis prijs prix precio "
    "betrag bedrag montant importe gross pret cena cijena kaina hind summa suma iznos harga dongia"
)
_MEASURE = _f(  # (both sides)
    "measure",
    "measure",
    _MEASURE_SYNONYMS,
    _MEASURE_FORBIDDEN,
    "what one unit of the quantity is (User, Pack, 10-user pack, GB, TB): a pack's or a "
    "storage block's size",
)
_TAX_ID = _f(  # (both sides)
    "tax_id",
    "id",
    "vatnumber vatno vatnr vatid vatreg vatregistrationnumber taxid taxnumber taxno taxidnumber "
    "taxregistrationnumber ustidnr ustid uidnummer btwnummer btwnr tvaintracommunautaire "
    "numerotva nif cif nipc partitaiva piva codicefiscale kvknummer kvk orgnr organisationsnummer "
    "organisasjonsnummer cvrnr cvr ytunnus vkn abn acn ein uen gstin cnpj rfc rut nip regon ico dic "
    "companynumber companyregistrationnumber registrationnumber registrationno regnumber regno regnr "
    "registrikood kmkrnr kmkr pvnmaksnr pvnnr pvmmokkodas pvmkodas imoneskodas imoniskodas "
    "pirkejokodas cui codfiscal oib pib piboib oibpdvid mb maticnibroj eik eikvat bulstat "
    # Indonesia's NPWP, Vietnam's "Mã số thuế", Kenya's KRA PIN, Nigeria's TIN and RC number
    "npwp npwppelanggan masothue krapin tin rcnumber",
    "amount total rate percent sum value",
    "the customer's VAT, tax or company registration number: one company, on both sides",
)
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
        "nazwaklienta klient nazwakontrahenta kontrahent kundenavn "
        # Czech, Turkish, Hungarian, Romanian
        "odberatel zakaznik musteriunvani musteriadi musteri cariunvan ugyfel vevo "
        # Indonesian and Malay "Nama Pelanggan"; Turkish Logo's "Cari Hesap Unvanı"
        "namapelanggan pelanggan carihesapunvani unvani "
        # Baltic and South-East European books: Lithuanian, Serbian / Croatian, Slovene
        "pirkejas kupac kupec "
        # Vietnamese "Tên khách hàng"
        "tenkhachhang khachhang",
        "id number domain country email reseller partner mpn broker code nummer npwp",
        "the MSP's customer",
    ),
    _f(
        "client_id",
        "id",
        "customerid customernumber companyid tenantid organizationid accountid clientid customerno "
        "accountno accountnumber endcustomerid customercode clientcode",
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
        "descricao designacao produto offer "
        "nazwaproduktu produktnavn varenavn benamning "
        "nazevproduktu nazev polozka urunadi urun hizmet termekmegnevezese termeknev termek "
        "megnevezes tuote nimike denumire produs namaproduk produk "
        # Estonian, Latvian, Lithuanian, Serbian / Croatian
        "teenus kirjeldus nimetus toode prece pakalpojums pavadinimas naziv proizvod usluga "
        # Vietnamese "Tên sản phẩm", "Tên hàng", "Tên dịch vụ"
        "tensanpham sanpham tenhang tendichvu",
        # ("Product SKU" is a code, as "sku" beyond a name's word says: Sherweb's payable charges)
        "id code number nummer qty quantity price cost date status type meter publisher category "
        "hersteller kod cod varenr sku sifra",
        "the product",
    ),
    _f(
        "product_id",
        "id",
        "productid offerid durableofferid stockcode itemcode vendorsku sku productsku "
        "partnumber catalogid catalogitemid productcode skucode mpn materialnumber articlenumber "
        "artikelnummer artikelnr artikelcode herstellernummer reference referencia "
        "kodproduktu urunkodu stokkodu cikkszam tuotekoodi artiklikood kods sifra ident "
        "kodeproduk mahang masanpham",
        "name description customer subscription order invoice",
        "the product's id or SKU",
    ),
    _f("sku_id", "id", "skuid", "", "Partner Center's SKU id (0002)"),
    _f(
        "sku_name",
        "text",
        "skuname skudescription planname editionname edition",
        "id code number",
        "the SKU's name beside the product's (Partner Center): it says more when the SKU is an "
        "edition, 'Microsoft 365 E3 (no Teams)'",
    ),
    _f(
        "quantity",
        "quantity",
        "billablequantity quantity qty qtd qtde seats licenses licences units "
        "seatcount licensecount licencecount usercount count "
        "menge anzahl aantal quantite qte cantidad antal quantita ilosc unidades quantidade "
        "mnozstvi mnozstvo pocet adet miktar mennyiseg maara cantitate stuck stueck stk kuantitas "
        "kuantiti kogus daudzums daudz kiekis kolicina cant soluong "
        "consumedquantity usagequantity usage "  # a usage report's "Usage" (Acronis)
        "jumlah",  # an Indonesian distributor's count ("Jumlah" beside "Satuan"; its amount is DPP)
        "unitprice price cost included rrp paivamaara",  # (Finnish "päivämäärä" is a date)
        "seats",
    ),
    _f(
        "unit_cost",
        "money",
        "effectiveunitprice effectiveprice unitcost cost unitcostprice costprice buyprice partnerprice netprice "
        "yourprice resellerprice dealerprice unitcostcents costcents unitprice price rate "
        "einzelpreisek ekpreis einkaufspreis einzelpreis stueckpreis nettopreis inkoopprijs "
        "prijspereenheid eenheidsprijs stukprijs prijsperstuk prixachat prixunitaire preciounitario apris styckpris prezzounitario cenanetto "
        "kostpris innkjopspris inkopspris enhetspris valorunitario precounitario custounitario "
        "nakupnicena jednotkovacena cenazajednotku jedncena jednotkovacenabezdph jedncenabezdph "
        "birimmaliyet alisfiyati birimfiyat hargasatuan harga "
        "beszerzesiar egysegar ostohinta yksikkohinta pretunitar unitnet netunitprice precounit precounitliquido "
        # Estonian, Latvian, Lithuanian, Romanian, Serbian / Croatian
        "uhikuhind hind vienibascena kaina pret jedinicnacijena jedcijena cijena cena "
        "dongia unit",
        "rrp msrp srp retail sales total ext sub margin tax list suggested erp customer "
        "uvp vkpreis verkauf gesamt totaal verkoop ialt udsalg vejl sugerido "
        "doporucen satis kmga",
        "the MSP's unit cost",
    ),
    _f(
        "line_total",
        "money",
        "costtotal totalcost partnersubtotal partnertotal subtotal extcost extendedcost extended linenet "
        "valorliquido amount "
        "linetotal nettotal lineamount taxablevalue taxableamount "
        "total totalamount extprice extendedprice "
        "gesamtpreisek gesamtpreis gesamtbetrag nettobetrag betrag totaalbedrag bedrag totaal "
        "montantht montant importe importo belopp belob belop wartoscnetto kostprisialt ialt "
        "valortotal "
        "celkembezdph celkem castka spolubezdph spolu suma kdvharictutar tutar aratoplam toplam "
        "nettoosszeg nettoertek osszeg yhteensa veroton valoare summa iznos vrednost vrijednost "
        "meduzbroj sum "
        # Indonesia's "DPP" (the amount tax is reckoned on), Vietnam's "Thành tiền"
        "dpp thanhtien",
        "tax unit rrp retail sales margin udsalg vejl inkl incl brutto gross "
        "sdph vcetne genel dahil verollinen vat btw mwst tva iva moms mva dph kdv gst "
        "pvn pvm pdv dds kmga",
        "the line's total cost",
    ),
    _f(
        "billing_frequency",
        "period",
        "billingfrequency paymentfrequency billingcycle billingcycletype billingperiod periodtype "
        "frequency billingterm billing billed "
        "abrechnungsintervall abrechnung zahlweise factureringsfrequentie facturatie "
        "frequencedefacturation facturation frecuencia periodicite periodicita periodicidad "
        "faktureringsperiod faktureringsfrekvens faktureringsinterval czestotliwoscrozliczen okresrozliczeniowy "
        "factuurfrequentie factuurperiode facturering frequentie intervall verrechnung "
        "fakturierung facturacion fatturazione fakturering "
        "czestotliwosc fakturace fakturacia faturalama szamlazas laskutus facturare "
        "tipabonament tippretplate nacinnaplate abonementaperiods "
        "kycuoc",  # Vietnamese "Kỳ cước" (the charge's period: "Tháng 11/2026", "12 tháng")
        "date start end address contact email",
        "how often a line is billed",
    ),
    _f(
        "term",
        "period",
        "termandbillingcycle term commitmentterm termduration details "
        "vertragslaufzeit laufzeit looptijd duree duracion durata bindingsperiode bindingstid "
        "okreszobowiazania zobowiazanie plazo avtalstid vigencia",
        "date start end termek",
        "the commitment term (read for the billing period when no frequency column says it)",
    ),
    _f(
        "charge_type",
        "text",
        "chargetype transactiontype linetype type positionsart buchungsart typ tipo "
        "islemtipi islemturu druh jenis loai",  # Indonesian "Jenis", Vietnamese "Loại"
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
        "debutperiode periodfran dal fra obdobiod obdobieod baslangic alkaa alkupvm",
        _DATE_FORBIDDEN,
        "start of the billed period",
    ),
    _f(
        "period_end",
        "date",
        "chargeenddate chargeend endperiod endusage usageend usageenddate serviceenddate serviceend "
        "periodend "
        "periodto dateto todate enddate billingenddate billingend to "
        "leistungszeitraumbis leistungsende zeitraumbis einddatum periodetot datefin "
        "finperiode periodtill al til obdobido obdobiedo bitis paattyy loppupvm",
        _DATE_FORBIDDEN,
        "end of the billed period",
    ),
    _f(
        "service_period",
        "text",
        "chargeperiod billedperiod serviceperiod periodcovered coverageperiod "
        "leistungszeitraum abrechnungszeitraum",
        "start end from to von bis van tot type unit frequency",
        "the dates a line is charged for, in one cell (also a column of such spans under another "
        "name: Copaco's Periode, '11-11-2026 t/m 10-11-2027')",
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
        "waehrung wahrung valuta devise moneda parabirimi kodmeny penznem valuutta valuuta valiuta",
        "rate date exchange",
        "the bill's currency (ISO code)",
    ),
    _MEASURE,
    _TAX_ID,
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
        "odberatel zakaznik musteriunvani musteriadi musteri cariunvan ugyfel vevo "
        # Indonesian and Malay "Nama Pelanggan"; Turkish Logo's "Cari Hesap Unvanı"
        "namapelanggan pelanggan carihesapunvani unvani "
        # Danish and Norwegian ledgers name the debtor "Navn"; Colombia's the "tercero"; MYOB
        # AccountRight a card's "Co./Last Name" (the company, or a person's surname)
        "navn debitornavn nombretercero tercero colastname "
        # "Company Name" in the languages of the books (ConnectWise in Spanish: "Nombre de la
        # empresa")
        "nombredelaempresa empresa nomdelentreprise entreprise societe firmenname bedrijfsnaam "
        "bedrijf nomeazienda azienda ragionesociale foretag foretagsnamn virksomhed firmanavn "
        "nazwafirmy nomedaempresa "
        # Baltic and South-East European books: Lithuanian, Serbian / Croatian, Slovene
        "pirkejas kupac kupec "
        # Vietnamese "Tên khách hàng"
        "tenkhachhang khachhang",
        "id number domain type contact email site manager code nummer npwp",
        "the client billed",
    ),
    _f(
        "client_id",
        "id",
        "accountid customerid clientid companyid customernumber customerno accountnumber "
        "accountno kundennummer kundenr debiteurnummer klantnummer customercode clientcode "
        "makhachhang",  # Vietnamese "Mã khách hàng"
        "",
        "the client's number (Autotask's Account ID): names a line whose client name is blank",
    ),
    _f(
        "discount_rate",
        "id",
        "discountrate discountpercent discountpct discountperc discount rabattprozent rabattsats "
        "rabatprocent remise descuento sconto korting allahindlus atlaide nuolaida rabat popust "
        "diskon tyleck",  # Indonesian "Diskon (%)", Vietnamese "Tỷ lệ CK (%)"
        "amount total value sum",
        "the percentage off the unit price (Xero's Discount): the price billed is the unit price "
        "less it, where no line total says so",
    ),
    _f(
        "tax_rate",
        "id",
        "taxrate vatrate taxpercent vatpercent taxpct vatpct gstrate kdvorani kdvoran mwstsatz "
        "steuersatz ustsatz btwtarief btwpercentage tauxtva tauxdetva tipoiva ivaporcentaje "
        "aliquotaiva momssats mvasats sazbadph dphsazba stawkavat afakulcs alvprosentti alvkanta "
        "cotatva",
        "amount total",
        "the tax rate of a price that includes tax (Paraşüt's KDV Oranı)",
    ),
    _f(
        "site",
        "text",
        "site sitename location locationname branch branchname store storename standort filiale "
        "vestiging sucursal",
        "id number address street city country code type",
        "the client's site (HaloPSA, Kaseya BMS): a numbered one is part of the client",
    ),
    _f(
        "product_name",
        "text",
        "productservice customerdescription description invoicedescription itemshortdescription "
        "productdescription "
        "itemdescription servicedescription servicename additiondescription shortdescription lineitem service "
        "itemname productname name product item "
        "omschrijving beschreibung bezeichnung artikelbezeichnung artikel produkt "
        "designation libelle descripcion concepto nazwapozycji descrizione benamning varenavn "
        "article articulo articolo descricao designacao produto "
        "nazev polozka popis urunadi urun hizmet aciklama termek megnevezes tuote nimike kuvaus "
        "denumire produs leistung buchungstext namaproduk namabarang produk barang "
        # Estonian, Latvian, Lithuanian, Serbian / Croatian
        "kirjeldus nimetus teenus toode prece pakalpojums pavadinimas naziv opis proizvod usluga "
        # Vietnamese "Tên hàng" (MISA), "Tên sản phẩm"
        "tenhang tensanpham tenhanghoa",
        "id code cod number qty quantity price cost date sifra "
        "status type agreement contract company client customer account site",
        "the product billed",
    ),
    _f(
        "product_alt",
        "text",
        "itemlongdescription longdescription memodescription name productname memo deskripsiproduk "
        "deskripsi keterangan label linelabel",  # Odoo's invoice line: its "Label" is the text
        "id code agreement contract company client customer account site first",
        "a second product name column",
    ),
    _f(
        "product_id",
        "id",
        "productid productidentifier itemid itemcode sku partnumber servicecode "
        "catalogitem productcode skucode artikelnummer artikelcode itemnumber itemno "
        "artiklikood sifra ident kodeproduk kodebarang mahang masanpham",
        "name description",
        "the PSA product id",
    ),
    _f(
        "quantity",
        "quantity",
        "quantity qty qtd qtde qtyorder units unitcount seats billablequantity licenses licences "
        "seatcount licensecount licencecount usercount count "
        "menge anzahl aantal quantite qte cantidad antal quantita ilosc unidades quantidade "
        "mnozstvi mnozstvo pocet adet miktar mennyiseg maara cantitate stuck stueck stk kuantitas "
        "kuantiti kogus daudzums daudz kiekis kolicina cant soluong soluongban",
        "less included price cost paivamaara tralai",  # (Finnish "päivämäärä" is a date)
        "quantity billed",
    ),
    _f(
        "less_included",
        "quantity",
        "lessincluded qtyincluded includedquantity included lessincl qtyincl includedqty "
        "menosincluido menosincluidos moinsinclus menoincluso minderinbegrepen "
        "soluongtralai",  # MISA's "Số lượng trả lại": seats returned, taken off those sold
        "",
        "units included at no charge (ConnectWise)",
    ),
    _f(
        "unit_price",
        "money",
        "adjustedunitprice adjustedprice unitprice price sellprice salesprice unitsellprice "
        "retailprice retail retailcents unitretail rate charge unitamount amountperunit listprice "
        "unitcharge einzelpreis verkaufspreis vkpreis prijspereenheid eenheidsprijs stukprijs "
        "verkoopprijs prixunitaire prix preciounitario precio cenanetto apris prezzounitario "
        "priseksmva pris enhedspris enhetspris puht "
        "jednotkovacena cenazajednotku birimfiyat satisfiyati egysegar yksikkohinta ahinta "
        "pretunitar unitnet precounit precounitario valorunitario hargasatuan harga hargaunit "
        # Estonian, Latvian, Lithuanian, Romanian, Serbian / Croatian
        "uhikuhind hind vienibascena kaina pret jedinicnacijena jedcijena cijena cena dongia",
        "cost total ext margin tax prorate recurring sum rabatt",
        "the unit price charged",
    ),
    _f(
        "line_total",
        "money",
        "extprice extendedprice extended prixext prixetendu linenet valorliquido netamount linetotal "
        "lineamount totalprice "
        "subtotal total amount recurringrevenue net "
        "gesamtpreis gesamtbetrag betrag regelbedrag bedrag totaal montant importe importo belopp wartoscnetto "
        "sumeksmva belob belop summa ialt gesamtnetto nettogesamt betragnetto nettobetrag netto "
        "celkembezdph celkem castka kdvharictutar tutar aratoplam toplam nettoosszeg nettoertek "
        "osszeg yhteensa veroton valoare umsatz umsatzohnesollhabenkz "
        "jumlah "  # Indonesian books: the line's amount (a distributor's bill may count seats in it)
        "suma iznos vrednost vrijednost meduzbroj "
        "dpp thanhtien doanhsoban doanhthu",  # Vietnamese "Thành tiền", MISA's "Doanh số bán"
        "cost tax margin unit inkl incl brutto gross sdph vcetne genel dahil verollinen einzel "
        "vat btw mwst tva iva moms mva dph kdv gst pvn pvm pdv dds kmga",  # a per-unit amount is no line's total (Recurly's unit_amount_in_cents)
        "the line's total price",
    ),
    _f(
        "billing_period",
        "period",
        "billingperiodunit billingperiod periodtype billingfrequency frequency billed "
        "billingcycle recurrence chargefrequency interval period term cycle "
        "abrechnungsintervall abrechnung intervall eenheid facturatie periodicite einheit enhet enhed "
        "frequence frecuencia frequenza "
        "fakturace faturalama szamlazas laskutus facturare planponavljanja",
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
        "statut stato tila stav durum allapot etat situacao situacion "
        "olek busena stare stanje trangthai "  # Vietnamese "Trạng thái"
        "stage",
        "date",
        "line status (Active, Cancelled…)",
    ),
    _f(
        "document_type",
        "text",
        "documenttype doctype soptype invoicetype movetype typedocument dokumenttyp belegart "
        "documentsoort tipodocumento tipdocument dokumendiliik dokveids dokumentotipas vrsta "
        "dc debitcredit type jenistransaksi",
        "date item product line charge contract agreement billing",
        "the document a line is on: an invoice, or a credit note or return that bills nothing",
    ),
    _f(
        "cancelled_date",
        "date",
        "cancelleddate cancelled canceldate canceleddate cancellationdate canceledon cancelledon "
        "canceled terminationdate datecancelled terminateddate enddate serviceenddate "
        "contractenddate avsluttetdato sluttdato opsagtdato "
        "einddatum enddatum slutdatum slutdato fechafin fechadebaja datafine datefin datedefin "
        "paattymispaiva datumukonceni bitistarihi ende",
        "next",  # Invoice Ninja's "Next Send Date" holds "…enddate" and is no end
        "cancellation date",
    ),
    _f(
        "cancelled_flag",
        "flag",
        "canceled cancelled iscanceled iscancelled cancelflag storniert annulliert annule annulee "
        "anulado annullato makulerad makuleret makulert mitatoity void voided isvoid "
        "deleted isdeleted geloescht geloscht verwijderd supprime eliminado slettet raderad "
        "poistettu smazano iptal avslutat avsluttet afsluttet beendet beeindigd opgezegd",
        "date",
        "a cancelled or deleted yes/no box (SAP's CANCELED)",
    ),
    _f(
        "notes",
        "text",
        "notes note comments comment remarks remark bemerkungen bemerkung notizen opmerkingen "
        "opmerking anmerkungen kommentar kommentarer commentaires commentaire observaciones",
        "",
        'the billing person\'s notes (a line noted "CANCELLED 31/10 - do not bill" bills nothing)',
    ),
    _f(
        "bill_flag",
        "flag",
        "billcustomer bill billable billflag isbillable facturer facturable afacturer "
        "facturar abrechnen factureren",
        "date",
        "bill flag",
    ),
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
        "parabirimi kodmeny penznem valuutta valuuta valiuta",
        "rate date exchange",
        "the currency the client is billed in",
    ),
    _f("effective_date", "date", "effectivedate effective startdate", "", "start date"),
    _f(
        "period_start",
        "date",
        "invoicedate billingdate periodstart datebilled invoiceperiod servicedate billedfor "
        "rechnungsdatum factuurdatum datefacture fechafactura periodfran periodefra periodfra "
        "periodevon periodedu periododesde periodovan",
        "",
        "the billed period (to check both exports cover one month)",
    ),
    _f(
        "period_end",
        "date",
        "periodend periodto servicedateto billingend billingenddate "
        "periodebis leistungszeitraumbis periodetot datefin finperiode periodtill periodetil "
        "periodtil periodeau periodohasta",
        "",
        "the last day of the billed period (Harvest's Period End): the months it bills for",
    ),
    _MEASURE,
    _TAX_ID,
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

SIDE_MARKERS: dict[Side, tuple[str, ...]] = {
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
        "lessincl",
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
            # freee's invoice lines: 取引先 the business partner billed, 品目 the item, 摘要 its
            # memo, 単位 the unit of measure ("ライセンス・月"), 備考 remarks
            ("取引先コード", "customercode"),
            ("取引先", "customer"),
            ("品目", "item"),
            ("摘要", "memo"),
            ("単位", "uom"),
            ("税率", "taxrate"),
            ("備考", "notes"),
            ("発行日", "invoicedate"),
            ("請求書番号", "invoicenumber"),
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
                # Bulgarian and Serbian ("Ед. цена без ДДС", "Стойност с ДДС", "Стока/Услуга")
                ("Купувач", "customer"),
                ("ЕИК", "eik"),
                ("БУЛСТАТ", "bulstat"),
                ("ПИБ", "pib"),
                ("ОИБ", "oib"),
                ("Купац", "customer"),
                ("Стока", "product"),
                ("Услуга", "service"),
                ("Назив артикла", "productname"),
                ("Количина", "quantity"),
                ("Единична цена", "unitprice"),
                ("Ед. цена", "unitprice"),
                ("Цијена", "unitprice"),
                ("Стойност", "amount"),
                ("Износ", "amount"),
                ("Вредност", "amount"),
                ("Мярка", "uom"),
                ("Отстъпка", "discount"),
                ("Вид документ", "documenttype"),
                ("Документ", "documenttype"),
                ("Вид абонамент", "billingfrequency"),
                ("ДДС", "vat"),
                ("без", "bez"),
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


ALL_SYNONYMS = frozenset(s for fields in FIELDS.values() for f in fields for s in f.synonyms)
#: Every side's words for the customer's column.
CLIENT_SYNONYMS = frozenset(
    s for fields in FIELDS.values() for f in fields if f.name == "client" for s in f.synonyms
)
#: Headers of a client's number ("Account ID", "Kundennummer").
CLIENT_ID_SYNONYMS = frozenset(
    s for fields in FIELDS.values() for f in fields if f.name == "client_id" for s in f.synonyms
)


def names_a_client(label: str) -> bool:
    """A header or label that names the customer ("Kunde", "Bill To", "Endkunde")."""
    key = header_key(label)
    return key in CLIENT_SYNONYMS or any(len(s) >= 4 and s in key for s in CLIENT_SYNONYMS)


TAXES = "tax|vat|btw|mwst|tva|iva|moms|mva|dph|kdv|gst|igv|pvn|pvm|pdv|dds"
#: "excl. VAT", "bez DPH", "ohne MwSt", "KDV hariç": a header that says it is *before* tax is not
#: about tax ("Bedrag excl. btw" is the line's net total; "Btw-bedrag" is the tax).
UNTAXED = re.compile(
    rf"(?:excl|exkl|ekskl|excluding|ohne|bez|hors|sin|senza|zonder|uten|utan|eks|ex|fara|be)"
    rf"(?:{TAXES})"
    rf"|(?:{TAXES})(?:haric|excl|exkl|excluded|exclusive)"
    r"|kmta"  # Estonian "km-ta": without käibemaks (VAT); "km-ga" is with it
)


#: Words that hold a synonym inside them without meaning it: an "Account", a "Discount" or a
#: "Country" is no count of seats.
_WORDS_AROUND: dict[str, tuple[str, ...]] = {
    "count": ("account", "discount", "country", "counter"),
}


#: How a header ends that says it counts, whatever words come first ("Billed Qty", "Order Qte").
_QUANTITY_ENDINGS = ("qty", "qte", "qtd", "qtde")


def match_score(field: Field, key: str) -> float:
    """1000 for a synonym, 500 less the extra letters for a header holding one; 0 when the rest of
    the header holds a forbidden word (India's "Taxable Value" is the amount before tax: its "tax"
    is the synonym's own; "Unit Price (SRP)" holds "srp" beside it)."""
    if key in field.synonyms:
        return 1000.0 - field.synonyms.index(key)
    if (bare := UNTAXED.sub("", key)) != key and bare in field.synonyms:
        return 999.0 - field.synonyms.index(bare)  # "Sum eks. mva": the sum before tax
    if (
        field.name == "quantity"
        and key.endswith(_QUANTITY_ENDINGS)
        and not any(word in key for word in field.forbidden)
    ):
        return 900.0 - len(key)  # "Billed Qty", "Licence Qty": a quantity, whatever is billed
    for rank, synonym in enumerate(field.synonyms):
        if len(synonym) >= 4 and synonym in key:
            if any(word in key for word in _WORDS_AROUND.get(synonym, ())):
                continue  # "Account Number" holds "count" inside another word
            rest = UNTAXED.sub(" ", key.replace(synonym, " "))
            if any(word in rest for word in field.forbidden):
                return 0.0
            return 500.0 - rank - (len(key) - len(synonym))
    return 0.0
