"""What the privacy chapter's library says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "privacy_bad_kinds": {
            "en": "kinds={value!r} is not valid: give one or more of {valid}.",
            "tr": "kinds={value!r} geçerli değil: şunlardan en az birini verin: {valid}.",
        },
        "privacy_bad_iban_parts": {
            "en": "A Turkish IBAN needs a 5-digit bank code and a 16-digit account; got bank={bank!r}, account={account!r}.",
            "tr": "Türk IBAN'ı 5 haneli bir banka kodu ve 16 haneli bir hesap numarası ister; gelen: bank={bank!r}, account={account!r}.",
        },
        "privacy_bad_rank": {
            "en": "rank={rank!r} must be a whole number between 1 (the most likely candidate) and the space size {size!r}.",
            "tr": "rank={rank!r}, 1 (en olası aday) ile aday uzayının büyüklüğü {size!r} arasında bir tam sayı olmalı.",
        },
        "privacy_bad_digits": {
            "en": "secret_digits={value!r} must be a whole number from 1 to 8 (the unknown digits among the first nine; the first stays known).",
            "tr": "secret_digits={value!r}, 1 ile 8 arasında bir tam sayı olmalı (ilk dokuz haneden bilinmeyenlerin sayısı; ilk hane bilinir).",
        },
        "privacy_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "privacy_one_class": {
            "en": "AUROC needs scores of both members and non-members; got {members} members and {others} non-members.",
            "tr": "AUROC için hem üyelerin hem de üye olmayanların skorları gerekir; gelen: {members} üye, {others} üye olmayan.",
        },
        "privacy_bad_variant": {
            "en": "variant={value!r} is not a training-data variant: use one of {valid}.",
            "tr": "variant={value!r} bir eğitim verisi türü değil: şunlardan birini kullanın: {valid}.",
        },
        "privacy_claim_repeats": {
            "en": "Exposure grows with repetition: the most repeated canaries are exposed by more bits than the single ones (Carlini et al. 2019).",
            "tr": "Açığa çıkma tekrarla artar: en çok tekrarlanan kanaryalar, bir kez geçenlerden daha çok bit açığa çıkar (Carlini vd. 2019).",
        },
        "privacy_claim_dedup": {
            "en": "Deduplication lowers the exposure of the most repeated canaries (Kandpal et al. 2022).",
            "tr": "Tekilleştirme, en çok tekrarlanan kanaryaların açığa çıkmasını azaltır (Kandpal vd. 2022).",
        },
        "privacy_claim_scrub": {
            "en": "Scrubbing leaves the secret at chance level: low exposure and nothing extracted.",
            "tr": "Temizleme sırrı şans düzeyinde bırakır: açığa çıkma düşük, hiçbir numara çıkarılamıyor.",
        },
        "privacy_claim_dp": {
            "en": "DP-SGD lowers exposure, brings the membership AUROC toward 0.5, and costs perplexity (Abadi et al. 2016).",
            "tr": "DP-SGD açığa çıkmayı azaltır, üyelik AUROC'unu 0,5'e yaklaştırır ve şaşkınlıkta (perplexity) bir bedel öder (Abadi vd. 2016).",
        },
    }
)
