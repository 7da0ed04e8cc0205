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
    }
)
