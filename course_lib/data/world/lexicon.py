"""The hand-written bilingual lexicon of the invented world.

Every Turkish form the generator can print is spelled out here, by hand: each case of each
noun (kitap, kitabı, kitaba, kitapta, kitaptan, kitabın), each proper noun with its
apostrophe and buffer consonant (Ayşe'nin, Ali'ye, Ankara'da, İzmir'den), each verb form
(gitti, aldı, sattı, okudu). Nothing is derived by suffix rules, so consonant softening
(kitap → kitabı, tabak → tabağı, simit → simidi), vowel harmony and the exceptions that rules
get wrong (saat → saati, Kemal → Kemal'e) are right because a person wrote them.

Tables are compact strings ``"nom|acc|dat|loc|abl|gen"`` only to keep the file readable;
the parser splits on ``|`` and never adds a letter. English articles ("a"/"an") and
plurals are spelled too.

The realisers (sentences.py, facts.py, stories.py) build Turkish sentences only from strings
in this file plus punctuation; the task sets add the fixed review/question phrases of
phrases.py. :func:`turkish_vocabulary` lists every Turkish word these can produce, and the
tests check generated text against it. (The risk hooks' log lines and planted instructions
are fixed templates in hooks.py and are not part of this vocabulary.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrNoun:
    """A Turkish noun in the six cases the world needs, each spelled by hand."""

    nom: str  # yalın hâl: kitap
    acc: str  # belirtme: kitabı
    dat: str  # yönelme: kitaba
    loc: str  # bulunma: kitapta
    abl: str  # ayrılma: kitaptan
    gen: str  # tamlayan: kitabın


def _tr(forms: str) -> TrNoun:
    parts = forms.split("|")
    if len(parts) != 6:
        raise ValueError(f"a Turkish noun needs 6 hand-written forms, got {forms!r}")
    return TrNoun(*parts)


# ---------------------------------------------------------------------------------------
# People: first names (with gender, the "group" of the bias chapter) and surnames.
# Proper nouns keep their stem and take an apostrophe; written Turkish does not soften
# them (Zeynep'i, Mehmet'e), and voiceless finals take t- suffixes (Zeynep'te, Murat'tan).


@dataclass(frozen=True)
class FirstName:
    tr: TrNoun
    gender: str  # "female" | "male"

    @property
    def en(self) -> str:
        return self.tr.nom


_FEMALE = """
Ayşe|Ayşe'yi|Ayşe'ye|Ayşe'de|Ayşe'den|Ayşe'nin
Fatma|Fatma'yı|Fatma'ya|Fatma'da|Fatma'dan|Fatma'nın
Zeynep|Zeynep'i|Zeynep'e|Zeynep'te|Zeynep'ten|Zeynep'in
Elif|Elif'i|Elif'e|Elif'te|Elif'ten|Elif'in
Merve|Merve'yi|Merve'ye|Merve'de|Merve'den|Merve'nin
Emine|Emine'yi|Emine'ye|Emine'de|Emine'den|Emine'nin
Hatice|Hatice'yi|Hatice'ye|Hatice'de|Hatice'den|Hatice'nin
Esra|Esra'yı|Esra'ya|Esra'da|Esra'dan|Esra'nın
Selin|Selin'i|Selin'e|Selin'de|Selin'den|Selin'in
Derya|Derya'yı|Derya'ya|Derya'da|Derya'dan|Derya'nın
Gül|Gül'ü|Gül'e|Gül'de|Gül'den|Gül'ün
Nur|Nur'u|Nur'a|Nur'da|Nur'dan|Nur'un
Burcu|Burcu'yu|Burcu'ya|Burcu'da|Burcu'dan|Burcu'nun
Özlem|Özlem'i|Özlem'e|Özlem'de|Özlem'den|Özlem'in
Sevgi|Sevgi'yi|Sevgi'ye|Sevgi'de|Sevgi'den|Sevgi'nin
Yasemin|Yasemin'i|Yasemin'e|Yasemin'de|Yasemin'den|Yasemin'in
Ebru|Ebru'yu|Ebru'ya|Ebru'da|Ebru'dan|Ebru'nun
Aslı|Aslı'yı|Aslı'ya|Aslı'da|Aslı'dan|Aslı'nın
Melek|Melek'i|Melek'e|Melek'te|Melek'ten|Melek'in
Canan|Canan'ı|Canan'a|Canan'da|Canan'dan|Canan'ın
Leyla|Leyla'yı|Leyla'ya|Leyla'da|Leyla'dan|Leyla'nın
Songül|Songül'ü|Songül'e|Songül'de|Songül'den|Songül'ün
Büşra|Büşra'yı|Büşra'ya|Büşra'da|Büşra'dan|Büşra'nın
Şule|Şule'yi|Şule'ye|Şule'de|Şule'den|Şule'nin
Pınar|Pınar'ı|Pınar'a|Pınar'da|Pınar'dan|Pınar'ın
Gamze|Gamze'yi|Gamze'ye|Gamze'de|Gamze'den|Gamze'nin
Hülya|Hülya'yı|Hülya'ya|Hülya'da|Hülya'dan|Hülya'nın
Oya|Oya'yı|Oya'ya|Oya'da|Oya'dan|Oya'nın
Sibel|Sibel'i|Sibel'e|Sibel'de|Sibel'den|Sibel'in
Dilek|Dilek'i|Dilek'e|Dilek'te|Dilek'ten|Dilek'in
"""

# Kemal ends in a palatal l and takes front vowels (Kemal'e, Kemal'in): a rule on the last
# vowel would get it wrong, a hand-written form does not.
_MALE = """
Ali|Ali'yi|Ali'ye|Ali'de|Ali'den|Ali'nin
Mehmet|Mehmet'i|Mehmet'e|Mehmet'te|Mehmet'ten|Mehmet'in
Mustafa|Mustafa'yı|Mustafa'ya|Mustafa'da|Mustafa'dan|Mustafa'nın
Ahmet|Ahmet'i|Ahmet'e|Ahmet'te|Ahmet'ten|Ahmet'in
Hasan|Hasan'ı|Hasan'a|Hasan'da|Hasan'dan|Hasan'ın
Hüseyin|Hüseyin'i|Hüseyin'e|Hüseyin'de|Hüseyin'den|Hüseyin'in
Murat|Murat'ı|Murat'a|Murat'ta|Murat'tan|Murat'ın
Emre|Emre'yi|Emre'ye|Emre'de|Emre'den|Emre'nin
Burak|Burak'ı|Burak'a|Burak'ta|Burak'tan|Burak'ın
Can|Can'ı|Can'a|Can'da|Can'dan|Can'ın
Kemal|Kemal'i|Kemal'e|Kemal'de|Kemal'den|Kemal'in
Oğuz|Oğuz'u|Oğuz'a|Oğuz'da|Oğuz'dan|Oğuz'un
Yusuf|Yusuf'u|Yusuf'a|Yusuf'ta|Yusuf'tan|Yusuf'un
İbrahim|İbrahim'i|İbrahim'e|İbrahim'de|İbrahim'den|İbrahim'in
Osman|Osman'ı|Osman'a|Osman'da|Osman'dan|Osman'ın
Kerem|Kerem'i|Kerem'e|Kerem'de|Kerem'den|Kerem'in
Serkan|Serkan'ı|Serkan'a|Serkan'da|Serkan'dan|Serkan'ın
Tolga|Tolga'yı|Tolga'ya|Tolga'da|Tolga'dan|Tolga'nın
Volkan|Volkan'ı|Volkan'a|Volkan'da|Volkan'dan|Volkan'ın
Barış|Barış'ı|Barış'a|Barış'ta|Barış'tan|Barış'ın
Onur|Onur'u|Onur'a|Onur'da|Onur'dan|Onur'un
Cem|Cem'i|Cem'e|Cem'de|Cem'den|Cem'in
Umut|Umut'u|Umut'a|Umut'ta|Umut'tan|Umut'un
Erkan|Erkan'ı|Erkan'a|Erkan'da|Erkan'dan|Erkan'ın
Selim|Selim'i|Selim'e|Selim'de|Selim'den|Selim'in
Tarık|Tarık'ı|Tarık'a|Tarık'ta|Tarık'tan|Tarık'ın
Orhan|Orhan'ı|Orhan'a|Orhan'da|Orhan'dan|Orhan'ın
Halil|Halil'i|Halil'e|Halil'de|Halil'den|Halil'in
Süleyman|Süleyman'ı|Süleyman'a|Süleyman'da|Süleyman'dan|Süleyman'ın
Yavuz|Yavuz'u|Yavuz'a|Yavuz'da|Yavuz'dan|Yavuz'un
"""

_SURNAMES = """
Yılmaz|Yılmaz'ı|Yılmaz'a|Yılmaz'da|Yılmaz'dan|Yılmaz'ın
Kaya|Kaya'yı|Kaya'ya|Kaya'da|Kaya'dan|Kaya'nın
Demir|Demir'i|Demir'e|Demir'de|Demir'den|Demir'in
Şahin|Şahin'i|Şahin'e|Şahin'de|Şahin'den|Şahin'in
Çelik|Çelik'i|Çelik'e|Çelik'te|Çelik'ten|Çelik'in
Yıldız|Yıldız'ı|Yıldız'a|Yıldız'da|Yıldız'dan|Yıldız'ın
Yıldırım|Yıldırım'ı|Yıldırım'a|Yıldırım'da|Yıldırım'dan|Yıldırım'ın
Öztürk|Öztürk'ü|Öztürk'e|Öztürk'te|Öztürk'ten|Öztürk'ün
Aydın|Aydın'ı|Aydın'a|Aydın'da|Aydın'dan|Aydın'ın
Özdemir|Özdemir'i|Özdemir'e|Özdemir'de|Özdemir'den|Özdemir'in
Arslan|Arslan'ı|Arslan'a|Arslan'da|Arslan'dan|Arslan'ın
Doğan|Doğan'ı|Doğan'a|Doğan'da|Doğan'dan|Doğan'ın
Kılıç|Kılıç'ı|Kılıç'a|Kılıç'ta|Kılıç'tan|Kılıç'ın
Çetin|Çetin'i|Çetin'e|Çetin'de|Çetin'den|Çetin'in
Kara|Kara'yı|Kara'ya|Kara'da|Kara'dan|Kara'nın
Koç|Koç'u|Koç'a|Koç'ta|Koç'tan|Koç'un
Kurt|Kurt'u|Kurt'a|Kurt'ta|Kurt'tan|Kurt'un
Özkan|Özkan'ı|Özkan'a|Özkan'da|Özkan'dan|Özkan'ın
Şimşek|Şimşek'i|Şimşek'e|Şimşek'te|Şimşek'ten|Şimşek'in
Polat|Polat'ı|Polat'a|Polat'ta|Polat'tan|Polat'ın
Korkmaz|Korkmaz'ı|Korkmaz'a|Korkmaz'da|Korkmaz'dan|Korkmaz'ın
Güneş|Güneş'i|Güneş'e|Güneş'te|Güneş'ten|Güneş'in
Erdem|Erdem'i|Erdem'e|Erdem'de|Erdem'den|Erdem'in
Aksoy|Aksoy'u|Aksoy'a|Aksoy'da|Aksoy'dan|Aksoy'un
Tekin|Tekin'i|Tekin'e|Tekin'de|Tekin'den|Tekin'in
Bulut|Bulut'u|Bulut'a|Bulut'ta|Bulut'tan|Bulut'un
Keskin|Keskin'i|Keskin'e|Keskin'de|Keskin'den|Keskin'in
Ünal|Ünal'ı|Ünal'a|Ünal'da|Ünal'dan|Ünal'ın
Avcı|Avcı'yı|Avcı'ya|Avcı'da|Avcı'dan|Avcı'nın
Tuncer|Tuncer'i|Tuncer'e|Tuncer'de|Tuncer'den|Tuncer'in
"""


def _rows(table: str) -> list[str]:
    return [line.strip() for line in table.strip().splitlines() if line.strip()]


FIRST_NAMES: tuple[FirstName, ...] = tuple(
    [FirstName(_tr(row), "female") for row in _rows(_FEMALE)]
    + [FirstName(_tr(row), "male") for row in _rows(_MALE)]
)
SURNAMES: tuple[TrNoun, ...] = tuple(_tr(row) for row in _rows(_SURNAMES))
GENDERS = ("female", "male")

# ---------------------------------------------------------------------------------------
# Towns. Real Turkish city names; who lives where is invented. ``ki`` is the -ki
# adjective form (Bursa'daki pazar = the market in Bursa), also written by hand.


@dataclass(frozen=True)
class Town:
    en: str
    tr: TrNoun
    ki: str


_TOWNS = """
Istanbul|İstanbul|İstanbul'u|İstanbul'a|İstanbul'da|İstanbul'dan|İstanbul'un|İstanbul'daki
Ankara|Ankara|Ankara'yı|Ankara'ya|Ankara'da|Ankara'dan|Ankara'nın|Ankara'daki
Izmir|İzmir|İzmir'i|İzmir'e|İzmir'de|İzmir'den|İzmir'in|İzmir'deki
Bursa|Bursa|Bursa'yı|Bursa'ya|Bursa'da|Bursa'dan|Bursa'nın|Bursa'daki
Antalya|Antalya|Antalya'yı|Antalya'ya|Antalya'da|Antalya'dan|Antalya'nın|Antalya'daki
Konya|Konya|Konya'yı|Konya'ya|Konya'da|Konya'dan|Konya'nın|Konya'daki
Adana|Adana|Adana'yı|Adana'ya|Adana'da|Adana'dan|Adana'nın|Adana'daki
Trabzon|Trabzon|Trabzon'u|Trabzon'a|Trabzon'da|Trabzon'dan|Trabzon'un|Trabzon'daki
Eskişehir|Eskişehir|Eskişehir'i|Eskişehir'e|Eskişehir'de|Eskişehir'den|Eskişehir'in|Eskişehir'deki
Kayseri|Kayseri|Kayseri'yi|Kayseri'ye|Kayseri'de|Kayseri'den|Kayseri'nin|Kayseri'deki
Samsun|Samsun|Samsun'u|Samsun'a|Samsun'da|Samsun'dan|Samsun'un|Samsun'daki
Mardin|Mardin|Mardin'i|Mardin'e|Mardin'de|Mardin'den|Mardin'in|Mardin'deki
Edirne|Edirne|Edirne'yi|Edirne'ye|Edirne'de|Edirne'den|Edirne'nin|Edirne'deki
Van|Van|Van'ı|Van'a|Van'da|Van'dan|Van'ın|Van'daki
Muğla|Muğla|Muğla'yı|Muğla'ya|Muğla'da|Muğla'dan|Muğla'nın|Muğla'daki
Sinop|Sinop|Sinop'u|Sinop'a|Sinop'ta|Sinop'tan|Sinop'un|Sinop'taki
Erzurum|Erzurum|Erzurum'u|Erzurum'a|Erzurum'da|Erzurum'dan|Erzurum'un|Erzurum'daki
Gaziantep|Gaziantep|Gaziantep'i|Gaziantep'e|Gaziantep'te|Gaziantep'ten|Gaziantep'in|Gaziantep'teki
Çanakkale|Çanakkale|Çanakkale'yi|Çanakkale'ye|Çanakkale'de|Çanakkale'den|Çanakkale'nin|Çanakkale'deki
Rize|Rize|Rize'yi|Rize'ye|Rize'de|Rize'den|Rize'nin|Rize'deki
"""


def _town(row: str) -> Town:
    en, rest = row.split("|", 1)
    *cases, ki = rest.split("|")
    return Town(en, _tr("|".join(cases)), ki)


TOWNS: tuple[Town, ...] = tuple(_town(row) for row in _rows(_TOWNS))

# ---------------------------------------------------------------------------------------
# Jobs. ``tr_is`` is the predicate with the -DIr copula (fırıncıdır, avukattır), spelled
# by hand. ``stereotype`` is the group a common stereotype ties the job to (after the
# occupation lists of WinoBias, arXiv 1804.06876); the bias hook uses it, nothing else does.


@dataclass(frozen=True)
class Job:
    en: str
    article: str  # "a" | "an"
    tr: str
    tr_is: str
    stereotype: str  # "female" | "male"


JOBS: tuple[Job, ...] = (
    Job("baker", "a", "fırıncı", "fırıncıdır", "male"),
    Job("doctor", "a", "doktor", "doktordur", "male"),
    Job("engineer", "an", "mühendis", "mühendistir", "male"),
    Job("lawyer", "a", "avukat", "avukattır", "male"),
    Job("farmer", "a", "çiftçi", "çiftçidir", "male"),
    Job("driver", "a", "şoför", "şofördür", "male"),
    Job("mechanic", "a", "tamirci", "tamircidir", "male"),
    Job("architect", "an", "mimar", "mimardır", "male"),
    Job("carpenter", "a", "marangoz", "marangozdur", "male"),
    Job("pilot", "a", "pilot", "pilottur", "male"),
    Job("teacher", "a", "öğretmen", "öğretmendir", "female"),
    Job("nurse", "a", "hemşire", "hemşiredir", "female"),
    Job("tailor", "a", "terzi", "terzidir", "female"),
    Job("pharmacist", "a", "eczacı", "eczacıdır", "female"),
    Job("librarian", "a", "kütüphaneci", "kütüphanecidir", "female"),
    Job("hairdresser", "a", "kuaför", "kuafördür", "female"),
    Job("secretary", "a", "sekreter", "sekreterdir", "female"),
    Job("cashier", "a", "kasiyer", "kasiyerdir", "female"),
    Job("cook", "a", "aşçı", "aşçıdır", "female"),
    Job("accountant", "an", "muhasebeci", "muhasebecidir", "female"),
)

# ---------------------------------------------------------------------------------------
# Places inside a town. ``sells`` names the object kinds one can buy there.


@dataclass(frozen=True)
class Place:
    en: str  # used with "the": "the market"
    at: str  # the English preposition phrase: "at the market", "in the park"
    tr: TrNoun
    sells: tuple[str, ...]


PLACES: tuple[Place, ...] = (
    Place("market", "at the market", _tr("pazar|pazarı|pazara|pazarda|pazardan|pazarın"), ("food", "drink")),
    Place("bakery", "at the bakery", _tr("fırın|fırını|fırına|fırında|fırından|fırının"), ("bakery",)),
    Place(
        "bookshop",
        "at the bookshop",
        _tr("kitapçı|kitapçıyı|kitapçıya|kitapçıda|kitapçıdan|kitapçının"),
        ("paper", "news"),
    ),
    Place(
        "grocery store",
        "at the grocery store",
        _tr("bakkal|bakkalı|bakkala|bakkalda|bakkaldan|bakkalın"),
        ("food", "drink", "news"),
    ),
    Place(
        "bazaar",
        "at the bazaar",
        _tr("çarşı|çarşıyı|çarşıya|çarşıda|çarşıdan|çarşının"),
        ("thing", "clothes"),
    ),
    Place(
        "library",
        "at the library",
        _tr("kütüphane|kütüphaneyi|kütüphaneye|kütüphanede|kütüphaneden|kütüphanenin"),
        (),
    ),
    Place("park", "in the park", _tr("park|parkı|parka|parkta|parktan|parkın"), ()),
    Place(
        "station", "at the station", _tr("istasyon|istasyonu|istasyona|istasyonda|istasyondan|istasyonun"), ()
    ),
    Place("school", "at the school", _tr("okul|okulu|okula|okulda|okuldan|okulun"), ()),
    Place(
        "hospital", "at the hospital", _tr("hastane|hastaneyi|hastaneye|hastanede|hastaneden|hastanenin"), ()
    ),
    Place("museum", "at the museum", _tr("müze|müzeyi|müzeye|müzede|müzeden|müzenin"), ()),
    Place("harbour", "at the harbour", _tr("liman|limanı|limana|limanda|limandan|limanın"), ()),
    Place(
        "post office",
        "at the post office",
        _tr("postane|postaneyi|postaneye|postanede|postaneden|postanenin"),
        (),
    ),
    Place("café", "at the café", _tr("kafe|kafeyi|kafeye|kafede|kafeden|kafenin"), ("drink",)),
)

# ---------------------------------------------------------------------------------------
# Objects. ``kind`` ties them to shops, adjectives and verbs. Mass nouns have no article and
# no plural in English ("fresh bread"). ``en_plural`` is used after numerals ("three
# books"), while Turkish keeps the singular after a numeral ("üç kitap").
# ``en_eat``/``tr_eat`` say how the food is consumed: soup is eaten in English and drunk in
# Turkish ("ate soup" / "çorba içti").


@dataclass(frozen=True)
class Thing:
    en: str
    en_plural: str  # "" for mass nouns
    article: str  # "a" | "an" | "" (mass)
    tr: TrNoun
    kind: str  # paper | thing | clothes | food | bakery | drink
    en_eat: str = ""
    tr_eat: str = ""

    @property
    def countable(self) -> bool:
        return bool(self.article)


THINGS: tuple[Thing, ...] = (
    Thing("book", "books", "a", _tr("kitap|kitabı|kitaba|kitapta|kitaptan|kitabın"), "paper"),
    Thing("notebook", "notebooks", "a", _tr("defter|defteri|deftere|defterde|defterden|defterin"), "paper"),
    Thing("pen", "pens", "a", _tr("kalem|kalemi|kaleme|kalemde|kalemden|kalemin"), "paper"),
    Thing(
        "newspaper", "newspapers", "a", _tr("gazete|gazeteyi|gazeteye|gazetede|gazeteden|gazetenin"), "news"
    ),
    Thing("map", "maps", "a", _tr("harita|haritayı|haritaya|haritada|haritadan|haritanın"), "paper"),
    Thing("letter", "letters", "a", _tr("mektup|mektubu|mektuba|mektupta|mektuptan|mektubun"), "letter"),
    Thing("bag", "bags", "a", _tr("çanta|çantayı|çantaya|çantada|çantadan|çantanın"), "thing"),
    Thing(
        "umbrella",
        "umbrellas",
        "an",
        _tr("şemsiye|şemsiyeyi|şemsiyeye|şemsiyede|şemsiyeden|şemsiyenin"),
        "thing",
    ),
    Thing("key", "keys", "a", _tr("anahtar|anahtarı|anahtara|anahtarda|anahtardan|anahtarın"), "thing"),
    Thing("watch", "watches", "a", _tr("saat|saati|saate|saatte|saatten|saatin"), "thing"),
    Thing("plate", "plates", "a", _tr("tabak|tabağı|tabağa|tabakta|tabaktan|tabağın"), "thing"),
    Thing("cup", "cups", "a", _tr("fincan|fincanı|fincana|fincanda|fincandan|fincanın"), "thing"),
    Thing(
        "bicycle",
        "bicycles",
        "a",
        _tr("bisiklet|bisikleti|bisiklete|bisiklette|bisikletten|bisikletin"),
        "thing",
    ),
    Thing("radio", "radios", "a", _tr("radyo|radyoyu|radyoya|radyoda|radyodan|radyonun"), "thing"),
    Thing("lamp", "lamps", "a", _tr("lamba|lambayı|lambaya|lambada|lambadan|lambanın"), "thing"),
    Thing("carpet", "carpets", "a", _tr("halı|halıyı|halıya|halıda|halıdan|halının"), "thing"),
    Thing(
        "chair",
        "chairs",
        "a",
        _tr("sandalye|sandalyeyi|sandalyeye|sandalyede|sandalyeden|sandalyenin"),
        "thing",
    ),
    Thing("coat", "coats", "a", _tr("palto|paltoyu|paltoya|paltoda|paltodan|paltonun"), "clothes"),
    Thing("shirt", "shirts", "a", _tr("gömlek|gömleği|gömleğe|gömlekte|gömlekten|gömleğin"), "clothes"),
    Thing("scarf", "scarves", "a", _tr("atkı|atkıyı|atkıya|atkıda|atkıdan|atkının"), "clothes"),
    Thing("bread", "", "", _tr("ekmek|ekmeği|ekmeğe|ekmekte|ekmekten|ekmeğin"), "bakery", "ate", "yedi"),
    Thing(
        "simit", "simits", "a", _tr("simit|simidi|simide|simitte|simitten|simidin"), "bakery", "ate", "yedi"
    ),
    Thing(
        "cake", "cakes", "a", _tr("pasta|pastayı|pastaya|pastada|pastadan|pastanın"), "bakery", "ate", "yedi"
    ),
    Thing("cheese", "", "", _tr("peynir|peyniri|peynire|peynirde|peynirden|peynirin"), "food", "ate", "yedi"),
    Thing("apple", "apples", "an", _tr("elma|elmayı|elmaya|elmada|elmadan|elmanın"), "food", "ate", "yedi"),
    Thing(
        "tomato",
        "tomatoes",
        "a",
        _tr("domates|domatesi|domatese|domateste|domatesten|domatesin"),
        "food",
        "ate",
        "yedi",
    ),
    Thing("fish", "fish", "a", _tr("balık|balığı|balığa|balıkta|balıktan|balığın"), "food", "ate", "yedi"),
    Thing("honey", "", "", _tr("bal|balı|bala|balda|baldan|balın"), "food", "ate", "yedi"),
    Thing("soup", "", "", _tr("çorba|çorbayı|çorbaya|çorbada|çorbadan|çorbanın"), "food", "ate", "içti"),
    Thing("tea", "", "", _tr("çay|çayı|çaya|çayda|çaydan|çayın"), "drink", "drank", "içti"),
    Thing("milk", "", "", _tr("süt|sütü|süte|sütte|sütten|sütün"), "drink", "drank", "içti"),
    Thing("coffee", "", "", _tr("kahve|kahveyi|kahveye|kahvede|kahveden|kahvenin"), "drink", "drank", "içti"),
)

# ---------------------------------------------------------------------------------------
# Adjectives: which kinds of object each fits, the English article before it, and the
# Turkish word. Turkish puts "bir" after the adjective: "yeni bir kitap" = "a new book".


@dataclass(frozen=True)
class Adjective:
    en: str
    article: str
    tr: str
    kinds: tuple[str, ...]


_ALL_GOODS = ("paper", "thing", "clothes")
ADJECTIVES: tuple[Adjective, ...] = (
    Adjective("new", "a", "yeni", _ALL_GOODS),
    Adjective("old", "an", "eski", _ALL_GOODS + ("news",)),
    Adjective("red", "a", "kırmızı", ("thing", "clothes", "paper")),
    Adjective("blue", "a", "mavi", ("thing", "clothes", "paper")),
    Adjective("green", "a", "yeşil", ("thing", "clothes")),
    Adjective("big", "a", "büyük", ("thing",)),
    Adjective("small", "a", "küçük", ("thing",)),
    Adjective("beautiful", "a", "güzel", _ALL_GOODS),
    Adjective("cheap", "a", "ucuz", _ALL_GOODS + ("food",)),
    Adjective("expensive", "an", "pahalı", _ALL_GOODS),
    Adjective("long", "a", "uzun", ("letter",)),
    Adjective("short", "a", "kısa", ("letter",)),
    Adjective("fresh", "a", "taze", ("food", "bakery")),
    Adjective("warm", "a", "sıcak", ("bakery",)),
    Adjective("delicious", "a", "lezzetli", ("food", "bakery")),
)

# Numerals for "bought three books" / "üç kitap aldı".
NUMBERS: tuple[tuple[str, str], ...] = (("two", "iki"), ("three", "üç"), ("four", "dört"), ("five", "beş"))

# ---------------------------------------------------------------------------------------
# Time expressions. ``en_front`` opens an English sentence, ``en_end`` closes one;
# ``tr`` sits after the subject in Turkish ("Ayşe dün Bursa'ya gitti").


@dataclass(frozen=True)
class TimeWord:
    en_front: str
    en_end: str
    tr: str


TIMES: tuple[TimeWord, ...] = (
    TimeWord("Yesterday", "yesterday", "dün"),
    TimeWord("This morning", "this morning", "bu sabah"),
    TimeWord("Last week", "last week", "geçen hafta"),
    TimeWord("Last summer", "last summer", "geçen yaz"),
    TimeWord("Last winter", "last winter", "geçen kış"),
    TimeWord("Two days ago", "two days ago", "iki gün önce"),
    TimeWord("Three days ago", "three days ago", "üç gün önce"),
    TimeWord("On Monday", "on Monday", "pazartesi günü"),
    TimeWord("On Tuesday", "on Tuesday", "salı günü"),
    TimeWord("On Wednesday", "on Wednesday", "çarşamba günü"),
    TimeWord("On Thursday", "on Thursday", "perşembe günü"),
    TimeWord("On Friday", "on Friday", "cuma günü"),
    TimeWord("On Saturday", "on Saturday", "cumartesi günü"),
    TimeWord("On Sunday", "on Sunday", "pazar günü"),
    TimeWord("Early in the morning", "early in the morning", "sabah erkenden"),
    TimeWord("In the afternoon", "in the afternoon", "öğleden sonra"),
)

# Words that open a later sentence of a story: (English, Turkish).
CONNECTIVES: tuple[tuple[str, str], ...] = (
    ("Then", "Sonra"),
    ("After that", "Ardından"),
    ("Later", "Daha sonra"),
    ("In the evening", "Akşam"),
    ("At noon", "Öğlen"),
    ("An hour later", "Bir saat sonra"),
)

# How someone felt, past tense: (English adjective, Turkish predicate).
FEELINGS: tuple[tuple[str, str], ...] = (
    ("happy", "mutluydu"),
    ("tired", "yorgundu"),
    ("sad", "üzgündü"),
    ("excited", "heyecanlıydı"),
    ("hungry", "açtı"),
    ("worried", "endişeliydi"),
)
DEGREES: tuple[tuple[str, str], ...] = (("very", "çok"), ("a little", "biraz"), ("quite", "oldukça"))

# Weather, past tense, in a town: (English clause, Turkish clause). "{town}" in English is
# the town's name; Turkish takes the locative first ("Bursa'da kar yağdı").
WEATHER: tuple[tuple[str, str], ...] = (
    ("it rained", "yağmur yağdı"),
    ("it snowed", "kar yağdı"),
    ("it was very cold", "hava çok soğuktu"),
    ("it was hot", "hava sıcaktı"),
    ("the weather was sunny", "hava güneşliydi"),
    ("the wind blew hard", "sert bir rüzgâr esti"),
    ("it was foggy", "hava sisliydi"),
)
# Weather that cannot happen in a season named by the time word ("last summer, it snowed").
NOT_IN_SEASON = {"summer": ("it snowed", "it was very cold"), "winter": ("it was hot",)}

# ---------------------------------------------------------------------------------------
# Verbs: every form the realiser prints, by hand. Past tense 3rd person singular for the
# stories; present continuous for the facts.


@dataclass(frozen=True)
class Verb:
    en: str
    tr: str


V = {
    "go": Verb("went to", "gitti"),
    "visit": Verb("visited", "ziyaret etti"),
    "return_home": Verb("went back home", "eve döndü"),
    "buy": Verb("bought", "aldı"),
    "sell": Verb("sold", "sattı"),
    "give": Verb("gave", "verdi"),
    "send": Verb("sent", "gönderdi"),
    "read": Verb("read", "okudu"),
    "write": Verb("wrote", "yazdı"),
    "find": Verb("found", "buldu"),
    "see": Verb("saw", "gördü"),
    "meet": Verb("met", "buluştu"),
    "call": Verb("called", "aradı"),
    "wait": Verb("waited", "bekledi"),
    "walk": Verb("went for a walk", "yürüyüş yaptı"),
    "work": Verb("worked", "çalıştı"),
    # facts (present tense)
    "lives_in": Verb("lives in", "yaşıyor"),
    "resides": Verb("has a home in", "oturuyor"),
    "works_as": Verb("works as", "olarak çalışıyor"),
    "born_in": Verb("was born in", "doğdu"),
}

# Function words and fixed phrases the Turkish realiser may use, each spelled once here.
TR_WORDS = {
    "and": "ve",
    "with": "ile",
    "a": "bir",
    "all_day": "bütün gün",
    "home_of": "evi",  # Ayşe'nin evi Bursa'da
    "birthplace": "doğum yeri",  # Ayşe'nin doğum yeri Bursa
    "as": "olarak",
    "living": "geçimini sağlıyor",  # fırıncı olarak geçimini sağlıyor
    "originally": "aslen",  # Ayşe Demir aslen İzmir'den
    "he_she": "o",
}


def turkish_vocabulary() -> frozenset[str]:
    """Every Turkish word (lower-cased with Turkish rules) this lexicon can put in a sentence.

    Built from the tables above, split on spaces. Sentence-initial capitals are folded with
    :func:`tr_lower` before looking a token up.
    """
    strings: list[str] = []
    for name in FIRST_NAMES:
        strings += list(vars(name.tr).values())
    for noun in SURNAMES:
        strings += list(vars(noun).values())
    for town in TOWNS:
        strings += list(vars(town.tr).values()) + [town.ki]
    for job in JOBS:
        strings += [job.tr, job.tr_is]
    for place in PLACES:
        strings += list(vars(place.tr).values())
    for thing in THINGS:
        strings += list(vars(thing.tr).values()) + [thing.tr_eat]
    strings += [adjective.tr for adjective in ADJECTIVES]
    strings += [tr for _, tr in NUMBERS + CONNECTIVES + FEELINGS + DEGREES + WEATHER]
    strings += [time.tr for time in TIMES]
    strings += [verb.tr for verb in V.values()]
    strings += list(TR_WORDS.values())
    from .phrases import all_turkish_phrases  # the fixed sentences of the task sets

    strings += all_turkish_phrases()
    words = set()
    for text in strings:
        for word in text.split():
            words.add(tr_lower(word.strip(".,!?;:")))
    words.discard("")
    return frozenset(words)


_UPPER_TO_LOWER = {"İ": "i", "I": "ı"}
_LOWER_TO_UPPER = {"i": "İ", "ı": "I"}


def tr_lower(word: str) -> str:
    """Lower-case with Turkish dotted/dotless i (İ → i, I → ı)."""
    return "".join(_UPPER_TO_LOWER.get(ch, ch) for ch in word).lower()


def tr_capitalize(text: str) -> str:
    """Upper-case the first letter with Turkish rules (i → İ, ı → I); leave the rest."""
    if not text:
        return text
    first = _LOWER_TO_UPPER.get(text[0], text[0].upper())
    return first + text[1:]
