"""Checks for chapter 03: freezing the top k blocks, the slanted triangular schedule,
discriminative learning-rate groups, and the response-only label mask of instruction tuning.

Every expectation is written out here, independent of ``course_lib.finetune``: a small network
whose parameter names and sizes are known by hand, learning rates derived by hand from the
formulas of ULMFiT (Howard & Ruder 2018, arXiv 1801.06146, eq. 3 and §3.2), and label rows
spelled out token by token.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ..i18n import message
from .core import Case, run_check

IGNORE = -100


# ----------------------------------------------------------------- a network known by hand
class TinyNet(nn.Module):
    """Embeddings, ``n_blocks`` blocks, a final norm and a classification head, all tiny.

    Sizes (scalars): embed 11×4 = 44; each block LayerNorm(4) 8 + Linear(4, 4) 20 = 28;
    norm 8; head Linear(4, 3) 15.
    """

    EMBED, BLOCK, NORM, HEAD = 44, 28, 8, 15

    def __init__(self, n_blocks: int = 4, seed: int = 0):
        super().__init__()
        torch.manual_seed(seed)
        self.embed = nn.Embedding(11, 4)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(4), nn.Linear(4, 4)) for _ in range(n_blocks))
        self.norm = nn.LayerNorm(4)
        self.head = nn.Linear(4, 3)

    def forward(self, ids):
        x = self.embed(ids)
        for block in self.blocks:
            x = x + block(x)
        return self.head(self.norm(x).mean(1))


def _trainable_names(model: nn.Module) -> set[str]:
    return {name for name, p in model.named_parameters() if p.requires_grad}


def _block_of(name: str) -> int | None:
    parts = name.split(".")
    return int(parts[1]) if parts[0] == "blocks" else None


# ---------------------------------------------------------------------- (a) freeze the top k
def _freeze_judge(model: TinyNet, k: int):
    n = len(model.blocks)
    expected_blocks = list(range(n - k, n))
    expected_count = k * TinyNet.BLOCK + TinyNet.HEAD

    def judge(result) -> str | None:
        trainable = _trainable_names(model)
        if not {"head.weight", "head.bias"} <= trainable:
            return message("check_ft_head_frozen")
        got_blocks = sorted({_block_of(name) for name in trainable if _block_of(name) is not None})
        whole = all(
            {f"blocks.{i}.0.weight", f"blocks.{i}.0.bias", f"blocks.{i}.1.weight", f"blocks.{i}.1.bias"} <= trainable
            for i in expected_blocks
        )
        if got_blocks != expected_blocks or not whole:
            return message("check_ft_wrong_blocks", k=k, got=got_blocks, expected=expected_blocks)
        if "embed.weight" in trainable:
            return message("check_ft_embeddings_train")
        others = sorted(name for name in trainable if _block_of(name) is None and not name.startswith("head."))
        if others:
            return message("check_ft_other_trains", names=", ".join(others))
        if isinstance(result, bool) or not isinstance(result, int):
            return message("check_ft_not_int", kind=type(result).__name__)
        if result != expected_count:
            return message("check_ft_wrong_count", got=result, expected=expected_count)
        return None

    return judge


def _freeze_case(k: int, n_blocks: int, start_frozen: bool, en: str, tr: str) -> Case:
    model = TinyNet(n_blocks)
    if start_frozen:  # a model someone froze before: the top k must be switched back on
        model.requires_grad_(False)
    return Case({"en": en, "tr": tr}, args=(model, model.blocks, k, model.head), judge=_freeze_judge(model, k))


def check_freeze_top_k(student_fn) -> bool:
    """``freeze_top_k(model, blocks, k, head) -> n_trainable``: only the top k blocks and the head train."""
    cases = [
        _freeze_case(2, 4, False, "a fresh 4-block network, k = 2: blocks 2 and 3 and the head train",
                     "yeni, 4 bloklu bir ağ, k = 2: 2. ve 3. bloklar ile kafa eğitilir"),
        _freeze_case(1, 4, True, "a network that was frozen entirely before, k = 1: block 3 and the head "
                     "must be switched back on", "önceden tamamen dondurulmuş bir ağ, k = 1: 3. blok ve "
                     "kafa yeniden eğitilebilir yapılmalı"),
        _freeze_case(0, 3, False, "k = 0 (a linear probe): only the head trains",
                     "k = 0 (doğrusal yoklama): yalnızca kafa eğitilir"),
        _freeze_case(3, 3, False, "k = 3 of 3 blocks: every block and the head train, the embeddings and "
                     "the final norm stay frozen", "3 bloğun 3'ü: bütün bloklar ve kafa eğitilir, gömmeler "
                     "ve son normalleştirme donmuş kalır"),
    ]
    return run_check("check_freeze_top_k", student_fn, cases)


# -------------------------------------------------------------- (b) slanted triangular schedule
# Hand-derived from ULMFiT eq. 3 with 0-based steps: cut = floor(T · cut_frac);
# p = t / cut before the cut, 1 - (t - cut) / (cut · (1/cut_frac - 1)) after it;
# lr = max_lr · (1 + p · (ratio - 1)) / ratio.
#   T = 100, cut_frac 0.1, ratio 32, max_lr 1: cut = 10; the lowest lr is 1/32 = 0.03125;
#     t = 5: p = 0.5 -> (1 + 15.5) / 32 = 0.515625; t = 55: p = 1 - 45/90 = 0.5 -> 0.515625;
#     t = 28: p = 0.8 -> 25.8 / 32 = 0.80625.
#   T = 40, cut_frac 0.25, ratio 8, max_lr 0.01: cut = 10; lowest 0.00125;
#     t = 4: p = 0.4 -> 0.01 · 3.8 / 8 = 0.00475; t = 25: p = 1 - 15/30 = 0.5 -> 0.005625.
_SCHEDULES = [
    # (kwargs, {step: expected lr}), the first one with the paper's defaults left out
    ({"max_lr": 1.0, "total_steps": 100},
     {0: 0.03125, 5: 0.515625, 10: 1.0, 28: 0.80625, 55: 0.515625, 100: 0.03125}),
    ({"max_lr": 0.01, "total_steps": 40, "cut_frac": 0.25, "ratio": 8.0},
     {0: 0.00125, 4: 0.00475, 10: 0.01, 25: 0.005625, 40: 0.00125}),
]


def _schedule_judge(student_fn, kwargs: dict, points: dict[int, float]):
    total, max_lr = kwargs["total_steps"], kwargs["max_lr"]
    cut = math.floor(total * kwargs.get("cut_frac", 0.1))
    floor = max_lr / kwargs.get("ratio", 32.0)

    def judge(_first) -> str | None:
        curve = []
        for step in range(total + 1):
            value = student_fn(step, **kwargs)
            if isinstance(value, torch.Tensor) and value.numel() == 1:
                value = value.item()
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return message("check_ft_not_number", kind=type(value).__name__)
            curve.append(float(value))
        peak = max(range(len(curve)), key=lambda s: (curve[s], -s))
        if peak != cut:
            return message("check_ft_peak", got=peak, expected=cut)
        if not math.isclose(curve[peak], max_lr, rel_tol=1e-6):
            return message("check_ft_peak_value", got=curve[peak], expected=max_lr)
        for step in (0, total):
            if not math.isclose(curve[step], floor, rel_tol=1e-6):
                return message("check_ft_floor", step=step, got=curve[step], expected=floor)
        for step, expected in points.items():
            if not math.isclose(curve[step], expected, rel_tol=1e-6, abs_tol=1e-12):
                return message("check_ft_lr_at", step=step, got=curve[step], expected=expected)
        return None

    return judge


def check_slanted_triangular(student_fn) -> bool:
    """``slanted_triangular(step, *, max_lr, total_steps, cut_frac=0.1, ratio=32) -> lr`` (ULMFiT eq. 3)."""
    cases = [
        Case({"en": "max_lr = 1, total_steps = 100, the paper's cut_frac = 0.1 and ratio = 32 (the defaults)",
              "tr": "max_lr = 1, total_steps = 100, makaledeki cut_frac = 0,1 ve ratio = 32 (varsayılanlar)"},
             args=(0,), kwargs=_SCHEDULES[0][0], judge=_schedule_judge(student_fn, *_SCHEDULES[0])),
        Case({"en": "max_lr = 0.01, total_steps = 40, cut_frac = 0.25, ratio = 8",
              "tr": "max_lr = 0,01, total_steps = 40, cut_frac = 0,25, ratio = 8"},
             args=(0,), kwargs=_SCHEDULES[1][0], judge=_schedule_judge(student_fn, *_SCHEDULES[1])),
    ]
    return run_check("check_slanted_triangular", student_fn, cases)


# ------------------------------------------------------ (c) discriminative learning-rate groups
def _groups_judge(model: TinyNet, lr: float, factor: float):
    n = len(model.blocks)
    names = {id(p): name for name, p in model.named_parameters()}
    # Block i (0 = bottom) is n-1-i levels below the top; the embeddings are one level below block 0.
    expected = {"embed.weight": (lr / factor**n, n)}
    for name, _ in model.named_parameters():
        block = _block_of(name)
        if block is not None:
            expected[name] = (lr / factor ** (n - 1 - block), n - 1 - block)
    for name in ("head.weight", "head.bias"):
        expected[name] = (lr, 0)

    def judge(result) -> str | None:
        if not isinstance(result, (list, tuple)) or not all(isinstance(g, dict) and "params" in g and "lr" in g
                                                              for g in result):
            return message("check_ft_not_groups", kind=type(result).__name__)
        got: dict[str, float] = {}
        for group in result:
            params = group["params"]
            params = [params] if isinstance(params, torch.Tensor) else list(params)
            for param in params:
                name = names.get(id(param), "?")
                if name in got:
                    return message("check_ft_duplicate_param", name=name)
                got[name] = float(group["lr"])
            if "lr_scale" in group and not math.isclose(float(group["lr_scale"]), float(group["lr"]) / lr,
                                                        rel_tol=1e-6):
                return message("check_ft_lr_scale", got=float(group["lr_scale"]), expected=float(group["lr"]) / lr)
        for name in expected:
            if name not in got:
                return message("check_ft_missing_param", name=name)
        if not math.isclose(got["head.weight"], lr, rel_tol=1e-6):
            return message("check_ft_head_rate", got=got["head.weight"], expected=lr)
        top, bottom = got[f"blocks.{n - 1}.1.weight"], got["blocks.0.1.weight"]
        if n > 1 and top < bottom:
            return message("check_ft_rates_reversed", top=top, bottom=bottom)
        for name, (rate, depth) in expected.items():
            if not math.isclose(got[name], rate, rel_tol=1e-6):
                return message("check_ft_group_rate", name=name, got=got[name], expected=rate, depth=depth)
        return None

    return judge


def _groups_case(n_blocks: int, lr: float, factor: float | None, en: str, tr: str) -> Case:
    model = TinyNet(n_blocks)
    kwargs = {} if factor is None else {"factor": factor}
    return Case({"en": en, "tr": tr}, args=(model.embed, model.blocks, model.head, lr), kwargs=kwargs,
                judge=_groups_judge(model, lr, 2.6 if factor is None else factor))


def check_discriminative_groups(student_fn) -> bool:
    """``discriminative_groups(embeddings, blocks, head, lr, factor=2.6)``: ULMFiT's η_{l-1} = η_l / factor."""
    cases = [
        _groups_case(4, 1e-3, None, "4 blocks, lr = 1e-3, the paper's factor 2.6 (the default)",
                     "4 blok, lr = 1e-3, makaledeki 2,6 çarpanı (varsayılan)"),
        _groups_case(3, 0.5, 2.0, "3 blocks, lr = 0.5, factor = 2", "3 blok, lr = 0,5, factor = 2"),
        _groups_case(1, 0.1, 4.0, "1 block, lr = 0.1, factor = 4", "1 blok, lr = 0,1, factor = 4"),
    ]
    return run_check("check_discriminative_groups", student_fn, cases)


