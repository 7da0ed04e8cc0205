"""Optional (gpu profile, with a network): the translation probe on a real public TR→EN model.

    rates = hub_she_rates("Helsinki-NLP/opus-mt-tr-en")   # {job: P("She is …") / (P("She …") + P("He …"))}

The model reads each gender-neutral "O bir hemşire." and scores both English readings ("She is a
nurse." / "He is a nurse.") by their log-probability as its output: the same ratio the chapter
reads from its own tiny translator, here from a model trained on millions of real sentence pairs.
Loaded with ``AutoModelForSeq2SeqLM`` and ``trust_remote_code=False``: no code from the Hub runs.
Marian models also need the ``sentencepiece`` package.
"""

from __future__ import annotations

import math

import torch

from ..data.world import pronoun_probes
from ..i18n import CourseFileError
from . import bias_messages  # noqa: F401  (registers this module's texts)


@torch.no_grad()
def reading_logprob(model, tokenizer, source: str, target: str) -> float:
    """log P(target | source) under an encoder-decoder ``model``: the sum over the target's tokens."""
    batch = tokenizer(source, text_target=target, return_tensors="pt")
    labels = batch.pop("labels")
    logits = model(**batch, labels=labels).logits[0]
    return float(torch.log_softmax(logits.float(), -1).gather(1, labels[0][:, None]).sum())


def load_hub_translator(model_id: str):
    """(model, tokenizer) of a seq2seq translator from the Hub; a clear error without a network."""
    try:
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(model_id)
        model = AutoModelForSeq2SeqLM.from_pretrained(model_id, trust_remote_code=False).eval()
    except Exception as error:  # no network, no transformers, no sentencepiece: one clear message
        raise CourseFileError("bias_hub_unavailable", model=model_id, error=f"{type(error).__name__}: {error}") from None
    return model, tokenizer


def hub_she_rates(model_id: str = "Helsinki-NLP/opus-mt-tr-en", model=None, tokenizer=None) -> dict[str, float]:
    """Per job, P(she reading) / (P(she reading) + P(he reading)) for "O bir <job>."."""
    if model is None:
        model, tokenizer = load_hub_translator(model_id)
    rates = {}
    for probe in pronoun_probes():
        if not probe.en_female.startswith("She is "):
            continue
        lf = reading_logprob(model, tokenizer, probe.tr, probe.en_female)
        lm = reading_logprob(model, tokenizer, probe.tr, probe.en_male)
        rates[probe.job] = 1.0 / (1.0 + math.exp(lm - lf))
    return rates
