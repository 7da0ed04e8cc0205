"""How much a base model's features know about real topics: a linear probe and its baselines.

The measurement of issue 17 on SIB-200 (7 topics, Turkish and English sentences):

    features = mean_pooled_features(model, tokenizer, texts)       # (n, n_embd), no gradients; layer=0: embeddings
    last, first = mean_pooled_layers(model, tokenizer, texts, (-1, 0))  # several layers, one forward pass
    probe_accuracy(train_x, train_y, dev_x, dev_y)                   # logistic regression on them
    probe_accuracy(bag_of_tokens(tokenizer, train), ..., ...)        # the baseline without a model
    majority_rate(train_y, dev_y)                                    # always the commonest label

A linear probe (Alain and Bengio 2016, "Understanding intermediate layers using linear
classifier probes") trains only a logistic regression on frozen features: if it beats the
majority rate, the features carry the label. The bag-of-tokens baseline reads the same token ids
with no model at all, so a model whose features beat it adds something beyond word identity.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from .recipe import PAD

WEIGHT_DECAYS = (1e-4, 1e-3, 1e-2, 1e-1)  # tried on a split of the training set, never on dev


def encode_batch(tokenizer, texts: list[str], block_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids (n, T) padded on the right with ``<|pad|>``, and the mask of real tokens (n, T).

    A text longer than the context keeps its first ``block_size`` tokens. Padding on the right is
    harmless in a causal model: no real token attends to a later position.
    """
    encoded = [tokenizer.encode(text)[:block_size] for text in texts]
    length = max(len(ids) for ids in encoded)
    pad = tokenizer.special_id(PAD)
    ids = torch.full((len(texts), length), pad, dtype=torch.long)
    mask = torch.zeros(len(texts), length, dtype=torch.bool)
    for row, tokens in enumerate(encoded):
        ids[row, : len(tokens)] = torch.tensor(tokens)
        mask[row, : len(tokens)] = True
    return ids, mask


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The mean of ``hidden`` (n, T, d) over the real positions of ``mask`` (n, T)."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)


def mean_pooled_features(model, tokenizer, texts: list[str], layer: int = -1, batch_size: int = 32) -> torch.Tensor:
    """Each text's hidden states at ``layer``, averaged over its tokens.

    ``layer`` indexes ``hidden_states``: 0 the token + position embeddings, -1 (default) the last
    hidden states after the final LayerNorm.
    """
    return mean_pooled_layers(model, tokenizer, texts, (layer,), batch_size)[0]


@torch.no_grad()
def mean_pooled_layers(model, tokenizer, texts: list[str], layers: tuple[int, ...], batch_size: int = 32) -> list[torch.Tensor]:
    """:func:`mean_pooled_features` at several ``layers`` from one forward pass over the texts."""
    was_training = model.training
    model.eval()
    rows = [[] for _ in layers]
    for start in range(0, len(texts), batch_size):
        ids, mask = encode_batch(tokenizer, texts[start : start + batch_size], model.config.block_size)
        hidden_states = model(ids, return_hidden=True).hidden_states
        for row, layer in zip(rows, layers):
            row.append(mean_pool(hidden_states[layer].float(), mask))
    model.train(was_training)
    return [torch.cat(row) for row in rows]


def bag_of_tokens(tokenizer, texts: list[str]) -> torch.Tensor:
    """log(1 + count) of every token id in each text (n, vocab_size): word identity, no order."""
    counts = torch.zeros(len(texts), tokenizer.vocab_size)
    for row, text in enumerate(texts):
        ids = torch.tensor(tokenizer.encode(text), dtype=torch.long)
        counts[row].index_add_(0, ids, torch.ones(len(ids)))
    return counts.log1p()


def majority_rate(train_labels: torch.Tensor, dev_labels: torch.Tensor) -> float:
    """Dev accuracy of always answering the most frequent training label."""
    majority = torch.bincount(train_labels).argmax()
    return float((dev_labels == majority).float().mean())


def fit_logistic_regression(x: torch.Tensor, y: torch.Tensor, n_classes: int, weight_decay: float, steps: int = 200):
    """Multinomial logistic regression by full-batch L-BFGS; returns a function giving predictions.

    Features are standardised with the training mean and spread, so one weight decay scale fits
    features of any size; the penalty is ``weight_decay * ||W||^2`` (the bias is not penalised).
    """
    mean, std = x.mean(0), x.std(0).clamp(min=1e-6)
    z = (x - mean) / std
    generator = torch.Generator().manual_seed(0)
    weight = (torch.randn(z.shape[1], n_classes, generator=generator) * 0.01).requires_grad_()
    bias = torch.zeros(n_classes, requires_grad=True)
    optimizer = torch.optim.LBFGS([weight, bias], lr=1.0, max_iter=steps, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = F.cross_entropy(z @ weight + bias, y) + weight_decay * weight.pow(2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    weight, bias = weight.detach(), bias.detach()
    return lambda features: (((features - mean) / std) @ weight + bias).argmax(-1)


def choose_weight_decay(x, y, n_classes: int, weight_decays=WEIGHT_DECAYS, folds: int = 5, seed: int = 0) -> float:
    """The weight decay with the best mean accuracy over ``folds``-fold cross-validation on the training set.

    Every fold is a seeded fifth (for 5 folds) held out from a fit on the rest; with ~700 examples
    one split alone would let a few sentences decide.
    """
    order = torch.randperm(len(y), generator=torch.Generator().manual_seed(seed))
    parts = order.chunk(folds)
    scores = []
    for decay in weight_decays:
        correct = 0
        for k, held in enumerate(parts):
            kept = torch.cat([part for j, part in enumerate(parts) if j != k])
            predict = fit_logistic_regression(x[kept], y[kept], n_classes, decay)
            correct += int((predict(x[held]) == y[held]).sum())
        scores.append(correct)
    return weight_decays[max(range(len(scores)), key=scores.__getitem__)]


def probe_accuracy(train_x, train_y, dev_x, dev_y, weight_decays=WEIGHT_DECAYS) -> dict:
    """Dev accuracy of a logistic regression on ``train_x``; its weight decay chosen on the training set."""
    n_classes = int(max(train_y.max(), dev_y.max())) + 1
    decay = choose_weight_decay(train_x, train_y, n_classes, weight_decays)
    predict = fit_logistic_regression(train_x, train_y, n_classes, decay)
    return {
        "dev_accuracy": float((predict(dev_x) == dev_y).float().mean()),
        "train_accuracy": float((predict(train_x) == train_y).float().mean()),
        "weight_decay": decay,
    }
