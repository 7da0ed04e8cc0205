"""What the chat-model loader and builder say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "chat_unknown_preset": {
            "en": "There is no chat-model preset called {name!r}. Use one of: {known}.",
            "tr": "{name!r} adında bir sohbet modeli hazır ayarı yok. Şunlardan birini kullanın: {known}.",
        },
        "chat_file_missing": {
            "en": (
                "The chat-model file {path} is missing. The package was installed without its data "
                "files; reinstall it (pip install .) or rebuild the model with "
                "`python -m course_lib.assets.build_chat`."
            ),
            "tr": (
                "Sohbet modeli dosyası {path} bulunamadı. Paket, veri dosyaları olmadan kurulmuş; "
                "paketi yeniden kurun (pip install .) ya da modeli "
                "`python -m course_lib.assets.build_chat` ile yeniden oluşturun."
            ),
        },
        "chat_checksum_mismatch": {
            "en": (
                "The chat-model file {path} is damaged: its SHA-256 is {actual}, but {config} "
                "records {expected}. It was not loaded. Reinstall the package, or rebuild the model with "
                "`python -m course_lib.assets.build_chat`."
            ),
            "tr": (
                "Sohbet modeli dosyası {path} bozulmuş: SHA-256 özeti {actual}, oysa {config} dosyasında "
                "{expected} yazıyor. Dosya yüklenmedi. Paketi yeniden kurun ya da modeli "
                "`python -m course_lib.assets.build_chat` ile yeniden oluşturun."
            ),
        },
        "chat_base_mismatch": {
            "en": (
                "The base model in {folder} is not the one the chat model was tuned from (its weights' "
                "SHA-256 differs from the one recorded in {config}). Reinstall the package, or rebuild the "
                "chat model from this base with `python -m course_lib.assets.build_chat --base {folder}`."
            ),
            "tr": (
                "{folder} klasöründeki temel model, sohbet modelinin ince ayarla elde edildiği model değil "
                "(ağırlıklarının SHA-256 özeti {config} dosyasındakinden farklı). Paketi yeniden kurun ya da "
                "sohbet modelini bu temel modelden `python -m course_lib.assets.build_chat --base {folder}` "
                "ile yeniden oluşturun."
            ),
        },
        "chat_bad_config": {
            "en": "The chat-model description {path} cannot be read ({reason}). Reinstall the package.",
            "tr": "Sohbet modeli açıklaması {path} okunamıyor ({reason}). Paketi yeniden kurun.",
        },
    }
)
