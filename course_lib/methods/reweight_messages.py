"""What the reweighting method (chapter 08) says when it is misused, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "reweight_no_tokenizer": {
            "en": "Reweight needs the tokenizer to encode its clean set: the model's vocabulary ({vocab}) is not "
                  "the shipped base model's. Pass it: Reweight(tokenizer=base.tokenizer).",
            "tr": "Reweight, temiz kümesini kodlamak için tokenizer'a gerek duyar: modelin sözlüğü ({vocab}) "
                  "kursla gelen temel modelinki değil. Onu verin: Reweight(tokenizer=base.tokenizer).",
        },
        "reweight_bad_clean": {
            "en": "the clean set has {n} examples: Learning to Reweight needs at least {least} examples with "
                  "trusted labels (the paper uses a small clean validation set, here 50-100).",
            "tr": "temiz kümede {n} örnek var: Learning to Reweight en az {least} güvenilir etiketli örnek "
                  "ister (makale küçük, temiz bir doğrulama kümesi kullanır; burada 50-100).",
        },
        "reweight_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "reweight_scores_mismatch": {
            "en": "auroc() got {scores} scores and {labels} labels: give one score per example.",
            "tr": "auroc() {scores} puan ve {labels} etiket aldı: her örnek için bir puan verin.",
        },
        "reweight_one_class": {
            "en": "auroc() needs both classes among the labels (got only {label}).",
            "tr": "auroc() etiketler arasında iki sınıfı da ister (yalnızca {label} geldi).",
        },
    }
)
