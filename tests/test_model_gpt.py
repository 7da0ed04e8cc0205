"""The course GPT on its own: shapes, causality, the optional outputs, losses, init, input errors.

Equality with Hugging Face's GPT2LMHeadModel is tested in test_model_hf.py.
"""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course_lib.i18n import CourseTypeError, CourseValueError
from course_lib.model import GPT, GPTConfig, lm_loss

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)


@pytest.fixture
def model():
    torch.manual_seed(0)
    return GPT(GPTConfig(**TINY)).eval()


@pytest.fixture
def idx():
    return torch.randint(0, 50, (3, 12), generator=torch.Generator().manual_seed(1))


def test_shapes(model, idx):
    out = model(idx)
    assert out.logits.shape == (3, 12, 50)
    assert out.loss is None and out.attentions is None and out.hidden_states is None
    assert out.last_hidden_state.shape == (3, 12, 32)


def test_future_tokens_do_not_change_the_past(model, idx):
    changed = idx.clone()
    changed[:, 7] = (changed[:, 7] + 1) % 50
    before, after = model(idx).logits, model(changed).logits
    assert torch.equal(before[:, :7], after[:, :7])
    assert not torch.allclose(before[:, 7:], after[:, 7:])


def test_output_layer_is_tied_to_the_token_embedding(model, idx):
    out = model(idx)
    assert torch.allclose(out.logits, out.last_hidden_state @ model.wte.weight.T, atol=1e-6)
    assert model.lm_head.weight is model.wte.weight
    assert not any("lm_head" in name for name in model.state_dict())  # one tensor, one entry
    assert [n for n, _ in model.named_parameters()].count("wte.weight") == 1
    assert not any("lm_head" in n for n, _ in model.named_parameters())


def test_forward_hooks_fire_on_every_linear_layer(model, idx):
    # Probes and hook-based per-example gradients (Opacus) need every linear map to be a module call.
    seen = []
    linears = [(name, m) for name, m in model.named_modules() if isinstance(m, nn.Linear)]
    handles = [m.register_forward_hook(lambda m, i, o, n=name: seen.append(n)) for name, m in linears]
    model(idx, idx)
    for handle in handles:
        handle.remove()
    assert len(linears) == 4 * 2 + 1  # c_attn, attn.c_proj, c_fc, mlp.c_proj per block; lm_head
    assert sorted(seen) == sorted(name for name, _ in linears)


def test_return_logits_false_returns_the_loss_without_logits(model, idx):
    full = model(idx, idx, reduction="per_example")
    lean = model(idx, idx, reduction="per_example", return_logits=False)
    assert lean.logits is None and full.logits is not None
    torch.testing.assert_close(lean.loss, full.loss)


def test_explicit_attention_path_agrees_with_fused_path(model, idx):
    fast = model(idx)
    explicit = model(idx, return_attention=True)
    torch.testing.assert_close(explicit.logits, fast.logits, atol=1e-5, rtol=0)
    assert len(explicit.attentions) == 2
    for weights in explicit.attentions:
        assert weights.shape == (3, 4, 12, 12)
        torch.testing.assert_close(weights.sum(-1), torch.ones(3, 4, 12))
        future = torch.ones(12, 12, dtype=torch.bool).triu(1)
        assert torch.all(weights[..., future] == 0)
        assert torch.all(weights[..., ~future] > 0)


def test_attention_weights_match_a_hand_computation(model, idx):
    # Layer 0 reads LayerNorm(token + position embeddings); recompute its weights by hand.
    weights = model(idx, return_attention=True).attentions[0]
    x = model.wte(idx) + model.wpe(torch.arange(12))
    h = F.layer_norm(x, (32,), model.blocks[0].ln_1.weight, model.blocks[0].ln_1.bias, 1e-5)
    q, k, _ = (h @ model.blocks[0].attn.c_attn.weight.T + model.blocks[0].attn.c_attn.bias).split(32, -1)
    q, k = (t.view(3, 12, 4, 8).transpose(1, 2) for t in (q, k))
    scores = (q @ k.transpose(-1, -2)) / math.sqrt(8)
    scores = scores + torch.full((12, 12), float("-inf")).triu(1)
    torch.testing.assert_close(weights, scores.softmax(-1), atol=1e-6, rtol=1e-5)


def test_attention_weights_carry_gradients(model, idx):
    # Guided attention trains on a loss over the attention maps.
    model.train()
    model(idx, return_attention=True).attentions[1][:, :, -1, 0].sum().backward()
    assert model.blocks[1].attn.c_attn.weight.grad.abs().sum() > 0


def test_hidden_states(model, idx):
    out = model(idx, return_hidden=True)
    assert len(out.hidden_states) == 3
    torch.testing.assert_close(out.hidden_states[0], model.wte(idx) + model.wpe(torch.arange(12)))
    assert out.hidden_states[-1] is out.last_hidden_state


