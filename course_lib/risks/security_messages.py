"""What the security chapter's code (course_lib.risks: injection, refusal, poisoning, supply chain)
says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "security_bad_lang": {
            "en": "lang={value!r} is not one of the chapter's languages. Use one of: {known}.",
            "tr": "lang={value!r} bölümün dillerinden biri değil. Şunlardan birini kullanın: {known}.",
        },
        "security_bad_split": {
            "en": "split={value!r} is not a template split. Use 'train' (defence training) or 'eval' (held out).",
            "tr": "split={value!r} bir şablon bölümü değil. 'train' (savunma eğitimi) ya da 'eval' (ayrılmış) kullanın.",
        },
        "security_bad_rate": {
            "en": "{name}={value!r} must be a share between 0 and 1.",
            "tr": "{name}={value!r} 0 ile 1 arasında bir oran olmalı.",
        },
        "security_length_mismatch": {
            "en": "{first} has {n_first} items but {second} has {n_second}: give one answer per attack.",
            "tr": "{first} {n_first} öge, {second} ise {n_second} öge içeriyor: her saldırıya bir yanıt verin.",
        },
        "security_empty": {
            "en": "{name} is empty: a rate needs at least one item.",
            "tr": "{name} boş: bir oran için en az bir öge gerekir.",
        },
        "security_unsafe_file": {
            "en": (
                "Refused to load {path}: it is a {kind} file, and a pickle can run any code while it is "
                "read. The course loads weights only from safetensors files whose SHA-256 it checks."
            ),
            "tr": (
                "{path} yüklenmedi: bu bir {kind} dosyası ve pickle okunurken her türlü kodu çalıştırabilir. "
                "Kurs ağırlıkları yalnızca SHA-256 özeti denetlenen safetensors dosyalarından yükler."
            ),
        },
    }
)
