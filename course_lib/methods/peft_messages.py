"""What the PEFT methods (LoRA, prompt tuning, the peft family) say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "lora_bad_rank": {
            "en": "LoRA rank r={value!r} is not valid: use a whole number >= 1 (e.g. r=8).",
            "tr": "LoRA rankı r={value!r} geçerli değil: 1 ya da daha büyük bir tam sayı kullanın (örneğin r=8).",
        },
        "lora_bad_dropout": {
            "en": "LoRA dropout={value!r} is not valid: use a probability in [0, 1).",
            "tr": "LoRA dropout={value!r} geçerli değil: [0, 1) aralığında bir olasılık kullanın.",
        },
        "lora_no_targets": {
            "en": "No linear layer of this {kind} matches targets={targets!r}. Linear layers it has: {known}.",
            "tr": "Bu {kind} içinde targets={targets!r} ile eşleşen doğrusal katman yok. Var olan doğrusal "
                  "katmanlar: {known}.",
        },
        "lora_already_injected": {
            "en": "This model already has LoRA layers ({names}): inject once, or unload them first "
                  "(merge_lora(model, unload=True)).",
            "tr": "Bu modelde zaten LoRA katmanları var ({names}): bir kez ekleyin ya da önce onları çıkarın "
                  "(merge_lora(model, unload=True)).",
        },
        "lora_none_found": {
            "en": "This model has no LoRA layers: call inject_lora(model, ...) first.",
            "tr": "Bu modelde LoRA katmanı yok: önce inject_lora(model, ...) çağırın.",
        },
        "lora_adapter_missing": {
            "en": "No adapter in {folder}: expected adapter_config.json and adapter_model.safetensors "
                  "(written by save_adapter or by peft's save_pretrained).",
            "tr": "{folder} içinde adaptör yok: adapter_config.json ve adapter_model.safetensors bekleniyordu "
                  "(save_adapter ya da peft'in save_pretrained fonksiyonu yazar).",
        },
        "lora_adapter_mismatch": {
            "en": "The adapter in {folder} does not fit this model: {detail}.",
            "tr": "{folder} içindeki adaptör bu modele uymuyor: {detail}.",
        },
        "prompt_bad_length": {
            "en": "n_virtual={value!r} is not valid: use a whole number >= 1 of virtual tokens.",
            "tr": "n_virtual={value!r} geçerli değil: 1 ya da daha büyük bir tam sayıda sanal token kullanın.",
        },
        "prompt_bad_init": {
            "en": "init={value!r} is not a soft-prompt initialisation: use \"random\", \"vocab\" or \"labels\".",
            "tr": "init={value!r} bir yumuşak prompt ilklendirmesi değil: \"random\", \"vocab\" ya da \"labels\" "
                  "kullanın.",
        },
        "prompt_too_long": {
            "en": "{n_virtual} virtual tokens + {length} text tokens = {total} exceed the model's context of "
                  "{block_size}: shorten max_length or use fewer virtual tokens.",
            "tr": "{n_virtual} sanal token + {length} metin token'ı = {total}, modelin {block_size} token'lık "
                  "bağlamını aşıyor: max_length'i kısaltın ya da daha az sanal token kullanın.",
        },
        "prompt_needs_course_gpt": {
            "en": "Prompt tuning here wraps the course GPT (got a {kind}); for a Hugging Face model use "
                  "peft's PromptTuningConfig (course_lib.methods.peft_family).",
            "tr": "Buradaki prompt ayarlama kursun GPT'sini sarar (gelen: {kind}); bir Hugging Face modeli için "
                  "peft'in PromptTuningConfig sınıfını kullanın (course_lib.methods.peft_family).",
        },
        "claims_lora_quality": {
            "en": "LoRA r = 8 on the attention reaches >= 95 % of full fine-tuning with <= 5 % of the parameters "
                  "(measured: LoRA {lora}, full {full}: {ratio:.0f} %, with {pct:.2f} % trainable)",
            "tr": "dikkat katmanlarında LoRA r = 8, parametrelerin en çok %5'ini eğiterek tam ince ayarın en az "
                  "%95'ine ulaşır (ölçülen: LoRA {lora}, tam {full}: %{ratio:.0f}, eğitilen pay %{pct:.2f})",
        },
        "claims_lora_rank": {
            "en": "a small rank is enough: r = {small_r} scores as well as r = {large_r} within the noise "
                  "(measured: {small} vs {large})",
            "tr": "küçük bir rank yeterlidir: r = {small_r}, gürültü payı içinde r = {large_r} kadar başarılıdır "
                  "(ölçülen: {small} ve {large})",
        },
        "claims_lora_forgetting": {
            "en": "LoRA forgets less than full fine-tuning (measured forgetting: LoRA {lora}, full {full})",
            "tr": "LoRA tam ince ayardan daha az unutur (ölçülen unutma: LoRA {lora}, tam {full})",
        },
        "claims_lora_peft": {
            "en": "the course's LoRA and peft's score the same within the noise (measured: course {ours}, peft {peft})",
            "tr": "kursun LoRA'sı ile peft'inki gürültü payı içinde aynı puanı alır (ölçülen: kurs {ours}, peft {peft})",
        },
        "claims_prompt_trails": {
            "en": "at this scale prompt tuning trails full fine-tuning (measured: full {full}, best prompt {best}: "
                  "{gap:.1f} points behind)",
            "tr": "bu ölçekte prompt ayarlama tam ince ayarın gerisinde kalır (ölçülen: tam {full}, en iyi prompt "
                  "{best}: {gap:.1f} puan geride)",
        },
        "claims_prompt_length": {
            "en": "a longer prompt does at least as well as a short one (measured: p = {short_p} {short}, "
                  "p = {long_p} {long})",
            "tr": "uzun bir prompt en az kısa bir prompt kadar iyidir (ölçülen: p = {short_p} {short}, "
                  "p = {long_p} {long})",
        },
        "claims_prompt_init": {
            "en": "initialising from the class labels does at least as well as random vectors "
                  "(measured: labels {labels}, random {random})",
            "tr": "sınıf etiketlerinden ilklendirme en az rastgele vektörler kadar iyidir "
                  "(ölçülen: etiketler {labels}, rastgele {random})",
        },
    }
)
