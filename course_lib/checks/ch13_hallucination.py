"""Checks for chapter 13: the AUROC of an uncertainty score, and exact match after normalisation.

Every expectation is written out here by hand, independent of ``course_lib.risks``: AUROC values
counted pair by pair on lists short enough to count on paper, and answers whose normalised forms
follow SQuAD's rules (lower case, no punctuation, no a/an/the, single spaces).
"""

from __future__ import annotations

import math

from ..i18n import register
from .core import Case, run_check

register({
    "check_h_auroc_not_number": {
        "en": "return one number (a float), got {kind}",
        "tr": "tek bir sayı (float) döndürün, gelen {kind}",
    },
    "check_h_auroc_flipped": {
        "en": "got {got:.4f}, expected {expected:.4f}: that is 1 − the AUROC. A wrong answer should count "
              "when its score is HIGHER than a right answer's",
        "tr": "gelen {got:.4f}, beklenen {expected:.4f}: bu 1 − AUROC. Yanlış cevabın skoru doğru cevabınkinden "
              "BÜYÜK olduğunda sayılmalı",
    },
    "check_h_auroc_ties": {
        "en": "got {got:.4f}, expected {expected:.4f}: a tie between a wrong and a right answer counts one half",
        "tr": "gelen {got:.4f}, beklenen {expected:.4f}: bir yanlış ile bir doğru cevap arasındaki eşitlik yarım sayılır",
    },
    "check_h_auroc_wrong": {
        "en": "got {got!r}, expected {expected:.4f} (the share of (wrong, right) pairs the score orders correctly)",
        "tr": "gelen {got!r}, beklenen {expected:.4f} (skorun doğru sıraladığı (yanlış, doğru) çiftlerinin oranı)",
    },
    "check_h_em_wrong": {
        "en": "exact_match({prediction!r}, {reference!r}) returned {got!r}, expected {expected}: {why}",
        "tr": "exact_match({prediction!r}, {reference!r}) {got!r} döndürdü, beklenen {expected}: {why}",
    },
    "check_h_em_not_bool": {
        "en": "return True or False, got {kind}",
        "tr": "True ya da False döndürün, gelen {kind}",
    },
})


# ---------------------------------------------------------------------- (a) AUROC of a score
# (scores, wrong, AUROC counted by hand over the n_wrong × n_right pairs, the value with ties as 0)
AUROC_CASES = [
    # 2 wrong × 2 right = 4 pairs, all ordered right
    ([0.9, 0.8, 0.1, 0.2], [True, True, False, False], 1.0, 1.0),
    # wrong 0.7 beats right 0.2 and 0.5; wrong 0.3 beats 0.2 only: 3 of 4
    ([0.7, 0.3, 0.2, 0.5], [True, True, False, False], 0.75, 0.75),
    # wrong 0.5 and 0.9 against right 0.5 and 0.1: one tie and three wins, (3 + 0.5) / 4
    ([0.5, 0.5, 0.1, 0.9], [True, False, False, True], 3.5 / 4, 3 / 4),
    # every score equal: a useless score, 0.5 (all ties)
    ([1.0, 1.0, 1.0], [True, False, False], 0.5, 0.0),
]


def _auroc_judge(expected: float, ties_as_zero: float):
    def judge(result) -> str | None:
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            return message_of("check_h_auroc_not_number", kind=type(result).__name__)
        if math.isclose(result, expected, abs_tol=1e-6):
            return None
        if not math.isclose(expected, 0.5) and math.isclose(result, 1 - expected, abs_tol=1e-6):
            return message_of("check_h_auroc_flipped", got=result, expected=expected)
        if math.isclose(result, ties_as_zero, abs_tol=1e-6) or math.isclose(result, 1 - ties_as_zero, abs_tol=1e-6):
            return message_of("check_h_auroc_ties", got=result, expected=expected)
        return message_of("check_h_auroc_wrong", got=result, expected=expected)

    return judge


def message_of(key: str, **fields) -> str:
    from ..i18n import message

    return message(key, **fields)


def check_auroc(auroc) -> bool:
    """``auroc(scores, wrong) -> float``: P(a wrong answer's score > a right answer's), ties half."""
    cases = [
        Case({"en": f"auroc({scores}, wrong={wrong})", "tr": f"auroc({scores}, wrong={wrong})"},
             args=(list(scores), list(wrong)), judge=_auroc_judge(expected, ties))
        for scores, wrong, expected, ties in AUROC_CASES
    ]
    return run_check("check_auroc", auroc, cases)


# ----------------------------------------------------------- (b) exact match after normalisation
# (prediction, reference, expected, why in en, why in tr)
EM_CASES = [
    ("Bursa", "Bursa", True, "the same answer", "aynı cevap"),
    ("bursa.", "Bursa", True, "case and a full stop do not change an answer",
     "büyük-küçük harf ve nokta cevabı değiştirmez"),
    ("an architect", "architect", True, "the articles a/an/the are removed", "a/an/the tanımlıkları atılır"),
    ("  a   baker ", "baker", True, "extra spaces are collapsed", "fazla boşluklar teke indirilir"),
    ("Van", "Bursa", False, "a different town is a wrong answer", "başka bir şehir yanlış cevaptır"),
    ("Bursa or Van", "Bursa", False, "naming the right answer among others is not an exact match",
     "doğru cevabı başkalarıyla birlikte saymak tam eşleşme değildir"),
    ("theatre", "atre", False, "only whole words a/an/the are articles", "yalnızca tam sözcük olan a/an/the tanımlıktır"),
    ("a pilot", "an pilot", True, "after normalisation both are 'pilot'", "normalleştirmeden sonra ikisi de 'pilot'"),
]


def _em_judge(prediction: str, reference: str, expected: bool, why: dict[str, str]):
    def judge(result) -> str | None:
        if not isinstance(result, bool):
            return message_of("check_h_em_not_bool", kind=type(result).__name__)
        if result == expected:
            return None
        from ..i18n import get_language

        return message_of("check_h_em_wrong", prediction=prediction, reference=reference, got=result,
                          expected=expected, why=why[get_language()])

    return judge


def check_exact_match(exact_match) -> bool:
    """``exact_match(prediction, reference) -> bool``: equal after SQuAD-style normalisation."""
    cases = [
        Case({"en": f"exact_match({p!r}, {r!r})", "tr": f"exact_match({p!r}, {r!r})"},
             args=(p, r), judge=_em_judge(p, r, expected, {"en": en, "tr": tr}))
        for p, r, expected, en, tr in EM_CASES
    ]
    return run_check("check_exact_match", exact_match, cases)
