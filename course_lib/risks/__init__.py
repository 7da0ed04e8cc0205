"""Risks of LLMs, each measured (chapters 11-15): bias, carbon emissions, hallucination, security,
consent and privacy.

Import from the submodules (``from course_lib.risks.bias import ...``): each stands alone.
"""
