"""A whole training step through the kernels table: "triton" (interpreter) against "torch".

A tiny stand-in language model that calls EVERY field of the ``select()`` table the way the GPT
does (LayerNorm, causal attention on (B, H, T, D) views, bias+GELU, tied-head cross-entropy with
ignored targets) and also ``lora_linear`` (LoRA on the query/key/value projection, as the PEFT
chapter will), which the GPT itself never calls; test_kernels_gpt_step.py runs the real GPT.
Compared: the loss, the gradient of every trainable parameter, and the parameters after two SGD
steps. Tolerances: atol 1e-5 / rtol 1e-4 (fp32; the two paths differ only in summation order).
"""

import warnings

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course_lib.kernels import runtime, select
from course_lib.kernels.testing import counting_triton_calls

pytestmark = pytest.mark.skipif(
    runtime.triton is None or not runtime.interpreter_on(),
    reason="runs Triton on CPU tensors: needs TRITON_INTERPRET=1",
)

VOCAB, WIDTH, HEADS, SEQ, RANK = 37, 32, 2, 20, 4  # head dim 16; SEQ spans two 16-wide tiles


class TinyLM(nn.Module):
    """One transformer block, GPT-2 shaped, with every hot op taken from the kernels table."""

    def __init__(self, ops):
        super().__init__()
        self.ops = ops
        self.wte = nn.Embedding(VOCAB, WIDTH)
        self.wpe = nn.Embedding(SEQ, WIDTH)
        self.ln_1, self.ln_2, self.ln_f = (nn.LayerNorm(WIDTH) for _ in range(3))
        self.c_attn = nn.Linear(WIDTH, 3 * WIDTH)
        self.c_attn.requires_grad_(False)  # frozen base, trained through LoRA as in the PEFT chapter
        self.lora_a = nn.Parameter(torch.randn(RANK, WIDTH) / WIDTH**0.5)
        self.lora_b = nn.Parameter(torch.randn(3 * WIDTH, RANK) * 0.1)
        self.attn_proj = nn.Linear(WIDTH, WIDTH)
        self.c_fc = nn.Linear(WIDTH, 4 * WIDTH)
        self.mlp_proj = nn.Linear(4 * WIDTH, WIDTH)

    def _ln(self, layer, x):
        return self.ops.layer_norm(x, layer.weight, layer.bias, layer.eps)

    def forward(self, idx, targets):
        batch, seq = idx.shape
        x = self.wte(idx) + self.wpe(torch.arange(seq))
        qkv = self.ops.lora_linear(
            self._ln(self.ln_1, x), self.c_attn.weight, self.c_attn.bias, self.lora_a, self.lora_b, 2.0
        )
        q, k, v = (t.view(batch, seq, HEADS, WIDTH // HEADS).transpose(1, 2) for t in qkv.split(WIDTH, dim=2))
        y = self.ops.attention(q, k, v, dropout_p=0.0).transpose(1, 2).reshape(batch, seq, WIDTH)
        x = x + self.attn_proj(y)
        h = self.ops.bias_gelu(F.linear(self._ln(self.ln_2, x), self.c_fc.weight), self.c_fc.bias)
        x = x + self.mlp_proj(h)
        logits = F.linear(self._ln(self.ln_f, x), self.wte.weight)
        return self.ops.cross_entropy(logits.view(-1, VOCAB), targets.view(-1), ignore_index=-100)


def _train(mode, steps=2):
    torch.manual_seed(0)
    model = TinyLM(select(mode))
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.1)
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(0, VOCAB, (2, SEQ), generator=g)
    targets = torch.roll(idx, -1, dims=1)
    targets[:, -3:] = -100  # padding at the end of each sequence
    losses, grads = [], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = model(idx, targets)
        loss.backward()
        losses.append(loss.detach())
        grads.append({n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad})
        optimizer.step()
    return losses, grads, dict(model.named_parameters())


def test_training_step_with_triton_kernels_matches_torch():
    with warnings.catch_warnings(), counting_triton_calls() as kernel_calls:
        warnings.simplefilter("error")  # no silent fallback to the references
        triton_run = _train("triton")
    assert kernel_calls == {
        "layer_norm": 6,
        "attention": 2,
        "bias_gelu": 2,
        "cross_entropy": 2,
        "lora_linear": 2,
    }
    torch_run = _train("torch")
    tol = {"atol": 1e-5, "rtol": 1e-4}
    for got, expected in zip(triton_run[0], torch_run[0]):
        torch.testing.assert_close(got, expected, **tol)
    for step_grads, expected_grads in zip(triton_run[1], torch_run[1]):
        assert (
            step_grads.keys() == expected_grads.keys()
            and "lora_a" in step_grads
            and "c_attn.weight" not in step_grads
        )
        for name in expected_grads:
            torch.testing.assert_close(
                step_grads[name], expected_grads[name], **tol, msg=lambda m, n=name: f"{n}: {m}"
            )
    for name, param in torch_run[2].items():
        torch.testing.assert_close(triton_run[2][name], param, **tol, msg=lambda m, n=name: f"{n}: {m}")
    assert triton_run[0][1] < triton_run[0][0]  # the step really trained
