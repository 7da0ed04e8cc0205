"""The course GPT against Hugging Face's GPT2LMHeadModel: same numbers, lossless conversion.

Every weight is randomised (biases and LayerNorms too, which a fresh init leaves at 0 and 1),
so a mix-up in the renaming or a missing transpose cannot hide.
"""

import pytest
import torch
from model_testing import randomised
from transformers import GPT2Config, GPT2LMHeadModel

from course_lib.i18n import CourseFileError, CourseTypeError, CourseValueError
from course_lib.model import GPT, GPTConfig, from_hf, from_pretrained, generate, save_pretrained, to_hf

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)


@pytest.fixture
def idx():
    return torch.randint(0, 50, (2, 16), generator=torch.Generator().manual_seed(1))


@pytest.fixture(params=[True, False], ids=["bias", "no_bias"])
def pair(request):
    model = randomised(GPT(GPTConfig(**TINY, bias=request.param)))
    return model, to_hf(model)


def test_same_logits_and_loss(pair, idx):
    model, hf = pair
    ours, theirs = model(idx), hf(idx, labels=idx)
    assert (ours.logits - theirs.logits).abs().max().item() <= 1e-5
    # HF shifts labels inside the model; the course GPT takes targets already aligned.
    targets = torch.cat([idx[:, 1:], torch.full((2, 1), -100)], dim=1)
    torch.testing.assert_close(model(idx, targets).loss, theirs.loss, atol=1e-6, rtol=1e-6)


def test_same_gradients(pair, idx):
    model, hf = pair
    model.train(), hf.train()
    model(idx[:, :-1], idx[:, 1:]).loss.backward()
    hf(idx, labels=idx).loss.backward()
    torch.testing.assert_close(model.wte.weight.grad, hf.transformer.wte.weight.grad, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(
        model.blocks[0].attn.c_attn.weight.grad.T,
        hf.transformer.h[0].attn.c_attn.weight.grad,
        atol=1e-5,
        rtol=1e-4,
    )


def test_same_hidden_states_and_attentions(idx):
    model = randomised(GPT(GPTConfig(**TINY)))
    hf = to_hf(model)
    hf.set_attn_implementation("eager")  # only the eager path returns attention weights
    ours = model(idx, return_attention=True, return_hidden=True)
    theirs = hf(idx, output_attentions=True, output_hidden_states=True)
    assert len(ours.hidden_states) == len(theirs.hidden_states) == 3
    for a, b in zip(ours.hidden_states, theirs.hidden_states):
        torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-5)
    assert len(ours.attentions) == len(theirs.attentions) == 2
    for a, b in zip(ours.attentions, theirs.attentions):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=1e-5)


def test_hf_model_is_tied_and_counts_the_same(pair):
    model, hf = pair
    assert hf.lm_head.weight.data_ptr() == hf.transformer.wte.weight.data_ptr()
    if model.config.bias:
        assert sum(p.numel() for p in hf.parameters()) == model.n_params()


def test_round_trip_is_bit_equal(pair):
    model, hf = pair
    back = from_hf(hf)
    assert back.config == model.config
    ours, theirs = model.state_dict(), back.state_dict()
    assert list(ours) == list(theirs)
    assert all(torch.equal(ours[name], theirs[name]) for name in ours)


def test_from_hf_on_a_local_tiny_gpt2(tmp_path, idx):
    torch.manual_seed(0)
    config = GPT2Config(vocab_size=50, n_positions=16, n_embd=32, n_layer=2, n_head=4, resid_pdrop=0.1)
    hf = randomised(GPT2LMHeadModel(config))
    hf.save_pretrained(tmp_path)
    model = from_hf(str(tmp_path))
    assert model.config == GPTConfig(**TINY, dropout=0.1)
    model.eval()
    assert (model(idx).logits - hf(idx).logits).abs().max().item() <= 1e-5


def test_save_and_load_a_folder(tmp_path, idx):
    model = randomised(GPT(GPTConfig(**TINY, bias=False)))
    folder = save_pretrained(model, tmp_path / "my_model")
    files = {p.name for p in folder.iterdir()}
    assert {"config.json", "model.safetensors"} <= files
    assert not any(name.endswith((".bin", ".pt", ".pth", ".pkl")) for name in files)
    loaded = from_pretrained(folder)
    assert loaded.config == model.config  # still bias-free
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), loaded.state_dict().values()))
    # The folder is an ordinary HF GPT-2 too.
    hf = GPT2LMHeadModel.from_pretrained(folder, local_files_only=True)
    assert (hf(idx).logits - model(idx).logits).abs().max().item() <= 1e-5


