"""A whole GPT training step with kernels="triton" (interpreter) against kernels="torch".

Skipped until ``course_lib.model.GPT`` is in the checkout. Tiny config: 2 layers, width 32, 2 heads
(head dim 16), T = 20 (two 16-wide attention tiles, the second partial), some targets ignored.
Compared: the loss, every parameter's gradient, and the parameters after two AdamW steps.
Tolerances (course_lib.kernels.testing.tolerance): fp32 atol 1e-5 / rtol 1e-4; fp16 atol/rtol 1e-2;
bf16 (GPU only) atol 5e-2 / rtol 2e-2; always against an fp32 reference fed the same rounded inputs.
CPU tests run under TRITON_INTERPRET=1; with TRITON_INTERPRET=0 on a GPU they run compiled on CUDA.
"""

import inspect
import warnings

import pytest
import torch

from course_lib.kernels import runtime
from course_lib.kernels.testing import counting_triton_calls

pytestmark = pytest.mark.skipif(
    runtime.triton is None or not runtime.interpreter_on(),
    reason="runs Triton on CPU tensors: needs TRITON_INTERPRET=1",
)
model_module = pytest.importorskip("course_lib.model")
if not hasattr(model_module, "GPT"):
    pytest.skip("course_lib.model.GPT is not in this checkout yet", allow_module_level=True)


def _loss_kwargs(model):
    """Ask for the fused loss where the GPT offers it (it then returns no logits, see GPT.forward)."""
    return {"return_logits": False} if "return_logits" in inspect.signature(model.forward).parameters else {}


def _train(kernels, steps=2):
    from course_lib.model import GPT, GPTConfig

    torch.manual_seed(0)
    config = GPTConfig(vocab_size=41, block_size=24, n_layer=2, n_head=2, n_embd=32)
    model = GPT(config, kernels=kernels)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(0, config.vocab_size, (2, 20), generator=g)
    targets = torch.roll(idx, -1, dims=1)
    targets[0, -4:] = -100
    losses, grads = [], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = model(idx, targets=targets, **_loss_kwargs(model)).loss
        loss.backward()
        losses.append(loss.detach())
        grads.append({n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None})
        optimizer.step()
    return losses, grads, {n: p.detach() for n, p in model.named_parameters()}


def test_gpt_training_step_with_triton_kernels_matches_torch():
    with warnings.catch_warnings(), counting_triton_calls() as kernel_calls:
        warnings.simplefilter("error")  # a kernel falling back to torch would make this test hollow
        triton_losses, triton_grads, triton_params = _train("triton")
    # 2 steps x (2 blocks x 2 LayerNorms + the final one), 2 attentions and 2 MLPs per step, 1 loss per step
    assert kernel_calls == {"layer_norm": 10, "attention": 4, "bias_gelu": 4, "cross_entropy": 2}
    torch_losses, torch_grads, torch_params = _train("torch")
    tol = {"atol": 1e-5, "rtol": 1e-4}
    for got, expected in zip(triton_losses, torch_losses):
        torch.testing.assert_close(got, expected, **tol)
    for got_step, expected_step in zip(triton_grads, torch_grads):
        assert got_step.keys() == expected_step.keys() and len(expected_step) > 10
        for name, expected in expected_step.items():
            torch.testing.assert_close(got_step[name], expected, **tol, msg=lambda m, n=name: f"{n}: {m}")
    for name, expected in torch_params.items():
        torch.testing.assert_close(
            triton_params[name], expected, atol=1e-4, rtol=1e-4, msg=lambda m, n=name: f"{n}: {m}"
        )
    assert triton_losses[1] < triton_losses[0]
