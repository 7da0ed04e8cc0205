"""What chapter 07's checks say, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_alum_shape": {
            "en": "returned {got}: expected a tensor of shape {expected}, the shape of δ.",
            "tr": "dönen değer {got}: δ ile aynı biçimde, {expected} biçiminde bir tensör bekleniyordu.",
        },
        "check_alum_sign": {
            "en": ("you stepped along sign(g), as FGSM does; ALUM divides g by its largest |g| (per example), "
                   "so smaller gradient entries make smaller moves."),
            "tr": ("sign(g) yönünde adım attınız (FGSM böyle yapar); ALUM ise g'yi (örnek başına) en büyük |g| "
                   "değerine böler, böylece küçük gradyan bileşenleri daha az kıpırdar."),
        },
        "check_alum_global": {
            "en": ("you divided by the largest |g| of the whole batch; take it per example (over its tokens "
                   "and coordinates), or an example with small gradients barely moves."),
            "tr": ("bütün yığının en büyük |g| değerine böldünüz; bunu örnek başına (token'ları ve koordinatları "
                   "üzerinden) alın, yoksa gradyanları küçük bir örnek neredeyse hiç kıpırdamaz."),
        },
        "check_alum_none": {
            "en": "you did not normalise g: divide it by its largest |g| (per example) before the step η.",
            "tr": "g'yi normalleştirmediniz: η adımından önce onu (örnek başına) en büyük |g| değerine bölün.",
        },
        "check_alum_l2": {
            "en": "you divided by the ℓ2 norm; the ℓ∞ ball goes with the ℓ∞ norm, the largest |g| of the example.",
            "tr": "ℓ2 normuna böldünüz; ℓ∞ topu ℓ∞ normuyla, yani örneğin en büyük |g| değeriyle birlikte kullanılır.",
        },
        "check_alum_no_projection": {
            "en": "you did not project: clamp every coordinate of the new δ to [−ε, ε].",
            "tr": "izdüşüm yapmadınız: yeni δ'nın her koordinatını [−ε, ε] aralığına kırpın.",
        },
    }
)