def test_save_with_a_tokenizer(tmp_path):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    vocab = {f"w{i}": i for i in range(49)} | {"[UNK]": 49}
    raw = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    raw.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=raw, unk_token="[UNK]")
    save_pretrained(GPT(GPTConfig(**TINY)), tmp_path, tokenizer=tokenizer)
    assert AutoTokenizer.from_pretrained(tmp_path)("w3 w7")["input_ids"] == [3, 7]
    with pytest.raises(CourseTypeError, match="save_pretrained"):
        save_pretrained(GPT(GPTConfig(**TINY)), tmp_path / "other", tokenizer=object())


def test_missing_folder(tmp_path):
    with pytest.raises(CourseFileError, match="config.json"):
        from_pretrained(tmp_path / "nothing_here")


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(activation_function="relu"), "activation_function"),
        (dict(n_inner=100), "n_inner"),
        (dict(tie_word_embeddings=False), "tie_word_embeddings"),
        (dict(scale_attn_by_inverse_layer_idx=True), "scale_attn_by_inverse_layer_idx"),
    ],
)
def test_unsupported_gpt2_variants_are_refused(change, field):
    config = GPT2Config(vocab_size=50, n_positions=16, n_embd=32, n_layer=1, n_head=4, **change)
    with pytest.raises(CourseValueError, match=field) as error:
        from_hf(GPT2LMHeadModel(config))
    assert field in error.value.tr


def test_not_a_gpt2():
    with pytest.raises(CourseTypeError, match="dict"):
        from_hf({"weights": 1})


def test_greedy_generation_matches_hf(idx):
    model = randomised(GPT(GPTConfig(**TINY)), seed=3)
    hf = to_hf(model)
    prompt = idx[:, :5]
    ours = generate(model, prompt, max_new_tokens=8, temperature=0)
    theirs = hf.generate(prompt, max_new_tokens=8, min_new_tokens=8, do_sample=False, pad_token_id=0)
    assert torch.equal(ours, theirs)


def test_extra_weights_are_refused_by_name():
    model = GPT(GPTConfig(**TINY))
    model.blocks[0].attn.register_parameter("lora_A", torch.nn.Parameter(torch.zeros(2, 32)))
    with pytest.raises(CourseValueError, match="blocks.0.attn.lora_A") as error:
        to_hf(model)
    assert "LoRA" in error.value.tr


def test_conversion_keeps_dtype(idx):
    model = randomised(GPT(GPTConfig(**TINY))).to(torch.bfloat16)
    hf = to_hf(model)
    assert hf.transformer.wte.weight.dtype == torch.bfloat16
    back = from_hf(hf)
    assert back.wte.weight.dtype == torch.bfloat16
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), back.state_dict().values()))


def test_exact_gelu_model_matches_hf_and_comes_back_exact(idx):
    # activation="gelu" must reach HF as its exact GELU: the tanh one differs by ~1e-4 here, so a
    # wrong mapping fails the 1e-5 bound.
    model = randomised(GPT(GPTConfig(**TINY, activation="gelu")))
    hf = to_hf(model)
    assert hf.config.activation_function == "gelu"
    assert (model(idx).logits - hf(idx).logits).abs().max().item() <= 1e-5
    tanh = GPT(GPTConfig(**TINY))
    tanh.load_state_dict(model.state_dict())
    assert (tanh.eval()(idx).logits - hf(idx).logits).abs().max().item() > 1e-5
    back = from_hf(hf)
    assert back.config.activation == "gelu"
    assert torch.equal(back(idx).logits, model(idx).logits)


def test_pytorch_tanh_gelu_name_reads_as_gpt2s():
    config = GPT2Config(vocab_size=50, n_positions=16, n_embd=32, n_layer=1, n_head=4,
                        activation_function="gelu_pytorch_tanh")
    assert from_hf(GPT2LMHeadModel(config)).config.activation == "gelu_new"