# -------------------------------------------------------------- (d) the response-only label mask
# Three rows padded to length 8 with id 0; row 2's response contains a real token 0 (a token id
# that happens to equal the padding id), which only position-based padding gets right.
_IDS = torch.tensor([
    [11, 12, 13, 21, 22, 23, 0, 0],   # prompt 3, length 6
    [14, 15, 24, 25, 26, 27, 28, 29],  # prompt 2, length 8 (no padding)
    [16, 17, 18, 19, 30, 0, 31, 0],   # prompt 4, length 7: the 0 at position 5 is a real token
])
_PROMPT = torch.tensor([3, 2, 4])
_LENGTHS = torch.tensor([6, 8, 7])
_LABELS = torch.tensor([
    [IGNORE, IGNORE, IGNORE, 21, 22, 23, IGNORE, IGNORE],
    [IGNORE, IGNORE, 24, 25, 26, 27, 28, 29],
    [IGNORE, IGNORE, IGNORE, IGNORE, 30, 0, 31, IGNORE],
])


def _labels_judge(ids: torch.Tensor, prompt: torch.Tensor, lengths: torch.Tensor, expected: torch.Tensor,
                  ignore: int, original: torch.Tensor):
    def judge(result) -> str | None:
        if not torch.equal(ids, original):
            return message("check_ft_input_changed")
        if not isinstance(result, torch.Tensor) or tuple(result.shape) != tuple(ids.shape):
            kind = f"shape {tuple(result.shape)}" if isinstance(result, torch.Tensor) else type(result).__name__
            return message("check_ft_labels_type", kind=kind, shape=tuple(ids.shape))
        masked, should_mask = result == ignore, expected == ignore
        prompt_zone = torch.arange(ids.shape[1])[None, :] < prompt[:, None]
        response_zone = ~prompt_zone & (torch.arange(ids.shape[1])[None, :] < lengths[:, None])
        if (~masked[prompt_zone]).all() and masked[response_zone].all():
            return message("check_ft_mask_reversed")
        for row in range(ids.shape[0]):
            first, length = int(prompt[row]), int(lengths[row])
            if first < length and masked[row, first]:
                return message("check_ft_first_response_masked", row=row, pos=first)
            for pos in range(first):
                if not masked[row, pos]:
                    return message("check_ft_prompt_kept", row=row, pos=pos)
            for pos in range(first, length):
                if masked[row, pos]:
                    return message("check_ft_real_token_masked", row=row, pos=pos, token=int(ids[row, pos]))
            for pos in range(length, ids.shape[1]):
                if not masked[row, pos]:
                    return message("check_ft_pad_kept", row=row, pos=pos)
        if not torch.equal(result.long(), expected) or should_mask.sum() != masked.sum():
            return message("check_expected_got", expected=expected.tolist(), got=result.tolist())
        return None

    return judge


