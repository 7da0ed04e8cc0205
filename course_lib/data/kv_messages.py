"""What the key-value retrieval task (chapter 09) says when it is misused, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "data_bad_kv_pairs": {
            "en": "n_pairs={value!r} is not valid: use 1 to {most} pairs (one key per letter a-p).",
            "tr": "n_pairs={value!r} geçerli değil: 1 ile {most} arasında çift kullanın (a-p arası her harf bir anahtar).",
        },
    }
)
