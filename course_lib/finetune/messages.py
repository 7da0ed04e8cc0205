"""What the fine-tuning package says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "finetune_no_blocks": {
            "en": (
                "Cannot find the stack of blocks in this {kind}: no nn.ModuleList named one of {names}. "
                "Pass the blocks yourself (e.g. blocks=\"transformer.h\")."
            ),
            "tr": (
                "Bu {kind} içinde katman dizisi (üst üste dizilmiş bloklar) bulunamadı: {names} adlarından birini taşıyan bir nn.ModuleList yok. "
                "Blokları kendiniz verin (örneğin blocks=\"transformer.h\")."
            ),
        },
        "finetune_bad_pool": {
            "en": "pool={value!r} is not a pooling this head knows: use \"last\" or \"mean\".",
            "tr": "pool={value!r} bu sınıflandırma kafasının bildiği bir havuzlama değil: \"last\" ya da \"mean\" kullanın.",
        },
        "finetune_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "finetune_empty_row": {
            "en": (
                "Row {row} of the batch has no real token (its attention mask is all 0): "
                "a classifier needs at least one token per example."
            ),
            "tr": (
                "Yığının {row}. satırında gerçek token yok (dikkat maskesi tamamen 0): "
                "sınıflandırıcı her örnekte en az bir token ister."
            ),
        },
        "finetune_no_hidden_states": {
            "en": (
                "The backbone {kind} returned no hidden states: pass a course GPT or a Hugging Face "
                "causal language model (it is called with output_hidden_states=True)."
            ),
            "tr": (
                "{kind} omurgası gizli durumları döndürmedi: bir kurs GPT'si ya da Hugging Face nedensel "
                "dil modeli verin (output_hidden_states=True ile çağrılır)."
            ),
        },
        "finetune_unknown_lang": {
            "en": "lang={value!r} is not a language of this task: use \"tr\" or \"en\".",
            "tr": "lang={value!r} bu görevin dillerinden biri değil: \"tr\" ya da \"en\" kullanın.",
        },
        "finetune_unknown_split": {
            "en": "split={value!r} is not a SIB-200 split: use \"train\", \"dev\" or \"test\".",
            "tr": "split={value!r} bir SIB-200 bölümü değil: \"train\", \"dev\" ya da \"test\" kullanın.",
        },
        "finetune_sib200_no_test": {
            "en": (
                "The SIB-200 test split is not shipped with the course (it stays unseen for honest "
                "evaluation). Pass test_path= a TSV in the shipped format, or install `datasets` and "
                "run where a network exists (it loads Davlan/sib200)."
            ),
            "tr": (
                "SIB-200 test bölümü kursla birlikte gelmez (dürüst bir değerlendirme için görülmemiş kalır). "
                "test_path= ile aynı biçimde bir TSV dosyası verin ya da `datasets` paketini kurup "
                "ağ erişimi olan bir ortamda çalıştırın (Davlan/sib200 yüklenir)."
            ),
        },
        "finetune_unknown_direction": {
            "en": "direction={value!r} is not valid: use \"tr-en\" or \"en-tr\".",
            "tr": "direction={value!r} geçerli değil: \"tr-en\" ya da \"en-tr\" kullanın.",
        },
        "finetune_not_a_method": {
            "en": (
                "{value!r} is not a fine-tuning method: give objects with setup(model, task, config) "
                "and a name, such as Full() or Selected(2) from course_lib.finetune."
            ),
            "tr": (
                "{value!r} bir ince ayar yöntemi değil: setup(model, task, config) yöntemi ve bir adı olan "
                "nesneler verin; örneğin course_lib.finetune içinden Full() ya da Selected(2)."
            ),
        },
        "finetune_no_robustness": {
            "en": "course_lib.risks.robustness is not installed here: the robust column stays empty.",
            "tr": "course_lib.risks.robustness burada kurulu değil: sağlamlık sütunu boş kalır.",
        },
        "finetune_duplicate_method": {
            "en": "Two methods are both named {name!r}: give each a different name (name=...).",
            "tr": "İki yöntemin adı da {name!r}: her birine farklı bir ad verin (name=...).",
        },
        "metrics_auroc_lengths": {
            "en": "auroc() got {scores} scores and {labels} labels: give one score per example.",
            "tr": "auroc() {scores} skor ve {labels} etiket aldı: her örnek için bir skor verin.",
        },
        "metrics_auroc_one_class": {
            "en": "AUROC needs at least one positive and one negative example; got {positive} positive "
                  "and {negative} negative.",
            "tr": "AUROC için en az bir pozitif ve bir negatif örnek gerekir; gelen {positive} pozitif, "
                  "{negative} negatif.",
        },
        "metrics_auroc_not_finite": {
            "en": "auroc() got a score that is not a finite number ({value!r}); scores must be finite.",
            "tr": "auroc() sonlu olmayan bir skor aldı ({value!r}); skorlar sonlu sayılar olmalı.",
        },
        "finetune_task_kind": {
            "en": "The task {task!r} is a {kind} task; {what} needs a classification task.",
            "tr": "{task!r} görevi bir sınıflandırma görevi değil (türü: {kind}); {what} bir sınıflandırma görevi ister.",
        },
        "finetune_sizes_not_mapping": {
            "en": "FinetuneConfig.from_sizes() needs a chapter's sizes (a mapping such as sizes(\"03_finetuning\")), "
                  "not a {kind}.",
            "tr": "FinetuneConfig.from_sizes() bir bölümün boyutlarını ister (sizes(\"03_finetuning\") gibi bir "
                  "eşleme); {kind} değil.",
        },
        "finetune_unknown_setting": {
            "en": "FinetuneConfig has no setting {names}; the ones it knows are: {known}.",
            "tr": "FinetuneConfig'te {names} diye bir ayar yok; bildiği ayarlar şunlar: {known}.",
        },
    }
)
