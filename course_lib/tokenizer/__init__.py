"""Tokenizers trained from scratch: byte-level BPE (GPT-2's scheme) and character-level.

    from course_lib.tokenizer import BPETokenizer, CharTokenizer, fertility, to_hf_tokenizer

- :class:`BPETokenizer` -- ``train(text, vocab_size, special_tokens, on_merge)``, ``encode``,
  ``decode``, ``merges`` (in learned order), ``save``/``load`` (JSON).
- :class:`CharTokenizer` -- one id per character of a text's alphabet, same interface.
- :func:`to_hf_tokenizer` -- the same ids as a ``transformers.PreTrainedTokenizerFast``.
- :func:`fertility` -- tokens per whitespace-separated word.
"""

from .bpe import BPETokenizer
from .char import CharTokenizer
from .fertility import fertility
from .hf_export import to_hf_tokenizer, to_hf_tokenizers
from .train_bpe import MergeStep

__all__ = ["BPETokenizer", "CharTokenizer", "MergeStep", "fertility", "to_hf_tokenizer", "to_hf_tokenizers"]
