"""Key-value retrieval, the task of chapter 09, written in both languages for a causal model.

A sequence lists pairs ``key:value`` and ends with a query word and one of the keys; the model must
answer that key's value, at the last position::

    en:  a:3 k:7 f:1 d:0 | query: k → 7
    tr:  a:3 k:7 f:1 d:0 | sorgu: k → 7

Tokens are whole symbols (a small vocabulary of its own, no BPE): one per pair ``key:value`` (so a
pair's position holds both its key and its value), one per key (the query), one per value digit
(the answers) and the two query words, so the query word is the only thing the languages differ
in. The token sequence is ``(k1:v1) (k2:v2) ... (kn:vn) QUERY kq`` and the answer is ``vq``.

One token per pair keeps the task to what this chapter is about: which position the last row
attends to. (With separate key and value tokens, the key's position cannot know its value under the
causal mask, since the value comes after it; a model then needs a previous-token head first, the
two-layer "induction head" circuit, which takes far longer to form.) The target attention map of a
batch is one-hot, in the last row, at the position of the queried key's pair: ``attention_target``
(B, T, T) and ``attention_rows`` (B, T) (only the last row is guided).
"""

from __future__ import annotations

import torch

from ..i18n import CourseValueError
from . import kv_messages  # noqa: F401  (registers this module's texts)

KEYS = tuple("abcdefghijklmnop")
VALUES = tuple("0123456789")
QUERY_WORDS = {"en": "query:", "tr": "sorgu:"}
PAIRS = tuple(f"{k}:{v}" for k in KEYS for v in VALUES)
VOCAB = (*KEYS, *VALUES, *PAIRS, QUERY_WORDS["en"], QUERY_WORDS["tr"])
FIRST_VALUE, FIRST_PAIR = len(KEYS), len(KEYS) + len(VALUES)
QUERY_IDS = {"en": VOCAB.index(QUERY_WORDS["en"]), "tr": VOCAB.index(QUERY_WORDS["tr"])}


def sequence_length(n_pairs: int) -> int:
    """Tokens in a sequence of ``n_pairs`` pairs: one per pair, the query word and the queried key."""
    return n_pairs + 2


def make_batch(batch_size: int, n_pairs: int, generator: torch.Generator, langs=("en", "tr")) -> dict:
    """A batch of retrieval sequences with distinct keys; the language of each row drawn from ``langs``.

    input_ids (B, T), answer (B,) the token id of the queried value, key_position (B,) where its
    pair sits, attention_target (B, T, T) and attention_rows (B, T) for guided attention, lang (B,) 0/1.
    """
    if not 1 <= n_pairs <= len(KEYS):
        raise CourseValueError("data_bad_kv_pairs", value=n_pairs, most=len(KEYS))
    keys = torch.rand(batch_size, len(KEYS), generator=generator).argsort(dim=1)[:, :n_pairs]
    values = torch.randint(len(VALUES), (batch_size, n_pairs), generator=generator)
    asked = torch.randint(n_pairs, (batch_size,), generator=generator)
    lang_index = torch.randint(len(langs), (batch_size,), generator=generator)
    query = torch.tensor([QUERY_IDS[lang] for lang in langs])[lang_index]
    rows = torch.arange(batch_size)
    pairs = FIRST_PAIR + len(VALUES) * keys + values
    ids = torch.cat([pairs, query[:, None], keys[rows, asked][:, None]], dim=1)
    T = ids.shape[1]
    target = torch.zeros(batch_size, T, T)
    target[rows, T - 1, asked] = 1.0
    guided = torch.zeros(batch_size, T, dtype=torch.bool)
    guided[:, T - 1] = True
    return {"input_ids": ids, "answer": FIRST_VALUE + values[rows, asked], "key_position": asked,
            "attention_target": target, "attention_rows": guided, "lang": lang_index}


def render(ids) -> str:
    """A sequence as text: ``a:3 k:7 | query: k``."""
    tokens = [VOCAB[i] for i in (ids.tolist() if hasattr(ids, "tolist") else ids)]
    return f"{' '.join(tokens[:-2])} | {tokens[-2]} {tokens[-1]}"


def retrieval_loss(model, batch: dict):
    """``train()``'s loss: cross-entropy of the answer at the last position (B,), and the last logits."""
    logits = model(batch["input_ids"]).logits[:, -1]
    return torch.nn.functional.cross_entropy(logits.float(), batch["answer"], reduction="none"), logits


@torch.no_grad()
def retrieval_accuracy(model, batch: dict) -> float:
    """Share of the batch whose answer is the model's top token at the last position."""
    was_training = model.training
    model.eval()
    logits = model(batch["input_ids"]).logits[:, -1]
    model.train(was_training)
    return float((logits.argmax(-1) == batch["answer"]).float().mean())
