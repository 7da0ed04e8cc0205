"""Plots and widgets for the notebooks. Every function returns its matplotlib Figure."""
