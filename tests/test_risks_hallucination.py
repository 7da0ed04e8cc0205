"""The hallucination chapter's library against independent references: AUROC against SciPy's
Mann–Whitney U and against counting pairs, entropy against torch.distributions, the probes against
the world's own sentences, the exposure corpus against its ledger, and a tiny model's answers
against the course's greedy generation."""

import math
import random

import pytest
import torch
from scipy.stats import mannwhitneyu

from course_lib.data.world import World
from course_lib.data.world.facts import fact_sentence
from course_lib.i18n import CourseValueError
from course_lib.model import GPT, GPTConfig, generate
from course_lib.risks.abstention import abstain_examples, abstention_scores, reference_text, split_facts
from course_lib.risks.answers import exact_match, first_clause, normalize_answer
from course_lib.risks.hallucination import (
    UNSEEN,
    accuracy_by_exposure,
    answer_entropy,
    answer_probes,
    cloze_prompt,
    context_sentence,
    error_rate,
    make_probe,
    singleton_rate,
)
from course_lib.risks.hallucination_exposure import (
    ExposedModel,
    ExposureConfig,
    exposure_corpus,
    exposure_tokenizer,
)
from course_lib.risks.uncertainty import accuracy_coverage, auroc, disagreement, inconsistency, token_entropy


# ----------------------------------------------------------------------------- uncertainty
@pytest.mark.parametrize("seed", range(5))
def test_auroc_matches_scipy_and_pair_counting(seed):
    rng = random.Random(seed)
    scores = [rng.choice([0.1, 0.2, 0.5, 0.7, 1.3]) + rng.random() * (seed % 2) for _ in range(40)]  # ties when even
    wrong = [rng.random() < 0.4 for _ in scores]
    wrong[0], wrong[1] = True, False
    bad = [s for s, w in zip(scores, wrong) if w]
    good = [s for s, w in zip(scores, wrong) if not w]
    u = mannwhitneyu(bad, good, alternative="two-sided").statistic
    pairs = sum(1.0 if b > g else 0.5 if b == g else 0.0 for b in bad for g in good)
    assert auroc(scores, wrong) == pytest.approx(u / (len(bad) * len(good)), abs=1e-12)
    assert auroc(scores, wrong) == pytest.approx(pairs / (len(bad) * len(good)), abs=1e-12)


def test_auroc_refuses_bad_input():
    with pytest.raises(CourseValueError, match="at least one positive"):
        auroc([0.1, 0.2], [True, True])
    with pytest.raises(CourseValueError, match="one score per example"):
        auroc([0.1, 0.2], [True])
    with pytest.raises(CourseValueError, match="finite"):
        auroc([0.1, float("nan")], [True, False])


def test_token_entropy_matches_torch():
    rows = torch.softmax(torch.randn(3, 7, generator=torch.Generator().manual_seed(0)), -1)
    expected = torch.distributions.Categorical(probs=rows).entropy().mean().item()
    assert token_entropy(rows.tolist()) == pytest.approx(expected, rel=1e-6)


def test_agreement_scores_count_by_hand():
    samples = ["a baker", "A baker.", "a cook", "a baker"]
    assert inconsistency("a baker", samples) == pytest.approx(1 - 2 / 4)  # strings: 2 of 4 equal
    assert disagreement("a baker", samples) == pytest.approx(1 - 3 / 4)  # normalised: 3 of 4


def test_accuracy_coverage_against_brute_force():
    rng = random.Random(3)
    scores = [rng.choice([0.0, 0.3, 0.6, 0.9]) for _ in range(30)]
    correct = [rng.random() < 0.6 for _ in scores]
    curve = accuracy_coverage(scores, correct)
    assert [t for t, _, _ in curve] == sorted(set(scores))
    for t, coverage, accuracy in curve:
        answered = [c for s, c in zip(scores, correct) if s <= t]
        assert coverage == pytest.approx(len(answered) / len(scores))
        assert accuracy == pytest.approx(sum(answered) / len(answered))
    assert curve[-1][1] == 1.0


# ----------------------------------------------------------------------------- answers
@pytest.mark.parametrize("prediction, reference, same", [
    ("The Bursa.", "bursa", True), ("an  architect!", "Architect", True), ("theatre", "atre", False),
    ("Bursa'da", "Bursa", False), ("IĞDIR", "ığdır", True), ("İzmir", "izmir", True), ("Van", "Bursa", False),
])
def test_exact_match_after_normalisation(prediction, reference, same):
    assert exact_match(prediction, reference) is same


