"""Checks for chapter 00: turning counts into probabilities, sampling the next token, and the loss."""

from __future__ import annotations

import math

import torch

from ..i18n import message
from .core import Case, run_check


def _rows_as_distributions(counts: torch.Tensor) -> torch.Tensor:
    """The expected table, row by row in float64: counts over their total, or 1/V for an empty row."""
    rows = []
    for row in counts.double():
        total = row.sum()
        rows.append(row / total if total > 0 else torch.full_like(row, 1.0 / len(row)))
    return torch.stack(rows)


def check_normalize_counts(student_fn) -> bool:
    """Each row must become a distribution proportional to its counts; a zero row, uniform."""
    counts = torch.tensor([[2, 1, 1], [0, 0, 5], [3, 3, 0]])
    with_zero_row = torch.tensor([[1, 3], [0, 0]])
    random_counts = torch.randint(0, 9, (6, 6), generator=torch.Generator().manual_seed(0))
    cases = [
        Case(
            {"en": "a 3×3 count table", "tr": "3×3'lük bir sayım tablosu"},
            args=(counts,),
            expected=_rows_as_distributions(counts),
        ),
        Case(
            {"en": "a row that was never seen (all zeros) becomes uniform",
             "tr": "hiç görülmemiş bir satır (hepsi sıfır) düzgün dağılıma dönüşür"},
            args=(with_zero_row,),
            expected=_rows_as_distributions(with_zero_row),
        ),
        Case(
            {"en": "a random 6×6 table", "tr": "rastgele 6×6'lık bir tablo"},
            args=(random_counts,),
            expected=_rows_as_distributions(random_counts),
        ),
    ]
    return run_check("check_normalize_counts", student_fn, cases)


# Why 10,000 draws and a limit of 0.025 on the total variation (TV): for a correct sampler, each
# frequency is off by about sqrt(p(1 - p) / n), so on [0.5, 0.3, 0.15, 0.05] the expected TV is about
# 0.006 at n = 10,000 (below 0.018 in 99.9 % of seeds: tests/test_ch00_checks.py measures it).
# A sampler that draws from p**1.2 renormalised is off by TV 0.043 and one that draws from
# p**0.8 by 0.046, so both fail by a wide margin; the fixed seed makes the verdict repeatable.
DRAWS = 10_000
TV_LIMIT = 0.025


def _frequencies_match(student_fn, probs: torch.Tensor, draws: int = DRAWS):
    """Judge that the empirical frequencies of many draws are close to ``probs``."""

    def judge(first_draw) -> str | None:
        generator = torch.Generator().manual_seed(1)
        seen = torch.zeros(len(probs))
        for _ in range(draws):
            token = student_fn(probs, generator)
            if not isinstance(token, int) or not 0 <= token < len(probs):
                return message("check_bad_token", token=repr(token), size=len(probs))
            seen[token] += 1
        distance = 0.5 * (seen / draws - probs).abs().sum().item()  # total variation
        if distance > TV_LIMIT:
            return message(
                "check_frequencies_far",
                draws=draws,
                limit=TV_LIMIT,
                seen=[round(x, 3) for x in (seen / draws).tolist()],
                probs=[round(p, 3) for p in probs.tolist()],
                distance=distance,
            )
        return None

    return judge


def _same_seed_same_draws(student_fn, probs: torch.Tensor):
    def judge(_result) -> str | None:
        gen_a, gen_b = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
        run_a = [student_fn(probs, gen_a) for _ in range(50)]
        run_b = [student_fn(probs, gen_b) for _ in range(50)]
        if run_a != run_b:
            return message("check_generator_unused")
        if len(set(run_a)) == 1:
            return message("check_not_random", draws=len(run_a))
        return None

    return judge


def check_sample_next(student_fn) -> bool:
    """The sampler must return ints in range, follow the probabilities, and use the generator."""
    one_hot = torch.tensor([0.0, 0.0, 1.0, 0.0])
    skewed = torch.tensor([0.5, 0.3, 0.15, 0.05])
    with_zeros = torch.tensor([0.0, 0.6, 0.0, 0.4, 0.0])
    cases = [
        Case(
            {"en": "a table with all its mass on token 2 always gives 2",
             "tr": "bütün olasılığı 2 numaralı token'da olan bir tablo hep 2 verir"},
            args=(one_hot, torch.Generator().manual_seed(0)),
            expected=2,
        ),
        Case(
            {"en": f"frequencies follow [0.5, 0.3, 0.15, 0.05] over {DRAWS} draws",
             "tr": f"{DRAWS} çekilişte sıklıklar [0.5, 0.3, 0.15, 0.05] dağılımını izler"},
            args=(skewed, torch.Generator().manual_seed(0)),
            judge=_frequencies_match(student_fn, skewed),
        ),
        Case(
            {"en": "tokens with probability 0 are never drawn",
             "tr": "olasılığı 0 olan token'lar hiç çekilmez"},
            args=(with_zeros, torch.Generator().manual_seed(0)),
            judge=_frequencies_match(student_fn, with_zeros),
        ),
        Case(
            {"en": "the same seed gives the same tokens (the generator is used)",
             "tr": "aynı tohum aynı token'ları verir (generator kullanılıyor)"},
            args=(skewed, torch.Generator().manual_seed(0)),
            judge=_same_seed_same_draws(student_fn, skewed),
        ),
    ]
    return run_check("check_sample_next", student_fn, cases)


def _mean_nll(probs: list[list[float]], ids: list[int]) -> float:
    """The loss from its definition, written out: -1/(n-1) · Σ log P(x_t | x_{t-1})."""
    terms = [-math.log(probs[previous][current]) for previous, current in zip(ids, ids[1:])]
    return sum(terms) / len(terms)


def check_average_nll(student_fn) -> bool:
    """``average_nll(probs, ids)``: the mean negative log-likelihood of ``ids`` under a bigram table."""
    asymmetric = [[0.5, 0.5], [0.25, 0.75]]  # P(1 | 0) ≠ P(0 | 1): a swapped index changes the answer
    generator = torch.Generator().manual_seed(2)
    random_table = torch.rand(5, 5, generator=generator, dtype=torch.float64) + 0.05
    random_table = (random_table / random_table.sum(-1, keepdim=True)).tolist()
    random_ids = torch.randint(5, (30,), generator=generator).tolist()
    examples = [
        ({"en": "a 2×2 table and ids [0, 1, 1, 0]: three pairs", "tr": "2×2'lik bir tablo ve [0, 1, 1, 0]: üç çift"},
         asymmetric, [0, 1, 1, 0]),
        ({"en": "two ids make one pair: [1, 0]", "tr": "iki kimlik tek bir çift oluşturur: [1, 0]"}, asymmetric, [1, 0]),
        ({"en": "a random 5×5 table and 30 ids", "tr": "rastgele 5×5'lik bir tablo ve 30 kimlik"},
         random_table, random_ids),
        ({"en": "a sure prediction (probability 1) costs nothing: the loss is 0",
          "tr": "kesin bir tahmin (olasılık 1) hiçbir şeye mal olmaz: kayıp 0"},
         [[0.0, 1.0], [1.0, 0.0]], [0, 1, 0, 1]),
    ]
    cases = [
        Case(description, args=(torch.tensor(table, dtype=torch.float64), list(ids)),
             expected=_mean_nll(table, ids), atol=1e-6, rtol=1e-6)
        for description, table, ids in examples
    ]
    return run_check("check_average_nll", student_fn, cases)
