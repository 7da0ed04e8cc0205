"""Plots and widgets for the notebooks.

Plots return their matplotlib Figure; widgets return an ipywidgets box (or, without ipywidgets,
a figure or text instead), and draw once when made, so "Run all" never waits on them.

  bigram.py     chapter 00: bigram heat map, next-character bars, draws against probabilities
  tokens.py     token ids as readable axis labels
  attention.py  the causal mask, attention maps per head, the layer/head attention viewer
  sampling.py   temperature / top-k / top-p pictures and the sampling playground
  scaling.py    width / depth / data variants of a run and their loss plot
"""
