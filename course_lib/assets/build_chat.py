"""Build the shipped chat model: the base model instruction-tuned on the built-in world, reproducibly.

    python -m course_lib.assets.build_chat                               # the shipped model (models/chat)
    python -m course_lib.assets.build_chat --base path/to/base_folder    # from another shipped-format base
    python -m course_lib.assets.build_chat --preset smoke --out /tmp/chat   # seconds, for a check

Four steps, each a function below:
  1. data      the world's instruction pairs in both languages, split into training pairs,
               held-out pairs of the trained kinds, and every pair of the held-out kinds
  2. tune      every parameter but the embeddings, response-only loss, through ``course_lib.train.train``;
               then the weights are rounded to fp16, as stored, so what is scored is what ships
  3. measure   exact match of the tuned model's greedy answers, per language and kind (the base
               model is not scored here: it never ends an answer, and the build has a time budget)
  4. write     the tuned weights (safetensors, fp16, without the frozen embeddings: the loader takes
               them from the base model), the base model's tokenizer unchanged, its licence notice,
               and ``chat_config.json`` with the recipe, the base model it came from (folder and
               SHA-256), the scores, the build time and the files' SHA-256

What to expect at this scale (measured; see chat_config.json): the tuned model answers in the
form each trained kind asks for ("Positive." / a fact sentence naming a person and a town) and
stops, but it does not yet read the text: sentiment is near chance and the person it names is
mostly the same one. Kinds it never trained on (topic, translation) score 0. That matches the
instruction-tuning literature: FLAN (Wei et al. 2021, arXiv 2109.01652, its scaling experiment) found
that instruction tuning helped unseen tasks only for its largest models and hurt them for models
of 8B parameters and fewer; the chat model has 5.3 M.

Everything random is seeded from the recipe (the world, the batch order) and the run is on the
CPU in fp32 on one thread, so the same command on the same machine and torch version writes
bit-identical weights.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

import torch

from ..data.world import World
from ..finetune.instruct import (
    InstructionBatches,
    collate,
    encode_pairs,
    end_id,
    evaluate_instructions,
    fitting,
    instruction_pairs,
    respond,
    response_loss,
)
from ..train import TrainConfig, loss_evaluator, train
from .chat_loading import CHAT_DIR, load_chat_model
from .chat_recipe import PRESETS, ChatRecipe, chat_preset
from .files import (
    ASSETS_DIR,
    BASE_FILES,
    CHAT_FILES,
    build_environment,
    file_sha256,
    read_config,
    write_json,
    write_safetensors,
)
from .loading import load_shipped_base

BASE_DIR = ASSETS_DIR / "models" / "real"  # the real-text base model
ATTRIBUTION_FILE = "ATTRIBUTION.md"

LANGS = ("en", "tr")


# --- 1. data --------------------------------------------------------------------------------
def instruction_splits(recipe: ChatRecipe, tokenizer=None, max_length: int | None = None) -> dict[str, list]:
    """``{"train", "eval_seen", "eval_held_out"}``: lists of InstructionPair, disjoint.

    Per kind and language the world deals distinct pairs; the first ``n_train`` of a trained
    kind train, the next ``n_eval`` are held out; a held-out kind gives ``n_eval`` pairs and
    none to train on. With a ``tokenizer`` and ``max_length``, pairs longer than that are left out.
    """
    world = World(seed=recipe.world_seed)
    splits: dict[str, list] = {"train": [], "eval_seen": [], "eval_held_out": []}
    for lang in LANGS:
        pairs = instruction_pairs(world, recipe.n_train + recipe.n_eval, lang, recipe.kinds)
        for kind in recipe.kinds:
            of_kind = [pair for pair in pairs if pair.kind == kind]
            if kind in recipe.held_out_kinds:
                splits["eval_held_out"] += of_kind[: recipe.n_eval]
            else:
                splits["train"] += of_kind[: recipe.n_train]
                splits["eval_seen"] += of_kind[recipe.n_train : recipe.n_train + recipe.n_eval]
    if tokenizer is not None:
        splits = {name: fitting(tokenizer, pairs, max_length) for name, pairs in splits.items()}
    return splits


# --- 2. tune --------------------------------------------------------------------------------
def tune(recipe: ChatRecipe, model, tokenizer, splits: dict, progress: bool):
    """Fine-tune on the training pairs (CPU, fp32, so reruns match bit for bit), embeddings frozen."""
    for name, param in model.named_parameters():
        param.requires_grad_(name.split(".")[0] not in recipe.frozen)
    max_length = model.config.block_size + 1
    pad = end_id(tokenizer)  # padding is never read nor scored: any id will do
    generator = torch.Generator().manual_seed(recipe.train_seed)
    batches = InstructionBatches(encode_pairs(tokenizer, splits["train"], max_length), recipe.batch_size, pad,
                                 generator=generator)
    held_out = encode_pairs(tokenizer, splits["eval_seen"], max_length)
    val_batches = [collate(held_out[i : i + 32], pad) for i in range(0, len(held_out), 32)]
    config = TrainConfig(
        max_steps=recipe.steps, lr=recipe.lr, min_lr=recipe.min_lr, warmup_steps=recipe.warmup_steps,
        weight_decay=recipe.weight_decay, grad_clip=recipe.grad_clip, eval_every=recipe.eval_every,
        progress=progress, live_plot_every=None, device="cpu",
    )
    evaluator = loss_evaluator(val_batches, loss_fn=response_loss, name="val_response_loss")
    return train(model, batches, config, loss_fn=response_loss, eval_fn=evaluator, generator=generator)


# --- 3. measure -----------------------------------------------------------------------------
def scores(model, tokenizer, splits: dict, progress: bool) -> dict:
    """Exact match on the held-out pairs of the trained kinds and on the held-out kinds."""
    measured = {}
    for name in ("eval_seen", "eval_held_out"):
        if splits[name]:
            result = evaluate_instructions(model, tokenizer, splits[name], progress=progress)
            measured[name] = {"exact_match": result.exact_match, "by_kind": result.by_kind}
    return measured


def round_to_stored(model, recipe: ChatRecipe) -> dict:
    """The tuned tensors rounded to fp16, as stored; the model's own weights are rounded too."""
    tuned = {}
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if name.split(".")[0] not in recipe.frozen:
                tuned[name] = tensor.detach().to(torch.float16).contiguous()
                tensor.copy_(tuned[name])
    return tuned


