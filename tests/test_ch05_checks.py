"""Chapter 05's check passes correct solutions and fails the blank exercise and plausible mistakes,
each for the reason a learner should read."""

from types import SimpleNamespace

import pytest
import torch
from check_testing import blank

from course_lib.checks.ch05_prompt_tuning import check_prepend_prompt
from course_lib.checks.core import CheckFailed
from course_lib.methods.prompt_tuning import SoftPrompt


def _right(embeds, prompt, targets):
    b, p = embeds.shape[0], prompt.shape[0]
    front = prompt.expand(b, -1, -1)
    pad = torch.full((b, p), -100, dtype=targets.dtype)
    return torch.cat([front, embeds], dim=1), torch.cat([pad, targets], dim=1)


def _library(embeds, prompt, targets):
    """The course's SoftPrompt.prepend for the embeddings (its hook pads the targets the same way)."""
    holder = SimpleNamespace(weight=prompt)  # the check's tensor itself, so the gradient reaches it
    pad = torch.full((embeds.shape[0], prompt.shape[0]), -100, dtype=targets.dtype)
    return SoftPrompt.prepend(holder, embeds), torch.cat([pad, targets], dim=1)


def test_check_passes_correct_solutions():
    assert check_prepend_prompt(_right)
    assert check_prepend_prompt(_library)
    assert check_prepend_prompt(lambda e, p, t: (torch.cat([p.unsqueeze(0).repeat(e.shape[0], 1, 1), e], 1),
                                                 torch.nn.functional.pad(t, (p.shape[0], 0), value=-100)))


def _appended(embeds, prompt, targets):
    out, new = _right(embeds, prompt, targets)
    return torch.cat([embeds, prompt.expand(embeds.shape[0], -1, -1)], dim=1), new


def _in_place(embeds, prompt, targets):
    targets[:, 0] = -100
    return _right(embeds, prompt, targets)


@pytest.mark.parametrize(
    "wrong, reason",
    [
        (blank, "Not implemented"),
        (_appended, "does not start with the prompt"),
        (lambda e, p, t: (_right(e, p, t)[0], torch.cat([torch.zeros(t.shape[0], p.shape[0], dtype=t.dtype), t], 1)),
         r"must be -100 .* got \[0, 0\]"),
        (lambda e, p, t: (_right(e, p, t)[0], t), r"targets has shape \(3, 5\); expected \(3, 7\)"),
        (lambda e, p, t: (_right(e, p.detach(), t)[0], _right(e, p, t)[1]), "no gradient reaches the prompt"),
        (lambda e, p, t: (_right(e, p, t)[0], torch.cat([t, torch.full((t.shape[0], p.shape[0]), -100)], 1)),
         "must be -100"),
        (lambda e, p, t: _right(e, p, t)[0], "return a pair"),
        (_in_place, "changed the targets it was given"),
    ],
    ids=["blank", "appended", "zero_mask", "targets_not_padded", "detached", "mask_at_end", "no_pair", "in_place"],
)
def test_check_fails_mistakes(wrong, reason):
    with pytest.raises(CheckFailed, match=reason):
        check_prepend_prompt(wrong)
