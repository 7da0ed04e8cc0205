"""The four approaches freeze exactly what they should, on the course GPT and on HF GPT-2.

Each approach is set up on a SequenceClassifier, trained a few steps through course_lib.train.train(),
and then checked two ways: which parameters had requires_grad, and which ones actually changed
(a frozen parameter must stay bit-identical).
"""

import pytest
import torch
from finetune_helpers import padded_batches, tiny_gpt, tiny_hf

from course_lib.finetune import (
    LPFT,
    Full,
    GradualUnfreezingMethod,
    LinearProbe,
    Selected,
    SequenceClassifier,
    classification_loss,
    count_trainable,
    freeze_all_but_top_k,
    layout_of,
)
from course_lib.i18n import CourseValueError
from course_lib.train import Callback, TrainConfig, train

BACKBONES = {
    "course": (tiny_gpt, "backbone.blocks.", "backbone.ln_f.", ("backbone.wte.", "backbone.wpe.")),
    "hf": (tiny_hf, "backbone.transformer.h.", "backbone.transformer.ln_f.",
           ("backbone.transformer.wte.", "backbone.transformer.wpe.")),
}


def cfg(**overrides) -> TrainConfig:
    values = dict(max_steps=3, lr=1e-2, weight_decay=0.1, progress=False, live_plot_every=None, device="cpu")
    values.update(overrides)
    return TrainConfig(**values)


def expected(kind: str, name: str, k: int | None) -> bool:
    """Should parameter ``name`` train under approach ``kind`` (with ``k`` top blocks)?"""
    _, blocks, final_norm, embeddings = BACKBONES[name]
    everything = {"full": True, "probe": False, "selected": False}[kind]

    def rule(param_name: str) -> bool:
        if param_name.startswith("head."):
            return True
        if everything:
            return True
        if kind == "selected":
            if param_name.startswith(final_norm):
                return True
            if param_name.startswith(blocks):
                return int(param_name[len(blocks):].split(".")[0]) >= 3 - k
        return False

    return rule


def run(classifier, method, steps=3, **config):
    callbacks = method.setup(classifier, None, cfg(max_steps=steps, **config))
    seen = {}

    class Record(Callback):
        def on_train_begin(self, state):
            seen.update({n: p.requires_grad for n, p in state.model.named_parameters()})

    before = {n: p.detach().clone() for n, p in classifier.named_parameters()}
    train(classifier, padded_batches(), cfg(max_steps=steps, **config), loss_fn=classification_loss,
          callbacks=[*callbacks, Record()])
    changed = {n: not torch.equal(p, before[n]) for n, p in classifier.named_parameters()}
    return seen, changed


@pytest.mark.parametrize("backbone", list(BACKBONES))
@pytest.mark.parametrize("kind,method,k", [("full", Full(), None), ("selected", Selected(1), 1),
                                          ("selected", Selected(2), 2), ("probe", LinearProbe(), None)])
def test_approach_trains_exactly_its_parameters(backbone, kind, method, k):
    classifier = SequenceClassifier(BACKBONES[backbone][0](), n_classes=3)
    for param in classifier.backbone.parameters():  # start from a frozen model: Full must thaw it
        param.requires_grad_(kind != "full")
    trainable, changed = run(classifier, method)
    rule = expected(kind, backbone, k)
    for name in trainable:
        assert trainable[name] == rule(name), name
        assert changed[name] == rule(name), name
    assert any(trainable.values()) and not (kind != "full" and all(trainable.values()))


@pytest.mark.parametrize("backbone", list(BACKBONES))
def test_layout_finds_blocks_embeddings_and_top(backbone):
    make, blocks, final_norm, embeddings = BACKBONES[backbone]
    layout = layout_of(SequenceClassifier(make(), n_classes=2))
    assert layout.blocks + "." == blocks and layout.n_blocks == 3
    assert tuple(e + "." for e in layout.embeddings) == embeddings
    assert all(name.startswith(final_norm) for name in layout.top) and len(layout.top) == 2
    assert layout.head == ("head",)


def test_freeze_top_k_on_a_bare_hf_model_counts_what_trains():
    hf = tiny_hf()
    n = freeze_all_but_top_k(hf, "transformer.h", 1, also_train=["transformer.ln_f"])
    block = sum(p.numel() for p in hf.transformer.h[2].parameters())
    assert n == count_trainable(hf) == block + sum(p.numel() for p in hf.transformer.ln_f.parameters())
    with pytest.raises(CourseValueError, match="top_k=4 is out of range"):
        freeze_all_but_top_k(hf, "transformer.h", 4)


@pytest.mark.parametrize("backbone", list(BACKBONES))
def test_lpft_probes_first_then_trains_everything(backbone):
    classifier = SequenceClassifier(BACKBONES[backbone][0](), n_classes=3)
    snapshots = []

    class Snap(Callback):
        def on_step_end(self, state):
            snapshots.append({n: p.detach().clone() for n, p in state.model.named_parameters()})

    start = {n: p.detach().clone() for n, p in classifier.named_parameters()}
    method = LPFT(probe_fraction=0.5)
    callbacks = method.setup(classifier, None, None)
    train(classifier, padded_batches(4), cfg(max_steps=4), loss_fn=classification_loss, callbacks=[*callbacks, Snap()])
    # probe phase: round(0.5 * 4) = 2 steps in which only the head moves
    for step in (0, 1):
        for name, value in snapshots[step].items():
            assert torch.equal(value, start[name]) != name.startswith("head."), (step, name)
    # then every parameter trains (each block's weights move)
    moved = {n for n, v in snapshots[3].items() if not torch.equal(v, snapshots[1][n])}
    assert moved == {n for n, _ in classifier.named_parameters()}


def test_gradual_unfreezing_schedule_over_epochs():
    """Epoch 0: head and final norm; each later epoch one more block from the top; then the embeddings."""
    classifier = SequenceClassifier(tiny_gpt(), n_classes=3)
    method = GradualUnfreezingMethod()
    callbacks = method.setup(classifier, None, None)
    per_epoch = []

    class Watch(Callback):
        def on_epoch_begin(self, state):
            per_epoch.append(sorted({_layer(n) for n, p in state.model.named_parameters() if p.requires_grad}))

    train(classifier, padded_batches(1), cfg(max_steps=None, epochs=6, **method.train_overrides(None)),
          loss_fn=classification_loss, callbacks=[*callbacks, Watch()])
    top = ["backbone.ln_f", "head"]
    everything = ["backbone.blocks.0", "backbone.blocks.1", "backbone.blocks.2", "backbone.ln_f", "backbone.wpe",
                  "backbone.wte", "head"]
    assert per_epoch == [
        top,
        ["backbone.blocks.2", *top],
        ["backbone.blocks.1", "backbone.blocks.2", *top],
        ["backbone.blocks.0", "backbone.blocks.1", "backbone.blocks.2", *top],
        everything,  # then the embeddings: every layer trains, as in ULMFiT's last stage
        everything,
    ]


def _layer(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:3]) if parts[1] == "blocks" else ".".join(parts[:2]) if parts[0] == "backbone" else parts[0]
