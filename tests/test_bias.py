"""The bias chapter's library: the corpora plant exactly the rate they report, the swap is a
true counterfactual, and the probes read the model's probabilities right."""

import math
import re

import pytest
import torch

from course_lib.data.world.lexicon import JOBS
from course_lib.i18n import CourseValueError
from course_lib.model import GPT, GPTConfig
from course_lib.risks.bias_corpora import bias_corpus, swap_gender
from course_lib.risks.bias_models import TinySizes, train_bias_models
from course_lib.risks.bias_probes import (
    continuation_logprob,
    greedy_share,
    minimal_pair_rate,
    minimal_pairs,
    she_probability,
    stereotype_rates,
    translation_probes,
)
from course_lib.tokenizer import CharTokenizer

STEREOTYPE = {job.en: job.stereotype for job in JOBS}
_EN_JOB = re.compile(r"^(?:The (\w+) .*?\. (She|He) |(She|He) is an? (\w+)\.)")


def _rate_read_from_text(texts):
    """The stereotyped share, read back from the English text alone (the first pronoun after the job)."""
    stereotyped = 0
    for text in texts:
        m = _EN_JOB.match(text)
        job, pronoun = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        stereotyped += (pronoun == "She") == (STEREOTYPE[job] == "female")
    return stereotyped / len(texts)


@pytest.mark.parametrize("p", [0.5, 0.7, 0.9])
def test_corpus_plants_the_rate_it_reports(p):
    corpus = bias_corpus(p, 1500)
    assert _rate_read_from_text(corpus.texts("en")) == pytest.approx(corpus.rate)
    assert abs(corpus.rate - p) < 4 * math.sqrt(p * (1 - p) / 1500) + 1e-9


def test_counterfactual_makes_every_job_even():
    augmented = bias_corpus(0.9, 400).counterfactual()
    texts = augmented.texts("en")
    assert len(texts) == 800 and _rate_read_from_text(texts) == pytest.approx(0.5)
    assert augmented.rate == 0.5


def test_swap_gender_is_an_involution_and_swaps_only_gendered_words():
    for text in bias_corpus(0.7, 60).texts("en") + bias_corpus(0.7, 60).texts("tr"):
        swapped = swap_gender(text)
        assert swap_gender(swapped) == text
        changed = [(a, b) for a, b in zip(text.split(), swapped.split()) if a != b]
        assert len(text.split()) == len(swapped.split())
        assert all(a.strip(".,'") != b.strip(".,'") for a, b in changed)
    assert swap_gender("She met Ali. Her name is Ayşe.") == "He met Ayşe. His name is Ali."
    assert swap_gender("Ayşe'yi aradı. Adı Ayşe.") == "Ali'yi aradı. Adı Ali."  # Turkish: names only
    assert swap_gender("The shell is here.") == "The shell is here."  # whole words only


def test_minimal_pairs_differ_only_in_the_protagonist():
    corpus = bias_corpus(0.9, 80)
    for lang in ("en", "tr"):
        pairs = minimal_pairs(corpus, lang)
        assert pairs
        for stereo, anti in pairs:
            a, b = stereo.split(), anti.split()
            diff = [(x, y) for x, y in zip(a, b) if x != y]
            assert len(a) == len(b) and diff
            assert all(swap_gender(x) == y for x, y in diff)
    # the stereotyped side is the one whose pronoun matches the job's stereotype
    for stereo, _ in minimal_pairs(corpus, "en"):
        job = stereo.split()[1]
        assert (" She " in stereo) == (STEREOTYPE[job] == "female")


def test_translation_probes_are_the_neutral_o_bir_form():
    probes = translation_probes()
    assert len(probes) == len(JOBS) and probes["nurse"] == "O bir hemşire."


def _tiny_model(vocab_size, seed=0):
    torch.manual_seed(seed)
    return GPT(GPTConfig(vocab_size=vocab_size, block_size=32, n_layer=1, n_head=2, n_embd=16)).eval()


def test_continuation_logprob_equals_the_full_sequence_log_likelihood_difference():
    tok = CharTokenizer.train("abcdefgh SHe.")
    model = _tiny_model(tok.vocab_size)
    prompt, cont = "abc de", " She"
    ids = torch.tensor([tok.encode(prompt + cont)])
    with torch.no_grad():
        logp = torch.log_softmax(model(ids[:, :-1]).logits[0], -1)
    token_logp = logp.gather(1, ids[0, 1:, None])[:, 0]
    expected = float(token_logp[len(tok.encode(prompt)) - 1:].sum())
    assert continuation_logprob(model, tok, prompt, cont) == pytest.approx(expected, abs=1e-5)
    she = she_probability(model, tok, prompt)
    lf, lm = continuation_logprob(model, tok, prompt, " She"), continuation_logprob(model, tok, prompt, " He")
    assert she == pytest.approx(math.exp(lf) / (math.exp(lf) + math.exp(lm)))


def test_rates_and_errors():
    assert stereotype_rates({"nurse": 0.8, "pilot": 0.3}) == pytest.approx({"nurse": 0.8, "pilot": 0.7})
    assert greedy_share({"nurse": 0.8, "pilot": 0.6}) == 0.5
    with pytest.raises(CourseValueError, match="logp_stereo"):
        minimal_pair_rate([1.0], [1.0, 2.0])
    with pytest.raises(CourseValueError, match="p"):
        bias_corpus(1.5, 10)


