"""Tiny models and batches shared by the test_finetune_* files."""

import torch

from course_lib.model import GPT, GPTConfig
from course_lib.model.hf import to_hf

VOCAB, PAD = 40, 0
TINY = dict(vocab_size=VOCAB, block_size=16, n_layer=3, n_head=2, n_embd=16)


def tiny_gpt(seed: int = 0) -> GPT:
    torch.manual_seed(seed)
    return GPT(GPTConfig(**TINY))


def tiny_hf(seed: int = 0):
    return to_hf(tiny_gpt(seed))


def padded_batches(n_batches: int = 2, batch_size: int = 4, n_classes: int = 3, seed: int = 0) -> list[dict]:
    """Right-padded batches of random ids (1..VOCAB-1; 0 is padding) of unequal lengths, with labels."""
    generator = torch.Generator().manual_seed(seed)
    batches = []
    for _ in range(n_batches):
        lengths = torch.randint(3, 10, (batch_size,), generator=generator)
        ids = torch.full((batch_size, int(lengths.max())), PAD)
        mask = torch.zeros_like(ids)
        for row, length in enumerate(lengths.tolist()):
            ids[row, :length] = torch.randint(1, VOCAB, (length,), generator=generator)
            mask[row, :length] = 1
        labels = torch.randint(0, n_classes, (batch_size,), generator=generator)
        batches.append({"input_ids": ids, "attention_mask": mask, "labels": labels})
    return batches
