"""What the bias chapter's library says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "bias_empty_continuation": {
            "en": "the continuation after {prompt!r} is empty: give at least one character to score",
            "tr": "{prompt!r} isteminden sonraki devam metni boş: puanlanacak en az bir karakter verin",
        },
        "bias_no_jobs": {
            "en": "she_rates is empty: give P(she | job) for at least one job",
            "tr": "she_rates boş: en az bir meslek için P(she | meslek) değerini verin",
        },
        "bias_hub_unavailable": {
            "en": "could not load the translator {model} from the Hugging Face Hub ({error}). This optional step "
                  "needs a network, the transformers package and, for Marian models, sentencepiece "
                  "(pip install transformers sentencepiece); the rest of the chapter does not need it",
            "tr": "{model} çevirmeni Hugging Face Hub'dan yüklenemedi ({error}). Bu isteğe bağlı adım bir ağ "
                  "bağlantısı, transformers paketi ve Marian modelleri için sentencepiece ister "
                  "(pip install transformers sentencepiece); bölümün geri kalanı buna ihtiyaç duymaz",
        },
        "bias_pair_lengths": {
            "en": "logp_stereo has {stereo} values and logp_anti {anti}: give one value per pair on each side, "
                  "at least one pair",
            "tr": "logp_stereo {stereo}, logp_anti {anti} değer içeriyor: her iki tarafta her çift için bir "
                  "değer verin, en az bir çift olmalı",
        },
    }
)
