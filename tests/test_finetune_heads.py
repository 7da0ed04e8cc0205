"""The classifier head pools the right token, on the course GPT and on HF GPT-2; discriminative rates."""

import pytest
import torch
from finetune_helpers import PAD, padded_batches, tiny_gpt, tiny_hf

from course_lib.finetune import SequenceClassifier, discriminative_lr_groups
from course_lib.i18n import CourseValueError


@pytest.mark.parametrize("pool", ["last", "mean"])
def test_pooling_matches_a_manual_computation_row_by_row(pool):
    """Each padded row must give what the backbone gives on that text alone, pooled by hand."""
    classifier = SequenceClassifier(tiny_gpt(), n_classes=3, pool=pool, pad_id=PAD).eval()
    batch = padded_batches(1, batch_size=5)[0]
    with torch.no_grad():
        logits = classifier(batch["input_ids"], batch["attention_mask"])
        for row in range(5):
            length = int(batch["attention_mask"][row].sum())
            alone = classifier.backbone(batch["input_ids"][row: row + 1, :length]).last_hidden_state[0]
            pooled = alone[length - 1] if pool == "last" else alone.mean(dim=0)
            manual = pooled @ classifier.head.weight.T + classifier.head.bias
            torch.testing.assert_close(logits[row], manual, rtol=1e-5, atol=1e-6)
    assert (batch["attention_mask"] == 0).any(), "the batch must contain padding for this test to mean anything"


def test_pad_id_gives_the_mask_when_none_is_passed():
    classifier = SequenceClassifier(tiny_gpt(), n_classes=3, pad_id=PAD).eval()
    batch = padded_batches(1)[0]
    with torch.no_grad():
        torch.testing.assert_close(classifier(batch["input_ids"]), classifier(batch["input_ids"], batch["attention_mask"]))


def test_hf_backbone_gives_the_same_logits_as_the_course_gpt():
    """to_hf converts exactly; with the same head, HF's hidden_states[-1] must match our features."""
    ours = SequenceClassifier(tiny_gpt(seed=3), n_classes=3).eval()
    theirs = SequenceClassifier(tiny_hf(seed=3), n_classes=3).eval()
    theirs.head.load_state_dict(ours.head.state_dict())
    batch = padded_batches(1, batch_size=4)[0]
    with torch.no_grad():
        torch.testing.assert_close(theirs(batch["input_ids"], batch["attention_mask"]),
                                   ours(batch["input_ids"], batch["attention_mask"]), rtol=1e-4, atol=1e-5)


def test_bad_pool_and_empty_rows_are_explained():
    with pytest.raises(CourseValueError, match="pool='max'"):
        SequenceClassifier(tiny_gpt(), n_classes=3, pool="max")
    classifier = SequenceClassifier(tiny_gpt(), n_classes=3)
    with pytest.raises(CourseValueError, match="Row 1 of the batch has no real token"):
        classifier(torch.ones(2, 4, dtype=torch.long), torch.tensor([[1, 1, 0, 0], [0, 0, 0, 0]]))


def test_discriminative_groups_follow_ulmfit():
    """Top block and head at lr, each block below /2.6 more, embeddings one step below the lowest block."""
    classifier = SequenceClassifier(tiny_gpt(), n_classes=3)
    lr = 1e-3
    groups = discriminative_lr_groups(classifier, "backbone.blocks", lr)
    by_name = {name: group for group in groups for name in group["names"]}
    expected = {
        "head.weight": lr, "backbone.ln_f.weight": lr, "backbone.blocks.2.attn.c_attn.weight": lr,
        "backbone.blocks.1.mlp.c_fc.weight": lr / 2.6, "backbone.blocks.0.ln_1.bias": lr / 2.6**2,
        "backbone.wte.weight": lr / 2.6**3, "backbone.wpe.weight": lr / 2.6**3,
    }
    for name, rate in expected.items():
        assert by_name[name]["lr"] == pytest.approx(rate), name
        assert by_name[name]["lr_scale"] == pytest.approx(rate / lr), name
    # every parameter in exactly one group
    names = [name for group in groups for name in group["names"]]
    assert sorted(names) == sorted(n for n, _ in classifier.named_parameters())
    assert len(groups) == 4 and all(group["weight_decay"] == 0.0 for group in groups)
    # the loop multiplies its scheduled lr by lr_scale: check it through a real optimizer step
    optimizer = torch.optim.AdamW(groups, lr=lr)
    assert [g["lr"] for g in optimizer.param_groups] == pytest.approx([lr / 2.6**d for d in range(4)])


def test_discriminative_groups_on_hf_and_bad_factor():
    hf = tiny_hf()
    groups = discriminative_lr_groups(hf, "transformer.h", 1.0, factor=2.0, head=())
    scales = {name: group["lr_scale"] for group in groups for name in group["names"]}
    assert scales["transformer.h.2.attn.c_attn.weight"] == 1.0
    assert scales["transformer.h.0.attn.c_attn.weight"] == 0.25
    assert scales["transformer.wte.weight"] == 0.125
    with pytest.raises(CourseValueError, match="factor=0.5"):
        discriminative_lr_groups(hf, "transformer.h", 1.0, factor=0.5)