def test_inputs_embeds_equal_ids(model, idx):
    by_ids = model(idx, targets=idx)
    by_embeds = model(inputs_embeds=model.embed(idx), targets=idx)
    assert torch.equal(by_ids.logits, by_embeds.logits)
    assert torch.equal(by_ids.loss, by_embeds.loss)


def test_soft_prompt_prepended_to_embeddings(model, idx):
    # Prompt tuning: p learned vectors in front of the token embeddings; only they get gradients.
    for p in model.parameters():
        p.requires_grad_(False)
    soft_prompt = nn.Parameter(torch.randn(4, 32) * 0.02)
    embeds = torch.cat([soft_prompt.expand(3, -1, -1), model.embed(idx)], dim=1)
    targets = torch.cat([torch.full((3, 4), -100), idx], dim=1)
    out = model(inputs_embeds=embeds, targets=targets)
    assert out.logits.shape == (3, 16, 50)
    out.loss.backward()
    assert soft_prompt.grad is not None and soft_prompt.grad.abs().sum() > 0


def test_mean_loss_is_torch_cross_entropy(model, idx):
    targets = torch.roll(idx, -1, dims=1)
    targets[:, -1] = -100
    out = model(idx, targets)
    expected = F.cross_entropy(out.logits.reshape(-1, 50), targets.reshape(-1), ignore_index=-100)
    torch.testing.assert_close(out.loss, expected)


def test_loss_reductions(model, idx):
    targets = idx.clone()
    targets[0, :5] = -100
    targets[1, :] = -100  # a row with nothing to count
    logits = model(idx).logits
    log_probs = logits.log_softmax(-1)
    by_hand = torch.zeros(3, 12)
    for b in range(3):
        for t in range(12):
            if targets[b, t] != -100:
                by_hand[b, t] = -log_probs[b, t, targets[b, t]]
    counted = (targets != -100).sum(1)
    torch.testing.assert_close(model.loss(logits, targets, "none"), by_hand)
    torch.testing.assert_close(model.loss(logits, targets, "sum"), by_hand.sum())
    torch.testing.assert_close(model.loss(logits, targets, "mean"), by_hand.sum() / counted.sum())
    per_example = model.loss(logits, targets, "per_example")
    torch.testing.assert_close(
        per_example, torch.stack([by_hand[0].sum() / 7, torch.tensor(0.0), by_hand[2].mean()])
    )
    torch.testing.assert_close(model(idx, targets, reduction="per_example").loss, per_example)
    with pytest.raises(CourseValueError, match="per_example"):
        lm_loss(logits, targets, reduction="avg")


def test_init_follows_gpt2():
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=64, block_size=8, n_layer=8, n_head=4, n_embd=128, bias=True))
    block = model.blocks[3]
    residual_std = 0.02 / math.sqrt(2 * 8)
    assert block.attn.c_attn.weight.std().item() == pytest.approx(0.02, rel=0.03)
    assert block.mlp.c_fc.weight.std().item() == pytest.approx(0.02, rel=0.03)
    assert block.attn.c_proj.weight.std().item() == pytest.approx(residual_std, rel=0.03)
    assert block.mlp.c_proj.weight.std().item() == pytest.approx(residual_std, rel=0.03)
    assert model.wte.weight.std().item() == pytest.approx(0.02, rel=0.03)
    assert torch.all(block.mlp.c_fc.bias == 0) and torch.all(block.ln_1.weight == 1)


def test_dropout_only_in_training():
    torch.manual_seed(0)
    model = GPT(GPTConfig(**TINY, dropout=0.2))
    idx = torch.randint(0, 50, (2, 8))
    assert not torch.equal(model(idx).logits, model(idx).logits)
    model.eval()
    assert torch.equal(model(idx).logits, model(idx).logits)


def test_bias_free_model_learns():
    torch.manual_seed(0)
    model = GPT(GPTConfig(**TINY, bias=False))
    assert not any(name.endswith("bias") for name in model.state_dict())
    idx = torch.randint(0, 50, (4, 16))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    losses = []
    for _ in range(20):
        loss = model(idx[:, :-1], idx[:, 1:]).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[0] == pytest.approx(math.log(50), rel=0.05)  # a fresh model is close to uniform
    assert losses[-1] < 0.5 * losses[0]


