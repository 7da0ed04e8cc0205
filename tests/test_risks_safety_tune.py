"""The security chapter's cached tuning runs: they train, they are cached under a key that names
everything that defines them, and a cached run loads the very weights the first run produced."""

import torch

from course_lib.assets import load_chat_model
from course_lib.data.world import World, WorldConfig
from course_lib.risks.refusal import safety_pairs
from course_lib.risks.safety_tune import TuneSettings, run_key, tune_chat


def test_a_run_trains_is_cached_and_reloads_the_same_weights(tmp_path):
    pairs = safety_pairs(World(seed=14, config=WorldConfig(n_people=60)), 2, ("en",))
    settings = TuneSettings(steps=2, batch_size=2)
    chat = load_chat_model().model
    first = tune_chat(pairs, settings, cache_dir=tmp_path, progress=False)
    assert len(list(tmp_path.glob("*.safetensors"))) == 1
    changed = [n for n, t in first.state_dict().items() if not torch.equal(t, chat.state_dict()[n])]
    assert changed and not any(n.startswith(("wte", "wpe")) for n in changed)  # embeddings stay frozen
    again = tune_chat(pairs, settings, cache_dir=tmp_path, progress=False)
    assert all(torch.equal(t, again.state_dict()[n]) for n, t in first.state_dict().items())
    # a second run from the tuned model is a different run
    tune_chat(pairs, settings, start=first, cache_dir=tmp_path, progress=False)
    assert len(list(tmp_path.glob("*.safetensors"))) == 2


def test_the_key_changes_with_pairs_settings_and_start():
    pairs = safety_pairs(World(seed=14, config=WorldConfig(n_people=60)), 2, ("en",))
    base = run_key("a", pairs, TuneSettings())
    assert base != run_key("b", pairs, TuneSettings())
    assert base != run_key("a", pairs[1:], TuneSettings())
    assert base != run_key("a", pairs, TuneSettings(steps=61))
    assert base == run_key("a", list(pairs), TuneSettings())
