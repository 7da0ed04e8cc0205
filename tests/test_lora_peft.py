"""The course's LoRA against Hugging Face peft on the HF export of the same GPT: same logits,
same gradients on A and B, merged = unmerged, and adapters that cross between the two.

Every weight of the GPT is randomised (biases and LayerNorms too) and B is made non-zero, so a
missing transpose, a wrong scale or a swapped factor cannot hide behind zeros.
"""

import copy
import json
import math

import pytest
import torch
from model_testing import randomised
from peft import LoraConfig, PeftModel, get_peft_model

from course_lib.i18n import CourseFileError, CourseValueError
from course_lib.methods.lora import (
    LoRALinear,
    count_lora_parameters,
    inject_lora,
    load_adapter,
    lora_layers,
    merge_lora,
    save_adapter,
    unmerge_lora,
)
from course_lib.model import GPT, GPTConfig, to_hf

TINY = dict(vocab_size=50, block_size=16, n_layer=2, n_head=4, n_embd=32)
R, ALPHA = 4, 8
CASES = {  # course targets -> peft's target_modules (the same suffix rule)
    "c_attn": ("c_attn",),
    "attention c_attn + c_proj": ("c_attn", "attn.c_proj"),
    "every linear layer": ("c_attn", "c_proj", "c_fc"),
}


def set_factors(layers: dict, seed=1):
    """Non-zero A and B (a fresh B is 0, which would hide a wrong B or scale)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for layer in layers.values():
            layer.lora_A.copy_(torch.randn(layer.lora_A.shape, generator=generator) * 0.3)
            layer.lora_B.copy_(torch.randn(layer.lora_B.shape, generator=generator) * 0.3)


def peft_layers(peft_model) -> dict:
    """peft's LoRA layers by the course name of the layer they wrap."""
    found = {}
    for name, module in peft_model.named_modules():
        if hasattr(module, "lora_A") and "default" in getattr(module, "lora_A", {}):
            course = name.removeprefix("base_model.model.transformer.").replace("h.", "blocks.", 1)
            found[course] = module
    return found


def copy_into_peft(course_layers: dict, peft_model) -> None:
    theirs = peft_layers(peft_model)
    assert sorted(theirs) == sorted(course_layers)
    with torch.no_grad():
        for name, layer in course_layers.items():
            theirs[name].lora_A["default"].weight.copy_(layer.lora_A)
            theirs[name].lora_B["default"].weight.copy_(layer.lora_B)


@pytest.fixture
def idx():
    return torch.randint(0, 50, (3, 16), generator=torch.Generator().manual_seed(2))


def pair(targets, bias=True):
    """(course GPT with LoRA, peft model on its HF export), the same A and B in both."""
    base = randomised(GPT(GPTConfig(**TINY, bias=bias)))
    hf = to_hf(base)  # exported before injection: the export is the plain base model
    ours = copy.deepcopy(base)
    inject_lora(ours, r=R, alpha=ALPHA, targets=targets)
    set_factors(lora_layers(ours))
    theirs = get_peft_model(hf, LoraConfig(r=R, lora_alpha=ALPHA, target_modules=list(targets), fan_in_fan_out=True))
    copy_into_peft(lora_layers(ours), theirs)
    return base, ours.eval(), theirs.eval()


@pytest.mark.parametrize("targets", list(CASES.values()), ids=list(CASES))
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no_bias"])
def test_same_logits_as_peft(targets, bias, idx):
    base, ours, theirs = pair(targets, bias)
    a, b = ours(idx).logits, theirs(input_ids=idx).logits
    assert (a - b).abs().max().item() <= 1e-5
    # and LoRA really changed the function (a no-op adapter would pass the line above too)
    assert (a - base(idx).logits).abs().max().item() > 1e-2


@pytest.mark.parametrize("targets", list(CASES.values()), ids=list(CASES))
def test_same_gradients_on_a_and_b(targets, idx):
    _, ours, theirs = pair(targets)
    ours(idx, idx).loss.backward()
    theirs(input_ids=idx).logits.log_softmax(-1).gather(-1, idx[..., None]).mean().neg().backward()
    peft_by_name = peft_layers(theirs)
    for name, layer in lora_layers(ours).items():
        for factor in ("lora_A", "lora_B"):
            mine = getattr(layer, factor).grad
            other = getattr(peft_by_name[name], factor)["default"].weight.grad
            assert mine is not None and mine.abs().max() > 0, (name, factor)
            torch.testing.assert_close(mine, other, atol=1e-6, rtol=1e-4)


