"""The bias claims' verdict texts, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "bias_claim_learned": {
            "en": "at p = {p} the model prefers the stereotyped gender for a job "
                  "(measured P(stereotyped | job) = {rate}, needs > 0.5 + {margin})",
            "tr": "p = {p} iken model bir meslek için kalıp yargıdaki cinsiyeti yeğliyor "
                  "(ölçülen P(kalıp yargı | meslek) = {rate}; 0,5 + {margin} üzerinde olmalı)",
        },
        "bias_claim_amplified": {
            "en": "at p = {p} the model amplifies the corpus's association, P_model − p > 0 (measured {amp})",
            "tr": "p = {p} iken model derlemdeki ilişkiyi büyütüyor, P_model − p > 0 (ölçülen {amp})",
        },
        "bias_claim_translation": {
            "en": "at p = {p} the translator turns \"O bir <job>.\" into the stereotyped pronoun for most jobs "
                  "(measured: {share} of jobs; mean P(stereotyped | job) = {rate}, needs > 0.5 + {margin})",
            "tr": "p = {p} iken çevirmen \"O bir <meslek>.\" cümlesini çoğu meslekte kalıp yargıdaki zamirle "
                  "çeviriyor (ölçülen: mesleklerin {share} kadarı; ortalama P(kalıp yargı | meslek) = {rate}, "
                  "0,5 + {margin} üzerinde olmalı)",
        },
        "bias_claim_mitigation": {
            "en": "at p = {p} counterfactual augmentation brings the model closer to 0.5 "
                  "(P(stereotyped | job) {before} → {after}; minimal pairs {pairs_before} → {pairs_after})",
            "tr": "p = {p} iken karşıolgusal veri çoğaltma modeli 0,5'e yaklaştırıyor "
                  "(P(kalıp yargı | meslek) {before} → {after}; minimal çiftler {pairs_before} → {pairs_after})",
        },
        "bias_claim_cost": {
            "en": "at p = {p} augmentation costs perplexity on the original text (measured {before} → {after})",
            "tr": "p = {p} iken veri çoğaltmanın bedeli özgün metinde şaşkınlığın artması (ölçülen {before} → {after})",
        },
        "bias_claim_missing": {
            "en": "claim {claim}: a run it needs was not measured",
            "tr": "{claim}. iddia: gerektirdiği çalıştırma ölçülmedi",
        },
    }
)
