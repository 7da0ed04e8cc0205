"""Chapter 08's experiment: a world topic task with a known share of flipped training labels.

    task = flipped_label_task("tr", n_noisy=160, n_clean=64, noise=0.4)
    task.info["clean"]     indices of the training examples whose labels are trusted (the last n_clean)
    task.info["flipped"]   indices of the training examples whose label was flipped
    oracle = clean_oracle(task)   the same task trained on the unflipped examples only

The flips are made by :func:`course_lib.finetune.tasks.add_label_noise`, so the ground truth is
known and the learned weights can be scored against it (AUROC). The dev and ood sets keep the
true labels. The clean examples are part of the training set (every method sees them); only
Reweight also knows that they are clean.
"""

from __future__ import annotations

from dataclasses import replace

from ..finetune.tasks import Task, add_label_noise, world_topic


def flipped_label_task(lang: str = "tr", n_noisy: int = 160, n_clean: int = 64, noise: float = 0.4,
                       n_dev: int = 200, world_seed: int = 0) -> Task:
    """``n_noisy`` training examples with ``noise`` of their labels flipped, then ``n_clean`` clean ones."""
    clean_task = world_topic(lang, n_train=n_noisy + n_clean, n_dev=n_dev, label_noise=0.0, world_seed=world_seed)
    truth = clean_task.train
    noisy = add_label_noise(truth[:n_noisy], len(clean_task.labels), noise, seed=world_seed)
    flipped = [i for i, (a, b) in enumerate(zip(noisy, truth)) if a.label != b.label]
    info = {**clean_task.info, "n_noisy": n_noisy, "n_clean": n_clean, "label_noise": noise,
            "clean": list(range(n_noisy, n_noisy + n_clean)), "flipped": flipped}
    return replace(clean_task, name=f"world-topic-{lang}-flip{round(100 * noise)}", train=noisy + truth[n_noisy:],
                   info=info)


def clean_oracle(task: Task) -> Task:
    """``task`` trained only on its unflipped examples: the ceiling a noise-robust method aims at."""
    flipped = set(task.info["flipped"])
    train = [example for index, example in enumerate(task.train) if index not in flipped]
    info = {key: value for key, value in task.info.items() if key not in ("clean", "flipped")}
    return replace(task, name=f"{task.name}-oracle", train=train, info={**info, "oracle": True})
