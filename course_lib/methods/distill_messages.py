"""What knowledge distillation says to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "distill_bad_number": {
            "en": "{name}={value!r} is not valid: {rule}.",
            "tr": "{name}={value!r} geçerli değil: {rule_tr}.",
        },
        "distill_bad_kl": {
            "en": "kl={value!r} is not a direction this knows: use \"forward\" (teacher ‖ student) or \"reverse\".",
            "tr": "kl={value!r} bilinen bir yön değil: \"forward\" (öğretmen ‖ öğrenci) ya da \"reverse\" kullanın.",
        },
        "distill_teacher_classes": {
            "en": ("The teacher predicts {teacher} classes but the task has {task}: give a teacher "
                   "fine-tuned on this task (or teacher=None, which fine-tunes one)."),
            "tr": ("Öğretmen modeli {teacher} sınıf tahmin ediyor, görevde ise {task} sınıf var: bu görevde "
                   "ince ayar yapılmış bir öğretmen verin (ya da teacher=None verin; o zaman biri eğitilir)."),
        },
        "distill_claim_task": {
            "en": "on the task the best KD student ({best}) beats the CE-only student of the same size: {kd} vs {ce}",
            "tr": "görevde en iyi bilgi damıtımı öğrencisi ({best}) aynı boyuttaki yalnızca CE ile eğitilen öğrenciyi geçer: {kd} / {ce}",
        },
        "distill_claim_perplexity": {
            "en": "the forward-KD student has a lower held-out perplexity than the CE-only student: {kd} vs {ce}",
            "tr": "ileri KL ile damıtılan öğrencinin ayrılmış metindeki şaşkınlığı (perplexity), yalnızca CE ile eğitilen öğrencininkinden düşüktür: {kd} / {ce}",
        },
        "distill_claim_mode": {
            "en": "reverse KL is mode seeking: its student's predictions have lower entropy (nats) than the forward-KL student's: {reverse} vs {forward}",
            "tr": "ters KL tepe arayıcıdır (mode seeking): öğrencisinin tahminlerinin entropisi (nat) ileri KL öğrencisininkinden düşüktür: {reverse} / {forward}",
        },
        "distill_claim_missing": {
            "en": "claim {claim}: a run it needs was not measured",
            "tr": "{claim}. iddia: gereken bir çalıştırma ölçülmedi",
        },
    }
)