def test_models_are_cached_by_their_corpus(tmp_path):
    from course_lib.assets import load_base_model

    tok = load_base_model("world").tokenizer
    sizes = TinySizes(n_layer=1, n_head=2, n_embd=16, block_size=16, batch_size=4, steps=2, ft_steps=2)
    corpus, held = bias_corpus(0.9, 30), bias_corpus(0.9, 10, seed=5).texts("en")
    first = train_bias_models(corpus, held, tok, sizes, cache_dir=tmp_path, progress=False)
    again = train_bias_models(corpus, held, tok, sizes, cache_dir=tmp_path, progress=False)
    other = train_bias_models(corpus.counterfactual(), held, tok, sizes, cache_dir=tmp_path, progress=False)
    assert not first.cached and again.cached and not other.cached
    for a, b in zip(first.translator.state_dict().values(), again.translator.state_dict().values()):
        assert torch.equal(a, b)
    assert again.val_loss == pytest.approx(first.val_loss)
    assert len(list(tmp_path.glob("*.safetensors"))) == 2


def _rows(stereo_before=0.8, amp=-0.1, greedy=0.9, translation=0.7, stereo_after=0.52, pairs_before=0.7, pairs_after=0.5,
          ppl_before=3.0, ppl_after=3.1):
    return [
        {"p": 0.5, "augmented": False, "lm_stereotype": 0.5, "lm_amplification": 0.0, "translation_greedy": 0.5,
         "pairs_en": 0.5, "perplexity": 3.0},
        {"p": 0.9, "augmented": False, "lm_stereotype": stereo_before, "lm_amplification": amp,
         "translation_greedy": greedy, "translation_stereotype": translation, "pairs_en": pairs_before,
         "perplexity": ppl_before},
        {"p": 0.9, "augmented": True, "lm_stereotype": stereo_after, "lm_amplification": stereo_after - 0.5,
         "translation_greedy": 0.5, "pairs_en": pairs_after, "perplexity": ppl_after},
    ]


def test_claims_follow_the_table():
    from course_lib.risks.bias_claims import judge_bias_claims

    def holds(rows):
        return {v.key: v.holds for v in judge_bias_claims(rows)}

    assert holds(_rows()) == {"learned": True, "amplified": False, "translation": True, "mitigation": True,
                              "cost": True}
    assert holds(_rows(stereo_before=0.52))["learned"] is False
    assert holds(_rows(amp=0.05))["amplified"] is True
    assert holds(_rows(greedy=0.5))["translation"] is False
    assert holds(_rows(translation=0.53))["translation"] is False  # one pronoun for (almost) every job
    assert holds(_rows(stereo_after=0.85))["mitigation"] is False
    assert holds(_rows(pairs_after=0.75))["mitigation"] is False
    assert holds(_rows(ppl_after=2.9))["cost"] is False
    missing = holds([r for r in _rows() if not r["augmented"]])
    assert missing["mitigation"] is None and missing["cost"] is None


def test_hub_reading_logprob_matches_a_hand_decoded_sum():
    transformers = pytest.importorskip("transformers")
    from course_lib.risks.bias_hub import hub_she_rates, reading_logprob

    config = transformers.MarianConfig(vocab_size=40, d_model=16, encoder_layers=1, decoder_layers=1,
                                       encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                                       decoder_ffn_dim=32, max_position_embeddings=64, pad_token_id=0,
                                       eos_token_id=1, decoder_start_token_id=0)
    torch.manual_seed(0)
    model = transformers.MarianMTModel(config).eval()

    class Chars:
        """A stand-in tokenizer: one id per character (mod 38, offset 2), then end-of-sentence."""

        def _ids(self, text):
            return [2 + ord(c) % 38 for c in text] + [1]

        def __call__(self, text, text_target, return_tensors):
            return {"input_ids": torch.tensor([self._ids(text)]), "labels": torch.tensor([self._ids(text_target)])}

    tok = Chars()
    labels = torch.tensor([tok._ids("She is a nurse.")])
    decoder_inputs = torch.cat([torch.tensor([[0]]), labels[:, :-1]], dim=1)  # start token, then shifted
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([tok._ids("O bir hemşire.")]), decoder_input_ids=decoder_inputs).logits
    expected = float(torch.log_softmax(logits[0], -1).gather(1, labels[0][:, None]).sum())
    assert reading_logprob(model, tok, "O bir hemşire.", "She is a nurse.") == pytest.approx(expected, abs=1e-4)
    rates = hub_she_rates(model=model, tokenizer=tok)
    assert set(rates) == {job.en for job in JOBS} and all(0 < r < 1 for r in rates.values())


def test_turkish_claims_write_decimal_commas_and_the_percent_sign_first(monkeypatch):
    from course_lib import i18n
    from course_lib.risks.bias_claims import judge_bias_claims

    monkeypatch.setattr(i18n, "_language", "tr")
    texts = {v.key: v.text for v in judge_bias_claims(_rows())}
    assert "= 0,800; 0,5 + 0,05 üzerinde olmalı" in texts["learned"]
    assert "mesleklerin %90 kadarı" in texts["translation"]
    assert "0,800 → 0,520; minimal çiftler %70 → %50" in texts["mitigation"]
