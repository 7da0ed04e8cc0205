"""What the plots and widgets say when they are called wrongly, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "viz_empty_prompt": {
            "en": "prompt={prompt!r} gives no tokens and the tokenizer has no special token to start "
                  "from: write a few words as the prompt.",
            "tr": "prompt={prompt!r} hiç token vermiyor ve tokenizer'ın başlangıç için özel bir token'ı "
                  "yok: prompt olarak birkaç sözcük yazın.",
        },
        "viz_bad_layer": {
            "en": "layer={value} does not exist: the model has layers 0 to {last}.",
            "tr": "layer={value} diye bir katman yok: modelin katmanları 0 ile {last} arasında.",
        },
        "viz_bad_head": {
            "en": "head={value} does not exist: each layer has heads 0 to {last}.",
            "tr": "head={value} diye bir kafa yok: her katmanda 0 ile {last} arasında kafalar var.",
        },
        "viz_unknown_variant": {
            "en": "variant={value!r} is not known: use one of {known}.",
            "tr": "variant={value!r} tanınmıyor: şunlardan birini kullanın: {known}.",
        },
    }
)
