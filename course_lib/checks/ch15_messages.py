"""What chapter 15's checks say to a learner, in both languages."""

from ..i18n import register

MESSAGES = register(
    {
        "check_pv_not_bool": {
            "en": "The validator must return True or False; it returned {got!r} ({kind}).",
            "tr": "Doğrulayıcı True ya da False döndürmeli; {got!r} ({kind}) döndürdü.",
        },
        "check_pv_wrong_verdict": {
            "en": "{number!r} is {truth}, but your validator said {got}.",
            "tr": "{number!r} {truth_tr}, ama doğrulayıcınız {got} dedi.",
        },
    }
)
