"""What the tokenizers say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "tokenizer_hub_skipped": {
            "en": "Skipped {label} ({repo_id}): it could not be loaded from the Hugging Face Hub ({reason}). "
            "This cell needs transformers and a network (Colab, the gpu profile); the rest of the "
            "chapter does not.",
            "tr": "{label} ({repo_id}) atlandı: Hugging Face Hub'dan yüklenemedi ({reason}). "
            "Bu hücre transformers ve ağ erişimi ister (Colab, gpu profili); bölümün geri kalanı istemez.",
        },
        "tokenizer_hub_no_network": {
            "en": "huggingface.co cannot be reached from here",
            "tr": "buradan huggingface.co'ya ulaşılamıyor",
        },
        "tokenizer_text_not_str": {
            "en": '{argument} must be a str, but got {type_name}. Pass the text itself, e.g. tok.encode("merhaba").',
            "tr": "{argument} bir str olmalı, ama {type_name} geldi. Metnin kendisini verin, "
            'örneğin tok.encode("merhaba").',
        },
        "tokenizer_id_out_of_range": {
            "en": "Token id {token_id} is out of range: this tokenizer knows ids 0 to {last_id}. "
            "Check that the ids come from this tokenizer (and the same vocabulary size).",
            "tr": "{token_id} token kimliği aralığın dışında: bu tokenizer yalnızca 0 ile {last_id} arasındaki "
            "kimlikleri tanıyor. Kimliklerin bu tokenizer'dan (ve aynı sözcük dağarcığı boyutundan) geldiğini kontrol edin.",
        },
        "tokenizer_id_not_int": {
            "en": "Token ids must be integers, but got {value!r} ({type_name}). Pass a list of ints, "
            "e.g. the output of encode().",
            "tr": "Token kimlikleri tam sayı olmalı, ama {value!r} ({type_name}) geldi. Bir int listesi verin, "
            "örneğin encode() çıktısını.",
        },
        "tokenizer_unknown_special": {
            "en": "Unknown special token {token!r}. This tokenizer's special tokens are: {known}.",
            "tr": "Bilinmeyen özel token {token!r}. Bu tokenizer'ın özel token'ları şunlar: {known}.",
        },
        "tokenizer_vocab_too_small": {
            "en": "vocab_size={vocab_size} is too small: a byte-level BPE needs 256 byte tokens plus "
            "{n_special} special token(s), so at least {minimum}. Choose vocab_size >= {minimum}.",
            "tr": "vocab_size={vocab_size} çok küçük: bayt düzeyinde BPE'nin 256 bayt token'ına ve "
            "{n_special} özel token'a yer gerekir, yani en az {minimum}. vocab_size >= {minimum} seçin.",
        },
        "tokenizer_vocab_not_int": {
            "en": "vocab_size must be a whole number (e.g. 4096), but got {value!r} ({type_name}).",
            "tr": "vocab_size bir tam sayı olmalı (örneğin 4096), ama {value!r} ({type_name}) geldi.",
        },
        "tokenizer_empty_training_text": {
            "en": "The training text is empty (after removing special tokens): there is nothing to learn "
            "merges from. Pass a non-empty text.",
            "tr": "Eğitim metni boş (özel token'lar çıkarıldıktan sonra): birleştirme öğrenilecek bir şey yok. "
            "Boş olmayan bir metin verin.",
        },
        "tokenizer_bad_special_tokens": {
            "en": "special_tokens must be a list of distinct, non-empty strings, but got {value!r}.",
            "tr": "special_tokens birbirinden farklı, boş olmayan dizgelerden oluşan bir liste olmalı, "
            "ama {value!r} geldi.",
        },
        "tokenizer_unknown_character": {
            "en": "The character {char!r} (at position {position}) is not in this character tokenizer's "
            "alphabet of {size} characters. Build the tokenizer from a text that contains it.",
            "tr": "{char!r} karakteri ({position}. konumda) bu karakter tokenizer'ının {size} karakterlik "
            "alfabesinde yok. Tokenizer'ı bu karakteri içeren bir metinden oluşturun.",
        },
        "tokenizer_bad_alphabet": {
            "en": "alphabet must be a list of distinct single characters, but got {value!r}.",
            "tr": "alphabet birbirinden farklı tek karakterlerden oluşan bir liste olmalı, ama {value!r} geldi.",
        },
        "tokenizer_bad_file": {
            "en": "{path} is not a saved {kind} tokenizer ({reason}). Save one with tok.save(path) first.",
            "tr": "{path} kayıtlı bir {kind} tokenizer dosyası değil ({reason}). Önce tok.save(path) ile kaydedin.",
        },
        "tokenizer_bad_fraction": {
            "en": "test_fraction must be between 0 and 1 (exclusive), but got {value!r}. Try 0.1 for 10 %.",
            "tr": "test_fraction 0 ile 1 arasında (uçlar hariç) olmalı, ama {value!r} geldi. %10 için 0.1 deneyin.",
        },
        "tokenizer_fertility_no_words": {
            "en": "Fertility needs at least one word, but the text has none (it is empty or only whitespace).",
            "tr": "Doğurganlık (fertility) hesabı için en az bir sözcük gerekir, ama metinde hiç yok "
            "(boş ya da yalnızca boşluk).",
        },
    }
)
