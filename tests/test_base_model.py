"""The shipped base model: its files, what it learned, how it is rebuilt, and how it is loaded."""

import re
import shutil

import pytest
import torch

from course_lib.assets import BaseModel, load_base_model, load_shipped_base, save_learner_base
from course_lib.assets.build_base import build, greedy_samples, held_out_batches, token_stream
from course_lib.assets.files import (
    ASSETS_DIR,
    CONFIG_FILE,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
    file_sha256,
    read_config,
)
from course_lib.assets.recipe import preset
from course_lib.data.world import World
from course_lib.data.world.lexicon import tr_lower, turkish_vocabulary
from course_lib.i18n import CourseFileError, CourseValueError
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.tokenizer import BPETokenizer, to_hf_tokenizer
from course_lib.train import evaluate_loss

# Measured on the shipped model: 1.63 nats/token on the stories of a world it never saw (seed 7,
# below); its held-out loss at build time was 1.65, a unigram model's 5.39, an untrained one's 7.79.
# The threshold leaves ~10 % of margin, so a rebuilt model that learned as much still passes.
VAL_THRESHOLD = 1.8
WORD = re.compile(r"[^\s.,!?:;]+")


@pytest.fixture(scope="module")
def shipped() -> BaseModel:
    return load_shipped_base()


