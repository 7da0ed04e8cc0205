"""A slider that steps through BPE merges and shows how sentences are cut after each one.

:func:`merge_slider` returns an ipywidgets box (slider + HTML) when ipywidgets is installed,
else ``None`` (the notebook then relies on the static plot of
:func:`~course_lib.viz.tokenization.plot_segmentations`). The HTML is built by
:func:`segmentation_html`, a plain function that tests can call without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..i18n import pick

_BACKGROUNDS = ("#fde2e2", "#e2ecfd", "#e2fde6", "#fdf6e2", "#efe2fd", "#e2fdfb")


def segmentation_html(tokens: Sequence[str]) -> str:
    """The tokens as coloured, escaped boxes side by side, followed by their number."""
    boxes = "".join(
        f'<span style="background:{_BACKGROUNDS[i % len(_BACKGROUNDS)]};padding:1px 2px;margin:1px;'
        f'border-radius:3px;font-family:monospace">{html.escape(piece)}</span>'
        for i, piece in enumerate(tokens)
    )
    count = pick(en=f"{len(tokens)} token{'' if len(tokens) == 1 else 's'}", tr=f"{len(tokens)} token")
    return f"<div>{boxes} <b>({count})</b></div>"


def merge_slider(segmentations: Sequence[Sequence[Sequence[str]]]):
    """A slider over k = 0 .. K showing each sentence cut after k merges, or None without ipywidgets.

    ``segmentations[s][k]`` are the tokens of sentence ``s`` after ``k`` merges, as from
    :func:`~course_lib.tokenizer.views.segmentations_by_merge`.
    """
    try:
        import ipywidgets as widgets
    except ImportError:
        return None
    steps = min(len(rows) for rows in segmentations) - 1
    slider = widgets.IntSlider(value=0, min=0, max=steps, description=pick(en="merges", tr="birleştirme"))
    view = widgets.HTML()

    def show(_change=None):
        view.value = "".join(segmentation_html(rows[slider.value]) for rows in segmentations)

    slider.observe(show, names="value")
    show()
    return widgets.VBox([slider, view])
