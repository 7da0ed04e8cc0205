"""One record for a sentence and its translation, shared by every source of pairs.

The built-in world (``World.translation_pairs``) and the Tatoeba reader
(``corpora.read_tatoeba``) both return :class:`TranslationPair`, so a translation chapter can
train on one and evaluate on the other without converting records.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TranslationPair:
    """``source`` in ``source_lang`` and its translation ``target`` in ``target_lang``.

    ``pair.en`` and ``pair.tr`` give the side in that language whatever the direction.
    """

    source: str
    target: str
    source_lang: str
    target_lang: str

    @property
    def en(self) -> str:
        return self._side("en")

    @property
    def tr(self) -> str:
        return self._side("tr")

    def _side(self, lang: str) -> str:
        if self.source_lang == lang:
            return self.source
        if self.target_lang == lang:
            return self.target
        raise AttributeError(f"this pair is {self.source_lang}-{self.target_lang}: it has no {lang!r} side")
