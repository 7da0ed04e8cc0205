"""What the literature says about hallucination, judged against the numbers a notebook measured.

Chapter 13 states only what its own runs show: it hands its summary to :func:`judge_hallucination`,
which prints which claims hold (through chapter 03's :func:`~course_lib.finetune.claims.verdict_lines`).
Each claim has a stated margin, so that a difference of one question out of twelve is not called
an effect:

1. accuracy rises with exposure: accuracy at the largest f ≥ accuracy at f = 1 + ``margin``
   (long-tail knowledge, Kandpal et al. 2023, arXiv 2211.08411);
2. on people it never read about, a model that was never taught to abstain invents an answer
   (it answers ≥ 90 % of those questions);
3. training on "I do not know" examples raises abstention on unseen people by ≥ ``margin``
   (R-tuning, Zhang et al. 2024, arXiv 2311.09677);
4. each uncertainty score predicts a wrong answer: AUROC ≥ 0.5 + ``auroc_margin`` (SelfCheckGPT,
   arXiv 2303.08896; semantic entropy, Farquhar et al., Nature 630, 2024);
5. retrieval (the fact's sentence in the prompt) raises accuracy by ≥ ``margin``
   (Lewis et al. 2020, arXiv 2005.11401);
6. facts seen once bound the error rate from below: error rate on seen facts ≥ singleton rate
   (Kalai et al. 2025, arXiv 2509.04664; their bound is for calibrated base models, up to small terms).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..finetune.claims import Verdict
from ..i18n import message, register

register({
    "hclaim_exposure": {
        "en": "accuracy rises with exposure, by ≥ {margin:.0f} percentage points from f = {low} to f = {high} "
              "(measured: {low_acc:.0f}% → {high_acc:.0f}%)",
        "tr": "doğruluk maruz kalmayla artar, f = {low} ile f = {high} arasında en az {margin:.0f} yüzde puan "
              "(ölçülen: %{low_acc:.0f} → %{high_acc:.0f})",
    },
    "hclaim_invents": {
        "en": "a model never taught to abstain answers ≥ 90 % of the questions about unseen people "
              "(measured: it answered {rate:.0f}%)",
        "tr": "çekimser kalması hiç öğretilmemiş bir model, hiç görmediği kişiler hakkındaki soruların en az "
              "%90'ını cevaplar (ölçülen: %{rate:.0f}'ini cevapladı)",
    },
    "hclaim_idk": {
        "en": "training on \"I do not know\" raises abstention on unseen people by ≥ {margin:.0f} percentage points "
              "(measured: {before:.0f}% → {after:.0f}%; accuracy on seen facts {acc_before:.0f}% → {acc_after:.0f}%)",
        "tr": "\"Bilmiyorum\" örnekleriyle eğitmek, görülmemiş kişilerde çekimser kalmayı en az {margin:.0f} yüzde puan artırır "
              "(ölçülen: %{before:.0f} → %{after:.0f}; görülmüş olgularda doğruluk %{acc_before:.0f} → %{acc_after:.0f})",
    },
    "hclaim_auroc": {
        "en": "{score} predicts a wrong answer, AUROC ≥ {threshold:.2f} (measured: {value:.2f})",
        "tr": "{score} yanlış cevabı önceden kestirir, AUROC ≥ {threshold:.2f} (ölçülen: {value:.2f})",
    },
    "hclaim_retrieval": {
        "en": "putting the fact's sentence in the prompt raises accuracy by ≥ {margin:.0f} percentage points "
              "(measured: {without:.0f}% → {with_:.0f}%)",
        "tr": "olgunun cümlesini prompt'a koymak doğruluğu en az {margin:.0f} yüzde puan artırır "
              "(ölçülen: %{without:.0f} → %{with_:.0f})",
    },
    "hclaim_kalai": {
        "en": "error rate on seen facts ≥ singleton rate (measured: error {error:.0f}%, singletons {singletons:.0f}%)",
        "tr": "görülmüş olgulardaki hata oranı ≥ tekil oranı (ölçülen: hata %{error:.0f}, bir kez görülenler "
              "%{singletons:.0f})",
    },
    "hclaim_missing": {
        "en": "{claim}: not measured in this run",
        "tr": "{claim}: bu çalıştırmada ölçülmedi",
    },
})


def judge_hallucination(summary: Mapping, margin: float = 0.2, auroc_margin: float = 0.1) -> list[Verdict]:
    """The six claims judged on ``summary``, a mapping that may hold:

    ``accuracy`` {f: accuracy} (seen facts), ``invent_unseen`` (share of unseen questions answered,
    before any abstention training), ``abstain`` {"plain": rate, "idk": rate} on unseen people and
    ``accuracy_tuned`` {"plain": acc, "idk": acc} on seen facts, ``auroc`` {score name: value},
    ``retrieval`` {"without": acc, "with": acc}, ``error_rate`` and ``singleton_rate``.
    A missing entry gives a "not measured" verdict.
    """
    verdicts = []
    accuracy = {f: a for f, a in summary.get("accuracy", {}).items() if isinstance(f, int)}
    if len(accuracy) >= 2:
        low, high = min(accuracy), max(accuracy)
        holds = accuracy[high] >= accuracy[low] + margin
        verdicts.append(Verdict("exposure", holds, message(
            "hclaim_exposure", margin=100 * margin, low=low, high=high, low_acc=100 * accuracy[low],
            high_acc=100 * accuracy[high])))
    else:
        verdicts.append(Verdict("exposure", None, message("hclaim_missing", claim="1")))

    if "invent_unseen" in summary:
        rate = summary["invent_unseen"]
        verdicts.append(Verdict("invents", rate >= 0.9, message("hclaim_invents", rate=100 * rate)))
    else:
        verdicts.append(Verdict("invents", None, message("hclaim_missing", claim="2")))

    abstain, tuned = summary.get("abstain", {}), summary.get("accuracy_tuned", {})
    if {"plain", "idk"} <= abstain.keys() and {"plain", "idk"} <= tuned.keys():
        holds = abstain["idk"] >= abstain["plain"] + margin
        verdicts.append(Verdict("idk", holds, message(
            "hclaim_idk", margin=100 * margin, before=100 * abstain["plain"], after=100 * abstain["idk"],
            acc_before=100 * tuned["plain"], acc_after=100 * tuned["idk"])))
    else:
        verdicts.append(Verdict("idk", None, message("hclaim_missing", claim="3")))

    aurocs = summary.get("auroc", {})
    for name, value in aurocs.items():
        verdicts.append(Verdict(f"auroc_{name}", value >= 0.5 + auroc_margin, message(
            "hclaim_auroc", score=name, threshold=0.5 + auroc_margin, value=value)))
    if not aurocs:
        verdicts.append(Verdict("auroc", None, message("hclaim_missing", claim="4")))

    retrieval = summary.get("retrieval", {})
    if {"without", "with"} <= retrieval.keys():
        holds = retrieval["with"] >= retrieval["without"] + margin
        verdicts.append(Verdict("retrieval", holds, message(
            "hclaim_retrieval", margin=100 * margin, without=100 * retrieval["without"],
            with_=100 * retrieval["with"])))
    else:
        verdicts.append(Verdict("retrieval", None, message("hclaim_missing", claim="5")))

    if "error_rate" in summary and "singleton_rate" in summary:
        holds = summary["error_rate"] >= summary["singleton_rate"]
        verdicts.append(Verdict("kalai", holds, message(
            "hclaim_kalai", error=100 * summary["error_rate"], singletons=100 * summary["singleton_rate"])))
    else:
        verdicts.append(Verdict("kalai", None, message("hclaim_missing", claim="6")))
    return verdicts