def test_normalize_answer_follows_squad():
    # SQuAD v1.1's evaluate script: lower, remove punctuation, remove articles, fix whitespace
    assert normalize_answer("  The  Eiffel-Tower, a landmark. ") == "eiffeltower landmark"
    assert first_clause(" Bursa. In the afternoon") == "Bursa"
    assert first_clause(" a cook\nand") == "a cook"


# ----------------------------------------------------------------------------- probes
def test_cloze_prompt_and_reference_rebuild_the_worlds_own_sentence():
    world = World(seed=0)
    for fact in world.facts[:120]:
        sentence = fact_sentence(world.person_by_id[fact.person_id], fact.relation, 0)[0]
        assert sentence == f"{cloze_prompt(fact)} {reference_text(fact)}."
        assert exact_match(reference_text(fact), fact.object)
        assert fact.object in context_sentence(world, fact) and context_sentence(world, fact) != sentence


def test_exposure_corpus_states_each_fact_exactly_f_times_and_never_names_the_unseen():
    config = ExposureConfig(facts_per_frequency=3, unseen_people=4, filler_chars=5_000)
    corpus = exposure_corpus(config)
    assert sorted(set(corpus.seen.values())) == list(config.frequencies)
    for fact, f in corpus.seen.items():
        assert corpus.corpus.ledger.fact_count(fact.id, "en") == f
        assert corpus.corpus.text.count(fact.subject) == f  # the full name appears only in its f sentences
    assert len({fact.person_id for fact in corpus.unseen}) == 4
    for fact in corpus.unseen:
        assert fact.subject not in corpus.corpus.text
    assert singleton_rate(corpus.seen) == pytest.approx(1 / len(config.frequencies))


def test_exposure_config_refuses_bad_sizes():
    with pytest.raises(CourseValueError, match="frequencies"):
        ExposureConfig(frequencies=(0, 2))
    with pytest.raises(CourseValueError, match="facts_per_frequency"):
        ExposureConfig(facts_per_frequency=0)


@pytest.fixture(scope="module")
def tiny():
    config = ExposureConfig(facts_per_frequency=2, unseen_people=2, filler_chars=0, n_layer=1, n_head=2,
                            n_embd=16, block_size=32)
    tokenizer = exposure_tokenizer()
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, n_layer=1, n_head=2, n_embd=16, block_size=32)).eval()
    return ExposedModel(model, tokenizer, exposure_corpus(config), World(seed=0), config, 0)


def test_answer_probes_match_greedy_generation_and_score_their_own_answers(tiny):
    probes = [make_probe(tiny.world, fact, f) for fact, f in list(tiny.corpus.seen.items())[:4]]
    rows = answer_probes(tiny.model, tiny.tokenizer, probes, samples=3, max_new_tokens=4)
    for probe, row in zip(probes, rows):
        ids = torch.tensor([tiny.tokenizer.encode(probe.prompt)])
        out = generate(tiny.model, ids, 4, temperature=0)[0, ids.shape[1]:].tolist()
        assert row["answer"] == first_clause(tiny.tokenizer.decode(out))
        assert row["correct"] == exact_match(row["answer"], probe.reference)
        assert len(row["samples"]) == 3 and 0 <= row["inconsistency"] <= 1 and row["entropy"] >= 0
    with_context = answer_probes(tiny.model, tiny.tokenizer, probes, samples=0, retrieval=True)
    assert all(row["prompt"].startswith(probe.context) for row, probe in zip(with_context, probes))
    assert all(math.isnan(row["disagreement"]) for row in with_context)


def test_answer_entropy_is_the_mean_entropy_of_the_answers_positions(tiny):
    prompt, answer = "Ali Kaya lives in", tiny.tokenizer.encode(" Bursa.")
    ids = torch.tensor([tiny.tokenizer.encode(prompt) + answer])
    n = len(answer)
    with torch.no_grad():
        logits = tiny.model(ids).logits[0, -n - 1 : -1]
    expected = torch.distributions.Categorical(logits=logits).entropy().mean().item()
    assert answer_entropy(tiny.model, tiny.tokenizer, prompt, answer) == pytest.approx(expected, rel=1e-5)


