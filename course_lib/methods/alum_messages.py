"""What chapter 07's claims say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "alum_claim_clean": {
            "en": "ALUM keeps clean accuracy (≥ plain fine-tuning within the noise): {alum} vs {plain}",
            "tr": "ALUM temiz doğruluğu korur (gürültü payı içinde sıradan ince ayardan düşük değil): {alum} / {plain}",
        },
        "alum_claim_pgd": {
            "en": "ALUM raises accuracy under the embedding PGD attack: {alum} vs {plain}",
            "tr": "ALUM, gömme uzayındaki PGD saldırısı altında doğruluğu yükseltir: {alum} / {plain}",
        },
        "alum_claim_diacritics": {
            "en": "ALUM raises accuracy on Turkish typed without its own letters: {alum} vs {plain}",
            "tr": "ALUM, Türkçe karakterleri olmadan yazılmış metinde doğruluğu yükseltir: {alum} / {plain}",
        },
        "alum_claim_cost": {
            "en": "a step of ALUM costs {ratio}x a plain step (limit {limit}x)",
            "tr": "bir ALUM adımı sıradan bir adımın {ratio} katına mal olur (sınır {limit} kat)",
        },
        "alum_claim_missing": {
            "en": "claim {claim}: a run it needs was not measured",
            "tr": "{claim}. iddia: gereken bir çalıştırma ölçülmedi",
        },
    }
)
