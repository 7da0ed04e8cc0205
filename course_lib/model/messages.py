"""What the model package tells a learner, in both languages.

Each message names the argument, the value it got and how to fix it.
"""

from ..i18n import register

MESSAGES = register(
    {
        # --- GPTConfig ---------------------------------------------------------------
        "model_config_not_positive": {
            "en": "GPTConfig.{name} must be a positive integer, got {value!r}.",
            "tr": "GPTConfig.{name} pozitif bir tam sayı olmalı; gelen değer: {value!r}.",
        },
        "model_config_heads_divide": {
            "en": (
                "GPTConfig.n_embd={n_embd} is not divisible by n_head={n_head}: every head needs the same "
                "width. Choose n_embd as a multiple of n_head (e.g. n_embd={suggestion})."
            ),
            "tr": (
                "GPTConfig.n_embd={n_embd}, n_head={n_head} değerine tam bölünmüyor: her dikkat kafasının genişliği "
                "aynı olmalı. n_embd değerini n_head'in bir katı seçin (örneğin n_embd={suggestion})."
            ),
        },
        "model_config_dropout": {
            "en": "GPTConfig.dropout must be in [0, 1), got {value!r}.",
            "tr": "GPTConfig.dropout [0, 1) aralığında olmalı; gelen değer: {value!r}.",
        },
        "model_config_eps": {
            "en": "GPTConfig.layer_norm_eps must be a small positive number such as 1e-5, got {value!r}.",
            "tr": "GPTConfig.layer_norm_eps 1e-5 gibi küçük pozitif bir sayı olmalı; gelen değer: {value!r}.",
        },
        "model_config_activation": {
            "en": "GPTConfig.activation must be one of {known}, got {value!r}.",
            "tr": "GPTConfig.activation şunlardan biri olmalı: {known}; gelen değer: {value!r}.",
        },
        "model_config_unknown_preset": {
            "en": "Unknown GPT preset {name!r}. Known presets: {known}.",
            "tr": "Bilinmeyen GPT hazır ayarı {name!r}. Bilinen hazır ayarlar: {known}.",
        },
        "model_config_unknown_keys": {
            "en": "GPTConfig has no field(s) {keys}. Its fields are: {fields}.",
            "tr": "GPTConfig'de {keys} adında alan yok. Alanları şunlar: {fields}.",
        },
        # --- inputs to GPT.forward -----------------------------------------------------
        "model_idx_not_tensor": {
            "en": "idx must be a torch tensor of token ids, got {type_name}. Use torch.tensor(ids).",
            "tr": "idx, token kimliklerinden oluşan bir torch tensörü olmalı; gelen tür: {type_name}. "
            "torch.tensor(ids) kullanın.",
        },
        "model_idx_not_integer": {
            "en": (
                "idx holds token ids, so it must have an integer dtype, got {dtype}. "
                "Did you pass embeddings? Use inputs_embeds=... for vectors, or idx.long() for ids."
            ),
            "tr": (
                "idx token kimliklerini tutar, bu yüzden tam sayı türünde olmalı; gelen tür: {dtype}. "
                "Vektör mü verdiniz? Vektörler için inputs_embeds=... kullanın, kimlikler için idx.long()."
            ),
        },
        "model_idx_wrong_dims": {
            "en": (
                "idx must have 2 dimensions (batch, time), got shape {shape}. "
                "For a single sequence use idx.unsqueeze(0)."
            ),
            "tr": (
                "idx 2 boyutlu olmalı (yığın, zaman); gelen şekil: {shape}. "
                "Tek bir dizi için idx.unsqueeze(0) kullanın."
            ),
        },
        "model_idx_out_of_vocab": {
            "en": (
                "idx has token ids outside the vocabulary: smallest {min_id}, largest {max_id}, but "
                "vocab_size is {vocab_size} (valid ids: 0 … {last_id}). Was the text encoded with "
                "another tokenizer?"
            ),
            "tr": (
                "idx sözcük dağarcığının dışında token kimlikleri içeriyor: en küçüğü {min_id}, en büyüğü {max_id}; oysa "
                "vocab_size {vocab_size} (geçerli kimlikler: 0 … {last_id}). Metin başka bir tokenizer ile "
                "mi kodlandı?"
            ),
        },
        "model_sequence_too_long": {
            "en": (
                "The sequence has {length} positions, but the model's context (block_size) is {block_size}. "
                "Keep the last {block_size} tokens, e.g. idx[:, -{block_size}:]."
            ),
            "tr": (
                "Dizi {length} konum uzunluğunda, ama modelin bağlamı (block_size) {block_size}. "
                "Son {block_size} token'ı alın, örneğin idx[:, -{block_size}:]."
            ),
        },
        "model_empty_sequence": {
            "en": "The input has {length} positions; give the model at least one token.",
            "tr": "Girdide {length} konum var; modele en az bir token verin.",
        },
        "model_cannot_grow_context": {
            "en": (
                "crop_block_size can only shorten the context: {value} is longer than the current "
                "block_size {block_size}, and there are no learned position embeddings beyond it."
            ),
            "tr": (
                "crop_block_size bağlamı yalnızca kısaltabilir: {value}, şu anki block_size "
                "({block_size}) değerinden uzun ve bu sınırın ötesinde öğrenilmiş konum gömmesi yok."
            ),
        },
        "model_idx_or_embeds": {
            "en": "Pass exactly one of idx or inputs_embeds (got {given}).",
            "tr": "idx ve inputs_embeds değerlerinden yalnızca birini verin (gelen: {given}).",
        },
        "model_embeds_shape": {
            "en": (
                "inputs_embeds must have shape (batch, time, n_embd={n_embd}) and a floating dtype, "
                "got shape {shape} and dtype {dtype}."
            ),
            "tr": (
                "inputs_embeds (yığın, zaman, n_embd={n_embd}) şeklinde ve kayan noktalı (float) türde olmalı; "
                "gelen şekil {shape}, tür {dtype}."
            ),
        },
        "model_targets_shape": {
            "en": (
                "targets must be integer ids of shape {expected} (one target per position), "
                "got shape {shape} and dtype {dtype}."
            ),
            "tr": (
                "targets, her konum için bir hedef olmak üzere {expected} şeklinde tam sayı kimlikler "
                "olmalı; gelen şekil {shape}, tür {dtype}."
            ),
        },
        "model_unknown_reduction": {
            "en": "reduction must be one of {valid}, got {value!r}.",
            "tr": "reduction şunlardan biri olmalı: {valid}; gelen değer: {value!r}.",
        },
        # --- generation -------------------------------------------------------------
        "generate_bad_temperature": {
            "en": "temperature must be a number ≥ 0 (0 means greedy), got {value!r}.",
            "tr": "temperature 0 ya da daha büyük bir sayı olmalı (0 açgözlü seçim demek); gelen değer: {value!r}.",
        },
        "generate_temperature_zero": {
            "en": (
                "apply_temperature divides by the temperature, so it must be > 0, got {value!r}. "
                "Temperature 0 means greedy decoding: take logits.argmax(-1) instead."
            ),
            "tr": (
                "apply_temperature logit'leri sıcaklığa böler, bu yüzden sıcaklık 0'dan büyük olmalı; gelen "
                "değer: {value!r}. Sıcaklık 0 açgözlü seçim demektir: bunun yerine logits.argmax(-1) alın."
            ),
        },
        "generate_bad_top_k": {
            "en": "top_k must be a positive integer or None, got {value!r}.",
            "tr": "top_k pozitif bir tam sayı ya da None olmalı; gelen değer: {value!r}.",
        },
        "generate_bad_top_p": {
            "en": "top_p must be in (0, 1] or None, got {value!r}.",
            "tr": "top_p (0, 1] aralığında ya da None olmalı; gelen değer: {value!r}.",
        },
        "generate_bad_max_new_tokens": {
            "en": "max_new_tokens must be a non-negative integer, got {value!r}.",
            "tr": "max_new_tokens negatif olmayan bir tam sayı olmalı; gelen değer: {value!r}.",
        },
        # --- Hugging Face interop ---------------------------------------------------------
        "hf_unsupported_config": {
            "en": (
                "This Hugging Face GPT-2 cannot become a course GPT: {field}={value!r}, but the course GPT "
                "needs {needed}."
            ),
            "tr": (
                "Bu Hugging Face GPT-2 modeli kurs GPT'sine çevrilemiyor: {field}={value!r}, oysa kurs "
                "GPT'si {needed} gerektiriyor."
            ),
        },
        "hf_extra_weights": {
            "en": (
                "to_hf cannot place {count} weight(s) of this model in a GPT-2, e.g. {names}. "
                "Merge added layers (such as LoRA) into the base weights first, or remove them."
            ),
            "tr": (
                "to_hf bu modelin {count} ağırlığını GPT-2'de bir yere koyamıyor, örneğin: {names}. "
                "Eklenen katmanları (LoRA gibi) önce temel ağırlıklarla birleştirin ya da çıkarın."
            ),
        },
        "hf_not_gpt2": {
            "en": "from_hf expects a GPT2LMHeadModel or the name/folder of one, got {type_name}.",
            "tr": "from_hf bir GPT2LMHeadModel ya da onun adını/klasörünü bekler; gelen tür: {type_name}.",
        },
        "hf_folder_missing": {
            "en": "No saved model in {folder}: config.json and model.safetensors are needed there.",
            "tr": "{folder} klasöründe kayıtlı model yok: orada config.json ve model.safetensors olmalı.",
        },
        "hf_tokenizer_cannot_save": {
            "en": (
                "The tokenizer ({type_name}) has no save_pretrained(folder) method. Pass a Hugging Face "
                "tokenizer (e.g. PreTrainedTokenizerFast), or save the tokenizer yourself."
            ),
            "tr": (
                "Tokenizer'ın ({type_name}) save_pretrained(folder) yöntemi yok. Bir Hugging Face tokenizer'ı "
                "verin (örneğin PreTrainedTokenizerFast) ya da tokenizer'ı kendiniz kaydedin."
            ),
        },
    }
)