def quiet_build(recipe, out):
    """Build without printing, on one thread: tiny matrices gain nothing from more (and on a busy
    machine a second thread mostly waits); one thread also makes the result independent of the
    machine's core count."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return build(recipe, out, progress=False, log=lambda *args: None)
    finally:
        torch.set_num_threads(threads)


# --- the files ------------------------------------------------------------------------------
def test_shipped_files_are_small_and_match_their_checksums():
    config = read_config(ASSETS_DIR)
    for name in (WEIGHTS_FILE, TOKENIZER_FILE):
        assert file_sha256(ASSETS_DIR / name) == config["sha256"][name]
    total = sum((ASSETS_DIR / name).stat().st_size for name in (WEIGHTS_FILE, TOKENIZER_FILE, CONFIG_FILE))
    assert total <= 15 * 2**20


def test_shipped_model_loads_with_its_config(shipped):
    config = shipped.config
    assert shipped.source == "shipped"
    assert shipped.model.config == GPTConfig.from_dict(config["model"])
    assert shipped.tokenizer.vocab_size == shipped.model.config.vocab_size == config["tokenizer"]["vocab_size"]
    assert list(shipped.tokenizer.special_tokens) == ["<|endoftext|>", "<|pad|>"]
    assert 1_000_000 <= shipped.model.n_params() <= 10_000_000
    assert 128 <= shipped.model.config.block_size <= 256
    model, tokenizer = shipped  # unpacks like a pair
    assert model is shipped.model and tokenizer is shipped.tokenizer


# --- what it learned ------------------------------------------------------------------------
def world_loss(model, tokenizer) -> float:
    """Mean loss on stories of another world (seed 7: other people), in both languages."""
    documents = [doc.text for doc in World(seed=7).corpus(12_000, lang="both").documents]
    tokens = token_stream(tokenizer, documents)
    batches = held_out_batches(tokens, model.config.block_size, batch_size=4)
    return evaluate_loss(model, batches, max_batches=2)


def test_loss_on_a_fresh_world_is_far_below_an_untrained_model(shipped):
    trained = world_loss(shipped.model, shipped.tokenizer)
    torch.manual_seed(0)
    untrained = world_loss(GPT(shipped.model.config), shipped.tokenizer)
    assert untrained > 7.0  # about log(vocab_size): knows nothing
    assert trained < VAL_THRESHOLD
    assert trained < 0.3 * untrained
    assert trained < 0.5 * shipped.config["results"]["unigram_val_loss"]


def greedy_words(base: BaseModel, prompt: str) -> list[str]:
    """The words of the greedy continuation of ``prompt``, up to the end of its document."""
    (sample,) = greedy_samples(base.model, base.tokenizer, prompts=(prompt,))
    assert sample.startswith(prompt)
    return WORD.findall(sample[len(prompt):])


def english_vocabulary() -> set[str]:
    text = World(seed=5).corpus(300_000, lang="en").text
    return {word.lower() for word in WORD.findall(text)}


def test_greedy_generation_writes_world_sentences_in_both_languages(shipped):
    turkish = greedy_words(shipped, "Ayşe Yılmaz Bursa'da yaşıyor ve")
    english = greedy_words(shipped, "Ayşe Yılmaz lives in Bursa and")
    assert len(turkish) >= 5 and len(english) >= 5
    tr_vocabulary, en_vocabulary = turkish_vocabulary(), english_vocabulary()
    assert all(tr_lower(word) in tr_vocabulary for word in turkish), turkish
    assert all(word.lower() in en_vocabulary for word in english), english
    # Each continuation stays in its prompt's language: English function words are not Turkish.
    assert not {"the", "and", "in", "to", "he", "she"} & {tr_lower(word) for word in turkish}
    assert {"the", "and", "in", "to", "at", "a", "he", "she", "was"} & {word.lower() for word in english}


def test_hf_conversion_gives_the_same_tokens_and_logits(shipped):
    hf_model = to_hf(shipped.model).eval()
    hf_tokenizer = to_hf_tokenizer(shipped.tokenizer)
    text = "Selin Kaya İzmir'de yaşıyor.<|endoftext|>Selin Kaya lives in Izmir."
    ids = hf_tokenizer(text)["input_ids"]
    assert ids == shipped.tokenizer.encode(text)
    batch = torch.tensor([ids])
    with torch.no_grad():
        ours, theirs = shipped.model(batch).logits, hf_model(batch).logits
    torch.testing.assert_close(theirs, ours, atol=1e-4, rtol=1e-4)


# --- rebuilding -----------------------------------------------------------------------------
def test_the_same_recipe_builds_bit_identical_weights(tmp_path):
    tiny = preset("smoke")
    first, second = quiet_build(tiny, tmp_path / "a"), quiet_build(tiny, tmp_path / "b")
    assert first["sha256"] == second["sha256"]
    assert (tmp_path / "a" / WEIGHTS_FILE).read_bytes() == (tmp_path / "b" / WEIGHTS_FILE).read_bytes()
    assert first["results"]["val_loss"] < first["results"]["untrained_val_loss"]  # it did train
    # ...and the check can fail: another seed gives other weights (the same tokenizer).
    other = quiet_build(preset("smoke", train_seed=99), tmp_path / "c")
    assert other["sha256"][WEIGHTS_FILE] != first["sha256"][WEIGHTS_FILE]
    assert other["sha256"][TOKENIZER_FILE] == first["sha256"][TOKENIZER_FILE]
    rebuilt = load_shipped_base(folder=tmp_path / "a")
    assert rebuilt.model.config.n_embd == tiny.n_embd


# --- refusing damaged files -----------------------------------------------------------------
@pytest.mark.parametrize("damaged", [WEIGHTS_FILE, TOKENIZER_FILE])
def test_a_corrupted_copy_is_refused_in_both_languages(tmp_path, damaged):
    for name in (WEIGHTS_FILE, TOKENIZER_FILE, CONFIG_FILE):
        shutil.copy(ASSETS_DIR / name, tmp_path / name)
    data = bytearray((tmp_path / damaged).read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    (tmp_path / damaged).write_bytes(bytes(data))
    with pytest.raises(CourseFileError) as caught:
        load_shipped_base(folder=tmp_path)
    assert damaged in caught.value.en and "SHA-256" in caught.value.en
    assert "bozulmuş" in caught.value.tr and damaged in caught.value.tr


def test_a_missing_file_is_named(tmp_path):
    shutil.copy(ASSETS_DIR / CONFIG_FILE, tmp_path / CONFIG_FILE)
    with pytest.raises(CourseFileError, match=WEIGHTS_FILE):
        load_shipped_base(folder=tmp_path)


# --- the learner's own base model -----------------------------------------------------------
def tiny_learner_model():
    tokenizer = BPETokenizer.train(World(seed=1).corpus(5_000, "both").text, 300, ["<|endoftext|>", "<|pad|>"])
    torch.manual_seed(3)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, block_size=32, n_layer=1, n_head=2, n_embd=16))
    return model.eval(), tokenizer


def test_the_learner_checkpoint_is_preferred_when_present(tmp_path, capsys):
    model, tokenizer = tiny_learner_model()
    folder = save_learner_base(model, tokenizer, tmp_path / "my_base")
    base = load_base_model(learner_dir=folder)
    assert base.source == str(folder) and "my_base" in capsys.readouterr().out
    ids = torch.tensor([tokenizer.encode("Ali Konya'da yaşıyor.")])
    torch.testing.assert_close(base.model(ids).logits, model(ids).logits, atol=0, rtol=0)
    assert base.tokenizer.merges == tokenizer.merges
    # Asked not to, or found nowhere: the shipped model.
    assert load_base_model(prefer_learner_checkpoint=False, learner_dir=folder).source == "shipped"
    assert load_base_model(learner_dir=tmp_path / "nothing_here").source == "shipped"


def test_the_learner_folder_comes_from_the_environment(tmp_path, monkeypatch):
    model, tokenizer = tiny_learner_model()
    monkeypatch.setenv("COURSE_BASE_DIR", str(tmp_path / "env_base"))
    folder = save_learner_base(model, tokenizer)
    assert folder == tmp_path / "env_base"
    assert load_base_model().source == str(folder)


def test_an_incomplete_learner_folder_falls_back_with_a_warning(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.warns(UserWarning, match="course_tokenizer.json"):
        base = load_base_model(learner_dir=tmp_path)
    assert base.source == "shipped"


def test_saving_a_model_with_the_wrong_tokenizer_is_refused(tmp_path):
    model, tokenizer = tiny_learner_model()
    other = BPETokenizer.train("Ali eve gitti. Ayşe okula gitti.", 270, ["<|endoftext|>"])
    with pytest.raises(CourseValueError, match="vocab_size"):
        save_learner_base(model, other, tmp_path)
    assert not any(tmp_path.iterdir())


def test_course_lib_exports_load_base_model_lazily():
    import course_lib

    assert course_lib.load_base_model is load_base_model
    with pytest.raises(AttributeError):
        course_lib.no_such_name  # noqa: B018


def test_importing_course_lib_does_not_import_torch():
    import subprocess
    import sys

    code = "import sys, course_lib; assert 'torch' not in sys.modules, 'torch was imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
