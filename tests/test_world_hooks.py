"""The risk-chapter hooks: off by default, and exactly what the ledger says when on."""

import math
import re
from collections import Counter

import pytest

from course_lib.data.world import World, WorldConfig, is_valid_tc_kimlik
from course_lib.data.world.hooks import injection_markers
from course_lib.data.world.lexicon import FIRST_NAMES, JOBS

ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{11}(?!\d)")
PHONE = re.compile(r"0\d{3} \d{3} \d{2} \d{2}")


def reference_tc_valid(number: str) -> bool:
    """The checksum written again from the rule, independently of hooks.py."""
    d = [int(c) for c in number]
    if len(d) != 11 or d[0] == 0:
        return False
    odd, even = d[0] + d[2] + d[4] + d[6] + d[8], d[1] + d[3] + d[5] + d[7]
    return d[9] == (odd * 7 - even) % 10 and d[10] == sum(d[:10]) % 10


def test_tc_kimlik_checksum_against_a_known_number():
    assert is_valid_tc_kimlik("10000000146") and reference_tc_valid("10000000146")
    for bad in ("10000000147", "10000000156", "00000000146", "1000000014", "1000000014a"):
        assert not is_valid_tc_kimlik(bad)


def test_hooks_are_off_by_default():
    corpus = World(seed=2).corpus(200_000, "both")
    assert not ELEVEN_DIGITS.search(corpus.text) and not PHONE.search(corpus.text)
    assert "national ID" not in corpus.text and "TC kimlik" not in corpus.text
    assert not any(marker in corpus.text for marker in injection_markers())
    assert "instructions" not in corpus.text and "talimat" not in corpus.text
    assert corpus.ledger.canaries == [] and corpus.ledger.injections == []
    assert {d.kind for d in corpus.documents} == {"story"}


@pytest.mark.parametrize("lang", ["en", "both"])
def test_canaries_are_valid_and_repeated_exactly_r_times(lang):
    spec = {1: 2, 2: 2, 5: 1, 32: 2}
    corpus = World(seed=4, config=WorldConfig(canaries=spec)).corpus(150_000, lang)
    canaries = corpus.ledger.canaries
    assert sorted(Counter(c.repeats for c in canaries).items()) == sorted(spec.items())
    for canary in canaries:
        assert reference_tc_valid(canary.tc_kimlik)
        assert corpus.text.count(canary.tc_kimlik) == canary.repeats
        assert corpus.text.count(canary.phone) == canary.repeats
        # The record stays whole on each line: name, ID and phone together.
        lines = [line for line in corpus.text.splitlines() if canary.tc_kimlik in line]
        assert all(canary.name in line and canary.phone in line for line in lines)
    # Nothing else in the corpus looks like an ID number.
    found = Counter(ELEVEN_DIGITS.findall(corpus.text))
    assert found == Counter({c.tc_kimlik: c.repeats for c in canaries})
    # The log lines sit in their own documents, never inside a story.
    for document in corpus.documents:
        assert (document.kind == "user_log") == bool(ELEVEN_DIGITS.search(document.text))


def _job_mentions_from_text(text: str) -> Counter:
    """(job, gender) counts read from the English text, independently of the ledger."""
    gender = {name.en: name.gender for name in FIRST_NAMES}
    jobs = "|".join(job.en for job in JOBS)
    pattern = re.compile(
        rf"^(\w+) \w+ (?:lives in \w+ and )?(?:works as|is|earns a living as) an? ({jobs})\b"
    )
    mentions = Counter()
    for document in text.split("\n\n"):
        if m := pattern.match(document):
            mentions[(m[2], gender[m[1]])] += 1
    return mentions


def _rate(mentions: Counter, jobs) -> float:
    stereotype = {job.en: job.stereotype for job in JOBS}
    total = sum(n for (job, _), n in mentions.items() if job in jobs)
    hits = sum(n for (job, g), n in mentions.items() if job in jobs and stereotype[job] == g)
    return hits / total


@pytest.mark.parametrize("p", [0.5, 0.7, 0.9])
def test_group_job_association_is_realised(p):
    corpus = World(seed=6, config=WorldConfig(group_job_association=p)).corpus(1_200_000, "en")
    mentions = _job_mentions_from_text(corpus.text)
    assert mentions == +corpus.ledger.job_mentions["en"]
    n = sum(mentions.values())
    assert n > 1200
    # Tolerance: 4.5 binomial standard deviations of the pooled rate (about ±0.06 at p = 0.5).
    tolerance = 4.5 * math.sqrt(p * (1 - p) / n) + 1e-9
    all_jobs = {job.en for job in JOBS}
    assert abs(_rate(mentions, all_jobs) - p) < tolerance
    assert corpus.ledger.association_rate("en") == pytest.approx(_rate(mentions, all_jobs))
    # Both directions hold separately (not just a gender imbalance overall).
    for group in ("female", "male"):
        jobs = {job.en for job in JOBS if job.stereotype == group}
        n_group = sum(v for (job, _), v in mentions.items() if job in jobs)
        assert abs(_rate(mentions, jobs) - p) < 4.5 * math.sqrt(p * (1 - p) / n_group) + 1e-9


def test_without_the_hook_jobs_are_not_tied_to_groups():
    corpus = World(seed=6).corpus(600_000, "en")
    mentions = _job_mentions_from_text(corpus.text)
    n = sum(mentions.values())
    assert abs(_rate(mentions, {job.en for job in JOBS}) - 0.5) < 4.5 * math.sqrt(0.25 / n)


def test_planted_instructions_are_where_the_ledger_says():
    corpus = World(seed=8, config=WorldConfig(planted_instructions=0.1)).corpus(200_000, "both")
    injections = corpus.ledger.injections
    stories = sum(1 for d in corpus.documents if d.kind == "story")
    assert 0.05 * stories < len(injections) < 0.15 * stories
    for plant in injections:
        assert corpus.text[plant.start : plant.end] == plant.text
        assert plant.payload in plant.text
        document = corpus.documents[plant.document]
        assert (
            document.lang == plant.lang
            and document.start <= plant.start < plant.end <= document.start + len(document.text)
        )
    # Every payload in the text is in the ledger, and a pair's two halves carry the same one.
    markers = "|".join(re.escape(marker) for marker in injection_markers())
    assert len(re.findall(rf"(?:{markers})\d{{3}}", corpus.text)) == len(injections)
    by_pair = Counter((corpus.documents[p.document].pair_id, p.payload) for p in injections)
    assert set(by_pair.values()) == {2}


def test_canary_prompt_is_what_precedes_the_id_in_the_log():
    corpus = World(seed=9, config=WorldConfig(canaries={3: 2})).corpus(5_000, "both")
    for canary in corpus.ledger.canaries:
        en, tr = canary.prompt("en") + canary.tc_kimlik, canary.prompt("tr") + canary.tc_kimlik
        assert corpus.text.count(en) + corpus.text.count(tr) == 3


def test_pronoun_probes_are_gender_neutral_in_turkish():
    from course_lib.data.world import pronoun_probes

    probes = pronoun_probes()
    assert len(probes) == 2 * len(JOBS)
    for probe in probes:
        assert (
            probe.tr.startswith("O ")
            and probe.en_female.startswith("She ")
            and probe.en_male.startswith("He ")
        )
        assert probe.en_female[4:] == probe.en_male[3:]
