#!/usr/bin/env bash
# Installs PyTorch into the given venv before the package itself, so that pip never
# pulls a multi-GB CUDA build onto a machine that has no GPU.
#   - torch already present: nothing to do;
#   - an NVIDIA driver present: the default (CUDA) build from PyPI;
#   - otherwise: the CPU build, from a local wheel cache when the machine has one,
#     else from PyTorch's CPU index (never an unpinned "torch": on PyPI that is a CUDA build).
set -euo pipefail
py="$1"
if "$py" -c "import torch" 2>/dev/null; then
    exit 0
fi
if command -v nvidia-smi >/dev/null 2>&1; then
    "$py" -m pip install --quiet "torch>=2.4"
elif "$py" -m pip install --quiet "torch==2.13.0+cpu" 2>/dev/null; then
    :   # a CPU wheel from a local wheel cache (pip's find-links); PyPI has no "+cpu" builds
else
    "$py" -m pip install --quiet "torch>=2.4" --index-url https://download.pytorch.org/whl/cpu \
        --extra-index-url https://pypi.org/simple
fi