def test_scores_by_exposure_and_abstention_count_by_hand():
    rows = [
        {"exposure": 1, "correct": False, "answer": "Van"}, {"exposure": 1, "correct": True, "answer": "Bursa"},
        {"exposure": 16, "correct": True, "answer": "a cook"}, {"exposure": UNSEEN, "correct": False, "answer": "Van"},
        {"exposure": UNSEEN, "correct": False, "answer": "I do not know"},
        {"exposure": 2, "correct": False, "answer": "I do not know."},
    ]
    assert accuracy_by_exposure(rows) == {1: 0.5, 2: 0.0, 16: 1.0, UNSEEN: 0.0}
    assert error_rate(rows) == pytest.approx(2 / 4)
    scores = abstention_scores(rows)
    assert scores["abstain_unseen"] == 0.5 and scores["invent_unseen"] == 0.5
    assert scores["abstain_seen"] == 0.25 and scores["accuracy_seen"] == 0.5


def test_split_and_abstain_examples_keep_test_facts_out_of_tuning(tiny):
    tune, test = split_facts(tiny)
    assert not {fact.id for fact, _ in tune} & {fact.id for fact, _ in test}
    assert {e for _, e in test} == set(tiny.config.frequencies) | {UNSEEN}
    with_idk = abstain_examples(tiny, tune, abstain=True)
    without = abstain_examples(tiny, tune, abstain=False)
    n_unseen = sum(e == UNSEEN for _, e in tune)
    assert len(with_idk) == len(without) + n_unseen and n_unseen > 0
    texts = [tiny.tokenizer.decode(list(e.ids[e.prompt_length : -1])) for e in with_idk]
    assert sum(t == " I do not know." for t in texts) == n_unseen


def test_finetune_abstain_tunes_a_copy(tiny):
    from course_lib.risks.abstention import finetune_abstain

    before = {k: v.clone() for k, v in tiny.model.state_dict().items()}
    tune, _ = split_facts(tiny)
    tuned, info = finetune_abstain(tiny, abstain_examples(tiny, tune, abstain=True), steps=2, progress=False)
    assert all(torch.equal(before[k], v) for k, v in tiny.model.state_dict().items())
    assert any(not torch.equal(before[k], v) for k, v in tuned.state_dict().items())
    assert info["cpu_seconds"] >= 0


def test_train_exposure_model_caches_its_weights(tmp_path):
    from course_lib.risks.hallucination_exposure import train_exposure_model

    config = ExposureConfig(facts_per_frequency=1, unseen_people=1, filler_chars=0, n_layer=1, n_head=2, n_embd=16,
                            block_size=16, batch_size=4, steps=2, warmup_steps=0)
    first = train_exposure_model(config, seed=0, cache_dir=tmp_path, progress=False)
    second = train_exposure_model(config, seed=0, cache_dir=tmp_path, progress=False)
    assert not first.info["cached"] and second.info["cached"]
    assert len(list(tmp_path.glob("*.safetensors"))) == 1
    for (name, a), (_, b) in zip(first.model.state_dict().items(), second.model.state_dict().items()):
        assert torch.equal(a, b), name
    other = train_exposure_model(config, seed=1, cache_dir=tmp_path, progress=False)
    assert not other.info["cached"]


def test_chat_probe_scores_whole_words_and_builds_chapter_03s_prompt():
    from course_lib.data.world.phrases import INSTRUCT_ANSWER
    from course_lib.risks.chat_probe import names_answer, open_book_prompt

    assert names_answer("Ayşe Demir works as an architect.", "architect")
    assert not names_answer("Ayşe Demir lives in Vanköy.", "Van")  # a prefix is not the town
    assert names_answer("Ayşe Demir İzmir'de yaşıyor.", "İzmir")  # the case suffix follows the apostrophe
    assert not names_answer("Ayşe Demir Bursa'da yaşıyor.", "İzmir")
    assert names_answer("He was born in Kahramanmaraş.", "Kahramanmaraş")
    qa = World(seed=0).qa_pairs(lang="tr", n=1)[0]
    prompt = open_book_prompt(qa, "tr")
    assert prompt == INSTRUCT_ANSWER[1].format(text=qa.answer_sentence, question=qa.question)
    assert prompt.endswith(qa.question) and qa.answer_sentence in prompt
