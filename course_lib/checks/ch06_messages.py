"""What chapter 06's checks say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_kd_not_scalar": {
            "en": "returned {kind} of shape {shape}: return one number, a 0-dimensional tensor (the batch mean).",
            "tr": "{shape} biçiminde bir {kind} döndü: tek bir sayı, 0 boyutlu bir tensör (yığın ortalaması) döndürün.",
        },
        "check_kd_no_t2": {
            "en": ("got {got}, expected {expected}: your soft term lacks the factor T². Its gradients shrink "
                   "as 1/T², so without T² a higher temperature quietly switches the teacher off."),
            "tr": ("gelen {got}, beklenen {expected}: yumuşak terimde T² çarpanı eksik. Bu terimin gradyanları "
                   "1/T² oranında küçülür; T² olmadan sıcaklık yükseldikçe öğretmen sessizce devre dışı kalır."),
        },
        "check_kd_reverse": {
            "en": ("got {got}, expected {expected}: your KL goes the other way, KL(student ‖ teacher). "
                   "Hinton's loss is KL(teacher ‖ student): the teacher's probabilities weight the log-ratio."),
            "tr": ("gelen {got}, beklenen {expected}: KL'niz ters yönde, KL(öğrenci ‖ öğretmen). Hinton'ın "
                   "kaybı KL(öğretmen ‖ öğrenci)'dir: log-oranı öğretmenin olasılıkları ağırlıklandırır."),
        },
        "check_kd_teacher_only": {
            "en": ("got {got}, expected {expected}: the temperature softens only the teacher. Divide the "
                   "student's logits by T too (inside the KL; the cross-entropy uses T = 1)."),
            "tr": ("gelen {got}, beklenen {expected}: sıcaklık yalnızca öğretmeni yumuşatıyor. Öğrencinin "
                   "logit'lerini de T'ye bölün (KL'nin içinde; çapraz entropi T = 1 kullanır)."),
        },
        "check_kd_alpha_swapped": {
            "en": "got {got}, expected {expected}: α weights the soft (teacher) term and 1 − α the cross-entropy, not the reverse.",
            "tr": "gelen {got}, beklenen {expected}: α yumuşak (öğretmen) terimi, 1 − α ise çapraz entropiyi ağırlıklandırır; tersi değil.",
        },
        "check_kd_sum": {
            "en": "got {got}, expected {expected}: you summed over the batch; take the mean over the examples.",
            "tr": "gelen {got}, beklenen {expected}: yığın üzerinden topladınız; örnekler üzerinden ortalama alın.",
        },
    }
)
