"""What the embedding-perturbation helpers say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "perturb_no_embeddings": {
            "en": ("{kind} has no token-embedding layer that can be found: pass a course GPT, a "
                   "SequenceClassifier around one, or a Hugging Face model (get_input_embeddings())."),
            "tr": ("{kind} içinde bulunabilen bir token gömme katmanı yok: bir kurs GPT'si, onu saran bir "
                   "SequenceClassifier ya da bir Hugging Face modeli (get_input_embeddings()) verin."),
        },
        "perturb_bad_shape": {
            "en": "The perturbation has shape {shape} but the embeddings have shape {expected}: make them equal.",
            "tr": "Bozulmanın (δ) biçimi {shape}, gömmelerinki ise {expected}: ikisini aynı yapın.",
        },
        "perturb_bad_norm": {
            "en": "norm={value!r} is not a norm this knows: use \"linf\" or \"l2\".",
            "tr": "norm={value!r} bilinen bir norm değil: \"linf\" ya da \"l2\" kullanın.",
        },
        "perturb_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
    }
)
