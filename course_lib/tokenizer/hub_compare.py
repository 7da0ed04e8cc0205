"""Real tokenizers from the Hugging Face Hub, measured on the same parallel sentences.

Optional: it needs ``transformers`` and a network (the gpu profile, Colab). Offline, each
tokenizer that cannot be loaded is reported as skipped with a bilingual message, and nothing
fails. Only the tokenizer files are downloaded (a few MB each), never model weights, and
``trust_remote_code`` is never set.

The defaults: GPT-2 (English-only training text, Radford et al. 2019), BERTurk (trained on
Turkish, Schweter 2020), a Turkish GPT-2 (YTU COSMOS), and the Llama 3 tokenizer (128,256
tokens, many languages; Meta 2024) from an ungated copy of its files.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..i18n import message
from . import messages  # noqa: F401  (registers the tokenizer's messages)

HUB_TOKENIZERS = {
    "GPT-2": "openai-community/gpt2",
    "BERTurk": "dbmdz/bert-base-turkish-cased",
    "Turkish GPT-2": "ytu-ce-cosmos/turkish-gpt2",
    "Llama 3": "NousResearch/Meta-Llama-3-8B",
}


@dataclass(frozen=True)
class HubFertility:
    """Fertility (tokens per whitespace word) of one Hub tokenizer, per language."""

    label: str
    repo_id: str
    fertility: dict[str, float]
    tokens: dict[str, int]


def hub_reachable(host: str = "huggingface.co", timeout: float = 3.0) -> bool:
    """Whether a TCP connection to the Hub opens within ``timeout`` seconds.

    Asked once before loading, because offline ``from_pretrained`` retries each file for about a
    minute before it gives up.
    """
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
    except OSError:
        return False
    return True


def _default_loader(repo_id: str):
    from transformers import AutoTokenizer  # optional: imported only when asked

    return AutoTokenizer.from_pretrained(repo_id)


def hub_fertility(
    texts: Mapping[str, str],
    tokenizers: Mapping[str, str] = HUB_TOKENIZERS,
    load: Callable | None = None,
    report: Callable[[str], None] = print,
    online: bool | None = None,
) -> list[HubFertility]:
    """For each ``{label: repo_id}`` that loads, the fertility of each ``texts[lang]``.

    A tokenizer that cannot be loaded (no network, no ``transformers``, a renamed repository) is
    skipped: ``report`` receives a bilingual message naming it and the reason.
    ``online``: None asks :func:`hub_reachable`; False skips every tokenizer at once.
    Special tokens (BERT's [CLS]/[SEP], Llama's <|begin_of_text|>) are not counted.
    """
    load = load or _default_loader
    if online is None:
        online = hub_reachable()
    results = []
    for label, repo_id in tokenizers.items():
        if not online:
            report(message("tokenizer_hub_skipped", label=label, repo_id=repo_id,
                           reason=message("tokenizer_hub_no_network")))
            continue
        try:
            tokenizer = load(repo_id)
        except (ImportError, OSError, ValueError) as error:
            report(message("tokenizer_hub_skipped", label=label, repo_id=repo_id,
                           reason=f"{type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"))
            continue
        tokens = {lang: len(tokenizer(text, add_special_tokens=False)["input_ids"]) for lang, text in texts.items()}
        fert = {lang: tokens[lang] / len(text.split()) for lang, text in texts.items()}
        results.append(HubFertility(label, repo_id, fert, tokens))
    return results
