"""Sampling from a GPT, shown: how temperature, top-k and top-p reshape the next-token
distribution, and a playground of sliders that writes text with :func:`course_lib.model.generate`.

    plot_sampling_filters(logits, labels)              one distribution, five ways of reshaping it
    continue_text(model, tok, "Ayşe", 40, 0.8, 20)      one continuation as text
    sampling_playground(model, tok, "Ayşe")             sliders + a button (ipywidgets)

The playground never blocks: it draws once when it is made and again only when a control is
used, so "Run all" and the tests go straight through it.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import torch

from ..i18n import CourseValueError, get_language
from ..model.generate import apply_temperature, generate, top_k_filter, top_p_filter
from . import messages  # noqa: F401  (registers this package's texts)

_WORDS = {
    "en": {"prob": "probability", "temperature": "temperature", "top_k": "top-k", "top_p": "top-p",
           "prompt": "prompt", "tokens": "new tokens", "seed": "seed", "write": "Write",
           "off": "off (0)", "greedy": "greedy"},
    "tr": {"prob": "olasılık", "temperature": "sıcaklık", "top_k": "top-k", "top_p": "top-p",
           "prompt": "prompt", "tokens": "yeni token", "seed": "tohum", "write": "Yaz",
           "off": "kapalı (0)", "greedy": "açgözlü"},
}


def filtered_distributions(logits: torch.Tensor, temperatures=(0.5, 1.0, 2.0), top_k: int = 5,
                           top_p: float = 0.8) -> dict[str, torch.Tensor]:
    """Next-token probabilities of one row of ``logits`` (V,) under each setting, by name.

    Names: "T=0.5", "T=1", "T=2" (temperature only), "top-k=5" and "top-p=0.8" (at T = 1).
    """
    logits = logits.detach().float().cpu()
    shown = {f"T={t:g}": apply_temperature(logits, t).softmax(-1) for t in temperatures}
    shown[f"top-k={top_k}"] = top_k_filter(logits, top_k).softmax(-1)
    shown[f"top-p={top_p:g}"] = top_p_filter(logits, top_p).softmax(-1)
    return shown


def plot_sampling_filters(logits: torch.Tensor, labels: list[str], top: int = 12, **settings):
    """Bars of the ``top`` most likely next tokens under each setting of :func:`filtered_distributions`."""
    words = _WORDS[get_language()]
    distributions = filtered_distributions(logits, **settings)
    order = logits.detach().float().cpu().argsort(descending=True)[:top]
    fig, axes = plt.subplots(1, len(distributions), figsize=(3.0 * len(distributions), 3), sharey=True)
    for ax, (name, probs) in zip(axes, distributions.items()):
        ax.bar(range(len(order)), probs[order].numpy(), color="tab:blue")
        ax.set_xticks(range(len(order)), [labels[i] for i in order.tolist()], rotation=90, fontsize=7)
        ax.set_title(name)
    axes[0].set_ylabel(words["prob"])
    fig.tight_layout()
    return fig


def prompt_ids(tokenizer, prompt: str) -> list[int]:
    """The ids of ``prompt``; an empty prompt starts from the tokenizer's first special token."""
    ids = tokenizer.encode(prompt)
    if ids:
        return ids
    specials = getattr(tokenizer, "special_tokens", {}) or {}
    if specials:
        return [next(iter(specials.values()))]
    raise CourseValueError("viz_empty_prompt", prompt=prompt)


def continue_text(model, tokenizer, prompt: str, max_new_tokens: int, temperature: float = 1.0,
                  top_k: int | None = None, top_p: float | None = None, seed: int = 0) -> str:
    """The prompt and ``max_new_tokens`` tokens that the model writes after it, as text.

    The same seed gives the same text (a generator of its own, on the model's device).
    """
    device = next(model.parameters()).device
    ids = torch.tensor(prompt_ids(tokenizer, prompt), device=device)
    generator = torch.Generator(device=device).manual_seed(seed)
    out = generate(model, ids, max_new_tokens, temperature=temperature, top_k=top_k, top_p=top_p,
                   generator=generator)
    return tokenizer.decode(out.tolist())


def sampling_playground(model, tokenizer, prompt: str = "", max_new_tokens: int = 60, seed: int = 0):
    """Sliders for temperature, top-k and top-p, a prompt box and a "Write" button.

    Returns an ipywidgets box whose text area shows a first continuation already; without
    ipywidgets, returns that continuation as a string. top-k = 0 and top-p = 1 switch the filter
    off; temperature 0 is greedy decoding. Letting go of a slider (or changing the seed) writes
    again at once, so the learner sees what each setting does; the button writes after the prompt.
    """
    first = continue_text(model, tokenizer, prompt, max_new_tokens, seed=seed)
    try:
        import ipywidgets as widgets
    except ImportError:
        return first
    words = _WORDS[get_language()]
    vocab_size = model.config.vocab_size
    temperature = widgets.FloatSlider(value=1.0, min=0.0, max=2.0, step=0.05, description=words["temperature"])
    top_k = widgets.IntSlider(value=0, min=0, max=vocab_size, description=words["top_k"])
    top_p = widgets.FloatSlider(value=1.0, min=0.05, max=1.0, step=0.05, description=words["top_p"])
    length = widgets.IntSlider(value=max_new_tokens, min=1, max=max(4 * max_new_tokens, 200),
                               description=words["tokens"])
    seed_box = widgets.IntText(value=seed, description=words["seed"])
    prompt_box = widgets.Text(value=prompt, description=words["prompt"])
    button = widgets.Button(description=words["write"], button_style="primary")
    output = widgets.Textarea(value=first, layout=widgets.Layout(width="100%", height="12em"))

    def write(_button=None):
        output.value = continue_text(
            model, tokenizer, prompt_box.value, length.value, temperature=temperature.value,
            top_k=top_k.value or None, top_p=top_p.value if top_p.value < 1 else None, seed=seed_box.value,
        )

    button.on_click(write)
    for control in (temperature, top_k, top_p, length, seed_box):
        # Only when the slider is let go (not at every step of a drag): each write runs the model.
        control.continuous_update = False
        control.observe(lambda _change: write(), names="value")
    controls = widgets.VBox([prompt_box, temperature, top_k, top_p, length, seed_box, button])
    box = widgets.HBox([controls, output])
    box.write = write  # so a notebook or a test can press the button from code
    return box
