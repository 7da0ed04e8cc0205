"""The texts of chapter 14's claim verdicts, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "sec_claim_gap": {
            "en": "English-only safety data leaves Turkish less protected: refused {en:.2f} (en) vs {tr:.2f} (tr)",
            "tr": "Yalnızca İngilizce güvenlik verisi Türkçeyi daha az korur: reddedilen {en:.2f} (en), {tr:.2f} (tr)",
        },
        "sec_claim_bilingual": {
            "en": "Turkish safety data raises Turkish refusals: {before:.2f} → {after:.2f}",
            "tr": "Türkçe güvenlik verisi Türkçe retleri artırır: {before:.2f} → {after:.2f}",
        },
        "sec_claim_over": {
            "en": "safety data costs over-refusal of benign questions: {before:.2f} → {after:.2f}",
            "tr": "güvenlik verisinin bedeli zararsız soruların fazladan reddidir: {before:.2f} → {after:.2f}",
        },
        "sec_claim_works": {
            "en": "indirect injection works on the instruction-following assistant: ASR {asr:.2f}",
            "tr": "dolaylı enjeksiyon talimat izleyen asistanda işe yarar: ASR {asr:.2f}",
        },
        "sec_claim_hierarchy": {
            "en": ("instruction-hierarchy training cuts the indirect ASR more than delimiters alone "
                   "({delimiters:.2f} → {hierarchy:.2f}) and keeps utility ({u_before:.2f} → {u_after:.2f})"),
            "tr": ("talimat hiyerarşisi eğitimi dolaylı ASR'yi yalnızca ayraçlardan daha çok düşürür "
                   "({delimiters:.2f} → {hierarchy:.2f}) ve faydayı korur ({u_before:.2f} → {u_after:.2f})"),
        },
        "sec_claim_poison": {
            "en": "the backdoor's effect (ASR minus 'positive' without the trigger) grows with the poison rate ({rates})",
            "tr": "arka kapının etkisi (ASR eksi tetikleyicisiz 'olumlu' oranı) zehir oranıyla artar ({rates})",
        },
        "sec_claim_survives": {
            "en": "fine-tuning on clean data does not remove the backdoor: effect {before:.2f} → {after:.2f}",
            "tr": "temiz veriyle ince ayar arka kapıyı silmez: etki {before:.2f} → {after:.2f}",
        },
    }
)
