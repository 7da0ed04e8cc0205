"""What the built-in world says to a learner, in both languages."""

from ...i18n import register

MESSAGES = register(
    {
        "world_bad_size": {
            "en": "{name} must be a non-negative integer, got {value!r}. Pass e.g. {name}=1000.",
            "tr": "{name} negatif olmayan bir tam sayı olmalı; gelen değer: {value!r}. Örneğin {name}=1000 verin.",
        },
        "world_bad_language": {
            "en": "{name}={value!r} is not a language of the world. Use one of: {valid}.",
            "tr": "{name}={value!r}, yerleşik \"dünya\" derleminin dillerinden biri değil. Şunlardan birini kullanın: {valid}.",
        },
        "world_bad_rate": {
            "en": "{name} must be a number between 0 and 1 (or None to switch it off), got {value!r}.",
            "tr": "{name} 0 ile 1 arasında bir sayı olmalı (kapatmak için None verin); gelen değer: {value!r}.",
        },
        "world_bad_canaries": {
            "en": "canaries must map a repeat count (1 or more) to a number of canaries (0 or more), "
            "e.g. {{1: 2, 4: 2, 32: 2}}; got {value!r}.",
            "tr": "canaries bir tekrar sayısını (1 veya daha fazla) kanarya sayısına (0 veya daha fazla) "
            "eşlemeli, örneğin {{1: 2, 4: 2, 32: 2}}; gelen değer: {value!r}.",
        },
        "world_bad_frequencies": {
            "en": "frequencies must map a number of mentions (1 or more) to a number of facts (0 or more), "
            "e.g. {{1: 20, 2: 20, 16: 20}}; got {value!r}.",
            "tr": "frequencies bir geçiş sayısını (1 veya daha fazla) olgu sayısına (0 veya daha fazla) "
            "eşlemeli, örneğin {{1: 20, 2: 20, 16: 20}}; gelen değer: {value!r}.",
        },
        "world_too_few_people": {
            "en": "The world has {have} people but this needs {need}. "
            "Ask for fewer, or build World(config=WorldConfig(n_people={need})).",
            "tr": "Yerleşik \"dünya\" derleminde {have} kişi var ama bunun için {need} kişi gerekiyor. "
            "Daha azını isteyin ya da World(config=WorldConfig(n_people={need})) kurun.",
        },
        "world_bad_people": {
            "en": "n_people must be between {low} and {high}, got {value!r}.",
            "tr": "n_people {low} ile {high} arasında olmalı; gelen değer: {value!r}.",
        },
        "world_bad_direction": {
            "en": "direction must be 'en-tr' or 'tr-en', got {value!r}.",
            "tr": "direction 'en-tr' ya da 'tr-en' olmalı; gelen değer: {value!r}.",
        },
        "world_not_enough_distinct": {
            "en": "Could only make {made} distinct examples ({what}), fewer than the {asked} asked for. Ask for fewer.",
            "tr": "Yalnızca {made} farklı örnek ({what}) üretilebildi; istenen {asked} sayısından az. Daha azını isteyin.",
        },
    }
)
