"""What the real-text loaders and the batching helpers say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        # ----------------------------------------------------------------------------- files
        "data_file_missing": {
            "en": "No file at {path}. Check the path (the current folder is {cwd}) or download the file first.",
            "tr": "{path} konumunda dosya yok. Yolu kontrol edin (şu anki klasör: {cwd}) "
            "ya da önce dosyayı indirin.",
        },
        "data_not_a_file": {
            "en": "{path} is a folder, not a text file. Name a file inside it.",
            "tr": "{path} bir klasör, metin dosyası değil. İçindeki bir dosyanın adını verin.",
        },
        "data_file_empty": {
            "en": "{path} is empty: there is no text to learn from. Choose a file with some text in it.",
            "tr": "{path} boş: öğrenilecek metin yok. İçinde metin olan bir dosya seçin.",
        },
        "data_file_not_utf8": {
            "en": "{path} is not valid UTF-8: byte {offset} (line {line}) is {byte}. Save the file as "
            "UTF-8 (most editors offer this under 'Save as' / 'Encoding').",
            "tr": "{path} geçerli bir UTF-8 dosyası değil: {offset}. bayt ({line}. satır) {byte}. "
            "Dosyayı UTF-8 olarak kaydedin (çoğu düzenleyicide 'Farklı kaydet' / 'Kodlama' altında).",
        },
        "data_bad_row": {
            "en": "{path}, line {line}: expected {expected} tab-separated fields, found {found}. "
            "Is this the right file ({kind})?",
            "tr": "{path}, {line}. satır: sekmeyle ayrılmış {expected} alan bekleniyordu, {found} alan var. "
            "Doğru dosya mı ({kind})?",
        },
        "data_field_not_integer": {
            "en": "{path}, line {line}: the field {field} should be a whole number, but it is {value!r}.",
            "tr": "{path}, {line}. satır: {field} alanı bir tam sayı olmalı, ama değeri {value!r}.",
        },
        "data_flores_bad_n": {
            "en": "n = {value!r} parallel sentences asked for, but the shipped file holds {available}. "
            "Pass a whole number from 1 to {available}.",
            "tr": "n = {value!r} paralel cümle istendi, ama kursla gelen dosyada {available} cümle var. "
            "1 ile {available} arasında bir tam sayı verin.",
        },
        "data_bad_header": {
            "en": "{path} starts with the header {found!r}, but a {kind} file starts with {expected!r}.",
            "tr": "{path} dosyasının başlığı {found!r}, ama bir {kind} dosyası {expected!r} ile başlar.",
        },
        # -------------------------------------------------------------------------- downloads
        "data_bad_sha256": {
            "en": "sha256={value!r} is not a SHA-256 checksum (64 hexadecimal characters). "
            "Compute it with: sha256sum FILE (or hashlib.sha256(data).hexdigest()).",
            "tr": "sha256={value!r} bir SHA-256 özeti değil (64 onaltılık karakter olmalı). "
            "Şöyle hesaplayın: sha256sum DOSYA (ya da hashlib.sha256(veri).hexdigest()).",
        },
        "data_checksum_mismatch": {
            "en": "The file downloaded from {url} has sha256 {got}, but {expected} was expected. "
            "It was not kept. The file may have changed on the server or the download was corrupted: "
            "check the URL and the checksum.",
            "tr": "{url} adresinden indirilen dosyanın sha256 özeti {got}, ama {expected} bekleniyordu. "
            "Dosya saklanmadı. Sunucudaki dosya değişmiş ya da indirme bozulmuş olabilir: "
            "adresi ve özeti kontrol edin.",
        },
        "data_download_failed": {
            "en": "Could not download {url}: {reason}. Check the address and your network connection.",
            "tr": "{url} indirilemedi: {reason}. Adresi ve ağ bağlantınızı kontrol edin.",
        },
        "data_datasets_missing": {
            "en": "load_hf_dataset needs the Hugging Face 'datasets' package, which is not installed. "
            "Install it with: pip install datasets (and make sure you are online).",
            "tr": "load_hf_dataset, Hugging Face 'datasets' paketine ihtiyaç duyuyor ve bu paket kurulu değil. "
            "Şöyle kurun: pip install datasets (ve internete bağlı olduğunuzdan emin olun).",
        },
        # --------------------------------------------------------------------------- batching
        "data_bad_fraction": {
            "en": "val_fraction={value!r} must be a number from 0 (no validation set) up to, "
            "but not including, 1. A common choice is 0.1.",
            "tr": "val_fraction={value!r} 0 (doğrulama kümesi yok) ile 1 arasında bir sayı olmalı "
            "(1 hariç). Sık kullanılan bir değer 0.1.",
        },
        "data_no_tokens": {
            "en": "The token sequence is empty: encode some text first.",
            "tr": "Token dizisi boş: önce bir metni kodlayın (encode).",
        },
        "data_not_token_ids": {
            "en": "{argument} must be a 1-D sequence of integer token ids, but got {description}.",
            "tr": "{argument} tam sayı token kimliklerinden oluşan tek boyutlu bir dizi olmalı, "
            "ama {description} geldi.",
        },
        "data_unknown_split": {
            "en": "Unknown split {split!r}. Use 'train' or 'val'.",
            "tr": "Bilinmeyen veri bölümü {split!r}. 'train' ya da 'val' kullanın.",
        },
        "data_block_too_long": {
            "en": "block_size={block_size} is too long for the {split!r} split, which has only {length} "
            "tokens: a window needs block_size + 1 tokens (the inputs and the next-token targets). "
            "Use block_size <= {largest}, or more text.",
            "tr": "block_size={block_size}, yalnızca {length} token içeren {split!r} bölümü için çok uzun: "
            "bir pencere block_size + 1 token ister (girdiler ve bir sonraki token hedefleri). "
            "block_size <= {largest} kullanın ya da daha çok metin verin.",
        },
        "data_window_too_long": {
            "en": "block_size={block_size} is too long for these {length} tokens: a window needs "
            "block_size + 1 tokens (the inputs and the next-token targets). "
            "Use block_size <= {largest}, or more text.",
            "tr": "block_size={block_size}, bu {length} token için çok uzun: bir pencere block_size + 1 "
            "token ister (girdiler ve bir sonraki token hedefleri). "
            "block_size <= {largest} kullanın ya da daha çok metin verin.",
        },
        "data_not_positive": {
            "en": "{argument}={value!r} must be a positive whole number.",
            "tr": "{argument}={value!r} pozitif bir tam sayı olmalı.",
        },
        "data_bad_padding_side": {
            "en": "padding_side={value!r} must be 'right' or 'left'.",
            "tr": "padding_side={value!r} 'right' (sağ) ya da 'left' (sol) olmalı.",
        },
        "data_empty_batch": {
            "en": "collate got an empty batch: there is nothing to pad. Check batch_size and the dataset.",
            "tr": "collate boş bir yığın aldı: doldurulacak bir şey yok. batch_size'ı ve veri kümesini kontrol edin.",
        },
        "data_empty_example": {
            "en": "Example {index} has no tokens. Every example needs at least one token id.",
            "tr": "{index}. örnekte hiç token yok. Her örneğin en az bir token kimliği olmalı.",
        },
        "data_length_mismatch": {
            "en": "Got {n_inputs} token sequences but {n_labels} labels: each example needs exactly one label.",
            "tr": "{n_inputs} token dizisi var ama {n_labels} etiket var: her örneğin tam olarak bir etiketi olmalı.",
        },
        "data_label_length_mismatch": {
            "en": "Example {index} has {n_tokens} tokens but {n_labels} per-token labels: they must be equally long.",
            "tr": "{index}. örnekte {n_tokens} token var ama {n_labels} token etiketi var: uzunlukları aynı olmalı.",
        },
    }
)
