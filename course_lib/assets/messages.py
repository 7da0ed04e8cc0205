"""What the base-model loader and builder say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "base_unknown_preset": {
            "en": "There is no base-model preset called {name!r}. Use one of: {known}.",
            "tr": "{name!r} adında bir temel model hazır ayarı yok. Şunlardan birini kullanın: {known}.",
        },
        "base_file_missing": {
            "en": (
                "The base-model file {path} is missing. The package was installed without its data "
                "files; reinstall it (pip install .) or rebuild the model with "
                "`python -m course_lib.assets.build_base`."
            ),
            "tr": (
                "Temel model dosyası {path} bulunamadı. Paket, veri dosyaları olmadan kurulmuş; "
                "paketi yeniden kurun (pip install .) ya da modeli "
                "`python -m course_lib.assets.build_base` ile yeniden oluşturun."
            ),
        },
        "base_checksum_mismatch": {
            "en": (
                "The base-model file {path} is damaged: its SHA-256 is {actual}, but {config} "
                "records {expected}. It was not loaded. Reinstall the package, or rebuild the model with "
                "`python -m course_lib.assets.build_base`."
            ),
            "tr": (
                "Temel model dosyası {path} bozulmuş: SHA-256 özeti {actual}, oysa {config} dosyasında "
                "{expected} yazıyor. Dosya yüklenmedi. Paketi yeniden kurun ya da modeli "
                "`python -m course_lib.assets.build_base` ile yeniden oluşturun."
            ),
        },
        "base_bad_config": {
            "en": "The base-model description {path} cannot be read ({reason}). Reinstall the package.",
            "tr": "Temel model açıklaması {path} okunamıyor ({reason}). Paketi yeniden kurun.",
        },
        "base_learner_incomplete": {
            "en": (
                "The folder {folder} holds only part of a saved base model (missing: {missing}), so the "
                "shipped base model is used instead. Save your model again with "
                "save_learner_base(model, tokenizer), or delete the folder."
            ),
            "tr": (
                "{folder} klasöründe kaydedilmiş bir temel modelin yalnızca bir kısmı var (eksik: "
                "{missing}); bu yüzden paketle gelen temel model kullanılıyor. Modelinizi "
                "save_learner_base(model, tokenizer) ile yeniden kaydedin ya da klasörü silin."
            ),
        },
        "base_learner_vocab_mismatch": {
            "en": (
                "The model in {folder} has vocab_size={model_vocab}, but its tokenizer has "
                "{tokenizer_vocab} tokens. Save the model together with the tokenizer it was trained "
                "with: save_learner_base(model, tokenizer)."
            ),
            "tr": (
                "{folder} klasöründeki modelin vocab_size değeri {model_vocab}, ama tokenizer'ında "
                "{tokenizer_vocab} token var. Modeli, birlikte eğitildiği tokenizer'la kaydedin: "
                "save_learner_base(model, tokenizer)."
            ),
        },
        "base_using_learner": {
            "en": "Using your own base model from {folder} (saved in chapter 02).",
            "tr": "{folder} klasöründeki kendi temel modeliniz kullanılıyor (02. bölümde kaydedildi).",
        },
    }
)
