"""The precision policy inside the loop: the GradScaler path, and a real GPU run where one exists."""

import pytest
import torch

from course_lib.device import PrecisionPolicy
from course_lib.train import CheckpointEvery, load_checkpoint, loop, train
from tests.test_train_loop import GradRecorder, cfg, fixed_batches, tiny_model


def test_grad_scaler_path_unscales_before_callbacks_and_checkpoints_its_state(monkeypatch, tmp_path):
    """A T4 trains in fp16 with a GradScaler; here the same code path runs on the CPU (bf16 autocast)."""
    batches = fixed_batches(4)
    reference = GradRecorder()
    train(tiny_model(), batches[:1], cfg(max_steps=1), callbacks=[reference])

    scaled_policy = PrecisionPolicy("cpu", torch.bfloat16, use_grad_scaler=True)
    monkeypatch.setattr(loop, "precision_policy", lambda device: scaled_policy)
    result = train(tiny_model(), batches, cfg(max_steps=4), callbacks=[CheckpointEvery(tmp_path, every=1)])
    assert all(torch.isfinite(torch.tensor(result.history.train_losses)))

    # Callbacks see true gradients: the 2**16 loss scale has been divided out (bf16 tolerance).
    first = GradRecorder()
    train(tiny_model(), batches[:1], cfg(max_steps=1), callbacks=[first])
    ratio = first.grads["wte.weight"].norm() / reference.grads["wte.weight"].norm()
    assert 0.9 < float(ratio) < 1.1
    body = load_checkpoint(tmp_path).path / "state.json"
    assert '"scale"' in body.read_text()


@pytest.mark.gpu
def test_training_on_the_gpu_follows_the_precision_policy(tmp_path):
    from course_lib.device import precision_policy

    device = torch.device("cuda")
    expected = torch.bfloat16 if torch.cuda.get_device_capability(device)[0] >= 8 else torch.float16
    assert precision_policy(device).autocast_dtype == expected
    seen = {}

    class Peek(GradRecorder):
        def on_before_backward(self, state, loss):
            seen["dtype"] = state.outputs.dtype

    model = tiny_model()
    result = train(model, fixed_batches(8), cfg(max_steps=8, device="cuda"),
                   callbacks=[Peek(), CheckpointEvery(tmp_path, every=4)])
    assert seen["dtype"] == expected  # logits came out of autocast in the policy's dtype
    assert result.history.train_losses[-1] < result.history.train_losses[0]
    fresh = tiny_model(seed=3).to(device)
    load_checkpoint(tmp_path, fresh)
    for a, b in zip(model.state_dict().values(), fresh.state_dict().values()):
        assert torch.equal(a, b)
