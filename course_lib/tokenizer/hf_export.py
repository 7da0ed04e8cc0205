"""Hand our BPE to Hugging Face: the same ids, as a ``transformers`` fast tokenizer.

HF's byte-level BPE (the GPT-2 scheme) cuts text into words with a regex, then writes each
byte as a printable character (GPT-2's byte-to-unicode table: the byte for " " becomes "Ġ"),
and stores tokens and merges as strings of those characters. So our vocabulary becomes: id -> those characters for its bytes; our ordered
merges become the same merges spelled as strings. Special tokens become HF "added tokens"
with the same ids, matched before pre-tokenization, exactly as ours are. HF's ByteLevel
pre-tokenizer has GPT-2's pattern built in, and ours differs in one place (apostrophes, see
:mod:`.pretokenize`), so we cut words with a ``Split`` on our own pattern first and let
ByteLevel only map bytes to characters.

``tokenizers`` and ``transformers`` are imported inside the function, so the course's own
tokenizer works without them.
"""

from __future__ import annotations

from functools import lru_cache

from .bpe import BPETokenizer
from .pretokenize import WORD_PATTERN
from .vocab import N_BYTES


@lru_cache(maxsize=1)
def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's table: each byte -> one printable character (Radford et al. 2019, ``encoder.py``).

    Bytes that are already printable (and not a space) map to themselves; the other 68 map to
    the characters from U+0100 upwards, in byte order. This keeps whitespace and control bytes
    out of the vocabulary file while staying one character per byte.
    """
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    table = {b: chr(b) for b in printable}
    next_code = N_BYTES
    for b in range(N_BYTES):
        if b not in table:
            table[b] = chr(next_code)
            next_code += 1
    return table


def hf_token_string(token: bytes) -> str:
    """How HF's byte-level BPE spells a token: one GPT-2 table character per byte."""
    table = bytes_to_unicode()
    return "".join(table[b] for b in token)


def to_hf_tokenizers(tok: BPETokenizer):
    """A ``tokenizers.Tokenizer`` whose ``encode(text).ids`` equal ``tok.encode(text)``."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers

    specials = tok.special_tokens
    # Special tokens keep their text as their vocabulary entry: when they are then added as
    # "added tokens", HF finds them in the vocabulary and keeps our ids (256, 257, ...).
    special_of_id = {token_id: token for token, token_id in specials.items()}
    vocab = {
        special_of_id.get(token_id) or hf_token_string(tok.token_bytes(token_id)): token_id
        for token_id in range(tok.vocab_size)
    }
    merges = [
        (hf_token_string(tok.token_bytes(left)), hf_token_string(tok.token_bytes(right)))
        for left, right in tok.merges
    ]

    hf = Tokenizer(models.BPE(vocab=vocab, merges=merges, fuse_unk=False, byte_fallback=False))
    # "isolated": each match is its own piece (our pattern matches every character, so there
    # are no pieces between matches). Then ByteLevel without its own regex just maps bytes;
    # add_prefix_space=False because we do not add a space before the text either.
    hf.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(WORD_PATTERN), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    hf.decoder = decoders.ByteLevel()
    hf.add_special_tokens([AddedToken(token, special=True, normalized=False) for token in specials])
    return hf


def to_hf_tokenizer(tok: BPETokenizer, model_max_length: int | None = None):
    """A ``transformers.PreTrainedTokenizerFast`` with exactly ``tok``'s ids.

    The first special token (if any) becomes the end-of-text token, and a special token named
    like "<|pad|>" becomes the padding token.
    """
    from transformers import PreTrainedTokenizerFast

    kwargs = {}
    specials = list(tok.special_tokens)
    if specials:
        kwargs["eos_token"] = specials[0]
        kwargs["bos_token"] = specials[0]
        pads = [token for token in specials if "pad" in token.lower()]
        if pads:
            kwargs["pad_token"] = pads[0]
    if model_max_length is not None:
        kwargs["model_max_length"] = model_max_length
    return PreTrainedTokenizerFast(tokenizer_object=to_hf_tokenizers(tok), **kwargs)
