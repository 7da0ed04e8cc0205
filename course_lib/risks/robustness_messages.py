"""What the robustness measurements say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "robust_bad_rate": {
            "en": "rate={value!r} is not valid: use a fraction between 0 and 1.",
            "tr": "rate={value!r} geçerli değil: 0 ile 1 arasında bir oran kullanın.",
        },
        "robust_unknown_kind": {
            "en": "kind={value!r} is not a noise kind: use one of {kinds}.",
            "tr": "kind={value!r} bir gürültü türü değil: şunlardan birini kullanın: {kinds}.",
        },
        "robust_bad_number": {
            "en": "{name}={value!r} is not valid: use a number >= 0 (steps: a whole number >= 1).",
            "tr": "{name}={value!r} geçerli değil: 0 ya da daha büyük bir sayı kullanın (steps: 1 ya da daha büyük bir tam sayı).",
        },
        "robust_no_examples": {
            "en": "There are no examples to score: pass a non-empty list of labelled examples.",
            "tr": "Puanlanacak örnek yok: etiketli örneklerden oluşan boş olmayan bir liste verin.",
        },
    }
)
