"""The size and shape of a GPT, in one small dataclass.

A config is all a GPT needs to be built again: it is saved beside the weights and turned into
a Hugging Face ``GPT2Config`` by :mod:`course_lib.model.hf`. Bad values are refused when the
config is made, with a message that names the field, so a learner never waits for a model to
build only to see a shape error from deep inside PyTorch.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..i18n import CourseValueError
from . import messages  # noqa: F401  (registers the model's messages)
from .size import parameter_count

# The four sizes OpenAI released (Radford et al. 2019, "Language Models are Unsupervised
# Multitask Learners", Table 2), with GPT-2's 50,257-token vocabulary and 1,024-token context.
PRESETS = {
    "gpt2": dict(n_layer=12, n_head=12, n_embd=768),
    "gpt2-medium": dict(n_layer=24, n_head=16, n_embd=1024),
    "gpt2-large": dict(n_layer=36, n_head=20, n_embd=1280),
    "gpt2-xl": dict(n_layer=48, n_head=25, n_embd=1600),
}

# The MLP's GELU, by its Hugging Face name, and the ``approximate`` argument of ``nn.GELU`` for it.
ACTIVATIONS = {"gelu_new": "tanh", "gelu": "none"}


@dataclass
class GPTConfig:
    """Hyperparameters of a GPT-2-shaped model.

    vocab_size      number of token ids the model reads and predicts
    block_size      the context: the longest sequence the model can read (one position embedding each)
    n_layer         number of transformer blocks
    n_head          attention heads per block; each is n_embd // n_head wide
    n_embd          width of the residual stream
    dropout         one rate for the embedding, attention and residual dropouts (0 = off)
    bias            whether linear layers and LayerNorms have a bias (GPT-2: yes)
    layer_norm_eps  the epsilon inside every LayerNorm (GPT-2: 1e-5)
    activation      the MLP's GELU: "gelu_new" is GPT-2's tanh approximation (every shipped model
                    uses it, and Hugging Face calls it that); "gelu" is the exact one, erf-based,
                    which a CPU computes about 1.7x faster (bench/pretrain_shakespeare.py)
    """

    vocab_size: int
    block_size: int
    n_layer: int
    n_head: int
    n_embd: int
    dropout: float = 0.0
    bias: bool = True
    layer_norm_eps: float = 1e-5
    activation: str = "gelu_new"

    def __post_init__(self):
        for name in ("vocab_size", "block_size", "n_layer", "n_head", "n_embd"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise CourseValueError("model_config_not_positive", name=name, value=value)
        if self.n_embd % self.n_head:
            suggestion = max(1, round(self.n_embd / self.n_head)) * self.n_head
            raise CourseValueError(
                "model_config_heads_divide", n_embd=self.n_embd, n_head=self.n_head, suggestion=suggestion
            )
        if not isinstance(self.dropout, (int, float)) or not 0.0 <= self.dropout < 1.0:
            raise CourseValueError("model_config_dropout", value=self.dropout)
        if not isinstance(self.layer_norm_eps, (int, float)) or not 0.0 < self.layer_norm_eps < 1.0:
            raise CourseValueError("model_config_eps", value=self.layer_norm_eps)
        if self.activation not in ACTIVATIONS:
            raise CourseValueError(
                "model_config_activation", value=self.activation, known=", ".join(ACTIVATIONS)
            )

    @property
    def head_dim(self) -> int:
        """Width of one attention head."""
        return self.n_embd // self.n_head

    def n_params(self, include_embeddings: bool = True) -> int:
        """Exact parameter count of ``GPT(self)`` (see :func:`course_lib.model.size.parameter_count`)."""
        return parameter_count(self, include_embeddings=include_embeddings)

    def to_dict(self) -> dict:
        """Plain values, ready for JSON."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> GPTConfig:
        """The inverse of :meth:`to_dict`; unknown keys are refused rather than silently dropped."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise CourseValueError("model_config_unknown_keys", keys=unknown, fields=sorted(known))
        return cls(**values)

    @classmethod
    def preset(cls, name: str, **overrides) -> GPTConfig:
        """One of OpenAI's GPT-2 sizes ("gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl").

        ``overrides`` change any field, e.g. ``GPTConfig.preset("gpt2", block_size=256)``.
        """
        if name not in PRESETS:
            raise CourseValueError("model_config_unknown_preset", name=name, known=", ".join(PRESETS))
        values = dict(vocab_size=50257, block_size=1024, **PRESETS[name])
        values.update(overrides)
        return cls(**values)
