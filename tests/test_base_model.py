"""The shipped base models: their files, what the world-only one learned, how they are rebuilt and loaded.

What the real-text model learned (held-out bits per byte, SIB-200) is in test_base_model_real.py.
"""

import re
import shutil
from pathlib import Path

import pytest
import torch

from course_lib.assets import BaseModel, load_base_model, load_shipped_base, save_learner_base
from course_lib.assets.attribution import (
    ATTRIBUTION_FILE,
    MODEL_LICENCE,
    WIKIPEDIA_ARTICLES,
    attribution_text,
)
from course_lib.assets.build_base import build, greedy_samples, held_out_batches, token_stream
from course_lib.assets.corpus_mix import wikipedia_articles
from course_lib.assets.files import (
    CONFIG_FILE,
    SHIPPED,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
    file_sha256,
    read_config,
    shipped_dir,
)
from course_lib.assets.recipe import Recipe, preset
from course_lib.data.world import World
from course_lib.data.world.lexicon import tr_lower, turkish_vocabulary
from course_lib.i18n import CourseFileError, CourseValueError
from course_lib.model import GPT, GPTConfig, to_hf
from course_lib.tokenizer import BPETokenizer, to_hf_tokenizer
from course_lib.train import evaluate_loss

# Measured on the world-only model: 1.63 nats/token on the stories of a world it never saw (seed 7,
# below); its held-out loss at build time was 1.65, a unigram model's 5.39, an untrained one's 7.79.
# The threshold leaves ~10 % of margin, so a rebuilt model that learned as much still passes.
VAL_THRESHOLD = 1.8
WORD = re.compile(r"[^\s.,!?:;]+")


@pytest.fixture(scope="module")
def shipped() -> BaseModel:
    """The world-only model: what these tests measure was learned from the world alone."""
    return load_shipped_base("world")


