"""What the shipped base models know about real text: held-out bits per byte and SIB-200 topics.

    python bench/base_model_sib200.py                     # both shipped models ("world", "real")
    python bench/base_model_sib200.py --extra small=/tmp/base_small   # add a model built elsewhere
    python bench/base_model_sib200.py --skip-finetune     # the fast columns only

Two tables, one row per model (and language):

1. Held-out loss in bits per byte on the held-out part of each source of the real-text recipe
   (Turkish Wikipedia articles, Tatoeba sentences in each language, world stories in each
   language): the same text for every model, whatever its tokenizer.
2. SIB-200 (Adelani et al. 2023; 7 topics; train 701, dev 99 sentences, in Turkish and in
   English), dev accuracy of:
   - majority      always the most frequent training label
   - probe         logistic regression on the frozen mean-pooled last hidden states
   - probe L0      the same on the mean-pooled input embeddings (token + position, layer 0)
   - bag           logistic regression on log(1 + count) of the model's own token ids (no model)
   - finetune      the whole model plus a linear head on the mean-pooled last hidden states,
                   trained on the training set with one fixed recipe (no choice made on dev)
   Weight decays of the two regressions are chosen on a fifth of the training set.

Data: ``--data`` (default ../shared/data beside the repository, or $COURSE_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import copy
import os
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from course_lib.assets import load_shipped_base
from course_lib.assets.corpus_mix import DEFAULT_DATA_DIR, mix_texts
from course_lib.assets.held_out import held_out_bits_per_byte
from course_lib.assets.recipe import preset
from course_lib.assets.topic_probe import (
    bag_of_tokens,
    encode_batch,
    majority_rate,
    mean_pool,
    mean_pooled_layers,
    probe_accuracy,
)
from course_lib.data.corpora import read_sib200

LANGS = ("tr", "en")
PARTS = ("wikipedia_tr", "tatoeba_tr", "tatoeba_en", "world_tr", "world_en")


def sib200(data_dir: Path):
    """Texts per language and label ids, for the train and dev splits."""
    train, dev = (read_sib200(data_dir / "sib200_tr_en.tsv", split=split) for split in ("train", "dev"))
    labels = sorted({example.category for example in train})
    ids = {label: i for i, label in enumerate(labels)}

    def part(examples):
        texts = {lang: [getattr(example, f"text_{lang}") for example in examples] for lang in LANGS}
        return texts, torch.tensor([ids[example.category] for example in examples])

    return part(train), part(dev), labels


class Classifier(torch.nn.Module):
    """A base GPT and a linear head on its mean-pooled last hidden states."""

    def __init__(self, model, n_classes: int):
        super().__init__()
        self.body = model
        self.head = torch.nn.Linear(model.config.n_embd, n_classes)

    def forward(self, ids, mask):
        return self.head(mean_pool(self.body(ids).last_hidden_state, mask))


def finetune_accuracy(base, texts, labels, dev_texts, dev_labels, epochs=6, batch_size=16, lr=3e-4, seed=0):
    """Full fine-tuning (every weight) with AdamW and a linear decay; dev accuracy after the last epoch."""
    torch.manual_seed(seed)
    n_classes = int(labels.max()) + 1
    classifier = Classifier(copy.deepcopy(base.model).train(), n_classes)
    optimizer = torch.optim.AdamW(classifier.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * ((len(texts) + batch_size - 1) // batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 - step / steps)
    generator = torch.Generator().manual_seed(seed)
    block = base.model.config.block_size
    for _ in range(epochs):
        order = torch.randperm(len(texts), generator=generator)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size].tolist()
            ids, mask = encode_batch(base.tokenizer, [texts[i] for i in rows], block)
            loss = F.cross_entropy(classifier(ids, mask), labels[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
    classifier.eval()
    with torch.no_grad():
        predictions = []
        for start in range(0, len(dev_texts), 32):
            ids, mask = encode_batch(base.tokenizer, dev_texts[start : start + 32], block)
            predictions.append(classifier(ids, mask).argmax(-1))
    return float((torch.cat(predictions) == dev_labels).float().mean())


def topic_row(base, train, dev, lang: str, finetune: bool) -> dict:
    (train_texts, train_labels), (dev_texts, dev_labels) = (train[0][lang], train[1]), (dev[0][lang], dev[1])
    # one forward pass per split gives both: the last hidden states and the input embeddings (layer 0)
    (features_train, embeddings_train), (features_dev, embeddings_dev) = (
        mean_pooled_layers(base.model, base.tokenizer, t, (-1, 0)) for t in (train_texts, dev_texts))
    features, embeddings = [features_train, features_dev], [embeddings_train, embeddings_dev]
    bags = [bag_of_tokens(base.tokenizer, t) for t in (train_texts, dev_texts)]
    row = {
        "majority": majority_rate(train_labels, dev_labels),
        "probe": probe_accuracy(features[0], train_labels, features[1], dev_labels),
        "probe_l0": probe_accuracy(embeddings[0], train_labels, embeddings[1], dev_labels),
        "bag": probe_accuracy(bags[0], train_labels, bags[1], dev_labels),
    }
    if finetune:
        started = time.perf_counter()
        row["finetune"] = finetune_accuracy(base, train_texts, train_labels, dev_texts, dev_labels)
        row["finetune_seconds"] = time.perf_counter() - started
    return row


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_data = Path(os.environ.get("COURSE_SHARED_DATA") or DEFAULT_DATA_DIR)
    parser.add_argument("--data", type=Path, default=default_data, help="folder of the shared corpora")
    parser.add_argument("--models", nargs="*", default=["world", "real"], help="shipped models to measure")
    parser.add_argument("--extra", nargs="*", default=[], help="NAME=FOLDER: a built model folder to add")
    parser.add_argument("--skip-finetune", action="store_true", help="only majority, probe and bag columns")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    models = {name: load_shipped_base(name) for name in args.models}
    for spec in args.extra:
        name, _, folder = spec.partition("=")
        models[name] = load_shipped_base(name, folder=folder)

    held_out = mix_texts(preset("ship"), args.data).held_out  # the real-text recipe's held-out text
    print("\nHeld-out loss, bits per byte (lower is better)")
    print(f"{'model':>8} {'params':>9} " + " ".join(f"{part:>13}" for part in PARTS))
    results = {}
    for name, base in models.items():
        bpb = held_out_bits_per_byte(base.model, base.tokenizer, {part: held_out[part] for part in PARTS})
        results[name] = {"bits_per_byte": {part: bpb[part]["bits_per_byte"] for part in PARTS}}
        print(f"{name:>8} {base.model.n_params():>9,} " + " ".join(f"{bpb[p]['bits_per_byte']:>13.3f}" for p in PARTS))

    train, dev, labels = sib200(args.data)
    print(f"\nSIB-200 dev accuracy ({len(train[1])} train, {len(dev[1])} dev sentences, {len(labels)} topics)")
    header = f"{'model':>8} {'lang':>4} {'majority':>9} {'probe':>7} {'(train)':>8} {'probe L0':>9} {'bag':>7}"
    print(header + ("" if args.skip_finetune else f" {'finetune':>9} {'(s)':>6}"))
    for name, base in models.items():
        for lang in LANGS:
            row = topic_row(base, train, dev, lang, finetune=not args.skip_finetune)
            results[name][lang] = row
            line = (f"{name:>8} {lang:>4} {row['majority']:>9.3f} {row['probe']['dev_accuracy']:>7.3f} "
                    f"{row['probe']['train_accuracy']:>8.3f} {row['probe_l0']['dev_accuracy']:>9.3f} "
                    f"{row['bag']['dev_accuracy']:>7.3f}")
            if "finetune" in row:
                line += f" {row['finetune']:>9.3f} {row['finetune_seconds']:>6.0f}"
            print(line, flush=True)
    return results


if __name__ == "__main__":
    main()
