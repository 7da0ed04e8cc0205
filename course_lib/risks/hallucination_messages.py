"""What the hallucination chapter's library says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "halluc_bad_frequencies": {
            "en": "frequencies must be whole numbers >= 1, got {value!r}; use e.g. (1, 2, 4, 8, 16)",
            "tr": "frequencies 1 ya da daha büyük tam sayılar olmalı, gelen {value!r}; örneğin (1, 2, 4, 8, 16) kullanın",
        },
        "halluc_bad_count": {
            "en": "{name} must be a whole number >= {low}, got {value!r}",
            "tr": "{name} en az {low} olan bir tam sayı olmalı, gelen {value!r}",
        },
        "halluc_lengths": {
            "en": "{first} and {second} must have the same length, got {n_first} and {n_second}",
            "tr": "{first} ile {second} aynı uzunlukta olmalı, gelen {n_first} ve {n_second}",
        },
        "halluc_one_class": {
            "en": "AUROC needs at least one wrong and one right answer; got {wrong} wrong and {right} right",
            "tr": "AUROC için en az bir yanlış ve bir doğru cevap gerekir; gelen {wrong} yanlış, {right} doğru",
        },
        "halluc_no_prompts": {
            "en": "{name} is empty: give at least one fact or prompt",
            "tr": "{name} boş: en az bir olgu ya da prompt verin",
        },
        "halluc_not_finite": {
            "en": "{name} holds a value that is not a finite number ({value!r}); scores must be finite",
            "tr": "{name} sonlu olmayan bir değer içeriyor ({value!r}); skorlar sonlu sayılar olmalı",
        },
        "halluc_bad_relation": {
            "en": "relation {value!r} has no question template; known: {known}",
            "tr": "{value!r} ilişkisi için soru kalıbı yok; bilinenler: {known}",
        },
    }
)
