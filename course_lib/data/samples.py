"""Short built-in passages for first demos (chapter 00), in both languages.

They are small on purpose: a learner can read the whole text and check a counting model by
eye. The longer, generated corpus of the course is :mod:`course_lib.data.world`.
"""

from ..i18n import CourseValueError

_PASSAGES = {
    "en": (
        "the cat sat on the mat. the dog sat on the log. "
        "the cat saw the dog and the dog saw the cat. "
        "a bird sang in the tree and the cat looked up. "
        "the dog ran to the park and the cat ran to the house. "
        "in the morning the sun was warm and the bird sang again. "
        "the cat and the dog sat in the sun and the day was calm. "
    ),
    "tr": (
        "kedi minderin üstünde oturdu. köpek kütüğün yanında oturdu. "
        "kedi köpeği gördü ve köpek de kediyi gördü. "
        "ağaçta bir kuş öttü ve kedi başını kaldırdı. "
        "köpek parka koştu, kedi de eve koştu. "
        "sabah güneş ılıktı ve kuş yine öttü. "
        "kedi ile köpek güneşte oturdu ve gün sakin geçti. "
    ),
}


def tiny_text(lang: str = "en") -> str:
    """A few lowercase sentences about a cat and a dog, in English or Turkish."""
    if lang not in _PASSAGES:
        raise CourseValueError("unknown_language", value=lang, source="tiny_text")
    return _PASSAGES[lang]