def test_merge_unmerge_and_unload(idx):
    base, ours, theirs = pair(CASES["attention c_attn + c_proj"])
    before = ours(idx).logits
    weights = {name: layer.weight.detach().clone() for name, layer in lora_layers(ours).items()}
    merge_lora(ours)
    assert all(layer.merged for layer in lora_layers(ours).values())
    assert (ours(idx).logits - before).abs().max().item() <= 1e-5
    unmerge_lora(ours)
    for name, layer in lora_layers(ours).items():  # W₀ is back, to rounding
        torch.testing.assert_close(layer.weight, weights[name], atol=1e-6, rtol=0)
    assert (ours(idx).logits - before).abs().max().item() <= 1e-5
    # unloaded: plain nn.Linear again, exportable, and equal to peft's merge_and_unload()
    merge_lora(ours, unload=True)
    assert not lora_layers(ours)
    exported = to_hf(ours)
    merged_peft = theirs.merge_and_unload()
    assert (exported(idx).logits - merged_peft(idx).logits).abs().max().item() <= 1e-5
    assert (exported(idx).logits - before).abs().max().item() <= 1e-5


def test_course_adapter_loads_into_peft(tmp_path, idx):
    base, ours, _ = pair(CASES["attention c_attn + c_proj"])
    save_adapter(ours, tmp_path)
    config = json.loads((tmp_path / "adapter_config.json").read_text())
    assert config["peft_type"] == "LORA" and config["r"] == R and config["fan_in_fan_out"] is True
    loaded = PeftModel.from_pretrained(to_hf(base), tmp_path).eval()
    assert (loaded(input_ids=idx).logits - ours(idx).logits).abs().max().item() <= 1e-5


def test_peft_adapter_loads_into_the_course(tmp_path, idx):
    base, _, theirs = pair(CASES["every linear layer"])
    theirs.save_pretrained(tmp_path)
    fresh = copy.deepcopy(base)
    names = load_adapter(fresh, tmp_path)  # injects the layers the file names, then loads A and B
    assert len(names) == 4 * TINY["n_layer"]  # c_attn, attn.c_proj, c_fc, mlp.c_proj
    assert (fresh.eval()(idx).logits - theirs(input_ids=idx).logits).abs().max().item() <= 1e-5


def test_adapter_of_a_classifier_round_trip(tmp_path, idx):
    """A LoRA inside a classifier (``backbone.`` in front) is saved under the GPT's own names."""
    from course_lib.finetune import SequenceClassifier

    base, ours, _ = pair(("c_attn",))
    classifier = SequenceClassifier(ours, n_classes=3)
    save_adapter(classifier, tmp_path)
    other = SequenceClassifier(copy.deepcopy(base), n_classes=3)
    load_adapter(other, tmp_path)
    assert (other.backbone.eval()(idx).logits - ours(idx).logits).abs().max().item() <= 1e-5


def test_initialisation_step_zero_is_the_base_model(idx):
    torch.manual_seed(0)
    base = randomised(GPT(GPTConfig(**TINY)))
    model = copy.deepcopy(base)
    inject_lora(model, r=8, alpha=16, targets=("c_attn", "c_fc"))
    for layer in lora_layers(model).values():
        bound = 1 / math.sqrt(layer.in_features)  # Kaiming-uniform with a = √5, as nn.Linear and peft
        assert layer.lora_A.abs().max() <= bound and layer.lora_A.abs().max() > 0.8 * bound
        assert torch.count_nonzero(layer.lora_B) == 0 and layer.scale == 2.0
    assert torch.equal(model(idx).logits, base(idx).logits)


def test_counts_and_targets_agree_with_peft():
    base = GPT(GPTConfig(**TINY))
    for targets in CASES.values():
        peft_model = get_peft_model(to_hf(base), LoraConfig(r=R, target_modules=list(targets), fan_in_fan_out=True))
        theirs = sum(p.numel() for p in peft_model.parameters() if p.requires_grad)
        model = copy.deepcopy(base)
        inject_lora(model, r=R, targets=targets)
        ours = sum(layer.lora_A.numel() + layer.lora_B.numel() for layer in lora_layers(model).values())
        assert ours == theirs == count_lora_parameters(base, R, targets)


def test_clear_errors():
    model = GPT(GPTConfig(**TINY))
    with pytest.raises(CourseValueError, match="No linear layer .* matches targets"):
        inject_lora(model, targets=("q_proj",))
    with pytest.raises(CourseValueError, match="rank r=0"):
        inject_lora(model, r=0)
    inject_lora(model)
    with pytest.raises(CourseValueError, match="already has LoRA layers"):
        inject_lora(model)
    with pytest.raises(CourseValueError, match="no LoRA layers"):
        merge_lora(GPT(GPTConfig(**TINY)))
    with pytest.raises(CourseFileError, match="No adapter in"):
        load_adapter(model, "/nonexistent/folder")
    assert isinstance(model.blocks[0].attn.c_attn, LoRALinear)
