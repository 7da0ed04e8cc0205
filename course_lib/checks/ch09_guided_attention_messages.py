"""What chapter 09's check says, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_ga_not_scalar": {
            "en": "returned {kind}: expected one number (a 0-dimensional tensor or a float)",
            "tr": "dönen değer {kind}: tek bir sayı bekleniyordu (0 boyutlu bir tensör ya da float)",
        },
        "check_ga_nan": {
            "en": "the loss is {got}: where the target is 0, the term 0 · log 0 counts as 0 (do not compute log 0)",
            "tr": "kayıp {got}: hedefin 0 olduğu yerde 0 · log 0 terimi 0 sayılır (log 0 hesaplamayın)",
        },
        "check_ga_wrong_value": {
            "en": "expected {expected:.6f}, got {got:.6f}",
            "tr": "beklenen {expected:.6f}, gelen {got:.6f}",
        },
    }
)