def quiet_build(recipe, out, data_dir=None):
    """Build without printing, on one thread: tiny matrices gain nothing from more (and on a busy
    machine a second thread mostly waits); one thread also makes the result independent of the
    machine's core count."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return build(recipe, out, progress=False, log=lambda *args: None, data_dir=data_dir)
    finally:
        torch.set_num_threads(threads)


# --- the files ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_files_are_small_and_match_their_checksums(name):
    folder = shipped_dir(name)
    config = read_config(folder)
    for file in (WEIGHTS_FILE, TOKENIZER_FILE):
        assert file_sha256(folder / file) == config["sha256"][file]
    total = sum((folder / file).stat().st_size for file in (WEIGHTS_FILE, TOKENIZER_FILE, CONFIG_FILE))
    assert total <= 15 * 2**20


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_model_loads_with_its_config(name):
    base = load_shipped_base(name)
    config = base.config
    assert base.source == f"shipped:{name}"
    assert base.model.config == GPTConfig.from_dict(config["model"])
    assert base.tokenizer.vocab_size == base.model.config.vocab_size == config["tokenizer"]["vocab_size"]
    assert list(base.tokenizer.special_tokens) == ["<|endoftext|>", "<|pad|>"]
    assert 1_000_000 <= base.model.n_params() <= 10_000_000
    assert 128 <= base.model.config.block_size <= 256
    assert all(p.dtype == torch.float32 for p in base.model.parameters())  # fp16 storage is cast back
    model, tokenizer = base  # unpacks like a pair
    assert model is base.model and tokenizer is base.tokenizer


def test_the_real_text_model_carries_its_licence_and_credits():
    folder = shipped_dir("real")
    config = read_config(folder)
    assert config["licence"] == MODEL_LICENCE == "CC BY-SA 4.0"
    assert {source["licence"] for source in config["data"]["sources"].values()} == {"CC BY-SA 3.0", "CC BY 2.0 FR"}
    attribution = (folder / ATTRIBUTION_FILE).read_text(encoding="utf-8")
    for needed in ("CC BY-SA 4.0", "CC BY-SA 3.0", "CC BY 2.0 FR", "wikipedia.org", "Tatoeba", "lisans"):
        assert needed in attribution
    assert "licence" not in read_config(shipped_dir("world"))  # the world is the course's own text
    assert attribution == attribution_text(list(config["data"]["sources"]))  # the file is what the build writes


def test_every_wikipedia_article_trained_on_is_credited(shared_data):
    articles = wikipedia_articles(shared_data / "trwiki_sample.txt")
    titles = [article.splitlines()[0].strip("= ") for article in articles]
    assert titles == [title for title, _ in WIKIPEDIA_ARTICLES]


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


@pytest.mark.parametrize("name", SHIPPED)
def test_hf_conversion_gives_the_same_tokens_and_logits(name):
    shipped = load_shipped_base(name)
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


def test_the_real_text_recipe_builds_bit_identical_weights_with_held_out_parts(tmp_path, shared_data):
    tiny = preset("mix-smoke")
    first = quiet_build(tiny, tmp_path / "a", data_dir=shared_data)
    second = quiet_build(tiny, tmp_path / "b", data_dir=shared_data)
    assert first["sha256"] == second["sha256"]
    held_out = first["results"]["held_out"]
    assert set(held_out) == {"wikipedia_tr", "tatoeba_en", "tatoeba_tr", "world_en", "world_tr"}
    assert all(part["tokens"] > 0 and part["bits_per_byte"] > 0 for part in held_out.values())
    assert (tmp_path / "a" / ATTRIBUTION_FILE).is_file() and first["licence"] == MODEL_LICENCE


def test_a_changed_corpus_is_refused(tmp_path, shared_data):
    for name in ("trwiki_sample.txt", "tatoeba_eng_tur.tsv"):
        shutil.copy(shared_data / name, tmp_path / name)
    with open(tmp_path / "tatoeba_eng_tur.tsv", "a", encoding="utf-8") as extra:
        extra.write("One more.\tBir tane daha.\n")
    with pytest.raises(CourseFileError, match="tatoeba_eng_tur.tsv") as caught:
        quiet_build(preset("mix-smoke"), tmp_path / "out", data_dir=tmp_path)
    assert "SHA-256" in caught.value.en and "özgün" in caught.value.tr
    with pytest.raises(CourseFileError, match="--data"):
        quiet_build(preset("mix-smoke"), tmp_path / "out", data_dir=tmp_path / "nowhere")


# --- refusing damaged files -----------------------------------------------------------------
@pytest.mark.parametrize("damaged", [WEIGHTS_FILE, TOKENIZER_FILE])
def test_a_corrupted_copy_is_refused_in_both_languages(tmp_path, damaged):
    for name in (WEIGHTS_FILE, TOKENIZER_FILE, CONFIG_FILE):
        shutil.copy(shipped_dir("real") / name, tmp_path / name)
    data = bytearray((tmp_path / damaged).read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    (tmp_path / damaged).write_bytes(bytes(data))
    with pytest.raises(CourseFileError) as caught:
        load_shipped_base(folder=tmp_path)
    assert damaged in caught.value.en and "SHA-256" in caught.value.en
    assert "bozulmuş" in caught.value.tr and damaged in caught.value.tr


def test_a_missing_file_is_named(tmp_path):
    shutil.copy(shipped_dir("real") / CONFIG_FILE, tmp_path / CONFIG_FILE)
    with pytest.raises(CourseFileError, match=WEIGHTS_FILE):
        load_shipped_base(folder=tmp_path)


# --- the learner's own base model -----------------------------------------------------------
def tiny_learner_model():
    tokenizer = BPETokenizer.train(World(seed=1).corpus(5_000, "both").text, 300, ["<|endoftext|>", "<|pad|>"])
    torch.manual_seed(3)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, block_size=32, n_layer=1, n_head=2, n_embd=16))
    return model.eval(), tokenizer


def test_the_default_is_the_shipped_real_text_model_even_with_a_saved_learner_model(tmp_path, monkeypatch):
    model, tokenizer = tiny_learner_model()
    monkeypatch.setenv("COURSE_BASE_DIR", str(tmp_path / "my_base"))
    save_learner_base(model, tokenizer)  # where chapter 02 saves: it must not change the default
    base = load_base_model()
    assert base.source == "shipped:real" and base.config["recipe"]["sources"] == ["wikipedia", "tatoeba", "world"]
    assert load_base_model("world").source == "shipped:world"
    assert Recipe.from_dict(load_base_model("world").config["recipe"]).sources == ("world",)


def test_the_learner_model_is_opt_in(tmp_path):
    model, tokenizer = tiny_learner_model()
    folder = save_learner_base(model, tokenizer, tmp_path / "my_base")
    base = load_base_model("mine", learner_dir=folder)
    assert base.source == str(folder)
    ids = torch.tensor([tokenizer.encode("Ali Konya'da yaşıyor.")])
    torch.testing.assert_close(base.model(ids).logits, model(ids).logits, atol=0, rtol=0)
    assert base.tokenizer.merges == tokenizer.merges


def test_the_learner_folder_comes_from_the_environment(tmp_path, monkeypatch):
    model, tokenizer = tiny_learner_model()
    monkeypatch.setenv("COURSE_BASE_DIR", str(tmp_path / "env_base"))
    folder = save_learner_base(model, tokenizer)
    assert folder == tmp_path / "env_base"
    assert load_base_model("mine").source == str(folder)


def test_tests_never_see_the_home_directory_cache():
    import os

    from course_lib.assets import learner_base_dir

    home_cache = Path("~/.cache").expanduser()
    assert home_cache not in learner_base_dir().parents
    assert not os.environ["COURSE_BASE_DIR"].startswith(str(home_cache))


def test_a_missing_or_incomplete_learner_model_is_a_clear_error(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(CourseFileError, match="course_tokenizer.json") as caught:
        load_base_model("mine", learner_dir=tmp_path)
    assert "02. bölüm" in caught.value.tr


@pytest.mark.parametrize("name", ["shipped", "", 3])
def test_an_unknown_model_name_is_refused_in_both_languages(name):
    with pytest.raises(CourseValueError) as caught:
        load_base_model(name)
    assert "'real'" in caught.value.en and "mine" in caught.value.en and "hub:" in caught.value.en
    assert "böyle bir temel model yok" in caught.value.tr


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
