"""The PEFT methods inside the harness of chapter 03, with their default arguments, on the shipped
base model and a world task: what trains, how much, and that the base model is left untouched."""

import pytest
import torch

from course_lib.assets import load_base_model
from course_lib.finetune import Full, compare, sib200, world_topic
from course_lib.finetune.compare import FinetuneConfig
from course_lib.methods.lora import LoRA, count_lora_parameters
from course_lib.methods.peft_family import PeftMethod, peft_parameter_counts

CONFIG = FinetuneConfig(epochs=1, batch_size=8, lr=1e-3, max_length=24, forgetting_tokens=128,
                        forgetting_block=64, device="cpu")


@pytest.fixture(scope="module")
def base():
    return load_base_model()


def test_lora_and_ia3_run_in_compare(base):
    task = world_topic("tr", n_train=16, n_dev=8)
    before = {name: p.detach().clone() for name, p in base.model.state_dict().items()}
    result = compare(base, task, [Full(), LoRA(), PeftMethod("ia3"), PeftMethod("lora")], seeds=(0,),
                     config=CONFIG, cache_dir=False, progress=False)
    table = result.table
    n_classes, d = len(task.labels), base.model.config.n_embd
    head = d * n_classes + n_classes
    lora = count_lora_parameters(base.model, 8, ("c_attn",))
    assert table.loc["LoRA(r=8)", "trainable params"] == lora + head
    assert table.loc["peft lora", "trainable params"] == lora + head  # peft's LoRA: the same count
    # IA³ in peft: one vector per adapted layer, the fused c_attn's whole output (3d: GPT-2 keeps
    # queries, keys and values in one layer) and the MLP's c_proj input (4d)
    assert table.loc["peft IA3", "trainable params"] == base.model.config.n_layer * (3 * d + 4 * d) + head
    assert table.loc["LoRA(r=8)", "trainable %"] < 5
    assert table.loc["full", "trainable %"] == 100.0
    # LoRA is merged at teardown, so forgetting is measured on W₀ + B A: non-negative and finite
    assert torch.isfinite(torch.tensor(table["forgetting"].tolist())).all()
    for name, tensor in base.model.state_dict().items():
        assert torch.equal(tensor, before[name]), name


def test_lora_runs_on_sib200(base, shared_data):
    task = sib200("tr", n_train=16)
    result = compare(base, task, [LoRA()], seeds=(0,), config=CONFIG, cache_dir=False, progress=False)
    assert 0.0 <= result.table.loc["LoRA(r=8)", "accuracy"] <= 1.0


def test_family_counts(base):
    counts = peft_parameter_counts(base.model, n_virtual=20, r=8)
    cfg = base.model.config
    assert counts["lora"] == count_lora_parameters(base.model, 8, ("c_attn",))
    assert counts["prompt_tuning"] == 20 * cfg.n_embd  # p × d, nothing else
    assert counts["prefix_tuning"] == 20 * cfg.n_layer * 2 * cfg.n_embd  # a key and a value per layer
    assert counts["ia3"] == cfg.n_layer * 7 * cfg.n_embd
    assert counts["p_tuning"] > counts["prompt_tuning"]  # its prompt encoder (an MLP) trains too