# --- 4. write -------------------------------------------------------------------------------
def write_attribution(base_dir: Path, out: Path) -> None:
    """The chat model is derived from the base model: the base model's licence notice, with a line on top."""
    source = base_dir / ATTRIBUTION_FILE
    if not source.is_file():  # a base model trained on the built-in world alone needs none
        return
    header = (
        f"This chat model is the base model in `{base_dir.name}` fine-tuned on the course's own world instructions "
        f"(MIT); it is shared under the base model's licence. /\nBu sohbet modeli, `{base_dir.name}` klasöründeki "
        "temel modelin kursun kendi dünyasındaki talimatlarla (MIT) ince ayarlanmış hâlidir; temel modelin "
        "lisansıyla paylaşılır.\n\n"
    )
    temporary = out / (ATTRIBUTION_FILE + ".tmp")
    temporary.write_text(header + source.read_text(encoding="utf-8"), encoding="utf-8")
    os.replace(temporary, out / ATTRIBUTION_FILE)


def copy_file(source: Path, target: Path) -> None:
    """Copy atomically: a temporary name, then a rename."""
    temporary = target.with_name(target.name + ".tmp")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def build(recipe: ChatRecipe, base_dir: Path = BASE_DIR, out: Path = CHAT_DIR, progress: bool = True,
          log=print) -> dict:
    """Run the four steps on the base model in ``base_dir``; write the files into ``out``."""
    out, base_dir = Path(out), Path(base_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    base = load_shipped_base(folder=base_dir)
    base_config = read_config(base_dir, BASE_FILES)
    model, tokenizer = base.model, base.tokenizer
    all_pairs = instruction_splits(recipe)
    splits = instruction_splits(recipe, tokenizer, model.config.block_size + 1)
    too_long = {name: len(all_pairs[name]) - len(splits[name]) for name in splits}
    log(f"pairs: {len(splits['train'])} to train, {len(splits['eval_seen'])} held out of the trained kinds, "
        f"{len(splits['eval_held_out'])} of the held-out kinds {list(recipe.held_out_kinds)}; "
        f"left out as longer than the context: {too_long}")

    train_started = time.perf_counter()
    result = tune(recipe, model, tokenizer, splits, progress)
    train_seconds = time.perf_counter() - train_started
    model.eval()
    tuned = round_to_stored(model, recipe)
    after = scores(model, tokenizer, splits, progress)
    last = result.history.train[-10:]
    results = {
        "steps": result.steps,
        "train_pairs": len(splits["train"]),
        "left_out_too_long": too_long,
        "train_loss": sum(r["loss"] for r in last) / len(last),  # mean of the last 10 steps
        "history_eval": result.history.eval,
        "exact_match": after,
        "n_params": model.n_params(),
        "n_trained": sum(tensor.numel() for tensor in tuned.values()),
        "train_seconds": round(train_seconds, 1),
    }

    write_safetensors(tuned, out / CHAT_FILES.weights)
    copy_file(base_dir / BASE_FILES.tokenizer, out / CHAT_FILES.tokenizer)
    write_attribution(base_dir, out)
    results["build_seconds"] = round(time.perf_counter() - started, 1)
    config = {
        "format": CHAT_FILES.format,
        "version": 1,
        "model": model.config.to_dict(),
        "tokenizer": base_config["tokenizer"],
        "base_model": {
            "folder": os.path.relpath(base_dir.resolve(), out.resolve()),  # the loader reads the embeddings there
            "weights_sha256": base_config["sha256"][BASE_FILES.weights],
            "n_params": base_config.get("results", {}).get("n_params"),
            "licence": base_config.get("licence"),
        },
        "recipe": recipe.to_dict(),
        "results": results,
        "built_with": build_environment(),
        "rebuild": "python -m course_lib.assets.build_chat --preset <preset> --base <base folder> (see 'recipe')",
        "sha256": {name: file_sha256(out / name) for name in (CHAT_FILES.weights, CHAT_FILES.tokenizer)},
    }
    write_json(out / CHAT_FILES.config, config)
    return config


SAMPLE_INSTRUCTIONS = {
    "en": "Is this review positive or negative?\nI bought a cake at the bakery. It was delicious.",
    "tr": "Bu yorum olumlu mu, olumsuz mu?\nFırından bir pasta aldım. Çok lezzetliydi.",
}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="ship")
    parser.add_argument("--base", type=Path, default=BASE_DIR, help="folder of the base model to tune")
    parser.add_argument("--out", type=Path, default=CHAT_DIR, help="folder for the chat model's files")
    parser.add_argument("--steps", type=int, default=None, help="override the preset's number of steps")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1: reproducible anywhere)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    overrides = {"steps": args.steps} if args.steps is not None else {}
    config = build(chat_preset(args.preset, **overrides), args.base, args.out, progress=not args.no_progress)
    results = config["results"]
    print(f"wrote {args.out}: {results['steps']} steps in {results['train_seconds']} s "
          f"(build {results['build_seconds']} s); train loss {results['train_loss']:.3f}")
    for name, measured in results["exact_match"].items():
        print(f"  {name}: exact match {measured['exact_match']}")
    chat = load_chat_model(folder=args.out)  # read back what was written, checksums included
    for lang, instruction in SAMPLE_INSTRUCTIONS.items():
        print(f"  [{lang}] {instruction!r} -> {respond(chat.model, chat.tokenizer, [instruction], lang)[0]!r}")
    return config


if __name__ == "__main__":
    main()
