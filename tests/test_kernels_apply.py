"""course_lib.kernels.apply: fused kernels swapped into a built course GPT and into its Hugging Face
export, against the same model unpatched: logits, losses (every reduction) and every gradient.

Tiny config: 2 layers, width 32, 2 heads (head dim 16), T = 20 (two 16-wide attention tiles under
the interpreter, the second partial), some targets ignored. Each comparison also counts the Triton
launches, so a model that quietly ran PyTorch fails. Tolerances: fp32 atol 1e-5 / rtol 1e-4 under
the interpreter (the two paths differ in summation order only); 3e-2 on a GPU, where Triton's fp32
matrix products run in TF32 (10 mantissa bits), as in test_kernels_attention.py.
"""

import copy
import warnings

import pytest
import torch
from kernel_testing import KERNEL_DEVICE as DEVICE
from kernel_testing import counting_launches

from course_lib.i18n import CourseTypeError
from course_lib.kernels import KernelNotice, apply
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.train import RandomWindows, TrainConfig, language_model_loss, train

pytestmark = pytest.mark.triton

CONFIG = GPTConfig(vocab_size=41, block_size=24, n_layer=2, n_head=2, n_embd=32, dropout=0.0)
TOL = {"atol": 3e-2, "rtol": 3e-2} if DEVICE is not None and DEVICE.type == "cuda" else {"atol": 1e-5, "rtol": 1e-4}
EVERY_KERNEL = {
    "_layer_norm_forward_kernel",
    "_layer_norm_backward_kernel",
    "_attention_forward_kernel",
    "_attention_backward_delta_kernel",
    "_attention_backward_dkdv_kernel",
    "_attention_backward_dq_kernel",
    "_bias_gelu_forward_kernel",
    "_bias_gelu_backward_kernel",
}


def _model(seed=0):
    torch.manual_seed(seed)
    model = GPT(CONFIG).to(DEVICE)
    with torch.no_grad():  # larger than GPT-2's init, so that every op does visible work
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.1)
    return model


def _batch():
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(0, CONFIG.vocab_size, (2, 20), generator=g)
    targets = torch.roll(idx, -1, dims=1)
    targets[0, -4:] = -100
    return idx.to(DEVICE), targets.to(DEVICE)


def _grads(model):
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


def _assert_same_grads(got, expected):
    assert got.keys() == expected.keys() and len(expected) > 10
    for name, grad in expected.items():
        torch.testing.assert_close(got[name], grad, **TOL, msg=lambda m, n=name: f"{n}: {m}")


def test_apply_replaces_every_op_of_the_course_gpt_and_keeps_the_state_dict():
    plain = _model()
    fused = copy.deepcopy(plain)
    assert apply(fused) == {"layer_norm": 5, "attention": 2, "mlp": 2, "cross_entropy": 1}
    assert fused.state_dict().keys() == plain.state_dict().keys()
    assert [n for n, _ in fused.named_parameters()] == [n for n, _ in plain.named_parameters()]


@pytest.mark.parametrize("reduction", ["mean", "per_example"])  # "sum", "none": kernel suite
def test_fused_course_gpt_matches_the_plain_one(reduction):
    idx, targets = _batch()
    plain = _model()
    fused = copy.deepcopy(plain)
    apply(fused)
    weights = torch.rand(2, device=DEVICE) if reduction == "per_example" else 1.0
    expected = plain(idx, targets, reduction=reduction)
    (expected.loss * weights).sum().backward()
    with counting_launches() as launches:
        got = fused(idx, targets, reduction=reduction)
        (got.loss * weights).sum().backward()
    assert EVERY_KERNEL | {"_cross_entropy_kernel"} <= set(launches)
    torch.testing.assert_close(got.logits, expected.logits, **TOL)  # readable: not overwritten
    torch.testing.assert_close(got.loss, expected.loss, **TOL)
    _assert_same_grads(_grads(fused), _grads(plain))


def test_return_logits_false_takes_the_in_place_loss_and_returns_no_logits():
    idx, targets = _batch()
    plain = _model()
    fused = copy.deepcopy(plain)
    apply(fused)
    expected = plain(idx, targets, reduction="per_example")
    expected.loss.mean().backward()
    got = fused(idx, targets, reduction="per_example", return_logits=False)
    got.loss.mean().backward()
    assert got.logits is None and plain(idx, targets, return_logits=False).logits is None
    torch.testing.assert_close(got.loss, expected.loss, **TOL)
    _assert_same_grads(_grads(fused), _grads(plain))


def test_fused_hf_gpt2_matches_the_unpatched_one():
    idx, targets = _batch()
    plain = to_hf(_model())
    fused = copy.deepcopy(plain)
    assert apply(fused) == {"layer_norm": 5, "attention": 2, "mlp": 2, "cross_entropy": 0}
    expected = plain(idx).logits
    torch.nn.functional.cross_entropy(expected.flatten(0, 1), targets.flatten()).backward()
    with counting_launches() as launches:
        got = fused(idx).logits
        torch.nn.functional.cross_entropy(got.flatten(0, 1), targets.flatten()).backward()
    assert EVERY_KERNEL <= set(launches)
    torch.testing.assert_close(got, expected, **TOL)
    _assert_same_grads(_grads(fused), _grads(plain))