def _labels_case(ids, prompt, lengths, expected, ignore: int | None, en: str, tr: str) -> Case:
    kwargs = {"lengths": lengths} if ignore is None else {"lengths": lengths, "ignore_index": ignore}
    chosen = IGNORE if ignore is None else ignore
    expected = torch.where(expected == IGNORE, torch.tensor(chosen), expected)
    return Case({"en": en, "tr": tr}, args=(ids, prompt), kwargs=kwargs,
                judge=_labels_judge(ids, prompt, lengths, expected, chosen, ids.clone()))


def check_response_mask(student_fn) -> bool:
    """``response_only_labels(input_ids, prompt_lengths, lengths=..., ignore_index=-100)``: labels for the
    response only, aligned with ``input_ids`` (as Hugging Face's ``labels``: the loss shifts them)."""
    one = torch.tensor([[5, 6, 7, 8, 9, 0, 0]])
    cases = [
        _labels_case(one, torch.tensor([2]), torch.tensor([5]),
                     torch.tensor([[IGNORE, IGNORE, 7, 8, 9, IGNORE, IGNORE]]), None,
                     "one row: prompt 5 6, response 7 8 9, then two padding tokens",
                     "tek satır: prompt 5 6, yanıt 7 8 9, ardından iki dolgu token'ı"),
        _labels_case(_IDS.clone(), _PROMPT, _LENGTHS, _LABELS, None,
                     "three rows of different prompt and response lengths; in the last row a real "
                     "response token has the same id as the padding",
                     "prompt ve yanıt uzunlukları farklı üç satır; son satırda gerçek bir yanıt "
                     "token'ının kimliği dolgununkiyle aynı"),
        _labels_case(_IDS.clone(), _PROMPT, _LENGTHS, _LABELS, -1,
                     "the same rows with ignore_index = -1", "aynı satırlar, ignore_index = -1 ile"),
    ]
    return run_check("check_response_mask", student_fn, cases)
