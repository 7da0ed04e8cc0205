"""Robustness: the three text-noise kinds against independent references on real Turkish text,
and the embedding PGD attack against a hand-written attack through ``inputs_embeds``."""

import unicodedata
from collections import Counter

import pytest
import torch
import torch.nn.functional as F
from finetune_helpers import PAD, VOCAB, tiny_gpt

from course_lib.data.batching import LabelledDataset, collate
from course_lib.finetune import world_topic
from course_lib.finetune.compare import predict
from course_lib.finetune.heads import SequenceClassifier
from course_lib.i18n import CourseValueError
from course_lib.methods.embedding_perturbation import embedding_rms, perturbed_embeddings, project
from course_lib.risks.robustness import (
    add_noise,
    add_typos,
    noisy_accuracy,
    noisy_task,
    pgd_accuracy,
    pgd_attack,
    strip_diacritics,
    swap_words,
)

TURKISH_LETTERS = set("şŞıİğĞçÇöÖüÜ")


def reference_strip(text: str) -> str:
    """Unicode decomposition without combining marks, plus the dotless ı (which has no decomposition)."""
    decomposed = unicodedata.normalize("NFD", text.replace("ı", "i"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def test_strip_diacritics_matches_unicode_on_real_turkish(shared_data):
    text = (shared_data / "trwiki_sample.txt").read_text(encoding="utf-8")[:20000]
    assert TURKISH_LETTERS & set(text)
    stripped = strip_diacritics(text)
    assert not TURKISH_LETTERS & set(stripped)
    # Only Turkish letters with diacritics change; everything else (other scripts, accents) stays.
    changed = {a for a, b in zip(text, stripped) if a != b}
    assert changed <= set("şŞıİğĞçÇöÖüÜâÂîÎûÛ")
    expected = "".join(reference_strip(c) if c in changed else c for c in text)
    assert stripped == expected


def test_strip_diacritics_examples():
    assert strip_diacritics("Şişli'de ılık çörek, İğdır'da güzel ÖĞÜT") == "Sisli'de ilik corek, Igdir'da guzel OGUT"
    assert strip_diacritics("The cat sat.") == "The cat sat."


def test_typos_count_seed_and_edit_distance():
    text = "Öğretmen bugün sınıfta uzun bir ders anlattı ve öğrenciler dikkatle dinledi."
    letters = sum(c.isalpha() for c in text)
    assert add_typos(text, 0.0) == text
    noisy = add_typos(text, 0.1, seed=3)
    assert noisy == add_typos(text, 0.1, seed=3) and noisy != add_typos(text, 0.1, seed=4)
    # Each typo is one edit (a swap is two substitutions at most): the distance is bounded by them.
    k = round(0.1 * letters)
    assert 1 <= levenshtein(text, noisy) <= 2 * k
    assert levenshtein(text, add_typos(text, 0.5, seed=0)) > levenshtein(text, noisy)


def test_swap_words_keeps_the_words_and_moves_about_rate_of_them():
    text = " ".join(f"w{i}" for i in range(40))
    assert swap_words(text, 0.0) == text
    swapped = swap_words(text, 0.5, seed=1)
    assert Counter(swapped.split()) == Counter(text.split())
    moved = sum(a != b for a, b in zip(text.split(), swapped.split()))
    assert moved == 2 * round(0.5 * 40 / 2)
    assert swapped != swap_words(text, 0.5, seed=2)


def test_noisy_task_noises_dev_and_ood_only():
    task = world_topic("tr", n_train=8, n_dev=8)
    noisy = noisy_task(task, "diacritics")
    assert noisy.train == task.train
    assert [e.label for e in noisy.dev] == [e.label for e in task.dev]
    assert [e.text for e in noisy.dev] == [strip_diacritics(e.text) for e in task.dev]
    assert any(a.text != b.text for a, b in zip(noisy.dev, task.dev))
    assert noisy.name == "world-topic-tr+diacritics" and noisy.info["noise"] == "diacritics"
    typos = noisy_task(task, "typos", seed=5)
    assert typos.dev[1].text == add_typos(task.dev[1].text, 0.05, seed=6)


@pytest.mark.parametrize("bad", [dict(kind="shout"), dict(kind="typos", rate=1.5), dict(kind="swaps", rate=-0.1)])
def test_bad_noise_arguments_are_refused_in_both_languages(bad):
    task = world_topic("tr", n_train=4, n_dev=4)
    with pytest.raises(CourseValueError) as error:
        noisy_task(task, **bad)
    assert str(bad.get("rate", bad["kind"])) in str(error.value)


class CharTokenizer:
    def encode(self, text):
        return [1 + ord(c) % (VOCAB - 1) for c in text]

    def special_id(self, token):
        return PAD


@pytest.fixture(scope="module")
def classifier_and_data():
    task = world_topic("tr", n_train=4, n_dev=24)
    torch.manual_seed(0)
    classifier = SequenceClassifier(tiny_gpt(), len(task.labels), pad_id=PAD).eval()
    return classifier, task.dev


def test_pgd_with_zero_epsilon_is_clean_accuracy(classifier_and_data):
    classifier, examples = classifier_and_data
    dataset = LabelledDataset.from_texts([e.text for e in examples], [e.label for e in examples], CharTokenizer(),
                                         max_length=15)
    clean = sum(p == y for p, y in zip(predict(classifier, dataset, PAD, 8), dataset.labels)) / len(dataset)
    assert pgd_accuracy(classifier, CharTokenizer(), examples, epsilon=0.0, max_length=15) == clean
    assert noisy_accuracy(classifier, CharTokenizer(), examples, "swaps", rate=0.0, max_length=15) == clean
    attacked = pgd_accuracy(classifier, CharTokenizer(), examples, epsilon=20.0, steps=5, max_length=15)
    assert attacked < clean  # a huge ball: the attack must find wrong answers


def test_pgd_step_matches_a_hand_written_attack_through_inputs_embeds(classifier_and_data):
    classifier, examples = classifier_and_data
    texts = [e.text[: 5 + 2 * i] for i, e in enumerate(examples[:6])]  # unequal lengths: some padding
    rows = LabelledDataset.from_texts(texts, [e.label for e in examples[:6]], CharTokenizer(), max_length=15)
    batch = collate([rows[i] for i in range(len(rows))], pad_id=PAD)
    epsilon = 0.5 * embedding_rms(classifier)
    delta = pgd_attack(classifier, batch, epsilon, steps=1, step_size=epsilon)
    # Independent: the GPT's own inputs_embeds path, no hook.
    gpt = classifier.backbone
    embeds = gpt.wte(batch["input_ids"]).detach().requires_grad_(True)
    hidden = gpt(inputs_embeds=embeds, return_logits=False).last_hidden_state
    from course_lib.finetune.heads import pool_hidden

    logits = classifier.head(pool_hidden(hidden, batch["attention_mask"], "last"))
    (grad,) = torch.autograd.grad(F.cross_entropy(logits, batch["labels"]), embeds)
    expected = epsilon * grad.sign() * batch["attention_mask"].unsqueeze(-1)
    torch.testing.assert_close(delta, expected)
    assert float(delta.abs().max()) <= epsilon + 1e-7
    assert float(delta[batch["attention_mask"] == 0].abs().max()) == 0.0
    # and the loss went up
    with torch.no_grad(), perturbed_embeddings(classifier, delta):
        attacked = F.cross_entropy(classifier(batch["input_ids"], batch["attention_mask"]), batch["labels"])
    assert attacked > F.cross_entropy(logits, batch["labels"])


def test_projection_onto_the_balls():
    delta = torch.tensor([[[3.0, -4.0]], [[0.1, 0.2]]])
    torch.testing.assert_close(project(delta, 1.0, "linf"), torch.tensor([[[1.0, -1.0]], [[0.1, 0.2]]]))
    torch.testing.assert_close(project(delta, 1.0, "l2"), torch.tensor([[[0.6, -0.8]], [[0.1, 0.2]]]))
    with pytest.raises(CourseValueError, match="norm='l3'"):
        project(delta, 1.0, "l3")


def test_add_noise_refuses_unknown_kind_in_turkish(monkeypatch):
    monkeypatch.setenv("COURSE_LANG", "tr")
    with pytest.raises(CourseValueError, match="gürültü türü değil"):
        add_noise("metin", "uppercase")
