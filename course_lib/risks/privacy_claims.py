"""What the literature says about memorisation and its mitigations, judged against the table a
notebook measured (as chapter 03's claims cell does: nothing is written in advance).

1. Exposure grows with the number of repetitions (Carlini et al. 2019, arXiv 1802.08232):
   the most repeated canaries' mean exposure exceeds the single ones' by more than ``margin`` bits.
2. Deduplication lowers the exposure of repeated secrets (Kandpal et al. 2022, arXiv 2202.06539).
3. Scrubbing removes the secret: the mean exposure over all canaries at chance level (below
   ``chance`` bits; a uniformly random rank gives 1/ln 2 ≈ 1.44 bits on average) and nothing
   extracted. One canary can sit a few bits above chance without any memory of it: a model that
   never saw the number still prefers some digit strings (its prior), the same in every seed.
4. DP-SGD (Abadi et al. 2016, arXiv 1607.00133) lowers exposure and brings the membership AUROC
   toward 0.5, and pays for it in held-out perplexity.
"""

from __future__ import annotations

from ..i18n import message
from . import privacy_messages  # noqa: F401  (registers this package's texts)
from .privacy import by_repeats, variant_summary


def judge_privacy_claims(rows: list[dict], margin: float = 1.0, chance: float = 1.44 + 1.0) -> list[tuple[str, bool | None]]:
    """[(message key, holds)] for each claim; holds is None when a variant it needs was not measured."""
    summary = {row["variant"]: row for row in variant_summary(rows)}
    per_r = {(row["variant"], row["r"]): row for row in by_repeats(rows)}
    verdicts = []
    base = summary.get("baseline")
    if base is not None:
        rs = sorted(r for v, r in per_r if v == "baseline")
        verdicts.append(("privacy_claim_repeats",
                         per_r[("baseline", rs[-1])]["exposure"] - per_r[("baseline", rs[0])]["exposure"] > margin))
    else:
        verdicts.append(("privacy_claim_repeats", None))
    dedup = summary.get("dedup")
    verdicts.append(("privacy_claim_dedup", None if base is None or dedup is None
                     else dedup["exposure_top_r"] < base["exposure_top_r"] - margin))
    scrub = summary.get("scrub")
    verdicts.append(("privacy_claim_scrub", None if scrub is None
                     else scrub["exposure"] < chance and scrub["greedy"] == 0.0))
    dp = summary.get("dp")
    verdicts.append(("privacy_claim_dp", None if base is None or dp is None else (
        dp["exposure_top_r"] < base["exposure_top_r"] - margin
        and abs(dp["mia_auroc"] - 0.5) < abs(base["mia_auroc"] - 0.5)
        and dp["perplexity"] > base["perplexity"])))
    return verdicts


def claim_lines(verdicts, lang: str | None = None) -> list[str]:
    """One line per claim in the learner's language: ✅ holds, ❌ does not, ⏭ not measured."""
    marks = {True: "✅", False: "❌", None: "⏭"}
    return [f"{marks[holds]} {message(key, lang=lang)}" for key, holds in verdicts]
