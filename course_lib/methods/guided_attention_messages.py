"""What guided attention (chapter 09) says when it is misused, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "ga_bad_choice": {
            "en": "{name}={value!r} is not known: use one of {valid}.",
            "tr": "{name}={value!r} tanınmıyor: şunlardan birini kullanın: {valid}.",
        },
        "ga_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "ga_no_blocks": {
            "en": "guided attention needs a model with transformer blocks (the course GPT, or a classifier "
                  "around it); {kind} has none.",
            "tr": "yönlendirilmiş dikkat, transformer blokları olan bir model ister (kursun GPT'si ya da onu "
                  "saran bir sınıflandırıcı); {kind} modelinde yok.",
        },
        "ga_no_maps": {
            "en": "no attention map was recorded in layer {layer}: did the forward pass run through the model "
                  "that GuidedAttention.setup() prepared?",
            "tr": "{layer}. katmanda hiçbir dikkat haritası kaydedilmedi: ileri geçiş, GuidedAttention.setup() "
                  "fonksiyonunun hazırladığı modelden mi geçti?",
        },
        "ga_no_batch_target": {
            "en": "target='batch' reads batch['attention_target'] (B, T, T) and batch['attention_rows'] (B, T); "
                  "this batch has neither.",
            "tr": "target='batch', batch['attention_target'] (B, T, T) ve batch['attention_rows'] (B, T) "
                  "alanlarını okur; bu yığında ikisi de yok.",
        },
    }
)

CLAIMS = register(
    {
        "ga_claim_faster": {
            "en": "with guidance the model reaches {threshold_pct:.0f} % retrieval accuracy in fewer steps "
                  "(measured steps: guided {guided}, unguided {plain}; 'never' = not within {steps} steps)",
            "tr": "yönlendirmeyle model %{threshold_pct:.0f} geri getirme doğruluğuna daha az adımda ulaşır "
                  "(ölçülen adımlar: yönlendirilmiş {guided}, yönlendirilmemiş {plain}; 'hiç' = {steps} adımda değil)",
        },
        "ga_claim_longer": {
            "en": "at twice the trained length, the guided model is more accurate (measured: guided {guided}, "
                  "unguided {plain})",
            "tr": "eğitildiği uzunluğun iki katında yönlendirilmiş model daha doğrudur (ölçülen: yönlendirilmiş "
                  "{guided}, yönlendirilmemiş {plain})",
        },
        "ga_claim_mass": {
            "en": "the guided head puts more attention on the queried key (measured mass: guided {guided}, "
                  "unguided {plain})",
            "tr": "yönlendirilen kafa sorulan anahtara daha çok dikkat verir (ölçülen pay: yönlendirilmiş "
                  "{guided}, yönlendirilmemiş {plain})",
        },
        "ga_never": {"en": "never", "tr": "hiç"},
    }
)
