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
        "base_corpus_missing": {
            "en": (
                "The corpus file {path} is missing. Building the real-text base model needs the "
                "corpora folder (Turkish Wikipedia sample, Tatoeba TR/EN); pass it with --data "
                "(it was {data_dir}). Loading the shipped model needs none of this."
            ),
            "tr": (
                "Derlem dosyası {path} bulunamadı. Gerçek metinli temel modeli oluşturmak için "
                "derlem klasörü gerekir (Türkçe Vikipedi örneği, Tatoeba TR/EN); klasörü --data ile "
                "verin (verilen: {data_dir}). Paketle gelen modeli yüklemek için bunların hiçbiri gerekmez."
            ),
        },
        "base_corpus_changed": {
            "en": (
                "The corpus file {path} is not the one the recipe was written for: its SHA-256 is "
                "{actual}, expected {expected}. A model built from it would not be the shipped one; "
                "use the original file."
            ),
            "tr": (
                "{path} derlem dosyası, tarifin yazıldığı dosya değil: SHA-256 özeti {actual}, "
                "beklenen {expected}. Bundan oluşturulan model paketle gelen model olmaz; özgün "
                "dosyayı kullanın."
            ),
        },
        "base_unknown_model": {
            "en": (
                "load_base_model({name!r}): there is no such base model. Use one of: {known}; "
                "\"mine\" (your own model from chapter 02); or \"hub:<owner>/<name>\" (a model "
                "from the Hugging Face Hub, with a network)."
            ),
            "tr": (
                "load_base_model({name!r}): böyle bir temel model yok. Şunlardan birini kullanın: "
                "{known}; \"mine\" (02. bölümde eğittiğiniz kendi modeliniz) ya da "
                "\"hub:<sahip>/<ad>\" (ağ bağlantısıyla Hugging Face Hub'dan bir model)."
            ),
        },
        "base_learner_missing": {
            "en": (
                "load_base_model(\"mine\"): no complete saved model in {folder} (missing: {missing}). "
                "Run chapter 02 to the end, or save yours with save_learner_base(model, tokenizer); "
                "load_base_model() gives the shipped model."
            ),
            "tr": (
                "load_base_model(\"mine\"): {folder} klasöründe eksiksiz kaydedilmiş bir model yok "
                "(eksik: {missing}). 02. bölümü sonuna kadar çalıştırın ya da modelinizi "
                "save_learner_base(model, tokenizer) ile kaydedin; load_base_model() paketle gelen "
                "modeli verir."
            ),
        },
        "base_hub_unavailable": {
            "en": (
                "The model {model_id!r} could not be loaded from the Hugging Face Hub ({reason}). "
                "This needs a network connection (or the model in the local Hugging Face cache) and "
                "the name of a causal language model, e.g. \"ytu-ce-cosmos/turkish-gpt2\". Without a "
                "network, use the shipped model: load_base_model()."
            ),
            "tr": (
                "{model_id!r} modeli Hugging Face Hub'dan yüklenemedi ({reason}). Bunun için ağ "
                "bağlantısı (ya da modelin yerel Hugging Face önbelleğinde olması) ve bir nedensel dil "
                "modelinin adı gerekir, örneğin \"ytu-ce-cosmos/turkish-gpt2\". Ağ yoksa paketle gelen "
                "modeli kullanın: load_base_model()."
            ),
        },
    }
)
