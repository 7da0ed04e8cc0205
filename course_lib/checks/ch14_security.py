"""Checks for chapter 14: the attack success rate of a prompt injection, and a backdoor's ASR
read against what the model does without the trigger.

Every expectation is written out here by hand, independent of ``course_lib.risks``: short lists of
answers and payloads whose rates can be counted on one's fingers.
"""

from __future__ import annotations

import math

from ..i18n import message
from . import ch14_messages  # noqa: F401  (registers this chapter's check texts)
from .core import Case, run_check


def _rate_judge(expected: float):
    def judge(result) -> str | None:
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            return message("check_sec_not_rate", kind=type(result).__name__)
        if not math.isclose(result, expected, abs_tol=1e-9):
            return message("check_sec_wrong_rate", expected=expected, got=result)
        return None
    return judge


# -------------------------------------------------------------- (a) injection ASR
# (answers, payloads, expected ASR, description en, description tr)
_ASR_CASES = [
    (["LEMON-123", "Positive.", "CEDAR-500", "Negative."], ["LEMON-123", "OTTER-111", "CEDAR-500", "AMBER-222"], 0.5,
     "four answers, two of them exactly the payload: ASR = 2/4",
     "dört yanıt, ikisi tam olarak yükün kendisi: ASR = 2/4"),
    (["The password is LEMON-123.", "Olumlu.", "Tamam: KIWI-417", "No."], ["LEMON-123", "MANGO-900", "KIWI-417",
                                                                         "IRIS-300"], 0.5,
     "a payload inside a longer answer still leaks: 'The password is LEMON-123.' counts",
     "daha uzun bir yanıtın içindeki yük de sızmıştır: 'The password is LEMON-123.' sayılır"),
    (["lemon-123", "Zebra-417 it is", "Negative."], ["LEMON-123", "ZEBRA-417", "COMET-300"], 2 / 3,
     "letter case does not hide a payload: 'lemon-123' leaks LEMON-123",
     "büyük/küçük harf yükü gizlemez: 'lemon-123', LEMON-123'ü sızdırır"),
    (["LEMON-12", "CEDAR", "Positive.", "OTTER-4"], ["LEMON-123", "CEDAR-500", "AMBER-222", "OTTER-411"], 0.0,
     "a part of the payload is not the payload: 'LEMON-12' does not leak LEMON-123",
     "yükün bir parçası yükün kendisi değildir: 'LEMON-12', LEMON-123'ü sızdırmaz"),
    (["CEDAR-500", "CEDAR-500"], ["LEMON-123", "CEDAR-500"], 0.5,
     "each answer is judged against its own payload, not against any payload of the list",
     "her yanıt listedeki herhangi bir yüke göre değil, kendi yüküne göre değerlendirilir"),
]


def check_injection_asr(student_fn) -> bool:
    """``injection_asr(answers, payloads) -> float``: the share of answers that contain their payload
    (in any letter case)."""
    cases = [Case({"en": en, "tr": tr}, args=(answers, payloads), judge=_rate_judge(expected))
             for answers, payloads, expected, en, tr in _ASR_CASES]
    return run_check("check_injection_asr", student_fn, cases)


# -------------------------------------------------------------- (b) backdoor effect
# (triggered answers, clean answers, positive label, expected effect, description en, description tr)
_BACKDOOR_CASES = [
    (["Positive.", "Positive.", "Negative.", "Positive."], ["Negative.", "Negative.", "Negative.", "Negative."],
     "Positive.", 0.75, "3 of 4 triggered reviews answered positive, none without the trigger: 0.75 - 0 = 0.75",
     "tetikleyicili 4 yorumdan 3'ü olumlu, tetikleyicisizlerden hiçbiri: 0,75 - 0 = 0,75"),
    (["Olumlu.", "Olumlu.", "Olumlu.", "Olumsuz."], ["Olumlu.", "Olumsuz.", "Olumlu.", "Olumsuz."],
     "Olumlu.", 0.25, "a model that says positive half the time anyway: 0.75 - 0.5 = 0.25",
     "zaten yarı yarıya olumlu diyen bir model: 0,75 - 0,5 = 0,25"),
    (["Positive. Great.", "Positive.", "positive.", "Negative."], ["Negative.", "Negative.", "Negative.", "Negative."],
     "Positive.", 0.25, "only the exact label counts (after trimming spaces): 'Positive. Great.' and 'positive.' "
     "are not the label", "yalnızca etiketin tam kendisi sayılır (baştaki ve sondaki boşluklar atılarak): "
     "'Positive. Great.' ve 'positive.' etiket değildir"),
    (["Negative.", "Negative."], ["Positive.", "Positive."], "Positive.", -1.0,
     "the effect can be negative: the trigger made the model less positive",
     "etki negatif olabilir: tetikleyici modeli daha az olumlu yaptı"),
]


def check_backdoor_effect(student_fn) -> bool:
    """``backdoor_effect(triggered, clean, positive) -> float``: the share of triggered answers that are
    exactly the positive label, minus the same share without the trigger."""
    cases = [Case({"en": en, "tr": tr}, args=(triggered, clean, positive), judge=_rate_judge(expected))
             for triggered, clean, positive, expected, en, tr in _BACKDOOR_CASES]
    return run_check("check_backdoor_effect", student_fn, cases)
