"""What instruction tuning (course_lib.finetune.instruct) says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "instruct_bad_lang": {
            "en": "lang={value!r} is not a language of the chat template. Use one of: {known}.",
            "tr": "lang={value!r} sohbet şablonunun dillerinden biri değil. Şunlardan birini kullanın: {known}.",
        },
        "instruct_bad_kind": {
            "en": "There is no instruction kind called {value!r}. Use one of: {known}.",
            "tr": "{value!r} adında bir talimat türü yok. Şunlardan birini kullanın: {known}.",
        },
        "instruct_not_chat": {
            "en": (
                "The text does not follow the chat template (no {user!r} ... {assistant!r} turn): "
                "{text!r}. Make it with format_example(instruction, response, lang)."
            ),
            "tr": (
                "Metin sohbet şablonuna uymuyor ({user!r} ... {assistant!r} sırası yok): {text!r}. "
                "Metni format_example(instruction, response, lang) ile oluşturun."
            ),
        },
        "instruct_prompt_lengths": {
            "en": (
                "prompt_lengths must hold one length per row of input_ids ({rows} rows), each between "
                "0 and the row length {length}; got {value}."
            ),
            "tr": (
                "prompt_lengths, input_ids'in her satırı için bir uzunluk içermeli ({rows} satır) ve "
                "her biri 0 ile satır uzunluğu {length} arasında olmalı; gelen değer: {value}."
            ),
        },
        "instruct_too_long": {
            "en": (
                "An instruction example is {length} tokens long, but the model reads at most {limit} "
                "(block_size + 1 with its target). Shorten the text, or leave the example out: {text!r}"
            ),
            "tr": (
                "Bir talimat örneği {length} token uzunluğunda, ama model en çok {limit} token okuyabilir "
                "(block_size + 1, hedefiyle birlikte). Metni kısaltın ya da örneği çıkarın: {text!r}"
            ),
        },
        "instruct_no_pairs": {
            "en": "{name} holds no instruction pairs. Pass a non-empty list of InstructionPair.",
            "tr": "{name} içinde hiç talimat çifti yok. Boş olmayan bir InstructionPair listesi verin.",
        },
        "instruct_bad_batch": {
            "en": (
                "instruction_loss expects a batch (input_ids, labels) of two (B, T) tensors of the same "
                "shape, as InstructionBatches makes; got {value}."
            ),
            "tr": (
                "instruction_loss, InstructionBatches'in ürettiği gibi aynı şekilde iki (B, T) tensörden "
                "oluşan bir (input_ids, labels) grubu bekler; gelen: {value}."
            ),
        },
    }
)
