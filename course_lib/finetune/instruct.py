"""Instruction tuning (supervised fine-tuning, SFT): a chat template, the response-only loss, evaluation.

    prompt, full = format_example("Is this review positive or negative?\\n...", "Positive.", "en")
    batches = InstructionBatches(encode_pairs(tokenizer, pairs), batch_size=16, generator=g)
    train(model, batches, config, loss_fn=instruction_loss)          # course_lib.train's one loop
    evaluate_instructions(model, tokenizer, held_out).exact_match    # {"en": 0.71, "tr": 0.64}

The template is one user turn and one assistant turn, with the role names written out in the
example's language::

    User: Translate into Turkish: The bakery is closed.       Kullanıcı: Şu cümleyi ...
    Assistant: Fırın kapalı.<|endoftext|>                      Asistan: ...<|endoftext|>

Why plain-text role markers and not new special tokens: the base model's tokenizer already
encodes "User:" and "Asistan:", so the chat model keeps the base model's exact shape (same
loader, same Hugging Face export, no new embedding rows to learn from a few thousand examples),
and the same code works on any base model. The price is that the markers can be typed by anyone:
a user (or a document pasted into a prompt) can write "Assistant:" too, which is the role-spoofing
weakness the security chapter shows. Chat models that use reserved tokens (ChatML's
``<|im_start|>``) make the markers impossible to type, not the model obedient.

The loss is computed on the response tokens only (the labels of every prompt token are -100, as
in Hugging Face): the model learns to answer, not to predict the user's words (InstructGPT's SFT,
Ouyang et al. 2022, arXiv 2203.02155; Alpaca's training code masks the prompt the same way).
The end-of-text token closes every response and counts in the loss, so the model learns to stop.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from ..data.world.tasks import INSTRUCTION_KINDS as WORLD_KINDS
from ..data.world.tasks import InstructionPair
from ..i18n import CourseValueError
from ..train.losses import IGNORE_INDEX, language_model_loss
from . import instruct_messages  # noqa: F401  (registers this module's messages)

LANGS = ("en", "tr")
ENDOFTEXT = "<|endoftext|>"  # ends every response: the model learns to stop
PAD = "<|pad|>"
# The world's four kinds, plus closed-book questions on its facts (world.qa_pairs): no text to read,
# the answer must come from what the model learned in pretraining.
INSTRUCTION_KINDS = (*WORLD_KINDS, "question")

# Role names in each language; a turn is "<role>: <text>", the assistant's turn starts on a new line.
CHAT_TEMPLATE = {
    "en": {"user": "User", "assistant": "Assistant"},
    "tr": {"user": "Kullanıcı", "assistant": "Asistan"},
}


def _check_lang(lang: str) -> str:
    if lang not in CHAT_TEMPLATE:
        raise CourseValueError("instruct_bad_lang", value=lang, known=", ".join(CHAT_TEMPLATE))
    return lang


# --- the template ---------------------------------------------------------------------------


def format_prompt(instruction: str, lang: str) -> str:
    """The text the model reads before it answers: the user's turn and the assistant's role name."""
    roles = CHAT_TEMPLATE[_check_lang(lang)]
    return f"{roles['user']}: {instruction}\n{roles['assistant']}:"


def format_example(instruction: str, response: str, lang: str) -> tuple[str, str]:
    """``(prompt_text, full_text)``: the prompt alone, and the prompt followed by the response.

    The response follows the assistant's role name after one space; the end-of-text token is
    added as a token id by :func:`encode_example`, not written into the text.
    """
    prompt = format_prompt(instruction, lang)
    return prompt, f"{prompt} {response}"


def parse_example(full_text: str) -> tuple[str, str, str]:
    """The inverse of :func:`format_example`: ``(instruction, response, lang)``."""
    for lang, roles in CHAT_TEMPLATE.items():
        user, assistant = f"{roles['user']}: ", f"\n{roles['assistant']}: "
        if full_text.startswith(user) and assistant in full_text:
            instruction, response = full_text[len(user) :].rsplit(assistant, 1)
            return instruction, response, lang
    roles = CHAT_TEMPLATE["en"]
    raise CourseValueError("instruct_not_chat", text=full_text[:80], user=roles["user"], assistant=roles["assistant"])


# --- tokens and labels ----------------------------------------------------------------------


@dataclass(frozen=True)
class EncodedExample:
    """One example as token ids: ``ids[:prompt_length]`` the prompt, the rest the response + end."""

    ids: tuple[int, ...]
    prompt_length: int
    lang: str
    kind: str


def end_id(tokenizer) -> int:
    return tokenizer.special_id(ENDOFTEXT)


def encode_example(tokenizer, instruction: str, response: str, lang: str, kind: str = "") -> EncodedExample:
    """Token ids of one example and where its prompt ends.

    The prompt and the response are encoded separately and joined, so the prompt's tokens are
    exactly the ones the model will read at answer time (a BPE merge can never straddle the
    boundary), and the prompt length is known without searching.
    """
    prompt, _ = format_example(instruction, response, lang)
    prompt_ids = tokenizer.encode(prompt)
    response_ids = tokenizer.encode(" " + response) + [end_id(tokenizer)]
    return EncodedExample(tuple(prompt_ids + response_ids), len(prompt_ids), lang, kind)


def encode_pairs(tokenizer, pairs: Iterable[InstructionPair], max_length: int | None = None) -> list[EncodedExample]:
    """Every pair encoded; with ``max_length`` (the model's block_size + 1), a clear error for a longer one."""
    examples = []
    for pair in pairs:
        example = encode_example(tokenizer, pair.instruction, pair.response, pair.lang, pair.kind)
        if max_length is not None and len(example.ids) > max_length:
            raise CourseValueError("instruct_too_long", length=len(example.ids), limit=max_length,
                                   text=pair.instruction[:60])
        examples.append(example)
    return examples


def fitting(tokenizer, pairs: Iterable[InstructionPair], max_length: int) -> list[InstructionPair]:
    """The pairs whose encoded example is at most ``max_length`` tokens (a model's block_size + 1)."""
    return [pair for pair in pairs
            if len(encode_example(tokenizer, pair.instruction, pair.response, pair.lang).ids) <= max_length]


def response_only_labels(
    input_ids: torch.Tensor,
    prompt_lengths,
    ignore_index: int = IGNORE_INDEX,
    lengths=None,
) -> torch.Tensor:
    """Labels for ``input_ids`` (B, T): a copy in which every prompt token is ``ignore_index``.

    ``prompt_lengths`` (B,) says how many tokens of each row are prompt; ``lengths`` (B,), if
    given, how many are real (the padding after them is ignored as well). The labels line up
    with ``input_ids`` as in Hugging Face (``labels[t]`` is the token at ``t``); the loss shifts
    them by one (:func:`instruction_loss`).
    """
    rows, width = input_ids.shape
    prompt_lengths = torch.as_tensor(prompt_lengths, device=input_ids.device)
    if prompt_lengths.shape != (rows,) or bool((prompt_lengths < 0).any()) or bool((prompt_lengths > width).any()):
        raise CourseValueError("instruct_prompt_lengths", rows=rows, length=width, value=prompt_lengths.tolist())
    positions = torch.arange(width, device=input_ids.device).unsqueeze(0)
    ignored = positions < prompt_lengths.unsqueeze(1)
    if lengths is not None:
        ignored |= positions >= torch.as_tensor(lengths, device=input_ids.device).unsqueeze(1)
    return input_ids.masked_fill(ignored, ignore_index)


def collate(examples: Sequence[EncodedExample], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``(input_ids, labels)`` for a list of examples, padded on the right with ``pad_id``.

    Right padding never changes what a causal model computes at the real positions (they
    cannot attend to later ones), and the padded positions carry label -100.
    """
    width = max(len(example.ids) for example in examples)
    input_ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    for row, example in enumerate(examples):
        input_ids[row, : len(example.ids)] = torch.tensor(example.ids)
    labels = response_only_labels(
        input_ids, [example.prompt_length for example in examples], lengths=[len(example.ids) for example in examples]
    )
    return input_ids, labels


class InstructionBatches:
    """Batches ``(input_ids, labels)`` of encoded examples, reshuffled each epoch by ``generator``.

    Examples of similar length share a batch (the shuffled examples are sorted by length within
    windows of ``bucket`` batches, then the batches are shuffled), so little compute goes into
    padding: the world's reading-comprehension prompts are three times longer than its reviews.
    ``bucket=1`` turns this off. One pass is one epoch, so ``TrainConfig(epochs=...)`` works;
    ``len()`` is the number of batches.
    """

    def __init__(self, examples: Sequence[EncodedExample], batch_size: int, pad_id: int,
                 generator: torch.Generator | None = None, bucket: int = 16):
        if not examples:
            raise CourseValueError("instruct_no_pairs", name="examples")
        self.examples, self.batch_size, self.pad_id = list(examples), batch_size, pad_id
        self.generator, self.bucket = generator, bucket

    def __len__(self) -> int:
        return math.ceil(len(self.examples) / self.batch_size)

    def __iter__(self):
        order = torch.randperm(len(self.examples), generator=self.generator).tolist()
        window = self.batch_size * self.bucket
        order = [i for start in range(0, len(order), window)
                 for i in sorted(order[start : start + window], key=lambda i: len(self.examples[i].ids))]
        batches = [order[start : start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        for b in torch.randperm(len(batches), generator=self.generator).tolist():
            yield collate([self.examples[i] for i in batches[b]], self.pad_id)


def instruction_loss(model, batch):
    """The response-only loss, one value per example: ``train(..., loss_fn=instruction_loss)``.

    ``batch`` is ``(input_ids, labels)``; the model reads ``input_ids[:, :-1]`` and is scored on
    ``labels[:, 1:]`` (each position predicts the next token), so positions whose next token is a
    prompt token or padding add nothing. Each example's loss is the mean over its response tokens.
    Works for the course GPT and a Hugging Face causal LM alike (through ``language_model_loss``),
    and returns ``(losses, logits)``.
    """
    input_ids, labels = _checked_batch(batch)
    return language_model_loss(model, (input_ids[:, :-1], labels[:, 1:]))


def response_loss(model, batch):
    """:func:`instruction_loss` for the course GPT, computing logits only where a token is scored.

    The same numbers and gradients (tested), cheaper: in the world's instructions only about one
    position in eight is scored, and on a large vocabulary the output layer is a large share of the
    work (bench/instruct_loss.py: 0.66x the time of instruction_loss on the real-text base model,
    vocabulary 8,192, CPU). Returns the losses (B,) only.
    """
    input_ids, labels = _checked_batch(batch)
    targets = labels[:, 1:]
    scored = targets != IGNORE_INDEX
    hidden = model(input_ids[:, :-1], return_logits=False).last_hidden_state[scored]  # (tokens scored, n_embd)
    token_losses = F.cross_entropy(F.linear(hidden, model.wte.weight).float(), targets[scored], reduction="none")
    rows = scored.nonzero()[:, 0]
    totals = torch.zeros(len(targets), dtype=token_losses.dtype, device=token_losses.device)
    return totals.index_add(0, rows, token_losses) / scored.sum(dim=1).clamp(min=1)


def _checked_batch(batch):
    if not (isinstance(batch, tuple | list) and len(batch) == 2 and batch[0].shape == batch[1].shape
            and batch[0].dim() == 2):
        raise CourseValueError("instruct_bad_batch", value=type(batch).__name__)
    return batch


# --- data -----------------------------------------------------------------------------------


def instruction_pairs(world, n: int, lang: str, kinds: Sequence[str] = INSTRUCTION_KINDS) -> list[InstructionPair]:
    """``n`` instruction pairs per kind in ``kinds``, in ``lang``, from the built-in ``world``.

    The world's own kinds come from ``world.instructions``; "question" turns ``world.qa_pairs``
    (closed-book questions on the world's facts) into pairs whose response is the fact sentence.
    Deterministic in the world's seed and the arguments.
    """
    _check_lang(lang)
    unknown = [kind for kind in kinds if kind not in INSTRUCTION_KINDS]
    if unknown:
        raise CourseValueError("instruct_bad_kind", value=unknown[0], known=", ".join(INSTRUCTION_KINDS))
    pairs: list[InstructionPair] = []
    world_kinds = [kind for kind in WORLD_KINDS if kind in kinds]
    if world_kinds:  # the world deals its kinds round-robin: n of each needs n * 4 pairs
        drawn = world.instructions(n * len(WORLD_KINDS), lang)
        pairs += [pair for pair in drawn if pair.kind in world_kinds]
    if "question" in kinds:
        pairs += [InstructionPair(qa.question, qa.answer_sentence, lang, "question")
                  for qa in world.qa_pairs(lang=lang, n=n)]
    return pairs


def split_kinds(pairs: Iterable[InstructionPair], held_out_kinds: Sequence[str]):
    """``(seen, held_out)``: the pairs of the kinds to train on, and those of the held-out kinds."""
    pairs = list(pairs)
    return ([pair for pair in pairs if pair.kind not in held_out_kinds],
            [pair for pair in pairs if pair.kind in held_out_kinds])


# --- answering and scoring -------------------------------------------------------------------


@torch.no_grad()
def respond(model, tokenizer, instructions: Sequence[str], lang: str, max_new_tokens: int = 48,
            progress: bool = False) -> list[str]:
    """The model's greedy answer to each instruction (text up to its end-of-text token).

    Prompts of equal token length run as one batch (the course's ``generate`` pads nothing).
    """
    from ..model import generate  # model is above finetune in the package's arrows

    prompts = [tokenizer.encode(format_prompt(text, lang)) for text in instructions]
    groups: dict[int, list[int]] = defaultdict(list)
    for index, ids in enumerate(prompts):
        groups[len(ids)].append(index)
    answers: list[str] = [""] * len(prompts)
    stop = end_id(tokenizer)
    device = next(model.parameters()).device
    for indices in tqdm(list(groups.values()), desc="answer", unit="batch", disable=not progress):
        ids = torch.tensor([prompts[i] for i in indices], device=device)
        out = generate(model, ids, max_new_tokens, temperature=0, stop_token=stop)
        for row, index in enumerate(indices):
            new = out[row, ids.shape[1] :].tolist()
            answers[index] = tokenizer.decode(new[: new.index(stop)] if stop in new else new).strip()
    return answers


def exact_match(prediction: str, reference: str) -> bool:
    """True if the two texts are equal after trimming whitespace at both ends (case counts)."""
    return prediction.strip() == reference.strip()


@dataclass
class InstructionScores:
    """What :func:`evaluate_instructions` measured.

    exact_match  {lang: share of answers equal to the reference}
    by_kind      {lang: {kind: share}}
    rows         one dict per pair: lang, kind, instruction, reference, answer, correct
    """

    exact_match: dict[str, float]
    by_kind: dict[str, dict[str, float]]
    rows: list[dict]

    def table(self):
        """Exact match per language (rows) and kind (columns), with the language's overall score."""
        import pandas as pd

        frame = pd.DataFrame(self.by_kind).T
        frame["all"] = pd.Series(self.exact_match)
        return frame


def evaluate_instructions(model, tokenizer, pairs: Sequence[InstructionPair], max_new_tokens: int | None = None,
                          progress: bool = True) -> InstructionScores:
    """Exact match of the model's greedy answers, per language and per kind.

    The metric is strict: the whole answer must equal the reference response (whitespace at the
    ends aside), e.g. "Olumlu." and not "olumlu" or "Olumlu. Çok iyi.". ``max_new_tokens``
    defaults to the longest reference plus 8 tokens, enough to match and to run past it.
    """
    if not pairs:
        raise CourseValueError("instruct_no_pairs", name="pairs")
    if max_new_tokens is None:
        max_new_tokens = max(len(tokenizer.encode(" " + pair.response)) for pair in pairs) + 8
    rows = []
    for lang in LANGS:
        chosen = [pair for pair in pairs if pair.lang == lang]
        if not chosen:
            continue
        answers = respond(model, tokenizer, [pair.instruction for pair in chosen], lang, max_new_tokens, progress)
        rows += [
            {"lang": lang, "kind": pair.kind, "instruction": pair.instruction, "reference": pair.response,
             "answer": answer, "correct": exact_match(answer, pair.response)}
            for pair, answer in zip(chosen, answers)
        ]
    return InstructionScores(_share(rows, ("lang",)), _nested_share(rows), rows)


def _share(rows: list[dict], keys: tuple[str, ...]) -> dict:
    totals: dict = defaultdict(lambda: [0, 0])
    for row in rows:
        key = row[keys[0]] if len(keys) == 1 else tuple(row[k] for k in keys)
        totals[key][0] += row["correct"]
        totals[key][1] += 1
    return {key: hits / count for key, (hits, count) in totals.items()}


def _nested_share(rows: list[dict]) -> dict[str, dict[str, float]]:
    nested: dict[str, dict[str, float]] = defaultdict(dict)
    for (lang, kind), share in _share(rows, ("lang", "kind")).items():
        nested[lang][kind] = share
    return dict(nested)
