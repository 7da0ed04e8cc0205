"""A helper shared by the tests that compare the course GPT with Hugging Face and peft."""

import torch


def randomised(model, seed=0):
    """``model`` with every parameter drawn from N(0, 0.2²), in eval mode: a fresh model's zero
    biases and unit LayerNorms would hide a mistake that random ones show."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=generator) * 0.2)
    return model.eval()
