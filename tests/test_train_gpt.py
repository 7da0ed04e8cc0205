"""The loop with the course GPT and with its Hugging Face twin: same batches, same losses."""

import pytest
import torch

from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.train import CheckpointEvery, RandomWindows, TrainConfig, language_model_loss, train
from tests.test_train_checkpoint import Crash
from tests.test_train_loop import make_tokens

CONFIG = GPTConfig(vocab_size=11, block_size=16, n_layer=2, n_head=2, n_embd=16, dropout=0.0)


def _run(model, steps=6, tmp=None, crash_at=None, resume=False, seed=0):
    generator = torch.Generator().manual_seed(seed)
    callbacks = [CheckpointEvery(tmp, every=3)] if tmp else []
    if crash_at:
        callbacks.append(Crash(crash_at))
    config = TrainConfig(max_steps=steps, lr=3e-3, warmup_steps=2, progress=False, device="cpu")
    return train(model, RandomWindows(make_tokens(), 16, 4, generator), config, generator=generator,
                 callbacks=callbacks, resume_from=tmp if resume else None, metadata={"model": CONFIG.to_dict()})


def test_language_model_loss_uses_the_gpts_own_per_example_loss():
    torch.manual_seed(0)
    model = GPT(CONFIG)
    x, y = next(iter(RandomWindows(make_tokens(), 16, 3, torch.Generator().manual_seed(0))))
    per_example, logits = language_model_loss(model, (x, y))
    torch.testing.assert_close(per_example.mean(), model(x, targets=y).loss)
    assert per_example.shape == (3,) and logits.shape == (3, 16, 11)


def test_course_gpt_and_converted_hf_model_train_alike():
    torch.manual_seed(0)
    ours = GPT(CONFIG)
    hf = to_hf(ours)
    ours_losses = _run(ours).history.train_losses
    hf_losses = _run(hf).history.train_losses
    assert ours_losses[-1] < ours_losses[0]
    torch.testing.assert_close(torch.tensor(ours_losses), torch.tensor(hf_losses), rtol=1e-4, atol=1e-5)


def test_gpt_with_dropout_resumes_bit_identically(tmp_path):
    config = GPTConfig(**{**CONFIG.to_dict(), "dropout": 0.1})
    torch.manual_seed(0)
    reference = _run(GPT(config), steps=8).history.train
    torch.manual_seed(0)
    with pytest.raises(KeyboardInterrupt):
        _run(GPT(config), steps=8, tmp=tmp_path, crash_at=5)
    torch.manual_seed(1)
    resumed = _run(GPT(config), steps=8, tmp=tmp_path, resume=True, seed=5)
    assert resumed.history.train == reference
