"""Benchmark: our pure-Python byte-level BPE against HF `tokenizers` (Rust), side by side.

    python bench/tokenizer.py [--data DIR] [--vocab 4096]

Table 1 trains both on the same 1 MB (500 kB of Turkish Wikipedia + 500 kB of Tiny
Shakespeare) at the same vocabulary size and encodes the same 1 MB, in this process, one
after the other. The ratio column is ours / HF (times slower). HF trains with all CPU cores
(Rayon); ours uses one. Table 2 is fertility (tokens per whitespace word) of Turkish and
English at several vocabulary sizes, measured on held-out text (the last 10 % of each file).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from course_lib.data.files import load_text  # noqa: E402
from course_lib.tokenizer import BPETokenizer, CharTokenizer, fertility, to_hf_tokenizers  # noqa: E402

SPECIALS = ["<|endoftext|>"]


def default_data_dir() -> Path:
    return Path(os.environ.get("COURSE_SHARED_DATA") or REPO.parent / "shared" / "data")


def first_bytes(text: str, n_bytes: int) -> str:
    """The longest prefix of ``text`` that is at most ``n_bytes`` in UTF-8 (never cuts a character)."""
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def timed(fn, repeat: int = 1):
    """(result of the last call, best wall time in seconds over ``repeat`` calls)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def hf_train(text: str, vocab_size: int):
    """HF's own byte-level BPE trainer, configured like ours (GPT-2 scheme, all 256 bytes, no min count)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIALS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        min_frequency=0,
        show_progress=False,
    )
    tokenizer.train_from_iterator(text.splitlines(keepends=True), trainer=trainer)
    return tokenizer


def speed_table(text: str, vocab_size: int, repeat: int) -> None:
    n_bytes = len(text.encode("utf-8"))
    ours, ours_train = timed(lambda: BPETokenizer.train(text, vocab_size, special_tokens=SPECIALS), repeat)
    hf, hf_train_time = timed(lambda: hf_train(text, vocab_size), repeat)

    # Cold cache: a fresh tokenizer rebuilt from the merges, so no word is cached yet.
    fresh = lambda: BPETokenizer(ours.merges, special_tokens=SPECIALS)
    ours_ids, ours_cold = timed(lambda: fresh().encode(text), repeat)
    _, ours_warm = timed(lambda: ours.encode(text), repeat)
    hf_ids, hf_encode = timed(lambda: hf.encode(text).ids, repeat)
    lines = text.splitlines(keepends=True)
    _, hf_batch = timed(lambda: hf.encode_batch(lines), repeat)

    exported = to_hf_tokenizers(ours)
    same_ids = exported.encode(text).ids == ours_ids

    print(f"\n## Byte-level BPE, vocab {vocab_size}, text {n_bytes / 1e6:.2f} MB (TR + EN), best of {repeat}")
    print(f"{'measure':34} {'ours (Python)':>14} {'HF tokenizers':>14} {'ours / HF':>10}")
    rows = [
        ("train time (s)", ours_train, hf_train_time),
        ("encode time, 1 string, cold (s)", ours_cold, hf_encode),
        ("encode time, warm word cache (s)", ours_warm, hf_encode),
        ("HF encode_batch of lines (s)", None, hf_batch),
    ]
    for name, ours_time, hf_time in rows:
        ours_cell = f"{ours_time:14.3f}" if ours_time is not None else f"{'-':>14}"
        ratio = f"{ours_time / hf_time:10.2f}" if ours_time is not None else f"{'-':>10}"
        print(f"{name:34} {ours_cell} {hf_time:14.3f} {ratio}")
    print(
        f"{'encode MB/s (cold)':34} {n_bytes / 1e6 / ours_cold:14.2f} {n_bytes / 1e6 / hf_encode:14.2f} "
        f"{hf_encode / ours_cold:10.2f}"
    )
    print(
        f"{'encode tokens/s (cold)':34} {len(ours_ids) / ours_cold:14,.0f} {len(hf_ids) / hf_encode:14,.0f} "
        f"{hf_encode / ours_cold:10.2f}"
    )
    print(f"{'tokens for the text':34} {len(ours_ids):14,} {len(hf_ids):14,}")
    print("ratio = ours / HF of the row's measure: for times > 1 means ours is slower, for rates < 1 does.")
    print(f"ours exported to HF gives our ids exactly: {same_ids}")


def fertility_table(tr: str, en: str, sizes: list[int], label: str) -> None:
    """Tokens per word on held-out text: tokenizers trained on one language, and on both."""
    split = lambda text: (text[: int(0.9 * len(text))], text[int(0.9 * len(text)) :])
    (tr_train, tr_test), (en_train, en_test) = split(tr), split(en)
    print(f"\n## Fertility (tokens per whitespace word, held-out 10 %) — {label}")
    print(
        f"{'vocab':>7} {'TR own':>8} {'EN own':>8} {'TR/EN':>6} {'TR shared':>10} {'EN shared':>10} {'TR/EN':>6}"
    )
    for size in sizes:
        tr_own = fertility(BPETokenizer.train(tr_train, size), tr_test)
        en_own = fertility(BPETokenizer.train(en_train, size), en_test)
        shared = BPETokenizer.train(tr_train + en_train, size)
        tr_shared, en_shared = fertility(shared, tr_test), fertility(shared, en_test)
        print(
            f"{size:>7} {tr_own:8.2f} {en_own:8.2f} {tr_own / en_own:6.2f} "
            f"{tr_shared:10.2f} {en_shared:10.2f} {tr_shared / en_shared:6.2f}"
        )
    tr_char = fertility(CharTokenizer.train(tr), tr_test)
    en_char = fertility(CharTokenizer.train(en), en_test)
    print(
        f"{'chars':>7} {tr_char:8.2f} {en_char:8.2f} {tr_char / en_char:6.2f}   (character-level, for scale)"
    )


def world_texts(n_chars: int) -> tuple[str, str] | None:
    """Turkish and English text of the built-in world (seed 0), or None where this checkout has no world yet."""
    try:
        from course_lib.data.world import World
    except ImportError:
        return None
    world = World(seed=0)
    return world.corpus(n_chars=n_chars, lang="tr").text, world.corpus(n_chars=n_chars, lang="en").text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=default_data_dir(), help="folder with the shared corpora"
    )
    parser.add_argument("--vocab", type=int, default=4096)
    parser.add_argument("--repeat", type=int, default=3, help="timings are the best of this many runs")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1024, 4096, 16384])
    parser.add_argument(
        "--world-chars", type=int, default=500_000, help="characters of world text per language"
    )
    args = parser.parse_args()

    tr = load_text(args.data / "trwiki_sample.txt")
    en = load_text(args.data / "tinyshakespeare.txt")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU cores")
    speed_table(first_bytes(tr, 500_000) + first_bytes(en, 500_000), args.vocab, args.repeat)
    fertility_table(tr, en, args.sizes, "trwiki_sample.txt (TR) vs tinyshakespeare.txt (EN)")
    world = world_texts(args.world_chars)
    if world is None:
        print("\n(course_lib.data.world is not in this checkout: no rows for the built-in world)")
    else:
        fertility_table(
            *world, args.sizes, f"the built-in world, seed 0, {args.world_chars:,} characters per language"
        )


if __name__ == "__main__":
    main()
