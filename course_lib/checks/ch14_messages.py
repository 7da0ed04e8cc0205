"""Texts of chapter 14's checks, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_sec_not_rate": {
            "en": "Expected a number between 0 and 1 (a share), got a {kind}.",
            "tr": "0 ile 1 arasında bir sayı (bir oran) bekleniyordu, gelen: {kind}.",
        },
        "check_sec_wrong_rate": {
            "en": "Expected {expected:.4f}, got {got}.",
            "tr": "Beklenen {expected:.4f}, gelen {got}.",
        },
    }
)
