"""What share of a GPT's parameters LoRA trains, counted by peft (the number chapter 00 quotes).

LoRA of rank r on a d_in → d_out linear layer adds r·(d_in + d_out) trainable parameters, so its
share is about 2r/d per adapted matrix, not a fixed "< 1 %": it depends on the model's width. peft
counts them here on the Hugging Face export of each model, independently of course_lib:

    PYTHONPATH=. python bench/lora_share.py [--rank 8]

Rows: the shipped world base model, and the chapter-02 model of each profile (V = the shipped
tokenizer's size), with LoRA on the attention's c_attn and c_proj (what chapter 00 quotes), and on
c_attn and every c_proj (peft's suffix match of ["c_attn", "c_proj"] also takes the MLP's c_proj).
"""

from __future__ import annotations

import argparse
import os

from peft import LoraConfig, get_peft_model

from course_lib.assets import load_base_model
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.profile import sizes

TARGETS = {"attention c_attn + c_proj": r".*attn\.(c_attn|c_proj)", "c_attn + every c_proj": ["c_attn", "c_proj"]}


def lora_share(model: GPT, rank: int, targets) -> tuple[int, int]:
    """(trainable LoRA parameters, parameters of the model before LoRA), as peft counts them."""
    hf = to_hf(model)
    total = sum(p.numel() for p in hf.parameters())
    adapted = get_peft_model(hf, LoraConfig(r=rank, target_modules=targets, fan_in_fan_out=True))
    return sum(p.numel() for p in adapted.parameters() if p.requires_grad), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rank", type=int, default=8)
    args = parser.parse_args()
    shipped = load_base_model().model
    models = {f"shipped base {shipped.config.n_layer}×{shipped.config.n_embd}": shipped}
    for profile in ("smoke", "cpu", "gpu"):
        os.environ["COURSE_PROFILE"] = profile
        s = sizes("02_pretraining")
        config = GPTConfig(vocab_size=shipped.config.vocab_size, block_size=s.block_size, n_layer=s.n_layer,
                           n_head=s.n_head, n_embd=s.n_embd)
        models[f"ch02 {profile} {s.n_layer}×{s.n_embd}"] = GPT(config)
    print(f"LoRA r = {args.rank}")
    print(f"{'model':<24}{'targets':<28}{'trainable':>11}{'of':>12}{'share':>8}")
    for name, model in models.items():
        for label, targets in TARGETS.items():
            trainable, total = lora_share(model, args.rank, targets)
            print(f"{name:<24}{label:<28}{trainable:>11,}{total:>12,}{100 * trainable / total:>7.2f}%")


if __name__ == "__main__":
    main()
