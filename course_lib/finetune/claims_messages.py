"""What the literature-claims verdicts of chapter 03 say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "claims_in_domain": {
            "en": "in-domain, full ≈ gradual unfreezing ≥ selected ≥ linear probe "
                  "(measured: full {full}, gradual {gradual}, selected {selected}, probe {probe})",
            "tr": "alan içinde, tam ≈ katmanların kademeli çözülmesi ≥ seçili katmanlar ≥ doğrusal yoklama "
                  "(ölçülen: tam {full}, kademeli {gradual}, seçili {selected}, yoklama {probe})",
        },
        "claims_forgetting": {
            "en": "the linear probe and LP-FT forget least (measured forgetting: probe {probe}, "
                  "LP-FT {lpft}; {others})",
            "tr": "doğrusal yoklama ve LP-FT en az unutur (ölçülen unutma: yoklama {probe}, "
                  "LP-FT {lpft}; {others})",
        },
        "claims_ood": {
            "en": "out of distribution (the other language), LP-FT ≥ full fine-tuning "
                  "(measured: LP-FT {lpft}, full {full})",
            "tr": "dağılım dışında (öteki dilde), LP-FT ≥ tam ince ayar (ölçülen: LP-FT {lpft}, tam {full})",
        },
        "claims_missing": {
            "en": "claim {claim}: a method it compares was not in this run",
            "tr": "{claim}. iddia: karşılaştırdığı yöntemlerden biri bu çalıştırmada yoktu",
        },
        "claims_at_chance": {
            "en": "; both are within the noise of always answering the majority label ({chance}), so "
                  "the order between them is the order between two guesses",
            "tr": "; ikisi de hep en sık etiketi söylemenin ({chance}) gürültü payı içinde, yani aralarındaki "
                  "sıra iki tahmin arasındaki sıradır",
        },
        "claims_holds": {"en": "holds here", "tr": "burada doğrulanıyor"},
        "claims_fails": {"en": "does not hold here", "tr": "burada doğrulanmıyor"},
        "claims_unknown": {"en": "not measured", "tr": "ölçülmedi"},
        "claims_undecided": {"en": "cannot be judged here", "tr": "burada değerlendirilemiyor"},
    }
)