def test_replaced_fc_layer_is_called(model, idx):
    # A method that wraps c_fc (e.g. LoRA on the MLP) must be called, not bypassed by the fused path.
    class Wrapped(nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner, self.calls = inner, 0

        def forward(self, x):
            self.calls += 1
            return self.inner(x)

    before = model(idx).logits
    model.blocks[0].mlp.c_fc = Wrapped(model.blocks[0].mlp.c_fc)
    torch.testing.assert_close(model(idx).logits, before, atol=1e-6, rtol=0)
    assert model.blocks[0].mlp.c_fc.calls == 1


# --- bad input ---------------------------------------------------------------------------


def test_id_out_of_vocab_names_max_id_and_vocab(model):
    idx = torch.tensor([[3, 7, 57]])
    with pytest.raises(CourseValueError) as error:
        model(idx)
    for text in (error.value.en, error.value.tr):
        assert "57" in text and "50" in text and "49" in text
    with pytest.raises(CourseValueError, match="-1"):
        model(torch.tensor([[-1, 2]]))


def test_too_long_sequence_names_length_and_block_size(model):
    with pytest.raises(CourseValueError) as error:
        model(torch.zeros(1, 17, dtype=torch.long))
    for text in (error.value.en, error.value.tr):
        assert "17" in text and "16" in text and "idx[:, -16:]" in text


def test_float_ids_are_refused(model):
    with pytest.raises(CourseTypeError, match="float32") as error:
        model(torch.zeros(1, 4))
    assert "inputs_embeds" in error.value.tr


def test_wrong_number_of_dims(model):
    with pytest.raises(CourseValueError, match=r"\(4,\)") as error:
        model(torch.zeros(4, dtype=torch.long))
    assert "unsqueeze(0)" in error.value.tr


def test_list_instead_of_tensor(model):
    with pytest.raises(CourseTypeError, match="list"):
        model([[1, 2, 3]])


def test_exactly_one_of_ids_and_embeds(model, idx):
    with pytest.raises(CourseValueError, match="both"):
        model(idx, inputs_embeds=model.embed(idx))
    with pytest.raises(CourseValueError, match="neither"):
        model()


def test_bad_inputs_embeds(model):
    with pytest.raises(CourseValueError, match="n_embd=32"):
        model(inputs_embeds=torch.zeros(1, 4, 31))
    with pytest.raises(CourseValueError, match="17"):
        model(inputs_embeds=torch.zeros(1, 17, 32))


def test_targets_shape_must_match(model, idx):
    with pytest.raises(CourseValueError, match=r"\(3, 12\)"):
        model(idx, targets=idx[:, 1:])
    with pytest.raises(CourseValueError, match="float32"):
        model(idx, targets=idx.float())


def test_turkish_message(model, monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.raises(CourseValueError, match="sözcük dağarcığının dışında"):
        model(torch.tensor([[99]]))


@pytest.mark.gpu
def test_cuda_matches_cpu_and_runs_under_autocast(idx):
    from course_lib.device import precision_policy

    torch.manual_seed(0)
    model = GPT(GPTConfig(**TINY)).eval()
    expected = model(idx, idx)
    device = torch.device("cuda")
    model.to(device)
    got = model(idx.to(device), idx.to(device))
    torch.testing.assert_close(got.logits.cpu(), expected.logits, atol=1e-4, rtol=1e-4)
    with precision_policy(device).autocast():
        loss = model(idx.to(device), idx.to(device)).loss
    assert torch.isfinite(loss) and abs(loss.item() - expected.loss.item()) < 0.05


def test_state_dict_saves_as_safetensors_and_model_deep_copies(model, idx, tmp_path):
    # Checkpoints are safetensors, which refuses tensors that share memory: weight tying through
    # F.linear(x, wte.weight) leaves no second, shared "lm_head.weight" entry to trip over.
    import copy

    from safetensors.torch import load_file, save_file

    save_file(model.state_dict(), tmp_path / "model.safetensors")
    fresh = GPT(GPTConfig(**TINY)).eval()
    fresh.load_state_dict(load_file(tmp_path / "model.safetensors"))
    assert torch.equal(fresh(idx).logits, model(idx).logits)
    twin = copy.deepcopy(model)
    assert torch.equal(twin(idx).logits, model(idx).logits)
    assert twin.wte.weight.data_ptr() != model.wte.weight.data_ptr()


def test_crop_block_size_keeps_the_first_positions(model, idx):
    before = model(idx[:, :8]).logits
    model.crop_block_size(8)
    assert model.config.block_size == 8 and model.wpe.weight.shape == (8, 32)
    torch.testing.assert_close(model(idx[:, :8]).logits, before)
    with pytest.raises(CourseValueError, match="8"):
        model(idx[:, :9])
    with pytest.raises(CourseValueError, match="crop_block_size"):
        model.crop_block_size(12)


def test_input_check_leaves_one_graph_for_torch_compile():
    # The id check reads a value back (int(...)), which splits a compiled graph; under
    # torch.compile it must step aside so that the whole forward pass is one graph.
    model = GPT(GPTConfig(vocab_size=50, block_size=16, n_layer=1, n_head=2, n_embd=16))
    explanation = torch._dynamo.explain(model)(torch.randint(0, 50, (2, 8)))
    assert explanation.graph_count == 1 and explanation.graph_break_count == 0
    with pytest.raises(CourseValueError):  # eager calls are still checked
        model(torch.full((1, 4), 50))