def test_hf_attention_with_a_padding_mask_is_computed_by_sdpa():
    # The kernel computes plain causal attention only; a padding mask goes to transformers' SDPA.
    idx, _ = _batch()
    mask = torch.ones_like(idx)
    mask[1, -3:] = 0
    plain = to_hf(_model()).eval()
    fused = copy.deepcopy(plain)
    apply(fused)
    with counting_launches() as launches:
        got = fused(idx, attention_mask=mask).logits
    assert launches["_attention_forward_kernel"] == 0 and launches["_layer_norm_forward_kernel"] > 0
    torch.testing.assert_close(got, plain(idx, attention_mask=mask).logits, **TOL)


def test_a_training_step_through_the_fused_loss_matches_the_plain_one():
    # train() asks language_model_loss for reduction="per_example": the fused kernel must serve it.
    runs = {}
    for name in ("plain", "fused"):
        model = _model()
        if name == "fused":
            apply(model)
        generator = torch.Generator().manual_seed(0)
        tokens = torch.randint(0, CONFIG.vocab_size, (400,), generator=torch.Generator().manual_seed(2))
        config = TrainConfig(max_steps=3, lr=3e-3, warmup_steps=1, progress=False, device=DEVICE.type)
        with counting_launches() as launches:
            result = train(model, RandomWindows(tokens, 20, 2, generator), config, generator=generator)
        runs[name] = (result.history.train_losses, launches)
    (plain_losses, plain_launches), (losses, launches) = runs["plain"], runs["fused"]
    assert sum(plain_launches.values()) == 0
    assert launches["_cross_entropy_kernel"] == 3 and EVERY_KERNEL <= set(launches)
    # Losses after each AdamW step. (Parameters are not compared one by one: the key biases have a
    # gradient of exactly 0 in theory, and Adam blows their rounding noise up to full-size steps.)
    torch.testing.assert_close(torch.tensor(losses), torch.tensor(plain_losses), **TOL)
    assert losses[-1] < losses[0]


def test_language_model_loss_gets_readable_logits_from_the_fused_model():
    idx, targets = _batch()
    fused = _model()
    apply(fused)
    per_example, logits = language_model_loss(fused, (idx, targets))
    torch.testing.assert_close(logits, _model()(idx).logits, **TOL)
    torch.testing.assert_close(per_example, _model()(idx, targets, reduction="per_example").loss, **TOL)


def test_where_kernels_cannot_run_apply_keeps_pytorch_with_one_bilingual_notice(monkeypatch):
    monkeypatch.setenv("TRITON_INTERPRET", "0")  # a CPU model then has no way to run a kernel
    model = _model().cpu()
    idx = _batch()[0].cpu()
    before = model(idx).logits
    with pytest.warns(KernelNotice) as record:
        assert apply(model) == {"layer_norm": 0, "attention": 0, "mlp": 0, "cross_entropy": 0}
    assert len(record) == 1 and "TRITON_INTERPRET" in str(record[0].message)
    assert "layer_norm, attention, mlp, cross_entropy" in str(record[0].message)
    assert torch.equal(model(idx).logits, before)
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.warns(KernelNotice, match="düz PyTorch sürümünü korudu"):
        apply(_model().cpu())


def test_the_notice_fails_a_test_that_does_not_expect_it(monkeypatch):
    # tests/conftest.py turns KernelNotice into an error: a kernel test cannot pass on PyTorch.
    monkeypatch.setenv("TRITON_INTERPRET", "0")
    with pytest.raises(KernelNotice):
        apply(_model().cpu())


def test_an_unsupported_head_size_keeps_sdpa_and_says_why():
    config = GPTConfig(vocab_size=41, block_size=24, n_layer=1, n_head=2, n_embd=48)  # head dim 24
    model = GPT(config).to(DEVICE)
    with pytest.warns(KernelNotice, match="24") as record:
        replaced = apply(model)
    assert len(record) == 1 and "attention" in str(record[0].message)
    assert replaced == {"layer_norm": 3, "attention": 0, "mlp": 1, "cross_entropy": 1}


def test_attention_dropout_keeps_sdpa():
    model = GPT(GPTConfig(vocab_size=41, block_size=24, n_layer=1, n_head=2, n_embd=32, dropout=0.1)).to(DEVICE)
    with pytest.warns(KernelNotice, match="dropout"):
        assert apply(model)["attention"] == 0


def test_apply_refuses_a_model_it_does_not_know():
    with pytest.raises(CourseTypeError, match="Linear") as caught:
        apply(torch.nn.Linear(3, 3))
    assert "GPT2LMHeadModel" in caught.value.tr


def test_no_warning_leaks_from_a_fused_step():
    idx, targets = _batch()
    model = _model()
    apply(model)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model(idx, targets).loss.backward()


def test_an_exact_gelu_model_keeps_its_mlp_and_says_why():
    config = GPTConfig(vocab_size=41, block_size=24, n_layer=1, n_head=2, n_embd=32, activation="gelu")
    model = GPT(config).to(DEVICE)
    with pytest.warns(KernelNotice, match="gelu") as record:
        replaced = apply(model)
    assert len(record) == 1 and "mlp" in str(record[0].message)
    assert replaced == {"layer_norm": 3, "attention": 1, "mlp": 0, "cross_entropy": 1}
    assert isinstance(model.blocks[0].mlp.act, torch.nn.GELU) and model.blocks[0].mlp.act.approximate == "none"
