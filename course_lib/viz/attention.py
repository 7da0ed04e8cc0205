"""Pictures of causal self-attention: the mask, and where each head of a GPT looks.

    plot_causal_mask(8)                         which positions may attend to which
    maps = attention_maps(model, ids)           one (n_head, T, T) tensor per layer
    plot_attention_heads(maps[0], labels)       a heat map per head of one layer
    attention_viewer(model, ids, labels)        the same with a layer / head selector (ipywidgets)

Row t of a map is the distribution position t spreads over positions 0..t (it sums to 1); the
cells right of the diagonal are the future, which the causal mask keeps at exactly 0.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import torch

from ..i18n import CourseValueError, get_language
from . import messages  # noqa: F401  (registers this package's texts)

_WORDS = {
    "en": {"query": "position that looks (query)", "key": "position looked at (key)", "head": "head",
           "layer": "layer", "weight": "attention weight", "mask": "causal mask: 1 = may look", "all": "all"},
    "tr": {"query": "bakan konum (sorgu)", "key": "bakılan konum (anahtar)", "head": "kafa",
           "layer": "katman", "weight": "dikkat ağırlığı", "mask": "nedensel maske: 1 = bakabilir",
           "all": "hepsi"},
}


def causal_mask(size: int) -> torch.Tensor:
    """(size, size) booleans: True where the row position may attend to the column position (col ≤ row)."""
    return torch.ones(size, size, dtype=torch.bool).tril()


def plot_causal_mask(size: int, labels: list[str] | None = None, title: str = ""):
    """The causal mask as a picture: a lower triangle of ones."""
    words = _WORDS[get_language()]
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.imshow(causal_mask(size).float().numpy(), cmap="Greens", vmin=0, vmax=1)
    for row in range(size):
        for col in range(size):
            ax.text(col, row, "1" if col <= row else "0", ha="center", va="center", fontsize=8)
    _label_axes(ax, labels or [str(i) for i in range(size)], words)
    ax.set_title(title or words["mask"])
    fig.tight_layout()
    return fig


@torch.no_grad()
def attention_maps(model, ids) -> list[torch.Tensor]:
    """The attention weights of every layer for one sequence ``ids`` (T,) or (1, T).

    Returns a list with one (n_head, T, T) CPU tensor per layer. The model runs in eval mode (no
    dropout) and is put back in its previous mode.
    """
    ids = torch.as_tensor(ids)
    if ids.dim() == 1:
        ids = ids.unsqueeze(0)
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    try:
        output = model(ids[:1].to(device), return_attention=True)
    finally:
        model.train(was_training)
    return [weights[0].float().cpu() for weights in output.attentions]


def plot_attention_heads(weights: torch.Tensor, labels: list[str], heads=None, title: str = ""):
    """A heat map per head of one layer's ``weights`` (n_head, T, T); ``heads`` picks some of them."""
    words = _WORDS[get_language()]
    heads = list(range(weights.shape[0])) if heads is None else list(heads)
    columns = min(len(heads), 4)
    rows = -(-len(heads) // columns)
    size = 2.0 + 0.16 * len(labels)  # inches per panel: room for one tick label per token
    fig, axes = plt.subplots(rows, columns, figsize=(size * columns + 1, size * rows), squeeze=False,
                             layout="constrained")
    for ax in axes.flat[len(heads):]:
        ax.axis("off")
    for ax, head in zip(axes.flat, heads):
        image = ax.imshow(weights[head].numpy(), cmap="viridis", vmin=0, vmax=1)
        _label_axes(ax, labels, words, axis_titles=(ax is axes.flat[0]))
        ax.set_title(f"{words['head']} {head}")
    fig.colorbar(image, ax=axes.ravel().tolist(), shrink=0.8, fraction=0.03, label=words["weight"])
    if title:
        fig.suptitle(title)
    return fig


def attention_viewer(model, ids, labels: list[str], layer: int = 0, head: int | None = None):
    """Attention maps with a layer and head selector.

    Returns an ipywidgets box (a layer slider, a head menu with "all", and the picture) when
    ipywidgets is installed, else the figure of ``layer`` (and ``head``; None = every head).
    The maps are computed once; moving a control only redraws.
    """
    maps = attention_maps(model, ids)
    _check_index(layer, len(maps), "viz_bad_layer")
    if head is not None:
        _check_index(head, maps[0].shape[0], "viz_bad_head")

    def figure(chosen_layer: int, chosen_head):
        heads = None if chosen_head is None else [chosen_head]
        words = _WORDS[get_language()]
        return plot_attention_heads(maps[chosen_layer], labels, heads, title=f"{words['layer']} {chosen_layer}")

    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:
        return figure(layer, head)

    words = _WORDS[get_language()]
    layer_slider = widgets.IntSlider(value=layer, min=0, max=len(maps) - 1, description=words["layer"])
    head_options = [(words["all"], -1)] + [(str(h), h) for h in range(maps[0].shape[0])]
    head_menu = widgets.Dropdown(options=head_options, value=-1 if head is None else head,
                                 description=words["head"])
    picture = widgets.Output()

    def redraw(_change=None):
        chosen_head = None if head_menu.value == -1 else head_menu.value
        fig = figure(layer_slider.value, chosen_head)
        plt.close(fig)  # shown once, inside the Output widget, not again by the inline backend
        with picture:
            picture.clear_output(wait=True)
            display(fig)

    layer_slider.observe(redraw, names="value")
    head_menu.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([layer_slider, head_menu]), picture])


def _label_axes(ax, labels: list[str], words: dict, axis_titles: bool = True) -> None:
    positions = range(len(labels))
    ax.set_xticks(positions, labels, rotation=90, fontsize=7)
    ax.set_yticks(positions, labels, fontsize=7)
    if axis_titles:
        ax.set_xlabel(words["key"])
        ax.set_ylabel(words["query"])


def _check_index(value, count: int, key: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
        raise CourseValueError(key, value=value, last=count - 1)
