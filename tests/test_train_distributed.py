"""train() under torchrun: two CPU processes (gloo) train exactly what one process trains on the whole batch.

The test launches this very file with ``python -m torch.distributed.run --nproc_per_node 2``; each
process runs ``worker`` (below) and saves its weights, loss history and progress output. The test
then trains the same model in its own process on the same global batches and compares.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from course_lib.i18n import CourseRuntimeError, CourseValueError
from course_lib.model import GPT, GPTConfig
from course_lib.train import CheckpointEvery, RandomWindows, TrainConfig, train
from course_lib.train.distributed import Distributed

REPO_ROOT = Path(__file__).resolve().parent.parent
GLOBAL_BATCH, CONTEXT, STEPS = 8, 16, 3


def setting():
    """The model, the batches and the config every run here shares (dropout 0: no per-process noise)."""
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=40, block_size=CONTEXT, n_layer=2, n_head=2, n_embd=32, dropout=0.0))
    tokens = torch.randint(40, (3000,), generator=torch.Generator().manual_seed(1))
    generator = torch.Generator().manual_seed(2)
    batches = RandomWindows(tokens, CONTEXT, GLOBAL_BATCH, generator)
    # grad_accum_steps=2: the first micro-batch of each step runs under DDP's no_sync().
    config = TrainConfig(max_steps=STEPS, lr=1e-2, warmup_steps=1, grad_accum_steps=2, grad_clip=1.0,
                         device="cpu", progress=True, log_every=1, live_plot_every=None)
    return model, batches, config, generator


def worker(out: Path) -> None:
    rank = int(os.environ["RANK"])
    with open(out / f"stderr_{rank}.txt", "w") as stderr:  # the progress bar writes to stderr
        sys.stderr = stderr
        model, batches, config, generator = setting()
        result = train(model, batches, config, generator=generator,
                       callbacks=[CheckpointEvery(out / f"checkpoints_{rank}", every=STEPS)])
    sys.stderr = sys.__stderr__
    torch.save({name: p.detach() for name, p in model.state_dict().items()}, out / f"weights_{rank}.pt")
    (out / f"history_{rank}.json").write_text(json.dumps(result.history.train_losses))
    # A generator seeded differently per process would give the processes different batches.
    model, _, config, _ = setting()
    unlike = torch.Generator().manual_seed(rank)
    try:
        train(model, RandomWindows(torch.arange(3000) % 40, CONTEXT, GLOBAL_BATCH, unlike), config, generator=unlike)
    except CourseRuntimeError as error:
        (out / f"refused_{rank}.txt").write_text(error.en)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_processes_train_what_one_process_trains_on_the_whole_batch(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]),
           "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_addr",
               "127.0.0.1", "--master_port", str(free_port()), __file__, str(tmp_path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    model, batches, config, generator = setting()
    alone = train(model, batches, config, generator=generator)
    for rank in (0, 1):
        weights = torch.load(tmp_path / f"weights_{rank}.pt", weights_only=True)
        for name, value in model.state_dict().items():
            torch.testing.assert_close(weights[name], value, rtol=1e-4, atol=1e-5, msg=f"rank {rank}: {name}")
    # The loss recorded under DDP is the whole batch's, as one process records it.
    losses = json.loads((tmp_path / "history_0.json").read_text())
    assert losses == pytest.approx(alone.history.train_losses, rel=1e-5)
    # Only rank 0 speaks and writes.
    assert any((tmp_path / "checkpoints_0").glob("step_*"))
    assert not (tmp_path / "checkpoints_1").exists()
    assert f"{STEPS}/{STEPS}" in (tmp_path / "stderr_0.txt").read_text()
    assert "step" not in (tmp_path / "stderr_1.txt").read_text()
    # Processes whose data generators disagree are stopped before the first step, on every rank.
    for rank in (0, 1):
        assert "Process 1 of 2 would draw different batches" in (tmp_path / f"refused_{rank}.txt").read_text()


def test_each_process_takes_a_disjoint_share_of_the_batch():
    x, y = torch.arange(24).view(6, 4), torch.arange(6)
    shares = [Distributed(rank=r, world_size=3).share({"x": x, "labels": (y, "kept")}) for r in range(3)]
    assert torch.equal(torch.cat([s["x"] for s in shares]), x)
    assert [s["labels"][0].tolist() for s in shares] == [[0, 1], [2, 3], [4, 5]]
    assert shares[1]["labels"][1] == "kept"
    assert Distributed().share(x) is x  # one process: the batch as it is


def test_a_batch_that_does_not_split_evenly_is_explained():
    with pytest.raises(CourseValueError) as error:
        Distributed(rank=0, world_size=4).share(torch.zeros(6, 3))
    assert "4 processes" in error.value.en and "6 examples" in error.value.en
    assert "4 sürecin" in error.value.tr


if __name__ == "__main__":
    worker(Path(sys.argv[1]))
