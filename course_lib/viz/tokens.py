"""Token ids as short readable labels for plot axes (any course tokenizer, or none)."""

from __future__ import annotations


def token_labels(tokenizer, ids) -> list[str]:
    """One label per id: the token's text with spaces shown as '␣' and newlines as '⏎'.

    Uses ``tokenizer.token_text`` (BPE: one token may be part of a character) when the tokenizer
    has it, else ``tokenizer.decode([id])``; without a tokenizer the ids themselves.
    """
    ids = ids.tolist() if hasattr(ids, "tolist") else list(ids)
    labels = []
    for token_id in ids:
        if tokenizer is None:
            text = str(token_id)
        elif hasattr(tokenizer, "token_text"):
            text = tokenizer.token_text(token_id)
        else:
            text = tokenizer.decode([token_id])
        labels.append(text.replace(" ", "␣").replace("\n", "⏎"))
    return labels
