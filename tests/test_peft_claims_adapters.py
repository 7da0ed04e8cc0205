"""Chapter 04's claim verdicts follow the numbers they are given; Houlsby adapters start as the
identity and have the parameter count of the paper's formula."""

import copy

import torch

from course_lib.methods.adapters import HoulsbyAdapter, adapter_parameter_count, add_adapters
from course_lib.methods.lora_claims import judge_lora_claims
from course_lib.model import GPT, GPTConfig

NAMES = dict(full="full", lora="LoRA(r=8)", ranks={1: "LoRA(r=1)", 8: "LoRA(r=8)"}, peft_lora="peft lora")


def runs(full, lora, r1, peft, forget_full=0.3, forget_lora=0.05, pct=0.6):
    rows = []
    for noise in (-0.002, 0.0, 0.002):
        rows += [{"method": "full", "metric": full + noise, "forgetting": forget_full, "trainable_pct": 100.0},
                 {"method": "LoRA(r=8)", "metric": lora + noise, "forgetting": forget_lora, "trainable_pct": pct},
                 {"method": "LoRA(r=1)", "metric": r1 + noise, "forgetting": forget_lora, "trainable_pct": pct / 8},
                 {"method": "peft lora", "metric": peft + noise, "forgetting": forget_lora, "trainable_pct": pct}]
    return rows


def holds(verdicts):
    return {v.key: v.holds for v in verdicts}


def test_verdicts_follow_the_numbers():
    assert holds(judge_lora_claims(runs(0.90, 0.88, 0.875, 0.885), **NAMES)) == {
        "lora_quality": True, "small_rank": True, "forgetting": True, "peft_equal": True}
    assert holds(judge_lora_claims(runs(0.90, 0.80, 0.60, 0.70, forget_lora=0.5), **NAMES)) == {
        "lora_quality": False, "small_rank": False, "forgetting": False, "peft_equal": False}
    # enough quality but too many parameters: the first claim fails
    assert holds(judge_lora_claims(runs(0.90, 0.90, 0.90, 0.90, pct=12.0), **NAMES))["lora_quality"] is False
    missing = judge_lora_claims([r for r in runs(0.9, 0.9, 0.9, 0.9) if r["method"] != "peft lora"], **NAMES)
    assert holds(missing)["peft_equal"] is None


def test_adapters_start_as_identity_and_count():
    torch.manual_seed(0)
    config = GPTConfig(vocab_size=50, block_size=16, n_layer=2, n_head=2, n_embd=16)
    base = GPT(config).eval()
    model = copy.deepcopy(base)
    adapters = add_adapters(model, bottleneck=4)
    assert len(adapters) == 2 * config.n_layer
    added = sum(p.numel() for a in adapters for p in a.parameters())
    assert added == adapter_parameter_count(16, 4, 2) == 2 * 2 * (2 * 4 * 16 + 4 + 16)
    idx = torch.randint(0, 50, (2, 10))
    assert torch.equal(model(idx).logits, base(idx).logits)
    adapter = HoulsbyAdapter(16, 4)
    torch.nn.init.normal_(adapter.up.weight)
    h = torch.randn(3, 16)
    expected = h + adapter.up(torch.nn.functional.gelu(adapter.down(h), approximate="tanh"))
    torch.testing.assert_close(adapter(h), expected)
