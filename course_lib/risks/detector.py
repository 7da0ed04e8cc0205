"""A simple prompt-injection detector: rules that flag instruction-like text inside a document.

The cheapest defence, and the most common first one: look for the phrases injections use
("ignore ... instructions", "reply only with", "SYSTEM:", and their Turkish forms) and refuse the
document when one appears. It is scored like any classifier: the share of attacks it catches
(recall) and the share of clean documents it wrongly blocks (false-positive rate). Rules catch
the wordings their author thought of; a paraphrase walks past them, which is why the chapter
scores the detector on injections worded differently from those its rules were written from.
"""

from __future__ import annotations

import re

from ..i18n import CourseValueError

# Written from the TRAINING injections of injection.py (and general knowledge of attacks), never
# from the held-out ones the chapter scores it on.
_PATTERNS = (
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules?|text)\b",
    r"\b(answer|reply|respond)\b.{0,20}\bonly\b",
    r"\binstead\b.{0,20}\bwrite\b",
    r"\byour answer must\b",
    r"\bnote to the assistant\b",
    r"^\s*system\s*:|\bsystem\s*:",
    r"\b(yok say|dikkate alma|unut)",
    r"\b(yalnızca|sadece)\b.{0,30}\b(yaz|cevap)",
    r"\bonun yerine\b",
    r"\bcevabınız\b.{0,30}\bolmalı",
    r"\basistana not\b",
    r"\bsistem\s*:",
)
_RULES = [re.compile(pattern, re.IGNORECASE | re.MULTILINE) for pattern in _PATTERNS]


def looks_injected(text: str) -> bool:
    """True when any rule matches ``text`` (a document, or a user's message)."""
    return any(rule.search(text) for rule in _RULES)


def detector_rates(attacked, clean) -> dict[str, float]:
    """``{"recall", "false_positive_rate"}`` of :func:`looks_injected` on attacked and clean texts."""
    attacked, clean = list(attacked), list(clean)
    for name, texts in (("attacked", attacked), ("clean", clean)):
        if not texts:
            raise CourseValueError("security_empty", name=name)
    return {"recall": sum(map(looks_injected, attacked)) / len(attacked),
            "false_positive_rate": sum(map(looks_injected, clean)) / len(clean)}
