"""Chapter 13's checks pass correct solutions and fail the blank exercise and plausible mistakes,
each for the reason a learner should read."""

import re
import string

from check_testing import blank, fails

from course_lib.checks.ch13_hallucination import check_auroc, check_exact_match
from course_lib.risks.answers import exact_match as library_exact_match
from course_lib.risks.uncertainty import auroc as library_auroc


# ------------------------------------------------------------------------------------ AUROC
def _pairs(scores, wrong, tie=0.5, flip=False):
    """AUROC by counting pairs, with switchable mistakes."""
    bad = [s for s, w in zip(scores, wrong) if w]
    good = [s for s, w in zip(scores, wrong) if not w]
    if flip:
        bad, good = good, bad
    total = sum(1.0 if b > g else tie if b == g else 0.0 for b in bad for g in good)
    return total / (len(bad) * len(good))


def test_auroc_passes_pair_counting_and_the_library():
    assert check_auroc(_pairs)
    assert check_auroc(library_auroc)


def test_auroc_fails_blank():
    fails(check_auroc, blank, "NotImplementedError|not implemented|yazılmamış|henüz")


def test_auroc_fails_flipped_score():
    fails(check_auroc, lambda s, w: _pairs(s, w, flip=True), "1 − the AUROC|1 − AUROC")


def test_auroc_fails_ties_counted_zero():
    fails(check_auroc, lambda s, w: _pairs(s, w, tie=0.0), "tie|eşitlik")


def test_auroc_fails_accuracy_instead():
    """Accuracy of 'wrong when score > 0.5' is a plausible confusion with AUROC."""
    def accuracy(scores, wrong):
        return sum((s > 0.5) == w for s, w in zip(scores, wrong)) / len(scores)
    fails(check_auroc, accuracy, "expected|beklenen")


def test_auroc_fails_a_string():
    fails(check_auroc, lambda s, w: f"{_pairs(s, w):.2f}", "float")


# ------------------------------------------------------------------------------ exact match
def _normalise(text, articles=True, punctuation=True, lower=True, spaces=True):
    if lower:
        text = text.lower()
    if punctuation:
        text = "".join(ch for ch in text if ch not in string.punctuation)
    if articles:
        text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split()) if spaces else text


def test_exact_match_passes_solution_and_library():
    assert check_exact_match(lambda p, r: _normalise(p) == _normalise(r))
    assert check_exact_match(library_exact_match)


def test_exact_match_fails_blank():
    fails(check_exact_match, blank, "NotImplementedError|not implemented|yazılmamış|henüz")


def test_exact_match_fails_without_article_removal():
    fails(check_exact_match, lambda p, r: _normalise(p, articles=False) == _normalise(r, articles=False),
           "articles|tanımlık")


def test_exact_match_fails_substring_match():
    fails(check_exact_match, lambda p, r: _normalise(r) in _normalise(p), "among others|başkalarıyla")


def test_exact_match_fails_article_removed_inside_words():
    def inside(p, r):
        """Removes the articles without word boundaries: "theatre" loses its "the"."""
        def strip(text):
            return " ".join(re.sub(r"(the|an|a)", "", text.lower().strip(string.punctuation)).split())
        return strip(p) == strip(r)
    fails(check_exact_match, inside, "whole words|tam sözcük")


def test_exact_match_fails_without_lowercase():
    fails(check_exact_match, lambda p, r: _normalise(p, lower=False) == _normalise(r, lower=False),
           "case|harf")


def test_exact_match_fails_non_bool():
    fails(check_exact_match, lambda p, r: int(_normalise(p) == _normalise(r)), "True or False|True ya da False")
